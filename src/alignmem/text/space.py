"""White space and characters that must not reach a file: one place decides how text is cleaned.

- :func:`plain_spaces`: no-break, narrow, figure and ideographic spaces, tabs and line breaks as a plain
  space, one for one (offsets into the text stay valid);
- :func:`collapse`: runs of white space as one space, trimmed;
- :func:`one_line`: :func:`collapse` after characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone
  surrogates, U+FFFE/U+FFFF) became a space: what a TMX seg, a TBX term or a table cell holds. Forbidden
  characters are replaced, never silently deleted (Word's vertical tab is a line break).
"""

from __future__ import annotations

import re

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u3000": " ", "\t": " ", "\n": " "})
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def plain_spaces(text: str) -> str:
    """``text`` with the spaces above as plain spaces (same length)."""
    return text.translate(_SPACES)


def collapse(text: str) -> str:
    return " ".join(text.split())


def one_line(text: str) -> str:
    """XML-forbidden characters -> space, then white-space runs -> one space, trimmed."""
    return collapse(_FORBIDDEN.sub(" ", text))


def squeeze(text: str) -> str:
    """``text`` without any white space (how Chinese terms are compared)."""
    return "".join(text.split())
