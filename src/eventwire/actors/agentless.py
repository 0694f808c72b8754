"""Who arrests when the text names no one: the authorities of the place.

An arrest or detention (CAMEO 173) is an act of a state within its own jurisdiction; a
report that names only the detained ("over 300 protesters were detained in Minsk", "the
ongoing detention of the president") leaves its doer implied, and the guideline
(docs/annotation.md, 2: "country always when the text implies it") gives it the country's
government: the country of the event's place, else the detained actor's own country.
"""

from __future__ import annotations

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
