"""Helpers of the corpus tests, in a module of their own so that worker processes (spawned local workers,
Dask workers) can import what the tests hand them: the fixture corpus and picklable aligners."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from omegat import fixture_aligner, fixture_text


def make_corpus(root: Path, stems: dict[str, tuple[str, ...]]) -> Path:
    """``root/en|ru|zh/STEM.txt`` holding the fixture text of each language given for each stem."""
    for stem, langs in stems.items():
        for lang in langs:
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"{stem}.txt").write_text(fixture_text(lang), encoding="utf-8")
    return root


def slow_fixture_aligner(src, tgt, config=None):
    """The fixture's links, a quarter of a second late (so that a run can be stopped half way)."""
    time.sleep(0.25)
    return fixture_aligner(src, tgt, config)


def need(module: str) -> None:
    """Skip when ``module`` (an optional extra) is missing; under CI=true a missing extra fails."""
    try:
        __import__(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{module} is missing in CI (pip install '.[test]' brings it)")
        pytest.skip(f"{module} is not installed (pip install 'alignmem[dask]')")


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file of a corpus run (alignmem's own state folder left out)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
