"""The ``daily-ingest`` flow: discover -> fetch -> extract -> load, as coarse tasks.

One task per feed to discover, one task per batch of pages to fetch, extract and load: never
a task per article (Prefect's bookkeeping costs 6-70 ms and a database row per task run).
Retries sit only on the network tasks. DuckDB allows one writer, so loading happens in the
flow's own thread, batch after batch, while the next batch is already being fetched.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run

from flows.fetch import Fetcher
from flows.settings import Settings
from flows.steps import FetchedPage, check_feed, extract_pages, fetch_pages
from transforms.feedlist import FeedSource, parse_feed_list
from transforms.records import ArticleRow, FeedCheck, FeedState, IngestError, PageJob
from transforms.timeutil import utcnow
from warehouse import loader
from warehouse.db import Warehouse

logger = logging.getLogger(__name__)

# Batches fetched ahead of the one being loaded: enough to keep the network busy, few enough
# that page bodies never pile up in memory.
FETCH_AHEAD = 2


def load_feed_list(path: Path) -> list[FeedSource]:
    return parse_feed_list(path.read_text(encoding="utf-8"))


@task(name="discover-feed", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def discover_feed(fetcher: Fetcher, feed: FeedSource, state: FeedState) -> FeedCheck:
    return check_feed(fetcher, feed, state)


@task(name="record-feeds", cache_policy=NO_CACHE)
def record_feeds(db: Path, run_id: str, checks: list[FeedCheck]) -> int:
    with Warehouse(db) as wh:
        return loader.record_feed_checks(wh, run_id, checks)


@task(name="fetch-pages", retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def fetch_batch(fetcher: Fetcher, jobs: list[PageJob], workers: int) -> list[FetchedPage | IngestError]:
    return fetch_pages(fetcher, jobs, workers)


@task(name="extract-pages", cache_policy=NO_CACHE)
def extract_batch(pages: list[FetchedPage], min_body_chars: int) -> list[ArticleRow | IngestError]:
    return extract_pages(pages, min_body_chars)


@task(name="load-pages", cache_policy=NO_CACHE)
def load_batch(db: Path, run_id: str, pages: list[FetchedPage],
               outcomes: list[ArticleRow | IngestError]) -> loader.PageLoad:
    with Warehouse(db) as wh:
        return loader.load_pages(wh, run_id, [p.raw for p in pages], outcomes)


@flow(name="daily-ingest", log_prints=False)
def daily_ingest(settings: Settings | None = None) -> dict[str, Any]:
    """Poll every feed in the feed list and load the new articles into the warehouse."""
    settings = settings or Settings()
    feeds = load_feed_list(settings.feeds)
    run_id = f"{utcnow():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    with Warehouse(settings.db) as wh:
        loader.start_run(wh, run_id, str(flow_run.id) if flow_run.id else None)
        loader.sync_feeds(wh, feeds)
        states = loader.feed_states(wh)
    counts = {"feeds_checked": len(feeds), "feeds_unchanged": 0, "feeds_failed": 0, "entries_new": 0,
              "pages_fetched": 0, "articles_new": 0, "figures_new": 0, "errors": 0}
    status = "failed"
    with Fetcher(settings) as fetcher:
        try:
            futures = [discover_feed.submit(fetcher, feed, states.get(feed.name, FeedState())) for feed in feeds]
            checks = [future.result() for future in futures]
            counts["feeds_unchanged"] = sum(c.outcome == "unchanged" for c in checks)
            counts["feeds_failed"] = sum(c.outcome == "failed" for c in checks)
            counts["errors"] += sum(len(c.errors) for c in checks)
            counts["entries_new"] = record_feeds(settings.db, run_id, checks)

            with Warehouse(settings.db) as wh:
                jobs = loader.pending_pages(wh, settings.max_error_attempts, settings.max_articles)
            logger.info("%d pages to fetch in batches of %d", len(jobs), settings.batch_size)
            batches = [jobs[i:i + settings.batch_size] for i in range(0, len(jobs), settings.batch_size)]
            in_flight: deque[PrefectFuture[list[FetchedPage | IngestError]]] = deque()
            for batch in batches:
                in_flight.append(fetch_batch.submit(fetcher, batch, settings.workers))
                if len(in_flight) > FETCH_AHEAD:
                    _finish_batch(settings, run_id, in_flight.popleft().result(), counts)
            while in_flight:
                _finish_batch(settings, run_id, in_flight.popleft().result(), counts)
            status = "completed"
        finally:
            with Warehouse(settings.db) as wh:
                loader.finish_run(wh, run_id, status, counts)
    logger.info("run %s %s: %s", run_id, status, counts)
    return {"run_id": run_id, "status": status, **counts}


def _finish_batch(settings: Settings, run_id: str, fetched: list[FetchedPage | IngestError],
                  counts: dict[str, int]) -> None:
    pages = [f for f in fetched if isinstance(f, FetchedPage)]
    fetch_errors = [f for f in fetched if isinstance(f, IngestError)]
    outcomes = extract_batch(pages, settings.min_body_chars)
    result = load_batch(settings.db, run_id, pages, [*fetch_errors, *outcomes])
    counts["pages_fetched"] += len(pages)
    counts["articles_new"] += result.articles_new
    counts["figures_new"] += result.figures
    counts["errors"] += result.errors
