"""Is a figure cumulative (a running total, a period total of a conflict, a stock), or the toll
of one incident? The contract's rule, read off the figure's sentence."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from transforms.figures.dates import MONTH_WORD
from transforms.figures.model import KIND_CLASS

PERIOD = re.compile(
    # "has since died" is "afterwards", not a period counted from a date
    r"(?i)\b(?:(?<!has\s)(?<!have\s)(?<!had\s)since(?!\s+then\b)|so\s+far|to\s+date|this\s+year|during\s+the\s+report(?:ing)?\s+period|"
    r"over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks?|months?|years?|decades?)|in\s+recent\s+(?:weeks|months)|"
    r"during\s+(?:19|20)\d\d|recorded\s+(?:in|during)|throughout\s+(?:the\s+)?(?:year|conflict|war)|"
    r"during\s+the\s+(?:past\s+)?(?:year|month)|"
    r"during\s+(?:the\s+)?(?:[\w'’“”–-]+\s+){0,4}?(?:agreement|truce|ceasefire|cease-fire)|"
    r"cumulative|in\s+total\s+since|running\s+total|(?:each|every|per)\s+(?:year|month|week|day)|annually|"
    r"from\s+(?:[a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[a-z]+\s+)?(?:19|20)\d\d\s+(?:to|until|through)\s+"
    r"(?:[a-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[a-z]+\s+)?(?:19|20)\d\d|"
    r"between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d)\b")
CONFLICT = re.compile(
    r"(?i)\b(?:war|conflict|battle|offensive|fighting|clashes|hostilities|violence|insurgency|crackdown|"
    r"clampdown|military\s+operations?|series\s+of\s+attacks|attacks|counter-?offensive|"
    r"intercommunal|intercommunity|armed\s+groups?)\b")
DISASTER = re.compile(
    r"(?i)\b(?:(?:natural\s+)?disaster|flood\w*|storm\w*|cyclone|typhoon|hurricane|earthquake|quake|landslides?|mudslides?|fires?|"
    r"wildfires?|blaze|rains?|rainfall|tsunami|drought|eruption|volcano|heatwave|avalanche|tornado)\b")
INCIDENT = re.compile(
    r"(?i)\b(?:massacre|attack|explosion|blast|bombing|strike|airstrike|raid|ambush|shooting|crash|"
    r"stampede|incident|accident|collapse)\b")
WHOLE_CONFLICT = re.compile(
    r"(?i)(?:(?:\b(?:the|its|their|[a-z]+['’]s)\s+(?:(?:nearly\s+|almost\s+)?[\w-]+-(?:year|month|decade)(?:-old|-long)?\s+|"
    r"long-running\s+|civil\s+|(?:(?!a\b|an\b|one\b)[a-z-]+\s+){1,2}?(?=(?:civil\s+)?wars?\b|conflicts?\b|"
    r"insurgency\b))?"
    r"(?:civil\s+)?(?:wars?|conflicts?|battle|fighting|offensive|crisis|violence|insurgency|siege|"
    r"campaign)(?![\w-])|\b(?:\w+|\d+)\s+years\s+of\s+(?:war|conflict|violence|fighting|insurgency))"
    # the verb of the war itself, not of a clause after it ("the violence erupted after rebels killed three")
    r"(?:(?!\b(?:after|when|before|because|until)\s)[^.;]){0,80}?\b(?:has|have|had)?\s*"
    r"(?:left|killed|displaced|claimed|forced|uprooted|driven)\b"
    # "to end a conflict that has killed 220,000": a whole conflict, by its perfect tense; also "a ruinous
    # five-year civil war has killed", "to end fighting that has killed more than 6,400"
    r"|\ba\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|insurgency)\s+(?:(?:that|which)\s+)?(?:has|have)\s+(?:\w+\s+)?"
    r"(?:left|killed|displaced|claimed|forced|uprooted|driven)\b"
    r"|\b(?:fighting|violence|hostilities)\s+(?:that|which)\s+(?:has|have)\s+(?:\w+\s+)?"
    r"(?:left|killed|displaced|claimed|forced|uprooted|driven)\b"
    # the whole war as the cause: "20,000 were killed and 1 million displaced as a result of the war"
    r"|\b(?:killed|displaced|died|uprooted)\b[^.;]{0,60}?\b(?:as\s+a\s+result\s+of|during)\s+the\s+(?:civil\s+)?"
    r"(?:war|conflict)\b(?!\s+(?:on|in|against|between)\b)"
    # the perfect tense in a whole conflict: "at least 300,000 people have been killed in the conflict", "10,000
    # have been killed, according to UN estimates, in a war that has worsened hunger" (not a clash "in a conflict
    # between two clans", nor "the war on drugs")
    r"|\b(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+)?(?:killed|displaced|died|uprooted)\b[^.;]{0,100}?\b(?:in|during|"
    r"throughout)\s+(?:the|a|its|their|this)\s+(?:[\w-]+\s+){0,2}?(?:civil\s+)?(?:war|conflict|insurgency|hostilities)"
    r"(?![\w'’-])(?!\s+(?:on|in|against|between|with|over|zones?|areas?)\b)"
    # and in the passive: "2.4 million people have been displaced by Boko Haram's seven-year campaign"
    r"|\b(?:has|have)\s+been\s+(?:\w+\s+)?(?:killed|displaced|uprooted|forced|driven)\b[^.;]{0,40}?\bby\s+"
    r"(?:the|its|their|[\w-]+(?:\s+[\w-]+)?['’]s)\s+(?:[\w-]+\s+){0,2}?(?:civil\s+)?(?:wars?|conflicts?|insurgency|"
    r"campaign|crisis)(?![\w-]))")
# an insurgent group's perfect tense, with no incident named, is its whole campaign: "Boko Haram ...
# has killed about 15,000 people and displaced more than 2 million in its attempt to create a state"
CAMPAIGN = re.compile(r"(?i)\b(?:boko\s+haram|islamic\s+state|isis|isil|daesh|al[\s-]+shabaa?b|the\s+taliban|"
                      r"al[\s-]+qaeda|the\s+insurgency|the\s+insurgents)\b[^.;]{0,80}?(?<!\bto\s)\b(?:has|have)\s+"
                      r"(?:\w+\s+)?(?:killed|displaced|forced|uprooted|driven)\b")
DAILY_TOLL = re.compile(r"(?i)\b(?:killed|died|dead)\s+(?:yesterday|today|on\s+\w+day)\b[^.]{0,30}\bincluding\b")
# a running toll: "the death toll rose to", "raise the number of casualties to", "their number to"
# (not a road's toll: "attacked a toll booth, one operator was killed")
TOLL = re.compile(r"(?i)\b(?:death\s+)?toll\b(?!\s*(?:booths?|gates?|plazas?|stations?|roads?|bridges?|"
                  r"collectors?|operators?|-free))|\b(?:rais\w*|ris\w*|rose|increas\w*|reach\w*|climb\w*|brings?|"
                  r"bringing|brought)\b[^.;]{0,60}?\bnumbers?\b|\bnumber\s+of\s+[^.;]{0,60}?\b(?:rais\w*|ris\w*|rose|"
                  r"increas\w*|reach\w*|climb\w*)\b|\btheir\s+number\s+to\b")
INCREMENT_AFTER = re.compile(r"(?i)^[^.;]{0,80}?\b(?:raises?|raised|raising|rises|rising|brings?|bringing|brought|"
                             r"pushing|pushes|takes|taking)\s+(?:the\s+|their\s+|its\s+|to\b|up\b)")
PERIOD_SPAN = re.compile(r"(?i)\bbetween\s+(?:[0-3]?\d(?:\s+[A-Za-z]+)?|(?:early\s+|late\s+|mid-?\s*)?[A-Za-z]+)\s+"
                         r"and\s+(?:[0-3]?\d\s+[A-Za-z]+|(?:early\s+|late\s+|mid-?\s*)?[A-Za-z]+)")
# a span of dates, never of parties ("between India and Pakistan")
_DATE_SPAN = re.compile(rf"(?i)\bbetween\s+(?:[0-3]?\d\s+(?:and\s+[0-3]?\d\s+)?)?(?:early\s+|late\s+|mid-?\s*)?"
                        rf"{MONTH_WORD}")
# a span of days after the figure: "kill about 900 citizens in 18 days of escalation", "raises to 205
# the number of casualties in 22 days" (before it, "in the second attack in 5 days: ..." is not the figure's)
SPAN_AFTER = re.compile(r"(?i)^[^.;:]{0,120}?\b(?:in|during|over|within)\s+(?:the\s+(?:last|past)\s+)?(?:about\s+|"
                        r"around\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:\d+|two|three|four|five|six|seven|eight|"
                        r"nine|ten|several)\s+(?:days|weeks|months|years)\b")
# the inverted toll of displacement: "This brings to 332,000 the number of people displaced" (of deaths
# it is one incident's toll as often as a running total: the rules for tolls decide)
_TO_BEFORE = re.compile(r"(?i)\b(?:rais\w*|ris\w*|rose|brings?|bringing|brought|increas\w*|pushing|takes|taking)\s+"
                        r"to\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|at\s+least\s+|almost\s+|nearly\s+|over\s+|"
                        r"roughly\s+|approximately\s+|an\s+estimated\s+)?$")
_THE_NUMBER_AFTER = re.compile(r"(?i)[\w.,]+(?:\s+[a-z]+)?\s*(?:at\s+least\s*)?,?\s*the\s+"
                               r"(?:total\s+|overall\s+|cumulative\s+)?(?:number|death\s+toll|toll)\b")
# what wages a conflict over days, beside CONFLICT's words (which also decide displacement's scope)
WAGED = re.compile(r"(?i)\b(?:shell\w*|bombard\w*|escalat\w*|air\s?strikes|raids|strikes|battles)\b")
# a yearly figure adds up many disasters, it is not the toll of one: "floods kill hundreds every year"
_SEVERAL_DISASTERS = re.compile(r"(?i)\b(?:each\s+year|every\s+year|per\s+year|annually)\b")
NEXT_REFERS = re.compile(r"(?i)^\s*(?:these|this|the)\s+(?:new\s+)?(?:displacements?|movements?|flight|arrivals)\b")
# people in the state of displacement, not displaced by an event: "2 million remain displaced",
# "another three million are displaced", "60 million people are now displaced worldwide"
STOCK = re.compile(r"(?i)\b(?:(?:remain(?:s|ed)?|still)\s+(?:\w+\s+)?|(?:are|is)\s+(?:now\s+|currently\s+)?"
                   r"(?:internally\s+)?)displaced\b")


def _test(pattern: re.Pattern[str]) -> cached_property[bool]:
    # every pattern here is lower-case words under (?i): run it without the flag on the lower-cased
    # sentence, several times faster in Python's engine
    lowered = re.compile(pattern.pattern.replace("(?i)", "", 1)) if pattern.pattern.startswith("(?i)") else pattern
    if lowered is pattern:
        return cached_property(lambda scope: pattern.search(scope.sentence) is not None)
    return cached_property(lambda scope: lowered.search(scope.lowered) is not None)


class Scope:
    """What a sentence says about the scope of its figures. Each test runs the first time it is
    asked and is kept: most figures are decided after two or three of them."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.lowered = sentence.lower()

    daily_toll = _test(DAILY_TOLL)
    whole_conflict = _test(WHOLE_CONFLICT)
    campaign = _test(CAMPAIGN)
    period = _test(PERIOD)
    conflict = _test(CONFLICT)
    disaster = _test(DISASTER)
    incident = _test(INCIDENT)
    stock = _test(STOCK)
    period_span = _test(PERIOD_SPAN)


