"""Language registry: what alignmem knows of each language it supports, keyed by internal code, and the one
map between internal codes and the codes written in files (TMX, TBX, file names)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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


_SUBTAGS = re.compile(r"^([a-z]{2,3})(?:-[a-z0-9]{1,8})+$")


def _internal(code: str) -> str | None:
    """Internal code of an alias or of a BCP 47 tag whose language we know (``zh-TW``, ``en-GB``, ``zh-Hant``)."""
    key = code.strip().lower().replace("_", "-")
    if key in ALIASES:
        return ALIASES[key]
    match = _SUBTAGS.match(key)
    return ALIASES.get(match.group(1)) if match else None


def tag(code: str) -> str:
    """A BCP 47 tag in its usual case: ``zh_tw`` -> ``zh-TW``, ``zh-hant`` -> ``zh-Hant``, ``en-gb`` -> ``en-GB``."""
    parts = code.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def variant(code: str) -> str | None:
    """The tag a user's code names beyond its language (``zh-TW``, ``en-GB``), None for a bare language or alias."""
    key = code.strip().lower().replace("_", "-")
    return tag(code) if _SUBTAGS.match(key) and _internal(code) else None


def get_or_none(code: str) -> str | None:
    """The internal code of ``code`` (see :func:`get`), None when it names no language of ours."""
    return _internal(code)


def get(code: str) -> Language:
    """The language for ``code`` (case-insensitive, common aliases and region or script variants accepted:
    ``zh-TW`` is Chinese); unknown codes list the known ones."""
    key = _internal(code)
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


def file_order(langs: Iterable[str]) -> tuple[str, ...]:
    """Languages in the order they take inside files and file names: en, ru, zh, then any other by code."""
    order = tuple(LANGUAGES)
    return tuple(sorted(langs, key=lambda code: (order.index(code) if code in order else len(order), code)))


# ---------------------------------------------------------------------------------- codes in files
_FILE_CODE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def parse_codes(spec: str | None) -> dict[str, str]:
    """``"en=en-GB,zh=zh-CN"`` -> {"en": "en-GB", "zh": "zh-CN"} (unknown internal codes are an error)."""
    codes: dict[str, str] = {}
    if not spec:
        return codes
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        value = value.strip()
        if not sep or not value or not _FILE_CODE.fullmatch(value):
            raise LanguageError(f"bad --tmx-codes entry {part.strip()!r}: expected LANG=CODE, e.g. zh=zh-CN")
        codes[get(key).code] = value
    return codes


def file_code(lang: str, codes: Mapping[str, str] | None = None) -> str:
    """The code written in files for internal code ``lang`` (``zh`` -> ``zh-CN`` unless ``codes`` says else)."""
    if codes and lang in codes:
        return codes[lang]
    return get(lang).tmx_code


def file_codes(langs: Sequence[str], codes: Mapping[str, str] | None = None) -> dict[str, str]:
    """Internal code -> code written in files, for each of ``langs``."""
    return {lang: file_code(lang, codes) for lang in langs}


def internal_code(code: str, codes: Mapping[str, str] | None = None) -> str:
    """A code read from a file -> internal code (``zh-CN``/``zh-TW``/``zh-Hant``/``zh`` -> ``zh``, ``en-GB`` ->
    ``en``); ``codes`` (the same internal -> file map as for writing) is used in reverse; unknown codes are
    kept as they are."""
    if codes:
        for internal, external in codes.items():
            if external.lower() == code.lower():
                return internal
    key = _internal(code)
    return key if key is not None else code
