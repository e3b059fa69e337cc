"""One sentence's candidates: numbers, zero statements and bare singulars, each classified,
then the passes that need their neighbours (shared verbs, restated units, subsets, "others")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from transforms.context import lower_same_length
from transforms.figures import triggers as T
from transforms.figures.classify import (
    APPOSITION,
    CONTEXT,
    COORD,
    PRONOUN_END,
    TO_DEATH_VERBS,
    KindDecision,
    KindRule,
    RuleSource,
    Site,
    context_after,
    context_before,
    elided,
    elided_head,
    group_from_context,
    kind_of,
    modality_of,
    perpetrator_claim,
    predicate_after,
    predicate_kind,
    shared_head,
)
from transforms.figures.dates import MONTH_WORD, MONTHS
from transforms.figures.lexicon import lexicon
from transforms.figures.model import DISPLACEMENT_KINDS, KIND_CLASS
from transforms.figures.nouns import ARMED, NounPhrase, noun_phrase
from transforms.figures.numbers import Mention, find_mentions
from transforms.figures.sentences import Sentence
from transforms.figures.vocab import GROUPS, NOT_PEOPLE, PLURAL_ENDINGS, PLURALS_WITHOUT_S
from transforms.literals import finditer_at, trie_pattern, word_starts

_SINGULAR_NOUNS = sorted(
    {w for ws in GROUPS.values() for w in ws if " " not in w and not w.endswith("s") and w not in
     ("dead", "injured", "wounded", "displaced", "elderly", "police", "militia", "army", "staff", "crew",
      "population", "personnel", "other", "people", "children") and not w.endswith("men")}
    | {"IDP", "family", "household", "employee", "member", "leader", "commander", "operator", "contractor",
       "Koglweogo", "policeman", "journalist", "man", "woman", "person", "child", "girl", "boy"},
    key=len, reverse=True)


SINGULAR_RE = re.compile(
    r"(?<![\w-])(?P<det>[Aa]n?|[Tt]he|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?P<mods>(?:(?!(?:a|an|the|of|and|or|in|on|at|from|to|with|by|his|her|their|was|were|is|are)\s)"
    r"[\w/.-]+\s+){0,5}?)"
    r"(?P<noun>(?:(?:" + "|".join(re.escape(w) for w in _SINGULAR_NOUNS) + r")\s+)?(?:"
    + "|".join(re.escape(w) for w in _SINGULAR_NOUNS) + r")(?![\w-])|\d+-year-old(?!(?:\s+[\w-]+){0,2}?\s+(?:"
    + "|".join(re.escape(w) for w in _SINGULAR_NOUNS) + r")\b))(?![\w-])"
    r"(?!\s+(?:of\s+(?:the\s+)?(?:town|city|village|area|district|province|region|country|group|organi[sz]ation)))"
)


# a headline's bare singular: up to two modifiers, the noun, and at once what happened to that one
_HEADLINE_SINGULAR = re.compile(
    r"\s*(?P<np>(?:(?!(?:A|An|The|One|Another|His|Her|Their|No|Every|Each|Any)\s)[A-Z][\w'’-]*\s+){0,2}?"
    r"(?i:" + "|".join(re.escape(w) for w in _SINGULAR_NOUNS) + r"))"
    # "Mother of three killed", "Member of the regime-loyal NDF dies": of a family, of a force
    r"(?=(?:\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d)|\s+of\s+(?:[^\s.,;:\d]+\s+){0,3}?"
    r"[^\s.,;:\d]+)?"
    r"\s+(?:(?:is|was|has\s+been)\s+)?(?:killed|dies|died|shot\s+dead|gunned\s+down|stabbed\s+to\s+death|"
    r"beheaded|executed|wounded|injured|hurt|abducted|kidnapped|arrested|detained|missing|found\s+dead|"
    # and the lexicon's verbs whose object is always a person: "Health worker assassinated overnight"
    + "|".join(lexicon().person_object_participles()) + r")\b)")
# every singular phrase ends on one of the nouns (case as written) or on "N-year-old": a sentence
# with neither is not searched (the phrase pattern is slow to fail after every "a" and "the")
_SINGULAR_NOUN_ANYWHERE = re.compile(trie_pattern([*_SINGULAR_NOUNS, "-year-old"]))


# "assassinated the secretary general of the party", "killed former separatist leader": the one
# object of a verb whose object is always a person, named by a noun we may not know
_OBJECT_END = (r"(?=\s*(?:[,.;:()\[\]]|$)|\s+(?:in|at|on|near|from|of|as|who|whom|after|during|while|and|with|by|"
               r"outside|inside|when|before|for|along|between|around|last|this|early|late|belonging|under|"
               r"over|then|but|because|accused|suspected)\b)")
PERSON_OBJECT_RE = re.compile(
    r"(?i)\b(?:" + "|".join(lexicon().person_object_verbs()) + r")\s+(?P<np>(?:an?|the|one)\s+"
    r"(?:(?!(?:a|an|the|of|and|or|in|on|at|from|to|with|by|who|was|were|his|her|their|its|number|unknown|"
    r"unspecified|undisclosed|dozen|couple|group|total)\b)[\w'’/.-]+\s+){0,4}?(?P<head>[a-z][a-z'’-]+))"
    + _OBJECT_END)
BARE_OBJECT_RE = re.compile(
    r"\b(?i:" + "|".join(lexicon().person_object_verbs()) + r")\s+(?P<np>(?:(?:former|senior|prominent|local|"
    r"retired|top|[A-Z][\w-]*)\s+){1,3}(?:[a-z]+\s+)?(?P<head>"
    + "|".join(re.escape(w) for w in _SINGULAR_NOUNS if w.islower()) + r"))" + _OBJECT_END)


# the letters every person-object verb starts with: a sentence without any needs no search
_OBJECT_STEMS = tuple(sorted({re.sub(r"[^a-z].*$", "", v.replace("\\s+", " "))[:4]
                              for v in lexicon().person_object_verbs()}))
if "" in _OBJECT_STEMS:  # the verb-start index below would then miss that verb's matches
    raise ValueError("a person-object verb of the lexicon must start with a letter")
# where one may begin: both patterns are tried only there (their "\b(?:verbs)" is slow to scan for)
_OBJECT_VERB_STARTS = word_starts(_OBJECT_STEMS)
# "beat a presumed chicken thief to death": the object between the verb and its outcome
TO_DEATH_OBJECT_RE = re.compile(
    r"(?i)\b(?:" + TO_DEATH_VERBS + r")\s+(?P<np>(?:an?|the|one)\s+"
    r"(?:[\w'’/.-]+\s+){0,4}?(?P<head>[a-z][a-z'’-]+))(?=\s+(?:to\s+death|alive)\b)")


# "a Dalit Congress sarpanch was attacked and beaten to death": the passive of a verb whose object
# is always a person makes its singular subject one, whatever its noun
PASSIVE_PERSON_RE = re.compile(
    r"(?<![\w'’-])(?P<np>[Aa]n?\s+(?:(?!(?:a|an|the|of|and|or|in|on|at|from|to|with|by|who|was|his|her|their|its|"
    r"number|group|total|unknown|unidentified)\b)[\w'’/.-]+\s+){0,4}?(?!(?:who|that|which)\b)(?P<head>[a-z][a-z'’-]+))"
    r"(?:\s+(?:who|that|which))?\s+(?:was|had\s+been|"
    r"has\s+been)\s+(?:(?:reportedly|allegedly|later|then|brutally|fatally|also)\s+)?(?:(?:attacked|tortured|abducted|"
    r"kidnapped|shot|stabbed|beaten|captured|raped)\s+and\s+)?(?:" + "|".join(lexicon().person_object_participles())
    + r"|beaten\s+to\s+death|stabbed\s+to\s+death|hacked\s+to\s+death|shot\s+dead)\b")


_OWNER_BEFORE = re.compile(r"(?i)\b(?P<np>(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[a-z][\w'’-]*))\s+of\s+$")


def _np_heads(matches: Iterable[re.Match[str]]) -> Iterable[tuple[int, int, str]]:
    return ((m.start("np"), m.end("np"), m.group("head")) for m in matches)


def _passive_subjects(s: str) -> Iterable[tuple[int, int, str]]:
    """``PASSIVE_PERSON_RE`` matches; "a judge of a provincial court was killed" counts the judge."""
    for match in PASSIVE_PERSON_RE.finditer(s):
        start, end = match.span("np")
        owner = _OWNER_BEFORE.search(s, max(0, start - 60), start)
        if owner:
            yield owner.start("np"), end, owner.group("head")
        else:
            yield start, end, match.group("head")


ZERO_RE = re.compile(
    r"(?i)\b(?:(?P<noone>no\s+one|nobody|none)"
    r"|no\s+(?:reported\s+|immediate\s+|further\s+|civilian\s+|other\s+|reports?\s+of\s+)?(?P<noun>casualties|"
    r"fatalities|deaths|injuries|dead|victims)"
    r"|neither\s+(?P<n1>injuries|fatalities|casualties|deaths)|nor\s+(?P<n2>injuries|fatalities|casualties|deaths))\b"
)


# "No fatalities or injuries were reported": one zero figure per kind named
_ZERO_SECOND = re.compile(r"(?i)\s+(?:or|and/or|and\s+or|and)\s+(?P<noun>injuries|fatalities|casualties|deaths)\b")
ZERO_NOUN_KIND = {"casualties": "casualties", "fatalities": "killed", "deaths": "killed", "dead": "killed",
                  "injuries": "injured", "victims": "casualties"}


_GROUP_HINTS = [
    ("aid_workers", re.compile(r"(?i)\b(?:UNICEF|UNHCR|WFP|IOM|UN|NGO|Red\s+Cross|Red\s+Crescent|MSF|"
                               r"humanitarian|aid|International\s+Organization\s+for\s+Migration|relief)\b")),
    ("journalists", re.compile(r"(?i)\b(?:journalist|media|press|news|editor|reporter)\w*")),
    ("women", re.compile(r"(?i)\b(?:female|woman|women|pregnant)\b")),
    ("children", re.compile(r"(?i)\b(?:child|children|girl|boy|infant|teenage|minor)\w*")),
    ("combatants", ARMED),
]


# ACLED's own coding after a count: "(22 fatalities coded for June 24 ...)", "[1 fatality split among 12 events]"
# (not a source's count it splits: "VoJ reported 13 fatalities split across two events")
_PLACES_FOR_PEOPLE = re.compile(r"\s(?:camps?|sites?|centres?|centers?|settlements?)\b")
_CODED_AFTER = re.compile(r"(?i)\s+(?:fatalit(?:y|ies)\s+)?(?:(?:were\s+|are\s+)?coded|(?P<split>split)\s+(?:among|"
                          r"across|between))\b")
# ACLED's coding fields, a crowd's size with its hedge too: "[size=at least 12]", "[size=around 500-1000]"
_CODED = re.compile(r"(?i)(?:coded\s+(?:as|at)\b[^.;,()]{0,30}?|\[?size\s*=\s*(?:[a-z]+\s+){0,2}|geoprecision|code)"
                    r"\s*$")
_TIME_AFTER = re.compile(r"(?i)^\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b|gmt\b|utc\b|hrs\b|o'clock|h\d\d|:\d\d)")
_MONEY_BEFORE = re.compile(r"(?:[$€£¥]|US\$|USD|EUR|GBP|Rs\.?|N|KSh)\s*$")
_ORDINAL_AFTER = re.compile(r"(?i)^(?:st|nd|rd|th)\b")
_AGE = re.compile(r"(?i)^(?:-year-old|\s*years?\s+old|-(?:month|week|day)-old|\s*(?:months?|weeks?|days?)\s+old\b|"
                  r"\s*-?\s*(?:yrs?|year)\b)|^\s*(?:aged|age)\b")
_AGE_BEFORE = re.compile(r"(?i)\b(?:aged|age|ages|between\s+the\s+ages\s+of)\s*$")
# "whose daughter Emi, then 26, is still missing": an age of then, set off by commas
_THEN_AGE = re.compile(r",\s*then\s+$")
# a rank, not a count: "number three of the ruling party", "the group's number two, ..."
_RANK_BEFORE = re.compile(r"(?i)\bnumber\s+$")
_RANK_AFTER = re.compile(r"\s*(?:,|\s(?:of|in)\s)")
# "children under 18", "people over 60", "girls under five": an age limit, not a count
_AGE_LIMIT = re.compile(r"(?i)\b(?:children|child|people|persons|those|adults|minors|girls|boys|youths?|men|women|"
                        r"elderly|residents)\s+(?:under|over|below|above|younger\s+than|older\s+than)\s*$")
# words a number after which is a reference, not a count: "Route 2", "Flight 370", "No. 5"
_REF_WORDS = ("highway", "route", "road", "flight", "article", "resolution", "chapter", "no", "no.", "number", "#",
              "page", "room", "gate", "level", "stage", "phase", "unit", "battalion", "brigade", "division", "sector",
              "zone", "category", "cat", "magnitude", "version", "model", "antonov", "boeing", "airbus", "su", "mig",
              "f", "t", "bm", "kilometre", "kilometer", "km", "mile", "hour", "day", "week", "year", "month", "minute")
_REF_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in _REF_WORDS) + r")\s*$")
_PEOPLE_NEXT = re.compile(r"(?i)\s+(?:people|persons|civilians|soldiers|children|residents|families|households|"
                          r"villagers|refugees|migrants|others|more|fighters|militants|killed|dead|died)\b")
_DAY_OF_MONTH = re.compile(rf"(?i)^(?:st|nd|rd|th)?\s*(?:(?:-|–|—|and|to|or)\s*[0-3]?\d(?:st|nd|rd|th)?\s+)?"
                           rf"(?:of\s+)?{MONTH_WORD}")
_DAY_AFTER_MONTH = re.compile(rf"(?i){MONTH_WORD}\.?\s*$")
_YEAR_AFTER_MONTH = re.compile(rf"(?i){MONTH_WORD}\.?\s+(?:[0-3]?\d(?:st|nd|rd|th)?\s*,?\s*)?$")
_VERB_BETWEEN = re.compile(r"(?i)\b(?:were|was|are|is|have|has|had)\s+(?:\w+\s+){0,2}?\w+(?:ed|ing)\b")
_OTHERS = frozenset({"others", "other", "another", "ones"})
# words in a singular's phrase that make it other than one new victim: "a number of", "the first woman"
_NOT_ONE = re.compile(r"(?i)\b(?:number|group|crowd|team|convoy|family\s+of|few|dozen|couple|total|same|other|"
                      r"first|last|only)\b")
# and, after a verb, phrases that are not people at all: "killed a bunch of", "a day earlier"
_NOT_AN_OBJECT = re.compile(r"(?i)\b(?:large|largest|bunch|quarter|half|day|week|month|year)\b(?![\s-]+old)")
# words that end a person-object phrase without naming a person: "killed the momentum", "the same"
_NOT_A_PERSON = frozenset("""
same rest remainder momentum deal plan bill project idea process talks truce ceasefire engine motor
animal animals cow bull goat dog cat lion elephant bird one ones other others latter former first second
third last remainder majority minority whole lot bulk part half many most few several some group number
people population men women children crowd family families household earlier later
""".split())
_GROUP_OF = {w.lower(): g for g, ws in GROUPS.items() for w in ws if " " not in w}


_SMALL = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred)"
_RATIO_BEFORE = re.compile(r"(?i)\b" + _SMALL + r"\s+in(?:\s+every)?\s*$")
_RATIO_AFTER = re.compile(r"(?i)\s+in\s+(?:every\s+)?" + _SMALL + r"\b(?!\s*(?:[-,]|(?:[\w-]+\s+)?(?:days?|weeks?|"
                          r"months?|years?|hours?|minutes?|districts?|provinces?|villages?|towns?|states?|countries|"
                          r"cases|places|"
                          r"separate|different|attacks?|incidents?))\b)")
# how far after "including" the last member of its list can be
_LIST_REACH = 120
# "The 37 passengers, including Pence, and 11 crew members": one member and a comma closed the
# aside, the "and" adds to the whole (a list of two members takes no comma before its "and")
_CLOSES_ASIDE = re.compile(r",\s+(?:and|as\s+well\s+as|plus)\s+(?:\w+\s+){0,2}?\d")
_ASIDE_CLOSED = re.compile(r"\s+(?:(?!\b(?:and|or)\b)[^,;.\d]){1,60},\s+(?:and|as\s+well\s+as|plus)\s+$")
_THEN_HIM = re.compile(r"(?i)[^.;]{0,80}?,\s+(?:killing|wounding|injuring|abducting)\s+(?:him|her)\b" + PRONOUN_END)
_SUBSET_BEFORE = re.compile(
    r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|of\s+which|among\s+the\s+(?:dead|victims|"
    r"injured|wounded|displaced)|among\s+those)\b"
    # ", with 26,000 displaced between 1 and 14 February": right before the number (searched up to it)
    r"|(?<=,)\s*with(?=\s+(?:some\s+|about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$)")


ANAPHORA_BEFORE = re.compile(r"(?i)\b(?:these|those|of\s+the|the\s+same)\s*$")


REFERS_BACK = re.compile(r"(?i)\bthe\s+(?:figure|number|toll|total|estimate)\s+(?:is|was|stands\s+at|stood\s+at|"
                          r"at|of)\s*$")
_RESTATED = re.compile(r"(?i)^\s*(?:\(|/|,?\s*or\s+|,\s*)\s*(?:about|around|some|roughly|approximately|"
                       r"an\s+estimated|nearly|almost|over|more\s+than|at\s+least)?\s*$")


@dataclass(slots=True)
class Candidate:
    mention: Mention
    sentence: Sentence
    kind: str | None
    group: str
    unit: str
    modality: str
    np_end: int
    head: str | None
    drop: bool = False
    subset_of: int | None = None  # index (in the sentence's candidate list) of the parent
    restates: int | None = None  # value of the household figure this people count restates
    stock: bool = False  # counted by a state noun ("IDPs") with no event verb
    of_previous: str | None = None  # "four of the dead": a subset of an earlier figure of this kind
    kind_rule: KindRule | None = None  # which rule gave it its kind
    refers_back: bool = False  # "the figure is 427": the kind, unit and group of the figure before it
    of_them: bool = False  # "four of them": part of the figure before it, whose kind it takes if it has none


def sentence_mentions(s: str) -> list[Mention]:
    """Every number, zero statement and bare singular of a sentence that could count people, in
    order, none overlapping: what ``sentence_candidates`` classifies."""
    mentions = [m for m in find_mentions(s) if not _is_trap(s, m)]
    mentions += _zero_mentions(s)
    mentions += _singular_mentions(s, mentions)
    if "other" in s or "a second" in s or "a third" in s or "a fourth" in s or "a fifth" in s:
        mentions += _one_other_mentions(s)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return _drop_overlaps(mentions)


def sentence_candidates(sentence: Sentence) -> list[Candidate]:
    s = sentence.text
    mentions = sentence_mentions(s)
    candidates = [_classify(s, m, mentions, i) for i, m in enumerate(mentions)]
    _appositive_singulars(s, candidates)
    _partitives(s, candidates)
    _family_of(s, candidates)
    _body_of(s, candidates)
    _coordinate(s, candidates)
    _shared_counted_noun(s, candidates)
    _members(s, candidates)
    _breakdowns(s, candidates)
    _restated_units(s, candidates)
    _subsets(s, candidates)
    _out_of(s, candidates)
    _others(candidates)
    _bare_continues(s, candidates)
    _bracketed_estimates(s, candidates)
    for i, cand in enumerate(candidates):
        if cand.kind in DISPLACEMENT_KINDS and cand.group == "combatants":
            cand.drop = True  # fighters withdrawing are not displaced people
        if cand.np_end > cand.mention.end and _PLACES_FOR_PEOPLE.match(s, cand.np_end):
            cand.drop = True  # "20 internally displaced people camps": a count of the places people are in
        if (cand.kind == "housing_destroyed" and cand.unit != "dwelling" and cand.head is None
                and _VERB_NEXT.match(s, cand.mention.end) and i > 0 and candidates[i - 1].unit == "dwelling"):
            # a bare number of a housing verb right after a count of homes counts homes: "3,000 houses
            # were destroyed and 21,000 severely damaged", "15,000 houses were flooded, 90 were destroyed"
            cand.unit = "dwelling"
        if (cand.kind == "housing_destroyed" and cand.unit == "household" and cand.kind_rule is not None
                and cand.kind_rule.trigger.startswith("had their")):
            cand.unit = "dwelling"  # "41,000 households had their houses destroyed": one home each
        if cand.kind == "housing_destroyed" and cand.unit != "dwelling":
            cand.drop = True
        if cand.unit == "dwelling" and cand.kind not in ("housing_destroyed", "evacuated"):
            cand.drop = True  # homes count when destroyed, or emptied: "80 homes were evacuated"
        elif (cand.unit == "dwelling" and cand.kind == "evacuated"
              and re.match(r"\s+[a-z]+ed(?![a-z])", s[cand.np_end:])):
            cand.drop = True  # "4109 people evacuated 900 houses inundated": a list, the homes have their own verb
        elif (cand.unit in ("dwelling", "household") and cand.kind in DISPLACEMENT_KINDS
              and re.search(r"(?i)\b(?:from|in|of|at)\s+$", s[max(0, cand.mention.start - 8):cand.mention.start])
              and any(c.unit == "person" and c.kind == cand.kind and not c.drop for c in candidates)):
            cand.drop = True  # "100 residents from 28 apartments in two buildings were evacuated": where they lived
    return candidates


# right after a bare number: its verb, not a noun of its own ("21,000 severely damaged", "75 have collapsed")
_VERB_NEXT = re.compile(r"(?i)\s+(?:[a-z]+ly\s+)?(?:were|was|have|has|had|are|is|been|[a-z]+ed|burnt|torn|more)\b")


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _part_verb(s: str, participle: T.PredicateMatch) -> T.PredicateMatch | None:
    """The verb of a part's own clause, after its whole's participle: in "Five of the 20 people
    abducted were later killed" the five's verb is "were later killed"."""
    own = _OWN_AUX.search(s, participle.end, min(len(s), participle.end + 120))
    if own is None or re.search(r"[.;,]", s[participle.end:own.start()]):
        return None
    return T.predicate_at(s, own.start())


