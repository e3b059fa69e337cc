"""The analyst's layer, refreshed after every load: near-duplicate clusters, claims (each
figure counted once however many outlets report it), the views in ``warehouse/views/`` and the
comments of every table, view and column (``warehouse/comments.sql``)."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from transforms.claims import ClaimInput, build_claims, claim_values
from transforms.clusters import Signature, assign_clusters, signature
from transforms.timeutil import utcnow
from warehouse.db import Warehouse

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Refresh:
    signed: int  # articles that got a signature
    clustered: int  # articles that got a cluster
    claims: int
    figures: int  # figures in claims


def view_files() -> list[tuple[str, str]]:
    """(name, SQL) of every view, in the order they build on each other."""
    entries = [e for e in files("warehouse").joinpath("views").iterdir() if e.name.endswith(".sql")]
    return [(e.name, e.read_text(encoding="utf-8")) for e in sorted(entries, key=lambda e: e.name)]


def create_views(con: duckdb.DuckDBPyConnection, without: frozenset[str] = frozenset()) -> None:
    """CREATE OR REPLACE every view in the current database, then (re)apply the comments, which
    replacing a view drops (leaving out those about the tables in ``without``)."""
    for _name, text in view_files():
        con.execute(text).fetchall()
    apply_comments(con, without)


VIEWS_LEDGER_DDL = "CREATE TABLE IF NOT EXISTS schema_views (sha256 VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL)"


def views_digest() -> str:
    """The digest of every view file and of comments.sql: what the views and comments were built from."""
    text = "".join(name + body for name, body in view_files())
    return hashlib.sha256((text + files("warehouse").joinpath("comments.sql").read_text(encoding="utf-8"))
                          .encode("utf-8")).hexdigest()


def ensure_views(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Create the views and comments when they differ from what built them last (or ``force``:
    a migration just ran); whether they were built. Rebuilding them on every open cost a fifth
    of a second per step of a run."""
    con.execute(VIEWS_LEDGER_DDL).fetchall()
    digest = views_digest()
    built = con.execute("SELECT sha256 FROM schema_views").fetchall()
    if not force and built == [(digest,)]:
        return False
    create_views(con)
    con.execute("DELETE FROM schema_views").fetchall()
    con.execute("INSERT INTO schema_views VALUES ($sha256, now())", {"sha256": digest}).fetchall()
    return True


def apply_comments(con: duckdb.DuckDBPyConnection, without: frozenset[str] = frozenset()) -> None:
    """Run warehouse/comments.sql, leaving out the statements about tables in ``without``."""
    text = files("warehouse").joinpath("comments.sql").read_text(encoding="utf-8")
    kept = []
    for statement in text.split(";\n"):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
        target = _COMMENT_TARGET.match(body)
        if body and not (target and target.group(1) in without):
            kept.append(body)
    con.execute(";\n".join(kept)).fetchall()  # one call: statement by statement was 0.2 s


_COMMENT_TARGET = re.compile(r"COMMENT ON (?:TABLE|VIEW|COLUMN) ([a-z_]+)")


def refresh(wh: Warehouse) -> Refresh:
    """Bring clusters, views and claims up to date with the figures now stored. One transaction."""
    with wh.transaction():
        ensure_views(wh.con)
        signed = _sign(wh)
        clustered = _cluster(wh)
        claims, members = _claims(wh)
    logger.info("analyst layer: %d articles signed, %d clustered, %d claims over %d figures",
                signed, clustered, claims, members)
    return Refresh(signed, clustered, claims, members)


def refresh_and_publish(wh: Warehouse, snapshot: Path) -> Refresh:
    """After a load: the analyst layer brought up to date, then the snapshot analysts read."""
    from warehouse.snapshot import publish

    done = refresh(wh)
    publish(wh, snapshot)
    return done


def refresh_after_load(wh: Warehouse, snapshot: Path) -> Refresh | None:
    """``refresh_and_publish`` for the flows: the load it follows is committed already, so a
    failure here must not undo it or mark its pages failed. It is logged; the next load (or the
    end of the run) refreshes again, and until then analysts read the previous snapshot."""
    try:
        return refresh_and_publish(wh, snapshot)
    except Exception:
        logger.exception("the analyst layer or its snapshot %s could not be refreshed; the loaded data is safe",
                         snapshot)
        return None


