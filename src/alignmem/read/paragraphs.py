"""Plain text -> paragraphs, as offsets into the unchanged text.

Paragraphs are separated by blank lines. Inside a block of consecutive lines each line is its own
paragraph (files with one paragraph a line, like the UDHR or UN documents, and headings directly above
their text), unless the block is hard-wrapped text: then a line continues the previous one when the
next line's first word would not have fitted on it (see :func:`continues`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from alignmem.errors import InputError
from alignmem.model import Paragraph

MIN_WRAP_WIDTH = 40  # narrower blocks are lists of short lines (headings, addresses), not wrapped prose
MAX_WRAP_WIDTH = 100  # nobody hard-wraps wider; longer lines are paragraphs of their own
FULL_LINE = 0.75  # share of the wrap width a wrapped line reaches
HEADING_MAX_SIZE = 80  # in Latin-letter equivalents (see heading_size)
TITLE_MAX_SIZE = 100
HEADING_SIZE_CAP = 400

# A line that ends a sentence; a heading ends with none of these (a title may end with ? or !).
SENTENCE_FINAL = ".!?…。！？;；:：,，、"
TITLE_NOT_FINAL = ".;；:：,，、。"

_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
_BULLET = re.compile(r"(?:[-*•–—·▪◦]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Zа-яА-Я][.)]\s|\([ivxIVX]{1,4}\)\s)")
_FIRST_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"'”’»」』)）]*$")


def width(text: str) -> int:
    """Display width: CJK characters take two columns (exact up to twice the widest wrap, then a lower bound)."""
    if len(text) > 2 * MAX_WRAP_WIDTH:
        return len(text)  # only ever compared with narrower widths
    return len(text) + len(_WIDE.findall(text))


def heading_size(text: str) -> int:
    """Length in Latin-letter equivalents: a CJK character says about as much as three letters.

    Keeps the heading test consistent across languages (a Chinese title is a third as long as its
    English original, so display width would make it a heading where the English is not).
    """
    if len(text) > HEADING_SIZE_CAP:
        return len(text)
    return len(text) + 2 * len(_WIDE.findall(text))


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's non-blank content; (start, start) for a blank line."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        start = pos + len(line) - len(stripped)
        yield start, start + len(stripped.rstrip())
        pos += len(line) + 1


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    block: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if start == end:
            if block:
                yield block
            block = []
        else:
            block.append((start, end))
    if block:
        yield block


def _first_word(line: str) -> str:
    if _WIDE.match(line):
        return line[0]
    match = _FIRST_WORD.match(line)
    return match.group() if match else ""


def _indent(text: str, start: int) -> int:
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start


def continues(
    previous: str, line: str, wrap_width: int, more_indented: bool = False, many_full: bool = True
) -> bool:
    """Whether ``line`` is a hard-wrapped continuation of ``previous`` in a block ``wrap_width`` wide.

    A line that ends a sentence is joined to the next only when the block clearly is wrapped prose
    (``many_full``: several lines reach the wrap width); otherwise a long sentence directly followed
    by a heading would swallow it. Splitting there costs little: it cuts no sentence.
    """
    if not MIN_WRAP_WIDTH <= wrap_width <= MAX_WRAP_WIDTH or more_indented or _BULLET.match(line):
        return False
    if line[0].islower() or previous.endswith("-"):
        return True
    if _ENDS_SENTENCE.search(previous) and not many_full:
        return False
    return width(previous) + 1 + width(_first_word(line)) > wrap_width - 1


def _group_block(text: str, block: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    if len(block) == 1:
        yield block[0]
        return
    lines = [text[s:e] for s, e in block]
    widths = [width(line) for line in lines]
    wrap_width = max(widths)  # wrapped text has no line wider than the wrap
    many_full = sum(w >= FULL_LINE * wrap_width for w in widths[:-1]) >= 2
    start, end = block[0]
    for i in range(1, len(block)):
        more_indented = _indent(text, block[i][0]) > _indent(text, block[i - 1][0])
        if continues(lines[i - 1], lines[i], wrap_width, more_indented, many_full):
            end = block[i][1]
            continue
        yield start, end
        start, end = block[i]
    yield start, end


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of a plain text (headings marked), as offsets into ``text``."""
    spans = [span for block in _blocks(text) for span in _group_block(text, block)]
    paragraphs = []
    for index, (start, end) in enumerate(spans):
        body = text[start:end]
        following = text[spans[index + 1][0] : spans[index + 1][1]] if index + 1 < len(spans) else None
        paragraphs.append(Paragraph(index, start, end, body, is_heading(body, index, following)))
    return tuple(paragraphs)


def is_heading(body: str, index: int, following: str | None) -> bool:
    """A short single line without sentence-final punctuation, followed by a longer paragraph.

    The first line may end with ``?`` or ``!`` (a title). Conservative: a false heading would make
    the aligner treat a sentence as an anchor.
    """
    if following is None or len(body) > TITLE_MAX_SIZE or "\n" in body or not _LETTER.search(body):
        return False
    size = heading_size(body)
    if index == 0:
        return size <= TITLE_MAX_SIZE and body[-1] not in TITLE_NOT_FINAL
    if body[-1] in SENTENCE_FINAL or body[0].islower() or size > HEADING_MAX_SIZE:
        return False
    return heading_size(following) > size


def presegmented_paragraphs(text: str, path: str | None) -> tuple[Paragraph, ...]:
    """One sentence per line: every line is a paragraph, so line numbers are sentence indices.

    An empty line would shift every later index against gold links or a partner file, so it is an
    error; only trailing empty lines are allowed.
    """
    spans = list(_lines(text))
    while spans and spans[-1][0] == spans[-1][1]:
        spans.pop()
    paragraphs = []
    for number, (start, end) in enumerate(spans, 1):
        if start == end:
            raise InputError(
                f"line {number} is empty; a presegmented file holds one sentence per line with no empty lines",
                path,
            )
        paragraphs.append(Paragraph(number - 1, start, end, text[start:end]))
    return tuple(paragraphs)
