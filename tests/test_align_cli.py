"""``alignmem align SRC TGT --links/--format tsv``: outputs and one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alignmem.cli import main

HERE = Path(__file__).parent / "fixtures" / "align"


@pytest.fixture
def texts(tmp_path):
    for name in ("heihe.en", "heihe.ru", "heihe.zh", "recipe.ru"):
        shutil.copy(HERE / name, tmp_path / (name.replace(".", "_") + ".txt"))
    return tmp_path


def test_links_file_cheap_signals(texts, capsys):
    out = texts / "out" / "en-zh.align"
    code = main(["align", str(texts / "heihe_en.txt"), str(texts / "heihe_zh.txt"), "--langs", "en,zh",
                 "--presegmented", "--signals", "length,anchors", "--links", str(out)])
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[0]:[0]" and lines[-1] == "[9]:[8]"
    assert all(line.count(":") == 1 and line.startswith("[") for line in lines)
    assert capsys.readouterr().out == ""


def test_links_to_stdout_are_deterministic(texts, capsys):
    args = ["align", str(texts / "heihe_en.txt"), str(texts / "heihe_ru.txt"), "--langs", "en,ru",
            "--presegmented", "--links", "-"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    assert first == (HERE / "heihe.en-ru.align").read_text(encoding="utf-8")


def test_tsv_output(texts, capsys):
    out = texts / "pairs.tsv"
    assert main(["align", str(texts / "heihe_en.txt"), str(texts / "heihe_ru.txt"), "--langs", "en,ru",
                 "--presegmented", "--format", "tsv", "-o", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(len(row) == 4 for row in rows)
    merged = next(row for row in rows if row[1] == "2-1")
    assert merged[2] == "A new bridge to Blagoveshchensk opened that year. It is 1,080 metres long."
    assert merged[3].startswith("В том же году открылся новый мост")
    assert 0.0 < float(merged[0]) <= 1.0
    omitted = next(row for row in rows if row[1] == "1-0")
    assert (omitted[0], omitted[3]) == ("0.000", "")


def test_not_translations_error(texts, capsys):
    code = main(["align", str(texts / "heihe_en.txt"), str(texts / "recipe_ru.txt"), "--langs", "en,ru",
                 "--presegmented", "--links", str(texts / "x.align")])
    assert code == 2
    err = capsys.readouterr().err
    both = f"{texts / 'heihe_en.txt'} and {texts / 'recipe_ru.txt'}"
    assert err.startswith(f"alignmem: {both}: the texts do not look like translations of each other (mean link score ")
    assert err.endswith("use --force to align them anyway\n") and err.count("\n") == 1
    assert not (texts / "x.align").exists()
    assert main(["align", str(texts / "heihe_en.txt"), str(texts / "recipe_ru.txt"), "--langs", "en,ru",
                 "--presegmented", "--force", "--links", str(texts / "x.align")]) == 0
    assert (texts / "x.align").exists()


def test_mismatched_langs(texts, capsys):
    code = main(["align", str(texts / "heihe_en.txt"), str(texts / "heihe_ru.txt"), "--langs", "en,zh",
                 "--presegmented", "--signals", "length", "--links", "-"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"alignmem: {texts / 'heihe_ru.txt'}: declared Chinese (zh) but the text is Russian")
    assert err.count("\n") == 1


def test_wrong_number_of_langs_and_files(texts, capsys):
    assert main(["align", str(texts / "heihe_en.txt"), str(texts / "heihe_ru.txt"), "--langs", "en,ru,zh",
                 "--signals", "length", "--links", "-"]) == 2
    assert "2 files but 3 languages in --langs en,ru,zh" in capsys.readouterr().err
    assert main(["align", str(texts / "heihe_en.txt"), "--langs", "en", "--links", "-"]) == 2
    assert capsys.readouterr().err == "alignmem: --links and --format align two or three files, got 1\n"


def test_unknown_signal(texts, capsys):
    assert main(["align", str(texts / "heihe_en.txt"), str(texts / "heihe_ru.txt"), "--langs", "en,ru",
                 "--signals", "length,magic", "--links", "-"]) == 2
    assert capsys.readouterr().err == (
        "alignmem: unknown signal 'magic' (known: anchors, embedding, length, lexicon)\n")


def test_paragraph_text_is_segmented(texts, capsys):
    en = " ".join((HERE / "heihe.en").read_text(encoding="utf-8").splitlines()[:5]) + "\n\n" + \
        " ".join((HERE / "heihe.en").read_text(encoding="utf-8").splitlines()[5:]) + "\n"
    (texts / "para_en.txt").write_text(en, encoding="utf-8")
    assert main(["align", str(texts / "para_en.txt"), str(texts / "heihe_zh.txt"), "--langs", "en,zh",
                 "--signals", "length,anchors", "--format", "tsv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    sources = sum(int(row.split("\t")[1].split("-")[0]) for row in rows)
    assert sources == 10  # the paragraphs were split into the ten sentences
