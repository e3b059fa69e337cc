"""The real saved feeds in ../shared/corpus/feeds, served from loopback through the flow.

Every feed feedparser can read loads all its items (duplicates aside); the JSON Feed loads;
the deliberately malformed feed loads through the lenient fallback parser or lands in
ingest_errors with a reason, and the run completes either way."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from demo.server import LoopbackServer, Resource
from flows.settings import Settings
from tests.conftest import run_daily, shared_folder
from transforms.urls import canonical_url
from warehouse.db import Warehouse

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.corpus]

SKIP = {"LICENSE", "MANIFEST.tsv"}


def corpus_feeds() -> list[Path]:
    root = shared_folder("corpus", "feeds")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name not in SKIP
                  and not p.name.endswith(".json"))


def test_real_feeds_load_every_item(server: LoopbackServer, settings: Settings) -> None:
    paths = corpus_feeds()
    names = {}
    lines = []
    for i, path in enumerate(paths):
        url = server.add(f"http://feeds{i}.corpus.example/{path.name}", Resource(path.read_bytes(), "application/xml"))
        name = f"{path.parent.name}/{path.name}"
        names[name] = path
        lines.append(f'[[feed]]\nname = "{name}"\nurl = "{url}"\n')
    settings.feeds.write_text("".join(lines))
    settings = settings.model_copy(update={"proxy": server.proxy_url, "max_articles": 0})

    result = run_daily(settings)
    assert result["status"] == "completed"

    with Warehouse(settings.db) as wh:
        loaded = dict(wh.con.execute("SELECT feed_id, count(*) FROM feed_entries GROUP BY feed_id").fetchall())
        failed = dict(wh.con.execute("SELECT feed_id, reason FROM ingest_errors WHERE stage = 'discover' "
                                     "AND url_key IN (SELECT url_key FROM ingest_errors)").fetchall())
    for name, path in names.items():
        parsed = feedparser.parse(path.read_bytes())
        expected = {canonical_url(e.get("link"), base=f"http://x.example/{path.name}") for e in parsed.entries}
        expected.discard(None)
        if parsed.entries:
            assert loaded.get(name, 0) == len(expected), name
        else:
            # feedparser reads nothing: our JSON Feed parser or lenient fallback must, or an error says why
            assert loaded.get(name, 0) > 0 or name in failed, name

    by_file = {path.name: name for name, path in names.items()}
    json_feed = by_file.get("d4b7ab74da763119")
    if json_feed:
        assert loaded[json_feed] == 10
    malformed = by_file.get("7ef13a42fa7e177a")
    if malformed:
        # counted independently of any parser: the distinct links inside its 35 <rss:item> elements
        text = names[malformed].read_text(encoding="utf-8", errors="replace")
        items = re.findall(r"<rss:item>(.*?)</rss:item>", text, flags=re.S)
        links = {canonical_url(m.group(1).strip()) for i in items if (m := re.search(r"<rss:link>(.*?)</", i))}
        assert len(items) == 35
        assert loaded.get(malformed, 0) == len(links) or malformed in failed
