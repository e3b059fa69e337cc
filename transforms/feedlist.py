"""The feed list: a TOML file of ``[[feed]]`` tables (name, url, optional tags, country and
sitemaps: where a refetch backfill looks for older articles than the feed lists)."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass

from transforms.urls import canonical_url, url_key

logger = logging.getLogger(__name__)


class FeedListError(ValueError):
    """The feed list cannot be used as written; the message says which entry and why."""


@dataclass(frozen=True, slots=True)
class FeedSource:
    name: str
    url: str
    tags: tuple[str, ...] = ()
    country: str | None = None
    sitemaps: tuple[str, ...] = ()


def parse_feed_list(text: str) -> list[FeedSource]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedListError(f"feed list is not valid TOML: {exc}") from exc
    raw = doc.get("feed", [])
    if not isinstance(raw, list):
        raise FeedListError("feed list must hold [[feed]] tables")
    feeds: list[FeedSource] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        name = str(item.get("name", "")).strip()
        url = str(item.get("url", "")).strip()
        if not name:
            raise FeedListError(f"feed #{number} has no name")
        if name in seen:
            raise FeedListError(f"feed name {name!r} appears twice")
        if canonical_url(url) is None:
            raise FeedListError(f"feed {name!r}: {url!r} is not an http(s) URL")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise FeedListError(f"feed {name!r}: tags must be a list of strings")
        country = item.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 3 and country.isalpha()):
            raise FeedListError(f"feed {name!r}: country must be an ISO 3166-1 alpha-3 code")
        sitemaps = item.get("sitemaps", [])
        if not isinstance(sitemaps, list) or not all(isinstance(s, str) and canonical_url(s) for s in sitemaps):
            raise FeedListError(f"feed {name!r}: sitemaps must be a list of http(s) URLs")
        seen.add(name)
        feeds.append(FeedSource(name, url, tuple(tags), country.upper() if country else None, tuple(sitemaps)))
    return feeds


def feed_key(feed: FeedSource) -> str:
    """The key a feed's own errors are filed under in ``ingest_errors``."""
    return url_key(canonical_url(feed.url) or feed.url)
