"""The claim rule (transforms/claims.py, README "Counted once"), row by row, and the clusters it
leans on: figures written for these tests, in the style of wire copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.claims import ClaimInput, build_claims, claim_values, figure_id
from transforms.clusters import assign_clusters, signature

BASE = ClaimInput("f1", "a1", "a1", "Horn Dispatch", "deaths", "killed", "people", "person", False, "asserted",
                  "SOM", "Mogadishu", date(2026, 11, 28), date(2026, 11, 28), 9, 9, 9)


def other(**changes: object) -> ClaimInput:
    return replace(BASE, **{"figure_id": "f2", "article_key": "a2", "cluster_id": "a2", "source": "Relief Bulletin",
                            **changes})


@pytest.mark.parametrize(("second", "together"), [
    (other(), True),  # another outlet, same event
    (other(best=11, low=11, high=11), True),  # within a fifth
    (other(best=10, low=10, high=None), True),  # "at least 10" beside "9"
    (other(best=30, low=30, high=30), False),  # another toll altogether
    (other(place="Baidoa"), False),  # another town
    (other(place=None), True),  # one of them names no place
    (other(day_start=date(2026, 11, 20), day_end=date(2026, 11, 20)), False),  # another week
    (other(day_start=date(2026, 11, 29), day_end=date(2026, 11, 29)), True),  # reported the day after
    (other(place="Baidoa", day_start=date(2026, 11, 20), day_end=date(2026, 11, 20), cluster_id="a1"), True),
    (other(country_iso3="KEN"), False),
    (other(group="civilians"), True),  # "people" agrees with a named group
    (other(group="combatants"), True),
    (replace(other(group="combatants"), figure_id="f3"), True),
    (other(kind="injured", kind_class="injuries"), False),
    (other(cumulative=True), False),  # a running total is never an incident's claim
    (other(modality="uncertain"), False),  # al Shabaab's claim is not the police toll
    (other(article_key="a1", cluster_id="a1"), False),  # one article's figures never merge
])
def test_two_figures_are_one_claim_only_by_the_rule(second: ClaimInput, together: bool) -> None:
    claims = build_claims([BASE, second])
    assert (len(claims) == 1) == together


def test_a_story_told_three_times_is_one_claim_with_a_conservative_best() -> None:
    figures = [BASE, other(best=10, low=10, high=10),
               other(figure_id="f3", article_key="a3", cluster_id="a3", source="Levant Monitor", best=11, low=11,
                     high=11)]
    (claim,) = build_claims(figures)
    assert claim_values(claim) == (9, 9, 11)
    assert claim.claim_id == "cf1"  # its first figure's id: stable while that figure is


def test_claim_ids_do_not_depend_on_input_order() -> None:
    figures = [BASE, other(best=10, low=10, high=10), other(figure_id="f9", article_key="a9", best=300, low=300,
                                                              high=300)]
    assert sorted(c.claim_id for c in build_claims(figures)) == sorted(
        c.claim_id for c in build_claims(list(reversed(figures))))


def test_figure_ids_are_stable_and_distinct() -> None:
    assert figure_id("a1", 10, 14, "nine") == figure_id("a1", 10, 14, "nine")
    assert len({figure_id("a1", 10, 14, "nine"), figure_id("a1", 11, 15, "nine"), figure_id("a2", 10, 14, "nine")}) == 3


@given(st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=12))
def test_every_figure_is_in_exactly_one_claim_and_a_best_never_exceeds_its_sources(bests: list[int]) -> None:
    figures = [other(figure_id=f"f{i}", article_key=f"a{i}", cluster_id=f"a{i}", source=f"s{i % 3}", best=b, low=b,
                     high=b) for i, b in enumerate(bests)]
    claims = build_claims(figures)
    members = [m.figure_id for c in claims for m in c.members]
    assert sorted(members) == sorted(f.figure_id for f in figures)
    for claim in claims:
        low, best, high = claim_values(claim)
        assert best == min(m.best for m in claim.members) and low is not None and high is not None
        assert low <= best <= high


WIRE = ("MOGADISHU - A car bomb exploded near a busy checkpoint on the outskirts of Mogadishu on Saturday, killing at "
        "least nine people and wounding 17, police and hospital officials said. Police said four of the dead were "
        "soldiers manning the checkpoint on the road to Afgooye. The others were civilians waiting in minibuses. "
        "Doctors at Medina hospital said several of the wounded were in critical condition.")
EDITED = WIRE.replace("at least nine people", "10 people").replace(" in critical condition", " in a serious condition")
OTHER = ("NIAMEY - Flash floods after two days of torrential rain have forced about 12,000 people from their homes in "
         "Niger's Tillaberi region, the civil protection agency said on Thursday, and three people drowned when the "
         "Sirba river burst its banks near Tera.")


def test_a_lightly_edited_copy_joins_the_first_story_and_another_story_does_not() -> None:
    first, copy, flood = signature("wire", WIRE), signature("copy", EDITED), signature("flood", OTHER)
    assigned = assign_clusters([], [first, copy, flood])
    assert assigned == {"wire": "wire", "copy": "wire", "flood": "flood"}
    later = assign_clusters([(first, "wire"), (copy, "wire"), (flood, "flood")], [signature("again", EDITED)])
    assert later == {"again": "wire"}  # cluster ids never change once given


def test_headlines_are_too_short_to_cluster() -> None:
    a, b = signature("h1", "Car bomb kills nine in Mogadishu"), signature("h2", "Car bomb kills nine in Mogadishu")
    assert assign_clusters([], [a, b]) == {"h1": "h1", "h2": "h2"}


def _every_claim_tried(figures: list[ClaimInput]) -> list[list[str]]:
    """The rule in its plainest form, as the oracle: in (date, id) order, each figure joins the
    first claim of its bucket that accepts it, every claim tried."""
    from transforms.claims import Claim

    ordered = sorted(figures, key=lambda f: (f.kind_class, f.country_iso3 or "", f.day_start or date.min,
                                             f.figure_id))
    claims: list[Claim] = []
    buckets: dict[tuple[str, str | None, bool], list[Claim]] = {}
    for f in ordered:
        bucket = buckets.setdefault((f.kind_class, f.country_iso3, f.cumulative), [])
        target = next((c for c in bucket if c.accepts(f)), None)
        if target is None:
            target = Claim(f"c{f.figure_id}")
            bucket.append(target)
            claims.append(target)
        target.members.append(f)
    return [[m.figure_id for m in c.members] for c in claims]


_days = st.one_of(st.none(), st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 1)))


@given(st.lists(st.tuples(_days, st.integers(0, 3), st.integers(0, 12), st.sampled_from([3, 4, 5, 10, 12, 40]),
                          st.sampled_from(["people", "civilians", "children"]), st.sampled_from([None, "Gao", "Kidal"]),
                          st.sampled_from([None, "MLI"]), st.booleans()), max_size=120))
def test_trying_only_the_claims_within_the_date_window_or_the_cluster_groups_as_trying_all_would(
        rows: list[tuple[date | None, int, int, int, str, str | None, str | None, bool]]) -> None:
    from datetime import timedelta

    figures = [ClaimInput(f"f{i:03d}", f"a{i // 2}", f"c{cluster}", "s", "deaths", "killed", group, "person",
                          cumulative, "asserted", country, place, day, day + timedelta(days=span) if day else None,
                          None, best, None)
               for i, (day, span, cluster, best, group, place, country, cumulative) in enumerate(rows)]
    assert [[m.figure_id for m in c.members] for c in build_claims(figures)] == _every_claim_tried(figures)
