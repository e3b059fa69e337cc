"""Event dates: every date expression of a document, resolved against its publication date P
by the contract's Dates table, and the rule that picks one for a figure.

Relative expressions need P; without it only absolute dates (a year given, or stated earlier
in the paragraph) resolve. An expression that cannot be resolved still counts as the date of
its clause, so a figure under "on Saturday" in an undated text stays undated rather than
borrowing an older date.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.context import lower_same_length
from transforms.figures.sentences import Sentence
from transforms.literals import finditer_at, word_starts

Resolved = tuple[date, date, str]

# English names, fixed: `calendar.month_name` follows the process's locale, and a German locale
# would make "März" a month and "March" none.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, start=1)})
MONTHS["sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"))}

_M = r"(?P<{}>january|february|march|april|may|june|july|august|september|october|november|december|" \
     r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_Y = r"(?P<{}>(?:19|20)\d\d)"
_D = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "twenty-first")
_CENTURY = r"(?P<c>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|[12]?\d(?:st|nd|rd|th))"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(pattern, re.I)) for name, pattern in [
    # the past, told as history: "between 2010 and 2015", "in the 1990s", "the 1300s", "the 14th century"
    ("yspan", r"\b(?:between|from)\s+(?P<y1>(?:1[0-9]|20)\d\d)\s*(?:and|to|until|-|–)\s*(?P<y2>(?:1[0-9]|20)\d\d)\b"),
    ("decade", r"\b(?:in|during|since|of|throughout|by|until|from)\s+the\s+(?:early\s+|late\s+|mid-?\s*)?"
               r"(?P<dec>1[0-9]\d0|20[0-2]0)s\b"),
    ("century", rf"\b(?:in|during|since|of|throughout|by|until|from)?\s*the\s+(?:early\s+|late\s+|mid-?\s*)?"
                rf"{_CENTURY}\s+century\b"),
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("span2", rf"\b(?:between\s+|from\s+)?{_D.format('d1')}\s+{_M.format('m1')}\s*(?:-|–|—|and|to|until)\s*"
              rf"{_D.format('d2')}\s+{_M.format('m2')}(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("span", rf"\b(?:between\s+|from\s+)?{_D.format('d1')}\s*(?:-|–|—|and|to)\s*{_D.format('d2')}\s+"
             rf"{_M.format('m')}(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("mspan", rf"\b{_M.format('m')}\s+{_D.format('d1')}\s*(?:-|–|—|and|to)\s*{_D.format('d2')}"
              rf"(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("dmy", rf"\b{_D.format('d')}\s+(?:of\s+)?{_M.format('m')}(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("mdy", rf"\b{_M.format('m')}\s+{_D.format('d')}(?:\s*/\s*[0-3]?\d(?:st|nd|rd|th)?)?(?!\d)"
            rf"(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("my", rf"\b(?P<last>last\s+|this\s+|in\s+|early\s+|late\s+|mid-?\s*)?{_M.format('m')}"
           rf"(?:\s*,?\s*{_Y.format('y')})?\b"),
    ("earlier_month", r"\bearlier\s+this\s+month\b"),
    ("last_week", r"\blast\s+week\b"),
    ("last_month", r"\blast\s+month\b"),
    ("last_year", r"\blast\s+year\b"),
    ("this_year", r"\bthis\s+year\b"),
    ("yesterday", r"\b(?:yesterday|the\s+previous\s+day|the\s+day\s+before)\b"),
    ("today", r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight|earlier\s+today)\b"),
    ("weekday", rf"\b(?P<pre>last\s+|on\s+|this\s+past\s+)?{_WD}\b"),
    ("year", rf"\b(?P<pre>in|during|since|of|the|towards|toward|by|until|early|late|mid-?|from|throughout|back\s+to)\s+"
             rf"{_Y.format('y')}\b(?![-–]\d)"),
    # the year an event is named by: "after a 2010 earthquake that killed more than 200,000", "the
    # 8.0-magnitude 2008 earthquake", "the 2004 tsunami"
    ("year", rf"\b{_Y.format('y')}(?=\s+(?:earthquake|quake|tsunami|floods?|flooding|cyclone|typhoon|hurricane|"
             r"war|genocide|massacres?|famine|drought|eruption|offensive|uprising|revolution|invasion|siege|"
             r"landslides?|mudslides?|wildfires?|bushfires?|storms?|heatwave|blizzard|avalanche)\b)"),
]]
# a month name as a whole word, for the extractor's "is this number part of a date" test
MONTH_WORD = (r"\b(?:january|february|march|april|may(?=\s*(?:\d|,|\.|\)|$))|june|july|august|september|october|"
              r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_REPORTING_BEFORE = re.compile(r"(?i)\b(?:said|says|told|reported|announced|added|stated|confirmed|"
                               r"according\s+to\s+\w+)\s+(?:on\s+)?$")
_WEEKDAY_NOT_DATE = re.compile(r"(?i)^\s*(?:prayers|night\s+prayers)")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: Resolved | None
    reporting: bool


# Words one of which a pattern's match must contain: a cheap test that skips most patterns.
_MONTH_HINTS = tuple(m for m in MONTHS if len(m) >= 3)
_NUMBER_PAIR = re.compile(r"\d(?:st|nd|rd|th)?(?:\s+[A-Za-z]+\.?)?\s*(?:-|–|—|and|to|until)\s*\d", re.I)
_WEEKDAY_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_ANY_MONTH = re.compile(r"(?i)\b(?:" + "|".join(sorted(_MONTH_HINTS, key=len, reverse=True)) + r")\b")
NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "span2": _MONTH_HINTS, "span": _MONTH_HINTS, "mspan": _MONTH_HINTS, "dmy": _MONTH_HINTS,
    "mdy": _MONTH_HINTS, "my": _MONTH_HINTS, "earlier_month": ("earlier this month",), "last_week": ("last week",),
    "last_month": ("last month",), "last_year": ("last year",), "this_year": ("this year",),
    "yesterday": ("yesterday", "previous day", "day before"),
    "today": ("today", "this morning", "this afternoon", "this evening", "tonight"),
    "weekday": ("day",), "year": ("19", "20"), "yspan": ("between", "from"), "decade": ("0s",),
    "century": ("century",),
}


# Where the patterns that open on a month or a weekday (or a word before one) can begin: they are
# tried only there, not at every character with IGNORECASE, which was most of the time of dates.
_MONTH_STARTS = tuple(sorted({m[:3] for m in _MONTH_NAMES}))
_STARTS = {
    "mspan": word_starts(_MONTH_STARTS), "mdy": word_starts(_MONTH_STARTS),
    "my": word_starts([*_MONTH_STARTS, "last", "this", "in", "early", "late", "mid"]),
    "weekday": word_starts(["last", "on", "this", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
}


def find_dates(text: str, published: date | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    year_starts = [start for start, _ in years]
    lowered = lower_same_length(text)
    has_month = _ANY_MONTH.search(text) is not None
    has_span = _NUMBER_PAIR.search(text) is not None
    has_weekday = _WEEKDAY_WORD.search(text) is not None
    for name, pattern in PATTERNS:
        if name in ("span", "span2", "mspan") and not has_span:
            continue
        if name == "weekday" and not has_weekday:
            continue
        needs = NEEDS[name]
        if needs is _MONTH_HINTS:
            if not has_month:
                continue
        elif not _has_any(lowered, needs):
            continue
        starts = _STARTS.get(name)
        for match in finditer_at(pattern, text, lowered, starts) if starts else pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            if name == "my" and not (match.group("y") or match.group("last")):
                # a bare month name: "May" is too often the verb; needs "in/last/this" or a year
                continue
            if name == "weekday" and _WEEKDAY_NOT_DATE.match(text, match.end()):
                continue
            para_start = text.rfind("\n", 0, match.start()) + 1
            i = bisect_left(year_starts, match.start())
            year_hint = years[i - 1][1] if i and years[i - 1][0] >= para_start else None
            value = _resolve(name, match, published, year_hint)
            reporting = name in ("weekday", "yesterday", "today") and bool(
                _REPORTING_BEFORE.search(text[max(0, match.start() - 40):match.start()]))
            found.append(DateMention(match.start(), match.end(), value, reporting))
            insort(taken, (match.start(), match.end()))
    found.sort(key=lambda d: d.start)
    return found


def _has_any(text: str, needles: tuple[str, ...]) -> bool:
    # a plain loop: cheaper than any() over a generator on this hot path
    for needle in needles:  # noqa: SIM110
        if needle in text:
            return True
    return False


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(taken, (start, start))
    return (i < len(taken) and taken[i][0] < end) or (i > 0 and taken[i - 1][1] > start)


def date_for(position: int, sentence: Sentence, dates: list[DateMention], published: date | None,
             text: str) -> Resolved | None:
    """The contract's rule: the date of the figure's own clause; else the latest date stated
    before it in the paragraph; else nothing (a reporting date only when nothing else is said)."""
    own = [d for d in dates if sentence.start <= d.start < sentence.end and not d.reporting]
    if own:
        before = [d for d in own if d.start < position]
        chosen = before[-1] if before else own[0]
        return chosen.value
    para_start = text.rfind("\n", 0, position) + 1
    earlier = [d for d in dates if para_start <= d.start < sentence.start and not d.reporting]
    if earlier:
        return earlier[-1].value
    reporting = [d for d in dates if sentence.start <= d.start < sentence.end and d.reporting]
    if reporting:
        return reporting[0].value
    return None


def _resolve(name: str, m: re.Match[str], published: date | None, year_hint: int | None) -> Resolved | None:
    g = m.groupdict()
    try:
        if name == "iso":
            d = date(int(g["y"]), int(g["mo"]), int(g["d"]))
            return d, d, "day"
        if name in ("dmy", "mdy"):
            month, day = MONTHS[g["m"].lower().rstrip(".")], int(g["d"])
            day_date = _with_year(month, day, g.get("y"), published, year_hint)
            return (day_date, day_date, "day") if day_date else None
        if name in ("span", "mspan"):
            month = MONTHS[g["m"].lower().rstrip(".")]
            start = _with_year(month, int(g["d1"]), g.get("y"), published, year_hint)
            if start is None:
                return None
            return start, start.replace(day=int(g["d2"])), "day"
        if name == "span2":
            m1, m2 = MONTHS[g["m1"].lower().rstrip(".")], MONTHS[g["m2"].lower().rstrip(".")]
            last = _with_year(m2, int(g["d2"]), g.get("y"), published, year_hint)
            if last is None:
                return None
            first = date(last.year if m1 <= m2 else last.year - 1, m1, int(g["d1"]))
            return first, last, "day"
        if name == "my":
            return _month(g, published, year_hint)
        if name == "year":
            y = int(g["y"])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if name == "yspan":
            y_first, y_last = sorted((int(g["y1"]), int(g["y2"])))
            return date(y_first, 1, 1), date(y_last, 12, 31), "year"
        if name == "decade":
            y_from = int(g["dec"])
            span = 100 if y_from % 100 == 0 and y_from < 1900 else 10  # "the 1300s" is a century, "the 1990s" a decade
            return date(y_from, 1, 1), date(y_from + span - 1, 12, 31), "year"
        if name == "century":
            word = g["c"].lower()
            n = _ORDINALS.index(word) + 1 if word in _ORDINALS else int(re.sub(r"\D", "", word))
            if not 1 <= n <= 21:
                return None
            return date((n - 1) * 100 + 1, 1, 1), date(n * 100, 12, 31), "year"
    except (ValueError, KeyError):
        return None
    if published is None:
        return None
    p = published
    if name == "earlier_month":
        return p.replace(day=1), p, "month"
    if name == "last_week":
        monday = p - timedelta(days=p.weekday() + 7)
        return monday, monday + timedelta(days=6), "week"
    if name == "last_month":
        last = p.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last, "month"
    if name == "last_year":
        return date(p.year - 1, 1, 1), date(p.year - 1, 12, 31), "year"
    if name == "this_year":
        return date(p.year, 1, 1), date(p.year, 12, 31), "year"
    if name == "yesterday":
        d = p - timedelta(days=1)
        return d, d, "day"
    if name == "today":
        return p, p, "day"
    if name == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        back = (p.weekday() - target) % 7
        if (g.get("pre") or "").strip().lower() == "last" and back == 0:
            back = 7
        d = p - timedelta(days=back)
        return d, d, "day"
    return None


def _with_year(month: int, day: int, year: str | None, published: date | None, hint: int | None) -> date | None:
    if year:
        return date(int(year), month, day)
    if published is not None:
        candidate = date(published.year, month, day)
        # the latest such day not after P (a story in January about "28 December")
        return candidate if candidate <= published + timedelta(days=1) else date(published.year - 1, month, day)
    if hint is not None:
        return date(hint, month, day)
    return None


def _month(g: dict[str, str | None], published: date | None, hint: int | None) -> Resolved | None:
    month = MONTHS[(g["m"] or "").lower().rstrip(".")]
    prefix = (g.get("last") or "").strip().lower()
    if g.get("y"):
        year = int(g["y"] or 0)
    elif published is not None:
        if prefix == "last":
            # the contract: "last April" in a story of May 2020 is April 2019 (its worked example)
            year = published.year - 1
        elif prefix == "this":
            year = published.year
        else:
            year = published.year if month <= published.month else published.year - 1
    elif hint is not None:
        year = hint
    else:
        return None
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last_day), "month"
