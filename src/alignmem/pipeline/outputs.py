"""Writing a document's files: all of them or none (:func:`alignmem.io.atomic.write_files`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alignmem.export import Built
from alignmem.io.atomic import write_files


def write_outputs(files: Sequence[Built]) -> list[Path]:
    """Write a document's files together, all or none; returns their paths."""
    return write_files([(built.path, built.data) for built in files])
