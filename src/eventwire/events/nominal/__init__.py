"""Acts named by nouns, and the statements about them.

"The United States condemns the Russian attack on Kyiv" reports two events: the statement
(111, USA -> RUS) and the attack it names (190, RUS -> UKR), as the CAMEO codebook codes a
reported act with its own actors. A noun of force (the `nouns:` patterns of events.yaml with
a force root) gives an event of its own when it has an actor of its own and

- it is what a statement, appeal, accusation or disapproval is about ("condemned the
  detention of President Bazoum", "expressed concern over Russia's aggression"), or
- it stands alone in the sentence with both its doer and its target named ("Russia's
  invasion of Ukraine continues"), or with its doer as the subject of a verb saying it goes
  on ("Russian shelling continues across the oblast").

A noun that tells the same act as the verb it hangs on ("killed in a Russian drone strike",
"an Israeli airstrike kills ...") is no second event: a verb event without a doer takes the
noun's ("killed in a Russian drone strike" is done by Russia's forces). Other nouns (a visit,
an invitation) keep the old rule: not under a verb that is itself a trigger.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...actors.resolve import Actor
from .factual import earlier_act, factual, unreal

if TYPE_CHECKING:
    from ..extract import Found

FORCE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Verbs whose object can be an act they speak about: statements, appeals,
# demands, disapproval, rejection, accusations, threats.
SPEAKING_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
# How a noun hangs under the verb that governs it: "condemned [the attack]",
# "concern [over [the detention]]", "the attack [and] the killing"
UP_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "conj", "appos", "attr", "pcomp",
                     "nsubj", "nsubjpass"})
MAX_STEPS = 4
# A "strike" is an air or missile strike only with a weapon's word or an armed doer
WEAPON_WORDS = frozenset({"air", "drone", "missile", "rocket", "military", "artillery",
                          "aerial", "cruise", "ballistic", "precision", "naval", "airstrike"})


def _governor(n: Token, verbs: dict[int, set[str]]) -> Token | None:
    t, steps = n, 0
    while t.dep_ in UP_DEPS and t.head is not t and steps < MAX_STEPS:
        t, steps = t.head, steps + 1
        if t.i in verbs:
            return t
    return None


def _armed(f: Found) -> bool:
    """A strike by weapons, not a labour strike."""
    n = f.trigger
    if n.lemma_.lower() != "strike":
        return True
    words = {c.lemma_.lower() for c in n.children if c.dep_ in {"compound", "amod"}}
    return bool(words & WEAPON_WORDS) or (
        f.source is not None and f.source.sector == "MIL")


# Verbs that report an act as going on: "Russian shelling continues across the oblast".
ONGOING_VERBS = frozenset({"continue", "intensify", "escalate", "resume", "persist"})


def _ongoing(n: Token) -> bool:
    """The noun is the subject of a verb saying the act goes on: the sentence reports the
    act itself, with its doer, even when the target is only the place."""
    return n.dep_ == "nsubj" and n.head.lemma_.lower() in ONGOING_VERBS


def _own_actor(f: Found) -> bool:
    return any(a is not None and a.code is not None for a in (f.source, f.target))


# Violent repression (CAMEO 175) by a state with no one named is done to its own people:
# "the regime responded with a wave of repression" (annotation guideline: implied actors)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD"})


def _own_people(f: Found) -> Found:
    s = f.source
    if f.code != "175" or f.target is not None or s is None or not s.country \
            or s.sector not in STATE_SECTORS:
        return f
    t = f.trigger
    people = Actor(s.country + "CVL", t.text, t.idx, t.idx + len(t.text), s.country, "CVL",
                   "sector", via="implied", head_i=t.i)
    return replace(f, target=people, targets=(people,))


def _with_both(f: Found, t: Token) -> bool:
    """Doer and target named, or the doer of an act said to go on."""
    return bool(f.source is not None and f.source.code and (
        (f.target is not None and f.target.code) or _ongoing(t)))


def _anchored(f: Found) -> bool:
    """A doer we can name, or a target with a country (not a side of a fight named alone):
    an act of its own, not a topic."""
    s, tg = f.source, f.target
    if s is not None and s.code is not None and (s.country is not None or len(s.code) > 3):
        return True
    return tg is not None and tg.country is not None and not _partner(tg, f.trigger)


def _partner(a: Actor, trig: Token) -> bool:
    """'battles with the Amal militia': one side of a fight, not the one it was done to."""
    if not 0 <= a.head_i < len(trig.doc):
        return False
    t = trig.doc[a.head_i]
    while t.dep_ in {"conj", "appos", "compound"} and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in {"with", "between"}


def nominal_acts(found: list[Found]) -> list[Found]:
    """The events of a sentence with its noun events settled (see the module's doc)."""
    verbs: dict[int, set[str]] = {}
    for f in found:
        if f.trigger.pos_ in {"VERB", "AUX"}:
            verbs.setdefault(f.trigger.i, set()).add(f.code[:2])
    claims = {f.trigger.i: True for f in found if f.code == "015"}
    # a verb whose pattern is about this very noun tells the act itself ("impose a blockade")
    told = {(f.trigger.i, o) for f in found if f.trigger.pos_ in {"VERB", "AUX"}
            for o in f.pattern.objects}
    doers: dict[int, Found] = {}   # verb trigger -> the noun event naming the same act
    out: list[Found] = []
    for f in found:
        t = f.trigger
        if t.pos_ in {"VERB", "AUX"}:
            out.append(f)
            continue
        if f.code[:2] not in FORCE_ROOTS:
            if t.head.i not in verbs:
                out.append(f)
            continue
        if not (_own_actor(f) and _armed(f)) or unreal(t):
            continue
        gov = _governor(t, verbs)
        if gov is not None and (gov.i, t.lemma_.lower()) in told:
            continue
        if gov is None:
            if _with_both(f, t) or (_anchored(f) and factual(t)):
                out.append(f)  # "the assault left 43 dead", "amid a wave of repression"
        elif verbs[gov.i] <= FORCE_ROOTS and earlier_act(t, gov):
            if _anchored(f) and factual(t):
                out.append(f)  # "struck in response to the attacks on U.S. forces"
        elif verbs[gov.i] <= FORCE_ROOTS:
            if f.source is not None and f.source.code:
                doers.setdefault(gov.i, f)
        elif verbs[gov.i] & SPEAKING_ROOTS and not claims.get(gov.i):
            out.append(f)  # (claiming responsibility for attacks is the claim alone: 015)
        elif not claims.get(gov.i) and _anchored(f) and factual(t):
            out.append(f)  # "reiterated support following the assassination of ..."
    out = [_own_people(f) if f.trigger.pos_ not in {"VERB", "AUX"} else f for f in out]
    if not doers:
        return out
    merged = []
    for f in out:
        noun = doers.get(f.trigger.i)
        if noun is not None and f.source is None and noun.source is not None:
            f = replace(f, source=noun.source, sources=(noun.source,))
        merged.append(f)
    return merged
