"""``alignmem lookup``: equivalents in any language, Russian by lemma, typos, Chinese substrings, a
concordance with highlighted spans, the not-found message, and the cached SQLite index."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from alignmem.cli import main
from alignmem.export.tbx import TBX2
from alignmem.export.tmx import write_tmx
from alignmem.glossary import Entry, Glossary, Term
from alignmem.model import TU
from alignmem.tm.terms import find_spans, index_path

LANGS = ("en", "ru", "zh")


def glossary() -> Glossary:
    return Glossary(LANGS, (
        Entry("c1", (Term("en", "Shanghai Cooperation Organisation"), Term("en", "SCO", "acronym"),
                     Term("ru", "Шанхайская организация сотрудничества"), Term("ru", "ШОС", "acronym"),
                     Term("zh", "上海合作组织"), Term("zh", "上合组织", "shortForm")), 7, 0.9),
        Entry("c2", (Term("en", "General Assembly"), Term("ru", "Генеральная Ассамблея"), Term("zh", "大会")),
              40, 0.8),
        Entry("c3", (Term("en", "Security Council"), Term("ru", "Совет Безопасности"), Term("zh", "安全理事会")),
              30, 0.85),
    ), "test")


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    tbx = tmp_path / "glossary.tbx"
    tbx.write_bytes(TBX2().dumps(glossary()))
    tmx = tmp_path / "doc.tmx"
    write_tmx(tmx, [
        TU("d:1", (("en", "The SCO summit was held in Dushanbe."), ("ru", "Саммит Шанхайской организации сотрудничества прошел в Душанбе."), ("zh", "上合组织峰会在杜尚别举行。"))),
        TU("d:2", (("en", "The General Assembly adopted the resolution."),
                   ("ru", "Генеральная Ассамблея приняла резолюцию."), ("zh", "大会通过了该决议。"))),
    ], LANGS, srclang="en")
    return tbx, tmx


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["lookup", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_english_term_gives_the_other_languages(files, capsys):
    code, out, _ = run(capsys, "SCO", "--glossary", str(files[0]))
    assert code == 0
    assert "ru  Шанхайская организация сотрудничества; ШОС (acronym)" in out
    assert "zh  上海合作组织; 上合组织 (shortForm)" in out


@pytest.mark.parametrize("query", ["Шанхайской организацией сотрудничества", "шос", "ШОС"])
def test_russian_any_inflection_or_case(files, capsys, query):
    code, out, _ = run(capsys, query, "--glossary", str(files[0]), "--json")
    data = json.loads(out)
    assert code == 0 and data["entries"][0]["id"] == "c1"
    assert data["entries"][0]["terms"]["en"][0]["text"] == "Shanghai Cooperation Organisation"


def test_small_typo_is_forgiven(files, capsys):
    code, out, _ = run(capsys, "Shanghai Cooperaton Organisaton", "--glossary", str(files[0]), "--json")
    data = json.loads(out)
    assert code == 0 and data["entries"][0]["match"]["how"] == "fuzzy"


def test_chinese_substring(files, capsys):
    code, out, _ = run(capsys, "理事会", "--glossary", str(files[0]), "--json")
    data = json.loads(out)
    assert code == 0 and [e["id"] for e in data["entries"]] == ["c3"]
    assert data["entries"][0]["match"]["how"] == "substring"


def test_nothing_found_says_so_and_suggests(files, capsys):
    code, out, _ = run(capsys, "Security Counsel of Elders", "--glossary", str(files[0]))
    assert code == 1
    first, second = out.splitlines()
    assert first == f"Nothing found for 'Security Counsel of Elders' in {files[0]}."
    assert second.startswith("Nearest entries: Security Council")


def test_concordance_highlights_the_term_in_every_language(files, capsys):
    code, out, _ = run(capsys, "SCO", "--glossary", str(files[0]), "--tm", str(files[1]))
    assert code == 0
    assert "1 translation units contain it:" in out
    assert "en  The [[SCO]] summit was held in Dushanbe." in out
    assert "ru  Саммит [[Шанхайской организации сотрудничества]] прошел в Душанбе." in out
    assert "zh  [[上合组织]]峰会在杜尚别举行。" in out


def test_json_spans_point_at_the_term(files, capsys):
    code, out, _ = run(capsys, "Генеральной Ассамблеи", "--glossary", str(files[0]), "--tm", str(files[1]),
                       "--json")
    assert code == 0
    data = json.loads(out)
    [hit] = data["concordance"]
    found = {s["lang"]: [s["text"][a:b] for a, b in s["spans"]] for s in hit["segs"]}
    assert found == {"en": ["General Assembly"], "ru": ["Генеральная Ассамблея"], "zh": ["大会"]}


def test_memory_only_lookup_without_glossary(files, capsys):
    code, out, _ = run(capsys, "Dushanbe", "--tm", str(files[1]), "--json")
    data = json.loads(out)
    assert code == 0 and data["entries"] == [] and data["concordance"][0]["tuid"] == "d:1"


def test_index_is_cached_and_rebuilt_when_the_glossary_changes(files, capsys):
    tbx = files[0]
    run(capsys, "SCO", "--glossary", str(tbx))
    cache = index_path(tbx)
    assert cache.is_file()
    built = cache.stat().st_mtime_ns
    run(capsys, "SCO", "--glossary", str(tbx))
    assert cache.stat().st_mtime_ns == built  # reused
    g = glossary()
    extra = Entry("c4", (Term("en", "Belt and Road Initiative"), Term("zh", "一带一路倡议")), 3, 0.7)
    tbx.write_bytes(TBX2().dumps(Glossary(LANGS, g.entries + (extra,), "test")))
    os.utime(tbx, ns=(built + 10**9, built + 10**9))
    code, out, _ = run(capsys, "一带一路", "--glossary", str(tbx))
    assert code == 0 and "Belt and Road Initiative" in out


def test_missing_glossary_is_a_one_line_error(tmp_path, capsys):
    code, out, err = run(capsys, "SCO", "--glossary", str(tmp_path / "none.tbx"))
    assert code == 2 and out == ""
    assert err == f"alignmem: {tmp_path / 'none.tbx'}: glossary not found (build one with 'alignmem glossary build')\n"


def test_find_spans_by_lemma_and_whole_words():
    text = "Представители ШОС и Шанхайской организацией сотрудничества, а не ШОСовцы."
    spans = find_spans(text, "Шанхайская организация сотрудничества", "ru")
    assert [text[a:b] for a, b in spans] == ["Шанхайской организацией сотрудничества"]
    assert [text[a:b] for a, b in find_spans(text, "ШОС", "ru")] == ["ШОС"]
    assert find_spans("Unassembled parts", "Assembly", "en") == []


def test_default_glossary_is_the_one_align_wrote(files, capsys, monkeypatch, tmp_path):
    work = tmp_path / "work"
    (work / "tm").mkdir(parents=True)
    (work / "tm" / "doc.glossary.tbx").write_bytes(files[0].read_bytes())
    monkeypatch.chdir(work)
    code, out, _ = run(capsys, "ШОС")
    assert code == 0 and "Shanghai Cooperation Organisation" in out
    (work / "tm" / "other.glossary.tbx").write_bytes(files[0].read_bytes())
    code, _, err = run(capsys, "ШОС")
    assert code == 2 and err.startswith("alignmem: several glossaries in tm (")


def test_a_users_tm_folder_does_not_change_a_memory_only_lookup(files, capsys, tmp_path, monkeypatch):
    """Regression (issue 12): with --tm only, a second glossary in the user's tm/ folder made the lookup fail
    ('several glossaries'); the glossary is looked for in tm/ only when neither --glossary nor --tm is given."""
    work = tmp_path / "work"
    (work / "tm").mkdir(parents=True)
    for name in ("a.glossary.tbx", "b.glossary.tbx"):
        shutil.copy(files[0], work / "tm" / name)
    monkeypatch.chdir(work)
    code, out, _ = run(capsys, "Dushanbe", "--tm", str(files[1]), "--json")
    assert code == 0 and json.loads(out)["entries"] == []


def test_english_plurals_find_the_singular(files, capsys):
    """Regression (issue 12): `lookup treaties` found nothing where the glossary and the TUs say treaty."""
    tbx = files[0].with_name("treaty.tbx")
    tbx.write_bytes(TBX2().dumps(Glossary(LANGS, (
        Entry("c1", (Term("en", "treaty"), Term("ru", "договор"), Term("zh", "条约")), 5, 0.9),), "test")))
    code, out, _ = run(capsys, "treaties", "--glossary", str(tbx))
    assert code == 0 and "ru  договор" in out
    text = "The treaties and the Treaty of 2001."
    assert [text[a:b] for a, b in find_spans(text, "treaty", "en")] == ["treaties", "Treaty"]
