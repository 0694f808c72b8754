"""Intents to cooperate (CAMEO 03) that no actor holds.

An intent, a pledge or a commitment is someone's: "this assistance will support families"
or "the funds will help refugees" tell what a thing will do, not what an actor means to do.
A 03 event whose source is still unknown once the article stage has filled the actors it
implies (the issuer's "we", the story's government) is dropped.

Nor does a country cooperate with itself: "deepen U.S.-Guatemala cooperation" names both
partners, and the U.S. official's intent is toward Guatemala only. A 03 or 05 event whose
target is the source's own bare country, once the source's country is known (a bare-titled
official takes the issuer's), is dropped.

compute only; `ownerless_intents(events)` runs on an article's finished events.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Event

INTENT_ROOT = "03"
PARTNER_ROOTS = frozenset({"03", "05"})


def ownerless_intents(events: Iterable[Event]) -> list[Event]:
    """The events less those of root 03 with no source actor, and those of root 03 or 05
    toward the source's own country."""
    return [ev for ev in events
            if not (ev.cameo_root == INTENT_ROOT and not ev.source_code)
            and not (ev.cameo_root in PARTNER_ROOTS and ev.source_country is not None
                     and ev.target_code == ev.source_country)]
