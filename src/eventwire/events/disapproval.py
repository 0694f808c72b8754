"""The issuer's own criticism with no verb of saying (CAMEO 11): a statement judges another
actor's act by what it calls it, not by "condemned" or "criticized".

- a copula with a negative predicate: "Belarus's arrest of the journalist is a direct affront
  to international norms", "the group consists of terrorists and criminals";
- a verb that holds the act against a norm: "the decision by the ruling party goes against
  the promise", "the regime's actions undermine stability";
- a wrong named as such: "the regime's brutal crackdown", "fraudulent elections orchestrated
  by their regime", "Russia's ongoing aggression" (a noun of a wrong, or a neutral act with a
  negative modifier), and its doing: "Eritrean forces are committing human rights abuses".

compute only; `disapprovals(doc, resolver, found)` is called by `extract` after the pattern
events. The voice is the statement's issuer, or the speaker of the clause of saying the
judgement is reported in ("the minister said the strikes were a violation"); news with no
issuer and no speaker judges nothing. The target is the act's doer (possessor, "by" or
"from" actor, nationality, the subject of the doing verb) or the actor judged, and must be a
coded actor other than the speaker. The code is 111, or the accusation the wrong makes (1121
crime or corruption, 1122 human rights abuses, 1123 aggression, 1124 war crimes). One event
per act: none where the sentence already has an 11 event against the same actor or one whose
trigger governs the judged words. Words are data (data/disapproval.yaml); the negative words
are those of data/evaluative_words.tsv.
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
from .clauses import SUBJ, children_with, lemma_of
from .labels_rule import NEGATIVE, evaluative_words, polarity
from .modality import modality_of
from .nominal.factual import unreal
from .patterns import Pattern

if TYPE_CHECKING:
    from .extract import Found

CRITICIZE = "111"
# Modifiers read for a noun's polarity: "a direct affront", "fraudulent national elections".
MODIFIERS = frozenset({"amod", "compound", "nmod", "advmod"})
# Predicates of a copula: "is an affront", "are reckless", "consists of terrorists".
PREDICATES = frozenset({"attr", "acomp", "oprd"})
# Owners of an act: "Russia's aggression", "the decision by X", "violence from the regime".
OWNER_PREPS = frozenset({"by", "from"})
THING_WORDS = frozenset({"it", "this", "that", "these", "those", "what", "which", "itself"})
NO_WORDS = frozenset({"no", "not", "never", "n't"})
# Verbal acts that already voice the judgement they govern: "expressed concern over China's
# aggressive actions" (012), "rejected Russia's sham referendums" (12).
SAID_ROOTS = frozenset({"01", "02", "12", "13"})


@dataclass(frozen=True, slots=True)
class Words:
    wrong_nouns: dict[str, str]
    wrong_modifiers: dict[str, str]
    act_nouns: frozenset[str]
    against_verbs: frozenset[str]
    copulas: frozenset[str]
    doing_verbs: frozenset[str]
    saying_verbs: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of data/disapproval.yaml, validated."""
    name = "disapproval.yaml"
    raw = package_yaml(name)
    problems: list[tuple[int, str]] = []
    maps = {k: {str(w).lower(): str(c) for w, c in (raw.get(k) or {}).items()}
            for k in ("wrong_nouns", "wrong_modifiers")}
    for k, m in maps.items():
        for w, c in m.items():
            if not c.startswith("11"):
                problems.append((0, f"{k}: {w!r} has code {c!r}, not an 11 code"))
    lists = {k: frozenset(str(w).lower() for w in raw.get(k) or [])
             for k in ("act_nouns", "against_verbs", "copulas", "doing_verbs", "saying_verbs")}
    for k, v in lists.items():
        if not v:
            problems.append((0, f"{k}: missing or empty"))
    if problems:
        raise DictionaryError(name, problems)
    return Words(maps["wrong_nouns"], maps["wrong_modifiers"], **lists)


def trigger_lemmas() -> frozenset[str]:
    """The words one of which a judgement needs (for the prefilter): a wrong noun, a verb
    holding an act against a norm, or a negative evaluative word."""
    w = words()
    return frozenset({*w.wrong_nouns, *(v.split()[0] for v in w.against_verbs),
                      *(k for k, v in evaluative_words().items() if v == "neg")})


def pattern(kind: str, code: str) -> Pattern:
    return Pattern(id=f"disapproval.{kind}", code=code, verbs=frozenset(), nouns=frozenset(),
                   objects=frozenset(), preps=frozenset(), particle=None,
                   complement=frozenset(), target=(), symmetric=False, origin="disapproval")


@dataclass(frozen=True, slots=True)
class Judged:
    kind: str          # copula | against | wrong
    code: str
    trigger: Token     # the judging word: the predicate, the verb, the wrong noun
    clause: Token      # the verb whose clause carries the judgement
    targets: list[Actor]


