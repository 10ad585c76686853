"""PDF with a text layer: the article's paragraphs in reading order (needs ``alignmem[pdf]``: pdfminer.six).

pdfminer.six gives the text lines of each page with their positions; the layout is ours:
- **columns**: a vertical gutter that no ordinary line crosses splits a page into columns, read left to
  right; a line crossing it (a title over both columns) is read where it stands and closes the band of
  columns above it;
- **running headers and footers**: lines near the top or bottom edge whose text (digits aside) repeats
  on at least half of the pages, and page numbers ("3", "- 3 -", "Page 3 of 9", "Стр. 3", "第3页") there;
- **paragraphs**: lines join while they follow at the usual line spacing, in the same font size, without
  a first-line indent, and the previous line does not end a sentence short of the column's edge; a
  paragraph runs on across a column or page break when its last line does not end a sentence;
- **hyphenation**: a word broken at a line end with a hyphen is joined ("сотрудни-" + "чество") when the
  next line starts in lower case, unless the hyphen is a real one: before a capital or a digit
  ("Russian-" + "Chinese", "COVID-" + "19"), a compound the document writes with its hyphen elsewhere and
  never without, or a Russian compound (pymorphy3: the first part an adjective stem such as "торгово-",
  "российско-", or a joined form that is no word); a real hyphen stays and the line join adds no space;
- a PDF that has pages but no text (a scan) is refused with one line, and so is an encrypted one (a
  password, or copy protection) and a damaged one. Compressed streams are test-inflated with a cap
  before pdfminer sees the file (pdfminer inflates without a limit: a flate bomb would exhaust memory).
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass, replace

from alignmem.errors import FormatError, InputError
from alignmem.read.registry import Block, Extracted, Reader, ReadOptions, from_blocks
from alignmem.text.ru import morph

EXTRA = "pip install 'alignmem[pdf]'"
MAX_STREAM_BYTES = 128 * 1024 * 1024  # inflated size of one stream; a text PDF's are a few MB at most
MAX_INFLATED_BYTES = 512 * 1024 * 1024  # all streams together
EDGE_BAND = 0.09  # share of the page height at the top and at the bottom where running lines stand
MIN_GUTTER = 6.0  # points; narrower gaps are word spaces
PARAGRAPH_GAP = 1.45  # a line step this many times the usual one starts a paragraph
FULL_LINE_EMS = 3.0  # a line ending this close to its column's right edge is full...
FULL_LINE_SHARE = 0.15  # ... or this close (the next word did not fit on a ragged line)
LIST_STEP = 1.8  # a usual step this many line heights: every line is a paragraph set apart
SPACED_SHARE = 0.04  # this share of line steps being paragraph gaps: paragraphs are set apart by space
SIZE_CHANGE = 1.18  # a line this much larger (or smaller) than its neighbour starts a paragraph
SENTENCE_END = ".!?…。！？:;»\"”)"
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?(?:\d{1,4}|[ivxlc]{1,6})"
    r"(?:\s*(?:of|/|из)\s*\d{1,4})?[\W_]*$|^第\s*\d{1,4}\s*[页頁版]$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_WORD = re.compile(r"([^\W\d_]+)[-\u00ad\u2010]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HYPHENS = "-\u00ad\u2010"
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(frozen=True)
class Line:
    """A text line on a page, in PDF coordinates (origin at the bottom left, y up)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    column: int = 0  # 0 = spans the page (or the page has one column); 1, 2... from the left
    left: float = 0.0  # the edges of its column
    right: float = 0.0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    images: int = 0


class PdfReader(Reader):
    name = "pdf"
    suffixes = frozenset({".pdf"})

    def sniff(self, data: bytes) -> bool:
        return data[:1024].lstrip().startswith(b"%PDF-")

    def read(self, data: bytes, path: str, options: ReadOptions) -> Extracted:
        if options.presegmented:
            raise InputError("--presegmented needs a plain-text file with one sentence per line, not a PDF", path)
        if not self.sniff(data):
            raise FormatError("not a PDF file (no %PDF- header)", path)
        check_streams(data, path)
        pages = load_pages(data, path)
        if not any(page.lines for page in pages):
            if any(page.images for page in pages):
                raise InputError("the PDF has no text layer (a scanned document?); run OCR on it first or "
                                 "give the text", path)
            raise InputError("no text found in the PDF", path)
        found = from_blocks(blocks_of(pages), "utf-8")
        if not found.paragraphs:
            raise InputError("no text found in the PDF (only page headers, footers and numbers)", path)
        return found


