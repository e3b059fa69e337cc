from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from transforms.dedupe import plan_articles
from transforms.records import ArticleRow

BASE = ArticleRow(
    article_key="k-original", canonical_url="https://wire.example/story", url="https://wire.example/story",
    feed_id="Wire", title="t", author=None, site_name=None, language="en", published_at=None,
    date_source="none", text="body", text_sha256="h1", raw_sha256="r1", extractor="x", extractor_version="0",
    fetched_at=datetime(2026, 1, 1, tzinfo=UTC), entry_key="k-original", entry_url="https://wire.example/story",
)


def test_a_new_article_is_loaded_and_needs_no_alias() -> None:
    new, aliases = plan_articles([BASE], set(), {})
    assert new == [BASE]
    assert aliases == []


def test_an_entry_whose_page_names_another_canonical_url_becomes_an_alias() -> None:
    copy = replace(BASE, entry_key="k-copy", entry_url="https://outlet.example/copy", raw_sha256="r2")
    new, aliases = plan_articles([BASE, copy], set(), {})
    assert new == [BASE]
    assert [(a.alias_key, a.article_key, a.reason) for a in aliases] == [("k-copy", "k-original", "page_canonical")]


def test_a_syndicated_copy_with_the_same_text_is_an_alias_of_the_stored_article() -> None:
    copy = replace(BASE, article_key="k-other", entry_key="k-other", entry_url="https://other.example/x")
    new, aliases = plan_articles([copy], set(), {"h1": "k-original"})
    assert new == []
    assert [(a.alias_key, a.article_key, a.reason) for a in aliases] == [("k-other", "k-original", "same_text")]


def test_an_article_already_stored_is_not_loaded_again() -> None:
    new, aliases = plan_articles([BASE], {"k-original"}, {})
    assert new == [] and aliases == []
