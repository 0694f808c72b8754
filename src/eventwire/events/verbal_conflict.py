"""Verbal conflict the verb patterns leave out or leave half-done (CAMEO 10, 11, 12, 16).

- Reproach told by a noun: "Poland's condemnation of Belarus", "the Chinese drills drew sharp
  condemnation from Taiwan", "in a rebuke to Beijing, the Philippines summoned ...". The voice
  is the noun's possessor, its "from"/"by" actor, its nationality, the subject of the verb a
  prepositional "in a rebuke" hangs on, or the subject of a verb voicing it ("joined the
  condemnation"); whom it is aimed at is its "of"/"against"/"to" actor (or that act's doer:
  "criticism of Russia's annexation"), else the subject of a verb drawing it ("X drew
  criticism from Y": X, or the doer of X's act). Both must be actors with a country or a
  known group, and different: "the coach faced criticism from fans" is no event.
- A verb of demand, disapproval or rejection with no target takes the doer of the act it is
  about: "condemns the storming of the mosque by Israeli forces", "rejected the Egyptian
  proposal", "vetoed the resolution drafted by the United States" (events/disapproval.py
  `doers`).
- A reduction of relations aimed at the doer's own people ("recalled its ambassador to
  France") takes the state the object's preposition names.

compute only: `verbal_conflict(doc, resolver, found)` is called by `extract` last. Words are
data (data/verbal_conflict.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml
from spacy.tokens import Doc, Token

from ..actors.resolve import Actor, ActorResolver
from ..errors import DictionaryError
from .arguments import subject_of
from .clauses import OBJ, SUBJ, children_with, lemma_of
from .disapproval import doers
from .modality import modality_of
from .nominal.factual import unreal
from .patterns import Pattern

if TYPE_CHECKING:
    from .extract import Found

FILLED_ROOTS = frozenset({"10", "11", "12"})
VOICE_PREPS = frozenset({"from", "by", "among"})
AIM_PREPS = frozenset({"of", "against", "to", "toward", "towards", "at"})
NO_WORDS = frozenset({"no", "not", "never", "little", "without"})
NATIONAL_ENTS = frozenset({"NORP", "GPE", "ORG"})


@dataclass(frozen=True, slots=True)
class Words:
    reproach_nouns: dict[str, str]
    drawing_verbs: frozenset[str]
    voicing_verbs: frozenset[str]
    relation_preps: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of data/verbal_conflict.yaml, validated."""
    name = "verbal_conflict.yaml"
    raw = yaml.safe_load(resources.files("eventwire.data").joinpath(name).read_text("utf-8"))
    problems: list[tuple[int, str]] = []
    nouns = {str(w).lower(): str(c) for w, c in (raw.get("reproach_nouns") or {}).items()}
    for w, c in nouns.items():
        if not c.startswith("11"):
            problems.append((0, f"reproach_nouns: {w!r} has code {c!r}, not an 11 code"))
    lists = {k: frozenset(str(w).lower() for w in raw.get(k) or [])
             for k in ("drawing_verbs", "voicing_verbs", "relation_preps")}
    for k, v in [("reproach_nouns", nouns), *lists.items()]:
        if not v:
            problems.append((0, f"{k}: missing or empty"))
    if problems:
        raise DictionaryError(name, problems)
    return Words(nouns, **lists)


def trigger_lemmas() -> frozenset[str]:
    """The nouns that are triggers alone (for the prefilter)."""
    return frozenset(words().reproach_nouns)


def _pattern(kind: str, code: str) -> Pattern:
    return Pattern(id=f"verbal.{kind}", code=code, verbs=frozenset(), nouns=frozenset(),
                   objects=frozenset(), preps=frozenset(), particle=None,
                   complement=frozenset(), target=(), symmetric=False, origin="verbal")


def _placed(a: Actor) -> bool:
    """An actor with a country or a known group (not "fans", "analysts")."""
    return bool(a.code) and (a.country is not None or len(a.code or "") > 3)


def _actors(tokens: list[Token], resolver: ActorResolver) -> list[Actor]:
    out: list[Actor] = []
    for t in tokens:
        for x in [t, *t.conjuncts]:
            for a in resolver.actors_at(x):
                if a.code and all(a.code != b.code for b in out):
                    out.append(a)
    return out


def _pobjs(n: Token, preps: frozenset[str]) -> list[Token]:
    return [o for c in n.children if c.dep_ == "prep" and c.lower_ in preps
            for o in children_with(c, {"pobj"})]


# -- reproach told by a noun ----------------------------------------------------------------
def _voices(n: Token, resolver: ActorResolver) -> list[Actor]:
    w = words()
    got = _actors([c for c in n.children if c.dep_ == "poss"], resolver) \
        or _actors(_pobjs(n, VOICE_PREPS), resolver) \
        or _actors([c for c in n.children if c.dep_ in {"amod", "compound", "nmod"}
                    and c.ent_type_ in NATIONAL_ENTS], resolver)
    if got:
        return got
    if n.dep_ == "pobj" and n.head.lower_ in {"in", "with"} \
            and n.head.head.pos_ in {"VERB", "AUX"}:  # "in a rebuke to Beijing, X summoned"
        return [a for a in subject_of(n.head.head, resolver) if a.code]
    if n.dep_ in OBJ and lemma_of(n.head) in w.drawing_verbs:  # "drew condemnation from X"
        return _actors(_pobjs(n.head, VOICE_PREPS), resolver)
    if n.dep_ in OBJ and lemma_of(n.head) in w.voicing_verbs:
        return [a for a in subject_of(n.head, resolver) if a.code]
    return []


