"""The length signal: Gale-Church cost on characters, with the ratio of the language pair estimated from
the texts themselves."""

from __future__ import annotations

import math

import numpy as np

from alignmem.score.base import Prepared, Signal, blocks, prefix_sums, window_sum

# Expected target characters per source character, before the texts themselves are looked at.
# Chinese needs about a third of the characters of English; Russian about 10% more than English.
CHARS_PER_LANG = {"en": 1.0, "ru": 1.1, "zh": 0.3}
PRIOR_WEIGHT = 2000.0  # characters of evidence the prior is worth
GC_VARIANCE = 6.8  # Gale & Church (1993): variance of target length per source character


def _erfc(x: np.ndarray) -> np.ndarray:
    """Complementary error function for x >= 0 (Abramowitz & Stegun 7.1.26, error < 1.5e-7)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return poly * np.exp(-x * x)


def char_length(text: str) -> int:
    """Characters other than white space."""
    return len("".join(text.split()))


class PreparedLength(Prepared):
    def __init__(self, ls: np.ndarray, lt: np.ndarray, ratio: float, variance: float):
        self.ls, self.lt = ls, lt
        self.n, self.m = len(ls), len(lt)
        self.ps, self.pt = prefix_sums(ls), prefix_sums(lt)
        self.ratio, self.variance = ratio, variance

    def coarsen(self, factor: int) -> Prepared:
        return PreparedLength(blocks(self.ls, factor), blocks(self.lt, factor), self.ratio, self.variance)

    def score(self, I, J, a, b):
        la = window_sum(self.ps, I, a)
        lb = window_sum(self.pt, J, b) / self.ratio
        mean = np.maximum((la + lb) / 2.0, 1.0)
        delta = np.abs(lb - la) / np.sqrt(self.variance * mean)
        return _erfc(delta / math.sqrt(2.0))


class LengthSignal(Signal):
    """Gale-Church cost on characters, with the ratio of the language pair estimated from the texts."""

    name = "length"

    def __init__(self, variance: float = GC_VARIANCE):
        self.variance = variance

    def prepare(self, src, tgt, src_lang, tgt_lang):
        ls = np.array([char_length(t) for t in src], dtype=np.float64)
        lt = np.array([char_length(t) for t in tgt], dtype=np.float64)
        prior = CHARS_PER_LANG.get(tgt_lang, 1.0) / CHARS_PER_LANG.get(src_lang, 1.0)
        # the observed ratio, shrunk towards the prior when the texts are short
        ratio = (lt.sum() + PRIOR_WEIGHT * prior) / (ls.sum() + PRIOR_WEIGHT)
        # Chinese characters carry more per character: the spread is larger in their units
        variance = self.variance * (1.0 / min(ratio, 1.0))
        return PreparedLength(ls, lt, ratio, variance)
