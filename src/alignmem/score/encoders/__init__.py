"""Sentence encoders by name, one module each; ``use`` is the default. An encoder's model loads on its
first ``embed``, and :func:`get_encoder` keeps one instance per name per process (the cache is shared
by every stage that embeds: alignment, the join's split step, check, glossary)."""

from __future__ import annotations

from alignmem.errors import InputError
from alignmem.score.encoders.base import Encoder
from alignmem.score.encoders.use import UseEncoder

DEFAULT_ENCODER = "use"
ENCODERS: dict[str, type[Encoder]] = {UseEncoder.name: UseEncoder}
_INSTANCES: dict[str, Encoder] = {}

__all__ = ["DEFAULT_ENCODER", "ENCODERS", "Encoder", "get_encoder"]


def encoder_class(name: str) -> type[Encoder]:
    try:
        return ENCODERS[name]
    except KeyError:
        known = ", ".join(sorted(ENCODERS))
        raise InputError(f"unknown encoder {name!r} (known: {known})") from None


def get_encoder(name: str = DEFAULT_ENCODER) -> Encoder:
    """The process-wide encoder called ``name`` (its model loads on the first ``embed``)."""
    if name not in _INSTANCES:
        _INSTANCES[name] = encoder_class(name)()
    return _INSTANCES[name]
