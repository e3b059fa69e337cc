"""Another process holding the warehouse file: the writer waits, within its bound, then says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import held
from warehouse.db import Warehouse, WarehouseBusyError


def test_the_writer_waits_for_a_reader_that_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    Warehouse(path).close()
    with held(path, 1.5):
        with Warehouse(path, lock_timeout=30) as wh:
            assert wh.con.execute("SELECT count(*) FROM schema_migrations").fetchone() is not None


def test_a_lock_held_past_the_bound_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    Warehouse(path).close()
    with held(path, 30), pytest.raises(WarehouseBusyError, match="held by another process for over 0s"):
        Warehouse(path, lock_timeout=0.3)
