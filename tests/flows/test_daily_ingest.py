"""The daily-ingest flow end to end: a real Prefect run (one session-scoped test harness), a real
DuckDB file, real HTTP on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from demo.server import LoopbackServer, Resource, demo_server, render_story
from flows.settings import Settings
from tests.conftest import run_daily
from warehouse.db import Warehouse

pytestmark = pytest.mark.usefixtures("prefect_harness")

PARAGRAPHS = [
    "GOMA, Nov 20 (Lakes Chronicle) - Fighting between the army and M23 rebels forced thousands of people "
    "to flee their homes around Sake in eastern Congo this week, local officials said on Friday.",
    "A health official said at least six civilians were killed by shells that landed near a school.",
]


def story(url: str, title: str = "Thousands flee fighting near Sake") -> Resource:
    return Resource(render_story({"url": url, "site": "Lakes Chronicle", "title": title, "author": "Desk",
                                  "published": "2026-11-20T10:00:00+00:00", "body": PARAGRAPHS}))


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>{link}</link>"
                    f"<pubDate>Fri, 20 Nov 2026 10:0{i}:00 GMT</pubDate></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>{items}'
            f"</channel></rss>").encode()


def write_feeds(settings: Settings, feeds: dict[str, str]) -> None:
    settings.feeds.write_text("".join(f'[[feed]]\nname = "{n}"\nurl = "{u}"\n' for n, u in feeds.items()))


def query(settings: Settings, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with Warehouse(settings.db) as wh:
        return wh.con.execute(sql, params or None).fetchall()


def test_demo_loads_each_story_once_files_the_broken_page_and_reruns_as_a_no_op(tmp_path: Path) -> None:
    from importlib.resources import files

    with demo_server() as server:
        settings = Settings(db=tmp_path / "demo.duckdb", feeds=Path(str(files("demo").joinpath("feeds.toml"))),
                            proxy=server.proxy_url, per_host_interval=0.0)
        first = run_daily(settings)
        pages_first = {k: n for k, n in server.hits.items() if "/20" in k or "/updates/" in k}
        second = run_daily(settings)
        pages_second = {k: n for k, n in server.hits.items() if "/20" in k or "/updates/" in k}

    assert first["status"] == "completed" and first["articles_new"] == 10
    titles = [t for (t,) in query(settings, "SELECT title FROM articles ORDER BY title")]
    assert len(titles) == len(set(titles)) == 10  # the syndicated El Fasher story and the duplicate URL load once
    assert query(settings, "SELECT reason FROM url_aliases") == [("page_canonical",)]
    errors = query(settings, "SELECT stage, kind, http_status, url FROM ingest_errors")
    assert errors == [("fetch", "permanent", 404,
                       "http://horndispatch.example/news/2026/11/28/ethiopia-amhara-drone-strike")]
    # every entry of every feed ended as an article, an alias or an error
    unaccounted = query(settings, """
        SELECT count(*) FROM feed_entries e
        WHERE e.entry_key NOT IN (SELECT article_key FROM articles)
          AND e.entry_key NOT IN (SELECT alias_key FROM url_aliases)
          AND e.entry_key NOT IN (SELECT url_key FROM ingest_errors)""")
    assert unaccounted == [(0,)]

    assert (second["entries_new"], second["pages_fetched"], second["articles_new"]) == (0, 0, 0)
    assert second["feeds_unchanged"] == 4
    assert pages_second == pages_first  # not one article page requested again
    assert query(settings, "SELECT count(*) FROM articles") == [(10,)]

    # every story's figures are loaded once, with the sentence each came from
    per_article = dict(query(settings, "SELECT a.title, count(f.figure_index) FROM articles a "
                                       "LEFT JOIN figures f USING (article_key) GROUP BY a.title"))
    assert all(n > 0 for n in per_article.values()), per_article
    # what each story is about, and every figure with a context of its own
    contexts = dict(query(settings, "SELECT title, context FROM articles"))
    assert contexts["Gunmen kill 14 villagers in northern Burkina Faso"] == "conflict"
    assert contexts["Floods force 12,000 from their homes in Niger's Tillaberi region"] == "disaster"
    assert query(settings, "SELECT count(*) FROM figures WHERE context IS NULL") == [(0,)]
    assert query(settings, "SELECT count(*) FROM figures WHERE sentence NOT LIKE '%' || number_text || '%'") == [(0,)]
    car_bomb = query(settings, "SELECT kind, best, qualifier FROM figures f JOIN articles a USING (article_key) "
                               "WHERE a.title LIKE 'Car bomb%' AND f.part_of IS NULL AND NOT f.cumulative "
                               "AND f.modality = 'asserted' ORDER BY f.figure_index")
    assert car_bomb == [("killed", 9, "at_least"), ("injured", 17, "exact")]


def test_unchanged_feeds_cost_one_request_by_etag_or_by_body_hash(server: LoopbackServer,
                                                                   settings: Settings) -> None:
    page = server.add(server.url("/a"), story(server.url("/a")))
    with_etag = server.add(server.url("/etag.xml"), Resource(rss(page), "application/rss+xml"))
    # a server that ignores conditional requests and sends no validators
    no_etag = server.add(server.url("/plain.xml"), Resource(rss(page), "application/rss+xml", conditional=False))
    write_feeds(settings, {"with etag": with_etag, "without etag": no_etag})

    run_daily(settings)
    second = run_daily(settings)

    assert second["feeds_unchanged"] == 2 and second["entries_new"] == 0
    second_request = server.requests_for(with_etag)[1]
    assert second_request["if-none-match"] and second_request["if-modified-since"]
    assert server.hits_for(with_etag) == server.hits_for(no_etag) == 2
    assert server.hits_for(page) == 1
    states = query(settings, "SELECT feed_id, etag IS NOT NULL, body_sha256 IS NOT NULL, failure_count, "
                             "last_success_at IS NOT NULL FROM feeds ORDER BY feed_id")
    assert states == [("with etag", True, True, 0, True), ("without etag", False, True, 0, True)]


def test_failed_pages_land_in_errors_and_only_temporary_ones_are_retried_up_to_the_limit(
        server: LoopbackServer, settings: Settings) -> None:
    good = server.add(server.url("/good"), story(server.url("/good")))
    missing = server.url("/missing")  # 404
    broken = server.add(server.url("/broken"), Resource(b"oops", status=500))
    empty = server.add(server.url("/empty"), Resource(b"<html><body><nav>Home</nav></body></html>"))
    feed = server.add(server.url("/feed.xml"), Resource(rss(good, missing, broken, empty), "application/rss+xml",
                                                        conditional=False))
    write_feeds(settings, {"test": feed})
    settings = settings.model_copy(update={"attempts": 1, "max_error_attempts": 2})

    run_daily(settings)
    errors = {url: (stage, kind, status, attempts) for stage, kind, status, attempts, url in query(
        settings, "SELECT stage, kind, http_status, attempts, url FROM ingest_errors")}
    assert errors == {missing: ("fetch", "permanent", 404, 1), broken: ("fetch", "temporary", 500, 1),
                      empty: ("extract", "permanent", 200, 1)}

    run_daily(settings)  # retries the 500 only
    run_daily(settings)  # the 500 has used its 2 attempts: left alone
    assert (server.hits_for(missing), server.hits_for(broken), server.hits_for(empty), server.hits_for(good)) == (
        1, 2, 1, 1)
    assert query(settings, "SELECT attempts FROM ingest_errors WHERE url = $url", url=broken) == [(2,)]
    assert query(settings, "SELECT raw_sha256 IS NOT NULL FROM ingest_errors WHERE stage = 'extract'") == [(True,)]


def test_a_page_that_recovers_closes_its_error(server: LoopbackServer, settings: Settings) -> None:
    url = server.add(server.url("/later"), [Resource(b"", status=503), story(server.url("/later"))])
    write_feeds(settings, {"test": server.add(server.url("/f.xml"), Resource(rss(url), "application/rss+xml"))})
    settings = settings.model_copy(update={"attempts": 1})
    run_daily(settings)
    run_daily(settings)
    assert query(settings, "SELECT count(*) FROM articles") == [(1,)]
    assert query(settings, "SELECT resolved_at IS NOT NULL FROM ingest_errors") == [(True,)]


def test_a_failing_feed_is_recorded_and_does_not_stop_the_others(server: LoopbackServer,
                                                                 settings: Settings) -> None:
    page = server.add(server.url("/a"), story(server.url("/a")))
    ok = server.add(server.url("/ok.xml"), Resource(rss(page), "application/rss+xml"))
    down = server.add(server.url("/down.xml"), Resource(b"", status=502))
    junk = server.add(server.url("/junk.xml"), Resource(b"<html><body>Moved</body></html>", "text/html"))
    write_feeds(settings, {"ok": ok, "down": down, "junk": junk})
    result = run_daily(settings.model_copy(update={"attempts": 1}))
    assert result["status"] == "completed" and result["feeds_failed"] == 2 and result["articles_new"] == 1
    feeds = query(settings, "SELECT feed_id, failure_count, last_error FROM feeds ORDER BY feed_id")
    assert feeds[0][:2] == ("down", 1) and "502" in feeds[0][2]
    assert feeds[1][:2] == ("junk", 1) and "unreadable feed" in feeds[1][2]
    assert feeds[2] == ("ok", 0, None)
    assert sorted(query(settings, "SELECT stage, kind FROM ingest_errors")) == [
        ("discover", "permanent"), ("discover", "temporary")]


def test_entries_without_a_link_become_error_rows(server: LoopbackServer, settings: Settings) -> None:
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            b"<item><title>No link here</title><guid isPermaLink='false'>x-1</guid></item></channel></rss>")
    write_feeds(settings, {"t": server.add(server.url("/f.xml"), Resource(body, "application/rss+xml"))})
    run_daily(settings)
    assert query(settings, "SELECT stage, reason FROM ingest_errors") == [("discover", "entry has no usable link")]


def test_a_feeds_country_is_the_last_resort_for_figures_whose_text_names_no_place(
        server: LoopbackServer, settings: Settings) -> None:
    unplaced = ["Gunmen killed four farmers and wounded two others in an attack on their village overnight, "
                "a local official said on Friday.", "The army said it had sent reinforcements to the area."]
    page = server.add(server.url("/local"), Resource(render_story({
        "url": server.url("/local"), "site": "Kivu Daily", "title": "Four farmers killed", "author": "Desk",
        "published": "2026-11-20T10:00:00+00:00", "body": unplaced})))
    placed = server.add(server.url("/placed"), story(server.url("/placed")))
    feed = server.add(server.url("/f.xml"), Resource(rss(page, placed), "application/rss+xml"))
    settings.feeds.write_text(f'[[feed]]\nname = "Kivu Daily"\nurl = "{feed}"\ncountry = "COD"\n')
    run_daily(settings)
    rows = query(settings, "SELECT a.title, f.kind, f.country_iso3, f.geo_precision, f.place FROM figures f "
                           "JOIN articles a USING (article_key) ORDER BY a.title, f.figure_index")
    local = [r for r in rows if r[0] == "Four farmers killed"]
    assert local and all(r[2:] == ("COD", "country", None) for r in local)
    # a figure whose text names its place keeps that place
    assert any(r[0] != "Four farmers killed" and r[4] == "Sake" and r[3] == "town" for r in rows), rows
