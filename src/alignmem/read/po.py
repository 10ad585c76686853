"""Gettext PO files (translate-toolkit's ``pofile``): one entry, one paragraph, msgid or msgstr.

The header, obsolete (``#~``) entries and, on the target side, fuzzy or empty translations are left out;
HTML/XML tags inside entries (PO files of web pages carry them) are removed. The source side is the msgid
(for plurals, the singular); which side follows :func:`alignmem.read.bilingual.side_of` with the
``Language`` header as the target language.
"""

from __future__ import annotations

import re

from alignmem.errors import FormatError, InputError
from alignmem.read.bilingual import side_of, strip_tags
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

_SNIFF = re.compile(rb'^msgid\s+"', re.MULTILINE)


class PoReader(Reader):
    name = "po"
    suffixes = frozenset({".po", ".pot"})

    def sniff(self, data: bytes) -> bool:
        head = data[:8192]
        return bool(_SNIFF.search(head)) and b"msgstr" in head

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not PO", path)
        store = _store(data, path)
        side = side_of(options, "en", store.gettargetlanguage())
        blocks = []
        for unit in store.units:
            if unit.isheader() or unit.isobsolete():
                continue
            if side == "target":
                if unit.isfuzzy():
                    continue
                text = str(unit.target or "")
            else:
                text = str(unit.source or "")
            blocks.append(Block(strip_tags(text)))
        found = from_blocks(blocks, "utf-8")
        if not found.paragraphs:
            if side == "target":
                raise InputError("the PO file has no translated entries; read its msgids with --side source", path)
            raise InputError("the PO file has no entries", path)
        return found


def _store(data: bytes, path: str):  # type: ignore[no-untyped-def]
    from translate.storage import base, pypo

    try:
        return pypo.pofile.parsestring(data)
    except (base.ParseError, ValueError, UnicodeError, TypeError, AttributeError, IndexError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FormatError(f"not a valid PO file: {detail}", path) from None
