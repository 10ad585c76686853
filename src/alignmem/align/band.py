"""The band of cells a search looks at: cells near a coarse path (:class:`~alignmem.score.cells.Cells`)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from alignmem.score.cells import Cells


def band_around(path: list[tuple[int, int]], n: int, m: int, radius: int) -> Cells:
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
    return Cells.from_ranges(n, m, lo, hi)


def _running(values: np.ndarray, radius: int, op) -> np.ndarray:
    """Running min/max over a window of +-radius."""
    out = values.copy()
    for shift in range(1, radius + 1):
        out[shift:] = op(out[shift:], values[:-shift])
        out[:-shift] = op(out[:-shift], values[shift:])
    return out
