"""Property tests for everything that reads what strangers send: URLs, feed bytes, page bytes,
charsets, compressed bodies. Each either returns its record or raises its own named error, and
never hangs (Hypothesis's deadline is a guard against a hang, not a speed target)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.bodies import BodyDecoder
from flows.failures import FetchError
from transforms.article import ExtractionError, extract_article
from transforms.charset import decode_html
from transforms.feeds import FeedParseError, parse_feed
from transforms.urls import canonical_url

GUARD = settings(max_examples=150, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow])

HOSTS = st.one_of(
    st.from_regex(r"[a-zA-Z0-9-]{1,20}(\.[a-zA-Z0-9-]{1,10}){0,3}", fullmatch=True),
    st.sampled_from(["127.0.0.1", "[::1]", "[fe80::1%25eth0]", "xn--bcher-kva.example", "bücher.example",
                     "a..b", "-x-.example", "0x7f.1", "[::ffff:10.0.0.1]", "example.com.", "EXAMPLE.COM"]),
)
URLS = st.builds(
    lambda scheme, host, port, path, query, fragment: f"{scheme}://{host}{port}{path}{query}{fragment}",
    st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", "", "file"]),
    HOSTS,
    st.sampled_from(["", ":80", ":443", ":8080", ":0", ":99999", ":abc"]),
    st.text(alphabet="/abc%20é?#&=.~-_", max_size=30),
    st.sampled_from(["", "?utm_source=x", "?b=2&a=1", "?a=%zz", "?q=é"]),
    st.sampled_from(["", "#top", "#"]),
)

FEEDISH = st.builds(
    lambda head, items, tail: (head + "".join(items) + tail).encode("utf-8", "surrogatepass"),
    st.sampled_from(['<?xml version="1.0"?><rss version="2.0"><channel>', "<feed xmlns='http://www.w3.org/2005/Atom'>",
                     "<rdf:RDF>", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [", "<html>", ""]),
    st.lists(st.sampled_from(["<item><title>a</title><link>http://x.example/1</link></item>",
                              "<entry><link href='/2'/><updated>2026-13-45</updated></entry>",
                              "<item><link>javascript:x</link><pubDate>Fri, 99 Nov 2026</pubDate></item>",
                              '{"url": "http://x.example/3"}, ', "<item>", "&amp;&bogus;", "\x00", "<![CDATA[x"]),
             max_size=8),
    st.sampled_from(["</channel></rss>", "</feed>", "]}", "", "</rdf:RDF>"]),
)


@GUARD
@given(URLS | st.text(max_size=120))
def test_canonical_urls_never_raise_are_idempotent_and_only_http(raw: str) -> None:
    once = canonical_url(raw)
    if once is not None:
        assert once.startswith(("http://", "https://"))
        assert canonical_url(once) == once


@GUARD
@given(FEEDISH | st.binary(max_size=3000))
def test_feed_bytes_give_a_feed_or_a_feed_parse_error(body: bytes) -> None:
    try:
        parsed = parse_feed(body, "http://x.example/feed.xml", None)
    except FeedParseError:
        return
    for entry in parsed.entries:
        assert entry.key is None or (entry.canonical_url or "").startswith(("http://", "https://"))


PAGEISH = st.builds(
    lambda parts: ("<html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body></html>").encode(
        "utf-8", "surrogatepass"),
    st.lists(st.one_of(st.text(max_size=200).map(lambda t: f"<p>{t}</p>"),
                       st.sampled_from(["<div>", "</div>", "<table><tr><td>", "<script>x</script>", "<br/>" * 50,
                                        "<article>", "<p>" + "word " * 60 + "</p>"])), max_size=30),
)


@GUARD
@given(PAGEISH | st.binary(max_size=5000))
def test_page_bytes_give_an_article_or_an_extraction_error(body: bytes) -> None:
    try:
        article = extract_article(body, "http://x.example/a", None, datetime(2026, 11, 20, tzinfo=UTC), min_chars=20)
    except ExtractionError:
        return
    assert article.text and article.date_source in ("page", "feed", "http", "none")


@GUARD
@given(st.binary(max_size=3000), st.sampled_from([None, "text/html", "text/html; charset=utf-8",
                                                  "text/html; charset=x-bogus", "text/html; charset=iso-8859-1"]))
def test_any_bytes_decode_to_text(body: bytes, content_type: str | None) -> None:
    decoded = decode_html(body, content_type)
    assert isinstance(decoded.text, str)


@GUARD
@given(st.binary(min_size=1, max_size=5000), st.integers(min_value=0, max_value=60), st.integers(min_value=1,
                                                                                                  max_value=700))
def test_gzip_bodies_cut_anywhere_are_the_body_or_a_named_error(body: bytes, cut: int, chunk: int) -> None:
    packed = gzip.compress(body)
    packed = packed[:len(packed) - cut]
    decoder = BodyDecoder("http://x.example/a", "gzip", 1_000_000)
    try:
        for i in range(0, len(packed), chunk):
            decoder.feed(packed[i:i + chunk])
        out = decoder.finish()
    except FetchError:
        failed = True
    else:
        failed = False
        assert out == body
    assert failed == (cut > 0)  # only a cut stream fails, and it always does
