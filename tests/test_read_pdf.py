"""PDF made here with reportlab: two columns, running header, page numbers, hyphenated line ends; a scan
without text; what pdfminer's lines become (reading order, paragraphs, hyphenation) in pure layout tests."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from documents import pdf_bytes, wrap

from alignmem.errors import InputError
from alignmem.read import read_document
from alignmem.read.pdf import Line, Page, blocks_of, join_lines

SENTENCES = [
    "Двадцать лет назад Россия и Китай подписали Договор о добрососедстве, дружбе и сотрудничестве.",
    "Этот документ заложил прочную правовую основу для развития отношений двух стран на долгие годы.",
    "Стороны подтвердили приверженность целям и принципам Устава Организации Объединённых Наций.",
    "Они договорились укреплять доверие в военной области и развивать торгово-экономические связи.",
    "Сегодня отношения двух стран находятся на самом высоком уровне за всю их историю.",
]
# Paragraphs wrapped by hand, with hyphenated line ends: (lines as set, the text the reader must give).
HYPHENATED = [
    ("Договор заложил основу для сотрудни-\nчества двух стран на многие годы\nвперёд и остаётся в силе.",
     "Договор заложил основу для сотрудничества двух стран на многие годы вперёд и остаётся в силе."),
    ("Российско-китайские связи развива-\nются на принципах равенства, а российско-\nкитайский товарооборот.",
     "Российско-китайские связи развиваются на принципах равенства, а российско-китайский товарооборот."),
    ("Речь идёт о сотрудничестве в рамках ШОС и\nБРИКС, о проекте Сила Сибири-\n2 и о торгово-\nэкономических делах.",
     "Речь идёт о сотрудничестве в рамках ШОС и БРИКС, о проекте Сила Сибири-2 и о торгово-экономических делах."),
]


def _body() -> list[str]:
    """Enough paragraphs to fill two columns of two pages."""
    return [" ".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(1 + k % 3)) for k in range(24)]


def test_two_column_pdf_with_header_footer_and_hyphenation(tmp_path: Path) -> None:
    body = _body()
    lines = [" \n".join(wrap(p, "DejaVu", 10.0, 211.5)) for p in body]  # the column width of pdf_bytes
    set_paragraphs = ["Договор о добрососедстве"] + lines[:7] + [h for h, _ in HYPHENATED] + lines[7:]
    path = tmp_path / "treaty.pdf"
    path.write_bytes(pdf_bytes([p.replace(" \n", "\n") for p in set_paragraphs], headings={0}, columns=2,
                               running_header="Российская газета · 16 июля 2021 · Федеральный выпуск",
                               prewrapped=True))
    doc = read_document(path)
    expected = ["Договор о добрососедстве"] + body[:7] + [text for _, text in HYPHENATED] + body[7:]
    assert [p.text for p in doc.paragraphs] == expected
    assert doc.paragraphs[0].heading and not any(p.heading for p in doc.paragraphs[1:])
    assert "Российская газета" not in doc.text and "- 2 -" not in doc.text
    assert doc.lang == "ru"


def test_chinese_lines_join_without_spaces(tmp_path: Path) -> None:
    body = ("二十年前，中俄两国元首在莫斯科签署了《中俄睦邻友好合作条约》。这一历史性文件为两国关系奠定了"
            "坚实的法律基础，也为上海合作组织、金砖国家等多边机制的发展提供了重要借鉴。")
    paragraphs = ["中俄睦邻友好合作条约", body * 3]
    path = tmp_path / "zh.pdf"
    path.write_bytes(pdf_bytes(paragraphs, headings={0}))
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == paragraphs
    assert doc.lang == "zh"


def test_scanned_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    scan = Image.new("L", (60, 80), color=200)  # the picture of a page, as a scanner gives it
    pdf.drawImage(ImageReader(scan), 50, 50, 400, 600)
    pdf.showPage()
    pdf.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (f"{path}: the PDF has no text layer (a scanned document?); run OCR on it "
                               "first or give the text")


def test_missing_pdf_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf_bytes(["Twenty years ago, Russia and China signed the Treaty."]))
    monkeypatch.setitem(sys.modules, "pdfminer.layout", None)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: reading PDF needs the pdf extra: pip install 'alignmem[pdf]'"


# ---------------------------------------------------------------------------------- layout, no PDF
def _line(page: int, x0: float, top: float, text: str, size: float = 10.0) -> Line:
    return Line(page, x0, top - size, x0 + 5.0 * len(text), top, text)


def test_columns_are_read_left_then_right_under_a_full_width_title() -> None:
    left = [_line(0, 50, 700 - 12 * k, f"left line {k} goes on and on") for k in range(6)]
    right = [_line(0, 320, 700 - 12 * k, f"right line {k} goes on and on") for k in range(6)]
    title = Line(0, 50, 730, 480, 746, "A title across both columns of the page")
    page = Page(0, 595, 842, tuple(sorted(left + right + [title], key=lambda li: (-li.y1, -li.x0))))
    blocks = blocks_of([page])
    assert blocks[0].text == "A title across both columns of the page"
    text = " ".join(b.text for b in blocks[1:])
    assert text.index("left line 5") < text.index("right line 0")


@pytest.mark.parametrize(("text", "line", "joined"), [
    ("сотрудни-", "чество", "сотрудничество"),
    ("Russian-", "Chinese", "Russian-Chinese"),
    ("COVID-", "19", "COVID-19"),
    ("российско-", "китайских", "российско-китайских"),
    ("к 20-", "летию", "к 20-летию"),
    ("Twenty years", "ago", "Twenty years ago"),
    ("中俄两国", "关系", "中俄两国关系"),
    ("сотруд\u00ad", "ничество", "сотрудничество"),
])
def test_line_ends_are_joined(text: str, line: str, joined: str) -> None:
    assert join_lines(text, line) == joined
