"""Translation units from several memories, each aligned sentence counted once.

``alignmem align`` writes a document's groups into the trilingual file and again into each pair file, so
``glossary build tm/*.tmx`` reads most sentences three or four times: every count of the glossary
(frequencies, association, confidence) would then be inflated and skewed towards the pairs. A unit is left
out when every sentence of each of its languages already stands in a unit with more languages of the
same document (sentences found by the segmenter, so a pair file's finer split is recognised too), and
exact repeats are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from alignmem.errors import LanguageError
from alignmem.model import TU
from alignmem.segment import split_paragraph
from alignmem.text.space import collapse


def _sentences(text: str, lang: str) -> list[str]:
    try:
        return [collapse(text[a:b]) for a, b in split_paragraph(text, lang)]
    except LanguageError:  # a language alignmem has no rules for: the whole seg is one sentence
        return [collapse(text)]


def distinct_units(tus: Sequence[TU]) -> tuple[list[TU], int]:
    """The units to count, in their order, and how many were left out as repeats."""
    covered: set[tuple[str, str, str]] = set()  # (document, lang, sentence) of units kept so far
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    order = sorted(range(len(tus)), key=lambda k: (-len(tus[k].segs), k))  # most languages first
    keep = [False] * len(tus)
    for k in order:
        tu = tus[k]
        doc = tu.doc or ""
        key = (doc, tuple(sorted(tu.segs)))
        if key in seen:
            continue
        parts = {(doc, lang, s) for lang, text in tu.segs for s in _sentences(text, lang)}
        if parts and parts <= covered:
            continue
        seen.add(key)
        covered |= parts
        keep[k] = True
    kept = [tu for k, tu in enumerate(tus) if keep[k]]
    return kept, len(tus) - len(kept)
