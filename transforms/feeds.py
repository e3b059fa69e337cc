"""Feed bytes to typed entries: RSS 0.9x/1.0/2.0, Atom, RDF (feedparser), JSON Feed (ours),
and a lenient fallback for XML that feedparser cannot read at all.

Nothing here fetches: the bytes come from our one fetch seam. Every date leaves as aware UTC.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from transforms.timeutil import from_struct_time, parse_datetime
from transforms.urls import canonical_url, url_key

logger = logging.getLogger(__name__)

JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
# <!DOCTYPE name [ ...internal subset... ]> (the subset ends at the first "]>" outside quotes in practice)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.S | re.I)


class FeedParseError(Exception):
    """The bytes hold no feed we can read: a permanent failure of this fetch."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    position: int
    url: str | None
    canonical_url: str | None
    key: str | None
    guid: str | None
    title: str | None
    summary: str | None
    published_raw: str | None
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    format: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None


def parse_feed(body: bytes, feed_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document. Raises ``FeedParseError`` only when no entry can be recovered
    from a document that is not a (possibly empty) feed."""
    head = body[:512].lstrip()
    if head.startswith(b"{") or (content_type and "json" in content_type.lower()):
        return _parse_json_feed(body, feed_url)
    body, stripped = strip_entity_declarations(body)
    # Without a content type feedparser flags every document as NonXMLContentType; servers that
    # send none are common and not a problem of the feed.
    headers = {"content-location": feed_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    problem = _describe_bozo(parsed) if parsed.get("bozo") else None
    if stripped:
        problem = "; ".join(filter(None, ["entity declarations removed (billion laughs, external entities)",
                                          problem]))
    if parsed.entries or (parsed.get("version") and not parsed.get("bozo")):
        entries = tuple(_from_feedparser(i, e, feed_url) for i, e in enumerate(parsed.entries))
        title = parsed.feed.get("title") if parsed.get("feed") else None
        return ParsedFeed(parsed.get("version") or "unknown", title, entries, problem)
    # feedparser gave up on the whole document: try a recovering XML parse before failing.
    fallback = _parse_lenient_xml(body, feed_url)
    if fallback is not None:
        logger.info("feed %s read by the lenient fallback parser: %s", feed_url, problem)
        return ParsedFeed("lenient-xml", fallback[0], fallback[1], problem or "not a feed feedparser can read")
    raise FeedParseError(problem or "document is not a feed (no RSS, Atom, RDF or JSON Feed found)")


def strip_entity_declarations(body: bytes) -> tuple[bytes, bool]:
    """Remove a DOCTYPE's internal subset from the head of a feed. No feed needs entity
    declarations, and they are how "billion laughs" bombs and external entities (a feed whose
    title is ``file:///etc/passwd``) reach an XML parser; references to them are left undefined."""
    match = _DOCTYPE_SUBSET.search(body, 0, 65536)
    if match is None:
        return body, False
    return body[:match.start()] + body[match.end():], True


def _describe_bozo(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"


def _from_feedparser(position: int, entry: Any, feed_url: str) -> FeedEntry:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    guid = entry.get("id")
    if not link and guid and entry.get("guidislink", False):
        link = guid
    published_raw = entry.get("published") or entry.get("updated") or entry.get("created")
    published_at = from_struct_time(
        entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    )
    if published_at is None:
        published_at = parse_datetime(published_raw)
    return _entry(position, link, feed_url, guid, entry.get("title"), entry.get("summary"),
                  published_raw, published_at)


def _entry(position: int, link: str | None, feed_url: str, guid: str | None, title: str | None,
           summary: str | None, published_raw: str | None, published_at: datetime | None) -> FeedEntry:
    absolute = link.strip() if link else None
    canonical = canonical_url(absolute, base=feed_url) if absolute else None
    return FeedEntry(
        position=position,
        url=absolute,
        canonical_url=canonical,
        key=url_key(canonical) if canonical else None,
        guid=guid,
        title=_clean(title),
        summary=_clean(summary),
        published_raw=published_raw,
        published_at=published_at,
    )


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def _parse_json_feed(body: bytes, feed_url: str) -> ParsedFeed:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(f"JSON Feed is not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(JSON_FEED_PREFIX):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed has no items list")
    version = "json" + str(doc["version"]).removeprefix(JSON_FEED_PREFIX)
    entries = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            item = {}
        raw_date = item.get("date_published") or item.get("date_modified")
        link = item.get("url") or item.get("external_url")
        if not link and isinstance(item.get("id"), str) and item["id"].startswith(("http://", "https://")):
            link = item["id"]
        summary = item.get("summary") or item.get("content_text")
        entries.append(_entry(position, link, feed_url, _str(item.get("id")), _str(item.get("title")),
                              _str(summary), _str(raw_date), parse_datetime(_str(raw_date))))
    return ParsedFeed(version, _str(doc.get("title")), tuple(entries))


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _parse_lenient_xml(body: bytes, feed_url: str) -> tuple[str | None, tuple[FeedEntry, ...]] | None:
    """Recover items from broken XML: undeclared prefixes (``rss:item``), junk before the root,
    bad declarations, unquoted attributes. Elements are matched on their local name."""
    starts = [pos for pos in (body.find(m) for m in (b"<rss", b"<feed", b"<rdf:RDF", b"<channel")) if pos != -1]
    if not starts:
        return None
    data = body[min(starts):]
    items: list[Any] = []
    root: Any = None
    for parse in (_recover_xml, _recover_html):
        root = parse(data)
        if root is not None:
            items = [el for el in root.iter() if isinstance(el.tag, str) and _local(el.tag) in ("item", "entry")]
        if items:
            break
    if not items:
        return None
    entries = []
    for position, item in enumerate(items):
        fields: dict[str, str] = {}
        for child in item:
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            # The HTML parser treats <link> as void, leaving the URL in the tail.
            text = (child.text or "").strip() or child.get("href") or (
                (child.tail or "").strip() if name == "link" else "")
            if name not in fields and text:
                fields[name] = text
        raw_date = next((fields[k] for k in ("pubdate", "published", "updated", "date") if k in fields), None)
        entries.append(_entry(position, fields.get("link") or _http(fields.get("guid")), feed_url,
                              fields.get("guid") or fields.get("id"), fields.get("title"),
                              fields.get("description") or fields.get("summary"), raw_date,
                              parse_datetime(raw_date)))
    title_el = next((el for el in root.iter() if isinstance(el.tag, str) and _local(el.tag) == "title"), None)
    title = title_el.text.strip() if title_el is not None and title_el.text else None
    return title, tuple(entries)


def _recover_xml(data: bytes) -> Any:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _recover_html(data: bytes) -> Any:
    # libxml2's HTML parser accepts what even recovering XML cannot (unquoted attributes on
    # the root); it keeps prefixed tag names as written, lower-cased.
    try:
        return lxml.html.fromstring(data)
    except (etree.ParserError, ValueError):
        return None


def _local(tag: str) -> str:
    # recover mode keeps undeclared prefixes in the tag ("rss:item"); namespaced tags are "{ns}item".
    # Lower-cased because the HTML parser lower-cases ("pubDate" -> "pubdate").
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _http(value: str | None) -> str | None:
    return value if value and value.startswith(("http://", "https://")) else None
