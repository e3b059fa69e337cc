"""The noun phrase a number quantifies: who (group), what unit, and whether it is people at all.

"14 Al shabaab militants", "44 members of the regime forces", "dozens of civilians", "seven cargo
planes", "145 kilometers", "16 of them": the head noun decides. Words we do not know are
skipped (names, adjectives) for a few tokens; a known non-people noun ends the phrase and
the number is not a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.figures.lexicon import lexicon
from transforms.figures.triggers import STRONG_NOUN_KINDS, WEAK_NOUN_KINDS
from transforms.figures.vocab import (
    DWELLING_NOUNS,
    GROUPS,
    HOUSEHOLD_NOUNS,
    NOT_PEOPLE,
    PLURAL_ENDINGS,
    PLURALS_WITHOUT_S,
)


def _regular_plural(word: str) -> str:
    if word.endswith("ief"):
        return word + "s"  # chiefs (thieves is listed)
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


_PERSON: dict[str, str] = {}
for _group, _words in GROUPS.items():
    for _word in _words:
        _PERSON.setdefault(_word.lower(), _group)
# the vocabulary lists a role once ("chief", "mayor"); its regular plural names the same people
# ("two village chiefs"), unless the plural is a thing ("heads" of cattle) or the word is a plural
for _word, _group in list(_PERSON.items()):
    _head, _, _last = _word.rpartition(" ")  # "community leader" -> "community leaders"
    _many = (_head + " " if _head else "") + _regular_plural(_last)
    if (not _word.endswith(("s", "ren", "thief", "fe", "ery", "army", "-in-chief"))
            and _last not in PLURALS_WITHOUT_S and not _word.endswith(PLURAL_ENDINGS) and _many not in NOT_PEOPLE
            and not _head.endswith(("s", "men"))):  # "gunmen loyal" is plural already
        _PERSON.setdefault(_many, _group)
PERSON_WORDS = frozenset(_PERSON)
_MULTI = sorted((w for w in _PERSON if " " in w), key=len, reverse=True)
_MULTI_BY_FIRST: dict[str, list[str]] = {}  # by first word, longest first: a token looks up only its own
for _multi in _MULTI:
    _MULTI_BY_FIRST.setdefault(_multi.split()[0], []).append(_multi)
_HOUSEHOLD = {w.lower() for w in HOUSEHOLD_NOUNS}
_DWELLING = {w.lower() for w in DWELLING_NOUNS}
# places counted as places: "left 25 communities isolated", "3 hamlets evacuated"; after "of" they are
# where the people come from ("seventeen worshipers of the Fulani community")
_SETTLEMENTS = frozenset({"communities", "community", "settlements", "settlement", "hamlets", "hamlet",
                          "municipalities", "municipality", "townships", "township", "wards"})
# buildings no one lives in: "some terminal buildings suffered damage", "12 government buildings"
_NOT_HOMES = frozenset({"terminal", "office", "government", "public", "commercial", "administrative", "airport",
                        "factory", "industrial", "municipal", "farm", "university", "hospital", "church", "school"})
_DAMAGED = lexicon().damage_words()  # "collapsed houses", "razed homes"

# Armed organisations and forces: "members of X", "X militants", "16 of them" after X.
ARMED = re.compile(
    r"(?i)\b(?:regime|army|armed\s+forces|military|militia|militias|militiamen|forces|troops|police|"
    r"gendarmerie|soldiers|rebels?|insurgents?|militants?|fighters|factions?|jihadists?|islamic\s+state|isis|"
    r"isil|daesh|is|hts|hayaat\s+tahrir\s+al-sham|hay'at\s+tahrir|tahrir\s+al-sham|nusra|al[\s-]+shabaa?b|"
    r"boko\s+haram|iswap|jnim|isgs|taliban|sdf|qsd|ypg|pkk|m23|rsf|rapid\s+support\s+forces|houthis?|"
    r"ansar\s+allah|hezbollah|hamas|wagner|lna|gna|pmf|hashd|al-qaeda|al\s+qaeda|aqap|aqim|adf|fdlr|"
    r"janjaweed|koglweogo|volunteers\s+for\s+the\s+defense|vdp|organi[sz]ation|gunmen|loyal|pro-regime|"
    r"pro-government|government\s+forces|security\s+forces|paramilitar\w+|guards?|commandos?|battalion|"
    r"brigade|division|regiment|units?)\b"
)
_STOP = frozenset("""
were was are is be been being have has had will would could may might shall should can must do did does
died fled remain remained remains became become said say says told reported according and or but while
who whom whose which that in on at from to by near after before during since for with without as into
across over under between through against amid amidst following when where because despite including
than like per about around there here this these those it its his her their our your they we he she
within throughout inside outside beyond along upon via toward towards onto
""".split())
_PREDICATE_NEXT = re.compile(
    r"(?i)\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been|killed|dead|died|wounded|injured|abducted|"
    r"kidnapped|arrested|detained|missing|displaced|evacuated)\b")
# intransitive predicates that may follow names we do not know: "3,000 Rohingya fled", "400 Hutus
# took refuge" (lower case: never a name's own word)
_MOVED_NEXT = re.compile(r"\s+(?:fled|(?:have|has|had)\s+(?:fled|crossed)|crossed\s+(?:into|over)|drowned|perished|"
                         r"(?:(?:have|has|had)\s+)?(?:took|taken|sought)\s+(?:shelter|refuge))\b")
_NAME_IN_BRACKETS = re.compile(r"\(\s*[A-Z][\w'’/-]*(?:\s+[A-Z][\w'’/-]*){0,2}\s*\)")
_TOKEN = re.compile(r"[A-Za-z][\w'’/-]*|\d[\d,.]*|[()\[\],;:.!?\"“”]")


@dataclass(frozen=True, slots=True)
class NounPhrase:
    end: int  # offset in the sentence after the phrase
    head: str | None
    group: str | None
    unit: str
    people: bool | None  # True: a people/household/dwelling noun; False: never people; None: no noun
    noun_kind: str | None  # a kind the noun itself names ("casualties")
    weak_kind: str | None  # a kind the noun suggests when no verb says otherwise ("IDPs")
    of_them: bool = False


def noun_phrase(sentence: str, start: int) -> NounPhrase:
    """Read the phrase after a number that ends at ``start``."""
    pos = start
    skipped = 0
    saw_of = False
    previous = ""
    lowered = sentence.lower()
    while skipped < 6:
        if skipped and _MOVED_NEXT.match(sentence, pos):
            break  # "400 Hutus took refuge": the unknown words before a predicate are the phrase
        match = _TOKEN.search(sentence, pos)
        # quotes around a name are no break: "1 'Arbaki' were killed"
        if match is None or sentence[pos:match.start()].strip(" \u00a0\u00ad-–'‘"):
            break
        word = match.group(0)
        low = word.lower().strip("'’")
        if word == "(" and skipped:
            aside = _NAME_IN_BRACKETS.match(sentence, match.start())
            if aside:  # "one presumed Katiba Macina (JNIM) militant": the group's short name
                pos = aside.end()
                continue
        if word in "()[],;:.!?\"“”":
            break
        if word in ("The", "A", "An") and not sentence[pos:match.start()].strip():
            break  # a capital article starts the next sentence: "injures 30 The debris of collapsed houses"
        multi = next((m for m in _MULTI_BY_FIRST.get(word.lower(), ()) if lowered.startswith(m, match.start())
                      and _word_end(lowered, match.start() + len(m))), None)
        if multi:
            return _person(match.start() + len(multi), multi, start)
        if low == "of":
            saw_of = True
            pos = match.end()
            previous = low
            continue
        if saw_of and previous == "of" and low in ("his", "her", "their", "its"):
            pos = match.end()  # "three of his family members", "two of their children"
            continue
        if low in ("them", "us", "whom", "which") and saw_of:
            return NounPhrase(match.end(), low, None, "person", True, None, None, of_them=True)
        if low == "displaced" and (skipped == 0 or (skipped == 1 and previous == "internally")) \
                and previous not in ("the", "of"):
            following = _TOKEN.search(sentence, match.end())
            if following and following.start() == match.end() + 1 and following.group(0).lower() in _HOUSEHOLD:
                # "42,000 displaced households": a count of households, displaced unless a predicate says more
                return NounPhrase(following.end(), following.group(0).lower(), "people", "household", True, None,
                                  "displaced")
        if low in ("displaced", "injured", "wounded", "dead", "killed", "missing", "homeless", "evacuated",
                   "relocated", "arrested", "detained", "abducted", "kidnapped", "died") and (
                skipped == 0 or low != "displaced") and previous not in ("the", "of"):
            following = _TOKEN.search(sentence, match.end())
            if following and following.start() == match.end() + 1 and following.group(0).lower() in NOT_PEOPLE:
                # "11 displaced pets", "3 abandoned vehicles": the participle is an adjective of a thing
                return NounPhrase(following.end(), following.group(0).lower(), None, "person", False, None, None)
            break  # "518,000 displaced", "One ranger killed": a predicate ("of the dead" is a noun)
        if low in _HOUSEHOLD:
            return NounPhrase(match.end(), low, "people", "household", True, None, None)
        if low in _DWELLING and previous in _NOT_HOMES:
            return NounPhrase(match.end(), low, None, "person", False, None, None)  # "terminal buildings"
        if low in _DWELLING:
            damaged = previous in _DAMAGED
            return NounPhrase(match.end(), low, "people", "dwelling", True, "housing_destroyed" if damaged else None,
                              None)
        if low in STRONG_NOUN_KINDS and low not in ("dead", "killed"):
            return _with_group_before(sentence, start, match.end(), low, STRONG_NOUN_KINDS[low])
        if low in _PERSON:
            following = _TOKEN.search(sentence, match.end())
            if following and following.group(0).lower() in STRONG_NOUN_KINDS and following.group(0).lower() != "dead":
                # "23 civilian casualties", "five child deaths": the person word is a modifier
                nxt = following.group(0).lower()
                return NounPhrase(following.end(), nxt, _PERSON[low], "person", True, STRONG_NOUN_KINDS[nxt], None)
            end = _extend_people(sentence, match.end())
            phrase = _person(end, low, start, sentence)
            if "," in sentence[match.end():end]:
                # "men, women and children", "soldiers, policemen and militiamen": one group when
                # the list names one, else people
                listed = [low, *re.findall(r"[a-z-]+", sentence[match.end():end].lower())]
                named = {_PERSON.get(w, "people") for w in listed}
                named.discard("people")
                return NounPhrase(end, low, named.pop() if len(named) == 1 else "people", "person", True, None, None)
            if phrase.group == "people" and end > match.end():
                # "members and fighters": the most specific group named in the phrase
                for extra in re.findall(r"[a-z-]+", sentence[match.end():end].lower()):
                    if _PERSON.get(extra, "people") != "people":
                        return NounPhrase(end, low, _PERSON[extra], "person", True, None, None)
            if phrase.group == "combatants" and end > match.end() and _NOT_FIGHTERS.search(sentence, match.end(), end):
                # "2,100 opposition fighters and family members were evacuated": not fighters alone
                return NounPhrase(end, low, "people", "person", True, None, phrase.weak_kind)
            return phrase
        if low in WEAK_NOUN_KINDS and low not in ("injured", "wounded", "displaced", "missing", "homeless"):
            return NounPhrase(match.end(), low, "people", "person", True, None, WEAK_NOUN_KINDS[low])
        if low in _SETTLEMENTS and not saw_of:
            return NounPhrase(match.end(), low, None, "person", False, None, None)  # "25 communities isolated"
        if low in NOT_PEOPLE or low.rstrip("s") in NOT_PEOPLE or re.match(r"\d", low):
            following = _TOKEN.search(sentence, match.end())
            if following and following.group(0).lower() in _PERSON:
                pos = match.end()  # "livestock traders", "bus passengers": a modifier of the person noun
                skipped += 1
                previous = low
                continue
            return NounPhrase(match.end(), low, None, "person", False, None, None)
        if re.match(r"^[a-z]+(?:ians|ans|is|ese|ers)$", low) and word[0].isupper() and not word.isupper():
            # Palestinians, Somalis; an acronym is a name ("ISIS fighters")
            return NounPhrase(match.end(), low, "people", "person", True, None, None)
        if skipped and low.endswith("ly") and len(low) > 4 and _PREDICATE_NEXT.match(sentence, match.end()):
            break  # "two severely wounded": the adverb starts the predicate
        if low in ("and", "or") and skipped and previous not in _STOP and _noun_ahead(sentence, match.end()):
            pos = match.end()  # "new and repeated displacements", "Syrian and Iraqi fighters"
            previous = low
            continue
        if low in _STOP and not (word.isupper() and len(word) > 1):
            break  # all-capital tokens are names ("IS militants", "SDF fighters"), not "is"
        skipped += 1
        pos = match.end()
        previous = low
    if skipped and (_PREDICATE_NEXT.match(sentence, pos) or _MOVED_NEXT.match(sentence, pos)):
        # "One ranger killed", "two suspects were injured": a noun we do not know, right before a
        # predicate, is the head; whether it counts people is the predicate's to say
        return NounPhrase(pos, None, None, "person", None, None, None)
    return NounPhrase(start, None, None, "person", None, None, None)


# ", women and children", ", policemen, and militiamen": a comma list of single words closed by and / or
_PERSON_LIST = re.compile(r"(?:,\s*[A-Za-z-]+){1,4},?\s+(?:and|or)\s+[A-Za-z-]+\b")
_NEXT_WORDS = re.compile(r"(?i)\s*(?:(and|or|&)\s+)?([a-z-]+)(?:\s+([a-z-]+))?")
_NOT_EXTENSION = frozenset({"others", "other", "one", "ones", "dead", "injured", "wounded", "displaced", "killed",
                            "missing", "homeless", "a", "an", "the", "his", "her", "their", "its", "two", "three",
                            "four", "five", "six", "seven", "eight", "nine", "ten"})


_MODIFIES_NOUN = re.compile(r"(?i)\s+(?:injuries|injury|wounds|burns|casualties|offences|offenses|cases)\b")


# fighters listed with those who are not: "soldiers and civilians", "fighters and family members"
_NOT_FIGHTERS = re.compile(r"(?i)\b(?:family|families|relatives|dependants|dependents|civilians|women|children|"
                           r"wives)\b")


def _extend_people(sentence: str, end: int) -> int:
    """'police personnel', 'members and fighters', 'soldiers and militiamen', 'men, women and
    children': one phrase."""
    listed = _PERSON_LIST.match(sentence, end)
    if listed and all(w.lower() in _PERSON and w.lower() not in _NOT_EXTENSION
                      for w in re.findall(r"[A-Za-z-]+", listed.group(0)) if w.lower() not in ("and", "or")):
        return listed.end()
    for _ in range(3):
        match = _NEXT_WORDS.match(sentence, end)
        if not match:
            break
        first, second = match.group(2).lower(), (match.group(3) or "").lower()
        if first in _NOT_EXTENSION:
            break
        if first in _PERSON:
            end = match.end(2)
        elif (second and second in _PERSON and second not in _NOT_EXTENSION and first not in _STOP | {"of"}
              and not _MODIFIES_NOUN.match(sentence, match.end(3))):
            # "soldiers and allied militiamen"; but in "people sustained minor injuries" the person
            # word is an adjective of the noun after it
            end = match.end(3)
        else:
            break
    return end


