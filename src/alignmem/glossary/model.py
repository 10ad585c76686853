"""Frozen types of the glossary stage: a :class:`Glossary` of :class:`Entry` (one concept) holding
:class:`Term` s per language (preferred term first, then synonyms such as the acronym)."""

from __future__ import annotations

from dataclasses import dataclass

# termType values written to TBX (ISO 12620 data categories).
FULL_FORM = "fullForm"
ACRONYM = "acronym"
SHORT_FORM = "shortForm"


@dataclass(frozen=True, slots=True)
class Term:
    lang: str  # internal code
    text: str
    kind: str = FULL_FORM  # fullForm | acronym | shortForm
    pos: str | None = None  # "noun" / "properNoun" when known
    frequency: int = 0  # aligned groups containing it


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    tuid: str
    text: str  # the segment of that language in the group


@dataclass(frozen=True)
class Entry:
    """One concept: its terms in every language it was found in."""

    id: str
    terms: tuple[Term, ...]  # grouped by language in glossary order, preferred term first
    frequency: int  # aligned groups where the concept appears
    confidence: float  # in [0, 1]
    examples: tuple[Example, ...] = ()
    origin: str = "extracted"  # "extracted" or "seed"
    note: str = ""
    similarity: float = 1.0  # lowest phrase similarity between its preferred terms (1.0: not measured)

    def terms_of(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        for term in self.terms:
            if term.lang == lang:
                return term
        return None

    def example(self, lang: str) -> Example | None:
        for ex in self.examples:
            if ex.lang == lang:
                return ex
        return None

    @property
    def langs(self) -> tuple[str, ...]:
        seen: list[str] = []
        for t in self.terms:
            if t.lang not in seen:
                seen.append(t.lang)
        return tuple(seen)


@dataclass(frozen=True)
class Glossary:
    langs: tuple[str, ...]
    entries: tuple[Entry, ...]  # ranked: confidence, then frequency, then term
    signature: str = ""  # every setting that produced it

    def __len__(self) -> int:
        return len(self.entries)


def rank_key(entry: Entry) -> tuple:
    """Seed entries first, then by confidence and frequency; ties by the terms so order is stable."""
    return (
        0 if entry.origin == "seed" else 1,
        -round(entry.confidence, 6),
        -entry.frequency,
        tuple(t.text.casefold() for t in entry.terms),
    )


# What a translator gets in TBX / OmegaT / CSV: entries checked enough to be used without looking at the
# example. Below this, an extracted entry only goes to PO, marked fuzzy (to review).
VERIFIED_CONFIDENCE = 0.45
# A common word or phrase (not a name) must also read like its equivalents (sentence-encoder cosine):
# 'ties' / связи / 俄中关系 does not. Names and acronyms are not compared: Rosatom / 俄罗斯国家原子能公司.
VERIFIED_SIMILARITY = 0.5


def verified(entry: Entry, langs: tuple[str, ...]) -> bool:
    """A seed entry, or an extracted one with a term in every language, confident enough, whose common-word
    terms read like each other."""
    if entry.origin == "seed":
        return True
    return (all(entry.preferred(lang) for lang in langs) and entry.confidence >= VERIFIED_CONFIDENCE
            and entry.similarity >= VERIFIED_SIMILARITY)
