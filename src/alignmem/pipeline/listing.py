"""The listing of a corpus, streamed: documents (stems) in sorted order, each with its file per language,
without holding the corpus in memory.

Each language folder is read as a stream of names and sorted by (stem, name); a folder of more than
``CHUNK`` names is sorted in chunks spilled to temporary files and merged, so memory stays the same for
a hundred documents or a million. The three sorted streams are then merged by stem.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from alignmem.errors import InputError
from alignmem.io.store import Store
from alignmem.langs import LANGUAGES, file_order
from alignmem.read import READERS

# Every suffix a reader claims, and plain text (README files aside, other suffixes are not documents).
CORPUS_SUFFIXES = frozenset({".txt"}).union(*(reader.suffixes for reader in READERS))
CHUNK = 100_000  # names sorted in memory at once; more are spilled to temporary files


@dataclass(frozen=True)
class Job:
    """One document of a corpus: its place in the listing, its stem and the file of each language."""

    stem: str
    files: tuple[tuple[str, str], ...]  # (lang, full name) in file order
    number: int = 0  # 0-based position among the corpus's documents


@dataclass(frozen=True)
class Waiting:
    """A stem found in one language only."""

    stem: str
    langs: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """A stem the listing refuses (two files of one language)."""

    stem: str
    message: str


Entry = Job | Waiting | Problem


def stem_of_name(name: str) -> str:
    return name.split(".")[0]


def is_corpus_file(name: str) -> bool:
    """A file of a language folder that is a document (README and hidden files are not)."""
    if name.startswith(".") or "\n" in name:
        return False
    path = Path(name)
    return path.stem.upper() != "README" and path.suffix.lower() in CORPUS_SUFFIXES


def external_sorted(items: Iterable[str], key: Callable[[str], object], chunk: int = CHUNK) -> Iterator[str]:
    """``items`` (strings without line breaks) sorted by ``key``, holding at most ``chunk`` at a time."""
    first = list(itertools.islice(items, chunk))
    if len(first) < chunk:
        yield from sorted(first, key=key)
        return
    with tempfile.TemporaryDirectory(prefix="alignmem-listing-") as spill:
        runs = []
        block = first
        while block:
            path = os.path.join(spill, f"{len(runs)}.txt")
            with open(path, "w", encoding="utf-8", errors="surrogateescape") as handle:
                handle.writelines(item + "\n" for item in sorted(block, key=key))
            runs.append(path)
            block = list(itertools.islice(items, chunk))
        with contextlib.ExitStack() as stack:
            handles = [stack.enter_context(open(path, encoding="utf-8", errors="surrogateescape")) for path in runs]
            streams = [(line[:-1] for line in handle) for handle in handles]
            yield from heapq.merge(*streams, key=key)


def _folder(store: Store, folder: str, lang: str, order: int, chunk: int) -> Iterator[tuple[str, int, str, str]]:
    names = (name for name in store.names(folder) if is_corpus_file(name))
    for name in external_sorted(names, key=lambda n: (stem_of_name(n), n), chunk=chunk):
        yield stem_of_name(name), order, lang, name


def list_corpus(store: Store, chunk: int = CHUNK) -> Iterator[Entry]:
    """Every stem of ``store``'s en/, ru/ and zh/ folders in sorted order: a :class:`Job` (two languages or
    more), :class:`Waiting` (one) or :class:`Problem`. Job numbers count jobs from 0."""
    root = store.location
    if not store.is_dir(root):
        raise InputError("corpus folder not found (expected en/, ru/ and zh/ inside)", root)
    streams = [_folder(store, store.join(lang), lang, order, chunk) for order, lang in enumerate(LANGUAGES)]
    number = 0
    for stem, group in itertools.groupby(heapq.merge(*streams), key=lambda item: item[0]):
        files: dict[str, str] = {}
        problem = None
        for _, _, lang, name in group:
            if lang in files and problem is None:
                other = files[lang].rsplit("/", 1)[-1].rsplit(os.sep, 1)[-1]
                problem = str(InputError(f"two {lang} versions of {stem!r}: {other} and {name}; keep one",
                                         store.join(lang)))
            files[lang] = store.join(lang, name)
        if problem:
            yield Problem(stem, problem)
        elif len(files) >= 2:
            order = file_order(files)
            yield Job(stem, tuple((lang, files[lang]) for lang in order), number)
            number += 1
        else:
            yield Waiting(stem, file_order(files))
