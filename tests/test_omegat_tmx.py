"""Our TMX in a real CAT tool: OmegaT (headless, console-translate) fills the target from tm/auto/.

Skipped when java or /usr/share/omegat/OmegaT.jar is absent (installs nothing itself).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from omegat import (
    FIXTURE,
    build_project,
    fixture_aligner,
    fixture_documents,
    fixture_text,
    read_target,
    run_omegat,
    skip_reason,
)

from alignmem import pipeline
from alignmem.join import JoinConfig

pytestmark = [pytest.mark.omegat, pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")]

SETTINGS = pipeline.Settings(glossary=False, report=False, join=JoinConfig(split=False))


@pytest.fixture(scope="module")
def memories(tmp_path_factory) -> dict[str, Path]:
    """The fixture's TMX files, built through the real pipeline (hand-made links, real export)."""
    root = tmp_path_factory.mktemp("omegat-tmx")
    docs = fixture_documents(root / "in")
    result = pipeline.export_document(docs, root / "tm" / "fixture.tmx", SETTINGS, aligner=fixture_aligner)
    return {"-".join(f.langs): Path(f.path) for f in result.outputs}


def translate(root: Path, target: str, tmx: Path) -> list[str]:
    project = build_project(root, "en", target, {"article.txt": fixture_text("en")}, tmx_files=[tmx])
    run_omegat(project)
    return [line for line in read_target(project, "article.txt").splitlines() if line.strip()]


def test_trilingual_tmx_fills_russian_target(memories, tmp_path):
    en, ru = FIXTURE["en"], FIXTURE["ru"]
    lines = translate(tmp_path / "en-ru", "ru", memories["en-ru-zh"])
    # the sentence missing in Chinese is not in the trilingual file: it stays English
    assert lines[0] == f"{ru[0][0]} {ru[0][1]} {en[0][2]}"
    assert lines[1] == " ".join(ru[1])  # one English sentence, two Russian ones: a 1-2 TU
    assert lines[2] == ru[2][0]


def test_trilingual_tmx_fills_chinese_target_without_leaking_russian(memories, tmp_path):
    en, zh = FIXTURE["en"], FIXTURE["zh"]
    lines = translate(tmp_path / "en-zh", "zh", memories["en-ru-zh"])
    # OmegaT drops the space between segments for Chinese; the sentence zh omits stays English
    assert lines[0] == f"{zh[0][0]}{zh[0][1]}{en[0][2]}"
    assert lines[1] == zh[1][0]
    assert lines[2] == zh[2][0]
    assert not any(ch in "\n".join(lines) for ch in "абвгдежзийклмнопрстуфхцчшщыэюя")


def test_pair_tmx_translates_what_the_trilingual_file_leaves_out(memories, tmp_path):
    ru = FIXTURE["ru"]
    lines = translate(tmp_path / "en-ru-pair", "ru", memories["en-ru"])
    assert lines[0] == " ".join(ru[0])
    assert lines[1] == " ".join(ru[1])
