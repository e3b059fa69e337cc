"""What a number's context says: its kind (a running toll before it, a verb whose object it is,
the predicate after its noun phrase, the noun itself), its modality and, when its own phrase
has no noun, its group. The trigger words themselves are in ``triggers``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from transforms.figures import triggers as T
from transforms.figures.dates import MONTH_WORD
from transforms.figures.lexicon import lexicon
from transforms.figures.model import DISPLACEMENT_KINDS
from transforms.figures.nouns import PERSON_WORDS, NounPhrase, noun_phrase
from transforms.figures.numbers import Mention
from transforms.figures.vocab import ALLEGIANCE

# How far before and after a number its context is read: far enough for every pattern here,
# and a bound that keeps pathological one-sentence documents linear.
CONTEXT = 250


# a bracketed name may stand before the joint: "three volunteer fighters (VDP) and eleven civilians"
COORD = re.compile(r"(?i)^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*)?(?:and|or|as\s+well\s+as|plus|in\s+addition\s+to|"
                   r"along\s+with|together\s+with|,)\s+(?:(?:his|her|their|its|the)\s+)?$")
# a relative clause set off by commas says something else of them; the verb after it is their
# predicate: "One man, who suffered head injuries, later died in hospital"
_ASIDE_CLAUSE = re.compile(r"(?i)^\s*,\s*(?:who|which)\b[^,.;()]{1,110}?,\s*(?=[a-z])")
_REL_CLAUSE = re.compile(
    r"(?i)^\s*,?\s*(?:who|that|which|hired|employed|working|living|travell?ing|driving|riding|based|"
    r"stationed|deployed|identified|known|wearing|carrying|trying|named|suspected|accused|alleged|belonging|"
    r"attached|assigned|returning|guarding|escorting|manning|serving)\b[^,.;]{0,110}?"
    r"(?=\b(?:was|were|is|are|has|have|had)\b)")
# a number inside the phrase that counts places, not people: "513,000 people in 14 districts were"
_COUNTED_PLACES = (r"\d+(?:st|nd|rd|th)\b|\d[\d,]*(?=\s+(?:districts?|villages?|provinces?|regions?|areas?|towns?|"
                   r"communes?|municipalities|"
                   r"states?|countries|camps?|sites?|locations?|localities|counties|sub-districts|governorates|homes|houses|"
                   r"households|apartments|buildings|flats|dwellings))|"
                   r"(?<=from\s)\d[\d,]*(?=\s+families)")  # "2,448 victims from 714 families": where they come from
# a phrase skipped on the way to a predicate never holds a number that is a subject of its own: in
# "227 students on the island, however, five have relocated" the predicate is the five's
_NO_NUMBER_WORD = (r"(?!(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                   r"dozens|scores|hundreds|thousands)\s+(?:have|has|had|were|was|are|is)\b)")
_PREP_PHRASE = re.compile(
    r"(?i)^\s*(?:at\s+least\s+)?(?:\([^)]{0,60}\)\s*)?(?:,\s*)?(?:(?:of|from|in|at|on|near|inside|across|with|"
    r"without|aged|living|residing|part\s+of|members?\s+of|" + ALLEGIANCE + r")\b(?:" + _NO_NUMBER_WORD
    + r"[^.;:!?\d]|" + _COUNTED_PLACES
    + r"){0,90}?(?=\s(?:was|were|is|are|has|have|had|remain|remained|remains)\b)|"
    # "At least 11 people in Haiti died": a short place with no comma, then the death
    r"in\s+[^,.;:!?\d()]{1,40}?(?=\s(?:killed|died|drowned|perished)\b)|"
    r"(?:from|of|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+[^.;:!?\d]{0,60}?"
    # ("a camp for internally displaced people" names the camp, not what happened)
    r"(?<!\bfor)(?<!\bfor\sinternally)(?=\s(?:killed|wounded|injured|hurt|died|dies|drowned|perished|dead|"
    r"displaced|fled|evacuated|"
    r"relocated|returned|arrested|abducted|kidnapped|missing|took\s+(?:shelter|refuge)|sought\s+refuge|"
    r"moved\s+to|arrived\s+in)\b))")
# "10 members of the regime forces and the militiamen loyal to them were killed"
# "100,000 homes, 230 schools, businesses, roads and railways were washed out": bare items of the list
# before its "and", never a comment ("10 people, police said, and ...")
_COORD_NP = re.compile(r"(?i)^(?:\s*,\s*(?![^,]{0,30}?\b(?:said|says|told|according|reported)\b)[^,.;:\d]{1,30}?"
                       r"(?=,|\s+(?:and|or)\s))*\s*(?:,\s*)?(?:and|or|&)\s+(?:the\s+|their\s+|its\s+|of\s+the\s+)?[^,.;:\d]{0,60}?"
                       r"(?=\s(?:were|was|are|is|have|has|had)\b)")
_PAREN = re.compile(r"^\s*(?:\([^)]{0,80}\)|\[[^\]]{0,80}\])")
# "Four villagers - two farmers, a teacher and a nurse - were killed", "Six people, five men and a
# boy, died": a list of the members between the whole and its predicate
APPOSITION = re.compile(r"^\s*(?:[-–—]\s*[^-–—.;:]{1,100}?\s*[-–—]|,\s*(?:\d[\d,]*|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|an?)\s[^.;:]{0,80}?\b(?:and|plus)\s[^.;:,]{1,40},)(?=\s*(?:were|was|had|have|"
                        r"has|are|is|died|killed|fled|\w+ed)\b)")
# a person's name, read on the original case: capitalised words and the particles of Arabic and
# West African names ("Abu Bakr al-Baghdadi", "Hamadou Ag Ali", "Mohamed Ould Sidi")
_PERSON_NAME = (r"(?:[A-Z][\w'’.-]+|al-[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’.-]+|al-[A-Z][\w'’-]+|bin|ibn|al|el|abu|de|da|"
                r"ould|ag|wa)){0,5}")
# the name of the one just counted, set off by commas, maybe with an age: "a teacher, Moussa Traore,
# was shot dead", "A power worker, Auguste Ouedraogo, 41, was tortured and killed"
_NAMED = rf"{_PERSON_NAME}(?:\s*,\s*\d{{1,3}}|\s*\(\d{{1,3}}\))?"
_NAME_APPOSITION = re.compile(rf"^\s*,\s*{_NAMED}(?:\s*(?:,|,?\s+and)\s+{_NAMED}){{0,5}}\s*,"
                              r"(?=\s*(?:was|were|had|has|is|are|died|[a-z]+ed)\b)")
# "Some 4,000 people, most of them in the north, were displaced": an aside between the noun phrase
# and its predicate
_INCLUDING_CLAUSE = re.compile(
    # "6 civilians, including an aid worker, an ambulance driver and a nurse were killed": a list to the verb
    r"(?i)^(?:\s*,\s*including\s+(?:[^,.;:\d]{1,40}?,\s*)+[^,.;:\d]{1,40}?\s(?:and|or)\s[^,.;:\d]{1,40}?"
    r"(?=\s(?:were|was|had|have|has)\b)|"
    r"\s*,\s*(?:including|among\s+them|of\s+whom|mainly|mostly|most\s+of\s+them|many\s+of\s+them|"
    r"all\s+of\s+them|half\s+of\s+them|largely|primarily|predominantly|the\s+majority|in\s+particular|"
    r"officials\s+said|according\s+to|or\s+(?:around\s+|about\s+|some\s+|nearly\s+)?[\d.,]+\s+per\s*cent|"
    # "More than 150 people, the whole population of Santa Rosa (Valle del Cauca), were displaced"
    # "1 civilian, working as a cook on a military base, was kidnapped and killed"
    r"ages|aged|working|serving|living|travelling|traveling|returning|heading|the\s+(?:whole|entire)\s+population|(?:almost|nearly|virtually)\s+(?:all|the\s+entire)|all\s+(?:of\s+)?(?:them|the))"
    r"\b[^;.]{0,120}?,|\s*[\"”']?\s+(?:including|mostly|mainly|most\s+of\s+them)\s+[^,.;\d]{1,40}?"
    r"(?=\s(?:had|have|has|were|was)\b))")


class RuleSource(StrEnum):
    """Where a figure's kind came from: the first half of its ``kind_rule``."""

    TOLL = "toll"  # "the death toll rose to 66"
    LABEL = "label"  # a table's label: "Number of displaced: 452"
    NOUN = "noun"  # the counted noun itself: "34 casualties", "IDPs"
    FORCED = "forced"  # "forced 12,000 people from their homes"
    LEFT_VERB = "left-verb"  # a verb or nominal before the number: "killing 3", "the displacement of"
    PREDICATE = "predicate"  # the predicate after the noun phrase: "14 militants were killed"
    POSSESSIVE = "possessive"  # "the soldier's death"
    SEQUENCE = "sequence"  # "kidnapped and later found dead": the gravest outcome
    ZERO = "zero"  # "no one was killed"
    SHARED_VERB = "shared-verb"  # "killed a woman and her two children": the second shares the verb
    RESTATED = "restated"  # "2,000 families, or about 10,000 people"
    SUBSET = "subset"  # "including 5 children": the whole's kind
    OF_PREVIOUS = "of-previous"  # "four of the dead"
    RE_REPORT = "re-report"  # "according to the ministry the figure is 427"


