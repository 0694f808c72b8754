"""The story's actors applied to one sentence's finds: bare roles take the story's country,
and bare-titled officials of a statement take its issuer's.

The article stage (`context.items`, `context.issuer`) knows what country a story or list
item is about and who issued a statement; these rules give that knowledge to the actors
`events.extract` found in a sentence, before the event is built.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import Actor
from ..events.extract import Found, anchored
from ..events.place_targets import INSURGENT_SECTORS
from .items import STORY_SECTORS

# Acts of force: their bare victims ("killed 14 people") are of the place struck
VICTIM_ROOTS = frozenset({"18", "19", "20"})

# Roles that act on other countries: a bare one facing a named actor of the story's country
# is not of that country ("ministers called for Burma to reform").
OUTWARD_SECTORS = frozenset({"GOV", "LEG", "MIL", "SPY"})
# ... except in acts of coercion (CAMEO 17: arrest, detain, seize), which a state's forces do
# within their own jurisdiction: "the president was detained by mutinying soldiers".
INWARD_ROOTS = frozenset({"17"})


def localise_story(f: Found, country: str | None) -> Found:
    """A bare role of the story ("the government", "police", "protesters") with no country
    of its own takes the country the story (or list item) is about."""
    if country is None:
        return f

    def named_there(other: Actor | None) -> bool:
        # the country itself or its state; a bare role facing the country's own people
        # ("soldiers arrested the opposition leader's guards") is the country's
        return other is not None and other.country == country and anchored(other) \
            and (other.sector is None or other.sector in OUTWARD_SECTORS)

    def fix(a: Actor | None, other: Actor | None) -> Actor | None:
        if a is None or a.country is not None or a.sector not in STORY_SECTORS \
                or a.kind == "group" or a.via == "issuer":
            return a
        if a.sector in OUTWARD_SECTORS and named_there(other) \
                and f.code[:2] not in INWARD_ROOTS:
            return a
        return replace(a, code=country + a.sector, country=country)

    def fix_target(a: Actor | None, other: Actor | None) -> Actor | None:
        if a is not None and a.sector == "CVL" and f.code[:2] in VICTIM_ROOTS:
            return a  # victims of force are of where it struck: left to the event's place
        return fix(a, other)

    return replace(f, source=fix(f.source, f.target), target=fix_target(f.target, f.source),
                   sources=tuple(x for x in (fix(a, f.target) for a in f.sources)
                                 if x is not None),
                   targets=tuple(x for x in (fix_target(a, f.source) for a in f.targets)
                                 if x is not None))


# Titles of the officials who speak in a government's own statements and readouts: in the
# issuer's text, "Deputy Secretary Richard Verma", "Administrator Power", "Special Envoy
# Norland" with no nationality are the issuer's (a foreign official is named with one).
ISSUER_TITLES = frozenset({"secretary", "administrator", "ambassador", "envoy", "coordinator",
                           "counselor", "undersecretary", "spokesperson", "spokesman"})


def issuer_officials(f: Found, issuer: Actor | None) -> Found:
    """A bare-titled official of the issuer's own kind takes the issuer's country."""
    home = issuer.country if issuer is not None else None
    if home is None:
        return f

    def fix(a: Actor | None) -> Actor | None:
        if a is None or a.country is not None or a.code is None or a.code != a.sector:
            return a
        words = {w.strip(".,").lower() for w in a.text.split()[:4]}
        if not words & ISSUER_TITLES or "general" in words:
            return a  # "Secretary-General", "UN Secretary General": not the issuer's
        return replace(a, code=home + a.code, country=home)

    return replace(f, source=fix(f.source), sources=tuple(x for x in (fix(a) for a in f.sources)
                                                           if x is not None))


# Roles that act at home: a bare "police", "court" or "protesters" is of the country where
# the event happened. Armed and international roles are not (whose troops, in Syria?), nor
# leaders, who travel ("President X, before leaving for Beijing, …").
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "CVL", "OPP", "BUS", "MED", "EDU",
                              "HLH", "LAB", "REL", "CRM", "AGR", "PTY", "ENV"})
# ... and in a fight, the armed groups that fight their state (INSURGENT_SECTORS): bare
# "militants" killed in North Waziristan are Pakistan's.


def localise_fields(fields: dict[str, object], role: str, country: str, *,
                    fight: bool = False) -> None:
    """Give a bare domestic role the country of the event's location (in place)."""
    code = fields.get(f"{role}_code")
    local = DOMESTIC_SECTORS | INSURGENT_SECTORS if fight else DOMESTIC_SECTORS
    if isinstance(code, str) and code in local and not fields.get(f"{role}_country"):
        fields[f"{role}_code"] = country + code
        fields[f"{role}_country"] = country
