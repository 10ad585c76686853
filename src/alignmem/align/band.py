"""The part of the (n+1) x (m+1) search matrix that the search looks at, stored row by row.

Row ``i`` holds columns ``lo[i] .. lo[i] + w[i] - 1``; all cells lie in flat arrays (``rows``, ``cols``)
in row-major order, and :meth:`Band.locate` finds a cell's flat index by arithmetic. Node
(i, j) of the search means "the first i source and the first j target sentences are aligned"; the
same geometry also indexes sentence pairs (s, t).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np


@dataclass(frozen=True)
class Band:
    n: int
    m: int
    lo: np.ndarray  # (n+1,) first column of each row
    w: np.ndarray  # (n+1,) number of columns of each row (>= 1)
    off: np.ndarray  # (n+2,) offset of each row in the flat arrays

    @classmethod
    def from_ranges(cls, n: int, m: int, lo: np.ndarray, hi: np.ndarray) -> Band:
        lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
        hi = np.clip(np.asarray(hi, dtype=np.int64), 0, m)
        hi = np.maximum(hi, lo)
        w = hi - lo + 1
        off = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(w, out=off[1:])
        return cls(n, m, lo, w, off)

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls.from_ranges(n, m, np.zeros(n + 1), np.full(n + 1, m))

    @property
    def size(self) -> int:
        return int(self.off[-1])

    @property
    def rows(self) -> np.ndarray:
        return np.repeat(np.arange(self.n + 1), self.w)

    @property
    def cols(self) -> np.ndarray:
        rows = self.rows
        return np.arange(self.size) - self.off[rows] + self.lo[rows]

    def locate(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flat index of cells (rows, cols) and a mask of those inside the band."""
        inside = (rows >= 0) & (rows <= self.n)
        r = np.clip(rows, 0, self.n)
        k = cols - self.lo[r]
        inside &= (k >= 0) & (k < self.w[r])
        return np.where(inside, self.off[r] + k, 0), inside

    def row(self, i: int) -> slice:
        return slice(int(self.off[i]), int(self.off[i + 1]))


def band_around(path: list[tuple[int, int]], n: int, m: int, radius: int) -> Band:
    """Cells within ``radius`` rows and columns of a monotone path from (0, 0) to (n, m)."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (i0, j0), (i1, j1) in pairwise(path):
        # the segment from (i0, j0) to (i1, j1) touches rows i0..i1 between columns j0 and j1
        for i in range(i0, i1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
    i_last, j_last = path[-1]
    lo[i_last] = min(lo[i_last], j_last)
    hi[i_last] = max(hi[i_last], j_last)
    lo = _running(lo, radius, np.minimum) - radius
    hi = _running(hi, radius, np.maximum) + radius
    return Band.from_ranges(n, m, lo, hi)


def _running(values: np.ndarray, radius: int, op) -> np.ndarray:
    """Running min/max over a window of +-radius."""
    out = values.copy()
    for shift in range(1, radius + 1):
        out[shift:] = op(out[shift:], values[:-shift])
        out[:-shift] = op(out[:-shift], values[shift:])
    return out
