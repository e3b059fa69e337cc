"""Where the CPU stage runs: article and figure extraction.

trafilatura, lxml and our extractor are CPU bound and hold the GIL, so threads give one core.
The flow's own thread pool keeps the network work (feed polls, page fetches: one shared fetcher
that enforces per-host politeness) and the single warehouse writer; extraction batches go to a
second task runner chosen by the settings:

- ``extract_processes`` 1: in the flow's thread pool (one core);
- ``extract_processes`` N > 1, or unset on a run with at least ``parallel_from`` pages: N worker
  processes of our own (unset: one per core), each batch still a Prefect task of the flow;
- ``task_runner = "dask"``: prefect-dask's ``DaskTaskRunner``, on a local cluster of
  ``dask_workers`` processes, or on the scheduler at ``dask_address``.

Workers start only for a run with pages to extract, so a quiet day starts no process. Workers
only compute: they return each batch's rows and the flow's thread loads them, one writer.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar, cast

from prefect import Task
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from flows.settings import Settings
from flows.steps import warm_worker

logger = logging.getLogger(__name__)

R = TypeVar("R")
T = TypeVar("T")


def cores() -> int:
    """Cores this process may use (its affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class WorkerProcesses:
    """Extraction on worker processes of our own (spawned: the flow process has threads, which
    fork does not survive), each warmed once with the extractors and the gazetteer. Prefect
    tasks still wrap each batch in the flow, so the UI shows them; what crosses to a worker is
    one plain function call, without Prefect's per-task context and API round trips there."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=warm_worker)
        # The executor spawns a worker per submission; start them all now, so that every one
        # imports and warms up while the flow fetches its first pages.
        self._started = [self._executor.submit(os.getpid) for _ in range(workers)]

    def map(self, function: Callable[..., R], parts: Sequence[Any], *args: Any) -> list[R]:
        """``function(part, *args)`` for each part, side by side on the workers, in order."""
        futures = [self._executor.submit(function, part, *args) for part in parts]
        return [future.result() for future in futures]

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def opaque(value: R) -> R:
    """``value`` wrapped so Prefect passes it to a task without walking it: it visits every
    element of a task's parameters looking for futures, and batches of pages and of figures were
    a quarter of a backfill's time in that walk."""
    return cast(R, quote(value))


def run_on(worker: WorkerProcesses | None, function: Callable[..., R], merge: Callable[[list[R]], R],
           items: Sequence[Any], *args: Any) -> R:
    """``function(items, *args)`` here; with worker processes, ``items`` split into one part per
    worker, the parts extracted side by side and their results merged in order. Every worker is
    on every batch, so none idles while another finishes the run's last one."""
    if worker is None:
        return function(items, *args)
    return merge(worker.map(function, split(items, worker.workers), *args))


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """``items`` in at most ``parts`` consecutive slices of near-equal size (none empty)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    bounds = [i * size + min(i, extra) for i in range(parts + 1)]
    return [items[bounds[i]:bounds[i + 1]] for i in range(parts)]


class ExtractionPool:
    """Submits extraction tasks where the settings say; ``ahead`` is how many batches may be
    extracting at once (one per worker and one queued; one in the flow's own threads)."""

    def __init__(self, settings: Settings, pages: int) -> None:
        self.settings = settings
        self.pages = pages
        self.mode, self.workers = plan(settings, pages)
        self._runner: TaskRunner[Any] | None = None
        self._processes: WorkerProcesses | None = None
        self._broken = False

    @property
    def ahead(self) -> int:
        # worker processes share each batch (``run_on``): one batch extracting and the next
        # queued, so a worker that finishes its part starts on the next batch at once instead of
        # waiting while the flow loads what it returned. A Dask worker takes a batch whole.
        if self.mode == "threads" or self._broken:
            return 1
        return 2 if self.mode == "processes" else self.workers + 1

    def __enter__(self) -> ExtractionPool:
        if self.mode == "processes" and self.pages > 0:
            self._processes = WorkerProcesses(self.workers)  # they start and warm up while pages are fetched
        if self.mode != "threads":
            logger.info("extraction runs on %s (%d workers)", self.mode, self.workers)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        try:
            if self._processes is not None:
                self._processes.close()
            if self._runner is not None:
                self._runner.__exit__(kind, exc, traceback)
        except Exception:  # a worker that died on its way out loses nothing: its batch is loaded
            logger.exception("the %s extraction workers did not shut down cleanly", self.mode)
        self._processes = self._runner = None

    def submit(self, task: Task[..., Any], **parameters: Any) -> PrefectFuture[Any]:
        if self.mode == "threads" or self._broken:
            future: PrefectFuture[Any] = task.submit(**parameters)
            return future
        if self.mode == "processes":
            on_worker: PrefectFuture[Any] = task.submit(**parameters, worker=self._processes)
            return on_worker
        if self._runner is None:
            self._runner = _dask_runner(self.settings)
            self._runner.__enter__()
        # the Dask runner ships parameters as they are: no Prefect annotation may reach the task
        plain = {k: v.unquote() if isinstance(v, quote) else v for k, v in parameters.items()}
        submitted: PrefectFuture[Any] = self._runner.submit(task, plain)
        return submitted

    def broken(self, exc: BaseException) -> None:
        """A worker died (killed, out of memory, a crash in native code): the rest of the run
        extracts in the flow's own threads rather than losing more batches."""
        if not self._broken and self.mode != "threads":
            logger.error("the %s extraction workers failed (%s); extracting in-process for the rest of the run",
                         self.mode, exc)
            self._broken = True


def plan(settings: Settings, pages: int) -> tuple[str, int]:
    """(mode, workers) for a run of ``pages`` pages."""
    if settings.task_runner == "dask":
        return "dask", settings.dask_workers
    processes = settings.extract_processes
    if processes is None:
        processes = cores() if pages >= settings.parallel_from else 1
    return ("processes", processes) if processes > 1 else ("threads", 1)


def _dask_runner(settings: Settings) -> TaskRunner[Any]:
    from prefect_dask.task_runners import DaskTaskRunner  # imported only when asked for: distributed is slow to import

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    # one thread per worker process: the work holds the GIL; the dashboard (when bokeh is
    # installed) on a free port, so two runs on one machine do not collide
    return DaskTaskRunner(cluster_kwargs={"n_workers": settings.dask_workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": ":0"})
