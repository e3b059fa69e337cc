"""The figure extractor's version, pinned to a digest of its code and rule tables.

Stored figures carry ``EXTRACTOR_VERSION`` and a reprocess backfill redoes those made by another
version, so a change of behaviour without a new version would leave stale figures in place
forever. `make pin-extractor` records the digest after a version bump; it refuses to re-pin the
same version over different code."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = Path(__file__).with_name("extractor_version.json")
# everything that decides what the extractor returns for a text
SOURCES = ("transforms/figures", "transforms/data/lexicon.toml", "transforms/data/lexicon_es_fr.toml",
           "transforms/data/regions.csv", "transforms/gazetteer.py", "transforms/context.py")


def _files(source: Path) -> list[Path]:
    """A source file itself, or every file under a source folder (not Python's caches)."""
    if source.is_file():
        return [source]
    return [p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def digest() -> str:
    h = hashlib.sha256()
    files = sorted(p for source in SOURCES for p in _files(ROOT / source))
    for path in files:
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()


def pinned() -> dict[str, str]:
    return dict(json.loads(PIN.read_text(encoding="utf-8")))


def main() -> int:
    from transforms.figures import EXTRACTOR_VERSION

    current, pin = digest(), pinned() if PIN.exists() else {}
    if pin.get("digest") == current and pin.get("version") == EXTRACTOR_VERSION:
        print(f"{EXTRACTOR_VERSION} is pinned already")
        return 0
    if pin.get("version") == EXTRACTOR_VERSION:
        print(f"the extractor changed but EXTRACTOR_VERSION is still {EXTRACTOR_VERSION}: bump it in "
              "transforms/figures/__init__.py first", file=sys.stderr)
        return 1
    PIN.write_text(json.dumps({"version": EXTRACTOR_VERSION, "digest": current}, indent=2) + "\n", encoding="utf-8")
    print(f"pinned {EXTRACTOR_VERSION} to {current[:12]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