@dataclass(frozen=True, slots=True)
class KindRule:
    """Which rule gave a figure its kind and the words that fired it: ``predicate:were killed``."""

    source: RuleSource
    trigger: str

    def __str__(self) -> str:
        return f"{self.source.value}:{self.trigger}"

    @classmethod
    def of(cls, source: RuleSource, words: str) -> KindRule:
        return cls(source, " ".join(words.lower().split()).strip(" ,\"'“”")[:80])


class Site(StrEnum):
    """Where, relative to the number, its kind was read: it decides how modality is read."""

    NONE = "none"
    TOLL = "toll"  # a running toll before the number
    NOUN = "noun"  # the counted noun
    BEFORE = "before"  # a verb or nominal before the number
    AFTER = "after"  # the predicate after the noun phrase
    NEGATED = "negated"  # a predicate under negation: "were not killed"


@dataclass(frozen=True, slots=True)
class KindDecision:
    """A number's kind, where it was read, the rule that gave it and, for a predicate, the words
    between the noun phrase and it ("were reportedly")."""

    kind: str | None
    site: Site = Site.NONE
    rule: KindRule | None = None
    gap: str = ""


NO_KIND = KindDecision(None)


def context_before(s: str, pos: int) -> str:
    return s[max(0, pos - CONTEXT):pos]


def context_after(s: str, pos: int) -> str:
    return s[pos:pos + CONTEXT]


# "lives" count the dead only where they are taken: "claimed 180 lives", "the loss of two lives", "at a
# cost of 300,000 lives", "1,700 lives lost"; never "millions of lives shattered", "lives saved"
_LIVES_TAKEN_BEFORE = re.compile(r"(?i)\b(?:claim\w*|cost\w*|loss|los(?:e|es|ing|t)|t(?:ake|akes|aking|ook|aken)|"
                                 r"sacrific\w*|end\w*|snuff\w*|account\w*\s+for|toll\s+of)\b[^.;]{0,40}$")
_LIVES_LOST_AFTER = re.compile(r"(?i)^\s*(?:(?:were|have\s+been|had\s+been|was|are)\s+)?(?:lost|claimed|taken)\b")


