"""XLIFF out: one bilingual file per language pair, read back by translate-toolkit (XLIFF 2.0 and 1.2) and
by OmegaT (1.2: the only XLIFF Debian's OmegaT 3.6 reads); flagged and low-score units marked for review."""

from __future__ import annotations

from pathlib import Path

import pytest
from omegat import FIXTURE, build_project, fixture_aligner, fixture_documents, run_omegat, skip_reason

from alignmem import pipeline
from alignmem.cli import main
from alignmem.export import FORMATS, Naming, Options
from alignmem.export.xliff import XLIFF, XLIFF12
from alignmem.join import align_documents

SETTINGS = pipeline.Settings(glossary=False, report=False)


@pytest.fixture(scope="module")
def aligned(tmp_path_factory):  # type: ignore[no-untyped-def]
    docs = fixture_documents(tmp_path_factory.mktemp("xliff-in"))
    return align_documents(docs, SETTINGS.align, SETTINGS.join, "fixture", aligner=fixture_aligner)


def test_formats_are_registered() -> None:
    assert FORMATS["xliff"] is XLIFF and FORMATS["xliff12"] is XLIFF12


def test_xliff2_one_file_per_pair_read_by_translate_toolkit(aligned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import xliff2

    review = {("en", "ru"): {"fixture:p2:s1": ("order: two sentences swapped",)}}
    built = XLIFF(Options(), review=review).files(aligned, Naming(tmp_path, "fixture"))
    assert [b.path.name for b in built] == ["fixture.en-ru.xlf", "fixture.en-zh-CN.xlf", "fixture.ru-zh-CN.xlf"]
    store = xliff2.Xliff2File.parsestring(built[0].data)
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "ru")
    pairs = [(unit.source, unit.target) for unit in store.units]
    en, ru = FIXTURE["en"], FIXTURE["ru"]
    assert pairs[0] == (en[0][0], ru[0][0])
    assert (en[1][0], " ".join(ru[1])) in pairs  # the 1-2 link is one unit
    fuzzy = [unit.source for unit in store.units if unit.isfuzzy()]
    assert fuzzy == [en[1][0]]  # marked for review: state "initial", the reason as a note
    assert b'subState="alignmem:review"' in built[0].data and b"order: two sentences swapped" in built[0].data
    assert sum(unit.istranslated() for unit in store.units) == len(pairs) - 1


def test_low_score_units_need_review(aligned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import xliff

    built = XLIFF12(Options(), min_score=0.9).files(aligned, Naming(tmp_path, "fixture"))
    store = xliff.xlifffile.parsestring(built[0].data)
    fuzzy = {unit.source for unit in store.units if unit.isfuzzy()}
    # en-ru scores of the fixture: 0.91, 0.88, 0.8, 0.77, 0.9
    assert fuzzy == {FIXTURE["en"][0][1], FIXTURE["en"][0][2], FIXTURE["en"][1][0]}
    assert b"low-score: score 0.88 &lt; 0.9" in built[0].data
    assert built[0].warnings == ("3 of 5 units of en-ru marked for review",)


def test_align_format_xliff_writes_the_pair_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = fixture_documents(tmp_path / "in")
    result = pipeline.export_document(docs, tmp_path / "out" / "fixture.xlf",
                                      pipeline.Settings(glossary=False, report=False, memory="xliff"),
                                      aligner=fixture_aligner)
    names = sorted(Path(f.path).name for f in result.outputs)
    assert names == ["fixture.en-ru.xlf", "fixture.en-zh-CN.xlf", "fixture.ru-zh-CN.xlf"]
    assert not list((tmp_path / "out").glob("*.tmx"))
    assert main(["align", str(docs[0].path), str(docs[1].path), "--format", "xliff", "--links", "x"]) == 2
    assert "give either --links OUT or --format xliff, not both" in capsys.readouterr().err


@pytest.mark.omegat
@pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")
def test_omegat_reads_the_xliff12_file(aligned, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    built = XLIFF12(Options()).files(aligned, Naming(tmp_path, "fixture"))[0]
    project = build_project(tmp_path / "project", "en", "ru", {built.path.name: built.data.decode("utf-8")})
    run_omegat(project)
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    row = next(line for line in stats.splitlines() if line.startswith(built.path.name))
    sentences = sum(len(paragraph) for paragraph in FIXTURE["en"])
    assert int(row.split()[1]) >= sentences  # OmegaT found the units' English sentences as segments
    translated = (project / "target" / built.path.name).read_text(encoding="utf-8")
    assert FIXTURE["ru"][2][0] in translated
