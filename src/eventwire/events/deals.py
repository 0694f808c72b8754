"""Acts among several parties: agreements, deals and talks between a list of actors.

- "announced deals between Israel and Bahrain and between Serbia, Kosovo and Israel": each
  party's agreement (057) with every other party of its "between" phrase, each direction
  (docs/annotation.md: joint acts one event per direction, list members one event each).
  The act must be reported as done: the noun is the object or passive subject of a verb of
  doing or announcing it (data/deals.yaml), not negated nor hypothetical.
- "Qatar brokered a deal between Israel and Hamas", "talks between A and B, mediated by C":
  also the mediator's 045 toward each party.
- "Ministers from Egypt, Jordan and Iraq signed an agreement": a doer naming several
  countries' people is each country, and a joint act with no one else named is each one's
  act toward the others.
- "the United States announced a naval coalition ... which was joined by Australia",
  "Norway joined a maritime coalition led by France": each member's military cooperation
  (062) with the founder or leader.

compute only: `party_acts(found, resolver)` returns the sentence's events with these added.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from ..data import package_yaml
from .arguments import subject_of
from .clauses import SUBJ, children_with, lemma_of
from .modality import coded_modality, modality_of
from .patterns import Pattern

if TYPE_CHECKING:
    from .extract import Found

JOINT_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass(frozen=True, slots=True)
class DealWords:
    party_nouns: dict[str, str]
    reporting_verbs: frozenset[str]
    mediating_verbs: frozenset[str]
    member_nouns: frozenset[str]
    coalition_nouns: frozenset[str]
    military_words: frozenset[str]
    founding_verbs: frozenset[str]


@lru_cache(maxsize=1)
def deal_words() -> DealWords:
    raw = package_yaml("deals.yaml")
    nouns = {str(k).lower(): str(v) for k, v in raw.pop("party_nouns").items()}
    return DealWords(party_nouns=nouns, **{k: frozenset(str(w).lower() for w in v)
                                           for k, v in raw.items()})


def party_lemmas() -> dict[str, tuple[str, ...]]:
    """The nouns that name an act among parties, with the word they need (the prefilter
    parses a sentence with "deals ... between", not every sentence naming a deal)."""
    return {n: ("between",) for n in deal_words().party_nouns}


def party_acts(found: list[Found], resolver: ActorResolver) -> list[Found]:
    """The sentence's events, with joint acts of listed members spread over the members and
    the acts among the parties of a "between" phrase added."""
    found = _members_acts(found, resolver)
    seen = {(f.code, _code(f.source), _code(f.target)) for f in found}
    out = list(found)
    for n in resolver.doc:
        for f in _between_acts(n, resolver) + _coalition_acts(n, resolver):
            key = (f.code, _code(f.source), _code(f.target))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def _code(a: Actor | None) -> str | None:
    return None if a is None else a.code


def _between_acts(n: Token, resolver: ActorResolver) -> list[Found]:
    words = deal_words()
    code = words.party_nouns.get(lemma_of(n)) if n.pos_ in {"NOUN", "PROPN"} else None
    if code is None:
        return []
    verb = _reporting_verb(n)
    if verb is None:
        return []
    got, modality, negated = coded_modality(code, modality_of(verb))
    if got is None or negated:
        return []
    groups = [g for g in _between_groups(n, resolver) if len(g) > 1]
    if not groups:
        return []
    out = [_found(got, n, a, b, modality)
           for g in groups for a in g for b in g if _apart(a, b)]
    mediators = _mediators(n, verb, resolver)
    out += [_found("045", verb, m, a, modality)
            for m in mediators for g in groups for a in g if _apart(m, a)]
    return out


def _reporting_verb(n: Token) -> Token | None:
    """The verb that reports the act named by `n` as done: its object or passive subject
    ("announced deals", "an agreement was signed"), or a participle on it ("the talks
    mediated by the EU"); a noun inside a prepositional phrase ("building on the deal
    brokered ...") is context, not the act."""
    verbs = deal_words().reporting_verbs
    if n.dep_ in {"dobj", "nsubjpass", "nsubj"} and lemma_of(n.head) in verbs:
        return n.head
    if n.dep_ == "pobj":
        return None
    for c in n.children:
        if c.dep_ in {"acl", "amod"} and lemma_of(c) in verbs and c.i != n.i:
            return c
    return None


def _between_groups(n: Token, resolver: ActorResolver) -> list[list[Actor]]:
    """The parties of each "between" phrase of the noun (or of a participle on it):
    "between Israel and Bahrain and between Serbia, Kosovo and Israel" is two groups."""
    heads = [n] + [c for c in n.children if c.dep_ in {"acl", "amod"}]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "between"]
    for p in list(preps):
        preps += [c for o in children_with(p, {"pobj"}) for c in o.children
                  if c.dep_ == "conj" and c.lower_ == "between"]
    groups = []
    for p in preps:
        objs = children_with(p, {"pobj"})
        if not objs:
            continue
        actors = [a for a in resolver.actors_at(objs[0]) if a.country]
        groups.append(actors)
    return groups


