"""Sitemaps and robots.txt, read from bytes: where a refetch backfill finds a site's older articles.

Feeds list only the latest few dozen stories; news sites list the rest in sitemaps: sitemap
indexes pointing at monthly or daily sitemaps, Google News sitemaps with a publication date per
article, plain ``<urlset>`` files with ``lastmod``, and sometimes a text file of URLs. Nothing
here fetches (the shell does, through the one fetch seam); the XML parser resolves no entities
and reads nothing from the network.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from transforms.timeutil import parse_datetime
from transforms.urls import canonical_url

logger = logging.getLogger(__name__)

# A gzip sitemap may hold at most 50 MB uncompressed by the sitemaps protocol; refuse bombs.
MAX_SITEMAP_BYTES = 50_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False,
                          remove_comments=True, remove_pis=True)


class SitemapError(ValueError):
    """The bytes are neither a sitemap, a sitemap index nor a list of URLs."""


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    lastmod: datetime | None = None
    published: datetime | None = None  # <news:publication_date>
    title: str | None = None  # <news:title>
    lastmod_raw: str | None = None

    @property
    def when(self) -> datetime | None:
        """The article's date: its news publication date, else its last modification."""
        return self.published or self.lastmod


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: str  # index | urlset | text
    entries: tuple[SitemapEntry, ...]


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt declares, in order, without duplicates."""
    found: list[str] = []
    for line in body.decode("utf-8", errors="replace").splitlines():
        field, _, value = line.partition(":")
        if field.strip().lower() == "sitemap":
            url = canonical_url(value.strip(), base=base_url)
            if url and url not in found:
                found.append(url)
    return found


def parse_sitemap(body: bytes, base_url: str) -> Sitemap:
    """Parse a sitemap, sitemap index, Google News sitemap or text sitemap (gzip or not).
    Entries without an http(s) ``loc`` are left out; undated entries keep ``when`` None."""
    body = _gunzip(body)
    head = body[:1024].lstrip()
    if not head.startswith(b"<"):
        return _parse_text(body)
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise SitemapError(f"not XML: {exc}") from exc
    if root is None:
        raise SitemapError("not XML: no root element")
    kind = {"sitemapindex": "index", "urlset": "urlset"}.get(_name(root))
    if kind is None:
        raise SitemapError(f"not a sitemap: root element <{_name(root)}>")
    child = "sitemap" if kind == "index" else "url"
    entries = (_entry(element, base_url) for element in root.iterchildren() if _name(element) == child)
    return Sitemap(kind, tuple(e for e in entries if e is not None))


def in_range(when: datetime | None, start: date, end: date) -> bool:
    """Whether a UTC datetime falls on a day from ``start`` to ``end`` (both included)."""
    return when is not None and start <= when.date() <= end


def may_hold(entry: SitemapEntry, start: date) -> bool:
    """Whether a child sitemap of an index can list articles from ``start`` on: one last
    modified before the range began cannot (an undated one might)."""
    return entry.lastmod is None or entry.lastmod.date() >= start


def _entry(element: etree._Element, base_url: str) -> SitemapEntry | None:
    # <loc> and <lastmod> are the entry's own children (the image and video extensions have a
    # <loc> of their own further down); the news extension's fields sit inside <news:news>.
    own = _texts(element)
    news = next((n for n in element.iterchildren() if _name(n) == "news"), None)
    extra = {k: v for n in news.iter() if (k := _name(n)) and (v := _text(n))} if news is not None else {}
    url = canonical_url(own.get("loc"), base=base_url)
    if url is None:
        return None
    lastmod_raw = own.get("lastmod")
    return SitemapEntry(url, parse_datetime(lastmod_raw), parse_datetime(extra.get("publication_date")),
                        extra.get("title"), lastmod_raw)


def _texts(element: etree._Element) -> dict[str, str]:
    return {k: v for n in element.iterchildren() if (k := _name(n)) and (v := _text(n))}


def _name(node: etree._Element) -> str:
    """The local name of an element ("{namespace}url" -> "url"); "" for comments and the like.
    Plain string work: lxml's QName refuses the odd names its recovering parser lets through."""
    return node.tag.rpartition("}")[2].lower() if isinstance(node.tag, str) else ""


def _text(node: etree._Element) -> str:
    return (node.text or "").strip()


def _parse_text(body: bytes) -> Sitemap:
    # one absolute URL a line (the protocol's text form): other lines are not resolved as paths
    urls = [canonical_url(line.strip()) for line in body.decode("utf-8", "replace").splitlines()]
    entries = tuple(SitemapEntry(u) for u in urls if u)
    if not entries:
        raise SitemapError("not a sitemap: no XML and no URL lines")
    return Sitemap("text", entries)


def _gunzip(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    decompressor = zlib.decompressobj(wbits=31)
    try:
        out = decompressor.decompress(body, MAX_SITEMAP_BYTES)
    except zlib.error as exc:
        raise SitemapError(f"corrupt gzip: {exc}") from exc
    if decompressor.unconsumed_tail:
        raise SitemapError(f"gzip sitemap larger than {MAX_SITEMAP_BYTES} bytes uncompressed")
    if not decompressor.eof:
        raise SitemapError("truncated gzip")
    return out


