"""What a rule change does to the figures of text nobody tuned to: the extractor over every text
of ../shared/corpus/texts (and the silver sets), saved, then compared after the change.

    .venv/bin/python benchmarks/figure_diff.py save before.jsonl        # before the change
    .venv/bin/python benchmarks/figure_diff.py compare before.jsonl     # after it
    .venv/bin/python benchmarks/figure_diff.py compare before.jsonl --show 60 --kind killed

`compare` prints how many figures appeared, disappeared or changed (kind, value, part_of, modality,
unit, group, cumulative, country; `--fields` narrows it), per source,
and the first N of each with their sentence, so a new rule's false positives are read before it
lands (issue 9: "every new rule is checked against all ~25,000 texts"). Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.figures import extract_figures  # noqa: E402

SHARED = ROOT.parent / "shared"

Key = tuple[str, int, int]  # document, start and end of the number


def documents() -> Iterator[tuple[str, str, str, date | None]]:
    """(source, id, text, published) of every corpus and silver text, each id once."""
    seen: set[str] = set()
    files = sorted((SHARED / "corpus" / "texts").glob("*.jsonl")) + sorted((SHARED / "eval" / "silver").glob("*.jsonl"))
    for path in files:
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            if doc["id"] in seen:
                continue
            seen.add(doc["id"])
            published = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
            yield path.stem, doc["id"], doc["text"], published


def run() -> dict[Key, dict[str, object]]:
    out: dict[Key, dict[str, object]] = {}
    for source, doc_id, text, published in documents():
        for figure in extract_figures(text, published, doc_id):
            out[(doc_id, figure.start, figure.end)] = {
                "source": source, "doc_id": doc_id, "start": figure.start, "end": figure.end, "kind": figure.kind,
                "best": figure.best, "part_of": figure.part_of, "modality": figure.modality,
                "unit": figure.unit, "group": figure.group, "cumulative": figure.cumulative,
                "country_iso3": figure.country_iso3, "place": figure.place,
                "event_date_start": figure.event_date_start.isoformat() if figure.event_date_start else None,
                "date_precision": figure.date_precision,
                "number_text": figure.number_text, "sentence": figure.sentence}
    return out


def save(path: Path) -> int:
    figures = run()
    with path.open("w", encoding="utf-8") as sink:
        for row in figures.values():
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(figures)} figures saved to {path}")
    return 0


# what a change is compared on; a field a file saved by an older version lacks is not compared
FIELDS = ("kind", "best", "part_of", "modality", "unit", "group", "cumulative", "country_iso3")


def _differs(before: dict[str, object], after: dict[str, object], fields: tuple[str, ...]) -> list[str]:
    return [f for f in fields if f in before and before[f] != after[f]]


def compare(path: Path, show: int, kind: str | None, fields: tuple[str, ...] = FIELDS) -> int:
    before = {(r["doc_id"], r["start"], r["end"]): r
              for r in map(json.loads, path.open(encoding="utf-8"))}
    after = run()
    added = [after[k] for k in after.keys() - before.keys()]
    removed = [before[k] for k in before.keys() - after.keys()]
    changed = [(before[k], after[k]) for k in before.keys() & after.keys() if _differs(before[k], after[k], fields)]
    if kind:
        added = [r for r in added if r["kind"] == kind]
        removed = [r for r in removed if r["kind"] == kind]
        changed = [(b, a) for b, a in changed if kind in (b["kind"], a["kind"])]
    per_source: Counter[tuple[str, str]] = Counter()
    for label, rows in (("added", added), ("removed", removed)):
        per_source.update((str(r["source"]), label) for r in rows)
    per_source.update((str(a["source"]), "changed") for _, a in changed)
    print(f"{len(before)} figures before, {len(after)} after: {len(added)} added, {len(removed)} removed, "
          f"{len(changed)} changed")
    for (source, label), n in sorted(per_source.items()):
        print(f"  {source:<22} {label:<8} {n}")
    for label, rows in (("ADDED", added), ("REMOVED", removed)):
        for r in rows[:show]:
            print(f"{label} [{r['doc_id']}] {r['kind']} {r['best']} ({r['number_text']!r}): {str(r['sentence'])[:220]}")
    print("  changed fields: " + ", ".join(f"{f} {n}" for f, n in
                                          Counter(f for b, a in changed for f in _differs(b, a, fields)).items()))
    for b, a in changed[:show]:
        what = "; ".join(f"{f} {b[f]} -> {a[f]}" for f in _differs(b, a, fields))
        print(f"CHANGED [{a['doc_id']}] {a['kind']} {a['best']} {what} ({a['number_text']!r}): "
              f"{str(a['sentence'])[:200]}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("save").add_argument("path", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("path", type=Path)
    cmp.add_argument("--show", type=int, default=20)
    cmp.add_argument("--kind")
    cmp.add_argument("--fields", default=",".join(FIELDS), help="compared fields, comma-separated")
    args = parser.parse_args(argv[1:])
    if not (SHARED / "corpus" / "texts").exists():
        print(f"{SHARED / 'corpus' / 'texts'} is not on this machine", file=sys.stderr)
        return 2
    if args.command == "save":
        return save(args.path)
    return compare(args.path, args.show, args.kind, tuple(args.fields.split(",")))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