def kind_of(s: str, m: Mention, np: NounPhrase, before: str, mentions: list[Mention], index: int) -> KindDecision:
    """The kind of a number from, in this order, a running toll, its noun, the words before it,
    its predicate, a state noun ("IDPs")."""
    lowered = before.lower()
    # a toll names itself ("toll", "number"), or its counted noun rises ("Casualties of X rise to 60")
    rises = ("ris" in lowered or "rose" in lowered or "climb" in lowered) and (
        "casualt" in lowered or "martyr" in lowered or "fatalit" in lowered or "deaths" in lowered)
    toll = (T.TOLL_BEFORE.search(before) if ("toll" in lowered or "number" in lowered or "estimate" in lowered
                                             or "tally" in lowered or rises) else None)
    while toll is not None:  # the toll nearest the number names it: "number of casualties ... the death toll to 50"
        nearer = T.TOLL_BEFORE.search(before, toll.end("noun"))
        if nearer is None:
            break
        toll = nearer
    if toll:
        what = (toll.group("what") or "").lower()
        if not what and not toll.group("noun").lower().endswith("toll"):
            # "More casualties raise their number to 13": the kind is named before the toll
            subject = T.TOLL_SUBJECT.search(before[:toll.start()]) or T.TOLL_SUBJECT.fullmatch(toll.group("noun"))
            what = subject.group(1).lower() if subject else ""
            if not what:
                return NO_KIND
        return KindDecision(T.TOLL_WHAT.get(what, "killed") if what else "killed", Site.TOLL,
                            KindRule.of(RuleSource.TOLL, toll.group("noun")))
    ranged = _TOLL_RANGES.search(before[-60:]) if "rang" in lowered or "var" in lowered else None
    if ranged:  # "Reports on fatalities range from 2 to 4": the count the reports give, as a range
        return KindDecision(T.TOLL_WHAT[ranged.group("what").lower()], Site.TOLL,
                            KindRule.of(RuleSource.TOLL, ranged.group(0).strip()))
    # a label ends in ":", "-", "–" or "total" ("Number of displaced: 452"): test that before the pattern
    tail = before.rstrip()[-5:].lower()
    label = T.LABEL_BEFORE.search(before[-60:]) if tail.endswith((":", "-", "–", "total")) else None
    if label and np.head is None and m.kind in ("digits", "words"):
        last = label.group("label").lower().split()[-1]
        return KindDecision(T.LABEL_KINDS[last], Site.TOLL, KindRule.of(RuleSource.LABEL, label.group("label")))
    after_np = context_after(s, np.end)
    toll_text = after_np
    toll_after = T.TOLL_AFTER.match(after_np)
    if toll_after is None and np.end > m.end and _THE_NUMBER_NEXT.match(s, m.end):
        toll_text = context_after(s, m.end)  # "raising to 61 the number of people executed"
        toll_after = T.TOLL_AFTER.match(toll_text)
    if toll_after and m.kind in ("digits", "words", "vague"):
        toll_kind = T.TOLL_WHAT.get((toll_after.group("what") or "dead").lower(), "killed")
        if toll_kind == "killed" and re.match(r"(?i)\s+(?:and|or)\s+(?:injured|wounded)\b",
                                              toll_text[toll_after.end():]):
            toll_kind = "casualties"  # "the number of civilians killed and injured"
        elif toll_kind == "injured" and _DEAD_AND.search(toll_after.group(0)):
            toll_kind = "casualties"  # "the number of martyrs and wounded"
        return KindDecision(toll_kind, Site.TOLL, KindRule.of(RuleSource.TOLL, toll_after.group(0)))
    if np.noun_kind and np.head in ("lives", "life") and not (
            _LIVES_TAKEN_BEFORE.search(before[-60:]) or _LIVES_LOST_AFTER.match(after_np)):
        return _after_or_state(s, np, mentions, index)  # "the millions of lives shattered by the war": no deaths
    if np.noun_kind:
        if np.noun_kind == "killed" and _AND_WOUNDED.match(after_np):  # "dozens of martyrs and wounded"
            return KindDecision("casualties", Site.NOUN, KindRule.of(RuleSource.NOUN, f"{np.head} and wounded"))
        return KindDecision(np.noun_kind, Site.NOUN, KindRule.of(RuleSource.NOUN, np.head or np.noun_kind))
    if "death" in after_np and _HARM_BEFORE.search(before[-40:]) and _RESULTING_DEATH.match(after_np):
        # "militants shot a civilian who was delivering water, resulting in his death": one killed
        return KindDecision("killed", Site.BEFORE, KindRule.of(RuleSource.SEQUENCE, "resulting in his death"))
    beaten = _TO_DEATH.match(after_np) and _TO_DEATH_VERB.search(before[-80:])
    if beaten:  # "beat a presumed thief to death", "burned them alive"
        return KindDecision("killed", Site.BEFORE, KindRule.of(RuleSource.LEFT_VERB, beaten.group(0) + " … to death"))
    near = before[-T.LEFT_REACH:].lower()  # the left-verb tables match lower-cased text
    force_verb = T.FORCE_BEFORE.search(near) if _FORCE_HINT.search(near) else None
    forced = T.FORCE_AFTER.match(after_np) if force_verb else None
    if forced and force_verb:
        rule = KindRule.of(RuleSource.FORCED, f"{force_verb.group(0)} … {forced.group(0)}")
        return KindDecision("evacuated" if forced.group("evacuated") else "sheltered" if forced.group("sheltered")
                            else "displaced", Site.BEFORE, rule)
    own = _OWN_PREDICATE.match(after_np) if _BARE_PARTICIPLE.search(near) else None
    # but in "killed 26 displaced people" the participle is the people's earlier state, not a
    # predicate (where "dead" or "injured" before a noun still says what happened to them)
    if own and not (own.group(0).strip().lower() in ("displaced", "evacuated")
                    and _PERSON_AFTER.match(after_np, own.end())):
        return _after_or_state(s, np, mentions, index)  # "1 killed 3 injured": a list, each its own
    cut = _cut_before(before[-T.LEFT_REACH:], near)
    if T.ANY_LEFT_VERB.search(near) is None and (cut is None or T.ANY_LEFT_VERB.search(near[:cut]) is None):
        return _after_or_state(s, np, mentions, index)
    for kind, pattern in T.LEFT_VERB_RES:
        verb = pattern.search(near)
        if verb is None and cut is not None:
            # "forced the evacuation of, officials said, 2,300"; "killing Abu Talha and 14 members"
            verb = pattern.search(near[:cut])
        if verb:
            rule = KindRule.of(RuleSource.LEFT_VERB, verb.group(0))
            first = _first_named(kind, near, verb.start())
            if first is not None:
                return first  # "killed and arrested 3 militants": the number takes the first kind named
            if kind == "abducted" and re.search(r"(?i)\b(?:took|taking|seiz\w+)\s*$", before.rstrip(" \"“'")) \
                    and not re.search(r"(?i)^\s*(?:hostage|captive|prisoner)", after_np):
                continue  # "took 5 ..." is only a kind with "hostage"; "seized four carts" never
            if kind == "displaced" and re.match(r"(?i)(?:sent|sending|drove|driving)\b", verb.group(0)) \
                    and not re.search(r"(?i)^\s*(?:\w+\s+){0,2}?(?:fleeing|scampering|from|out)", after_np):
                continue  # "sent a total of 25 response teams": people sent are displaced only when they flee
            if kind == "displaced" and re.match(r"(?i)^[^.;]{0,40}?\b(?:across\s+the\s+border|into\s+neighbo\w+|"
                                                r"to\s+neighbo\w+\s+countr)", after_np):
                return KindDecision("refugees", Site.BEFORE, rule)
            if kind == "housing_destroyed" and np.unit != "dwelling":
                continue  # "buried 27 homes" is housing; "bury 18 of those killed" is not
            if kind == "sheltered" and not re.search(r"(?i)(?:idps|displaced|refugees|evacuees|families|people)",
                                                     (np.head or "")):
                continue
            if kind in ("casualties", "killed", "injured") and _sequence_outcome(after_np):
                return KindDecision("killed", Site.BEFORE, KindRule(RuleSource.SEQUENCE, rule.trigger))
            return KindDecision(kind, Site.BEFORE, rule)
    return _after_or_state(s, np, mentions, index)


