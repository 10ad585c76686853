"""A corpus: every document found in at least two language folders, each aligned and written on its own
(all or none per document); a failing document is recorded and the others go on.

The driver holds summaries only. How the documents are spread over processes is the ``map`` it is
given: :func:`serial_map` (one after another, in this process) or :func:`pool_map` (local worker
processes); a cluster's map can take their place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from alignmem.errors import AlignmemError, InputError
from alignmem.io.atomic import check_writable
from alignmem.join import PairAligner
from alignmem.langs import LANGUAGES, file_order
from alignmem.pipeline.document import DocumentResult, build_document, default_base, read_and_segment
from alignmem.pipeline.outputs import write_outputs
from alignmem.pipeline.settings import Settings
from alignmem.read import READERS

# Every suffix a reader claims, and plain text (README files aside, other suffixes are not documents).
CORPUS_SUFFIXES = frozenset({".txt"}).union(*(reader.suffixes for reader in READERS))


@dataclass(frozen=True)
class Failure:
    stem: str
    message: str


@dataclass(frozen=True)
class CorpusResult:
    results: tuple[DocumentResult, ...]
    failures: tuple[Failure, ...]
    waiting: tuple[tuple[str, tuple[str, ...]], ...]  # (stem, languages present) with one language only


@dataclass(frozen=True)
class Job:
    """One document of a corpus: its stem and the file of each language."""

    stem: str
    files: tuple[tuple[str, str], ...]  # (lang, path) in file order


Outcome = DocumentResult | Failure
Map = Callable[[Callable[[Job], Outcome], Iterable[Job]], Iterator[Outcome]]


def find_corpus(corpus: str | os.PathLike[str],
                problems: dict[str, str] | None = None) -> dict[str, dict[str, Path]]:
    """stem -> {lang: path} for every file in ``corpus/en|ru|zh`` (README files ignored).

    Two files of one stem in one language folder are an error; with ``problems`` given, the stem is
    left out and the error recorded there instead (so that the other documents go through).
    """
    root = Path(corpus)
    if not root.is_dir():
        raise InputError("corpus folder not found (expected en/, ru/ and zh/ inside)", str(root))
    found: dict[str, dict[str, Path]] = {}
    for lang in LANGUAGES:
        folder = root / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.stem.upper() == "README":
                continue
            if path.suffix.lower() not in CORPUS_SUFFIXES:
                continue
            stem = path.name.split(".")[0]
            if lang in found.setdefault(stem, {}):
                other = found[stem][lang]
                error = InputError(f"two {lang} versions of {stem!r}: {other.name} and {path.name}; keep one",
                                   str(folder))
                if problems is None:
                    raise error
                problems.setdefault(stem, str(error))
            found[stem][lang] = path
    return {stem: files for stem, files in found.items() if not problems or stem not in problems}


def run_job(job: Job, out_dir: str, settings: Settings, aligner: PairAligner | None = None) -> Outcome:
    """Read, align and write one document; an error of its own becomes a :class:`Failure`."""
    try:
        langs = [lang for lang, _ in job.files]
        docs = read_and_segment([path for _, path in job.files], langs, settings)
        built = build_document(docs, default_base(job.stem, out_dir), settings, stem=job.stem, aligner=aligner)
        write_outputs(built.files)
        return built.result
    except AlignmemError as exc:
        return Failure(job.stem, str(exc))


def serial_map(fn: Callable[[Job], Outcome], jobs: Iterable[Job]) -> Iterator[Outcome]:
    return map(fn, jobs)


def pool_map(workers: int) -> Map:
    """A map over ``workers`` local processes (each loads the encoder once); results in job order."""

    def run(fn: Callable[[Job], Outcome], jobs: Iterable[Job]) -> Iterator[Outcome]:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(fn, jobs)

    return run


def align_corpus(corpus: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "tm",
                 settings: Settings = Settings(), *,
                 on_progress: Callable[[int, int, str], None] | None = None,
                 aligner: PairAligner | None = None, map: Map = serial_map) -> CorpusResult:
    """Every stem found in at least two languages, aligned and written to ``out_dir``."""
    problems: dict[str, str] = {}
    found = find_corpus(corpus, problems)
    check_writable(Path(out_dir) / ".alignmem-probe")  # an unwritable output folder is said before any work
    ready = {stem: files for stem, files in found.items() if len(files) >= 2}
    waiting = tuple((stem, file_order(files)) for stem, files in sorted(found.items()) if len(files) < 2)
    jobs = [Job(stem, tuple((lang, str(ready[stem][lang])) for lang in file_order(ready[stem])))
            for stem in sorted(ready)]
    results: list[DocumentResult] = []
    failures = [Failure(stem, message) for stem, message in sorted(problems.items())]
    work = partial(run_job, out_dir=str(out_dir), settings=settings, aligner=aligner)
    if on_progress and jobs:
        on_progress(0, len(jobs), jobs[0].stem)
    for done, outcome in enumerate(map(work, jobs), 1):
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            results.append(outcome)
        if on_progress:
            on_progress(done, len(jobs), jobs[done].stem if done < len(jobs) else "")
    return CorpusResult(tuple(results), tuple(failures), waiting)