# person words that are also predicates: after "and" they start one ("and wounded others")
_PREDICATE_WORDS = frozenset({"dead", "injured", "wounded", "displaced", "killed", "missing", "homeless", "evacuated"})


def _noun_ahead(sentence: str, pos: int) -> bool:
    """Within the next two words, a noun we know: "new and repeated displacements", "Syrian and
    Iraqi fighters" continue one phrase; "2 commandos and injuring 3" does not."""
    words = _TOKEN.findall(sentence[pos:pos + 40])[:2]
    if words and words[0].lower() in _PREDICATE_WORDS:
        # "killed three Fulani and wounded others": a new predicate, unless a noun follows it
        # ("800 sick and wounded people")
        return len(words) > 1 and words[1].lower() in _PERSON and words[1].lower() not in _NOT_EXTENSION
    for word in words:
        low = word.lower()
        if re.match(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)$", low) or (
                low in _STOP and not word.isupper()):
            return False
        if low in _PERSON or low in _DWELLING or low in _HOUSEHOLD or low in STRONG_NOUN_KINDS \
                or low in WEAK_NOUN_KINDS:
            return True
    return False


def _word_end(text: str, pos: int) -> bool:
    return pos >= len(text) or not text[pos].isalnum()


def _person(end: int, head: str, start: int, sentence: str | None = None) -> NounPhrase:
    group = _PERSON.get(head, "people")
    text = sentence or ""
    if head in ("members", "member", "forces", "leader", "leaders", "commander", "commanders", "personnel",
                "officers", "officer") and text:
        # "44 members of the regime forces", "a leader of the regime's elite forces"
        tail = text[end:end + 60]
        if re.match(r"(?i)\s+(?:of|from)\b", tail):
            group = "combatants" if ARMED.search(tail) else ("people" if head.startswith("member") else group)
        elif head.startswith("member"):
            group = "people"
    if head in ("dead",):
        return NounPhrase(end, head, "people", "person", True, "killed", None)
    return NounPhrase(end, head, group, "person", True, None, WEAK_NOUN_KINDS.get(head))


def _with_group_before(sentence: str, start: int, end: int, head: str, kind: str) -> NounPhrase:
    """'23 civilian casualties', '169 Palestinian ... fatalities': modifiers between number and noun."""
    between = sentence[start:end].lower()
    group = "people"
    for word in re.findall(r"[a-z-]+", between):
        if word in ("civilian", "civilians"):
            group = "civilians"
        elif word in ("child", "children"):
            group = "children"
        elif word in ("military", "army", "police", "militant", "rebel", "soldier", "troop"):
            group = "combatants"
    return NounPhrase(end, head, group, "person", True, kind, None)
