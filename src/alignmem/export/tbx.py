"""Glossaries as TBX: v2 (ISO 30042:2008, ``<martif>`` without a namespace, what OmegaT reads) and v3
(ISO 30042:2019, TBX-Basic dialect)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lxml import etree

from alignmem import TOOL_NAME, __version__
from alignmem.export.base import Built, Format, Naming
from alignmem.export.termentries import stats_note
from alignmem.glossary.model import Entry, Glossary
from alignmem.io.xml import XML_LANG
from alignmem.text.space import one_line

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class TBX2(Format):
    name = "tbx"
    kind = "glossary"
    description = "TBX v2 (ISO 30042:2008, martif), what OmegaT reads"

    def files(self, subject: Glossary, naming: Naming, output: Path | None = None) -> list[Built]:
        return [Built(output or naming.single("tbx"), self.dumps(subject), subject.langs, len(subject.entries))]

    def dumps(self, glossary: Glossary) -> bytes:
        codes = self.codes(glossary.langs)
        root = etree.Element("martif", {"type": "TBX", XML_LANG: codes[glossary.langs[0]]})
        header = etree.SubElement(root, "martifHeader")
        file_desc = etree.SubElement(header, "fileDesc")
        title = etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title")
        title.text = f"{TOOL_NAME} glossary ({', '.join(codes.values())})"
        source = etree.SubElement(file_desc, "sourceDesc")
        etree.SubElement(source, "p").text = f"{TOOL_NAME} {__version__}; {glossary.signature}"
        body = etree.SubElement(etree.SubElement(root, "text"), "body")
        for entry in glossary.entries:
            body.append(self._entry(entry, glossary.langs, codes))
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)

    def _entry(self, entry: Entry, langs: Sequence[str], codes: Mapping[str, str]):
        node = etree.Element("termEntry", id=entry.id)
        # concept-level information first, then the language sections (the DTD's order)
        etree.SubElement(node, "admin", type="x-confidence").text = f"{entry.confidence:.4f}"
        etree.SubElement(node, "admin", type="x-frequency").text = str(entry.frequency)
        etree.SubElement(node, "admin", type="x-origin").text = entry.origin
        etree.SubElement(node, "note").text = stats_note(entry)
        for lang in langs:
            terms = entry.terms_of(lang)
            if not terms:
                continue
            lang_set = etree.SubElement(node, "langSet", {XML_LANG: codes[lang]})
            example = entry.example(lang)
            for i, term in enumerate(terms):
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = one_line(term.text)
                etree.SubElement(tig, "termNote", type="termType").text = term.kind
                if term.pos:
                    etree.SubElement(tig, "termNote", type="partOfSpeech").text = term.pos
                if i == 0 and example is not None:
                    etree.SubElement(tig, "descrip", type="context").text = one_line(example.text)
                    etree.SubElement(tig, "admin", type="x-tuid").text = one_line(example.tuid)
                if term.frequency:
                    etree.SubElement(tig, "admin", type="x-frequency").text = str(term.frequency)
        return node


class TBX3(Format):
    name = "tbx3"
    kind = "glossary"
    description = "TBX v3 (ISO 30042:2019), TBX-Basic dialect"

    def files(self, subject: Glossary, naming: Naming, output: Path | None = None) -> list[Built]:
        path = output or naming.directory / f"{naming.prefix}{naming.suffix}.tbx3.tbx"
        return [Built(path, self.dumps(subject), subject.langs, len(subject.entries))]

    def dumps(self, glossary: Glossary) -> bytes:
        ns = f"{{{TBX3_NS}}}"
        codes = self.codes(glossary.langs)
        root = etree.Element(
            ns + "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: codes[glossary.langs[0]]},
            nsmap={None: TBX3_NS},
        )
        file_desc = etree.SubElement(etree.SubElement(root, ns + "tbxHeader"), ns + "fileDesc")
        etree.SubElement(etree.SubElement(file_desc, ns + "sourceDesc"), ns + "p").text = (
            f"{TOOL_NAME} {__version__}; {glossary.signature}"
        )
        body = etree.SubElement(etree.SubElement(root, ns + "text"), ns + "body")
        for entry in glossary.entries:
            concept = etree.SubElement(body, ns + "conceptEntry", id=entry.id)
            etree.SubElement(concept, ns + "note").text = stats_note(entry)
            for lang in glossary.langs:
                terms = entry.terms_of(lang)
                if not terms:
                    continue
                sec = etree.SubElement(concept, ns + "langSec", {XML_LANG: codes[lang]})
                example = entry.example(lang)
                for i, term in enumerate(terms):
                    ts = etree.SubElement(sec, ns + "termSec")
                    etree.SubElement(ts, ns + "term").text = one_line(term.text)
                    etree.SubElement(ts, ns + "termNote", type="termType").text = term.kind
                    if term.pos:
                        etree.SubElement(ts, ns + "termNote", type="partOfSpeech").text = term.pos
                    if i == 0 and example is not None:
                        etree.SubElement(ts, ns + "descrip", type="context").text = one_line(example.text)
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
