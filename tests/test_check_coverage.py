"""Coverage arithmetic on a hand-computed example, unaligned sentences and the longest unaligned stretch."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.check import CheckConfig, check_aligned
from alignmem.check.coverage import document_check
from alignmem.model import AlignedDocument, Document, Group, Paragraph, Sentence

LANGS = ("en", "ru", "zh")


def make_doc(lang: str, paragraphs: list[list[str]], doc: int) -> Document:
    joiner = "" if lang == "zh" else " "
    text, paras, sentences = "", [], []
    for p, sents in enumerate(paragraphs):
        if p:
            text += "\n\n"
        start = len(text)
        for k, sentence in enumerate(sents):
            if k:
                text += joiner
            sentences.append(Sentence(doc, p, len(sentences), len(text), len(text) + len(sentence), sentence))
            text += sentence
        paras.append(Paragraph(p, start, len(text), text[start:]))
    return Document(lang, f"/x/example.{lang}.txt", text, tuple(paras), sentences=tuple(sentences))


def make_aligned(docs: list[Document], members: list[tuple[tuple[int, ...], ...]]) -> AlignedDocument:
    groups = []
    for g, indices in enumerate(members):
        sentences = tuple(tuple(doc.sentences[i] for i in idx) for doc, idx in zip(docs, indices))
        groups.append(Group(g, LANGS, sentences, 0.8))
    return AlignedDocument("example", tuple(docs), tuple(groups))


@pytest.fixture
def example() -> AlignedDocument:
    # non-space characters: en 5+5+3+3 = 16, ru 5+3+5 = 13, zh 3+2+4+2 = 11
    en = make_doc("en", [["Aaaa.", "Bb bb."], ["Cc.", "Dd."]], 0)
    ru = make_doc("ru", [["Жжжж."], ["Зз.", "Ии ии."]], 1)
    zh = make_doc("zh", [["甲甲。", "乙。"], ["丙丙丙。", "丁。"]], 2)
    return make_aligned([en, ru, zh], [
        ((0,), (0,), (0,)),  # 1-1-1
        ((1,), (), (1,)),  # en1 and zh1 have no Russian counterpart
        ((2, 3), (1,), (2,)),  # 2-1-1
        ((), (2,), (3,)),  # ru2 and zh3 have no English counterpart
    ])


def test_coverage_by_hand(example):
    check = document_check(example)
    got = {(c.lang, c.other): (c.covered, c.sentences, c.covered_chars, c.chars) for c in check.coverage}
    assert got == {
        ("en", "ru"): (3, 4, 11, 16),
        ("en", "zh"): (4, 4, 16, 16),
        ("ru", "en"): (2, 3, 8, 13),
        ("ru", "zh"): (3, 3, 13, 13),
        ("zh", "en"): (3, 4, 9, 11),
        ("zh", "ru"): (3, 4, 9, 11),
        ("en", None): (3, 4, 11, 16),  # per language: a counterpart in every other language
        ("ru", None): (2, 3, 8, 13),
        ("zh", None): (2, 4, 7, 11),
    }
    zh = next(c for c in check.coverage if c.label == "zh")
    assert zh.share == 0.5 and zh.char_share == pytest.approx(7 / 11)


def test_unaligned_sentences_with_positions(example):
    check = document_check(example)
    got = [(u.lang, u.para, u.number, u.index, u.missing, u.text) for u in check.unaligned]
    assert got == [
        ("en", 0, 2, 1, ("ru",), "Bb bb."),
        ("ru", 1, 2, 2, ("en",), "Ии ии."),
        ("zh", 0, 2, 1, ("ru",), "乙。"),
        ("zh", 1, 2, 3, ("en",), "丁。"),
    ]


def test_missing_paragraph_is_the_longest_stretch():
    en = make_doc("en", [["One."], ["Two.", "Three.", "Four."], ["Five."]], 0)
    ru = make_doc("ru", [["Один."], ["Пять."]], 1)
    zh = make_doc("zh", [["一。"], ["二。", "三。", "四。"], ["五。"]], 2)
    aligned = make_aligned([en, ru, zh], [
        ((0,), (0,), (0,)), ((1,), (), (1,)), ((2,), (), (2,)), ((3,), (), (3,)), ((4,), (1,), (4,)),
    ])
    stretches = {(s.lang, s.other): (s.first, s.last, s.length, s.first_para, s.last_para)
                 for s in document_check(aligned).stretches}
    assert stretches == {("en", "ru"): (1, 3, 3, 1, 1), ("zh", "ru"): (1, 3, 3, 1, 1)}


def test_totals_over_documents_and_min_coverage(example):
    result = check_aligned([example, example], CheckConfig(embeddings=False))  # no sentence encoder: fast
    en_ru = next(c for c in result.coverage if c.label == "en->ru")
    assert (en_ru.covered, en_ru.sentences) == (6, 8)
    assert result.failures(min_coverage=0.5) == []
    assert result.failures(min_coverage=0.75) == [
        "coverage ru->en 0.667 < 0.75", "coverage ru 0.667 < 0.75", "coverage zh 0.500 < 0.75"]
    assert result.failures(max_flags=result.flag_total) == []
    assert result.failures(max_flags=0) == [f"{result.flag_total} flags > 0"]


@st.composite
def groupings(draw):
    """Random monotone groups over 1-6 sentences per language, every sentence in exactly one group."""
    counts = [draw(st.integers(1, 6)) for _ in LANGS]
    cursor = [0, 0, 0]
    members = []
    while any(c < n for c, n in zip(cursor, counts)):
        take = [draw(st.integers(0, min(2, n - c))) for c, n in zip(cursor, counts)]
        if not any(take):  # an empty group: give it the next sentence of the first unfinished language
            first = next(k for k, (c, n) in enumerate(zip(cursor, counts)) if c < n)
            take[first] = 1
        members.append(tuple(tuple(range(c, c + k)) for c, k in zip(cursor, take)))
        cursor = [c + k for c, k in zip(cursor, take)]
    return counts, members


@settings(max_examples=60, deadline=None)
@given(groupings())
def test_coverage_invariants(data):
    counts, members = data
    docs = [make_doc(lang, [[f"S{lang}{i}." for i in range(n)]], k) for k, (lang, n) in enumerate(zip(LANGS, counts))]
    check = document_check(make_aligned(docs, members))
    cov = {(c.lang, c.other): c for c in check.coverage}
    for lang in LANGS:
        single = cov[(lang, None)]
        assert single.sentences == counts[LANGS.index(lang)]
        assert all(single.covered <= cov[(lang, o)].covered <= single.sentences for o in LANGS if o != lang)
        assert 0.0 <= single.share <= 1.0 and 0.0 <= single.char_share <= 1.0
    unaligned = {(u.lang, u.index) for u in check.unaligned}
    assert len(unaligned) == sum(c.sentences - c.covered for c in check.coverage if c.other is None)
