"""Invariants of every alignment (hypothesis): monotone links, each sentence in exactly one link,
scores in [0, 1]. Run on the cheap signals (length, anchors); the encoder is tested elsewhere."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmem.align import AlignConfig, align_sentences

CHEAP = AlignConfig(signals=("length", "anchors"), force=True)

words = st.sampled_from(["river", "bridge", "2019", "UNESCO", "town", "ferry", "1,080", "the", "ice", "boat"])
sentence = st.lists(words, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
ru_words = st.sampled_from(["река", "мост", "2019", "UNESCO", "город", "паром", "1080", "лёд", "катер"])
ru_sentence = st.lists(ru_words, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")


def check(alignment, n: int, m: int) -> None:
    seen_src: list[int] = []
    seen_tgt: list[int] = []
    for link in alignment.links:
        assert link.src or link.tgt
        assert 0.0 <= link.score <= 1.0
        assert list(link.src) == list(range(link.src[0], link.src[0] + len(link.src))) if link.src else True
        assert list(link.tgt) == list(range(link.tgt[0], link.tgt[0] + len(link.tgt))) if link.tgt else True
        seen_src.extend(link.src)
        seen_tgt.extend(link.tgt)
    # monotone and covering: concatenating the links gives 0..n-1 and 0..m-1 in order
    assert seen_src == list(range(n))
    assert seen_tgt == list(range(m))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, max_size=25), st.lists(ru_sentence, max_size=25))
def test_links_monotone_and_covering(src, tgt):
    alignment = align_sentences(src, tgt, "en", "ru", config=CHEAP)
    check(alignment, len(src), len(tgt))
    for side, first, last in alignment.unaligned:
        assert side in ("src", "tgt") and first <= last


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, min_size=30, max_size=60), st.integers(0, 30), st.data())
def test_coarse_to_fine_search_keeps_the_invariants(src, cut, data):
    # long enough to go through the banded (coarse-to-fine) search
    tgt = data.draw(st.lists(ru_sentence, min_size=30, max_size=60))
    config = AlignConfig(signals=("length", "anchors"), force=True, full_search_cells=100, band=2)
    alignment = align_sentences(src[cut:], tgt, "en", "ru", config=config)
    check(alignment, len(src[cut:]), len(tgt))


@settings(max_examples=20, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=15), st.lists(st.integers(0, 3), min_size=1, max_size=15))
def test_paragraphs_do_not_break_the_invariants(src, paras):
    paras = sorted((paras * 15)[: len(src)])
    alignment = align_sentences(src, src, "en", "en".replace("en", "ru"), src_paras=paras, tgt_paras=paras,
                                config=CHEAP)
    check(alignment, len(src), len(src))


def test_identical_lists_align_one_to_one_and_deterministically():
    src = [f"Item {k} of the list costs {k * 100} dollars." for k in range(40)]
    first = align_sentences(src, src, "en", "ru", config=CHEAP)
    assert [(link.src, link.tgt) for link in first.links] == [((k,), (k,)) for k in range(40)]
    assert first == align_sentences(src, src, "en", "ru", config=CHEAP)


def test_empty_side_gives_omissions():
    alignment = align_sentences(["One.", "Two."], [], "en", "ru", config=CHEAP)
    assert [(link.src, link.tgt, link.score) for link in alignment.links] == [((0,), (), 0.0), ((1,), (), 0.0)]