# -- the judged act and its doer --------------------------------------------------------
def _modifiers(n: Token) -> list[Token]:
    return [n, *(c for c in n.children if c.dep_ in MODIFIERS)]


def wrong_code(n: Token) -> str | None:
    """The code of a noun naming a wrong: a wrong noun ("aggression", "human rights abuses"),
    or a neutral act with a negative modifier ("fraudulent elections"); None otherwise or
    when negated ("no violation")."""
    w = words()
    lemma = lemma_of(n)
    if any(c.lower_ in NO_WORDS for c in n.children):
        return None
    if lemma in w.wrong_nouns:
        for c in n.children:
            if c.dep_ in {"compound", "amod", "nmod"} and lemma_of(c) in w.wrong_modifiers:
                return w.wrong_modifiers[lemma_of(c)]
        return w.wrong_nouns[lemma]
    if lemma in w.act_nouns and polarity(
            [c for c in n.children if c.dep_ in {"amod", "advmod"}]) == NEGATIVE:
        return CRITICIZE
    return None


def _coded(tokens: list[Token], resolver: ActorResolver) -> list[Actor]:
    for t in tokens:
        if t.lower_ in THING_WORDS:
            continue
        if got := [a for a in resolver.actors_at(t) if a.code and a.via != "issuer"]:
            return got
    return []


def doers(n: Token, resolver: ActorResolver) -> list[Actor]:
    """The doer of the act named by noun `n`: its possessor ("Russia's aggression"), its
    "by" or "from" actor ("violence from the military regime"), the agent of a participle on
    it ("elections orchestrated by their regime"), its nationality ("Russian aggression");
    through a grouping noun ("a wave of repression by the regime"); else the subject of
    the verb doing it ("forces are committing abuses", "responded with violence")."""
    head = n
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN" \
            and lemma_of(head.head.head) in GROUPING:
        head = head.head.head
    for h in (head, n):
        got = _coded([c for c in h.children if c.dep_ == "poss"], resolver) \
            or _coded([o for c in h.children if c.dep_ == "prep" and c.lower_ in OWNER_PREPS
                       for o in children_with(c, {"pobj"})], resolver) \
            or _coded([o for c in h.children if c.dep_ == "acl"
                       for a in children_with(c, {"agent"})
                       for o in children_with(a, {"pobj"})], resolver) \
            or _coded([c for c in h.children if c.dep_ in {"amod", "compound", "nmod"}
                       and c.ent_type_ in {"NORP", "GPE", "ORG"}], resolver)
        if got:
            return got
    verb = _doing_verb(head)
    if verb is not None:
        return [a for a in subject_of(verb, resolver) if a.code and a.via != "issuer"]
    return []


GROUPING = frozenset({"wave", "campaign", "series", "spate", "string", "pattern", "act",
                      "use", "surge", "cycle", "escalation"})


def _doing_verb(n: Token) -> Token | None:
    """'committing abuses', 'engaged in repression': the verb whose subject does act `n`."""
    w = words()
    if n.dep_ in {"dobj", "obj"} and lemma_of(n.head) in w.doing_verbs:
        return n.head
    if n.dep_ == "pobj" and n.head.dep_ == "prep" \
            and f"{lemma_of(n.head.head)} {n.head.lower_}" in w.doing_verbs:
        return n.head.head
    return None


def _judged_actors(s: Token, resolver: ActorResolver) -> list[Actor]:
    """The subject of a judgement: an actor's act ("Belarus's arrest of ..."), any of the
    conjoined acts, or the actor itself ("the group consists of ..."); not an actor's other
    things ("Iran's economy is weak")."""
    w = words()
    for c in [s, *s.conjuncts]:
        acts = w.act_nouns | w.wrong_nouns.keys() | GROUPING
        if lemma_of(c) in acts and (got := doers(c, resolver)):
            return got
    if s.lower_ in THING_WORDS:
        return []
    return [a for a in resolver.actors_at(s) if a.code and a.via != "issuer"]


def _predicate_words(v: Token) -> list[Token]:
    preds = children_with(v, set(PREDICATES))
    if lemma_of(v) in {"consist", "amount"}:  # "consists of terrorists", "amounts to a crime"
        preds += [o for c in children_with(v, {"prep"}) if c.lower_ in {"of", "to"}
                  for o in children_with(c, {"pobj"})]
    out: list[Token] = []
    for p in preds:
        for q in [p, *(c for c in p.children if c.dep_ == "conj")]:
            out += _modifiers(q)
            out += [o for c in q.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in children_with(c, {"pobj"})]  # "an act of state terrorism"
    return out


