"""Where the CPU stage runs: article and figure extraction.

trafilatura, lxml and our extractor are CPU bound and hold the GIL, so threads give one core.
The flow's own thread pool keeps the network work (feed polls, page fetches: one shared fetcher
that enforces per-host politeness) and the single warehouse writer; extraction batches go to a
second task runner chosen by the settings:

- ``extract_processes`` 1: in the flow's thread pool (one core);
- ``extract_processes`` N > 1, or unset on a run with at least ``parallel_from`` pages: Prefect's
  ``ProcessPoolTaskRunner`` with N processes (unset: one per core);
- ``task_runner = "dask"``: prefect-dask's ``DaskTaskRunner``, on a local cluster of
  ``dask_workers`` processes, or on the scheduler at ``dask_address``.

The runner starts on the first batch, so a quiet day starts no process. Workers only compute:
they return each batch's rows and the flow's thread loads them, one writer.
"""

from __future__ import annotations

import logging
import os
from types import TracebackType
from typing import Any

from prefect import Task
from prefect.futures import PrefectFuture
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner

from flows.settings import Settings

logger = logging.getLogger(__name__)


def cores() -> int:
    """Cores this process may use (its affinity, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ExtractionPool:
    """Submits extraction tasks to the runner the settings choose; ``ahead`` is how many batches
    may be extracting at once (one per worker, one for the flow's own thread)."""

    def __init__(self, settings: Settings, pages: int) -> None:
        self.settings = settings
        self.mode, self.workers = plan(settings, pages)
        self._runner: TaskRunner[Any] | None = None
        self._broken = False

    @property
    def ahead(self) -> int:
        return 1 if self.mode == "threads" or self._broken else self.workers

    def __enter__(self) -> ExtractionPool:
        if self.mode != "threads":
            logger.info("extraction runs on %s (%d workers)", self.mode, self.workers)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._runner is not None:
            try:
                self._runner.__exit__(kind, exc, traceback)
            except Exception:  # a worker that died on its way out loses nothing: its batch is loaded
                logger.exception("the %s extraction runner did not shut down cleanly", self.mode)
            self._runner = None

    def submit(self, task: Task[..., Any], **parameters: Any) -> PrefectFuture[Any]:
        if self.mode == "threads" or self._broken:
            future: PrefectFuture[Any] = task.submit(**parameters)
            return future
        if self._runner is None:
            self._runner = self._start()
        submitted: PrefectFuture[Any] = self._runner.submit(task, parameters)
        return submitted

    def broken(self, exc: BaseException) -> None:
        """A worker died (killed, out of memory, a crash in native code): the rest of the run
        extracts in the flow's own threads rather than losing more batches."""
        if not self._broken and self.mode != "threads":
            logger.error("the %s extraction runner failed (%s); extracting in-process for the rest of the run",
                         self.mode, exc)
            self._broken = True

    def _start(self) -> TaskRunner[Any]:
        runner = _dask_runner(self.settings) if self.mode == "dask" else ProcessPoolTaskRunner(self.workers)
        runner.__enter__()
        return runner


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
