"""Where the per-article and per-story work runs: this machine's processes by default, or a Dask cluster.

Dask is an existing distributed engine (https://distributed.dask.org); a ``concurrent.futures`` executor of its
client takes the place of the local process pool, so the work and its results are the same. Clustering stays one
ordered consumer in the calling process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

ENGINES = ("local", "dask")


class EngineError(Exception):
    """The engine asked for cannot be used (not installed, scheduler unreachable)."""


@contextmanager
def dask_executor(scheduler: str | None = None, workers: int | None = None) -> Iterator[Executor]:
    """An executor on the Dask scheduler at ``scheduler``, or on a local cluster of ``workers`` single-threaded
    processes (default: one per core) started here and stopped on leaving."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the Dask engine needs dask.distributed: pip install 'storyline[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=10)
        else:
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        yield client.get_executor(pure=False)  # pure=False: no hashing of every article to name its task
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def executor_for(engine: str = "local", scheduler: str | None = None, workers: int | None = None
                 ) -> Iterator[Executor | None]:
    """The executor of ``engine``: None for "local" (the ingest makes its own process pool), a Dask executor for
    "dask"."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "local":
        yield None
        return
    with dask_executor(scheduler, workers) as executor:
        yield executor
