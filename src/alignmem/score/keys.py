"""Key-matching signals share one state: the Dice overlap of keys (anchors, dictionary entries) that
both texts hold, summed over a link's sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from alignmem.score.base import PairTable, Prepared, blocks, pair_window_sum, prefix_sums, window_sum

MAX_KEY_SPREAD = 64  # a key in more sentences than this tells nothing about where a sentence goes


class PreparedKeys(Prepared):
    """Dice overlap of keys (anchors, dictionary entries) kept by both texts."""

    def __init__(self, cs: np.ndarray, ct: np.ndarray, table: PairTable):
        self.cs, self.ct = cs, ct
        self.n, self.m = len(cs), len(ct)
        self.ps, self.pt = prefix_sums(cs), prefix_sums(ct)
        self.table = table

    @classmethod
    def from_keys(cls, ks: Sequence[frozenset[str]], kt: Sequence[frozenset[str]],
                  weight: Callable[[str], float] | None = None) -> PreparedKeys:
        where_s: dict[str, list[int]] = {}
        where_t: dict[str, list[int]] = {}
        for i, keys in enumerate(ks):
            for key in keys:
                where_s.setdefault(key, []).append(i)
        for j, keys in enumerate(kt):
            for key in keys:
                where_t.setdefault(key, []).append(j)
        shared = [k for k in where_s if k in where_t
                  and len(where_s[k]) <= MAX_KEY_SPREAD and len(where_t[k]) <= MAX_KEY_SPREAD]
        cs = np.zeros(len(ks))
        ct = np.zeros(len(kt))
        pairs: list[int] = []
        m = len(kt)
        weights: list[float] = []
        for key in sorted(shared):
            rows, cols = where_s[key], where_t[key]
            kw = weight(key) if weight else 1.0
            np.add.at(cs, rows, kw)
            np.add.at(ct, cols, kw)
            pairs.extend(r * (m + 1) + c for r in rows for c in cols)
            weights.extend([kw] * (len(rows) * len(cols)))
        keys, inverse = np.unique(np.array(pairs, dtype=np.int64), return_inverse=True)
        values = np.bincount(inverse.ravel(), weights=np.array(weights), minlength=len(keys))
        return cls(cs, ct, PairTable(m, keys, values.astype(np.float64)))

    def coarsen(self, factor: int) -> Prepared:
        m = self.m
        rows, cols = self.table.keys // (m + 1), self.table.keys % (m + 1)
        m2 = (m + factor - 1) // factor
        keys = (rows // factor) * (m2 + 1) + cols // factor
        uniq, inverse = np.unique(keys, return_inverse=True)
        values = np.bincount(inverse.ravel(), weights=self.table.values, minlength=len(uniq))
        return PreparedKeys(blocks(self.cs, factor), blocks(self.ct, factor), PairTable(m2, uniq, values))

    def _match(self, s, t):
        return self.table.lookup(s, t)[0]

    def score(self, I, J, a, b):
        total = window_sum(self.ps, I, a) + window_sum(self.pt, J, b)
        matched = pair_window_sum(self._match, I, J, a, b)
        with np.errstate(invalid="ignore", divide="ignore"):
            dice = np.minimum(2.0 * matched / total, 1.0)
        return np.where(total > 0, dice, np.nan)