_OWN_AUX = re.compile(r"(?i)\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\b")
_MORE_OTHERS = re.compile(r"(?i)\s+others\b")
_SHARE_OF_BEFORE = re.compile(r"(?i)\b(?:half|most|some|many|part|a\s+third|two\s+thirds|the\s+majority|a\s+quarter)"
                              r"\s+of\s+(?:the|these|those)\s*$")
_COUNT_PARTICIPLE = re.compile(r"(?i)\s+(?:killed|dead|died|injured|wounded|evacuated|displaced|missing|fled|"
                               r"homeless|rescued|affected)\b")
_YEAR_PREPOSITION = re.compile(r"(?i)\b(?:in|since|during|of|by|from|until|till|to|before|after|year|early|late|"
                               r"mid|between|and)\s+$")
_YEAR_SUBJECT = re.compile(r"\s+(?:saw|was|marked|brought|witnessed|recorded|proved|became|remains|is)\b")
# the prepositions that put a year in a date ("in 2014", "from 2008 to 2013"), never a count
_DATE_PREPOSITION = re.compile(r"(?i)\b(?:in|since|during|from|until|till|before|after|between)\s+$")
_AGES_BEFORE = re.compile(r"(?i)\bage[sd]\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*(?:and|&)\s*$")
_NAME_BEFORE_AGE = re.compile(r"(?<![.:;]\s)\b[A-Z][a-z'’-]+,\s$")
_AGE_ENDS = re.compile(r"\s*(?:,|\)|;|\band\b|\.(?!\d))")
_STOREYS_AFTER = re.compile(r"(?i)[\s-]*(?:storey|story|storeyed|storied|floor)\b")
_FRACTION_AFTER = re.compile(r"(?i)[\s-]*(?:thirds?|quarters?|fifths?|tenths?|halves)\s+of\b")
# some of the people a relative clause says what happened to: those already counted, if any were
_OF_THOSE_WHO = re.compile(r"(?i)\s+of\s+(?:the|those)\s+(?:[a-z]+\s+){0,2}?(?:men|women|people|persons|soldiers|"
                           r"civilians|children|residents|villagers|fighters|militants|officers|policemen|others)\s+"
                           r"(?:who|that)\s")
