"""The main job on the fixture: files written, named, complete or not at all; corpus mode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from omegat import FIXTURE, fixture_aligner, fixture_documents, fixture_text

from alignmem import pipeline
from alignmem.errors import InputError, NotTranslationError, OutputError
from alignmem.export import tmx
from alignmem.join import JoinConfig
from alignmem.model import Alignment, Link

SETTINGS = pipeline.Settings(glossary=False, report=False, join=JoinConfig(split=False))
STEM = "lavrov"
STATE = ".alignmem"  # a corpus run's markers of finished documents (pipeline.resume)


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


def diagonal_aligner(src, tgt, config=None):
    """Sentence i with sentence i; what is left over is omitted."""
    n, m = len(src.sentences), len(tgt.sentences)
    links = [Link((i,), (i,), 0.9) for i in range(min(n, m))]
    links += [Link((i,), (), 0.0) for i in range(m, n)] + [Link((), (j,), 0.0) for j in range(n, m)]
    return Alignment(src.lang, tgt.lang, tuple(links), "diagonal")


def test_process_writes_trilingual_and_pair_files(tmp_path):
    result = pipeline.export_document(fixture_documents(), tmp_path / "tm" / f"{STEM}.tmx", SETTINGS,
                              aligner=fixture_aligner)
    names = [Path(f.path).name for f in result.outputs]
    assert names == [f"{STEM}.tmx", f"{STEM}.en-ru.tmx", f"{STEM}.en-zh-CN.tmx", f"{STEM}.ru-zh-CN.tmx"]
    assert [f.tus for f in result.outputs] == [4, 5, 4, 4]
    assert sorted(p.name for p in (tmp_path / "tm").iterdir()) == sorted(names)  # no temp files left
    assert result.sentences == (("en", 5), ("ru", 6), ("zh", 4))
    assert result.aligned == (("en", 5), ("ru", 6), ("zh", 4))
    trilingual = tmx.read_tmx(tmp_path / "tm" / f"{STEM}.tmx")
    assert all(tu.langs == ("en", "ru", "zh") for tu in trilingual)
    en_ru = tmx.read_tmx(tmp_path / "tm" / f"{STEM}.en-ru.tmx")
    assert [tu.seg("ru") for tu in en_ru][2] == FIXTURE["ru"][0][2]  # the group zh omits is in the pair file
    header = (tmp_path / "tm" / f"{STEM}.ru-zh-CN.tmx").read_text(encoding="utf-8")
    assert 'srclang="ru"' in header and "x-alignmem-signature" in header and "langs:ru,zh" in header
    for output in result.outputs:
        assert tmx.validate(Path(output.path).read_bytes()) == []


def test_groups_every_aligner_merged_are_split_by_the_sentence_encoder(tmp_path):
    def merging(src, tgt, config=None):
        # every pair glues the first two sentences of the first paragraph into one link
        fixture = fixture_aligner(src, tgt, config)
        links = list(fixture.links)
        first, second = links[0], links[1]
        links[:2] = [Link(first.src + second.src, first.tgt + second.tgt, 0.8)]
        return Alignment(src.lang, tgt.lang, tuple(links), "merging")

    settings = pipeline.Settings(glossary=False, report=False)  # the split step on, with the real encoder
    result = pipeline.export_document(fixture_documents(), tmp_path / "m.tmx", settings, aligner=merging)
    tus = tmx.read_tmx(result.outputs[0].path)
    assert [tu.seg("ru") for tu in tus[:2]] == FIXTURE["ru"][0][:2]
    assert [tu.link_type for tu in tus[:2]] == ["1-1-1", "1-1-1"]
    assert "join.split=yes|join.split_min_sim=0.3|join.split_margin=0.15" in Path(result.outputs[0].path).read_text(encoding="utf-8")
    unsplit = pipeline.export_document(fixture_documents(), tmp_path / "u.tmx", SETTINGS, aligner=merging)
    assert tmx.read_tmx(unsplit.outputs[0].path)[0].link_type == "2-2-2"


def test_srclang_and_codes_settings(tmp_path):
    settings = pipeline.Settings(codes={"en": "en-GB"}, srclang="zh", glossary=False, report=False)
    result = pipeline.export_document(fixture_documents(), tmp_path / "x.tmx", settings, aligner=fixture_aligner)
    assert [Path(f.path).name for f in result.outputs][1] == "x.en-GB-ru.tmx"
    text = Path(result.outputs[0].path).read_text(encoding="utf-8")
    assert 'srclang="zh-CN"' in text and 'xml:lang="en-GB"' in text
    assert 'srclang="en-GB"' in Path(result.outputs[1].path).read_text(encoding="utf-8")  # zh not in en-ru


def test_two_runs_are_byte_identical(tmp_path):
    outputs = []
    for run in ("a", "b"):
        result = pipeline.export_document(fixture_documents(), tmp_path / run / f"{STEM}.tmx", SETTINGS,
                                  aligner=fixture_aligner)
        outputs.append([Path(f.path).read_bytes() for f in result.outputs])
    assert outputs[0] == outputs[1]


def test_unwritable_output_leaves_no_file_at_all(tmp_path):
    out = tmp_path / "tm"
    out.mkdir()
    (out / f"{STEM}.en-zh-CN.tmx").mkdir()  # one of the four names is taken by a folder
    with pytest.raises(OutputError) as exc:
        pipeline.export_document(fixture_documents(), out / f"{STEM}.tmx", SETTINGS, aligner=fixture_aligner)
    assert str(exc.value) == f"{out / f'{STEM}.en-zh-CN.tmx'}: cannot write: a folder of that name exists"
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.en-zh-CN.tmx"]


@pytest.mark.parametrize("taken", [f"{STEM}.report.html", f"{STEM}.glossary.csv"])
def test_unwritable_glossary_or_report_leaves_no_tmx_either(tmp_path, taken):
    # the TMX files, the glossary and the report of a document are written together, all or none
    out = tmp_path / "tm"
    out.mkdir()
    (out / taken).mkdir()
    settings = pipeline.Settings(glossary=True, report=True, join=JoinConfig(split=False))
    with pytest.raises(OutputError, match="cannot write: a folder of that name exists"):
        pipeline.export_document(fixture_documents(), out / f"{STEM}.tmx", settings, aligner=fixture_aligner)
    assert sorted(p.name for p in out.iterdir()) == [taken]


def test_glossary_and_report_are_listed_with_the_tmx_files(tmp_path):
    settings = pipeline.Settings(glossary=True, report=True, join=JoinConfig(split=False))
    result = pipeline.export_document(fixture_documents(), tmp_path / f"{STEM}.tmx", settings, aligner=fixture_aligner)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert f"{STEM}.report.html" in written and f"{STEM}.glossary.tbx" in written
    assert sorted(Path(p).name for p in result.extras) == sorted(
        name for name in written if ".glossary." in name or name.endswith(".report.html"))
    assert not [name for name in written if name.endswith(".tmp")]


def test_not_a_translation_names_both_files(tmp_path):
    docs = fixture_documents(tmp_path)

    def refusing(src, tgt, config=None):
        raise NotTranslationError("the texts do not look like translations of each other")

    with pytest.raises(NotTranslationError) as exc:
        pipeline.export_document(docs, tmp_path / "x.tmx", SETTINGS, aligner=refusing)
    assert str(exc.value) == (f"{docs[0].path} and {docs[1].path}: the texts do not look like translations "
                              "of each other")
    assert not (tmp_path / "x.tmx").exists()


def test_two_languages_write_only_the_pair_file(tmp_path):
    docs = fixture_documents(langs=("zh", "en"))
    result = pipeline.export_document(docs, tmp_path / "d.tmx", SETTINGS, aligner=fixture_aligner)
    assert [Path(f.path).name for f in result.outputs] == ["d.en-zh-CN.tmx"]
    tus = tmx.read_tmx(tmp_path / "d.en-zh-CN.tmx")
    assert [tu.langs for tu in tus] == [("en", "zh")] * 4
    assert 'srclang="zh-CN"' in (tmp_path / "d.en-zh-CN.tmx").read_text(encoding="utf-8")  # first given


def make_corpus(root: Path, stems: dict[str, tuple[str, ...]]) -> Path:
    for stem, langs in stems.items():
        for lang in langs:
            (root / lang).mkdir(parents=True, exist_ok=True)
            (root / lang / f"{stem}.txt").write_text(fixture_text(lang), encoding="utf-8")
    for lang in ("ru", "zh"):
        (root / lang).mkdir(parents=True, exist_ok=True)
        (root / lang / "README.md").write_text("# translations go here\n", encoding="utf-8")
    return root


def test_corpus_aligns_stems_in_two_languages_and_lists_the_waiting(tmp_path):
    corpus = make_corpus(tmp_path / "corpora", {"a": ("en", "ru", "zh"), "b": ("en", "zh"), "c": ("en",)})
    seen = []
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=diagonal_aligner,
                                   on_progress=lambda done, total, name: seen.append((done, total, name)))
    assert [r.stem for r in result.results] == ["a", "b"]
    assert result.waiting == (("c", ("en",)),)
    assert result.failures == ()
    assert seen == [(0, 2, ""), (1, 2, "a"), (2, 2, "b")]  # the label: the document just finished
    assert sorted(p.name for p in (tmp_path / "tm").iterdir() if p.name != STATE) == [
        "a.en-ru.tmx", "a.en-zh-CN.tmx", "a.ru-zh-CN.tmx", "a.tmx", "b.en-zh-CN.tmx"]


def test_corpus_goes_on_after_a_failing_document(tmp_path):
    corpus = make_corpus(tmp_path / "corpora", {"a": ("en", "ru"), "b": ("en", "ru"), "c": ("en", "ru")})
    (corpus / "ru" / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=diagonal_aligner)
    assert [r.stem for r in result.results] == ["a", "c"]
    assert [f.stem for f in result.failures] == ["b"]
    assert result.failures[0].message.startswith(str(corpus / "ru" / "b.txt") + ": ")
    assert sorted(p.name for p in (tmp_path / "tm").iterdir() if p.name != STATE) == ["a.en-ru.tmx", "c.en-ru.tmx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_corpus_unreadable_file(tmp_path):
    corpus = make_corpus(tmp_path / "corpora", {"a": ("en", "ru")})
    (corpus / "ru" / "a.txt").chmod(0)
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=diagonal_aligner)
    assert [f.stem for f in result.failures] == ["a"]


def test_corpus_with_two_versions_in_one_language_fails_that_stem_only(tmp_path):
    corpus = make_corpus(tmp_path / "corpora", {"a": ("en", "ru"), "b": ("en", "ru")})
    (corpus / "ru" / "b.html").write_text("<p>Другая версия.</p>", encoding="utf-8")
    result = pipeline.align_corpus(corpus, tmp_path / "tm", SETTINGS, aligner=diagonal_aligner)
    assert [r.stem for r in result.results] == ["a"]
    assert result.failures == (pipeline.Failure(
        "b", f"{corpus / 'ru'}: two ru versions of 'b': b.html and b.txt; keep one"),)
    with pytest.raises(InputError, match="two ru versions of 'b'"):
        pipeline.find_corpus(corpus)
