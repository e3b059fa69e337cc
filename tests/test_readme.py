"""The README's SQL runs against the real schema, and every command it lists exists."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from flows.cli import app
from warehouse.db import Warehouse

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
STATEMENTS = [s.strip() for block in re.findall(r"```sql\n(.*?)```", README, flags=re.S)
              for s in block.split(";") if s.strip()]


@pytest.mark.parametrize("statement", STATEMENTS, ids=[f"sql-{i}" for i in range(len(STATEMENTS))])
def test_readme_sql_runs_on_the_warehouse(wh: Warehouse, statement: str) -> None:
    try:
        wh.con.execute(statement).fetchall()
    except duckdb.Error as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"README SQL failed: {exc}\n{statement}")


def test_every_documented_command_exists() -> None:
    documented = set(re.findall(r"`conflictwire ([a-z-]+)", README))
    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert documented <= commands, documented - commands
