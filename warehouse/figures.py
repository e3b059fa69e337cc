"""Loading figures: an article's figures are replaced as a whole, so re-extraction with a new
extractor never duplicates them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import polars as pl

from transforms.normalise import figure_rows, figures_frame, validate, with_people
from transforms.records import IngestError
from transforms.timeutil import utcnow
from warehouse.db import Warehouse
from warehouse.errors import record_errors

logger = logging.getLogger(__name__)

__all__ = ["figure_rows", "reextract", "replace_figures"]


def replace_figures(wh: Warehouse, load_id: str, article_keys: Iterable[str],
                    rows: Sequence[dict[str, object]] | pl.DataFrame, new_articles: bool = False) -> tuple[int, int]:
    """Delete the figures of ``article_keys`` and load ``rows`` in their place, typed and
    validated by ``transforms.normalise``; rejected rows go to ``ingest_errors`` (stage
    ``normalise``) with their reason. Returns (loaded, rejected). ``rows`` may already be a
    frame of ``RAW_SCHEMA`` (the extraction workers build one per batch, so the single writer
    does not turn a million Python objects into columns). ``new_articles``: the articles were
    inserted in this transaction, so they have no figures to delete (the delete scans the whole
    table, which made loading slower the more the warehouse held)."""
    valid, rejected = validate(rows if isinstance(rows, pl.DataFrame) else figures_frame(rows))
    if not new_articles:
        wh.load("delete_figures", pl.DataFrame({"article_key": sorted(set(article_keys))},
                                               schema={"article_key": pl.String}))
    wh.load("insert_figures", with_people(valid), load_id=load_id, now=utcnow())
    record_errors(wh, load_id, [
        IngestError("normalise", f"figure:{row['article_key']}#{row['figure_index']}",
                    f"{row['article_key']}#{row['figure_index']}", None, "permanent",
                    f"{row['reason']}: {row['kind']} {row['best']} ({row['number_text']!r})")
        for row in rejected.iter_rows(named=True)
    ])
    return valid.height, rejected.height


def reextract(wh: Warehouse, load_id: str, extractor_version: str, page_size: int = 500) -> tuple[int, int]:
    """Run the figure extractor again over every stored article, replacing their figures.
    Returns (articles, figures)."""
    from transforms.context import classify_context
    from transforms.figures import extract_figures

    after, articles, total = "", 0, 0
    while True:
        page = wh.rows("article_texts", after=after, limit=page_size)
        if not page:
            return articles, total
        countries = dict(wh.rows("article_countries", keys=[key for key, _, _ in page]))
        rows = [row for key, text, published in page
                for row in figure_rows(key, extract_figures(text, published, key), extractor_version,
                                       countries.get(key))]
        contexts = [(key, classify_context(text)) for key, text, _ in page]
        marks = pl.DataFrame({"article_key": [k for k, _ in contexts], "context": [c.context for _, c in contexts],
                              "context_confidence": [c.confidence for _, c in contexts]},
                             schema={"article_key": pl.String, "context": pl.String, "context_confidence": pl.Float64})
        with wh.transaction():
            total += replace_figures(wh, load_id, [key for key, _, _ in page], rows)[0]
            wh.load("mark_reextracted", marks, figures_version=extractor_version)
        articles += len(page)
        after = page[-1][0]
        logger.info("re-extracted %d articles so far", articles)
