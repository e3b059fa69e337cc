"""Loading the ingest pipeline's records: records become typed polars frames, frames go in
through the named SQL files. Every load is idempotent (conflicts are ignored or merged), so a
re-run of the same batch adds nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from transforms.dedupe import plan_articles
from transforms.feedlist import FeedSource, feed_key
from transforms.feeds import FeedEntry
from transforms.figures import EXTRACTOR_VERSION
from transforms.normalise import ARTICLE_INDEX, batch_figures_frame, with_fallback_country
from transforms.records import ArticleRow, FeedCheck, FeedState, IngestError, PageJob, RawPage
from transforms.timeutil import utcnow
from warehouse.archive import PageArchive
from warehouse.db import Warehouse
from warehouse.errors import record_errors
from warehouse.figures import replace_figures
from warehouse.pages import archive_pages

logger = logging.getLogger(__name__)

UTC_TS = pl.Datetime("us", "UTC")

ENTRY_SCHEMA = {
    "feed_id": pl.String, "entry_key": pl.String, "position": pl.Int32, "url": pl.String,
    "canonical_url": pl.String, "guid": pl.String, "title": pl.String, "summary": pl.String,
    "published_raw": pl.String, "published_at": UTC_TS, "via": pl.String,
}
CHECK_SCHEMA = {
    "feed_id": pl.String, "outcome": pl.String, "checked_at": UTC_TS, "etag": pl.String,
    "last_modified": pl.String, "body_sha256": pl.String, "format": pl.String, "problem": pl.String,
    "error": pl.String, "entries": pl.Int32, "http_status": pl.Int32,
}
RAW_SCHEMA = {"sha256": pl.String, "size": pl.Int32, "content_type": pl.String, "fetched_at": UTC_TS,
              "warc_file": pl.String, "warc_offset": pl.Int64, "warc_length": pl.Int64}
ARTICLE_SCHEMA = {
    "article_key": pl.String, "canonical_url": pl.String, "url": pl.String, "feed_id": pl.String,
    "title": pl.String, "author": pl.String, "site_name": pl.String, "language": pl.String,
    "published_at": UTC_TS, "date_source": pl.String, "text": pl.String, "text_sha256": pl.String,
    "raw_sha256": pl.String, "extractor": pl.String, "extractor_version": pl.String, "fetched_at": UTC_TS,
    "context": pl.String, "context_confidence": pl.Float64,
}
ALIAS_SCHEMA = {"alias_key": pl.String, "alias_url": pl.String, "article_key": pl.String, "reason": pl.String}
KEY_SCHEMA = {"url_key": pl.String}


@dataclass(frozen=True, slots=True)
class PageLoad:
    articles_new: int
    aliases_new: int
    errors: int
    figures: int = 0


def frame(rows: Iterable[Mapping[str, object]], schema: Mapping[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rows), schema=schema)


RUN_COLUMNS = ("feeds_checked", "feeds_unchanged", "feeds_failed", "entries_new", "pages_fetched",
               "articles_new", "figures_new", "errors")


def start_run(wh: Warehouse, run_id: str, flow_run_id: str | None, flow: str = "daily-ingest",
              parameters: Mapping[str, Any] | None = None, host: str | None = None, pid: int | None = None) -> None:
    wh.rows("start_run", run_id=run_id, flow_run_id=flow_run_id, now=utcnow(), flow=flow,
            parameters=json.dumps(parameters or {}, default=str, sort_keys=True), host=host, pid=pid)


def abandon_dead_runs(wh: Warehouse, host: str, alive: Callable[[int], bool], after_hours: float) -> list[str]:
    """Mark ``abandoned`` the runs still ``running`` whose process is gone: on this host, when
    ``alive(pid)`` says so; on other hosts (or without a pid), when older than ``after_hours``.
    Returns their run ids."""
    now = utcnow()
    dead = [run_id for run_id, run_host, pid, started in wh.rows("running_runs")
            if (run_host == host and pid is not None and not alive(int(pid)))
            or ((run_host != host or pid is None) and (now - started).total_seconds() > after_hours * 3600)]
    if dead:
        wh.rows("abandon_runs", run_ids=dead, now=now)
    return dead


def finish_run(wh: Warehouse, run_id: str, status: str, counts: Mapping[str, int]) -> None:
    """Close a run: the daily flow's counts in their columns, every count (a backfill's too) in
    ``counts`` as JSON."""
    wh.rows("finish_run", run_id=run_id, status=status, now=utcnow(), counts=json.dumps(dict(counts)),
            **{column: counts.get(column) for column in RUN_COLUMNS})


def sync_feeds(wh: Warehouse, feeds: Sequence[FeedSource]) -> None:
    rows = [{"feed_id": f.name, "url": f.url, "tags": list(f.tags), "country_iso3": f.country} for f in feeds]
    wh.load("sync_feeds", frame(rows, {"feed_id": pl.String, "url": pl.String, "tags": pl.List(pl.String),
                                       "country_iso3": pl.String}))


def feed_states(wh: Warehouse) -> dict[str, FeedState]:
    return {feed_id: FeedState(*state) for feed_id, *state in wh.rows("feed_states")}


@dataclass(frozen=True, slots=True)
class DeadFeedRule:
    """When a failing feed counts as gone, and how often a gone feed is polled again."""

    after_gone: int = 3  # polls in a row answered 410
    after_missing_days: int = 14  # days of 404s
    poll_days: int = 7


def record_feed_checks(wh: Warehouse, run_id: str, checks: Sequence[FeedCheck],
                       dead: DeadFeedRule = DeadFeedRule()) -> int:
    """Store each feed's new HTTP state, its entries and its errors; returns new entries."""
    now = utcnow()
    state_rows = []
    for c in checks:
        own = next((e for e in c.errors if e.stage == "discover" and e.url == c.feed.url), None)
        state_rows.append({
            "feed_id": c.feed.name, "outcome": c.outcome, "checked_at": c.checked_at, "etag": c.etag,
            "last_modified": c.last_modified, "body_sha256": c.body_sha256, "format": c.format,
            "problem": c.problem, "error": own.reason if own else None, "entries": len(c.entries),
            "http_status": own.http_status if own else None,
        })
    ok_feeds = [{"url_key": feed_key(c.feed)} for c in checks if c.outcome != "failed"]
    with wh.transaction():
        wh.load("update_feed_checks", frame(state_rows, CHECK_SCHEMA), dead_after_gone=dead.after_gone,
                dead_after_missing_days=dead.after_missing_days, dead_poll_days=dead.poll_days)
        new = _insert_entries(wh, run_id, [(c.feed.name, e) for c in checks for e in c.entries], "feed", now)
        wh.load("resolve_errors", frame(ok_feeds, KEY_SCHEMA), now=now, stages=["discover"])
        record_errors(wh, run_id, [e for c in checks for e in c.errors], now=now)
    return new


