"""The figure record: one field per column of the contract (../shared/spec/FIGURES.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

KINDS = ("killed", "injured", "casualties", "missing", "abducted", "detained", "displaced", "evacuated",
         "refugees", "sheltered", "homeless", "returned", "housing_destroyed")
GROUPS = ("people", "civilians", "children", "women", "combatants", "aid_workers", "journalists", "migrants")
UNITS = ("person", "household", "dwelling")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "up_to", "less_than", "range", "vague")
MODALITIES = ("asserted", "uncertain", "hypothetical")
PRECISIONS = ("day", "week", "month", "year")

KIND_CLASS = {
    "killed": "deaths", "injured": "injuries", "casualties": "casualties", "displaced": "displacement",
    "evacuated": "displacement", "refugees": "displacement", "sheltered": "displacement",
    "homeless": "displacement", "returned": "returns", "housing_destroyed": "housing", "missing": "missing",
    "abducted": "abducted", "detained": "detained",
}
DISPLACEMENT_KINDS = frozenset(k for k, c in KIND_CLASS.items() if c in ("displacement", "returns"))


@dataclass(slots=True)
class Figure:
    doc_id: str
    kind: str
    group: str
    unit: str
    low: int | None
    best: int
    high: int | None
    qualifier: str
    number_text: str
    start: int
    end: int
    sentence: str
    part_of: int | None = None
    cumulative: bool = False
    modality: str = "asserted"
    event_date_start: date | None = None
    event_date_end: date | None = None
    date_precision: str | None = None
    place: str | None = None
    country_iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # beyond the contract's fields: the place's first-level admin area and how precise it is
    admin1: str | None = None
    geo_precision: str | None = None  # town | admin_area | country
    context: str = "other"  # conflict | disaster | other (transforms.context)
    kind_rule: str | None = None  # which rule gave the kind and the words that fired it

    def as_json(self) -> dict[str, Any]:
        # every field is a scalar: a plain copy, not asdict's recursive deep copy (a tenth of the time)
        row = {name: getattr(self, name) for name in _JSON_FIELDS}
        for key in ("event_date_start", "event_date_end"):
            if row[key] is not None:
                row[key] = row[key].isoformat()
        return row


_JSON_FIELDS = tuple(f.name for f in fields(Figure) if f.name not in ("admin1", "geo_precision"))
