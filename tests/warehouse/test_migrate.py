from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.db import MigrationError, Warehouse, migrations


def test_migrations_apply_once_and_record_a_ledger(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse(db) as wh:
        ledger = wh.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [v for v, _ in ledger] == [v for v, _, _ in migrations()]
        assert wh.migrate() == []  # applying again is a no-op
    with Warehouse(db) as wh:
        assert wh.con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] == len(migrations())


def test_the_core_tables_exist(wh: Warehouse) -> None:
    tables = {t for (t,) in wh.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"feeds", "feed_entries", "articles", "raw_pages", "url_aliases", "ingest_errors", "runs"} <= tables


def test_an_applied_migration_that_changed_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Warehouse(db) as wh:
        wh.con.execute("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1").fetchall()
    with pytest.raises(MigrationError, match="changed after it was applied"):
        Warehouse(db)
