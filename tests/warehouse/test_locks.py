"""Another process holding the warehouse file: the writer waits, within its bound, then says so."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from warehouse.db import Warehouse, WarehouseBusyError


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
