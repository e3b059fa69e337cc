"""A big reprocess backfill: synthetic articles whose pages are in the WARC archive, all out of
date, extracted again by `conflictwire backfill --mode reprocess` in a child process. Two sizes:
throughput, and the peak memory of the whole process tree (the flow and its extraction workers),
which must stay flat: bounded batches, streamed from the archive, never the whole range at once."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import psutil

from benchmarks.common import BIN, Result
from benchmarks.figures import startup
from benchmarks.pipeline import prefect_server
from benchmarks.quiet_day import page
from warehouse.archive import ArchivedPage, PageArchive
from warehouse.db import Warehouse

SIZES = tuple(int(n) for n in os.environ.get("BENCH_BACKFILL_SIZES", "5000,20000").split(","))
DAYS = 10
FIRST_DAY = datetime(2026, 11, 1, 6, tzinfo=UTC)
MEMORY_TARGET_MB = 1024


def build(db: Path, archive: PageArchive, articles: int) -> None:
    """A warehouse of ``articles`` stored articles over ``DAYS`` days, extracted by an old version."""
    with Warehouse(db) as wh:
        for start in range(0, articles, 5000):
            pages, rows = [], []
            for n in range(start, min(start + 5000, articles)):
                when = FIRST_DAY + timedelta(days=n % DAYS, minutes=n % 600)
                body = page(n, n % 7).replace(b"<h1>", f"<h1>Report {n}: ".encode())
                digest = hashlib.sha256(body).hexdigest()
                url = f"http://synthetic{n % 40}.example/news/{n}.html"
                pages.append(ArchivedPage(digest, url, "text/html; charset=utf-8", body, when))
                rows.append({"article_key": f"k{n:07d}", "url": url, "published_at": when, "sha256": digest,
                             "size": len(body)})
            refs = {r.sha256: r for r in archive.write(pages)}
            frame = pl.DataFrame([{**row, "warc_file": refs[row["sha256"]].warc_file,
                                   "warc_offset": refs[row["sha256"]].warc_offset,
                                   "warc_length": refs[row["sha256"]].warc_length} for row in rows])
            wh.con.register("synthetic", frame)
            with wh.transaction():
                wh.con.execute("INSERT INTO raw_pages (sha256, size, content_type, gz, fetched_at, warc_file, "
                               "warc_offset, warc_length) SELECT sha256, size, 'text/html; charset=utf-8', ''::BLOB, "
                               "published_at, warc_file, warc_offset, warc_length FROM synthetic").fetchall()
                wh.con.execute("INSERT INTO articles (article_key, canonical_url, url, feed_id, title, published_at, "
                               "date_source, text, text_sha256, raw_sha256, extractor, extractor_version, fetched_at, "
                               "run_id) SELECT article_key, url, url, 'Synthetic', 'Report', published_at, 'page', "
                               "'old text', 'old', sha256, 'trafilatura 0', '0.0.0', published_at, 'seed' "
                               "FROM synthetic").fetchall()
            wh.con.unregister("synthetic")


def tree_peak_mb(process: subprocess.Popen[str], every: float = 0.25) -> tuple[float, float]:
    """Poll the memory of ``process`` and its children until it exits: the peak of their sum
    (unique set size: what the tree itself holds, shared libraries counted once) and the peak
    of the largest member, in MB."""
    peak = largest = 0
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            sizes = [m.memory_full_info().uss for m in [root, *root.children(recursive=True)] if m.is_running()]
            peak, largest = max(peak, sum(sizes)), max(largest, max(sizes, default=0))
        except psutil.Error:
            pass
        time.sleep(every)
    return peak / 2**20, largest / 2**20


def reprocess(root: Path, api: str, articles: int) -> dict[str, float]:
    folder = root / f"n{articles}"
    folder.mkdir()
    db, feeds = folder / "backfill.duckdb", folder / "feeds.toml"
    feeds.write_text('[[feed]]\nname = "Synthetic"\nurl = "http://synthetic0.example/rss.xml"\n', encoding="utf-8")
    archive = PageArchive(str(folder / "backfill.warc"))
    build(db, archive, articles)
    env = {**os.environ, "PREFECT_API_URL": api, "CONFLICTWIRE_CACHE_DIR": str(root / "cache"),
           "CONFLICTWIRE_BATCH_SIZE": "200"}
    last = (FIRST_DAY + timedelta(days=DAYS - 1)).date().isoformat()
    started = time.perf_counter()
    process = subprocess.Popen([str(BIN / "conflictwire"), "backfill", "--mode", "reprocess", "--start",
                                FIRST_DAY.date().isoformat(), "--end", last, "--feeds", str(feeds), "--db", str(db)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout or []), daemon=True)
    reader.start()
    peak, largest = tree_peak_mb(process)
    seconds = time.perf_counter() - started
    reader.join()
    if process.returncode != 0:
        raise RuntimeError("the backfill failed:\n" + "".join(output[-40:]))
    with Warehouse(db, read_only=True) as wh:
        done = wh.con.execute("SELECT count(*) FROM articles WHERE extractor_version <> '0.0.0'").fetchone()
    return {"articles": articles, "reprocessed": done[0] if done else 0, "seconds": round(seconds, 1),
            "articles/s": round(articles / seconds, 1), "peak MB": round(peak),
            "largest process MB": round(largest)}


def run(sizes: tuple[int, ...] = SIZES) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="cw-backfill-") as tmp:
        root = Path(tmp)
        startup(root / "cache")  # the gazetteer cache warm, as after a first run: both sizes alike
        with prefect_server(root / "prefect-home") as (api, _start, _pid):
            runs = [reprocess(root, api, n) for n in sizes]
    small, big = runs[0], runs[-1]
    flat = big["peak MB"] <= small["peak MB"] * 1.25 + 50
    return [Result(f"backfill, {r['articles']:,} articles", r, None, r["peak MB"], "MB peak",
                   f"< {MEMORY_TARGET_MB} MB, independent of size",
                   r["reprocessed"] == r["articles"] and r["peak MB"] < MEMORY_TARGET_MB and flat) for r in runs]
