"""A TMX as an input document (translate-toolkit's ``tmxfile``): one language's side, one TU a paragraph.

The language is the one asked for (``--lang``), else ``--side target`` in a two-language file, else the
header's ``srclang``. Parsed first by :func:`alignmem.io.xml.parse_bytes` (entity declarations refused);
inline native code (``<bpt>``, ``<ph>``...) is dropped from the segs. TUs without the language are skipped.
"""

from __future__ import annotations

import re

from alignmem.errors import FormatError, InputError
from alignmem.io.xml import XML_LANG, parse_bytes
from alignmem.read.bilingual import inline_text, language_of
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<tmx[\s>]", re.DOTALL)


class TmxReader(Reader):
    name = "tmx"
    suffixes = frozenset({".tmx"})

    def sniff(self, data: bytes) -> bool:
        return bool(_SNIFF.match(data[:4096].removeprefix(b"\xef\xbb\xbf")))

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not TMX", path)
        root = parse_bytes(data, path)
        if root.tag != "tmx":
            raise FormatError(f"not a TMX file (root element <{root.tag}>)", path)
        store = _store(data, path)
        segs = [_segs(unit) for unit in store.units]
        present: list[str] = []
        for seg in segs:
            present.extend(code for code in seg if code not in present)
        header = root.find("header")
        srclang = header.get("srclang") if header is not None else None
        code = language_of(options, present, srclang, path, "TMX file")
        found = from_blocks([Block(seg[code]) for seg in segs if code in seg], "utf-8", code)
        if not found.paragraphs:
            raise InputError(f"the TMX file has no text in {code}", path)
        return found


def _store(data: bytes, path: str):  # type: ignore[no-untyped-def]
    from translate.storage import base, tmx

    try:
        return tmx.tmxfile.parsestring(data)
    except (base.ParseError, AssertionError, ValueError, TypeError, AttributeError, KeyError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FormatError(f"not a valid TMX file: {detail}", path) from None


def _segs(unit) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """File code -> seg text of one TU (the first tuv of a language wins)."""
    segs: dict[str, str] = {}
    for node in unit.getlanguageNodes():
        code = node.get(XML_LANG) or node.get("lang") or ""
        seg = next((child for child in node if child.tag == "seg"), None)
        if code and seg is not None and code not in segs:
            segs[code] = inline_text(seg)
    return segs
