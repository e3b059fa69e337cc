"""Figures of a batch as one polars frame typed to the warehouse schema: enums for the closed
vocabularies, integers, dates; rows the contract forbids are rejected with a reason, never
loaded and never dropped silently; household counts get a people count beside them.

Pure functions over frames: no database, no network.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from io import StringIO
from typing import Any

import polars as pl

from transforms.claims import figure_id
from transforms.context import CONTEXTS
from transforms.figures.model import GROUPS, KINDS, MODALITIES, PRECISIONS, QUALIFIERS, UNITS, Figure

logger = logging.getLogger(__name__)

GEO_PRECISIONS = ("town", "admin_area", "country")
HOUSEHOLD_SOURCE = "UN DESA Population Division, Database on Household Size and Composition 2019"

ENUMS: dict[str, tuple[str, ...]] = {
    "kind": KINDS, "group": GROUPS, "unit": UNITS, "qualifier": QUALIFIERS, "modality": MODALITIES,
    "date_precision": PRECISIONS, "geo_precision": GEO_PRECISIONS, "context": CONTEXTS,
}
RAW_SCHEMA: dict[str, Any] = {
    "article_key": pl.String, "figure_index": pl.Int32, "kind": pl.String, "group": pl.String,
    "unit": pl.String, "low": pl.Int64, "best": pl.Int64, "high": pl.Int64, "qualifier": pl.String,
    "number_text": pl.String, "start_offset": pl.Int32, "end_offset": pl.Int32, "sentence": pl.String,
    "part_of": pl.Int32, "cumulative": pl.Boolean, "modality": pl.String, "event_date_start": pl.Date,
    "event_date_end": pl.Date, "date_precision": pl.String, "place": pl.String, "country_iso3": pl.String,
    "admin1": pl.String, "geo_precision": pl.String, "latitude": pl.Float64, "longitude": pl.Float64,
    "extractor_version": pl.String, "context": pl.String, "kind_rule": pl.String, "figure_id": pl.String,
}


# the batch frame's link back to its article: the position among the batch's articles
ARTICLE_INDEX = "article_index"


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


def batch_figures_frame(articles: Sequence[tuple[str, Sequence[Figure]]], extractor_version: str) -> pl.DataFrame:
    """The figures of a batch of extracted articles ((article key, figures) each) as one frame of
    ``RAW_SCHEMA`` plus ``article_index`` (the article's position in ``articles``), built where
    the articles were extracted. The feed's country, a last resort, is added by the loader
    (``with_fallback_country``): only the warehouse knows the feed list."""
    rows = [{**row, ARTICLE_INDEX: i} for i, (key, figures) in enumerate(articles)
            for row in figure_rows(key, figures, extractor_version)]
    return pl.DataFrame(rows, schema={**RAW_SCHEMA, ARTICLE_INDEX: pl.Int32})


def with_fallback_country(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """``figure_rows``'s last resort on a frame: a figure whose text ties it to no country takes
    the country in ``column`` (the feed's, or the article's stored one; null when there is none),
    with precision ``country``; ``column`` is dropped."""
    fallback = pl.col("country_iso3").is_null() & pl.col(column).is_not_null()
    return frame.with_columns(
        pl.when(fallback).then(pl.col(column)).otherwise(pl.col("country_iso3")).alias("country_iso3"),
        pl.when(fallback).then(pl.lit("country")).otherwise(pl.col("geo_precision")).alias("geo_precision"),
    ).drop(column)


def figures_frame(rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """Records to a frame; vocabularies stay strings until validated, so a bad value can be
    reported rather than failing the cast."""
    return pl.DataFrame(list(rows), schema=RAW_SCHEMA)


def validate(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split into (valid rows typed with enums, rejected rows with a ``reason``)."""
    reason = pl.lit(None, dtype=pl.String)
    checks: list[tuple[pl.Expr, str]] = []
    for column, values in ENUMS.items():
        nullable = column in ("date_precision", "geo_precision", "context")
        bad = ~pl.col(column).is_in(list(values))
        bad = bad & pl.col(column).is_not_null() if nullable else bad | pl.col(column).is_null()
        checks.append((bad, f"unknown {column}"))
    checks += [
        (pl.col("best").is_null() | (pl.col("best") < 0), "best is missing or negative"),
        (pl.col("low").is_not_null() & (pl.col("low") > pl.col("best")), "low > best"),
        (pl.col("high").is_not_null() & (pl.col("best") > pl.col("high")), "best > high"),
        (pl.col("event_date_start") > pl.col("event_date_end"), "event date starts after it ends"),
        (((pl.col("unit") == "dwelling") & ~pl.col("kind").is_in(["housing_destroyed", "evacuated"]))
         | ((pl.col("kind") == "housing_destroyed") & (pl.col("unit") != "dwelling")),
         "dwellings are counted only as homes destroyed or evacuated"),
        (pl.col("country_iso3").is_not_null() & ~pl.col("country_iso3").str.contains(r"^[A-Z]{3}$"),
         "country_iso3 is not an ISO 3166-1 alpha-3 code"),
    ]
    for bad, text in reversed(checks):  # the first failing check names the reason
        reason = pl.when(bad.fill_null(False)).then(pl.lit(text)).otherwise(reason)
    marked = frame.with_columns(reason.alias("reason"))
    rejected = marked.filter(pl.col("reason").is_not_null())
    valid = marked.filter(pl.col("reason").is_null()).drop("reason")
    valid = valid.with_columns([pl.col(c).cast(pl.Enum(list(v))) for c, v in ENUMS.items()])
    if not rejected.is_empty():
        logger.warning("%d figures rejected: %s", rejected.height, rejected["reason"].value_counts().rows())
    return valid, rejected


@cache
def household_sizes() -> pl.DataFrame:
    """Average persons per household by ISO3 (transforms/data/household_size.csv)."""
    text = files("transforms").joinpath("data", "household_size.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pl.read_csv(StringIO(body), schema={"iso3": pl.String, "country": pl.String,
                                               "persons_per_household": pl.Float64})


def with_people(frame: pl.DataFrame, sizes: pl.DataFrame | None = None) -> pl.DataFrame:
    """Add ``people`` (a household count times its country's average household size, a person
    count as is, homes none), the ``household_size`` used and its ``household_size_source``."""
    sizes = household_sizes() if sizes is None else sizes
    joined = frame.join(sizes.select(pl.col("iso3").alias("country_iso3"),
                                     pl.col("persons_per_household").alias("_size")),
                        on="country_iso3", how="left")
    household = pl.col("unit") == "household"
    return joined.with_columns(
        pl.when(pl.col("unit") == "person").then(pl.col("best"))
        .when(household & pl.col("_size").is_not_null()).then((pl.col("best") * pl.col("_size")).round(0)
                                                               .cast(pl.Int64))
        .otherwise(None).alias("people"),
        pl.when(household).then(pl.col("_size")).otherwise(None).alias("household_size"),
        pl.when(household & pl.col("_size").is_not_null()).then(pl.lit(HOUSEHOLD_SOURCE))
        .otherwise(None).alias("household_size_source"),
    ).drop("_size")
