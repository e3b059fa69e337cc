"""Kind triggers: the words around a number that say what happened to the people it counts.

Three places are looked at, in this order of trust: a running-toll phrase before the number
("the death toll rose to 66"), a verb or nominal right before it whose object it is ("killing 3
fighters", "the displacement of 10,214 people"), and the predicate after its noun phrase
("14 militants were killed", "2,536 relocated"). The noun itself can carry the kind
("34 casualties", "180 lives", "IDPs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.figures.lexicon import lexicon
from transforms.figures.vocab import HEDGES_BEFORE
from transforms.literals import first_chars

_HEDGE_WORDS = sorted({h for hs in HEDGES_BEFORE.values() for h in hs} | {
    "another", "an additional", "a further", "a total of", "the", "all", "only", "just", "some", "of",
    "these", "those", "its", "their", "his", "her", "an", "a", "further", "additional", "other", "between",
}, key=len, reverse=True)
FILLER_BEFORE = r"(?:\s+(?:" + "|".join(re.escape(h) for h in _HEDGE_WORDS) + r"))*\s*[\"“']?\s*$"

_LEX = lexicon()
# Nouns whose count is itself the kind ("34 casualties"), and nouns that suggest it ("IDPs").
STRONG_NOUN_KINDS = _LEX.strong_nouns()
WEAK_NOUN_KINDS = _LEX.state_nouns()

# "forced 12,000 people from their homes", "drove thousands out of the town": a verb before the
# number and its complement after the noun phrase
FORCE_BEFORE = re.compile(r"(?i)\b(?:forc(?:e|es|ed|ing)|driv(?:e|es|en|ing)|drove|chas(?:e|es|ed|ing))"
                          + FILLER_BEFORE)
FORCE_AFTER = re.compile(r"(?i)^\s*(?:to\s+flee|to\s+leave|to\s+abandon|(?:from|out\s+of)\s+(?:their|the)\s+"
                         r"(?:homes?|houses?|villages?|towns?|area|city|region)|from\s+their|out\s+of\s+their|"
                         r"(?P<evacuated>to\s+evacuate)|(?P<sheltered>into\s+(?:\w+\s+){0,2}?(?:shelters|camps|centres)|"
                         r"to\s+(?:stay|live|sleep|(?:take|seek)\s+(?:refuge|shelter))\s+in\s+(?:\w+\s+){0,3}?"
                         r"(?:shelters?|camps?|tents?|cent(?:re|er)s?|schools?))"
                         # "forcing 500,000 people to seek refuge" elsewhere: out of their homes
                         r"|to\s+(?:seek|take|find)\s+(?:refuge|shelter|safety))")
# one pattern per kind for the words right before a number, tried in the lexicon's order
# They run on lower-cased text without IGNORECASE, and a letter lookahead lets the engine skip
# every other position: five times faster, on the hottest path of the extractor.
LEFT_VERB_RES = [(e.kind, re.compile(r"(?=[a-z])\b(?:" + "|".join(e.before_patterns()) + ")" + FILLER_BEFORE))
                 for e in _LEX.kind_entries() if e.before_patterns()]
# all of them at once: most numbers have none, and one search says so
ANY_LEFT_VERB = re.compile(r"(?=[a-z])\b(?:" + "|".join(p for e in _LEX.kind_entries() for p in e.before_patterns())
                           + ")" + FILLER_BEFORE)
# a verb and its fillers never reach further back than this
LEFT_REACH = 100

# "the death toll rose to 66", "raise the number of who were killed ... to 20", "brings the toll to"
TOLL_BEFORE = re.compile(
    # ("the total number of people displaced ... to 45,000" names its kind after "of": the last branch)
    r"(?i)\b(?P<noun>(?:(?:civilian\s+)?death\s+)?toll|(?P<their>(?:their|the\s+total)\s+number)(?!\s+of\b)|"
    # "initially thought dead, though the number was eventually raised to sixteen"
    r"the\s+number(?=\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?(?:later\s+|[a-z]+ly\s+)?(?:raised|revised|rose|risen|"
    r"increased|climbed)\s+(?:up\s+)?to\b)|"
    r"(?:rais\w*|ris\w*|rose|increas\w*|brings?|bringing)\s+the\s+number(?=\s+to\b)|"
    # the counted noun itself rising: "Casualties of Idlib massacre rise to about 60", "more martyrs rises to 10"
    r"(?:casualties|martyrs|fatalities|deaths)(?=\s+(?:of\s+[^.;:\d]{0,50}?\s+)?(?:rise|rises|rose|risen|climbs?|"
    r"climbed)\s+to\b)|"
    r"(?:number|estimate|tally)\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?P<what>casualties|dead|deaths|fatalities|killed|victims|injured|wounded|displaced|people\s+killed|"
    r"those\s+killed|who\s+were\s+killed|who\s+died|missing|evacuees|refugees|IDPs|returnees))"
    r"\b[^.;:]{0,90}?\b(?:to|at|reached|reaches|hit|hits|of|(?:is|was|be)(?:\s+(?:now|currently))?|stands\s+at|stood\s+at)"
    + FILLER_BEFORE
)
# a label and its value, as in sitrep tables: "Number of displaced: 452", "IDPs total 122 387",
# "Evacuation total people: 3,614", "Completely destroyed housing: 146"
LABEL_BEFORE = re.compile(
    r"(?i)(?:^|[.;:]\s*|\n)(?:(?:the\s+)?(?:total\s+)?number\s+of\s+)?(?P<label>(?:[a-z]+\s+){0,2}?(?:dead|deaths|"
    r"killed|fatalities|injured|wounded|missing|displaced|idps|evacuees|evacuated|evacuation|refugees|homeless|"
    r"returnees|destroyed\s+(?:housing|houses|homes)|damaged\s+(?:housing|houses|homes)))(?:\s+(?:total|people|"
    r"persons|individuals))*\s*(?::|total\b|-|–)\s*$")
LABEL_KINDS = {"dead": "killed", "deaths": "killed", "killed": "killed", "fatalities": "killed", "injured": "injured",
               "wounded": "injured", "missing": "missing", "displaced": "displaced", "idps": "displaced",
               "evacuees": "evacuated", "evacuated": "evacuated", "evacuation": "evacuated", "refugees": "refugees",
               "homeless": "homeless", "returnees": "returned", "housing": "housing_destroyed",
               "houses": "housing_destroyed", "homes": "housing_destroyed"}
TOLL_AFTER = re.compile(
    r"(?i)^(?:\s+at\s+least)?(?:\s*,?\s*including\s+(?:(?!\b(?:rais|ris|bring|kill|claim|and\s))[^,.;]){1,60}?)?\s*,?\s*the\s+(?:(?:civilian\s+)?death\s+toll|number\s+of\s+(?:(?!convoy\b)[\w-]+\s+){0,6}?(?P<what>casualties|dead|"
    r"deaths|fatalities|killed|injured|wounded|displaced|who\s+(?:were|have\s+been)\s+(?:killed|executed|assassinated|murdered)|who\s+died|"
    r"executed|assassinated))"
)
# the kind a "their number" toll refers to, read from the words before it
TOLL_SUBJECT = re.compile(r"(?i)\b(casualties|dead|deaths|fatalities|killed|martyrs|injured|wounded|displaced|"
                          r"victims)\b")
TOLL_WHAT = {
    "martyrs": "killed",
    "casualties": "casualties", "dead": "killed", "deaths": "killed", "fatalities": "killed", "killed": "killed",
    "victims": "killed", "people killed": "killed", "those killed": "killed", "who were killed": "killed",
    "who died": "killed", "who were executed": "killed", "executed": "killed",
    "injured": "injured", "wounded": "injured", "displaced": "displaced",
    "missing": "missing", "evacuees": "evacuated", "refugees": "refugees", "idps": "displaced",
    "returnees": "returned",
}

_AUX = (r"(?:were|was|are|is|have|has|had|been|being|be|got|get|gets|also|all|both|each|reportedly|"
        r"allegedly|later|subsequently|then|now|already|newly|still|critically|seriously|severely|lightly|"
        r"first|originally|"
        r"slightly|badly|fatally|mortally|gravely|reported|confirmed|believed|feared|thought|said|known|"
        r"announced|declared|pronounced|deemed|listed|found|"
        r"presumed|estimated|completely|partially|totally|partly|fully|mostly|initially|eventually|finally|"
        r"recently|just|immediately|temporarily|forcibly|internally|officially|so\s+far|to\s+date|"
        r"to\s+have|to\s+be|could|may|might|would|will|must|should|can|likely|expected|"
        r"who|that|which|being|either|since|again|currently|respectively|thus|there|apparently|remain|"
        r"remains|remained|stay|stays|stayed|now|living|left|become|became|until\s+now|so\s+far|at\s+least|"
        r"after\s+being|[a-z-]+ly)")
# every predicate phrase of the lexicon in one alternation, longest first, each its own group
_PREDICATES = _LEX.predicate_alternatives()
_PREDICATE_KINDS = {f"p{i}": kind for i, (kind, _) in enumerate(_PREDICATES)}
# At most this many auxiliaries and adverbs between a noun phrase and its predicate ("were all
# reportedly killed")
MAX_GAP_WORDS = 6
_PREDICATE_LEAD = re.compile(r"\s*[,\"”']?\s*")
_GAP_WORD = re.compile(r"(?i)(?:" + _AUX + r")\s+")
_FIRST_CHARS = [first_chars(pattern) for _, pattern in _PREDICATES]


@dataclass(frozen=True, slots=True)
class PredicateMatch:
    """The predicate after a noun phrase: "were later killed" is gap "were later ", trigger "killed"."""

    kind: str | None  # None for the lexicon's phrases that name no kind ("rescued", "reported safe")
    trigger: str
    gap: str
    end: int


@cache
def _alternation(first: str) -> re.Pattern[str]:
    """The predicate phrases a match beginning with ``first`` can be, in the lexicon's order. One
    alternation of all of them, tried after every possible gap, cost 45 µs a noun phrase; split by
    first letter it costs 4 (the engine skips a failing alternative only on a literal, and none of
    ours is one under IGNORECASE)."""
    chosen = [i for i, chars in enumerate(_FIRST_CHARS) if chars is None or first == "" or first in chars]
    return re.compile(r"(?i)(?:" + "|".join(f"(?P<p{i}>{_PREDICATES[i][1]})" for i in chosen) + r")(?![a-z])")


def predicate_at(s: str, pos: int) -> PredicateMatch | None:
    """The lexicon's predicate phrase right after ``pos``, past at most ``MAX_GAP_WORDS``
    auxiliaries: the shortest gap wins, then the lexicon's order (longest phrase first)."""
    start = _PREDICATE_LEAD.match(s, pos).end()  # type: ignore[union-attr]  # it matches the empty string
    at = start
    for _ in range(MAX_GAP_WORDS + 1):
        lead = s[at:at + 1].lower()
        phrase = _alternation(lead if "a" <= lead <= "z" else "").match(s, at)
        if phrase is not None and phrase.lastgroup is not None:
            return PredicateMatch(_PREDICATE_KINDS[phrase.lastgroup], phrase.group(phrase.lastgroup), s[start:at],
                                  phrase.end())
        word = _GAP_WORD.match(s, at)
        if word is None:
            return None
        at = word.end()
    return None


