"""Loading figures: an article's figures are replaced as a whole, so re-extraction with a new
extractor never duplicates them."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import polars as pl

from transforms.claims import figure_id
from transforms.figures.model import Figure
from transforms.normalise import figures_frame, validate, with_people
from transforms.records import IngestError
from transforms.timeutil import utcnow
from warehouse.db import Warehouse
from warehouse.errors import record_errors

logger = logging.getLogger(__name__)

def figure_rows(article_key: str, figures: Sequence[Figure], extractor_version: str,
                feed_country: str | None = None) -> list[dict[str, object]]:
    """Table rows of one article's figures. ``feed_country`` (the feed list's ``country`` of the
    feed that led to the article) is the last resort for a figure whose text ties it to no
    place: its country, with precision ``country``."""
    return [_row(article_key, i, f, extractor_version, feed_country if f.country_iso3 is None else None)
            for i, f in enumerate(figures)]


def _row(article_key: str, i: int, f: Figure, extractor_version: str, fallback: str | None) -> dict[str, object]:
    return {
        "article_key": article_key, "figure_index": i, "kind": f.kind, "group": f.group, "unit": f.unit,
        "low": f.low, "best": f.best, "high": f.high, "qualifier": f.qualifier, "number_text": f.number_text,
        "start_offset": f.start, "end_offset": f.end, "sentence": f.sentence, "part_of": f.part_of,
        "cumulative": f.cumulative, "modality": f.modality, "event_date_start": f.event_date_start,
        "event_date_end": f.event_date_end, "date_precision": f.date_precision, "place": f.place,
        "country_iso3": fallback or f.country_iso3, "latitude": f.latitude, "longitude": f.longitude,
        "admin1": f.admin1, "geo_precision": "country" if fallback else f.geo_precision,
        "extractor_version": extractor_version,
        "context": f.context, "kind_rule": f.kind_rule,
        "figure_id": figure_id(article_key, f.start, f.end, f.number_text),
    }


def replace_figures(wh: Warehouse, load_id: str, article_keys: Iterable[str],
                    rows: Sequence[dict[str, object]], new_articles: bool = False) -> tuple[int, int]:
    """Delete the figures of ``article_keys`` and load ``rows`` in their place, typed and
    validated by ``transforms.normalise``; rejected rows go to ``ingest_errors`` (stage
    ``normalise``) with their reason. Returns (loaded, rejected). ``new_articles``: the articles
    were inserted in this transaction, so they have no figures to delete (the delete scans the
    whole table, which made loading slower the more the warehouse held)."""
    valid, rejected = validate(figures_frame(rows))
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
