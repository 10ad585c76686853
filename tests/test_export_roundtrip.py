"""One round-trip contract that every export format inherits: write the files, read them back with an
independent reader (translate-toolkit, lxml, csv, polib: never our own reader), compare with what was
exported; and the same input gives the same bytes. A format registered in alignmem.export.FORMATS
without a test class here fails :func:`test_every_registered_format_has_a_round_trip_test`."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import polib
import pytest
from lxml import etree
from omegat import fixture_aligner, fixture_documents
from translate.storage import xliff, xliff2
from translate.storage.tmx import tmxfile

from alignmem.export import FORMATS, Built, Naming, Options, exported
from alignmem.export.units import segment_text, tus_of
from alignmem.glossary import Entry, Example, Glossary, Term
from alignmem.join import JoinConfig, align_documents
from alignmem.model import AlignedDocument

LANGS = ("en", "ru", "zh")
OPTIONS = Options(creationdate="20210716T120000Z", signature="test")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FILE_CODES = {"en": "en", "ru": "ru", "zh": "zh-CN"}
INTERNAL = {code: lang for lang, code in FILE_CODES.items()}


def aligned() -> AlignedDocument:
    return align_documents(fixture_documents(), join=JoinConfig(split=False), stem="fixture",
                           aligner=fixture_aligner)


def glossary() -> Glossary:
    sco = Entry("c1", (Term("en", "Shanghai Cooperation Organisation"), Term("en", "SCO", "acronym"),
                       Term("ru", "Шанхайская организация сотрудничества"), Term("ru", "ШОС", "acronym"),
                       Term("zh", "上海合作组织"), Term("zh", "上合组织", "shortForm")),
                5, 0.91, (Example("en", "d:1", "The SCO & BRICS <met>."),))
    law = Entry("c2", (Term("en", "international law"), Term("ru", "международное право"), Term("zh", "国际法")),
                4, 0.85)
    return Glossary(LANGS, (sco, law), "test")


class RoundTrip:
    """Subclasses name their format and say how an independent reader sees the files and what it must see."""

    format_name = ""

    def subject(self):  # an AlignedDocument or a Glossary
        return aligned()

    def expected(self, subject) -> object:
        raise NotImplementedError

    def read_back(self, files: list[Path]) -> object:
        raise NotImplementedError

    def build(self, subject, folder: Path) -> list[Built]:
        return FORMATS[self.format_name](OPTIONS).files(subject, Naming(folder, "doc"))

    def test_written_files_read_back_the_same(self, tmp_path: Path) -> None:
        subject = self.subject()
        built = self.build(subject, tmp_path)
        assert built, "the format wrote no file"
        for b in built:
            b.path.write_bytes(b.data)
        assert self.read_back([b.path for b in built]) == self.expected(subject)

    def test_same_input_same_bytes(self, tmp_path: Path) -> None:
        first = [(b.path.name, b.data) for b in self.build(self.subject(), tmp_path)]
        again = [(b.path.name, b.data) for b in self.build(self.subject(), tmp_path)]
        assert first == again


# ------------------------------------------------------------------------------------ alignment formats
def pair_texts(view: AlignedDocument) -> list[tuple[str, str]]:
    a, b = view.langs
    return [(segment_text(g.of(a), a), segment_text(g.of(b), b)) for g in view.groups if g.has(a) and g.has(b)]


class TestTMX(RoundTrip):
    format_name = "tmx"

    def expected(self, subject: AlignedDocument) -> dict[str, list[dict[str, str]]]:
        out = {"doc.tmx": [{FILE_CODES[lang]: text for lang, text in tu.segs} for tu in tus_of(subject, LANGS)]}
        for a, b, name in (("en", "ru", "en-ru"), ("en", "zh", "en-zh-CN"), ("ru", "zh", "ru-zh-CN")):
            view = subject.pair(a, b)
            out[f"doc.{name}.tmx"] = [{FILE_CODES[x]: text for x, text in zip((a, b), texts)}
                                      for texts in pair_texts(view)]
        return out

    def read_back(self, files: list[Path]) -> dict[str, list[dict[str, str]]]:
        out = {}
        for path in files:
            store = tmxfile(path.read_bytes())
            units = []
            for unit in store.units:
                tuvs = unit.xmlelement.findall("tuv")
                units.append({tuv.get(XML_LANG): "".join(tuv.find("seg").itertext()) for tuv in tuvs})
            out[path.name] = units
        return out


class TestLinks(RoundTrip):
    format_name = "links"
    line = re.compile(r"^\[([0-9,]*)\]:\[([0-9,]*)\]$")

    def expected(self, subject: AlignedDocument) -> dict[str, set[tuple[tuple[int, ...], tuple[int, ...]]]]:
        out = {}
        for a, b, name in (("en", "ru", "en-ru"), ("en", "zh", "en-zh-CN"), ("ru", "zh", "ru-zh-CN")):
            links = set()
            for g in subject.pair(a, b).groups:
                src, tgt = tuple(s.index for s in g.of(a)), tuple(s.index for s in g.of(b))
                if src and tgt:
                    links.add((src, tgt))
                else:
                    links |= {((i,), ()) for i in src} | {((), (j,)) for j in tgt}
            out[f"doc.{name}.align"] = links
        return out

    def read_back(self, files: list[Path]) -> dict[str, set[tuple[tuple[int, ...], tuple[int, ...]]]]:
        out = {}
        for path in files:
            found = set()
            for text in path.read_text(encoding="utf-8").splitlines():
                left, right = self.line.match(text).groups()  # type: ignore[union-attr]
                found.add((tuple(int(x) for x in left.split(",") if x), tuple(int(x) for x in right.split(",") if x)))
            out[path.name] = found
        return out


class TestTSV(RoundTrip):
    format_name = "tsv"

    def expected(self, subject: AlignedDocument) -> dict[str, list[tuple[str, str]]]:
        return {f"doc.{name}.tsv": pair_texts(subject.pair(a, b))
                for a, b, name in (("en", "ru", "en-ru"), ("en", "zh", "en-zh-CN"), ("ru", "zh", "ru-zh-CN"))}

    def read_back(self, files: list[Path]) -> dict[str, list[tuple[str, str]]]:
        out = {}
        for path in files:
            rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE)
            out[path.name] = [(row[2], row[3]) for row in rows if row[2] and row[3]]
        return out


class TestXLIFF(RoundTrip):
    format_name = "xliff"

    def expected(self, subject: AlignedDocument) -> dict[str, list[tuple[str, str]]]:
        return {f"doc.{name}.xlf": pair_texts(subject.pair(a, b))
                for a, b, name in (("en", "ru", "en-ru"), ("en", "zh", "en-zh-CN"), ("ru", "zh", "ru-zh-CN"))}

    def read_back(self, files: list[Path]) -> dict[str, list[tuple[str, str]]]:
        return {path.name: [(u.source, u.target) for u in xliff2.Xliff2File.parsestring(path.read_bytes()).units]
                for path in files}


class TestXLIFF12(TestXLIFF):
    format_name = "xliff12"

    def read_back(self, files: list[Path]) -> dict[str, list[tuple[str, str]]]:
        return {path.name: [(u.source, u.target) for u in xliff.xlifffile.parsestring(path.read_bytes()).units]
                for path in files}


# ------------------------------------------------------------------------------------- glossary formats
def terms_by_entry(g: Glossary, langs=LANGS) -> list[dict[str, list[str]]]:
    return [{lang: [t.text for t in e.terms_of(lang)] for lang in langs if e.terms_of(lang)} for e in exported(g)]


class GlossaryRoundTrip(RoundTrip):
    def subject(self):
        return glossary()


class TestTBX(GlossaryRoundTrip):
    format_name = "tbx"

    def expected(self, subject: Glossary) -> list[dict[str, list[str]]]:
        return terms_by_entry(subject)

    def read_back(self, files: list[Path]) -> list[dict[str, list[str]]]:
        [path] = files
        root = etree.fromstring(path.read_bytes())
        return [{INTERNAL[ls.get(XML_LANG)]: [t.text for t in ls.iter("term")] for ls in entry.iter("langSet")}
                for entry in root.iter("termEntry")]


class TestTBX3(GlossaryRoundTrip):
    format_name = "tbx3"
    ns = "{urn:iso:std:iso:30042:ed-2}"

    def expected(self, subject: Glossary) -> list[dict[str, list[str]]]:
        return terms_by_entry(subject)

    def read_back(self, files: list[Path]) -> list[dict[str, list[str]]]:
        [path] = files
        root = etree.fromstring(path.read_bytes())
        return [{INTERNAL[sec.get(XML_LANG)]: [t.text for t in sec.iter(self.ns + "term")]
                 for sec in entry.iter(self.ns + "langSec")} for entry in root.iter(self.ns + "conceptEntry")]


class TestOmegaT(GlossaryRoundTrip):
    format_name = "omegat"

    def expected(self, subject: Glossary) -> dict[str, set[tuple[str, str]]]:
        codes = {"en": "en", "ru": "ru", "zh": "zh-CN"}
        out = {}
        for a in LANGS:
            for b in LANGS:
                if a != b:
                    # every source term has an answer; the preferred target term answers full forms
                    out[f"doc.{codes[a]}-{codes[b]}.utf8"] = {
                        (t.text, e.preferred(b).text) for e in exported(subject) for t in e.terms_of(a)
                        if t.kind == "fullForm" and e.terms_of(b)}
        return out

    def read_back(self, files: list[Path]) -> dict[str, set[tuple[str, str]]]:
        out = {}
        for path in files:
            rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
                    if line and not line.startswith("#")]
            out[path.name] = {(row[0], row[1]) for row in rows if len(row) >= 2}
        return {name: {pair for pair in rows if pair[0] in self._full_forms()} for name, rows in out.items()}

    @staticmethod
    def _full_forms() -> set[str]:
        return {t.text for e in exported(glossary()) for t in e.terms if t.kind == "fullForm"}


class TestCSV(GlossaryRoundTrip):
    format_name = "csv"

    def expected(self, subject: Glossary) -> list[dict[str, str]]:
        codes = {"en": "en", "ru": "ru", "zh": "zh-CN"}
        return [{codes[lang]: e.preferred(lang).text for lang in LANGS} for e in exported(subject)]

    def read_back(self, files: list[Path]) -> list[dict[str, str]]:
        [path] = files
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        return [{k: v for k, v in row.items() if k != "note"} for row in rows]


class TestPO(GlossaryRoundTrip):
    format_name = "po"

    def expected(self, subject: Glossary) -> dict[str, set[tuple[str, str]]]:
        out = {}
        for lang, code in (("ru", "ru"), ("zh", "zh-CN")):
            out[f"doc.{code}.po"] = {(t.text, e.preferred(lang).text) for e in subject.entries
                                     for t in e.terms_of("en") if t.kind == "fullForm"}
        return out

    def read_back(self, files: list[Path]) -> dict[str, set[tuple[str, str]]]:
        full = {t.text for e in glossary().entries for t in e.terms if t.kind == "fullForm"}
        return {path.name: {(item.msgid, item.msgstr) for item in polib.pofile(str(path)) if item.msgid in full}
                for path in files}


def test_every_registered_format_has_a_round_trip_test() -> None:
    def every(cls: type) -> list[type]:
        return [cls, *(sub for child in cls.__subclasses__() for sub in every(child))]

    tested = {cls.format_name for cls in every(RoundTrip)}
    assert set(FORMATS) <= tested, f"formats without a round-trip test: {sorted(set(FORMATS) - tested)}"


def test_an_xml_special_character_survives_every_xml_format(tmp_path: Path) -> None:
    built = FORMATS["tbx"](OPTIONS).files(glossary(), Naming(tmp_path, "doc"))
    root = etree.fromstring(built[0].data)
    contexts = [d.text for d in root.iter("descrip")]
    assert "The SCO & BRICS <met>." in contexts


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_is_described(name: str) -> None:
    assert FORMATS[name].description
