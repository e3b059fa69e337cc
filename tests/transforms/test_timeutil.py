from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.timeutil import as_utc, from_struct_time, parse_datetime

CASES = [
    ("Tue, 03 Nov 2026 23:30:00 +0300", "2026-11-03T20:30:00+00:00", "rfc822-offset"),
    ("Tue, 03 Nov 2026 23:30:00 GMT", "2026-11-03T23:30:00+00:00", "rfc822-gmt"),
    ("Tue, 03 Nov 2026 23:30:00 EST", "2026-11-04T04:30:00+00:00", "rfc822-named-zone"),
    ("2026-11-03T23:30:00Z", "2026-11-03T23:30:00+00:00", "iso-z"),
    ("2026-11-03T23:30:00-05:00", "2026-11-04T04:30:00+00:00", "iso-offset"),
    ("2026-11-03T23:30:00-0500", "2026-11-04T04:30:00+00:00", "iso-offset-no-colon"),
    ("2026-11-03T23:30:00", "2026-11-03T23:30:00+00:00", "naive-is-utc"),
    ("2026-11-03", "2026-11-03T00:00:00+00:00", "date-only"),
    ("Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40+00:00", "portuguese-names"),
    ("Wed, 19 jan 2026 00:00:00 GMT", "2026-01-19T00:00:00+00:00", "lowercase-month"),
]


@pytest.mark.parametrize(("raw", "expected"), [(r, e) for r, e, _ in CASES], ids=[i for _, _, i in CASES])
def test_parse_datetime_gives_utc(raw: str, expected: str) -> None:
    parsed = parse_datetime(raw)
    assert parsed is not None
    assert parsed.isoformat() == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("raw", [None, "", "   ", "yesterday", "32 Foo 2026", "not a date at all"])
def test_unreadable_dates_are_none(raw: str | None) -> None:
    assert parse_datetime(raw) is None


def test_struct_time_from_feedparser_is_utc() -> None:
    assert from_struct_time(time.gmtime(0)) == datetime(1970, 1, 1, tzinfo=UTC)
    assert from_struct_time(None) is None


def test_as_utc_converts_aware_and_labels_naive() -> None:
    aware = datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=3)))
    assert as_utc(aware) == datetime(2026, 1, 1, 9, tzinfo=UTC)
    assert as_utc(datetime(2026, 1, 1, 12)).tzinfo is UTC  # noqa: DTZ001 (the naive input is the point)


@given(st.text(max_size=80))
def test_parse_datetime_never_raises(raw: str) -> None:
    result = parse_datetime(raw)
    assert result is None or result.utcoffset() == timedelta(0)
