"""The analysts' copy of the warehouse, published after every load.

DuckDB lets one process hold a file for writing, and refuses every other process meanwhile,
readers included: an analyst's query against the warehouse would fail for as long as a run
writes. So the pipeline writes a copy of what analysts query (articles with their text,
figures, claims, reviews, feeds, runs, errors and every view; never the raw pages, a third of
the file and its fastest-growing part) into a new file and renames it over the old one: readers
see the whole old snapshot or the whole new one, never half, and never wait.

The copy is written with DuckDB's storage version ``STORAGE_VERSION`` so that clients older
than our library open it: the DuckDB CLI, DBeaver, R, notebooks pinned to 1.x
(tests/warehouse/test_snapshot.py opens it with the duckdb-cli package).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from warehouse.analyst import create_views
from warehouse.db import Warehouse

logger = logging.getLogger(__name__)

STORAGE_VERSION = "v1.0.0"  # read by every DuckDB since 1.0 (storage version 64)
TABLES = ("feeds", "feed_entries", "articles", "url_aliases", "ingest_errors", "runs", "figures",
          "figure_reviews", "claims", "claim_figures", "schema_migrations")
_ALIAS = "snapshot_out"


def snapshot_path(db: Path) -> Path:
    """Where the snapshot of warehouse ``db`` lives: beside it."""
    return db.with_name(f"{db.stem}.snapshot.duckdb")


def publish(wh: Warehouse, target: Path) -> Path:
    """Write the snapshot to a temporary file beside ``target`` and rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    home = wh.con.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
    # ATTACH takes no parameters; the path is ours and quoted, the table names are constants
    wh.con.execute(f"ATTACH '{_quoted(tmp)}' AS {_ALIAS} (STORAGE_VERSION '{STORAGE_VERSION}')").fetchall()
    try:
        for table in TABLES:
            wh.con.execute(f"CREATE TABLE {_ALIAS}.{table} AS SELECT * FROM {home}.main.{table}").fetchall()
        wh.con.execute(f"USE {_ALIAS}").fetchall()
        try:
            create_views(wh.con, without=frozenset({"raw_pages", "article_signatures", "schema_views"}))
        finally:
            wh.con.execute(f"USE {home}").fetchall()
    finally:
        wh.con.execute(f"DETACH {_ALIAS}").fetchall()
    os.replace(tmp, target)
    logger.info("snapshot published: %s (%.1f MB)", target, target.stat().st_size / 1e6)
    return target


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
