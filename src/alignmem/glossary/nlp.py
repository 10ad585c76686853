"""Heavy language tools, loaded on first use and cached: pymorphy3 (Russian lemmas), jieba (Chinese
words), the sentence encoder (phrase similarity). Nothing here runs at import time."""

from __future__ import annotations

import functools
import logging
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
    """Normal form of a Russian word, lowercased, with ё folded to е (how keys and the index compare)."""
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


@functools.lru_cache(maxsize=1)
def jieba_tokenizer() -> Any:
    import jieba

    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def zh_tokens(text: str) -> list[tuple[str, int, int]]:
    """jieba words with their offsets (precise mode)."""
    return [(w, s, e) for w, s, e in jieba_tokenizer().tokenize(text)]


@functools.lru_cache(maxsize=1)
def _zh_tag_table() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def zh_tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word ('v' verb, 'vn' verbal noun, 'n' noun, 'p'
    preposition ...); 'x' for a word not in the dictionary."""
    return _zh_tag_table().get(word, "x")
