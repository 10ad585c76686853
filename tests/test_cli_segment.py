"""``alignmem segment``: output formats, and every kind of bad input as one exact line on stderr."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alignmem import read
from alignmem.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "read"
RU = (FIXTURES / "ru_article.txt").read_text(encoding="utf-8")
ZH = (FIXTURES / "zh_article.txt").read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["segment", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The single stderr line of a run that must fail with exit code 2 and print nothing on stdout."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.endswith("\n") and err.count("\n") == 1
    return err.rstrip("\n")


def test_text_output_one_sentence_a_line_blank_line_between_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RU.encode("cp1251"))
    code, out, err = run(capsys, str(path))
    assert code == 0 and err == ""
    blocks = out.split("\n\n")
    assert blocks[0] == "Паводок на реке"
    assert blocks[1].splitlines()[0] == "Сильные дожди шли над долиной третий день подряд."
    assert len(blocks) == 4
    assert all(len(block.splitlines()) >= 2 for block in blocks[1:])  # paragraphs of several sentences
    # Sentences are the text of the paragraphs, nothing lost (only line breaks between them).
    assert "".join(out.split()) == "".join(RU.split())


def test_jsonl_output_keys_offsets_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(ZH.replace("\n", "\r\n"), encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--format", "jsonl", "--lang", "zh")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert all(list(r) == ["para", "index", "start", "end", "text"] for r in records)
    assert [r["index"] for r in records] == list(range(len(records)))
    assert records[0] == {"para": 0, "index": 0, "start": 0, "end": 4, "text": "河水上涨"}
    assert {r["para"] for r in records} == {0, 1, 2, 3}
    for r in records:
        assert ZH[r["start"] : r["end"]] == r["text"]  # offsets into the text with newlines normalised
    assert "河水上涨" in out  # ensure_ascii=False


def test_output_file_is_written_and_matches_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(RU, encoding="utf-8")
    _, expected, _ = run(capsys, str(path), "--format", "jsonl")
    out_path = tmp_path / "out" / "ru.jsonl"
    code, out, err = run(capsys, str(path), "--format", "jsonl", "-o", str(out_path))
    assert (code, out) == (0, "")
    assert out_path.read_text(encoding="utf-8") == expected
    assert err.startswith(f"{out_path}: ")
    assert run(capsys, str(path), "-q", "-o", str(out_path))[2] == ""
    assert [p.name for p in out_path.parent.iterdir()] == ["ru.jsonl"]  # no temp file left


def test_presegmented_keeps_one_sentence_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Mr. Smith arrived. He sat down.\nIt rained.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--presegmented")
    assert code == 0
    assert out == "Mr. Smith arrived. He sat down.\n\nIt rained.\n"


# Bad input: one line, naming the file and the problem.


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.txt"
    assert fails(capsys, str(path)) == f"alignmem: {path}: no such file"


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        fails(capsys, str(tmp_path))
        == f"alignmem: {tmp_path}: is a directory, not a file; give a text or HTML file"
    )


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert fails(capsys, str(path)) == f"alignmem: {path}: file is empty"


@pytest.mark.parametrize("content", [b" \n\t\r\n  \n", "\u3000\u00a0\n".encode(), b"\xef\xbb\xbf\n"])
def test_whitespace_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert fails(capsys, str(path)) == f"alignmem: {path}: file holds only whitespace, no text"


def test_binary_file_with_nul_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00")
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: binary file (NUL byte at offset 6), not text; give a plain-text or HTML file"
    )


def test_binary_file_with_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(1, 32)) * 20 + b"some text")
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: binary file (control characters), not text; give a plain-text or HTML file"
    )


def test_damaged_pdf_file_named_txt_is_read_as_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: damaged PDF (No /Root object! - Is this really a PDF?)"
    )


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.txt"
    # Bytes that are no UTF-8 and read as nonsense in every legacy candidate.
    path.write_bytes(bytes(range(0x80, 0x100)) * 8 + b"\n")
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: cannot tell the encoding: not UTF-8 (byte 0x80 at offset 0) and not plausible as "
        "cp1251, koi8-r, gb18030, big5, cp1252; give the encoding with --encoding"
    )


def test_damaged_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ru.txt"
    data = RU.encode("utf-8")
    path.write_bytes(data[:100] + b"\xff" + data[100:])
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: mostly UTF-8 but byte 0xff at offset 100 is invalid (damaged file?); "
        "fix it or give the encoding with --encoding"
    )


def test_wrong_explicit_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(ZH.encode("gb18030"))
    assert fails(capsys, str(path), "--encoding", "utf-8") == (
        f"alignmem: {path}: not valid utf-8: byte 0xba at offset 0 does not decode; check --encoding"
    )


def test_unknown_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(ZH, encoding="utf-8")
    assert fails(capsys, str(path), "--encoding", "klingon") == (
        f"alignmem: {path}: unknown encoding 'klingon' given with --encoding (use a name such as utf-8, "
        "cp1251, koi8-r, gb18030 or big5)"
    )


def test_text_in_another_language_than_declared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(RU, encoding="utf-8")
    assert fails(capsys, str(path), "--lang", "zh") == (
        f"alignmem: {path}: declared Chinese (zh) but the text is Russian (Cyrillic script); check --lang/--langs"
    )


def test_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(RU, encoding="utf-8")
    assert fails(capsys, str(path), "--lang", "de") == "alignmem: unknown language 'de' (known: en, ru, zh)"


def test_presegmented_file_with_an_empty_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "en.txt"
    path.write_text("One sentence.\nAnother one.\n\nA third.\n", encoding="utf-8")
    assert fails(capsys, str(path), "--presegmented") == (
        f"alignmem: {path}: line 3 is empty; a presegmented file holds one sentence per line with no empty lines"
    )


def test_file_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written, nothing may be read
    assert fails(capsys, str(path)) == (
        f"alignmem: {path}: file is 200.0 MB, over the 64 MB limit; split it into smaller documents"
    )
    assert read.MAX_FILE_BYTES == 64 * 1024 * 1024


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(RU, encoding="utf-8")
    path.chmod(0)
    assert fails(capsys, str(path)) == f"alignmem: {path}: cannot read: permission denied"


def test_failed_run_leaves_no_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "out.txt"
    fails(capsys, str(tmp_path / "missing.txt"), "-o", str(out_path))
    assert not out_path.exists()


def test_text_without_letters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text("12 345\n\n67.89 — 10 %\n", encoding="utf-8")
    assert fails(capsys, str(path)) == f"alignmem: {path}: cannot tell the language: the text has no letters"


def test_html_page_is_segmented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(FIXTURES / "newspaper.html"))
    assert code == 0
    assert out.startswith("Rivers rise after record rain\n\n3 May 2024\n\n"  # title and date first
                          "Heavy rain fell across the valley for a third day")
    assert "Emergency crews worked through the night.\n" in out
    assert "Copyright" not in out and "tracking" not in out