# --------------------------------------------------------------------------------------- pdfminer
def load_pages(data: bytes, path: str) -> list[Page]:
    """Text lines and image counts of every page (pdfminer.six), errors as one line."""
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox, LTTextLine
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
        from pdfminer.pdfexceptions import PDFException
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.psexceptions import PSException
    except ImportError:
        raise InputError(f"reading PDF needs the pdf extra: {EXTRA}", path) from None
    encrypted = "the PDF is encrypted (a password or copy protection); save an unprotected copy or give the text"
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        if document.encryption is not None:
            raise InputError(encrypted, path)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=LAParams(char_margin=2.0, line_margin=0.5, boxes_flow=None))
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for number, pdf_page in enumerate(PDFPage.create_pages(document)):
            interpreter.process_page(pdf_page)
            layout = device.get_result()
            lines: list[Line] = []
            images = 0
            for item in layout:
                if isinstance(item, LTTextBox):
                    lines.extend(_line(number, line) for line in item if isinstance(line, LTTextLine))
                elif isinstance(item, LTTextLine):
                    lines.append(_line(number, item))
                elif isinstance(item, (LTFigure, LTImage)):
                    images += 1
            lines = [line for line in lines if line.text]
            pages.append(Page(number, layout.width, layout.height, tuple(lines), images))
    except InputError:
        raise
    except PDFEncryptionError:
        raise InputError(encrypted, path) from None
    except (PDFException, PSException, ValueError, TypeError, KeyError, AttributeError, IndexError,
            AssertionError, RecursionError, OverflowError, zlib.error, EOFError, UnicodeError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FormatError(f"damaged PDF ({detail})", path) from None
    if not pages:
        raise FormatError("damaged PDF (no pages)", path)
    return pages


def _line(page: int, item) -> Line:  # type: ignore[no-untyped-def]
    text = " ".join(item.get_text().split())
    return Line(page, item.x0, item.y0, item.x1, item.y1, text)


_STREAM = re.compile(rb"stream\r?\n")


def check_streams(data: bytes, path: str) -> None:
    """Refuse a PDF whose compressed streams inflate beyond the caps (tried before pdfminer inflates them)."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        total += _inflated_size(data[start:end], path)
        if total > MAX_INFLATED_BYTES:
            raise FormatError(f"the PDF's streams inflate to over {MAX_INFLATED_BYTES >> 20} MB; refused as a "
                              "possible decompression bomb", path)


def _inflated_size(raw: bytes, path: str, depth: int = 0) -> int:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, MAX_STREAM_BYTES)
    except zlib.error:
        return 0  # not flate data (an image, an encrypted or a damaged stream): pdfminer decides
    if inflater.unconsumed_tail:
        raise FormatError(f"a stream of the PDF inflates to over {MAX_STREAM_BYTES >> 20} MB; refused as a "
                          "possible decompression bomb", path)
    if depth < 2 and out[:1] == b"x":  # flate inside flate: a filter chain
        return len(out) + _inflated_size(out, path, depth + 1)
    return len(out)


# ------------------------------------------------------------------------------------------ layout
def blocks_of(pages: list[Page]) -> list[Block]:
    """The document's paragraphs from its pages' lines: running lines dropped, columns read in order."""
    pages = drop_running_lines(pages)
    own = [find_gutters(page.lines) for page in pages]
    common = _usual_gutters(own)
    ordered = []
    for page, gutters in zip(pages, own):
        ordered.extend(reading_order(page, gutters or _fits(page.lines, common)))
    return paragraphs(ordered)


def _usual_gutters(per_page: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The gutters most pages show (compared to 10 points)."""
    keys = [tuple((round(low / 10), round(high / 10)) for low, high in gutters) for gutters in per_page]
    counts = Counter(key for key in keys if key)
    if not counts:
        return []
    return per_page[keys.index(counts.most_common(1)[0][0])]


def _fits(lines: tuple[Line, ...], gutters: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The document's usual gutters, for a page with too few lines to show its own, if no line crosses
    them and text stands on both sides."""
    for low, high in gutters:
        if any(line.x0 < low - 1 and line.x1 > high + 1 for line in lines):
            return []
        if not any(line.x1 <= low + 1 for line in lines) or not any(line.x0 >= high - 1 for line in lines):
            return []
    return gutters


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.lower())


def drop_running_lines(pages: list[Page]) -> list[Page]:
    """Pages without their running headers/footers and page numbers."""
    def in_band(line: Line, page: Page) -> bool:
        return line.y0 >= page.height * (1 - EDGE_BAND) or line.y1 <= page.height * EDGE_BAND

    shapes: Counter[str] = Counter()
    for page in pages:
        shapes.update({_shape(line.text) for line in page.lines if in_band(line, page)})
    repeated = {shape for shape, n in shapes.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    kept = []
    for page in pages:
        lines = tuple(line for line in page.lines
                      if not (in_band(line, page) and (_shape(line.text) in repeated
                                                       or _PAGE_NUMBER.match(line.text))))
        kept.append(replace(page, lines=lines))
    return kept


def find_gutters(lines: tuple[Line, ...] | list[Line]) -> list[tuple[float, float]]:
    """Vertical gaps between columns: x-intervals that at most a few lines (titles) cross, with at least
    three lines wholly on each side."""
    if len(lines) < 6:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = int(right - left) + 1
    if width < 4 * MIN_GUTTER:
        return []
    cover = [0] * width
    for line in lines:
        for x in range(int(line.x0 - left), min(width, int(line.x1 - left) + 1)):
            cover[x] += 1
    allowed = max(1, len(lines) // 5)
    gutters: list[tuple[float, float]] = []
    x = int(width * 0.15)
    while x < width * 0.85:
        if cover[x] > allowed:
            x += 1
            continue
        start = x
        while x < width and cover[x] <= allowed:
            x += 1
        low, high = left + start, left + x
        if high - low >= MIN_GUTTER:
            before = sum(1 for line in lines if line.x1 <= low + 1)
            after = sum(1 for line in lines if line.x0 >= high - 1)
            if before >= 3 and after >= 3:
                gutters.append((low, high))
    return gutters


def reading_order(page: Page, gutters: list[tuple[float, float]]) -> list[Line]:
    """The page's lines in reading order, each with its column and the column's edges."""
    lines = sorted(page.lines, key=lambda line: (-line.y1, line.x0))
    if not gutters:
        return _with_column(lines, 0)
    cuts = [(low + high) / 2 for low, high in gutters]
    ordered: list[Line] = []
    band: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]

    def flush() -> None:
        for k, column in enumerate(band):
            ordered.extend(_with_column(column, k + 1))
            column.clear()

    for line in lines:
        crossing = any(line.x0 < low - 1 and line.x1 > high + 1 for low, high in gutters)
        if crossing:
            flush()
            ordered.extend(_with_column([line], 0))
        else:
            band[sum(1 for cut in cuts if line.x0 >= cut)].append(line)
    flush()
    return ordered


def _with_column(lines: list[Line], column: int) -> list[Line]:
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    return [replace(line, column=column, left=left, right=right) for line in lines]


def paragraphs(lines: list[Line]) -> list[Block]:
    """Lines in reading order -> paragraphs (headings are the lines clearly larger than the body)."""
    if not lines:
        return []
    body = statistics.median(line.height for line in lines)
    steps = [a.y0 - b.y0 for a, b in itertools.pairwise(lines)
             if a.page == b.page and a.column == b.column and 0 < a.y0 - b.y0 < 3 * body]
    # The usual line step within a paragraph: a low percentile of the steps (in a text of short paragraphs
    # most steps cross a paragraph gap), unless even that is far more than a line (a spaced list).
    step = sorted(steps)[len(steps) // 5] if steps else 1.2 * body
    if step > LIST_STEP * body:
        step = 1.2 * body
    # A document that separates paragraphs by space is split by space alone: a short line ending a
    # sentence inside a ragged paragraph is then no paragraph end.
    spaced = sum(1 for s in steps if s > PARAGRAPH_GAP * step) >= SPACED_SHARE * len(steps) > 0
    hyphens = Hyphenation.of(line.text for line in lines)
    floor = min(line.y0 for line in lines)  # the lowest line of text: a full column ends there
    blocks: list[Block] = []
    text = lines[0].text
    heading = lines[0].height > SIZE_CHANGE * body
    for previous, line in itertools.pairwise(lines):
        if _continues(previous, line, Flow(step, spaced, floor)):
            text = join_lines(text, line.text, hyphens)
            continue
        blocks.append(Block(text, heading))
        text = line.text
        heading = line.height > SIZE_CHANGE * body
    blocks.append(Block(text, heading))
    return blocks


def _ends_sentence(text: str) -> bool:
    return text[-1:] in SENTENCE_END


@dataclass(frozen=True)
class Flow:
    """What the whole document says about its lines: the usual step, paragraphs set apart by space, the
    lowest line."""

    step: float
    spaced: bool
    floor: float


def _continues(previous: Line, line: Line, flow: Flow) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` ends."""
    size = max(previous.height, line.height) / max(0.1, min(previous.height, line.height))
    if size > SIZE_CHANGE:
        return False
    same_flow = previous.page == line.page and previous.column == line.column
    if not same_flow or previous.y0 - line.y0 < 0:
        return _runs_on(previous, line, flow)
    if previous.y0 - line.y0 > PARAGRAPH_GAP * flow.step:
        return False
    if flow.spaced:
        return True
    em = line.height
    indented = line.x0 > line.left + 1.2 * em and previous.x0 <= previous.left + 0.6 * em
    if indented:
        return False
    short = previous.x1 < previous.right - 2.5 * em
    return not (short and _ends_sentence(previous.text))


def _runs_on(previous: Line, line: Line, flow: Flow) -> bool:
    """At a column or page break: a paragraph runs on when its sentence does; when the column ended early
    (room was left above the lowest line) it ended; at the foot of a full column it runs on when its last
    line is full (a paragraph's last line rarely reaches the edge; a sentence may well end there)."""
    if _starts_lower(line.text, previous.text) and not _ends_sentence(previous.text):
        return True
    if previous.y0 > flow.floor + 0.6 * flow.step:
        return False
    if not _ends_sentence(previous.text) and not _WIDE.match(line.text[:1]):
        return True  # "... welcomes the efforts" + "of the United Nations": no sentence ends at a column foot
    slack = max(FULL_LINE_EMS * previous.height, FULL_LINE_SHARE * (previous.right - previous.left))
    return previous.x1 >= previous.right - slack


def _starts_lower(text: str, previous: str) -> bool:
    """The next line goes on with a sentence: it starts in lower case, or the line before ends in a hyphen
    (Chinese has no case: only a full line carries a Chinese paragraph over)."""
    return text[:1].islower() or previous[-1:] in _HYPHENS


@dataclass(frozen=True)
class Hyphenation:
    """What the document itself says about its words: those it writes whole, and its hyphenated compounds."""

    words: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lines) -> Hyphenation:  # type: ignore[no-untyped-def]
        words: set[str] = set()
        compounds: set[str] = set()
        for text in lines:
            for match in _WORD.finditer(text.rstrip("".join(_HYPHENS))):
                word = match.group().lower()
                (compounds if "-" in word else words).add(word)
        return cls(frozenset(words), frozenset(compounds))

    def real(self, head: str, tail: str) -> bool:
        """Whether the hyphen ending a line in ``head-`` before ``tail`` (a lower-case word) is a real one."""
        head, tail = head.lower(), tail.lower()
        joined, compound = head + tail, f"{head}-{tail}"
        if joined in self.words:
            return False
        if compound in self.compounds:
            return True
        if _CYRILLIC.match(head) and _CYRILLIC.match(tail):
            return _russian_compound(head, tail, joined)
        return False


def _russian_compound(head: str, tail: str, joined: str) -> bool:
    """``торгово-экономических``, ``российско-китайский``: the first part is an adjective stem in -о/-е
    (торговый, российский), or the joined form is no word while the second part is one."""
    analyser = morph()
    if len(tail) < 3 or not analyser.word_is_known(tail):
        return False
    if head.endswith(("о", "е")) and any(analyser.word_is_known(head[:-1] + end) for end in ("ый", "ий", "ой")):
        return True
    return not analyser.word_is_known(joined)


def join_lines(text: str, line: str, hyphens: Hyphenation | None = None) -> str:
    """Join a line to the paragraph so far, undoing hyphenation.

    ``сотрудни-`` + ``чество`` -> ``сотрудничество`` (a hyphen between letters, the next line in lower
    case); ``Russian-`` + ``Chinese`` -> ``Russian-Chinese`` (a real hyphen: it stays, no space added);
    CJK characters join without a space, and so does a digit or Latin letter next to one in Chinese text.
    """
    if not text:
        return line
    last, first = text[-1], line[:1]
    if last in _HYPHENS and len(text) >= 2 and not text[-2].isspace():
        head = _LAST_WORD.search(text)
        tail = _FIRST_WORD.match(line)
        if text[-2].isalpha() and first.islower() and not (
                head and tail and (hyphens or Hyphenation()).real(head.group(1), tail.group())):
            return text[:-1] + line
        return (text[:-1] + "-" if last == "\u00ad" else text) + line
    if _WIDE.match(last) and first and _WIDE.match(first):
        return text + line
    if (_WIDE.match(last) or _WIDE.match(first)) and _mostly_wide(text[-20:] + line[:20]):
        return text + line  # "6" + "月28日" in Chinese text: no space where the line broke
    return f"{text} {line}"


def _mostly_wide(text: str) -> bool:
    return len(_WIDE.findall(text)) * 2 >= len(text)
