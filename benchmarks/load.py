"""Loading figures: 1,000,000 rows through the warehouse loader against DuckDB's own
``INSERT INTO figures SELECT * FROM arrow_table`` of the same final rows into the same table, each
in one transaction, the best of two runs of each. The loader is given what the extraction workers
hand the single writer: the batch's figures as one frame (``batch_figures_frame``, built in the
workers, in parallel, and timed here separately), which it validates, converts (households to
people) and inserts with its named SQL. The same rows loaded from Python objects in the writer,
as the loader did before, are reported beside it."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import polars as pl
import pyarrow as pa

from benchmarks.common import Result
from transforms.figures.model import Figure
from transforms.normalise import ARTICLE_INDEX, batch_figures_frame, figure_rows, validate, with_people
from warehouse.db import Warehouse
from warehouse.figures import replace_figures

ROWS = 1_000_000
PER_ARTICLE = 10
KINDS = ("killed", "injured", "displaced", "missing", "abducted")
TARGET = 1.2
REPEATS = 2


def synthetic_articles(count: int) -> list[tuple[str, list[Figure]]]:
    return [(f"a{article:07d}", [
        Figure(f"a{article}", KINDS[i % 5], "civilians", "person", None, 3 + i, None, "exact", str(3 + i),
               10 * i, 10 * i + 2, f"Gunmen killed {3 + i} civilians in Zone {article}.",
               event_date_start=date(2026, 11, 1 + i % 28), event_date_end=date(2026, 11, 1 + i % 28),
               date_precision="day", place="Bandiagara", country_iso3="MLI", latitude=14.35, longitude=-3.61,
               context="conflict", kind_rule="predicate:killed")
        for i in range(PER_ARTICLE)]) for article in range(count // PER_ARTICLE)]


def run(rows: int = ROWS) -> list[Result]:
    articles = synthetic_articles(rows)
    started = time.perf_counter()
    frame = batch_figures_frame(articles, "figures-bench").drop(ARTICLE_INDEX)  # in the workers
    build_s = time.perf_counter() - started
    python_rows = [row for key, figures in articles for row in figure_rows(key, figures, "figures-bench")]
    loader_s = raw_s = from_rows_s = float("inf")
    loaded = 0
    with tempfile.TemporaryDirectory(prefix="cw-load-") as tmp:
        for attempt in range(REPEATS):  # the best of each: the first of any kind pays one-time set-up
            took, loaded = _load(Path(tmp) / f"loader{attempt}.duckdb", frame)
            loader_s = min(loader_s, took)
            raw_s = min(raw_s, _raw(Path(tmp) / f"raw{attempt}.duckdb", frame))
        from_rows_s, _ = _load(Path(tmp) / "rows.duckdb", python_rows)
    ratio = loader_s / raw_s
    return [Result("load, 1,000,000 figure rows", {
        "rows": loaded, "loader s": round(loader_s, 2), "raw insert s": round(raw_s, 2),
        "loader rows/s": round(rows / loader_s), "frame built in the workers s": round(build_s, 2),
        "loader from Python rows s": round(from_rows_s, 2),
        "from Python rows x raw": round(from_rows_s / raw_s, 2)},
        round(raw_s, 2), round(ratio, 2), "x raw insert", f"<= {TARGET}x raw insert", ratio <= TARGET, round(ratio, 2))]


def _load(path: Path, rows: pl.DataFrame | list[dict[str, object]]) -> tuple[float, int]:
    with Warehouse(path) as wh:
        started = time.perf_counter()
        with wh.transaction():
            replace_figures(wh, "bench", [], rows, new_articles=True)  # the daily load's path: new articles
        took = time.perf_counter() - started
        counted = wh.con.execute("SELECT count(*) FROM figures").fetchone()
    return took, int(counted[0]) if counted else 0


def _raw(path: Path, frame: pl.DataFrame) -> float:
    with Warehouse(path) as wh:
        # the same final rows, as the loader's SQL would insert them, prepared outside the clock
        arrow_rows = _as_figures_table(wh, with_people(validate(frame)[0]))  # noqa: F841  (read by name in the SQL)
        started = time.perf_counter()
        with wh.transaction():
            wh.con.execute("INSERT INTO figures BY NAME SELECT * FROM arrow_rows").fetchall()
        return time.perf_counter() - started


def _as_figures_table(wh: Warehouse, frame: object) -> pa.Table:
    """The loader's final rows as one Arrow table, built outside the clock."""
    wh.con.register("incoming_frame", frame)
    table = wh.con.sql("SELECT *, 'bench' AS load_id, now() AS extracted_at FROM incoming_frame").to_arrow_table()
    wh.con.unregister("incoming_frame")
    return table