# the object of a verb in a relative clause: the predicate after it is the clause's antecedent's ("a
# man who pushed a gendarme was shot dead", "gunmen who attacked 20 villagers were arrested")
_RELATIVE_OBJECT_BEFORE = re.compile(r"(?i)\b(?:who|that)\s+(?:[a-z]+ly\s+)?(?!(?:was|were|had|has|have|is|are|been|"
                                     r"being|got|became|remained|seemed)\s)(?:[a-z]{2,}ed|shot|hit|beat|struck|took|"
                                     r"held|met|led|saw|fought|caught|stole|threw|drove|bit|sold|brought|sent)\s+$")


_AND_BEFORE = re.compile(r"\s+(?:and|or|and/or|&)\s+$")
_KILLING_BEFORE = dict(T.LEFT_VERB_RES)["killed"]


def _first_named(kind: str | None, near: str, verb_start: int) -> KindDecision | None:
    """'killed and arrested 3 militants': when the verb nearest the number (``kind``) follows a
    killing verb ("killed and ...", "kill or capture ..."), the number is killed, the first kind
    named; with "wounded" it is casualties. "arrested and executed six" is killed as it is, the end
    of a sequence. None for any other pair: "abducted and detained", "wounded and abducted a man"
    keep the nearest verb, the last of the sequence."""
    if kind == "killed":
        return None
    conj = _AND_BEFORE.search(near, max(0, verb_start - 8), verb_start)
    if conj is None:
        return None
    earlier = _KILLING_BEFORE.search(near[:conj.start()] + " ")
    if earlier is None or " " in earlier.group(0).strip():
        return None  # a nominal ("the killing of") names its own number
    return KindDecision("casualties" if kind == "injured" else "killed", Site.BEFORE,
                        KindRule.of(RuleSource.LEFT_VERB, f"{earlier.group(0).strip()} {conj.group(0).strip()} …"))


def _after_or_state(s: str, np: NounPhrase, mentions: list[Mention], index: int) -> KindDecision:
    start = mentions[index].start
    near = s[max(0, start - 40):start].lower()
    if ("who" in near or "that" in near) and _RELATIVE_OBJECT_BEFORE.search(s, max(0, start - 40), start):
        if np.weak_kind:
            return KindDecision(np.weak_kind, Site.NOUN, KindRule.of(RuleSource.NOUN, np.head or np.weak_kind))
        return NO_KIND
    after = predicate_after(s, np.end, mentions, index)
    if after.kind is not None:
        return after
    if np.people and re.search(r"\s(?:them|him|her)\b", s[np.end:np.end + 120]):
        left = _LEFT_THEM.match(s, np.end)
        if left:  # "shot at two civilians and left them injured": what the attack left them
            return KindDecision("killed" if left.group("outcome").lower() == "dead" else "injured", Site.AFTER,
                                KindRule.of(RuleSource.PREDICATE, left.group("rule")))
        then = _then_verbed_them().match(s, np.end)
        if then and _pronoun_is_the_phrase(s[np.end:then.start("rule")], then.group("rule"), mentions[index]):
            # "beat three Palestinians and then detained them"
            return KindDecision(_THEN_KINDS[then.group("verb").lower()], Site.AFTER,
                                KindRule.of(RuleSource.PREDICATE, then.group("rule")))
    if np.weak_kind:
        return KindDecision(np.weak_kind, Site.NOUN, KindRule.of(RuleSource.NOUN, np.head or np.weak_kind))
    return NO_KIND


# the past and -ing forms of every transitive verb of these kinds: "and then detained them", ", killing him"
_THEN_KINDS: dict[str, str] = {form.lower(): entry.kind for entry in lexicon().kind_entries()
                               if entry.kind in ("killed", "injured", "abducted", "detained")
                               for verb in entry.transitive for form in (verb.past, verb.ing) if " " not in form}


# the pronoun is the object, not a possessive: "injuring her" but not "injuring her husband"
PRONOUN_END = (r"(?=\s*(?:[,.;:)]|$|\s+(?:in|at|on|and|with|during|near|after|before|while|when|as|by|to|from|inside|"
               r"outside|along\w*|alongside|too|also|critically|seriously|severely|badly|fatally)\b))")


@cache
def _then_verbed_them() -> re.Pattern[str]:
    verbs = "|".join(sorted(_THEN_KINDS, key=len, reverse=True))
    # "and then detained them", or a participle clause: "opened fire on a civilian, killing him"
    return re.compile(r"(?i)[^.;]{0,80}?(?:\band\s+(?:then\s+|later\s+|subsequently\s+)?|,\s+)(?:[a-z]+ly\s+)?"
                      r"(?P<rule>(?P<verb>" + verbs + r")\s+(?:them|him|her))\b" + PRONOUN_END)


def _pronoun_is_the_phrase(between: str, rule: str, m: Mention) -> bool:
    """'them' for a count of several, 'him' / 'her' for one, and no other person named between
    ("threw a rock at a nurse and injured her": her is the nurse)."""
    plural = rule.lower().endswith("them")
    if plural != (m.best != 1):
        return False
    if re.search(r"\b(?:the|a|an|his|her|their)\s+(?-i:[A-Z])", between):
        return False  # "a bystander shot the Palestinian and wounded him": him is the one shot
    return not any(word in PERSON_WORDS for word in re.findall(r"[a-z]+", between.lower()))


_LEFT_THEM = re.compile(r"(?i)[^.;]{0,80}?\band\s+(?P<rule>left\s+(?:them|him|her)\s+(?:[a-z]+ly\s+)?"
                        r"(?P<outcome>dead|injured|wounded))\b")
_BARE_PARTICIPLE = re.compile(r"\b(?:killed|injured|wounded|dead|missing|displaced|evacuated)\s*$")
_PERSON_AFTER = re.compile(r"\s+(?:" + "|".join(sorted((re.escape(w) for w in PERSON_WORDS if " " not in w),
                                                      key=len, reverse=True)) + r")\b", re.IGNORECASE)
_OWN_PREDICATE = re.compile(r"(?i)\s+(?:injured|wounded|missing|displaced|evacuated|dead|killed|homeless|affected)\b")
_FORCE_HINT = re.compile(r"(?i)forc|driv|drov|chas")
# verbs whose outcome follows their object: "beat a thief to death", "shot two men to death"
TO_DEATH_VERBS = (r"beat|beaten|beating|stabbed|stabbing|hacked|hacking|stoned|stoning|clubbed|clubbing|burned|"
                  r"burnt|burning|shot|shooting")
