"""Where the doer and target of an act named by a noun are written.

The parser often hangs a noun's "by" and "on" phrases on the verb above it ("condemned [the
assault] [on Goma] [by the M23]") or on a noun that groups the acts ("a wave of repression
[by the regime] [against protesters]"); and a verb of answering has the noun's doer as its
subject ("the government responded with a wave of repression"). compute only.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..clauses import lemma_of
from .factual import context_words

# Prepositions of a verb, after its object, that belong to the object noun when the verb is
# active: "condemned the assault on Goma by the M23"
MOVED_PREPS = frozenset({"by", "on", "against"})


def _grouping_head(n: Token) -> Token | None:
    """'a wave of [repression]', 'a series of [attacks]': the grouping noun."""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ == "NOUN" \
            and lemma_of(n.head.head) in context_words().grouping_nouns:
        return n.head.head
    return None


def phrase_heads(n: Token) -> list[Token]:
    """The tokens whose children hold the noun's own arguments: the noun, the noun that
    groups it; the governing verb's preps after it are returned by `moved_preps`."""
    g = _grouping_head(n)
    return [n] if g is None else [n, g]


def moved_preps(n: Token) -> list[Token]:
    """The active verb's 'by'/'on'/'against' phrases after its object noun `n`."""
    top = _grouping_head(n) or n
    v = top.head
    if top.dep_ not in {"dobj", "obj"} or v.pos_ not in {"VERB", "AUX"}:
        return []
    if any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in v.children):
        return []
    return [c for c in v.children if c.dep_ == "prep" and c.lower_ in MOVED_PREPS
            and c.i > top.i]


def answering_verb(n: Token) -> Token | None:
    """'the government responded with [a wave of] repression': the verb whose subject
    did the act."""
    top = _grouping_head(n) or n
    prep = top.head
    if top.dep_ != "pobj" or prep.lower_ != "with":
        return None
    v = prep.head
    if v.pos_ == "VERB" and lemma_of(v) in context_words().responding_verbs:
        return v
    return None
