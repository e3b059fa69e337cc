"""Sitemaps and robots.txt from bytes: the forms news sites publish, and what must never happen."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.sitemaps import SitemapEntry, SitemapError, in_range, may_hold, parse_sitemap, robots_sitemaps

BASE = "https://wire.example/sitemap.xml"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
IMAGE = 'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'

NEWS_SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset {NS} {NEWS} {IMAGE}>
  <url>
    <loc>https://wire.example/2026/11/26/sudan-clashes.html</loc>
    <image:image><image:loc>https://wire.example/img/sudan.jpg</image:loc></image:image>
    <news:news>
      <news:publication><news:name>Wire</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-11-26T10:30:00+01:00</news:publication_date>
      <news:title>Clashes displace thousands in Sudan</news:title>
    </news:news>
  </url>
  <url><loc>/2026/11/25/relative.html</loc><lastmod>2026-11-25</lastmod></url>
  <url><loc>javascript:alert(1)</loc><lastmod>2026-11-25</lastmod></url>
  <url><lastmod>2026-11-25</lastmod></url>
</urlset>"""

INDEX = f"""<?xml version="1.0"?>
<sitemapindex {NS}>
  <sitemap><loc>https://wire.example/sitemaps/2026-10.xml</loc><lastmod>2026-10-31T23:00:00Z</lastmod></sitemap>
  <sitemap><loc>https://wire.example/sitemaps/2026-11.xml.gz</loc><lastmod>2026-11-30</lastmod></sitemap>
  <sitemap><loc>https://wire.example/sitemaps/static.xml</loc></sitemap>
</sitemapindex>"""


def test_news_sitemap_gives_each_article_its_publication_date_title_and_canonical_url() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP.encode(), BASE)
    assert sitemap.kind == "urlset"
    first, second = sitemap.entries
    assert first.url == "https://wire.example/2026/11/26/sudan-clashes.html"  # not the image's <loc>
    assert first.when == datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    assert first.title == "Clashes displace thousands in Sudan"
    assert second == SitemapEntry("https://wire.example/2026/11/25/relative.html",
                                  datetime(2026, 11, 25, tzinfo=UTC), None, None, "2026-11-25")
    # entries without an http(s) location are left out


def test_sitemap_index_lists_child_sitemaps_with_their_lastmod() -> None:
    sitemap = parse_sitemap(INDEX.encode(), BASE)
    assert sitemap.kind == "index"
    assert [e.url.rsplit("/", 1)[1] for e in sitemap.entries] == ["2026-10.xml", "2026-11.xml.gz", "static.xml"]
    # a child last modified before the range cannot hold the range's articles; an undated one may
    assert [may_hold(e, date(2026, 11, 20)) for e in sitemap.entries] == [False, True, True]


@pytest.mark.parametrize(("body", "kind", "urls"), [
    pytest.param(gzip.compress(NEWS_SITEMAP.encode()), "urlset", 2, id="gzip-sitemap"),
    pytest.param(b"https://wire.example/a\n\nhttps://wire.example/b\r\nnot a url\n", "text", 2, id="text-sitemap"),
    pytest.param(f"<urlset {NS}></urlset>".encode(), "urlset", 0, id="empty-urlset"),
    pytest.param(b"<urlset><url><loc>https://wire.example/x</loc></url></urlset>", "urlset", 1, id="no-namespace"),
])
def test_sitemap_forms(body: bytes, kind: str, urls: int) -> None:
    sitemap = parse_sitemap(body, BASE)
    assert (sitemap.kind, len(sitemap.entries)) == (kind, urls)


@pytest.mark.parametrize(("body", "reason"), [
    pytest.param(b"<html><body>Not found</body></html>", "root element <html>", id="html-page"),
    pytest.param(gzip.compress(NEWS_SITEMAP.encode())[:-30], "truncated gzip", id="truncated-gzip"),
    pytest.param(gzip.compress(NEWS_SITEMAP.encode())[:12] + b"\xff" * 40, "corrupt gzip", id="corrupt-gzip"),
    pytest.param(b"", "no XML and no URL lines", id="empty"),
])
def test_what_is_no_sitemap_is_an_error_that_says_why(body: bytes, reason: str) -> None:
    with pytest.raises(SitemapError, match=reason):
        parse_sitemap(body, BASE)


def test_entities_are_never_expanded() -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
              b"<urlset><url><loc>https://wire.example/&c;&x;</loc></url></urlset>")
    sitemap = parse_sitemap(laughs, BASE)
    assert all("aaaa" not in e.url and "root:" not in e.url for e in sitemap.entries)


def test_robots_txt_sitemap_lines_in_any_case_resolved_and_deduplicated() -> None:
    robots = (b"User-agent: *\nDisallow: /search\nSitemap: /news-sitemap.xml\nsitemap: https://wire.example/"
              b"news-sitemap.xml\nSITEMAP: https://cdn.wire.example/sitemap_index.xml\n# Sitemap: /commented.xml\n")
    assert robots_sitemaps(robots, "https://wire.example/robots.txt") == [
        "https://wire.example/news-sitemap.xml", "https://cdn.wire.example/sitemap_index.xml"]


@pytest.mark.parametrize(("when", "expected"), [
    (datetime(2026, 11, 25, 23, 59, tzinfo=UTC), False),
    (datetime(2026, 11, 26, 0, 0, tzinfo=UTC), True),
    (datetime(2026, 11, 27, 23, 59, tzinfo=UTC), True),
    (datetime(2026, 11, 28, 0, 0, tzinfo=UTC), False),
    (None, False),
])
def test_range_is_inclusive_utc_days(when: datetime | None, expected: bool) -> None:
    assert in_range(when, date(2026, 11, 26), date(2026, 11, 27)) is expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: f"<urlset>{t}</urlset>".encode()))
def test_arbitrary_bytes_give_a_sitemap_or_a_sitemap_error(body: bytes) -> None:
    try:
        sitemap = parse_sitemap(body, BASE)
    except SitemapError:
        return
    assert all(e.url.startswith(("http://", "https://")) for e in sitemap.entries)
