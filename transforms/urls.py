"""Canonical URLs and stable keys for articles and feeds.

Two feed entries that point at the same story through different tracking parameters, fragments
or host capitalisation must end as one article. courlan does the well-known part (tracking
parameters, default ports, query order, host case); we add what a news crawler needs on top:
the fragment never names a different article, and only http(s) URLs are articles.
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url

logger = logging.getLogger(__name__)


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """Return the canonical form of ``url`` (resolved against ``base``), or ``None`` if it is
    not an absolute http(s) URL."""
    if not url:
        return None
    candidate = url.strip()
    if base:
        candidate = urljoin(base, candidate)
    parts = urlsplit(candidate)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        normalised = normalize_url(candidate, strict=False)
    except (ValueError, AttributeError):  # courlan raises on some malformed ports and hosts
        return None
    parts = urlsplit(normalised)
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def url_key(canonical: str) -> str:
    """A short stable key for a canonical URL (80 bits of SHA-256: collisions are negligible
    at the scale of a news archive)."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
