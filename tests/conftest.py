"""Shared fixtures: the loopback HTTP server, settings pointing at a temporary DuckDB file,
an in-memory migrated warehouse, and one Prefect test harness for the whole session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import flows  # noqa: F401  (sets Prefect's offline defaults before Prefect is imported)
from demo.server import LoopbackServer
from flows.settings import Settings, use_settings
from warehouse.archive import PageArchive
from warehouse.db import Warehouse

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture
def settings(tmp_path: Path, server: LoopbackServer) -> Settings:
    """Fast, strict settings: tiny waits so retry tests do not sleep, real limits otherwise. The
    loopback server's own address is the one private host the outbound policy lets through."""
    return Settings(
        allow_private_hosts=f"127.0.0.1:{server.port}",
        db=tmp_path / "test.duckdb",
        feeds=tmp_path / "feeds.toml",
        backoff=0.01,
        max_retry_wait=0.5,
        per_host_interval=0.0,
        read_timeout=2.0,
        connect_timeout=2.0,
        attempts=3,
    )


@pytest.fixture
def wh() -> Iterator[Warehouse]:
    with Warehouse(":memory:") as warehouse:
        yield warehouse


@pytest.fixture
def archive(tmp_path: Path) -> PageArchive:
    """A WARC archive of raw pages in a temporary folder."""
    return PageArchive(str(tmp_path / "warc"))


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect API for every flow test (it costs about 13 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    os.environ.setdefault("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
    with prefect_test_harness(server_startup_timeout=120):
        yield


def shared_folder(*parts: str) -> Path:
    """A folder of ../shared, or skip the test when this machine does not have it."""
    folder = SHARED.joinpath(*parts)
    if not folder.exists():
        pytest.skip(f"{folder} is not on this machine")
    return folder


def run_daily(settings: Settings, **parameters: Any) -> dict[str, Any]:
    """Run the daily-ingest flow (under the harness) with these settings instead of the environment's."""
    from flows.ingest import daily_ingest

    with use_settings(settings):
        return daily_ingest(**parameters)


def prefect_api(path: str, body: dict[str, Any]) -> Any:
    """POST to the current Prefect API (the harness's or a server's), as the UI does."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    response = httpx.post(f"{PREFECT_API_URL.value()}{path}", json=body, timeout=30.0)
    response.raise_for_status()
    return response.json()


@contextmanager
def held(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """A read-only analyst connection in another process, held for ``seconds``."""
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               "con = duckdb.connect(sys.argv[1], read_only=True)\nprint('holding', flush=True)\n"
                               "time.sleep(float(sys.argv[2]))\n", str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert reader.stdout is not None and reader.stdout.readline().strip() == "holding"
    try:
        yield reader
    finally:
        reader.kill()
        reader.wait()
