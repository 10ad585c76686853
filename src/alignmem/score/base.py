"""Similarity signals behind one small interface, sacrebleu-style: a base class here, one module per signal,
and a registry by name (:mod:`alignmem.score.registry`).

A :class:`Signal` prepares a document pair into a :class:`Prepared` state; ``score(I, J, a, b)`` then
gives, for links of type a-b ending at nodes (I, J) (source sentences I-a..I-1, target J-b..J-1), a
similarity in [0, 1], or NaN where the signal has no evidence (no anchors on either side). Signals
keep per-sentence quantities that add up over a window (embedding sums, character counts, key
counts), so windows and coarse blocks cost no new model call. Heavy parts load inside ``prepare``.

A signal knows candidate cells (:class:`~alignmem.score.cells.Cells`: which sentence pairs will be
asked about), never the search that asks: whatever a search needs beyond ``score`` is a method of the
interface with a neutral default (``exact``, ``resemblance``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar

import numpy as np

from alignmem.score.cells import Cells


class Prepared(ABC):
    """A signal's state for one document pair at one resolution (sentences or blocks of them)."""

    n: int
    m: int

    def attach(self, cells: Cells) -> None:
        """Precompute what scoring the sentence pairs of ``cells`` needs (called before ``score``)."""

    @abstractmethod
    def score(self, I: np.ndarray, J: np.ndarray, a: int, b: int) -> np.ndarray: ...

    @abstractmethod
    def coarsen(self, factor: int) -> Prepared:
        """The same state over blocks of ``factor`` consecutive sentences."""

    @property
    def refines(self) -> bool:
        """Whether :meth:`exact` can say more than :meth:`score` (worth a second look at merges)."""
        return False

    def exact(self, I: np.ndarray, J: np.ndarray, a: int, b: int) -> np.ndarray:
        """A costlier, truer score of n-m windows (the embedding of the merged text itself); by default
        the same as :meth:`score`."""
        return self.score(I, J, a, b)

    def resemblance(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Each sentence's best similarity with a sentence of the other side among the attached cells
        (source, target), or None when the signal cannot tell."""
        return None


class Signal(ABC):
    """A similarity signal, configured by keyword arguments named in ``options`` (fields of the aligner's
    settings of the same names are passed in; see :func:`alignmem.score.registry.make_signal`)."""

    name: ClassVar[str] = ""
    options: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def prepare(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> Prepared: ...

    def describe(self) -> str:
        """The signal as recorded in a signature (with what it depends on, e.g. the encoder)."""
        return self.name


# ---------------------------------------------------------------------------------------------
# helpers over additive per-sentence quantities


def prefix_sums(values: np.ndarray) -> np.ndarray:
    out = np.zeros((len(values) + 1,) + values.shape[1:], dtype=np.float64)
    np.cumsum(values, axis=0, out=out[1:])
    return out


def window_sum(prefix: np.ndarray, end: np.ndarray, size: int) -> np.ndarray:
    """Sum of the ``size`` values before ``end`` (indices clipped; callers mask invalid cells)."""
    last = len(prefix) - 1
    e = np.clip(end, 0, last)
    return prefix[e] - prefix[np.clip(e - size, 0, last)]


def blocks(values: np.ndarray, factor: int) -> np.ndarray:
    n = len(values)
    starts = np.arange(0, n, factor)
    return np.add.reduceat(values, starts, axis=0) if n else values


class PairTable:
    """Values of sentence pairs (s, t) stored sparsely by key s * (m + 1) + t; lookups by binary search."""

    def __init__(self, m: int, keys: np.ndarray, values: np.ndarray):
        order = np.argsort(keys, kind="stable")
        self.m = m
        self.keys = keys[order]
        self.values = values[order]

    def lookup(self, s: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        key = s.astype(np.int64) * (self.m + 1) + t
        pos = np.searchsorted(self.keys, key)
        pos = np.minimum(pos, max(len(self.keys) - 1, 0))
        if not len(self.keys):
            return np.zeros(key.shape), np.zeros(key.shape, dtype=bool)
        found = self.keys[pos] == key
        return np.where(found, self.values[pos], 0.0), found


def pair_window_sum(lookup: Callable[[np.ndarray, np.ndarray], np.ndarray], I: np.ndarray, J: np.ndarray,
                    a: int, b: int) -> np.ndarray:
    total = np.zeros(I.shape, dtype=np.float64)
    for da in range(a):
        for db in range(b):
            total += lookup(I - a + da, J - b + db)
    return total

