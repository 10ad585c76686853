"""Regression cases, each named after the bug it guards against, plus the table registry."""

from __future__ import annotations

import dataclasses

import pytest

from alignmem.segment import split_paragraph
from alignmem.segment.registry import table
from alignmem.segment.splitter import split_spans
from alignmem.segment.tables import LanguageTable


def segments(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraph(text, lang)]


def test_page_number_in_brackets_is_not_a_list_marker() -> None:
    # "31)" once matched the list-item pattern and split "(p.| 31)"
    assert segments("It is increasing (p. 31). Moreover, it is rising.", "en") == [
        "It is increasing (p. 31).", "Moreover, it is rising.",
    ]


def test_lowercase_clause_after_full_word_starts_a_sentence() -> None:
    # UN Russian: a preambular clause in lower case after a finished sentence
    assert segments("Мандат продлен до 2016 года. принимая к сведению доклад,", "ru") == [
        "Мандат продлен до 2016 года.", "принимая к сведению доклад,",
    ]


def test_footnote_letter_after_chinese_full_stop() -> None:
    assert segments("费用已经抵消。a 包括联合国后勤基地。", "zh") == ["费用已经抵消。", "a 包括联合国后勤基地。"]


def test_abbreviation_before_a_numbered_paragraph() -> None:
    assert segments("Обсуждались права человека и т.п. 11. Группа выступила.", "ru") == [
        "Обсуждались права человека и т.п.", "11. Группа выступила.",
    ]


def test_roman_numeral_after_a_label_is_not_an_initial() -> None:
    assert segments("The list is in annex I. Action 5: review.", "en") == ["The list is in annex I.", "Action 5: review."]


def test_capital_initial_is_not_looked_up_as_a_lowercase_abbreviation() -> None:
    # "С." once read as "с." (село) and joined "приложении С.| Комитет"
    assert segments("Он указан в приложении С. Комитет согласился.", "ru") == [
        "Он указан в приложении С.", "Комитет согласился.",
    ]


def test_long_unspaced_paragraph_is_segmented_whole() -> None:
    # the right-hand token once ran to the end of a paragraph without spaces (quadratic time)
    text = "委员会欢迎该报告\"和平\"。" * 2000
    spans = split_paragraph(text, "zh")
    assert len(spans) == 2000 and spans[-1][1] == len(text)


def test_registry_resolves_aliases_to_one_table() -> None:
    assert table("zh-CN") is table("zh")
    assert table("ENG") is table("en")


def test_semicolon_switch_makes_semicolon_a_boundary() -> None:
    text = "建立专门机构；收集统计数据。"
    assert split_spans(text, table("zh")) == [(0, len(text))]
    switched = dataclasses.replace(table("zh"), semicolon_ends=True)
    assert split_spans(text, switched) == [(0, 7), (7, len(text))]


def test_table_rejects_an_unknown_abbreviation_kind() -> None:
    with pytest.raises(ValueError, match="unknown abbreviation kinds"):
        LanguageTable("xx", ".", "", "", {"mr": "titel"})
