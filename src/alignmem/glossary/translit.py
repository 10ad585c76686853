"""Names across scripts for the glossary.

- :func:`name_similarity` (Putin / Путин / 普京) pairs terms: the project's transliteration in
  :mod:`alignmem.anchors`, with a floor below which two names count as unrelated.
- :func:`russian_name` writes a Chinese name in Russian the way Russian texts do: the Palladius system
  (Палладий, the Russian standard for Chinese since the 19th century: 深圳 -> Шэньчжэнь, 习近平 -> Си Цзиньпин),
  except where usage settled on another form (北京 -> Пекин, 香港 -> Гонконг; :data:`RU_USAGE`). The glossary
  uses it to find the dictionary form of a Chinese place name that the Russian text only has inflected
  («в Шэньчжэне» -> Шэньчжэнь, where stripping the ending would give Шэньчжэн).

The anchors' transliteration (what the aligner compares) is not changed here.
"""

from __future__ import annotations

import functools

from alignmem.anchors import name_similarity as _similarity
from alignmem.text.script import HAN

MIN_NAME_SIMILARITY = 0.6  # below this two names are taken as unrelated (score 0)


@functools.lru_cache(maxsize=100_000)
def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names written in any of the scripts (0 when they differ a lot)."""
    score = float(_similarity(a, b))
    return score if score >= MIN_NAME_SIMILARITY else 0.0


# --- Palladius: pinyin syllable -> Cyrillic ------------------------------------------------------------
_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
    "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}
# Finals after an initial (ü written v, as pypinyin does; after j/q/x pinyin writes ü as u).
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань",
    "vn": "юнь", "ue": "юэ",
}
# Syllables without an initial (y and w are spelling, not sounds, in pinyin).
_ZERO = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yo": "ё", "yao": "яо", "you": "ю",
    "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
    "wen": "вэнь", "wang": "ван", "weng": "вэн",
}
# Palladius' own exceptions to the tables above.
_SPECIAL = {"zi": "цзы", "ci": "цы", "si": "сы", "hui": "хуэй"}


def palladius_syllable(syllable: str) -> str:
    """One toneless pinyin syllable in Palladius Cyrillic (lowercase): shen -> шэнь, zhen -> чжэнь."""
    s = syllable.lower().replace("ü", "v")
    if s in _SPECIAL:
        return _SPECIAL[s]
    if s in _ZERO:
        return _ZERO[s]
    initial = s[:2] if s[:2] in _INITIALS else s[:1]
    if initial not in _INITIALS:
        return s
    final = s[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "v" + final[1:]  # ju, que, xuan, jun: pinyin's u is ü here
    cyr = _FINALS.get(final)
    return _INITIALS[initial] + cyr if cyr is not None else s


def palladius(syllables: list[str]) -> str:
    """Syllables written together, capitalised: [shen, zhen] -> Шэньчжэнь."""
    word = "".join(palladius_syllable(s) for s in syllables)
    return word[:1].upper() + word[1:]


# Where Russian usage is not the Palladius form (Russian geographic and encyclopedic usage: the forms on
# Russian maps and in the Great Russian Encyclopedia). Places from older transmissions (Пекин, Нанкин), from
# other languages (Тибет, Урумчи, Кашгар: Uyghur, Mongolian, Tibetan names), translations (Внутренняя
# Монголия), and persons known by a Western or older form (Конфуций, Сунь Ятсен).
RU_USAGE = {
    "北京": "Пекин", "南京": "Нанкин", "哈尔滨": "Харбин", "拉萨": "Лхаса", "乌鲁木齐": "Урумчи",
    "呼和浩特": "Хух-Хото", "香港": "Гонконг", "澳门": "Макао", "西藏": "Тибет", "内蒙古": "Внутренняя Монголия",
    "陕西": "Шэньси", "安徽": "Аньхой", "长江": "Янцзы", "齐齐哈尔": "Цицикар", "喀什": "Кашгар",
    "吐鲁番": "Турфан", "珠穆朗玛峰": "Джомолунгма",
    "孙中山": "Сунь Ятсен", "蒋介石": "Чан Кайши", "孔子": "Конфуций", "老子": "Лао-цзы", "孙子": "Сунь-цзы",
    "鲁迅": "Лу Синь", "李白": "Ли Бо", "李小龙": "Брюс Ли", "成龙": "Джеки Чан",
}
# Two-character surnames (the rest of a Chinese personal name's first character is the surname).
_COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容", "夏侯"})


def _syllables(hanzi: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return [s.replace("ü", "v") for s in lazy_pinyin(hanzi)]


@functools.lru_cache(maxsize=10_000)
def russian_name(hanzi: str, person: bool = False) -> str:
    """The Russian form of a Chinese name: usage first, else Palladius. A person's surname is written apart
    from the given name (习近平 -> Си Цзиньпин); a place is one word (黑龙江 -> Хэйлунцзян)."""
    if hanzi in RU_USAGE:
        return RU_USAGE[hanzi]
    if not hanzi or not all(HAN.match(ch) for ch in hanzi):
        return hanzi
    if person and len(hanzi) >= 2:
        cut = 2 if hanzi[:2] in _COMPOUND_SURNAMES and len(hanzi) > 2 else 1
        return f"{palladius(_syllables(hanzi[:cut]))} {palladius(_syllables(hanzi[cut:]))}"
    return palladius(_syllables(hanzi))