@lru_cache(maxsize=512)
def sentence_scope(sentence: str) -> Scope:
    return Scope(sentence)


def is_cumulative(sentence: str, start: int, np_end: int, kind: str, following: str = "",
                  stock: bool = False, text_context: str | None = None) -> bool:
    """``stock``: the figure is a count of people in a state ("2 million IDPs") with no event verb.
    ``text_context``: what the text is about; a displacement its own sentence gives no cause for is of
    it ("44,000 people were displaced in Taiz between 7 January and 27 February" in a conflict text,
    "about 10,000 evacuees moved north" in a disaster text)."""
    conflict_text = text_context == "conflict"
    after = sentence[np_end:np_end + 200]
    klass = KIND_CLASS[kind]
    toll_here = bool(TOLL.search(sentence[max(0, start - 120):start]))
    if (klass in ("displacement", "returns") and _TO_BEFORE.search(sentence, max(0, start - 40), start)
            and _THE_NUMBER_AFTER.match(sentence, start)):
        return True  # "This brings to 332,000 the number of people displaced in the province": a running total
    if not toll_here and INCREMENT_AFTER.match(after) and TOLL.search(after):
        return False  # "the death of 34 ... raises the death toll to 66": the 34 is new
    scope = sentence_scope(sentence)
    if scope.daily_toll or scope.whole_conflict:
        return True
    if scope.campaign and not scope.incident:
        # the figures of the campaign's own verbs, not other numbers of its sentence
        verb = CAMPAIGN.search(sentence, 0, start)
        if verb is not None and start - verb.end() <= 80 and not re.search(r"[.;]", sentence[verb.end():start]):
            return True
    # a disaster's running count is still its toll ("250 to 300 people have been evacuated so far", in a
    # wildfire story), whether or not the sentence names the disaster
    disaster_only = (scope.disaster or text_context == "disaster") and not scope.conflict
    if scope.period:
        return not disaster_only or _SEVERAL_DISASTERS.search(sentence) is not None
    if (SPAN_AFTER.match(after) and not disaster_only
            and (scope.conflict or scope.incident or WAGED.search(sentence) or TOLL.search(sentence)
                 or (conflict_text and not scope.disaster and klass in ("displacement", "returns")))):
        return True  # a period total of a conflict
    if toll_here:
        return not (scope.incident or scope.disaster)
    if klass in ("displacement", "returns"):
        disaster_stock = text_context == "disaster" and kind != "refugees" and not scope.conflict
        if stock and not scope.disaster and not disaster_stock:
            return True  # "the country has more than two million internally displaced people"
        if NEXT_REFERS.match(following):
            # "These displacements followed a series of attacks": the cause is in the next sentence
            joined = sentence_scope(sentence + " " + following)
            disaster_only = joined.disaster and not joined.conflict
            scope = joined
        if disaster_only:
            return False
        if scope.conflict or (scope.stock and not scope.disaster):
            return True
        if conflict_text and scope.period_span and not scope.disaster and _DATE_SPAN.search(sentence):
            return True  # "44,000 people were displaced in Taiz between 7 January and 27 February"
        if klass == "returns" and scope.period_span:
            return True
    return False
