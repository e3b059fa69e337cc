"""Counted once: figures that report the same people become one claim.

A wire story syndicated by three outlets gives three articles and three "12 killed" figures; an
analyst wants one. Two figures are the same claim when all of these hold (the README's rule):

- the same kind class (deaths, displacement, ...), the same cumulative flag and modality, and
  groups that agree (the same, or one of them the generic ``people``);
- the same country (or neither has one);
- the same story or the same event: their articles are in one near-duplicate cluster, or they
  come from different articles and their places agree (the same, or one has none) and their
  event dates overlap (an undated figure takes its article's publication day) within
  ``DATE_SLACK_DAYS``;
- their values agree: the intervals [low, high] overlap, or the bests are within
  ``VALUE_TOLERANCE`` of each other (a later "at least 12" beside an earlier "10").

Figures of one article never merge (an article's own re-reports are its ``part_of``). Only
top-level figures (``part_of`` null) make claims. A claim's best is conservative: the smallest
best among its sources, with the lowest low and the highest high beside it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

DATE_SLACK_DAYS = 1
VALUE_TOLERANCE = 0.2


def figure_id(article_key: str, start: int, end: int, number_text: str) -> str:
    """A figure's stable id: the same number at the same place of the same article keeps it
    across re-extraction and backfills, whatever its index or kind becomes."""
    return hashlib.sha256(f"{article_key}|{start}|{end}|{number_text}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """One top-level figure, with its reviews applied, as the claim builder needs it."""

    figure_id: str
    article_key: str
    cluster_id: str
    source: str  # the outlet (site or feed) that published the article
    kind_class: str
    kind: str
    group: str
    unit: str
    cumulative: bool
    modality: str
    country_iso3: str | None
    place: str | None
    day_start: date | None  # event date, else the article's publication day
    day_end: date | None
    low: int | None
    best: int
    high: int | None


@dataclass(slots=True)
class Claim:
    claim_id: str
    members: list[ClaimInput] = field(default_factory=list)

    def accepts(self, f: ClaimInput) -> bool:
        first = self.members[0]
        if (f.kind_class, f.cumulative, f.modality, f.unit, f.country_iso3) != (
                first.kind_class, first.cumulative, first.modality, first.unit, first.country_iso3):
            return False
        if any(m.article_key == f.article_key for m in self.members):
            return False
        return any(_same(m, f) for m in self.members)


def _same(a: ClaimInput, b: ClaimInput) -> bool:
    if not ({a.group, b.group} <= {a.group, "people"} or {a.group, b.group} <= {b.group, "people"}):
        return False
    if not _values_agree(a, b):
        return False
    if a.cluster_id == b.cluster_id:
        return True  # the same story, lightly edited: the place or date may be worded differently
    if a.place and b.place and a.place.casefold() != b.place.casefold():
        return False
    return _dates_overlap(a, b)


def _values_agree(a: ClaimInput, b: ClaimInput) -> bool:
    a_low, a_high = a.low if a.low is not None else a.best, a.high if a.high is not None else a.best
    b_low, b_high = b.low if b.low is not None else b.best, b.high if b.high is not None else b.best
    if a_low <= b_high and b_low <= a_high:
        return True
    return abs(a.best - b.best) <= VALUE_TOLERANCE * max(a.best, b.best)


def _dates_overlap(a: ClaimInput, b: ClaimInput) -> bool:
    if a.day_start is None or b.day_start is None:
        return False  # undated and unpublished: nothing says it is the same event
    slack = timedelta(days=DATE_SLACK_DAYS)
    a_end, b_end = a.day_end or a.day_start, b.day_end or b.day_start
    return a.day_start - slack <= b_end and b.day_start - slack <= a_end


def build_claims(figures: Iterable[ClaimInput]) -> list[Claim]:
    """Group figures into claims. Deterministic: figures are taken in (date, id) order and each
    joins the first open claim that accepts it; a claim's id is its first figure's id, so it
    stays the same as long as that figure does."""
    ordered = sorted(figures, key=lambda f: (f.kind_class, f.country_iso3 or "", f.day_start or date.min,
                                             f.figure_id))
    claims: list[Claim] = []
    buckets: dict[tuple[str, str | None, bool], _Bucket] = {}
    for f in ordered:
        bucket = buckets.setdefault((f.kind_class, f.country_iso3, f.cumulative), _Bucket())
        target = next((bucket.claims[i] for i in bucket.candidates(f) if bucket.claims[i].accepts(f)), None)
        if target is None:
            target = Claim(f"c{f.figure_id}")
            claims.append(target)
            bucket.add(target)
        bucket.join(target, f)
    return claims


class _Bucket:
    """The claims of one (kind class, country, cumulative), and which of them can still accept a
    figure. Figures come in date order, so a claim none of whose members ends within
    ``DATE_SLACK_DAYS`` of the figure's start can only take it through a shared cluster: only
    those within the window and those of the figure's cluster are tried (trying every claim of a
    country made a year's warehouse quadratic). The order tried is the claims' order, as before."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.latest: list[date | None] = []  # the latest end of a dated member, per claim
        self.active: list[int] = []  # claims whose latest end may still be within the window
        self.by_cluster: dict[str, list[int]] = {}
        self._index: dict[int, int] = {}  # id(claim) -> its position

    def add(self, claim: Claim) -> None:
        self._index[id(claim)] = len(self.claims)
        self.claims.append(claim)
        self.latest.append(None)

    def join(self, claim: Claim, f: ClaimInput) -> None:
        claim.members.append(f)
        i = self._index[id(claim)]
        if f.cluster_id is not None and i not in self.by_cluster.setdefault(f.cluster_id, []):
            self.by_cluster[f.cluster_id].append(i)
        if f.day_start is not None:
            end = f.day_end or f.day_start
            before = self.latest[i]
            if before is None or end > before:
                self.latest[i] = end
                if i not in self.active:  # new, or back in the window through a member of its cluster
                    self.active.append(i)

    def candidates(self, f: ClaimInput) -> list[int]:
        found = set(self.by_cluster.get(f.cluster_id, ())) if f.cluster_id is not None else set()
        if f.day_start is not None:
            threshold = f.day_start - timedelta(days=DATE_SLACK_DAYS)
            # a claim that left the window stays out: later figures start no earlier than this one
            self.active = [i for i in self.active if (self.latest[i] or date.min) >= threshold]
            found.update(self.active)
        return sorted(found)


def claim_values(claim: Claim) -> tuple[int | None, int, int | None]:
    """(low, best, high) of a claim: the conservative best, the widest interval."""
    best = min(m.best for m in claim.members)
    lows = [m.low for m in claim.members if m.low is not None]
    highs = [m.high for m in claim.members if m.high is not None]
    low = min([*lows, best]) if lows else None
    high = None if any(m.high is None for m in claim.members) and claim.members[0].low is not None and not highs \
        else (max(highs) if highs else None)
    return low, best, high
