"""A corpus run: its streamed listing, what a rerun skips and redoes, what a killed or interrupted run
leaves, and the summary printed as the documents stream in."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from corpus_helpers import make_corpus, outputs

from alignmem import pipeline
from alignmem.cli import align as cli_align
from alignmem.errors import OutputError
from alignmem.io.store import LocalStore
from alignmem.join import JoinConfig
from alignmem.pipeline.listing import Job, Problem, Waiting, external_sorted, list_corpus

SETTINGS = pipeline.Settings(glossary=False, report=False, join=JoinConfig(split=False))
TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


def aligner(src, tgt, config=None):
    from omegat import fixture_aligner

    return fixture_aligner(src, tgt, config)


# ------------------------------------------------------------------------------------------ listing
def test_external_sort_spills_chunks_and_merges_them():
    rng = random.Random(4)
    items = ["".join(rng.choice("ab.-c") for _ in range(rng.randint(1, 6))) for _ in range(200)]

    def key(s):
        return s.split(".")[0], s

    assert list(external_sorted(iter(items), key=key, chunk=7)) == sorted(items, key=key)
    assert list(external_sorted(iter(items[:5]), key=key, chunk=7)) == sorted(items[:5], key=key)


@pytest.mark.parametrize("chunk", [3, 100_000])
def test_listing_streams_stems_in_order_as_find_corpus_sees_them(tmp_path, chunk):
    stems = {f"d{k:02d}": ("en", "ru", "zh")[: 1 + k % 3] for k in range(20)} | {"a-c": ("en", "zh"), "a": ("ru", "zh")}
    corpus = make_corpus(tmp_path / "c", stems)
    (corpus / "ru" / "d05.html").write_text("<p>Другая версия.</p>", encoding="utf-8")
    (corpus / "en" / "README.md").write_text("notes\n", encoding="utf-8")
    (corpus / "en" / ".hidden.txt").write_text("x\n", encoding="utf-8")
    entries = list(list_corpus(LocalStore(str(corpus)), chunk=chunk))
    assert [e.stem for e in entries] == sorted(stems)
    problems: dict[str, str] = {}
    found = pipeline.find_corpus(corpus, problems)
    jobs = [e for e in entries if isinstance(e, Job)]
    assert [j.number for j in jobs] == list(range(len(jobs)))
    assert {j.stem: dict(j.files) for j in jobs} == {
        stem: {lang: str(path) for lang, path in files.items()} for stem, files in found.items() if len(files) > 1}
    assert [(e.stem, e.message) for e in entries if isinstance(e, Problem)] == list(problems.items())
    assert [e.stem for e in entries if isinstance(e, Waiting)] == [
        stem for stem, files in found.items() if len(files) == 1]


# ------------------------------------------------------------------------------------------- resume
def test_rerun_skips_finished_documents_and_redoes_changed_ones(tmp_path):
    corpus = make_corpus(tmp_path / "c", dict.fromkeys("abc", ("en", "ru", "zh")))
    out = tmp_path / "tm"
    first = pipeline.align_corpus(corpus, out, SETTINGS, aligner=aligner)
    assert (first.skipped, [r.stem for r in first.results]) == ((), ["a", "b", "c"])
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    again = pipeline.align_corpus(corpus, out, SETTINGS, aligner=aligner)
    assert again.skipped == ("a", "b", "c")
    assert again.results == first.results  # the summaries as the first run had them
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps  # nothing rewritten

    en_b = corpus / "en" / "b.txt"
    en_b.write_text(en_b.read_text(encoding="utf-8").replace("Treaty", "Pact"), encoding="utf-8")
    (out / "c.en-ru.tmx").unlink()
    changed = pipeline.align_corpus(corpus, out, SETTINGS, aligner=aligner)
    assert changed.skipped == ("a",)
    assert "Pact" in (out / "b.tmx").read_text(encoding="utf-8")
    assert (out / "c.en-ru.tmx").is_file()

    other = pipeline.align_corpus(corpus, out, pipeline.Settings(glossary=False, report=False), aligner=aligner)
    assert other.skipped == ()  # other settings: every document again


def test_an_interrupted_runs_temporaries_are_removed_and_a_second_run_is_refused(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a": ("en", "ru")})
    out = tmp_path / "tm"
    (out / ".alignmem" / "done").mkdir(parents=True)
    (out / ".a.tmx.x1y2z3w4.tmp").write_bytes(b"<half")
    (out / ".alignmem" / "done" / ".a.json.abcdefgh.tmp").write_bytes(b"{")
    (out / ".notes.tmp").write_text("not ours: kept\n", encoding="utf-8")
    pipeline.align_corpus(corpus, out, SETTINGS, aligner=aligner)
    assert sorted(p.name for p in out.rglob("*.tmp")) == [".notes.tmp"]

    held = pipeline.run_corpus(corpus, out, SETTINGS, aligner=aligner)
    next(held)  # holds the folder's lock until it ends
    with pytest.raises(OutputError, match="held by another alignmem run"):
        pipeline.align_corpus(corpus, out, SETTINGS, aligner=aligner)
    held.close()


def test_a_document_failing_with_an_unexpected_error_is_reported_and_the_others_go_on(tmp_path):
    corpus = make_corpus(tmp_path / "c", dict.fromkeys("abc", ("en", "ru")))

    def fragile(src, tgt, config=None):
        if "b.txt" in src.path:
            raise MemoryError("too big")
        return aligner(src, tgt, config)

    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=fragile)
    assert [r.stem for r in result.results] == ["a", "c"]
    assert result.failures == (pipeline.Failure("b", f"{corpus / 'en' / 'b.txt'}: internal error: MemoryError: too big"),)


# ---------------------------------------------------------------------------------------- summary
def test_streamed_json_is_the_same_bytes_as_the_whole_summary(tmp_path):
    corpus = make_corpus(tmp_path / "c", {"a": ("en", "ru", "zh"), "b": ("en", "zh"), "w": ("ru",)})
    (corpus / "ru" / "a.html").write_text("<p>Ещё одна.</p>", encoding="utf-8")
    (corpus / "zh" / "z.txt").write_text("一。\n", encoding="utf-8")
    (corpus / "en" / "z.txt").write_text("One.\n", encoding="utf-8")
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=aligner)
    assert result.results and result.failures and result.waiting
    whole = json.dumps(cli_align.as_json(result), ensure_ascii=False, indent=2) + "\n"
    streamed = io.StringIO()
    data = cli_align.as_json(result)
    cli_align.write_json(streamed, data["documents"], {"waiting": data["waiting"], "failed": data["failed"]})
    assert streamed.getvalue() == whole
    empty = io.StringIO()
    cli_align.write_json(empty, [], {"waiting": [], "failed": []})
    assert empty.getvalue() == json.dumps({"documents": [], "waiting": [], "failed": []}, indent=2) + "\n"


def test_progress_shows_rate_and_time_left():
    from alignmem.cli.progress import ProgressBar

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    bar = ProgressBar(tty, min_interval=0, unit="documents")
    bar._seen.append((time.monotonic() - 10, 0))  # ten seconds ago, nothing was done
    bar(20, 40, "d19")
    assert "20/40 documents, 2.0/s, ETA 0:10 d19" in tty.getvalue()


# ---------------------------------------------------------------------------- killed and resumed
DRIVER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{tests!r}, {src!r}]
    from corpus_helpers import slow_fixture_aligner
    from alignmem import pipeline
    from alignmem.join import JoinConfig
    settings = pipeline.Settings(glossary=False, report=False, join=JoinConfig(split=False))
    result = pipeline.align_corpus(sys.argv[1], sys.argv[2], settings, aligner=slow_fixture_aligner,
                                   map=pipeline.pool_map(2))
    print(",".join(result.skipped))
    print(",".join(r.stem for r in result.results if r.stem not in result.skipped))
""")


