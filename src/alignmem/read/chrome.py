"""Newspaper chrome: the lines a saved article page holds around the article itself, in Chinese, Russian and
English, and the publication date among them.

A block of the page is chrome when it is
- navigation only: "上一篇 下一篇", "返回目录 | 放大 缩小", "← Предыдущая статья", "Комментарии (3)",
  "Page 2 of 5", "第03版 共24版 上一页 1 2 3 下一页";
- a labelled line: "Читайте также: ...", "相关新闻：", "Теги: ...", "Текст: ...", "（责编：...）", "Source: ...";
- a byline ("本报记者 张明"), an edition line ("《 人民日报 》（ 2021年07月16日 第 03 版）", "Федеральный
  выпуск № 156"), a copyright line;
- a related link: a short block that is all link text.
The date found in the page's date element or edition line is kept, as the paragraph after the title.
"""

from __future__ import annotations

import re

MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
DATE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
    rf"|\b\d{{1,2}}\s+(?:{MONTHS_RU})\s+\d{{4}}(?:\s*(?:г\.|года))?"
    rf"|\b\d{{1,2}}\s+(?:{MONTHS_EN})\s+\d{{4}}\b"
    rf"|\b(?:{MONTHS_EN})\s+\d{{1,2}},\s*\d{{4}}\b",
    re.IGNORECASE,
)
# class/id words of the element that states the publication date
DATE_CLASSES = frozenset({"date", "time", "pubdate", "pubtime", "published", "publish", "dateline", "byline",
                          "timestamp", "datetime"})
MAX_CHROME = 200  # characters: longer blocks are text, whatever they start with

# Words that make a block navigation when nothing but them, numbers and separators remain.
_NAV_STRONG = (
    r"上一篇|下一篇|上一版|下一版|上一页|下一页|首页|尾页|返回目录|返回顶部|返回首页|返回上页|放大|缩小|默认|全文复制|"
    r"打印本页|打印|关闭窗口|分享到|分享|收藏|评论|字号|"
    r"предыдущая|следующая|назад|вперёд|вперед|наверх|на главную|вернуться|к содержанию|распечатать|"
    r"версия для печати|поделиться|комментарии|комментировать|подписаться|"
    r"previous|next|back to top|print|share|comments|subscribe"
)
_NAV_WEAK = r"статья|статьи|страница|стр\.|из|page|of|article|story|top|back|home|版面|本版|默认|大|中|小"
_NAV = re.compile(rf"(?:{_NAV_STRONG}|{_NAV_WEAK})", re.IGNORECASE)
_NAV_STRONG_RE = re.compile(_NAV_STRONG, re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s|·•/\\>\-–—←→«»‹›<>()（）\[\]【】:：,，、.。…\d]+")
_LABEL = re.compile(
    r"^[（(\[【]?\s*(?:Читайте также|Читайте нас|Смотрите также|См\. также|Теги|Тэги|Рубрика|Текст|Фото|"
    r"Автор|Авторы|Источник|Подробнее|Related|Read more|Read also|See also|Tags|Topics|Source|Photo|Author|"
    r"Written by|相关新闻|相关阅读|相关链接|延伸阅读|推荐阅读|责编|责任编辑|编辑|来源|作者|图片来源|摄影)\s*[:：]",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:本报记者|本报通讯员|记者|通讯员|特约记者)\s*\S{1,8}(?:\s\S{1,8}){0,3}$")
_EDITION = re.compile(r"第\s*\d{1,3}\s*版|共\s*\d{1,3}\s*版|выпуск\s*№|\bissue\s+no\.", re.IGNORECASE)
_PAGE_OF = re.compile(r"^(?:страница|стр\.|page)\s*\d+\s*(?:из|of|/)\s*\d+$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"版权所有|©|\bcopyright\b|все права защищены|all rights reserved", re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The first date written in ``text`` (as written: "2021年07月16日", "15.07.2021", "16 июля 2021 г.")."""
    match = DATE.search(text)
    return " ".join(match.group().split()) if match else None


def is_date_line(text: str) -> bool:
    """A short line that states a date and little else ("15.07.2021 19:00", "2021年07月16日 星期五")."""
    date = DATE.search(text)
    if date is None or len(text) > 80:
        return False
    rest = (text[: date.start()] + text[date.end():]).strip()
    return len(rest) <= 30 and not rest.endswith((".", "。", "!", "?"))


def is_edition_line(text: str) -> bool:
    return len(text) <= MAX_CHROME and bool(_EDITION.search(text))


def is_navigation(text: str) -> bool:
    if len(text) > MAX_CHROME:
        return False
    if _PAGE_OF.match(text.strip()):
        return True
    if not _NAV_STRONG_RE.search(text):
        return False
    return not _SEPARATORS.sub("", _NAV.sub("", text))


def is_chrome(text: str, link_share: float = 0.0, heading: bool = False) -> bool:
    """Whether a block of a page is chrome rather than article text (see the module's docstring)."""
    text = text.strip()
    if not text or len(text) > MAX_CHROME:
        return False
    if is_navigation(text) or _LABEL.match(text) or is_edition_line(text) or _COPYRIGHT.search(text):
        return True
    if _BYLINE.match(text):
        return True
    return not heading and link_share >= 0.9 and len(text) <= 120
