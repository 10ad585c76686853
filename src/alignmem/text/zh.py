"""Chinese words: jieba's dictionary is loaded once per process, on first use, and shared by every stage
(anchors, glossary, lexicon) through these functions."""

from __future__ import annotations

import functools
import logging
from typing import Any


@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    """jieba's default tokenizer, initialised quietly (its dictionary-loading chatter goes to stderr)."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.setLogLevel(logging.ERROR)
    jieba.dt.initialize()
    return jieba.dt


def zh_words(text: str) -> list[str]:
    """jieba words of ``text`` (precise mode)."""
    return tokenizer().lcut(text)


def zh_tokens(text: str) -> list[tuple[str, int, int]]:
    """jieba words with their offsets (precise mode)."""
    return [(w, s, e) for w, s, e in tokenizer().tokenize(text)]


@functools.lru_cache(maxsize=1)
def _tag_table() -> dict[str, str]:
    tokenizer()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def zh_tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word ('v' verb, 'vn' verbal noun, 'n' noun, 'ns' place,
    'nr' person, 'p' preposition ...); 'x' for a word not in the dictionary."""
    return _tag_table().get(word, "x")


def tag_table() -> dict[str, str]:
    """word -> jieba's dictionary tag, for callers that look up many words."""
    return _tag_table()
