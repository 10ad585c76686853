"""``alignmem align`` (TMX modes) from the command line: outputs, summary, JSON, every error's exact text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from omegat import fixture_aligner, fixture_documents, fixture_text

from alignmem.cli import main
from alignmem.join import pairs


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


@pytest.fixture()
def fake_aligner(monkeypatch):
    """The fixture's hand-made links instead of the sentence encoder (fast, no model)."""
    monkeypatch.setattr(pairs, "default_pair_aligner", fixture_aligner)


@pytest.fixture()
def files(tmp_path) -> list[str]:
    return [d.path for d in fixture_documents(tmp_path / "in")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["align", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_three_files_to_tmx(capsys, tmp_path, files, fake_aligner):
    out_base = tmp_path / "tm" / "lavrov.tmx"
    code, out, err = run(capsys, *files, "--langs", "en,ru,zh", "-o", str(out_base))
    assert (code, err) == (0, "")
    assert sorted(p.name for p in out_base.parent.iterdir()) == sorted([
        "lavrov.tmx", "lavrov.en-ru.tmx", "lavrov.en-zh-CN.tmx", "lavrov.ru-zh-CN.tmx",
        "lavrov.report.html", "lavrov.glossary.tbx", "lavrov.glossary.csv",
        "lavrov.ru.glossary.po", "lavrov.zh-CN.glossary.po",
        *(f"lavrov.{a}-{b}.glossary.utf8" for a in ("en", "ru", "zh-CN") for b in ("en", "ru", "zh-CN") if a != b),
    ])
    lines = out.splitlines()
    assert lines[0].split() == ["document", "en", "ru", "zh", "TUs", "en-ru", "en-zh", "ru-zh"]
    # zh leaves out one English sentence and the two Russian ones that translate it
    assert lines[2].split() == ["lavrov", "5", "6", "4", "4", "100.0%", "88.9%", "90.0%"]
    assert lines[4].startswith(f"wrote {out_base} (4 TUs), {out_base.parent / 'lavrov.en-ru.tmx'} (5 TUs)")


def test_json_summary(capsys, tmp_path, files, fake_aligner):
    code, out, _ = run(capsys, *files, "-o", str(tmp_path / "x.tmx"), "--json")
    data = json.loads(out)
    assert code == 0
    [doc] = data["documents"]
    assert (doc["stem"], doc["sentences"], doc["tus"], doc["aligned_share"]) == (
        "x", {"en": 5, "ru": 6, "zh": 4}, 4, 1.0)
    assert [f["tus"] for f in doc["files"]] == [4, 5, 4, 4]
    assert data["waiting"] == [] and data["failed"] == []


def test_language_given_twice(capsys, files):
    code, out, err = run(capsys, *files, "--langs", "en,ru,en")
    assert (code, out, err) == (2, "", "alignmem: language 'en' given twice in 'en,ru,en'\n")


def test_two_files_in_the_same_language(capsys, tmp_path, files):
    copy = tmp_path / "copy.en.txt"
    copy.write_text(fixture_text("en"), encoding="utf-8")
    code, _, err = run(capsys, files[0], str(copy))
    assert code == 2
    assert err == (f"alignmem: {files[0]} and {copy} are both English (en); give versions of the document "
                   "in different languages\n")


def test_unreadable_file(capsys, tmp_path, files):
    missing = tmp_path / "nope.ru.txt"
    code, out, err = run(capsys, files[0], str(missing), "--langs", "en,ru")
    assert (code, out) == (2, "")
    assert err.startswith(f"alignmem: {missing}: ") and err.count("\n") == 1


def test_unwritable_output(capsys, tmp_path, files, fake_aligner):
    blocker = tmp_path / "tm"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    code, out, err = run(capsys, *files, "-o", str(blocker / "x.tmx"))
    assert (code, out) == (2, "")
    assert err == f"alignmem: {blocker / 'x.tmx'}: cannot write: its folder is a file\n"
    assert blocker.is_file()


def test_output_name_must_be_tmx(capsys, tmp_path, files):
    code, _, err = run(capsys, *files, "-o", str(tmp_path / "x.txt"))
    assert (code, err) == (2, (f"alignmem: {tmp_path / 'x.txt'}: the output name must end in .tmx "
                              "(pair files are named after it)\n"))


def test_langs_count_must_match_files(capsys, files):
    code, _, err = run(capsys, *files[:2], "--langs", "en,ru,zh")
    assert (code, err) == (2, ("alignmem: 2 files but 3 languages in --langs en,ru,zh; "
                              "give one language per file\n"))


def test_mismatched_documents_with_the_real_aligner(capsys, tmp_path, files):
    other = tmp_path / "other.ru.txt"
    other.write_text(
        "Рецепт борща. Нарежьте свёклу соломкой и потушите её с томатной пастой. Сварите бульон из говядины. "
        "Добавьте капусту, картофель и морковь. Подавайте со сметаной и чесноком.\n", encoding="utf-8")
    code, out, err = run(capsys, files[0], str(other), "-o", str(tmp_path / "tm" / "x.tmx"))
    assert (code, out) == (2, "")
    assert err.startswith(f"alignmem: {files[0]} and {other}: the texts do not look like translations of "
                          "each other (mean link score ")
    assert err.endswith("; use --force to align them anyway\n") and err.count("\n") == 1
    assert not (tmp_path / "tm").exists()


def corpus(root: Path, stems: dict[str, tuple[str, ...]]) -> Path:
    for stem, langs in stems.items():
        for lang in langs:
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"{stem}.txt").write_text(fixture_text(lang), encoding="utf-8")
    (root / "README.md").write_text("corpus\n", encoding="utf-8")
    return root


def test_corpus_mode_lists_waiting_stems(capsys, tmp_path, fake_aligner):
    root = corpus(tmp_path / "corpora", {"a": ("en", "ru", "zh"), "solo": ("zh",)})
    code, out, err = run(capsys, "--corpus", str(root), "--out", str(tmp_path / "tm"), "--workers", "0")
    assert (code, err) == (0, "")
    assert "waiting for translations: solo (only zh)" in out.splitlines()
    assert (tmp_path / "tm" / "a.tmx").is_file()


def test_corpus_mode_failure_exits_1_and_others_go_through(capsys, tmp_path, fake_aligner):
    root = corpus(tmp_path / "corpora", dict.fromkeys("abc", ("en", "ru", "zh")))
    bad = root / "zh" / "b.txt"
    bad.write_text(fixture_text("en"), encoding="utf-8")  # English text in the Chinese folder
    code, out, err = run(capsys, "--corpus", str(root), "--out", str(tmp_path / "tm"), "--json", "--workers", "0")
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"alignmem: {bad}: ")
    assert lines[-1] == "alignmem: 1 of 3 documents failed: b"
    data = json.loads(out)
    assert [d["stem"] for d in data["documents"]] == ["a", "c"]
    assert [f["stem"] for f in data["failed"]] == ["b"]
    assert sorted(p.name for p in (tmp_path / "tm").iterdir() if p.name.startswith("b")) == []
    assert (tmp_path / "tm" / "c.tmx").is_file()


