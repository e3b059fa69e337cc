"""Loading figures: 1,000,000 rows through the warehouse loader (rows to typed, validated polars
frames, then the named SQL that replaces an article's figures), against DuckDB's own
``INSERT INTO figures SELECT * FROM arrow_table`` of the same final rows into the same table."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import pyarrow as pa

from benchmarks.common import Result
from transforms.figures.model import Figure
from transforms.normalise import figures_frame, validate, with_people
from warehouse.db import Warehouse
from warehouse.figures import figure_rows, replace_figures

ROWS = 1_000_000
PER_ARTICLE = 10
BATCH = 100_000  # rows per load: a reprocess day, or a large backfill batch
KINDS = ("killed", "injured", "displaced", "missing", "abducted")


def synthetic_rows(count: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for article in range(count // PER_ARTICLE):
        figures = [Figure(f"a{article}", KINDS[i % 5], "civilians", "person", None, 3 + i, None, "exact", str(3 + i),
                          10 * i, 10 * i + 2, f"Gunmen killed {3 + i} civilians in Zone {article}.",
                          event_date_start=date(2026, 11, 1 + i % 28), event_date_end=date(2026, 11, 1 + i % 28),
                          date_precision="day", place="Bandiagara", country_iso3="MLI", latitude=14.35,
                          longitude=-3.61, context="conflict", kind_rule="right:killed")
                   for i in range(PER_ARTICLE)]
        rows.extend(figure_rows(f"a{article:07d}", figures, "figures-bench"))
    return rows


def run(rows: int = ROWS) -> list[Result]:
    data = synthetic_rows(rows)
    with tempfile.TemporaryDirectory(prefix="cw-load-") as tmp:
        with Warehouse(Path(tmp) / "loader.duckdb") as wh:
            started = time.perf_counter()
            for start in range(0, len(data), BATCH):
                chunk = data[start:start + BATCH]
                with wh.transaction():
                    replace_figures(wh, "bench", sorted({str(r["article_key"]) for r in chunk}), chunk,
                                    new_articles=True)  # the daily load's path: new articles
            loader_s = time.perf_counter() - started
            loaded = wh.con.execute("SELECT count(*) FROM figures").fetchone()
        with Warehouse(Path(tmp) / "raw.duckdb") as wh:
            # the same final rows, as the loader's SQL would insert them, prepared outside the clock
            frame = with_people(validate(figures_frame(data))[0])
            arrow_rows = _as_figures_table(wh, frame)  # noqa: F841  (read by name in the SQL)
            started = time.perf_counter()
            with wh.transaction():
                wh.con.execute("INSERT INTO figures BY NAME SELECT * FROM arrow_rows").fetchall()
            raw_s = time.perf_counter() - started
    ratio = loader_s / raw_s
    return [Result("load, 1,000,000 figure rows", {"rows": loaded[0] if loaded else 0, "loader s": round(loader_s, 2),
                                                   "raw insert s": round(raw_s, 2),
                                                   "loader rows/s": round(rows / loader_s)},
                   round(raw_s, 2), round(ratio, 2), "x raw insert", "<= 1.2x raw insert", ratio <= 1.2,
                   round(ratio, 2))]


def _as_figures_table(wh: Warehouse, frame: object) -> pa.Table:
    """The loader's final rows as one Arrow table, built outside the clock."""
    wh.con.register("incoming_frame", frame)
    table = wh.con.sql("SELECT *, 'bench' AS load_id, now() AS extracted_at FROM incoming_frame").to_arrow_table()
    wh.con.unregister("incoming_frame")
    return table