_PARENT_OF = re.compile(r"(?i)\b(?:mother|father|parent|mum|mom|dad)\s+of\s*$")


def _is_year_of_a_date(s: str, m: Mention) -> bool:
    """A bare year, or a span of years, after a preposition of time with no people noun after it:
    "In 2014 floods displaced", "From 2008 to 2013 disasters displaced" (but "in 2014 people")."""
    return (m.kind == "digits" and m.hedge_start is None and m.qualifier in ("exact", "range")
            and 1900 <= m.best <= 2100 and (m.high is None or 1900 <= m.high <= 2100)
            and m.text[:4].isdigit() and (len(m.text) == 4 or not m.text[4].isdigit())
            and _DATE_PREPOSITION.search(s, max(0, m.start - 10), m.start) is not None
            and not _PEOPLE_NEXT.match(s, m.end))


def _is_trap(s: str, m: Mention) -> bool:
    """Numbers that are never counts of people: dates, times, ages, money, codes, ordinals."""
    before, after = s[max(0, m.start - 50):m.start], s[m.end:m.end + 20]
    # the patterns "before" end at the number: each is searched only when the words before the
    # number end the way it can (the cheap test lets through more than the pattern takes)
    tail = before.rstrip().lower()
    if ("cod" in tail or "size" in tail or "geoprecision" in tail) and _CODED.search(before):
        return True
    coded = _CODED_AFTER.match(s, m.end, m.end + 32) if m.kind == "digits" else None
    if coded and not (coded.group("split") and tail.endswith(("reported", "claimed"))):
        return True  # ACLED's own coding: "(22 fatalities coded for June 24 and 21 coded for June 25)"
    if m.kind not in ("digits", "words"):
        return False
    if m.kind == "digits":
        if (_ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after)
                or (tail.endswith(_MONEY_ENDS) and _MONEY_BEFORE.search(before))):
            return True
        if (tail.endswith(_REF_WORDS) and _REF_BEFORE.search(before) and m.qualifier == "exact"
                and m.hedge_start is None and not _PEOPLE_NEXT.match(after)):
            return True  # "Route 2", but "this month 25 people died"
        if after.startswith(("%", "-year", "-month", "-day", "-week", "-hour", "km", "mm", "m ", "cm")) \
                and not re.match(r"m\s+(?:people|residents|civilians|children|refugees)", after):
            return True
    if _AGE.match(after) or (tail.endswith(("age", "aged", "ages", "of")) and _AGE_BEFORE.search(before)):
        return True
    if tail.endswith("then") and m.best < 120 and _THEN_AGE.search(before) and _AGE_ENDS.match(after):
        return True
    if (tail.endswith("number") and m.best < 20 and m.kind == "words" and _RANK_BEFORE.search(before)
            and _RANK_AFTER.match(after)):
        return True
    if tail.endswith(("under", "over", "below", "above", "than")) and m.best < 100 and _AGE_LIMIT.search(before):
        return True
    if (m.kind == "digits" and 1900 <= m.best <= 2100 and m.text.isdigit() and m.hedge_start is None
            and _YEAR_SUBJECT.match(after)):
        return True  # "2015 saw the highest number of civilian casualties": the year is the subject
    if m.kind == "digits" and len(m.text) > 1 and not m.text.strip("0"):
        return True  # "N$20 000": the rest of a sum spaced into thousands, never a count of none
    if m.kind == "digits" and tail.endswith(("and", "&")) and _AGES_BEFORE.search(before):
        return True  # "Two men, ages 71 and 51, were found dead": the second age too
    if (m.kind == "digits" and m.best <= 110 and m.hedge_start is None and before.endswith(", ")
            and _NAME_BEFORE_AGE.search(before) and _AGE_ENDS.match(after)):
        return True  # "Cindy Galvan, 23, and their children, Star, 2, Rickcin, 4 and a baby": ages after names
    if _STOREYS_AFTER.match(after):
        return True  # "a three storey block of flats", "a 10-storey building": its height, not its homes
    if m.kind == "words" and _FRACTION_AFTER.match(after):
        return True  # "one-third of the casualties", "two thirds of them": a share, not a count
    if ((tail.endswith((" in", " in every")) and _RATIO_BEFORE.search(before))
            or (after[:4] == " in " and _RATIO_AFTER.match(s, m.end))):
        return True  # "around one in five will die": a ratio, neither number a count
    if tail.endswith("of") and m.best < 20 and _PARENT_OF.search(before):
        return True  # "a father of five was shot dead": his children, not the dead
    if tail.endswith(("from", "of")) and m.best < 20 and _FAMILY_AFTER.match(after) and _MEMBERS_FROM.search(before):
        return True  # "most of them from one family", "members of two families": whose they were, not a count
    if m.kind == "digits" and m.best < 120 and tail.endswith(",") and _AGE_APPOSITION.search(before) \
            and after.lstrip().startswith(","):
        return True  # "Arcan Cetin, 20, from Oak Harbor, was arrested": an age after a name
    # a day or a year of a date: "On 26 September 2020", "May 10, 2014", "the 5th of June"
    if m.best <= 31:
        return bool(_DAY_OF_MONTH.match(after)
                    or (tail.rstrip(".").endswith(_MONTH_ENDS) and _DAY_AFTER_MONTH.search(before)))
    return 1900 <= m.best <= 2100 and bool(_YEAR_AFTER_MONTH.search(before))


