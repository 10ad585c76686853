"""The corpus map over a Dask distributed cluster (the optional ``dask`` extra).

``dask_map("local", 2)`` starts a ``LocalCluster`` of 2 worker processes with one thread each;
``dask_map("tcp://host:8786")`` uses a running cluster. Workers need alignmem with its ``dask`` extra and
read access to the corpus (a shared folder or an fsspec URL). Documents are submitted as their listing
streams in, at most a window of them in flight, and come back as they finish (``as_completed``).

Numeric libraries run on one thread per worker: a LocalCluster's worker processes get
:data:`~alignmem.pipeline.corpus.THREAD_ENV` before they start (Dask's nanny sets the same by default,
``distributed.nanny.pre-spawn-environ``, so workers started with ``dask worker`` have it too). A worker
with several threads still aligns one document at a time (the encoder cache is per process).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from alignmem.errors import AlignmemError
from alignmem.pipeline.corpus import (
    THREAD_ENV,
    Failure,
    Job,
    Map,
    Outcome,
    default_workers,
    load_encoders,
)
from alignmem.pipeline.settings import Settings
from alignmem.score.encoders import DEFAULT_ENCODER

EXTRA = "pip install 'alignmem[dask]'"


def distributed() -> Any:
    """The ``dask.distributed`` module, or one line saying which extra installs it."""
    try:
        import dask.distributed
    except ImportError:
        raise AlignmemError(f"--scheduler needs Dask: {EXTRA}") from None
    return dask.distributed


def _set_worker_env(env: dict[str, str]) -> None:
    os.environ.update(env)


def start_client(scheduler: str, workers: int | None = None) -> Any:
    """A client of a new LocalCluster (``scheduler="local"``) or of the cluster at ``scheduler``."""
    dd = distributed()
    if scheduler == "local":
        # Dask's own log lines (a worker's heartbeat lost while the cluster stops) are not ours to print
        cluster = dd.LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.CRITICAL, env=dict(THREAD_ENV))
        return dd.Client(cluster)
    try:
        return dd.Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise AlignmemError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def stop_client(client: Any) -> None:
    cluster = client.cluster if getattr(client, "cluster", None) is not None else None
    client.close()
    if cluster is not None:
        cluster.close()


def dask_map(scheduler: str, workers: int | None = None, window: int | None = None) -> Map:
    """A map over a Dask cluster (``"local"``: a LocalCluster of ``workers`` processes, started and stopped
    here). At most ``window`` documents are in flight (default: twice the cluster's threads)."""

    def run(fn: Callable[[Job], Outcome], jobs: Iterable[Job]) -> Iterator[tuple[Job, Outcome]]:
        dd = distributed()
        client = start_client(scheduler, workers)
        try:
            settings = getattr(fn, "settings", Settings())
            client.run(_set_worker_env, dict(THREAD_ENV))  # for libraries the workers load later
            client.run(load_encoders, tuple(sorted({DEFAULT_ENCODER, settings.align.encoder})))
            limit = window or max(2, 2 * sum(client.nthreads().values()))
            remote = client.scatter(fn, broadcast=True)  # the settings travel once, not with every document
            pending: dict[str, Job] = {}
            source = iter(jobs)
            finished = dd.as_completed()

            def submit() -> None:
                while len(pending) < limit:
                    job = next(source, None)
                    if job is None:
                        return
                    future = client.submit(_call, remote, job, pure=False, key=f"align-{job.number}")
                    pending[future.key] = job
                    finished.add(future)

            submit()
            for future in finished:
                job = pending.pop(future.key)
                try:
                    outcome = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: this document fails, others go on
                    outcome = Failure(job.stem, f"{job.files[0][1]}: the worker failed: {type(exc).__name__}: {exc}")
                future.release()
                yield job, outcome
                submit()
        finally:
            stop_client(client)

    return run


def _call(fn: Callable[[Job], Outcome], job: Job) -> Outcome:
    return fn(job)
