"""Where a corpus is read from and its outputs go: a local folder, or any fsspec URL (``s3://``,
``gcs://``, ``file://``...), behind one small interface, so that the corpus driver and its workers need
not know which.

Names are full: ``store.join("ru", "a.txt")`` gives ``corpora/ru/a.txt`` for a folder and
``s3://bucket/corpora/ru/a.txt`` for a URL; every other method takes such a name. A store is small and
picklable (it is sent to worker processes and cluster workers); an fsspec file system is made on first
use in each process.

All or none: :meth:`Store.write_all` writes a document's files. In a folder they go to temporary
files and are renamed into place (:mod:`alignmem.io.atomic`); on an object store each object is put
whole (a PUT is atomic: a reader sees the old object or the new one, never half of it), but several
objects cannot be put at once, so the corpus driver writes a completion marker after them and counts a
document without one as unfinished.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from alignmem.errors import AlignmemError, InputError, OutputError
from alignmem.io.atomic import write_files

EXTRA = "pip install 'alignmem[dask]'"
# The temporary files io.atomic.write_files makes: ".<name>.<8 random characters>.tmp"
TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


class Store(ABC):
    """A folder tree: list, read, write all or none."""

    def __init__(self, location: str):
        self.location = location

    @abstractmethod
    def join(self, *parts: str) -> str:
        """The full name of ``parts`` below the root."""

    @abstractmethod
    def is_dir(self, name: str) -> bool: ...

    @abstractmethod
    def names(self, folder: str) -> Iterator[str]:
        """Names (not full names) of the entries of ``folder``, in no particular order."""

    @abstractmethod
    def read(self, name: str) -> bytes:
        """The bytes of ``name``; :class:`InputError` naming it when it cannot be read."""

    @abstractmethod
    def open(self, name: str) -> BinaryIO:
        """``name`` opened for reading as a stream (for files too big to read at once)."""

    @abstractmethod
    def size(self, name: str) -> int | None:
        """Size in bytes, None when there is no such file."""

    @abstractmethod
    def mtime(self, name: str) -> int:
        """Last modification, seconds since the epoch (0 when the store does not say)."""

    @abstractmethod
    def write_all(self, files: Sequence[tuple[str, bytes]]) -> None:
        """Write every file (full names); see the module's note on all or none."""

    @abstractmethod
    def remove(self, name: str) -> None:
        """Delete ``name`` if it exists."""

    def clean_temporaries(self, folder: str) -> list[str]:
        """Remove what an interrupted writer left in ``folder`` (none on object stores); returns them."""
        return []

    @contextlib.contextmanager
    def lock(self, name: str) -> Iterator[None]:
        """Hold ``name`` as a lock while the block runs (a no-op where the store cannot lock)."""
        yield

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.location!r})"


