"""Whether the text says that an act named by a noun happened.

"Secretary Blinken reiterated support following the assassination of President Moïse",
"the Al-Shabaab attack left 20 dead", "strikes in response to the attacks on U.S. forces":
the act is told as a fact. "to prevent attacks", "the threat of an invasion", "would be an
invasion", "any attack on Taiwan", "alleged war crimes": it is not. The word classes are
data (data/nominal_context.yaml); compute only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ...data import package_yaml
from ..clauses import lemma_of
from ..modality import modality_of

DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# how an act noun hangs on the words above it
CHAIN_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "conj", "appos", "attr", "pcomp",
                        "nsubj", "nsubjpass", "compound"})
MAX_STEPS = 6


@dataclass(frozen=True, slots=True)
class Context:
    unreal_modifiers: frozenset[str]
    unreal_verbs: frozenset[str]
    unreal_nouns: frozenset[str]
    presupposing_preps: frozenset[str]
    presupposing_nouns: frozenset[str]
    grouping_nouns: frozenset[str]
    responding_verbs: frozenset[str]
    sequence_preps: frozenset[str]
    toll_verbs: frozenset[str]
    abstract_objects: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> Context:
    raw = package_yaml("nominal_context.yaml")
    return Context(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.items()})


def _unreal_modifier(n: Token, words: Context) -> bool:
    return any(c.dep_ in {"det", "amod", "advmod", "neg", "compound"}
               and c.lower_ in words.unreal_modifiers for c in n.children)


def _figurative(n: Token, words: Context) -> bool:
    """'attacks on human rights', 'an assault on democracy': no act of force."""
    return any(c.dep_ == "prep" and c.lower_ in {"on", "against", "upon"}
               and any(o.dep_ == "pobj" and lemma_of(o) in words.abstract_objects
                       for o in c.children) for c in n.children)


def _definite(n: Token) -> bool:
    """'the attack', "Russia's invasion", 'Taliban attacks', 'Russian aggression': a
    particular act, not 'an attack' or 'attacks'."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE)
               or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"})
               for c in n.children)


def _presupposed(prep: Token, words: Context) -> bool:
    """The preposition takes the act as a fact: 'after the strikes', 'in response to it'."""
    if prep.lower_ in words.presupposing_preps:
        return True
    return prep.head.pos_ == "NOUN" and lemma_of(prep.head) in words.presupposing_nouns


def unreal(n: Token) -> bool:
    """The noun's act is only possible, feared, prevented or claimed: 'any attack',
    'prevented an attack', 'the threat of an invasion'."""
    words = context_words()
    if _unreal_modifier(n, words) or _figurative(n, words):
        return True
    t, steps = n, 0
    while t.dep_ in CHAIN_DEPS and t.head.i != t.i and steps < MAX_STEPS:
        head, steps = t.head, steps + 1
        if head.pos_ in {"NOUN", "PROPN"} and lemma_of(head) in words.unreal_nouns:
            return True
        if head.pos_ in {"VERB", "AUX"}:
            return lemma_of(head) in words.unreal_verbs or _claimed(head, words)
        t = head
    return False


def _claimed(v: Token, words: Context) -> bool:
    """'an estimate that troops were losing 90 dead a day in air strikes', 'claims that
    the army shelled the town': the content of a claim, not an act the text asserts."""
    return v.dep_ in {"acl", "ccomp"} and v.head.pos_ == "NOUN" \
        and lemma_of(v.head) in words.unreal_nouns \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)


def factual(n: Token) -> bool:
    """The sentence tells the act named by `n` as having happened (or going on)."""
    words = context_words()
    if _unreal_modifier(n, words):
        return False
    t, steps, presupposed = n, 0, False
    while t.dep_ in CHAIN_DEPS and t.head.i != t.i and steps < MAX_STEPS:
        head, steps = t.head, steps + 1
        if head.pos_ == "ADP" and _presupposed(head, words):
            presupposed = True
        if head.pos_ in {"NOUN", "PROPN"} and lemma_of(head) in words.unreal_nouns:
            return False
        if head.pos_ in {"VERB", "AUX"}:
            if lemma_of(head) in words.unreal_verbs:
                return False
            if head.lower_ == "following" and t.dep_ == "dobj":  # "following the attack"
                presupposed = True
            m = modality_of(head)
            if m.negated or m.hypothetical:  # "unless Israel rescinded its annexation"
                return False
            if presupposed or _definite(n):
                return True
            return not (m.future or m.governing)
        t = head
    return presupposed or _definite(n)


def earlier_act(n: Token, verb: Token) -> bool:
    """The noun names an act before the verb's own ('struck in response to the attacks',
    'recaptured the town following heavy bombardment'), not the same act told twice; a toll
    ('killed after an attack') is the act itself."""
    words = context_words()
    if lemma_of(verb) in words.toll_verbs:
        return False
    t, steps = n, 0
    while t.i != verb.i and t.head.i != t.i and steps < MAX_STEPS:
        head, steps = t.head, steps + 1
        if head.pos_ == "ADP" and (head.lower_ in words.sequence_preps or (
                head.head.pos_ == "NOUN" and lemma_of(head.head) in words.presupposing_nouns)):
            return True
        if head.lower_ == "following" and t.dep_ == "dobj":
            return True
        t = head
    return False
