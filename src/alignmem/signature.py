"""Settings as text and back: every field of a frozen settings dataclass, ``name=value`` joined by ``|``,
so that an output records exactly how it was made and the run can be repeated from it (sacrebleu's
signatures, complete). Values: ``yes``/``no``, numbers as Python prints them (``%g``-like), tuples of
strings comma-joined, tuples of (name, number) pairs as ``name:number``; ``|``, ``,``, ``:``, ``=`` and
``%`` inside strings are percent-encoded."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from alignmem.errors import InputError

T = TypeVar("T")
_SAFE = "/.-_() +@~[]{}*!?'\"<>#&;$^`"


def _text(value: str) -> str:
    return quote(value, safe=_SAFE)


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, tuple):
        if all(isinstance(v, tuple) and len(v) == 2 for v in value):
            return ",".join(f"{_text(str(k))}:{_format(v)}" for k, v in value)
        return ",".join(_format(v) for v in value)
    raise TypeError(f"cannot record a setting of type {type(value).__name__}")


def describe(settings: Any) -> str:
    """``name=value|...`` for every field of the dataclass instance ``settings`` (fields with
    ``metadata={"signature": False}`` left out: callables and the like)."""
    return "|".join(f"{f.name}={_format(getattr(settings, f.name))}" for f in dataclasses.fields(settings)
                    if f.metadata.get("signature", True))


def _parse(text: str, like: Any, name: str) -> Any:
    if isinstance(like, bool):
        if text not in ("yes", "no"):
            raise ValueError(name)
        return text == "yes"
    if isinstance(like, float):
        return float(text)
    if isinstance(like, int):
        return int(text)
    if isinstance(like, str):
        return unquote(text)
    if isinstance(like, tuple):
        parts = [p for p in text.split(",") if p] if text else []
        if like and all(isinstance(v, tuple) for v in like) or any(":" in p for p in parts):
            pairs = []
            for part in parts:
                key, _, number = part.partition(":")
                pairs.append((unquote(key), float(number)))
            return tuple(pairs)
        return tuple(unquote(p) for p in parts)
    raise ValueError(name)


def restore(cls: type[T], text: str) -> T:
    """The settings ``describe`` wrote; fields it does not name keep their defaults. An unknown name or
    a value of the wrong kind is an :class:`InputError`."""
    defaults = cls()  # type: ignore[call-arg]
    known = {f.name for f in dataclasses.fields(defaults)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for part in text.split("|"):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or name not in known:
            raise InputError(f"unknown setting {part!r} in signature (known: {', '.join(sorted(known))})")
        try:
            values[name] = _parse(value, getattr(defaults, name), name)
        except ValueError:
            raise InputError(f"bad value for setting {name!r} in signature: {value!r}") from None
    return dataclasses.replace(defaults, **values)  # type: ignore[type-var]
