"""Every table, view and column of the warehouse says what it holds."""

from __future__ import annotations

from warehouse.db import Warehouse


def test_every_table_view_and_column_has_a_comment(wh: Warehouse) -> None:
    objects = wh.con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND comment IS NULL "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "AND comment IS NULL").fetchall()
    columns = wh.con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE schema_name = 'main' "
        "AND NOT internal AND comment IS NULL").fetchall()
    assert objects == [] and columns == [], f"add comments to warehouse/comments.sql: {objects + columns}"


def test_comments_survive_a_second_migration(wh: Warehouse) -> None:
    wh.migrate()  # views are replaced on every run, which drops their comments: they are applied again
    assert wh.con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'daily_totals' "
                          "AND comment IS NULL").fetchall() == [(0,)]
