"""The one settings object. Built at the entry point (CLI or flow), passed down; read from
``CONFLICTWIRE_*`` environment variables. Domain constants are not settings.

Flows take only what an operator fills in a form (dates, a mode, feed names) as parameters;
their settings come from the environment of the process that runs them (a worker, the CLI).
``use_settings`` lets the CLI and the tests hand a flow a settings object of their own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from flows import __version__
from warehouse.archive import PageArchive
from warehouse.db import Warehouse
from warehouse.loader import DeadFeedRule


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONFLICTWIRE_", extra="ignore")

    db: Path = Field(Path("data/conflictwire.duckdb"), description="DuckDB file (CONFLICTWIRE_DB)")
    feeds: Path = Field(Path("feeds.toml"), description="feed list (TOML)")

    # HTTP: every request goes through flows.fetch with these limits.
    user_agent: str = f"conflictwire/{__version__} (conflict news research crawler; +https://github.com/conflictwire)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 10_000_000
    attempts: int = Field(3, ge=1, description="tries per request within one run (5xx, 429, network)")
    backoff: float = Field(1.0, ge=0, description="first retry wait in seconds; doubles each try")
    max_retry_wait: float = Field(60.0, ge=0, description="longest Retry-After we wait for in a run")
    per_host_concurrency: int = Field(2, ge=1)
    per_host_interval: float = Field(1.0, ge=0, description="minimum seconds between requests to a host")
    workers: int = Field(8, ge=1, description="requests in flight across all hosts")
    proxy: str | None = None
    request_deadline: float = Field(60.0, gt=0, description="longest one request may take, body included (seconds)")
    allow_private_hosts: str | None = Field(
        None, description="comma-separated host or host:port the outbound policy lets through although they are "
                          "loopback, private or link-local (CONFLICTWIRE_ALLOW_PRIVATE_HOSTS)")

    # Pipeline
    # Each batch costs a fetch, an extract and a load task (Prefect's bookkeeping, on the client and
    # the server) and a warehouse open and close: at 50 pages that was about a tenth of a run on
    # real pages; at 100 a batch is still only some 3 MB of pages in memory.
    batch_size: int = Field(100, ge=1, description="articles per fetch/extract/load task")
    max_error_attempts: int = Field(3, ge=1, description="runs that retry a temporary failure")
    max_articles: int | None = Field(None, ge=0, description="cap on pages fetched per run (0: discover only)")
    min_body_chars: int = 200
    refresh_every: float = Field(30.0, ge=0, description="seconds between refreshes of the analyst layer and its "
                                                         "snapshot during a run (the end of a run always refreshes)")
    lock_timeout: float = Field(120.0, ge=0, description="seconds the writer waits for a warehouse another "
                                                         "process holds before the step fails")
    abandon_after_hours: float = Field(72.0, gt=0, description="a 'running' run of another machine older than "
                                                               "this is marked abandoned")

    # Feeds that are gone (Media Cloud's hard failures): polled rarely, listed by `conflictwire feeds`
    dead_after_gone: int = Field(3, ge=1, description="polls in a row answered 410 before a feed is dead")
    dead_after_missing_days: int = Field(14, ge=1, description="days of 404s before a feed is dead")
    dead_poll_days: int = Field(7, ge=1, description="days between polls of a dead feed")

    # Where the CPU stage runs (flows/pool.py) and where raw pages are kept (warehouse/archive.py)
    extract_processes: int | None = Field(
        None, ge=1, description="processes extracting articles; 1: the flow's own threads; unset: one per core on "
                                "runs of at least `parallel_from` pages")
    parallel_from: int = Field(200, ge=1, description="pages a run needs before unset extract_processes starts "
                                                      "a process pool (small runs do not pay its start-up)")
    task_runner: Literal["local", "dask"] = Field(
        "local", description="local: threads and processes of this machine; dask: prefect-dask's DaskTaskRunner")
    dask_address: str | None = Field(None, description="scheduler of an existing Dask cluster (tcp://host:8786); "
                                                       "unset: a local cluster")
    dask_workers: int = Field(2, ge=1, description="worker processes of the local Dask cluster")
    archive: str | None = Field(None, description="where raw pages are kept as WARC files: a folder or an fsspec "
                                                  "URL (s3://bucket/pages); unset: <db>.warc beside the warehouse")

    # Backfills
    max_sitemaps: int = Field(200, ge=1, description="sitemap documents read per source in one refetch backfill")

    # Operations: the Prefect server `conflictwire serve` starts, and the daily schedule
    daily_hour: int = Field(5, ge=0, le=23, description="UTC hour of the daily-ingest schedule")
    serve_host: str = Field("127.0.0.1", description="address the Prefect server of `conflictwire serve` binds")
    serve_port: int = Field(4200, ge=1, le=65535, description="its port (API under /api, UI at /)")

    @property
    def snapshot(self) -> Path:
        """The analysts' read-only copy of the warehouse, beside it (warehouse/snapshot.py)."""
        from warehouse.snapshot import snapshot_path

        return snapshot_path(self.db)

    @property
    def report(self) -> Path:
        """The HTML report the daily flow writes after each run, beside the warehouse."""
        return self.db.with_name(f"{self.db.stem}.report.html")

    @property
    def archive_root(self) -> str:
        return self.archive or str(self.db.with_name(f"{self.db.stem}.warc"))

    def page_archive(self) -> PageArchive:
        return PageArchive(self.archive_root)

    def open_warehouse(self, read_only: bool = False) -> Warehouse:
        """The warehouse file, waiting up to ``lock_timeout`` for another process's lock."""
        return Warehouse(self.db, read_only=read_only, lock_timeout=self.lock_timeout)

    def dead_feed_rule(self) -> DeadFeedRule:
        return DeadFeedRule(self.dead_after_gone, self.dead_after_missing_days, self.dead_poll_days)


_override: ContextVar[Settings | None] = ContextVar("conflictwire_settings", default=None)


def current_settings() -> Settings:
    """The settings a flow runs with: those given to ``use_settings``, else the environment's."""
    return _override.get() or Settings()


@contextmanager
def use_settings(settings: Settings) -> Iterator[Settings]:
    """Run flows called inside this block with ``settings`` instead of the environment's."""
    token = _override.set(settings)
    try:
        yield settings
    finally:
        _override.reset(token)
