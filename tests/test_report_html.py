"""The HTML review report: self-contained, escaped, deterministic, with rows, gaps, flags and filters."""

from __future__ import annotations

import re

from alignmem.check import check_units, write_report
from alignmem.check.model import Unit
from alignmem.check.report_html import render

LANGS = ("en", "ru", "zh")


def units() -> list[Unit]:
    return [
        Unit("doc", 0, LANGS, ("Clean <b>bold</b> & fine.", "Чисто и хорошо.", "干净。"), 0.9, "1-1-1", para=1),
        Unit("doc", 1, LANGS, ("It cost 1,300 dollars.", "Это стоило 13 долларов.", "花费了1 300美元。"), 0.5,
             "1-1-1", para=1),
        Unit("doc", 2, LANGS, ("A sentence alone <script>alert(1)</script>.", "", "单独的一句。"), None, "1-0-1",
             para=2),
        Unit("doc", 3, LANGS, ("Weak.", "Слабо.", "弱。"), 0.2, "2-1-1", para=3),
    ]


def test_report_rows_classes_and_gaps():
    html = render(check_units(units()))
    rows = re.findall(r'<tr class="([^"]*)" data-k="([^"]*)">', html)
    assert rows == [("r c3", "1-1-1"), ("r c1 f", "1-1-1"), ("r cn f", "1-0-1"), ("r c0 f", "2-1-1")]
    assert html.count('<td class="gap">no ru sentence</td>') == 1
    assert "<span>number</span>ru has 13, not found in en/zh" in html
    assert '<option value="2-1-1">2-1-1</option>' in html
    assert 'body.kind-2-1-1 tr.r:not([data-k="2-1-1"]){display:none}' in html
    assert "<svg" in html and html.count("<rect") == 10


def test_report_escapes_every_text():
    html = render(check_units(units()))
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; fine." in html
    assert "<script>alert(1)</script>" not in html
    assert html.count("<script>") == 1  # only the report's own filter script


def test_hostile_link_type_gets_no_css_rule():
    bad = Unit("doc", 0, ("en", "ru"), ("One two three.", "Раз два три."), 0.9, '1"]{}</style><x>')
    html = render(check_units([bad]))
    assert "</style><x>" not in html and "kind-1&quot;" not in html
    assert "&lt;/style&gt;" in html  # still shown, escaped, in the row


def test_report_is_self_contained():
    html = render(check_units(units()))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "http://" not in html and "https://" not in html and "@import" not in html


def test_write_report_is_deterministic(tmp_path):
    one, two = tmp_path / "a.html", tmp_path / "b.html"
    result = check_units(units())
    write_report(None, one, result)
    write_report(None, two, check_units(units()))
    assert one.read_bytes() == two.read_bytes()
    assert one.read_bytes().startswith(b"<!DOCTYPE html>")


def test_write_report_from_an_aligned_document(tmp_path):
    """What the pipeline calls after writing a document's TMX files: tm/<stem>.report.html."""
    from test_check_coverage import make_aligned, make_doc

    from alignmem.check import CheckConfig

    en = make_doc("en", [["It cost 1,300 dollars."], ["A sentence alone."]], 0)
    ru = make_doc("ru", [["Это стоило 13 долларов."]], 1)
    zh = make_doc("zh", [["花费了1 300美元。"], ["单独的一句。"]], 2)
    aligned = make_aligned([en, ru, zh], [((0,), (0,), (0,)), ((1,), (), (1,))])
    path = tmp_path / "tm" / "example.report.html"
    result = write_report(aligned, path, config=CheckConfig(embeddings=False))
    html = path.read_text("utf-8")
    assert result.flag_counts() == {"number": 1, "unaligned": 1}
    assert "<td>en-&gt;ru</td><td>1/2</td>" in html  # coverage in the summary
    assert 'title="paragraph 2, sentence 2 of the document"' in html
