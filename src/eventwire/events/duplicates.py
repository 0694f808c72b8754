"""One act, one event, within a sentence (docs/annotation.md: "code one event per act").

compute only: `told_twice(events)` returns the events of an article without the second
telling of an act by another trigger of the same sentence:

- the same code between the same actors ("cuts ties with Venezuela and closes its embassy
  in Caracas" is one 161; "convicts X of murder, sentencing him to life" one 116);
- a statement of the same root by the same speaker with no target, beside one that names
  its target ("condemned the Taliban attacks ... and deplored the loss of lives": the
  deploring is the same criticism, said of no one).

Events of one trigger are never merged here: list targets and joint acts are separate
events by design.
"""

from __future__ import annotations

from ..model import Event

# Roots of acts done by saying: a second, targetless one beside a targeted one repeats it.
SAID_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})


def _key(ev: Event) -> tuple[int, str, str | None, str | None]:
    return (ev.sentence_index, ev.cameo_code, ev.source_code, ev.target_code)


def told_twice(
    events: list[Event], dropped: list[tuple[Event, Event]] | None = None
) -> list[Event]:
    """The events without the ones that repeat an act of another trigger (see module doc).
    `dropped`, when given, collects (dropped event, the event it repeats)."""
    first: dict[tuple[int, str, str | None, str | None], Event] = {}
    targeted: dict[tuple[int, str, str | None], list[Event]] = {}
    for ev in events:
        first.setdefault(_key(ev), ev)
        if ev.target_code and ev.source_code and ev.cameo_root in SAID_ROOTS:
            targeted.setdefault((ev.sentence_index, ev.cameo_root, ev.source_code), []).append(ev)
    out = []
    for ev in events:
        same = first[_key(ev)]
        if same.trigger_start == ev.trigger_start and not ev.target_code and ev.source_code:
            said = [
                e
                for e in targeted.get((ev.sentence_index, ev.cameo_root, ev.source_code), [])
                if e.trigger_start != ev.trigger_start
            ]
            same = said[0] if said else same
        if same.trigger_start != ev.trigger_start:
            if dropped is not None:
                dropped.append((ev, same))
            continue
        out.append(ev)
    return out