def _sign(wh: Warehouse) -> int:
    pending = wh.rows("unsigned_articles")
    if not pending:
        return 0
    sigs = [signature(key, text) for key, text in pending]
    wh.load("insert_signatures", pl.DataFrame(
        {"article_key": [s.article_key for s in sigs], "signature": [s.hashes for s in sigs],
         "shingles": [s.shingles for s in sigs]},
        schema={"article_key": pl.String, "signature": pl.Binary, "shingles": pl.Int32}))
    return len(sigs)


def _cluster(wh: Warehouse) -> int:
    rows = wh.rows("cluster_state")
    stored = [(Signature(key, bytes(sig), n), cluster) for key, sig, n, cluster in rows if cluster is not None]
    new = [Signature(key, bytes(sig), n) for key, sig, n, cluster in rows if cluster is None]
    if not new:
        return 0
    assigned = assign_clusters(stored, new)
    wh.load("set_clusters", pl.DataFrame({"article_key": list(assigned), "cluster_id": list(assigned.values())},
                                         schema={"article_key": pl.String, "cluster_id": pl.String}))
    return len(assigned)


def _claims(wh: Warehouse) -> tuple[int, int]:
    frame = wh.frame("claim_inputs")
    extra: dict[str, dict[str, Any]] = {}
    inputs = []
    for row in frame.iter_rows(named=True):
        inputs.append(ClaimInput(
            row["figure_id"], row["article_key"], row["cluster_id"], row["source"], row["kind_class"], row["kind"],
            row["group"], row["unit"], row["cumulative"], row["modality"], row["country_iso3"], row["place"],
            row["day_start"], row["day_end"], row["low"], row["best"], row["high"]))
        extra[row["figure_id"]] = row
    claims = build_claims(inputs)
    claim_rows, member_rows = [], []
    for claim in claims:
        low, best, high = claim_values(claim)
        first = claim.members[0]
        # the conservative member: the one whose best the claim reports
        chosen = min(claim.members, key=lambda m: (m.best, m.figure_id))
        seen = [extra[m.figure_id]["fetched_at"] for m in claim.members]
        days = [m.day_start for m in claim.members if m.day_start is not None]
        ends = [m.day_end for m in claim.members if m.day_end is not None]
        claim_rows.append({
            "claim_id": claim.claim_id, "kind_class": first.kind_class, "kind": chosen.kind,
            "group": _most_specific(m.group for m in claim.members), "unit": first.unit,
            "country_iso3": first.country_iso3, "place": next((m.place for m in claim.members if m.place), None),
            "event_date_start": min(days) if days else None, "event_date_end": max(ends) if ends else None,
            "low": low, "best": best, "high": high, "people": extra[chosen.figure_id]["people"],
            "cumulative": first.cumulative, "modality": first.modality,
            "context": extra[chosen.figure_id]["context"],
            "sources": len({m.source for m in claim.members}), "articles": len({m.article_key for m in claim.members}),
            "reviewed": any(extra[m.figure_id]["reviewed"] for m in claim.members),
            "first_seen": min(seen), "last_seen": max(seen),
            "published_on": min((p for m in claim.members if (p := extra[m.figure_id]["published_on"])), default=None),
        })
        member_rows += [{"claim_id": claim.claim_id, "figure_id": m.figure_id, "article_key": m.article_key,
                         "figure_index": extra[m.figure_id]["figure_index"]} for m in claim.members]
    claims_frame = pl.DataFrame(claim_rows, schema=_CLAIM_SCHEMA)
    members_frame = pl.DataFrame(member_rows, schema={"claim_id": pl.String, "figure_id": pl.String,
                                                      "article_key": pl.String, "figure_index": pl.Int32})
    wh.rows("clear_claims")  # also when there is nothing left to claim
    wh.load("replace_claims", claims_frame, {"incoming_members": members_frame}, now=utcnow())
    return len(claim_rows), len(member_rows)


def _most_specific(groups: Any) -> str:
    named = [g for g in groups if g != "people"]
    return named[0] if named else "people"


_CLAIM_SCHEMA: dict[str, Any] = {
    "claim_id": pl.String, "kind_class": pl.String, "kind": pl.String, "group": pl.String, "unit": pl.String,
    "country_iso3": pl.String, "place": pl.String, "event_date_start": pl.Date, "event_date_end": pl.Date,
    "low": pl.Int64, "best": pl.Int64, "high": pl.Int64, "people": pl.Int64, "cumulative": pl.Boolean,
    "modality": pl.String, "context": pl.String, "sources": pl.Int32, "articles": pl.Int32, "reviewed": pl.Boolean,
    "first_seen": pl.Datetime("us", "UTC"), "last_seen": pl.Datetime("us", "UTC"), "published_on": pl.Date,
}
