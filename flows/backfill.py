"""The ``backfill`` flow: a date range of articles, extracted again or fetched for the first time.

- ``reprocess`` re-extracts the stored raw pages of the articles published in the range with the
  current body and figure extractors (no network), and replaces the text and figures of those
  made by another extractor version. An up-to-date article is left alone.
- ``refetch`` finds the range's articles in each source's sitemaps and feed, fetches the pages
  not stored yet and loads them like the daily flow does.

Both go a day at a time in bounded batches, each batch loaded in one transaction; what is done
is recorded as it is done, so an interrupted backfill started again finishes the rest and
duplicates nothing.
"""

from __future__ import annotations

import logging
from collections import defaultdict, deque
from datetime import date, timedelta
from typing import Any, Literal

from prefect import flow
from prefect.futures import PrefectFuture

from flows.artifacts import publish_run
from flows.fetch import FailureKind, Fetcher
from flows.ingest import load_feed_list, new_run_id, select_feeds, start_run
from flows.logs import route_project_logs
from flows.pool import ExtractionPool, opaque
from flows.settings import Settings, current_settings
from flows.sitemaps import origin_of
from flows.steps import ExtractedBatch, current_versions
from flows.tasks import RefreshClock, discover_range_task, load_reprocessed, process_jobs, reextract_batch
from transforms.feedlist import FeedSource
from transforms.records import ExtractorVersions, IngestError, PageJob, Reextracted
from warehouse import loader
from warehouse.analyst import refresh_after_load
from warehouse.pages import read_stored_pages
from warehouse.reprocess import day_counts, stale_batch

logger = logging.getLogger(__name__)

Mode = Literal["reprocess", "refetch"]
# A backfill of more than this many days is a mistake in a form more often than a plan.
MAX_DAYS = 3660


def days(start: date, end: date) -> list[date]:
    if end < start:
        raise ValueError(f"end_date {end} is before start_date {start}")
    if (end - start).days + 1 > MAX_DAYS:
        raise ValueError(f"a backfill covers at most {MAX_DAYS} days; {start} to {end} is longer")
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


@flow(name="backfill", log_prints=False)
def backfill(start_date: date, end_date: date, mode: Mode = "reprocess",
             feeds: list[str] | None = None) -> dict[str, Any]:
    """Extract again, or fetch for the first time, the articles published from start_date to end_date.

    Args:
        start_date: first publication day of the range (UTC)
        end_date: last publication day of the range (UTC), included
        mode: reprocess: extract the stored pages again with the current extractors, no network;
            refetch: find the range's articles in each source's sitemaps and feed and fetch those
            not stored yet
        feeds: names of feeds in the feed list (as in feeds.toml) to limit the backfill to; empty for all
    """
    route_project_logs()
    settings = current_settings()
    range_days = days(start_date, end_date)
    all_feeds = load_feed_list(settings.feeds)
    selected = select_feeds(all_feeds, feeds)
    run_id = new_run_id()
    parameters = {"start_date": start_date.isoformat(), "end_date": end_date.isoformat(), "mode": mode,
                  "feeds": feeds}
    with settings.open_warehouse() as wh:
        start_run(wh, settings, run_id, "backfill", parameters)
        loader.sync_feeds(wh, all_feeds)
    logger.info("backfill %s: %s from %s to %s (%d days), feeds: %s", run_id, mode, start_date, end_date,
                len(range_days), ", ".join(f.name for f in selected) if feeds else "all")
    counts: dict[str, int] = {}
    status = "failed"
    try:
        if mode == "reprocess":
            counts = reprocess(settings, run_id, range_days, [f.name for f in selected] if feeds else None,
                               current_versions())
        elif mode == "refetch":
            counts = refetch(settings, run_id, range_days, selected)
        else:
            raise ValueError(f"mode must be 'reprocess' or 'refetch', not {mode!r}")
        status = "completed"
    finally:
        with settings.open_warehouse() as wh:
            loader.finish_run(wh, run_id, status, counts)
            refresh_after_load(wh, settings.snapshot)  # what the last batches loaded
    logger.info("backfill %s %s: %s", run_id, status, counts)
    publish_run(settings, "backfill", f"Backfill ({mode})", run_id, status, counts, parameters=parameters)
    return {"run_id": run_id, "status": status, **counts}


