"""Language detection from scripts, declared-language checks, reading several versions at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmem.errors import LanguageError
from alignmem.read import detect_language, read_document, read_documents

FIXTURES = Path(__file__).parent / "fixtures" / "read"
RU = (FIXTURES / "ru_article.txt").read_text(encoding="utf-8")
ZH = (FIXTURES / "zh_article.txt").read_text(encoding="utf-8")
EN = (FIXTURES / "en_article.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (EN, "en"),
        (RU, "ru"),
        (ZH, "zh"),
        ("世界卫生组织（WHO）和联合国儿童基金会（UNICEF）在COVID-19疫情期间向UNDP提交了报告。", "zh"),
        ("The talks in 北京 (Beijing) and 上海 ended on Friday with a joint statement on trade.", "en"),
        ("Компания Microsoft выпустила обновление Windows 11 для пользователей в России.", "ru"),
        ("Президент сказал: «Мы продолжим работу». The President said: 'We will continue.'", "ru"),
        ("12345 67.89 — !!!", None),
        ("", None),
        ("مرحبا بالعالم، هذا نص عربي قصير.", None),
        ("これは日本語のテキストです。ひらがなとカタカナが多い。", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_declared_language_contradicted_by_the_script(tmp_path: Path) -> None:
    path = tmp_path / "corpora" / "ru" / "x.txt"
    path.parent.mkdir(parents=True)
    path.write_text(RU, encoding="utf-8")
    with pytest.raises(LanguageError) as info:
        read_document(path, lang="zh")
    assert str(info.value) == (
        f"{path}: declared Chinese (zh) but the text is Russian (Cyrillic script); check --lang/--langs"
    )


def test_declared_language_is_kept_when_its_script_is_a_fair_share(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(
        "世界卫生组织（WHO）和联合国儿童基金会（UNICEF）发布了COVID-19 report。", encoding="utf-8"
    )
    assert read_document(path, lang="zh").lang == "zh"
    assert read_document(path, lang="chinese").lang == "zh"  # aliases are accepted


def test_unsupported_script_is_named(tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    path.write_text("مرحبا بالعالم، هذا نص عربي قصير.\n", encoding="utf-8")
    with pytest.raises(LanguageError) as info:
        read_document(path)
    assert str(info.value) == (
        f"{path}: cannot tell the language: the text is in Arabic script (alignmem reads English, Russian and Chinese)"
    )
    with pytest.raises(LanguageError) as info:
        read_document(path, lang="en")
    assert str(info.value) == f"{path}: declared English (en) but the text is in Arabic script; check --lang/--langs"


def _files(tmp_path: Path, **texts: str) -> list[Path]:
    paths = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_read_documents_detects_each_language(tmp_path: Path) -> None:
    docs = read_documents(_files(tmp_path, a=ZH, b=EN, c=RU))
    assert [d.lang for d in docs] == ["zh", "en", "ru"]
    assert all(d.paragraphs and not d.sentences for d in docs)


def test_read_documents_with_languages(tmp_path: Path) -> None:
    docs = read_documents(_files(tmp_path, a=EN, b=RU), ["eng", "ru"])
    assert [d.lang for d in docs] == ["en", "ru"]


def test_read_documents_two_files_in_one_language(tmp_path: Path) -> None:
    a, b = _files(tmp_path, a=EN, b=EN.upper())
    with pytest.raises(LanguageError) as info:
        read_documents([a, b])
    assert (
        str(info.value)
        == f"{a} and {b} are both English (en); give versions of the document in different languages"
    )


def test_read_documents_language_count_must_match(tmp_path: Path) -> None:
    paths = _files(tmp_path, a=EN, b=RU, c=ZH)
    with pytest.raises(LanguageError) as info:
        read_documents(paths, ["en", "ru"])
    assert str(info.value) == "3 files but 2 languages given (en,ru); give one language per file"


def test_read_documents_language_given_twice(tmp_path: Path) -> None:
    with pytest.raises(LanguageError) as info:
        read_documents(_files(tmp_path, a=EN, b=RU), ["en", "english"])
    assert str(info.value) == "language 'en' given twice; give one file per language"


def test_read_documents_unknown_language(tmp_path: Path) -> None:
    with pytest.raises(LanguageError) as info:
        read_documents(_files(tmp_path, a=EN, b=RU), ["en", "fr"])
    assert str(info.value) == "unknown language 'fr' (known: en, ru, zh)"
