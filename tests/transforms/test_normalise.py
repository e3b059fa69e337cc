"""Figures as a typed polars frame: enums, rejected rows with reasons, households to people."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from transforms.normalise import HOUSEHOLD_SOURCE, figures_frame, household_sizes, validate, with_people

DWELLINGS = "dwellings are counted only as homes destroyed or evacuated"


def row(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "article_key": "a1", "figure_index": 0, "kind": "displaced", "group": "people", "unit": "person",
        "low": 100, "best": 100, "high": 100, "qualifier": "exact", "number_text": "100", "start_offset": 0,
        "end_offset": 3, "sentence": "100 people fled.", "part_of": None, "cumulative": False,
        "modality": "asserted", "event_date_start": date(2026, 11, 1), "event_date_end": date(2026, 11, 1),
        "date_precision": "day", "place": "Marib", "country_iso3": "YEM", "admin1": None,
        "geo_precision": "town", "latitude": 15.46, "longitude": 45.32, "extractor_version": "t",
    }
    return {**base, **changes}


def test_valid_rows_are_typed_to_the_warehouse_schema() -> None:
    valid, rejected = validate(figures_frame([row()]))
    assert rejected.is_empty()
    assert isinstance(valid.schema["kind"], pl.Enum) and isinstance(valid.schema["modality"], pl.Enum)
    assert valid.schema["best"] == pl.Int64 and valid.schema["event_date_start"] == pl.Date


INVALID = [
    ("unknown-kind", {"kind": "looted"}, "unknown kind"),
    ("unknown-group", {"group": "tourists"}, "unknown group"),
    ("unknown-qualifier", {"qualifier": "roughly"}, "unknown qualifier"),
    ("unknown-precision", {"date_precision": "hour"}, "unknown date_precision"),
    ("low-above-best", {"low": 200}, "low > best"),
    ("best-above-high", {"high": 50}, "best > high"),
    ("negative", {"best": -1, "low": None, "high": None}, "best is missing or negative"),
    ("dates-reversed", {"event_date_start": date(2026, 11, 5)}, "event date starts after it ends"),
    ("dwelling-not-housing", {"unit": "dwelling"}, DWELLINGS),
    ("housing-not-dwelling", {"kind": "housing_destroyed"}, DWELLINGS),
    ("bad-country", {"country_iso3": "Yemen"}, "country_iso3 is not an ISO 3166-1 alpha-3 code"),
]


@pytest.mark.parametrize(("changes", "reason"), [(c, r) for _, c, r in INVALID], ids=[i for i, _, _ in INVALID])
def test_invalid_rows_are_rejected_with_their_reason(changes: dict[str, Any], reason: str) -> None:
    valid, rejected = validate(figures_frame([row(), row(figure_index=1, **changes)]))
    assert valid["figure_index"].to_list() == [0]
    assert rejected.select("figure_index", "reason").rows() == [(1, reason)]


def test_households_become_people_with_the_size_and_source_recorded() -> None:
    frame = figures_frame([row(unit="household", best=400, low=None, high=None, qualifier="approx"),
                           row(figure_index=1, unit="household", country_iso3="SYR", best=50, low=50, high=50),
                           row(figure_index=2), row(figure_index=3, kind="housing_destroyed", unit="dwelling")])
    valid, _ = validate(frame)
    out = with_people(valid).select("unit", "best", "people", "household_size", "household_size_source").rows()
    yemen = household_sizes().filter(pl.col("iso3") == "YEM")["persons_per_household"][0]
    assert out[0] == ("household", 400, round(400 * yemen), yemen, HOUSEHOLD_SOURCE)
    assert out[1] == ("household", 50, None, None, None)  # the database has no size for Syria
    assert out[2] == ("person", 100, 100, None, None)
    assert out[3] == ("dwelling", 100, None, None, None)


def test_the_household_size_file_names_its_source_and_is_plausible() -> None:
    sizes = household_sizes()
    assert sizes.height > 150 and sizes["iso3"].is_unique().all()
    assert sizes["persons_per_household"].is_between(1.5, 10).all()


def test_homes_evacuated_are_kept_as_dwellings() -> None:
    homes = row(kind="evacuated", unit="dwelling", sentence="80 homes were evacuated.")
    valid, rejected = validate(figures_frame([homes]))
    assert rejected.height == 0
    assert valid.select("kind", "unit").rows() == [("evacuated", "dwelling")]
