"""A politician's campaign as an actor: "the Trump campaign criticized Biden", "his
campaign called for CNN to fire ...", "the Biden campaign said".

The campaign organisation speaks for its candidate, and the annotation guideline codes a
campaign organisation as PTY of the candidate's country. Only a campaign owned by a named
person (a compound name or a possessive) who is a politician, with no modifier outside
data/campaign.yaml organisation_modifiers and no prepositional phrase ("a campaign of
arrests", "a military campaign against ...": a course of action, not an actor).

compute only; used by `resolve.ActorResolver`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..data import package_yaml
from ..errors import DictionaryError
from .actor import Actor

PARTY = "PTY"


@dataclass(frozen=True)
class OrganisationWords:
    heads: frozenset[str]
    modifiers: frozenset[str]
    sectors: frozenset[str]


@cache
def organisation_words() -> OrganisationWords:
    name = "campaign.yaml"
    data = package_yaml(name)
    try:
        return OrganisationWords(frozenset(data["organisation_heads"]),
                                 frozenset(str(m) for m in data["organisation_modifiers"]),
                                 frozenset(data["politician_sectors"]))
    except (KeyError, TypeError) as exc:
        raise DictionaryError(name, [(0, "expected lists organisation_heads, "
                                         f"organisation_modifiers, politician_sectors ({exc})")]
                              ) from None


def campaign_actor(head: Token, actors_at: Callable[[Token], list[Actor]]) -> list[Actor]:
    """The campaign organisation `head` names, as its candidate's country + PTY, or []."""
    words = organisation_words()
    if head.lemma_.lower() not in words.heads:
        return []
    if any(c.dep_ in {"prep", "acl", "relcl"} for c in head.children):
        return []
    owners = [c for c in head.children if c.dep_ == "poss"
              or (c.dep_ == "compound" and c.pos_ == "PROPN")]
    if len(owners) != 1:
        return []
    owner = owners[0]
    # the words between the owner and the head: "Erdogan's re-election campaign"
    between = head.doc[owner.right_edge.i + 1: head.i].text.lower().replace(" - ", "-")
    if any(w not in words.modifiers for w in between.split()):
        return []
    got = actors_at(owner)
    if len(got) != 1 or got[0].sector not in words.sectors \
            or got[0].kind not in {"person", "sector"}:
        return []
    a = got[0]
    if a.country is None:
        return []
    left = min(t.i for t in head.subtree if t.dep_ != "det")
    span = head.doc[left: head.i + 1]
    return [Actor(a.country + PARTY, span.text, span.start_char, span.end_char,
                  country=a.country, sector=PARTY, kind="sector", via="campaign",
                  head_i=head.i)]

