"""What a reprocess backfill reads and writes: one publication day of stored articles at a time,
in bounded keyset batches, and their new text and figures replaced in one transaction a batch."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from transforms.normalise import ARTICLE_INDEX, batch_figures_frame, with_fallback_country
from transforms.records import ExtractorVersions, IngestError, Reextracted, StoredPage
from transforms.timeutil import utcnow
from warehouse.db import Warehouse
from warehouse.errors import record_errors
from warehouse.figures import replace_figures
from warehouse.loader import UTC_TS, frame

logger = logging.getLogger(__name__)

UPDATE_SCHEMA = {
    "article_key": pl.String, "title": pl.String, "author": pl.String, "site_name": pl.String,
    "language": pl.String, "published_at": UTC_TS, "date_source": pl.String, "text": pl.String,
    "text_sha256": pl.String, "extractor": pl.String, "extractor_version": pl.String,
    "figures_version": pl.String, "context": pl.String, "context_confidence": pl.Float64,
}


@dataclass(frozen=True, slots=True)
class ReprocessLoad:
    articles: int
    texts_changed: int
    figures_before: int
    figures_after: int
    errors: int


def _scope(day: date, feeds: Sequence[str] | None, versions: ExtractorVersions) -> dict[str, Any]:
    return {"day": day, "any_feed": not feeds, "feeds": list(feeds or [""]), "extractor": versions.extractor,
            "article_version": versions.article_version, "figures_version": versions.figures_version}


def day_counts(wh: Warehouse, day: date, feeds: Sequence[str] | None, versions: ExtractorVersions) -> tuple[int, int]:
    """(articles published that day, those extracted by another extractor version)."""
    articles, stale = wh.rows("reprocess_day", **_scope(day, feeds, versions))[0]
    return int(articles), int(stale)


def stale_batch(wh: Warehouse, day: date, feeds: Sequence[str] | None, versions: ExtractorVersions,
                after: str, limit: int) -> list[StoredPage]:
    """The next ``limit`` out-of-date articles of ``day`` with keys after ``after``."""
    rows = wh.rows("reprocess_batch", after=after, limit=limit, **_scope(day, feeds, versions))
    return [StoredPage(*row) for row in rows]


def apply_reprocessed(wh: Warehouse, run_id: str, results: Sequence[Reextracted | IngestError],
                      figures: pl.DataFrame | None = None) -> ReprocessLoad:
    """Replace the text, metadata and figures of re-extracted articles, and record the pages that
    no longer extract (their article stays as it was). One transaction. ``figures``: the batch's
    figures as the workers built them (``batch_figures_frame`` over the ``Reextracted`` of
    ``results``, in order); built here when not given."""
    done = [r for r in results if isinstance(r, Reextracted)]
    errors = [r for r in results if isinstance(r, IngestError)]
    updates = frame([{k: getattr(r, k) for k in UPDATE_SCHEMA} for r in done], UPDATE_SCHEMA)
    countries = dict(wh.rows("article_countries", keys=[r.article_key for r in done] or [""]))
    if figures is None:
        figures = batch_figures_frame([(r.article_key, r.figures) for r in done],
                                      done[0].figures_version if done else "")
    stored = pl.DataFrame({"article_key": list(countries), "_country": list(countries.values())},
                          schema={"article_key": pl.String, "_country": pl.String})
    rows = with_fallback_country(figures.drop(ARTICLE_INDEX).join(stored, on="article_key", how="left",
                                                                  maintain_order="left"), "_country")
    with wh.transaction():
        wh.load("update_articles", updates)
        loaded, _rejected = replace_figures(wh, run_id, [r.article_key for r in done], rows)
        wh.load("resolve_errors", frame([{"url_key": r.article_key} for r in done], {"url_key": pl.String}),
                now=utcnow(), stages=["reprocess"])
        record_errors(wh, run_id, errors)
    return ReprocessLoad(len(done), sum(r.text_changed for r in done), sum(r.figures_before for r in done),
                         loaded, len(errors))
