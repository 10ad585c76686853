"""What a language table holds, and the kinds of abbreviation the rules know.

A table is plain data: the rules in :mod:`alignmem.segment.rules` read it and never hold language
facts of their own. Every entry in a language module carries the example that motivated it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of abbreviation (how the word before a period behaves).
TITLE = "title"  # always followed by a name: never ends a sentence ("Mr. Lavrov")
MIDDLE = "middle"  # never ends a sentence ("e.g. the", "т.е. в")
PREFIX = "prefix"  # introduces a number: joins when a number follows ("No. 5", "п. 3")
END = "end"  # may end a sentence: splits only before a capitalised word ("etc. The")
YEAR_OR_PLACE = "year-or-place"  # after a number it is a unit that may end ("2015 г. В"), else a title ("г. Москва")

KINDS = frozenset({TITLE, MIDDLE, PREFIX, END, YEAR_OR_PLACE})


def words(text: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a list of quoted strings)."""
    return frozenset(text.split())


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: tables are built once
class LanguageTable:
    """Everything the segmenter knows about one language.

    ``abbreviations`` maps a lower-cased word (internal periods kept: ``"e.g"``, ``"т.е"``) to its kind.
    ``continuations`` lists, for an abbreviation of kind END, capitalised words that continue the
    sentence anyway ("долл. США"). ``starters`` are closed-class words that begin sentences; they decide
    the ambiguous cases (a single capital letter or a dotted acronym before a capitalised word).
    """

    code: str
    final: str  # sentence-final punctuation characters
    closers: str  # quotes and brackets that stay with the sentence they close
    openers: str  # quotes and brackets that may open the next sentence
    abbreviations: dict[str, str]
    continuations: dict[str, frozenset[str]] = field(default_factory=dict)
    starters: frozenset[str] = frozenset()
    enumerator_words: frozenset[str] = frozenset()  # "Part II. Background": words before a heading number
    # Verbs of a reporting clause after a quotation: '"Why?" Wang asked.', "“为什么？”他问。"
    speech_verbs: frozenset[str] = frozenset()
    # True when the language may run sentences together with no space ("。" followed by the next
    # sentence), as Chinese does.
    unspaced: bool = False
    # Whether ";" ends a sentence. Decided by measurement (benchmarks/segmentation.py --semicolon):
    # see the comment in each language module.
    semicolon_ends: bool = False

    def __post_init__(self) -> None:
        unknown = {kind for kind in self.abbreviations.values() if kind not in KINDS}
        if unknown:
            raise ValueError(f"language table {self.code!r}: unknown abbreviation kinds {sorted(unknown)}")
