"""Wire-story datelines: "TEHRAN, July 23 (Reuters) -" at the head of a text, or a dateline
field the input gives apart from the text ("SPRINGFIELD, Ill., March 3"). Without one,
`find_dateline` falls back to the place the lead names (`eventwire.geo.lead`)."""

from __future__ import annotations

import re

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lead import DATE_PATTERN, LEAD_CHARS, find_lead_place
from eventwire.geo.names import Place, normalize_name
from eventwire.geo.tables import AP_STATES

_WORD = r"[A-ZÀ-Þ][\w'’.]*(?:-[\w'’.]+)*"
# Lower-case particles inside a place name ("Rio de Janeiro", "Ras al Khaimah").
_NAME_PARTICLES = frozenset({"de", "del", "da", "es", "el", "al"})
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|al-\w+|{'|'.join(sorted(_NAME_PARTICLES))}))*"
_DATELINE_RE = re.compile(
    rf"""^\s*
    (?P<place>{_NAME})
    (?:\s*,\s*(?P<region>{_NAME}))?
    (?:\s*,\s*(?P<date>{DATE_PATTERN}))?
    \s*(?:(?P<agency>\([^()\n]{{1,40}}\))\s*(?:-{{1,2}}|—|–)?|(?:-{{1,2}}|—|–))(?=\s)
    """,
    re.VERBOSE,
)


def _region_filter(region: str, gazetteer: Gazetteer) -> set[tuple[str, str | None]] | None:
    """(country, admin1-or-None) pairs the dateline region can mean; None if unknown."""
    key = normalize_name(region)
    us = gazetteer.country_code("US") or "USA"
    if key in AP_STATES:
        return {(us, AP_STATES[key])}
    if len(key) == 2 and region.isupper() and key.upper() in AP_STATES.values():
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
        first = find_lead_place(text[:LEAD_CHARS], gazetteer)
        if first is None and len(text) > LEAD_CHARS:
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