_TO_DEATH_VERB = re.compile(r"(?i)\b(?:" + TO_DEATH_VERBS + ")" + T.FILLER_BEFORE)
_TO_DEATH = re.compile(r"(?i)^\s+(?:to\s+death|alive)\b")
def _cut_before(original: str, near: str) -> int | None:
    """Where the verb's own object ends, when words stand between it and the number: an aside
    set off by commas, or a named person coordinated before it ("killing Abu Talha al-Almani and
    14 members of ISIS": the members share the verb)."""
    aside = _ASIDE_BEFORE.search(near) if "," in near[-80:] else None
    if aside is not None:
        return aside.start("aside")
    named = _NAME_AND_BEFORE.search(original) if original.rstrip().endswith("and") else None
    if named is not None:
        return named.start()
    second = _AND_VERBED.search(near) if " and " in near[-40:] else None
    if second is not None and T.ANY_LEFT_VERB.search(near) is None:
        return second.start()  # "They have evacuated and saved more than 1,000 people"
    return None


_AND_VERBED = re.compile(r"\s+(?:and|or)\s+[a-z]+ed" + T.FILLER_BEFORE)


# "killing commander Abu Talha and 14 members": a name and "and" before the number
_NAME_AND_BEFORE = re.compile(r"\s(?:(?:commander|leader|emir|chief|sheikh|general|colonel)\s+)?"
                              rf"{_PERSON_NAME},?\s+(?:and|as\s+well\s+as)\s*$")
# a comment set off by commas between a verb and its number: ", according to the latest data,"
_ASIDE_BEFORE = re.compile(r"(?i)\b(?:of|to)(?P<aside>\s*,\s*(?:according\s+to|officials?\s+said|[a-z]+\s+said|as\s+of|"
                           r"by\s+some\s+(?:estimates|accounts)|it\s+is\s+(?:estimated|reported|thought)|reportedly)"
                           r"[^,.;]{0,60},\s*)$")


_LIST_GOES_ON = re.compile(r"(?:(?!\b(?:were|was|are|is|have|has|had)\b)[^.;:])*?\b(?:and|or)\b")
_AND_WOUNDED = re.compile(r"(?i)\s+and\s+(?:the\s+)?(?:wounded|injured)\b(?!\s+(?:\d|one|two|three|four|five|six|seven|"
                          r"eight|nine|ten|a\b|an\b|at\s+least|more|about|some))")
# someone's kin or circle: what follows "of" is said of the one they belong to
_RELATIVES_BEFORE = re.compile(r"(?i)\b(?:relatives|friends|family|families|mourners|supporters|colleagues|neighbou?rs|"
                               r"parents|classmates|widows?|sons|daughters|brothers|sisters|wives|husbands|kin|"
                               r"kinsmen|loved\s+ones)\s*$")
_OF_SOMEONE = re.compile(r"\s*of\s+(?:an?|the|his|her|their|its|[A-Z])\b")  # not "a family of six"
_PLURAL_AUXILIARY = re.compile(r"(?i)\s*(?:were|are|have|had)\b")
_OF_WHOM = re.compile(r"(?i)\s+of\s+(?:whom|them|which)\b")
_DEAD_AND = re.compile(r"(?i)\b(?:martyrs|dead|killed|deaths|fatalities)\s+(?:and|or)\s+(?:the\s+)?"
                       r"(?:injured|wounded)$")
_TOLL_RANGES = re.compile(r"(?i)\b(?P<what>fatalities|deaths|casualties|dead)\s+(?:range[sd]?|ranging|var(?:y|ies|ied))"
                          r"\s+(?:from|between)\s*$")
_THE_NUMBER_NEXT = re.compile(r"(?i)\s+the\s+(?:number|death\s+toll)\b")


def predicate_after(s: str, pos: int, mentions: list[Mention], index: int) -> KindDecision:
    # skip coordinated noun phrases sharing the predicate: "109 Palestinians and 13 Israelis were killed"
    for k in range(index + 1, len(mentions)):
        nxt = mentions[k]
        if nxt.start < pos:
            continue  # inside the brackets skipped below
        aside = _PAREN.match(s[pos:pos + 90]) if nxt.start < pos + 90 else None
        if aside is not None and pos < nxt.start < pos + aside.end():
            # "At least 4 people (including 1 journalist) as well as 2 policemen were killed": the brackets
            # say who the four were, the list goes on after them
            pos += aside.end()
            continue
        joint = COORD.match(s[pos:nxt.start]) if nxt.start - pos <= 40 else None
        if joint is None:
            break
        if (mentions[index].kind == "single" and joint.group(0).strip() == ","
                and not _LIST_GOES_ON.match(s, nxt.end, nxt.end + 80)):
            # after one person, a comma alone joins a list only when "and" ends it before the verb ("a
            # nurse, two teachers and a driver were killed"): "a dispute surrounding the local imam, two
            # people were killed" is about the two
            break
        if _OF_WHOM.match(s, nxt.end):
            break  # "eight other students, five of whom were displaced": the five are a part, not more
        nxt_np = noun_phrase(s, nxt.end) if nxt.kind != "single" else None
        pos = nxt_np.end if nxt_np is not None and nxt_np.end > nxt.end else nxt.end
    rest = context_after(s, pos)
    aside = _ASIDE_CLAUSE.match(rest)
    if aside is not None:
        main = predicate_kind(s, pos + aside.end())
        # a later outcome, the gravest: "Two soldiers, who were wounded in the ambush, died"; one person's
        # travels are no displacement ("the journalist, who lives in London, had arrived in Algeria")
        if main.kind is not None and not (mentions[index].kind == "single" and main.kind in DISPLACEMENT_KINDS):
            return main
    for skip in (_PAREN, _NAME_APPOSITION, APPOSITION, _INCLUDING_CLAUSE, _REL_CLAUSE, _COORD_NP, _PREP_PHRASE):
        hop = skip.match(rest)
        if hop:
            if (skip is _PREP_PHRASE and _OF_SOMEONE.match(rest) and _RELATIVES_BEFORE.search(s, max(0, pos - 40), pos)
                    and not _PLURAL_AUXILIARY.match(s, pos + hop.end())):
                # "50 relatives of a man killed by police protested", "friends of a man who died": the
                # man was; "three relatives of the governor were killed" are the relatives
                return NO_KIND
            if skip is _REL_CLAUSE:
                own = predicate_kind(s, pos)
                if own.kind is not None:
                    return own  # the clause's own verb: "two men who went missing due to mudslides"
            if skip is _PREP_PHRASE and rest.lstrip().startswith("with "):
                own = predicate_kind(s, pos)
                if own.kind is not None:
                    return own  # the phrase is the predicate: "three people with severe burns"
            end = hop.end()
            modal = _MODAL_IN_PHRASE.search(rest, 0, end) if skip is _PREP_PHRASE else None
            if modal is not None:
                end = modal.start() + 1  # "200,000 residents of the city may become displaced": the modal is the verb's
            pos += end
            rest = context_after(s, pos)
    return predicate_kind(s, pos)


