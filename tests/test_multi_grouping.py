"""Trilingual grouping on hand-made pairwise alignments, including alignments that disagree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.errors import InputError, LanguageError
from alignmem.join import JoinConfig
from alignmem.join import align_documents as join_documents
from alignmem.join.groups import combine
from alignmem.join.project import project
from alignmem.join.split import split_merged
from alignmem.model import Alignment, Document, Link, Paragraph, Sentence


def align_documents(docs, **kwargs):
    """The composition without its split step: these tests inject the pairwise links and no encoder."""
    return join_documents(docs, join=JoinConfig(split=False), **kwargs)


def make_doc(lang: str, n: int, para_size: int = 100, path: str | None = None) -> Document:
    texts = [f"{lang}{i}." for i in range(n)]
    text = " ".join(texts)
    sentences, pos = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(0, i // para_size, i, pos, pos + len(t), t))
        pos += len(t) + 1
    paragraphs = (Paragraph(0, 0, len(text), text),)
    return Document(lang, path or f"/x/doc.{lang}.txt", text, paragraphs, sentences=tuple(sentences))


def links(spec: str, score: float = 0.9) -> tuple[Link, ...]:
    """``"0:0 1,2:1 3:"`` -> links (src ids : tgt ids, blank side = none)."""
    out = []
    for item in spec.split():
        left, right = item.split(":")
        src = tuple(int(x) for x in left.split(",") if x)
        tgt = tuple(int(x) for x in right.split(",") if x)
        out.append(Link(src, tgt, score))
    return tuple(out)


def al(a: str, b: str, spec: str, score: float = 0.9, overrides: dict[str, float] | None = None) -> Alignment:
    items = []
    for link in links(spec, score):
        key = ",".join(map(str, link.src)) + ":" + ",".join(map(str, link.tgt))
        items.append(Link(link.src, link.tgt, (overrides or {}).get(key, score)))
    return Alignment(a, b, tuple(items))


def shape(aligned) -> list[str]:
    """Groups as 'en0,1|ru0|zh' strings."""
    out = []
    for g in aligned.groups:
        out.append("|".join(lang + ",".join(str(s.index) for s in g.of(lang)) for lang in g.langs))
    return out


def injected(table: dict[tuple[str, str], Alignment]):
    def aligner(src, tgt, config):
        return table[(src.lang, tgt.lang)]
    return aligner


def test_agreeing_alignments_give_one_to_one_groups():
    docs = [make_doc("en", 3), make_doc("ru", 3), make_doc("zh", 3)]
    table = {("en", "ru"): al("en", "ru", "0:0 1:1 2:2"), ("en", "zh"): al("en", "zh", "0:0 1:1 2:2"),
             ("ru", "zh"): al("ru", "zh", "0:0 1:1 2:2")}
    aligned = align_documents(docs, aligner=injected(table), stem="d")
    assert shape(aligned) == ["en0|ru0|zh0", "en1|ru1|zh1", "en2|ru2|zh2"]
    assert aligned.stem == "d"
    assert all(g.kind == "1-1-1" for g in aligned.groups)
    assert aligned.groups[0].pair_scores == (("en", "ru", 0.9), ("en", "zh", 0.9), ("ru", "zh", 0.9))


def test_one_shifted_alignment_is_outvoted_by_the_two_that_agree():
    # ru-zh is off by one in the middle (weaker links); en-ru and en-zh agree with each other.
    docs = [make_doc("en", 6), make_doc("ru", 6), make_doc("zh", 6)]
    table = {
        ("en", "ru"): al("en", "ru", "0:0 1:1 2:2 3:3 4:4 5:5"),
        ("en", "zh"): al("en", "zh", "0:0 1:1 2:2 3:3 4:4 5:5"),
        ("ru", "zh"): al("ru", "zh", "0:0 1:1 :2 2:3 3:4 4: 5:5", score=0.9,
                         overrides={"2:3": 0.5, "3:4": 0.5}),
    }
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == [f"en{i}|ru{i}|zh{i}" for i in range(6)]


def test_coarse_link_does_not_glue_groups_the_others_split():
    # en-ru says 2-2, but en-zh and ru-zh both say 1-1 twice: two groups, not one.
    docs = [make_doc("en", 2), make_doc("ru", 2), make_doc("zh", 2)]
    table = {("en", "ru"): al("en", "ru", "0,1:0,1", 0.7), ("en", "zh"): al("en", "zh", "0:0 1:1"),
             ("ru", "zh"): al("ru", "zh", "0:0 1:1")}
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == ["en0|ru0|zh0", "en1|ru1|zh1"]


def test_merge_confirmed_by_third_language_makes_one_group():
    # zh merges two English sentences; ru keeps them apart: the group is 2-2-1.
    docs = [make_doc("en", 3), make_doc("ru", 3), make_doc("zh", 2)]
    table = {("en", "ru"): al("en", "ru", "0:0 1:1 2:2"), ("en", "zh"): al("en", "zh", "0,1:0 2:1"),
             ("ru", "zh"): al("ru", "zh", "0,1:0 2:1")}
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == ["en0,1|ru0,1|zh0", "en2|ru2|zh1"]
    assert aligned.groups[0].kind == "2-2-1"
    en_ru = project(aligned, ("en", "ru"), table[("en", "ru")])
    assert shape(en_ru) == ["en0|ru0", "en1|ru1", "en2|ru2"]


def test_omitted_sentence_is_its_own_group_with_a_missing_language():
    docs = [make_doc("en", 3), make_doc("ru", 2), make_doc("zh", 3)]
    table = {("en", "ru"): al("en", "ru", "0:0 1: 2:1"), ("en", "zh"): al("en", "zh", "0:0 1:1 2:2"),
             ("ru", "zh"): al("ru", "zh", "0:0 :1 1:2")}
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == ["en0|ru0|zh0", "en1|ru|zh1", "en2|ru1|zh2"]
    assert aligned.groups[1].kind == "1-0-1"


def test_sentence_inside_a_group_span_is_absorbed():
    # en1 is unlinked everywhere but sits between en0 and en2, which one ru/zh sentence translates.
    docs = [make_doc("en", 3), make_doc("ru", 1), make_doc("zh", 1)]
    table = {("en", "ru"): al("en", "ru", "0,2:0 1:"), ("en", "zh"): al("en", "zh", "0:0 1: 2:"),
             ("ru", "zh"): al("ru", "zh", "0:0")}
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == ["en0,1,2|ru0|zh0"]


def test_any_language_first_and_two_documents():
    docs = [make_doc("zh", 3), make_doc("en", 3)]
    table = {("zh", "en"): al("zh", "en", "0:0,1 1: 2:2")}
    aligned = align_documents(docs, aligner=injected(table))
    assert aligned.langs == ("zh", "en")
    assert shape(aligned) == ["zh0|en0,1", "zh1|en", "zh2|en2"]


def test_alignment_given_in_the_other_direction_is_turned_round():
    docs = [make_doc("en", 3), make_doc("ru", 2)]
    aligned = combine(docs, {("ru", "en"): al("ru", "en", "0:0,1 1:2")})
    assert shape(aligned) == ["en0,1|ru0", "en2|ru1"]
    assert aligned.groups[0].pair_scores == (("en", "ru", 0.9),)


def test_bad_document_sets_are_refused():
    with pytest.raises(LanguageError, match=r"language 'en' given twice \(/x/a.txt and /x/b.txt\)"):
        combine([make_doc("en", 1, path="/x/a.txt"), make_doc("en", 1, path="/x/b.txt")], {})
    with pytest.raises(InputError, match="need two or three documents"):
        combine([make_doc("en", 1)], {})


def test_deterministic():
    docs = [make_doc("en", 4), make_doc("ru", 4), make_doc("zh", 4)]
    table = {("en", "ru"): al("en", "ru", "0:0 1:1 2:2 3:3"), ("en", "zh"): al("en", "zh", "0:0 1,2:1 3:2,3"),
             ("ru", "zh"): al("ru", "zh", "0:0 1:1 2:2 3:3")}
    runs = [align_documents(docs, aligner=injected(table)) for _ in range(2)]
    assert runs[0] == runs[1]


@st.composite
def _monotone_alignment(draw, n_src: int, n_tgt: int):
    """A random monotone alignment covering both sides (links of up to 2 sentences a side)."""
    out, i, j = [], 0, 0
    while i < n_src or j < n_tgt:
        a = draw(st.integers(0 if j < n_tgt else 1, min(2, n_src - i)))
        b = draw(st.integers(0 if a else 1, min(2, n_tgt - j))) if j < n_tgt else 0
        if a == 0 and b == 0:
            continue
        out.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)), draw(st.floats(0.1, 1.0))))
        i, j = i + a, j + b
    return out


@settings(max_examples=100, deadline=None)
@given(st.data(), st.integers(1, 8), st.integers(1, 8), st.integers(1, 8))
def test_groups_cover_every_sentence_once_and_are_monotone(data, n_en, n_ru, n_zh):
    docs = [make_doc("en", n_en), make_doc("ru", n_ru), make_doc("zh", n_zh)]
    table = {
        ("en", "ru"): Alignment("en", "ru", tuple(data.draw(_monotone_alignment(n_en, n_ru)))),
        ("en", "zh"): Alignment("en", "zh", tuple(data.draw(_monotone_alignment(n_en, n_zh)))),
        ("ru", "zh"): Alignment("ru", "zh", tuple(data.draw(_monotone_alignment(n_ru, n_zh)))),
    }
    for aligned in (combine(docs, table), multi_split(combine(docs, table), topic_embed())):
        check_partition(aligned, docs)


def check_partition(aligned, docs) -> None:
    for k, doc in enumerate(docs):
        seen = [s.index for g in aligned.groups for s in g.sentences[k]]
        assert sorted(seen) == list(range(len(doc.sentences)))
        assert seen == sorted(seen), f"{doc.lang} not monotone: {shape(aligned)}"
        for g in aligned.groups:
            idx = [s.index for s in g.sentences[k]]
            if idx:
                assert idx == list(range(idx[0], idx[0] + len(idx))), f"{doc.lang} group not contiguous"
    assert [g.index for g in aligned.groups] == list(range(len(aligned.groups)))
    assert all(0.0 <= g.score <= 1.0 for g in aligned.groups)


def topic_embed(topics: dict[str, list[float]] | None = None):
    """Fake sentence encoder: 'en3.' -> one-hot vector of topic 3 (or the vector given in ``topics``)."""
    import numpy as np

    def embed(texts):
        rows = []
        for text in texts:
            if topics and text in topics:
                vector = np.asarray(topics[text], dtype=np.float32)
            else:
                vector = np.zeros(16, dtype=np.float32)
                vector[int(text[2:-1])] = 1.0
            rows.append(vector / np.linalg.norm(vector))
        return np.vstack(rows)

    return embed


def merged_table(ru_spec: str = "0,1:0,1"):
    return {("en", "ru"): al("en", "ru", ru_spec), ("en", "zh"): al("en", "zh", "0,1:0,1"),
            ("ru", "zh"): al("ru", "zh", "0,1:0,1" if ru_spec == "0,1:0,1" else "0:0,1")}


def test_groups_merged_by_every_aligner_are_split_when_embeddings_pair_them():
    docs = [make_doc("en", 2), make_doc("ru", 2), make_doc("zh", 2)]
    aligned = align_documents(docs, aligner=injected(merged_table()))
    assert shape(aligned) == ["en0,1|ru0,1|zh0,1"]
    split = multi_split(aligned, topic_embed())
    assert shape(split) == ["en0|ru0|zh0", "en1|ru1|zh1"]
    assert [g.index for g in split.groups] == [0, 1]
    assert split.groups[0].pair_scores == (("en", "ru", 1.0), ("en", "zh", 1.0), ("ru", "zh", 1.0))


def test_no_split_when_embeddings_do_not_pair_sentences_one_to_one():
    docs = [make_doc("en", 2), make_doc("ru", 2), make_doc("zh", 2)]
    aligned = align_documents(docs, aligner=injected(merged_table()))
    # sentence 1 of Russian is as close to English 0 as to English 1: a real 2-2 restructuring
    blurred = topic_embed({"ru1.": [1, 1] + [0] * 14})
    assert multi_split(aligned, blurred) is aligned


def test_single_sentence_goes_with_its_column_or_keeps_the_group_whole():
    docs = [make_doc("en", 2), make_doc("ru", 1), make_doc("zh", 2)]
    aligned = align_documents(docs, aligner=injected(merged_table("0,1:0")))
    assert shape(aligned) == ["en0,1|ru0|zh0,1"]
    # the Russian sentence translates English 1 (the translator left sentence 0 out)
    assert shape(multi_split(aligned, topic_embed({"ru0.": [0, 1] + [0] * 14}))) == [
        "en0|ru|zh0", "en1|ru0|zh1"]
    # the Russian sentence translates both: a real 2-1-2 group
    assert multi_split(aligned, topic_embed({"ru0.": [1, 1] + [0] * 14})) is aligned


def multi_split(aligned, embed):
    return split_merged(aligned, embed)


def test_sentence_only_one_language_has_is_split_off_its_neighbours_group():
    docs = [make_doc("en", 1), make_doc("ru", 2), make_doc("zh", 1)]
    table = {("en", "ru"): al("en", "ru", "0:0,1"), ("en", "zh"): al("en", "zh", "0:0"),
             ("ru", "zh"): al("ru", "zh", "0,1:0")}
    aligned = align_documents(docs, aligner=injected(table))
    assert shape(aligned) == ["en0|ru0,1|zh0"]
    # Russian 0 is unrelated (en/zh omit it): it becomes a group of its own
    unrelated = topic_embed({"ru0.": [0] * 5 + [1] + [0] * 10, "ru1.": [1] + [0] * 15})
    assert shape(multi_split(aligned, unrelated)) == ["en|ru0|zh", "en0|ru1|zh0"]
    # Russian split one English sentence in two: both halves are close to it, the group stays
    halves = topic_embed({"ru0.": [1, 0.2] + [0] * 14, "ru1.": [1, -0.2] + [0] * 14})
    assert multi_split(aligned, halves) is aligned
