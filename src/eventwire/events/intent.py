"""Intents to cooperate (CAMEO 03) that no actor holds, and partners named as a pair.

- An intent, a pledge or a commitment is someone's: "this assistance will support
  families", "the funds will help refugees" tell what a thing will do, not what an actor
  means to do. A 03 event with no source whose subject is such a thing (data/cooperation.yaml
  `means_nouns`) is dropped (`intent_owners`, on a sentence's events).
- Nor does a country cooperate with itself: "deepen U.S.-Guatemala cooperation" names both
  partners (actors/pairs.py), and the U.S. official's intent is toward Guatemala only. A 03
  or 05 event toward a member of such a pair that is the source's own country is dropped
  once the source's country is known (a bare-titled official takes the issuer's); one
  whose doer has no country at all is dropped too, as it cannot say which member is the
  other (`self_partnered`, on an article's finished events). Other targets of the doer's
  own country stay ("plans to invest in Florida": the place acted in).

compute only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Event
from .clauses import SUBJ, lemma_of
from .cooperation import cooperation_words
from .modality import governing_chain

if TYPE_CHECKING:
    from .extract import Found

INTENT_ROOT = "03"
PARTNER_ROOTS = frozenset({"03", "05"})
PAIR_VIA = "pair"
PAIR_TAG = "+pair"


def intent_owners(found: list[Found]) -> list[Found]:
    """A sentence's events less the intents of things; a target named in a country pair
    marks its rule id (`+pair`) for `self_partnered`."""
    out: list[Found] = []
    for f in found:
        if f.code[:2] == INTENT_ROOT and f.source is None and _thing_subject(f):
            continue
        if f.target is not None and f.target.via == PAIR_VIA:
            f = replace(f, pattern=replace(f.pattern, id=f.pattern.id + PAIR_TAG))
        out.append(f)
    return out


def _thing_subject(f: Found) -> bool:
    means = cooperation_words().means_nouns
    for t in governing_chain(f.trigger):
        for c in t.children:
            if c.dep_ in SUBJ:
                return lemma_of(c) in means
    return False


def self_partnered(events: Iterable[Event]) -> list[Event]:
    """The events less those of root 03 or 05 toward a pair member that is the source's own
    country, or whose doer has no country."""
    return [ev for ev in events if not (
        ev.cameo_root in PARTNER_ROOTS and PAIR_TAG in ev.rule_id
        and (ev.source_country is None or ev.target_code == ev.source_country))]