class LocalStore(Store):
    """A folder on this machine (or on a file system every worker mounts at the same path)."""

    def join(self, *parts: str) -> str:
        return str(Path(self.location, *parts))

    def is_dir(self, name: str) -> bool:
        return Path(name).is_dir()

    def names(self, folder: str) -> Iterator[str]:
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    yield entry.name
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"cannot list: {(exc.strerror or str(exc)).lower()}", folder) from None

    def read(self, name: str) -> bytes:
        try:
            return Path(name).read_bytes()
        except FileNotFoundError:
            raise InputError("no such file", name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", name) from None

    def open(self, name: str) -> BinaryIO:
        try:
            return open(name, "rb")
        except FileNotFoundError:
            raise InputError("no such file", name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {(exc.strerror or str(exc)).lower()}", name) from None

    def size(self, name: str) -> int | None:
        try:
            return os.stat(name).st_size
        except OSError:
            return None

    def mtime(self, name: str) -> int:
        try:
            return int(os.stat(name).st_mtime)
        except OSError:
            return 0

    def write_all(self, files: Sequence[tuple[str, bytes]]) -> None:
        write_files(files)

    def remove(self, name: str) -> None:
        Path(name).unlink(missing_ok=True)

    def clean_temporaries(self, folder: str) -> list[str]:
        removed = []
        for entry in self.names(folder):
            if TEMPORARY.match(entry):
                path = os.path.join(folder, entry)
                Path(path).unlink(missing_ok=True)
                removed.append(path)
        return sorted(removed)

    @contextlib.contextmanager
    def lock(self, name: str) -> Iterator[None]:
        path = Path(name)
        with contextlib.ExitStack() as stack:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle = stack.enter_context(open(path, "a+b"))
            except OSError as exc:
                raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise OutputError("held by another alignmem run writing to the same folder; wait for it to end",
                                  str(path)) from None
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class FsspecStore(Store):
    """An fsspec URL (needs the ``dask`` extra, which brings fsspec; ``s3://`` also needs s3fs,
    ``gcs://`` gcsfs, as fsspec says)."""

    def __init__(self, location: str):
        super().__init__(location.rstrip("/"))
        self._fs: Any = None
        self._root = ""

    def __getstate__(self) -> dict[str, Any]:
        return {"location": self.location, "_fs": None, "_root": ""}

    @property
    def fs(self) -> Any:
        if self._fs is None:
            try:
                import fsspec
            except ImportError:
                raise AlignmemError(f"{self.location}: reading and writing URLs needs fsspec: {EXTRA}") from None
            try:
                self._fs, self._root = fsspec.core.url_to_fs(self.location)
            except (ImportError, ValueError) as exc:
                raise AlignmemError(f"{self.location}: {exc}") from None
        return self._fs

    def join(self, *parts: str) -> str:
        return "/".join([self.location, *parts])

    def _path(self, name: str) -> str:
        """The file system's own path of a full name."""
        fs = self.fs
        return fs._strip_protocol(name)

    def is_dir(self, name: str) -> bool:
        try:
            return bool(self.fs.isdir(self._path(name)))
        except OSError:
            return False

    def names(self, folder: str) -> Iterator[str]:
        try:
            entries = self.fs.ls(self._path(folder), detail=False)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"cannot list: {exc}", folder) from None
        for entry in entries:
            yield entry.rstrip("/").rsplit("/", 1)[-1]

    def read(self, name: str) -> bytes:
        try:
            return self.fs.cat_file(self._path(name))
        except FileNotFoundError:
            raise InputError("no such file", name) from None
        except (OSError, IsADirectoryError) as exc:
            raise InputError(f"cannot read: {exc}", name) from None

    def open(self, name: str) -> BinaryIO:
        try:
            return self.fs.open(self._path(name), "rb")
        except FileNotFoundError:
            raise InputError("no such file", name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc}", name) from None

    def size(self, name: str) -> int | None:
        try:
            return int(self.fs.size(self._path(name)))
        except (OSError, TypeError, ValueError):
            return None

    def mtime(self, name: str) -> int:
        try:
            return int(self.fs.modified(self._path(name)).timestamp())
        except (OSError, NotImplementedError, AttributeError, ValueError):
            return 0

    def write_all(self, files: Sequence[tuple[str, bytes]]) -> None:
        for name, data in files:
            path = self._path(name)
            try:
                try:
                    self.fs.pipe_file(path, data)
                except FileNotFoundError:  # a file system with real folders (object stores have none)
                    self.fs.makedirs(self.fs._parent(path), exist_ok=True)
                    self.fs.pipe_file(path, data)
            except OSError as exc:
                raise OutputError(f"cannot write: {exc}", name) from None

    def remove(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm_file(self._path(name))


def is_url(location: str | os.PathLike[str]) -> bool:
    return "://" in str(location)


def open_store(location: str | os.PathLike[str]) -> Store:
    """The store of a folder or URL; ``file://`` URLs are folders (renames keep writes all or none)."""
    text = str(location)
    if text.startswith("file://"):
        return LocalStore(text[len("file://"):] or "/")
    return FsspecStore(text) if is_url(text) else LocalStore(text)
