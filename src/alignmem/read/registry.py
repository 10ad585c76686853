"""Readers behind one registry: a new input format is one file with a :class:`Reader`, listed in
:data:`alignmem.read.READERS`.

A reader is chosen by the file's suffix when a reader claims it, else by sniffing the first bytes
(each reader in turn), else the plain-text reader takes the file. It returns the document's text and
its paragraphs as offsets into that text; the language is checked afterwards, alike for every format.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from alignmem.errors import InputError
from alignmem.model import Paragraph


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # declared by the user (else detected)
    lang: str | None = None  # internal code declared by the user (a hint for encoding detection)
    presegmented: bool = False  # one sentence per line


@dataclass(frozen=True)
class Extracted:
    """What a reader found: the text (newlines normalised) and its paragraphs as offsets into it."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str


class Reader(ABC):
    name: ClassVar[str] = ""
    suffixes: ClassVar[frozenset[str]] = frozenset()  # lower-case, with the dot

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` (a file not named with one of a reader's suffixes) is in this format."""
        return False

    @abstractmethod
    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted: ...


def choose(readers: Sequence[Reader], path: str, data: bytes) -> Reader:
    """The reader for a file: by suffix, else by sniffing; the last reader takes what no other claims."""
    suffix = Path(path).suffix.lower()
    for reader in readers:
        if suffix in reader.suffixes:
            return reader
    for reader in readers[:-1]:
        if reader.sniff(data):
            return reader
    return readers[-1]


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_text(text: str, path: str) -> None:
    if not text.strip():
        raise InputError("file holds only whitespace, no text", path)
