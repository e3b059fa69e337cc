"""A quiet day: the second daily run over 25 feeds when nothing is new. It must cost one
conditional request per feed, no article request, and write nothing but its run row."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from benchmarks.common import Result, run_cli
from benchmarks.pipeline import feed_xml, prefect_server
from demo.server import LoopbackServer, Resource

FEEDS = 25
TABLES = ("feeds", "feed_entries", "raw_pages", "articles", "url_aliases", "ingest_errors", "figures", "claims",
          "claim_figures", "article_signatures", "runs")


def page(feed: int, story: int) -> bytes:
    return (f"<html><head><title>Clashes in district {feed}</title></head><body><article><h1>Clashes in district "
            f"{feed}</h1><p>Fighting between the army and an armed group killed {story + 3} people and forced "
            f"about {100 * (story + 1)} families from their homes in district {feed} on Monday, a local official "
            "said. Aid agencies said the displaced were sheltering in two schools and a mosque, and that more "
            "people were expected to arrive as the clashes continued into a second day.</p><p>The official, who "
            "asked not to be named, said the dead included two children.</p></article></body></html>").encode()


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]


def run() -> list[Result]:
    server = LoopbackServer()
    lines = []
    for feed in range(FEEDS):
        urls = [server.add(f"http://feed{feed}.example/news/{story}.html", Resource(page(feed, story)))
                for story in range(2)]
        server.add(f"http://feed{feed}.example/rss.xml", Resource(feed_xml(urls), "application/rss+xml"))
        lines.append(f'[[feed]]\nname = "Feed {feed}"\nurl = "http://feed{feed}.example/rss.xml"\n')
    with tempfile.TemporaryDirectory(prefix="cw-quiet-") as tmp, server:
        root = Path(tmp)
        feeds, db = root / "feeds.toml", root / "quiet.duckdb"
        feeds.write_text("\n".join(lines), encoding="utf-8")
        with prefect_server(root / "prefect-home") as (api, _start, _pid):
            env = {"PREFECT_API_URL": api, "CONFLICTWIRE_PROXY": server.proxy_url,
                   "CONFLICTWIRE_PER_HOST_INTERVAL": "0", "CONFLICTWIRE_CACHE_DIR": str(root / "cache")}
            run_cli(["run", "--feeds", str(feeds), "--db", str(db)], env)
            before, hits = counts(db), sum(server.hits.values())
            wall, _ = run_cli(["run", "--feeds", str(feeds), "--db", str(db)], env)
            after, requests = counts(db), sum(server.hits.values()) - hits
    written = {t: after[t] - before[t] for t in TABLES if after[t] != before[t]}
    quiet = requests == FEEDS and written == {"runs": 1}
    return [Result("quiet day, 25 feeds", {"wall s": round(wall, 1), "requests": requests,
                                           "rows written": written or "none", "articles": after["articles"]},
                   None, round(wall, 1), "s", "1 request per feed, only the run row, < 15 s",
                   quiet and wall < 15)]
