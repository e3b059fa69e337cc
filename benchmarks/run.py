"""Every benchmark, one table: ``make bench`` (or ``python -m benchmarks.run [--only NAME ...]``).

Prints each result with its baseline, ratio and target, writes ``bench/results.json`` (one
object per result: name, figures, baseline, ratio, target, met) with the machine it ran on, and
exits 1 when a target is missed. Timings belong here, never in pytest.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import backfill, figures, load, pipeline, quiet_day
from benchmarks.common import CORPUS, ROOT, Result, machine

BENCHMARKS: dict[str, Callable[[], list[Result]]] = {
    "figures": figures.run,
    "pipeline": pipeline.run,
    "load": load.run,
    "quiet-day": quiet_day.run,
    "backfill": backfill.run,
}
NEEDS_CORPUS = {"figures", "pipeline"}


def table(results: list[Result]) -> str:
    lines = [f"| {'benchmark':<44} | {'value':>12} | {'baseline':>9} | {'ratio':>6} | {'target':<42} | met |",
             f"|{'-' * 46}|{'-' * 14}|{'-' * 11}|{'-' * 8}|{'-' * 44}|-----|"]
    for r in results:
        value = f"{r.value:,} {r.unit}" if len(f"{r.value:,} {r.unit}") <= 12 else f"{r.value:,}"
        lines.append(f"| {r.name:<44} | {value:>12} | {'' if r.baseline is None else f'{r.baseline:,}':>9} | "
                     f"{'' if r.ratio is None else r.ratio:>6} | {r.target:<42} | {'yes' if r.met else 'NO':<3} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    names = args.only or list(BENCHMARKS)
    if not CORPUS.exists() and NEEDS_CORPUS & set(names):
        print(f"{CORPUS} is not on this machine: leaving out {sorted(NEEDS_CORPUS & set(names))}", file=sys.stderr)
        names = [n for n in names if n not in NEEDS_CORPUS]
    results: list[Result] = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            found = BENCHMARKS[name]()
        except Exception as exc:  # one broken benchmark must not cost the numbers of the others
            traceback.print_exc()
            found = [Result(f"{name}: failed", {"error": f"{type(exc).__name__}: {exc}"}, None, 0, "", "runs", False)]
        results.extend(found)
        print(table(found), f"\n({name}: {time.perf_counter() - started:.0f} s)\n", file=sys.stderr, flush=True)
    print(f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}\n")
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = [r.row() for r in results]
    if args.only and args.out.exists():  # a partial run updates its own rows of the last full one
        fresh = {row["name"] for row in rows}
        kept = [row for row in json.loads(args.out.read_text(encoding="utf-8"))["results"] if row["name"] not in fresh]
        rows = [*kept, *rows]
    report = {"machine": machine(), "measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "results": rows}
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