def judgements(doc: Doc, resolver: ActorResolver) -> list[Judged]:
    """The judgements of another actor's act in a sentence (see the module docstring)."""
    w = words()
    out: list[Judged] = []
    claimed: set[int] = set()
    for t in doc:
        lemma = lemma_of(t)
        if t.pos_ in {"VERB", "AUX"} and lemma in w.copulas:
            subj = children_with(t, SUBJ)
            preds = _predicate_words(t)
            if subj and preds and polarity(preds) == NEGATIVE \
                    and (targets := _judged_actors(subj[0], resolver)):
                code = next((c for p in preds if (c := wrong_code(p))), CRITICIZE)
                out.append(Judged("copula", code, preds[0], t, targets))
                claimed |= {x.i for x in t.subtree}
        elif t.pos_ == "VERB" and (lemma in w.against_verbs or any(
                f"{lemma} {c.lower_}" in w.against_verbs
                for c in t.children if c.dep_ in {"prep", "prt", "advmod"})):
            subj = children_with(t, SUBJ)
            if subj and subj[0].pos_ in {"NOUN", "PROPN"} \
                    and (targets := _judged_actors(subj[0], resolver)):
                out.append(Judged("against", CRITICIZE, t, t, targets))
                claimed |= {x.i for x in subj[0].subtree}
    for t in doc:
        if t.pos_ != "NOUN" or t.i in claimed or unreal(t):
            continue
        wrong = wrong_code(t)
        if wrong is None:
            continue
        targets = doers(t, resolver)
        if targets:
            clause = t
            while clause.pos_ not in {"VERB", "AUX"} and clause.head is not clause:
                clause = clause.head
            out.append(Judged("wrong", wrong, t, clause, targets))
            claimed |= {x.i for x in t.subtree}
    return out


# -- the voice --------------------------------------------------------------------------
def speakers(clause: Token, resolver: ActorResolver) -> list[Actor]:
    """Who voices a judgement made in `clause`: the subject of a verb of saying it is
    reported under ("the Secretary noted that ..."), else the statement's issuer; none in
    news with no speaker."""
    w = words()
    t = clause
    for _ in range(6):
        if lemma_of(t) in w.saying_verbs and t is not clause:
            return [a for a in subject_of(t, resolver) if a.code]
        if t.head is t:
            break
        t = t.head
    issuer = resolver.ctx.issuer
    if issuer is None:
        return []
    return [replace(issuer, start_char=clause.idx, end_char=clause.idx + len(clause.text),
                    head_i=clause.i, via="issuer")]


def _reported_act(j: Judged, sources: list[Actor], resolver: ActorResolver) -> bool:
    """'X staged a hunger strike in protest against the violations by Y, his lawyer said':
    a wrong named inside another actor's reported act is that actor's grievance, not the
    speaker's judgement. Only for a quoted speaker; a release speaks for itself."""
    if all(s.via == "issuer" for s in sources):
        return False
    doers = {a.code for a in j.targets}
    return any(a.code and a.code not in doers for a in subject_of(j.clause, resolver))


def _said_in(t: Token, trigger: Token) -> bool:
    """Is `trigger` inside the words governed by `t`?"""
    return any(x.i == trigger.i for x in t.subtree)


def disapprovals(doc: Doc, resolver: ActorResolver, found: list[Found]) -> list[Found]:
    """`found` with the issuer's (or speaker's) criticisms in `doc` added: a judgement
    already coded by a verb of criticism ("condemned the regime's crackdown") gives no second
    event, but names the target that verb's event lacks; one governed by another verbal act
    ("expressed concern over ...", "rejected ...") gives none."""
    from .extract import Found  # the record type; extract imports this module

    out = list(found)
    for j in judgements(doc, resolver):
        m = modality_of(j.clause)
        if m.negated or m.hypothetical or m.future or m.governing is not None:
            continue
        sources = speakers(j.clause, resolver)
        if not sources or (j.kind == "wrong" and _reported_act(j, sources, resolver)):
            continue
        for tg in j.targets:
            if any(tg.code == s.code or (tg.country and tg.code == s.country)
                   for s in sources):
                continue
            coded = [i for i, f in enumerate(out) if f.code[:2] == "11" and (
                (f.target is not None and f.target.code == tg.code)
                or _said_in(f.trigger, j.trigger))]
            if coded or any(f.code[:2] in SAID_ROOTS and _said_in(f.trigger, j.trigger)
                            for f in out):
                for i in coded:
                    f = out[i]
                    if f.target is None or (f.target.country is None and tg.country
                                            and f.source is not None
                                            and f.source.code != tg.code):
                        out[i] = replace(f, target=tg, targets=(*f.targets, tg))
                continue
            for s in sources:
                out.append(Found(pattern(j.kind, j.code), j.code, j.trigger, s, tg,
                                 tuple(sources), tuple(j.targets), False, "asserted",
                                 " ".join(x.text for x in j.clause.subtree)))
    return out
