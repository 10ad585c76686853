"""Acronym <-> full form inside one language: SCO = Shanghai Cooperation Organisation,
ШОС = Шанхайская организация сотрудничества, 上合组织 = 上海合作组织 (a Chinese short form keeps
characters of the full form in order)."""

from __future__ import annotations

import regex

from alignmem.glossary.candidates import EN_STOP, RU_NAME_PREPS

_SKIP = EN_STOP | RU_NAME_PREPS | {"и"}


def _letters_match(acronym: str, words: list[str]) -> bool:
    """Every letter of the acronym, in order, taken from the words; the first letter starts the first
    word and every content word gives at least its initial (EAEU: Eurasian Economic Union)."""
    acr = acronym.lower()
    content = [w.lower() for w in words if w.lower() not in _SKIP]
    if len(content) < 2 or not acr or acr[0] != content[0][:1]:
        return False
    return _match(acr, content, 0, 0)


def _match(acr: str, words: list[str], i: int, w: int) -> bool:
    """acr[i:] must be spelled by words[w:], each word contributing its initial plus optional letters."""
    if w == len(words):
        return i == len(acr)
    if i == len(acr) or acr[i] != words[w][0]:
        return False
    word = words[w]
    # take the initial, then optionally more letters of the same word (in order)
    options = [i + 1]
    pos = 1
    j = i + 1
    while j < len(acr):
        found = word.find(acr[j], pos)
        if found < 0:
            break
        pos = found + 1
        j += 1
        options.append(j)
    return any(_match(acr, words, nxt, w + 1) for nxt in reversed(options))


def is_acronym_of(acronym: str, full: str, *, loose: bool = False) -> bool:
    """Strict: one letter per content word (SCO, ШОС, ООН). Loose (when the text itself defines the
    acronym, 'Eurasian Economic Union (EAEU)'): words may give more than their initial."""
    words = regex.findall(r"[\p{L}\p{N}]+", full)
    content = [w for w in words if w.lower() not in _SKIP]
    if not loose and len(content) != len(acronym):
        return False
    return _letters_match(acronym, words)


_DEFINED = regex.compile(r"\(\s*(\p{Lu}[\p{Lu}\p{N}]{1,7})s?\s*\)")


def defined_acronyms(text: str) -> list[tuple[str, int]]:
    """Acronyms defined in parentheses: (acronym, offset of the opening parenthesis)."""
    return [(m.group(1), m.start()) for m in _DEFINED.finditer(text)]


def is_chinese_short_form(short: str, full: str) -> bool:
    """上合组织 / 上海合作组织, 安理会 / 安全理事会, 联大 / 联合国大会: same first character, the
    characters in order, not a plain substring, and clearly shorter."""
    if len(short) < 2 or len(full) < len(short) + 2 or short[0] != full[0] or short in full:
        return False
    if len(short) == 2 and len(full) > 5:
        return False  # 欧盟 is not 欧亚经济联盟; two characters abbreviate only a short name (联大 = 联合国大会)
    pos = 0
    for ch in short:
        pos = full.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True
