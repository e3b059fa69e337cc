"""Reachable while ingesting: an analyst's reader loop in another process runs hundreds of queries
on the snapshot while a daily run loads the demo batch by batch, and never fails nor goes back."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import duckdb
import pytest

from demo.server import demo_server
from flows.settings import Settings
from tests.conftest import run_daily

pytestmark = pytest.mark.usefixtures("prefect_harness")

READER = r"""
import json, os, sys, time
import duckdb
path, stop = sys.argv[1], sys.argv[2]
counts, failures, queries = [], [], 0
while not os.path.exists(path):
    time.sleep(0.01)  # before the first publish there is nothing to read yet
while not os.path.exists(stop) or queries < 300:
    try:
        with duckdb.connect(path, read_only=True) as con:
            figures, claims = con.execute("SELECT (SELECT count(*) FROM figures), "
                                          "(SELECT count(*) FROM figure_claims)").fetchone()
            con.execute("SELECT * FROM daily_totals").fetchall()
        counts.append([figures, claims])
    except Exception as exc:
        failures.append(repr(exc))
    queries += 1
print(json.dumps({"queries": queries, "counts": counts, "failures": failures}))
"""


def test_an_analyst_reader_never_fails_and_never_sees_the_counts_go_back(tmp_path: Path) -> None:
    stop = tmp_path / "stop"
    with demo_server() as server:
        settings = Settings(db=tmp_path / "demo.duckdb", feeds=Path(str(files("demo").joinpath("feeds.toml"))),
                            proxy=server.proxy_url, per_host_interval=0.0, batch_size=2, refresh_every=0)
        reader = subprocess.Popen([sys.executable, "-c", READER, str(settings.snapshot), str(stop)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            result = run_daily(settings)
        finally:
            stop.touch()
            out, errors = reader.communicate(timeout=120)
    assert result["status"] == "completed" and result["articles_new"] == 10
    assert reader.returncode == 0, errors
    seen = json.loads(out)
    assert seen["failures"] == [], seen["failures"][:3]
    assert seen["queries"] >= 300
    figures = [f for f, _ in seen["counts"]]
    assert figures == sorted(figures), "a reader saw fewer figures than before"
    assert len(set(figures)) > 2  # it read several published snapshots while the run loaded its batches
    assert figures[-1] == result["figures_new"]


def test_a_snapshot_that_cannot_be_written_never_fails_the_load(tmp_path: Path) -> None:
    with demo_server() as server:
        settings = Settings(db=tmp_path / "demo.duckdb", feeds=Path(str(files("demo").joinpath("feeds.toml"))),
                            proxy=server.proxy_url, per_host_interval=0.0)
        settings.snapshot.mkdir()  # something else sits where the snapshot goes: every publish fails
        result = run_daily(settings)
    assert (result["status"], result["articles_new"], result["errors"]) == ("completed", 10, 1)  # only the 404
    with duckdb.connect(str(settings.db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM ingest_errors WHERE stage = 'load'").fetchall() == [(0,)]
