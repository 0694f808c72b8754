"""Whom a statement is about: the country its story is about.

The guideline (docs/annotation.md, 2) makes the target of a statement whom it is about or
addressed to. A release of one government about another country ("The United States
condemns the attack ...", "We remain committed to supporting our partners ...") often names
no target in the sentence; its story country (the country named clearly most, the issuer's
own left out: `items.dominant`) is then what the statement is about. Only what the issuer
says gets it (its own verbal acts), never an act it reports of others.
"""

from __future__ import annotations

from ..model import Event
from .items import StoryContext

# What an issuer says: public statements, appeals, intents, praise, disapproval, rejection,
# threats (CAMEO 01, 02, 03, 05, 11, 12, 13).
ABOUT_ROOTS = frozenset({"01", "02", "03", "05", "11", "12", "13"})


def statements_about(events: list[Event], story: StoryContext, paras: dict[int, int],
                     home: str | None) -> list[Event]:
    """An issuer's own statement that names no target is about its story's country; its own
    country named in it ("noted U.S. support", taken as the place acted in) is no target, nor
    is the speaker itself ("we lower our flag", "to congratulate him" with "him" misread as
    the speaker): a statement is about or addressed to someone else."""
    out: list[Event] = []
    seen: set[str] = set()
    for ev in events:
        country = story.country_of(paras.get(ev.sentence_index, 0))
        rule = ev.rule_id
        if ev.target_code == home and rule.endswith("+place-target"):
            rule = rule.removesuffix("+place-target")  # "noted U.S. support": its own name
        self_target = ev.target_code is not None and ev.target_code == ev.source_code
        if home is not None and (ev.target_code is None or rule != ev.rule_id or self_target) \
                and ev.source_country == home and ev.cameo_root in ABOUT_ROOTS:
            about = country if country not in (None, home) else None
            ev = ev.recoded(target_code=about, target_country=about, target_sector=None,
                            target_text=None, target_start=None, target_end=None,
                            target_actors=(about,) if about else (),
                            rule_id=f"{rule}+about" if about else rule)
        if ev.event_id in seen:
            continue  # the sentence already codes this statement about that country
        seen.add(ev.event_id)
        out.append(ev)
    return out
