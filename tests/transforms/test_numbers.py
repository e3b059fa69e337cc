"""The contract's number rules, one table row per rule (../shared/spec/FIGURES.md, Numbers)."""

from __future__ import annotations

import pytest

from transforms.figures.numbers import find_mentions, parse_number

VALUES = [
    ("15", 15), ("1,500", 1500), ("1 500", 1500), ("6\u00a0000", 6000), ("121,700", 121700),
    ("1.5 million", 1_500_000), ("2.3m", 2_300_000), ("1.2bn", 1_200_000_000), ("2.2 million", 2_200_000),
    ("fifteen", 15), ("twenty-five", 25), ("two hundred", 200), ("one million", 1_000_000),
    ("five million", 5_000_000), ("a dozen", 12), ("two dozen", 24), ("half a million", 500_000),
    ("a quarter of a million", 250_000), ("three quarters of a million", 750_000),
    ("three thousand", 3000), ("one hundred and twenty", 120), ("1.2 millio\u00adn", 1_200_000),
]


@pytest.mark.parametrize(("text", "value"), VALUES, ids=[t for t, _ in VALUES])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["6.2", "9.0", "3.5"])
def test_a_decimal_without_a_scale_is_not_a_count(text: str) -> None:
    assert parse_number(text) is None


# (phrase, number_text, low, best, high, qualifier)
READINGS = [
    ("15 people", "15", 15, 15, 15, "exact"),
    ("a dozen people", "a dozen", 12, 12, 12, "exact"),
    ("two dozen people", "two dozen", 24, 24, 24, "exact"),
    ("about 40 people", "40", None, 40, None, "approx"),
    ("around 40 people", "40", None, 40, None, "approx"),
    ("some 40 people", "40", None, 40, None, "approx"),
    ("roughly 40 people", "40", None, 40, None, "approx"),
    ("approximately 40 people", "40", None, 40, None, "approx"),
    ("an estimated 40 people", "40", None, 40, None, "approx"),
    ("nearly 40 people", "40", None, 40, None, "approx"),
    ("almost 40 people", "40", None, 40, None, "approx"),
    ("close to 40 people", "40", None, 40, None, "approx"),
    ("at least 40 people", "40", 40, 40, None, "at_least"),
    ("no fewer than 40 people", "40", 40, 40, None, "at_least"),
    ("40 or more people", "40", 40, 40, None, "at_least"),
    ("40-plus people", "40", 40, 40, None, "at_least"),
    ("more than 40 people", "40", 40, 40, None, "more_than"),
    ("over 40 people", "40", 40, 40, None, "more_than"),
    ("upwards of 40 people", "40", 40, 40, None, "more_than"),
    ("in excess of 40 people", "40", 40, 40, None, "more_than"),
    ("up to 40 people", "40", None, 40, 40, "up_to"),
    ("as many as 40 people", "40", None, 40, 40, "up_to"),
    ("at most 40 people", "40", None, 40, 40, "up_to"),
    ("less than 40 people", "40", None, 40, 40, "less_than"),
    ("fewer than 40 people", "40", None, 40, 40, "less_than"),
    ("under 40 people", "40", None, 40, 40, "less_than"),
    ("1,500 to 1,600 people", "1,500 to 1,600", 1500, 1500, 1600, "range"),
    ("between 500,000 and 1.5 million people", "500,000 and 1.5 million", 500_000, 500_000, 1_500_000, "range"),
    ("20-30 people", "20-30", 20, 20, 30, "range"),
    ("five or six people", "five or six", 5, 5, 6, "range"),
    ("a few people", "a few", 3, 3, None, "vague"),
    ("several people", "several", 3, 3, None, "vague"),
    ("a number of people", "a number of", 3, 3, None, "vague"),
    ("many people", "many", 3, 3, None, "vague"),
    ("numerous people", "numerous", 3, 3, None, "vague"),
    ("tens of people", "tens", 20, 20, 99, "vague"),
    ("dozens of people", "dozens", 24, 24, 99, "vague"),
    ("scores of people", "scores", 40, 40, 99, "vague"),
    ("hundreds of people", "hundreds", 200, 200, 999, "vague"),
    ("thousands of people", "thousands", 2000, 2000, 9999, "vague"),
    ("tens of thousands of people", "tens of thousands", 20_000, 20_000, 99_999, "vague"),
    ("hundreds of thousands of people", "hundreds of thousands", 200_000, 200_000, 999_999, "vague"),
    ("millions of people", "millions", 2_000_000, 2_000_000, None, "vague"),
    ("several hundred people", "several hundred", 300, 300, 999, "vague"),
    ("a few thousand people", "a few thousand", 3000, 3000, 9999, "vague"),
    ("many thousands of people", "many thousands", 3000, 3000, 9999, "vague"),
    ("some hundreds of people", "some hundreds", 300, 300, 999, "vague"),
    ("several million people", "several million", 3_000_000, 3_000_000, 9_999_999, "vague"),
]


@pytest.mark.parametrize(("phrase", "text", "low", "best", "high", "qualifier"), READINGS,
                         ids=[r[0] for r in READINGS])
def test_number_readings(phrase: str, text: str, low: int | None, best: int, high: int | None,
                         qualifier: str) -> None:
    mention = find_mentions(phrase)[0]
    assert (mention.text, mention.low, mention.best, mention.high, mention.qualifier) == (
        text, low, best, high, qualifier)


def test_tens_of_thousands_is_not_tens() -> None:
    assert [m.text for m in find_mentions("tens of thousands fled, and tens more")] == ["tens of thousands", "tens"]


@pytest.mark.parametrize("phrase", ["S975", "SU2381", "$800", "3rd", "#4"])
def test_codes_money_and_ordinals_are_not_numbers(phrase: str) -> None:
    assert all(m.kind not in ("digits",) or m.text not in phrase for m in find_mentions(f"the {phrase} here"))
