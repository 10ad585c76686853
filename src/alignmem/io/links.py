"""The vecalign/Bertalign link format: one link a line, ``[0,1]:[0]``, 0-based; ``[5]:[]`` an omission."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from alignmem.errors import FormatError
from alignmem.io.textfile import read_utf8

_LINE = re.compile(r"^\[\s*([0-9,\s]*)\]\s*:\s*\[\s*([0-9,\s]*)\]$")

LinkPair = tuple[tuple[int, ...], tuple[int, ...]]


def format_link(src: Iterable[int], tgt: Iterable[int]) -> str:
    return f"[{','.join(map(str, src))}]:[{','.join(map(str, tgt))}]"


def format_links(links: Iterable) -> str:
    """Links (anything with ``src`` and ``tgt``) as the text of a link file."""
    return "".join(format_link(link.src, link.tgt) + "\n" for link in links)


def _indices(field: str, path: str, number: int) -> tuple[int, ...]:
    parts = [p.strip() for p in field.split(",")]
    if parts == [""]:
        return ()
    if any(not p.isdigit() for p in parts):
        raise FormatError(f"line {number}: expected sentence numbers like [0,1]:[2]", path)
    return tuple(int(p) for p in parts)


def parse_links(text: str, path: str = "<links>") -> list[LinkPair]:
    links: list[LinkPair] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise FormatError(f"line {number}: not a link like [0,1]:[2] ({line[:40]!r})", path)
        links.append((_indices(match.group(1), path, number), _indices(match.group(2), path, number)))
    return links


def read_links(path: str | Path) -> list[LinkPair]:
    return parse_links(read_utf8(path, "link file"), str(path))
