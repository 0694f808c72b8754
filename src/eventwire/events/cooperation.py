"""Material cooperation, aid and sanctions (CAMEO 06, 07, 16): the word classes of
data/cooperation.yaml and the tests that read them.

- An aid act a government announces ("announced it will send Ukraine a $125 million
  package") is the act itself, not an intent (`announced_act`).
- An exercise two countries hold together, or one holds with a partner, is military
  cooperation (062) between them, each direction (`joint_acts`).
- A military act "in coordination with X" is also military cooperation with X (062,
  `coordinated_acts`).
- "took steps to impose sanctions": the light verb's object is no actor asked to act; the
  act is the subject's own (`light_object`).

compute only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from ..data import package_yaml
from .clauses import lemma_of

if TYPE_CHECKING:
    from .extract import Found


@dataclass(frozen=True, slots=True)
class CooperationWords:
    announcing_verbs: frozenset[str]
    announced_roots: frozenset[str]
    light_objects: frozenset[str]
    joint_patterns: dict[str, str]
    coordination_nouns: frozenset[str]
    coordinated_roots: frozenset[str]
    relation_nouns: frozenset[str]
    means_nouns: frozenset[str]


@lru_cache(maxsize=1)
def cooperation_words() -> CooperationWords:
    raw = package_yaml("cooperation.yaml")
    joint = {str(k): str(v) for k, v in raw.pop("joint_patterns").items()}
    return CooperationWords(**{k: frozenset(str(w).lower() for w in v)
                               for k, v in raw.items()}, joint_patterns=joint)


def announced_act(v: Token) -> bool:
    """The trigger is the content of an announcement: 'X announced (that) it will send',
    'announces it would provide'."""
    return v.dep_ == "ccomp" and v.head is not v \
        and lemma_of(v.head) in cooperation_words().announcing_verbs


def light_object(o: Token) -> bool:
    """'steps' in 'took steps to impose': an object that leaves the act to the clause."""
    return lemma_of(o) in cooperation_words().light_objects


def joint_acts(found: list[Found]) -> list[Found]:
    """A show of force done jointly is military cooperation: "India and France held naval
    exercises" (each with the other), "Russia held exercises with China"."""
    joint = cooperation_words().joint_patterns
    out: list[Found] = []
    done: set[int] = set()
    for f in found:
        code = joint.get(f.pattern.id)
        if code is None or f.code != f.pattern.code or f.negated:
            out.append(f)
            continue
        partners = [a for a in f.sources if a.country]
        if f.target is None and len({a.country for a in partners}) > 1:
            if f.trigger.i not in done:
                done.add(f.trigger.i)
                out += [replace(f, code=code, source=a, target=b) for a in partners
                        for b in partners if a.country != b.country]
        elif f.target is not None and _with_partner(f.target, f.trigger):
            out.append(replace(f, code=code))
        else:
            out.append(f)
    return out


def _with_partner(a: Actor, trig: Token) -> bool:
    """The actor is named as the partner of the act: the object of "with"."""
    if not 0 <= a.head_i < len(trig.doc):
        return False
    head = trig.doc[a.head_i]
    while head.dep_ in {"conj", "appos", "compound"} and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "with"


def coordinated_acts(found: list[Found], resolver: ActorResolver) -> list[Found]:
    """'In coordination with the Government of Somalia, Africa Command conducted an
    airstrike': the strike, and Africa Command's military cooperation with Somalia."""
    words = cooperation_words()
    out = list(found)
    seen: set[int] = set()
    for f in found:
        t = f.trigger
        if f.code[:2] not in words.coordinated_roots or f.source is None or f.negated \
                or f.code != f.pattern.code or t.i in seen or t.pos_ not in {"VERB", "AUX"}:
            continue
        seen.add(t.i)
        for a in _coordinated_with(t, resolver):
            if a.code and a.code != f.source.code:
                out.append(replace(f, code="062", target=a, targets=(a,),
                                   pattern=replace(f.pattern, id="coordinated.with")))
    return out


def _coordinated_with(v: Token, resolver: ActorResolver) -> list[Actor]:
    nouns = cooperation_words().coordination_nouns
    return [a for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children if n.dep_ == "pobj" and lemma_of(n) in nouns
            for w in n.children if w.dep_ == "prep" and w.lower_ == "with"
            for o in w.children if o.dep_ == "pobj" for a in resolver.actors_at(o)]
