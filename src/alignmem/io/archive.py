"""Open ZIP-based documents we did not write (DOCX, ODT) without trusting them: the one guard.

- the number of entries is read from the archive's end record before anything is parsed, and capped;
- a member is read only when asked for by name, never written to disk;
- a member's declared uncompressed size is capped, and so is its actual size while it is inflated (a
  header can lie): a zip bomb is refused after at most :data:`MAX_MEMBER_BYTES` of output;
- encrypted members, unknown compression methods and damaged data are refused with one line.
Every problem is a :class:`~alignmem.errors.FormatError` naming the file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from alignmem.errors import FormatError

MAX_MEMBERS = 10_000  # a long Word document has a few dozen parts
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # as much text as the input limit allows
CHUNK = 1 << 20
_END_RECORD = b"PK\x05\x06"


class Archive:
    """A ZIP archive's directory, and its members on demand. ``what`` names the format in messages."""

    def __init__(self, data: bytes, path: str, what: str):
        self.path = path
        self.what = what
        self._zip = self._open(data)
        self._infos = {info.filename: info for info in self._zip.infolist()}

    def _open(self, data: bytes) -> zipfile.ZipFile:
        entries = _declared_entries(data)
        if entries is not None and entries > MAX_MEMBERS:
            raise FormatError(f"{self.what} is a ZIP archive of {entries:,} entries (over {MAX_MEMBERS:,}); "
                              "refused as hostile", self.path)
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error):
            raise FormatError(f"damaged {self.what}: not a readable ZIP archive", self.path) from None
        if len(archive.infolist()) > MAX_MEMBERS:
            raise FormatError(f"{self.what} has over {MAX_MEMBERS:,} entries; refused as hostile", self.path)
        return archive

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The member's bytes; a :class:`FormatError` for a missing, encrypted, oversized or damaged one."""
        info = self._infos.get(name)
        if info is None:
            raise FormatError(f"damaged {self.what}: part {name} is missing", self.path)
        if info.flag_bits & 0x1:
            raise FormatError(f"{self.what} is encrypted; remove the password and save it again", self.path)
        if info.file_size > MAX_MEMBER_BYTES:
            raise FormatError(self._too_big(name, info.file_size), self.path)
        try:
            with self._zip.open(info) as handle:
                return self._read_capped(handle, name)
        except FormatError:
            raise
        except NotImplementedError:
            raise FormatError(f"{self.what}: part {name} uses a compression method alignmem cannot read",
                              self.path) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError):
            raise FormatError(f"damaged {self.what}: part {name} does not decompress", self.path) from None

    def _read_capped(self, handle, name: str) -> bytes:  # type: ignore[no-untyped-def]
        parts: list[bytes] = []
        size = 0
        while True:
            chunk = handle.read(CHUNK)
            if not chunk:
                return b"".join(parts)
            size += len(chunk)
            if size > MAX_MEMBER_BYTES:  # the header understated it: a zip bomb
                raise FormatError(self._too_big(name, size, actual=True), self.path)
            parts.append(chunk)

    def _too_big(self, name: str, size: int, actual: bool = False) -> str:
        mib = 1024 * 1024
        said = "inflates to over" if actual else "would inflate to"
        return (f"{self.what}: part {name} {said} {size / mib:,.0f} MB (limit {MAX_MEMBER_BYTES // mib} MB); "
                "refused as a possible zip bomb")


def _declared_entries(data: bytes) -> int | None:
    """Total entries named by the end-of-central-directory record (None when there is none or it says
    0xFFFF, the ZIP64 mark: zipfile then reads the ZIP64 record and the count is checked after)."""
    at = data.rfind(_END_RECORD, max(0, len(data) - 65_557))
    if at < 0 or at + 12 > len(data):
        return None
    count = struct.unpack("<H", data[at + 10: at + 12])[0]
    return None if count == 0xFFFF else count


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")
