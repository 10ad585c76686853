"""Bilingual XLIFF, one file per language pair: XLIFF 2.0 (``xliff``), and XLIFF 1.2 (``xliff12``) for tools
that read only 1.x (OmegaT up to 5, memoQ's older filters).

One unit per TU of the pair's view (the same TUs as the pair's TMX file, :func:`alignmem.export.units.tus_of`),
its ``name`` (2.0) or ``resname`` (1.2) the TU's tuid. A unit is marked as needing review when the check flagged
it (``review``: per language pair in file order, tuid -> reasons; made by the pipeline) or its score is below ``min_score``, in the way the tools read:
- XLIFF 2.0: ``state="initial"`` with ``subState="alignmem:review"`` and the reasons as notes (translate-toolkit
  reads ``initial`` with a target as fuzzy); the other units ``state="translated"``;
- XLIFF 1.2: ``approved="no"``, ``state="needs-review-translation"`` and the reasons as ``<note>``; the others
  ``approved="yes"``, ``state="translated"``.
The source language is the first of the pair in file order, or the run's ``--srclang`` when it is in the pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lxml import etree

from alignmem import TOOL_NAME, __version__
from alignmem.export.base import Built, Format, Naming, Options
from alignmem.export.units import tus_of
from alignmem.io.xml import XML_LANG
from alignmem.langs import file_order
from alignmem.model import TU, AlignedDocument
from alignmem.text.space import one_line

NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
REVIEW_SUBSTATE = "alignmem:review"
MIN_SCORE = 0.4  # the check's own low-score threshold


class XLIFF(Format):
    name = "xliff"
    description = "XLIFF 2.0, one bilingual file per language pair; flagged units marked for review"
    version = "2.0"

    def __init__(self, options: Options | None = None,
                 review: Mapping[tuple[str, str], Mapping[str, Sequence[str]]] | None = None,
                 min_score: float = MIN_SCORE):
        super().__init__(options)
        self.review = dict(review or {})
        self.min_score = min_score

    def files(self, subject: AlignedDocument, naming: Naming, output: Path | None = None) -> list[Built]:
        langs = file_order(subject.langs)
        codes = self.codes(langs)
        built = []
        for i, a in enumerate(langs):
            for b in langs[i + 1:]:
                src, tgt = (b, a) if self.options.srclang == b else (a, b)
                tus = tus_of(subject.pair(a, b), (src, tgt))
                marks = self.review.get((a, b), {})
                flagged = sum(1 for tu in tus if self.reasons(tu, marks))
                data = self.dumps(tus, src, tgt, subject.stem, marks)
                warning = (f"{flagged} of {len(tus)} units of {codes[a]}-{codes[b]} marked for review",) if flagged else ()
                path = Path(output) if output is not None and len(langs) == 2 else naming.pair(codes[a], codes[b], "xlf")
                built.append(Built(path, data, (src, tgt), len(tus), warning))
        return built

    def reasons(self, tu: TU, marks: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
        """Why ``tu`` needs review: the check's flags (``marks``), and a score under ``min_score``."""
        found = tuple(marks.get(tu.tuid, ()))
        if tu.score is not None and tu.score < self.min_score and not any(r.startswith("low-score") for r in found):
            found += (f"low-score: score {tu.score:.2f} < {self.min_score:g}",)
        return found

    def dumps(self, tus: Sequence[TU], src: str, tgt: str, original: str,
              marks: Mapping[str, Sequence[str]]) -> bytes:
        codes = self.codes((src, tgt))
        root = etree.Element(f"{{{NS2}}}xliff", nsmap={None: NS2},
                             attrib={"version": "2.0", "srcLang": codes[src], "trgLang": codes[tgt]})
        file = etree.SubElement(root, f"{{{NS2}}}file", id="f1", original=original)
        _notes(file, NS2, [("alignmem", self._made_by())])
        for number, tu in enumerate(tus, 1):
            unit = etree.SubElement(file, f"{{{NS2}}}unit", id=f"u{number}", name=tu.tuid)
            reasons = self.reasons(tu, marks)
            if reasons:
                _notes(unit, NS2, [("review", reason) for reason in reasons])
            segment = etree.SubElement(unit, f"{{{NS2}}}segment", id=f"s{number}")
            if reasons:
                segment.set("state", "initial")
                segment.set("subState", REVIEW_SUBSTATE)
            else:
                segment.set("state", "translated")
            etree.SubElement(segment, f"{{{NS2}}}source").text = one_line(tu.seg(src) or "")
            etree.SubElement(segment, f"{{{NS2}}}target").text = one_line(tu.seg(tgt) or "")
        return _serialise(root)

    def _made_by(self) -> str:
        return one_line(f"{TOOL_NAME} {__version__}; {self.options.signature}".rstrip("; "))


class XLIFF12(XLIFF):
    name = "xliff12"
    description = "XLIFF 1.2, one bilingual file per language pair; flagged units marked for review"
    version = "1.2"

    def dumps(self, tus: Sequence[TU], src: str, tgt: str, original: str,
              marks: Mapping[str, Sequence[str]]) -> bytes:
        codes = self.codes((src, tgt))
        root = etree.Element(f"{{{NS12}}}xliff", nsmap={None: NS12}, version="1.2")
        file = etree.SubElement(root, f"{{{NS12}}}file", {
            "original": original, "source-language": codes[src], "target-language": codes[tgt],
            "datatype": "plaintext", "tool-id": TOOL_NAME,
        })
        header = etree.SubElement(file, f"{{{NS12}}}header")
        etree.SubElement(header, f"{{{NS12}}}tool", {"tool-id": TOOL_NAME, "tool-name": TOOL_NAME,
                                                         "tool-version": __version__})
        etree.SubElement(header, f"{{{NS12}}}note", {"from": TOOL_NAME}).text = self._made_by()
        body = etree.SubElement(file, f"{{{NS12}}}body")
        for number, tu in enumerate(tus, 1):
            reasons = self.reasons(tu, marks)
            unit = etree.SubElement(body, f"{{{NS12}}}trans-unit",
                                    {"id": str(number), "resname": tu.tuid, "approved": "no" if reasons else "yes"})
            source = etree.SubElement(unit, f"{{{NS12}}}source", {XML_LANG: codes[src]})
            source.text = one_line(tu.seg(src) or "")
            target = etree.SubElement(unit, f"{{{NS12}}}target", {
                XML_LANG: codes[tgt], "state": "needs-review-translation" if reasons else "translated"})
            target.text = one_line(tu.seg(tgt) or "")
            for reason in reasons:
                etree.SubElement(unit, f"{{{NS12}}}note", {"from": TOOL_NAME}).text = reason
        return _serialise(root)


def _notes(parent, namespace: str, notes: Sequence[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    holder = etree.SubElement(parent, f"{{{namespace}}}notes")
    for category, text in notes:
        etree.SubElement(holder, f"{{{namespace}}}note", category=category).text = one_line(text)


def _serialise(root) -> bytes:  # type: ignore[no-untyped-def]
    etree.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"
