"""``alignmem check`` end to end: exit codes (0 good, 1 not good enough, 2 bad input), table and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignmem.cli import main
from alignmem.export.tmx import write_tmx
from alignmem.model import TU

FIXTURES = Path(__file__).parent / "fixtures" / "check"
LANGS = ("en", "ru", "zh")

GOOD = [
    ("The Committee adopted its report.", "Комитет утвердил свой доклад.", "委员会通过了报告。"),
    ("The session opened on 3 March 2016.", "Сессия открылась 3 марта 2016 года.", "会议于2016年3月3日开幕。"),
    ("UNDP supported the work.", "ПРООН поддержала работу.", "开发署支持了这项工作。"),
]
BAD = [
    ("It adopted the report by 1,300 votes.", "Он утвердил доклад 13 голосами.", "以1 300票通过了报告。"),
    ("The secretariat will publish the report on its website.",
     "The secretariat will publish the report on its website.", "秘书处将在其网站上公布该报告。"),
]


def tmx(tmp_path: Path, rows, name: str = "memory.tmx", score: float = 0.8) -> Path:
    tus = [TU(tuid=f"{name}:p1:s{i + 1}", segs=tuple(zip(LANGS, row)), score=score, link_type="1-1-1",
              doc="memory", para=1) for i, row in enumerate(rows)]
    path = tmp_path / name
    write_tmx(path, tus, LANGS, srclang="en", creationdate="20260101T000000Z")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_good_tmx_exits_0(tmp_path, capsys):
    code, out, _ = run(capsys, tmx(tmp_path, GOOD), "--max-flags", "0")
    assert code == 0, out
    assert out.startswith("3 groups, 0 flags in 0 groups (en, ru, zh; tmx)")
    assert out.rstrip().endswith("OK")


def test_flags_over_max_exit_1(tmp_path, capsys):
    path = tmx(tmp_path, GOOD + BAD)
    code, out, _ = run(capsys, path, "--max-flags", "1")
    assert code == 1
    assert "NOT GOOD ENOUGH: 3 flags > 1" in out
    assert "ru has 13, not found in en/zh" in out
    code, _, _ = run(capsys, path, "--max-flags", "3")
    assert code == 0


def test_low_score_threshold(tmp_path, capsys):
    path = tmx(tmp_path, GOOD, score=0.35)
    assert run(capsys, path, "--max-flags", "0")[0] == 1
    assert run(capsys, path, "--max-flags", "0", "--min-score", "0.3")[0] == 0


@pytest.mark.parametrize(("argv", "message"), [
    (["{fixtures}/truncated.tmx"], "truncated.tmx: "),
    (["{fixtures}/empty.tmx"], "empty.tmx: TMX file holds no <tu>; nothing to check"),
    (["{fixtures}/missing.tmx"], "missing.tmx"),
    (["{fixtures}/report.en.txt"], "check needs two or three versions of a document"),
    (["{fixtures}/empty.tmx", "{fixtures}/report.en.txt"], "give either TMX files or the versions"),
    ([], "nothing to check"),
    (["--rules", "spelling", "{fixtures}/empty.tmx"], "unknown check rule 'spelling'"),
    (["{fixtures}/german.tmx"], "german.tmx: TMX holds language 'de', which alignmem cannot check"),
    (["{fixtures}/xxe.tmx"], "xxe.tmx: "),
    (["{fixtures}/empty.tmx", "--min-coverage", "0.9"], "--min-coverage needs the source documents"),
])
def test_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, _, err = run(capsys, *[a.format(fixtures=FIXTURES) for a in argv])
    assert code == 2
    assert err.startswith("alignmem: ") and err.count("\n") == 1 and message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["1.5", "abc", "-0.1"])
def test_bad_min_coverage_is_a_usage_error(capsys, value):
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.tmx", "--min-coverage", value])
    assert exc.value.code == 2
    assert "expected a share between 0 and 1" in capsys.readouterr().err


def test_documents_min_coverage_exit_codes(capsys):
    files = [FIXTURES / f"report.{lang}.txt" for lang in LANGS]
    # the length signal alone needs no model: fast, and good enough to test the plumbing
    code, out, _ = run(capsys, *files, "--signals", "length", "--no-embeddings", "--json",
                          "--min-coverage", "0.0")
    assert code == 0
    data = json.loads(out)
    assert data["mode"] == "documents" and data["verdict"]["ok"] is True
    shares = {(c["lang"], c["other"]): c["share"] for c in data["coverage"]}
    assert set(shares) == {("en", "ru"), ("en", "zh"), ("ru", "en"), ("ru", "zh"), ("zh", "en"), ("zh", "ru"),
                           ("en", None), ("ru", None), ("zh", None)}
    lowest = min(shares.values())
    assert lowest < 1.0  # the fixture has an untranslated and a missing sentence
    code, out, _ = run(capsys, *files, "--signals", "length", "--no-embeddings", "--min-coverage", "1")
    assert code == 1 and "NOT GOOD ENOUGH: coverage" in out
    codes = {flag["code"] for flag in data["flags"]}
    assert {"number", "untranslated"} <= codes


def test_html_report_written_atomically(tmp_path, capsys):
    out = tmp_path / "out" / "r.html"
    code, _, err = run(capsys, tmx(tmp_path, GOOD + BAD), "--html", out)
    assert code == 0 and out.is_file() and "report written to" in err
    assert [p.name for p in out.parent.iterdir()] == ["r.html"]  # no temp file left behind


def test_pair_files_are_no_duplicates_of_the_trilingual_file(tmp_path, capsys):
    """``check tm/*.tmx`` reads NAME.tmx and NAME.en-ru.tmx: the same TUs in two files are not duplicates."""
    tri = tmx(tmp_path, GOOD)
    tus = [TU(tuid=f"memory:p1:s{i + 1}", segs=(("en", en), ("ru", ru)), score=0.8, link_type="1-1", doc="memory")
           for i, (en, ru, _) in enumerate(GOOD)]
    pair = tmp_path / "memory.en-ru.tmx"
    write_tmx(pair, tus, ("en", "ru"), srclang="en", creationdate="20260101T000000Z")
    code, out, _ = run(capsys, tri, pair, "--json", "--max-flags", "0")
    data = json.loads(out)
    assert code == 0 and data["summary"]["groups"] == 6 and data["flags"] == []
    assert data["summary"]["link_types"] == {"1-1": 3, "1-1-1": 3}
    code, out, _ = run(capsys, tri, tri, "--json")
    assert json.loads(out)["summary"]["flag_counts"] == {"duplicate": 3}  # the same file twice: duplicates
