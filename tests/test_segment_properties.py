"""Invariants of split_paragraph for every language, on generated text (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.segment import split_paragraph

# Pieces that exercise the rules: words of each script, abbreviations, numbers, punctuation, quotes,
# brackets, list markers and every kind of whitespace (line breaks, no-break and ideographic spaces).
PIECES = [
    "The", "Committee", "met", "Mr.", "U.S.", "e.g.", "etc.", "No.", "5", "10.", "1.8", "1,300", "II.",
    "J.", "a.m.", "www.un.org", "info@un.org", "(a)", "(b)", "b)", "•", "-", "—", "Совет", "принял",
    "г.", "гг.", "т.е.", "и", "т.д.", "млн.", "долл.", "США", "С.В.", "Лавров", "委员会", "欢迎", "报告",
    "第69/1号", "三.", "。", "！", "？", "；", ";", ".", "!", "?", "…", "...", ",", ":", "：", "\"", "'",
    "«", "»", "„", "“", "”", "《", "》", "「", "」", "（", "）", "(", ")", "<<", ">>", " ", " ", " ", "  ",
    "\n", "\u00a0", "\u202f", "\u3000", "\t", "\n\n",
]

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(
    alphabet=st.sampled_from(list("aZя Ж中.。!?！？;；…\"'»«”“)(（）\n\u00a0\u3000\t1,")), max_size=60
)


def check(text: str, spans: list[tuple[int, int]]) -> None:
    if not text.strip():
        assert spans == []
        return
    assert spans, "a paragraph with text has at least one segment"
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == "", "only whitespace lies between segments"
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert text[position:].strip() == ""


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_segments_cover_the_paragraph(lang: str, text: str) -> None:
    check(text, split_paragraph(text, lang))


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_segmentation_is_deterministic_and_local(lang: str, text: str) -> None:
    """The same text gives the same spans, and each segment re-segmented alone stays whole when the
    paragraph had a single segment."""
    spans = split_paragraph(text, lang)
    assert split_paragraph(text, lang) == spans
    if len(spans) == 1:
        start, end = spans[0]
        assert split_paragraph(text[start:end], lang) == [(0, end - start)]


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_whitespace_only(lang: str) -> None:
    assert split_paragraph("", lang) == []
    assert split_paragraph(" \n\u00a0\t\u3000", lang) == []
