"""Every output format behind one base: a :class:`Format` turns what it exports (an aligned document, or a
glossary) into files as bytes, :class:`Built`, written by nobody yet (the pipeline writes a document's
files together, all or none). Formats are found by name in :mod:`alignmem.export` (``FORMATS``); each
inherits one round-trip test (tests/test_export_roundtrip.py): write, read back with an independent
reader, compare.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from alignmem import langs as langreg


@dataclass(frozen=True)
class Built:
    """One file a format made: where it goes, its bytes, and what it holds."""

    path: Path
    data: bytes
    langs: tuple[str, ...] = ()
    units: int = 0  # TUs, links, entries... as the format counts them
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Naming:
    """Where a document's files go: ``{prefix}{suffix}.{ext}``, ``{prefix}.{a}-{b}{suffix}.{ext}`` per
    language pair, ``{prefix}.{lang}{suffix}.{ext}`` per target language (``tm/NAME.tmx``,
    ``tm/NAME.en-zh-CN.tmx``, ``tm/NAME.glossary.tbx``, ``tm/NAME.en-ru.glossary.utf8``)."""

    directory: Path
    prefix: str
    suffix: str = ""

    def single(self, ext: str) -> Path:
        return self.directory / f"{self.prefix}{self.suffix}.{ext}"

    def pair(self, a: str, b: str, ext: str) -> Path:
        return self.directory / f"{self.prefix}.{a}-{b}{self.suffix}.{ext}"

    def target(self, lang: str, ext: str) -> Path:
        return self.directory / f"{self.prefix}.{lang}{self.suffix}.{ext}"

    def with_suffix(self, suffix: str) -> Naming:
        return Naming(self.directory, self.prefix, suffix)

    @classmethod
    def from_output(cls, output: str | Path) -> Naming:
        """``tm/glossary.tbx`` -> tm/glossary.csv, tm/glossary.en-ru.utf8; ``tm/x.glossary.tbx`` ->
        tm/x.glossary.csv, tm/x.en-ru.glossary.utf8; ``tm/x.tmx`` -> tm/x.en-ru.tmx."""
        path = Path(output)
        name = path.name
        for ext in (".tbx", ".csv", ".utf8", ".po", ".xml", ".tmx"):
            if name.lower().endswith(ext):
                name = name[: -len(ext)]
                break
        if name.endswith(".glossary"):
            return cls(path.parent, name[: -len(".glossary")], ".glossary")
        return cls(path.parent, name, "")


@dataclass(frozen=True)
class Options:
    """What every format of a run shares: language codes in files, the TMX source language, the date
    written into files, and the signature of the settings that made the content."""

    codes: Mapping[str, str] = field(default_factory=dict)  # internal -> file code overrides
    srclang: str | None = None
    creationdate: str = "19700101T000000Z"
    signature: str = ""


class Format(ABC):
    """An output format. ``subject`` is an :class:`~alignmem.model.AlignedDocument` for alignment formats
    and a :class:`~alignmem.glossary.model.Glossary` for glossary formats (``kind`` says which)."""

    name: ClassVar[str] = ""
    kind: ClassVar[str] = "alignment"  # or "glossary"
    description: ClassVar[str] = ""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()

    @abstractmethod
    def files(self, subject: Any, naming: Naming, output: Path | None = None) -> list[Built]:
        """The files of this format for ``subject``; ``output`` overrides the name of a one-file format."""

    def codes(self, langs: tuple[str, ...]) -> dict[str, str]:
        return langreg.file_codes(langs, self.options.codes)
