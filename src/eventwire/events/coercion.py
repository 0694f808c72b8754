"""Coercion that no actor does (CAMEO 170).

"Refugees forced to flee the fighting", "families were compelled to leave": a passive verb of
coercion with no agent and no doer in the text tells of circumstances, not of an actor
coercing another. Arrests with no doer are different: they are the police's
(extract.py `_agentless_arrest`, actors/agentless.py).

compute only; `circumstantial(found)` on a sentence's events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import is_passive

if TYPE_CHECKING:
    from .extract import Found

COERCION_CODE = "170"


def circumstantial(found: list[Found]) -> list[Found]:
    """The events less coercions (170) in the passive, or as a past participle, with no
    agent and no source."""
    return [f for f in found if not (
        f.code == COERCION_CODE and f.source is None and _agentless_passive(f))]


def _agentless_passive(f: Found) -> bool:
    t = f.trigger
    if any(c.dep_ == "agent" for c in t.children):
        return False
    return is_passive(t) or (t.tag_ == "VBN" and t.dep_ in {"acl", "relcl", "advcl", "amod"})
