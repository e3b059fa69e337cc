"""Finding and reading the numbers of a sentence: digits with separators and scales, number
words, "two dozen", "half a million", ranges, hedges and the contract's vague words.

A ``Mention`` is a span of the sentence with the interval the words allow; whether it counts
people, and which, is decided later by ``classify``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.figures.vocab import FEW_WORDS, HEDGES_BEFORE, SCALES, SHORT_SCALES, TENS, UNITS, VAGUE
from transforms.literals import trie_pattern

_SHY = "\u00ad"
_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
_ONE_WORD = rf"(?:(?:{_TENS_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:{_UNIT_WORDS}))"
_WORD_NUMBER = rf"{_ONE_WORD}(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?{_ONE_WORD})?)*"
_SCALE = r"(?:mil[\u00ad]?li[\u00ad]?o[\u00ad]?n|bil[\u00ad]?li[\u00ad]?o[\u00ad]?n|thousand|hundred|lakh|crore)"
_DIGITS = (
    # glued to a lower-case word is allowed ("affected4109 people" in scraped bulletins);
    # glued to capitals or symbols is a code ("S975", "SU2381", "$800", "#3")
    r"(?<![A-Z0-9_.,/:$€£#])(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
    rf"(?:\s*{_SCALE}|(?:m|mn|bn|k)(?![a-z]))?"
    # "02/05/2019", "24/7", a date cut off at the text's end ("... Syrian Desert  02/"): never a count
    r"(?![\w$€£%])(?!/(?:\d|\s*$))"
)
_DOZENS = (r"(?i:half\s+a\s+million|(?:a|one|three)[\s-]quarters?\s+of\s+a\s+million|"
           r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+dozen)")
_ONE_NUMBER = rf"(?:{_DIGITS}|{_DOZENS}|(?i:\b{_WORD_NUMBER}\b))"
_FEW = "|".join(re.escape(w) for w in sorted(FEW_WORDS, key=len, reverse=True))
_VAGUE = "|".join(re.escape(w) for w in sorted(VAGUE, key=len, reverse=True))
_SEVERAL_SCALE = r"(?i:\b(?:several|a few|some|many)\s+(?:hundreds?|thousands?|millions?)\b)"

NUMBER_RE = re.compile(
    # cheap gate first: a number starts at a word start (or right after a lower-case letter)
    r"(?:(?<=[a-z])(?=\d)|(?<![A-Za-z0-9_]))(?=[\dA-Za-z])"
    rf"(?:(?P<between>(?i:\bbetween\s+))?(?P<a>{_ONE_NUMBER})"
    rf"(?:(?P<sep>\s*(?:-|–|—|to|and|or)\s*)(?P<b>{_ONE_NUMBER}))?"
    rf"|(?P<several>{_SEVERAL_SCALE})"
    rf"|(?P<vague>(?i:\b(?:{_VAGUE})\b))"
    rf"|(?P<few>(?i:\b(?:{_FEW})\b)))"
)

_HEDGE_BEFORE = [
    (qualifier, re.compile(r"(?i)(?:^|[\s(\"“'.…,;:])(" + "|".join(re.escape(h) for h in hedges)
                           + r")\s*[\"“']?\s*$"))
    for qualifier, hedges in HEDGES_BEFORE.items()
]
# every hedge pattern matches only a window ending in its hedge (then spaces and a quote): a
# window ending otherwise is not searched
_HEDGE_ENDS = tuple(h.lower() for hedges in HEDGES_BEFORE.values() for h in hedges)
_AFTER_AT_LEAST = re.compile(r"(?i)^(?:\s*(?:or more|or above)\b|-plus\b|\+)")


@dataclass(slots=True)
class Mention:
    start: int  # offsets in the sentence
    end: int
    text: str
    low: int | None
    best: int
    high: int | None
    qualifier: str
    kind: str  # digits | words | vague | few | zero | single
    hedge_start: int | None = None  # where a hedge before the number starts
    zero_kind: str | None = None  # a zero statement's kind when its noun names one ("no casualties")


def parse_number(text: str) -> int | None:
    """The value of one number as written ("1,500", "2.3m", "6 000", "twenty-five", "two dozen",
    "half a million"); ``None`` when it is not a count (a decimal without a scale)."""
    raw = text.replace(_SHY, "").strip().lower()
    if not raw:
        return None
    if raw[0].isdigit():
        match = re.match(r"([\d,\s\u00a0\u202f]+(?:\.\d+)?)\s*([a-z]*)$", raw)
        if not match:
            return None
        digits = re.sub(r"[,\s\u00a0\u202f]", "", match.group(1))
        scale_word = match.group(2)
        scale = SCALES.get(scale_word) or SHORT_SCALES.get(scale_word) or (1 if not scale_word else None)
        if scale is None:
            return None
        value = float(digits)
        if scale == 1 and "." in digits:
            return None  # "6.2" (a magnitude, a rate) is not a count of people
        return round(value * scale)
    if raw == "half a million":
        return 500_000
    quarters = re.match(r"(a|one|three)[\s-]quarters?\s+of\s+a\s+million$", raw)
    if quarters:  # "a quarter of a million", "three quarters of a million"
        return 750_000 if quarters.group(1) == "three" else 250_000
    dozen = re.match(r"(a|one|two|three|four|five|six|seven|eight|nine|ten)\s+dozen$", raw)
    if dozen:
        return 12 * (1 if dozen.group(1) == "a" else UNITS.get(dozen.group(1), 10))
    return _parse_words(raw)


def _parse_words(raw: str) -> int | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", raw):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


_NUMBER_NEXT = re.compile(rf"\s*[\"“']?\s*{_ONE_NUMBER}")


_AS_MANY = re.compile(r"(?i)\b(?:as|how|so|too)\s+$")


# Words a number mention can start with; every other word is skipped without running the
# (much slower) number pattern at it.
_STARTERS = frozenset({"between", "half", "a", "an", "tens", "dozens", "scores", "hundreds", "thousands",
                       "millions", "several", "some", "many", "numerous", "few"} | set(UNITS) | set(TENS))
# where a mention can start: a run of digits, or a whole word (a run of letters) that is a starter;
# one scan in C instead of a Python loop over every word
_STARTS = re.compile(r"(?<!\d)\d|(?<![A-Za-z])(?:" + trie_pattern(sorted(_STARTERS)) + r")(?![A-Za-z])")


def find_mentions(sentence: str) -> list[Mention]:
    mentions: list[Mention] = []
    pos = 0
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a letter whose lower case is longer ("İ") stays as it is
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in sentence)
    for token in _STARTS.finditer(lowered):
        if token.start() < pos:
            continue
        match = NUMBER_RE.match(sentence, token.start())
        if match is None:
            continue
        pos = match.end()
        before = sentence[max(0, match.start() - 8):match.start()]
        if match.group("few") and (_NUMBER_NEXT.match(sentence, match.end()) or _AS_MANY.search(before)):
            continue  # "some 1,500", "as many as": a hedge, not a quantity of its own
        mention = _read(sentence, match)
        if mention is not None:
            mentions.append(mention)
            if match.group("b") and mention.qualifier != "range":
                pos = match.start("b")  # "3 and 2 wounded": the second number is a mention of its own
    return mentions


def _read(sentence: str, match: re.Match[str]) -> Mention | None:
    start, end = match.start(), match.end()
    if match.group("several"):
        word = match.group("several").lower().split()[-1].rstrip("s")
        scale = SCALES[word]
        return Mention(start, end, match.group(0), 3 * scale, 3 * scale, 10 * scale - 1, "vague", "vague")
    if match.group("vague"):
        v_low, v_best, v_high = VAGUE[match.group("vague").lower()]
        return Mention(start, end, match.group(0), v_low, v_best, v_high, "vague", "vague")
    if match.group("few"):
        return Mention(start, end, match.group(0), 3, 3, None, "vague", "few")
    a_text = match.group("a")
    a = parse_number(a_text)
    b_text = match.group("b")
    b = parse_number(b_text) if b_text else None
    sep = (match.group("sep") or "").strip().lower()
    between = bool(match.group("between"))
    kind = "digits" if a_text[0].isdigit() else "words"
    if a is None:
        return None
    if b is not None and (sep in ("-", "–", "—", "to", "or") or (between and sep == "and")) and b > a:
        if sep in ("-", "–", "—") and _followed_by_month(sentence, match):
            return None
        if sep == "to" and _CHANGED_FROM.search(sentence[max(0, match.start() - 100):match.start()]):
            return _read_single(sentence, match, a, kind)  # "the toll rose from 9 to 12": a change
        text_start = match.start("a")
        return Mention(text_start, match.end("b"), sentence[text_start:match.end("b")], a, a, b, "range", kind)
    return _read_single(sentence, match, a, kind)


# "rose from 9 to 12", "elevating the death toll ... from eleven to fifteen": an old figure and
# a new one, never a range
_CHANGED_FROM = re.compile(r"(?i)\b(?:rose|risen|rise[sn]?|rising|increas\w*|climb\w*|jump\w*|gr[eo]wn?|growing|"
                           r"rais\w*|elevat\w*|went\s+up|gone\s+up|surg\w*|soar\w*|revised|swell\w*|swollen|"
                           r"doubl\w*|tripl\w*|mount\w*)\b[^.;:]{0,80}\bfrom\s+$")


def _read_single(sentence: str, match: re.Match[str], a: int, kind: str) -> Mention:
    """The first number of a pair as a mention of its own (the second is found on its own)."""
    start, end = match.start("a"), match.end("a")
    text = sentence[start:end]
    qualifier = "exact"
    hedge_start = None
    window = max(0, start - 60)
    before = sentence[window:start]
    hedged = before.rstrip().rstrip("\"“'").rstrip().lower().endswith(_HEDGE_ENDS)
    for name, pattern in _HEDGE_BEFORE if hedged else ():
        hedge = pattern.search(before)
        if hedge:
            if name == "approx" and hedge.group(1).lower() == "some" and kind == "words" and a < 10:
                continue  # "some two" is rare; "some" before small words is a quantifier slip
            qualifier = name
            hedge_start = window + hedge.start(1)
            break
    if qualifier == "exact" and _AFTER_AT_LEAST.match(sentence[end:end + 12]):
        qualifier = "at_least"
    low, high = bounds(qualifier, a)
    return Mention(start, end, text, low, a, high, qualifier, kind, hedge_start)


def bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    """(low, high) of a hedged number, by the contract's table: "at least 5" is low 5 and no high,
    "up to 5" high 5 and no low, "about 5" neither."""
    low = None if qualifier in ("approx", "up_to", "less_than") else value
    high = None if qualifier in ("approx", "at_least", "more_than") else value
    return low, high


def _followed_by_month(sentence: str, match: re.Match[str]) -> bool:
    """'22 – 24 December': a hyphenated pair of days, not a range of people."""
    after = sentence[match.end():match.end() + 12].lower()
    return bool(re.match(r"\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", after))