_MODAL_IN_PHRASE = re.compile(r"(?i)\s(?:may|might|could|would|will|shall|should|must|can|cannot)\s")


# the object of an active verb; not a number that has its own predicate, as in a list of figures
# ("123 people killed 15 missing 518,000 displaced")
_ACTIVE_OBJECT = re.compile(
    r"(?i)(?!\s+\d[\d,]*\s+(?:[a-z]+\s+)?(?:missing|injured|wounded|displaced|evacuated|homeless|dead|killed|"
    r"affected|relocated|inundated|flooded|destroyed|damaged)\b)\s+(?:a|an|the|his|her|their|its|"
    # a quantifier is an object's only before its number: "wounded at least 5", not "3 wounded at least
    # after the blast"; a number of hours is no object ("10 wounded about 72 hours after")
    r"(?:(?:at\s+least|more\s+than|about|nearly|over|up\s+to)\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d[\d,]*)(?!\s+(?:hours?|days?|weeks?|months?|years?|minutes?)\b)|"
    r"some|several|dozens|hundreds|thousands|scores|many|another)\b")
# "11,000 people evacuated their homes": the object is the place left, the subject the people
_LEFT_HOMES = re.compile(r"(?i)\s+(?:their|the|his|her)\s+(?:own\s+)?(?:homes?|houses?|villages?|towns?|city|area|"
                         r"neighbou?rhoods?|camps?)\b")
_POSSESSIVE = re.compile(r"(?i)['’]s\s+(?:(?P<killed>death|killing|murder|execution|assassination|"
                         r"(?:\w+\s+)?(?:body|corpse|remains)\s+(?:was|were|has\s+been|had\s+been)\s+"
                         r"(?:\w+\s+)?(?:found|discovered|recovered))|"
                         r"(?P<detained>arrest|detention|capture)|(?P<abducted>abduction|kidnapping))\b")
_FLED_ABROAD = re.compile(r"(?i)^\s+(?:to|into)\s+(?:neighbou?ring\s+)?(?-i:[A-Z])")


# no other count on the way, though a date may be ("by clashes on 9 October crossed into Bangladesh")
_CROSSED_INTO = re.compile(rf"(?i)^(?:[^.;\d]|\d{{1,2}}\s+{MONTH_WORD}){{0,90}}?\b(?:fled|crossed|escaped)\s+"
                           r"(?:over\s+)?into\s+")


def _country_mentions(text: str) -> list[tuple[int, str]]:
    from transforms.figures.places import country_mentions  # imported when first needed, as before

    return country_mentions(text)


def _names_a_country(text: str) -> bool:
    """Whether the words right after "to" are a country's name ("fled to Uganda", "into Chad")."""
    words = re.match(r"\s+(?:to|into)\s+(?:neighbou?ring\s+)?", text)
    return words is not None and any(pos == words.end() for pos, _ in _country_mentions(text))


_THEN_ACROSS = re.compile(r"(?i)^[^.;\d]{0,90}?\b(?:fled|crossed|escaped|went)\s+(?:\w+\s+){0,2}?(?:across\s+the\s+"
                          r"border|into\s+neighbo\w+|to\s+neighbo\w+\s+countr\w+|the\s+border\s+(?:into|to))\b")
# between an agent and its verb: "who", "that" and adverbs ("an ISGS militant reportedly killed two")
_RELATIVE_GAP = re.compile(r"(?i)(?:(?:who|that|which)\s+)?(?:(?:[a-z]+ly|had|have|has|reportedly|allegedly)\s+)*")
_RELATIVE_START = re.compile(r"(?i)(?:who|that|which)\s")
_THEN_RETURNED = re.compile(r"(?i)^[^.;]{0,90}?\b(?:returned|went\s+home|have\s+returned)\b")


def predicate_kind(s: str, pos: int) -> KindDecision:
    possessive = _POSSESSIVE.match(s, pos)
    if possessive:
        return KindDecision(next(k for k in ("killed", "detained", "abducted") if possessive.group(k)), Site.AFTER,
                            KindRule.of(RuleSource.POSSESSIVE, possessive.group(0)))
    match = T.predicate_at(s, pos)
    if match is None:
        return NO_KIND
    kind, trigger, gap = match.kind, match.trigger, match.gap
    rule = KindRule.of(RuleSource.PREDICATE, trigger)
    if ((not gap.strip() or _RELATIVE_GAP.fullmatch(gap)) and kind is not None and T.TRANSITIVE_PAST.search(trigger)
            and _ACTIVE_OBJECT.match(s, match.end)
            and not (kind in ("evacuated", "displaced") and _LEFT_HOMES.match(s, match.end))):
        # "The sniper killed a child", "two men who allegedly shot dead a man": the phrase is the agent
        return NO_KIND
    if T.NEGATION.search(gap):
        return KindDecision(None, Site.NEGATED)
    if kind is None:
        # the lexicon's [none]: "rescued", "affected"; "affected and displaced" says what happened
        then = re.match(r"(?i)\s+(?:and|or)\s+", s[match.end:match.end + 8])
        return predicate_kind(s, match.end + then.end()) if then else NO_KIND
    rest = context_after(s, match.end)
    if kind == "displaced" and not gap.strip() and _THEN_RETURNED.match(rest):  # "displaced ... returned home"
        return KindDecision("returned", Site.AFTER, KindRule(RuleSource.SEQUENCE, rule.trigger))
    if kind == "displaced" and _FLED_ABROAD.match(rest) and trigger.lower().startswith(("fled", "flee")) \
            and _names_a_country(rest[:60]):
        # "405,000 South Sudanese have fled to Uganda": to another country, refugees
        return KindDecision("refugees", Site.AFTER, KindRule.of(RuleSource.PREDICATE, f"{trigger} to a country"))
    crossed = _CROSSED_INTO.match(rest) if kind == "displaced" else None
    if crossed and any(pos == crossed.end() for pos, _ in _country_mentions(rest[:crossed.end() + 40])):
        # "500 Rohingya already displaced in Rakhine state crossed into Bangladesh": refugees now
        return KindDecision("refugees", Site.AFTER, KindRule(RuleSource.SEQUENCE, rule.trigger))
    if kind == "displaced" and _THEN_ACROSS.match(rest):
        # "27,000 Rohingya who were internally displaced in Myanmar fled across the border"
        return KindDecision("refugees", Site.AFTER, KindRule(RuleSource.SEQUENCE, rule.trigger))
    if kind in ("abducted", "detained", "injured", "missing") and (
            _sequence_outcome(rest)
            or (_RELATIVE_START.match(gap) and _RELATIVE_GAP.fullmatch(gap) and _MAIN_DEATH.match(rest))
            or (not gap.strip() and _reduced_then_died(rest))):
        # "a soldier who went missing for four days died of hyperthermia", "a boy wounded in the blast
        # has died of his injuries": the (reduced) relative clause is what happened first, the
        # sentence's own predicate the outcome
        return KindDecision("killed", Site.AFTER, KindRule(RuleSource.SEQUENCE, rule.trigger))
    if (kind == "killed" and re.match(r"(?i)^\s+(?:and|or)\s+(?:wounded|injured)\b", rest)) or (
            kind == "injured" and re.match(r"(?i)^\s+(?:and|or)\s+killed\b", rest)):
        return KindDecision("casualties", Site.AFTER, KindRule.of(RuleSource.PREDICATE, trigger + " " + rest[:14]))
    return KindDecision(kind, Site.AFTER, rule, gap)


