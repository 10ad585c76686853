"""Numbers in English, Russian and Chinese text, brought to one canonical value so two sides can be compared.

Every mention is found by one of a few named rules, listed in :data:`RULES`: clock times, dates written
with digits, digits (with the percent / scale / ordinal / year words around them), Chinese numerals,
fraction words, number words and month names, Roman numerals. Each rule proposes mentions with offsets
into the unchanged input; overlapping proposals are settled by rule priority, then by length. Values are
:class:`decimal.Decimal` after scale words, so "1.8 million", "1,8 млн" and "180万" are all 1800000.

Conventions chosen so that the same fact gives the same multiset of values in every language:

- a date gives one mention per part: "July 16, 2021", "16 июля 2021 г." and "2021年7月16日" each give
  7 (month, kind "date"), 16 (kind "date") and 2021 (kind "year");
- "one" / "один" are numbers in words (value 1: "one incident" = "1起事件"); a lone "一" is not, as it
  is mostly part of a word (一些, 统一, 一带一路); ordinals "first" / "первый" / "第一" are (kind "ordinal");
- percent is a kind, not a different value: "20%", "20 per cent", "20 процентов", "百分之二十" are all 20;
- an ambiguous separator gives a second reading in ``alt``: Russian "1,300" is 1.3 (decimal comma) with
  alt 1300; English "1.300" is 1.3 with alt 1300. Comparison accepts either reading;
- a clock time gives the hour and the minutes unless they are 00 ("10.23 a.m." = "10 ч. 23 м." =
  "10时23分"; "11 a.m." = "11 ч. 00 м."), and hours compare on a 12-hour clock ("1 p.m." = "13 ч.");
- digits inside a code are not numbers ("B2C", "UF6", "G20", "COVID-19", "P-4", "С-5"): codes are often
  translated ("G20" = "二十国集团") and are anchors of their own (``l:`` keys);
- approximations are not numbers: "thousands of", "тысячи людей", "数百年" (centuries), "数十个".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from alignmem.anchors import tables as T
from alignmem.anchors.hannum import han_to_int
from alignmem.langs import get

ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in a text. ``value`` is canonical (scale applied); ``start``/``end`` index the input."""

    value: Decimal
    kind: str  # "number", "percent", "year", "date", "time", "ordinal", "fraction"
    start: int
    end: int
    text: str
    digits: bool = True  # written with Arabic digits (reliable); False for words, Chinese numerals, months
    alt: Decimal | None = None  # second reading of an ambiguous separator
    quantum: Decimal = ONE  # value of one unit of the last written digit: "1.8 million" -> 100000

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", clean(self.value))
        if self.alt is not None:
            object.__setattr__(self, "alt", clean(self.alt))

    def matches(self, other: NumberMention) -> bool:
        """Same value under either reading of an ambiguous separator."""
        if self.value == other.value:
            return True
        return (self.alt is not None and self.alt == other.value) or (
            other.alt is not None and other.alt == self.value
        )


# ---------------------------------------------------------------------------------------------------
# helpers

