"""The analyst's commands: query the snapshot, open a shell on it, review a figure, export Parquet,
write the data dictionary. Plain functions; ``flows.cli`` only parses arguments."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from flows.settings import Settings
from transforms.figures.model import GROUPS, KINDS
from transforms.timeutil import utcnow
from warehouse.analyst import refresh_and_publish
from warehouse.db import Warehouse
from warehouse.db import sql as named_sql

logger = logging.getLogger(__name__)

REVIEWABLE = {"best": int, "low": int, "high": int, "kind": str, "group": str, "place": str, "country_iso3": str}


class AnalystError(RuntimeError):
    """What the analyst asked for cannot be done; the message says why and what to do."""


def open_snapshot(settings: Settings) -> duckdb.DuckDBPyConnection:
    """The snapshot, read-only: it never waits for a running ingest and never blocks one."""
    path = settings.snapshot
    if not path.exists():
        raise AnalystError(f"no snapshot at {path} yet: run `conflictwire run` (or `make demo`) first")
    con = duckdb.connect(str(path), read_only=True)
    con.execute("SET TimeZone = 'UTC'").fetchall()
    return con


def run_sql(settings: Settings, query: str) -> pl.DataFrame:
    with open_snapshot(settings) as con:
        result: pl.DataFrame = con.sql(query).pl()
        return result


def write_result(frame: pl.DataFrame, fmt: str, out: Path | None) -> str | None:
    """csv or json to ``out`` or returned as text; parquet only to a file."""
    if fmt == "parquet":
        if out is None:
            raise AnalystError("--format parquet needs --out FILE")
        frame.write_parquet(out)
        return None
    if fmt == "csv":
        text = frame.write_csv()
    elif fmt == "json":
        text = json.dumps(frame.to_dicts(), default=str, ensure_ascii=False, indent=1)
    else:
        raise AnalystError(f"unknown format {fmt!r}: table, csv, json or parquet")
    if out is not None:
        out.write_text(text, encoding="utf-8")
        return None
    return text


def duckdb_cli() -> str | None:
    """The DuckDB command-line client: beside our interpreter (the duckdb-cli package), else on PATH."""
    beside = Path(sys.executable).with_name("duckdb")
    return str(beside) if beside.exists() else shutil.which("duckdb")


def shell(settings: Settings) -> None:
    """Replace this process with the DuckDB CLI, read-only on the snapshot; without the CLI, a
    small read-eval-print loop over the same connection."""
    path = settings.snapshot
    if not path.exists():
        raise AnalystError(f"no snapshot at {path} yet: run `conflictwire run` (or `make demo`) first")
    cli = duckdb_cli()
    if cli is not None:
        os.execv(cli, [cli, "-readonly", str(path)])
    with open_snapshot(settings) as con:
        print(f"DuckDB {duckdb.__version__} on {path} (read-only); end a statement with ';', Ctrl-D to leave")
        buffer = ""
        for line in sys.stdin:
            buffer += line
            if buffer.rstrip().endswith(";"):
                try:
                    con.sql(buffer).show()
                except duckdb.Error as exc:
                    print(exc)
                buffer = ""


def review(settings: Settings, figure_id: str, changes: Mapping[str, str], note: str | None, reject: bool,
           reviewer: str | None) -> dict[str, Any]:
    """Record an analyst's correction or rejection of a figure, keyed by its article and the
    number's offsets and text so that it survives re-extraction; then refresh claims and the
    snapshot. Returns the review as stored."""
    values: dict[str, Any] = {}
    for key, raw in changes.items():
        if key not in REVIEWABLE:
            raise AnalystError(f"cannot set {key!r}: one of {', '.join(REVIEWABLE)}")
        try:
            values[key] = REVIEWABLE[key](raw)
        except ValueError as exc:
            raise AnalystError(f"{key}={raw!r} is not a number") from exc
    if "kind" in values and values["kind"] not in KINDS:
        raise AnalystError(f"kind {values['kind']!r} is not one of {', '.join(KINDS)}")
    if "group" in values and values["group"] not in GROUPS:
        raise AnalystError(f"group {values['group']!r} is not one of {', '.join(GROUPS)}")
    if not values and not reject:
        raise AnalystError("nothing to review: give --set FIELD=VALUE or --reject")
    with settings.open_warehouse() as wh:
        found = wh.rows("figure_by_id", figure_id=figure_id)
        if not found:
            raise AnalystError(f"no figure {figure_id!r} (figure ids are in figures.figure_id and the views)")
        article_key, start, end, number_text = found[0]
        row = {"article_key": article_key, "start_offset": start, "end_offset": end, "number_text": number_text,
               "figure_id": figure_id, "rejected": reject, "note": note, "reviewer": reviewer or os.environ.get("USER"),
               "reviewed_at": utcnow(), **{k: values.get(k) for k in REVIEWABLE}}
        with wh.transaction():
            wh.load("upsert_review", pl.DataFrame([row], schema=_REVIEW_SCHEMA))
        refresh_and_publish(wh, settings.snapshot)
    logger.info("figure %s reviewed: %s", figure_id, "rejected" if reject else values)
    return row


_REVIEW_SCHEMA: dict[str, Any] = {
    "article_key": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32, "number_text": pl.String,
    "figure_id": pl.String, "rejected": pl.Boolean, "note": pl.String, "reviewer": pl.String,
    "reviewed_at": pl.Datetime("us", "UTC"), "best": pl.Int64, "low": pl.Int64, "high": pl.Int64,
    "kind": pl.String, "group": pl.String, "place": pl.String, "country_iso3": pl.String,
}


def export(settings: Settings, out: Path) -> dict[str, int]:
    """Parquet for other engines, partitioned by date in hive layout (``date=2026-11-28/``):
    figures (reviews applied, with their article), claims and daily totals."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    with open_snapshot(settings) as con:
        for name in ("figures", "claims", "daily_totals"):
            frame = con.sql(named_sql(f"export_{name}")).pl()
            target = out / name
            if target.exists():
                shutil.rmtree(target)  # an export is a whole picture: no partitions of an older one
            frame.write_parquet(target, partition_by="date")
            counts[name] = frame.height
    return counts


def dictionary(con: duckdb.DuckDBPyConnection) -> str:
    """The data dictionary, in markdown, from the comments in the database."""
    objects = con.execute(
        "SELECT table_name, 'table', comment FROM duckdb_tables() WHERE schema_name = 'main' "
        "UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "ORDER BY 2, 1").fetchall()
    lines = ["# conflictwire data dictionary", "",
             "Generated from the comments in the warehouse (`conflictwire dictionary`); the source is",
             "`warehouse/comments.sql`. Tables first, then views; the snapshot analysts query holds all but",
             "`raw_pages` and `article_signatures`.", ""]
    for name, kind, comment in objects:
        lines += [f"## {name} ({kind})", "", comment or "", "", "| column | type | meaning |", "|---|---|---|"]
        for column, data_type, column_comment in con.execute(
                "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = $t "
                "AND schema_name = 'main' ORDER BY column_index", {"t": name}).fetchall():
            lines.append(f"| `{column}` | {data_type} | {(column_comment or '').replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)


def fresh_dictionary() -> str:
    """The dictionary of an empty warehouse with every migration and view: what the code defines."""
    from warehouse.analyst import create_views

    with Warehouse(":memory:") as wh:
        create_views(wh.con)
        return dictionary(wh.con)
