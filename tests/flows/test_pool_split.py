"""Worker processes share each batch: the batch split into consecutive parts, each extracted on
its own, and the results merged back. The merged batch must be exactly the batch extracted
whole: the same articles and errors in the same order, each figure tied to its own article."""

from __future__ import annotations

import hashlib
import tomllib
from datetime import UTC, datetime
from importlib.resources import files

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from demo.server import render_story
from flows.fetch import FetchResult
from flows.pool import split
from flows.steps import ExtractedBatch, FetchedPage, extract_pages
from transforms.normalise import ARTICLE_INDEX
from transforms.records import IngestError, PageJob, RawPage

FETCHED = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=8))
def test_a_split_keeps_every_item_in_order_in_parts_of_near_equal_size(items: list[int], parts: int) -> None:
    pieces = split(items, parts)
    assert [x for piece in pieces for x in piece] == items
    assert len(pieces) == max(1, min(parts, len(items)))
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1
    assert all(pieces) or not items


def fetched(url: str, body: bytes) -> FetchedPage:
    job = PageJob(url, url, url, "Sahel Wire", None)
    result = FetchResult(url, url, 200, {"content-type": "text/html; charset=utf-8"}, body, FETCHED, 1)
    raw = RawPage(hashlib.sha256(body).hexdigest(), len(body), "text/html; charset=utf-8", body, FETCHED, url)
    return FetchedPage(job, result, raw)


def demo_pages() -> list[FetchedPage]:
    """The demo's stories, with pages that fail extraction in between (so parts hold errors too)."""
    stories = tomllib.loads(files("demo").joinpath("stories.toml").read_text(encoding="utf-8"))["story"]
    pages = [fetched(s["url"], render_story(s)) for s in stories]
    pages.insert(1, fetched("https://sahelwire.example/empty", b"<html><body><p>Subscribe.</p></body></html>"))
    pages.insert(5, fetched("https://sahelwire.example/scan.pdf", b"%PDF-1.7 a scanned communique"))
    return pages


def test_a_batch_extracted_in_parts_and_merged_is_the_batch_extracted_whole() -> None:
    pages = demo_pages()
    whole = extract_pages(pages, 200)
    assert whole.figures.height > 0 and any(isinstance(o, IngestError) for o in whole.outcomes)
    for parts in (2, 3, len(pages)):
        merged = ExtractedBatch.merge([extract_pages(list(part), 200) for part in split(pages, parts)])
        assert merged.outcomes == whole.outcomes
        assert merged.figures.equals(whole.figures)
        assert merged.figures.schema[ARTICLE_INDEX] == pl.Int32
