"""The contract's Dates table, rule by rule, with sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import extract_figures
from transforms.figures.dates import find_dates

P = date(2020, 5, 25)  # a Monday, the seed story's publication date

# (text, expected start, end, precision) for the figure in the text, published P
RULES = [
    ("on-day-month", "Gunmen killed 4 people on 22 May.", date(2020, 5, 22), date(2020, 5, 22), "day"),
    ("month-day-year", "On May 20, 2020, gunmen killed 4 people.", date(2020, 5, 20), date(2020, 5, 20), "day"),
    ("bare-weekday-is-p", "Gunmen killed 4 people on Monday.", P, P, "day"),
    ("bare-weekday-before", "Gunmen killed 4 people on Saturday.", date(2020, 5, 23), date(2020, 5, 23), "day"),
    ("yesterday", "Gunmen killed 4 people yesterday.", date(2020, 5, 24), date(2020, 5, 24), "day"),
    ("previous-day", "The previous day, gunmen killed 4 people.", date(2020, 5, 24), date(2020, 5, 24), "day"),
    ("last-week", "Gunmen killed 4 people last week.", date(2020, 5, 18), date(2020, 5, 24), "week"),
    ("earlier-this-month", "Earlier this month, gunmen killed 4 people.", date(2020, 5, 1), P, "month"),
    ("last-month-name", "Gunmen killed 4 people last April.", date(2019, 4, 1), date(2019, 4, 30), "month"),
    ("in-month-name", "Gunmen killed 4 people in April.", date(2020, 4, 1), date(2020, 4, 30), "month"),
    ("in-later-month-name", "Gunmen killed 4 people in August.", date(2019, 8, 1), date(2019, 8, 31), "month"),
    ("last-year", "Gunmen killed 4 people last year.", date(2019, 1, 1), date(2019, 12, 31), "year"),
    ("in-year", "Gunmen killed 4 people in 2018.", date(2018, 1, 1), date(2018, 12, 31), "year"),
    ("range", "Floods displaced 400 people between 13 and 18 February.", date(2020, 2, 13), date(2020, 2, 18),
     "day"),
    ("today", "Gunmen killed 4 people today.", P, P, "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_date_rule(text: str, start: date, end: date, precision: str) -> None:
    (figure,) = extract_figures(text, P)
    assert (figure.event_date_start, figure.event_date_end, figure.date_precision) == (start, end, precision)


def test_last_week_is_the_monday_to_sunday_before_the_week_of_p() -> None:
    (figure,) = extract_figures("Gunmen killed 4 people last week.", date(2020, 5, 27))
    assert (figure.event_date_start, figure.event_date_end) == (date(2020, 5, 18), date(2020, 5, 24))


def test_a_note_opening_with_a_date_dates_every_figure_after_it() -> None:
    text = "On 30 April 2020, militants attacked a village. Three civilians were killed. Two were wounded."
    assert [f.event_date_start for f in extract_figures(text, P)] == [date(2020, 4, 30)] * 2


def test_a_figure_without_a_date_and_no_today_stays_undated() -> None:
    (figure,) = extract_figures("Gunmen killed 4 people in the village.", P)
    assert figure.event_date_start is None and figure.date_precision is None


def test_the_reporting_date_gives_way_to_the_event_date() -> None:
    (figure,) = extract_figures("On Saturday gunmen killed 4 people, officials said Monday.", P)
    assert figure.event_date_start == date(2020, 5, 23)


def test_an_unresolvable_date_of_the_clause_is_not_replaced_by_an_older_one() -> None:
    text = "On 3 May 2014, rain began. On Saturday a flood destroyed 14 houses."
    (figure,) = extract_figures(text, None)
    assert figure.event_date_start is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("On 4 May, gunmen killed 4 people.", None),
     ("On 4 May 2020, gunmen killed 4 people.", date(2020, 5, 4)),
     ("Photo taken on May 10, 2014. CHANGSHA, May 10 -- One person was killed.", date(2014, 5, 10)),
     ("Gunmen killed 4 people yesterday.", None)],
    ids=["no-year-no-p", "with-year", "year-earlier-in-paragraph", "relative-without-p"],
)
def test_without_a_publication_date_only_absolute_dates_resolve(text: str, expected: date | None) -> None:
    (figure,) = extract_figures(text, None)
    assert figure.event_date_start == expected


def test_numbers_inside_dates_are_never_figures() -> None:
    assert extract_figures("On 26 September 2020 the talks resumed.", P) == []
    assert len(find_dates("between 21 and 23 February 2019", None)) == 1


@pytest.mark.parametrize(("text", "start", "end"), [
    ("The Black Death killed 25 million people in the fourteenth century.", date(1301, 1, 1), date(1400, 12, 31)),
    ("In the 1300s, plague killed some 25 million people.", date(1300, 1, 1), date(1399, 12, 31)),
    ("During the 1990s the war killed 200,000 people.", date(1990, 1, 1), date(1999, 12, 31)),
    ("Between 2010 and 2015, the fighting displaced 40,000 people.", date(2010, 1, 1), date(2015, 12, 31)),
    ("In 2009, floods killed 300 people in the region.", date(2009, 1, 1), date(2009, 12, 31)),
    ("The region's deadliest quake dates back to 1952, killing 4,000 people.", date(1952, 1, 1), date(1952, 12, 31)),
    ("Thousands still live in tents after a 2011 earthquake that killed 9,000 people.", date(2011, 1, 1),
     date(2011, 12, 31)),
    ("The province recalls the 7.6-magnitude 2005 quake, which killed some 73,000 people.", date(2005, 1, 1),
     date(2005, 12, 31)),
], ids=["century-words", "hundreds", "decade", "year-span", "year", "dates-back-to", "a-year-earthquake",
        "magnitude-year-quake"])
def test_history_keeps_its_own_dates_never_the_publication_date(text: str, start: date, end: date) -> None:
    (figure,) = extract_figures(text, date(2026, 11, 20))
    assert (figure.event_date_start, figure.event_date_end, figure.date_precision) == (start, end, "year")
