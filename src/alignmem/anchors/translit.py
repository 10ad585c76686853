"""Names across scripts: Latin transliteration, a phonetic key, and a similarity tolerant of spelling systems.

Russian Cyrillic goes to Latin with a BGN/PCGN-like table (Благовещенск -> blagoveshchensk), Chinese to
toneless pinyin with syllables joined per word (黑河 -> heihe), Latin is lowercased without diacritics.

:func:`phonetic_key` then reduces a transliteration to a consonant skeleton in which the spellings that
different systems give the same sound fall together: kh/h, shch/sch/sh/s/x (pinyin), zh/j/dzh/tsz/ch/
ts/c/q (pinyin), v/f/w, b/p, d/t, g/k, r/l (Chinese renders r as l); vowels and y are dropped, ng at a
syllable end is n. So Heihe, Хэйхэ (kheykhe) and 黑河 (heihe) all give "HH"; Lavrov, Лавров and 拉夫罗夫
(lafuluofu) give "LFLF"; Xi Jinping and Си Цзиньпин give "SCNPN".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from alignmem.text.script import HAN, HAN_RUN
from alignmem.text.zh import zh_words

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian and Belarusian letters, for names
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
}
_CYR_VOWELS = set("аеёиоуыэюяіїє")
_CYR_RE = re.compile("[А-Яа-яЁёІіЇїЄєҐґЎў]")


def cyrillic_to_latin(text: str) -> str:
    """BGN/PCGN-like romanisation, lowercase: е/ё are "ye"/"yo" at a word start or after a vowel."""
    out: list[str] = []
    previous = ""
    for ch in text.lower():
        latin = _CYR.get(ch)
        if latin is None:
            out.append(ch)
        elif ch in "её" and (not previous or previous in _CYR_VOWELS or previous in "йъь"
                             or not previous.isalpha()):
            out.append("ye" if ch == "е" else "yo")
        else:
            out.append(latin)
        previous = ch
    return "".join(out)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def pinyin_word(word: str) -> str:
    """Toneless pinyin of a Chinese word, syllables joined: 黑河 -> heihe."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word)).replace("ü", "v").lower()


def to_latin(text: str, lang: str = "") -> str:
    """Lowercase Latin transliteration for matching; Chinese words become pinyin separated by spaces."""
    if HAN.search(text):
        parts: list[str] = []
        for word in zh_words(text):
            if HAN.search(word):
                parts.append(" " + HAN_RUN.sub(lambda m: pinyin_word(m.group()), word) + " ")
            else:
                parts.append(word)
        text = re.sub(r" {2,}", " ", "".join(parts)).strip()
    if _CYR_RE.search(text):
        text = cyrillic_to_latin(text)
    return strip_diacritics(text).lower()


def name_to_latin(name: str) -> tuple[str, bool]:
    """(transliteration, is_pinyin) of one name, without segmenting Chinese (a name is one word)."""
    if HAN.search(name):
        return HAN_RUN.sub(lambda m: pinyin_word(m.group()), name).lower(), True
    if _CYR_RE.search(name):
        return cyrillic_to_latin(name), False
    latin = strip_diacritics(name).lower()
    return latin, looks_like_pinyin(latin)


# --- pinyin detection for Latin names ("Xi", "Qin Gang", "Heihe") ---------------------------------
_FINALS = "iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|u|v"
_PINYIN_STRICT = re.compile(
    rf"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:{_FINALS}|o))+"
)


@lru_cache(maxsize=65536)
def looks_like_pinyin(word: str) -> bool:
    """True for Latin words spelled as pinyin where it matters (they contain x, q or c): "xi", "qingdao"."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters or not any(ch in letters for ch in "xqc"):
        return False
    if re.search(r"[xqj][^iu]|[xqj]$", letters):
        return False  # pinyin has x, q, j only before i/u
    return _PINYIN_STRICT.fullmatch(letters) is not None


# --- phonetic key -----------------------------------------------------------------------------------
# Ordered rewrites on lowercase Latin; capitals are sound classes (vowels stay lowercase until dropped).
_COMMON = [
    ("shch", "S"), ("sch", "S"), ("tch", "C"), ("chzh", "C"), ("tsz", "C"), ("dzh", "C"), ("zh", "C"), ("kh", "H"),
    ("ch", "C"), ("sh", "S"), ("ts", "C"), ("tz", "C"), ("dz", "C"), ("ph", "F"), ("th", "T"), ("ck", "K"),
    ("gh", ""),
]
_LATIN_ONLY = [("qu", "K"), ("x", "KS"), ("ce", "Se"), ("ci", "Si"), ("cy", "Sy"), ("c", "K"), ("q", "K")]
_PINYIN_ONLY = [("x", "S"), ("q", "C"), ("c", "C")]
_SINGLE = str.maketrans({
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "v": "F", "f": "F", "s": "S", "z": "C",
    "j": "C", "l": "L", "r": "L", "m": "M", "n": "N", "h": "H",
})
_NG = re.compile(r"ng(?![aeiou])")
_W_AFTER_VOWEL = re.compile(r"(?<=[aeiouy])w")
_NON_LETTER = re.compile(r"[^a-z]")


def _classes(latin: str, pinyin: bool) -> str:
    """Sound-class string with vowels kept (lowercase aeiou), y read as i."""
    text = _NON_LETTER.sub("", latin)
    text = _NG.sub("n", text)
    if not pinyin:
        text = _W_AFTER_VOWEL.sub("u", text)  # "Moscow", "New": w is a vowel there; pinyin w is always /w/
    for old, new in _COMMON:
        text = text.replace(old, new)
    for old, new in _PINYIN_ONLY if pinyin else _LATIN_ONLY:
        text = text.replace(old, new)
    text = text.replace("w", "F").replace("y", "i").translate(_SINGLE)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=131072)
def phonetic_key(name: str) -> str:
    """Consonant skeleton of a name in any script: Heihe / Хэйхэ / 黑河 -> "HH"; Лавров -> "LFLF"."""
    latin, pinyin = name_to_latin(name)
    return re.sub("[aeiou]", "", _classes(latin, pinyin))  # "HeiHe" keeps both H: repeats go before


@lru_cache(maxsize=131072)
def _vowelled(name: str) -> str:
    latin, pinyin = name_to_latin(name)
    return _classes(latin, pinyin)


def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names in any scripts, tolerant of transliteration systems.

    The mean of two rapidfuzz ratios, on the consonant skeletons and on the sound-class spellings with
    vowels; names whose skeletons are equal score at least 0.85.
    """
    from rapidfuzz.fuzz import ratio

    ka, kb = phonetic_key(a), phonetic_key(b)
    va, vb = _vowelled(a), _vowelled(b)
    if not (va and vb):
        return 0.0
    score = (ratio(ka, kb) + ratio(va, vb)) / 200.0
    if ka and ka == kb:
        score = max(score, 0.85 + 0.15 * ratio(va, vb) / 100.0)
    return round(min(score, 1.0), 4)