_FAMILY_AFTER = re.compile(r"(?i)\s+(?:single\s+|same\s+)?(?:famil(?:y|ies)|households?|clans?)\b")
_MEMBERS_FROM = re.compile(r"(?i)(?:\b(?:them|members|people|persons|victims|dead|civilians|children|women|men|\d+|"
                           r"two|three|four|five|six|seven|eight|nine|ten)\s+"
                           r"(?:(?:are|were|was)\s+)?|\b(?:all|both)\s+)(?:from|of)\s*$")
_AGE_APPOSITION = re.compile(r"[A-Z][a-z'’-]+\s*,\s*$")
_MONEY_ENDS = ("$", "€", "£", "¥", "usd", "eur", "gbp", "rs", "rs.", "n", "ksh")
_MONTH_ENDS = tuple(MONTHS)  # every month name and abbreviation _DAY_AFTER_MONTH can end on


# "Two soldiers were killed and another wounded", "one man died and the other was injured": one more
# "... A third went missing."; and after its verb: "killed one gendarme and wounded another (severely)"
_ONE_OTHER = re.compile(r"(?i)(?:^|(?<=\band )|(?<=\bwhile )|(?<=, ))(?P<one>another|the\s+other|one\s+other|"
                        r"a\s+(?:second|third|fourth|fifth))(?=\s+(?:was\s+|were\s+|"
                        r"had\s+been\s+)?(?:[a-z]+ly\s+)?(?:wounded|injured|hurt|killed|dead|died|abducted|kidnapped|"
                        r"arrested|missing|went\s+missing)\b)"
                        r"|(?<=\band )(?:[a-z]+ly\s+)?(?:wounded|injured|killed|abducted|kidnapped|arrested)\s+"
                        r"(?P<object>another)(?=\s*(?:[,.;)]|$|\s+(?:[a-z]+ly\s+)?(?:in|at|on|and|with|who|while|during|"
                        r"near)\b|\s+[a-z]+ly\s*[,.;)]))")


def _one_other_mentions(s: str) -> list[Mention]:
    return [Mention(m.start(g), m.end(g), m.group(g), 1, 1, 1, "exact", "single")
            for m in _ONE_OTHER.finditer(s) for g in ("one", "object") if m.group(g)]


def _zero_mentions(s: str) -> list[Mention]:
    """'No casualties', 'Neither injuries nor fatalities': the noun names the kind. 'No one',
    'none': the predicate after them does ('No one was hurt')."""
    out = []
    for match in ZERO_RE.finditer(s):
        noun = match.group("noun") or match.group("n1") or match.group("n2")
        kind = ZERO_NOUN_KIND.get(noun.lower()) if noun else None
        out.append(Mention(match.start(), match.end(), match.group(0), 0, 0, 0, "exact", "zero", zero_kind=kind))
        second = _ZERO_SECOND.match(s, match.end()) if match.group("noun") else None
        if second and ZERO_NOUN_KIND[second.group("noun").lower()] != kind:
            out.append(Mention(second.start("noun"), second.end("noun"), second.group("noun"), 0, 0, 0, "exact", "zero",
                               zero_kind=ZERO_NOUN_KIND[second.group("noun").lower()]))
    return out


_WHO_WAS = re.compile(r"\bwho\s+(?:was|is|had\s+been|has\s+been)\s+$")


def _singular_mentions(s: str, numbers: list[Mention]) -> list[Mention]:
    out = []
    for match in SINGULAR_RE.finditer(s) if _SINGULAR_NOUN_ANYWHERE.search(s) else ():
        if any(n.start <= match.start() < n.end or match.start() <= n.start < match.end() for n in numbers):
            continue
        if _NOT_ONE.search(match.group("mods")):
            continue
        if match.group("noun").endswith("official") and _NAMED_AFTER.match(s, match.end()):
            continue  # "the official SUNA agency", "the official spokesperson": an adjective
        if _SAYS_AFTER.match(s, match.end()):
            continue  # "a resident and a UN official said": the sources, not victims
        if re.search(r"(?i)\b(?:from|in|at|on|with|to|into|near|by|for|against|like|as|than|about|among|"
                     r"between|under|over|behind|inside|outside)\s+$", context_before(s, match.start())) and not (
                _THEN_HIM.match(s, match.end())):
            continue  # inside a prepositional phrase: a place or a possessor, rarely the victim (but "opened
            # fire on a civilian, killing him")
        before = context_before(s, match.start())[-T.LEFT_REACH:].lower()
        if re.search(r"(?i)\bof\s+$", before) and T.ANY_LEFT_VERB.search(before) is None:
            continue  # "the house of the Koglweogo chief", but "the killing of a trader"
        if _WHO_WAS.search(before):
            continue  # "1 soldier, who was a hostage, were killed": what the one before was, no one new
        out.append(Mention(match.start(), match.end(), match.group(0), 1, 1, 1, "exact", "single"))
    headline = _HEADLINE_SINGULAR.match(s) if s[:1].isupper() else None
    if headline and not any(n.start < headline.end("np") and headline.start("np") < n.end for n in numbers + out):
        # "Turkish soldier killed in attack", "Policeman shot dead in Peshawar": a headline drops the "a"
        out.append(Mention(headline.start("np"), headline.end("np"), headline.group("np"), 1, 1, 1, "exact", "single"))
    taken = numbers + out
    lowered = lower_same_length(s)
    found: list[Iterable[tuple[int, int, str]]] = []
    if _OBJECT_VERB_STARTS.search(lowered):
        found += [_np_heads(finditer_at(pattern, s, lowered, _OBJECT_VERB_STARTS))
                  for pattern in (PERSON_OBJECT_RE, BARE_OBJECT_RE)]
    if "to death" in lowered or "alive" in lowered:
        found.append(_np_heads(TO_DEATH_OBJECT_RE.finditer(s)))
    if " was " in s or " been " in s:
        found.append(_passive_subjects(s))
    for matches in found:
        for start, end, head in matches:
            head = head.lower()
            if (head in NOT_PEOPLE or (head + "s" in NOT_PEOPLE and head != "head") or head in _NOT_A_PERSON
                    or (head.endswith("s") and not head.endswith("ss"))  # one person, never "the citizens"
                    or _NOT_ONE.search(s, start, end) or _NOT_AN_OBJECT.search(s, start, end)
                    or any(n.start < end and start < n.end for n in taken)):
                continue
            single = Mention(start, end, s[start:end], 1, 1, 1, "exact", "single")
            out.append(single)
            taken.append(single)
    return out


