"""``alignmem tm merge``: one TMX 1.4b per language pair from a corpus run's documents, streamed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from corpus_helpers import make_corpus
from omegat import fixture_aligner

from alignmem import pipeline
from alignmem.cli import main
from alignmem.errors import FormatError
from alignmem.export import tmx
from alignmem.io.store import LocalStore
from alignmem.join import JoinConfig
from alignmem.tm.merge import merge_tmx

SETTINGS = pipeline.Settings(glossary=False, report=False, join=JoinConfig(split=False))


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


@pytest.fixture()
def run(tmp_path) -> Path:
    corpus = make_corpus(tmp_path / "c", {"b": ("en", "ru", "zh"), "a": ("en", "ru", "zh"), "c": ("en", "zh"),
                                          "d": ("en", "ru")})
    out = tmp_path / "tm"
    pipeline.align_corpus(corpus, out, SETTINGS, aligner=fixture_aligner)
    return out


def test_merge_holds_every_tu_of_the_pair_in_document_order_and_is_valid(run, tmp_path, capsys):
    target = tmp_path / "corpus.en-ru.tmx"
    assert main(["tm", "merge", str(run), "--pair", "en-ru", "-o", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target} (15 TUs from 3 documents)\n"
    data = target.read_bytes()
    assert tmx.validate(data) == []
    merged = tmx.read_tmx(target)
    parts = [tu for stem in "abd" for tu in tmx.read_tmx(run / f"{stem}.en-ru.tmx")]
    assert merged == parts
    assert [tu.tuid.split(":")[0] for tu in merged] == ["a"] * 5 + ["b"] * 5 + ["d"] * 5
    assert data.startswith((run / "a.en-ru.tmx").read_bytes().split(b"<body>")[0])  # the first file's header
    again = tmp_path / "again.tmx"
    main(["tm", "merge", str(run), "--pair", "ru-en", "-o", str(again), "-q"])
    assert again.read_bytes() == data


def test_one_document_merges_to_its_own_bytes(run, tmp_path):
    target = tmp_path / "zh.tmx"
    assert main(["tm", "merge", str(run), "--pair", "en-zh-CN", "-o", str(target), "-q"]) == 0
    assert tmx.validate(target.read_bytes()) == []
    assert [tu.tuid for tu in tmx.read_tmx(target)][:4] == [tu.tuid for tu in tmx.read_tmx(run / "a.en-zh-CN.tmx")]
    single = tmp_path / "single.tmx"
    merge_tmx([str(run / "a.en-zh-CN.tmx")], single, ("en", "zh"), LocalStore(".").open)
    assert single.read_bytes() == (run / "a.en-zh-CN.tmx").read_bytes()


def test_trilingual_files_merge_too_and_unfinished_documents_are_left_out(run, tmp_path):
    (run / ".alignmem" / "done" / "b.json").unlink()  # as if b's run had been killed before its marker
    target = tmp_path / "three.tmx"
    assert main(["tm", "merge", str(run), "--pair", "en,ru,zh", "-o", str(target), "-q"]) == 0
    assert {tu.tuid.split(":")[0] for tu in tmx.read_tmx(target)} == {"a"}
    assert tmx.validate(target.read_bytes()) == []


def test_merge_errors(run, tmp_path, capsys):
    assert main(["tm", "merge", str(run), "--pair", "en-xx", "-o", str(tmp_path / "x.tmx")]) == 2
    assert capsys.readouterr().err == "alignmem: --pair 'en-xx': expected two languages, e.g. en-ru, en-zh or ru-zh\n"
    assert main(["tm", "merge", str(tmp_path / "none"), "--pair", "en-ru", "-o", str(tmp_path / "x.tmx")]) == 2
    assert "output folder of a corpus run not found" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["tm", "merge", str(empty), "--pair", "en-ru", "-o", str(tmp_path / "x.tmx")]) == 2
    assert "nothing to merge" in capsys.readouterr().err
    assert not (tmp_path / "x.tmx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_tu_of_other_languages_is_refused_naming_its_file(run, tmp_path):
    with pytest.raises(FormatError, match="holds en,ru, not en,zh"):
        merge_tmx([str(run / "a.en-zh-CN.tmx"), str(run / "d.en-ru.tmx")], tmp_path / "x.tmx", ("en", "zh"),
                  LocalStore(".").open)
    assert not (tmp_path / "x.tmx").exists()


def test_merge_streams_elements_it_has_written_away():
    # a body of 3,000 TUs: the parse tree never holds more than the TU being copied
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
            b'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>'
            b"<body>")
    tu = b'<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"><seg>b</seg></tuv></tu>'
    source = head + tu * 3000 + b"</body></tmx>"
    seen = []

    class Watched(io.BytesIO):
        def read(self, size=-1):
            seen.append(self.tell())
            return super().read(size)

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        result = merge_tmx(["x"], Path(tmp) / "m.tmx", ("en", "ru"), lambda name: Watched(source))
        assert result.tus == 3000
        assert len(seen) > 2  # read in pieces, not at once
        assert tmx.validate((Path(tmp) / "m.tmx").read_bytes()) == []
