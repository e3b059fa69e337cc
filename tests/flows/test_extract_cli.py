"""`conflictwire extract-figures`, run as a real process: the evaluation contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONTRACT_FIELDS = {"doc_id", "kind", "group", "unit", "low", "best", "high", "qualifier", "number_text", "start",
                   "end", "sentence", "part_of", "cumulative", "modality", "event_date_start", "event_date_end",
                   "date_precision", "place", "country_iso3", "latitude", "longitude"}


def run(tmp_path: Path, lines: list[str]) -> tuple[subprocess.CompletedProcess[str], list[dict[str, object]]]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "flows.cli", "extract-figures", str(source), "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()] if target.exists() else []
    return done, out


def doc(doc_id: str, text: str, published: str | None = "2026-11-20") -> str:
    return json.dumps({"id": doc_id, "text": text, "published": published})


def test_writes_one_figure_a_line_with_the_contract_fields(tmp_path: Path) -> None:
    done, out = run(tmp_path, [
        doc("a", "On 18 November 2026, gunmen killed 7 villagers and wounded 3 others in Soum, Burkina Faso."),
        doc("b", "The ministry published its annual budget on Tuesday."),
        doc("c", "Floods displaced about 2,000 families, or 11,000 people, in Beledweyne.", None),
    ])
    assert done.returncode == 0, done.stderr
    assert [(r["doc_id"], r["kind"], r["best"]) for r in out] == [
        ("a", "killed", 7), ("a", "injured", 3), ("c", "displaced", 11000)]
    assert all(set(r) == CONTRACT_FIELDS | {"context", "kind_rule"} for r in out)  # the contract's, and ours
    assert [r["context"] for r in out] == ["conflict", "conflict", "disaster"]
    assert out[0]["event_date_start"] == "2026-11-18" and out[0]["country_iso3"] == "BFA"


def test_bad_lines_are_reported_with_their_number_skipped_and_fail_the_exit_status(tmp_path: Path) -> None:
    done, out = run(tmp_path, [
        "this is not json",
        doc("ok", "Two soldiers were killed in an ambush."),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "Two soldiers were killed.", "published": "yesterday"}),
        json.dumps(["a", "list"]),
    ])
    assert done.returncode == 1
    for number, reason in [(1, "not JSON"), (3, "no text"), (4, "no text"), (5, "published"), (6, "not a JSON object")]:
        assert f"line {number}: {reason}" in done.stderr
    assert [r["doc_id"] for r in out] == ["ok"]


def test_classify_context_writes_one_line_a_document_and_reports_bad_lines(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join([doc("war", "Militants killed 12 soldiers in an ambush on an army convoy."),
                                  doc("flood", "Flash floods after heavy rain forced 2,000 people to evacuate."),
                                  "not json", doc("bank", "The central bank cut interest rates on Tuesday.")]) + "\n")
    done = subprocess.run([sys.executable, "-m", "flows.cli", "classify-context", str(source), "-o", str(target)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and "line 3" in done.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["context"]) for r in rows] == [("war", "conflict"), ("flood", "disaster"),
                                                           ("bank", "other")]
    assert all(0.5 <= r["confidence"] <= 1.0 for r in rows)
