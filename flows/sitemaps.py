"""Finding a date range's articles for a refetch backfill: each source's sitemaps (named in the
feed list, else declared in robots.txt, else ``/sitemap.xml``) and its feed, read through the one
fetch seam. A plain function: the ``discover-range`` task wraps it."""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from flows.fetch import FailureKind, Fetcher, FetchError
from flows.steps import FEED_ACCEPT, unexpected
from transforms.feedlist import FeedSource
from transforms.feeds import FeedEntry, FeedParseError, parse_feed
from transforms.records import IngestError
from transforms.sitemaps import SitemapEntry, SitemapError, in_range, may_hold, parse_sitemap, robots_sitemaps
from transforms.urls import canonical_url, url_key

logger = logging.getLogger(__name__)

SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, application/x-gzip;q=0.8, text/plain;q=0.5, */*;q=0.1"
# Sitemap indexes nest: index -> yearly index -> monthly sitemap is the deepest seen in practice.
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Discovery:
    """What one source lists for a date range: entries from its sitemaps and from its feed."""

    feed: FeedSource
    from_sitemaps: tuple[FeedEntry, ...]
    from_feed: tuple[FeedEntry, ...]
    sitemaps_read: int
    undated: int  # sitemap entries without a date, which cannot be placed in the range
    errors: tuple[IngestError, ...]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def discover_range(fetcher: Fetcher, feed: FeedSource, origins: list[str], start: date, end: date,
                   max_sitemaps: int) -> Discovery:
    """The entries ``feed``'s source publishes from ``start`` to ``end`` (UTC days, inclusive).

    ``origins`` are the sites the feed's articles live on (the feed's own host is added). A
    failed sitemap or feed is an error row of stage ``backfill``; the rest carries on. Never
    raises: what our code cannot handle is the feed's error row."""
    try:
        return _discover(fetcher, feed, origins, start, end, max_sitemaps)
    except Exception as exc:
        error = unexpected("backfill", feed.url, url_key(canonical_url(feed.url) or feed.url), feed.name, exc)
        return Discovery(feed, (), (), 0, 0, (error,))


def _discover(fetcher: Fetcher, feed: FeedSource, origins: list[str], start: date, end: date,
              max_sitemaps: int) -> Discovery:
    errors: list[IngestError] = []
    sites = list(dict.fromkeys([*origins, origin_of(feed.url)]))
    queue: deque[tuple[str, int]] = deque((u, 0) for u in (list(feed.sitemaps) or _declared(fetcher, sites)))
    seen: set[str] = set()
    found: dict[str, SitemapEntry] = {}
    undated = read = 0
    while queue and read < max_sitemaps:
        url, depth = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        read += 1
        try:
            sitemap = parse_sitemap(fetcher.get(url, accept=SITEMAP_ACCEPT).body, url)
        except FetchError as exc:
            errors.append(_error(feed, url, exc.kind.value, exc.reason, exc.status))
            continue
        except SitemapError as exc:
            errors.append(_error(feed, url, FailureKind.PERMANENT.value, f"unreadable sitemap: {exc}"))
            continue
        if sitemap.kind == "index":
            queue.extend((e.url, depth + 1) for e in sitemap.entries if depth + 1 < MAX_DEPTH and may_hold(e, start))
            continue
        for entry in sitemap.entries:
            if entry.when is None:
                undated += 1
            elif in_range(entry.when, start, end):
                found.setdefault(url_key(entry.url), entry)
    if queue:
        logger.warning("%s: stopped after %d sitemaps (CONFLICTWIRE_MAX_SITEMAPS), %d not read",
                       feed.name, read, len(queue))
    from_feed = _feed_entries(fetcher, feed, start, end, errors)
    sitemap_entries = tuple(
        FeedEntry(i, e.url, e.url, key, None, e.title, None, e.lastmod_raw or (e.when.isoformat() if e.when else None),
                  e.when)
        for i, (key, e) in enumerate(found.items())
    )
    logger.info("%s: %d articles from %s to %s in %d sitemaps, %d in the feed, %d undated sitemap entries",
                feed.name, len(sitemap_entries), start, end, read, len(from_feed), undated)
    return Discovery(feed, sitemap_entries, from_feed, read, undated, tuple(errors))


def _declared(fetcher: Fetcher, sites: list[str]) -> list[str]:
    """The sitemaps each site's robots.txt declares, else each site's ``/sitemap.xml``."""
    declared: list[str] = []
    for site in sites:
        try:
            declared += robots_sitemaps(fetcher.get(f"{site}/robots.txt", accept="text/plain").body, site)
        except FetchError as exc:  # most often a 404: a site without robots.txt
            logger.info("no robots.txt at %s (%s)", site, exc.reason)
    return list(dict.fromkeys(declared)) or [f"{site}/sitemap.xml" for site in sites]


def _feed_entries(fetcher: Fetcher, feed: FeedSource, start: date, end: date,
                  errors: list[IngestError]) -> tuple[FeedEntry, ...]:
    try:
        result = fetcher.get(feed.url, accept=FEED_ACCEPT)  # no validators: we want the body
        parsed = parse_feed(result.body, result.final_url, result.content_type)
    except FetchError as exc:
        errors.append(_error(feed, feed.url, exc.kind.value, exc.reason, exc.status))
        return ()
    except FeedParseError as exc:
        errors.append(_error(feed, feed.url, FailureKind.PERMANENT.value, f"unreadable feed: {exc}"))
        return ()
    return tuple(e for e in parsed.entries if e.key is not None and in_range(e.published_at, start, end))


def _error(feed: FeedSource, url: str, kind: str, reason: str, status: int | None = None) -> IngestError:
    return IngestError("backfill", url, url_key(canonical_url(url) or url), feed.name, kind, reason, status)
