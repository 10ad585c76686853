"""The hashable anchors of a sentence, comparable across English, Russian and Chinese.

Three families of keys, each a string with a one-letter prefix:

``n:<value>``
    one per distinct number (see :mod:`alignmem.anchors.numbers`); the value is canonical, without
    exponent or trailing zeros: "n:2021", "n:1800000", "n:2.5", "n:0.3333" (fractions to 4 places).
    Percent and plain numbers share keys ("20%" and "двадцать процентов" both give "n:20").
``l:<token>``
    a Latin token that stays the same in every language, lowercased: acronyms ("l:brics", "l:covid-19",
    "l:g20"), tokens with digits, URLs and e-mail addresses. Plain Latin words give no "l:" key.
``t:<skeleton>``
    a name candidate reduced to its consonant skeleton (:func:`alignmem.anchors.translit.phonetic_key`),
    so "Lavrov", "Лаврова" and "拉夫罗夫" all give "t:LFLF". Candidates: capitalised Latin and Cyrillic
    words that are not in the stop lists (function words, months, translated institutional nouns) and
    all-letter acronyms of three or more letters (BRICS and БРИКС both give "t:PLKS"),
    Russian words with their case ending removed; in Chinese, words of jieba's segmentation that its
    dictionary tags as transliterated names or places (``nrt``, ``ns``), words made mostly of
    transliteration characters, Chinese person names (a common surname + one or two characters, tagged
    ``nr`` or unknown to jieba: keyed as surname and given name apart, "习近平" -> xi + jinping), and runs
    of three or more transliteration characters. Skeletons of
    fewer than two sounds are dropped (too unspecific).

Keys are a set: a number said twice counts once. Small numbers (n:1 .. n:10) and "t:" keys are weaker
evidence than large numbers and "l:" keys; :func:`key_weight` gives a default weighting.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alignmem.anchors import tables as T
from alignmem.anchors.latin import is_special, latin_spans
from alignmem.anchors.numbers import _lang, canonical, extract_numbers
from alignmem.anchors.translit import phonetic_key
from alignmem.text.zh import tag_table, zh_words

_CYR_WORD = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][А-Яа-яЁё]*(?:-[А-ЯЁа-яё][а-яё]+)*")
_RU_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ам|ям|ах|ях|ую|юю|ая|яя|ое|ее|ые|ие|ых|их"
    r"|а|я|у|ю|е|ы|и|о)$"
)
_TRANSLIT_RUN = re.compile("[" + "".join(sorted(T.HAN_TRANSLIT_CHARS)) + "]{3,}")


@lru_cache(maxsize=131072)
def _latin_name_key(token: str) -> str:
    word = re.sub(r"['’]s$", "", token)  # "Putin's"
    if word.lower() in T.NAME_STOP_EN or len(word) < 2:
        return ""
    key = phonetic_key(word)
    return key if len(key) >= 2 else ""


def _letters_only(token: str) -> bool:
    """An acronym of three or more letters is also transliterated: BRICS / БРИКС."""
    return len(token) >= 3 and token.isalpha()


@lru_cache(maxsize=131072)
def _cyrillic_name_key(token: str) -> str:
    lower = token.lower()
    if lower in T.NAME_STOP_RU or len(token) < 2:
        return ""
    if not token.isupper():  # "Лаврова" -> "Лавров"; acronyms keep their letters
        stem = _RU_ENDING.sub("", lower)
        if stem in T.NAME_STOP_RU_STEMS:
            return ""
        if len(stem) >= 3:
            lower = stem
    key = phonetic_key(lower)
    return key if len(key) >= 2 else ""


@lru_cache(maxsize=131072)
def _han_name_key(word: str) -> str:
    key = phonetic_key(word)
    return key if len(key) >= 2 else ""


def name_candidates(text: str, lang: str, *, han_names: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, phonetic key) of the words of ``text`` taken as names (see the module docstring)."""
    return _names(text, _lang(lang), latin_spans(text, anchors_only=True), han_names)


