"""Glossaries as TBX: v2 (ISO 30042:2008, ``<martif>`` without a namespace, what OmegaT reads) and v3
(ISO 30042:2019, TBX-Basic dialect, DCA style).

Only standard data categories are written, none of our own (``x-``) ones:

- the entry's reliability as ISO 12620 ``reliabilityCode`` (1-10, TBX v2 only: TBX-Basic has no such
  category) and its exact confidence, frequency and origin in the entry's ``<note>``;
- ``termType`` (fullForm / acronym / shortForm) and ``partOfSpeech`` per term. TBX-Basic v3 allows only
  adjective, noun, verb, adverb and other, so a proper noun is written there as ``noun``;
- the example sentence as ``descrip type="context"`` in a ``descripGrp`` whose ``admin type="source"`` is
  the TU it comes from (TBX-Basic's own pattern), and the term's frequency in the term's ``<note>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lxml import etree

from alignmem import TOOL_NAME, __version__
from alignmem.export.base import Built, Format, Naming
from alignmem.export.termentries import stats_note
from alignmem.glossary.model import Entry, Example, Glossary, Term
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
        etree.SubElement(node, "descrip", type="reliabilityCode").text = str(reliability_code(entry.confidence))
        etree.SubElement(node, "note").text = stats_note(entry)
        for lang in langs:
            terms = entry.terms_of(lang)
            if not terms:
                continue
            lang_set = etree.SubElement(node, "langSet", {XML_LANG: codes[lang]})
            example = entry.example(lang)
            for i, term in enumerate(terms):
                tig = etree.SubElement(lang_set, "tig")
                _term_parts(tig, "", term, example if i == 0 else None, term.pos)
        return node


def reliability_code(confidence: float) -> int:
    """ISO 12620 reliabilityCode: 1 (least reliable) to 10 (most), from the confidence in [0, 1]."""
    return max(1, min(10, round(confidence * 10)))


def _term_parts(holder, ns: str, term: Term, example: Example | None, pos: str | None) -> None:
    """term, its termNotes, then the example (context + its TU as source) and the term's frequency."""
    etree.SubElement(holder, ns + "term").text = one_line(term.text)
    etree.SubElement(holder, ns + "termNote", type="termType").text = term.kind
    if pos:
        etree.SubElement(holder, ns + "termNote", type="partOfSpeech").text = pos
    if example is not None:
        group = etree.SubElement(holder, ns + "descripGrp")
        etree.SubElement(group, ns + "descrip", type="context").text = one_line(example.text)
        if example.tuid:
            etree.SubElement(group, ns + "admin", type="source").text = one_line(example.tuid)
    if term.frequency:
        etree.SubElement(holder, ns + "note").text = f"frequency {term.frequency}"


# TBX-Basic v3's partOfSpeech picklist (ISO 12620 values it keeps); anything else is written as 'other',
# a proper noun as 'noun'.
TBX_BASIC_POS = ("adjective", "noun", "verb", "adverb", "other")


def basic_pos(pos: str | None) -> str | None:
    if pos is None:
        return None
    if pos == "properNoun":
        return "noun"
    return pos if pos in TBX_BASIC_POS else "other"


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
        title = etree.SubElement(etree.SubElement(file_desc, ns + "titleStmt"), ns + "title")
        title.text = f"{TOOL_NAME} glossary ({', '.join(codes.values())})"
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
                    _term_parts(ts, ns, term, example if i == 0 else None, basic_pos(term.pos))
        return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
