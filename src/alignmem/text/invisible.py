"""Characters that show nothing but change what a text is to a program: neutralised when a document is read.

- zero-width space U+200B, word joiner U+2060, invisible operators U+2061-2064, a byte-order mark inside
  the text U+FEFF, soft hyphen U+00AD and tag characters U+E0000-E007F: removed. They split or glue words
  unseen ("со\u00adтрудничество" would not match "сотрудничество") or smuggle hidden text;
- bidirectional embeddings, overrides and isolates U+202A-202E, U+2066-2069 and the marks U+200E, U+200F,
  U+061C: removed. English, Russian and Chinese never need them, and in a review report an override makes
  a row show text other than the one stored;
- zero-width joiner and non-joiner U+200D/U+200C: removed except between two characters of a script that
  needs them (Arabic, the Indic scripts...) or inside an emoji sequence;
- line separator U+2028 and next line U+0085 become a line break, paragraph separator U+2029 a blank line
  (a paragraph break for every reader).

Readers call :func:`clean` before they find paragraphs, so offsets are into the cleaned text.
"""

from __future__ import annotations

import regex

_REMOVED = regex.compile(
    "[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)
# Scripts whose shaping uses ZWJ/ZWNJ, and emoji (ZWJ sequences such as family or profession emoji).
_JOINING = (r"\p{Arabic}\p{Syriac}\p{Nko}\p{Mongolian}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}"
            r"\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Khmer}\p{Myanmar}\p{So}"
            r"\uFE0F\U0001F3FB-\U0001F3FF")
_STRAY_JOINER = regex.compile(rf"(?<![{_JOINING}])[\u200c\u200d]|[\u200c\u200d](?![{_JOINING}])")
_BREAKS = str.maketrans({"\u2028": "\n", "\u0085": "\n", "\u2029": "\n\n"})


def clean(text: str) -> str:
    """``text`` with invisible characters removed and Unicode line/paragraph separators as newlines."""
    if text.isascii():
        return text
    text = _REMOVED.sub("", text.translate(_BREAKS))
    return _STRAY_JOINER.sub("", text)
