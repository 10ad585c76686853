"""Readers behind one registry: a new input format is one file with a :class:`Reader`, listed in
:data:`alignmem.read.READERS`.

A reader is chosen by the file's suffix when a reader claims it, else by sniffing the first bytes
(each reader in turn), else the plain-text reader takes the file. It returns the document's text and
its paragraphs as offsets into that text; the language is checked afterwards, alike for every format.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from alignmem.errors import InputError
from alignmem.model import Paragraph
from alignmem.text.invisible import clean

SIDES = ("source", "target")  # of a bilingual file


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # declared by the user (else detected)
    lang: str | None = None  # internal code declared by the user (a hint for encoding detection)
    presegmented: bool = False  # one sentence per line
    side: str | None = None  # bilingual files (XLIFF, PO, TMX, CSV): "source" or "target" (else by lang)


@dataclass(frozen=True)
class Extracted:
    """What a reader found: the text (newlines normalised) and its paragraphs as offsets into it."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str
    tag: str | None = None  # the language code the file gives the text read (a TMX's "zh-TW"), if any


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
    """CR LF and CR as LF; invisible characters removed, Unicode line/paragraph separators as LF
    (:mod:`alignmem.text.invisible`)."""
    return clean(text.replace("\r\n", "\n").replace("\r", "\n"))


@dataclass(frozen=True)
class Block:
    """A paragraph a structured reader found (a Word paragraph, a table cell, an XLIFF unit...)."""

    text: str
    heading: bool = False


_LINE_SPACE = re.compile(r"[^\S\n]+")


def block_text(text: str) -> str:
    """A block's text as it goes into the document: cleaned, runs of spaces as one, each line trimmed,
    empty lines dropped (a line break inside a paragraph stays a line break)."""
    lines = (_LINE_SPACE.sub(" ", line).strip() for line in normalise_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)


def from_blocks(blocks: Iterable[Block], encoding: str, tag: str | None = None) -> Extracted:
    """The text of ``blocks`` joined by blank lines, each a paragraph (empty blocks are left out)."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    start = 0
    for block in blocks:
        text = block_text(block.text)
        if not text:
            continue
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(text), text, block.heading))
        parts.append(text)
        start += len(text) + 2
    return Extracted("\n\n".join(parts), tuple(paragraphs), encoding, tag)


def require_text(text: str, path: str) -> None:
    if not text.strip():
        raise InputError("file holds only whitespace, no text", path)
