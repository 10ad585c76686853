"""A corpus: every document found in at least two language folders, each aligned and written on its own
(all or none per document); a failing document is recorded and the others go on.

The driver streams the listing (:mod:`.listing`), hands documents to a ``map`` with a bounded number in
flight and keeps summaries only; outcomes come back in listing order whatever order the workers finish
in. A map is :func:`serial_map` (one after another, in this process), :func:`pool_map` (local worker
processes) or :func:`alignmem.pipeline.cluster.dask_map` (a Dask cluster).

Resumable: a document finished by an earlier run with the same inputs and settings is skipped
(:mod:`.resume`); temporary files an interrupted run left in OUT are removed first.

Deterministic: each document's files depend on that document only. The sentence encoder's cache is
emptied before every document, because an embedding differs in its last bits with the batch it was
computed in, and a cache filled by other documents would make a document's scores depend on which
documents the same process aligned before it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from alignmem.errors import AlignmemError, InputError
from alignmem.export.tmx import creation_date
from alignmem.io.atomic import check_writable
from alignmem.io.store import LocalStore, Store, open_store
from alignmem.join import PairAligner
from alignmem.langs import LANGUAGES, file_order
from alignmem.pipeline.document import DocumentResult, build_document, read_and_segment
from alignmem.pipeline.listing import (
    CHUNK,
    CORPUS_SUFFIXES,
    Job,
    Problem,
    Waiting,
    is_corpus_file,
    list_corpus,
)
from alignmem.pipeline.resume import (
    MARKERS,
    STATE,
    finished,
    input_key,
    marker_bytes,
    marker_name,
    read_marker,
    relocate,
)
from alignmem.pipeline.settings import Settings
from alignmem.read import read_bytes
from alignmem.score.encoders import DEFAULT_ENCODER, get_encoder

__all__ = ["CORPUS_SUFFIXES", "CorpusResult", "Failure", "Job", "Skipped", "Waiting", "Work", "align_corpus",
           "find_corpus", "pool_map", "run_corpus", "run_job", "serial_map"]

# Numeric libraries on one thread in every worker: N workers use N cores, not N times all of them.
THREAD_ENV = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                     "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}


@dataclass(frozen=True)
class Failure:
    stem: str
    message: str


@dataclass(frozen=True)
class Skipped:
    """A document an earlier run finished with the same inputs and settings; its summary as then."""

    result: DocumentResult


@dataclass(frozen=True)
class CorpusResult:
    results: tuple[DocumentResult, ...]
    failures: tuple[Failure, ...]
    waiting: tuple[tuple[str, tuple[str, ...]], ...]  # (stem, languages present) with one language only
    skipped: tuple[str, ...] = ()  # stems finished by an earlier run (their results are in ``results``)


Outcome = DocumentResult | Failure | Skipped
Map = Callable[[Callable[[Job], Outcome], Iterable[Job]], Iterator[tuple[Job, Outcome]]]


# ------------------------------------------------------------------------------------------- listing
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
            if not is_corpus_file(path.name):
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


# ------------------------------------------------------------------------------------ one document
@dataclass(frozen=True)
class Work:
    """What a worker needs besides the job: small and picklable (it travels to other processes)."""

    corpus: Store
    out: Store
    settings: Settings = Settings()
    creationdate: str | None = None  # SOURCE_DATE_EPOCH as the driver read it (workers may lack it)
    aligner: PairAligner | None = None

    def __call__(self, job: Job) -> Outcome:
        return run_job(job, self)


_ONE_DOCUMENT = threading.Lock()  # one document at a time per process: the encoder cache is per process


def _read_input(corpus: Store, name: str) -> bytes:
    # a local file goes through the reader's own checks (regular file, size limit, the usual messages)
    return read_bytes(name) if isinstance(corpus, LocalStore) else corpus.read(name)


def _date(job: Job, work: Work) -> str:
    if work.creationdate:
        return work.creationdate
    if isinstance(work.corpus, LocalStore):
        return creation_date([name for _, name in job.files])
    stamp = max(work.corpus.mtime(name) for _, name in job.files)
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(stamp))


def clear_encoders(settings: Settings) -> None:
    for name in {settings.align.encoder, DEFAULT_ENCODER}:
        get_encoder(name).clear()


def run_job(job: Job, work: Work) -> Outcome:
    """Read, align and write one document unless an earlier run finished it; an error of its own becomes a
    :class:`Failure` (any other exception too: one document must not stop a corpus)."""
    try:
        with _ONE_DOCUMENT:
            return _run(job, work)
    except AlignmemError as exc:
        return Failure(job.stem, str(exc))
    except Exception as exc:  # noqa: BLE001 - reported as this document's failure, the others go on
        return Failure(job.stem, f"{job.files[0][1]}: internal error: {type(exc).__name__}: {exc}")


def _run(job: Job, work: Work) -> Outcome:
    out, settings = work.out, work.settings
    names = [name for _, name in job.files]
    contents = [_read_input(work.corpus, name) for name in names]
    date = _date(job, work)
    key = input_key(job.files, contents, settings, date)
    marker = read_marker(out, job.stem)
    done = finished(out, job.stem, key, marker)
    if done is not None:
        return Skipped(done)
    if marker is not None:  # an older marker must not vouch for the files about to be replaced
        out.remove(marker_name(out, job.stem))
    clear_encoders(settings)
    docs = read_and_segment(names, [lang for lang, _ in job.files], settings, data=contents)
    built = build_document(docs, Path(f"{job.stem}.tmx"), settings, stem=job.stem, aligner=work.aligner,
                           creationdate=date)
    files = [(out.join(b.path.name), b.data) for b in built.files]
    out.write_all(files)
    result = relocate(built.result, out)
    sizes = [(name, len(data)) for name, data in files]
    out.write_all([(marker_name(out, job.stem), marker_bytes(key, result, sizes))])
    return result


# -------------------------------------------------------------------------------------------- maps
def serial_map(fn: Callable[[Job], Outcome], jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
    """One document after another, in this process."""
    for job in jobs:
        yield job, fn(job)


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def worker_environment() -> Iterator[None]:
    """:data:`THREAD_ENV` in ``os.environ`` while worker processes start: a spawned process inherits it
    before it loads numpy (this process has numpy loaded already, so its own threads do not change)."""
    saved = {name: os.environ.get(name) for name in THREAD_ENV}
    os.environ.update(THREAD_ENV)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def load_encoders(encoders: tuple[str, ...] = (DEFAULT_ENCODER,)) -> None:
    """Load the encoders' models now, once per process (not inside the first document's time)."""
    for name in encoders:
        encoder = get_encoder(name)
        encoder.embed(["."])
        encoder.clear()


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)  # the driver is gone (kill -9): what this worker was writing is left as temporaries


def init_worker(encoders: tuple[str, ...] = (DEFAULT_ENCODER,)) -> None:
    """A local worker's start: Ctrl-C is the driver's to handle (the documents in flight finish), the worker
    ends with its driver, and the encoder's model loads once, here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    load_encoders(encoders)


