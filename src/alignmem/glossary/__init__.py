"""Terminology extraction: the terms of aligned text and their equivalents.

    glossary = build_glossary(tus, ["en", "ru", "zh"], seed="my-terms.csv")

Stages: :mod:`.candidates` (per-language rules) -> :mod:`.corpus` (counts, fragment filter) ->
:mod:`.associate` (equivalents) -> :mod:`.build` (acronyms, entries); :mod:`.seed` reads glossaries
back. The files (TBX, OmegaT, CSV, PO) are formats of :mod:`alignmem.export`; lookups are answered by
:mod:`alignmem.tm.terms`.
"""

from __future__ import annotations

from alignmem.glossary.build import Settings, build_glossary
from alignmem.glossary.model import Entry, Example, Glossary, Term
from alignmem.glossary.seed import read_glossary

__all__ = ["Entry", "Example", "Glossary", "Settings", "Term", "build_glossary", "read_glossary"]
