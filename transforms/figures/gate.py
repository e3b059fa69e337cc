"""Which sentences can hold a figure at all: a cheap test run before the expensive per-number
reading of ``candidates``.

A number gets a kind only from words that say what happened (the lexicon's verbs, participles,
nominals and nouns, and the fixed toll, label, "forced ... from their homes" and possessive rules
of ``triggers`` and ``classify``), or from another number of the same sentence that has one. So a
sentence containing none of those words yields no figure, and most sentences of a news page
contain none: skipping them halves the extractor's time on article bodies. The test is a superset
by construction: each word is a literal that every match of its rule contains, read from the
compiled rules themselves, so a lexicon line added tomorrow is in the gate without a change here.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from transforms.figures.lexicon import lexicon
from transforms.literals import required_literals, trie_pattern

logger = logging.getLogger(__name__)

# Words of the rules that are written as code, not lexicon lines (kept in step with them):
# tolls and labels ("the death toll rose to", "Number of displaced:", "the figure is 427"),
# "to death" / "alive", "forced/drove/chased ... from their homes", possessives ("the soldier's
# death", "'s arrest", "'s abduction"), "four of the victims", "four of them" (the kind of the
# figure before), the zero nouns ("no fatalities").
FIXED_WORDS = (
    "toll", "number", "figure", "total", "estimate", "death", "alive", "forc", "driv", "drov", "chas",
    "killing", "murder", "execution", "assassination", "body", "corpse", "remains", "arrest", "detention",
    "capture", "abduction", "kidnapping", "victim", "casualt", "fatalit", "injur", "dead", "killed",
    "wounded", "missing", "displaced", "idps", "evacu", "refugees", "homeless", "returnees", "destroyed",
    "damaged", "housing", "houses", "homes", "affected", "of them",
)
# an anchor shorter than this would match nearly every sentence
MIN_ANCHOR = 3


@cache
def anchors() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """(anchors, fallback): the literals one of which a sentence must contain to hold a figure,
    and the rules no literal anchors (searched whole, on the lower-cased sentence)."""
    words: set[str] = set(FIXED_WORDS)
    unanchored: list[str] = []
    lex = lexicon()
    for entry in lex.kind_entries():
        for pattern in (*entry.before_patterns(), *entry.after_patterns()):
            literals = required_literals(pattern)
            if literals is None or min(len(s) for s in literals) < MIN_ANCHOR:
                unanchored.append(pattern)
            else:
                words.update(literals)
    words.update(lex.strong_nouns())
    words.update(lex.state_nouns())
    # a word containing another is found by the shorter: keep the shortest only
    kept = sorted(words, key=len)
    minimal: list[str] = []
    for word in kept:
        if not any(short in word for short in minimal):
            minimal.append(word)
    fallback = re.compile("|".join(f"(?:{p})" for p in unanchored), re.IGNORECASE) if unanchored else None
    if unanchored:
        logger.debug("%d lexicon rules without a literal anchor are searched whole", len(unanchored))
    return tuple(minimal), fallback


@cache
def _anchor_re() -> re.Pattern[str]:
    """The anchors as one trie-shaped pattern (``transforms.literals``)."""
    words, _fallback = anchors()
    return re.compile(trie_pattern(words))


# "Of the 1,314 families, 295 are in A, 195 in B": the parts take their kind from the whole, a
# figure of an earlier sentence (``extract``), with no word of their own
FRONTED_WHOLE_STARTS = ("of the ", "of these ", "of those ", "among the ", "among these ", "among those ")


def may_hold_figure(sentence: str) -> bool:
    """False only when no rule could give a number of this sentence a kind."""
    lowered = sentence.lower()
    if _anchor_re().search(lowered) or lowered.lstrip(" \"“'(").startswith(FRONTED_WHOLE_STARTS):
        return True
    _words, fallback = anchors()
    return fallback is not None and fallback.search(lowered) is not None
