"""Plain text: paragraphs separated by blank lines or one a line (:mod:`.paragraphs`), or one sentence a
line (presegmented); the encoding detected (:mod:`.encoding`) unless declared."""

from __future__ import annotations

from alignmem.read.encoding import decode
from alignmem.read.paragraphs import presegmented_paragraphs, split_paragraphs
from alignmem.read.registry import Extracted, Reader, ReadOptions, normalise_newlines, require_text


class PlainReader(Reader):
    name = "text"  # the last reader: it takes every file no other reader claims (.txt included)

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        text, used = decode(data, path, options.encoding, options.lang)
        text = normalise_newlines(text)
        require_text(text, path)
        if options.presegmented:
            paragraphs = presegmented_paragraphs(text, path)
        else:
            paragraphs = split_paragraphs(text)
        return Extracted(text, paragraphs, used)
