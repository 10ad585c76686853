"""HTML pages: the article's paragraphs and headings in order, page furniture dropped, nothing resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.errors import InputError
from alignmem.read import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "read"


@pytest.fixture(scope="module")
def newspaper():  # type: ignore[no-untyped-def]
    return read_document(FIXTURES / "newspaper.html")


def test_saved_newspaper_page_gives_the_article_in_order(newspaper) -> None:  # type: ignore[no-untyped-def]
    assert [(p.text, p.heading) for p in newspaper.paragraphs] == [
        ("Rivers rise after record rain", True),
        ("3 May 2024", False),  # the date of the byline: title and date come first
        (
            (
                "Heavy rain fell across the valley for a third day on Tuesday. The river reached its highest level "
                "since 1998, officials said."
            ),
            False,
        ),
        (
            (
                "Residents of low-lying streets were told to move to higher ground. Schools stayed closed & buses "
                "ran late.\nEmergency crews worked through the night."
            ),
            False,
        ),
        ("What happens next", True),
        ("Forecasters expect the rain to ease by Thursday. &secret; &remote; &lol;", False),
        ("Keep away from the river banks.", False),
        ("Check the council website for road closures.", False),
        ("We have never seen the water this high, said one farmer.", False),
    ]
    assert newspaper.lang == "en"
    assert newspaper.encoding == "utf-8"


@pytest.mark.parametrize(
    "furniture",
    [
        "tracking code",  # script
        "injected by script",
        "font-family",  # style
        "Comment text",  # comment
        "Home",  # nav
        "Daily Courier",  # site header, title, footer
        "By Jane Doe",  # byline in the article header
        "Advertisement",
        "Related stories",  # aside
        "Drought",
        "Share on social",
        "Copyright",  # footer
        "Most read",
        "JavaScript",  # noscript
        "Newsletter",  # form
        "Privacy",
    ],
)
def test_page_furniture_is_dropped(newspaper, furniture: str) -> None:  # type: ignore[no-untyped-def]
    assert furniture not in newspaper.text


def test_doctype_entities_are_never_resolved(newspaper) -> None:  # type: ignore[no-untyped-def]
    assert "LOLLOL" not in newspaper.text
    assert "root:" not in newspaper.text
    assert "]>" not in newspaper.text


def test_html_text_is_paragraphs_joined_by_blank_lines(newspaper) -> None:  # type: ignore[no-untyped-def]
    assert newspaper.text == "\n\n".join(p.text for p in newspaper.paragraphs)
    for p in newspaper.paragraphs:
        assert newspaper.text[p.start : p.end] == p.text


def test_legacy_charset_page_without_article_element(tmp_path: Path) -> None:
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Новости</title></head><body>
<div id="menu"><a href="/">Главная</a> | <a href="/news">Новости</a></div>
<div class="content">
  <h1>Паводок на реке</h1>
  <div class="text">
    <p>Сильные дожди шли над долиной третий день подряд.</p>
    <p>Во вторник уровень воды в реке достиг самой высокой отметки с 1998 года, сообщили местные власти.</p>
    <p>Жителей низменных улиц попросили переехать к родственникам.</p>
  </div>
</div>
<div class="sidebar"><p>Реклама и прочее.</p></div>
</body></html>"""
    path = tmp_path / "news.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = read_document(path, lang="ru")
    assert doc.encoding == "cp1251"
    assert [p.text for p in doc.paragraphs] == [
        "Паводок на реке",
        "Сильные дожди шли над долиной третий день подряд.",
        "Во вторник уровень воды в реке достиг самой высокой отметки с 1998 года, сообщили местные власти.",
        "Жителей низменных улиц попросили переехать к родственникам.",
    ]
    assert doc.paragraphs[0].heading


def test_html_is_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<!-- saved -->\n<!DOCTYPE html><html><body><article><h1>河水上涨</h1><p>连续三天的强降雨使河谷地区普遍受灾。</p>"
        "<p>学校继续停课，公共汽车也晚点运行。</p></article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.lang == "zh"
    assert (
        doc.text == "河水上涨\n\n连续三天的强降雨使河谷地区普遍受灾。\n\n学校继续停课，公共汽车也晚点运行。"
    )


def test_text_that_merely_mentions_tags_is_not_html(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("<b> is the bold tag.\n\nUse <p> for paragraphs.\n", encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == [
        "<b> is the bold tag.",
        "Use <p> for paragraphs.",
    ]


def test_xhtml_with_xml_declaration_and_divs_of_text(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<div>Heavy rain fell across the valley.<br/>Rescuers worked through the night.</div>"
        "<div>Schools stayed closed. <b>Buses</b> ran late.</div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == [
        "Heavy rain fell across the valley.\nRescuers worked through the night.",
        "Schools stayed closed. Buses ran late.",
    ]


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 'text';</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert (
        str(info.value)
        == f"{path}: no text found in the HTML page (nothing outside menus, scripts and styles)"
    )


def test_presegmented_html_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--presegmented needs a plain-text file"):
        read_document(FIXTURES / "newspaper.html", presegmented=True)


def test_article_inside_main_is_preferred_to_main_with_teasers(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><main><section class='latest'><h2>Latest</h2>"
        "<p>Markets closed higher on Friday.</p></section>"
        "<article><h1>Rivers rise after record rain</h1>"
        "<p>Heavy rain fell across the valley for a third day on Tuesday, and the river reached its highest "
        "level since 1998, officials said on Wednesday morning.</p>"
        "<p>Residents of low-lying streets were told to move to higher ground as crews worked all night.</p>"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [p.text[:20] for p in doc.paragraphs] == [
        "Rivers rise after re",
        "Heavy rain fell acro",
        "Residents of low-lyi",
    ]


def test_gb2312_label_is_read_as_gbk(tmp_path: Path) -> None:
    # 镕 is in GBK but not in GB2312: browsers read pages labelled gb2312 as GBK, and so do we.
    text = "朱镕基总理在会上发表讲话。会议讨论了经济发展问题。"
    path = tmp_path / "zh.html"
    path.write_bytes(
        b'<html><head><meta charset="gb2312"></head><body><p>' + text.encode("gbk") + b"</p></body></html>"
    )
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding == "gb18030"


def test_wrapper_named_like_furniture_keeps_the_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><div class='layout with-sidebar'><div class='story-body'>"
        "<h1>Rivers rise</h1><p>Heavy rain fell across the valley for a third day on Tuesday.</p>"
        "<p>Residents of low-lying streets were told to move to higher ground.</p>"
        "<div class='share'>Share this story</div></div>"
        "<div class='sidebar'><p>Most read today.</p></div></div></body></html>",
        encoding="utf-8",
    )
    assert [p.text for p in read_document(path).paragraphs] == [
        "Rivers rise",
        "Heavy rain fell across the valley for a third day on Tuesday.",
        "Residents of low-lying streets were told to move to higher ground.",
    ]
