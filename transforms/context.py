"""Is a text about conflict, a disaster, or neither? (IDMC's IDETECT classifies every text this
way before it counts anyone.) Offline and fast: two cue lexicons, each cue with a weight, read
as whole words; a text is what its cues say most, and ``other`` when neither says enough. The
plague of the fourteenth century, air pollution or a video game's stormtroopers are ``other``,
so an analyst's conflict totals never hold them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.literals import trie_pattern

logger = logging.getLogger(__name__)

CONTEXTS = ("conflict", "disaster", "other")

# Weighted cues. Stems end in \w* where English inflects; weights say how sure one cue is alone:
# 3 names the domain outright ("airstrike", "earthquake"), 1 leans towards it ("forces", "rain").
_CONFLICT: dict[str, float] = {
    r"airstrikes?|air\s+strikes?|air\s+raids?|bombard\w*|shell(?:ed|ing|s)|mortars?|artillery|rockets?": 3,
    r"militants?|militias?|militiam[ae]n|insurgen\w*|rebels?|jihadis\w*|gunm[ae]n|terroris\w*|extremis\w*": 3,
    r"armed\s+(?:groups?|men|forces|conflict|clashes|attack\w*)|clash\w*|fighting|hostilit\w*|ceasefire": 3,
    r"suicide\s+bomb\w*|car\s+bomb\w*|ied|explosive\s+device|landmines?|snipers?|ambush\w*|massacr\w*": 3,
    r"(?:displaced|fled|fleeing|uprooted|forced\s+to\s+flee)\s+(?:by|from|because\s+of|due\s+to)\s+(?:the\s+)?"
    r"(?:conflict|violence|fighting|insecurity|war)|"
    r"exchang\w*\s+(?:of\s+)?(?:fire|gunfire)|cross-?fire|shells?\s+(?:landed|hit|fell|struck|exploded)|"
    r"fired\s+(?:\w+\s+){0,2}?(?:missiles?|rockets?|shells?|mortars?)": 3,
    r"war|civil\s+war|offensives?|sieges?|besieged|front\s?lines?|battles?|battlefields?|combat\w*|occupation|occupied|"
    r"anti[-\s]balaka|ex-seleka|seleka|(?:civilian\s+)?protection\s+(?:of\s+civilians\s+)?sites?|poc\s+sites?": 2,
    r"troops|soldiers?|army|military|security\s+forces|police|paramilitar\w*|armed|weapons?|guns?|gunfire|shot": 1.5,
    r"attack\w*|raid\w*|bomb\w*|explosions?|blasts?|kill(?:s|ed|ing)?|killings?|abduct\w*|kidnap\w*|hostages?": 1.5,
    r"violence|violent|conflict\w*|insecurity|unrest|riots?|protesters?|crackdown|persecut\w*": 1.5,
    r"boko\s+haram|al[-\s]shabaab|islamic\s+state|isis|isil|daesh|taliban|al[-\s]qaeda|houthis?|jnim|m23|adf|rsf|"
    r"tahrir\s+al-sham|nusra|regime\s+forces|free\s+syrian\s+army|hezbollah|wagner": 3,
    r"martyr\w*|assassinat\w*|suicide\s+(?:attack|bomb)\w*|mine\s+explosions?|missile\s+strikes?|air\s+attacks?|"
    r"rioters?|raiders": 2,
    r"demolition\w*|demolish\w*|evict\w*|settlers?|checkpoints?|curfews?|coup": 1,
    r"murder\w*|shoot\w*|shooters?|gunshots?|stabb\w*|fighters|firing|opened\s+fire|bomb\s+threats?|hijack\w*": 2,
    # killings by mobs, gangs and vigilantes are violence too (ACLED codes them), never a disaster
    r"lynch(?:ed|es|ing|ings)?|mobs?|vigilantes?|gangs?|gang\s+members|cartels?|cultists?|drive-by|tortur\w*|firearms?|"
    r"summar(?:y|ily)\s+execut\w*|executed\s+with|shot\s+dead|shot\s+to\s+death|gunned\s+down": 2,
    r"refugees?|asylum|displacement\s+camps?|idp\s+camps?|coalition|airstrip|drones?|missiles?|grenades?": 1,
    r"assailants?|attackers?|warplanes?|fighter\s+jets?|regime|forces|genocide|ethnic\s+cleansing|war[-\s]torn": 1.5,
    r"idps?|internally\s+displaced|displaced\s+persons|forced\s+migrants|unrwa|palestin\w*|asylum[-\s]seekers": 1,
    r"junta|invasion|invaded|sectarian|inter-?communal|communal\s+(?:violence|clashes)|ethnic\s+(?:violence|clashes)|"
    r"tribal\s+clashes|cattle\s+raid\w*|skirmish\w*|cross[-\s]border\s+(?:firing|shelling)|guerrill\w*": 2,
    # the war's civilian casualties, as UNAMA counts them in Afghanistan (the peacekeeping missions'
    # names are no cue: UNMISS builds dykes against floods too)
    r"civilian\s+casualties|unama": 2,
}
_DISASTER: dict[str, float] = {
    r"earthquakes?|quakes?|tremors?|aftershocks?|seismic|magnitude|tsunamis?|volcan\w*|eruptions?|lava": 3,
    r"floods?|flooding|flooded|flash\s+floods?|inundat\w*|landslides?|mudslides?|avalanches?": 3,
    r"cyclones?|typhoons?|hurricanes?|tropical\s+storms?|storms?|tornado\w*|monsoon\w*|el\s+ni[nñ]o": 3,
    r"droughts?|wildfires?|bush\s?fires?|brush\s+fires?|forest\s+fires?|heat\s?waves?|cold\s+waves?|blizzards?": 3,
    r"rain\w*|downpours?|rivers?|dams?|embankments?|water\s+levels?|weather|meteorolog\w*|winds?": 1,
    r"disasters?|natural\s+hazards?|calamit\w*|relief\s+camps?|evacuat\w*|rescue\w*|debris|collapsed": 1,
    r"fires?|blaze\w*|flames?|smoke|firefighters?|fire\s+(?:crews?|fighters|department|chief)|"
    r"burn(?:s|ed|ing|ings|t)?": 2,
    r"flashfloods?|flood[-\s]affected|water[-\s]?logg\w*|roofs?|zinc|sandbags?|shelters?|red\s+cross": 1,
    # word stems that would match names ("Burnie", "Snowden", "Hailey") are spelled out
    r"hail(?:s|storms?|stones?)?|snow(?:s|ed|ing|y|fall|falls|storms?|melt)?|erosion|sinkholes?|gas\s+leak|"
    r"emergency\s+services|power\s+(?:cuts?|outages?|lines?)": 1,
    r"cloudbursts?|thunderstorms?|lightning|deluge|submerged|washed\s+away|swollen|overflow\w*|storm\s+surges?": 2,
    r"high\s+tides?|tidal|waves|breach\w*|disaster\s+management|relief\s+(?:materials|goods|supplies)": 1,
    r"heavy\s+rain\w*|torrential\s+rain\w*|rainfall|rainstorms?|record\s+rain\w*": 2,
    r"forecast\w*|met\s+office|weather\s+(?:service|bureau|warnings?)|"
    r"(?:red|amber|yellow|orange)\s+(?:alerts?|warnings?)": 1,
    r"tropical\s+depressions?|landfall|gusts?|gales?|superstorm|named\s+storms?|(?-i:[Ss]torm\s+[A-Z][a-z]+)": 3,
    r"(?:houses|homes|buildings)\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:destroyed|damaged|flooded|collapsed)|"
    r"partially\s+damaged|totally\s+destroyed|damaged\s+(?:houses|homes)|structural\s+damage": 1.5,
    r"affected\s+(?:families|persons|people|population|areas?|districts?|villages?|regions?)|worst[-\s]affected|"
    r"disaster[-\s]hit|hard[-\s]hit|flood[-\s]hit|storm[-\s]hit": 1.5,
    r"evacuation\s+cent(?:re|er)s?|civil\s+protection|gdacs|ndrf|ndrrmc|bnpb|disaster\s+(?:response|risk|relief|"
    r"victims|prevention|preparedness)|(?:pre-?emptive|precautionary)\s+evacuations?": 3,
    r"crops?|hectares|harvest\w*|farmland|irrigation": 1,
    r"derail\w*|chemical\s+(?:leak|spill|plant)|chlorine|hazmat|gas\s+explosion|building\s+collapses?|inferno|"
    r"fire\s+investigators|electrical\s+fault|leaked|spill\w*": 2,
    r"rescuers|search\s+and\s+rescue|rescue\s+(?:teams?|operations?|workers|efforts)|emergency\s+crews|"
    r"bridges?\s+(?:closed|collapsed|washed)|road\s+closures?|power\s+(?:restored|outages?)": 1.5,
}
# What IDETECT calls ``other`` although it has a cue or two: crime and the courts, elections and
# parliaments, sport, markets. Their weight competes with the winner's.
_OTHER: dict[str, float] = {
    r"suspects?|robber\w*|burglar\w*|homicides?|domestic\s+(?:violence|dispute)|charged\s+with|court\w*|"
    r"sentenc\w*|trial|jury|judge|prosecut\w*|detectives?|crime\s+scene|arrest\s+warrants?|investigators": 1.5,
    r"elections?|electoral|candidates?|parliament\w*|senat\w*|lawmakers?|campaign\w*|voters?|ballots?|"
    r"president-elect|prime\s+minister": 1,
    r"football|soccer|cricket|tournament|championship|league|olympic\w*|match|concert|festival|museum|exhibition|"
    r"artists?|paintings?|sculptures?": 1.5,
    r"stocks?|shares|investors?|markets?|trade\s+deal|tariffs?|gdp|revenue|profits?|smartphones?|samsung|apple": 1,
    r"(?:e-mail|email)\s+address|password|subscribe|cookies|copyright|all\s+rights\s+reserved|newsletter": 3,
}
# Case matters for a few: "IS" is the Islamic State, "is" is not.
_CASED = r"(?-i:(?:IS|ISIS|ISIL|IDF|PKK|FARC|ELN|SDF|YPG|LRA))"


@dataclass(frozen=True, slots=True)
class _Cue:
    group: int  # the table row it belongs to: a row counts once
    anchors: tuple[str, ...]  # literal letters one of which starts every match (none: scan the whole text)
    pattern: re.Pattern[str]
    cased: bool = False  # matched on the text as written ("IS"), not on its lower-cased copy
    alternative: int = 0  # which word of its row: several words of one row say more than one


def _alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level "|" (not inside brackets or parentheses)."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def _anchor(alternative: str, cased: bool = False) -> str:
    """The literal characters a cue's every match starts with ("airstrikes?" -> "airstrike",
    "m23", "e-mail"); empty when shorter than two (finding "e" everywhere is slower than the regex)."""
    letters = re.match(r"[A-Za-z0-9][A-Za-z0-9-]*" if cased else r"[a-z0-9][a-z0-9-]*", alternative)
    anchor = letters.group(0) if letters else ""
    if anchor and alternative[len(anchor):len(anchor) + 1] in ("?", "*", "{"):
        anchor = anchor[:-1]  # the last character is optional
    return anchor if len(anchor) >= 2 else ""


def _anchors(alternative: str, cased: bool = False) -> tuple[str, ...]:
    """The literal starts of an alternative: its own ("airstrike"), or those of the words of a
    leading group ("(?:red|amber) alerts?" -> "red", "amber"); none when any is not literal."""
    if alternative.startswith("(?:"):
        depth = 0
        for i, ch in enumerate(alternative):
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                words = _alternatives(alternative[3:i])
                found = tuple(_anchor(w, cased) for w in words)
                return found if all(found) else ()
        return ()
    anchor = _anchor(alternative, cased)
    return (anchor,) if anchor else ()


def _scanner(table: dict[str, float]) -> tuple[list[_Cue], list[float]]:
    cues = []
    for group, cue in enumerate(table):
        for n, alternative in enumerate(_alternatives(cue)):
            if alternative.startswith("(?-i:"):
                inner = alternative[5:-1]
                cues.append(_Cue(group, _anchors(inner, cased=True), re.compile(rf"\b(?:{inner})\b"), cased=True,
                                 alternative=n))
            else:  # lower-case cues on lower-cased text: no IGNORECASE, which is several times slower
                cues.append(_Cue(group, _anchors(alternative), re.compile(rf"\b(?:{alternative})\b"), alternative=n))
    return cues, list(table.values())


_SCANNERS = {"conflict": _scanner({**_CONFLICT, _CASED: 3}), "disaster": _scanner(_DISASTER),
             "other": _scanner(_OTHER)}

# How much cue weight a text needs before it is about anything, and how far ahead the winner must be.
MIN_WEIGHT = 2.0
MIN_SHARE = 0.6
# the weight of "other" cues (crime, politics, sport) that outweighs a side's, relative to it
OTHER_SHARE = 1.0
# each further word of one row adds this share of the row's weight, up to WORDS_CAP times it
WORD_BONUS = 0.5
WORDS_CAP = 2.0


@dataclass(frozen=True, slots=True)
class Context:
    context: str  # conflict | disaster | other
    confidence: float  # 0.5 .. 1.0: the winner's share of the cue weight (other: how little there was)
    conflict: float
    disaster: float


def classify_context(text: str) -> Context:
    """The context of a text by its cues. Each cue counts once however often it repeats, so a
    long text does not win on length; several words of one row count more (``_weight``)."""
    return _decide(_rows(_cues(text)))


def figure_context(sentence: str, document: str) -> str:
    """A figure's context: its document's, unless its own sentence clearly says another
    (a disaster toll quoted in a war story, a battle recalled in a flood report)."""
    return _own_or(classify_context(sentence), document)


def document_and_spans(text: str, spans: list[tuple[int, int]]) -> tuple[Context, list[str]]:
    """The document's context and, for each (start, end) span of it (the sentences of its
    figures), the figure context: one scan of the text for all of them."""
    found = _cues(text)
    document = _decide(_rows(found))
    own = [_own_or(_decide(_rows(found, start, end)), document.context) for start, end in spans]
    return document, own


def _rows(found: dict[str, list[tuple[int, int, int]]], start: int = 0, end: int | None = None
          ) -> dict[str, dict[int, set[int]]]:
    """Per side, each table row found (between ``start`` and ``end``) and which of its words were."""
    rows: dict[str, dict[int, set[int]]] = {}
    for side, hits in found.items():
        rows[side] = {}
        seen: set[tuple[int, int]] = set()
        for at, group, alternative in hits:
            if start <= at and (end is None or at < end) and (group, at) not in seen:
                seen.add((group, at))  # two words of a row on one spot ("shoot\w*", "shooters?") are one
                rows[side].setdefault(group, set()).add(alternative)
    return rows


@lru_cache(maxsize=8)
def _cues(text: str) -> dict[str, list[tuple[int, int, int]]]:
    """(position, table row, word of the row) of every cue in the text, per side. Cached for the few latest texts:
    an article is classified, then its figures' sentences are (the same scan). Read only."""
    lowered = lower_same_length(text)
    found: dict[str, list[tuple[int, int, int]]] = {side: [] for side in _SCANNERS}
    for subject, index in ((lowered, _LOWER_INDEX), (text, _CASED_INDEX)):
        for hit in index.words.finditer(subject):
            at = hit.start()
            for anchor in index.prefixes[hit.group(1)]:
                for side, cue in index.cues[anchor]:
                    if cue.pattern.match(subject, at):
                        found[side].append((at, cue.group, cue.alternative))
    for side, (cues, _weights) in _SCANNERS.items():
        for cue in cues:
            if not cue.anchors:  # the few cues with no literal start: run along the whole text
                subject = text if cue.cased else lowered
                found[side].extend((m.start(), cue.group, cue.alternative) for m in cue.pattern.finditer(subject))
    return found


