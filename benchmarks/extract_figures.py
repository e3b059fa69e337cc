"""Benchmark: the figure extractor over every text of ../shared/corpus/texts/*.jsonl (about
25,000 real conflict texts), on one core, streamed the way `conflictwire extract-figures` reads.

    make bench          (or: .venv/bin/python benchmarks/extract_figures.py [FOLDER])

Prints the one-time gazetteer load, documents per second after it for each source (ACLED notes,
article paragraphs, IDMC excerpts, UCDP headlines) and over all, figures found and peak memory;
exits 1 when a source is below the target (2,000 documents/s on one core). Not a test: timings
belong here, not in pytest.
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.extract_cli import extract_stream  # noqa: E402
from transforms.gazetteer import gazetteer  # noqa: E402

TARGET_DOCS_PER_SECOND = 2000


class Discard(io.TextIOBase):
    """Counts what would be written, keeps nothing: memory must not grow with the input."""

    def __init__(self) -> None:
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus" / "texts"
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl under {folder}: nothing to measure", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core, as the target says
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    loading = time.perf_counter()
    gazetteer()  # built once per process; reported apart from the per-document rate
    print(f"gazetteer: {len(gazetteer()):,} names loaded in {time.perf_counter() - loading:.2f}s")
    sink = Discard()
    documents = figures = bad = 0
    started = time.perf_counter()
    slow: list[str] = []
    for path in files:
        began = time.perf_counter()
        with path.open(encoding="utf-8") as source:
            docs, figs, errors = extract_stream(source, sink, report=io.StringIO())
        per_second = docs / max(time.perf_counter() - began, 1e-9)
        documents, figures, bad = documents + docs, figures + figs, bad + len(errors)
        print(f"  {path.name:<28} {docs:>6} documents {figs:>6} figures {per_second:>7,.0f} documents/s")
        if per_second < TARGET_DOCS_PER_SECOND:
            slow.append(path.stem)
    elapsed = time.perf_counter() - started
    rate = documents / elapsed
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{documents} documents, {figures} figures, {bad} bad lines in {elapsed:.2f}s on one core")
    print(f"documents/s {rate:,.0f} over all (target {TARGET_DOCS_PER_SECOND:,} for each source)")
    if slow:
        print(f"below the target: {', '.join(slow)}")
    print(f"peak memory {peak_mb:.0f} MB (process at start {rss_before / 1024:.0f} MB)")
    return 0 if not slow else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
