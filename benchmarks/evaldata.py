"""The evaluation data the benchmarks read at run time: where it is, and the UN sets built from it.

The data is never part of the project (licences): it is found at ``../shared/eval`` next to the
repository, or wherever ``$ALIGNMEM_EVAL`` points. The UN document-level sets are built with the data's
own tool, ``tools/make_unbench.py``, into a folder the caller owns (usually a temporary one).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def eval_dir() -> Path:
    """``$ALIGNMEM_EVAL``, or ``shared/eval`` beside the repository."""
    env = os.environ.get("ALIGNMEM_EVAL")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "eval"


def require(benchmark: str, part: str = "tools/make_unbench.py") -> Path:
    """The evaluation folder, or exit with one line when ``part`` of it is missing."""
    path = eval_dir()
    if not (path / part).exists():
        raise SystemExit(f"{benchmark}: no evaluation data at {path} (set ALIGNMEM_EVAL)")
    return path


def make_unbench(out: Path, *, docs: int = 40, sents: int = 60, seed: int = 1, split: str = "devset") -> Path:
    """Build the UN sets (en-ru/, en-zh/, ru-zh/ with gold links, e2e/ with paragraph texts) into ``out``."""
    ev = eval_dir()
    subprocess.run([sys.executable, str(ev / "tools" / "make_unbench.py"), str(ev / "un-devset"), split,
                    str(out), "--docs", str(docs), "--sents", str(sents), "--seed", str(seed)],
                   check=True, stdout=subprocess.DEVNULL)
    return out
