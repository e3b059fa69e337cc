"""The pipeline's steps as plain functions: Prefect tasks in ``flows.ingest`` wrap them, tests
call them directly. Each turns failures of one item into an ``IngestError`` record and never
lets one feed or page stop the others."""

from __future__ import annotations

import hashlib
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import polars as pl

from flows import __version__
from flows.fetch import FailureKind, Fetcher, FetchError, FetchResult
from transforms.article import EXTRACTOR, ExtractedArticle, ExtractionError, extract_article
from transforms.context import classify_context
from transforms.feedlist import FeedSource, feed_key
from transforms.feeds import FeedParseError, parse_feed
from transforms.figures import EXTRACTOR_VERSION, extract_figures
from transforms.normalise import ARTICLE_INDEX, batch_figures_frame
from transforms.records import (
    ArticleRow,
    ExtractorVersions,
    FeedCheck,
    FeedState,
    IngestError,
    PageJob,
    RawPage,
    Reextracted,
    StoredPage,
)
from transforms.timeutil import parse_datetime, utcnow
from transforms.urls import canonical_url, url_key

logger = logging.getLogger(__name__)

A = TypeVar("A", ArticleRow, Reextracted)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
               "application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    job: PageJob
    result: FetchResult
    raw: RawPage


def unexpected(stage: str, url: str, key: str, feed_id: str | None, exc: Exception,
               raw_sha256: str | None = None) -> IngestError:
    """The error row of an item our code raised on, its traceback logged."""
    logger.error("%s of %s failed unexpectedly", stage, url, exc_info=exc)
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return IngestError(stage, url, key, feed_id, FailureKind.UNEXPECTED.value, reason[:500], None, raw_sha256)


def check_feed(fetcher: Fetcher, feed: FeedSource, state: FeedState) -> FeedCheck:
    """Poll one feed with conditional headers; parse it only when its body changed. Never
    raises: whatever goes wrong is the feed's error row."""
    started = utcnow()
    try:
        return _check_feed(fetcher, feed, state, started)
    except Exception as exc:
        return FeedCheck(feed, started, "failed", state.etag, state.last_modified, state.body_sha256,
                         errors=(unexpected("discover", feed.url, feed_key(feed), feed.name, exc),))


def _check_feed(fetcher: Fetcher, feed: FeedSource, state: FeedState, started: datetime) -> FeedCheck:
    try:
        result = fetcher.get(feed.url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT)
    except FetchError as exc:
        error = IngestError("discover", feed.url, feed_key(feed), feed.name, exc.kind.value, exc.reason, exc.status,
                            tries=exc.attempts)
        return FeedCheck(feed, started, "failed", errors=(error,))
    etag = result.headers.get("etag") or state.etag
    last_modified = result.headers.get("last-modified") or state.last_modified
    if result.not_modified:
        return FeedCheck(feed, started, "unchanged", etag, last_modified, state.body_sha256)
    digest = hashlib.sha256(result.body).hexdigest()
    if digest == state.body_sha256:
        # Some servers ignore conditional headers or send a fresh ETag for the same bytes.
        return FeedCheck(feed, started, "unchanged", etag, last_modified, digest)
    try:
        parsed = parse_feed(result.body, result.final_url, result.content_type)
    except FeedParseError as exc:
        error = IngestError("discover", feed.url, feed_key(feed), feed.name, FailureKind.PERMANENT.value,
                            f"unreadable feed: {exc}", result.status)
        # Keep the old body hash so the same broken bytes are parsed (and reported) again.
        return FeedCheck(feed, started, "failed", etag, last_modified, state.body_sha256, errors=(error,))
    errors = tuple(
        IngestError("discover", f"{feed.url}#entry-{entry.position}",
                    url_key(f"{feed.url}#{entry.guid or entry.title or entry.position}"), feed.name,
                    FailureKind.PERMANENT.value,
                    "entry has no usable link" if entry.url is None else f"entry link is not http(s): {entry.url}")
        for entry in parsed.entries if entry.key is None
    )
    if parsed.problem:
        logger.warning("feed %s parsed with a problem: %s", feed.name, parsed.problem)
    return FeedCheck(feed, started, "changed", etag, last_modified, digest, parsed.format, parsed.problem,
                     tuple(e for e in parsed.entries if e.key is not None), errors)