_FULLWIDTH = {ord("０") + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({ord("％"): ord("%"), ord("．"): ord(".")})
_FW_RE = re.compile("[０-９％．]")


def _normalise(text: str) -> str:
    """Full-width digits to ASCII, one character for one character, so offsets stay valid."""
    return text.translate(_FULLWIDTH) if _FW_RE.search(text) else text


def clean(value: Decimal) -> Decimal:
    """Integral values without a fractional part (1800000.0 -> 1800000), others without trailing zeros."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()


def canonical(value: Decimal) -> str:
    """A value as the plain decimal string used in keys: Decimal("1.8E+6") -> "1800000", 2.50 -> "2.5"."""
    text = format(value.normalize(), "f")
    return text


@lru_cache(maxsize=64)
def _lang(code: str) -> str:
    return get(code).code


# A proposal: (priority, mention). Lower priority number wins an overlap.
Proposal = tuple[int, NumberMention]
Rule = Callable[[str, str], Iterator[Proposal]]

# ---------------------------------------------------------------------------------------------------
# rule: dates written with digits ("16.07.2021", "2021-07-16", "16/07/2021")

_DATE_HINT = re.compile(r"\d[./-]\d")
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?![\d])"
)


def numeric_dates(text: str, lang: str) -> Iterator[Proposal]:
    if not _DATE_HINT.search(text):
        return
    for m in _NUMERIC_DATE.finditer(text):
        groups = ("d", "m", "y") if m.group("d") else ("d2", "m2", "y2")
        day, month, _year = (int(m.group(g)) for g in groups)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            if lang == "en" and 1 <= day <= 12 and 1 <= month <= 31 and m.group("d"):
                day, month = month, day  # US order 07/16/2021
                groups = ("m", "d", "y")
            else:
                continue
        for group, kind in zip(groups, ("date", "date", "year"), strict=True):
            yield 0, NumberMention(
                Decimal(int(m.group(group))), kind, m.start(group), m.end(group), m.group(group)
            )


# ---------------------------------------------------------------------------------------------------
# rule: clock times ("10.23 a.m.", "10:23", "10 ч. 23 м.") give the hour and the minutes, as "10时23分"
# does through the digits rule; ":00" minutes are left out ("11 a.m." = "11 ч. 00 м." = "11时").

_TIME = {
    "en": re.compile(
        r"(?<![\d.])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hours\b|h\b)"
        r"|:(?P<m2>\d{2})(?![\d:])|(?P<m3>)\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b))"
    ),
    "ru": re.compile(
        r"(?<![\d.])(?P<h>\d{1,2})(?:\s*ч\.?\s*(?P<m>\d{2})\s*(?:м|мин)\b\.?|:(?P<m2>\d{2})(?![\d:])"
        r"|(?P<m3>)\s?(?:ч\.|час(?:а|ов)?\b))"
    ),
    "zh": re.compile(r"(?<![\d.])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?![\d:])|时(?:(?P<m2>\d{1,2})分)?(?P<m3>))"),
}
_TIME_HINT = re.compile(r"\d[.:]\d\d|\d\s?(?:ч|час|a\.m|p\.m|am\b|pm\b|o'clock|时)")


def clock_times(text: str, lang: str) -> Iterator[Proposal]:
    if not _TIME_HINT.search(text):
        return
    for m in _TIME[lang].finditer(text):
        minute_group = next((g for g in ("m", "m2") if m.group(g) is not None), "m3")
        hour, minute = int(m.group("h")), int(m.group(minute_group) or 0)
        if hour > 24 or minute > 59:
            continue
        yield 0, NumberMention(Decimal(hour), "time", m.start("h"), m.end("h"), m.group("h"))
        if minute_group == "m3":
            continue
        if minute:
            start, end = m.start(minute_group), m.end(minute_group)
            yield 0, NumberMention(Decimal(minute), "time", start, end, m.group(minute_group))
        else:
            # the ":00" is claimed with no value so that the digits rule does not read it
            yield 0, NumberMention(Decimal(-1), "skip", m.start(minute_group), m.end(minute_group), "")


# ---------------------------------------------------------------------------------------------------
# rule: numbers written with digits, with the percent / scale / ordinal words around them

_SPACES = "[ \u00a0\u2009\u202f]"
# No look-behind for a digit: every alternative ends at a non-digit and the last one takes any digit
# run whole, so a match never starts inside a run (and the regex engine can skip to the next digit).
_DIGITS = {
    # English and Chinese: comma groups thousands, point is decimal
    "en": re.compile(
        r"(?:(?P<gc>\d{1,3}(?:,\d{3})+)(?:\.(?P<gcd>\d+))?"
        rf"|(?P<gs>\d{{1,3}}(?:{_SPACES}\d{{3}})+)(?:\.(?P<gsd>\d+))?"
        r"|(?P<gd>\d{1,3}(?:\.\d{3}){2,})(?:,(?P<gdd>\d+))?"
        r"|(?P<int>\d+)(?:(?P<sep>\.)(?P<frac>\d+))?)(?!\d)"
    ),
    # Russian: space groups thousands, comma is decimal; "1,300,000" (two groups) is still grouping
    "ru": re.compile(
        r"(?:(?P<gc>\d{1,3}(?:,\d{3}){2,})(?:\.(?P<gcd>\d+))?"
        # after space groups a point can only be decimal too: "33 776 130.00 кун"
        rf"|(?P<gs>\d{{1,3}}(?:{_SPACES}\d{{3}})+)(?:[,.](?P<gsd>\d+))?"
        r"|(?P<gd>\d{1,3}(?:\.\d{3}){2,})(?:,(?P<gdd>\d+))?"
        r"|(?P<int>\d+)(?:(?P<sep>[.,])(?P<frac>\d+))?)(?!\d)"
    ),
}
_DIGITS["zh"] = _DIGITS["en"]

_SUFFIX = {
    "en": re.compile(
        r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage points?\b))"
        r"|(?P<scale>\s?(?:thousand|million|billion|trillion)\b|\s?(?:bn|mn|mln|tn)\b)"
        r"|(?P<ord>(?:st|nd|rd|th)\b)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?P<pct>\s?(?:%|процент[а-я]*|проц\.))"
        r"|(?P<scale>\s?(?:тыс(?:\.|яч[а-я]*)?|млн\b\.?|миллион[а-я]*|млрд\b\.?|миллиард[а-я]*"
        r"|трлн\b\.?|триллион[а-я]*))"
        r"|(?P<ord>-(?:й|я|е|го|му|м|ми|ый|ой|ий|ая|ое|ые|ых|ого|ому|ым)\b)"
        r"|(?P<year>\s?(?:гг?\.|год[а-я]*))",
        re.IGNORECASE,
    ),
    "zh": re.compile(
        r"(?P<pct>\s?%|个百分点)"
        r"|(?P<scale>[多余]?(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米克瓦])))"
        r"|(?P<year>年)|(?P<month>月)|(?P<day>[日号])"
    ),
}
_SCALE_WORDS = {
    "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "mln": 10**6, "bn": 10**9, "tn": 10**12,
    "тыс": 1000, "тысяч": 1000, "млн": 10**6, "миллион": 10**6, "млрд": 10**9, "миллиард": 10**9,
    "трлн": 10**12, "триллион": 10**12,
}
_ZH_SCALES = dict(T.HAN_SUFFIX_SCALES)
_CURRENCY_M = re.compile(r"(?P<scale>m|k)\b")


def _scale_of(word: str, lang: str) -> int:
    word = word.strip().lower().rstrip(".")
    if lang == "zh":
        return _ZH_SCALES[word.lstrip("多余")]
    for stem, scale in _SCALE_WORDS.items():
        if word.startswith(stem):
            return scale
    raise KeyError(word)


def _digit_value(m: re.Match[str], lang: str) -> tuple[Decimal, Decimal, Decimal | None]:
    """(value, quantum, alt) of a digit match before scale words."""
    for whole, frac in (("gc", "gcd"), ("gs", "gsd"), ("gd", "gdd")):
        if m.group(whole):
            integer = re.sub(r"\D", "", m.group(whole))
            fraction = m.group(frac) or ""
            break
    else:
        integer, fraction = m.group("int"), m.group("frac") or ""
    value = Decimal(f"{integer}.{fraction}") if fraction else Decimal(integer)
    quantum = Decimal(1).scaleb(-len(fraction))
    alt = None
    if m.group("sep") and len(fraction) == 3 and len(integer) <= 3 and integer != "0":
        alt = Decimal(integer + fraction)  # "1,300" in Russian, "1.300" in English: also 1300
    return value, quantum, alt


def digits(text: str, lang: str) -> Iterator[Proposal]:
    suffix_re = _SUFFIX[lang]
    for m in _DIGITS[lang].finditer(text):
        start, end = m.start(), m.end()
        if _in_code(text, start, end):
            continue
        value, quantum, alt = _digit_value(m, lang)
        kind = "number"
        suffix = suffix_re.match(text, end)
        if suffix is None and lang == "en" and start and text[start - 1] in "$€£":
            suffix = _CURRENCY_M.match(text, end)  # "$5m", "£3k"
        if suffix is not None:
            name = suffix.lastgroup
            if name == "scale":
                word = suffix.group("scale")
                scale = {"m": 10**6, "k": 1000}.get(word) or _scale_of(word, lang)
                value, quantum = value * scale, quantum * scale
                alt = alt * scale if alt is not None else None
            elif name == "pct":
                kind = "percent"
            elif name == "ord":
                kind = "ordinal"
            elif name == "year":
                kind = "year" if value >= 1000 else "number"  # "2 года" (two years), "5 г." (grams)
            elif name == "month":
                kind = "date" if 1 <= value <= 12 and not _has_decimals(m) else "number"
            elif name == "day":
                kind = "date" if 1 <= value <= 31 and not _has_decimals(m) else "number"
            if kind != "number" or name in ("scale", "year"):
                end = suffix.end()
        if lang == "zh":
            if text.endswith("百分之", 0, start):
                kind, start = "percent", start - 3
            elif text.endswith("第", 0, start):
                kind, start = "ordinal", start - 1
        if kind == "number" and _looks_like_year(m, value, alt, quantum, suffix):
            kind = "year"
        yield 1, NumberMention(value, kind, start, end, text[start:end], True, alt, quantum)


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_CAPITAL = re.compile(r"[А-ЯЁ]")
_CAPITAL = re.compile(r"[A-ZА-ЯЁ]")
_CURRENCY_BEFORE = re.compile(r"(?:[Ee]uro|USD|EUR|GBP|CHF|RMB|CNY|RUB|JPY|US|Rs)$")


def _in_code(text: str, start: int, end: int) -> bool:
    """Digits inside a code are part of a name, not a number: "B2C", "UF6", "G20", "COVID-19", "P-4",
    "5G". Such codes are anchors of their own ("l:" keys) and are often translated ("G20" = "二十国集团")."""
    before = text[start - 1] if start else ""
    if before and _LATIN_LETTER.match(before):
        if _CURRENCY_BEFORE.search(text, max(0, start - 4), start):
            return False  # "Euro1.5 million", "USD100"
        return before.isupper() or (end < len(text) and _LATIN_LETTER.match(text[end]) is not None)
    if before and _CYRILLIC_CAPITAL.match(before):
        return True  # "С3" (P-3)
    if before == "-" and start > 1 and _CAPITAL.match(text[start - 2]):
        return True  # "COVID-19", "P-4", "С-5"; but "post-2015", "mid-2020" are numbers
    return end < len(text) and _CAPITAL.match(text[end]) is not None  # "4C", and "4С" typed in Cyrillic


def _looks_like_year(m: re.Match[str], value: Decimal, alt: Decimal | None, quantum: Decimal,
                     suffix: re.Match[str] | None) -> bool:
    """Four plain digits between 1800 and 2100, not scaled: "since 2001" (not "1,300", "2000 million")."""
    plain = m.group("int") is not None and len(m.group("int")) == 4 and alt is None and quantum == 1
    scaled = suffix is not None and suffix.lastgroup == "scale"
    return plain and not scaled and 1800 <= value <= 2100


def _has_decimals(m: re.Match[str]) -> bool:
    return bool(m.group("frac"))


# ---------------------------------------------------------------------------------------------------
# rule: Chinese numerals ("二〇一九年", "十二", "两千", "百分之二十", "三分之一", "第十一条")

_HAN_RUN = re.compile(f"[{T.HAN_NUMERAL_CHARS}]+")


def _han_followed_by_classifier(text: str, end: int) -> bool:
    if end < len(text) and text[end] in T.HAN_CLASSIFIERS:
        return True
    return text.startswith(T.HAN_CLASSIFIER_WORDS, end)


def chinese_numerals(text: str, lang: str) -> Iterator[Proposal]:
    if lang != "zh":
        return
    denominator: tuple[int, int, int] | None = None  # (value, start, end of "分之")
    for m in _HAN_RUN.finditer(text):
        run, start, end = m.group(), m.start(), m.end()
        if text.startswith("分之", end):
            if run == "百":
                continue  # "百分之二十": the percent rule below takes the number after it
            value = han_to_int(run)
            denominator = (value, start, end + 2) if value else None
            continue
        if denominator is not None and denominator[2] == start:
            numerator = han_to_int(run)
            if numerator is not None:
                value = (Decimal(numerator) / Decimal(denominator[0])).quantize(Decimal("0.0001"))
                yield 2, NumberMention(
                    value.normalize(), "fraction", denominator[1], end, text[denominator[1]:end], False
                )
            denominator = None
            continue
        yield from _han_number(text, run, start, end)


def _han_number(text: str, run: str, start: int, end: int) -> Iterator[Proposal]:
    value = han_to_int(run)
    if value is None:
        return
    kind = "number"
    if text.endswith("百分之", 0, start):
        kind, start = "percent", start - 3
    elif text.endswith("第", 0, start):
        kind, start = "ordinal", start - 1
    else:
        only_units = all(ch not in T.HAN_DIGITS for ch in run)
        if (len(run) == 1 or only_units) and not _han_followed_by_classifier(text, end):
            return  # "统一", "十分" (very), "千万" (by all means)
        if only_units and text[end:end + 1] in T.HAN_LOOSE_CLASSIFIERS:
            return  # "千方百计" (by every means)
        if only_units and start and text[start - 1] in T.HAN_APPROXIMATE:
            return  # "数百年" (centuries), "数十个" (dozens), "成千上万"
        if text.startswith(T.HAN_PAIR_WORDS, start):
            return  # "两国" is "our countries" / "bilateral" far more often than "two countries"
        if value == 1:
            return  # "一个" is mostly "a"
    nxt = text[end:end + 1]
    if kind == "number" and nxt == "年" and value >= 1000:
        kind = "year"
    elif kind == "number" and ((nxt == "月" and value <= 12) or (nxt in ("日", "号") and value <= 31)):
        kind = "date"
    elif kind == "number" and (text.startswith("%", end) or text.startswith("个百分点", end)):
        kind = "percent"
    yield 2, NumberMention(Decimal(value), kind, start, end, text[start:end], False)


# ---------------------------------------------------------------------------------------------------
# rule: fraction words ("a quarter", "two thirds", "треть"), to meet Chinese "四分之一", "三分之二"

_FRACTION_VALUES = {
    "a quarter": "0.25", "one quarter": "0.25", "a third": "0.3333", "one third": "0.3333",
    "two thirds": "0.6667", "three quarters": "0.75",
    "четверть": "0.25", "четверти": "0.25", "треть": "0.3333", "трети": "0.3333", "две трети": "0.6667",
    "три четверти": "0.75",
}
_FRACTION_WORDS = {
    "en": re.compile(
        r"\b(?:(?:a|one)[ -]quarter|(?:a|one)[ -]third|two[ -]thirds|three[ -]quarters)\b", re.IGNORECASE
    ),
    "ru": re.compile(r"(?<![а-яё])(?:две трети|три четверти|четверт[ьи]|трет[ьи])(?![а-яё])", re.IGNORECASE),
}


def fraction_words(text: str, lang: str) -> Iterator[Proposal]:
    pattern = _FRACTION_WORDS.get(lang)
    if pattern is None or not ("quarter" in text or "third" in text or "чет" in text or "трет" in text):
        return
    for m in pattern.finditer(text):
        value = Decimal(_FRACTION_VALUES[m.group().lower().replace("-", " ")])
        yield 2, NumberMention(value, "fraction", m.start(), m.end(), m.group(), False)


# ---------------------------------------------------------------------------------------------------
# rule: number words ("twenty-five", "two million", "пятьдесят восьмой", "полтора миллиона") and
# month names ("July 16", "16 июля", so dates match "7月16日")

# token kinds: unit teen tens hundred (English multiplier) hundreds (Russian, additive) scale article
_Token = tuple[str, Decimal, bool, bool]  # (kind, value, ordinal, vague)


def _build_en_words() -> dict[str, _Token]:
    words: dict[str, _Token] = {"a": ("article", ONE, False, False)}
    for table, kind in ((T.EN_UNITS, "unit"), (T.EN_TEENS, "teen"), (T.EN_TENS, "tens")):
        words.update({w: (kind, Decimal(v), False, False) for w, v in table.items()})
    words["hundred"] = ("hundred", Decimal(100), False, False)
    words.update({w: ("scale", Decimal(v), False, False) for w, v in T.EN_SCALES.items()})
    for word, value in T.EN_ORDINALS.items():
        kind = "unit" if value < 10 else "teen" if value < 20 else "tens" if value < 100 else (
            "hundred" if value == 100 else "scale")
        words[word] = (kind, Decimal(value), True, False)
    return words


def _build_ru_words() -> dict[str, _Token]:
    words: dict[str, _Token] = {w: ("unit", ONE, False, False) for w in T.RU_ONE}
    for forms in T.RU_ONE_AND_HALF:
        words[forms] = ("unit", Decimal("1.5"), False, False)
    for value, forms in T.RU_UNITS.items():
        words.update({w: ("unit", Decimal(value), False, False) for w in forms})
    for value, spec in T.RU_TEENS.items():
        forms = spec if isinstance(spec, list) else [spec + e for e in ("ь", "и", "ью")]
        words.update({w: ("teen", Decimal(value), False, False) for w in forms})
    for value, forms in T.RU_TENS.items():
        words.update({w: ("tens", Decimal(value), False, False) for w in forms})
    for value, forms in T.RU_HUNDREDS.items():
        words.update({w: ("hundreds", Decimal(value), False, False) for w in forms})
    for value, forms in T.RU_SCALES_SINGULAR.items():
        words.update({w: ("scale", Decimal(value), False, False) for w in forms})
    for value, forms in T.RU_SCALES_PLURAL.items():
        words.update({w: ("scale", Decimal(value), False, True) for w in forms})
    ordinals = {stem + e: v for v, stem in T.RU_ORDINAL_STEMS.items() for e in T.RU_ADJ_ENDINGS}
    ordinals.update({w: 3 for w in T.RU_THIRD})
    for word, value in ordinals.items():
        kind = "unit" if value < 10 else "teen" if value < 20 else "tens" if value < 100 else (
            "hundreds" if value < 1000 else "scale")
        words[word] = (kind, Decimal(value), True, False)
    return words


_WORDS: dict[str, dict[str, _Token]] = {}
_WORD_RE = {
    "en": re.compile(r"[A-Za-z]+"),
    "ru": re.compile(r"[А-Яа-яЁё]+"),
}
_DIGIT_BEFORE = re.compile(r"\d\s?$")
_JOINER = {"en": re.compile(r"(?:\s+|\s*-\s*|\s+and\s+)"), "ru": re.compile(r"(?:\s+|\s*-\s*)")}
_WORD_PCT = {
    "en": re.compile(r"\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)", re.IGNORECASE),
    "ru": re.compile(r"\s?(?:%|процент[а-я]*)", re.IGNORECASE),
}


class _Triggers(dict):
    """Per language, the words that can start a number or name a month ("a" alone cannot)."""

    def __missing__(self, lang: str) -> frozenset[str]:
        months = T.EN_FULL_MONTHS if lang == "en" else _RU_MONTHS
        words = frozenset(_words_table(lang)) - {"a"} | frozenset(months)
        self[lang] = words
        return words


_TRIGGERS = _Triggers()


def _words_table(lang: str) -> dict[str, _Token]:
    table = _WORDS.get(lang)
    if table is None:
        table = _WORDS[lang] = _build_en_words() if lang == "en" else _build_ru_words()
    return table


def number_words(text: str, lang: str) -> Iterator[Proposal]:
    if lang not in _WORD_RE:
        return
    table = _words_table(lang)
    if _TRIGGERS[lang].isdisjoint(_WORD_RE[lang].findall(text.lower())):
        return  # most sentences: no number word, no month
    months = T.EN_FULL_MONTHS if lang == "en" else _RU_MONTHS
    joiner = _JOINER[lang]
    group: list[tuple[_Token, int, int]] = []
    for m in _WORD_RE[lang].finditer(text):
        word = m.group().lower()
        token = table.get(word)
        if token is None and word == "and" and group:
            continue  # "one hundred and five": the gap check below accepts " and "
        if token is None and word in months:
            month = _month(text, lang, m, months[word])
            if month is not None:
                yield month
        if token is not None and token[0] == "scale" and _DIGIT_BEFORE.search(text, max(0, m.start() - 2),
                                                                              m.start()):
            token = None  # "1.8 million": the digits rule owns this scale word
        if token is not None and group:
            gap_ok = joiner.fullmatch(text, group[-1][2], m.start()) is not None
            if not gap_ok:
                yield from _emit_groups(text, lang, group)
                group = []
        elif token is None:
            if group:
                yield from _emit_groups(text, lang, group)
                group = []
            continue
        group.append((token, m.start(), m.end()))
    if group:
        yield from _emit_groups(text, lang, group)


def _emit_groups(text: str, lang: str, group: list[tuple[_Token, int, int]]) -> Iterator[Proposal]:
    """Split a run of number words into numbers and propose each one."""
    for value, ordinal, vague, start, end in _combine(group):
        if vague or value == 0:
            continue
        kind = "ordinal" if ordinal else "number"
        pct = _WORD_PCT[lang].match(text, end)
        if pct is not None and not ordinal:
            kind, end = "percent", pct.end()
        yield 3, NumberMention(value, kind, start, end, text[start:end], False)


_CONFLICT = {
    # kind -> kinds that may not come right before it within one number ("two three" is two numbers)
    "unit": {"unit", "teen"},
    "teen": {"unit", "teen", "tens"},
    "tens": {"unit", "teen", "tens"},
    "hundred": {"hundred"},
    "hundreds": {"unit", "teen", "tens", "hundreds"},
    "scale": {"scale"},
}


def _combine(group: list[tuple[_Token, int, int]]) -> Iterator[tuple[Decimal, bool, bool, int, int]]:
    """(value, ordinal, vague, start, end) for each number in a run of number words."""
    # "a" counts as one only right before "hundred"/"thousand"/... ("a million")
    tokens = [
        (("unit", ONE, False, False), s, e) if tok[0] == "article" else (tok, s, e)
        for i, (tok, s, e) in enumerate(group)
        if tok[0] != "article" or (i + 1 < len(group) and group[i + 1][0][0] in ("hundred", "scale"))
    ]
    total = cur = Decimal(0)
    start = end = -1
    last: str | None = None
    vague = False
    for (kind, value, ordinal, is_vague), tok_start, tok_end in tokens:
        if last is not None and last in _CONFLICT[kind]:
            yield total + cur, False, vague, start, end
            total = cur = Decimal(0)
            last = None
        if last is None:
            start, vague = tok_start, False
        if kind == "hundred":
            cur = (cur or ONE) * value
        elif kind == "scale":
            vague = is_vague and cur == 0 and total == 0
            total += (cur or ONE) * value
            cur = Decimal(0)
        else:
            cur += value
        end, last = tok_end, kind
        if ordinal:
            yield total + cur, True, False, start, end
            total = cur = Decimal(0)
            last = None
    if last is not None:
        yield total + cur, False, vague, start, end


# ---------------------------------------------------------------------------------------------------
# rule: Roman numerals ("XXI век", "chapter IV", "главе IV")

_ROMAN = re.compile(r"\b[IVXL]{1,7}\b")
_ROMAN_VALID = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})|XL(?:IX|IV|V?I{0,3})")
_ROMAN_BEFORE = re.compile(
    r"(?:chapter|part|annex|section|title|volume|book|phase|глав[а-я]*|раздел[а-я]*|част[а-я]*"
    r"|приложени[а-я]*|том[а-я]*|этап[а-я]*)\s+$",
    re.IGNORECASE,
)
_ROMAN_CENTURY = re.compile(r"\s*(?:век|в\.|столети|century)", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(token: str) -> int:
    total = 0
    for i, ch in enumerate(token):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(token) and _ROMAN_VALUES[token[i + 1]] > v else v
    return total


def roman_numerals(text: str, lang: str) -> Iterator[Proposal]:
    if lang == "zh":
        return
    for m in _ROMAN.finditer(text):
        token = m.group()
        if not _ROMAN_VALID.fullmatch(token):
            continue
        century = _ROMAN_CENTURY.match(text, m.end()) is not None
        keyword = _ROMAN_BEFORE.search(text, max(0, m.start() - 20), m.start()) is not None
        if len(token) == 1 and not (century or keyword):
            continue  # "I", "V" as letters or a pronoun
        kind = "ordinal" if century else "number"
        yield 3, NumberMention(Decimal(_roman_value(token)), kind, m.start(), m.end(), token, False)


# ---------------------------------------------------------------------------------------------------
# rule: month names (so "July 16" matches "7月16日" and "16 июля")

_RU_MONTHS: dict[str, int] = {}
for _stem, _month in T.RU_MONTH_STEMS.items():
    _endings = ("", "а", "е", "ом") if _stem in ("март", "август") else ("ь", "я", "е", "ём", "ем")
    _RU_MONTHS.update({_stem + e: _month for e in _endings})
_RU_MONTHS.update({w: 5 for w in T.RU_MAY})
_NEAR_NUMBER_AFTER = re.compile(r",?\s+\d")
_NEAR_NUMBER_BEFORE = re.compile(r"\d\s+$")
_MAY_CONTEXT = re.compile(
    r"(?:in|of|since|until|by|from|early|late|mid|end|beginning|before|after)\s+$", re.IGNORECASE
)


def _month(text: str, lang: str, m: re.Match[str], value: int) -> Proposal | None:
    """A month name as a date part (priority 4), or None where the word is something else."""
    word = m.group()
    if lang == "en" and not word[0].isupper():
        return None
    near = bool(
        _NEAR_NUMBER_AFTER.match(text, m.end())
        or _NEAR_NUMBER_BEFORE.search(text, max(0, m.start() - 6), m.start())
    )
    if lang == "en" and word == "May" and not near and not _MAY_CONTEXT.search(
        text, max(0, m.start() - 12), m.start()
    ):
        return None  # "May" is the verb unless a date or "in"/"since"... goes with it
    if lang == "ru" and word[0].isupper() and not near and m.start() > 0:
        return None  # "Марта" is also a name
    return 4, NumberMention(Decimal(value), "date", m.start(), m.end(), word, False)


# ---------------------------------------------------------------------------------------------------
# the rules in priority order (the priority itself travels with each proposal)

# number_words also proposes month names (one pass over the words)
RULES: tuple[Rule, ...] = (
    clock_times, numeric_dates, digits, chinese_numerals, fraction_words, number_words, roman_numerals
)


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every number mention in ``text`` (language ``en``, ``ru`` or ``zh``), in text order."""
    code = _lang(lang)
    norm = _normalise(text)
    proposals: list[Proposal] = []
    for rule in RULES:
        proposals.extend(rule(norm, code))
    if not proposals:
        return []
    kept = [m for m in _settle(proposals) if m.kind != "skip"]
    if norm is not text:
        kept = [
            NumberMention(x.value, x.kind, x.start, x.end, text[x.start:x.end], x.digits, x.alt, x.quantum)
            for x in kept
        ]
    return _mark_days(kept, norm)


def _settle(proposals: list[Proposal]) -> list[NumberMention]:
    """Keep non-overlapping proposals: better priority first, then the longer span."""
    proposals.sort(key=lambda p: (p[0], -(p[1].end - p[1].start), p[1].start))
    kept: list[NumberMention] = []
    for _, mention in proposals:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda k: k.start)
    return kept


