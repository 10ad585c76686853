"""Candidate cells: the part of the (n+1) x (m+1) matrix of a document pair that is looked at, stored row
by row.

Row ``i`` holds columns ``lo[i] .. lo[i] + w[i] - 1``; all cells lie in flat arrays (``rows``, ``cols``)
in row-major order, and :meth:`Cells.locate` finds a cell's flat index by arithmetic. Cell (i, j) is
a sentence pair (source i, target j) for a signal, and "the first i source and the first j target
sentences are aligned" for a search: the same geometry serves both, so signals need to know nothing
of the search.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Cells:
    n: int
    m: int
    lo: np.ndarray  # (n+1,) first column of each row
    w: np.ndarray  # (n+1,) number of columns of each row (>= 1)
    off: np.ndarray  # (n+2,) offset of each row in the flat arrays

    @classmethod
    def from_ranges(cls, n: int, m: int, lo: np.ndarray, hi: np.ndarray) -> Cells:
        lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
        hi = np.clip(np.asarray(hi, dtype=np.int64), 0, m)
        hi = np.maximum(hi, lo)
        w = hi - lo + 1
        off = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(w, out=off[1:])
        return cls(n, m, lo, w, off)

    @classmethod
    def full(cls, n: int, m: int) -> Cells:
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

