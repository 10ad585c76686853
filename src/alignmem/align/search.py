"""Dynamic programming over n-m links inside a band, coarse-to-fine so that cost grows about linearly.

Gains, not costs: a link of type a-b with combined similarity s gains ``(a + b) * (s - threshold)``
minus a penalty that grows with its size, so a merge wins only where the merged sentences score better
than the one-to-one options; an omission gains nothing. The search maximises the total gain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignmem.align.band import band_around
from alignmem.align.config import AlignConfig
from alignmem.score.base import Prepared
from alignmem.score.cells import Cells

NEG = -1e18
USUAL_PRIOR = 0.6  # the usual 1-1 score assumed until calibrate() measures the document's own


def type_penalty(a: int, b: int, config: AlignConfig) -> float:
    """0 for 1-1 and omissions; merge_penalty for 1-2/2-1, growing with the size of the link."""
    if a <= 1 and b <= 1:
        return 0.0
    return config.merge_penalty * (a + b - 2) ** 1.5


def link_gain(s: np.ndarray, a: int, b: int, config: AlignConfig, threshold: float | None = None) -> np.ndarray:
    threshold = config.threshold if threshold is None else threshold
    margin = s - threshold
    # below the threshold a link loses faster than it gains above it: a poor pair is an omission
    margin = np.where(margin < 0, margin * config.below, margin)
    return (a + b) ** config.size_exponent * margin - type_penalty(a, b, config)


@dataclass
class Level:
    """The search problem at one resolution: signals, their weights, and optional paragraph data."""

    prepared: list[tuple[Prepared, float]]
    n: int
    m: int
    src_para: np.ndarray | None = None
    tgt_para: np.ndarray | None = None

    def coarsen(self, factor: int) -> Level:
        return Level([(p.coarsen(factor), w) for p, w in self.prepared],
                     (self.n + factor - 1) // factor, (self.m + factor - 1) // factor)

    def refines(self) -> bool:
        """Whether some signal can re-score merges more truly than its first estimate (``exact``)."""
        return any(p.refines for p, _ in self.prepared)

    def resemblance(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Each sentence's best similarity across (source, target), from the first signal that knows it."""
        for p, _ in self.prepared:
            found = p.resemblance()
            if found is not None:
                return found
        return None


def combine(level: Level, I: np.ndarray, J: np.ndarray, a: int, b: int, exact: bool = False) -> np.ndarray:
    """Weighted mean of the signals that have evidence for each cell; with ``exact``, each signal's truer
    (costlier) score of the windows."""
    total = np.zeros(I.shape, dtype=np.float64)
    weight = np.zeros(I.shape, dtype=np.float64)
    for prepared, w in level.prepared:
        values = prepared.exact(I, J, a, b) if exact else prepared.score(I, J, a, b)
        has = ~np.isnan(values)
        total += np.where(has, values, 0.0) * w
        weight += has * w
    return np.where(weight > 0, total / np.maximum(weight, 1e-12), 0.0)


def _para_terms(level: Level, I: np.ndarray, J: np.ndarray, a: int, b: int,
                config: AlignConfig) -> np.ndarray:
    sp, tp = level.src_para, level.tgt_para
    if sp is None or tp is None:
        return np.zeros(I.shape)
    s0 = np.clip(I - a, 0, level.n - 1)
    s1 = np.clip(I - 1, 0, level.n - 1)
    t0 = np.clip(J - b, 0, level.m - 1)
    t1 = np.clip(J - 1, 0, level.m - 1)
    starts_s = (s0 == 0) | (sp[s0] != sp[np.maximum(s0 - 1, 0)])
    starts_t = (t0 == 0) | (tp[t0] != tp[np.maximum(t0 - 1, 0)])
    crosses = (sp[s0] != sp[s1]).astype(float) + (tp[t0] != tp[t1]).astype(float)
    return config.para_bonus * (starts_s & starts_t) - config.para_cross * crosses


@dataclass
class Gains:
    types: tuple[tuple[int, int], ...]  # link types with a >= 1 (0-1 is handled inside each row)
    gain: np.ndarray  # (len(types), band.size + 1) float64; the last column is the -inf sentinel
    prev: np.ndarray  # (len(types), band.size) int64 flat index of the link's start node (sentinel if none)
    sim: np.ndarray  # (len(types), band.size) combined similarity, the score reported for a link
    skip: float  # cost of a 0-1 move
    threshold: float  # similarity at which a link gains nothing
    usual: float  # the document's usual 1-1 score (a prior until calibrate() measures it)
    skip_s: np.ndarray | None = None  # (n,) cost of leaving each source sentence unaligned
    skip_t: np.ndarray | None = None  # (m,) ... each target sentence


