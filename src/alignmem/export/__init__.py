"""Output formats behind one base (:mod:`.base`), found by name in :data:`FORMATS`.

Alignment formats take an :class:`~alignmem.model.AlignedDocument`: ``tmx`` (trilingual and per pair),
``xliff`` and ``xliff12`` (bilingual XLIFF 2.0 / 1.2 per pair), ``links`` and ``tsv`` (per pair). Glossary formats take a :class:`~alignmem.glossary.model.Glossary`:
``tbx``, ``tbx3``, ``omegat``, ``csv``, ``po``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from alignmem.errors import InputError
from alignmem.export.base import Built, Format, Naming, Options
from alignmem.export.links import TSV, Links
from alignmem.export.omegat import OmegaT
from alignmem.export.po import PO
from alignmem.export.spreadsheet import CSV
from alignmem.export.tbx import TBX2, TBX3
from alignmem.export.termentries import exported
from alignmem.export.tmx import TMX
from alignmem.export.xliff import XLIFF, XLIFF12
from alignmem.glossary.model import Glossary
from alignmem.io.atomic import write_files

FORMATS: dict[str, type[Format]] = {cls.name: cls for cls in (TMX, XLIFF, XLIFF12, Links, TSV, TBX2, TBX3, OmegaT,
                                                               CSV, PO)}
GLOSSARY_FORMATS = ("tbx", "omegat", "csv", "po")  # what `align` writes beside a document's TMX files

__all__ = ["FORMATS", "GLOSSARY_FORMATS", "Built", "Format", "Naming", "Options", "exported", "format_class",
           "glossary_files", "write_glossary"]


def format_class(name: str) -> type[Format]:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"unknown format {name!r} (known: {known})") from None


def glossary_files(glossary: Glossary, naming: Naming, formats: Sequence[str] = GLOSSARY_FORMATS, *,
                   output: Path | None = None, codes: Mapping[str, str] | None = None,
                   verified_only: bool = True) -> list[Built]:
    """The files of the glossary ``formats``; ``output`` names the file of a single one-file format. With
    ``verified_only`` TBX, OmegaT and CSV carry only the entries :func:`exported` keeps; PO always gets
    every entry, the unverified ones marked fuzzy."""
    options = Options(codes=dict(codes or {}))
    checked = replace(glossary, entries=tuple(exported(glossary))) if verified_only else glossary
    built: list[Built] = []
    for name in formats:
        cls = format_class(name)
        if cls.kind != "glossary":
            raise InputError(f"{name} is not a glossary format")
        built += cls(options).files(glossary if name == "po" else checked, naming,
                                    output if len(formats) == 1 else None)
    return built


def write_glossary(glossary: Glossary, naming: Naming, formats: Sequence[str] = GLOSSARY_FORMATS,
                   **options: Any) -> list[Path]:
    """Write the files of :func:`glossary_files` (same options), all or none; returns their paths."""
    return write_files([(b.path, b.data) for b in glossary_files(glossary, naming, formats, **options)])
