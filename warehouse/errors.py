"""The ingest_errors table: one row per (stage, URL), attempts counted, reopened on repeat."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import polars as pl

from transforms.records import IngestError
from transforms.timeutil import utcnow
from warehouse.db import Warehouse

ERROR_SCHEMA = {
    "stage": pl.String, "url_key": pl.String, "url": pl.String, "feed_id": pl.String, "kind": pl.String,
    "reason": pl.String, "http_status": pl.Int32, "raw_sha256": pl.String, "tries": pl.Int32,
}


def record_errors(wh: Warehouse, run_id: str, errors: Sequence[IngestError], now: datetime | None = None) -> None:
    rows = [{k: getattr(e, k) for k in ERROR_SCHEMA} for e in errors]
    # one row per (stage, url_key) per load: DuckDB resolves duplicate keys within one upsert silently
    frame = pl.DataFrame(rows, schema=ERROR_SCHEMA).unique(["stage", "url_key"], keep="last")
    wh.load("record_errors", frame, now=now or utcnow(), run_id=run_id)
