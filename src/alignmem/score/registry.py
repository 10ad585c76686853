"""Signals by name, sacrebleu-style: the classes are listed here, and nothing heavy loads until a signal
is prepared (the encoder's model, jieba and pymorphy3 load on first use)."""

from __future__ import annotations

from collections.abc import Mapping

from alignmem.errors import InputError
from alignmem.score.anchors import AnchorSignal
from alignmem.score.base import Signal
from alignmem.score.embedding import EmbeddingSignal
from alignmem.score.length import LengthSignal
from alignmem.score.lexicon import LexiconSignal

SIGNALS: dict[str, type[Signal]] = {
    cls.name: cls for cls in (EmbeddingSignal, LengthSignal, AnchorSignal, LexiconSignal)
}
DEFAULT_SIGNALS: tuple[str, ...] = ("embedding", "length", "anchors")


def signal_class(name: str) -> type[Signal]:
    try:
        return SIGNALS[name]
    except KeyError:
        known = ", ".join(sorted(SIGNALS))
        raise InputError(f"unknown signal {name!r} (known: {known})") from None


def make_signal(name: str, settings: Mapping[str, object] | object = None) -> Signal:
    """The signal called ``name``, configured from ``settings`` (a mapping, or an object such as the
    aligner's config, whose attributes of the names in the signal's ``options`` are passed on)."""
    cls = signal_class(name)
    if settings is None:
        return cls()
    if isinstance(settings, Mapping):
        return cls(**{key: settings[key] for key in cls.options if key in settings})
    return cls(**{key: getattr(settings, key) for key in cls.options if hasattr(settings, key)})


def parse_signals(spec: str | None) -> tuple[str, ...]:
    """``"embedding,length"`` -> ("embedding", "length"), each checked against the registry; None gives
    the default signals."""
    if spec is None:
        return DEFAULT_SIGNALS
    names = tuple(dict.fromkeys(part.strip().lower() for part in spec.split(",") if part.strip()))
    if not names:
        raise InputError("--signals names no signal")
    for name in names:
        signal_class(name)
    return names
