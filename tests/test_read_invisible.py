"""Invisible characters are neutralised when a document is read (issue 12): zero-width spaces and joiners,
a BOM inside the text, soft hyphens, bidi overrides that could make the report show other text; U+2028 and
U+2029 are line and paragraph breaks; offsets stay offsets into Document.text. ``segment -`` reads stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from alignmem.cli import main
from alignmem.read import read_document
from alignmem.text.invisible import clean


@pytest.mark.parametrize(("raw", "cleaned"), [
    ("co\u200boperation", "cooperation"),
    ("сотруд\u00adничество", "сотрудничество"),
    ("The \ufeffTreaty", "The Treaty"),
    ("Paid \u202e0001\u202c dollars", "Paid 0001 dollars"),
    ("an \u2066isolate\u2069 here", "an isolate here"),
    ("Zero\u200dwidth join\u200cer", "Zerowidth joiner"),
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian
    ("family \U0001F468\u200d\U0001F469", "family \U0001F468\u200d\U0001F469"),  # an emoji sequence
    ("one\u2028two\u2029three", "one\ntwo\n\nthree"),
])
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_document_text_and_offsets_after_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("The Treaty\u200b was signed\u202e in 2001.\u2029It remains in\u00ad force today.",
                    encoding="utf-8")
    doc = read_document(path, lang="en")
    assert doc.text == "The Treaty was signed in 2001.\n\nIt remains in force today."
    assert [p.text for p in doc.paragraphs] == ["The Treaty was signed in 2001.", "It remains in force today."]
    for p in doc.paragraphs:
        assert doc.text[p.start:p.end] == p.text


def test_segment_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Двадцать лет назад Россия и Китай подписали Договор. Он действует и сегодня.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("cp1251")), encoding="cp1251"))
    assert main(["segment", "-", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and '"text": "Он действует и сегодня."' in lines[1]


def test_empty_standard_input_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["segment", "-"]) == 2
    assert capsys.readouterr().err == "alignmem: <stdin>: file is empty\n"
