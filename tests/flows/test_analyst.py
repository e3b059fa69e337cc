"""The analyst's warehouse on the demo: counted once, reviewable, exported, reported, readable by
the DuckDB CLI, and the README's cookbook checked against what it returns."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from demo.server import demo_server
from flows.analyst import duckdb_cli, export, fresh_dictionary, review
from flows.cli import app
from flows.report import write_report
from flows.settings import Settings
from tests.conftest import run_daily
from warehouse.analyst import refresh_and_publish
from warehouse.db import Warehouse
from warehouse.figures import reextract

pytestmark = pytest.mark.usefixtures("prefect_harness")

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COOKBOOK = dict(re.findall(r"-- ([a-z-]+): [^\n]*\n(.*?;)", README.split("### SQL cookbook", 1)[1].split("## ", 1)[0],
                           flags=re.S))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Settings:
    folder = tmp_path_factory.mktemp("analyst")
    with demo_server() as server:
        settings = Settings(db=folder / "demo.duckdb", feeds=Path(str(files("demo").joinpath("feeds.toml"))),
                            proxy=server.proxy_url, per_host_interval=0.0)
        run_daily(settings)
    return settings


def copy_of(demo: Settings, tmp_path: Path) -> Settings:
    """The demo warehouse and its snapshot copied, for a test that writes to them."""
    copied = demo.model_copy(update={"db": tmp_path / "demo.duckdb"})
    shutil.copy(demo.db, copied.db)
    shutil.copy(demo.snapshot, copied.snapshot)
    return copied


def snapshot_rows(settings: Settings, query: str, **params: Any) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(settings.snapshot), read_only=True) as con:
        return con.execute(query, params or None).fetchall()


def test_the_story_told_by_three_outlets_is_one_claim_with_three_sources_and_a_conservative_best(
        demo: Settings) -> None:
    claims = snapshot_rows(demo, "SELECT best, low, high, sources, articles, place FROM figure_claims "
                                 "WHERE country_iso3 = 'SOM' AND kind = 'killed' AND modality = 'asserted'")
    assert claims == [(9, 9, 11, 3, 3, "Mogadishu")]
    # two of the three are one near-duplicate cluster, the third is told in other words
    clusters = snapshot_rows(demo, "SELECT count(DISTINCT cluster_id) FROM articles WHERE title ILIKE '%mogadishu%'")
    assert clusters == [(2,)]
    deaths = snapshot_rows(demo, "SELECT total, claims, most_sources FROM daily_totals WHERE country_iso3 = 'SOM' "
                                 "AND kind_class = 'deaths'")
    assert deaths == [(9, 1, 3)]  # not 9 + 10 + 11, and not al Shabaab's claimed 20


def test_the_syndicated_story_counts_once_in_daily_totals(demo: Settings) -> None:
    # two URLs, one article (the copy declares the original canonical): the 23 killed in the market
    # shelling count once, from one source
    assert snapshot_rows(demo, "SELECT count(*) FROM articles WHERE title ILIKE '%El Fasher%'") == [(1,)]
    rows = snapshot_rows(demo, "SELECT day, total, claims, most_sources FROM daily_totals WHERE country_iso3 = 'SDN' "
                               "AND kind_class = 'deaths'")
    assert [(d.isoformat(), t, c, m) for d, t, c, m in rows] == [("2026-11-24", 23, 1, 1)]


@pytest.mark.parametrize("name", sorted(COOKBOOK))
def test_the_cookbook_returns_the_demo_rows(demo: Settings, name: str) -> None:
    rows = snapshot_rows(demo, COOKBOOK[name])
    expected = {
        "deaths-by-day": lambda r: (r[0][0].isoformat(), r[0][1:]) == ("2026-11-28", ("SOM", 9, 1, 3))
        and ("SDN", 23) in {(row[1], row[2]) for row in r},
        "most-reported": lambda r: [row[:6] for row in r[:2]] == [("injured", 17, 17, 17, 3, "SOM"),
                                                                  ("killed", 9, 9, 11, 3, "SOM")]
        and len(r[1][8]) == 3,
        "displacement-latest": lambda r: ("SDN", 11_000_000) in {(row[0], row[1]) for row in r},
        "provenance": lambda r: len(r) == 5 and all(row[6] and row[7] for row in r),
        "feed-health": lambda r: r[0][0] == "Horn Dispatch" and r[0][5] == 1 and r[0][6] == ["fetch:permanent"]
        and {row[0] for row in r} == {"Horn Dispatch", "Levant Monitor", "Relief Bulletin", "Sahel Wire"},
    }
    assert name in expected, f"cookbook query {name} has no expectation in this test"
    assert expected[name](rows), rows


def test_a_review_applies_at_once_and_survives_re_extraction(demo: Settings, tmp_path: Path) -> None:
    settings = copy_of(demo, tmp_path)
    ((figure_id,),) = snapshot_rows(settings, "SELECT figure_id FROM article_provenance WHERE site_name = 'Horn "
                                              "Dispatch' AND kind = 'killed' AND best = 9 AND claim_id IS NOT NULL")
    review(settings, figure_id, {"best": "12"}, "hospital toll", False, "tester")
    claim = "SELECT best, sources, reviewed FROM figure_claims WHERE country_iso3 = 'SOM' AND kind = 'killed' " \
            "AND modality = 'asserted'"
    assert snapshot_rows(settings, claim) == [(10, 3, True)]  # 12, 10, 11: the conservative best is 10
    with Warehouse(settings.db) as wh:
        reextract(wh, "reextract-test", "figures-test")  # every figure replaced, new indexes and load ids
        refresh_and_publish(wh, settings.snapshot)
    assert snapshot_rows(settings, claim) == [(10, 3, True)]
    review(settings, figure_id, {}, "not this attack", True, "tester")
    assert snapshot_rows(settings, claim) == [(10, 2, False)]  # the rejected figure is out of the claim


def test_a_review_refuses_what_it_cannot_apply(demo: Settings, tmp_path: Path) -> None:
    settings = copy_of(demo, tmp_path)
    runner = CliRunner()
    unknown = runner.invoke(app, ["review", "nope", "--set", "best=3", "--db", str(settings.db)])
    assert unknown.exit_code == 2 and "no figure 'nope'" in unknown.output
    ((figure_id,),) = snapshot_rows(settings, "SELECT figure_id FROM figures LIMIT 1")
    bad = runner.invoke(app, ["review", figure_id, "--set", "kind=murdered", "--db", str(settings.db)])
    assert bad.exit_code == 2 and "kind 'murdered'" in bad.output
    assert snapshot_rows(settings, "SELECT count(*) FROM figure_reviews") == [(0,)]


def test_sql_command_reads_the_snapshot_in_each_format(demo: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    query = "SELECT kind, best FROM figure_claims WHERE country_iso3 = 'SOM' ORDER BY best"
    as_json = runner.invoke(app, ["sql", query, "--format", "json", "--db", str(demo.db)])
    assert as_json.exit_code == 0, as_json.output
    assert [r["best"] for r in json.loads(as_json.output)] == [9, 17, 20]
    out = tmp_path / "claims.parquet"
    written = runner.invoke(app, ["sql", query, "--format", "parquet", "--out", str(out), "--db", str(demo.db)])
    assert written.exit_code == 0, written.output
    assert pl.read_parquet(out)["best"].to_list() == [9, 17, 20]
    wrong = runner.invoke(app, ["sql", "SELECT * FROM no_such_table", "--db", str(demo.db)])
    assert wrong.exit_code == 2 and "no_such_table" in wrong.output


def test_the_export_is_hive_partitioned_parquet_with_every_row(demo: Settings, tmp_path: Path) -> None:
    counts = export(demo, tmp_path / "export")
    figures = pl.scan_parquet(tmp_path / "export" / "figures" / "**" / "*.parquet", hive_partitioning=True).collect()
    assert figures.height == counts["figures"] == snapshot_rows(demo, "SELECT count(*) FROM reviewed_figures")[0][0]
    assert (tmp_path / "export" / "claims" / "date=2026-11-28").is_dir()
    assert {"claim_id", "figure_id", "sentence", "site_name"} <= set(figures.columns)


def test_the_snapshot_opens_in_the_duckdb_cli_analysts_use(demo: Settings) -> None:
    cli = duckdb_cli()
    assert cli is not None, "the duckdb-cli package is a dev dependency: `make test` installs it"
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1."), version  # older than the library that wrote the file
    done = subprocess.run([cli, "-readonly", "-json", str(demo.snapshot), "-c", COOKBOOK["most-reported"]],
                          capture_output=True, text=True, check=True, timeout=60)
    rows = json.loads(done.stdout)
    assert {"kind": "killed", "best": 9, "sources": 3} in [{k: r[k] for k in ("kind", "best", "sources")} for r in rows]


def test_the_snapshot_holds_no_raw_pages(demo: Settings) -> None:
    tables = {t for (t,) in snapshot_rows(demo, "SELECT table_name FROM duckdb_tables()")}
    assert "raw_pages" not in tables and {"articles", "figures", "claims", "figure_reviews"} <= tables


def test_the_data_dictionary_in_docs_is_the_generated_one() -> None:
    committed = (Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == fresh_dictionary(), "run `conflictwire dictionary --out docs/data-dictionary.md`"


@pytest.mark.browser
def test_the_report_renders_its_plots_in_chromium(demo: Settings, tmp_path: Path) -> None:
    from tests.flows.test_service import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: `apt-get install chromium`, as .ci/run does")
    from playwright.sync_api import sync_playwright

    report = write_report(demo.snapshot, tmp_path / "report.html")
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", text)  # the library is inside the page: it works offline
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:")
                       else route.continue_())  # offline: any network request fails
            page.goto(report.as_uri())
            page.wait_for_selector("#plot-0 .main-svg", timeout=30_000)
            assert page.locator("#plot-0 .bars path, #plot-0 .trace.bars").count() > 0  # the deaths bars are drawn
            assert page.locator("#plot-2 .table").count() > 0  # the top claims table
            shot = page.screenshot()
        finally:
            browser.close()
    assert len(shot) > 20_000  # not a blank page


def test_the_shell_without_the_duckdb_cli_is_a_read_only_sql_loop(demo: Settings, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import io

    import flows.analyst

    monkeypatch.setattr(flows.analyst, "duckdb_cli", lambda: None)
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT count(*) AS claims\nFROM figure_claims;\n"
                                                 "DELETE FROM claims;\n"))
    flows.analyst.shell(demo)
    out = capsys.readouterr().out
    assert "read-only" in out and "claims" in out
    assert "attached in read-only mode" in out  # the DELETE is refused, the loop goes on
    assert snapshot_rows(demo, "SELECT count(*) FROM claims")[0][0] > 0