def _sequence_outcome(rest: str) -> bool:
    """'kidnapped and later found dead', 'went missing and was found murdered': one person, the
    gravest final outcome. A new count before the death is someone else's: "four others wounded, and
    one assailant was shot and killed"."""
    then = _THEN_DEAD.match(rest)
    return then is not None and not _NEW_SUBJECT.search(rest, 0, then.end())


def _reduced_then_died(rest: str) -> bool:
    died = _REDUCED_THEN_DIED.match(rest)
    return died is not None and not _NEW_SUBJECT.search(rest, 0, died.end())


# the participle's phrase, then the sentence's verb: "(wounded) in the blast has since died"; never
# across a report or another clause ("wounded as one died", "wounded, officials said two died")
_REDUCED_THEN_DIED = re.compile(r"(?i)^(?:(?!\b(?:said|says|told|reported|while|as|when|and|but)\b)[^.;,]){0,80}?\s"
                                r"(?:(?:has|have|had)\s+)?(?:since\s+|later\s+|subsequently\s+|then\s+)?"
                                r"(?:died|succumbed)\b")


# a count after "by" is the agent ("abducted by four men and stabbed to death"), not a new victim
_NEW_SUBJECT = re.compile(r"(?i)(?<!\bby )(?:\b\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
                          r"scores|hundreds|several|another)\b)|\ban?\s+[a-z]+\s+(?:was|were)\b")


# "and later found dead"; or the first participle a reduced relative clause and the death its
# sentence's predicate: "a suspected thief arrested by vigilantes was reportedly shot dead"
_THEN_DEAD = re.compile(
    r"(?i)^(?:[^.;]{0,40}?\b(?:and|before\s+being)\s+(?:was\s+|were\s+)?|\s+by\s+[^,.;]{1,50}?\s+(?:was|were|had\s+been|"
    r"have\s+been)\s+(?:[a-z]+ly\s+)?)(?:later\s+|subsequently\s+|then\s+)?(?:found\s+(?:dead|murdered|executed|"
    r"beheaded)|killed|executed|died|murdered|beheaded|shot\s+dead|(?:stabbed|beaten|hacked|shot)\s+to\s+death)\b")


# the predicate after a relative clause ("who went missing ... died"), not a death someone reported
_MAIN_DEATH = re.compile(r"(?i)^(?![^.;]*?\b(?:said|says|told|reported)\b)[^.;,]{0,80}?\s(?:(?:was|were)\s+"
                         r"(?:later\s+)?(?:killed|found\s+dead|executed|murdered)|died|succumbed)\b")


_NOT_VERIFIED = re.compile(r"(?i)\b(?:(?:could|can)\s*not\s+be|(?:has|have)\s+not\s+been|(?:was|were)\s+not)\s+"
                           r"(?:independently\s+)?(?:verified|confirmed)\b")
_ANOTHER_NUMBER = re.compile(r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|"
                             r"thousands)\b")
_CLAIMED_BEFORE = re.compile(r"(?i)\bclaim(?:s|ed|ing)?\s+(?:that\s+)?"
                             r"(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+)?$")


# words after which a hedge before them no longer governs the count: "could go up to 45 after 8 more fatalities"
_HARM_BEFORE = re.compile(r"(?i)\b(?:shot|stabbed|attacked|beat|struck|hit|wounded|injured|assaulted|tortured)\s+$")
_RESULTING_DEATH = re.compile(r"(?i)^[^.;]{0,100}?,?\s(?:resulting\s+in|leading\s+to|causing)\s+(?:his|her)\s+death\b")
_RELATIVE_IN_ZONE = re.compile(r"(?i)^.*\b(that|which|who)\s")
_NEW_CLAUSE = re.compile(r"(?i)^.*\b(?:after|following|before|since|with|for|and|but|when|while)\b")


_LATER_DIED = re.compile(r"(?i)\band\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?(?:died|succumbed)\b")


def modality_of(s: str, np: NounPhrase, before: str, decision: KindDecision) -> str:
    gap = decision.gap
    clause_start = max(before.rfind(","), before.rfind(";"), before.rfind(" while "), before.rfind("…"))
    verb_zone = before[clause_start + 1:] if decision.site in (Site.BEFORE, Site.TOLL) else ""
    relative = (_RELATIVE_IN_ZONE.search(verb_zone)
                if "that " in verb_zone or "which " in verb_zone or "who " in verb_zone else None)
    if relative is not None:
        # "the deal could end a civil war that has killed 220,000": the relative clause is its own, and
        # said as fact ("a storm that could kill hundreds" keeps its "could")
        verb_zone = verb_zone[relative.start(1):]
    feared = re.match(r"(?i)^\s*(?:feared|believed)\s+(?:dead|killed)", context_after(s, np.end))
    unconfirmed = re.search(r"(?i)\bunconfirmed\b[^.;,]{0,40}$", before)  # "unconfirmed reports of 1,000 people"
    # "HPG ... claimed 15 Turkish soldiers died": a claim that says who died, before the number
    claimed = decision.site is Site.AFTER and "claim" in before[-30:] and _CLAIMED_BEFORE.search(before[-30:])
    # "twenty militants were neutralized in the clashes, a figure that could not be independently verified"
    unverified = (_NOT_VERIFIED.search(s, np.end, min(len(s), np.end + 160))
                  if "not" in s[np.end:np.end + 160] else None)
    if unverified is not None and _ANOTHER_NUMBER.search(s, np.end, unverified.start()):
        unverified = None  # "confirmed 3 fatalities, but claimed 15 died, which has not been confirmed": the 15's
    # "a student was allegedly shot by police and later died in hospital": who shot is in doubt, the death is not
    trigger = decision.rule.trigger if decision.rule is not None else ""
    died = _LATER_DIED.search(trigger) if "died" in trigger or "succumb" in trigger else None
    hedged = "" if died is not None and decision.site is Site.AFTER else gap
    if (T.UNCERTAIN.search(hedged) or T.UNCERTAIN_CLAIM.search(verb_zone) or feared or unconfirmed or claimed
            or unverified):
        return "uncertain"
    # a count named by its noun is hedged by the words of its clause: "possibly at a cost of 300,000 lives"
    noun_zone = before[clause_start + 1:][-40:] if decision.site is Site.NOUN else ""
    cut = _NEW_CLAUSE.search(noun_zone) if noun_zone else None
    if cut is not None:
        noun_zone = noun_zone[cut.end():]
    if (T.HYPOTHETICAL.search(gap) or (decision.site is Site.BEFORE and T.HYPOTHETICAL.search(verb_zone))
            or (noun_zone and T.HYPOTHETICAL.search(noun_zone))):
        return "hypothetical"
    return "asserted"


