"""Decoding: BOMs, UTF-16, legacy Russian and Chinese encodings, --encoding, newline normalisation."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmem.errors import EncodingError
from alignmem.read import decode, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "read"
RU = (FIXTURES / "ru_article.txt").read_text(encoding="utf-8")
ZH = (FIXTURES / "zh_article.txt").read_text(encoding="utf-8")
ZH_TRADITIONAL = (FIXTURES / "zh_traditional.txt").read_text(encoding="utf-8")
EN = (FIXTURES / "en_article.txt").read_text(encoding="utf-8")
# KOI8-R has no guillemets and no em dash.
RU_KOI8 = RU.replace("«", '"').replace("»", '"').replace("—", "-")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (RU, "cp1251", "cp1251"),
        (RU_KOI8, "koi8-r", "koi8-r"),
        (ZH, "gb18030", "gb18030"),
        (ZH, "gbk", "gb18030"),  # GB18030 is a superset of GBK
        (ZH_TRADITIONAL, "big5", "big5"),
        (EN, "cp1252", "cp1252"),
    ],
)
def test_legacy_encodings_are_detected(text: str, encoding: str, expected: str) -> None:
    decoded, used = decode(text.encode(encoding), "x.txt")
    assert decoded == text
    assert codecs.lookup(used).name == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU.splitlines()[0], "cp1251"),  # a two-word title: little to go on
        (RU_KOI8.splitlines()[0], "koi8-r"),
        (ZH.splitlines()[0], "gbk"),
        (ZH_TRADITIONAL.splitlines()[0], "big5"),
        (RU.splitlines()[2], "cp1251"),
        (RU_KOI8.splitlines()[2], "koi8-r"),
    ],
)
def test_short_legacy_texts_are_detected(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x.txt")[0] == text


def test_cp1251_and_koi8_r_are_told_apart_by_letter_case(tmp_path: Path) -> None:
    # The same bytes read in the other encoding give swapped cases: the reader must not pick that one.
    data = RU_KOI8.encode("cp1251")
    assert data.decode("koi8-r") != RU_KOI8
    doc = read_document(write(tmp_path, "ru.txt", data))
    assert doc.text == RU_KOI8
    assert doc.encoding == "cp1251"
    assert doc.lang == "ru"


@pytest.mark.parametrize(
    ("bom_encoding", "text"),
    [("utf-8-sig", RU), ("utf-16-le", ZH), ("utf-16-be", EN), ("utf-16-le", RU)],
)
def test_byte_order_marks_are_honoured_and_removed(tmp_path: Path, bom_encoding: str, text: str) -> None:
    bom = {"utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[bom_encoding]
    doc = read_document(write(tmp_path, "doc.txt", bom + text.encode(bom_encoding)))
    assert doc.text == text
    assert not doc.text.startswith("\ufeff")
    assert doc.paragraphs[0].text == text.splitlines()[0]


def test_utf16_without_bom_is_not_taken_for_binary(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "doc.txt", RU.encode("utf-16-le")))
    assert doc.text == RU
    assert doc.encoding == "utf-16-le"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    # 一 (U+4E00) puts a NUL byte on the side where ASCII has none: still UTF-16, not a binary file
    assert "一" in ZH
    doc = read_document(write(tmp_path, "zh.txt", ZH.encode(encoding)))
    assert (doc.text, doc.encoding) == (ZH, encoding)
    # one line of Chinese with no ASCII character at all has no NUL byte
    line = "中俄睦邻友好合作条约签署二十周年这是一个重要的历史时刻两国关系进入新时代。"
    assert decode(line.encode(encoding), "zh.txt") == (line, encoding)


def test_legacy_chinese_is_not_taken_for_utf16() -> None:
    for text, encoding in ((ZH, "gb18030"), (ZH_TRADITIONAL, "big5")):
        for line in [line for line in text.splitlines() if line.strip()][:20]:
            data = line.encode(encoding)
            if len(data) % 2 == 0:
                assert decode(data, "zh.txt")[1] == encoding, line


def test_explicit_encoding_is_used_as_given(tmp_path: Path) -> None:
    data = RU_KOI8.encode("koi8-r")
    path = write(tmp_path, "ru.txt", data)
    assert read_document(path, encoding="koi8-r").text == RU_KOI8


def test_wrong_explicit_encoding_that_still_decodes_is_an_error(tmp_path: Path) -> None:
    """Issue 12: a wrong --encoding gave garbled text in silence."""
    path = write(tmp_path, "ru.txt", RU_KOI8.encode("koi8-r"))
    with pytest.raises(EncodingError) as info:
        read_document(path, lang="ru", encoding="cp1251")
    garbled = " ".join(RU_KOI8.encode("koi8-r").decode("cp1251").split())[:30]
    right = " ".join(RU_KOI8.split())[:30]
    assert str(info.value) == (f"{path}: --encoding cp1251 gives garbled text ({garbled!r}); the file reads "
                               f"as koi8-r ({right!r}); check --encoding")
    # ASCII reads alike in every encoding: nothing to complain about
    ascii_text = "Rivers rise after record rain.\n\nHeavy rain fell across the valley for a third day.\n"
    assert read_document(write(tmp_path, "en.txt", ascii_text.encode()), encoding="koi8-r").text == ascii_text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("text", ["ВНИМАНИЕ! СРОЧНОЕ СООБЩЕНИЕ", "ДОГОВОР О ДОБРОСОСЕДСТВЕ", "ПРИВЕТ МИР",
                                  "СТАТЬЯ 1. ОБЩИЕ ПОЛОЖЕНИЯ"])
def test_short_capitals_are_not_read_in_the_other_russian_encoding(text: str, encoding: str) -> None:
    """Issue 12: capitals in cp1251 read as plausible lower case in KOI8-R (and back): mojibake, exit 0."""
    assert decode(text.encode(encoding), "ru.txt") == (text, encoding)


def test_utf8_bom_with_explicit_utf8_is_removed(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "en.txt", codecs.BOM_UTF8 + EN.encode()), encoding="utf-8")
    assert doc.text == EN


def test_unknown_encoding_name_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "en.txt", EN.encode())
    with pytest.raises(EncodingError) as info:
        read_document(path, encoding="latin-42")
    assert str(info.value) == (
        f"{path}: unknown encoding 'latin-42' given with --encoding (use a name such as utf-8, cp1251, "
        "koi8-r, gb18030 or big5)"
    )


def test_newlines_are_normalised_and_nothing_else_is_rewritten(tmp_path: Path) -> None:
    text = "Заголовок\r\n\r\nПервый\u00a0абзац.\u3000Ещё\tтекст.\r\rВторой абзац.\rТретий абзац.\n"
    doc = read_document(write(tmp_path, "ru.txt", text.encode("utf-8")))
    assert doc.text == "Заголовок\n\nПервый\u00a0абзац.\u3000Ещё\tтекст.\n\nВторой абзац.\nТретий абзац.\n"
    assert [p.text for p in doc.paragraphs] == [
        "Заголовок",
        "Первый\u00a0абзац.\u3000Ещё\tтекст.",
        "Второй абзац.",
        "Третий абзац.",
    ]
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text


def test_legacy_document_offsets_refer_to_decoded_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "zh.txt", ZH.replace("\n", "\r\n").encode("gb18030")), lang="zh")
    assert doc.text == ZH
    assert [p.text for p in doc.paragraphs] == [line for line in ZH.splitlines() if line]
    assert doc.paragraphs[0].heading
    assert not any(p.heading for p in doc.paragraphs[1:])


def _words(text: str) -> list[str]:
    return sorted({w.strip(".,:;!?«»—\"()") for w in text.split()} - {""})


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_words(RU_KOI8)), min_size=5, max_size=40),
    st.sampled_from(["cp1251", "koi8-r"]),
)
def test_any_russian_word_sequence_round_trips(words: list[str], encoding: str) -> None:
    text = " ".join(words) + "."
    assert decode(text.encode(encoding), "x.txt")[0] == text


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["simplified", "traditional"]),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=12, max_value=80),
)
def test_any_chinese_passage_round_trips(variant: str, start: int, length: int) -> None:
    source, encoding = (ZH, "gbk") if variant == "simplified" else (ZH_TRADITIONAL, "big5")
    body = source.replace("\n", "")
    text = body[start : start + length]
    assert decode(text.encode(encoding), "x.txt")[0] == text