def _names(text: str, code: str, spans: list[tuple[int, int, str]], han_names: bool) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        token = text[start:end]
        if kind == "word" and token[0].isupper() and (not _special(token) or _letters_only(token)):
            key = _latin_name_key(token)
            if key:
                found.append((start, end, key))
    if code != "zh":
        for m in _CYR_WORD.finditer(text):
            key = _cyrillic_name_key(m.group())
            if key:
                found.append((m.start(), m.end(), key))
    elif han_names:
        found.extend(_han_candidates(text))
    found.sort()
    return found


def _han_candidates(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    covered: list[tuple[int, int]] = []
    tags = _word_tags()
    pos = 0
    for word in zh_words(text):
        start, pos = pos, pos + len(word)
        if len(word) < 2:
            continue
        tag = tags.get(word)
        chinese_person = (
            len(word) <= 3 and word[0] in T.HAN_SURNAMES and tag in ("nr", "nrfg", None)
            and not _mostly_translit(word)  # "谢尔盖" (Sergey) starts with the surname 谢
        )
        if chinese_person:
            # "习近平" -> xi + jinping: English and Russian write surname and given name apart
            parts = [(start, start + 1, word[0]), (start + 1, pos, word[1:])]
        elif word in T.HAN_NOT_NAMES:
            continue
        elif tag in ("nrt", "ns") or _mostly_translit(word):
            parts = [(start, pos, _without_geo_suffix(word))]
        else:
            continue
        for part_start, part_end, part in parts:
            key = _han_name_key(part)
            if key:
                found.append((part_start, part_end, key))
        covered.append((start, pos))
    for m in _TRANSLIT_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        key = _han_name_key(_without_geo_suffix(m.group()))
        if key:
            found.append((m.start(), m.end(), key))
    found.sort()
    return found


def _without_geo_suffix(word: str) -> str:
    """"阿穆尔河" (the Amur river) -> "阿穆尔": English and Russian name the river without the word river."""
    if len(word) >= 3 and word[-1] in T.HAN_GEO_SUFFIXES and _mostly_translit(word[:-1]):
        return word[:-1]
    return word


def _mostly_translit(word: str) -> bool:
    """A word jieba found by itself (not in its dictionary) made of transliteration characters: 阿卜耶伊."""
    hits = sum(ch in T.HAN_TRANSLIT_CHARS for ch in word)
    return hits * 2 >= len(word) and hits >= 2


def _word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags (word -> "nr", "ns", ...); tagging by lookup is 4x faster
    than jieba.posseg and the words jieba does not know are judged by :func:`_mostly_translit`."""
    return tag_table()


def anchor_keys(text: str, lang: str, *, names: bool = True) -> frozenset[str]:
    """The anchors of ``text``: "n:" numbers, "l:" invariant Latin tokens, "t:" name skeletons.

    ``names=False`` leaves out the "t:" keys (and with them jieba for Chinese, the slow part).
    Memoised: the trilingual stage asks for every sentence's keys once per language pair.
    """
    return _anchor_keys(text, lang, names)


@lru_cache(maxsize=65_536)
def _anchor_keys(text: str, lang: str, names: bool) -> frozenset[str]:
    code = _lang(lang)
    keys = {"n:" + canonical(mention.value) for mention in extract_numbers(text, code)}
    spans = latin_spans(text, anchors_only=True)
    for start, end, kind in spans:
        token = text[start:end]
        if kind != "word" or _special(token):
            keys.add("l:" + token.lower())
    if names:
        keys.update("t:" + key for _, _, key in _names(text, code, spans, True))
    return frozenset(keys)


@lru_cache(maxsize=131072)
def _special(token: str) -> bool:
    return is_special(token)


def key_weight(key: str) -> float:
    """A default weight for a key: rare and exact evidence counts more than tiny numbers or names."""
    family, _, rest = key.partition(":")
    if family == "n":
        try:
            value = float(rest)
        except ValueError:
            return 1.0
        if value.is_integer() and 0 <= value <= 10:
            return 0.3
        if value.is_integer() and value <= 31:
            return 0.6
        return 1.0
    if family == "l":
        return 1.0
    return 0.6


def key_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Weighted Dice coefficient of two key sets (weights from :func:`key_weight`); 0.0 if both are empty."""
    if not a or not b:
        return 0.0
    shared = sum(key_weight(k) for k in a & b)
    if not shared:
        return 0.0
    return 2.0 * shared / (sum(key_weight(k) for k in a) + sum(key_weight(k) for k in b))
