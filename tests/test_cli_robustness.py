"""Regressions of issue 12 at the command line: a failed pair fails its document (named, per-pair figures),
-q is quiet, -o names a two-language memory, bad outputs are said before any work, a full disk and
SIGTERM give one line and leave nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from omegat import fixture_aligner

from alignmem import pipeline
from alignmem.cli import main
from alignmem.errors import NotTranslationError

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = {lang: ROOT / "corpora" / lang / "lavrov-treaty-20th-anniversary-2021.txt" for lang in ("en", "ru", "zh")}
HEIHE = ROOT / "tests" / "fixtures" / "align"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


def fragment(tmp_path: Path, lang: str, sentences: int) -> Path:
    """The first ``sentences`` lines of the article in ``lang``: a text that translates only a sliver."""
    lines = [line for line in ARTICLE[lang].read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / lang / "lavrov.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(lines[:sentences]) + "\n", encoding="utf-8")
    return path


def test_a_pair_that_is_not_a_translation_fails_its_document(tmp_path, capsys):
    """Regression: English + a sliver of Russian + Chinese gave exit 0 and one pooled 'aligned 96%'."""
    corpus = tmp_path / "corpus"
    for lang in ("en", "zh"):
        (corpus / lang).mkdir(parents=True)
        (corpus / lang / "lavrov.txt").write_bytes(ARTICLE[lang].read_bytes())
    fragment(corpus, "ru", 1)
    code = main(["align", "--corpus", str(corpus), "--out", str(tmp_path / "tm"), "--no-glossary", "--no-report"])
    _, err = capsys.readouterr()
    assert code == 1
    assert "en-ru: the ru text is" in err and "do not look like translations of each other" in err
    assert "1 of 1 documents failed: lavrov" in err
    assert not (tmp_path / "tm").exists() or not any((tmp_path / "tm").iterdir())


def test_figures_are_given_per_pair(tmp_path, capsys):
    files = [str(HEIHE / f"heihe.{lang}") for lang in ("en", "ru", "zh")]
    assert main(["align", *files, "--langs", "en,ru,zh", "--presegmented", "-o", str(tmp_path / "h.tmx"),
                 "--no-glossary", "--no-report", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert set(doc["pairs"]) == {"en-ru", "en-zh", "ru-zh"}
    assert all(0.9 <= p["aligned_share"] <= 1.0 for p in doc["pairs"].values())
    assert main(["align", *files, "--langs", "en,ru,zh", "--presegmented", "-o", str(tmp_path / "h.tmx"),
                 "--no-glossary", "--no-report"]) == 0
    head = capsys.readouterr().out.splitlines()[0].split()
    assert head[-3:] == ["en-ru", "en-zh", "ru-zh"] and "aligned" not in head


def test_quiet_align_prints_nothing(tmp_path, capsys):
    files = [str(HEIHE / f"heihe.{lang}") for lang in ("en", "ru")]
    assert main(["align", *files, "--langs", "en,ru", "--presegmented", "-o", str(tmp_path / "x.tmx"), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_output_name_of_a_two_language_memory_is_honoured(tmp_path, capsys):
    """Regression: `-o x.tmx` with two files wrote x.en-ru.tmx."""
    files = [str(HEIHE / f"heihe.{lang}") for lang in ("en", "ru")]
    assert main(["align", *files, "--langs", "en,ru", "--presegmented", "-o", str(tmp_path / "x.tmx"), "-q",
                 "--no-glossary", "--no-report"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.tmx"]


def test_an_unwritable_output_is_said_before_the_alignment(tmp_path, capsys, monkeypatch):
    """Regression: an unwritable output was reported after the whole alignment (17-54 s of work)."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder should be")

    def no_work(*args, **kwargs):
        raise AssertionError("aligned before checking the output")

    monkeypatch.setattr(pipeline, "export_document", no_work)
    files = [str(HEIHE / f"heihe.{lang}") for lang in ("en", "ru")]
    code = main(["align", *files, "--langs", "en,ru", "--presegmented", "-o", str(blocked / "x.tmx")])
    assert code == 2
    assert capsys.readouterr().err == f"alignmem: {blocked / 'x.tmx'}: cannot write: its folder is a file\n"


def test_a_full_disk_on_stdout_is_one_line(tmp_path):
    """Regression: a traceback when stdout hit a full disk."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "alignmem", "segment", str(ARTICLE["en"])], check=False, stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr == "alignmem: cannot write the output: No space left on device\n"


def cpu_seconds(pid: int) -> float:
    """CPU time a running process has used so far (0 when /proc cannot tell)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_sigterm_leaves_no_temporary_file(tmp_path):
    """SIGTERM mid-run: one line, status 143, no .tmp file and no partial set of outputs."""
    out = tmp_path / "tm"
    command = [sys.executable, "-m", "alignmem", "align", *map(str, ARTICLE.values()), "-o", str(out / "a.tmx")]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while cpu_seconds(proc.pid) < 3.0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the imports are done and the article is being aligned (about 8 CPU-s in all)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the run ended before the signal came")
    assert proc.returncode == 143 and err.endswith("alignmem: terminated\n")
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert not [name for name in left if name.endswith(".tmp")]
    assert left == [] or "a.report.html" in left  # all of the set or none of it


def test_library_callers_see_the_failed_pair_too(tmp_path):
    docs = pipeline.read_and_segment([ARTICLE["en"], fragment(tmp_path, "ru", 1)], ["en", "ru"])
    with pytest.raises(NotTranslationError, match="en-ru: the ru text is"):
        pipeline.build_document(docs, tmp_path / "x.tmx", pipeline.Settings(glossary=False, report=False))
    forced = pipeline.Settings(align=pipeline.Settings().align.__class__(force=True), glossary=False, report=False)
    assert pipeline.build_document(docs, tmp_path / "x.tmx", forced).result.outputs
    assert os.environ["SOURCE_DATE_EPOCH"] and fixture_aligner
