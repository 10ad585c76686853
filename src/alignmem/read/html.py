"""HTML page -> article paragraphs and headings, in reading order.

A newspaper page saved from a browser holds far more than the article: menus, scripts, styles,
related links, comments. The article is the container with the most paragraph text (an ``<article>``,
``<main>``, or the element whose child paragraphs hold the most text); inside it every block element
(``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``div`` with text of its own...) gives one paragraph.
Newspaper chrome inside or around it (navigation such as "上一篇 下一篇", "返回目录", bylines, page numbers,
related links: :mod:`.chrome`) is dropped; the title and the publication date are kept as the first two
paragraphs. Parsing goes through :func:`alignmem.io.xml.parse_html` (no network, the DOCTYPE and any entity
declarations in it dropped before parsing: entities are never expanded; pages nested deeper than libxml2
allows are flattened first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from alignmem.errors import EncodingError, InputError
from alignmem.io.xml import parse_html
from alignmem.model import Paragraph
from alignmem.read.chrome import DATE_CLASSES, find_date, is_chrome, is_date_line, is_edition_line
from alignmem.read.encoding import BOMS, decode
from alignmem.read.registry import Extracted, Reader, ReadOptions, normalise_newlines, require_text


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = HEADINGS | _names(
    "p li blockquote pre dd dt div section article main td th figcaption caption address center ul ol "
    "dl table tr body figure"
)
DROPPED = _names(
    "script style nav footer aside form noscript template svg iframe button select textarea object "
    "embed canvas head title meta link input label math audio video picture img"
)
NESTED_SHARE = 0.8  # an inner <article> holding this share of its container's text is the article
# Charset labels pages declare, mapped as browsers do (a page labelled gb2312 is really GBK).
CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "big5": "big5hkscs",
    "x-cp1251": "cp1251",
}
DROPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"}
)
# class/id words of page furniture inside or around an article (matched as whole words).
FURNITURE = _names(
    "comment comments share sharing social related advert advertisement ad ads promo newsletter "
    "subscribe subscription cookie cookies breadcrumb breadcrumbs sidebar menu popup modal paywall "
    "banner"
)

_SPACES = re.compile(r"[ \t\n\r\f]+")
_WORDS = re.compile(r"[A-Za-z]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SNIFF = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL
)


def looks_like_html(text: str) -> bool:
    """Whether a text (of a file not named .html) is an HTML page: it starts with a doctype or <html>."""
    return bool(_SNIFF.match(text[:4096].removeprefix("\ufeff")))


def declared_charset(data: bytes) -> str | None:
    """The charset named by ``<meta charset>``, ``http-equiv`` or an XML declaration in the first 4 KB."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    return CHARSET_ALIASES.get(label, label)


@dataclass
class Block:
    text: str
    heading: bool
    links: float = 0.0  # share of the text that is link text


@dataclass
class _Collector:
    """Gathers inline text until a block boundary; <br> starts a new line of the same paragraph."""

    blocks: list[Block] = field(default_factory=list)
    lines: list[list[str]] = field(default_factory=lambda: [[]])
    heading_depth: int = 0
    link_depth: int = 0
    linked: int = 0  # non-space characters of link text in the current block

    def add(self, text: str | None) -> None:
        if text:
            self.lines[-1].append(text)
            if self.link_depth:
                self.linked += len("".join(text.split()))

    def newline(self) -> None:
        self.lines.append([])

    def flush(self) -> None:
        lines = [_SPACES.sub(" ", "".join(parts)).strip() for parts in self.lines]
        text = "\n".join(line for line in lines if line)
        if text:
            share = self.linked / max(1, len("".join(text.split())))
            self.blocks.append(Block(text, self.heading_depth > 0, share))
        self.lines = [[]]
        self.linked = 0


def extract_blocks(text: str, path: str | None) -> list[Block]:
    """Article paragraphs of an HTML page, in order: the title, the date, the text."""
    root = parse_html(text, path)
    if root is None:
        return []
    date = _date_element(root)
    _drop_furniture(root)
    container = _main_container(root)
    collector = _Collector()
    heading = _heading_before(root, container)
    if heading is not None:
        _walk(heading, collector)
    _walk(container, collector)
    collector.flush()
    return _article(collector.blocks, date)


