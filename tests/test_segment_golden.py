"""Golden sentence-segmentation cases, one file per language under tests/fixtures/segment/.

A case reads like razdel's: ``'Г. Иванов.| |На грани'``: the text is the case without bars, and the
expected segments are the pieces between bars that are not whitespace; "⏎" stands for a line break.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.segment import split_paragraph

FIXTURES = Path(__file__).parent / "fixtures" / "segment"


def load(lang: str) -> list[tuple[int, str]]:
    cases = []
    for number, line in enumerate((FIXTURES / f"golden_{lang}.txt").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cases.append((number, line.replace("⏎", "\n")))
    return cases


def parse(case: str) -> tuple[str, list[str]]:
    pieces = case.split("|")
    return "".join(pieces), [p for p in pieces if p.strip()]


def segments(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraph(text, lang)]


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_enough_golden_cases(lang: str) -> None:
    assert len(load(lang)) >= 60


@pytest.mark.parametrize(
    ("lang", "case"),
    [pytest.param(lang, case, id=f"{lang}:{number}") for lang in ("en", "ru", "zh") for number, case in load(lang)],
)
def test_golden(lang: str, case: str) -> None:
    text, expected = parse(case)
    assert segments(text, lang) == expected
