"""OpenDocument text (.odt, LibreOffice Writer): the body's paragraphs in reading order.

Read from ``content.xml`` through :mod:`alignmem.io.archive` and :mod:`alignmem.io.xml` (zip bombs,
encrypted packages and entity declarations refused):
- ``text:h`` headings and the paragraphs styled Title/Subtitle are marked as headings;
- lists, sections and tables (cell by cell, row by row) give their paragraphs in document order;
- tracked changes are resolved as accepted: the text of a deletion lives in ``text:tracked-changes`` and
  is left out, inserted text is already in place;
- footnotes and endnotes (``text:note``), comments (``office:annotation``), tables of contents and
  indexes (generated text), frames and text boxes are left out;
- white space follows ODF's rule (runs of spaces count once; ``text:s``, ``text:tab``, ``text:line-break``
  are the explicit ones).
"""

from __future__ import annotations

import re

from alignmem.errors import FormatError, InputError
from alignmem.io.archive import Archive, is_zip
from alignmem.io.xml import parse_bytes
from alignmem.read.docx import refuse_ole
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

WHAT = "OpenDocument file"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MIMETYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")

# Containers whose block children are read in order.
CONTAINERS = frozenset({
    (TEXT, "section"), (TEXT, "list"), (TEXT, "list-item"), (TEXT, "list-header"), (TEXT, "numbered-paragraph"),
    (TABLE, "table"), (TABLE, "table-row"), (TABLE, "table-cell"), (TABLE, "table-header-rows"),
    (TABLE, "table-rows"), (TABLE, "table-row-group"), (OFFICE, "text"),
})
# Inline elements that hold no text of the body.
SKIPPED_INLINE = frozenset({
    (TEXT, "note"), (OFFICE, "annotation"), (OFFICE, "annotation-end"), (TEXT, "change"),
    (TEXT, "bookmark-ref"), (TEXT, "reference-mark"), (TEXT, "soft-page-break"),
})
_TITLE_STYLE = re.compile(r"^(?:title|subtitle|heading(?:[ _]\d+)?)$", re.IGNORECASE)
_ODF_SPACE = re.compile(r"[ \t\n\r]+")


def _qname(element) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ("", tag if isinstance(tag, str) else "")
    ns, _, local = tag[1:].partition("}")
    return ns, local


class OdtReader(Reader):
    name = "odt"
    suffixes = frozenset({".odt", ".ott"})

    def sniff(self, data: bytes) -> bool:
        return is_zip(data) and any(mime in data[:200] for mime in MIMETYPES)

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not an "
                             "OpenDocument file", path)
        refuse_ole(data, path)
        if not is_zip(data):
            raise FormatError(f"damaged {WHAT}: not a ZIP package", path)
        archive = Archive(data, path, WHAT)
        _refuse_encrypted(archive)
        if not archive.has("content.xml"):
            raise FormatError(f"not an {WHAT} text: the package has no content.xml", path)
        root = parse_bytes(archive.read("content.xml"), path)
        body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
        if body is None:
            raise FormatError(f"not an {WHAT} text: content.xml has no office:text body (a spreadsheet or "
                              "a presentation?)", path)
        found = from_blocks(_blocks(body), "utf-8")
        if not found.paragraphs:
            raise InputError(f"no text found in the {WHAT}", path)
        return found


def _refuse_encrypted(archive: Archive) -> None:
    if archive.has("META-INF/manifest.xml") and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise InputError("the document is encrypted (password-protected); remove the password and save it "
                         "again", archive.path)


def _blocks(container) -> list[Block]:  # type: ignore[no-untyped-def]
    blocks: list[Block] = []
    for child in container:
        name = _qname(child)
        if name in ((TEXT, "p"), (TEXT, "h")):
            style = child.get(f"{{{TEXT}}}style-name") or ""
            heading = name[1] == "h" or bool(_TITLE_STYLE.match(style))
            blocks.append(Block(_inline_text(child), heading))
        elif name in CONTAINERS:
            blocks.extend(_blocks(child))
    return blocks


def _inline_text(element) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = [_ODF_SPACE.sub(" ", element.text or "")]
    for child in element:
        name = _qname(child)
        if name == (TEXT, "s"):
            parts.append(" " * _count(child))
        elif name == (TEXT, "tab"):
            parts.append("\t")
        elif name == (TEXT, "line-break"):
            parts.append("\n")
        elif name[0] == TEXT and name not in SKIPPED_INLINE:
            parts.append(_inline_text(child))  # span, a, meta, fields...
        parts.append(_ODF_SPACE.sub(" ", child.tail or ""))
    return "".join(parts)


def _count(element) -> int:  # type: ignore[no-untyped-def]
    try:
        return max(1, min(100, int(element.get(f"{{{TEXT}}}c") or "1")))
    except ValueError:
        return 1