def _date_element(root) -> str | None:  # type: ignore[no-untyped-def]
    """The date stated by a <time> element or an element named like a date or byline, before any text."""
    for element in root.iter():
        tag = _tag(element)
        if tag in ("", "script", "style", "head", "title"):
            continue
        words = {w.lower() for w in _WORDS.findall(f"{element.get('class') or ''} {element.get('id') or ''}")}
        if tag == "time" or words & DATE_CLASSES:
            content = element.text_content()
            if len(content) <= 200:
                date = find_date(content) or find_date(element.get("datetime") or "")
                if date:
                    return date
    return None


def _article(blocks: list[Block], date: str | None) -> list[Block]:
    """Blocks without newspaper chrome; the title first, then the date (from the page's date element, or
    else from a date or edition line among the blocks)."""
    kept: list[Block] = []
    for block in blocks:
        if date is None and (is_date_line(block.text) or is_edition_line(block.text)):
            date = find_date(block.text)
            if date:
                continue
        if date and block.text == date or is_date_line(block.text) and find_date(block.text) == date:
            continue
        if not is_chrome(block.text, block.links, block.heading):
            kept.append(block)
    if not kept:
        return kept
    title = next((i for i, b in enumerate(kept) if b.heading), None)
    if title is not None and title > 0 and all(len(b.text) <= 80 for b in kept[:title]):
        kept.insert(0, kept.pop(title))  # a kicker or subtitle before the headline goes after it
    if date:
        kept.insert(1 if kept[0].heading else 0, Block(date, False))
    return kept


def _tag(element: object) -> str:
    tag = getattr(element, "tag", None)
    return tag.lower() if isinstance(tag, str) else ""


def _is_furniture(element) -> bool:  # type: ignore[no-untyped-def]
    """Markup that is never article text (scripts, navigation, forms...)."""
    tag = _tag(element)
    return not tag or tag in DROPPED or (element.get("role") or "").lower() in DROPPED_ROLES


def _looks_like_furniture(element) -> bool:  # type: ignore[no-untyped-def]
    """Hidden, or named like page furniture (``class="share-buttons"``): dropped unless it holds the article."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    tag = _tag(element)
    if tag in ("article", "main", "body", "html", "p") or tag in HEADINGS:
        return False
    words = {w.lower() for w in _WORDS.findall(f"{element.get('class') or ''} {element.get('id') or ''}")}
    return bool(words & FURNITURE)


def _holds_the_article(element, page_text: int) -> bool:  # type: ignore[no-untyped-def]
    """A wrapper named ``with-sidebar`` or hidden until a script runs may still hold the article."""
    if element.find(".//article") is not None or element.find(".//main") is not None:
        return True
    return _paragraph_text(element) * 2 > page_text


def _drop_furniture(root) -> None:  # type: ignore[no-untyped-def]
    for element in list(root.iter()):
        if element.getparent() is not None and _is_furniture(element):
            element.drop_tree()  # keeps the tail text in place
    page_text = _paragraph_text(root)
    for element in list(root.iter()):
        if (
            element.getparent() is not None
            and _looks_like_furniture(element)
            and not _holds_the_article(element, page_text)
        ):
            element.drop_tree()
    for header in list(root.iter("header")):
        # A header inside an article holds its headline: keep the headings, not the byline or menus.
        headings = [h for h in header.iter(*HEADINGS) if not _inside_heading(h)]
        if not headings:
            header.drop_tree()
            continue
        for child in list(header):
            header.remove(child)
        header.text = None
        for heading in headings:
            heading.tail = None
            header.append(heading)


def _inside_heading(element) -> bool:  # type: ignore[no-untyped-def]
    parent = element.getparent()
    while parent is not None:
        if _tag(parent) in HEADINGS:
            return True
        parent = parent.getparent()
    return False


def _paragraph_text(element) -> int:  # type: ignore[no-untyped-def]
    return sum(len(p.text_content().strip()) for p in element.iter("p"))


def _main_container(root):  # type: ignore[no-untyped-def]
    """The element holding the article: the richest <article>/<main>, or the parent of most paragraph text.

    A <main> or <article> nested in the richest one and holding most of its text is preferred: it
    leaves out what surrounds the article (teasers, lists of other stories).
    """
    landmarks = list(root.iter("article")) + list(root.iter("main")) + root.xpath('//*[@role="main"]')
    by_parent: dict[object, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            by_parent[parent] = by_parent.get(parent, 0) + len(p.text_content().strip())
    candidates = list(landmarks)
    if by_parent:
        candidates.append(max(by_parent, key=lambda e: by_parent[e]))  # first one wins ties: document order
    sizes = [(_paragraph_text(c), -i, c) for i, c in enumerate(candidates)]
    sizes = [item for item in sizes if item[0] > 0]
    if not sizes:
        body = root.find("body")
        return body if body is not None else root
    size, _, best = max(sizes, key=lambda item: item[:2])
    for inner in landmarks:
        inner_size = _paragraph_text(inner)
        if inner is not best and inner_size >= NESTED_SHARE * size and best in inner.iterancestors():
            best, size = inner, inner_size
    return best


def _heading_before(root, container):  # type: ignore[no-untyped-def]
    """The page's <h1> when it stands before the chosen container rather than inside it."""
    if container.find(".//h1") is not None or _tag(container) in ("body", "html"):
        return None
    last = None
    for element in root.iter():
        if element is container:
            return last
        if _tag(element) == "h1":
            last = element
    return None