def test_corpus_errors(capsys, tmp_path):
    code, _, err = run(capsys, "--corpus", str(tmp_path / "nope"))
    assert (code, err) == (2, (f"alignmem: {tmp_path / 'nope'}: corpus folder not found "
                              "(expected en/, ru/ and zh/ inside)\n"))
    code, _, err = run(capsys, "--corpus", str(tmp_path), "-o", "x.tmx")
    assert (code, err) == (2, "alignmem: with --corpus DIR, give the output folder with --out DIR (not -o)\n")


def test_nothing_to_align(capsys, tmp_path):
    root = corpus(tmp_path / "corpora", {"solo": ("en",)})
    code, out, _ = run(capsys, "--corpus", str(root), "--out", str(tmp_path / "tm"), "--workers", "0")
    assert code == 0
    assert out == ("nothing to align: no document has two language versions yet\n"
                   "waiting for translations: solo (only en)\n")


def test_progress_bar_only_on_a_terminal(tmp_path):
    import io

    from alignmem.cli.progress import ProgressBar

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    for stream in (pipe, tty):
        bar = ProgressBar(stream, min_interval=0)
        bar(1, 4, "a")
        bar(4, 4, "")
        bar.close()
    assert pipe.getvalue() == ""
    assert tty.getvalue().startswith("\r[#######.......................] 1/4 a")
    quiet = Tty()
    ProgressBar(quiet, enabled=False)(1, 2, "x")
    assert quiet.getvalue() == ""


def test_two_languages_alignment_is_turned_round_for_any_order(capsys, tmp_path, fake_aligner, files):
    code, out, _ = run(capsys, files[2], files[0], "-o", str(tmp_path / "p.tmx"), "--json")
    data = json.loads(out)
    assert code == 0
    assert [f["path"] for f in data["documents"][0]["files"]] == [str(tmp_path / "p.tmx")]  # the name given