def _driver(corpus: Path, out: Path) -> subprocess.Popen:
    script = DRIVER.format(tests=str(TESTS), src=str(SRC))
    return subprocess.Popen([sys.executable, "-c", script, str(corpus), str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _markers(out: Path) -> set[str]:
    folder = out / ".alignmem" / "done"
    return {p.name[: -len(".json")] for p in folder.glob("*.json")} if folder.is_dir() else set()


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_run_killed_half_way_is_resumed_to_the_same_bytes(tmp_path):
    stems = [f"d{k:02d}" for k in range(16)]
    corpus = make_corpus(tmp_path / "c", dict.fromkeys(stems, ("en", "ru", "zh")))
    whole = tmp_path / "whole"
    proc = _driver(corpus, whole)
    assert proc.wait(timeout=600) == 0, proc.stderr.read()

    out = tmp_path / "tm"
    proc = _driver(corpus, out)
    deadline = time.monotonic() + 600
    while len(_markers(out)) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False).stdout.split()
    time.sleep(2)  # the workers notice their driver is gone and end
    assert all(_gone(int(pid)) for pid in workers)
    finished = _markers(out)
    assert 4 <= len(finished) < len(stems), "the run was not stopped half way"

    proc = _driver(corpus, out)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    skipped, aligned = (line.split(",") if line else [] for line in stdout.splitlines())
    assert set(skipped) == finished
    assert sorted(aligned) == sorted(set(stems) - finished)
    assert outputs(out) == outputs(whole)
    assert list(out.rglob("*.tmp")) == []


def test_ctrl_c_lets_the_documents_in_flight_finish_and_the_rerun_does_the_rest(tmp_path):
    # the real command, the real encoder: Ctrl-C (SIGINT) once the first document is done
    stems = [f"d{k:02d}" for k in range(8)]
    corpus = make_corpus(tmp_path / "c", dict.fromkeys(stems, ("en", "ru")))
    out = tmp_path / "tm"
    command = [sys.executable, "-m", "alignmem", "align", "--corpus", str(corpus), "--out", str(out),
               "--no-glossary", "--no-report", "--workers", "2", "--json"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while not _markers(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=600)
    if proc.returncode == 0:
        pytest.skip("the run ended before it could be interrupted (a very fast machine)")
    assert (proc.returncode, stderr.splitlines()[-1]) == (130, "alignmem: interrupted")
    finished = _markers(out)
    assert finished and list(out.rglob("*.tmp")) == []
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"alignmem: {len(finished)} of {len(stems)} documents were finished by an earlier run" in rerun.stderr
    assert [d["stem"] for d in json.loads(rerun.stdout)["documents"]] == stems
