"""Article page HTML to body text and metadata, with trafilatura and htmldate.

Both libraries receive the bytes we fetched; neither fetches anything. The publication date
records where it came from (``page``: the page's own metadata via htmldate, ``feed``: the feed
entry, ``none``), because analysts weigh a date by its source.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib.metadata import version

import trafilatura
from trafilatura.settings import Document

from transforms.charset import decode_html
from transforms.timeutil import as_utc, parse_datetime
from transforms.urls import canonical_url

logger = logging.getLogger(__name__)

# Bodies shorter than this are navigation, paywall stubs or error pages, not articles.
MIN_BODY_CHARS = 200
# A publication date more than this far after the fetch is a template or a typo.
FUTURE_TOLERANCE = timedelta(days=1)
# trafilatura's own extractor runs first on its own (``fast``); readability and jusText, which it
# would otherwise run on every page to compare, run only when that pass finds less body than
# this. Measured on the 262 pages of ../shared/corpus/html that have a reference body: a quarter
# less CPU a page, and body quality the same or better (scrapinghub 4-shingle F1 0.950 -> 0.953,
# mozilla readability pages 0.756 -> 0.768; trafilatura's own news sample keeps 0.929 of its
# must-have snippets against 0.943 and shuts out the same boilerplate).
COMPARE_BELOW_CHARS = 500
# What made an article's body, stored with it: a change here (a new trafilatura, another way of
# calling it) is what tells a reprocess backfill that stored bodies are out of date.
EXTRACTOR = f"trafilatura {version('trafilatura')} fast, compared below {COMPARE_BELOW_CHARS} chars"

_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
# Bodies servers send as text/html that are not: the magic numbers of the usual suspects.
_MAGIC = ((b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive"), (b"\x1f\x8b", "gzip data"),
          (b"RIFF", "a RIFF (WebP, WAV) file"), (b"\x00\x00\x00", "binary data"))


class ExtractionError(Exception):
    """The page holds no article body we can use: a permanent failure of this page."""


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    title: str | None
    author: str | None
    site_name: str | None
    language: str | None
    text: str
    text_sha256: str
    page_canonical_url: str | None
    published_at: datetime | None
    date_source: str
    extractor: str


def extract_article(html: bytes, url: str, feed_published: datetime | None, fetched_at: datetime,
                    min_chars: int = MIN_BODY_CHARS, http_date: datetime | None = None,
                    content_type: str | None = None) -> ExtractedArticle:
    """Extract the main text and metadata of one page. Raises ``ExtractionError`` when there is
    no usable body.

    The bytes are decoded first, the HTTP ``content_type``'s charset, the page's meta charset and
    the bytes themselves reconciled (``transforms.charset``).

    The publication date is the page's own (htmldate), else the feed entry's, else the HTTP
    response's Last-Modified, in that order of trust; a date more than a day after the fetch is
    no publication date. ``date_source`` says which won: page, feed, http or none."""
    latest = fetched_at + FUTURE_TOLERANCE
    kind = sniff_non_html(html)
    if kind:
        raise ExtractionError(f"not a web page: the body is {kind}")
    page = decode_html(html, content_type).text
    doc = _trafilatura(page, url, latest, fast=True)
    if doc is None or len((doc.text or "").strip()) < COMPARE_BELOW_CHARS:
        doc = _trafilatura(page, url, latest, fast=False)  # what trafilatura's default settings would give
    if doc is None or not doc.text:
        raise ExtractionError("no article body found in the page")
    text = doc.text.strip()
    if len(text) < min_chars:
        raise ExtractionError(f"article body too short ({len(text)} characters, need {min_chars})")

    page_date = parse_datetime(doc.date) if doc.date else None
    if page_date is not None and page_date > latest:
        page_date = None
    if page_date is not None:
        published_at, source = page_date, "page"
    elif feed_published is not None and as_utc(feed_published) <= latest:
        published_at, source = as_utc(feed_published), "feed"
    elif http_date is not None and as_utc(http_date) <= latest:
        published_at, source = as_utc(http_date), "http"
    else:
        published_at, source = None, "none"

    return ExtractedArticle(
        title=doc.title or None,
        author=doc.author or None,
        site_name=doc.sitename or None,
        language=(doc.language or _html_lang(page)),
        text=text,
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        page_canonical_url=_page_canonical(doc.url, url),
        published_at=published_at,
        date_source=source,
        extractor=EXTRACTOR,
    )


def _trafilatura(page: str, url: str, latest: datetime, fast: bool) -> Document | None:
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            fast=fast,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={
                "original_date": True,
                # Only dates the page states as metadata (or in its URL): the extensive search
                # guesses from copyright lines and body text, which is worse than the feed date.
                "extensive_search": False,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
                "max_date": latest.strftime("%Y-%m-%d"),
            },
        )
    except (ValueError, TypeError, AttributeError) as exc:  # trafilatura on pathological markup
        raise ExtractionError(f"trafilatura failed: {type(exc).__name__}: {exc}") from exc
    return doc if isinstance(doc, Document) else None


def sniff_non_html(body: bytes) -> str | None:
    """What a body is when its first bytes say it is no web page at all, else None."""
    head = body[:16].lstrip(b"\xef\xbb\xbf")
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def _html_lang(page: str) -> str | None:
    match = _HTML_LANG.search(page[:4096])
    return match.group(1).lower() if match else None


def _page_canonical(declared: str | None, fetched_url: str) -> str | None:
    """The page's own canonical URL, when it names an article (a site's home page as og:url is
    a common template mistake and must not merge every article of the site into one)."""
    canonical = canonical_url(declared, base=fetched_url) if declared else None
    if canonical is None:
        return None
    path = canonical.split("://", 1)[1].partition("/")[2]
    return canonical if path.strip("/") else None
