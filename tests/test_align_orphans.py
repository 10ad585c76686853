"""Omission cost by sentence: leaving out a sentence that resembles its neighbourhood costs more.

Translators seldom drop a sentence that carries the meaning of the text around it; a target
sentence that resembles the source sentence next to it is far more often a piece split off in
translation (a 1-2 link) than an omission. The search therefore charges, for each sentence left
unaligned, the base omission cost plus ``orphan_weight`` times how far its best cosine with a
nearby sentence of the other side exceeds ``orphan_floor`` times the document's usual 1-1 score.

The tests build embeddings by hand so that every cosine is known.
"""

from __future__ import annotations

import numpy as np
import pytest

from alignmem.align import AlignConfig
from alignmem.align.search import Level, gains, search
from alignmem.score.cells import Cells
from alignmem.score.embedding import PreparedEmbedding

DIM = 64


def _basis(count: int, seed: int = 7) -> np.ndarray:
    """``count`` orthonormal vectors: unrelated sentences have cosine 0."""
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(DIM, count)))
    return q.T


def _mix(parts: list[tuple[float, np.ndarray]]) -> np.ndarray:
    vector = sum(weight * v for weight, v in parts)
    return vector / np.linalg.norm(vector)


def _document(piece_cosine: float) -> tuple[np.ndarray, np.ndarray]:
    """Seven source sentences; target 3 translates source 3 and target 4 resembles it by ``piece_cosine``.

    Every other source sentence i has one translation with cosine 0.8.
    """
    base = _basis(20)
    src = base[:7]
    noise = base[7:]
    tgt = []
    for i in range(7):
        tgt.append(_mix([(0.8, src[i]), (0.6, noise[i])]))
        if i == 3:
            rest = np.sqrt(1 - piece_cosine ** 2)
            tgt.append(_mix([(piece_cosine, src[3]), (rest, noise[7])]))
    return src, np.array(tgt)


def _links(src: np.ndarray, tgt: np.ndarray, config: AlignConfig) -> list[tuple[range, range]]:
    level = Level([(PreparedEmbedding(src, tgt, None, (" ", " "), None, config.merge_boost), 1.0)],
                  len(src), len(tgt))
    return [(range(i0, i1), range(j0, j1)) for i0, i1, j0, j1, _ in search(level, config)]


# merges made deliberately dear, so that only the omission cost decides between 1-2 and 1-1 + 0-1
DEAR_MERGES = {"merge_boost": 1.0, "size_exponent": 0.0, "merge_penalty": 0.2}


def test_the_cosines_are_as_built():
    src, tgt = _document(0.4)
    assert float(src[3] @ tgt[3]) == pytest.approx(0.8)
    assert float(src[3] @ tgt[4]) == pytest.approx(0.4)
    assert float(src[2] @ tgt[4]) == pytest.approx(0.0, abs=1e-9)


def test_a_related_piece_joins_its_sentence_instead_of_being_left_out():
    src, tgt = _document(0.4)
    flat = _links(src, tgt, AlignConfig(orphan_weight=0.0, **DEAR_MERGES))
    assert (range(3, 4), range(3, 4)) in flat and (range(3, 3), range(4, 5)) in flat  # 1-1 + omission
    costly = _links(src, tgt, AlignConfig(orphan_weight=3.0, **DEAR_MERGES))
    assert (range(3, 4), range(3, 5)) in costly  # 1-2


def test_an_unrelated_sentence_stays_an_omission_whatever_the_weight():
    src, tgt = _document(0.0)
    for weight in (0.0, 0.6, 3.0):
        links = _links(src, tgt, AlignConfig(orphan_weight=weight, **DEAR_MERGES))
        assert (range(3, 3), range(4, 5)) in links
        assert (range(3, 4), range(3, 4)) in links


def test_omission_costs_by_sentence():
    src, tgt = _document(0.4)
    config = AlignConfig(orphan_floor=0.25, orphan_weight=2.0)
    level = Level([(PreparedEmbedding(src, tgt, None, (" ", " "), None), 1.0)], len(src), len(tgt))
    band = Cells.full(len(src), len(tgt))
    level.prepared[0][0].attach(band)
    g = gains(level, band, config)
    floor = config.orphan_floor * g.usual
    # target 4's best cosine is 0.4 (with source 3); every translation's is 0.8
    assert g.skip_t[4] == pytest.approx(config.skip + 2.0 * (0.4 - floor))
    assert g.skip_t[0] == pytest.approx(config.skip + 2.0 * (0.8 - floor))
    assert np.all(g.skip_s == pytest.approx(config.skip + 2.0 * (0.8 - floor)))
    # with the weight at 0 every sentence costs the same
    g0 = gains(level, band, AlignConfig(orphan_weight=0.0))
    assert np.all(g0.skip_t == config.skip) and np.all(g0.skip_s == config.skip)
