"""The DuckDB warehouse: connection, migrations, and named SQL files run with parameters.

SQL lives in ``warehouse/sql/*.sql`` and ``warehouse/migrations/NNNN_*.sql``; Python only
passes values as parameters and frames as registered views, never by formatting strings.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

logger = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

LEDGER_DDL = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL
)
"""


class WarehouseBusyError(RuntimeError):
    """Another process held the warehouse file for longer than we were willing to wait."""


class MigrationError(RuntimeError):
    """An applied migration's file changed after it was applied, or migrations are misnumbered."""


@cache
def sql(name: str) -> str:
    """The text of ``warehouse/sql/<name>.sql``."""
    return files("warehouse").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, text) of every migration, in order."""
    found = []
    for entry in files("warehouse").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def _connect(path: str, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying with backoff while another process holds its lock (DuckDB lets
    one process write, and refuses every other process meanwhile, readers included)."""
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() + delay > deadline:
                raise WarehouseBusyError(f"{path} is held by another process for over {lock_timeout:.0f}s: "
                                         f"{exc}") from exc
            logger.info("%s is held by another process; trying again in %.2fs", path, delay)
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


class Warehouse:
    """One open DuckDB file. DuckDB allows one writing process per file, so a flow opens the
    warehouse once per step that writes and closes it straight after."""

    def __init__(self, path: Path | str, read_only: bool = False, lock_timeout: float = 120.0) -> None:
        self.path = Path(path)
        if str(path) != ":memory:" and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(str(path), read_only, lock_timeout)
        self.con.execute("SET TimeZone = 'UTC'").fetchall()
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations --------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations, each with its ledger row in one transaction. Idempotent."""
        self.con.execute(LEDGER_DDL).fetchall()
        applied = {v: digest for v, digest in
                   self.con.execute("SELECT version, sha256 FROM schema_migrations").fetchall()}
        done = []
        for version, name, text in migrations():
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if version in applied:
                if applied[version] != digest:
                    raise MigrationError(f"migration {name} changed after it was applied")
                continue
            with self.transaction():
                self.con.execute(text).fetchall()
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES ($version, $name, $sha256, $applied_at)",
                    {"version": version, "name": name, "sha256": digest, "applied_at": datetime.now(UTC)},
                ).fetchall()
            logger.info("applied migration %s", name)
            done.append(name)
        from warehouse.analyst import ensure_views  # the views and comments build on the tables

        ensure_views(self.con, force=bool(done))
        return done

    # -- running named SQL -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION").fetchall()
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK").fetchall()
            raise
        self.con.execute("COMMIT").fetchall()

    def rows(self, name: str, **params: Any) -> list[tuple[Any, ...]]:
        return self.con.execute(sql(name), params or None).fetchall()

    def frame(self, name: str, **params: Any) -> pl.DataFrame:
        result: pl.DataFrame = self.con.sql(sql(name), params=params or None).pl()
        return result

    def load(self, name: str, incoming: pl.DataFrame, frames: dict[str, pl.DataFrame] | None = None,
             **params: Any) -> None:
        """Run ``name`` with ``incoming`` (and any other ``frames``) visible as views. Frames, not
        rows: DuckDB loads a polars frame orders of magnitude faster than executemany."""
        views = {"incoming": incoming, **(frames or {})}
        if all(frame.is_empty() for frame in views.values()):
            return
        for view, frame in views.items():
            self.con.register(view, frame)
        try:
            self.con.execute(sql(name), params or None).fetchall()
        finally:
            for view in views:
                self.con.unregister(view)
