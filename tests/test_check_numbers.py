"""The ``number`` rule: the same quantity written in different scripts and scales is not flagged, a
different one is, and the reason shows the numbers readably. Numbers are read by alignmem.anchors."""

from __future__ import annotations

import pytest

from alignmem.check.flags import CheckConfig, run_rules
from alignmem.check.model import Unit


def number_flags(a: str, la: str, b: str, lb: str, *more: str) -> list[tuple[tuple[str, ...], str]]:
    """(languages, reason) of the number flags of one group; ``more`` adds (text, lang) pairs."""
    langs = (la, lb, *more[1::2])
    texts = (a, b, *more[0::2])
    unit = Unit("doc", 0, langs, texts, 0.8, "-".join("1" for _ in langs))
    (flags,) = run_rules([unit], CheckConfig(rules=("number",)))
    assert all(f.code == "number" for f in flags)
    return [(f.langs, f.reason) for f in flags]


SAME = [
    ("1,300 people", "en", "1 300 человек", "ru"),
    ("100 billion dollars", "en", "1000亿美元", "zh"),
    ("1,5 млн. евро", "ru", "Euro 1.5 million", "en"),
    ("150万欧元", "zh", "1.5 million euros", "en"),
    ("at its fifty-eighth session", "en", "第五十八届会议", "zh"),
    ("на пятьдесят восьмой сессии", "ru", "at its 58th session", "en"),
    ("on 12 May 2015", "en", "2015年5月12日", "zh"),
    ("at 10.23 a.m.", "en", "в 10 ч. 23 м.", "ru"),
    ("at 6:15 p.m.", "en", "в 18 ч. 15 м.", "ru"),
    ("Act No. 18.561", "ru", "第18561号法", "zh"),
    ("两国", "zh", "two countries", "en"),
    # a code the translation spells as a number: "GEF-5" is "全环基金5"
    ("funding under the Chemicals Strategy in GEF-5", "en", "在全环基金5时期的化学品战略下接收供资", "zh"),
    # "00" minutes are left out in English
    ("at 3 p.m.", "en", "в 15 ч. 00 м.", "ru"),
    ("on a total of 33 776 130.00 kuna", "ru", "共计33 776 130.00库纳", "zh"),
]


@pytest.mark.parametrize(("a", "la", "b", "lb"), SAME)
def test_same_quantity_matches_both_ways(a, la, b, lb):
    assert number_flags(a, la, b, lb) == []
    assert number_flags(b, lb, a, la) == []


@pytest.mark.parametrize(("a", "la", "b", "lb", "lost", "found"), [
    ("1,300 people", "en", "13 человек", "ru", "1300", "13"),
    ("in 2014", "en", "2015年", "zh", "2014", "2015"),
    ("211 per 100,000", "en", "211 на 10 000", "ru", "100,000", "10,000"),
    ("1.5 million euros", "en", "1,8 млн. евро", "ru", "1,500,000", "1,800,000"),
    ("a rate of 2.5 per cent", "en", "2.7%的比率", "zh", "2.5", "2.7"),
    # a post grade is a code, not a number, but a changed grade is still an error
    ("one P-4 post", "en", "одна должность С-5", "ru", "4", "5"),
    # the minutes of "10.40 a.m." are not a footnote call glued to a point
    ("at 10.40 a.m.", "en", "в 10 ч. 30 м.", "ru", "40", "30"),
])
def test_different_quantity_is_flagged_on_both_sides(a, la, b, lb, lost, found):
    assert number_flags(a, la, b, lb) == [
        ((la,), f"{la} has {lost}, not found in {lb}"),
        ((lb,), f"{lb} has {found}, not found in {la}"),
    ]


def test_footnote_calls_and_list_markers_are_not_required():
    assert number_flags("available on the website.3", "en", "можно найти на веб-сайте", "ru") == []
    assert number_flags("12. The Commission met.", "en", "委员会举行了会议。", "zh") == []
    assert number_flags("an area of 5 km2", "en", "面积5平方公里", "zh") == []


def test_numbers_in_words_clear_but_are_not_flagged():
    # "five decades" against "五十年" (fifty years): neither is written with digits
    assert number_flags("since the occupation, five decades ago, in 1967", "en",
                        "1967年占领以来的五十年", "zh") == []
    # "seventieth" (70) against "семнадцатой" (17): words only ever clear a number
    assert number_flags("at its seventieth session in 2015", "en",
                        "на семнадцатой сессии в 2015 году", "ru") == []
    # but a written number a word does not clear is flagged
    assert number_flags("at its 70th session", "en", "на семнадцатой сессии", "ru") == [
        (("en",), "en has 70, not found in ru")
    ]


def test_number_found_in_any_other_language_is_not_flagged():
    assert number_flags("in 2014 and 2015", "en", "в 2014 году", "ru", "2014年和2015年", "zh") == []
    assert number_flags("in 2014 and 2016", "en", "в 2014 году", "ru", "2014年和2015年", "zh") == [
        (("en",), "en has 2016, not found in ru/zh"),
        (("zh",), "zh has 2015, not found in en/ru"),
    ]


def test_a_value_said_twice_on_one_side_is_no_difference():
    assert number_flags("articles 256-бис и 256-тер", "ru", "articles 256 bis and ter", "en") == []


def _flags(*texts: str, langs=("en", "ru", "zh")):
    from alignmem.check.flags import CheckConfig, run_rules
    from alignmem.check.model import Unit

    unit = Unit("d", 0, langs[: len(texts)], texts, 0.9, "-".join("1" * len(texts)))
    return [f.reason for f in run_rules([unit], CheckConfig(embeddings=False, rules=("number",)))[0]]


def test_a_year_changed_into_one_the_sentence_already_holds_is_flagged():
    """Regression (issue 12): numbers were compared as sets, so 2021 -> 2001 next to another 2001 passed."""
    assert _flags("In 2001 the treaty was signed; in 2021 it was extended.",
                  "В 2001 году договор подписан; в 2001 году продлён.",
                  "条约于2001年签署，2021年延长。") == ["ru has 2001 (2 times, 1 in en/zh), not found in en/zh"]
    # said twice in one language and once in the other, nothing else left over: still no difference
    assert _flags("Resolutions 256 bis and 256 ter.", "Резолюции 256-бис.", langs=("en", "ru")) == []


def test_the_digits_of_a_translated_name_may_go_with_it():
    """Regression (issue 12): "COVID-19" against "新冠肺炎" was flagged as a missing number."""
    assert _flags("The COVID-19 pandemic hit the economy.", "新冠肺炎疫情冲击了经济。", langs=("en", "zh")) == []
    assert _flags("The COVID-19 pandemic hit the economy.", "COVID-20疫情冲击了经济。", langs=("en", "zh")) == [
        "en has 19, not found in zh", "zh has 20, not found in en"]
