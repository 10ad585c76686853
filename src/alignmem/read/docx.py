"""Word documents (.docx, WordprocessingML): the body's paragraphs in reading order.

Read straight from the package's XML (through :mod:`alignmem.io.archive` and :mod:`alignmem.io.xml`: zip
bombs, encryption and entity declarations refused), because what a translator needs from it is not what
python-docx's ``paragraph.text`` gives: it drops the runs of a tracked insertion.
- headings (a paragraph style named "heading N", "Title", "Subtitle", or an outline level) stay paragraphs,
  marked as headings;
- tables are read cell by cell, row by row, each paragraph of a cell a paragraph;
- tracked changes are resolved as accepted: insertions and moves kept, deletions and moved-away text
  dropped, a paragraph whose mark was deleted joins the next one;
- footnotes, endnotes, comments, headers and footers live in other parts and are left out; so are field
  codes (only a field's result is text), drawings and text boxes.
"""

from __future__ import annotations

import posixpath
import re

from alignmem.errors import FormatError, InputError
from alignmem.io.archive import Archive, is_zip
from alignmem.io.xml import parse_bytes
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks

WHAT = "Word document"
MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
NAMESPACES = frozenset({MAIN, STRICT})
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = ("/officeDocument",)  # relationship types end so (transitional and strict)

# Elements whose content is never body text once changes are accepted.
SKIPPED = frozenset({
    "del", "moveFrom", "delText", "instrText", "delInstrText", "footnoteReference", "endnoteReference",
    "commentReference", "annotationRef", "pPr", "rPr", "sdtPr", "sdtEndPr", "drawing", "pict", "object",
    "AlternateContent", "fldData", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
    "commentRangeEnd", "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
})
_HEADING_NAME = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _local(element) -> str:  # type: ignore[no-untyped-def]
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _namespace(element) -> str:  # type: ignore[no-untyped-def]
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _is_w(element, name: str) -> bool:  # type: ignore[no-untyped-def]
    return _local(element) == name and _namespace(element) in NAMESPACES


def _attr(element, name: str) -> str | None:  # type: ignore[no-untyped-def]
    for ns in NAMESPACES:
        value = element.get(f"{{{ns}}}{name}")
        if value is not None:
            return value
    return None


def refuse_ole(data: bytes, path: str) -> None:
    """An OLE compound file is a password-protected Office document or an old binary one."""
    if not data.startswith(_OLE):
        return
    if _ENCRYPTED in data[:1 << 20] or _ENCRYPTED in data:
        raise InputError("the document is encrypted (password-protected); remove the password and save it "
                         "again", path)
    raise InputError("an old binary Office document (.doc/.xls); save it as .docx, .odt or plain text", path)


class DocxReader(Reader):
    name = "docx"
    suffixes = frozenset({".docx", ".docm", ".dotx"})

    def sniff(self, data: bytes) -> bool:
        return is_zip(data) and b"word/document.xml" in data

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not a Word "
                             "document", path)
        refuse_ole(data, path)
        if not is_zip(data):
            raise FormatError(f"damaged {WHAT}: not a ZIP package", path)
        archive = Archive(data, path, WHAT)
        main = _main_part(archive)
        root = parse_bytes(archive.read(main), path)
        body = next((child for child in root if _is_w(child, "body")), None)
        if body is None:
            raise FormatError(f"{WHAT} has no body in {main}", path)
        headings = _heading_styles(archive, main, path)
        found = from_blocks(_blocks(body, headings), "utf-8")
        if not found.paragraphs:
            raise InputError(f"no text found in the {WHAT}", path)
        return found


def _main_part(archive: Archive) -> str:
    """The main document part named by the package relationships (``word/document.xml`` as a rule)."""
    if archive.has("_rels/.rels"):
        rels = parse_bytes(archive.read("_rels/.rels"), archive.path)
        for rel in rels:
            if (rel.get("Type") or "").endswith(OFFICE_DOCUMENT) and rel.get("Target"):
                target = rel.get("Target").lstrip("/")
                if archive.has(target):
                    return target
    if archive.has("word/document.xml"):
        return "word/document.xml"
    raise FormatError(f"not a {WHAT}: the package has no main document part", archive.path)


def _heading_styles(archive: Archive, main: str, path: str) -> frozenset[str]:
    """Ids of the paragraph styles that are headings (by their canonical name or outline level)."""
    styles = posixpath.join(posixpath.dirname(main), "styles.xml")
    if not archive.has(styles):
        return frozenset()
    ids = set()
    for style in parse_bytes(archive.read(styles), path):
        if not _is_w(style, "style") or _attr(style, "type") != "paragraph":
            continue
        name = next((_attr(c, "val") or "" for c in style if _is_w(c, "name")), "")
        outline = style.find(f"{{{_namespace(style)}}}pPr/{{{_namespace(style)}}}outlineLvl")
        if _HEADING_NAME.match(name.strip()) or (outline is not None and _level(outline) < 9):
            ids.add(_attr(style, "styleId") or "")
    return frozenset(ids)


def _level(element) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(_attr(element, "val") or "9")
    except ValueError:
        return 9


def _blocks(container, headings: frozenset[str]) -> list[Block]:  # type: ignore[no-untyped-def]
    """Paragraphs of a body, a table cell or a content control, in document order."""
    blocks: list[Block] = []
    carried = ""  # text of a paragraph whose mark was deleted: it runs on into the next one
    for child in container:
        if _namespace(child) not in NAMESPACES:
            continue
        name = _local(child)
        if name == "p":
            text = carried + _paragraph_text(child)
            if _mark_deleted(child):
                carried = text
                continue
            carried = ""
            blocks.append(Block(text, _is_heading(child, headings)))
        elif name == "tbl":
            for row in (r for r in child if _is_w(r, "tr")):
                for cell in (c for c in row if _is_w(c, "tc")):
                    blocks.extend(_blocks(cell, headings))
        elif name in ("sdt", "customXml", "ins", "moveTo", "smartTag"):
            content = next((c for c in child if _is_w(c, "sdtContent")), child)
            blocks.extend(_blocks(content, headings))
    if carried:
        blocks.append(Block(carried))
    return blocks


def _paragraph_text(paragraph) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    for child in element:
        name = _local(child)
        if not name or name in SKIPPED:
            continue
        if _namespace(child) not in NAMESPACES:
            if name != "AlternateContent":
                _collect(child, parts)  # e.g. a custom XML wrapper around runs
            continue
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "ptab"):
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name not in ("softHyphen", "sym", "fldChar", "lastRenderedPageBreak"):
            _collect(child, parts)


def _mark_deleted(paragraph) -> bool:  # type: ignore[no-untyped-def]
    """A tracked deletion of the paragraph mark (``w:pPr/w:rPr/w:del``): accepted, the paragraph joins the next."""
    props = next((c for c in paragraph if _is_w(c, "pPr")), None)
    marks = next((c for c in props if _is_w(c, "rPr")), None) if props is not None else None
    return marks is not None and any(_is_w(c, "del") or _is_w(c, "moveFrom") for c in marks)


def _is_heading(paragraph, headings: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    props = next((c for c in paragraph if _is_w(c, "pPr")), None)
    if props is None:
        return False
    for child in props:
        if _is_w(child, "pStyle") and (_attr(child, "val") or "") in headings:
            return True
        if _is_w(child, "outlineLvl") and _level(child) < 9:
            return True
    return False
