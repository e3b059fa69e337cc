"""Extraction on other cores and other machines: a process pool and a local Dask cluster load
exactly the rows the flow's own threads load, and workers never write to the warehouse."""

from __future__ import annotations

import logging
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from demo.server import demo_server
from flows.pool import plan
from flows.settings import Settings, use_settings
from tests.conftest import run_daily
from tests.flows.test_backfill import query

DEMO_FEEDS = Path(str(files("demo").joinpath("feeds.toml")))

ROWS = {
    "articles": "SELECT article_key, text_sha256, raw_sha256, context, published_at FROM articles ORDER BY 1",
    "figures": 'SELECT article_key, figure_index, kind, "group", best, qualifier, place, event_date_start '
               "FROM figures ORDER BY 1, 2",
    "raw_pages": "SELECT sha256, size FROM raw_pages ORDER BY 1",
    "errors": "SELECT url, stage, reason FROM ingest_errors ORDER BY 1, 2",
}


def loaded(tmp_path: Path, name: str, **settings: Any) -> tuple[Settings, dict[str, list[tuple[Any, ...]]]]:
    with demo_server() as server:
        config = Settings(db=tmp_path / name / "demo.duckdb", feeds=DEMO_FEEDS, proxy=server.proxy_url,
                          per_host_interval=0.0, batch_size=2, **settings)
        config.db.parent.mkdir()
        result = run_daily(config)
    assert result["status"] == "completed" and result["articles_new"] > 0
    return config, {table: query(config, sql) for table, sql in ROWS.items()}


@pytest.fixture(scope="module")
def threads(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> dict[str, Any]:
    _, rows = loaded(tmp_path_factory.mktemp("threads"), "threads", extract_processes=1)
    return rows


def ran_on(caplog: pytest.LogCaptureFixture, mode: str) -> bool:
    """The run's extraction went to ``mode`` and never fell back to the flow's own threads."""
    messages = [r.getMessage() for r in caplog.records if r.name == "flows.pool"]
    return f"extraction runs on {mode} (2 workers)" in messages and not [m for m in messages if "failed" in m]


@pytest.mark.workers
def test_a_process_pool_loads_the_same_rows_as_the_flows_threads(threads: dict[str, Any], tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="flows.pool"):
        _, rows = loaded(tmp_path, "processes", extract_processes=2)
    assert ran_on(caplog, "processes")
    assert rows == threads


@pytest.mark.workers
def test_a_local_dask_cluster_loads_the_same_rows_as_the_flows_threads(threads: dict[str, Any], tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="flows.pool"):
        _, rows = loaded(tmp_path, "dask", task_runner="dask", dask_workers=2)
    assert ran_on(caplog, "dask")
    assert rows == threads


@pytest.mark.workers
def test_a_reprocess_on_the_process_pool_reads_the_archive_and_changes_nothing_it_should_not(
        tmp_path: Path, prefect_harness: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.backfill import backfill
    from flows.steps import current_versions
    from transforms.records import ExtractorVersions

    settings, before = loaded(tmp_path, "reprocess", extract_processes=1)
    settings = settings.model_copy(update={"extract_processes": 2})
    now = current_versions()
    # a new figure extractor: every article it did not read is out of date
    monkeypatch.setattr("flows.backfill.current_versions",
                        lambda: ExtractorVersions(now.extractor, now.article_version, "figures-next"))
    with use_settings(settings):
        result = backfill(start_date=date(2026, 11, 20), end_date=date(2026, 11, 28), mode="reprocess")
    assert result["status"] == "completed" and result["errors"] == 0
    assert result["articles_reprocessed"] == len(before["articles"])
    assert query(settings, ROWS["figures"]) == before["figures"]
    assert query(settings, "SELECT DISTINCT figures_version FROM articles") == [("figures-next",)]


@pytest.mark.parametrize(("settings", "pages", "expected"), [
    ({}, 10, ("threads", 1)),  # a small run pays no process start-up
    ({"parallel_from": 5}, 10, ("processes", "cores")),
    ({"extract_processes": 1}, 10_000, ("threads", 1)),
    ({"extract_processes": 3}, 1, ("processes", 3)),
    ({"task_runner": "dask", "dask_workers": 4}, 1, ("dask", 4)),
])
def test_the_settings_choose_where_extraction_runs(settings: dict[str, Any], pages: int,
                                                   expected: tuple[str, Any]) -> None:
    from flows.pool import cores

    mode, workers = plan(Settings(**settings), pages)
    assert (mode, workers) == (expected[0], cores() if expected[1] == "cores" else expected[1]) or (
        expected[1] == "cores" and cores() == 1 and mode == "threads")


def test_a_run_refreshes_the_analyst_snapshot_on_its_first_load_then_every_refresh_every_seconds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from flows import tasks

    now = [100.0]
    monkeypatch.setattr(tasks.time, "monotonic", lambda: now[0])
    clock = tasks.RefreshClock(30.0)
    due = []
    for step in (0, 10, 25, 31, 40, 70):
        now[0] = 100.0 + step
        due.append(clock.due())
    assert due == [True, False, False, True, False, True]
    assert all(tasks.RefreshClock(0).due() for _ in range(3))  # 0: every load, as before
    # a refreshing load that took 20 s: the next refresh waits 80 s, not 30
    now[0] = 1000.0
    slow = tasks.RefreshClock(30.0)
    assert slow.due()
    now[0] = 1020.0
    slow.done()
    now[0] = 1060.0
    assert not slow.due()
    now[0] = 1101.0
    assert slow.due()
