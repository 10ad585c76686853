"""How terms are compared when merging a seed glossary and looking terms up: case-folded everywhere,
Russian reduced to lemmas (Шанхайской организации = Шанхайская организация), Chinese without spaces."""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")


def script_lang(text: str) -> str:
    """The language a query is most likely in, from its script: zh (Han), ru (Cyrillic) or en."""
    if regex.search(r"\p{Han}", text):
        return "zh"
    if regex.search(r"\p{Cyrillic}", text):
        return "ru"
    return "en"


def words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def norm_word(word: str, lang: str) -> str:
    if lang == "ru" and regex.search(r"\p{Cyrillic}", word):
        if word.isupper() and len(word) > 1:
            return word.casefold().replace("ё", "е")  # ШОС stays ШОС, not a noun to inflect
        from alignmem.glossary.nlp import ru_lemma

        return ru_lemma(word)
    return word.casefold().replace("’", "'")


def norm(text: str, lang: str) -> str:
    """The comparison key of a term or query in ``lang``."""
    if lang == "zh":
        return "".join(text.split()).casefold()
    return " ".join(norm_word(w, lang) for w, _, _ in words(text))
