"""Every export format written and read back: TBX v2 (DTD-valid), TBX v3, OmegaT .utf8, CSV, PO."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polib
import pytest
from lxml import etree

from alignmem.export import Naming, write_glossary
from alignmem.export.tbx import TBX3
from alignmem.glossary import Entry, Example, Glossary, Term, read_glossary

DTD = Path(__file__).resolve().parents[1] / "src" / "alignmem" / "data" / "tbxcore.dtd"
LANGS = ("en", "ru", "zh")


def sample() -> Glossary:
    sco = Entry(
        "c1",
        (
            Term("en", "Shanghai Cooperation Organisation", "fullForm", "properNoun", 3),
            Term("en", "SCO", "acronym", "properNoun", 2),
            Term("ru", "Шанхайская организация сотрудничества", "fullForm", "properNoun", 3),
            Term("ru", "ШОС", "acronym", "properNoun", 2),
            Term("zh", "上海合作组织", "fullForm", "properNoun", 2),
            Term("zh", "上合组织", "shortForm", "properNoun", 2),
        ),
        5, 0.91,
        (Example("en", "d:1", "The SCO held its summit."), Example("ru", "d:1", "Саммит ШОС прошел."),
         Example("zh", "d:1", "上合组织举行峰会。")),
    )
    law = Entry("c2", (Term("en", "international law", pos="noun"), Term("ru", "международное право"),
                       Term("zh", "国际法")), 4, 0.62)
    weak = Entry("c3", (Term("en", "rule\tof law"), Term("ru", "верховенство права")), 1, 0.31)
    return Glossary(LANGS, (sco, law, weak), "test-signature")


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, list[Path]]:
    return tmp_path, write_glossary(sample(), Naming(tmp_path, "doc", ".glossary"), verified_only=False)


def test_write_all_names_files_as_the_pipeline_expects(written):
    folder, paths = written
    names = sorted(p.name for p in paths)
    assert names == sorted([
        "doc.glossary.tbx", "doc.glossary.csv", "doc.ru.glossary.po", "doc.zh-CN.glossary.po",
        "doc.en-ru.glossary.utf8", "doc.en-zh-CN.glossary.utf8", "doc.ru-en.glossary.utf8",
        "doc.ru-zh-CN.glossary.utf8", "doc.zh-CN-en.glossary.utf8", "doc.zh-CN-ru.glossary.utf8",
    ])
    assert sorted(p.name for p in folder.iterdir()) == names  # no temporary files left behind


def test_output_is_byte_identical_on_a_second_run(written, tmp_path):
    _, paths = written
    again = write_glossary(sample(), Naming(tmp_path / "again", "doc", ".glossary"), verified_only=False)
    for a, b in zip(sorted(paths), sorted(again), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_tbx_is_valid_against_the_core_dtd_and_ordered(written):
    folder, _ = written
    tree = etree.parse(str(folder / "doc.glossary.tbx"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(tree), dtd.error_log.filter_from_errors()
    root = tree.getroot()
    assert root.tag == "martif" and root.nsmap == {} and root.get("type") == "TBX"
    entry = root.find("text/body/termEntry")
    children = [c.tag for c in entry]
    first_lang = children.index("langSet")
    assert set(children[:first_lang]) <= {"admin", "note", "descrip"} and set(children[first_lang:]) == {"langSet"}
    assert [c.get("{http://www.w3.org/XML/1998/namespace}lang") for c in entry.findall("langSet")] == [
        "en", "ru", "zh-CN"]
    tig = entry.find("langSet/tig")
    assert [c.tag for c in tig][:3] == ["term", "termNote", "termNote"]
    assert all(el.get("type") for el in root.iter("termNote", "descrip", "admin"))
    assert tig.find("descripGrp/descrip[@type='context']").text == "The SCO held its summit."
    assert tig.find("descripGrp/admin[@type='source']").text == "d:1"  # the TU the example comes from


# ISO 12620 data categories a TBX v2 (TBX-Default) file may use, per element: ours are among them and none is
# a private 'x-' category.
TBX2_TYPES = {
    "termNote": {"termType", "partOfSpeech", "grammaticalGender", "administrativeStatus", "geographicalUsage"},
    "descrip": {"context", "definition", "subjectField", "reliabilityCode"},
    "admin": {"source", "sourceIdentifier", "customerSubset", "projectSubset", "entrySource"},
}


def test_tbx2_uses_standard_data_categories_only(written):
    folder, _ = written
    root = etree.parse(str(folder / "doc.glossary.tbx")).getroot()
    for element, allowed in TBX2_TYPES.items():
        used = {el.get("type") for el in root.iter(element)}
        assert used <= allowed, (element, used - allowed)
    assert not [el for el in root.iter() if isinstance(el.tag, str) and (el.get("type") or "").startswith("x-")]
    entry = root.find("text/body/termEntry")
    assert entry.find("descrip[@type='reliabilityCode']").text == "9"  # confidence 0.91 on a 1-10 scale
    assert entry.find("note").text == "confidence 0.91; frequency 5; extracted"
    assert [n.text for n in entry.findall("langSet/tig/note")][:2] == ["frequency 3", "frequency 2"]


# TBX-Basic (v3, DCA style), written out in our words from its definition: which data category each element
# may carry, the picklists, and where a category may stand.
TBX_NS = "{urn:iso:std:iso:30042:ed-2}"
BASIC_TYPES = {
    "admin": {"customerSubset", "projectSubset", "source"},
    "descrip": {"subjectField", "context", "definition"},
    "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation",
                 "termType"},
}
BASIC_PICKLISTS = {
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "termType": {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"},
}


def _local(el) -> str:
    return etree.QName(el).localname


def test_tbx3_keeps_the_tbx_basic_rules():
    root = etree.fromstring(TBX3().dumps(sample()))
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert all(isinstance(el.tag, str) and el.tag.startswith(TBX_NS) for el in root.iter())  # DCA: no other namespace
    for el in root.iter():
        kind = el.get("type")
        if _local(el) in BASIC_TYPES:
            assert kind in BASIC_TYPES[_local(el)], (_local(el), kind)
        if _local(el) == "termNote":
            assert _local(el.getparent()) == "termSec"  # termNotes only at the term level
            if kind in BASIC_PICKLISTS:
                assert el.text in BASIC_PICKLISTS[kind], (kind, el.text)
        if _local(el) == "descrip" and kind == "context":
            holder = el.getparent()
            assert _local(holder) == "termSec" or (_local(holder) == "descripGrp"
                                                   and _local(holder.getparent()) == "termSec")
        if _local(el) == "admin" and kind == "source":
            assert _local(el.getparent()) in ("conceptEntry", "langSec", "termSec", "descripGrp")
    # the core structure: each termSec is term, then its termNotes, then the rest
    for ts in root.iter(TBX_NS + "termSec"):
        names = [_local(c) for c in ts]
        notes = [i for i, n in enumerate(names) if n == "termNote"]
        assert names[0] == "term" and notes == list(range(1, len(notes) + 1))
    pos = {el.text for el in root.iter(TBX_NS + "termNote") if el.get("type") == "partOfSpeech"}
    assert pos == {"noun"}  # the proper nouns of the sample are nouns in TBX-Basic's picklist


def test_tbx_reads_back(written):
    folder, _ = written
    back = read_glossary(folder / "doc.glossary.tbx")
    assert back.langs == LANGS
    for a, b in zip(sample().entries, back.entries, strict=True):
        assert [(t.lang, t.text.replace("\t", " "), t.kind) for t in a.terms] == [
            (t.lang, t.text, t.kind) for t in b.terms]
        assert b.confidence == pytest.approx(a.confidence) and b.frequency == a.frequency
    assert back.entries[0].example("ru").text == "Саммит ШОС прошел."
    assert back.entries[0].example("ru").tuid == "d:1"
    assert [t.frequency for t in back.entries[0].terms] == [3, 2, 3, 2, 2, 2]


def test_tbx3_is_tbx_basic_and_reads_back(tmp_path):
    data = TBX3().dumps(sample())
    root = etree.fromstring(data)
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    assert len(root.findall(".//{*}conceptEntry")) == 3
    path = tmp_path / "g.tbx"
    path.write_bytes(data)
    back = read_glossary(path)
    assert [t.text for t in back.entries[0].terms] == [t.text for t in sample().entries[0].terms]


def test_omegat_tab_separated_rules(written):
    folder, _ = written
    raw = (folder / "doc.en-ru.glossary.utf8").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").splitlines()
    body = [ln for ln in lines if not ln.startswith("#")]
    assert all(len(ln.split("\t")) == 3 for ln in body)
    pairs = [tuple(ln.split("\t")[:2]) for ln in body]
    assert ("Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества") in pairs
    assert ("SCO", "ШОС") in pairs  # an acronym is answered by the acronym
    assert ("rule of law", "верховенство права") in pairs  # the tab inside the term became a space
    zh = (folder / "doc.zh-CN-en.glossary.utf8").read_text(encoding="utf-8")
    assert "上合组织\tShanghai Cooperation Organisation\t" in zh
    assert "верховенство" not in zh  # entries without the pair's languages are left out


def test_csv_has_language_columns_and_reads_back(written):
    folder, _ = written
    text = (folder / "doc.glossary.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["en", "ru", "zh-CN", "note"]
    assert rows[2][:3] == ["international law", "международное право", "国际法"]
    assert rows[3][2] == ""  # no Chinese term
    back = read_glossary(folder / "doc.glossary.csv")
    assert {t.text for t in back.entries[0].terms} == {t.text for t in sample().entries[0].terms}


def test_po_per_target_language(written):
    folder, _ = written
    po = polib.pofile(str(folder / "doc.ru.glossary.po"))
    assert po.metadata["Language"] == "ru"
    by_id = {e.msgid: e for e in po}
    assert by_id["SCO"].msgstr == "ШОС"
    assert "confidence 0.91" in by_id["SCO"].comment and "frequency 5" in by_id["SCO"].comment
    assert "fuzzy" in by_id["rule of law"].flags and "fuzzy" not in by_id["international law"].flags
    zh = polib.pofile(str(folder / "doc.zh-CN.glossary.po"))
    assert zh.metadata["Language"] == "zh_CN" and "rule of law" not in {e.msgid for e in zh}


def test_single_format_goes_to_the_given_file(tmp_path):
    out = tmp_path / "tm" / "glossary.tbx"
    paths = write_glossary(sample(), Naming.from_output(out), ("tbx",), output=out)
    assert paths == [out] and out.is_file()
    assert Naming.from_output(out).pair("en", "ru", "utf8") == tmp_path / "tm" / "glossary.en-ru.utf8"


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_quoted(tmp_path: Path) -> None:
    """Regression (issue 12): a term such as =HYPERLINK(...) went into the CSV as a live formula."""
    from alignmem.export.spreadsheet import CSV

    hostile = Entry("c1", (Term("en", '=HYPERLINK("http://x","click")'), Term("ru", "+7 495 000"),
                           Term("zh", "@SUM(A1)")), 3, 0.9)
    rows = list(csv.reader(io.StringIO(CSV().dumps(Glossary(LANGS, (hostile,), "t")))))
    assert rows[1][:3] == ['\'=HYPERLINK("http://x","click")', "'+7 495 000", "'@SUM(A1)"]
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row)
