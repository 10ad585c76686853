"""What the check stage works on and what it hands back: frozen value types, no behaviour beyond figures.

A :class:`Unit` is one group of an aligned document, or one TU of a TMX file, seen the same way by every
QA rule. A :class:`CheckResult` holds the units with their :class:`Flag` s, coverage figures per
document / language pair / language, and the settings that produced it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Flag:
    code: str  # stable identifier, e.g. "number" (see alignmem.check.flags.RULES)
    reason: str  # one short human sentence
    langs: tuple[str, ...] = ()  # the languages concerned


@dataclass(frozen=True)
class Unit:
    """One group (or TU) as the QA rules see it; ``texts[i]`` is "" where ``langs[i]`` has no sentence."""

    doc: str  # document stem
    index: int  # 0-based position of the group/TU in its document (or file)
    langs: tuple[str, ...]
    texts: tuple[str, ...]
    score: float | None  # alignment score in [0, 1], None when unknown
    kind: str  # link type, e.g. "1-2-1"
    tuid: str = ""
    # per language: (paragraph, sentence index in the document) of each sentence, 0-based; empty for TUs
    positions: tuple[tuple[tuple[int, int], ...], ...] = ()
    para: int | None = None  # 1-based paragraph of the first sentence, when known
    parts: tuple[tuple[str, ...], ...] = ()  # per language, the single sentences (empty: texts are whole)

    def text(self, lang: str) -> str:
        return self.texts[self.langs.index(lang)] if lang in self.langs else ""

    def sentences(self, lang: str) -> tuple[str, ...]:
        """The sentences of ``lang`` one by one (the whole text when they are not known)."""
        if self.parts and lang in self.langs:
            return self.parts[self.langs.index(lang)]
        text = self.text(lang)
        return (text,) if text else ()

    @property
    def present(self) -> tuple[str, ...]:
        return tuple(lang for lang, text in zip(self.langs, self.texts) if text)


@dataclass(frozen=True)
class Checked:
    unit: Unit
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage:
    """Sentences (and characters) of ``lang`` that have a counterpart in ``other`` (every other language
    of the set when ``other`` is None)."""

    lang: str
    other: str | None
    sentences: int
    covered: int
    chars: int
    covered_chars: int

    @property
    def share(self) -> float:
        return self.covered / self.sentences if self.sentences else 1.0

    @property
    def char_share(self) -> float:
        return self.covered_chars / self.chars if self.chars else 1.0

    @property
    def label(self) -> str:
        return f"{self.lang}->{self.other}" if self.other else self.lang

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(self.lang, self.other, self.sentences + other.sentences, self.covered + other.covered,
                        self.chars + other.chars, self.covered_chars + other.covered_chars)


@dataclass(frozen=True, slots=True)
class Unaligned:
    """A sentence without a counterpart in some language; positions 0-based."""

    doc: str
    lang: str
    para: int
    index: int  # sentence index in the document
    number: int  # 1-based position of the sentence in its paragraph
    missing: tuple[str, ...]  # languages it has no counterpart in
    text: str


@dataclass(frozen=True, slots=True)
class Stretch:
    """The longest run of consecutive sentences of ``lang`` without a counterpart in ``other``."""

    doc: str
    lang: str
    other: str
    first: int  # sentence indices, inclusive
    last: int
    first_para: int
    last_para: int

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class DocumentCheck:
    name: str
    langs: tuple[str, ...]
    sentences: tuple[tuple[str, int], ...]  # (lang, count)
    coverage: tuple[Coverage, ...]  # pairs both ways, then per language
    unaligned: tuple[Unaligned, ...]
    stretches: tuple[Stretch, ...]  # one per ordered pair that has unaligned sentences


@dataclass(frozen=True)
class CheckResult:
    mode: str  # "documents" (sources known: coverage available) or "tmx" (stored TUs only)
    langs: tuple[str, ...]
    units: tuple[Checked, ...]
    documents: tuple[DocumentCheck, ...] = ()
    sources: tuple[str, ...] = ()
    signature: str = ""  # settings of the check (and of the alignment, when aligned on the fly)

    @property
    def coverage(self) -> tuple[Coverage, ...]:
        """Totals over all documents, one entry per (lang, other) in first-seen order."""
        totals: dict[tuple[str, str | None], Coverage] = {}
        for doc in self.documents:
            for cov in doc.coverage:
                k = (cov.lang, cov.other)
                totals[k] = totals[k] + cov if k in totals else cov
        return tuple(totals.values())

    def flag_counts(self) -> dict[str, int]:
        counts = Counter(flag.code for item in self.units for flag in item.flags)
        return dict(sorted(counts.items()))

    @property
    def flag_total(self) -> int:
        return sum(len(item.flags) for item in self.units)

    @property
    def flagged_units(self) -> int:
        return sum(1 for item in self.units if item.flags)

    def link_types(self) -> dict[str, int]:
        counts = Counter(item.unit.kind for item in self.units)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def scores(self) -> list[float]:
        return sorted(item.unit.score for item in self.units if item.unit.score is not None)

    def score_histogram(self, bins: int = 10) -> list[int]:
        counts = [0] * bins
        for score in self.scores():
            counts[min(bins - 1, max(0, int(score * bins)))] += 1
        return counts

    def failures(self, min_coverage: float | None = None, max_flags: int | None = None) -> list[str]:
        """Why the memory is not good enough (empty: it is)."""
        out: list[str] = []
        if min_coverage is not None:
            for cov in self.coverage:
                if cov.share < min_coverage:
                    out.append(f"coverage {cov.label} {cov.share:.3f} < {min_coverage:g}")
        if max_flags is not None and self.flag_total > max_flags:
            out.append(f"{self.flag_total} flags > {max_flags}")
        return out
