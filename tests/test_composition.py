"""One composition: what `align --links` writes for a pair is exactly what that pair's TMX file holds, for two
and for three input files; a TMX header records settings complete enough to repeat the alignment; the
corpus driver's map can be swapped without changing a byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from omegat import FIXTURE, fixture_documents

from alignmem import pipeline
from alignmem.align import AlignConfig
from alignmem.cli import main
from alignmem.errors import InputError
from alignmem.export.tmx import PROP_SIGNATURE, read_tmx
from alignmem.io.links import read_links
from alignmem.io.xml import parse_file
from alignmem.join import JoinConfig
from alignmem.model import Alignment, Link

FIXTURES = Path(__file__).parent / "fixtures" / "align"
CODES = {"en": "en", "ru": "ru", "zh": "zh-CN"}


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")


@pytest.fixture()
def heihe(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for lang in ("en", "ru", "zh"):
        out[lang] = tmp_path / f"heihe.{lang}.txt"
        shutil.copy(FIXTURES / f"heihe.{lang}", out[lang])
    return out


def sentences(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def link_texts(links, src: list[str], tgt: list[str], a: str, b: str) -> list[tuple[str, str]]:
    joiner = {"en": " ", "ru": " ", "zh": ""}
    return [(joiner[a].join(src[i] for i in s), joiner[b].join(tgt[j] for j in t)) for s, t in links if s and t]


def tmx_texts(path: Path, a: str, b: str) -> list[tuple[str, str]]:
    return [(tu.seg(a), tu.seg(b)) for tu in read_tmx(path)]


@pytest.mark.parametrize("langs", [("en", "ru"), ("en", "ru", "zh")])
def test_links_are_exactly_the_pair_tmx(heihe: dict[str, Path], tmp_path: Path, langs: tuple[str, ...]) -> None:
    files = [str(heihe[lang]) for lang in langs]
    common = ["--langs", ",".join(langs), "--presegmented", "-q"]
    links_out = tmp_path / ("links.align" if len(langs) == 2 else "links")
    assert main(["align", *files, *common, "--links", str(links_out)]) == 0
    assert main(["align", *files, *common, "-o", str(tmp_path / "tm" / "heihe.tmx"), "--no-glossary",
                 "--no-report"]) == 0
    pairs = [("en", "ru")] if len(langs) == 2 else [("en", "ru"), ("en", "zh"), ("ru", "zh")]
    for a, b in pairs:
        link_file = links_out if len(langs) == 2 else links_out / f"heihe.{CODES[a]}-{CODES[b]}.align"
        from_links = link_texts(read_links(link_file), sentences(heihe[a]), sentences(heihe[b]), a, b)
        name = "heihe.tmx" if len(langs) == 2 else f"heihe.{CODES[a]}-{CODES[b]}.tmx"  # -o names a pair's file
        from_tmx = tmx_texts(tmp_path / "tm" / name, a, b)
        assert from_links == from_tmx and from_tmx


def test_three_files_need_a_folder_for_their_links(heihe: dict[str, Path], capsys) -> None:
    files = [str(heihe[lang]) for lang in ("en", "ru", "zh")]
    assert main(["align", *files, "--presegmented", "--links", "-"]) == 2
    assert capsys.readouterr().err == ("alignmem: with three files, give a folder for the links: --links DIR "
                                       "(one file per pair)\n")


def test_a_tmx_header_repeats_its_alignment(heihe: dict[str, Path], tmp_path: Path) -> None:
    settings = pipeline.Settings(align=AlignConfig(signals=("embedding", "length"), band=6, merge_boost=1.05),
                                 join=JoinConfig(split_margin=0.2), presegmented=True, glossary=False,
                                 report=False)
    first = pipeline.align_files([heihe["en"], heihe["zh"]], ["en", "zh"], tmp_path / "a" / "h.tmx", settings)
    header = parse_file(first.outputs[0].path).find("header")
    signature = next(p.text for p in header.iter("prop") if p.get("type") == PROP_SIGNATURE)
    restored = pipeline.Settings.from_signature(signature, glossary=False, report=False)
    assert restored == settings
    again = pipeline.align_files([heihe["en"], heihe["zh"]], ["en", "zh"], tmp_path / "b" / "h.tmx", restored)
    assert Path(again.outputs[0].path).read_bytes() == Path(first.outputs[0].path).read_bytes()


def test_an_unknown_setting_in_a_signature_is_an_error() -> None:
    with pytest.raises(InputError, match="unknown setting 'bands=6' in signature"):
        pipeline.Settings.from_signature("alignmem:0.1.0|align.bands=6")


def diagonal(src, tgt, config=None):
    """Sentence i with sentence i (picklable: a module-level function for worker processes)."""
    n, m = len(src.sentences), len(tgt.sentences)
    links = [Link((i,), (i,), 0.9) for i in range(min(n, m))]
    links += [Link((i,), (), 0.0) for i in range(m, n)] + [Link((), (j,), 0.0) for j in range(n, m)]
    return Alignment(src.lang, tgt.lang, tuple(links), "diagonal")


def test_a_process_pool_writes_what_one_process_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for stem in ("one", "two", "three"):
        for doc in fixture_documents(corpus / "x"):
            lang = doc.lang
            (corpus / lang).mkdir(parents=True, exist_ok=True)
            shutil.copy(doc.path, corpus / lang / f"{stem}.txt")
    settings = pipeline.Settings(join=JoinConfig(split=False), report=False)
    serial = pipeline.align_corpus(corpus, tmp_path / "serial", settings, aligner=diagonal)
    pooled = pipeline.align_corpus(corpus, tmp_path / "pool", settings, aligner=diagonal,
                                   map=pipeline.pool_map(2))
    assert [r.stem for r in serial.results] == [r.stem for r in pooled.results] == ["one", "three", "two"]
    names = sorted(p.name for p in (tmp_path / "serial").iterdir() if p.is_file())  # not the resume markers
    assert names == sorted(p.name for p in (tmp_path / "pool").iterdir() if p.is_file()) and len(names) > 12
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes()
    assert len(FIXTURE["en"]) > 1


def test_a_split_all_three_aligners_agree_on_stays_whole_in_the_pair_file(tmp_path: Path) -> None:
    """Regression (issue 12): splitting merged groups broke 1-2 links that every pairwise alignment agreed on:
    the English sentence ending "such as the SCO and BRICS" got only the first of its two Russian sentences."""
    root = Path(__file__).resolve().parents[1] / "corpora"
    paths = [root / lang / "lavrov-treaty-20th-anniversary-2021.txt" for lang in ("en", "ru", "zh")]
    result = pipeline.align_files(paths, ["en", "ru", "zh"], tmp_path / "a.tmx",
                                  pipeline.Settings(glossary=False, report=False))
    [tu] = [tu for tu in read_tmx(tmp_path / "a.en-ru.tmx") if "such as the SCO and BRICS" in (tu.seg("en") or "")]
    assert tu.link_type == "1-2"
    assert tu.seg("ru").endswith("как ШОС и БРИКС.")
    assert result.outputs
