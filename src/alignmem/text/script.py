"""Scripts: what a Chinese character is (one definition for the whole project), which script a letter and
a text are written in, and so which language: counts of letters per Unicode script.

Latin -> English, Cyrillic -> Russian, Han -> Chinese (the scripts come from :mod:`alignmem.langs`).
A Han character carries about as much as a short word, an alphabetic letter a fifth of one, so Han
letters weigh :data:`HAN_WEIGHT` times more: a Chinese text full of Latin acronyms (``WHO``, ``COVID-19``,
``UNDP``) is still Chinese, while an English text quoting a Chinese name is still English.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

import regex

from alignmem.langs import LANGUAGES

# A Chinese character is one of Unicode's Han script (ideographs of every extension and compatibility
# block, 〇, 々); every module asks these, never a range of its own.
HAN = regex.compile(r"\p{Han}")
HAN_RUN = regex.compile(r"\p{Han}+")
ALL_HAN = regex.compile(r"^\p{Han}+$")
CYRILLIC = regex.compile(r"\p{Cyrillic}")

HAN_WEIGHT = 3
KANA_SHARE_FOR_JAPANESE = 0.2  # Japanese mixes Han and kana; Chinese has (almost) no kana
SAMPLE_CHARS = 2_000_000  # enough to tell a script; bigger texts are sampled in evenly spaced slices
SAMPLE_SLICES = 16

SCRIPT_TO_LANG = {lang.script: lang.code for lang in LANGUAGES.values()}

# First word(s) of a Unicode character name -> script name used in messages.
_NAME_PREFIXES = (
    ("FULLWIDTH LATIN", "Latin"),
    ("HALFWIDTH KATAKANA", "Kana"),
    ("HIRAGANA", "Kana"),
    ("KATAKANA", "Kana"),
    ("HANGUL", "Hangul"),
)


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """Script of a letter (``"Latin"``, ``"Cyrillic"``, ``"Han"``, ``"Greek"``...), None for a non-letter."""
    if not char.isalpha():
        return None
    if HAN.match(char):
        return "Han"
    name = unicodedata.name(char, "")
    if not name:
        return None
    for prefix, script in _NAME_PREFIXES:
        if name.startswith(prefix):
            return script
    first = name.split(" ", 1)[0]
    if first in ("MODIFIER", "SMALL", "COMBINING"):  # modifier letters, small forms: no script of their own
        return None
    return first.title()


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    step = len(text) // SAMPLE_SLICES
    size = SAMPLE_CHARS // SAMPLE_SLICES
    return "".join(text[i * step : i * step + size] for i in range(SAMPLE_SLICES))


def script_counts(text: str) -> dict[str, int]:
    """Letters per script (a large text is sampled), in a stable order (most frequent first)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(_sample(text)).items():
        script = script_of(char)
        if script:
            counts[script] += n
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def script_weights(text: str) -> dict[str, float]:
    """Share of each script in the text, Han (and kana) weighted as words rather than letters."""
    counts = script_counts(text)
    weighted = {s: n * (HAN_WEIGHT if s in ("Han", "Kana") else 1) for s, n in counts.items()}
    total = sum(weighted.values())
    if not total:
        return {}
    return {s: w / total for s, w in sorted(weighted.items(), key=lambda item: (-item[1], item[0]))}


def dominant_script(text: str) -> str | None:
    """The script most of the text is written in; None when there are no letters.

    Han with a sizeable share of kana is reported as ``"Kana"`` (Japanese), which no language of ours uses.
    """
    weights = script_weights(text)
    if not weights:
        return None
    han, kana = weights.get("Han", 0.0), weights.get("Kana", 0.0)
    if han + kana and kana / (han + kana) >= KANA_SHARE_FOR_JAPANESE and han + kana >= max(weights.values()):
        return "Kana"
    return next(iter(weights))


def detect_language(text: str) -> str | None:
    """Internal language code (``en``/``ru``/``zh``) of the dominant script; None if no letters or another script."""
    script = dominant_script(text)
    return SCRIPT_TO_LANG.get(script) if script else None


def describe_script(script: str) -> str:
    """``"Russian (Cyrillic script)"``, or ``"in Arabic script"`` for a script no language of ours uses."""
    code = SCRIPT_TO_LANG.get(script)
    if code:
        return f"{LANGUAGES[code].name} ({script} script)"
    if script == "Kana":
        return "Japanese (Han and Kana scripts)"
    return f"in {script} script"


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def query_lang(text: str) -> str:
    """The language a short query is most likely in, from its script: zh (Han), ru (Cyrillic) or en."""
    if HAN.search(text):
        return "zh"
    if CYRILLIC.search(text):
        return "ru"
    return "en"