def skip_costs(level: Level, g: Gains, config: AlignConfig) -> None:
    """Leaving a sentence out costs more when it looks like a translation of something near it.

    An omitted sentence usually resembles nothing on the other side; a sentence that a translator
    split off resembles the sentence it came from, and belongs in a 1-2 link, not in an omission.
    """
    related = level.resemblance()
    if related is None or config.orphan_weight <= 0:
        g.skip_s, g.skip_t = np.full(level.n, g.skip), np.full(level.m, g.skip)
        return
    floor = config.orphan_floor * g.usual
    g.skip_s = g.skip + config.orphan_weight * np.maximum(related[0] - floor, 0.0)
    g.skip_t = g.skip + config.orphan_weight * np.maximum(related[1] - floor, 0.0)


def _skip_gain(g: Gains, I: np.ndarray, a: int) -> np.ndarray:
    """Gain of a-0 links ending at rows I: minus the cost of the a source sentences left out."""
    prefix = np.concatenate([[0.0], np.cumsum(g.skip_s)])
    return -(prefix[np.clip(I, 0, len(g.skip_s))] - prefix[np.clip(I - a, 0, len(g.skip_s))])


def gains(level: Level, band: Cells, config: AlignConfig) -> Gains:
    types = tuple(t for t in config.link_types() if t[0] >= 1)
    rows, cols = band.rows, band.cols
    size = band.size
    gain = np.full((len(types), size + 1), NEG)
    prev = np.full((len(types), size), size, dtype=np.int64)
    sim = np.zeros((len(types), size))
    g = Gains(types, gain, prev, sim, config.skip, config.threshold, USUAL_PRIOR)
    skip_costs(level, g, config)
    for k, (a, b) in enumerate(types):
        start, inside = band.locate(rows - a, cols - b)
        ok = inside & (rows >= a) & (cols >= b)
        prev[k] = np.where(ok, start, size)
        if b == 0:
            gain[k, :size] = np.where(ok, _skip_gain(g, rows, a), NEG)
            continue
        idx = np.flatnonzero(ok)
        I, J = rows[idx], cols[idx]
        s = combine(level, I, J, a, b)
        sim[k, idx] = s
        gain[k, idx] = cell_gain(level, g, k, I, J, s, config)
    return g


def cell_gain(level: Level, g: Gains, k: int, I: np.ndarray, J: np.ndarray, s: np.ndarray,
              config: AlignConfig) -> np.ndarray:
    """Gain of links of type ``g.types[k]`` ending at nodes (I, J) whose combined similarity is ``s``."""
    a, b = g.types[k]
    return link_gain(s, a, b, config, g.threshold) + _para_terms(level, I, J, a, b, config)


def run_dp(band: Cells, g: Gains) -> list[tuple[int, int, int, int, float]]:
    """Best path as links (i0, i1, j0, j1, similarity): source i0..i1-1 with target j0..j1-1."""
    size = band.size
    best = np.full(size + 1, NEG)
    back = np.zeros(size, dtype=np.int16)
    skip_t = len(g.types)  # the 0-1 move
    lo, w, off = band.lo, band.w, band.off
    skip_prefix = np.concatenate([[0.0], np.cumsum(g.skip_t)])  # cost of leaving out targets 0..j-1
    for i in range(band.n + 1):
        sl = slice(int(off[i]), int(off[i + 1]))
        cols = np.arange(lo[i], lo[i] + w[i])
        if i == 0:
            x = np.where(cols == 0, 0.0, NEG)
            arg = np.full(len(cols), skip_t)
        else:
            cand = best[g.prev[:, sl]] + g.gain[:, sl]
            arg = np.argmax(cand, axis=0)
            x = cand[arg, np.arange(len(cols))]
        # 0-1 moves inside the row: best[j] = max(x[j], best[j-1] - skip_t[j-1])
        slope = skip_prefix[cols]
        run = np.maximum.accumulate(x + slope)
        took = run > x + slope
        run = run - slope
        arg = np.where(took, skip_t, arg)
        best[sl] = run
        back[sl] = arg
    links: list[tuple[int, int, int, int, float]] = []
    i, j = band.n, band.m
    while i > 0 or j > 0:
        flat = int(off[i] + j - lo[i])
        t = int(back[flat])
        if t == skip_t:
            a, b, s = 0, 1, 0.0
        else:
            a, b = g.types[t]
            s = float(g.sim[t, flat])
        links.append((i - a, i, j - b, j, s))
        i, j = i - a, j - b
    links.reverse()
    return links


def path_of(links: Sequence[tuple[int, int, int, int, float]]) -> list[tuple[int, int]]:
    return [(0, 0)] + [(i1, j1) for _, i1, _, j1, _ in links]


def search(level: Level, config: AlignConfig, *, top: bool = True) -> list[tuple[int, int, int, int, float]]:
    """Coarse-to-fine: align blocks of two sentences first, then search a band around that path."""
    n, m = level.n, level.m
    if (n + 1) * (m + 1) <= config.full_search_cells or min(n, m) < 8:
        band = Cells.full(n, m)
    else:
        coarse = search(level.coarsen(2), config, top=False)
        path = [(min(2 * i, n), min(2 * j, m)) for i, j in path_of(coarse)]
        band = band_around(path, n, m, config.band)
    for prepared, _ in level.prepared:
        prepared.attach(band)
    g = gains(level, band, config)
    links = run_dp(band, g)
    if top and calibrate(level, band, g, links, config):
        links = run_dp(band, g)
    if top and level.refines():
        if config.exact_windows and refine(level, band, g, links, config, confident=config.refine_confident,
                                           margin=config.refine_margin):
            links = run_dp(band, g)
        checked = np.zeros(g.sim.shape, dtype=bool)
        for _ in range(config.verify_rounds):
            if not verify(level, band, g, links, config, checked):
                break
            links = run_dp(band, g)
    return links