def record_entries(wh: Warehouse, run_id: str, entries: Sequence[tuple[str, FeedEntry]], via: str,
                   errors: Sequence[IngestError] = ()) -> int:
    """Store entries found outside a feed poll (a backfill's sitemaps and feed reads), each
    under its feed id, with the errors met finding them; returns how many were new."""
    now = utcnow()
    with wh.transaction():
        new = _insert_entries(wh, run_id, entries, via, now)
        record_errors(wh, run_id, errors, now=now)
    return new


def _insert_entries(wh: Warehouse, run_id: str, entries: Sequence[tuple[str, FeedEntry]], via: str,
                    now: datetime) -> int:
    rows = [{
        "feed_id": feed_id, "entry_key": e.key, "position": e.position, "url": e.url,
        "canonical_url": e.canonical_url, "guid": e.guid, "title": e.title, "summary": e.summary,
        "published_raw": e.published_raw, "published_at": e.published_at, "via": via,
    } for feed_id, e in entries]
    before = wh.rows("count_entries")[0][0]
    wh.load("insert_feed_entries", frame(rows, ENTRY_SCHEMA), now=now, run_id=run_id)
    return int(wh.rows("count_entries")[0][0] - before)


def pending_pages(wh: Warehouse, max_attempts: int, limit: int | None,
                  keys: Sequence[str] | None = None) -> list[PageJob]:
    """Entries whose page is still to fetch, oldest first; only those of ``keys`` when given."""
    rows = wh.rows("pending_pages", max_attempts=max_attempts, limit=limit if limit is not None else 2**62,
                   any_key=keys is None, keys=list(keys or [""]))
    return [PageJob(key, url, canonical, feed_id, published) for key, url, canonical, feed_id, published in rows]


