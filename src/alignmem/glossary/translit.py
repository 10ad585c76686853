"""Name similarity across scripts (Putin / Путин / 普京) for pairing terms: the project's transliteration
in :mod:`alignmem.anchors`, with a floor below which two names count as unrelated."""

from __future__ import annotations

import functools

from alignmem.anchors import name_similarity as _similarity

MIN_NAME_SIMILARITY = 0.6  # below this two names are taken as unrelated (score 0)


@functools.lru_cache(maxsize=100_000)
def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names written in any of the scripts (0 when they differ a lot)."""
    score = float(_similarity(a, b))
    return score if score >= MIN_NAME_SIMILARITY else 0.0
