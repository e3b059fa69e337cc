"""The Prefect tasks both flows use: each wraps one plain function of ``flows.steps`` or the
warehouse, and adds retries only where the network is involved.

Tasks are coarse (one per feed or per batch, never per article): Prefect's bookkeeping costs
6-70 ms and a database row per task run. DuckDB allows one writer, so loading tasks run in the
flow's own thread, batch after batch, while the next batch is already being fetched.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from datetime import date

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows.fetch import Fetcher
from flows.pool import ExtractionPool, WorkerProcesses, opaque, run_on
from flows.settings import Settings
from flows.sitemaps import Discovery, discover_range
from flows.steps import (
    ExtractedBatch,
    FetchedPage,
    check_feed,
    extract_pages,
    fetch_pages,
    reextract_pages,
    unexpected,
)
from transforms.feedlist import FeedSource
from transforms.figures import EXTRACTOR_VERSION
from transforms.records import (
    ArticleRow,
    ExtractorVersions,
    FeedCheck,
    FeedState,
    IngestError,
    PageJob,
    Reextracted,
    StoredPage,
)
from warehouse import loader
from warehouse.analyst import refresh_after_load
from warehouse.errors import record_errors
from warehouse.reprocess import ReprocessLoad, apply_reprocessed

logger = logging.getLogger(__name__)

FETCH_AHEAD = 2


# No Prefect retries: network failures come back as records (retried within the fetch seam and
# across runs), and a retried batch would fetch all of its pages again after a bug.
@task(name="discover-feed", cache_policy=NO_CACHE)
def discover_feed(fetcher: Fetcher, feed: FeedSource, state: FeedState) -> FeedCheck:
    return check_feed(fetcher, feed, state)


@task(name="record-feeds", cache_policy=NO_CACHE)
def record_feeds(settings: Settings, run_id: str, checks: list[FeedCheck]) -> int:
    with settings.open_warehouse() as wh:
        return loader.record_feed_checks(wh, run_id, checks, settings.dead_feed_rule())


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_batch(fetcher: Fetcher, jobs: list[PageJob], workers: int) -> list[FetchedPage | IngestError]:
    return fetch_pages(fetcher, jobs, workers)


@task(name="extract-pages", cache_policy=NO_CACHE)
def extract_batch(pages: list[FetchedPage], min_body_chars: int,
                  worker: WorkerProcesses | None = None) -> ExtractedBatch[ArticleRow]:
    return run_on(worker, extract_pages, ExtractedBatch.merge, pages, min_body_chars)


@task(name="load-pages", cache_policy=NO_CACHE)
def load_batch(settings: Settings, run_id: str, pages: list[FetchedPage],
               outcomes: list[ArticleRow | IngestError], figures: pl.DataFrame | None = None,
               refresh: bool = True) -> loader.PageLoad:
    with settings.open_warehouse() as wh:
        loaded = loader.load_pages(wh, settings.page_archive(), run_id, [p.raw for p in pages], outcomes,
                                   figures)
        if refresh:  # analysts read the new figures without waiting for the end of the run
            refresh_after_load(wh, settings.snapshot)
        return loaded


@task(name="discover-range", cache_policy=NO_CACHE)
def discover_range_task(fetcher: Fetcher, feed: FeedSource, origins: list[str], start: date, end: date,
                        max_sitemaps: int) -> Discovery:
    return discover_range(fetcher, feed, origins, start, end, max_sitemaps)


@task(name="reextract-pages", cache_policy=NO_CACHE)
def reextract_batch(pages: list[StoredPage], versions: ExtractorVersions, min_body_chars: int,
                    worker: WorkerProcesses | None = None) -> ExtractedBatch[Reextracted]:
    return run_on(worker, reextract_pages, ExtractedBatch.merge, pages, versions, min_body_chars)


@task(name="load-reprocessed", cache_policy=NO_CACHE)
def load_reprocessed(settings: Settings, run_id: str, results: list[Reextracted | IngestError],
                     figures: pl.DataFrame | None = None, refresh: bool = True) -> ReprocessLoad:
    with settings.open_warehouse() as wh:
        applied = apply_reprocessed(wh, run_id, results, figures)
        if refresh:
            refresh_after_load(wh, settings.snapshot)
        return applied


class RefreshClock:
    """Whether a load should refresh the analyst layer: the first one, then one every
    ``refresh_every`` seconds, and never sooner than four times what the last refreshing load
    took (the end of the run refreshes in any case). A refresh rebuilds the claims and copies the
    warehouse into the snapshot: once a batch it was a third of a small run's time, and on a
    large warehouse it would be all of it."""

    RATIO = 4.0

    def __init__(self, every: float) -> None:
        self.every = every
        self.next_at: float | None = None
        self._started: float | None = None

    def due(self) -> bool:
        now = time.monotonic()
        if self.next_at is None or now >= self.next_at:
            self._started = now
            self.next_at = now + self.every
            return True
        return False

    def done(self) -> None:
        """Call after the load that refreshed: the next one waits for ``RATIO`` times its cost."""
        if self._started is not None and self.every > 0:  # 0: every load, whatever it costs
            now = time.monotonic()
            self.next_at = max(self.next_at or now, now + self.RATIO * (now - self._started))
            self._started = None


def finish_batch(settings: Settings, run_id: str, fetched: list[FetchedPage | IngestError],
                 extracting: PrefectFuture[ExtractedBatch[ArticleRow]], pool: ExtractionPool,
                 clock: RefreshClock, counts: dict[str, int]) -> None:
    """Load one fetched batch once its extraction is done, adding what it did to ``counts``."""
    pages = [f for f in fetched if isinstance(f, FetchedPage)]
    fetch_errors = [f for f in fetched if isinstance(f, IngestError)]
    try:
        extracted = extracting.result()
    except Exception as exc:  # the worker died under the batch: its pages are errors, retried next run
        pool.broken(exc)
        errors: list[ArticleRow | IngestError] = [
            unexpected("extract", p.job.url, p.job.entry_key, p.job.feed_id, exc, p.raw.sha256) for p in pages]
        extracted = ExtractedBatch.of(errors, EXTRACTOR_VERSION)
    counts["pages_fetched"] += len(pages)
    try:
        refresh = clock.due()
        result = load_batch(settings, run_id, opaque(pages), opaque([*fetch_errors, *extracted.outcomes]),
                            opaque(extracted.figures), refresh=refresh)
        if refresh:
            clock.done()
    except Exception as exc:
        # The batch's transaction rolled back: nothing of it is stored, so its entries are still
        # pending and the next run fetches them again. Say so on each page, if the warehouse lets us.
        logger.error("loading a batch of %d pages failed; they stay pending", len(fetched), exc_info=exc)
        counts["errors"] += len(fetched)
        _record_load_failure(settings, run_id, fetched, exc)
        return
    counts["articles_new"] += result.articles_new
    counts["figures_new"] += result.figures
    counts["errors"] += result.errors


def _record_load_failure(settings: Settings, run_id: str, fetched: list[FetchedPage | IngestError],
                         exc: Exception) -> None:
    jobs = [f.job for f in fetched if isinstance(f, FetchedPage)]
    errors = [unexpected("load", job.url, job.entry_key, job.feed_id, exc) for job in jobs]
    try:
        with settings.open_warehouse() as wh:
            record_errors(wh, run_id, errors)
    except Exception as again:
        logger.error("could not record the failed batch either", exc_info=again)


def process_jobs(settings: Settings, fetcher: Fetcher, run_id: str, jobs: list[PageJob],
                 counts: dict[str, int]) -> None:
    """Fetch, extract and load ``jobs`` in batches, as a pipeline: ``FETCH_AHEAD`` batches
    fetching, as many extracting as the pool has workers, one loading in this thread. Enough to
    keep the network and the cores busy, few enough that bodies never pile up."""
    batches = [jobs[i:i + settings.batch_size] for i in range(0, len(jobs), settings.batch_size)]
    fetching: deque[PrefectFuture[list[FetchedPage | IngestError]]] = deque()
    extracting: deque[tuple[list[FetchedPage | IngestError], PrefectFuture[ExtractedBatch[ArticleRow]]]] = deque()
    clock = RefreshClock(settings.refresh_every)
    with ExtractionPool(settings, len(jobs)) as pool:

        def extract_oldest() -> None:
            fetched = fetching.popleft().result()
            pages = [f for f in fetched if isinstance(f, FetchedPage)]
            extracting.append((fetched, pool.submit(extract_batch, pages=opaque(pages),
                                                    min_body_chars=settings.min_body_chars)))
            while len(extracting) > pool.ahead:
                finish_batch(settings, run_id, *extracting.popleft(), pool, clock, counts)

        for batch in batches:
            fetching.append(fetch_batch.submit(fetcher, batch, settings.workers))
            if len(fetching) > FETCH_AHEAD:
                extract_oldest()
        while fetching:
            extract_oldest()
        while extracting:
            finish_batch(settings, run_id, *extracting.popleft(), pool, clock, counts)
