"""``alignmem glossary build``: TMX in, glossary files out, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from alignmem.cli import main
from alignmem.export.tmx import write_tmx
from alignmem.glossary import read_glossary
from alignmem.model import TU

FIXTURE = Path(__file__).parent / "fixtures" / "glossary" / "groups.jsonl"


def make_tmx(path: Path) -> Path:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    tus = [TU(f"fx:{i}", tuple((lang, row[lang]) for lang in ("en", "ru", "zh"))) for i, row in enumerate(rows)]
    write_tmx(path, tus, ("en", "ru", "zh"), srclang="en")
    return path


def test_build_all_formats(tmp_path, capsys):
    tmx = make_tmx(tmp_path / "fx.tmx")
    out = tmp_path / "tm" / "glossary.tbx"
    seed = tmp_path / "seed.csv"
    seed.write_text("en,ru,zh-CN\nBRICS,БРИКС,金砖五国\n", encoding="utf-8")
    code = main(["glossary", "build", str(tmx), "-o", str(out), "--format", "all", "--seed", str(seed)])
    printed = capsys.readouterr().out
    assert code == 0
    assert printed.splitlines()[0].endswith("from 18 translation units (0 repeats of the same sentences left out)")
    written = int(printed.split()[0])
    assert written == sum(1 for line in out.with_suffix(".csv").read_text(encoding="utf-8").splitlines()[1:])
    names = sorted(p.name for p in out.parent.iterdir())
    assert names == sorted(["glossary.tbx", "glossary.csv", "glossary.ru.po", "glossary.zh-CN.po"] + [
        f"glossary.{a}-{b}.utf8" for a in ("en", "ru", "zh-CN") for b in ("en", "ru", "zh-CN") if a != b])
    g = read_glossary(out)
    brics = [e for e in g.entries if any(t.text == "BRICS" for t in e.terms)]
    assert [t.text for t in brics[0].terms_of("zh")] == ["金砖五国"]
    assert etree.parse(str(out)).getroot().tag == "martif"


def test_a_memory_read_from_its_trilingual_and_pair_files_counts_each_sentence_once(tmp_path, capsys):
    """Regression (issue 12): `glossary build tm/*.tmx` (the trilingual file and the three pair files of one
    document) counted every sentence 2-4 times: 188 entries instead of 47, and wrong pairs."""
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    langs = ("en", "ru", "zh")
    tri = make_tmx(tmp_path / "fx.tmx")
    pairs = []
    for a, b in (("en", "ru"), ("en", "zh"), ("ru", "zh")):
        path = tmp_path / f"fx.{a}-{b}.tmx"
        write_tmx(path, [TU(f"fx:{i}", ((a, row[a]), (b, row[b]))) for i, row in enumerate(rows)], (a, b), srclang=a)
        pairs.append(str(path))
    out_one, out_all = tmp_path / "one" / "g.tbx", tmp_path / "all" / "g.tbx"
    assert main(["glossary", "build", str(tri), "-o", str(out_one), "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main(["glossary", "build", str(tri), *pairs, "-o", str(out_all), "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert every["units"] == one["units"] == len(rows) and every["repeats"] == 3 * len(rows)
    assert out_all.read_bytes() == out_one.read_bytes()
    assert len(langs) == 3


def test_build_single_format_to_the_named_file(tmp_path, capsys):
    tmx = make_tmx(tmp_path / "fx.tmx")
    out = tmp_path / "terms.csv"
    assert main(["glossary", "build", str(tmx), "-o", str(out), "--format", "csv", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8").splitlines()[0] == "en,ru,zh-CN,note"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fx.tmx", "terms.csv"]


def test_missing_tmx_is_a_one_line_error(tmp_path, capsys):
    code = main(["glossary", "build", str(tmp_path / "nope.tmx"), "-o", str(tmp_path / "g.tbx")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"alignmem: {tmp_path / 'nope.tmx'}: translation memory not found\n"


def test_bad_seed_is_a_one_line_error(tmp_path, capsys):
    tmx = make_tmx(tmp_path / "fx.tmx")
    seed = tmp_path / "seed.csv"
    seed.write_text("term,translation\nA,B\n", encoding="utf-8")
    code = main(["glossary", "build", str(tmx), "-o", str(tmp_path / "g.tbx"), "--seed", str(seed)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"alignmem: {seed}: no language column in the header")
    assert not (tmp_path / "g.tbx").exists()
