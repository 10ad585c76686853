"""Rule-based sentence segmentation for English, Russian and Chinese.

Candidate boundaries sit at sentence-final punctuation (and at line breaks inside a paragraph); small
named rules in :mod:`alignmem.segment.rules` decide each one, reading per-language tables
(:mod:`alignmem.segment.lang_en`, ``lang_ru``, ``lang_zh``) through :mod:`alignmem.segment.registry`.
Results are offsets into the unchanged input.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from alignmem.model import Document, Paragraph, Sentence
from alignmem.segment.registry import table
from alignmem.segment.splitter import split_spans
from alignmem.text.space import plain_spaces

__all__ = ["normalise_spaces", "presegmented_document", "segment_document", "split_paragraph"]


def split_paragraph(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph (which may contain single line breaks).

    Spans are in order, never empty, never start or end with whitespace, and only whitespace lies
    between and around them; whitespace-only text gives ``[]``. Raises
    :class:`alignmem.errors.LanguageError` for an unknown language.
    """
    return split_spans(text, table(lang))


def normalise_spaces(text: str) -> str:
    """``text`` with no-break, narrow, figure and ideographic spaces, tabs and line breaks as spaces."""
    return plain_spaces(text)


def segment_document(doc: Document, doc_index: int = 0) -> Document:
    """``doc`` with its sentences filled in: offsets into ``doc.text``, running 0-based indices.

    A heading paragraph stays one sentence unless it is obviously several; a pre-segmented document
    has exactly one sentence per paragraph.
    """
    rules = table(doc.lang)
    sentences: list[Sentence] = []
    for paragraph in doc.paragraphs:
        raw = doc.text[paragraph.start:paragraph.end]
        if doc.presegmented:
            spans = _whole(raw)
        else:
            spans = split_spans(raw, rules)
            if paragraph.heading and len(spans) > 1 and not _obviously_several(raw, spans):
                spans = [(spans[0][0], spans[-1][1])]
        for start, end in spans:
            start += paragraph.start
            end += paragraph.start
            sentences.append(
                Sentence(doc_index, paragraph.index, len(sentences), start, end,
                         normalise_spaces(doc.text[start:end]))
            )
    return dataclasses.replace(doc, sentences=tuple(sentences))


def _whole(text: str) -> list[tuple[int, int]]:
    """The paragraph as one span, without its surrounding whitespace."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _obviously_several(text: str, spans: list[tuple[int, int]]) -> bool:
    """A heading holds several sentences only when each part is a real sentence: it ends with final
    punctuation (all but the last) and has at least three words (or eight characters without spaces)."""
    if len(spans) < 2:
        return False
    for i, (start, end) in enumerate(spans):
        part = text[start:end]
        if i < len(spans) - 1 and part.rstrip("\"'”’»)]}」』》）").rstrip()[-1:] not in ".!?。！？…":
            return False
        if len(part.split()) < 3 and len(part) < 8:
            return False
    return True


def presegmented_document(sentences: Sequence[str], lang: str, path: str | None = None) -> Document:
    """A segmented document of ``sentences``, texts as given, one a paragraph (as ``--presegmented`` reads a
    file with one sentence a line): for callers that hold sentence lists, such as benchmarks."""
    texts = list(sentences)
    paragraphs, items, start = [], [], 0
    for index, text in enumerate(texts):
        paragraphs.append(Paragraph(index, start, start + len(text), text))
        items.append(Sentence(0, index, index, start, start + len(text), text))
        start += len(text) + 1
    return Document(lang=lang, path=path, text="\n".join(texts), paragraphs=tuple(paragraphs),
                    sentences=tuple(items), presegmented=True)
