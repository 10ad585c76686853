"""Plain-text paragraphs: blank lines, one paragraph a line, hard-wrapped text, headings, presegmented."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.errors import InputError
from alignmem.read import read_document
from alignmem.read.paragraphs import presegmented_paragraphs, split_paragraphs


def texts(text: str) -> list[str]:
    return [p.text for p in split_paragraphs(text)]


def headings(text: str) -> list[str]:
    return [p.text for p in split_paragraphs(text) if p.heading]


def test_blank_lines_separate_paragraphs() -> None:
    text = "First paragraph. Two sentences.\n\n  \nSecond paragraph.\n\n\nThird one.\n"
    assert texts(text) == ["First paragraph. Two sentences.", "Second paragraph.", "Third one."]


def test_one_paragraph_a_line_without_blank_lines() -> None:
    text = (
        "Эта организация основана на принципе суверенного равенства всех ее членов, и никакая реформа не может "
        "повлечь за собой пересмотр принципов Устава.\n"
        "Комиссия постановила, что она организует на своей пятьдесят восьмой сессии пять интерактивных "
        "обсуждений.\n"
        "Мы подчеркиваем настоятельную необходимость создания специальных ведомств.\n"
    )
    assert texts(text) == text.splitlines()


def test_heading_directly_above_its_text_is_its_own_paragraph() -> None:
    text = (
        "      Article 1\n"
        "      All human beings are born free and equal in dignity and rights. They are endowed with reason "
        "and conscience and should act towards one another in a spirit of brotherhood.\n"
        "   \n"
        "      Article 2\n"
        "      Everyone is entitled to all the rights and freedoms set forth in this Declaration, without "
        "distinction of any kind.\n"
        "      Furthermore, no distinction shall be made on the basis of the political status of the country.\n"
    )
    assert texts(text) == [line.strip() for line in text.splitlines() if line.strip()]
    assert headings(text) == ["Article 1", "Article 2"]


def test_hard_wrapped_prose_is_joined_into_paragraphs() -> None:
    text = (
        "Heavy rain fell across the valley for a third day. On Tuesday the river\n"
        "reached its highest level since 1998, officials said. Residents of\n"
        "low-lying streets were asked to stay with relatives.\n"
        "    Schools stayed closed and buses ran late. Rescuers worked through the\n"
        "night, shoring up the dam with sandbags.\n"
    )
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 2
    assert paragraphs[0].text.startswith("Heavy rain") and paragraphs[0].text.endswith("relatives.")
    assert paragraphs[1].text.startswith("Schools") and paragraphs[1].text.endswith("sandbags.")
    assert paragraphs[0].text.count("\n") == 2  # the text is a slice, not rewritten


def test_wrapped_chinese_lines_are_joined() -> None:
    line = "连续三天的强降雨使河谷地区普遍受灾地方官员说星期二河水水位达到了"
    text = f"{line}\n{line}\n最高点。\n\n学校继续停课。\n"
    assert texts(text) == [f"{line}\n{line}\n最高点。", "学校继续停课。"]


def test_list_items_are_not_joined() -> None:
    text = (
        "Residents should follow three rules during the flood warning period:\n"
        "- keep away from the river banks and bridges;\n"
        "- check the council website for road closures;\n"
        "- keep a torch and a radio at hand.\n"
    )
    assert len(texts(text)) == 4


def test_title_and_section_headings_are_marked_conservatively() -> None:
    text = (
        "Rivers rise after record rain\n\n"
        "Heavy rain fell across the valley for a third day. The river reached its highest level since 1998.\n\n"
        "What happens next\n\n"
        "Forecasters expect the rain to ease by Thursday.\n\n"
        "Officials said.\n\n"  # short, but a sentence
        "Now, therefore,\n\n"  # short, but ends with a comma
        "The General Assembly proclaims this declaration as a common standard of achievement.\n\n"
        "Thank you"  # last paragraph: nothing follows it
    )
    assert headings(text) == ["Rivers rise after record rain", "What happens next"]


def test_chinese_headings() -> None:
    text = "世界人权宣言\n序言\n鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认，乃是世界自由、正义与和平的基础。\n第一条\n人人生而自由，在尊严和权利上一律平等。\n"
    assert headings(text) == ["世界人权宣言", "序言", "第一条"]


def test_full_width_indent_is_outside_the_paragraph() -> None:
    text = "\u3000\u3000学校继续停课，公共汽车也晚点运行。\n\u3000\u3000救援人员连夜工作。\n"
    paragraphs = split_paragraphs(text)
    assert [p.text for p in paragraphs] == ["学校继续停课，公共汽车也晚点运行。", "救援人员连夜工作。"]
    assert paragraphs[0].start == 2


line_text = st.lists(
    st.sampled_from(list("ab cdЖзя中文.,!?\u00a0\u3000\t-") + ["\n", "\n\n", "  \n", "long words " * 5]),
    max_size=120,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(line_text)
def test_paragraphs_are_ordered_exact_stripped_slices_covering_all_text(text: str) -> None:
    paragraphs = split_paragraphs(text)
    previous_end = 0
    for index, p in enumerate(paragraphs):
        assert p.index == index
        assert previous_end <= p.start < p.end <= len(text)
        assert p.text == text[p.start : p.end]
        assert p.text == p.text.strip()
        assert text[previous_end : p.start].strip() == ""
        previous_end = p.end
    assert text[previous_end:].strip() == ""


def test_presegmented_lines_are_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(
        "河水上涨。\n  连续三天的强降雨使河谷地区普遍受灾。\n地方官员说，水位达到了最高点。\n\n",
        encoding="utf-8",
    )
    doc = read_document(path, presegmented=True)
    assert doc.presegmented
    assert [p.text for p in doc.paragraphs] == [
        "河水上涨。",
        "连续三天的强降雨使河谷地区普遍受灾。",
        "地方官员说，水位达到了最高点。",
    ]
    assert not any(p.heading for p in doc.paragraphs)
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]


@pytest.mark.parametrize(
    ("text", "line"), [("One.\n\nTwo.\n", 2), ("\nOne.\nTwo.\n", 1), ("One.\n \t\nTwo.", 2)]
)
def test_presegmented_empty_line_is_an_error(text: str, line: int) -> None:
    with pytest.raises(InputError) as info:
        presegmented_paragraphs(text, "x.txt")
    assert str(info.value) == (
        f"x.txt: line {line} is empty; a presegmented file holds one sentence per line with no empty lines"
    )
