"""Matching events: actor keys at each level, one-to-one pairing, place names and places."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from .records import NON_COUNTRY, Ev

# CAMEO region codes inside international actor codes (IGOEUREEC, IGOWSTNAT): skipped to
# reach the organisation; "EU" is how the guideline's first round wrote the EEC code.
REGIONS = frozenset({"EUR", "WST", "AFR", "ASA", "MEA", "SAM", "NAM", "CAS", "EAF", "WAF",
                     "SAF", "NAF", "LAM", "SEA", "SAS", "EAS", "CRB", "SCN", "BAL", "CAU",
                     "BLK", "MDT", "PGS", "ARB"})
ORG_ALIASES = {"EU": "EEC"}


def _organisation(c: str) -> str:
    """'IGOEUREEC' -> 'IGOEEC', 'IGOWSTNAT' -> 'IGONAT', 'IGOEU' -> 'IGOEEC',
    'IGOUNOHCR' -> 'IGOUNO': the kind and the organisation, without regions or bodies."""
    rest = c[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    org = next((ch for ch in chunks if ch not in REGIONS), "")
    return c[:3] + ORG_ALIASES.get(org, org)


def actor_key(code: str | None, level: str) -> str | None:
    if not code:
        return None
    c = code.upper().strip()
    if c.startswith(NON_COUNTRY):
        return _organisation(c)
    if level == "full":
        return c[:6]
    return c[:3]


def same_actors(a: Ev, b: Ev, level: str) -> bool:
    if level == "root":
        return True
    return actor_key(a.source, level) == actor_key(b.source, level) and \
        actor_key(a.target, level) == actor_key(b.target, level)


def pair(gold: Sequence[Ev], pred: Sequence[Ev], level: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) that match at `level`, greedy in text
    order, preferring the coded event closest to the gold quote."""
    used: set[int] = set()
    out: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        cands = [pi for pi, p in enumerate(pred) if pi not in used and p.overlaps(g)
                 and p.root == g.root and same_actors(g, p, level)]
        if cands:
            pi = min(cands, key=lambda i: (pred[i].code != g.code, abs(pred[i].start - g.start)))
            used.add(pi)
            out.append((gi, pi))
    return out


NEAR_KM = 50.0  # a coded point this close to the gold place's is the same place


class PlaceJudge:
    """Compares a coded place with the gold's. Without a gazetteer, by name only (as the
    first article evaluation did); with one, the gold name is resolved in its country and
    a coded place is the same place when the names agree, when the gold names only the
    country (its country agrees), when the coded place lies inside the gold's region
    (same admin1), or when the two points are within `NEAR_KM` km."""

    def __init__(self, gazetteer: Any = None) -> None:
        self._gaz = gazetteer

    def country_only(self, p: Ev) -> bool:
        """Does the coded event carry no place, or only a country (no town, no region)?"""
        if p.place is None:
            return True
        if self._gaz is None or not p.place_country:
            return p.spot is not None and p.spot.admin1 is None
        home = self._gaz.country(p.place_country)
        return home is not None and p.spot is not None and (
            home.geonameid == p.spot.geonameid or home.name == p.place)

    def same_place(self, g: Ev, p: Ev) -> bool:
        if (p.place_country or "") != g.place_country:
            return False
        if not g.place or g.place_country == g.place:
            return True  # the gold gives the country only
        if same_name(g.place, p.place):
            return True
        where = None
        if self._gaz is not None:
            where = self._gaz.lookup(g.place, country_hint=g.place_country) or \
                self._gaz.lookup(name_key(g.place), country_hint=g.place_country)
        if where is None or where.country != g.place_country or p.spot is None:
            return False
        if where.kind == "country":
            return True
        if where.kind == "admin1" and p.spot.admin1 == where.admin1:
            return True  # inside the gold's region
        if p.spot.latitude is None or p.spot.longitude is None or \
                self.country_only(p):
            return False
        return _km(where.latitude, where.longitude, p.spot.latitude, p.spot.longitude) \
            <= NEAR_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


# Words of direction before a place name ("southern Khan Younis", "northern Gaza City"):
# the annotator writes the place as the text does, the coder the gazetteer's name.
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "upper", "lower"})


def name_key(name: str) -> str:
    """A place name as compared: accent- and case-folded (the gazetteer's key: "Khān Yūnis"
    -> "khan yunis"), without leading words of direction written in lower case ("southern
    Khan Younis" -> "khan younis"; "Eastern Cape" and "North Korea" are names)."""
    from ..geo.names import normalize_name

    words = name.split()
    while len(words) > 1 and words[0] in DIRECTION_WORDS:
        words = words[1:]
    return normalize_name(" ".join(words))


def same_name(gold: str, coded: str | None) -> bool:
    """Do the gold's place name and the coded one name the same place by their words: one
    inside the other once folded ("Lipetsk Oblast" and "Lipetsk", "southern Khan Younis"
    and "Khan Younis")?"""
    g, c = name_key(gold), name_key(coded or "")
    return bool(c) and (g in c or c in g)
