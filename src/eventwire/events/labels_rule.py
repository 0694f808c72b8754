"""Criticism and praise by labelling: "Biden called Trump a clown", "the ministry
characterized the strike as a serious violation", "referred to the riots as acts of
terror", "hailed the deal as historic".

compute only; used by `extract` for the patterns marked `labelled: true`. A negative label of
an actor, or of an actor's act, is CAMEO 111 (criticize or denounce); a positive one is 051
(praise). The target is the actor labelled, or the doer of the act labelled ("called
Trump's action a betrayal" targets Trump). The label's polarity comes from the evaluative
words of data/evaluative_words.tsv; a neutral label ("called it a meeting") gives no event.
A negative label claimed of an actor ("claimed the minister was corrupt") is an accusation
(112).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from ..errors import DictionaryError
from .arguments import ATTACK_NOUNS, subject_of
from .clauses import OBJ, SUBJ_PASS, children_with, is_passive, lemma_of

NEGATIVE, POSITIVE = "111", "051"
# Words that modify a label: "a serious violation", "acts of domestic terror".
MODIFIERS = frozenset({"amod", "compound", "nmod", "acomp", "advmod"})
# Pronouns that stand for a thing, not an actor: "called it a disgrace".
THING_WORDS = frozenset({"it", "this", "that", "these", "those", "what", "which", "itself"})
# Negating determiners on the label: "called him no friend".
NO_WORDS = frozenset({"no", "not", "never"})


@dataclass(frozen=True, slots=True)
class Labelled:
    code: str
    sources: list[Actor]
    targets: list[Actor]


@lru_cache(maxsize=1)
def evaluative_words() -> dict[str, str]:
    """lemma -> "neg" | "pos", from data/evaluative_words.tsv."""
    name = "evaluative_words.tsv"
    text = resources.files("eventwire.data").joinpath(name).read_text("utf-8")
    out: dict[str, str] = {}
    problems: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in {"neg", "pos"}:
            problems.append((n, "expected lemma<TAB>neg|pos"))
            continue
        out[parts[0].strip().lower()] = parts[1]
    if problems:
        raise DictionaryError(name, problems)
    return out


def polarity(words: list[Token]) -> str | None:
    """The code a label's words give: any negative word makes criticism (111), else any
    positive one praise (051); a negated label ("no friend") or a neutral one gives None."""
    table = evaluative_words()
    if any(w.lower_ in NO_WORDS for w in words):
        return None
    found = {table.get(lemma_of(w)) or table.get(w.lower_) for w in words}
    if "neg" in found:
        return NEGATIVE
    if "pos" in found:
        return POSITIVE
    return None


def _label_words(heads: list[Token]) -> list[Token]:
    """The label's head words, their conjuncts, their modifiers and the nouns of their "of"
    or "for" phrase ("a declaration of war", "acts of domestic terror", "a haven for
    terrorists")."""
    out: list[Token] = []
    todo = list(heads)
    for _ in range(3):
        nxt: list[Token] = []
        for h in todo:
            if h in out:
                continue
            out.append(h)
            for c in h.children:
                if c.dep_ in MODIFIERS or c.dep_ == "conj" or c.dep_ == "det":
                    nxt.append(c)
                elif c.dep_ == "prep" and c.lower_ in {"of", "for"}:
                    nxt += children_with(c, {"pobj"})
        todo = nxt
    return out


def _parts(v: Token) -> tuple[Token | None, list[Token]]:
    """The thing labelled and the label's heads, from the parse of the labelling verb:
    "called X Y" (object + predicative), "described X as Y", "referred to X as Y", the
    passive "X was branded a traitor", and the slips of the small parser (the labelled
    name as a compound of the label, two objects or two predicatives)."""
    oprd = children_with(v, {"oprd", "attr"})
    objs = children_with(v, SUBJ_PASS if is_passive(v) else OBJ)
    if not objs and lemma_of(v) == "refer":
        objs = [p for prep in children_with(v, {"prep"}) if prep.lower_ == "to"
                for p in children_with(prep, {"pobj"})]
    # "described X as Y": the "as" phrase on the verb, or on the object in a parse slip
    labels = [c for h in [v, *objs[:1]] for prep in children_with(h, {"prep"})
              if prep.lower_ == "as"
              for c in prep.children if c.dep_ in {"pobj", "amod", "acomp", "pcomp"}]
    if not labels and not oprd and objs:  # "called Japan's move a provocation" (npadvmod)
        labels = [c for c in objs[0].children if c.dep_ in {"npadvmod", "appos"}]
    if not labels and len(objs) > 1 and not is_passive(v):  # "branded the group terrorists"
        objs, labels = objs[:1], objs[1:]
    if not labels and len(oprd) > 1 and not objs:  # "called Trump a 'national embarrassment'"
        objs, oprd = oprd[:1], oprd[1:]
    labels += oprd
    if not objs:  # "called Trump a clown": the name parsed as a compound of the label
        objs = [c for lab in labels for c in lab.children
                if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return (objs[0] if objs else None), labels


def _doers(thing: Token, resolver: ActorResolver) -> list[Actor]:
    """The actor labelled, or the doer of the act labelled: its possessor ("Trump's
    action"), its "by" actor, an actor of its "of" phrase when it is no attack (the victim
    of an attack is not the one criticized), its nationality ("the Israeli strike")."""
    if thing.lower_ in THING_WORDS:
        return []
    got = resolver.actors_at(thing)
    if got and any(a.code for a in got):
        return got
    preps = {"by"} if lemma_of(thing) in ATTACK_NOUNS else {"by", "of"}
    for c in thing.children:
        if c.dep_ == "poss" and c.lower_ not in THING_WORDS \
                and (got := [a for a in resolver.actors_at(c) if a.code]):
            return got
    for c in thing.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for o in children_with(c, {"pobj"}):
                if got := [a for a in resolver.actors_at(o) if a.code]:
                    return got
    for c in thing.children:
        if c.dep_ in {"amod", "compound", "nmod"} \
                and (got := [a for a in resolver.actors_at(c) if a.code]):
            return got
    return []


# Verbs of claiming: "claimed (that) the minister was corrupt" alleges a wrong (CAMEO 112).
CLAIMING = frozenset({"claim", "assert", "contend", "allege"})
ACCUSE = "112"


def _claimed(v: Token) -> tuple[Token | None, list[Token]]:
    """'Russia claimed that the government was a fascist regime': the subject of the
    claimed copular clause and its predicate."""
    for c in children_with(v, {"ccomp"}):
        if lemma_of(c) != "be":
            continue
        subj = children_with(c, {"nsubj"})
        preds = children_with(c, {"acomp", "attr"})
        if subj and preds:
            return subj[0], preds
    return None, []


def criticized_doers(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'alleged Iranian involvement', 'denounced Chinese interference': a criticism or
    accusation of an act names its doer by nationality or possessor; the doer is the
    target (as for a label, `_doers`)."""
    for o in children_with(v, OBJ):  # not "shared our concern": a pronoun's own feeling
        if got := [a for a in _doers(o, resolver) if a.via not in {"pronoun", "issuer"}]:
            return got
    return []


def alleged_subjects(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'Qatar alleged that the Egyptian government had hidden the report': the subject of
    the clause alleged is accused. Only verbs of alleging, not of claiming."""
    if lemma_of(v) != "allege":
        return []
    for c in children_with(v, {"ccomp"}):
        for subj in children_with(c, {"nsubj", "nsubjpass"}):
            if got := [a for a in resolver.actors_at(subj) if a.code]:
                return got
    return []


def labelled(v: Token, resolver: ActorResolver) -> Labelled | None:
    """The labelling act of verb `v`: its code by the label's polarity, the labeller as the
    source and the one labelled as the target; None when the label is neutral, or no
    actor is labelled. A verb naming a thing ("a group called Hope") labels nothing."""
    if v.dep_ == "acl" and v.tag_ == "VBN":
        return None
    claim = lemma_of(v) in CLAIMING
    thing, labels = _claimed(v) if claim else _parts(v)
    if thing is None or not labels:
        return None
    named = {t.i for t in thing.subtree} - {t.i for lab in labels for t in lab.subtree}
    words = [w for w in _label_words(labels) if w.i not in named]
    code = polarity(words)
    if code is None or (claim and code != NEGATIVE):
        return None
    code = ACCUSE if claim else code
    targets = _doers(thing, resolver)
    if not targets:
        return None
    return Labelled(code, _labeller(v, resolver), targets)


def _labeller(v: Token, resolver: ActorResolver) -> list[Actor]:
    """The subject of the labelling verb; when it has none that is an actor, the speaker of
    the clauses it is joined to ("Romney said the transfer is ... and described X as ...",
    with "described" parsed as a conjunct of the reported clause)."""
    t = v
    for _ in range(3):
        got = subject_of(t, resolver)
        if got or t.dep_ not in {"conj", "ccomp"} or t.head is t:
            return got
        t = t.head
    return []
