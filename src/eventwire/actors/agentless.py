"""Who arrests when the text names no one: the authorities of the place.

An arrest or detention (CAMEO 173) is an act of a state within its own jurisdiction; a
report that names only the detained ("over 300 protesters were detained in Minsk", "the
ongoing detention of the president") leaves its doer implied, and the guideline
(docs/annotation.md, 2: "country always when the text implies it") gives it the country's
government: the country of the event's place, else the detained actor's own country.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import Event

# Acts only a state's authorities do to people in their hands: arrest, detain, charge.
AGENTLESS_CODES = frozenset({"173"})
AUTHORITY_SECTOR = "GOV"


def implied_authority(ev: Event) -> str | None:
    """The country whose authorities did `ev`, when it names no doer but implies one."""
    if ev.source_code is not None or ev.cameo_code not in AGENTLESS_CODES \
            or ev.target_code is None:
        return None
    if ev.target_country is None or ev.target_code.startswith("IGO"):
        return None
    return ev.location_country or ev.target_country


def agentless_acts(events: Iterable[Event]) -> list[Event]:
    """Events of an arrest with no named doer take the implied authorities as source."""
    out: list[Event] = []
    seen: set[str] = set()
    for ev in events:
        country = implied_authority(ev)
        if country is not None:
            code = country + AUTHORITY_SECTOR
            ev = ev.recoded(source_code=code, source_country=country,
                            source_sector=AUTHORITY_SECTOR, source_actors=(code,),
                            rule_id=f"{ev.rule_id}+authority")
        if ev.event_id in seen:
            continue
        seen.add(ev.event_id)
        out.append(ev)
    return out


# Acts of force (CAMEO 18-20): a war story's passive or agentless report of one ("a Russian
# military convoy is destroyed", "three helicopters were shot down") is the other side's.
FORCE_ROOTS = frozenset({"18", "19", "20"})
ARMED_SECTOR = "MIL"
CAPTURE_CODE = "192"  # occupy territory: in the doer's own country, taken from the enemy


def _opponents(events: Iterable[Event]) -> tuple[dict[str, set[str]], dict[str, Counter[str]]]:
    """Each country's opponents in the force events that name both sides, and the codes
    each country's fighters have in them (with a role: "PSEREB", "RUSMIL")."""
    sides: dict[str, set[str]] = defaultdict(set)
    fighters: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events:
        a, b = ev.source_country, ev.target_country
        if ev.cameo_root not in FORCE_ROOTS or a is None or b is None or a == b \
                or (ev.source_code or "").startswith("IGO") \
                or (ev.target_code or "").startswith("IGO"):
            continue
        sides[a].add(b)
        sides[b].add(a)
        for country, code in ((a, ev.source_code), (b, ev.target_code)):
            if code is not None and len(code) > len(country):
                fighters[country][code[:len(country) + 3]] += 1
    return sides, fighters


def _fighter(country: str, fighters: dict[str, Counter[str]]) -> str:
    """The code a country fights under in the article: its commonest, else its forces."""
    common = fighters.get(country, Counter()).most_common(1)
    return common[0][0] if common else country + ARMED_SECTOR


def war_doers(events: list[Event]) -> list[Event]:
    """An act of force with no named doer, done to one side of the story's war (a country
    fought by exactly one other in the article's force events), is the other side's
    armed forces'; a side's capture of a place in its own country with no target named
    is done to the other side's forces."""
    sides, fighters = _opponents(events)
    out: list[Event] = []
    seen: set[str] = set()
    for ev in events:
        them = sides.get(ev.target_country or "", set())
        if ev.source_code is None and ev.cameo_root in FORCE_ROOTS and len(them) == 1 \
                and ev.target_code is not None and not ev.target_code.startswith("IGO"):
            country = next(iter(them))
            code = _fighter(country, fighters)
            ev = ev.recoded(source_code=code, source_country=country,
                            source_sector=code[3:6] or None, source_actors=(code,),
                            rule_id=f"{ev.rule_id}+war-side")
        held = sides.get(ev.source_country or "", set())
        if ev.target_code is None and ev.cameo_code.startswith(CAPTURE_CODE) \
                and ev.location_country == ev.source_country and len(held) == 1:
            # "Ukrainian forces recaptured the airport": taken back from whoever held it
            country = next(iter(held))
            code = _fighter(country, fighters)
            ev = ev.recoded(target_code=code, target_country=country,
                            target_sector=code[3:6] or None, target_actors=(code,),
                            rule_id=f"{ev.rule_id}+war-side")
        if ev.event_id in seen:
            continue
        seen.add(ev.event_id)
        out.append(ev)
    return out


# Strikes and assaults (not a capture, 192, whose target is whoever held the place)
HARM_CODES = ("18", "190", "193", "194", "195", "196")
VICTIM_SECTOR = "CVL"


def home_forces(events: list[Event]) -> list[Event]:
    """Bare victims of force are of the country where it struck (the event's settled
    place, not the doer's home). Bare armed forces ("government forces", "the army") using
    force in a country are
    its own when no other country is named for them; the place a country's forces strike
    in their own country ("airstrike a village in X") is done to its people, and one they
    take there is not taken from their own state."""
    out: list[Event] = []
    seen: set[str] = set()
    for ev in events:
        country = ev.location_country
        if ev.target_code == VICTIM_SECTOR and ev.target_country is None \
                and ev.cameo_root in FORCE_ROOTS and country is not None:
            victims = country + VICTIM_SECTOR  # "killed 51 people in Khan Younis"
            ev = ev.recoded(target_code=victims, target_country=country,
                            target_actors=(victims,))
        if ev.source_code == ARMED_SECTOR and ev.source_country is None \
                and ev.cameo_root in FORCE_ROOTS and country is not None:
            code = country + ARMED_SECTOR
            ev = ev.recoded(source_code=code, source_country=country,
                            source_actors=(code,), rule_id=f"{ev.rule_id}+home-forces")
        if country is not None and ev.source_code == country + ARMED_SECTOR \
                and ev.cameo_root in FORCE_ROOTS:
            if ev.target_code == country and ev.cameo_code.startswith(HARM_CODES):
                victims = country + VICTIM_SECTOR
                ev = ev.recoded(target_code=victims, target_sector=VICTIM_SECTOR,
                                target_actors=(victims,))
            elif ev.target_code == country and ev.cameo_code.startswith(CAPTURE_CODE):
                # "government forces recaptured the town": from whoever held it, not the state
                ev = ev.recoded(target_code=None, target_country=None, target_sector=None,
                                target_text=None, target_start=None, target_end=None,
                                target_actors=())
        if ev.event_id in seen:
            continue
        seen.add(ev.event_id)
        out.append(ev)
    return out
