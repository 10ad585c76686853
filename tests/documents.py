"""Word, OpenDocument and PDF files made on the spot from paragraphs, for the reader tests and
benchmarks/readers.py: python-docx, odfpy and reportlab (the test extra) write them; nothing is committed.

    docx_bytes([("Title", "Title"), ("A paragraph.", None)])
    odt_bytes([("Title", "h"), ("A paragraph.", None)])
    pdf_bytes(["Title", "A paragraph."], headings={0}, columns=2, running_header="The Daily")
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core: Cyrillic
PAGE = (595.0, 842.0)  # A4 in points
MARGIN = 56.0


# ---------------------------------------------------------------------------------------------- DOCX
def docx_document(blocks: Iterable[tuple[str, str | None]]):  # -> docx.Document
    """A python-docx document: each block is (text, style name or None); style "table:R" starts a table
    whose cells are the next R*C blocks, given as "cell|cell|..." rows."""
    import docx

    document = docx.Document()
    for text, style in blocks:
        if style and style.startswith("table"):
            rows = [row.split("|") for row in text.split("\n")]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(text, style=style)
    return document


def docx_bytes(blocks: Iterable[tuple[str, str | None]]) -> bytes:
    buffer = io.BytesIO()
    docx_document(blocks).save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------- ODT
def odt_bytes(blocks: Iterable[tuple[str, str | None]]) -> bytes:
    """An ODT: (text, "h") is a heading, (text, "table") rows "a|b" one a line, else a paragraph."""
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    for text, kind in blocks:
        if kind == "h":
            document.text.addElement(H(outlinelevel=1, text=text))
        elif kind == "table":
            rows = [row.split("|") for row in text.split("\n")]
            table = Table(name=f"Table{len(document.text.childNodes)}")
            table.addElement(TableColumn(numbercolumnsrepeated=max(len(r) for r in rows)))
            for row in rows:
                tr = TableRow()
                for cell in row:
                    tc = TableCell()
                    tc.addElement(P(text=cell))
                    tr.addElement(tc)
                table.addElement(tr)
            document.text.addElement(table)
        else:
            document.text.addElement(P(text=text))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------- PDF
def _fonts() -> tuple[str, str]:
    """(font for Latin and Cyrillic, font for Chinese): DejaVu Sans from the file, and Adobe's STSong-Light
    CID font, which reportlab writes by name (no font file: pdfminer reads it through its CMaps)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "DejaVu", "STSong-Light"


def _is_cjk(text: str) -> bool:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) / 4


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points: at spaces, or anywhere in Chinese (never at a hyphen)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _fonts()
    if _is_cjk(text):  # between any two Chinese characters, never inside a Latin word or a number
        lines, line = [], ""
        for token in re.findall(r"[A-Za-z0-9.,%]+|\s+|.", text):
            if line and stringWidth(line + token, font, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        return lines + ([line] if line else [])
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + ([line] if line else [])


def pdf_bytes(paragraphs: Sequence[str], *, headings: Iterable[int] = (), columns: int = 1, size: float = 10.0,
              running_header: str | None = None, page_numbers: bool = True, gap: float = 0.8,
              prewrapped: bool = False) -> bytes:
    """A PDF of ``paragraphs`` (indices in ``headings`` set larger, across the full width), in ``columns``
    columns, with a running header and page numbers; paragraphs are set apart by ``gap`` lines. With
    ``prewrapped`` each paragraph's lines are given (joined by "\\n") and kept as they are."""
    from reportlab.pdfgen import canvas

    latin, chinese = _fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE, invariant=1)
    heading_set = set(headings)
    width, height = PAGE
    column_gap = 24.0
    column_width = (width - 2 * MARGIN - (columns - 1) * column_gap) / columns
    state = {"page": 0, "column": 0, "y": height - MARGIN}

    def start_page() -> None:
        state["page"] += 1
        if running_header:
            pdf.setFont(latin, 8)
            pdf.drawString(MARGIN, height - MARGIN / 2, running_header)
        if page_numbers:
            pdf.setFont(latin, 8)
            pdf.drawCentredString(width / 2, MARGIN / 2, f"- {state['page']} -")
        state["column"], state["y"] = 0, height - MARGIN

    def next_column() -> None:
        state["column"] += 1
        state["y"] = height - MARGIN
        if state["column"] >= columns:
            pdf.showPage()
            start_page()

    start_page()
    for index, text in enumerate(paragraphs):
        font = chinese if _is_cjk(text) else latin
        big = index in heading_set
        font_size = size * 1.5 if big else size
        leading = font_size * 1.25
        full = big and columns > 1
        line_width = width - 2 * MARGIN if full else column_width
        if font == chinese:
            # reportlab's UniGB-UCS2-H encoding drops U+00B7; U+30FB is drawn with the CID that reads back as it
            text = text.replace("\u00b7", "\u30fb")
        lines = text.split("\n") if prewrapped else wrap(text, font, font_size, line_width)
        for line in lines:
            if state["y"] - leading < MARGIN:
                next_column()
            x = MARGIN + (0 if full else state["column"] * (column_width + column_gap))
            pdf.setFont(font, font_size)
            pdf.drawString(x, state["y"] - font_size, line)
            state["y"] -= leading
        state["y"] -= gap * size * 1.25
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