# a reporting verb right after a singular (or after another one joined to it) makes them the source
_SAYS_AFTER = re.compile(r"(?i)(?:\s+and\s+(?:an?|the|another)\s+(?:[\w-]+\s+){0,4}?[\w-]+)?\s+(?:[a-z]+ly\s+)?"
                         r"(?:said|says|told|reported|stated|added|confirmed|explained|noted)\b")


# a word after "official" that it modifies: any but the small words that end a noun phrase
_NAMED_AFTER = re.compile(r"\s+(?!(?:and|or|was|were|is|are|has|had|who|in|at|of|on|from|with|for|by|near|"
                          r"during|after|before|while|when|said|says)\b)[A-Za-z]")


# a toll that counts families: the bare number after it counts them too
_TOLL_OF_HOUSEHOLDS = re.compile(r"(?i)\bnumber\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:famil(?:y|ies)|households?)\b"
                                 r"[^.;:]{0,90}$")


def _classify(s: str, m: Mention, mentions: list[Mention], index: int) -> Candidate:
    sentence = Sentence(0, len(s), s, 0)  # offsets here are sentence offsets
    if m.kind == "zero":
        return _classify_zero(s, m, sentence)
    np = _singular_np(s, m) if m.kind == "single" else noun_phrase(s, m.end)
    cand = Candidate(m, sentence, None, np.group or "people", np.unit, "asserted", np.end, np.head)
    if np.people is False:
        cand.drop = True
        return cand
    singular_modifier = (np.head is not None and m.best > 1 and m.kind == "digits" and not np.head.endswith("s")
                         and np.head not in PLURALS_WITHOUT_S and not np.head.endswith(PLURAL_ENDINGS)
                         and np.noun_kind is None)  # "3 soldier and 2 militant fatalities"
    if ((np.head is None and np.people is None) or singular_modifier) and m.kind != "single":
        shared = shared_head(s, m, np, mentions, index) or elided_head(s, m, np, mentions, index)
        if shared is not None:
            np = shared
            cand.group, cand.unit, cand.head = np.group or "people", np.unit, np.head
    elif np.head == "others" and m.kind in ("digits", "words"):
        # "destroyed more than 500 shelters and damaged about 1,000 others": homes, not people
        homes = elided_head(s, m, NounPhrase(m.end, None, None, "person", None, None, None), mentions, index)
        if homes is not None and homes.unit == "dwelling" and _MORE_OTHERS.match(s, m.end):
            np = NounPhrase(np.end, homes.head, homes.group, homes.unit, True, None, None)
            cand.group, cand.unit, cand.head = np.group or "people", np.unit, np.head
    few_needs_verb = False
    if m.kind == "few" and np.people is not True:
        before = context_before(s, m.start)
        bare_object = re.match(r"\s*(?:[.,;:)]|$)", context_after(s, m.end)) and any(
            p.search(before[-T.LEFT_REACH:].lower()) for k, p in T.LEFT_VERB_RES
            if k in ("killed", "injured", "casualties"))
        if np.people is False or (np.head is not None and not bare_object):
            cand.drop = True  # "some", "many" count only when they quantify people
            return cand
        # "Several seriously wounded", "many fled": people only when a verb says what happened to them
        few_needs_verb = not bare_object
    if (m.kind == "digits" and m.qualifier == "exact" and 1900 <= m.best <= 2100 and np.people is not True
            and m.text.isdigit() and not (_COUNT_PARTICIPLE.match(s, m.end)
                                          and not _YEAR_PREPOSITION.search(s, max(0, m.start - 12), m.start))):
        cand.drop = True  # a year ("2,000 displaced people" is none, nor "casualties: 2000 evacuated")
        return cand
    if _is_year_of_a_date(s, m):
        cand.drop = True  # "In 2014 floods displaced 20,000 people", "From 2008 to 2013 disasters displaced ..."
        return cand
    # trailing "at least": "25 members ... at least", "13 at least"
    tail = s[m.end:max(np.end, m.end) + 40]
    trailing = re.match(r"(?i)^[^,.;\d]{0,40}?\bat\s+least\b(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|a\b|an\b))", tail)
    if m.qualifier == "exact" and trailing and not T.has_predicate(tail[:trailing.start() + 1]):
        m.qualifier, m.high = "at_least", None
    before = context_before(s, m.hedge_start if m.hedge_start is not None else m.start)
    decision = kind_of(s, m, np, before, mentions, index)
    if (decision.rule is not None and decision.rule.source is RuleSource.SEQUENCE and decision.kind == "returned"
            and _SHARE_OF_BEFORE.search(before)):
        # "half of the 111,000 people displaced ... returned": the 111,000 were displaced, a share went home
        decision = KindDecision("displaced", decision.site, KindRule.of(RuleSource.PREDICATE, decision.rule.trigger))
    kind = decision.kind
    if few_needs_verb and decision.site is not Site.AFTER:
        cand.drop = True
        return cand
    cand.kind, cand.kind_rule = kind, decision.rule
    if kind == "housing_destroyed" and decision.rule is not None and decision.rule.source is RuleSource.LABEL:
        cand.unit = "dwelling"  # "Completely destroyed housing: 146"
    if (decision.rule is not None and decision.rule.source is RuleSource.TOLL and np.head is None
            and _TOLL_OF_HOUSEHOLDS.search(before)):
        cand.unit = "household"  # "the number of displaced families is estimated to be 349"
    cand.stock = decision.site is Site.NOUN and np.weak_kind is not None and np.noun_kind is None
    of_the = re.match(r"(?i)^\s+of\s+the\s+(dead|killed|victims|wounded|injured|displaced|missing|abducted|"
                      r"detained)\b", context_after(s, m.end))
    if of_the and m.kind in ("digits", "words", "few"):
        cand.of_previous = T.WEAK_NOUN_KINDS.get(of_the.group(1).lower(), "killed")
        if cand.kind is None:
            cand.kind, cand.kind_rule = cand.of_previous, KindRule.of(RuleSource.OF_PREVIOUS, of_the.group(0))
        cand.stock = False
        cand.group = _group_they_are(s, np.end) or cand.group  # "four of the dead were soldiers"
    elif kind is not None and m.kind in ("digits", "words") and _OF_THOSE_WHO.match(s, m.end):
        cand.of_previous = kind  # "Three men died ... One of the men who died was a cartel leader": one of the three
    if kind is not None and np.group is None:
        cand.group = group_from_context(s, m)
    if np.of_them:
        cand.group = "combatants" if ARMED.search(before) else "people"
        if m.kind in ("digits", "words", "few"):
            cand.of_them = True
            cand.group = _group_they_are(s, np.end) or cand.group  # "nine of them were children"
            if cand.kind is not None and cand.of_previous is None:
                cand.of_previous = cand.kind  # "Twenty were injured. Nine of them were slightly injured"
    if cand.group == "people" and re.match(r"(?i)^\s*(?:members\s+)?(?:at\s+least\s+)?(?:of|from|among)\s+"
                                           r"(?:the\s+)?[^,.;]{0,12}?", context_after(s, np.end)) and ARMED.match(
            re.sub(r"(?i)^\s*(?:members\s+)?(?:at\s+least\s+)?(?:of|from|among)\s+(?:the\s+)?[\"“']?", "",
                   s[np.end:np.end + 60])):
        cand.group = "combatants"  # "34 casualties at least from the regime forces"
    if cand.group == "people" and np.head in ("members", "member") and ARMED.search(s, m.end, np.end):
        cand.group = "combatants"  # "11 ISIS members", "20 Boko Haram members": members of an armed group
    if decision.site is Site.TOLL and cand.group == "people" and re.search(r"(?i)\bcivilian", before[-80:]):
        cand.group = "civilians"  # "raised the civilian death toll to 50"
    if re.match(r"(?i)^\s*(?:people\s+|persons\s+)?with\s+disabilit", context_after(s, m.end)):
        cand.group = "civilians"
    cand.modality = modality_of(s, np, before, decision)
    if (cand.modality == "asserted" and kind in ("killed", "injured", "casualties")
            and perpetrator_claim(s, m.hedge_start or m.start, np.end, cand.group)):
        cand.modality = "uncertain"
    if decision.site is Site.NEGATED:
        cand.drop = True
    return cand


