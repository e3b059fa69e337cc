"""The gazetteer is built once and kept on disk, so a new process starts in well under a second.

Each case runs a fresh interpreter (the gazetteer is process-wide) with its own cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_PROBE = """
import json, logging, sys
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
from transforms.gazetteer import gazetteer
g = gazetteer()
print(json.dumps({"names": len(g), "tripoli": sorted({p.country_iso3 for p in g.lookup("Tripoli")}),
                  "zamfara": [p.level for p in g.lookup("Zamfara")],
                  "deir_ezzor": sorted({p.country_iso3 for p in g.lookup_spelling("Deir Ezzor")})}))
"""


def _run(cache: str, **extra: str) -> tuple[dict[str, object], str]:
    env = {**os.environ, "CONFLICTWIRE_CACHE_DIR": cache, **extra}
    done = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True,
                          timeout=120)
    return json.loads(done.stdout), done.stderr


def test_the_second_process_reads_the_cache_and_finds_the_same_places(tmp_path: Path) -> None:
    built, _ = _run(str(tmp_path))
    files = list((tmp_path / "conflictwire").glob("gazetteer-*.marshal"))
    assert len(files) == 1
    cached, _ = _run(str(tmp_path))
    assert cached == built
    assert {"LBY", "LBN"} <= set(built["tripoli"])  # type: ignore[arg-type]
    assert built["zamfara"] == ["admin_area"]
    assert built["deir_ezzor"] == ["SYR"]  # the romanisation keys are cached with the names


def test_a_cache_of_an_older_version_is_removed_when_a_new_one_is_written(tmp_path: Path) -> None:
    stale = tmp_path / "conflictwire" / "gazetteer-0000000000000000.marshal"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an older build")
    _run(str(tmp_path))
    assert [f.name for f in (tmp_path / "conflictwire").glob("gazetteer-*.marshal")] != [stale.name]
    assert not stale.exists()


def test_a_corrupt_cache_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    built, _ = _run(str(tmp_path))
    (cache_file,) = (tmp_path / "conflictwire").glob("gazetteer-*.marshal")
    cache_file.write_bytes(b"not a gazetteer")
    rebuilt, stderr = _run(str(tmp_path))
    assert rebuilt == built
    assert "unreadable" in stderr
    assert cache_file.read_bytes() != b"not a gazetteer"


def test_an_empty_cache_setting_builds_in_memory_only(tmp_path: Path) -> None:
    built, _ = _run("", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert built["names"] > 200_000  # type: ignore[operator]
    assert list(tmp_path.rglob("*")) == []
