"""Targets named one step deeper than a pattern's slot.

`arguments.targets_of` reads the actor at a slot's word ("support for Ukraine", "ties with
Japan"). Some acts name their party only inside that word's phrase:

- a name modifying the slot's noun: "reiterated the U.S. commitment to ASEAN centrality",
  "pledged support for Ukrainian sovereignty" (the noun names no actor, its modifier does);
- a situation in a country: "support for the humanitarian crisis in Yemen" (the situation's
  country; data/nested_targets.yaml situation_nouns);
- the purpose of aid: "announced new assistance to respond to the food crisis in Somalia",
  "aid to help Haiti" (data/nested_targets.yaml relief_verbs; CAMEO 07 only).

compute only; used by `arguments.targets_of`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from ..data import package_yaml
from ..errors import DictionaryError
from .clauses import OBJ, children_with, lemma_of


@dataclass(frozen=True)
class NestedWords:
    situation_nouns: frozenset[str]
    relief_verbs: frozenset[str]


@cache
def nested_words() -> NestedWords:
    name = "nested_targets.yaml"
    data = package_yaml(name)
    try:
        return NestedWords(frozenset(data["situation_nouns"]), frozenset(data["relief_verbs"]))
    except (KeyError, TypeError) as exc:
        raise DictionaryError(name, [(0, f"expected lists situation_nouns and relief_verbs "
                                         f"({exc})")]) from None


def _as_country(actors: list[Actor]) -> list[Actor]:
    """A situation's place stands for its country (not the capital's government)."""
    return [replace(a, code=a.country, sector=None, kind="country", via="place")
            if a.via == "metonymy" and a.country else a for a in actors]


def inner_actors(n: Token, resolver: ActorResolver) -> list[Actor]:
    """The party a non-actor noun at a slot names: a modifier that is an actor ("ASEAN
    centrality", "Ukrainian sovereignty"), else the country of a situation there ("the
    crisis in Somalia")."""
    for c in n.children:
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < n.i:
            got = resolver.actors_at(c)
            # a capital naming a place ("the Kyiv Oblast") is a place, for place_targets
            if got and all(a.code and a.via != "metonymy" for a in got):
                return got
    if lemma_of(n) in nested_words().situation_nouns:
        for prep in children_with(n, {"prep"}):
            if prep.lower_ in {"in", "across"}:
                for p in children_with(prep, {"pobj"}):
                    got = resolver.actors_at(p)
                    if got and all(a.country for a in got):
                        return _as_country(got)
    return []


def relief_target(v: Token, resolver: ActorResolver,
                  object_actors: Callable[[Token, ActorResolver], list[Actor]]) -> list[Actor]:
    """'announced assistance to respond to the crisis in Somalia', 'sent aid to help Haiti':
    whom the aid's purpose clause is about, on the verb or on its object."""
    holders = [v, *children_with(v, OBJ)]
    for h in holders:
        for x in h.children:
            if x.dep_ not in {"xcomp", "advcl", "acl", "relcl"} or \
                    lemma_of(x) not in nested_words().relief_verbs or \
                    not any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children):
                continue
            for o in children_with(x, OBJ):
                got = object_actors(o, resolver) or inner_actors(o, resolver)
                if got:
                    return got
            for prep in children_with(x, {"prep"}):
                if prep.lower_ in {"to", "in", "for", "with"}:
                    for p in children_with(prep, {"pobj"}):
                        got = object_actors(p, resolver) or inner_actors(p, resolver)
                        if got:
                            return got
    return []
