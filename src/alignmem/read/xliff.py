"""XLIFF 1.2 and 2.x (translate-toolkit's storage classes): one unit, one paragraph, on the side asked for.

The file is parsed first by :func:`alignmem.io.xml.parse_bytes` (entity declarations refused, size
limited), then handed to translate-toolkit's ``xlifffile`` (1.x) or ``Xliff2File`` (2.x), which find the
units and the declared languages. Segment text comes without its inline markup: the text of ``<g>``,
``<pc>``, ``<mrk>`` is kept, native code (``<bpt>``, ``<ph>``, ``<x/>``, ``<sc/>``...) is dropped. The
segments of an XLIFF 2 unit make one paragraph.
"""

from __future__ import annotations

import re

from alignmem.errors import FormatError, InputError
from alignmem.io.xml import parse_bytes
from alignmem.read.bilingual import inline_text, side_of
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?xliff[\s>]", re.DOTALL)


class XliffReader(Reader):
    name = "xliff"
    suffixes = frozenset({".xlf", ".xliff", ".sdlxliff", ".mqxliff"})

    def sniff(self, data: bytes) -> bool:
        return bool(_SNIFF.match(data[:4096].removeprefix(b"\xef\xbb\xbf")))

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not XLIFF", path)
        root = parse_bytes(data, path)
        if root.tag.rpartition("}")[2] != "xliff":
            raise FormatError(f"not an XLIFF file (root element <{root.tag.rpartition('}')[2]}>)", path)
        version = root.get("version") or ""
        store = _store(data, path, version.startswith("2") or ":2." in (root.nsmap.get(None) or ""))
        side = side_of(options, store.getsourcelanguage(), store.gettargetlanguage())
        blocks = _blocks(store, side)
        code = store.gettargetlanguage() if side == "target" else store.getsourcelanguage()
        found = from_blocks(blocks, "utf-8", code or None)
        if not found.paragraphs:
            if side == "target":
                raise InputError("the XLIFF file has no target text; read its source with --side source", path)
            raise InputError("the XLIFF file has no text in its units", path)
        return found


def _store(data: bytes, path: str, version2: bool):  # type: ignore[no-untyped-def]
    from translate.storage import base, xliff, xliff2

    cls = xliff2.Xliff2File if version2 else xliff.xlifffile
    try:
        return cls.parsestring(data)
    except (base.ParseError, AssertionError, ValueError, TypeError, AttributeError, KeyError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FormatError(f"not a valid XLIFF {'2' if version2 else '1.2'} file: {detail}", path) from None


def _element(unit, side: str):  # type: ignore[no-untyped-def]
    """The unit's <source> or <target> element (translate-toolkit keeps the unit's lxml element)."""
    for child in unit.xmlelement:
        if isinstance(child.tag, str) and child.tag.rpartition("}")[2] == side:
            return child
    return None


def _blocks(store, side: str) -> list[Block]:  # type: ignore[no-untyped-def]
    """One block per unit: an XLIFF 2 unit's segments (translate-toolkit's units) are joined."""
    blocks: list[Block] = []
    last_parent = None
    for unit in store.units:
        if unit.isheader():
            continue
        element = _element(unit, side)
        text = inline_text(element) if element is not None else ""
        parent = unit.xmlelement.getparent()
        if parent is last_parent and parent is not None and parent.tag.rpartition("}")[2] == "unit" and blocks:
            blocks[-1] = Block(f"{blocks[-1].text} {text}")
        else:
            blocks.append(Block(text))
        last_parent = parent
    return blocks