def calibrate(level: Level, band: Cells, g: Gains, links, config: AlignConfig) -> bool:
    """Set the threshold and the omission cost relative to this document's usual 1-1 score.

    Literary translations score lower than UN documents; what counts as a poor link is relative.
    """
    scores = [s for i0, i1, j0, j1, s in links if i1 - i0 == 1 and j1 - j0 == 1]
    if len(scores) < 5 or config.relative <= 0:
        return False
    usual = float(np.median(scores))
    threshold = config.relative * usual
    skip = config.relative_skip * usual
    g.skip, g.threshold, g.usual = skip, threshold, usual
    skip_costs(level, g, config)
    rows, cols = band.rows, band.cols
    for k, (a, b) in enumerate(g.types):
        valid = np.flatnonzero(g.gain[k, :-1] > NEG / 2)
        if b == 0:
            g.gain[k, valid] = _skip_gain(g, rows[valid], a)
        else:
            I, J = rows[valid], cols[valid]
            g.gain[k, valid] = cell_gain(level, g, k, I, J, g.sim[k, valid], config)
    return True


def verify(level: Level, band: Cells, g: Gains, links, config: AlignConfig, checked: np.ndarray) -> bool:
    """Re-score the n-m links the path chose with the embedding of their merged sentences.

    The mean of sentence embeddings (boosted) proposes merges cheaply; each proposed merge is then
    embedded as one text, so a merge stays only if it really beats the alternatives. Few texts are
    embedded: one per side for each merge on the path.
    """
    index = {t: k for k, t in enumerate(g.types)}
    todo: dict[int, list[int]] = {}
    for i0, i1, j0, j1, _ in links:
        a, b = i1 - i0, j1 - j0
        if a + b <= 2 or a == 0 or b == 0:
            continue
        k = index[(a, b)]
        flat = int(band.off[i1] + j1 - band.lo[i1])
        if not checked[k, flat]:
            todo.setdefault(k, []).append(flat)
    if not todo:
        return False
    rows, cols = band.rows, band.cols
    for k, cells in todo.items():
        a, b = g.types[k]
        idx = np.array(cells)
        I, J = rows[idx], cols[idx]
        s = combine(level, I, J, a, b, exact=True)
        g.sim[k, idx] = s
        g.gain[k, idx] = cell_gain(level, g, k, I, J, s, config)
        checked[k, idx] = True
    return True


def refine(level: Level, band: Cells, g: Gains, links, config: AlignConfig, radius: int = 1,
           confident: float = 0.6, margin: float = 0.15) -> bool:
    """Re-score n-m cells near doubtful stretches of the path with embeddings of the merged text.

    Averaged sentence embeddings are a good first guess; near links that are n-m, omissions or weak
    1-1, the merged sentences are embedded as one text so that a merge must really beat its parts.
    """
    doubtful = np.zeros(level.n + 1, dtype=bool)
    for i0, i1, j0, j1, s in links:
        if (i1 - i0, j1 - j0) != (1, 1) or s < confident:
            doubtful[max(i0 - radius, 0):min(i1 + radius, level.n) + 1] = True
    if not doubtful.any():
        return False
    # columns of the path at each row, to keep only cells near it
    near_lo = np.full(level.n + 1, level.m)
    near_hi = np.zeros(level.n + 1, dtype=np.int64)
    for i0, i1, j0, j1, _ in links:
        near_lo[i0:i1 + 1] = np.minimum(near_lo[i0:i1 + 1], j0)
        near_hi[i0:i1 + 1] = np.maximum(near_hi[i0:i1 + 1], j1)
    rows, cols = band.rows, band.cols
    near = doubtful[rows] & (cols >= near_lo[rows] - radius) & (cols <= near_hi[rows] + radius)
    # a merge is worth re-embedding only if, on averaged embeddings, it comes close to the best link
    # ending at the same node
    top = g.gain[:, :-1].max(axis=0)
    changed = False
    for k, (a, b) in enumerate(g.types):
        if a + b <= 2 or b == 0:
            continue
        idx = np.flatnonzero(near & (g.gain[k, :-1] > NEG / 2) & (g.gain[k, :-1] >= top - margin))
        if not len(idx):
            continue
        I, J = rows[idx], cols[idx]
        s = combine(level, I, J, a, b, exact=True)
        g.sim[k, idx] = s
        g.gain[k, idx] = cell_gain(level, g, k, I, J, s, config)
        changed = True
    return changed
