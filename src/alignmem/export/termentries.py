"""What the glossary formats share: which entries they carry, the statistics note, which target term
answers a source term."""

from __future__ import annotations

from alignmem.glossary.model import ACRONYM, FULL_FORM, Entry, Glossary, Term, verified
from alignmem.text.space import one_line


def exported(glossary: Glossary) -> list[Entry]:
    """What TBX, OmegaT and CSV carry: verified entries only (see :func:`alignmem.glossary.model.verified`).
    A translator inserts these without checking; every extracted entry still goes to PO, the unverified
    ones marked fuzzy, for review."""
    return [e for e in glossary.entries if verified(e, glossary.langs)]


def stats_note(entry: Entry) -> str:
    note = f"confidence {entry.confidence:.2f}; frequency {entry.frequency}; {entry.origin}"
    return f"{note}; {one_line(entry.note)}" if entry.note else note


def target_for(term: Term, targets: tuple[Term, ...]) -> Term:
    """An acronym is answered by the target's acronym when it has one, else by its preferred term."""
    if term.kind == ACRONYM:
        for t in targets:
            if t.kind == ACRONYM:
                return t
    if term.kind == FULL_FORM:
        for t in targets:
            if t.kind == FULL_FORM:
                return t
    return targets[0]