def _aims(n: Token, resolver: ActorResolver) -> list[Actor]:
    w = words()
    for o in _pobjs(n, AIM_PREPS):
        got = ([] if o.pos_ == "PROPN" else doers(o, resolver)) or _actors([o], resolver)
        if got:
            return got
    if n.dep_ in OBJ and lemma_of(n.head) in w.drawing_verbs:
        for s in children_with(n.head, SUBJ):
            got = ([] if s.pos_ == "PROPN" else doers(s, resolver)) or _actors([s], resolver)
            if got:
                return got
    return []


def _clause(t: Token) -> Token:
    c = t
    while c.pos_ not in {"VERB", "AUX"} and c.head is not c:
        c = c.head
    return c


def _governed_by(n: Token, found: list[Found]) -> list[int]:
    """Indices of the 11 events whose verb already tells this noun ("voiced criticism")."""
    up: set[int] = set()
    t = n
    for _ in range(3):
        if t.head is t:
            break
        t = t.head
        up.add(t.i)
    return [i for i, f in enumerate(found) if f.code[:2] == "11" and f.trigger.i in up]


def _reproaches(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    from .extract import Found  # the record type; extract imports this module

    w = words()
    out = list(found)
    for n in doc:
        code = w.reproach_nouns.get(lemma_of(n))
        if code is None or n.pos_ != "NOUN" or unreal(n) \
                or any(c.lower_ in NO_WORDS for c in n.children):
            continue
        clause = _clause(n)
        m = modality_of(clause)
        if m.negated or m.hypothetical or m.future:
            continue
        targets = [a for a in _aims(n, resolver) if _placed(a)]
        told = _governed_by(n, out)
        if told:  # the verb's event is this reproach: give it the target it lacks
            for i in told:
                if out[i].target is None and targets:
                    out[i] = replace(out[i], target=targets[0], targets=tuple(targets))
            continue
        sources = [a for a in _voices(n, resolver) if _placed(a)]
        for s in sources:
            for tg in targets:
                if tg.code == s.code or (tg.country and tg.country == s.code):
                    continue
                if any(f.code[:2] == "11" and f.source is not None and f.target is not None
                       and f.source.code == s.code and f.target.code == tg.code for f in out):
                    continue
                out.append(Found(_pattern("noun", code), code, n, s, tg, tuple(sources),
                                 tuple(targets), False, "asserted",
                                 " ".join(x.text for x in clause.subtree)))
    return out


# -- targets the verbs leave out ------------------------------------------------------------
def _other(actors: list[Actor], source: Actor) -> list[Actor]:
    return [a for a in actors if a.code and a.code != source.code
            and not (source.country and a.code == source.country)]


def _object_doers(f: Found, resolver: ActorResolver) -> list[Actor]:
    s = f.source
    if s is None:
        return []
    for o in children_with(f.trigger, OBJ):
        if o.pos_ == "PROPN":
            continue
        got = _other(doers(o, resolver), s)
        if got:
            return got
    return []


def _relation_partner(f: Found, resolver: ActorResolver) -> list[Actor]:
    """'recalled its ambassador to France': the state named on the object."""
    s = f.source
    if s is None or not s.country:
        return []
    for o in children_with(f.trigger, OBJ):
        for prep in o.children:
            if prep.dep_ != "prep" or prep.lower_ not in words().relation_preps:
                continue
            country = resolver.country_named_on(o, {prep.lower_})
            for p in children_with(prep, {"pobj"}):
                if country and country != s.country:
                    return [Actor(country, p.text, p.idx, p.idx + len(p.text), country, None,
                                  "country", via="implied", head_i=p.i)]
    return []


def _filled(found: list[Found], resolver: ActorResolver) -> list[Found]:
    out: list[Found] = []
    for f in found:
        got: list[Actor] = []
        if f.trigger.pos_ in {"VERB", "AUX"} and f.source is not None:
            root = f.code[:2]
            if root in FILLED_ROOTS and f.target is not None and f.target.code \
                    and f.target.code == f.source.code:  # "X demands that they be removed"
                f = replace(f, target=None, targets=())
            if root in FILLED_ROOTS and (f.target is None or f.target.code is None):
                got = _object_doers(f, resolver)
            elif root == "16" and (f.target is None or f.target.code is None or (
                    f.target.country is not None and f.target.country == f.source.country)):
                got = _relation_partner(f, resolver)
        if not got:
            out.append(f)
            continue
        out.extend(replace(f, target=tg, targets=tuple(got)) for tg in got)
    return out


def verbal_conflict(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    """`found` with the reproaches told by nouns added and the missing targets of verbs of
    demand, disapproval, rejection and reduced relations filled (see the module's doc)."""
    return _reproaches(doc, resolver, _filled(found, resolver))