# Armed groups and their own outlets, whose count of the enemies they killed is the perpetrator's
# claim of the contract ("according to Taliban sources, 2 soldiers were killed", "(VoJ claimed 4)")
_PARTISAN = (r"(?:the\s+)?(?:Taliban|VoJ|Voice\s+of\s+Jihad|Amaq|Islamic\s+State|ISIS|ISIL|ISWAP|ISKP|Daesh|"
             r"al-Shabaab|al\s+Shabaab|Shabaab|Boko\s+Haram|JNIM|HTS|PKK|HPG|Houthis?|Ansar\s+Allah)"
             r"(?:\s+(?:sources?|spokesm[ae]n|media|militants|fighters))?(?![\w-])")
_CLAIM_BEFORE = re.compile(rf"(?:\b[Aa]ccording\s+to\s+{_PARTISAN}|(?<![\w-]){_PARTISAN}"
                           r"\s+(?:said|claimed|reported|stated)"
                           r"(?:\s+that)?)[^.;()]{0,40}$")
_CLAIM_AFTER = re.compile(rf"^\s*\(?\s*according\s+to\s+{_PARTISAN}\s*\)")
# the group's own people: a claim of its own losses is no perpetrator's claim
_OWN_SIDE = re.compile(r"(?i)taliban|militant|insurgent|jihadist|mujahid|shabaab|boko|houthi|\bIS\b|fighters")


def perpetrator_claim(s: str, start: int, np_end: int, group: str) -> bool:
    """'According to Taliban sources, 2 soldiers were killed', '2 policemen (7 according to Taliban
    sources)': a count of the other side's dead that only the armed group that killed them gives."""
    before = s[max(0, start - 120):start]
    parenthetical = before.rstrip().endswith("(")
    attributed = "ccording" in before or "said" in before or "claimed" in before or "reported" in before or (
        "stated" in before)  # the cheap test: most counts have no attribution before them
    if not ((attributed and _CLAIM_BEFORE.search(before)) or (parenthetical and _CLAIM_AFTER.match(s, np_end))):
        return False
    if parenthetical:  # "2 policemen (7 according to ...)": who they are is the phrase before the bracket
        return not _OWN_SIDE.search(before[-60:])
    return group == "combatants" and not _OWN_SIDE.search(s[start:np_end])


def group_from_context(s: str, m: Mention) -> str:
    # "112 killed ... civilians" has no noun: look just before for a modifier ("civilian death toll")
    before = s[max(0, m.start - 40):m.start].lower()
    if "civilian" in before:
        return "civilians"
    return "people"


def shared_head(s: str, m: Mention, np: NounPhrase, mentions: list[Mention], index: int) -> NounPhrase | None:
    """'169 Palestinian and 25 Israeli fatalities': the first number shares the second's noun."""
    if index + 1 >= len(mentions):
        return None
    nxt = mentions[index + 1]
    between = s[m.end:nxt.start]
    modifier = re.match(r"^\s*(?:(?P<word>[A-Za-z][\w-]*)\s+)?(?i:and|or|to)\s*$", between)
    if modifier is None or nxt.kind == "single":
        return None
    word = modifier.group("word")
    if (word and not (word[0].isupper() or word.lower() in PERSON_WORDS)) or (word or "").lower() in _OWN_WORDS:
        # "3 soldier and 2 militant fatalities", "169 Palestinian and 25 Israeli fatalities"; but in
        # "three wounded and 150 houses destroyed" the word is the first number's own predicate
        return None
    shared = noun_phrase(s, nxt.end)
    if shared.head is None:
        return None
    return NounPhrase(np.end, shared.head, shared.group, shared.unit, shared.people, shared.noun_kind,
                      shared.weak_kind)


_OWN_WORDS = frozenset({"dead", "injured", "wounded", "displaced", "killed", "missing", "homeless", "evacuated"})
_ANOTHER_BEFORE = re.compile(r"(?i)\b(?:another|a\s+further|an\s+additional)\s*$")
_MORE_AFTER = re.compile(r"(?i)\s+(?:more|others)\b(?!\s+than)")


_BARE_END = re.compile(r"\s*(?:[.,;)]|$|\s(?:and|or|while|in|by)\b)")
_DAMAGE_VERB_BETWEEN = re.compile(r"(?i)(?:\band|,)\s+(?:[a-z]+ly\s+)?(?:damaged|destroyed|flooded|razed|burned|burnt|"
                                  r"demolished|submerged|inundated|washed\s+away)\s*$")


def elided(s: str, m: Mention) -> bool:
    """'another 900', '13 more': a number that continues the count before it."""
    return bool(_ANOTHER_BEFORE.search(s[max(0, m.start - 20):m.start]) or _MORE_AFTER.match(s, m.end))


def elided_head(s: str, m: Mention, np: NounPhrase, mentions: list[Mention], index: int) -> NounPhrase | None:
    """'destroyed 150 houses and damaged another 900', 'killed 12 soldiers and wounded 30 more':
    a number with no noun of its own counts what the number before it counted."""
    if index == 0 or m.kind not in ("digits", "words") or np.head is not None:
        return None
    prev = mentions[index - 1]
    if prev.kind not in ("digits", "words") or m.start - prev.end > 80 or re.search(r"[.;]", s[prev.end:m.start]):
        return None
    # "destroyed 2,638 houses, and partially damaged 38,641.": a bare count after a second verb of
    # damage counts the same dwellings, though no "another" says so
    dwellings_only = not elided(s, m)
    if dwellings_only and not (_BARE_END.match(s, m.end) and _DAMAGE_VERB_BETWEEN.search(s[prev.end:m.start])):
        return None
    head = noun_phrase(s, prev.end)
    if head.head is None or head.people is not True or (dwellings_only and head.unit != "dwelling"):
        return None
    after = _MORE_AFTER.match(s, m.end)
    end = after.end() if after else m.end
    return NounPhrase(end, head.head, head.group, head.unit, True, head.noun_kind, head.weak_kind)