def has_predicate(s: str) -> bool:
    """Whether a predicate phrase of the lexicon begins anywhere in ``s``."""
    return _alternation("").search(s) is not None


# "The sniper (shot and) killed a child": an active past of a transitive verb ends the predicate,
# the phrase before it is the agent
TRANSITIVE_PAST = re.compile(r"(?i)(?:" + "|".join([*_LEX.transitive_participles(), r"shot\s+dead", r"gunned\s+down",
                                                   r"(?:beaten|beat|hacked|stabbed|stoned)\s+to\s+death"]) + r")$")

HYPOTHETICAL = re.compile(
    r"(?i)\b(?:could|may|might|would|will|shall|expected\s+to|likely\s+to|at\s+risk\s+of|threaten(?:s|ed|ing)?"
    r"\s+to|plan(?:s|ned)?\s+to|forecast|projected|set\s+to|in\s+danger\s+of|would\s+be|need\s+to\s+be|"
    r"risk\s+being|fear(?:s|ed)?\s+(?:that|of)|warn(?:s|ed)?\s+that|potential(?:ly)?|possibly|attempt(?:s|ed|ing)?\s+to|"
    r"attempted\s+(?:assassination|murder|killing|kidnapping|abduction)|"
    r"tr(?:y|ies|ied|ying)\s+to|fail(?:s|ed)?\s+to)\b"
)
UNCERTAIN = re.compile(
    r"(?i)\b(?:feared|believed|presumed|unconfirmed|claim(?:s|ed)?\s+to\s+have|claim(?:s|ed)?\s+(?:it|they)\s+"
    r"(?:had|have)|claimed\s+responsibility|thought\s+to\s+have|suspected\s+to\s+have|allegedly|"
    r"said\s+(?:it|they)\s+(?:had|have)\s+killed|claimed)\b"
)
# before an active verb only a claim hedges the count ("militants claimed to have killed 20");
# "presumed JNIM militants killed 5" doubts the perpetrator, not the dead
UNCERTAIN_CLAIM = re.compile(
    r"(?i)\b(?:claim(?:s|ed|ing)?\s+to\s+have|claim(?:s|ed)?\s+(?:that\s+)?(?:it|they|its\s+fighters)\s+(?:had|have)|"
    r"said\s+(?:it|they)\s+(?:had|have)|believed\s+to\s+have|feared\s+to\s+have|unconfirmed)\b")
NEGATION = re.compile(r"(?i)\b(?:not|never|no\s+longer|denied|deny|denies)\b")
