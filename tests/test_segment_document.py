"""segment_document: offsets into Document.text, paragraph and running indices, headings,
pre-segmented documents, space mapping, and language errors."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.errors import LanguageError
from alignmem.model import Document, Paragraph
from alignmem.segment import segment_document, split_paragraph


def make_doc(lang: str, paragraphs: list[str], headings: tuple[int, ...] = (), presegmented: bool = False,
             lead: str = "") -> Document:
    """A document whose paragraphs are separated by blank lines, after an optional leading text."""
    text, paras = lead, []
    for i, para in enumerate(paragraphs):
        if i:
            text += "\n\n"
        paras.append(Paragraph(i, len(text), len(text) + len(para), para, heading=i in headings))
        text += para
    return Document(lang, None, text + "\n", tuple(paras), presegmented=presegmented)


def test_offsets_point_into_document_text() -> None:
    doc = make_doc("en", ["Sixty-ninth session", "Mr. Lavrov spoke.  The Committee agreed.", "It closed."],
                   headings=(0,), lead="\n")
    out = segment_document(doc)
    assert [s.text for s in out.sentences] == [
        "Sixty-ninth session", "Mr. Lavrov spoke.", "The Committee agreed.", "It closed.",
    ]
    for s in out.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert [s.para for s in out.sentences] == [0, 1, 1, 2]
    assert [s.index for s in out.sentences] == [0, 1, 2, 3]
    assert {s.doc for s in out.sentences} == {0}


def test_returns_a_new_document_and_keeps_the_rest() -> None:
    doc = make_doc("ru", ["Г. Иванов пришел. Он ушел."])
    out = segment_document(doc, doc_index=3)
    assert doc.sentences == ()
    assert out == dataclasses.replace(doc, sentences=out.sentences)
    assert [(s.doc, s.text) for s in out.sentences] == [(3, "Г. Иванов пришел."), (3, "Он ушел.")]


def test_spaces_and_line_breaks_are_mapped_one_for_one() -> None:
    para = "The fee is 100\u00a0dollars\tper day.\nThe Committee\u202fagreed in\u2007May\u3000today."
    doc = make_doc("en", [para])
    out = segment_document(doc)
    texts = [s.text for s in out.sentences]
    assert texts[0] == "The fee is 100 dollars per day."
    assert texts[1] == "The Committee agreed in May today."
    for s in out.sentences:
        assert len(s.text) == s.end - s.start
        assert not any(ch in s.text for ch in "\u00a0\u202f\u2007\u3000\t\n")


def test_line_break_inside_a_sentence_becomes_a_space() -> None:
    doc = make_doc("en", ["The Security Council met on Monday to discuss the\nsituation in the region."])
    (sentence,) = segment_document(doc).sentences
    assert sentence.text == "The Security Council met on Monday to discuss the situation in the region."


def test_presegmented_document_has_one_sentence_per_paragraph() -> None:
    doc = make_doc("en", ["Mr. Lavrov spoke. The Committee agreed.", "  It closed.  "], presegmented=True)
    out = segment_document(doc)
    assert [s.text for s in out.sentences] == ["Mr. Lavrov spoke. The Committee agreed.", "It closed."]
    assert [s.para for s in out.sentences] == [0, 1]


def test_heading_stays_one_sentence() -> None:
    doc = make_doc("en", ["Chapter IV. Final provisions", "Annex I.\nList of participants"], headings=(0, 1))
    out = segment_document(doc)
    assert [s.text for s in out.sentences] == ["Chapter IV. Final provisions", "Annex I. List of participants"]


def test_heading_that_is_obviously_several_sentences_is_split() -> None:
    doc = make_doc("en", ["The Committee met on Monday. It adopted the report without a vote."], headings=(0,))
    out = segment_document(doc)
    assert [s.text for s in out.sentences] == ["The Committee met on Monday.", "It adopted the report without a vote."]


def test_chinese_document() -> None:
    doc = make_doc("zh", ["第六十九届会议", "10. 委员会欢迎该报告。委员会注意到所取得的进展。"], headings=(0,))
    out = segment_document(doc)
    assert [s.text for s in out.sentences] == ["第六十九届会议", "10. 委员会欢迎该报告。", "委员会注意到所取得的进展。"]
    assert [s.para for s in out.sentences] == [0, 1, 1]


def test_whitespace_only_paragraph_has_no_sentence() -> None:
    doc = make_doc("en", ["It opened.", "   ", "It closed."])
    out = segment_document(doc)
    assert [(s.para, s.index) for s in out.sentences] == [(0, 0), (2, 1)]


def test_language_aliases_are_accepted() -> None:
    assert split_paragraph("会议开始。会议结束。", "zh-CN") == [(0, 5), (5, 10)]
    assert split_paragraph("It opened. It closed.", "English") == [(0, 10), (11, 21)]


def test_unknown_language_lists_the_known_ones() -> None:
    with pytest.raises(LanguageError, match=r"unknown language 'fr' \(known: en, ru, zh\)"):
        split_paragraph("Bonjour.", "fr")
    with pytest.raises(LanguageError, match="known: en, ru, zh"):
        segment_document(make_doc("xx", ["Text."]))


PARAGRAPHS = ["Mr. Lavrov spoke.  The Committee agreed.", "Sixty-ninth session", "10. 委员会欢迎该报告。它注意到进展。",
              "Г. Иванов.\u00a0На грани.", "  \t", "(a) To adopt;\n(b) To transmit.", "第六十九届会议\n议程项目5"]


@settings(max_examples=150, deadline=None)
@given(
    lang=st.sampled_from(["en", "ru", "zh"]),
    paras=st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6),
    headings=st.sets(st.integers(0, 5)),
    presegmented=st.booleans(),
)
def test_sentences_lie_in_their_paragraphs(lang: str, paras: list[str], headings: set[int],
                                           presegmented: bool) -> None:
    doc = make_doc(lang, paras, headings=tuple(headings), presegmented=presegmented, lead=" \n")
    out = segment_document(doc, doc_index=1)
    previous_end = 0
    for i, s in enumerate(out.sentences):
        paragraph = doc.paragraphs[s.para]
        assert paragraph.start <= s.start < s.end <= paragraph.end
        assert s.start >= previous_end and s.index == i and s.doc == 1
        assert len(s.text) == s.end - s.start
        assert s.text.strip() == s.text and s.text
        previous_end = s.end
    per_paragraph = [sum(1 for s in out.sentences if s.para == p.index) for p in doc.paragraphs]
    for p, count in zip(doc.paragraphs, per_paragraph):
        if not p.text.strip():
            assert count == 0
        elif presegmented:
            assert count == 1
