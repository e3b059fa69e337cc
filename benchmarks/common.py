"""What every benchmark shares: the result record, the corpus paths, body F1, child processes.

A benchmark returns ``Result`` rows: its figures, the baseline it was measured against in the
same run, the ratio, the target and whether it is met. ``benchmarks/run.py`` prints them as one
table and writes ``bench/results.json``. Timings live here, never in pytest.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCRAPINGHUB = CORPUS / "html" / "scrapinghub-article-extraction-benchmark"
BIN = Path(sys.executable).parent


@dataclass
class Result:
    name: str
    figures: dict[str, Any]
    baseline: float | None  # what the ratio divides by, measured in the same run
    value: float  # the number the target is about
    unit: str
    target: str  # in words, e.g. ">= 0.85x baseline"
    met: bool
    ratio: float | None = None
    notes: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return asdict(self)


def scrapinghub_pages() -> tuple[dict[str, bytes], dict[str, str]]:
    """The 181 real pages (decompressed) and their human ground-truth bodies, by page key."""
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {p.name.split(".")[0]: gzip.decompress(p.read_bytes())
             for p in sorted((SCRAPINGHUB / "html").glob("*.html.gz"))}
    return pages, {key: item["articleBody"] for key, item in truth.items() if key in pages}


_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i:i + n]) for i in range(max(len(words) - n + 1, 0)))


def body_f1(extracted: str, truth: str) -> float:
    """4-shingle F1 of an extracted body against the human one (the benchmark's own measure)."""
    got, want = shingles(extracted), shingles(truth)
    overlap = sum((got & want).values())
    if not got or not want or not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def run_cli(args: list[str], env: Mapping[str, str], timeout: float = 3600,
            cpus: set[int] | None = None) -> tuple[float, str]:
    """Run ``conflictwire ARGS`` in a child process; (wall seconds, its output). Fails loudly.
    ``cpus``: the only cores the child and every process it starts may run on."""
    started = time.perf_counter()
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    done = subprocess.run([str(BIN / "conflictwire"), *args], env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=timeout, check=False, preexec_fn=pin)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"conflictwire {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout + done.stderr


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else 0
    return f"{cpu}, {cores} cores, {memory:.0f} GiB, Python {sys.version.split()[0]}"
