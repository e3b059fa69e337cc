"""The backfill flow under the session's Prefect harness: reprocess from stored pages (no network)
and refetch from a loopback site's news sitemaps, both idempotent and resumable; plus the run
artifact and our log lines in the run's logs through the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from demo.server import LoopbackServer, Resource, add_sitemaps, demo_server, render_story
from flows import __version__
from flows.backfill import backfill
from flows.settings import Settings, use_settings
from flows.steps import current_versions, reextract_pages
from tests.conftest import prefect_api, run_daily
from transforms.article import EXTRACTOR
from transforms.records import ExtractorVersions, IngestError, Reextracted, StoredPage
from transforms.timeutil import utcnow
from warehouse.db import Warehouse

pytestmark = pytest.mark.usefixtures("prefect_harness")

DEMO_FEEDS = Path(str(files("demo").joinpath("feeds.toml")))


def query(settings: Settings, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with Warehouse(settings.db) as wh:
        return wh.con.execute(sql, params or None).fetchall()


def run_backfill(settings: Settings, start: date, end: date, mode: str, feeds: list[str] | None = None
                 ) -> dict[str, Any]:
    with use_settings(settings):
        return backfill(start, end, mode, feeds)  # type: ignore[arg-type]


def artifact_of(settings: Settings, run_id: str) -> str:
    (flow_run_id,) = query(settings, "SELECT flow_run_id FROM runs WHERE run_id = $r", r=run_id)[0]
    artifacts = prefect_api("/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    assert len(artifacts) == 1
    return str(artifacts[0]["data"])


@pytest.fixture
def demo_loaded(tmp_path: Path) -> Iterator[tuple[Settings, LoopbackServer]]:
    with demo_server() as server:
        settings = Settings(db=tmp_path / "demo.duckdb", feeds=DEMO_FEEDS, proxy=server.proxy_url,
                            per_host_interval=0.0)
        run_daily(settings)
        yield settings, server


def test_reprocess_replaces_out_of_date_figures_of_the_range_only_and_a_second_run_changes_nothing(
        demo_loaded: tuple[Settings, LoopbackServer], monkeypatch: pytest.MonkeyPatch) -> None:
    settings, server = demo_loaded
    figures_before = dict(query(settings, "SELECT article_key, count(*) FROM figures GROUP BY ALL"))
    hits_before = sum(server.hits.values())
    # a new figure extractor: every article it did not read is out of date
    monkeypatch.setattr("flows.backfill.current_versions",
                        lambda: ExtractorVersions(EXTRACTOR, __version__, "figures-next"))

    first = run_backfill(settings, date(2026, 11, 26), date(2026, 11, 28), "reprocess")

    in_range = {k for (k,) in query(settings, "SELECT article_key FROM articles WHERE published_at >= '2026-11-26'")}
    assert first["status"] == "completed"
    assert (first["articles_in_range"], first["articles_reprocessed"], first["up_to_date"]) == (8, 8, 0)
    assert first["texts_changed"] == 0 and first["errors"] == 0
    assert first["figures_before"] == first["figures_after"] == sum(figures_before[k] for k in in_range)
    assert sum(server.hits.values()) == hits_before  # no network
    versions = dict(query(settings, "SELECT article_key, figures_version FROM articles"))
    assert {k for k, v in versions.items() if v == "figures-next"} == in_range
    assert query(settings, "SELECT DISTINCT extractor_version, load_id FROM figures WHERE article_key IN "
                           "(SELECT unnest($keys))", keys=sorted(in_range)) == [("figures-next", first["run_id"])]
    assert dict(query(settings, "SELECT article_key, count(*) FROM figures GROUP BY ALL")) == figures_before
    assert query(settings, "SELECT count(*) FROM articles") == [(10,)]

    second = run_backfill(settings, date(2026, 11, 26), date(2026, 11, 28), "reprocess")
    assert (second["articles_reprocessed"], second["up_to_date"], second["figures_after"]) == (0, 8, 0)

    flow, parameters, status = query(settings, "SELECT flow, parameters, status FROM runs WHERE run_id = $r",
                                     r=first["run_id"])[0]
    assert (flow, status) == ("backfill", "completed")
    assert json.loads(parameters) == {"start_date": "2026-11-26", "end_date": "2026-11-28", "mode": "reprocess",
                                      "feeds": None}
    markdown = artifact_of(settings, first["run_id"])
    assert "| articles reprocessed | 8 |" in markdown and "| mode | reprocess |" in markdown
    assert "| killed | SDN |" in markdown  # figures by kind and country


def test_reprocess_limited_to_one_feed(demo_loaded: tuple[Settings, LoopbackServer],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    settings, _ = demo_loaded
    monkeypatch.setattr("flows.backfill.current_versions",
                        lambda: ExtractorVersions(EXTRACTOR, __version__, "figures-next"))
    result = run_backfill(settings, date(2026, 11, 20), date(2026, 11, 30), "reprocess", ["Levant Monitor"])
    assert result["articles_reprocessed"] == 3
    assert query(settings, "SELECT DISTINCT feed_id FROM articles WHERE figures_version = 'figures-next'") == [
        ("Levant Monitor",)]


def test_a_range_backwards_or_an_unknown_feed_fails_the_run_with_a_clear_message(
        demo_loaded: tuple[Settings, LoopbackServer]) -> None:
    settings, _ = demo_loaded
    with pytest.raises(ValueError, match="end_date 2026-11-01 is before start_date 2026-11-02"):
        run_backfill(settings, date(2026, 11, 2), date(2026, 11, 1), "reprocess")
    with pytest.raises(ValueError, match=r"unknown feed\(s\) \['Nowhere'\]"):
        run_backfill(settings, date(2026, 11, 1), date(2026, 11, 2), "reprocess", ["Nowhere"])


def test_daily_and_backfill_log_lines_reach_the_run_logs_and_the_daily_run_publishes_its_artifact(
        demo_loaded: tuple[Settings, LoopbackServer]) -> None:
    from prefect.logging.handlers import APILogHandler

    settings, _ = demo_loaded
    (run_id, flow_run_id) = query(settings, "SELECT run_id, flow_run_id FROM runs WHERE flow = 'daily-ingest'")[0]
    APILogHandler().flush()
    logs = prefect_api("/logs/filter", {"logs": {"flow_run_id": {"any_": [flow_run_id]}}})
    ours = [log["message"] for log in logs if log["name"].startswith(("flows.", "warehouse.", "transforms."))]
    assert any("feeds polled" in m for m in ours), ours
    assert any(f"run {run_id} completed" in m for m in ours)
    markdown = artifact_of(settings, run_id)
    assert "| articles new | 10 |" in markdown and "## Errors left open" in markdown
    assert "| fetch | permanent | 1 | HTTP 404 |" in markdown
    # the run's report, linked from the artifact, exists and holds the plots
    assert f"Report: [demo.report.html]({settings.report.resolve().as_uri()})" in markdown
    assert settings.report.exists() and 'id="plot-0"' in settings.report.read_text(encoding="utf-8")


# -- refetch -------------------------------------------------------------------------------------

LAKES = "http://lakeschronicle.example"
DAYS = ("2026-11-24", "2026-11-25", "2026-11-26")


def lakes_story(day: str, n: int) -> dict[str, Any]:
    return {
        "url": f"{LAKES}/{day.replace('-', '/')}/story-{n}.html", "site": "Lakes Chronicle", "author": "Desk",
        "title": f"Clashes near Sake on {day} ({n})", "published": f"{day}T0{n}:30:00+00:00",
        "body": [f"GOMA, {day} (Lakes Chronicle) - Fighting between the army and rebels forced about {n},200 "
                 "people to flee their homes around Sake in eastern Congo, local officials said.",
                 f"A health official said {n + 3} civilians were killed by shells that landed near a school, "
                 "and dozens more were wounded."],
    }


def lakes_site(server: LoopbackServer, settings: Settings, flaky: str | None = None) -> list[dict[str, Any]]:
    """Three days of two stories each in the site's sitemaps; the feed lists only the last day's."""
    stories = [lakes_story(day, n) for day in DAYS for n in (1, 2)]
    for story in stories:
        page = Resource(render_story(story))
        server.add(story["url"], [Resource(b"busy", status=503), page] if story["url"] == flaky else page)
    add_sitemaps(server, stories)
    items = "".join(f"<item><title>{s['title']}</title><link>{s['url']}</link>"
                    f"<pubDate>Thu, 26 Nov 2026 0{i + 1}:30:00 GMT</pubDate></item>"
                    for i, s in enumerate(stories[-2:]))
    server.add(f"{LAKES}/rss.xml", Resource(f'<rss version="2.0"><channel><title>Lakes</title>{items}</channel></rss>'
                                            .encode(), "application/rss+xml"))
    settings.feeds.write_text(f'[[feed]]\nname = "Lakes Chronicle"\nurl = "{LAKES}/rss.xml"\n')
    return stories


def test_refetch_loads_exactly_the_articles_of_the_chosen_days_and_a_rerun_fetches_nothing(
        server: LoopbackServer, settings: Settings) -> None:
    settings = settings.model_copy(update={"proxy": server.proxy_url})
    stories = lakes_site(server, settings)

    first = run_backfill(settings, date(2026, 11, 24), date(2026, 11, 25), "refetch")

    wanted = sorted(s["url"] for s in stories if s["published"] < "2026-11-26")
    assert first["status"] == "completed"
    assert sorted(u for (u,) in query(settings, "SELECT canonical_url FROM articles")) == wanted
    assert (first["entries_found"], first["articles_new"], first["errors"]) == (4, 4, 0)
    assert first["sitemaps_read"] == 4  # the index and one news sitemap a day; the later day's is not in range
    assert all(server.hits_for(s["url"]) == 0 for s in stories if s["published"] >= "2026-11-26")
    assert set(query(settings, "SELECT via FROM feed_entries")) == {("sitemap",)}
    per_day = dict(query(settings, "SELECT CAST(published_at AS DATE)::VARCHAR, count(*) FROM articles GROUP BY 1"))
    assert per_day == {"2026-11-24": 2, "2026-11-25": 2}
    assert query(settings, "SELECT count(*) FROM figures") != [(0,)]

    hits = {s["url"]: server.hits_for(s["url"]) for s in stories}
    second = run_backfill(settings, date(2026, 11, 24), date(2026, 11, 25), "refetch")
    assert (second["entries_new"], second["already_stored"], second["pages_fetched"]) == (0, 4, 0)
    assert {s["url"]: server.hits_for(s["url"]) for s in stories} == hits
    assert query(settings, "SELECT count(*), count(DISTINCT article_key) FROM articles") == [(4, 4)]


def test_an_interrupted_refetch_started_again_finishes_the_rest_without_duplicates(
        server: LoopbackServer, settings: Settings) -> None:
    settings = settings.model_copy(update={"proxy": server.proxy_url, "attempts": 1})
    flaky = f"{LAKES}/2026/11/25/story-2.html"
    lakes_site(server, settings, flaky=flaky)

    first = run_backfill(settings, date(2026, 11, 24), date(2026, 11, 26), "refetch")
    assert (first["articles_new"], first["errors"]) == (5, 1)
    assert query(settings, "SELECT stage, kind, http_status FROM ingest_errors") == [("fetch", "temporary", 503)]

    second = run_backfill(settings, date(2026, 11, 24), date(2026, 11, 26), "refetch")
    assert (second["pages_fetched"], second["articles_new"], second["already_stored"]) == (1, 1, 5)
    assert query(settings, "SELECT count(*), count(DISTINCT article_key) FROM articles") == [(6, 6)]
    assert query(settings, "SELECT count(*) FROM ingest_errors WHERE resolved_at IS NULL") == [(0,)]
    # the entries the feed also lists were recorded once, by the feed or the sitemap that named them first
    assert query(settings, "SELECT count(*) FROM feed_entries") == [(6,)]


def test_refetch_reads_the_sitemaps_named_in_the_feed_list_and_files_a_broken_one(
        server: LoopbackServer, settings: Settings) -> None:
    settings = settings.model_copy(update={"proxy": server.proxy_url})
    lakes_site(server, settings)
    server.add(f"{LAKES}/robots.txt", Resource(b"User-agent: *\n", "text/plain"))  # declares none
    settings.feeds.write_text(f'[[feed]]\nname = "Lakes Chronicle"\nurl = "{LAKES}/rss.xml"\nsitemaps = '
                              f'["{LAKES}/sitemaps/news-2026-11-25.xml", "{LAKES}/sitemaps/missing.xml"]\n')
    result = run_backfill(settings, date(2026, 11, 24), date(2026, 11, 26), "refetch")
    # the named sitemap (two stories) and the feed (the last day's two); the 24th is in no source read
    assert (result["articles_new"], result["sitemaps_read"], result["errors"]) == (4, 2, 1)
    assert query(settings, "SELECT stage, kind, http_status, url FROM ingest_errors") == [
        ("backfill", "permanent", 404, f"{LAKES}/sitemaps/missing.xml")]


def test_the_demo_story_that_left_the_feed_is_found_by_a_refetch_of_its_day(
        demo_loaded: tuple[Settings, LoopbackServer]) -> None:
    settings, _ = demo_loaded
    result = run_backfill(settings, date(2026, 11, 20), date(2026, 11, 20), "refetch")
    assert (result["articles_new"], result["errors"]) == (1, 0)
    assert query(settings, "SELECT title FROM articles WHERE published_at < '2026-11-21'") == [
        ("Ambush on fuel convoy kills nine in central Mali",)]


# -- the reprocess step, without Prefect ------------------------------------------------------------

def stored(html: bytes, date_source: str = "feed") -> StoredPage:
    return StoredPage("k1", "http://wire.example/a.html", "Wire", utcnow(), date_source, "old-hash",
                      b"", utcnow(), "raw1", 3, body=html)


def test_reextracting_keeps_the_feed_or_http_date_and_says_whether_the_text_changed() -> None:
    # a page that states no date of its own: the date stored with the article stays, and says where it came from
    body = "".join(f"<p>{p.replace('2026-11-24', 'Tuesday')}</p>" for p in lakes_story("2026-11-24", 1)["body"])
    page = f"<html><head><title>Clashes near Sake</title></head><body><article>{body}</article></body></html>".encode()
    versions = current_versions()
    batch = reextract_pages([stored(page, "http")], versions, 200)
    (result,) = batch.outcomes
    assert isinstance(result, Reextracted)
    assert result.date_source == "http" and result.text_changed and result.figures_before == 3
    assert result.figures_version == versions.figures_version and result.figures
    # the figures also come back as the batch's typed frame, for the single writer to load as is
    assert batch.figures.height == len(result.figures)
    assert set(batch.figures["extractor_version"]) == {versions.figures_version}


def test_a_stored_page_that_no_longer_extracts_is_an_error_of_stage_reprocess() -> None:
    batch = reextract_pages([stored(b"<html><body><p>Subscribe</p></body></html>")], current_versions(), 200)
    (result,) = batch.outcomes
    assert isinstance(result, IngestError) and batch.figures.is_empty()
    assert (result.stage, result.kind, result.url_key, result.raw_sha256) == ("reprocess", "permanent", "k1", "raw1")


def test_the_backfill_command_runs_the_same_flow_locally(demo_loaded: tuple[Settings, LoopbackServer]) -> None:
    from typer.testing import CliRunner

    from flows.cli import app

    settings, _ = demo_loaded
    query(settings, "UPDATE articles SET figures_version = 'figures-old' WHERE feed_id = 'Sahel Wire'")
    args = ["backfill", "--start", "2026-11-20", "--end", "2026-11-30", "--db", str(settings.db),
            "--feeds", str(DEMO_FEEDS)]
    done = CliRunner().invoke(app, [*args, "--mode", "reprocess", "--feed", "Sahel Wire"])
    assert done.exit_code == 0, done.output
    assert "completed" in done.output and "3 articles reprocessed" in done.output
    assert query(settings, "SELECT count(*) FROM articles WHERE figures_version = 'figures-old'") == [(0,)]
    wrong = CliRunner().invoke(app, [*args, "--mode", "everything"])
    assert wrong.exit_code == 2 and "mode must be reprocess or refetch" in wrong.output
