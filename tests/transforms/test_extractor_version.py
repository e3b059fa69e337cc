"""A change of the figure extractor's behaviour comes with a new EXTRACTOR_VERSION (stored
figures carry it, and a reprocess backfill redoes the figures of other versions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import extractor_pin
from transforms.figures import EXTRACTOR_VERSION


def test_the_pinned_digest_matches_the_extractor_and_its_version() -> None:
    pin = extractor_pin.pinned()
    assert pin["version"] == EXTRACTOR_VERSION, "EXTRACTOR_VERSION changed: run `make pin-extractor`"
    assert extractor_pin.digest() == pin["digest"], (
        "the figure extractor's code or rule tables changed: bump EXTRACTOR_VERSION in "
        "transforms/figures/__init__.py, then run `make pin-extractor`")


def test_every_pinned_source_is_read() -> None:
    # a table named in SOURCES but read as an empty folder would let it change unpinned
    for source in extractor_pin.SOURCES:
        assert extractor_pin._files(extractor_pin.ROOT / source), source


def test_re_pinning_the_same_version_over_changed_code_is_refused(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pin = tmp_path / "pin.json"
    pin.write_text(json.dumps({"version": EXTRACTOR_VERSION, "digest": "old"}))
    monkeypatch.setattr(extractor_pin, "PIN", pin)
    assert extractor_pin.main() == 1
    assert json.loads(pin.read_text())["digest"] == "old"
    pin.write_text(json.dumps({"version": "figures-older", "digest": "old"}))
    assert extractor_pin.main() == 0  # after a bump the new digest is recorded
    assert json.loads(pin.read_text()) == {"version": EXTRACTOR_VERSION, "digest": extractor_pin.digest()}