_THEY_ARE = re.compile(r"(?i)^\s+(?:were|was|are)\s+(?:\w+\s+){0,2}?([a-z-]+)")


def _group_they_are(s: str, pos: int) -> str | None:
    """The group a part is said to be, after its phrase: "(four of the dead) were soldiers"."""
    nominal = _THEY_ARE.match(context_after(s, pos))
    return _GROUP_OF.get(nominal.group(1).lower()) if nominal else None


# each person noun, lower-cased, and the first group of GROUPS that lists it
_FIRST_GROUP: dict[str, str] = {}
for _name, _words in GROUPS.items():
    for _word in _words:
        _FIRST_GROUP.setdefault(_word.lower(), _name)


# "killed a local official's wife": the one counted is whom the possessive names
_POSSESSED = re.compile(r"['’]s\s+(?:(?:young|younger|elder|eldest|teenage|infant)\s+)?(?P<noun>wife|husband|son|"
                        r"daughter|brother|sister|father|mother|child|nephew|niece|cousin|uncle|aunt|relative|"
                        r"driver|bodyguard)\b")
_POSSESSED_GROUP = {"child": "children", "bodyguard": "combatants"}


def _singular_np(s: str, m: Mention) -> NounPhrase:
    possessed = _POSSESSED.match(s, m.end) if s.startswith(("'s", "’s"), m.end) else None
    if possessed is not None:
        noun = possessed.group("noun")
        group = _POSSESSED_GROUP.get(noun) or _FIRST_GROUP.get(noun) or "civilians"  # "his son" is a child too
        return NounPhrase(possessed.end(), noun, "civilians" if group == "people" else group, "person", True,
                          None, None)
    noun_match = SINGULAR_RE.match(s, m.start)
    noun = noun_match.group("noun") if noun_match else m.text.split()[-1]
    low = noun.lower()
    words = s[m.start:m.end]
    group = "people"
    last_two = " ".join(words.lower().split()[-2:])  # "a religious leader": a civilian, not a commander
    for word in [last_two, noun, *reversed(noun.split())]:  # "civilian driver": the driver is a civilian
        found = _FIRST_GROUP.get(word.lower())
        if found is not None and found != "people":
            group = found
            break
    low = low.split()[-1] if low else low
    for name, hint in _GROUP_HINTS:
        if name != "combatants" and hint.search(words):
            group = name
            break
    if low in ("member", "leader", "commander") and ARMED.search(s[m.end:m.end + 50]):
        group = "combatants"
    if low in ("employee", "operator", "idp") and group == "people":
        group = "civilians"
    if low in ("family", "household"):
        return NounPhrase(m.end, low, "people", "household", True, None, None)
    if low.endswith("year-old"):
        group = "children" if int(re.match(r"\d+", low).group(0)) < 18 else "people"  # type: ignore[union-attr]
    return NounPhrase(m.end, low, group, "person", True, None, None)


def _classify_zero(s: str, m: Mention, sentence: Sentence) -> Candidate:
    kind = m.zero_kind
    rule = KindRule.of(RuleSource.ZERO, m.text)
    if kind is None:  # "No one was hurt", "none were killed"
        said = predicate_kind(s, m.end)
        kind = said.kind
        rule = KindRule.of(RuleSource.ZERO, f"{m.text} {said.rule.trigger if said.rule else ''}")
    cand = Candidate(m, sentence, kind, "people", "person", "asserted", m.end, None, kind_rule=rule)
    if kind is None:
        cand.drop = True
    return cand


def _shared(rule: KindRule | None) -> KindRule:
    """The rule of a phrase that shares another's verb: a list of them names the verb's rule once,
    not a chain ("shared-verb:left-verb:evacuated" for every item)."""
    return rule if rule is not None and rule.source is RuleSource.SHARED_VERB else \
        KindRule(RuleSource.SHARED_VERB, str(rule))


_PLACE_THEN_COORD = re.compile(r"(?i)^\s+(?:in|at|near|on|from|across|around)\s+(?:(?!\band\b)[^,.;:()]){1,50}?"
                               r"(?:\s*,\s*(?:(?:and|as\s+well\s+as)\s+)?|\s+(?:and|as\s+well\s+as)\s+)"
                               r"(?:another\s+|a\s+further\s+)?$")
_PLACE_THEN_END = re.compile(r"(?i)(?:\s+(?:in|at|near|on|from|across|around)\s+[^,.;:()]{1,50}?)?"
                             r"\s*(?:[,;.]|$|\s+and\b)")


def _coordinate(s: str, candidates: list[Candidate]) -> None:
    """'killed a woman and her two children': the second phrase shares the first one's verb."""
    for prev, cand in pairwise(candidates):
        if cand.kind is None and not cand.drop and prev.kind is not None and not prev.drop:
            start = cand.mention.hedge_start if cand.mention.hedge_start is not None else cand.mention.start
            between = s[prev.np_end:start]  # "a religious leader and at least three of his family"
            if cand.mention.kind != "few" and (COORD.match(between) or (_PLACE_THEN_COORD.match(between) and (
                    cand.head is None or elided(s, cand.mention)
                    or (cand.unit == prev.unit and _PLACE_THEN_END.match(s, cand.np_end))))):
                # "killed three villagers in Baksa and eight more in Kokrajhar": a place of the first,
                # then a number with no noun of its own, or a list of them by place ("wiped out 413
                # homes in Long Island, 227 houses in San Salvador and 123 in Acklins")
                cand.kind = prev.kind
                cand.kind_rule = _shared(prev.kind_rule)
                cand.modality = prev.modality


def _appositive_singulars(s: str, candidates: list[Candidate]) -> None:
    """'killing a man, the director of the school, and injuring five': the second phrase names the
    same person."""
    for prev, cand in pairwise(candidates):
        one = prev.mention.kind == "single" or (prev.mention.best == 1 and prev.mention.kind in ("digits", "words"))
        if (one and cand.mention.kind == "single" and not prev.drop
                and re.match(r"^\s*,\s*$", s[prev.np_end:cand.mention.start])
                and (re.match(r"(?i)the\b", cand.mention.text) or re.match(r"[^.;]{0,60}?[,(]", s[cand.np_end:]))):
            cand.drop = True  # "1 civilian, a tribal elder, was killed", "his mother, a police officer (off-duty)"


def _partitives(s: str, candidates: list[Candidate]) -> None:
    """'Three of the 12 people injured were in critical condition', 'Two of the 30 dead were
    children': the part is part of the whole that follows it, never added to it. The whole's kind
    is its own participle's: in 'Five of the 20 people abducted were later killed' the twenty were
    abducted, the five killed."""
    for i, (part, whole) in enumerate(pairwise(candidates)):
        if (part.drop or whole.drop or part.mention.kind not in ("digits", "words")
                or whole.mention.kind not in ("digits", "words") or part.mention.best > whole.mention.best
                or not re.match(r"(?i)^\s+of\s+(?:the|these|those)\s+$", s[part.mention.end:whole.mention.start])):
            continue
        rule = whole.kind_rule
        participle = T.predicate_at(s, whole.np_end)
        if rule is not None and rule.source not in (RuleSource.NOUN, RuleSource.SEQUENCE) and participle is None:
            whole.kind, whole.kind_rule = None, None  # "kidnapped 5 of the 20 passengers": the 20 are no count
        if (rule is not None and rule.source is RuleSource.SEQUENCE and participle is not None
                and participle.kind is not None):
            whole.kind = participle.kind
            whole.kind_rule = KindRule.of(RuleSource.PREDICATE, participle.trigger)
        own_verb = _part_verb(s, participle) if participle is not None else None
        if own_verb is not None:
            if own_verb.kind is None:
                part.drop = True  # "Fourteen of the 15 people reported missing were reported safe"
                continue
            part.kind, part.kind_rule = own_verb.kind, KindRule.of(RuleSource.PREDICATE, own_verb.trigger)
        elif part.kind is None or part.kind_rule == whole.kind_rule:
            part.kind, part.kind_rule, part.modality = whole.kind, whole.kind_rule, whole.modality
        if part.kind is not None and whole.kind is not None and KIND_CLASS[part.kind] == KIND_CLASS[whole.kind]:
            part.subset_of = i + 1
            if participle is not None:
                part.group = _group_they_are(s, participle.end) or part.group  # "... were soldiers"


def _body_of(s: str, candidates: list[Candidate]) -> None:
    """'killed and mutilated the body of a member': one person, counted once (as the member when
    both have a kind)."""
    for body, person in pairwise(candidates):
        if (body.mention.kind == "single" and body.head in ("body", "corpse") and person.mention.kind == "single"
                and body.kind is not None and person.kind is not None
                and re.match(r"(?i)^\s+of\s+$", s[body.np_end:person.mention.start])):
            body.drop = True


