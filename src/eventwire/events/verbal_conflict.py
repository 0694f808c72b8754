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
  `doers`); a demand else the active subject of its clause ("demanded that Japan stop").
- "Jordan holds Israel fully responsible for ...": the present tense is parsed as a clause
  under "hold" that the verb pattern does not see; its subject is the one blamed (112), as
  is the subject of the clause of "charged that ..." ("Moscow charged that Washington was
  meddling").
- "We are appalled by the Taliban's decision to bar women", "the United States is deeply
  concerned about Russia's detention of ...": a speaker's state about another actor's act is
  criticism (111; about a situation it stays 012).
- "Azerbaijan and Armenia accuse each other of ...": each doer's act is aimed at the others.
- A reduction of relations aimed at the doer's own people ("recalled its ambassador to
  France") takes the state the object's preposition names.

compute only: `verbal_conflict(doc, resolver, found)` is called by `extract` last. Words are
data (data/verbal_conflict.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..actors.resolve import Actor, ActorResolver
from ..data import package_yaml
from ..errors import DictionaryError
from .arguments import subject_of
from .clauses import OBJ, SUBJ, SUBJ_PASS, children_with, lemma_of
from .disapproval import doers
from .disapproval import words as judging_words
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
    holding_verbs: frozenset[str]
    holding_words: frozenset[str]
    alleging_verbs: frozenset[str]
    disapproving_states: frozenset[str]
    state_preps: frozenset[str]
    judged_acts: frozenset[str]
    disapproving_nouns: frozenset[str]
    step_nouns: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of data/verbal_conflict.yaml, validated."""
    name = "verbal_conflict.yaml"
    raw = package_yaml(name)
    problems: list[tuple[int, str]] = []
    nouns = {str(w).lower(): str(c) for w, c in (raw.get("reproach_nouns") or {}).items()}
    for w, c in nouns.items():
        if not c.startswith("11"):
            problems.append((0, f"reproach_nouns: {w!r} has code {c!r}, not an 11 code"))
    lists = {k: frozenset(str(w).lower() for w in raw.get(k) or [])
             for k in ("drawing_verbs", "voicing_verbs", "relation_preps", "holding_verbs",
                       "holding_words", "alleging_verbs", "disapproving_states", "state_preps",
                       "judged_acts", "disapproving_nouns", "step_nouns")}
    for k, v in [("reproach_nouns", nouns), *lists.items()]:
        if not v:
            problems.append((0, f"{k}: missing or empty"))
    if problems:
        raise DictionaryError(name, problems)
    return Words(nouns, **lists)


def trigger_lemmas() -> frozenset[str]:
    """The words that are triggers alone (for the prefilter)."""
    w = words()
    return frozenset(w.reproach_nouns) | w.disapproving_states


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


def _clause_subject(f: Found, resolver: ActorResolver) -> list[Actor]:
    """'demanded that Japan stop releasing ...': the active subject of the demand's clause
    (not a passive one: "demanding that he be reinstated" asks it of someone else)."""
    s = f.source
    if s is None:
        return []
    for x in children_with(f.trigger, {"ccomp"}):
        for subj in children_with(x, {"nsubj"}):
            got = [a for a in _other(resolver.actors_at(subj), s) if _placed(a)]
            named = [a for a in got if a.head_i == subj.i]  # the subject's own head word
            if got:
                return (named or got)[:1]
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


def _reciprocal(v: Token) -> bool:
    """'accuse each other', 'blamed one another': the doers act on each other."""
    objs = children_with(v, OBJ) + [o for c in children_with(v, {"prep"})
                                    for o in children_with(c, {"pobj"})]
    return any((o.lower_ == "other" and any(c.lower_ == "each" for c in o.children))
               or (o.lower_ == "one" and any(c.lower_ == "another" for c in o.children))
               for o in objs)


def _filled(found: list[Found], resolver: ActorResolver) -> list[Found]:
    out: list[Found] = []
    for f in found:
        got: list[Actor] = []
        if f.source is not None and (f.target is None or f.target.code is None) \
                and len(f.sources) > 1 and _reciprocal(f.trigger):
            got = _other(list(f.sources), f.source)  # "Azerbaijan and Armenia accuse each other"
        elif f.trigger.pos_ in {"VERB", "AUX"} and (source := f.source) is not None:
            root = f.code[:2]
            if root == "10" and f.target is not None and f.target.via == "pronoun" \
                    and f.target.code == source.code:  # "X demands that they be removed"
                f = replace(f, target=None, targets=())
            if root in FILLED_ROOTS and (f.target is None or f.target.code is None):
                got = _object_doers(f, resolver) or (
                    _clause_subject(f, resolver) if root == "10" else [])
            elif root == "16" and (f.target is None or f.target.code is None or (
                    f.target.country is not None and f.target.country == source.country)):
                got = _relation_partner(f, resolver)
        if not got and _own_side(f):  # "expelled its defence attache": not itself
            f = replace(f, target=None, targets=())
        if not got:
            out.append(f)
            continue
        out.extend(replace(f, target=tg, targets=tuple(got)) for tg in got)
    return out


def _own_side(f: Found) -> bool:
    """A reduction of relations coded against the doer's own country."""
    s, t = f.source, f.target
    return f.code[:2] == "16" and s is not None and t is not None and bool(s.country) \
        and t.country == s.country and f.trigger.pos_ in {"VERB", "AUX"}


# -- "X holds Y responsible", "X charged that Y ..." ---------------------------------
def _held_responsible(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    from .extract import Found  # the record type; extract imports this module

    w = words()
    out = list(found)
    for v in doc:
        if v.pos_ != "VERB" or lemma_of(v) not in w.holding_verbs | w.alleging_verbs \
                or any(f.trigger.i == v.i and f.code[:2] == "11" for f in found):
            continue
        for x in children_with(v, {"ccomp", "xcomp"}):
            if lemma_of(x) not in w.holding_words and not (
                    lemma_of(v) in w.alleging_verbs and x.dep_ == "ccomp"):
                continue
            m = modality_of(v)
            if m.negated or m.hypothetical or m.future:
                continue
            sources = [a for a in subject_of(v, resolver) if a.code]
            targets = [a for a in _actors(children_with(x, SUBJ), resolver) if _placed(a)]
            kind = "alleged" if lemma_of(v) in w.alleging_verbs else "held-responsible"
            for s in sources:
                for tg in _other(targets, s):
                    out.append(Found(_pattern(kind, "112"), "112", v, s, tg,
                                     tuple(sources), tuple(targets), False, "asserted",
                                     " ".join(t.text for t in v.subtree)))
    return out


# -- "We are appalled by X's decision" ------------------------------------------------------
def _judged_doers(n: Token, resolver: ActorResolver, found: list[Found]) -> list[Actor]:
    """The doer of the act noun `n` names: an event already coded on it, else its owner."""
    told = [f.source for f in found if f.trigger.i == n.i and f.source is not None
            and f.source.code]
    if told:
        return told[:1]
    jw = judging_words()
    if lemma_of(n) in words().judged_acts | jw.act_nouns | jw.wrong_nouns.keys():
        return doers(n, resolver)
    return []


def _about(t: Token) -> list[Token]:
    """What a state or its noun is about: "appalled by [the decision]", "concern over [X]"."""
    return [o for c in t.children if c.dep_ in {"prep", "agent"}
            and c.lower_ in words().state_preps for o in children_with(c, {"pobj"})]


def _voiced_states(found: list[Found], resolver: ActorResolver) -> list[Found]:
    """'raised concerns about the PRC's coercive actions': a pessimistic comment (012) about
    another actor's act is criticism of its doer (111)."""
    w = words()
    out: list[Found] = []
    for f in found:
        if f.code != "012" or f.source is None or f.trigger.pos_ != "VERB":
            out.append(f)
            continue
        nouns = [o for o in children_with(f.trigger, OBJ) if lemma_of(o) in w.disapproving_nouns]
        targets = [a for n in nouns for o in _about(n) for x in [o, *o.conjuncts]
                   for a in _judged_doers(x, resolver, found) if _placed(a)]
        targets = _other(targets, f.source)
        if not targets:
            out.append(f)
            continue
        pat = replace(f.pattern, id=f"{f.pattern.id}+act")
        out.extend(replace(f, pattern=pat, code="111", target=tg, targets=tuple(targets))
                   for tg in targets[:1])
    return out


def _states(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    from .extract import Found  # the record type; extract imports this module

    w = words()
    out = _voiced_states(found, resolver)
    for t in doc:
        if t.lower_ not in w.disapproving_states:
            continue
        if t.pos_ == "VERB":
            subj = children_with(t, SUBJ | SUBJ_PASS)
        elif t.pos_ == "ADJ" and t.dep_ == "acomp":
            subj = children_with(t.head, SUBJ)
        else:
            continue
        m = modality_of(t if t.pos_ == "VERB" else t.head)
        if not subj or m.negated or m.hypothetical or m.future:
            continue
        sources = [a for a in resolver.actors_at(subj[0]) if a.code]
        acts = _about(t)
        targets = [a for o in acts for x in [o, *o.conjuncts]
                   for a in _judged_doers(x, resolver, found) if _placed(a)]
        for s in sources:
            for tg in _other(targets, s):
                same = [i for i, f in enumerate(out) if f.trigger.i == t.i and (
                    f.target is None or f.target.code == tg.code)]
                if any(out[i].code[:2] == "11" for i in same):
                    continue
                for i in same:  # "concerned about Russia's detention of ...": not 012
                    pat = replace(out[i].pattern, id=f"{out[i].pattern.id}+act")
                    out[i] = replace(out[i], pattern=pat, code="111", target=tg)
                if not same:
                    out.append(Found(_pattern("state", "111"), "111", t, s, tg, tuple(sources),
                                     tuple(targets), False, "asserted",
                                     " ".join(x.text for x in t.head.subtree)))
    return out


def verbal_conflict(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    """`found` with the reproaches told by nouns and by "holds X responsible" added, and the
    missing targets of verbs of demand, disapproval, rejection and reduced relations filled
    (see the module's doc)."""
    found = _held_responsible(doc, resolver, _filled(found, resolver))
    return _states(doc, resolver, _reproaches(doc, resolver, found))