def _mark_days(mentions: list[NumberMention], text: str) -> list[NumberMention]:
    """A small number right next to a month name is a day: kind "date"."""
    if len(mentions) < 2:
        return mentions
    out = list(mentions)
    for i, mention in enumerate(mentions):
        if mention.kind != "date" or mention.digits:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(mentions):
                continue
            other = mentions[j]
            lo, hi = (other.end, mention.start) if j < i else (mention.end, other.start)
            if other.kind == "number" and 1 <= other.value <= 31 and other.quantum == 1 and re.fullmatch(
                r"[\s,]{0,3}", text[lo:hi]
            ):
                out[j] = NumberMention(other.value, "date", other.start, other.end, other.text, other.digits,
                                       other.alt, other.quantum)
    return out


def number_values(text: str, lang: str) -> Counter[Decimal]:
    """The multiset of canonical values in ``text`` (for comparing two sides)."""
    return Counter(m.value for m in extract_numbers(text, lang))


# ---------------------------------------------------------------------------------------------------
# comparison


@dataclass(frozen=True)
class NumberDiff:
    """Numbers of two texts paired up: what is left on each side, and how many pairs were found."""

    only_a: list[NumberMention]
    only_b: list[NumberMention]
    matched: int
    matched_values: frozenset[Decimal] = frozenset()  # values paired at least once

    @property
    def significant_a(self) -> list[NumberMention]:
        """Unmatched mentions of side a worth flagging (see :attr:`differs`)."""
        return _significant(self.only_a, self.only_b, self.matched_values)

    @property
    def significant_b(self) -> list[NumberMention]:
        return _significant(self.only_b, self.only_a, self.matched_values)

    @property
    def differs(self) -> bool:
        """True when the numbers disagree: a number written with digits has no counterpart, or a number
        in words has none while the other side also has an unmatched number ("five" vs "six").
        A value said twice on one side and once on the other ("256-бис и 256-тер") is not a difference,
        unless the other side is left with a number of its own (a number changed into a repeated one)."""
        return bool(self.significant_a or self.significant_b)


