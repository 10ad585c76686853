"""Write outputs so that no reader ever sees a half-written file or half of a set of files.

:func:`write_files` writes every file of a set or none: each goes to a temporary file beside its target
first (flushed to disk); then the targets are replaced one by one, the files they replace kept aside
under a temporary name. If any replacement fails (on Windows a CAT tool may hold a TMX open), the ones
already replaced are rolled back: every target holds its old content again (or does not exist, if it
did not before). Temporary files never outlive the call; those a killed run left behind
(``.NAME.*.tmp`` beside a target) are removed the next time that target is written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from alignmem.errors import OutputError

TEMP_SUFFIX = ".tmp"


@dataclass
class _Staged:
    target: Path
    temp: str
    backup: str | None = None  # where the replaced file waits until the whole set is in place
    placed: bool = False


def _fail(exc: OSError, path: Path) -> OutputError:
    return OutputError(f"cannot write: {exc.strerror or exc}", str(path))


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files of ``path`` that an interrupted run left (``.NAME.<random>.tmp``)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f".{path.name}.*{TEMP_SUFFIX}"))


def _stage(path: Path, data: bytes) -> str:
    directory = path.parent if str(path.parent) else Path(".")
    if directory.exists() and not directory.is_dir():
        raise OutputError("cannot write: its folder is a file", str(path))
    if path.is_dir():
        raise OutputError("cannot write: a folder of that name exists", str(path))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for stale in stale_temporaries(path):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=directory)
    except OSError as exc:
        raise _fail(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _fail(exc, path) from None
    except BaseException:  # Ctrl-C or SIGTERM while writing
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _place(item: _Staged) -> None:
    if item.target.exists():
        fd, backup = tempfile.mkstemp(prefix=f".{item.target.name}.", suffix=TEMP_SUFFIX, dir=item.target.parent)
        os.close(fd)
        try:
            os.replace(item.target, backup)
        except BaseException:
            Path(backup).unlink(missing_ok=True)
            raise
        item.backup = backup
    os.replace(item.temp, item.target)
    item.placed = True


def _roll_back(staged: list[_Staged]) -> None:
    for item in reversed(staged):
        try:
            if item.backup is not None:
                os.replace(item.backup, item.target)
                item.backup = None
            elif item.placed:
                item.target.unlink(missing_ok=True)
            item.placed = False
        except OSError:
            pass  # nothing better to do: the error that started the roll-back is reported


def write_files(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> list[Path]:
    """Write every file or none (see the module); returns the paths, in the order given."""
    staged: list[_Staged] = []
    try:
        for target, data in files:
            path = Path(target)
            staged.append(_Staged(path, _stage(path, data)))
        for item in staged:
            try:
                _place(item)
            except OSError as exc:
                raise _fail(exc, item.target) from None
    except BaseException:  # an error, Ctrl-C or SIGTERM part-way: every target as it was
        _roll_back(staged)
        raise
    finally:
        for item in staged:
            Path(item.temp).unlink(missing_ok=True)
            if item.backup is not None:
                Path(item.backup).unlink(missing_ok=True)
    return [item.target for item in staged]


def check_writable(path: str | os.PathLike[str]) -> None:
    """An :class:`OutputError` now, before any work, when ``path`` could not be written later (its folder
    is a file or not writable, a folder stands at its name). Folders it creates to find out are removed
    again: a run that fails later leaves nothing behind."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError("cannot write: a folder of that name exists", str(target))
    missing = []
    folder = directory
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    if folder.exists() and not folder.is_dir():
        raise OutputError("cannot write: its folder is a file", str(target))
    probe = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=directory)
        os.close(fd)
    except OSError as exc:
        raise _fail(exc, target) from None
    finally:  # even when a signal comes in between
        if probe is not None:
            Path(probe).unlink(missing_ok=True)
        for created in missing:  # deepest first
            try:
                created.rmdir()
            except OSError:
                break


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    write_files([(path, data)])


def write_text(path: str | os.PathLike[str], text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
