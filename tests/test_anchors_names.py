"""Latin tokens, transliteration, phonetic keys and name similarity across Latin, Cyrillic and Han."""

from __future__ import annotations

import pytest

from alignmem.anchors import acronyms, latin_tokens, name_similarity, phonetic_key, to_latin


@pytest.mark.parametrize(
    ("text", "lang", "latin"),
    [
        ("Благовещенск", "ru", "blagoveshchensk"),
        ("Путин", "ru", "putin"),
        ("Лавров", "ru", "lavrov"),
        ("Хэйхэ", "ru", "kheykhe"),
        ("Цзиньпин", "ru", "tszinpin"),
        ("Щербаков", "ru", "shcherbakov"),
        ("Евгений Ёлкин", "ru", "yevgeniy yolkin"),
        ("Горбачёв", "ru", "gorbachev"),
        ("Объединённые", "ru", "obyedinennyye"),
        ("Жэньминь жибао", "ru", "zhenmin zhibao"),
        ("黑河", "zh", "heihe"),
        ("拉夫罗夫", "zh", "lafuluofu"),
        ("普京", "zh", "pujing"),
        ("Café Zürich", "en", "cafe zurich"),
        ("São Paulo", "en", "sao paulo"),
        ("BRICS", "en", "brics"),
    ],
)
def test_to_latin(text: str, lang: str, latin: str) -> None:
    assert to_latin(text, lang) == latin


def test_to_latin_keeps_chinese_words_together() -> None:
    assert to_latin("黑河和布拉戈维申斯克", "zh").split() == ["heihe", "he", "bulageweishensike"]


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (("Heihe", "Хэйхэ", "黑河"), "HH"),
        (("Lavrov", "Лавров", "拉夫罗夫"), "LFLF"),
        (("Blagoveshchensk", "Благовещенск", "布拉戈维申斯克"), "PLKFSNSK"),
        (("Sergey", "Сергей", "谢尔盖"), "SLK"),
        (("Xi Jinping", "Си Цзиньпин", "习近平"), "SCNPN"),
        (("Zelensky", "Зеленский"), "CLNSK"),
        (("Washington", "Вашингтон"), "FSNTN"),
        (("Putin", "Путин"), "PTN"),
    ],
)
def test_phonetic_key_is_shared_across_scripts(names: tuple[str, ...], key: str) -> None:
    assert {phonetic_key(name) for name in names} == {key}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heihe", "Хэйхэ"), ("Heihe", "黑河"), ("Хэйхэ", "黑河"),
        ("Lavrov", "Лавров"), ("Lavrov", "拉夫罗夫"), ("Putin", "Путин"),
        ("Blagoveshchensk", "Благовещенск"), ("Blagoveshchensk", "布拉戈维申斯克"),
        ("Zelensky", "Зеленский"), ("Zelenskiy", "Zelensky"), ("Tchaikovsky", "Чайковский"),
        ("Xi Jinping", "Си Цзиньпин"), ("Shoigu", "Шойгу"), ("Khabarovsk", "Хабаровск"),
        ("Yekaterinburg", "Екатеринбург"), ("Nazarbayev", "Назарбаев"),
    ],
)
def test_similar_names(a: str, b: str) -> None:
    assert name_similarity(a, b) >= 0.8
    assert name_similarity(a, b) == name_similarity(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin", "Lavrov"), ("Путин", "Лавров"), ("Heihe", "Благовещенск"), ("Moscow", "Beijing"),
        ("Lavrov", "普京"), ("Shoigu", "Хабаровск"), ("Wang Yi", "Лавров"), ("Xi Jinping", "Путин"),
    ],
)
def test_different_names(a: str, b: str) -> None:
    assert name_similarity(a, b) < 0.5


def test_name_similarity_bounds() -> None:
    assert name_similarity("Lavrov", "Lavrov") == 1.0
    assert name_similarity("", "Lavrov") == 0.0
    assert name_similarity("123", "Lavrov") == 0.0


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "The SCO and BRICS summits discussed LNG supplies and COVID-19.",
            ["The", "SCO", "and", "BRICS", "summits", "discussed", "LNG", "supplies", "and", "COVID-19"],
        ),
        ("ШОС и БРИКС обсудили поставки СПГ и COVID-19.", ["COVID-19"]),
        ("上海合作组织（SCO）和金砖国家（BRICS）讨论了LNG。", ["SCO", "BRICS", "LNG"]),
        ("Write to info@mid.ru or see https://www.mid.ru/en/foreign_policy/.", [
            "Write", "to", "info@mid.ru", "or", "see", "https://www.mid.ru/en/foreign_policy/",
        ]),
        ("Сайт www.mid.ru, e-mail и 5G.", ["www.mid.ru", "e-mail", "5G"]),
        ("«Жэньминь жибао» (People's Daily)", ["People's", "Daily"]),
        ("Café in São Paulo", ["Café", "in", "São", "Paulo"]),
    ],
)
def test_latin_tokens(text: str, tokens: list[str]) -> None:
    assert latin_tokens(text) == tokens


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The SCO and BRICS summits discussed LNG and COVID-19.", ["SCO", "BRICS", "LNG", "COVID-19"]),
        ("G20 leaders and NGOs met the OSCE; A and I are not acronyms.", ["G20", "NGOs", "OSCE"]),
        ("Meeting in Heihe.", []),
        ("上海合作组织（SCO）", ["SCO"]),
    ],
)
def test_acronyms(text: str, found: list[str]) -> None:
    assert acronyms(text) == found