def _significant(mine: list[NumberMention], theirs: list[NumberMention],
                 matched: frozenset[Decimal]) -> list[NumberMention]:
    # A value said twice on one side and once on the other is no difference by itself ("256-бис и
    # 256-тер"); it is when the other side is left with a number of its own: a number was changed into
    # one the sentence already holds ("2001 ... 2021" against "2001 ... 2001").
    changed = any(t.digits for t in theirs)
    return [m for m in mine if (m.digits or theirs) and (m.value not in matched or (changed and m.digits))]


def _rounds_to(fine: NumberMention, coarse: NumberMention) -> bool:
    """``fine`` written with more decimals rounds to ``coarse`` ("33.3%" ~ "33%", 1.83 million ~ 1.8 million)."""
    if fine.quantum >= coarse.quantum or coarse.value == 0:
        return False
    diff = abs(fine.value - coarse.value)
    return diff * 2 <= coarse.quantum and diff <= abs(coarse.value) * Decimal("0.05")


def _same_hour(x: NumberMention, y: NumberMention) -> bool:
    """"1 p.m." = "13 ч." = "下午1时": hours match on a 12-hour clock."""
    return x.kind == y.kind == "time" and x.value <= 24 and y.value <= 24 and x.value % 12 == y.value % 12


def compare_numbers(a: str, a_lang: str, b: str, b_lang: str) -> NumberDiff:
    """Pair the numbers of ``a`` and ``b``: equal values (either reading), then rounding-equal ones, then
    clock hours equal on a 12-hour clock."""
    left = extract_numbers(a, a_lang)
    right = extract_numbers(b, b_lang)
    return pair_mentions(left, right)


def pair_mentions(left: list[NumberMention], right: list[NumberMention]) -> NumberDiff:
    """:func:`compare_numbers` on mentions already extracted."""
    rest_a = list(left)
    rest_b = list(right)
    matched = 0
    values: set[Decimal] = set()
    for test in (NumberMention.matches, lambda x, y: _rounds_to(x, y) or _rounds_to(y, x), _same_hour):
        still_a: list[NumberMention] = []
        for mention in rest_a:
            for k, other in enumerate(rest_b):
                if test(mention, other):
                    del rest_b[k]
                    matched += 1
                    values.update((mention.value, other.value))
                    break
            else:
                still_a.append(mention)
        rest_a = still_a
    return NumberDiff(rest_a, rest_b, matched, frozenset(values))