def reprocess(settings: Settings, run_id: str, range_days: list[date], feeds: list[str] | None,
              versions: ExtractorVersions) -> dict[str, int]:
    """Re-extract the out-of-date articles of each day, batch by batch: pages read from the
    archive here, extracted by the pool's workers, loaded here in order (one writer)."""
    counts = dict.fromkeys(("days", "articles_in_range", "up_to_date", "articles_reprocessed", "texts_changed",
                            "figures_before", "figures_after", "errors"), 0)
    with settings.open_warehouse() as wh:
        per_day = {day: day_counts(wh, day, feeds, versions) for day in range_days}
    archive = settings.page_archive()
    in_flight: deque[tuple[date, int, PrefectFuture[ExtractedBatch[Reextracted]], list[IngestError]]] = deque()
    progress = {day: [0, stale] for day, (_articles, stale) in per_day.items()}  # done, out of date
    clock = RefreshClock(settings.refresh_every)
    with ExtractionPool(settings, sum(stale for _, stale in per_day.values())) as pool:
        for day in range_days:
            articles, stale = per_day[day]
            counts["days"] += 1
            counts["articles_in_range"] += articles
            counts["up_to_date"] += articles - stale
            logger.info("%s: %d articles, %d out of date", day, articles, stale)
            after = ""
            while stale:
                with settings.open_warehouse() as wh:
                    pages = stale_batch(wh, day, feeds, versions, after, settings.batch_size)
                if not pages:
                    break
                after = pages[-1].article_key
                readable, unreadable = read_stored_pages(archive, pages)
                lost = [IngestError("reprocess", p.url, p.article_key, p.feed_id, FailureKind.PERMANENT.value, why,
                                    None, p.raw_sha256) for p, why in unreadable]
                future = pool.submit(reextract_batch, pages=opaque(readable), versions=versions,
                                     min_body_chars=settings.min_body_chars)
                in_flight.append((day, len(pages), future, lost))
                while len(in_flight) > pool.ahead:
                    _load_reprocessed(settings, run_id, *in_flight.popleft(), pool, clock, progress, counts)
        while in_flight:
            _load_reprocessed(settings, run_id, *in_flight.popleft(), pool, clock, progress, counts)
    return counts


def _load_reprocessed(settings: Settings, run_id: str, day: date, size: int,
                      future: PrefectFuture[ExtractedBatch[Reextracted]], lost: list[IngestError],
                      pool: ExtractionPool, clock: RefreshClock, progress: dict[date, list[int]],
                      counts: dict[str, int]) -> None:
    try:
        batch = future.result()
    except Exception as exc:  # the worker died under the batch: the rest of the run extracts in-process
        pool.broken(exc)
        logger.error("%s: extracting a batch of %d articles failed; they stay out of date", day, size, exc_info=exc)
        counts["errors"] += size
        return
    try:
        refresh = clock.due()
        load = load_reprocessed(settings, run_id, opaque([*batch.outcomes, *lost]), opaque(batch.figures),
                                refresh=refresh)
        if refresh:
            clock.done()
    except Exception as exc:  # the batch rolled back: its articles stay as they were, out of date
        logger.error("%s: reprocessing a batch of %d articles failed; they stay out of date", day, size,
                     exc_info=exc)
        counts["errors"] += size
        return
    counts["articles_reprocessed"] += load.articles
    counts["texts_changed"] += load.texts_changed
    counts["figures_before"] += load.figures_before
    counts["figures_after"] += load.figures_after
    counts["errors"] += load.errors
    progress[day][0] += size
    logger.info("%s: %d of %d out-of-date articles reprocessed", day, *progress[day])


def refetch(settings: Settings, run_id: str, range_days: list[date], feeds: list[FeedSource]) -> dict[str, int]:
    """Discover the range's entries of every feed, then fetch what is not stored, day by day."""
    start, end = range_days[0], range_days[-1]
    counts = dict.fromkeys(("feeds", "sitemaps_read", "entries_found", "entries_new", "already_stored",
                            "pages_fetched", "articles_new", "figures_new", "errors"), 0)
    with settings.open_warehouse() as wh:
        origins = {feed_id: origin for feed_id, origin in wh.rows("feed_origins")}
    keys: set[str] = set()
    with Fetcher(settings) as fetcher:
        futures = [discover_range_task.submit(fetcher, feed, [origins.get(feed.name) or origin_of(feed.url)],
                                              start, end, settings.max_sitemaps) for feed in feeds]
        for future in futures:
            found = future.result()
            with settings.open_warehouse() as wh:
                new = loader.record_entries(wh, run_id, [(found.feed.name, e) for e in found.from_feed], "feed",
                                            found.errors)
                new += loader.record_entries(wh, run_id, [(found.feed.name, e) for e in found.from_sitemaps],
                                             "sitemap")
            keys.update(e.key for e in (*found.from_sitemaps, *found.from_feed) if e.key)
            counts["feeds"] += 1
            counts["sitemaps_read"] += found.sitemaps_read
            counts["entries_new"] += new
            counts["errors"] += len(found.errors)
        counts["entries_found"] = len(keys)
        with settings.open_warehouse() as wh:
            jobs = loader.pending_pages(wh, settings.max_error_attempts, None, sorted(keys)) if keys else []
        counts["already_stored"] = len(keys) - len(jobs)
        logger.info("%d articles in the range, %d stored already, %d to fetch", len(keys),
                    counts["already_stored"], len(jobs))
        for day, day_jobs in sorted(_by_day(jobs, start).items()):
            before = counts["articles_new"]
            process_jobs(settings, fetcher, run_id, day_jobs, counts)
            logger.info("%s: %d pages fetched, %d new articles", day, len(day_jobs), counts["articles_new"] - before)
    return counts


def _by_day(jobs: list[PageJob], fallback: date) -> dict[date, list[PageJob]]:
    grouped: dict[date, list[PageJob]] = defaultdict(list)
    for job in jobs:
        grouped[job.feed_published_at.date() if job.feed_published_at else fallback].append(job)
    return grouped
