"""The figure extractor measured the way the project's owners measure it: ../shared/eval's
scorer on the hand-labelled dev set, and the contract's worked example as a golden test.
Skipped when ../shared is not on this machine."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import shared_folder
from transforms.context import classify_context
from transforms.figures import extract_figures

pytestmark = pytest.mark.corpus


def _scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for doc in docs:
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        rows += [f.as_json() for f in extract_figures(doc["text"], published, doc["id"])]
    return rows


BASELINE = json.loads((Path(__file__).with_name("eval_baseline.json")).read_text(encoding="utf-8"))


def test_dev_set_holds_the_baseline() -> None:
    folder = shared_folder("eval")
    docs = [json.loads(line) for line in (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    result = _scorer(folder).score(docs, _predict(docs))
    totals, attributes = result["document_total_exact"], result["attributes_on_matches"]
    got = {"figures_f1": result["figures"]["f1"], "deaths_total": totals["deaths"],
           "displacement_total": totals["displacement"], "country_iso3": attributes["country_iso3"],
           "event_date": attributes["event_date"]}
    floors = BASELINE["dev"]
    below = {k: (v, floors[k]["floor"]) for k, v in got.items() if v < floors[k]["floor"]}
    assert not below, f"dev scores under their floors (score, floor): {below}"
    assert result["negative_documents_with_a_figure"] <= floors["negative_documents_with_a_figure"]["ceiling"]
    # every figure says which rule made its kind
    assert all(row["kind_rule"] for row in _predict(docs))


@pytest.mark.parametrize("name", sorted(BASELINE["silver"]))
def test_silver_sets_hold_the_baseline(name: str, tmp_path: Path) -> None:
    """The ACLED and IDMC coders' own numbers, scored by ../shared/eval/silver.py."""
    folder = shared_folder("eval")
    docs = [json.loads(line) for line in (folder / "silver" / name).read_text(encoding="utf-8").splitlines() if line]
    pred = tmp_path / "pred.jsonl"
    if "context" in docs[0]:  # the context set is scored on `classify-context` lines
        rows = [{"doc_id": d["id"], "context": classify_context(d["text"]).context} for d in docs]
    else:
        rows = _predict(docs)
    pred.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(folder / "silver.py"), str(folder / "silver" / name), str(pred),
                           "--json"], capture_output=True, text=True, timeout=300, check=True)
    scores = json.loads(done.stdout)
    below = {k: (scores[k], v["floor"]) for k, v in BASELINE["silver"][name].items() if scores[k] < v["floor"]}
    assert not below, f"{name} under its floors (score, floor): {below}"


# The contract's worked example (FIGURES.md): the seed story's table.
SEED_TABLE = [
    {"kind": "killed", "group": "people", "unit": "person", "low": 200, "best": 200, "high": 999,
     "qualifier": "vague", "number_text": "hundreds", "part_of": None, "cumulative": True, "modality": "asserted"},
    {"kind": "killed", "group": "civilians", "unit": "person", "low": 24, "best": 24, "high": 99,
     "qualifier": "vague", "number_text": "dozens", "part_of": 0, "cumulative": True, "modality": "asserted"},
    {"kind": "displaced", "group": "people", "unit": "person", "low": 200000, "best": 200000, "high": None,
     "qualifier": "more_than", "number_text": "200,000", "part_of": None, "cumulative": True,
     "modality": "asserted"},
]


def test_seed_story_gives_exactly_the_contract_table() -> None:
    folder = shared_folder("eval")
    doc = json.loads((folder / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    figures = extract_figures(doc["text"], date.fromisoformat(doc["published"]), doc["id"])
    got = [{k: getattr(f, k) for k in SEED_TABLE[0]} for f in figures]
    assert got == SEED_TABLE
    for figure in figures:
        assert doc["text"][figure.start:figure.end] == figure.number_text
        assert figure.event_date_start is None  # the battle's sentence states no date
        assert (figure.place, figure.country_iso3) == ("Tripoli", "LBY")


def test_seed_story_places_and_dates() -> None:
    from transforms.figures.dates import find_dates
    from transforms.figures.places import place_mentions

    folder = shared_folder("eval")
    doc = json.loads((folder / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    text, published = doc["text"], date.fromisoformat(doc["published"])
    places = {(text[m.start:m.end], m.place.country_iso3) for m in place_mentions(text)}
    assert {("Tripoli", "LBY"), ("Bani Walid", "LBY")} <= places
    assert not {iso3 for _, iso3 in places} & {"LBN", "RUS", "ARE", "TUR"}
    dates = {text[d.start:d.end]: d.value for d in find_dates(text, published)}
    assert dates["Monday"] == (date(2020, 5, 25), date(2020, 5, 25), "day")
    assert dates["Saturday"] == (date(2020, 5, 23), date(2020, 5, 23), "day")
    assert dates["the previous day"] == (date(2020, 5, 24), date(2020, 5, 24), "day")
    assert dates["last April"] == (date(2019, 4, 1), date(2019, 4, 30), "month")
    assert dates["Earlier this month"] == (date(2020, 5, 1), date(2020, 5, 25), "month")


def test_seed_story_matches_the_gold_file() -> None:
    folder = shared_folder("eval")
    gold = [json.loads(line) for line in (folder / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    result = _scorer(folder).score(gold, _predict(gold))
    assert result["figures"]["f1"] == 1.0
    for key in ("kind", "group", "unit", "qualifier", "low", "high", "part_of", "cumulative", "modality"):
        assert result["attributes_on_matches"][key] == 1.0, key
