"""TMX export: round trip, DTD validity, determinism, the rules CAT tools check (docs/FORMATS.md)."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from omegat import fixture_alignments, fixture_documents

from alignmem import langs as langreg
from alignmem.errors import InputError
from alignmem.export import Naming, Options, tmx
from alignmem.export.units import tus_of
from alignmem.join.groups import combine
from alignmem.join.project import project
from alignmem.model import TU
from alignmem.text.space import one_line

DATE = "20210716T120000Z"


@pytest.fixture()
def aligned():
    return combine(fixture_documents(), fixture_alignments(), stem="lavrov")


def test_tus_from_groups_only_keeps_groups_with_every_language(aligned):
    tus = tus_of(aligned, ("en", "ru", "zh"))
    # 5 English sentences; the third has no Chinese, so 4 trilingual TUs
    assert [tu.tuid for tu in tus] == ["lavrov:p1:s1", "lavrov:p1:s2", "lavrov:p2:s1", "lavrov:p3:s1"]
    assert [tu.link_type for tu in tus] == ["1-1-1", "1-1-1", "1-2-1", "1-1-1"]
    assert tus[2].seg("ru") == ("Обе страны выступают за многополярный мир. "
                                "Они поддерживают центральную роль ООН.")
    assert tus[0].seg("zh") == "二十年前，俄罗斯和中国签署了条约。"
    assert [tu.para for tu in tus] == [1, 1, 2, 3]
    assert all(tu.doc == "lavrov" for tu in tus)
    pair = tus_of(project(aligned, ("en", "ru"), fixture_alignments()[("en", "ru")]),
                               ("en", "ru"))
    assert len(pair) == 5 and pair[2].seg("en") == "It remains in force today."


def test_chinese_sentences_are_joined_without_space_and_whitespace_normalised(aligned):
    docs = fixture_documents()
    links = fixture_alignments()
    merged = dict(links)
    from alignmem.model import Alignment, Link
    merged[("en", "zh")] = Alignment("en", "zh", (Link((0, 1), (0, 1), 0.8), Link((2,), (), 0.0),
                                                  Link((3,), (2,), 0.8), Link((4,), (3,), 0.9)))
    grouped = combine(docs, {("en", "zh"): merged[("en", "zh")]})
    tus = tus_of(grouped, ("en", "zh"))
    assert tus[0].seg("zh") == "二十年前，俄罗斯和中国签署了条约。该条约为我们的关系奠定了坚实基础。"
    assert tus[0].seg("en") == ("Twenty years ago, Russia and China signed the Treaty. "
                                "The Treaty laid a solid foundation for our relations.")
    assert tus[0].link_type == "2-2"


def test_round_trip_gives_the_same_tus(aligned, tmp_path):
    langs = ("en", "ru", "zh")
    tus = tus_of(aligned, langs)
    path = tmp_path / "x.tmx"
    assert tmx.write_tmx(path, tus, langs, srclang="en", creationdate=DATE) == []
    assert tmx.read_tmx(path) == tus


def test_file_is_valid_against_the_tmx14_dtd_and_has_the_full_header(aligned):
    langs = ("en", "ru", "zh")
    data = tmx.tmx_bytes(tus_of(aligned, langs), langs, srclang="ru", creationdate=DATE,
                         header_props=[("x-alignmem-signature", "alignmem:0.1.0|langs:en,ru,zh")])
    assert tmx.validate(data) == []
    text = data.decode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    header = re.search(r"<header ([^>]*)>", text).group(1)
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', header))
    assert attrs == {"creationtool": "alignmem", "creationtoolversion": "0.1.0", "segtype": "sentence",
                     "o-tmf": "alignmem", "adminlang": "en", "srclang": "ru", "datatype": "plaintext",
                     "creationdate": DATE}
    assert '<tuv xml:lang="zh-CN">' in text and 'xml:lang="zh"' not in text
    assert re.findall(r'creationdate="([^"]*)"', text) == [DATE] * 5
    # segs are written on one line, with nothing around the text
    segs = re.findall(r"<seg>(.*?)</seg>", text, re.DOTALL)
    assert segs and all(seg == seg.strip() and "\n" not in seg for seg in segs)


def test_dtd_catches_a_broken_file():
    assert tmx.validate(b'<tmx version="1.4"><header/><body/></tmx>')  # header attributes missing
    bad_order = (b'<tmx version="1.4"><header creationtool="a" creationtoolversion="1" segtype="sentence" '
                 b'o-tmf="a" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en">'
                 b'<seg>x</seg></tuv><prop type="x">y</prop></tu></body></tmx>')
    assert tmx.validate(bad_order)


def test_two_runs_give_identical_bytes(aligned, tmp_path):
    langs = ("en", "ru", "zh")
    for name in ("a.tmx", "b.tmx"):
        again = combine(fixture_documents(), fixture_alignments(), stem="lavrov")
        tus = tus_of(again, langs)
        tmx.write_tmx(tmp_path / name, tus, langs, srclang="en", creationdate=DATE)
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes()


def test_creation_date_from_source_date_epoch_or_newest_input(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1626436800")
    assert tmx.creation_date() == "20210716T120000Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("a")
    new.write_text("b")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    os.utime(new, (1_600_000_000, 1_600_000_000))
    assert tmx.creation_date([old, new]) == "20200913T122640Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH must be an integer"):
        tmx.creation_date()


def test_forbidden_characters_become_spaces_and_long_segments_warn(tmp_path):
    tu = TU("d:p1:s1", (("en", "Line\x0bbreak\x00here " + "x" * 2100), ("ru", "Строка\x0cразрыв")), 0.5)
    warnings: list[str] = []
    data = tmx.tmx_bytes([tu], ("en", "ru"), srclang="en", creationdate=DATE, warnings=warnings)
    assert "<seg>Line break here x" in data.decode() and "<seg>Строка разрыв</seg>" in data.decode()
    assert warnings == ["TU d:p1:s1: en segment has 2116 characters (over 2000, which Trados Cloud refuses)"]
    assert tmx.write_tmx(tmp_path / "w.tmx", [tu], ("en", "ru"), srclang="en", creationdate=DATE) == warnings


def test_empty_seg_is_never_written():
    tu = TU("d:p1:s1", (("en", "Text."), ("ru", " \x0b ")), 0.5)
    with pytest.raises(ValueError, match="has no text in"):
        tmx.tmx_bytes([tu], ("en", "ru"), srclang="en", creationdate=DATE)


def test_language_codes_are_configurable_and_map_back(tmp_path):
    codes = langreg.parse_codes("en=en-GB,zh=zh-Hans")
    assert codes == {"en": "en-GB", "zh": "zh-Hans"}
    tu = TU("d:p1:s1", (("en", "Colour."), ("zh", "颜色。")), 0.75, "1-1", "d", 1)
    tmx.write_tmx(tmp_path / "c.tmx", [tu], ("en", "zh"), srclang="en", codes=codes, creationdate=DATE)
    text = (tmp_path / "c.tmx").read_text(encoding="utf-8")
    assert 'srclang="en-GB"' in text and 'xml:lang="zh-Hans"' in text
    assert tmx.read_tmx(tmp_path / "c.tmx") == [tu]
    assert tmx.read_tmx(tmp_path / "c.tmx", codes) == [tu]
    plan = tmx.TMX().plan(("en", "zh"), Naming.from_output("tm/lavrov.tmx"))
    assert [(path.as_posix(), pair) for path, pair in plan] == [("tm/lavrov.en-zh-CN.tmx", ("en", "zh"))]
    plan = tmx.TMX(Options(codes=codes)).plan(("zh", "ru"), Naming.from_output("out/x.tmx"))
    assert [path.as_posix() for path, _ in plan] == ["out/x.ru-zh-Hans.tmx"]
    with pytest.raises(InputError, match="bad --tmx-codes entry 'zh'"):
        langreg.parse_codes("zh")
    with pytest.raises(InputError, match="unknown language 'de'"):
        langreg.parse_codes("de=de-DE")


def test_reading_other_tools_files_keeps_props_and_drops_inline_codes(tmp_path):
    path = tmp_path / "other.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="X" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="EN-US" '
        'datatype="plaintext"/><body><tu tuid="7"><prop type="x-origin">memoQ</prop><note>checked</note>'
        '<tuv xml:lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept>'
        '  now.</seg></tuv>'
        '<tuv xml:lang="zh-Hans"><seg>现在按<ph>&lt;br/&gt;</ph>确定。</seg></tuv>'
        '<tuv xml:lang="de"><seg>Jetzt OK.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    [tu] = tmx.read_tmx(path)
    assert tu == TU("7", (("en", "Press OK now."), ("zh", "现在按确定。"), ("de", "Jetzt OK.")),
                    props=(("x-origin", "memoQ"),))


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda t: one_line(t) != "")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT, st.floats(0, 1)), min_size=1, max_size=5))
def test_any_text_round_trips_cleaned(tmp_path_factory, rows):
    tus = [TU(f"d:p1:s{k + 1}", (("en", en), ("ru", ru)), round(score, 4), "1-1", "d", 1)
           for k, (en, ru, score) in enumerate(rows)]
    path = tmp_path_factory.mktemp("rt") / "r.tmx"
    data = tmx.tmx_bytes(tus, ("en", "ru"), srclang="en", creationdate=DATE)
    assert tmx.validate(data) == []
    path.write_bytes(data)
    back = tmx.read_tmx(path)
    assert [tu.segs for tu in back] == [(("en", one_line(en)), ("ru", one_line(ru)))
                                        for en, ru, _ in rows]
    assert [tu.score for tu in back] == [tu.score for tu in tus]
