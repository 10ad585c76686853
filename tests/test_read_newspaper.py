"""Saved newspaper pages: the article only (navigation, bylines, page numbers, related links dropped), with
the title and the publication date as the first paragraphs; pages nested deeper than libxml2 allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.read import read_document
from alignmem.read.chrome import is_chrome

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def test_people_daily_page() -> None:
    doc = read_document(FIXTURES / "people_daily.html")
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("世代友好的坚实基础", True),
        ("2021年07月16日", False),
        ("二十年前，中俄两国元首在莫斯科签署了《中俄睦邻友好合作条约》。这一历史性文件为两国关系奠定了坚实的法律基础。", False),
        (("条约确认了双方在维护国家主权和领土完整方面相互支持，规定两国没有领土要求，决心把共同边界建设成为永久和平、世代友好的"
         "边界。"), False),
        ("今天，中俄关系处于历史最高水平。两国将继续在上海合作组织、金砖国家等多边框架内密切协作。", False),
    ]


def test_rossiyskaya_gazeta_page() -> None:
    doc = read_document(FIXTURES / "rossiyskaya_gazeta.html")
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("Двадцать лет Договору о добрососедстве", True),
        ("15.07.2021", False),
        (("Двадцать лет назад, 16 июля 2001 года, в Москве был подписан Договор о добрососедстве, дружбе и "
         "сотрудничестве между Россией и Китаем."), False),
        (("Договор юридически закрепил отношения равноправного доверительного партнёрства и стратегического "
         "взаимодействия."), False),
        ("Сегодня российско-китайские отношения находятся на самом высоком уровне за всю их историю.", False),
    ]


@pytest.mark.parametrize("line", [
    "上一篇　　下一篇", "返回目录 | 放大 缩小 默认", "第03版　共24版　上一页　1　2　3　下一页", "（责编：王晓、李华）",
    "本报记者 张 明", "相关新闻：", "← Предыдущая статья Следующая статья →", "Читайте также: Путин и Си Цзиньпин",
    "Страница 1 из 1", "Теги: Внешняя политика, Китай", "Российская газета - Федеральный выпуск № 156(8502)",
    "Комментарии (3)", "Page 2 of 5", "Related: China and Russia sign deals", "© 2021 The Daily Courier",
])
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "Статья 7 Договора посвящена военному сотрудничеству.", "记者从外交部获悉，两国将继续密切协作。",
    "Next year the two countries will celebrate the anniversary.", "Текст договора был опубликован в 2001 году.",
    "Двадцать лет назад, 16 июля 2001 года, в Москве был подписан Договор.",
])
def test_article_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_html_nested_deeper_than_libxml2_allows_keeps_its_text(tmp_path: Path) -> None:
    """Issue 12: text nested deeper than 256 elements was lost."""
    page = ("<html><body>" + "<div>" * 300 + "<p>Text nested three hundred levels deep is still read.</p>"
            + "</div>" * 300 + "<p>And the paragraph after it, at the top level of the page.</p></body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    assert [p.text for p in read_document(path, lang="en").paragraphs] == [
        "Text nested three hundred levels deep is still read.",
        "And the paragraph after it, at the top level of the page.",
    ]
