"""Language registry: what alignmem knows of each language it supports, keyed by internal code."""

from __future__ import annotations

from dataclasses import dataclass

from alignmem.errors import LanguageError


@dataclass(frozen=True)
class Language:
    code: str  # internal code
    name: str
    script: str  # dominant script: "Latin", "Cyrillic", "Han"
    joiner: str  # what goes between two sentences merged into one segment
    tmx_code: str  # default code in TMX/TBX (configurable at export)


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "Latin", " ", "en"),
    "ru": Language("ru", "Russian", "Cyrillic", " ", "ru"),
    "zh": Language("zh", "Chinese", "Han", "", "zh-CN"),
}

# Codes accepted on the command line and in files, mapped to the internal code.
ALIASES = {
    "en": "en", "eng": "en", "en-us": "en", "en-gb": "en", "english": "en",
    "ru": "ru", "rus": "ru", "ru-ru": "ru", "russian": "ru",
    "zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "zh-cn": "zh", "zh-hans": "zh", "zh_cn": "zh",
    "zh-sg": "zh", "chinese": "zh",
}


def get(code: str) -> Language:
    """The language for ``code`` (case-insensitive, common aliases accepted); unknown codes list the known ones."""
    key = ALIASES.get(code.strip().lower().replace("_", "-"))
    if key is None:
        known = ", ".join(sorted(LANGUAGES))
        raise LanguageError(f"unknown language {code!r} (known: {known})")
    return LANGUAGES[key]


def parse_langs(spec: str) -> tuple[str, ...]:
    """``"en,ru,zh"`` -> ("en", "ru", "zh"); a language given twice is an error."""
    codes = tuple(get(part).code for part in spec.split(",") if part.strip())
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise LanguageError(f"language {code!r} given twice in {spec!r}")
        seen.add(code)
    if not codes:
        raise LanguageError("no language given")
    return codes
