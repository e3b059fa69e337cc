"""The sentence gate: it may only skip sentences no rule could read a figure from, so with it on
and off the extractor returns the same figures; and it must skip the ordinary sentences of news."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.figures import extract, extract_figures
from transforms.figures.gate import anchors, may_hold_figure
from transforms.figures.lexicon import lexicon
from transforms.literals import required_literals, trie_pattern

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

LITERALS = [
    (r"kill(?:s|ed|ing)?", {"kill"}),
    (r"(?:the\s+)?death\s+of", {"death"}),  # an optional group is not required
    (r"shot\s+dead", {"shot"}),
    (r"(?:gunned|gunning)\s+down", {"gunn"}),  # the parser factors the shared prefix out
    (r"[a-z]+ed\s+and\s+(?:stabbed|beaten)\s+to\s+death", {"stabbed", "beaten"}),  # the longest
    (r"\bflee(?=\s)", {"flee"}),
    (r"[a-z]+", None),  # any letters: nothing to anchor on
    (r"(?:a|the)?\s*\w+", None),
]


@pytest.mark.parametrize(("pattern", "expected"), LITERALS)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (set(found) if found is not None else None) == expected


_PATTERNS = sorted({p for e in lexicon().kind_entries() for p in (*e.before_patterns(), *e.after_patterns())})


@pytest.mark.parametrize("pattern", _PATTERNS)  # each sampled by Hypothesis
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_match_of_a_rule_contains_one_of_its_literals(pattern: str, data: st.DataObject) -> None:
    literals = required_literals(pattern)
    if literals is None:
        return  # searched whole by the gate
    sample = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    assert any(lit in sample.lower() for lit in literals), (pattern, sample, literals)


@given(st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=12),
       st.text("abcdehiklst", max_size=8))
def test_the_trie_pattern_matches_exactly_its_words(words: list[str], probe: str) -> None:
    pattern = re.compile(trie_pattern(words))
    assert (pattern.fullmatch(probe) is not None) == (probe in words)
    for word in words:
        assert pattern.fullmatch(word)
    assert (pattern.search(probe) is not None) == any(w in probe for w in words)


def _lexicon_words() -> list[str]:
    out = []
    for entry in lexicon().kind_entries():
        out += [form for verb in (*entry.transitive, *entry.intransitive) for form in verb.all()]
        out += [*entry.nouns, *entry.state_nouns, *entry.nominals]
        out += [p for p in (*entry.before, *entry.after) if not p.startswith("re:")]
    return sorted(set(out))


@pytest.mark.parametrize("word", _lexicon_words())
def test_every_lexicon_word_opens_the_gate(word: str) -> None:
    assert may_hold_figure(f"On Monday 12 people {word} in the north, officials said.")
    assert may_hold_figure(f"ON MONDAY 12 PEOPLE {word.upper()} IN THE NORTH.")


@pytest.mark.parametrize("sentence", [
    "The minister met 40 delegates in Geneva on Tuesday.",
    "Shares of the company rose 3 percent in early trading.",
    "The 23-year-old striker scored twice in the second half.",
    "Parliament will debate the 2025 budget next week.",
])
def test_ordinary_sentences_are_skipped(sentence: str) -> None:
    assert not may_hold_figure(sentence)


def test_the_anchors_are_words_not_letters() -> None:
    words, _fallback = anchors()
    assert min(len(w) for w in words) >= 3


WIRE = [
    # a number the gate skips, then a sentence that refers back to it ("these 1,200 families")
    ("The agency registered 1,200 families in Dori last week. These 1,200 families were displaced by the "
     "attack on their village, and 300 more fled on Sunday."),
    "Gunmen killed 11 villagers near Bandiagara on Tuesday. The figure is 14, the mayor said later.",
    "No one was hurt. A second blast on Friday wounded three police officers.",
    "The talks lasted 3 hours. Four of the dead were soldiers, the army said.",
]


def _documents() -> list[tuple[str, str | None]]:
    docs: list[tuple[str, str | None]] = [(text, None) for text in WIRE]
    for name in ("eval/dev.jsonl", "eval/silver/idmc_excerpts.jsonl", "eval/silver/idmc_articles.jsonl"):
        path = SHARED / name
        if path.exists():
            docs += [(row["text"], row.get("published")) for row in map(json.loads, path.open(encoding="utf-8"))]
    return docs


def test_the_gate_changes_no_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    docs = [(text, date.fromisoformat(p[:10]) if p else None) for text, p in _documents()]
    gated = [[f.as_json() for f in extract_figures(text, published)] for text, published in docs]
    monkeypatch.setattr(extract, "may_hold_figure", lambda _sentence: True)
    every = [[f.as_json() for f in extract_figures(text, published)] for text, published in docs]
    assert gated == every
    assert any(gated)