def _family_of(s: str, candidates: list[Candidate]) -> None:
    """'kills a family of 6 persons': the number counts the family's people, and takes its kind."""
    for prev, cand in pairwise(candidates):
        if (prev.mention.kind == "single" and prev.unit == "household" and prev.kind is not None
                and cand.kind is None and not cand.drop and cand.mention.kind in ("digits", "words")
                and re.match(r"^\s+of\s+$", s[prev.np_end:cand.mention.start])):
            cand.kind, cand.kind_rule, cand.modality = prev.kind, prev.kind_rule, prev.modality
            prev.drop = True


def _shared_counted_noun(s: str, candidates: list[Candidate]) -> None:
    """'25 ADF fighters and 6 military fatalities': the first phrase shares the second's counted noun."""
    for prev, cand in pairwise(candidates):
        rule = cand.kind_rule
        if (prev.kind is None and not prev.drop and prev.head is not None and cand.kind is not None
                and rule is not None and rule.source is RuleSource.NOUN
                and cand.kind in ("killed", "casualties", "injured")
                and re.match(r"^\s*and\s*$", s[prev.np_end:cand.mention.start])):
            prev.kind, prev.modality = cand.kind, cand.modality
            prev.kind_rule = _shared(rule)


def _members(s: str, candidates: list[Candidate]) -> None:
    """'Four villagers - two farmers, a teacher and a nurse - were killed': the members listed
    right after a whole are part of it, when they do not add up to more than it."""
    for i, whole in enumerate(candidates):
        if whole.drop or whole.kind is None or whole.unit != "person":
            continue
        aside = APPOSITION.match(context_after(s, whole.np_end))
        if aside is None:
            continue
        members = [j for j in range(i + 1, len(candidates))
                   if candidates[j].mention.start < whole.np_end + aside.end() and not candidates[j].drop]
        if not members or sum(candidates[j].mention.best for j in members) > whole.mention.best:
            continue
        for j in members:
            member = candidates[j]
            member.modality, member.subset_of = whole.modality, i
            if member.kind is not None and whole.kind == "casualties" and member.kind in ("killed", "injured"):
                continue  # "63,934 civilian casualties — 22,941 deaths and 40,993 wounded": each keeps its own
            member.kind = whole.kind
            member.kind_rule = KindRule(RuleSource.SUBSET, str(whole.kind_rule))


_BREAKDOWN_ITEM = re.compile(r"(?i)^\s+(?:(?:in|from|at|on|near)\s+(?:the\s+)?(?-i:[A-Z])|(?:were|was)\s+(?:in|from)\s+"
                             r"(?-i:[A-Z]))")
# the total's own place, maybe after a word or two: "4 assassinated overnight in Basnere and 1 in Djibo"
_BESIDE = re.compile(r"(?i)^(?:\s+[a-z]+){0,3}?\s+(?:in|from|at|near)\s+(?:the\s+)?(?=(?-i:[A-Z]))")
_BREAKDOWN_JOIN = re.compile(r"(?i)^\s*(?:[,:;]\s*(?:and\s+|with\s+|while\s+)?|\s+(?:and|while|with)\s+|\s*[-–—]\s*)$")
# the list may open after the rest of the total's clause, at a colon: "More than 47,000 people were
# displaced by fighting between 31 October and 15 November: 33,000 from Idlib, 8,900 from Aleppo ..."
_BREAKDOWN_COLON = re.compile(r"[^.;:!?]{1,150}:\s*$")
# "more than", "about": the parts may add up to a little more than the total's number
_LOOSE_TOTAL = frozenset({"more_than", "at_least", "approx"})


def _breakdowns(s: str, candidates: list[Candidate]) -> None:
    """'8 tribesmen killed, 5 from Al Dahshal and 3 from Al Tilan', 'The toll is nine: four in A,
    three in B and two in C': bare numbers of places after a total are its parts."""
    for i, total in enumerate(candidates):
        if total.drop or total.kind is None or total.unit != "person":
            continue
        parts: list[int] = []
        pos = _predicate_end(s, total)
        # "Three were killed in A, one in B": the total has a place of its own, the others are beside it
        beside = _BESIDE.match(context_after(s, pos))
        if beside:
            pos = _place_end(s, pos + beside.end())
        for j in range(i + 1, len(candidates)):
            part = candidates[j]
            if (part.kind is not None and part.kind != total.kind) or part.drop or part.head not in (None, total.head):
                break
            item = _BREAKDOWN_ITEM.match(context_after(s, part.np_end))
            joined = _BREAKDOWN_JOIN.match(s[pos:part.mention.start]) or (
                not parts and not beside and _BREAKDOWN_COLON.match(s, pos, part.mention.start))
            if not joined or item is None:
                break
            parts.append(j)
            pos = _place_end(s, part.np_end + item.end())
        if beside and parts:
            for j in parts:
                part = candidates[j]
                part.kind, part.group, part.modality = total.kind, total.group, total.modality
                part.kind_rule = _shared(total.kind_rule)
            continue
        room = 1.1 if total.mention.qualifier in _LOOSE_TOTAL else 1.0
        if len(parts) < 2 or sum(candidates[j].mention.best for j in parts) > total.mention.best * room:
            continue
        for j in parts:
            part = candidates[j]
            part.kind, part.group, part.modality, part.subset_of = total.kind, total.group, total.modality, i
            part.kind_rule = KindRule(RuleSource.SUBSET, str(total.kind_rule))


def _predicate_end(s: str, cand: Candidate) -> int:
    """Where the words that gave a figure its kind end, when they follow it ("8 tribesmen killed")."""
    rule = cand.kind_rule
    if rule is not None and rule.source is RuleSource.PREDICATE:
        at = s.lower().find(rule.trigger.split()[-1], cand.np_end)
        if at != -1:
            return at + len(rule.trigger.split()[-1])
    return cand.np_end


def _place_end(s: str, pos: int) -> int:
    """The end of a place name: capitalised words, "al", "el", "de" between them."""
    match = re.match(r"[\w'’-]*(?:\s+(?:(?:al|el|de|du|ad|as|ash|ar|bin|ben)[\s-]+)?[A-Z][\w'’-]*)*", s[pos:])
    return pos + (match.end() if match else 0)


def _restated_units(s: str, candidates: list[Candidate]) -> None:
    """'2,000 families, or about 10,000 people', '310 households (1,600 people)', '2,759 persons
    (around 460 families)': one figure, the people count."""
    for a, b in pairwise(candidates):
        between = s[a.np_end:b.mention.start]
        if (a.unit == "person" and b.unit == "dwelling" and b.kind == "evacuated"
                and re.match(r"(?i)^\s*(?:from|in|of)\s+(?:some\s+|about\s+|around\s+|nearly\s+)?$", between)):
            b.drop = True  # "82,500 people from some 34,500 homes were evacuated": the homes are the same people
            continue
        if not _RESTATED.match(between):
            continue
        if a.kind == "housing_destroyed" or (a.kind is None and _HOUSES_OF_HOUSEHOLDS.match(s, b.np_end)):
            continue  # "41,000 households (178,000 people) had their houses destroyed": the homes count
        if a.unit == "household" and b.unit == "person" and b.head not in (None, "others"):
            a.drop = True
            b.restates = a.mention.best
            governed = (a.kind is not None and a.kind_rule is not None and b.kind is not None
                        and a.kind_rule.source in (RuleSource.LEFT_VERB, RuleSource.FORCED)
                        and KIND_CLASS[a.kind] == KIND_CLASS[b.kind])
            if b.kind is None or governed:
                # "displaced 234 families or 900 individuals, who are now taking shelter in the gym": the
                # verb before the first count is what happened to the second; the clause after, where they are
                if a.kind is not None:
                    b.kind, b.kind_rule = a.kind, KindRule(RuleSource.RESTATED, str(a.kind_rule))
                else:
                    said = predicate_after(s, b.np_end + _close_paren(s, b.np_end), [], 0)
                    b.kind, b.kind_rule = said.kind, said.rule
        elif a.unit == "person" and b.unit == "household" and a.head is not None:
            b.drop = True


_HOUSES_OF_HOUSEHOLDS = re.compile(r"\s*\)?\s*had\s+their\s+(?:houses|homes)\b")


def _close_paren(s: str, pos: int) -> int:
    match = re.match(r"\s*\)", context_after(s, pos))
    return match.end() if match else 0


