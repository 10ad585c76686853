"""Latin-script tokens kept as they are in any language: names, acronyms (SCO, BRICS, COVID-19), URLs, e-mails."""

from __future__ import annotations

import re

_L = "A-Za-zÀ-ÖØ-öø-ɏ"  # Latin letters with diacritics
_URL = r"(?:https?://|www\.)[^\s<>\"'，。、；：（）《》]+"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# a word starts with a letter ("COVID-19", "e-mail", "O'Neill") or is digits + capitals ("5G", "3D")
_WORD = rf"[{_L}][{_L}0-9]*(?:[-'’&][{_L}0-9]+)*|\d+[A-Z]+\b"
TOKEN_RE = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?<![{_L}0-9])(?P<word>{_WORD})")
_URL_TRAILER = ".,;:!?)]}»\"'"
# Only the tokens that can be anchors: URLs, e-mails, capitalised words, words with digits ("covid-19")
_ANCHOR_WORD = (
    rf"(?P<word>[A-ZÀ-ÖØ-Þ][{_L}0-9]*(?:[-'’&][{_L}0-9]+)*"
    rf"|[a-zß-öø-ÿ]+-?\d[{_L}0-9]*(?:[-'’&][{_L}0-9]+)*|\d+[A-Z]+\b)"
)
ANCHOR_TOKEN_RE = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|{_ANCHOR_WORD}")
_ANCHOR_WORD_RE = re.compile(_ANCHOR_WORD)  # when the text has no "@", "://" or "www."
_WORD_CHAR = re.compile(rf"[{_L}0-9]")


def latin_spans(text: str, *, anchors_only: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every Latin token; kind is "url", "email" or "word".

    ``anchors_only`` skips lowercase words without digits (faster; they are never anchors).
    """
    spans: list[tuple[int, int, str]] = []
    if not anchors_only:
        pattern = TOKEN_RE
    elif "@" in text or "://" in text or "www." in text:
        pattern = ANCHOR_TOKEN_RE
    else:
        pattern = _ANCHOR_WORD_RE
    for m in pattern.finditer(text):
        kind = m.lastgroup or "word"
        end = m.end()
        if anchors_only and kind == "word" and m.start() and _WORD_CHAR.match(text, m.start() - 1):
            continue  # "Donald" inside "McDonald": the pattern has no look-behind, for speed
        if kind == "url":
            while end > m.start() and text[end - 1] in _URL_TRAILER:
                end -= 1
        spans.append((m.start(), end, kind))
    return spans


def latin_tokens(text: str) -> list[str]:
    """Latin-script words, acronyms, URLs and e-mail addresses, as they appear, in text order."""
    return [text[s:e] for s, e, _ in latin_spans(text)]


def is_acronym(token: str) -> bool:
    """All capitals (digits and a final plural "s" allowed): "SCO", "BRICS", "COVID-19", "G20", "NGOs"."""
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    letters = [ch for ch in core if ch.isalpha()]
    if not letters or any(ch.islower() for ch in letters):
        return False
    return len(letters) >= 2 or any(ch.isdigit() for ch in core)


def acronyms(text: str) -> list[str]:
    """The all-capital Latin tokens of ``text`` (see :func:`is_acronym`), in text order."""
    return [t for t in latin_tokens(text) if is_acronym(t)]


def is_special(token: str) -> bool:
    """A token that is its own anchor in every language: an acronym, or one with digits, "@" or "/"."""
    return is_acronym(token) or any(ch.isdigit() or ch in "@/." for ch in token)
