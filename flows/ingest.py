"""The ``daily-ingest`` flow: discover -> fetch -> extract -> load, as coarse tasks.

Its parameters are what an operator fills in on the Prefect UI's run form; its settings come from
the environment of the process that runs it (``flows.settings``).
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.runtime import flow_run

from flows.artifacts import publish_run
from flows.fetch import Fetcher
from flows.logs import route_project_logs
from flows.report import write_report
from flows.settings import Settings, current_settings
from flows.tasks import discover_feed, process_jobs, record_feeds
from transforms.feedlist import FeedSource, parse_feed_list
from transforms.records import FeedState
from transforms.timeutil import utcnow
from warehouse import loader
from warehouse.analyst import refresh_after_load
from warehouse.db import Warehouse
from warehouse.pages import move_inline_pages

logger = logging.getLogger(__name__)


def load_feed_list(path: Path) -> list[FeedSource]:
    return parse_feed_list(path.read_text(encoding="utf-8"))


def _report(settings: Settings) -> Path | None:
    """The run's HTML report from the snapshot; a report that cannot be written is logged, never
    fails a run whose data is loaded."""
    try:
        return write_report(settings.snapshot, settings.report) if settings.snapshot.exists() else None
    except Exception:
        logger.exception("the report %s could not be written", settings.report)
        return None


def select_feeds(all_feeds: list[FeedSource], names: list[str] | None) -> list[FeedSource]:
    """The feeds named (all of them for none); an unknown name is an error that lists the known ones."""
    if not names:
        return all_feeds
    known = {f.name: f for f in all_feeds}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown feed(s) {unknown}; the feed list has {sorted(known)}")
    return [known[n] for n in dict.fromkeys(names)]


def new_run_id() -> str:
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def start_run(wh: Warehouse, settings: Settings, run_id: str, flow_name: str, parameters: dict[str, Any]) -> None:
    """Record a new run of this process, after marking the runs that died without finishing
    (killed, crashed, powered off) ``abandoned``: what they did stays, what they left is redone."""
    host = socket.gethostname()
    abandoned = loader.abandon_dead_runs(wh, host, _alive, settings.abandon_after_hours)
    if abandoned:
        logger.warning("runs that never finished are marked abandoned: %s", ", ".join(abandoned))
    loader.start_run(wh, run_id, str(flow_run.id) if flow_run.id else None, flow_name, parameters, host, os.getpid())
    # pages stored inside the warehouse by versions before the archive (migration 0009) move out
    move_inline_pages(wh, settings.page_archive())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


@flow(name="daily-ingest", log_prints=False)
def daily_ingest(feeds: list[str] | None = None, max_articles: int | None = None) -> dict[str, Any]:
    """Poll the feeds of the feed list and load their new articles and figures into the warehouse.

    Args:
        feeds: names of feeds in the feed list to poll (as in feeds.toml); empty for all of them
        max_articles: fetch at most this many article pages in this run; empty for no limit
    """
    route_project_logs()
    settings = current_settings()
    if max_articles is not None:
        settings = settings.model_copy(update={"max_articles": max_articles})
    all_feeds = load_feed_list(settings.feeds)
    selected = select_feeds(all_feeds, feeds)
    run_id = new_run_id()
    with settings.open_warehouse() as wh:
        start_run(wh, settings, run_id, "daily-ingest", {"feeds": feeds, "max_articles": max_articles})
        loader.sync_feeds(wh, all_feeds)
        states = loader.feed_states(wh)
    now = utcnow()
    resting = [f.name for f in selected if not states.get(f.name, FeedState()).due(now)]
    if resting:
        logger.info("%d dead feeds are not due for a poll: %s", len(resting), ", ".join(resting))
    selected = [f for f in selected if f.name not in resting]
    counts = {"feeds_checked": len(selected), "feeds_unchanged": 0, "feeds_failed": 0, "feeds_dead_resting":
              len(resting), "entries_new": 0, "pages_fetched": 0, "articles_new": 0, "figures_new": 0, "errors": 0}
    status = "failed"
    unchanged: list[str] = []
    failed: list[str] = []
    with Fetcher(settings) as fetcher:
        try:
            futures = [discover_feed.submit(fetcher, feed, states.get(feed.name, FeedState())) for feed in selected]
            checks = [future.result() for future in futures]
            unchanged = [c.feed.name for c in checks if c.outcome == "unchanged"]
            failed = [c.feed.name for c in checks if c.outcome == "failed"]
            counts["feeds_unchanged"], counts["feeds_failed"] = len(unchanged), len(failed)
            counts["errors"] += sum(len(c.errors) for c in checks)
            counts["entries_new"] = record_feeds(settings, run_id, checks)
            logger.info("%d feeds polled: %d unchanged, %d failed, %d new entries",
                        len(checks), len(unchanged), len(failed), counts["entries_new"])

            with settings.open_warehouse() as wh:
                jobs = loader.pending_pages(wh, settings.max_error_attempts, settings.max_articles)
            logger.info("%d pages to fetch in batches of %d", len(jobs), settings.batch_size)
            process_jobs(settings, fetcher, run_id, jobs, counts)
            status = "completed"
        finally:
            with settings.open_warehouse() as wh:
                loader.finish_run(wh, run_id, status, counts)
                refresh_after_load(wh, settings.snapshot)  # also when nothing was new: the snapshot exists
    logger.info("run %s %s: %s", run_id, status, counts)
    report = _report(settings)
    publish_run(settings, "daily-ingest", "Daily ingest", run_id, status, counts, unchanged, failed, report=report)
    return {"run_id": run_id, "status": status, **counts}
