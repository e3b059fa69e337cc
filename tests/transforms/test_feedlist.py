from __future__ import annotations

from pathlib import Path

import pytest

from transforms.feedlist import FeedListError, parse_feed_list

ROOT = Path(__file__).resolve().parents[2]


def test_a_feed_list_reads_names_urls_tags_and_countries() -> None:
    feeds = parse_feed_list('[[feed]]\nname = "A"\nurl = "https://a.example/rss"\ntags = ["x"]\ncountry = "sdn"\n')
    assert [(f.name, f.url, f.tags, f.country) for f in feeds] == [("A", "https://a.example/rss", ("x",), "SDN")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feed]]\nurl = 'https://a.example/'\n", "has no name"),
        ("[[feed]]\nname='A'\nurl='https://a.example/'\n[[feed]]\nname='A'\nurl='https://b.example/'\n", "twice"),
        ("[[feed]]\nname='A'\nurl='ftp://a.example/'\n", "not an http"),
        ("[[feed]]\nname='A'\nurl='https://a.example/'\ncountry='Sudan'\n", "alpha-3"),
        ("[[feed]]\nname='A'\nurl='https://a.example/'\ntags='x'\n", "tags"),
        ("[[feed]\n", "not valid TOML"),
    ],
    ids=["no-name", "duplicate-name", "bad-scheme", "bad-country", "tags-not-list", "bad-toml"],
)
def test_bad_feed_lists_are_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(FeedListError, match=message):
        parse_feed_list(text)


@pytest.mark.parametrize("path", [ROOT / "feeds.toml", ROOT / "demo" / "feeds.toml"], ids=["default", "demo"])
def test_the_shipped_feed_lists_are_valid(path: Path) -> None:
    assert len(parse_feed_list(path.read_text())) >= 4
