"""Typed records that cross the boundary between the fetch shell, the pure core and the
warehouse. Frozen and slotted: cheap, hashable, and impossible to mutate on the way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from transforms.feedlist import FeedSource
from transforms.feeds import FeedEntry
from transforms.figures.model import Figure


@dataclass(frozen=True, slots=True)
class IngestError:
    """A failure of one feed or page at one stage; lands in ``ingest_errors``."""

    stage: str  # discover | fetch | extract
    url: str
    url_key: str
    feed_id: str | None
    kind: str  # temporary | permanent | unexpected (flows.failures)
    reason: str
    http_status: int | None = None
    raw_sha256: str | None = None
    tries: int | None = None  # HTTP attempts within this run (runs across days are ingest_errors.attempts)


@dataclass(frozen=True, slots=True)
class PageJob:
    """An article page to fetch: the entry that named it and the feed that led us there."""

    entry_key: str
    url: str
    canonical_url: str
    feed_id: str
    feed_published_at: datetime | None


@dataclass(frozen=True, slots=True)
class RawPage:
    """A fetched page as the archive keeps it: its bytes (content-decoded) and the URL they came from."""

    sha256: str
    size: int
    content_type: str | None
    body: bytes
    fetched_at: datetime
    url: str


@dataclass(frozen=True, slots=True)
class ArticleRow:
    article_key: str
    canonical_url: str
    url: str
    feed_id: str
    title: str | None
    author: str | None
    site_name: str | None
    language: str | None
    published_at: datetime | None
    date_source: str
    text: str
    text_sha256: str
    raw_sha256: str
    extractor: str
    extractor_version: str
    fetched_at: datetime
    entry_key: str  # the entry URL's key; an alias when the page names another canonical URL
    entry_url: str
    figures: tuple[Figure, ...] = ()
    context: str | None = None  # conflict | disaster | other
    context_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    alias_key: str
    alias_url: str
    article_key: str
    reason: str  # page_canonical | same_text


@dataclass(frozen=True, slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None
    status: str = "active"  # active | dead
    next_check_at: datetime | None = None  # when a dead feed is polled again

    def due(self, now: datetime) -> bool:
        """Whether this run polls the feed: always, unless it is dead and not yet due again."""
        return self.status != "dead" or self.next_check_at is None or self.next_check_at <= now


@dataclass(frozen=True, slots=True)
class FeedCheck:
    """What one poll of one feed found."""

    feed: FeedSource
    checked_at: datetime
    outcome: str  # changed | unchanged | failed
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None
    format: str | None = None
    problem: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    errors: tuple[IngestError, ...] = ()


@dataclass(frozen=True, slots=True)
class ExtractorVersions:
    """What made an article's text and figures; a reprocess backfill redoes those made by others."""

    extractor: str  # the body extractor and its version ("trafilatura 2.3.1")
    article_version: str  # conflictwire's version
    figures_version: str  # the figure extractor's EXTRACTOR_VERSION


@dataclass(frozen=True, slots=True)
class StoredPage:
    """A stored article with its raw page, for extraction again without the network."""

    article_key: str
    url: str
    feed_id: str
    published_at: datetime | None
    date_source: str
    text_sha256: str
    gz: bytes  # the page inside the warehouse, for rows stored before the archive (else empty)
    fetched_at: datetime
    raw_sha256: str
    figures: int  # how many figures it has now
    content_type: str | None = None  # the stored page's, for its charset
    warc_file: str | None = None  # where the archive holds it (warehouse.archive.PageRef)
    warc_offset: int | None = None
    warc_length: int | None = None
    body: bytes | None = None  # its bytes, read from the archive before extraction


@dataclass(frozen=True, slots=True)
class Reextracted:
    """A stored article extracted again: its new text and metadata and its new figures."""

    article_key: str
    title: str | None
    author: str | None
    site_name: str | None
    language: str | None
    published_at: datetime | None
    date_source: str
    text: str
    text_sha256: str
    extractor: str
    extractor_version: str
    figures_version: str
    figures: tuple[Figure, ...]
    text_changed: bool
    figures_before: int
    context: str | None = None
    context_confidence: float | None = None
