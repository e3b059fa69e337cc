"""Feed parsing against fixtures written for the project: each ``X.xml`` (or .rdf, .json)
sits beside ``X.expected.json`` with what an analyst must get out of it."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from transforms.feeds import FeedParseError, parse_feed

FEEDS = sorted(p for p in (FIXTURES / "feeds").iterdir() if not p.name.endswith(".expected.json"))
FEED_URL = "https://feeds.gulfdesk.example/rss"


@pytest.mark.parametrize("path", FEEDS, ids=[p.name for p in FEEDS])
def test_fixture_feed_parses_to_its_expected_entries(path: Path) -> None:
    expected = json.loads(path.with_name(path.name.split(".")[0] + ".expected.json").read_text())
    parsed = parse_feed(path.read_bytes(), FEED_URL)
    assert parsed.format == expected["format"]
    assert parsed.title == expected["title"]
    assert bool(parsed.problem) is expected["problem"]
    got = [{"url": e.url, "canonical_url": e.canonical_url,
            "published_at": e.published_at.isoformat() if e.published_at else None} for e in parsed.entries]
    assert got == expected["entries"]


@pytest.mark.parametrize("path", FEEDS, ids=[p.name for p in FEEDS])
def test_every_parsed_date_is_timezone_aware_utc(path: Path) -> None:
    for entry in parse_feed(path.read_bytes(), FEED_URL).entries:
        if entry.published_at is not None:
            assert entry.published_at.tzinfo is UTC or entry.published_at.utcoffset().total_seconds() == 0


def test_entries_keep_the_raw_date_string_beside_the_parsed_one() -> None:
    entry = parse_feed((FIXTURES / "feeds" / "rss20_offsets.xml").read_bytes(), FEED_URL).entries[0]
    assert entry.published_raw == "Tue, 03 Nov 2026 23:30:00 +0300"


def test_same_story_via_tracking_parameters_gets_one_key() -> None:
    entries = parse_feed((FIXTURES / "feeds" / "jsonfeed.json").read_bytes(), FEED_URL).entries
    assert entries[0].key is not None and entries[1].key is not None
    assert entries[0].key != entries[1].key
    assert entries[2].key is None  # no URL: the pipeline files it as an error, never drops it


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>", "not a feed"),
        (b"", "not a feed"),
        (b'{"version": "1", "items": []}', "not a JSON Feed"),
        (b'{"broken json', "not valid JSON"),
    ],
    ids=["html-page", "empty-body", "json-but-not-json-feed", "truncated-json"],
)
def test_documents_that_are_no_feed_raise_a_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message):
        parse_feed(body, FEED_URL)


def test_an_empty_but_valid_feed_has_no_entries_and_no_problem() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    parsed = parse_feed(body, FEED_URL)
    assert parsed.entries == ()
    assert parsed.problem is None