def _mediators(n: Token, verb: Token, resolver: ActorResolver) -> list[Actor]:
    words = deal_words()
    if lemma_of(verb) not in words.mediating_verbs:
        return []
    if verb.dep_ in {"acl", "amod"}:
        return [a for ag in children_with(verb, {"agent"})
                for o in children_with(ag, {"pobj"}) for a in resolver.actors_at(o)]
    if n.dep_ == "dobj":
        return [a for s in children_with(verb, SUBJ) for a in resolver.actors_at(s)]
    return []


def _apart(a: Actor, b: Actor) -> bool:
    """Two parties: other countries, or a country's government and its rebels ("between
    Colombia and the ELN rebels"), not a country and its own government."""
    if a is b or not a.code or not b.code or a.code == b.code:
        return False
    return a.country is None or b.country is None or a.country != b.country \
        or (a.sector or "GOV") != (b.sector or "GOV")


@lru_cache(maxsize=8)
def _pattern(code: str, rule: str) -> Pattern:
    none: frozenset[str] = frozenset()
    return Pattern(id=f"{rule}.{code}", code=code, verbs=none, nouns=none, objects=none,
                   preps=frozenset({"between"}), particle=None, complement=none,
                   target=("between",), symmetric=True, origin="events/deals.py")


def _found(code: str, trig: Token, s: Actor, t: Actor, modality: str,
           rule: str = "between") -> Found:
    from .extract import Found  # the record type of the stage that calls this one
    return Found(_pattern(code, rule), code, trig, s, t, (s,), (t,), False, modality,
                 trig.sent.text)


def _members_acts(found: list[Found], resolver: ActorResolver) -> list[Found]:
    """'Ministers from Egypt, Jordan and Iraq signed an agreement': each country's act
    toward the others, when the act is joint; a host named with "with" keeps its own."""
    out: list[Found] = []
    done: set[int] = set()
    for f in found:
        t = f.trigger
        if f.code[:2] not in JOINT_ROOTS or f.negated or not f.pattern.symmetric \
                or t.pos_ not in {"VERB", "AUX"} or f.code != f.pattern.code:
            out.append(f)
            continue
        members = _listed_members(t, resolver)
        if len({a.country for a in members}) < 2 or (
                f.target is not None and f.target.country in {a.country for a in members}):
            out.append(f)
            continue
        if f.target is not None:
            out.append(f)
        if t.i in done:
            continue
        done.add(t.i)
        out += [replace(f, source=a, target=b, sources=tuple(members), targets=(b,))
                for a in members for b in members if a.country != b.country]
    return out


def _listed_members(v: Token, resolver: ActorResolver) -> list[Actor]:
    """The countries named by the verb's subjects: "ministers from A, B and C",
    "representatives of A, B, and C" (and a country the parse hangs beside them)."""
    nouns = deal_words().member_nouns
    out: list[Actor] = []
    subjects = children_with(v, SUBJ)
    if not any(lemma_of(s) in nouns for s in subjects):
        return []
    for s in subjects:
        if lemma_of(s) in nouns:
            for p in s.children:
                if p.dep_ == "prep" and p.lower_ in {"from", "of"}:
                    out += [a for o in children_with(p, {"pobj"})
                            for a in resolver.actors_at(o) if a.country]
        else:
            out += [a for a in resolver.actors_at(s) if a.country]
    return out


def _coalition_acts(n: Token, resolver: ActorResolver) -> list[Found]:
    """'the United States announced a naval coalition ... which was joined by Australia and
    Bahrain', 'Norway joined a maritime coalition led by France': each member's military
    cooperation (062) with the coalition's founder or leader."""
    words = deal_words()
    if lemma_of(n) not in words.coalition_nouns or not any(
            c.dep_ in {"amod", "compound"} and lemma_of(c) in words.military_words
            for c in n.children):
        return []
    leaders: list[Actor] = []
    if n.dep_ == "dobj" and lemma_of(n.head) in words.founding_verbs:
        leaders = subject_of(n.head, resolver)
    for c in n.children:
        if c.dep_ == "acl" and lemma_of(c) == "lead":
            leaders = leaders or subject_of(c, resolver)
    joins: list[tuple[Token, list[Actor]]] = [
        (v, subject_of(v, resolver)) for v in n.subtree
        if lemma_of(v) == "join" and v.pos_ == "VERB" and children_with(v, {"agent"})]
    if n.dep_ == "dobj" and lemma_of(n.head) == "join":
        joins.append((n.head, subject_of(n.head, resolver)))
    out: list[Found] = []
    for v, members in joins:
        got, modality, negated = coded_modality("062", modality_of(v))
        if got is None or negated:
            continue
        out += [_found(got, v, m, lead, modality, "coalition") for m in members if m.country
                for lead in leaders if lead.country and _apart(m, lead)]
    return out
