"""The predicates after a noun phrase are tried split by their first letter (``triggers.predicate_at``),
which must find exactly what one alternation of all of them, after every possible gap, finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.figures import triggers as T
from transforms.literals import first_chars

FIRST = [
    (r"killed", {"k"}),
    (r"(?:the\s+)?death\s+of", {"t", "d"}),  # an optional word: the next one may begin the match
    (r"[a-z]+ed\b", set("abcdefghijklmnopqrstuvwxyz")),
    (r"(?!wounded)(?:[a-d]+ed|taken)", {"a", "b", "c", "d", "t"}),  # a lookahead consumes nothing
    (r"Fled", {"f"}),  # case-insensitive: lower case
    (r"\w+", None),  # a category: anything
    (r"[^x]ed", None),
    (r"(?:so\s+)?", None),  # may match nothing
    (r"é", None),  # beyond ASCII, where case folding has surprises
]


@pytest.mark.parametrize(("pattern", "expected"), FIRST)
def test_first_chars(pattern: str, expected: set[str] | None) -> None:
    found = first_chars(pattern)
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize("pattern", sorted({p for _, p in T._PREDICATES}))  # each sampled by Hypothesis
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_match_of_a_predicate_begins_with_one_of_its_first_chars(pattern: str, data: st.DataObject) -> None:
    chars = first_chars(pattern)
    sample = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    assert chars is None or sample[:1].lower() in chars, (pattern, sample)


# the definition: one alternation, every phrase its own group, after a lazy gap of auxiliaries
_ONE_ALTERNATION = re.compile(
    r"(?i)\s*[,\"”']?\s*(?P<gap>(?:" + T._AUX + r"\s+){0," + str(T.MAX_GAP_WORDS) + "}?)(?:"
    + "|".join(f"(?P<p{i}>{pattern})" for i, (_, pattern) in enumerate(T._PREDICATES)) + r")(?![a-z])")


def _by_definition(s: str, pos: int) -> T.PredicateMatch | None:
    match = _ONE_ALTERNATION.match(s, pos)
    if match is None or match.lastgroup is None:
        return None
    kind = T._PREDICATES[int(match.lastgroup[1:])][0]
    return T.PredicateMatch(kind, match.group(match.lastgroup), match.group("gap"), match.end())


SENTENCES = [
    "14 militants were killed and 3 were wounded",
    "2,536 people had to leave their damaged houses",
    "Some 4,000 people, most of them in the north, were displaced",
    "two soldiers who had been abducted were later found dead",
    "1,200 families Were Reportedly Displaced by the floods",
    "five more were also reportedly shot dead by police",
    "the 15 people reported missing were reported safe",
    "300 residents fled to Uganda",
    "12 were taken hostage, 4 released",
    "the villagers - who remain in camps - returned home",
    "100 houses were completely destroyed",
    "120 people were still thought to be missing",
    "Ten others İ were hurt",
    "the toll: 4 people who were all reportedly later confirmed to have been killed",  # six words between
    "4 people who were all reportedly later confirmed to have been then killed",  # seven: too far
]
_WORDS = sorted({w for s in SENTENCES for w in s.split()} | {"were", "had", "been", "killed", "and", "who"})


def _assert_same(s: str) -> None:
    for pos in range(len(s) + 1):
        assert T.predicate_at(s, pos) == _by_definition(s, pos), (s, pos)
    assert T.has_predicate(s) == (_ONE_ALTERNATION.search(s) is not None)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_split_finds_what_the_one_alternation_finds(sentence: str) -> None:
    _assert_same(sentence)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10))
def test_the_split_agrees_on_any_word_salad(words: list[str]) -> None:
    _assert_same(" ".join(words))
