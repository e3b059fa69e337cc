from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.urls import canonical_url, url_key

CASES = [
    ("HTTP://Example.COM/News/Story.html", "http://example.com/News/Story.html", "scheme-and-host-case"),
    ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a", "utm-parameters"),
    ("https://example.com/a?fbclid=abc&id=7", "https://example.com/a?id=7", "fbclid-kept-id"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2", "query-order"),
    ("https://example.com/a#comments", "https://example.com/a", "fragment"),
    ("http://example.com:80/a", "http://example.com/a", "default-port"),
    ("https://example.com", "https://example.com/", "empty-path"),
    ("http://127.0.0.1:8123/story?id=3&utm_campaign=x", "http://127.0.0.1:8123/story?id=3", "loopback-with-port"),
    ("http://localhost:9000/feed.xml", "http://localhost:9000/feed.xml", "localhost"),
    ("  https://example.com/padded  ", "https://example.com/padded", "whitespace"),
]


@pytest.mark.parametrize(("raw", "expected"), [(r, e) for r, e, _ in CASES], ids=[i for _, _, i in CASES])
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


@pytest.mark.parametrize("raw", ["", "mailto:desk@example.com", "javascript:void(0)", "ftp://example.com/f",
                                 "/relative/without/base", "https://"])
def test_non_http_urls_have_no_canonical_form(raw: str) -> None:
    assert canonical_url(raw) is None


def test_relative_links_resolve_against_the_feed() -> None:
    assert canonical_url("../b/story", base="https://example.com/a/feed.xml") == "https://example.com/b/story"


def test_key_is_stable_and_short() -> None:
    assert url_key("https://example.com/a") == url_key("https://example.com/a")
    assert url_key("https://example.com/a") != url_key("https://example.com/b")
    assert len(url_key("https://example.com/a")) == 20


@given(st.text(max_size=200))
def test_canonicalisation_never_raises_and_is_idempotent(raw: str) -> None:
    once = canonical_url(raw)
    if once is not None:
        assert canonical_url(once) == once
