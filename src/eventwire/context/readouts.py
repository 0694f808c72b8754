"""Readouts across the story: what the issuer's side said after a call or meeting is said
to the counterpart met, and a call told twice is one event.

compute only; used by the coder on the events of an article with an issuer.
"""

from __future__ import annotations

from ..model import Event
from .items import StoryContext

# What a readout says after its call or meeting is said to the counterpart met
COUNTERPART_ROOTS = frozenset({"01", "02", "03", "05"})


def readout_counterpart(events: list[Event], story: StoryContext, paras: dict[int, int],
                        home: str | None) -> list[Event]:
    """A readout tells a call or meeting ("Secretary Blinken spoke with President Ruto"),
    then what the issuer's side said in it ("The Secretary emphasized the urgency of ..."):
    a statement of the issuer's country with no target of its own, after that meeting in
    the same story, is addressed to the counterpart met."""
    if home is None:
        return events
    met: dict[int, Event] = {}   # story -> the first meeting with a foreign counterpart
    out: list[Event] = []
    seen: set[str] = set()
    for ev in events:
        where = story.story_of(paras.get(ev.sentence_index, 0)).first_para \
            if story.list_document else 0
        if ev.cameo_root == "04" and ev.source_country == home and ev.target_code \
                and ev.target_country not in (None, home):
            met.setdefault(where, ev)
        first = met.get(where)
        if (first is not None and ev.target_code is None and ev.source_country == home
                and ev.cameo_root in COUNTERPART_ROOTS
                and ev.sentence_index > first.sentence_index):
            ev = ev.recoded(target_code=first.target_code, target_text=first.target_text,
                            target_country=first.target_country,
                            target_sector=first.target_sector,
                            target_actors=(first.target_code,), target_start=None,
                            target_end=None, rule_id=f"{ev.rule_id}+counterpart")
        if ev.event_id in seen:
            continue  # the sentence already codes this act to the counterpart
        seen.add(ev.event_id)
        out.append(ev)
    return out


def repeated_consultations(events: list[Event], story: StoryContext, paras: dict[int, int]
                           ) -> list[Event]:
    """One act, one event: a readout (an issuer's statement) tells a call once ("X spoke
    with Y") and then what they discussed ("The two discussed ..."): a later consultation
    (CAMEO 04) between the same pair in the same story repeats the first and is dropped."""
    seen: dict[frozenset[str], int] = {}
    out = []
    for ev in events:
        if ev.cameo_root != "04" or not ev.source_code:
            out.append(ev)
            continue
        where = story.story_of(paras.get(ev.sentence_index, 0)).first_para \
            if story.list_document else 0
        doer = ev.source_country or ev.source_code
        if not ev.target_code:
            # "They discussed ...", "The Secretary also discussed ...": the same talks, when
            # the doer already took part in a consultation of this story
            if not any(doer in k and f"story:{where}" in k and first < ev.sentence_index
                       for k, first in seen.items()):
                out.append(ev)
            continue
        key = frozenset({doer, ev.target_country or ev.target_code})
        first = seen.setdefault(key | {f"story:{where}"}, ev.sentence_index)
        if first == ev.sentence_index:
            out.append(ev)
    return out