def _subsets(s: str, candidates: list[Candidate]) -> None:
    for i, cand in enumerate(candidates):
        if cand.drop or i == 0:
            continue
        marker = None
        for match in _SUBSET_BEFORE.finditer(s, max(0, cand.mention.start - CONTEXT), cand.mention.start):
            marker = match
        if marker is not None and cand.mention.start - marker.end() > _LIST_REACH:
            marker = None  # "hundreds of people including members of ... staged a protest ... over the killing
            # of a businessman": a list of members is not that long
        if marker is None or _VERB_BETWEEN.search(s, marker.end(), cand.mention.start) or (
                s.rfind("(", 0, marker.start()) > s.rfind(")", 0, marker.start())
                and ")" in s[marker.end():cand.mention.start]):  # "(1 of them a child) ... and beheaded a man"
            continue  # "6,000 people including 4,000 children were staying at the base and 5,000 at the
            # airstrip": past the verb, the list of the subset is over
        if cand.kind is None and marker.group(0).strip().lower() == "with":
            continue  # "with" links a count that says what happened to it, never gives one ("with two shots")
        if any(other.kind_rule is not None and other.kind_rule.source is RuleSource.LEFT_VERB
               and marker.end() <= other.mention.start for other in candidates[:i]):
            continue  # "killing five civilians including the imam and wounding three others, one of the
            # wounded ...": a number with a verb of its own ended the list
        window = [j for j in range(i - 1, max(-1, i - 40), -1)
                  if candidates[j].mention.end >= cand.mention.start - CONTEXT][::-1]
        for j in window:
            # "About 900 citizens including 304 children killed by ...": the list shares its verb
            head = candidates[j]
            if (head.kind is None and not head.drop and head.head is not None and cand.kind is not None
                    and re.match(r"(?i)^\s*,?\s*(?:including|among\s+them)\s*$", s[head.np_end:marker.end()])):
                head.kind, head.modality = cand.kind, cand.modality
                head.kind_rule = _shared(cand.kind_rule)
        if _ASIDE_CLOSED.match(s, marker.end(), cand.mention.start):
            # the count after the aside is no member of it: it adds to the whole, sharing its verb
            # ("killing 17 fighters, including three leaders, and a member of the brigade")
            wholes = [candidates[j] for j in window
                      if candidates[j].kind is not None and candidates[j].mention.end <= marker.start()]
            if cand.kind is None and wholes:
                cand.kind, cand.modality = wholes[-1].kind, wholes[-1].modality
                cand.kind_rule = _shared(wholes[-1].kind_rule)
            continue
        before_marker = [j for j in window if candidates[j].mention.end <= marker.start() and not candidates[j].drop]
        if (cand.kind is None and before_marker and candidates[before_marker[-1]].kind is None
                and marker.group(0).lower().startswith("of which")):
            continue  # "separated 20,000 children from their parents, of which 5,000 had since been reunited":
            # the part is of the count right before it, which is no figure, not of an earlier one
        parents = [j for j in before_marker if candidates[j].kind is not None]
        if not parents:
            continue
        parent = candidates[parents[-1]]
        unnumbered = _unnumbered_whole(s[parent.np_end:marker.start()]) if cand.kind is None else None
        if unnumbered is not None:
            # "killing two civilians and wounding others, including three children": the children
            # are of the wounded, a whole with no number
            cand.kind, verb = unnumbered
            cand.kind_rule = KindRule.of(RuleSource.SUBSET, f"left-verb:{verb}")
            cand.modality = parent.modality
            continue
        if cand.kind is None or (cand.kind != parent.kind and not s[marker.end():cand.mention.start].strip()
                                 and _CLOSES_ASIDE.match(s, cand.np_end)):
            # "were killed, including a policeman, and 30 others wounded": the one member of the
            # aside is of the whole before it, the verb after the aside is the next count's
            cand.kind = parent.kind
            cand.kind_rule = KindRule(RuleSource.SUBSET, str(parent.kind_rule))
            cand.modality = parent.modality
        if cand.kind and parent.kind and KIND_CLASS[cand.kind] == KIND_CLASS[parent.kind]:
            cand.subset_of = parents[-1]
            if cand.unit == "person" and parent.unit == "person" and cand.mention.best > parent.mention.best:
                cand.subset_of = None  # a subset cannot be larger than its whole


_OUT_OF = re.compile(r"(?i)^\s*,?\s*(?:out\s+of|of\s+a\s+total\s+of)\s+(?:a\s+total\s+of\s+|the\s+)?$")


def _out_of(s: str, candidates: list[Candidate]) -> None:
    """'about 440 civilians out of more than 1,500 people killed': the first is part of the second."""
    for i, (part, whole) in enumerate(pairwise(candidates)):
        start = whole.mention.hedge_start if whole.mention.hedge_start is not None else whole.mention.start
        if (part.drop or whole.drop or part.subset_of is not None or part.mention.best >= whole.mention.best
                or not _OUT_OF.match(s[part.np_end:start])):
            continue
        if whole.kind is None:
            continue  # "300 families out of 1,200 living in the valley": the whole is no figure
        if part.kind is None:
            part.kind, part.kind_rule = whole.kind, KindRule(RuleSource.SUBSET, str(whole.kind_rule))
            part.modality = whole.modality
        if KIND_CLASS[part.kind] == KIND_CLASS[whole.kind]:
            part.subset_of = i + 1


_OTHERS_END = re.compile(r"(?i)\s+(?:(?:several|many|numerous|scores\s+of|dozens\s+of|hundreds\s+of|"
                         r"a\s+number\s+of)\s+)?(?:others|more)\s*,?\s*$")


def _unnumbered_whole(between: str) -> tuple[str, str] | None:
    """The kind and verb of a whole without a number between a figure and its "including":
    "... and wounding (several) others, including"."""
    others = _OTHERS_END.search(between)
    if others is None:
        return None
    verb_zone = between[:others.start()].lower()
    if not re.match(r"^\s*,?\s*(?:and|while|as\s+well\s+as)\s", verb_zone):
        return None  # a second clause of its own: "killing two ... and wounding others"
    for kind, pattern in T.LEFT_VERB_RES:
        verb = pattern.search(verb_zone)
        if verb and kind is not None:
            return kind, verb.group(0)
    return None


def _others(candidates: list[Candidate]) -> None:
    """'killed one civilian and wounded ten others': 'others' are of the group named before."""
    last_group = None
    for cand in candidates:
        if cand.drop:
            continue
        if cand.head in _OTHERS:
            named = re.match(r"(?i)\s+other\s+([a-z-]+)", cand.sentence.text[cand.mention.end:cand.np_end + 1])
            own = _GROUP_OF.get(named.group(1).lower()) if named else None
            if own is not None and own != "people":
                cand.group = own  # "4 soldiers and 6 other civilians": the noun says who they are
            elif last_group and not (named and named.group(1).lower() in ("people", "persons")):
                cand.group = last_group  # but "5 soldiers and 31 other people": the rest, whoever they are
        elif cand.kind is not None and cand.head is not None and cand.subset_of is None:
            last_group = cand.group  # a member of a list is not who the others are counted against


# between a counted phrase and a bare number of the next clause: the first one's predicate (an
# auxiliary, an adverb, a word or two), the join, then maybe the bare number's own verb
_BARE_JOIN = re.compile(r"^(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is))?(?:\s+[a-z]+ly)?"
                        r"(?:\s+[a-z]+){0,2}?\s*(?:,\s*)?(?:\band|\bwhile|,)(?:\s+[a-z]+){0,2}\s+$")


def _bare_continues(s: str, candidates: list[Candidate]) -> None:
    """'3 soldiers were killed and 2 were wounded', 'killed 4 soldiers and wounded 6': a bare
    number of the next clause counts the people the phrase before it named."""
    for prev, cand in pairwise(candidates):
        if (cand.head is None and not cand.drop and cand.kind is not None and cand.group == "people"
                and cand.unit == "person" and cand.mention.kind in ("digits", "words", "few")
                and not prev.drop and prev.head is not None and prev.subset_of is None
                and prev.mention.kind != "single" and prev.unit == "person" and prev.group != "people"
                and _BARE_JOIN.match(s[prev.np_end:cand.mention.hedge_start or cand.mention.start])
                and not re.match(r"\s+of\b", s[cand.mention.end:])):  # "and 3 of the rescuers"
            cand.group = prev.group


_REPORTED_IN_BRACKET = re.compile(r"(?i)\b(?:reported|according\s+to|claimed|said|sources?|put|estimated?)\b")


def _bracketed_estimates(s: str, candidates: list[Candidate]) -> None:
    """'killed at least twenty villagers (some sources reported between 50 and 100 dead)': another
    source's count in brackets after a figure is an estimate of the same people, part of it."""
    for j, cand in enumerate(candidates):
        opened = s.rfind("(", 0, cand.mention.start)
        if (opened < 0 or cand.drop or cand.kind is None or cand.subset_of is not None
                or ")" in s[opened:cand.mention.start]):
            continue
        closed = s.find(")", cand.mention.end)
        inside = s[opened:closed if closed > 0 else len(s)]
        if not _REPORTED_IN_BRACKET.search(inside):
            continue
        whole = next((i for i in range(j - 1, -1, -1) if candidates[i].mention.end <= opened
                      and not candidates[i].drop and candidates[i].kind is not None), None)
        if (whole is not None and KIND_CLASS[candidates[whole].kind or ""] == KIND_CLASS[cand.kind]
                and candidates[whole].subset_of is None and opened - candidates[whole].np_end < 120):
            cand.subset_of = whole
