"""Glossaries for OmegaT: tab-separated ``source<TAB>target<TAB>comment`` files named ``.utf8`` (OmegaT
ignores ``.tsv``), one per language pair and direction, ``#`` lines as comments, no escaping."""

from __future__ import annotations

from pathlib import Path

from alignmem import TOOL_NAME, __version__
from alignmem.export.base import Built, Format, Naming
from alignmem.export.termentries import stats_note, target_for
from alignmem.glossary.model import Glossary
from alignmem.text.space import one_line


class OmegaT(Format):
    name = "omegat"
    kind = "glossary"
    description = "OmegaT tab-separated glossary (.utf8), one file per language pair and direction"

    def files(self, subject: Glossary, naming: Naming, output: Path | None = None) -> list[Built]:
        codes = self.codes(subject.langs)
        return [Built(naming.pair(codes[a], codes[b], "utf8"), self.dumps(subject, a, b).encode("utf-8"), (a, b),
                      len(subject.entries))
                for a in subject.langs for b in subject.langs if a != b]

    def dumps(self, glossary: Glossary, src: str, tgt: str) -> str:
        codes = self.codes(glossary.langs)
        lines = [
            f"# {TOOL_NAME} {__version__} glossary {codes[src]} -> {codes[tgt]}",
            f"# {one_line(glossary.signature)}",
        ]
        seen: set[tuple[str, str]] = set()
        for entry in glossary.entries:
            targets = entry.terms_of(tgt)
            if not targets:
                continue
            for term in entry.terms_of(src):
                target = target_for(term, targets)
                pair = (one_line(term.text), one_line(target.text))
                if not pair[0] or not pair[1] or pair in seen or pair[0].startswith("#"):
                    continue
                seen.add(pair)
                lines.append(f"{pair[0]}\t{pair[1]}\t{stats_note(entry)}")
        return "\n".join(lines) + "\n"
