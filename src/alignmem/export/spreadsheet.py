"""Glossaries as CSV for memoQ and MultiTerm: a header row of language codes and ``note``, a row per
entry (preferred terms; synonyms in the note), UTF-8, CRLF line ends.

A cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return; CSV injection) gets a leading apostrophe, as spreadsheets themselves write such text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from alignmem.export.base import Built, Format, Naming
from alignmem.export.termentries import stats_note
from alignmem.glossary.model import Glossary
from alignmem.text.space import one_line

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    text = one_line(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


class CSV(Format):
    name = "csv"
    kind = "glossary"
    description = "CSV with a column per language (memoQ, MultiTerm)"

    def files(self, subject: Glossary, naming: Naming, output: Path | None = None) -> list[Built]:
        return [Built(output or naming.single("csv"), self.dumps(subject).encode("utf-8"), subject.langs,
                      len(subject.entries))]

    def dumps(self, glossary: Glossary) -> str:
        codes = self.codes(glossary.langs)
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([codes[lang] for lang in glossary.langs] + ["note"])
        for entry in glossary.entries:
            row = []
            synonyms = []
            for lang in glossary.langs:
                terms = entry.terms_of(lang)
                row.append(cell(terms[0].text) if terms else "")
                synonyms += [f"{codes[lang]}: {one_line(t.text)} ({t.kind})" for t in terms[1:]]
            note = stats_note(entry)
            if synonyms:
                note = "synonyms: " + ", ".join(synonyms) + "; " + note
            writer.writerow(row + [cell(note)])
        return buf.getvalue()
