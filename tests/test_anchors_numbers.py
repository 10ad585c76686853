"""Numbers across English, Russian and Chinese: extraction per language and cross-script comparison."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.anchors import compare_numbers, extract_numbers, number_values
from alignmem.anchors.hannum import han_to_int
from alignmem.errors import LanguageError


def values(text: str, lang: str) -> list[tuple[str, str]]:
    return [(format(m.value, "f"), m.kind) for m in extract_numbers(text, lang)]


# --- extraction, per language: (text, expected [(value, kind), ...]) --------------------------------

EN_CASES = [
    ("Since 2001, our mutual trade has grown 1,300 percent.", [("2001", "year"), ("1300", "percent")]),
    ("Trade stably exceeds $100 billion.", [("100000000000", "number")]),
    ("About 1.8 million people live in the region.", [("1800000", "number")]),
    ("The budget is $5m this year and $3bn next year.", [("5000000", "number"), ("3000000000", "number")]),
    ("Unemployment fell to 4.5 per cent.", [("4.5", "percent")]),
    ("Inflation rose by 20 % and then by 3.5%.", [("20", "percent"), ("3.5", "percent")]),
    ("It rose by 2 percentage points.", [("2", "percent")]),
    ("Maternal mortality is 211 per 100,000 live births.", [("211", "number"), ("100000", "number")]),
    ("There were 100 000 participants.", [("100000", "number")]),
    ("The treaty was signed on July 16, 2001.", [("7", "date"), ("16", "date"), ("2001", "year")]),
    ("The summit opened on 16 July 2021.", [("16", "date"), ("7", "date"), ("2021", "year")]),
    ("The report was issued on 16.07.2021.", [("16", "date"), ("7", "date"), ("2021", "year")]),
    ("It is due on 2021-07-16.", [("2021", "year"), ("7", "date"), ("16", "date")]),
    ("Twenty-five delegations attended.", [("25", "number")]),
    ("One hundred and five observers attended.", [("105", "number")]),
    ("Five countries and twelve organizations signed.", [("5", "number"), ("12", "number")]),
    ("A million people marched.", [("1000000", "number")]),
    ("Two million tonnes were shipped.", [("2000000", "number")]),
    ("It was the fifty-eighth session.", [("58", "ordinal")]),
    ("The 21st century began; the 3rd meeting followed.", [("21", "ordinal"), ("3", "ordinal")]),
    ("See chapter IV and annex II.", [("4", "number"), ("2", "number")]),
    ("Elections were held in May 2020.", [("5", "date"), ("2020", "year")]),
    ("We may agree in May.", [("5", "date")]),
    ("One of the parties objected.", [("1", "number")]),
    ("Since 2010, Finland has contributed over Euro1.5 million.", [("2010", "year"), ("1500000", "number")]),
    ("Full-width digits: １２３ units.", [("123", "number")]),
    ("The COVID-19 pandemic hit in 2020.", [("2020", "year")]),
    ("Codes are not numbers: B2C, UF6, G20, P-4, 5G; A/RES/70/1 is.", [("70", "number"), ("1", "number")]),
    ("The post-2015 development agenda.", [("2015", "year")]),
    ("Thousands of people and millions of tonnes.", []),
    ("Over a quarter of payments; two-thirds of members.", [("0.25", "fraction"), ("0.6667", "fraction")]),
]

RU_CASES = [
    ("С 2001 года товарооборот вырос на 1300 процентов.", [("2001", "year"), ("1300", "percent")]),
    ("Он превышает 100 млрд долларов.", [("100000000000", "number")]),
    ("В регионе живут 1,8 млн человек.", [("1800000", "number")]),
    ("Рост составил 2,5 %.", [("2.5", "percent")]),
    ("На 100 000 живорождений приходится 211 случаев.", [("100000", "number"), ("211", "number")]),
    ("Договор подписан 16 июля 2001 г.", [("16", "date"), ("7", "date"), ("2001", "year")]),
    ("Доклад опубликован 16.07.2021.", [("16", "date"), ("7", "date"), ("2021", "year")]),
    ("Присутствовали двадцать пять делегаций.", [("25", "number")]),
    ("Пять стран подписали соглашение.", [("5", "number")]),
    ("Из пяти стран две воздержались.", [("5", "number"), ("2", "number")]),
    ("Прибыли сто пять наблюдателей.", [("105", "number")]),
    ("Это была пятьдесят восьмая сессия.", [("58", "ordinal")]),
    ("Полтора миллиона человек приняли участие.", [("1500000", "number")]),
    ("Более миллиона человек.", [("1000000", "number")]),
    ("Тысячи людей вышли на улицы.", []),
    ("Две тысячи человек.", [("2000", "number")]),
    ("Двадцать процентов населения.", [("20", "percent")]),
    ("Отношения служат образцом в XXI веке.", [("21", "ordinal")]),
    ("См. главу IV.", [("4", "number")]),
    ("В 1990-х годах.", [("1990", "year")]),
    ("К 20-летию договора.", [("20", "number")]),
    ("За 2 года и 5 лет.", [("2", "number"), ("5", "number")]),
    ("Одна из сторон возразила.", [("1", "number")]),
    ("Более четверти платежей и две трети членов.", [("0.25", "fraction"), ("0.6667", "fraction")]),
]

ZH_CASES = [
    ("自2001年以来，双边贸易额增长了1300%。", [("2001", "year"), ("1300", "percent")]),
    ("贸易额稳定在1000亿美元以上。", [("100000000000", "number")]),
    ("该地区有180万人。", [("1800000", "number")]),
    ("约有1.8万人参加。", [("18000", "number")]),
    ("投资5亿元。", [("500000000", "number")]),
    ("条约于2021年7月16日签署。", [("2021", "year"), ("7", "date"), ("16", "date")]),
    ("二〇一九年是重要的一年。", [("2019", "year")]),
    ("一九四五年战争结束。", [("1945", "year")]),
    ("十二个国家签署了协议。", [("12", "number")]),
    ("两千人参加了会议。", [("2000", "number")]),
    ("百分之二十的人口。", [("20", "percent")]),
    ("三分之一的成员国。", [("0.3333", "fraction")]),
    ("根据条约第十一条。", [("11", "ordinal")]),
    ("第五十八届会议。", [("58", "ordinal")]),
    ("第58届会议。", [("58", "ordinal")]),
    ("二十五个代表团和一百零五名观察员。", [("25", "number"), ("105", "number")]),
    ("两国关系十分重要，两个国家。", [("2", "number")]),
    ("建立在两国数百年合作和数十个部门的基础之上。", []),
    ("这一倡议得到统一支持，一带一路千方百计。", []),
    ("五国外长举行会晤。", [("5", "number")]),
    ("每100 000活产儿死亡211人。", [("100000", "number"), ("211", "number")]),
    ("全角数字１２３。", [("123", "number")]),
    ("增长了3个百分点。", [("3", "percent")]),
    ("二十国集团峰会。", [("20", "number")]),
    ("三亿五千万美元。", [("350000000", "number")]),
]


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_extract_en(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), RU_CASES)
def test_extract_ru(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, "ru") == expected


@pytest.mark.parametrize(("text", "expected"), ZH_CASES)
def test_extract_zh(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, "zh") == expected


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("二〇一九", 2019), ("一九四五", 1945), ("十二", 12), ("十", 10), ("两千", 2000), ("二十", 20),
        ("一百零五", 105), ("五十八", 58), ("一万五千", 15000), ("十二万", 120000),
        ("三亿五千万", 350000000), ("一万亿", 10**12), ("一千零一十", 1010), ("五", 5),
        ("三四", None), ("万一", None), ("十三五", None), ("十十", None),
    ],
)
def test_han_to_int(run: str, value: int | None) -> None:
    assert han_to_int(run) == value


def test_spans_point_into_the_input() -> None:
    text = "В 2021 г. товарооборот составил １４０ млрд долларов (рост на 35,8 %)."
    mentions = extract_numbers(text, "ru")
    assert [m.text for m in mentions] == ["2021 г.", "１４０ млрд", "35,8 %"]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.value for m in mentions] == [Decimal(2021), Decimal(140 * 10**9), Decimal("35.8")]


def test_ambiguous_separator_has_alternative_reading() -> None:
    (mention,) = extract_numbers("рост на 1,300", "ru")
    assert mention.value == Decimal("1.3") and mention.alt == Decimal(1300)
    (mention,) = extract_numbers("growth of 1,300", "en")
    assert mention.value == Decimal(1300) and mention.alt is None


def test_digits_flag_and_quantum() -> None:
    digit, word = extract_numbers("1.8 million and five", "en")
    assert digit.digits and digit.quantum == Decimal(100000)
    assert not word.digits


def test_number_values_is_a_multiset() -> None:
    counts = number_values("In 2020 and 2020 again, 5 and five", "en")
    assert counts[Decimal(2020)] == 2 and counts[Decimal(5)] == 2


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(LanguageError, match="unknown language 'xx'"):
        extract_numbers("5", "xx")


# --- cross-script comparison: (text_a, lang_a, text_b, lang_b, same numbers?) -------------------------

CROSS = [
    # scale words and conventions
    ("trade exceeds $100 billion", "en", "товарооборот превышает 100 млрд долларов", "ru", True),
    ("trade exceeds $100 billion", "en", "贸易额超过1000亿美元", "zh", True),
    ("товарооборот превышает 100 млрд долларов", "ru", "贸易额超过1000亿美元", "zh", True),
    ("1.8 million people", "en", "180万人", "zh", True),
    ("1.8 million people", "en", "1,8 млн человек", "ru", True),
    ("1,8 млн человек", "ru", "180万人", "zh", True),
    ("1.8 million people", "en", "1 800 000 people", "en", True),
    ("18,000 participants", "en", "1.8万名参与者", "zh", True),
    ("2.5 trillion roubles", "en", "2,5 трлн рублей", "ru", True),
    ("2.5 trillion roubles", "en", "2.5万亿卢布", "zh", True),
    ("350 million dollars", "en", "三亿五千万美元", "zh", True),
    ("grown 1,300 percent", "en", "вырос на 1300 процентов", "ru", True),
    ("grown 1,300 percent", "en", "增长了1300%", "zh", True),
    ("grown 1,300 percent", "en", "вырос на 1 300 %", "ru", True),
    ("20 per cent of the population", "en", "百分之二十的人口", "zh", True),
    ("20% of the population", "en", "двадцать процентов населения", "ru", True),
    ("twenty percent", "en", "20 %", "ru", True),
    ("100,000 live births", "en", "100 000 живорождений", "ru", True),
    ("100,000 live births", "en", "每100 000活产儿", "zh", True),
    # dates give the same multiset in every language
    ("signed on July 16, 2001", "en", "подписан 16 июля 2001 года", "ru", True),
    ("signed on July 16, 2001", "en", "于2001年7月16日签署", "zh", True),
    ("16 июля 2021 г.", "ru", "2021年7月16日", "zh", True),
    ("in May 2020", "en", "2020年5月", "zh", True),
    ("on 16.07.2021", "en", "16 июля 2021 г.", "ru", True),
    # words against digits
    ("five countries", "en", "五国", "zh", True),
    ("five countries", "en", "пять стран", "ru", True),
    ("twelve states signed", "en", "十二个国家签署", "zh", True),
    ("twenty-five delegations", "en", "25 делегаций", "ru", True),
    ("the fifty-eighth session", "en", "第五十八届会议", "zh", True),
    ("the fifty-eighth session", "en", "пятьдесят восьмая сессия", "ru", True),
    ("the 58th session", "en", "第58届会议", "zh", True),
    ("in the 21st century", "en", "в XXI веке", "ru", True),
    ("in the 21st century", "en", "在21世纪", "zh", True),
    ("article 11 of the treaty", "en", "条约第十一条", "zh", True),
    ("two thousand people", "en", "两千人", "zh", True),
    ("in 2019", "en", "二〇一九年", "zh", True),
    ("one incident involving one victim", "en", "1起事件，涉及1名受害者", "zh", True),
    ("over a quarter of all payments", "en", "超过四分之一", "zh", True),
    ("two thirds of the members", "en", "две трети членов", "ru", True),
    # rounding in the decimal part only
    ("33.3% of members", "en", "33 % членов", "ru", True),
    ("1.83 million people", "en", "1,8 млн человек", "ru", True),
    # Russian decimal comma read the English way by a careless translator
    ("1,300 tonnes", "en", "1,300 тонн", "ru", True),
    # clock times
    ("at 10.23 a.m.", "en", "в 10 ч. 23 м.", "ru", True),
    ("at 10.23 a.m.", "en", "上午10时23分", "zh", True),
    ("between 11 a.m. and 1 p.m.", "en", "в 11 ч. 00 м. -- 13 ч. 00 м.", "ru", True),
    ("at 3 p.m.", "en", "下午3时", "zh", True),
    ("Staff: one P-5 and one P-3.", "en", "Персонал: С-5 и С3.", "ru", True),
    # differences that must be flagged
    ("grown 1,300 percent", "en", "вырос на 13 процентов", "ru", False),
    ("grown 1,300 percent", "en", "增长了13%", "zh", False),
    ("exceeds $100 billion", "en", "превышает 10 млрд долларов", "ru", False),
    ("exceeds $100 billion", "en", "超过100亿美元", "zh", False),
    ("1.8 million people", "en", "18万人", "zh", False),
    ("signed on July 16, 2001", "en", "于2001年7月17日签署", "zh", False),
    ("signed in 2001", "en", "подписан в 2002 году", "ru", False),
    ("five countries", "en", "六国", "zh", False),
    ("1,320 tonnes", "en", "1 300 тонн", "ru", False),
    ("20 per cent", "en", "百分之三十", "zh", False),
    ("2.5 trillion", "en", "2,5 млрд", "ru", False),
    ("in 2020 trade grew by 5%", "en", "2020年贸易增长", "zh", False),
    ("at 10.23 a.m.", "en", "в 10 ч. 32 м.", "ru", False),
    ("at 3 p.m.", "en", "下午4时", "zh", False),
]


@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang", "same"), CROSS)
def test_compare_numbers_cross_script(a: str, a_lang: str, b: str, b_lang: str, same: bool) -> None:
    diff = compare_numbers(a, a_lang, b, b_lang)
    assert diff.differs is not same, (diff.only_a, diff.only_b)
    reverse = compare_numbers(b, b_lang, a, a_lang)
    assert reverse.differs is not same


def test_compare_reports_what_is_left() -> None:
    diff = compare_numbers(
        "Since 2001, our mutual trade has grown 1,300 percent and stably exceeds $100 billion.", "en",
        "С 2001 года наш товарооборот вырос на 1300 процентов и стабильно превышает 10 млрд долларов.", "ru",
    )
    assert diff.matched == 2
    assert [m.text for m in diff.only_a] == ["100 billion"]
    assert [m.text for m in diff.only_b] == ["10 млрд"]


def test_word_without_counterpart_is_not_flagged() -> None:
    # "the group of countries" vs "五国" (five countries): a number in words alone is translation
    diff = compare_numbers("The group of countries agreed.", "en", "五国同意。", "zh")
    assert [m.value for m in diff.only_b] == [Decimal(5)]
    assert not diff.differs


# --- properties ---------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("0123456789 ,.%-/年月日万亿千百十一二两三五第分之") + ["million", " процентов", "млрд", "July", "twenty", "пять"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join), st.sampled_from(["en", "ru", "zh"]))
def test_mentions_are_ordered_disjoint_spans(text: str, lang: str) -> None:
    mentions = extract_numbers(text, lang)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert extract_numbers(text, lang) == mentions  # deterministic


_HAN_DIGIT = "零一二三四五六七八九"


def _to_han(n: int) -> str:
    """Standard Chinese numeral for 0 < n < 10**8 (written here independently of the parser)."""
    def below_10000(k: int, leading: bool) -> str:
        out, zero = "", False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = k // unit_value % 10
            if digit:
                if zero and out:
                    out += "零"
                out += _HAN_DIGIT[digit] + unit
                zero = False
            elif out or not leading:
                zero = True
        return out

    high, low = divmod(n, 10000)
    text = below_10000(high, True) + "万" if high else ""
    if low:
        if high and low < 1000:
            text += "零"
        text += below_10000(low, not high)
    if text.startswith("一十"):
        text = text[1:]  # "十二", not "一十二"
    return text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=99_999_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert han_to_int(_to_han(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009"]))
def test_grouped_digits_in_every_convention(n: int, separator: str) -> None:
    grouped = f"{n:,}".replace(",", separator)
    lang = "ru" if separator != "," else "en"
    assert number_values(f"Всего {grouped} единиц" if lang == "ru" else f"In all {grouped} units", lang) == {
        Decimal(n): 1
    }
    assert number_values(f"共{grouped}个单位", "zh") == {Decimal(n): 1}
