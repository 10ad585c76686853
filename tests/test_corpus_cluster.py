"""The corpus on worker processes and on a real Dask LocalCluster (2 worker processes): the same bytes as
a serial run; inputs and outputs at fsspec URLs; the one-line message when Dask is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_helpers import make_corpus, need, outputs
from omegat import fixture_aligner

from alignmem import pipeline
from alignmem.cli import main
from alignmem.join import JoinConfig
from alignmem.pipeline.corpus import THREAD_ENV

SETTINGS = pipeline.Settings(glossary=True, report=True, join=JoinConfig(split=False))
STEMS = {"a": ("en", "ru", "zh"), "b": ("en", "zh"), "c": ("en", "ru", "zh"), "d": ("ru", "zh"), "w": ("en",)}


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


@pytest.fixture(scope="module")
def local_cluster():
    """A real LocalCluster of 2 worker processes, one thread each (shared by the tests of this module)."""
    need("dask.distributed")
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                           env=dict(THREAD_ENV))
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def serial(corpus: Path, out: Path, settings=SETTINGS) -> pipeline.CorpusResult:
    return pipeline.align_corpus(corpus, out, settings, aligner=fixture_aligner)


def test_worker_processes_write_the_serial_runs_bytes(tmp_path):
    corpus = make_corpus(tmp_path / "c", STEMS)
    expected = serial(corpus, tmp_path / "serial")
    result = pipeline.align_corpus(corpus, tmp_path / "pool", SETTINGS, aligner=fixture_aligner,
                                   map=pipeline.pool_map(2, window=3))
    assert outputs(tmp_path / "pool") == outputs(tmp_path / "serial")
    assert [r.stem for r in result.results] == ["a", "b", "c", "d"]
    assert [(r.outputs, r.extras) for r in result.results] == [
        (tuple(f.__class__(f.path.replace("serial", "pool"), f.langs, f.tus) for f in r.outputs),
         tuple(p.replace("serial", "pool") for p in r.extras)) for r in expected.results]
    assert result.waiting == (("w", ("en",)),)


def test_local_cluster_writes_the_serial_runs_bytes(tmp_path, local_cluster):
    from alignmem.pipeline.cluster import dask_map

    corpus = make_corpus(tmp_path / "c", STEMS)
    serial(corpus, tmp_path / "serial")
    assert len(local_cluster.nthreads()) == 2
    result = pipeline.align_corpus(corpus, tmp_path / "dask", SETTINGS, aligner=fixture_aligner,
                                   map=dask_map(local_cluster.scheduler.address, window=2))
    assert [r.stem for r in result.results] == ["a", "b", "c", "d"]
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "serial")
    # the workers run numeric libraries on one thread
    assert set(local_cluster.run(lambda: os.environ.get("OPENBLAS_NUM_THREADS")).values()) == {"1"}


def test_a_document_that_fails_on_the_cluster_does_not_stop_the_others(tmp_path, local_cluster):
    from alignmem.pipeline.cluster import dask_map

    corpus = make_corpus(tmp_path / "c", dict.fromkeys("abc", ("en", "ru")))
    (corpus / "ru" / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=fixture_aligner,
                                   map=dask_map(local_cluster.scheduler.address))
    assert [r.stem for r in result.results] == ["a", "c"]
    assert [f.stem for f in result.failures] == ["b"]
    assert result.failures[0].message.startswith(str(corpus / "ru" / "b.txt") + ": ")


def test_fsspec_urls_in_and_out(tmp_path, local_cluster):
    # local:// is fsspec's own file system (file:// is taken as a plain folder, where renames are atomic)
    need("fsspec")
    from alignmem.pipeline.cluster import dask_map

    corpus = make_corpus(tmp_path / "c", STEMS)
    serial(corpus, tmp_path / "serial")
    url_in, url_out = f"local://{corpus}", f"local://{tmp_path / 'remote'}"
    result = pipeline.align_corpus(url_in, url_out, SETTINGS, aligner=fixture_aligner,
                                   map=dask_map(local_cluster.scheduler.address))
    assert outputs(tmp_path / "remote") == outputs(tmp_path / "serial")
    assert result.results[0].outputs[0].path == f"{url_out}/a.tmx"
    again = pipeline.align_corpus(url_in, url_out, SETTINGS, aligner=fixture_aligner)
    assert again.skipped == ("a", "b", "c", "d")


def test_the_real_encoder_on_a_local_cluster_gives_the_serial_bytes(tmp_path):
    # end to end as a user runs it: the command, the sentence encoder, a LocalCluster it starts itself
    need("dask.distributed")
    corpus = make_corpus(tmp_path / "c", {"a": ("en", "ru", "zh"), "b": ("en", "ru")})
    env = {**os.environ, **THREAD_ENV, "SOURCE_DATE_EPOCH": "1626436800"}
    base = [sys.executable, "-m", "alignmem", "align", "--corpus", str(corpus), "--no-report", "-q"]
    for out, mode in (("serial", ["--workers", "0"]), ("dask", ["--scheduler", "local", "--workers", "2"])):
        done = subprocess.run([*base, "--out", str(tmp_path / out), *mode], capture_output=True, text=True,
                              env=env, timeout=900, check=False)
        assert (done.returncode, done.stderr) == (0, "")
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "serial")
    assert "a.en-zh-CN.tmx" in outputs(tmp_path / "dask")


def test_without_dask_the_scheduler_option_says_which_extra_to_install(tmp_path, monkeypatch, capsys):
    corpus = make_corpus(tmp_path / "c", {"a": ("en", "ru")})
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    code = main(["align", "--corpus", str(corpus), "--out", str(tmp_path / "tm"), "--scheduler", "local"])
    assert (code, capsys.readouterr().err) == (
        2, "alignmem: --scheduler needs Dask: pip install 'alignmem[dask]'\n")
    assert not (tmp_path / "tm").exists()


def test_workers_and_scheduler_go_with_a_corpus(capsys):
    assert main(["align", "a.txt", "b.txt", "--workers", "2"]) == 2
    assert capsys.readouterr().err == "alignmem: --workers and --scheduler go with --corpus DIR\n"
    with pytest.raises(SystemExit) as exc:
        main(["align", "--corpus", "c", "--workers", "two"])
    assert exc.value.code == 2
    assert "expected a number of workers (0 or more), not 'two'" in capsys.readouterr().err
