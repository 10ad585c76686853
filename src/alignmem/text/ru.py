"""Russian words: pymorphy3 analyses and lemmas, loaded on first use and cached (one analyser per process)."""

from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=200_000)
def ru_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3 analyses of a lowercased Russian word, best first."""
    return tuple(morph().parse(word))


@functools.lru_cache(maxsize=200_000)
def ru_lemma(word: str) -> str:
    """Normal form of a Russian word, lowercased, with ё folded to е (how keys and indexes compare)."""
    low = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in low):
        return low
    parses = ru_parses(low)
    if not parses:
        return low
    best = parses[0]
    if best.tag.POS != "NOUN":
        # a noun in its dictionary form wins over a rarer reading ('устав' is not the gerund of 'устать'),
        # so 'Устав' and 'Устава' get the same lemma
        for p in parses[1:]:
            if p.tag.POS == "NOUN" and p.normal_form == low and p.score >= 0.1 * best.score:
                best = p
                break
    return best.normal_form.replace("ё", "е")
