"""Where a mention stands in the parse, for the resolver: in the doer's position, a slipped
subject, a downed platform, an envoy's posting; and which role word of a phrase wins."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from spacy.tokens import Token

from .dictionary import SectorTerm

# Offices named after the country they are posted to: "Ambassador to Kenya", "Envoy for Libya"
POSTING_TITLES = frozenset({"envoy", "ambassador", "representative", "emissary", "coordinator"})


def posting(t: Token) -> bool:
    """A country after an envoy's "for" or "to": where the official is sent, not whose."""
    i = t.i
    while i > 0 and t.doc[i - 1].dep_ == "compound" and t.doc[i - 1].pos_ == "PROPN" \
            and t.doc[i - 1].lower_ not in {"for", "to"}:
        i -= 1  # "Envoy for South Sudan X": from the start of the country name
    if i < 2 or t.doc[i - 1].lower_ not in {"for", "to"}:
        return False
    return any(x.lemma_.lower() in POSTING_TITLES for x in t.doc[max(0, i - 4): i - 1])


def agent_position(t: Token) -> bool:
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in {"nsubj", "csubj"} or slipped_subject(t):
        return True
    return t.dep_ == "pobj" and (t.head.dep_ == "agent" or t.head.lower_ == "by")


def slipped_subject(t: Token) -> bool:
    """A parse slip: "A Myanmar Air Force warplane bombs a school" parsed as the compound
    "warplane bombs" of a verb with no subject; the compound is the subject."""
    v = t.head
    return t.dep_ == "compound" and v.pos_ == "VERB" and t.i == v.i - 1 \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in v.children)


# Verbs of downing a platform in flight or in the field: the downed drone stands for the
# forces that flew it ("shot down four Russian drones" is done to Russia's armed forces).
DOWNING_VERBS = frozenset({"down", "intercept", "destroy"})


def downed(t: Token) -> bool:
    """`t` is what a downing verb downs: "shot down a drone", "helicopters were shot
    down", "intercepted the drone"."""
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    v = t.head
    if t.dep_ not in {"dobj", "obj", "nsubjpass"} or v.pos_ not in {"VERB", "AUX"}:
        return False
    shot_down = v.lemma_.lower() == "shoot" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in v.children)
    return shot_down or v.lemma_.lower() in DOWNING_VERBS


@cache
def force_words(kind: str) -> frozenset[str]:
    """One word class of data/force_words.tsv (see its header)."""
    text = resources.files("eventwire.data").joinpath("force_words.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(entry for k, entry in rows[1:] if k == kind)


def struck(t: Token) -> bool:
    """`t` is what a verb of attacking hits: "attacked a US warship", "a patrol boat was
    sunk" (data/force_words.tsv strike_verb)."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    v = t.head
    return t.dep_ in {"dobj", "obj", "nsubjpass"} and v.pos_ in {"VERB", "AUX"} \
        and v.lemma_.lower() in force_words("strike_verb")


def closer(t: Token, other: Token | None, head: Token) -> bool:
    return other is None or abs(t.i - head.i) < abs(other.i - head.i)


def choose_sector(terms: Iterable[tuple[Token, SectorTerm]], head: Token
                   ) -> tuple[str | None, str | None]:
    """The head's own role word wins ("national security advisor"); else the first
    specific title ("Defense Minister Brigadier General X" -> GOV)."""
    terms = list(terms)
    if not terms:
        return None, None
    own = [s for t, s in terms if t.i == head.i and not s.generic]
    if own:
        return own[0].code, own[0].secondary
    specific = [(t, s) for t, s in terms if not s.generic]
    pool = specific or terms
    _tok, best = pool[0]
    return best.code, best.secondary
