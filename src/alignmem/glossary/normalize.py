"""How terms are compared when merging a seed glossary and looking terms up: case-folded everywhere,
Russian reduced to lemmas (Шанхайской организации = Шанхайская организация), English to a base form
(treaties = treaty), Chinese without spaces."""

from __future__ import annotations

import regex

from alignmem.text.en import en_base
from alignmem.text.ru import ru_lemma
from alignmem.text.script import CYRILLIC
from alignmem.text.space import squeeze

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def norm_word(word: str, lang: str) -> str:
    if lang == "ru" and CYRILLIC.search(word):
        if word.isupper() and len(word) > 1:
            return word.casefold().replace("ё", "е")  # ШОС stays ШОС, not a noun to inflect
        return ru_lemma(word)
    folded = word.casefold().replace("’", "'")
    if lang == "en" and not (word.isupper() and len(word) > 1):  # SARS stays SARS
        return en_base(folded)
    return folded


def norm(text: str, lang: str) -> str:
    """The comparison key of a term or query in ``lang``."""
    if lang == "zh":
        return squeeze(text).casefold()
    return " ".join(norm_word(w, lang) for w, _, _ in words(text))