def fetch_pages(fetcher: Fetcher, jobs: list[PageJob], workers: int) -> list[FetchedPage | IngestError]:
    """Fetch a batch of article pages concurrently (the fetcher's host limits still apply)."""
    if not jobs:
        return []
    with ThreadPoolExecutor(max_workers=min(workers, len(jobs)), thread_name_prefix="fetch") as pool:
        return list(pool.map(lambda job: _fetch_page(fetcher, job), jobs))


def _fetch_page(fetcher: Fetcher, job: PageJob) -> FetchedPage | IngestError:
    try:
        return _fetch_one(fetcher, job)
    except Exception as exc:
        return unexpected("fetch", job.url, job.entry_key, job.feed_id, exc)


def _fetch_one(fetcher: Fetcher, job: PageJob) -> FetchedPage | IngestError:
    try:
        result = fetcher.get(job.url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        return IngestError("fetch", job.url, job.entry_key, job.feed_id, exc.kind.value, exc.reason, exc.status,
                           tries=exc.attempts)
    content_type = result.content_type
    if content_type and not any(t in content_type.lower() for t in ("html", "xml", "text/plain")):
        return IngestError("fetch", job.url, job.entry_key, job.feed_id, FailureKind.PERMANENT.value,
                           f"not a web page: content type {content_type}", result.status)
    raw = RawPage(hashlib.sha256(result.body).hexdigest(), len(result.body), content_type, result.body,
                  result.fetched_at, result.final_url)
    return FetchedPage(job, result, raw)


# trafilatura parses with module-level lxml parsers, which must not be used by two threads at
# once (two concurrent extractions corrupted the heap: "malloc_consolidate(): unaligned fastbin
# chunk"). One extraction at a time per process; a process pool runs one per worker process.
_EXTRACTING = threading.Lock()


def warm_worker() -> None:
    """In each new extraction worker process: load the gazetteer and build the extractor's tables
    before the first batch arrives, while the flow is still fetching. (This module is what a
    worker imports: it does not import Prefect.)"""
    from transforms.gazetteer import gazetteer

    gazetteer()
    extract_figures("Gunmen killed 11 villagers near Bandiagara on Tuesday.", None, "warm-up")


@dataclass(frozen=True, slots=True)
class ExtractedBatch(Generic[A]):
    """What extracting a batch gives the loader: an article (new, or re-extracted) or an error for
    each page, and the figures of the articles already as one typed frame
    (``transforms.normalise``), so the single writer does not build it from Python objects."""

    outcomes: list[A | IngestError]
    figures: pl.DataFrame

    @classmethod
    def of(cls, outcomes: list[A | IngestError], figures_version: str) -> ExtractedBatch[A]:
        articles = [(o.article_key, o.figures) for o in outcomes if not isinstance(o, IngestError)]
        return cls(outcomes, batch_figures_frame(articles, figures_version))

    @classmethod
    def merge(cls, parts: list[ExtractedBatch[A]]) -> ExtractedBatch[A]:
        """The batch whose consecutive parts were extracted apart, in order: each part's article
        indexes shifted by the articles of the parts before it."""
        if len(parts) == 1:
            return parts[0]
        outcomes: list[A | IngestError] = []
        frames = []
        articles = 0  # of the parts before this one
        for part in parts:
            frames.append(part.figures.with_columns((pl.col(ARTICLE_INDEX) + articles).cast(pl.Int32)))
            outcomes.extend(part.outcomes)
            articles += sum(not isinstance(o, IngestError) for o in part.outcomes)
        return cls(outcomes, pl.concat(frames))


def extract_pages(pages: list[FetchedPage], min_body_chars: int) -> ExtractedBatch[ArticleRow]:
    """Run the article extractor over fetched pages (CPU only: no network, no database)."""
    with _EXTRACTING:
        outcomes = [_extract_page(page, min_body_chars) for page in pages]
    return ExtractedBatch.of(outcomes, EXTRACTOR_VERSION)


def _extract_page(page: FetchedPage, min_body_chars: int) -> ArticleRow | IngestError:
    try:
        return _extract_one(page, min_body_chars)
    except Exception as exc:  # trafilatura, lxml or our figure extractor on input nobody foresaw
        return unexpected("extract", page.job.url, page.job.entry_key, page.job.feed_id, exc, page.raw.sha256)


def _extract_one(page: FetchedPage, min_body_chars: int) -> ArticleRow | IngestError:
    job, result = page.job, page.result
    try:
        extracted = extract_article(result.body, result.final_url, job.feed_published_at, result.fetched_at,
                                    min_chars=min_body_chars,
                                    http_date=parse_datetime(result.headers.get("last-modified")),
                                    content_type=result.content_type)
    except ExtractionError as exc:
        return IngestError("extract", job.url, job.entry_key, job.feed_id, FailureKind.PERMANENT.value,
                           str(exc), result.status, page.raw.sha256)
    canonical = extracted.page_canonical_url or canonical_url(result.final_url) or job.canonical_url
    return ArticleRow(
        article_key=url_key(canonical),
        canonical_url=canonical,
        url=result.final_url,
        feed_id=job.feed_id,
        raw_sha256=page.raw.sha256,
        extractor=extracted.extractor,
        extractor_version=__version__,
        fetched_at=result.fetched_at,
        entry_key=job.entry_key,
        entry_url=job.url,
        **_read(extracted, url_key(canonical)),
    )


def _read(extracted: ExtractedArticle, doc_id: str) -> dict[str, Any]:
    """What the text itself gives an article, new or re-extracted: metadata, figures, context."""
    published = extracted.published_at.date() if extracted.published_at else None
    context = classify_context(extracted.text)
    return {
        "title": extracted.title, "author": extracted.author, "site_name": extracted.site_name,
        "language": extracted.language, "published_at": extracted.published_at,
        "date_source": extracted.date_source, "text": extracted.text, "text_sha256": extracted.text_sha256,
        "figures": tuple(extract_figures(extracted.text, published, doc_id)),
        "context": context.context, "context_confidence": context.confidence,
    }


def reextract_pages(pages: list[StoredPage], versions: ExtractorVersions,
                    min_body_chars: int) -> ExtractedBatch[Reextracted]:
    """Extract stored pages again with the current extractors (CPU only: no network, no database)."""
    with _EXTRACTING:
        outcomes = [_reextract_page(page, versions, min_body_chars) for page in pages]
    return ExtractedBatch.of(outcomes, versions.figures_version)


def _reextract_page(page: StoredPage, versions: ExtractorVersions, min_body_chars: int) -> Reextracted | IngestError:
    try:
        return _reextract_one(page, versions, min_body_chars)
    except Exception as exc:
        return unexpected("reprocess", page.url, page.article_key, page.feed_id, exc, page.raw_sha256)


def _reextract_one(page: StoredPage, versions: ExtractorVersions, min_body_chars: int) -> Reextracted | IngestError:
    # The feed's or the HTTP date is only known through the date stored with the article.
    fallback = page.published_at if page.date_source in ("feed", "http") else None
    try:
        if page.body is None:
            raise ValueError("the stored page's bytes were not read from the archive")
        extracted = extract_article(page.body, page.url, fallback, page.fetched_at,
                                    min_chars=min_body_chars, content_type=page.content_type)
    except ExtractionError as exc:
        return IngestError("reprocess", page.url, page.article_key, page.feed_id, FailureKind.PERMANENT.value,
                           str(exc), None, page.raw_sha256)
    fields = _read(extracted, page.article_key)
    if fields["date_source"] == "feed" and page.date_source == "http":
        fields["date_source"] = "http"
    return Reextracted(
        article_key=page.article_key,
        extractor=versions.extractor,
        extractor_version=versions.article_version,
        figures_version=versions.figures_version,
        text_changed=extracted.text_sha256 != page.text_sha256,
        figures_before=page.figures,
        **fields,
    )


def current_versions() -> ExtractorVersions:
    """The versions of the extractors this code runs."""
    return ExtractorVersions(EXTRACTOR, __version__, EXTRACTOR_VERSION)