def load_pages(wh: Warehouse, archive: PageArchive, run_id: str, raw_pages: Sequence[RawPage],
               outcomes: Sequence[ArticleRow | IngestError], figures: pl.DataFrame | None = None) -> PageLoad:
    """Load one batch: raw pages (into the archive first), new articles, aliases for duplicates,
    errors; close the errors of pages that now worked. One transaction: a batch lands whole or not
    at all (an archive file of a batch that did not land is never referenced). ``figures``: the
    batch's figures as the extraction built them (``batch_figures_frame`` over the articles of
    ``outcomes``, in order); built here when not given."""
    now = utcnow()
    rows = [o for o in outcomes if isinstance(o, ArticleRow)]
    errors = [o for o in outcomes if isinstance(o, IngestError)]
    raw_rows = archive_pages(wh, archive, raw_pages)
    with wh.transaction():
        wh.load("insert_raw_pages", frame(raw_rows, RAW_SCHEMA))
        stored = wh.rows("stored_articles", keys=[r.article_key for r in rows] or [""],
                         texts=[r.text_sha256 for r in rows] or [""])
        new, aliases = plan_articles(rows, {k for k, _ in stored}, {t: k for k, t in stored})
        wh.load("insert_articles", frame([{k: getattr(r, k) for k in ARTICLE_SCHEMA} for r in new],
                                         ARTICLE_SCHEMA), run_id=run_id, figures_version=EXTRACTOR_VERSION)
        wh.load("insert_aliases", frame([{k: getattr(a, k) for k in ALIAS_SCHEMA} for a in aliases],
                                        ALIAS_SCHEMA).unique("alias_key"), now=now)
        if figures is None:
            figures = batch_figures_frame([(r.article_key, r.figures) for r in rows], EXTRACTOR_VERSION)
        loaded, _rejected = replace_figures(wh, run_id, [r.article_key for r in new],
                                            _figures_of(figures, rows, new, dict(wh.rows("feed_countries"))),
                                            new_articles=True)
        done = frame([{"url_key": r.entry_key} for r in rows], KEY_SCHEMA)
        wh.load("resolve_errors", done, now=now, stages=["fetch", "extract", "load"])
        record_errors(wh, run_id, errors, now=now)
    return PageLoad(len(new), len(aliases), len(errors), loaded)


def _figures_of(figures: pl.DataFrame, rows: Sequence[ArticleRow], new: Sequence[ArticleRow],
                countries: dict[str, str]) -> pl.DataFrame:
    """The batch frame's figures of the ``new`` articles only (a duplicate's are already stored),
    with each feed's country as the last resort for a figure tied to no place."""
    index = {id(r): i for i, r in enumerate(rows)}
    keep = pl.DataFrame({ARTICLE_INDEX: [index[id(r)] for r in new],
                         "_feed_country": [countries.get(r.feed_id) for r in new]},
                        schema={ARTICLE_INDEX: pl.Int32, "_feed_country": pl.String})
    picked = figures.join(keep, on=ARTICLE_INDEX, how="inner", maintain_order="left").drop(ARTICLE_INDEX)
    return with_fallback_country(picked, "_feed_country")