def _outcome(job: Job, future: Future) -> Outcome:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. the job could not be sent to the worker
        return Failure(job.stem, f"{job.files[0][1]}: internal error: {type(exc).__name__}: {exc}")


def pool_map(workers: int, window: int | None = None) -> Map:
    """A map over ``workers`` local processes (spawned, numeric libraries on one thread, each loading the
    encoder once), with at most ``window`` documents in flight (default: twice the workers). A worker
    that dies (killed, out of memory) breaks the pool: a new one takes over, and the documents that were
    in flight are tried once more; a document in flight at two deaths is reported as failed."""
    limit = window or 2 * workers

    def run(fn: Callable[[Job], Outcome], jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        source = iter(jobs)
        retry: deque[Job] = deque()
        deaths: dict[int, int] = {}
        context = multiprocessing.get_context("spawn")
        settings = getattr(fn, "settings", Settings())
        encoders = tuple(sorted({DEFAULT_ENCODER, settings.align.encoder}))
        with worker_environment():
            while True:
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                                           initargs=(encoders,))
                pending: dict[Future, Job] = {}
                casualties: list[Job] = []
                try:
                    while not casualties:
                        while len(pending) < limit:
                            job = retry.popleft() if retry else next(source, None)
                            if job is None:
                                break
                            pending[pool.submit(fn, job)] = job
                        if not pending:
                            return
                        done, _ = wait(pending, return_when=FIRST_COMPLETED)
                        for future in sorted(done, key=lambda f: pending[f].number):
                            job = pending.pop(future)
                            try:
                                outcome = _outcome(job, future)
                            except BrokenProcessPool:
                                casualties.append(job)
                                continue
                            yield job, outcome
                finally:
                    pool.shutdown(wait=not casualties, cancel_futures=True)
                for job in sorted(casualties + list(pending.values()), key=lambda j: j.number):
                    deaths[job.number] = deaths.get(job.number, 0) + 1
                    if deaths[job.number] >= 2:
                        yield job, Failure(job.stem, f"{job.files[0][1]}: a worker process died twice while "
                                                     "aligning it (out of memory?)")
                    else:
                        retry.append(job)

    return run


