"""Parse XML and HTML we did not write (TMX, TBX, XLIFF, web pages) without trusting it: the one guard.

One policy: entities are never expanded, no DTD is loaded, the network is never touched, and sizes are
limited. Hostile XML files are refused with a one-line :class:`~alignmem.errors.FormatError` before or
while parsing:
- a file over the size limit (``max_bytes``; 200 MB by default, far above any real memory);
- a DOCTYPE that declares entities (billion laughs, external entities/XXE): refused outright, since no
  TMX, TBX or XLIFF needs them.
An HTML page's DOCTYPE (with any internal subset) is dropped before parsing, as browsers ignore it: a
saved page is read, its entities stay unexpanded. libxml2 drops everything nested deeper than 256
elements, so the tags of a page nested deeper than :data:`MAX_HTML_DEPTH` are removed beyond that depth
before parsing (their text stays).
"""

from __future__ import annotations

import os
import re

import lxml.html
from lxml import etree

from alignmem.errors import FormatError, InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MAX_BYTES = 200 * 1024 * 1024

# An entity declaration anywhere before the root element (UTF-8/ASCII-compatible encodings).
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def parse_bytes(data: bytes, path: str | None = None, *, max_bytes: int = MAX_BYTES):  # -> lxml _Element
    """Parse ``data`` safely and return the root element; ``path`` only names the file in errors."""
    if len(data) > max_bytes:
        raise FormatError(f"XML file too large ({len(data):,} bytes, limit {max_bytes:,})", path)
    head = data
    if data.startswith(_UTF16_BOMS):
        try:
            head = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise FormatError("not valid UTF-16 XML", path) from None
    if _ENTITY_DECL.search(head):
        raise FormatError("XML declares entities in its DOCTYPE (refused: entity expansion and external "
                          "entities are unsafe); remove the DOCTYPE's internal subset", path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        msg = " ".join(str(exc.msg or exc).split())
        raise FormatError(f"not well-formed XML{line}: {msg}", path) from None
    if root is None:
        raise FormatError("empty XML document", path)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise FormatError("XML declares entities in its DOCTYPE (refused)", path)
    return root


def parse_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES):  # -> lxml _Element
    """Read and parse ``path`` safely (see :func:`parse_bytes`)."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            raise FormatError(f"XML file too large ({size:,} bytes, limit {max_bytes:,})", name)
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected an XML file", name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    return parse_bytes(data, name, max_bytes=max_bytes)


MAX_HTML_DEPTH = 200  # below libxml2's limit of 256
_HTML_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>",
    re.IGNORECASE | re.DOTALL,
)
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])


def _open_close(source: str):  # -> Iterator[(match, name, closing)] of element tags outside comments/scripts
    for match in _HTML_TOKEN.finditer(source):
        name = match.group(3)
        if not name or match.group(4) or name.lower() in _VOID:
            continue
        yield match, name.lower(), bool(match.group(2))


def _depth(source: str) -> int:
    depth = deepest = 0
    for _, _, closing in _open_close(source):
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten_html(source: str, limit: int = MAX_HTML_DEPTH) -> str:
    """``source`` with the tags of elements nested deeper than ``limit`` removed (their text kept)."""
    if source.count("<") <= limit or _depth(source) <= limit:
        return source
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, kept)
    kept_depth = pos = 0
    for match, name, closing in _open_close(source):
        if not closing:
            keep = kept_depth < limit
            stack.append((name, keep))
            kept_depth += keep
            if not keep:
                out.append(source[pos:match.start()])
                pos = match.end()
            continue
        names = [tag for tag, _ in stack]
        if name not in names:
            continue
        at = len(names) - 1 - names[::-1].index(name)
        popped = stack[at:]
        del stack[at:]
        kept_depth -= sum(keep for _, keep in popped)
        if not popped[0][1]:
            out.append(source[pos:match.start()])
            pos = match.end()
    out.append(source[pos:])
    return "".join(out)


_HTML_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str, path: str | None = None):  # -> lxml HtmlElement, or None for an empty page
    """Parse an HTML page (decoded text) safely: its XML declaration and DOCTYPE are dropped first."""
    source = flatten_html(_HTML_DOCTYPE.sub("", _XML_DECL.sub("", text, count=1), count=1))
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, remove_blank_text=False, huge_tree=False
    )
    try:
        return lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        if "empty" in str(exc).lower():
            return None
        raise FormatError(f"cannot parse the HTML page: {exc}", path) from None
