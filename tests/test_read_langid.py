"""The language beyond the script: French and German are not English, Ukrainian and Bulgarian not Russian
(refused with one line naming the language; --lang overrides); Traditional Chinese is Chinese, written as
zh-TW in the memory; no refusal of real English, Russian or Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from omegat import fixture_text

from alignmem.cli import main
from alignmem.errors import LanguageError
from alignmem.export.tmx import read_tmx
from alignmem.read import read_document
from alignmem.text.langid import identify

SAMPLES = Path(__file__).parent / "fixtures" / "read" / "languages"
FIXTURES = Path(__file__).parent / "fixtures" / "read"
REFUSALS = {
    "fr.txt": "the text looks French (fr), not English: 24 of 73 words are French function words, 0 English; "
              "alignmem aligns English, Russian and Chinese (give --lang en to read it as English anyway)",
    "de.txt": "the text looks German (de), not English: 22 of 64 words are German function words, 0 English; "
              "alignmem aligns English, Russian and Chinese (give --lang en to read it as English anyway)",
    "uk.txt": "the text looks Ukrainian (uk), not Russian: 30 letters Ukrainian has and Russian lacks; alignmem "
              "aligns English, Russian and Chinese (give --lang ru to read it as Russian anyway)",
    "bg.txt": "the text looks Bulgarian (bg), not Russian: 7 hard signs and 0 ы/э/ё; alignmem aligns English, "
              "Russian and Chinese (give --lang ru to read it as Russian anyway)",
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_other_languages_of_the_script_are_refused(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / name
    assert main(["segment", str(path)]) == 2
    assert capsys.readouterr().err == f"alignmem: {path}: {REFUSALS[name]}\n"


@pytest.mark.parametrize(("name", "lang"), [("fr.txt", "en"), ("uk.txt", "ru")])
def test_lang_overrides_the_check(name: str, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(SAMPLES / name), "--lang", lang]) == 0
    assert capsys.readouterr().out.count("\n") >= 4


def test_a_declared_language_is_checked_when_the_user_did_not_give_it(tmp_path: Path) -> None:
    """Corpus folders declare languages too: a German text in en/ is refused, naming the declaration."""
    with pytest.raises(LanguageError) as info:
        read_document(SAMPLES / "de.txt", lang="en")
    assert str(info.value).startswith(f"{SAMPLES / 'de.txt'}: declared English (en) but the text looks German (de)")
    assert read_document(SAMPLES / "de.txt", lang="en", verify_lang=False).lang == "en"


def test_english_ukrainian_and_chinese_do_not_align(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12: English + a three-sentence Ukrainian text + Chinese aligned with exit 0."""
    en, zh = tmp_path / "a.en.txt", tmp_path / "a.zh.txt"
    en.write_text(fixture_text("en"), encoding="utf-8")
    zh.write_text(fixture_text("zh"), encoding="utf-8")
    uk = tmp_path / "a.uk.txt"
    uk.write_text("Двадцять років тому Росія та Китай підписали договір. Він заклав міцну основу наших відносин. "
                  "Він діє і сьогодні.\n", encoding="utf-8")
    assert main(["align", str(en), str(uk), str(zh), "-o", str(tmp_path / "out" / "a.tmx")]) == 2
    assert capsys.readouterr().err.startswith(f"alignmem: {uk}: the text looks Ukrainian (uk), not Russian")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", [
    "Le Monde wrote about the treaty: « la Russie et la Chine » signed it in Moscow, and the paper said so.",
    "The talks in Kyiv (Київ) and in Sofia ended with a joint statement on trade and investment.",
    "Bonjour tout le monde.",  # too short to tell: read as English
])
def test_quotations_and_short_lines_are_not_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "en.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).lang == "en"


def test_russian_quoting_ukrainian_names_is_russian(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text("Министр прибыл в Київ, где провёл переговоры с коллегами. Затем он посетил Харків и Дніпро, "
                    "встретился с представителями местных властей и обсудил с ними вопросы экономического "
                    "сотрудничества, торговли и гуманитарных связей между нашими странами.", encoding="utf-8")
    assert read_document(path).lang == "ru"


@pytest.mark.parametrize("name", ["en_article.txt", "ru_article.txt", "zh_article.txt"])
def test_the_projects_own_texts_are_accepted(name: str) -> None:
    assert read_document(FIXTURES / name).tag is None


def test_traditional_chinese_is_chinese_tagged_zh_tw(tmp_path: Path) -> None:
    doc = read_document(FIXTURES / "zh_traditional.txt")
    assert (doc.lang, doc.tag) == ("zh", "zh-TW")
    assert identify((FIXTURES / "zh_article.txt").read_text(encoding="utf-8"), "Han").code == "zh-CN"


def test_traditional_chinese_tmx_code_follows_and_reads_back(tmp_path: Path) -> None:
    """Issue 12: a TMX written in zh-TW (or en-GB) could not be read back without --tmx-codes."""
    en = tmp_path / "a.en.txt"
    en.write_text((FIXTURES / "en_article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    zh = tmp_path / "a.zh.txt"
    zh.write_text((FIXTURES / "zh_traditional.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "tm" / "a.tmx"
    assert main(["align", str(en), str(zh), "--langs", "en-GB,zh", "-o", str(out), "--no-glossary",
                 "--no-report", "-q"]) == 0
    memory = tmp_path / "tm" / "a.tmx"  # -o names a two-language memory
    text = memory.read_text(encoding="utf-8")
    assert 'xml:lang="zh-TW"' in text and 'srclang="en-GB"' in text
    tus = read_tmx(memory)
    assert tus and all(tu.langs == ("en", "zh") for tu in tus)
    assert main(["check", str(memory), "--json"]) in (0, 1)  # read back and checked without --tmx-codes