@dataclass(frozen=True, slots=True)
class _AnchorIndex:
    """Every cue anchor of one case, found in one pass: ``words`` matches at each word start where
    some anchor begins (the longest there); ``prefixes`` lists the anchors that begin there too."""

    words: re.Pattern[str]
    prefixes: dict[str, tuple[str, ...]]
    cues: dict[str, list[tuple[str, _Cue]]]


def _anchor_index(cased: bool) -> _AnchorIndex:
    cues: dict[str, list[tuple[str, _Cue]]] = {}
    for side, (side_cues, _weights) in _SCANNERS.items():
        for cue in side_cues:
            if cue.cased == cased:
                for anchor in cue.anchors:
                    cues.setdefault(anchor, []).append((side, cue))
    prefixes = {word: tuple(a for a in cues if word.startswith(a)) for word in cues}
    # a cue starts with \b, so only word starts can begin one; the lookahead finds overlapping anchors
    return _AnchorIndex(re.compile(r"\b(?=(" + trie_pattern(list(cues)) + "))"), prefixes, cues)


_LOWER_INDEX = _anchor_index(cased=False)
_CASED_INDEX = _anchor_index(cased=True)


def lower_same_length(text: str) -> str:
    """The text lower-cased, offsets kept: a character whose lower case is longer ("İ") stays."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _weight(side: str, rows: dict[int, set[int]]) -> float:
    """A row's weight, half again for each further word of it the text uses, at most twice: a
    text of "volcano", "eruption" and "lava" says disaster more than one "shooting" says conflict."""
    weights = _SCANNERS[side][1]
    return sum(weights[g] * min(WORDS_CAP, 1 + WORD_BONUS * (len(words) - 1)) for g, words in rows.items())


def _decide(groups: dict[str, dict[int, set[int]]]) -> Context:
    conflict = _weight("conflict", groups["conflict"])
    disaster = _weight("disaster", groups["disaster"])
    other = _weight("other", groups["other"])
    side = max(conflict, disaster)
    if other > 0 and other >= OTHER_SHARE * side and side < 2 * MIN_WEIGHT + other:
        # a court report with a "shot", a campaign with "violence": what IDETECT calls other
        return Context("other", round(min(1.0, 0.5 + other / (2 * (other + side))), 3), conflict, disaster)
    total = conflict + disaster
    if total < MIN_WEIGHT:
        return Context("other", round(1.0 - total / (2 * MIN_WEIGHT), 3), conflict, disaster)
    best = "conflict" if conflict >= disaster else "disaster"
    share = max(conflict, disaster) / total
    if share < MIN_SHARE and max(conflict, disaster) < 2 * MIN_WEIGHT:
        return Context("other", round(1.0 - share / 2, 3), conflict, disaster)
    return Context(best, round(share, 3), conflict, disaster)


def _own_or(own: Context, document: str) -> str:
    if own.context not in ("other", document) and own.confidence >= 0.8 and max(own.conflict, own.disaster) >= 3:
        return own.context
    return document
