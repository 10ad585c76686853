"""Glossaries as PO (polib): one file per target language, msgid = the pivot term, msgstr = its
equivalent, statistics as ``#.`` comments, unverified entries marked fuzzy."""

from __future__ import annotations

from pathlib import Path

import polib

from alignmem import TOOL_NAME, __version__
from alignmem.export.base import Built, Format, Naming
from alignmem.export.termentries import stats_note, target_for
from alignmem.glossary.model import Glossary, verified
from alignmem.text.space import one_line


class PO(Format):
    name = "po"
    kind = "glossary"
    description = "PO (gettext), one file per target language; unverified entries fuzzy"

    def files(self, subject: Glossary, naming: Naming, output: Path | None = None) -> list[Built]:
        codes = self.codes(subject.langs)
        return [Built(naming.target(codes[lang], "po"), self.dumps(subject, lang).encode("utf-8"),
                      (subject.langs[0], lang), len(subject.entries))
                for lang in subject.langs[1:]]

    def dumps(self, glossary: Glossary, tgt: str) -> str:
        codes = self.codes(glossary.langs)
        src = glossary.langs[0]
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": f"{TOOL_NAME} glossary",
            "Language": codes[tgt].replace("-", "_"),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "X-Generator": f"{TOOL_NAME} {__version__}",
            "X-Source-Language": codes[src],
        }
        seen: set[tuple[str, str | None]] = set()
        for entry in glossary.entries:
            targets = entry.terms_of(tgt)
            if not targets:
                continue
            for term in entry.terms_of(src):
                msgid = one_line(term.text)
                ctxt = None
                if (msgid, None) in seen:
                    ctxt = entry.id  # the same source term in two concepts: tell them apart
                if not msgid or (msgid, ctxt) in seen:
                    continue
                seen.add((msgid, ctxt))
                item = polib.POEntry(
                    msgid=msgid,
                    msgstr=one_line(target_for(term, targets).text),
                    comment=f"{stats_note(entry)}; {term.kind}; entry {entry.id}",
                )
                if ctxt:
                    item.msgctxt = ctxt
                if not verified(entry, glossary.langs):
                    item.flags.append("fuzzy")
                po.append(item)
        return str(po) + ("" if str(po).endswith("\n") else "\n")
