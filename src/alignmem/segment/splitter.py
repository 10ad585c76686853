"""Find candidate boundaries in a paragraph and let the rules decide each one."""

from __future__ import annotations

import re
from functools import cache

from alignmem.segment.rules import SPLIT, Split, decide, longest_line
from alignmem.segment.tables import LanguageTable


@cache
def _candidate_pattern(table: LanguageTable) -> re.Pattern[str]:
    final = table.final + (";；" if table.semicolon_ends else "")
    closers = "|".join([">>", "»", *(re.escape(c) for c in table.closers if c != "»")])
    # ". . ." is one (spaced) ellipsis, not three full stops: "the book . . . and then"
    spaced_ellipsis = r"\.(?:[ \u00a0]\.){2,}"
    return re.compile(rf"(?P<punct>{spaced_ellipsis}|[{re.escape(final)}]+)(?P<close>(?:{closers})*)|\n")


def _closers_end(text: str, start: int, end: int, sentence_start: int, table: LanguageTable) -> int:
    """How far the closing quotes/brackets run. Without spaces between sentences a straight quote may
    open the next sentence instead: it closes only if the sentence holds an odd number of them."""
    if not table.unspaced:
        return end
    i = start
    while i < end:
        ch = text[i]
        if ch in "\"'" and text.count(ch, sentence_start, i) % 2 == 0:
            return i
        i += 1
    return end


def split_spans(text: str, table: LanguageTable) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph (see :func:`alignmem.segment.split_paragraph`)."""
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    if start == n:
        return []
    spans: list[tuple[int, int]] = []
    sentence_start = start
    punct_end = -1  # where the last punctuation candidate ended
    longest = longest_line(text) if "\n" in text else 0
    for match in _candidate_pattern(table).finditer(text, start):
        punct = match.group("punct")
        if match.start() < sentence_start:
            continue
        if punct is None:  # a line break
            end = match.start()
            while end > sentence_start and text[end - 1].isspace():
                end -= 1
            if end <= sentence_start or end == punct_end:
                continue  # the punctuation before it was a candidate of its own
            punct_start = end
            punct = ""
        else:
            punct_start = match.start()
            end = _closers_end(text, match.start("close"), match.end(), sentence_start, table)
            punct_end = end
        next_start = end
        while next_start < n and text[next_start].isspace():
            next_start += 1
        if next_start == n:
            break
        if next_start == end and punct and not table.unspaced:
            continue  # "1.8", "U.S.", "A/69/L.1": no space, no boundary (rules.unspaced_inside for Chinese)
        split = Split(text, table, sentence_start, punct_start, punct, end, next_start, longest)
        if decide(split) == SPLIT:
            spans.append((sentence_start, end))
            sentence_start = next_start
    end = n
    while text[end - 1].isspace():
        end -= 1
    spans.append((sentence_start, end))
    return spans
