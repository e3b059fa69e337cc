"""Turn the many shapes a feed or page gives a date in into timezone-aware UTC datetimes.

Converters here never raise: a value that cannot be read becomes ``None`` and the caller keeps
the raw string beside it (the rss-fetcher habit of ``published_raw`` next to ``published_at``).
"""

from __future__ import annotations

import calendar
import email.utils
import logging
import re
import time
from datetime import UTC, datetime

logger = logging.getLogger(__name__)

# Month abbreviations that RSS generators in Portuguese, Spanish, French, German and Italian
# write where RFC 822 wants English ones (only those that differ from English).
_MONTHS = {
    "fev": "Feb", "abr": "Apr", "mai": "May", "ago": "Aug", "set": "Sep", "out": "Oct",
    "dez": "Dec", "ene": "Jan", "dic": "Dec", "janv": "Jan", "févr": "Feb", "mars": "Mar",
    "avr": "Apr", "juin": "Jun", "juil": "Jul", "août": "Aug", "sept": "Sep", "déc": "Dec",
    "mär": "Mar", "okt": "Oct", "gen": "Jan", "mag": "May", "giu": "Jun", "lug": "Jul",
    "ott": "Oct",
}
_FOREIGN = re.compile(r"(?i)(?<![^\W\d])(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?![^\W\d])")


def from_struct_time(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` fields are already normalised to UTC struct_time."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def parse_datetime(raw: str | None) -> datetime | None:
    """Read an RFC 822 / RFC 3339 / ISO 8601 date; a date without a zone is taken as UTC."""
    if not raw:
        return None
    text = raw.strip()
    if not text:
        return None
    parsed: datetime | None = None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None and _FOREIGN.search(text):
        # Non-English RSS dates ("Seg, 24 Set 2018 19:42:40 -0300"): the day name is optional
        # in RFC 822, so drop it and translate the month.
        english = _FOREIGN.sub(lambda m: _MONTHS[m.group(0).lower().rstrip(".")], text)
        english = re.sub(r"^[^\W\d]+\.?,\s*", "", english)
        try:
            parsed = email.utils.parsedate_to_datetime(english)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            parsed = datetime.fromisoformat(iso)
        except ValueError:
            return None
    return as_utc(parsed)


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are UTC by convention in feeds and HTTP; aware ones are converted."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)
