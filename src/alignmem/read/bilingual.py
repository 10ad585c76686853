"""What the readers of translation files (XLIFF, PO, TMX, CSV) share: which side or language to read, and
segment text without its inline markup.

Which side: ``--side source|target`` when given; else the side whose declared language is the one asked
for (``--lang ru`` on an en->ru XLIFF reads its targets); else the source. A multilingual file (TMX, a CSV
with a column per language) is read in the language asked for, else its source language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alignmem.errors import InputError
from alignmem.langs import internal_code
from alignmem.read.registry import ReadOptions

# Inline elements whose content is native code (the markup of the original format), not text: XLIFF 1.2
# bpt/ept/it/ph/x/bx/ex, XLIFF 2 ph/sc/ec/cp/sm/em, TMX bpt/ept/it/ph/ut.
NATIVE_CODE = frozenset({"bpt", "ept", "it", "ph", "x", "bx", "ex", "sc", "ec", "cp", "sm", "em", "ut", "sub"})
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>")


def side_of(options: ReadOptions, source_lang: str | None, target_lang: str | None) -> str:
    """``"source"`` or ``"target"``: what ``options`` asks for, or the side in the language asked for."""
    if options.side:
        return options.side
    in_target = bool(options.lang and target_lang and internal_code(target_lang) == options.lang)
    in_source = bool(source_lang and internal_code(source_lang) == options.lang)
    return "target" if in_target and not in_source else "source"


def language_of(options: ReadOptions, present: Sequence[str], source_lang: str | None, path: str,
                what: str) -> str:
    """Which of the file codes ``present`` to read from a multilingual file (TMX, CSV with language columns)."""
    if not present:
        raise InputError(f"the {what} names no language", path)
    if options.lang:
        for code in present:
            if internal_code(code) == options.lang:
                return code
    source = next((code for code in present if source_lang and code.lower() == source_lang.lower()), present[0])
    if options.side == "target":
        others = [code for code in present if code != source]
        if len(others) != 1:
            raise InputError(f"the {what} holds {', '.join(present)}: give --lang to choose the language to "
                             "read", path)
        return others[0]
    if options.lang and not options.side:
        raise InputError(f"the {what} holds {', '.join(present)}, not {options.lang}; give --lang with one "
                         "of them", path)
    return source


def inline_text(element) -> str:  # type: ignore[no-untyped-def]
    """Text of a segment element (XLIFF source/target, TMX seg) without native code: the text of <g>,
    <pc>, <mrk>, <hi> is kept, the content of <bpt>, <ph>, <x/>... is dropped."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag.rpartition("}")[2] not in NATIVE_CODE:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def strip_tags(text: str) -> str:
    """Text without HTML/XML tags (PO and CSV entries of web pages carry them: ``The <b>Treaty</b>``)."""
    return _TAG.sub("", text) if "<" in text else text