def _walk(element, collector: _Collector) -> None:  # type: ignore[no-untyped-def]
    tag = _tag(element)
    block = tag in BLOCKS
    if block:
        collector.flush()
    if tag in HEADINGS:
        collector.heading_depth += 1
    if tag == "br":
        collector.newline()
    elif tag == "a":
        collector.link_depth += 1
        collector.add(element.text)
        for child in element:
            if _tag(child):
                _walk(child, collector)
            collector.add(child.tail)
        collector.link_depth -= 1
    elif tag == "pre":
        for i, line in enumerate(element.text_content().split("\n")):
            if i:
                collector.newline()
            collector.add(line)
    else:
        collector.add(element.text)
        for child in element:
            if _tag(child):
                _walk(child, collector)
            collector.add(child.tail)
    if block:
        collector.flush()
    if tag in HEADINGS:
        collector.heading_depth -= 1


class HtmlReader(Reader):
    """A web page: the article's paragraphs (``Document.text`` is them joined by blank lines); the charset
    the page declares is tried first."""

    name = "html"
    suffixes = frozenset({".html", ".htm", ".xhtml", ".shtml"})

    def sniff(self, data: bytes) -> bool:
        if data.startswith(tuple(b for b, _ in BOMS)):
            try:
                head = decode(data[:4096], "", None)[0]
            except InputError:
                return False
        else:
            head = data[:4096].decode("utf-8", errors="replace")
        return head.lstrip()[:1] == "<" and looks_like_html(head)

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        text, used = self._decode(data, path, options)
        text = normalise_newlines(text)
        require_text(text, path)
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not HTML", path)
        blocks = extract_blocks(text, path)
        if not blocks:
            raise InputError("no text found in the HTML page (nothing outside menus, scripts and styles)", path)
        paragraphs = []
        start = 0
        for index, block in enumerate(blocks):
            end = start + len(block.text)
            paragraphs.append(Paragraph(index, start, end, block.text, block.heading))
            start = end + 2
        return Extracted("\n\n".join(block.text for block in blocks), tuple(paragraphs), used)

    @staticmethod
    def _decode(data: bytes, path: str, options: ReadOptions) -> tuple[str, str]:
        if not options.encoding and not data.startswith(tuple(b for b, _ in BOMS)):
            charset = declared_charset(data)
            if charset:
                try:
                    return decode(data, path, charset)
                except EncodingError:
                    pass  # a page that lies about its charset: detect as for any file
        return decode(data, path, options.encoding, options.lang)
