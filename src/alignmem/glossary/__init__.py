"""Terminology glossary: terms of aligned text and their equivalents, exported for CAT tools, and
looked up from the command line.

    glossary = build_glossary(tus, ["en", "ru", "zh"], seed="my-terms.csv")
    write_all(glossary, "tm", "lavrov-2021")

Stages: :mod:`.candidates` (per-language rules) -> :mod:`.corpus` (counts, fragment filter) ->
:mod:`.associate` (equivalents) -> :mod:`.build` (acronyms, entries) -> :mod:`.export` (files);
:mod:`.seed` reads glossaries back; :mod:`.lookup` answers queries through a cached SQLite index.
"""

from __future__ import annotations

from alignmem.glossary.build import Settings, build_glossary
from alignmem.glossary.export import Naming, all_files, format_files, write_all, write_formats
from alignmem.glossary.model import Entry, Example, Glossary, Term
from alignmem.glossary.seed import read_glossary

__all__ = [
    "Entry",
    "Example",
    "Glossary",
    "Naming",
    "Settings",
    "Term",
    "all_files",
    "build_glossary",
    "format_files",
    "read_glossary",
    "write_all",
    "write_formats",
]