# ------------------------------------------------------------------------------------------ driver
def _settle_date() -> str | None:
    """The date every file gets when SOURCE_DATE_EPOCH is set here, the driver (None: from the inputs)."""
    return creation_date() if os.environ.get("SOURCE_DATE_EPOCH", "").strip() else None


def count_jobs(corpus: str | os.PathLike[str] | Store, chunk: int = CHUNK) -> int:
    store = corpus if isinstance(corpus, Store) else open_store(corpus)
    return sum(1 for entry in list_corpus(store, chunk) if isinstance(entry, Job))


def run_corpus(corpus: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "tm",
               settings: Settings = Settings(), *,
               on_progress: Callable[[int, int, str], None] | None = None,
               aligner: PairAligner | None = None, map: Map = serial_map,
               chunk: int = CHUNK) -> Iterator[Outcome | Waiting]:
    """Align every stem of ``corpus`` found in at least two languages into ``out_dir`` (folders or fsspec
    URLs), streaming: yields each document's outcome in listing (stem) order, with :class:`Waiting` stems
    and refused stems (as :class:`Failure`) in their place among them. ``on_progress(done, total, stem)``
    is called as documents finish, in whatever order they do."""
    source, out = open_store(corpus), open_store(out_dir)
    if isinstance(out, LocalStore):
        check_writable(Path(out.location) / ".alignmem-probe")  # an unwritable output is said before any work
    total = count_jobs(source, chunk)  # also says, before anything is written, when the corpus is missing
    work = Work(source, out, settings, _settle_date(), aligner)
    aside: deque[tuple[int, Waiting | Failure]] = deque()  # entries that are no job, with their place

    def feed() -> Iterator[Job]:
        number = 0
        for entry in list_corpus(source, chunk):
            if isinstance(entry, Job):
                number = entry.number + 1
                yield entry
            elif isinstance(entry, Problem):
                aside.append((number, Failure(entry.stem, entry.message)))
            else:
                aside.append((number, entry))

    try:
        yield from _run_locked(lambda: map(work, feed()), out, aside, total, on_progress)
    finally:
        if isinstance(out, LocalStore):
            _tidy(Path(out.location))


def _tidy(folder: Path) -> None:
    """Leave no trace of a run that wrote nothing: its lock, alignmem's folder and an OUT left empty."""
    state = folder / STATE
    try:
        if [p.name for p in state.iterdir()] == ["lock"]:
            (state / "lock").unlink()
            state.rmdir()
            if not any(folder.iterdir()):
                folder.rmdir()
    except OSError:
        pass  # something else is there (or appeared): it stays


def _run_locked(start: Callable[[], Iterator[tuple[Job, Outcome]]], out: Store, aside: deque[tuple[int, Waiting | Failure]],
                total: int, on_progress: Callable[[int, int, str], None] | None) -> Iterator[Outcome | Waiting]:
    with out.lock(out.join(STATE, "lock")):
        out.clean_temporaries(out.location)
        out.clean_temporaries(out.join(STATE, MARKERS))
        if on_progress and total:
            on_progress(0, total, "")
        ready: dict[int, Outcome] = {}
        following = 0
        for done, (job, outcome) in enumerate(start(), 1):  # started under the lock
            if on_progress:
                on_progress(done, total, job.stem)
            ready[job.number] = outcome
            while following in ready:
                while aside and aside[0][0] <= following:
                    yield aside.popleft()[1]
                yield ready.pop(following)
                following += 1
        while aside:
            yield aside.popleft()[1]


def align_corpus(corpus: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "tm",
                 settings: Settings = Settings(), *,
                 on_progress: Callable[[int, int, str], None] | None = None,
                 aligner: PairAligner | None = None, map: Map = serial_map) -> CorpusResult:
    """:func:`run_corpus` collected: every stem found in at least two languages, aligned and written to
    ``out_dir``; the summaries of all documents together (for a very large corpus, consume
    :func:`run_corpus` instead)."""
    results: list[DocumentResult] = []
    failures: list[Failure] = []
    waiting: list[tuple[str, tuple[str, ...]]] = []
    skipped: list[str] = []
    for item in run_corpus(corpus, out_dir, settings, on_progress=on_progress, aligner=aligner, map=map):
        if isinstance(item, Skipped):
            results.append(item.result)
            skipped.append(item.result.stem)
        elif isinstance(item, DocumentResult):
            results.append(item)
        elif isinstance(item, Failure):
            failures.append(item)
        else:
            waiting.append((item.stem, file_order(item.langs)))
    return CorpusResult(tuple(results), tuple(failures), tuple(waiting), tuple(skipped))
