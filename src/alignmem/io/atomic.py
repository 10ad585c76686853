"""Write outputs so that an interrupted run never leaves a half-written file: temp file, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from alignmem.errors import OutputError


def write_files(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> list[Path]:
    """Write every file or none: all go to temporary files beside their targets first (flushed to disk),
    then each is renamed into place. A failure leaves no temporary file behind. Returns the paths."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files:
            path = Path(target)
            directory = path.parent if str(path.parent) else Path(".")
            try:
                if directory.exists() and not directory.is_dir():
                    raise OutputError("cannot write: its folder is a file", str(path))
                if path.is_dir():
                    raise OutputError("cannot write: a folder of that name exists", str(path))
                directory.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
            staged.append((tmp, path))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, 0o644)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
    return [path for _, path in staged]


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    write_files([(path, data)])


def write_text(path: str | os.PathLike[str], text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
