"""anchor_keys on parallel English / Russian / Chinese sentences: translations share keys, others do not."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.anchors import anchor_keys, key_overlap, key_weight, name_candidates

LANGS = ("en", "ru", "zh")

# Each row: the same sentence in English, Russian and Chinese (written for these tests).
PARALLEL = [
    (
        ("Since 2001, our mutual trade has grown 1,300 percent and has stably exceeded $100 billion for the "
        "last three years."),
        ("С 2001 года наш взаимный товарооборот вырос на 1300 процентов и последние три года стабильно "
        "превышает 100 млрд долларов."),
        "自2001年以来，双边贸易额增长了1300%，近三年来稳定在1000亿美元以上。",
    ),
    (
        "On June 10, 2019, the first road bridge across the Amur linked Blagoveshchensk and Heihe.",
        "10 июня 2019 года первый автомобильный мост через Амур соединил Благовещенск и Хэйхэ.",
        "2019年6月10日，第一座跨阿穆尔河公路桥连接了布拉戈维申斯克和黑河。",
    ),
    (
        "Sergey Lavrov and Wang Yi discussed cooperation within the SCO and BRICS.",
        "Сергей Лавров и Ван И обсудили сотрудничество в рамках ШОС и БРИКС.",
        "谢尔盖·拉夫罗夫和王毅讨论了在上海合作组织和金砖国家框架内的合作。",
    ),
    (
        "Russia supplied 5.5 million tonnes of LNG, or 20 per cent of China's imports.",
        "Россия поставила 5,5 млн тонн СПГ, или 20 % импорта Китая.",
        "俄罗斯供应了550万吨液化天然气，占中国进口的百分之二十。",
    ),
    (
        "The Treaty of 16 July 2001 consists of 25 articles; article 9 covers consultations.",
        "Договор от 16 июля 2001 года состоит из 25 статей; статья 9 посвящена консультациям.",
        "2001年7月16日签署的条约共25条，第九条涉及磋商。",
    ),
    (
        "President Vladimir Putin and President Xi Jinping held five telephone conversations in 2020.",
        "В 2020 году Президент Владимир Путин и Председатель Си Цзиньпин провели пять телефонных разговоров.",
        "2020年，普京总统和习近平主席五次通电话。",
    ),
    (
        "The COVID-19 pandemic did not stop the work of the 75th session of the General Assembly.",
        "Пандемия COVID-19 не остановила работу 75-й сессии Генеральной Ассамблеи.",
        "COVID-19疫情没有阻止联合国大会第75届会议的工作。",
    ),
]


@pytest.mark.parametrize("row", PARALLEL, ids=[str(i) for i in range(len(PARALLEL))])
@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(range(3), 2)))
def test_translations_share_most_keys(row: tuple[str, str, str], a: int, b: int) -> None:
    keys_a = anchor_keys(row[a], LANGS[a])
    keys_b = anchor_keys(row[b], LANGS[b])
    assert key_overlap(keys_a, keys_b) >= 0.45, (keys_a, keys_b)


@pytest.mark.parametrize(("a", "b"), list(itertools.product(range(3), repeat=2)))
def test_a_translation_beats_every_other_sentence(a: int, b: int) -> None:
    for i, row in enumerate(PARALLEL):
        keys = anchor_keys(row[a], LANGS[a])
        own = key_overlap(keys, anchor_keys(row[b], LANGS[b]))
        others = [
            key_overlap(keys, anchor_keys(other[b], LANGS[b])) for j, other in enumerate(PARALLEL) if j != i
        ]
        assert own > max(others), (i, own, others)
        assert max(others) < 0.4


def test_number_keys_are_canonical_across_scripts() -> None:
    expected = {"n:2001", "n:1300", "n:100000000000", "n:3"}
    for text, lang in zip(PARALLEL[0], LANGS, strict=True):
        assert {k for k in anchor_keys(text, lang) if k.startswith("n:")} == expected


def test_latin_keys() -> None:
    keys = anchor_keys("See https://www.mid.ru/en/, write to press@mid.ru; BRICS, G20 and COVID-19.", "en")
    assert {k for k in keys if k.startswith("l:")} == {
        "l:https://www.mid.ru/en/", "l:press@mid.ru", "l:brics", "l:g20", "l:covid-19",
    }
    # ordinary words are not anchors, capitalised or not
    assert not {k for k in anchor_keys("Trade grew quickly.", "en") if k.startswith("l:")}


def test_name_keys_match_across_scripts() -> None:
    en = anchor_keys("Blagoveshchensk and Heihe", "en")
    ru = anchor_keys("Благовещенском и Хэйхэ", "ru")  # inflected: the case ending is removed
    zh = anchor_keys("布拉戈维申斯克和黑河", "zh")
    assert {"t:PLKFSNSK", "t:HH"} <= en & ru & zh


def test_sentence_initial_function_words_are_not_names() -> None:
    assert anchor_keys("The talks were held in Moscow.", "en") == {"t:MSK"}
    assert anchor_keys("Однако переговоры прошли в Москве.", "ru") == {"t:MSKF"}
    assert anchor_keys("The United Nations General Assembly met.", "en") == frozenset()


def test_name_candidates_report_spans() -> None:
    text = "Лавров прибыл в Благовещенск."
    spans = name_candidates(text, "ru")
    assert [text[s:e] for s, e, _ in spans] == ["Лавров", "Благовещенск"]


def test_names_can_be_left_out() -> None:
    keys = anchor_keys("2019年，拉夫罗夫访问了黑河。", "zh", names=False)
    assert keys == {"n:2019"}


def test_key_weight_orders_evidence() -> None:
    assert key_weight("n:100000000000") > key_weight("n:16") > key_weight("n:3")
    assert key_weight("l:brics") > key_weight("t:LFLF")


def test_key_overlap_bounds() -> None:
    keys = anchor_keys(PARALLEL[0][0], "en")
    assert key_overlap(keys, keys) == pytest.approx(1.0)
    assert key_overlap(keys, frozenset()) == 0.0
    assert key_overlap(frozenset({"n:5"}), frozenset({"n:6"})) == 0.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80), st.sampled_from(LANGS))
def test_any_text_gives_keys_without_error(text: str, lang: str) -> None:
    keys = anchor_keys(text, lang)
    assert all(k[:2] in ("n:", "l:", "t:") for k in keys)
    assert anchor_keys(text, lang) == keys
