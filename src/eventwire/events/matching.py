"""Which of a word's event patterns fits its arguments: objects, particles, prepositions,
clause words, the actor a pattern needs; the most specific fitting pattern wins.

compute only; used by `events.extract`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import ActorResolver
from .arguments import for_clause, subject_of, targets_of
from .clauses import OBJ, SUBJ_PASS, children_with, is_passive, lemma_of
from .modality import PARTICLE_PREPS, infinitival
from .patterns import Pattern


def object_lemmas(v: Token) -> set[str]:
    objs = children_with(v, SUBJ_PASS if is_passive(v) else OBJ)
    objs += [c for c in v.children if c.dep_ in {"attr", "oprd"}]
    if is_passive(v):  # "was granted clemency": the object a passive keeps
        objs += children_with(v, OBJ)
    # "granted Milken's associate a pardon" parsed with the pardon as an apposition
    objs += [a for o in [*objs, *children_with(v, {"dative"})] for a in o.subtree
             if a.dep_ == "appos" and a.head.dep_ in OBJ | {"dative", "appos"}]
    for prep in children_with(v, {"prep"}):
        objs += children_with(prep, {"pobj"})
    out: set[str] = set()
    for o in objs:
        out.add(lemma_of(o))
        if lemma_of(o) == "game" and any(c.lower_ == "war" for c in o.children):
            out.add("wargame")  # "war games" are military exercises
        for c in o.conjuncts:
            out.add(lemma_of(c))
        if o.dep_ in OBJ | SUBJ_PASS:
            for prep in children_with(o, {"prep"}):
                if prep.lower_ in {"of", "in"}:  # "tons of aid", "500 million euros in aid"
                    out.update(lemma_of(p) for p in children_with(prep, {"pobj"}))
    return out


def object_modifiers(v: Token) -> set[str]:
    """Lemmas that narrow the object ("military aid", "air strikes"): a hit here is more
    specific than a hit on the object itself. Not the modifiers of any prepositional
    phrase ("suspended Mali after the military coup")."""
    objs = children_with(v, SUBJ_PASS if is_passive(v) else OBJ)
    for o in list(objs):
        for prep in children_with(o, {"prep"}):
            if prep.lower_ in {"of", "in"}:
                objs += children_with(prep, {"pobj"})
    return {lemma_of(c) for o in objs if lemma_of(o) not in NOT_THE_ACT for c in o.children
            if c.dep_ in {"compound", "amod", "nmod"}}


# Heads whose modifier does not make them the act: "war games" are no war, "war crimes
# trial", "attack helicopters", "peace prize", "aid worker".
NOT_THE_ACT = {"game", "crime", "criminal", "zone", "correspondent", "memorial", "veteran",
               "museum", "film", "movie", "book", "hero", "widow", "orphan", "footage",
               "simulation", "helicopter", "plane", "jet", "prize", "worker", "group",
               "agency", "ministry", "minister", "official", "chief", "envoy", "expert",
               "anniversary", "victim", "survivor", "story", "photo"}


def clause_lemmas(v: Token) -> set[str]:
    out: set[str] = set()
    for c in v.children:
        if c.dep_ in {"xcomp", "ccomp", "prep", "agent", "advcl", "dobj", "obj"}:
            out.update(lemma_of(t) for t in c.subtree)
    return out


def match_pattern(v: Token, candidates: tuple[Pattern, ...], resolver: ActorResolver
                  ) -> Pattern | None:
    obj_lemmas: set[str] | None = None
    obj_mods: set[str] = set()
    clause: set[str] | None = None
    preps = {c.lower_ for c in v.children if c.dep_ in {"prep", "agent"}}
    if v.pos_ == "ADJ" and v.dep_ == "acomp":  # "remains steadfast in": the prep is the verb's
        preps |= {c.lower_ for c in v.head.children if c.dep_ == "prep"}
    preps |= {"for" for c in v.children if for_clause(c)}  # "called for Burma to reform"
    particles = {c.lower_ for c in v.children if c.dep_ in {"prt", "advmod"}
                 or (c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS)}
    best: tuple[int, int] | None = None
    chosen: Pattern | None = None
    for order, p in enumerate(candidates):
        if best is not None and p.specificity + 2 < best[0]:
            break
        hits = 0
        if p.particle and p.particle not in particles:
            continue
        if p.preps and not (p.preps & preps):
            continue
        if p.objects:
            if obj_lemmas is None:
                obj_lemmas, obj_mods = object_lemmas(v), object_modifiers(v)
            head_hits, mod_hits = len(p.objects & obj_lemmas), len(p.objects & obj_mods)
            if not head_hits and not mod_hits:
                continue
            hits += head_hits + 2 * mod_hits
        if p.complement:
            clause = clause_lemmas(v) if clause is None else clause
            hits += len(p.complement & clause)
            if not (p.complement & clause):
                continue
        if p.object_actor and not targets_of(v, p, resolver):
            continue
        if p.clausal and not any(infinitival(c) for c in v.children):
            continue
        if p.subject_sectors and not any(a.sector in p.subject_sectors
                                         for a in subject_of(v, resolver)):
            continue
        score = (p.specificity + min(hits, 3), -order)
        if best is None or score > best:
            best, chosen = score, p
    return chosen
