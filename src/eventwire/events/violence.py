"""Killings and death tolls: whether a toll reports an act of its own, the words that name
the act it belongs to, and who kills (CAMEO 18, unconventional violence, or 19, fighting).

compute only; used by `extract`. The word classes are data (data/violence_words.tsv).

- A toll told without a doer ("five people are killed and 25 injured") is an event only when
  its clause names the act: an attack noun ("in a suicide bombing", "during a mass
  shooting"), a weapon or attacker ("by a suicide bomber", "when a car bomb explodes").
  When the act has a verb of its own that is coded ("killed as troops raid the city",
  "killed when rockets are fired at a market") the toll is that act's, not a second event.
  A toll of fighting or unrest ("killed in clashes", "during protests") is no one doer's act.
- Who kills chooses the root: armed forces, rebels and states fight (19x); civilians,
  criminals and mobs, and police or gunmen killing people who do not fight, use
  unconventional violence (180), as the CAMEO 1.1b3 codebook sets 18 apart from 19.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from .arguments import attack_agent
from .clauses import SUBJ, is_passive, lemma_of

# Prepositions of a toll's clause that name its cause: "killed in/by/during/after ..."
CAUSE_PREPS = frozenset({"in", "by", "during", "after", "from", "with", "following", "amid"})

# Sectors that fight (armed forces, rebels, insurgents, separatists, intelligence services)
FIGHTING_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "SPY"})
# Sectors whose killings are irregular whoever they kill
IRREGULAR_SECTORS = frozenset({"CVL", "CRM", "BUS", "LAB", "EDU", "MED", "HLH", "REF", "ELI",
                               "OPP", "PTY", "REL", "NGO"})
# Police and unaligned gunmen fight when they face armed people, not when they kill others
ARMED_TARGETS = FIGHTING_SECTORS | frozenset({"COP", "UAF", "CRM"})
# Victims whose deaths are casualties of fighting, whoever is named
ARMED_VICTIMS = FIGHTING_SECTORS | frozenset({"COP"})


@cache
def words(kind: str) -> frozenset[str]:
    """One word class of data/violence_words.tsv (see its header)."""
    text = resources.files("eventwire.data").joinpath("violence_words.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(entry for k, entry in rows[1:] if k == kind)


def toll_pair(v: Token) -> list[Token]:
    """The verbs of one toll: 'killed and 25 others injured' (the cause may hang on either)."""
    out = [v]
    for c in v.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            out.append(c)
        elif c.dep_ == "conj":  # "killed and some 30 injured": the count heads the participle
            out.extend(g for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN")
    if v.dep_ == "conj" and v.head is not v and v.head.pos_ == "VERB":
        out.append(v.head)
    return out


def is_toll(v: Token) -> bool:
    """A count of the harmed told in the passive: 'people are killed', 'soldiers killed
    during the battle' (a participle on its noun)."""
    return lemma_of(v) in words("toll_verb") and (
        is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN") or reported_toll(v))


# Passive verbs that report a toll: "were reported killed", "are feared dead or injured"
REPORTING = frozenset({"report", "fear", "believe", "say", "confirm", "feared", "presume",
                       "think", "know", "declare"})


def reported_toll(v: Token) -> bool:
    """'Fifty people were reported killed': the subject of the report is the toll's victims,
    not a doer."""
    return v.dep_ in {"xcomp", "oprd"} and v.tag_ == "VBN" and is_passive(v.head) \
        and lemma_of(v.head) in REPORTING and not any(c.dep_ == "aux" for c in v.children)


def pair_follower(v: Token, coded: set[int]) -> bool:
    """'two were killed and eight were injured in a bombing': the second verb of a toll pair
    counts more victims of the act its first verb coded (`coded`: trigger indices)."""
    if not is_toll(v) and not (v.dep_ == "acl" and v.tag_ == "VBN"):
        return False
    first = v.head if v.dep_ == "conj" else (
        v.head.head if v.dep_ == "acl" and v.head.dep_ == "conj" else None)
    return first is not None and first is not v and first.i in coded \
        and lemma_of(first) in words("toll_verb")


def _nouns_of(prep: Token) -> list[Token]:
    nouns = [g for g in prep.children if g.dep_ == "pobj"]
    return nouns + [c for n in nouns for c in n.conjuncts]


def _head_words(n: Token) -> set[str]:
    return {lemma_of(n)} | {lemma_of(c) for c in n.children
                            if c.dep_ in {"compound", "amod", "nmod"}}


def _accidental_blast(n: Token) -> bool:
    """'an explosion at a fireworks factory', 'a gas explosion': an explosion told with an
    accident's cause or an industrial site, and no weapon."""
    own = _head_words(n)
    if own & words("attacker_noun") - {"mine"} or own & words("act_noun"):
        return False
    if own & words("accident_word"):
        return True
    sites = {lemma_of(g) for p in n.children if p.dep_ == "prep" and p.lower_ in {"at", "in"}
             for g in p.children if g.dep_ == "pobj"}
    return bool(sites & words("industrial_site"))


def _names_act(n: Token) -> bool:
    """'an attack', 'a suicide bomber', 'a shooting incident', 'a bomb blast' (not 'a gas
    explosion', nor 'gun battles': fighting between sides)."""
    if lemma_of(n) in words("blast_noun"):
        return not _accidental_blast(n)
    acts = words("act_noun") | words("attacker_noun")
    return lemma_of(n) in acts or (bool(_head_words(n) & acts)
                                   and lemma_of(n) not in words("strife_noun"))


def cause_nouns(v: Token) -> list[Token]:
    """The nouns of the toll's cause phrases, both verbs of the pair: 'killed in an attack',
    'injured by a suicide bomber'."""
    return [n for h in toll_pair(v) for c in h.children
            if c.dep_ in {"agent", "prep"} and c.lower_ in CAUSE_PREPS for n in _nouns_of(c)]


def cause_clauses(v: Token) -> list[Token]:
    """The clauses that tell what caused the toll: 'killed when rockets are fired'."""
    return [c for h in toll_pair(v) for c in h.children
            if c.dep_ == "advcl" and c.pos_ in {"VERB", "AUX"}]


def lone_toll(v: Token, coded: set[int], victims: Actor | None) -> bool:
    """A toll with no doer that is no event of its own: it names no act, only fighting or
    unrest, or its act is coded from the act's own verb (`coded`: trigger indices of acts of
    force in the sentence, verbs or nouns). Fighters killed ("ten Russian soldiers were
    killed in Ukraine") are casualties of fighting, an act of force against them, and stay."""
    if not is_toll(v):
        return False
    for clause in cause_clauses(v):
        if any(t.i in coded for t in clause.subtree):
            return True  # "killed as troops raid the city": the raid is the event
    if any(n.i in coded for n in cause_nouns(v)):
        return True  # "injured by the attack by Iran on U.S. forces": the attack's event
    # ... but not fighters described by a battle ("a cemetery of soldiers killed during the
    # Battle of Belleau Wood"): a participle on its noun names them, it reports no act
    described = v.dep_ == "acl" and any(lemma_of(n) in words("strife_noun")
                                        for n in cause_nouns(v))
    if victims is not None and victims.sector in ARMED_VICTIMS and not described:
        return False
    if any(_names_act(n) for n in cause_nouns(v)):
        return False
    return not any(_names_act(s) for clause in cause_clauses(v) for s in clause.children
                   if s.dep_ in SUBJ | {"nsubjpass"})


def cause_lemmas(v: Token) -> set[str]:
    """The words of the toll's cause, for the means of the act (`extract._means_code`):
    phrases on either verb of the pair and the subjects of a cause clause ('when a car bomb
    explodes')."""
    out: set[str] = set()
    if lemma_of(v) not in words("toll_verb"):
        return out
    for n in cause_nouns(v):
        out.update(lemma_of(t) for t in n.subtree)
    clauses = cause_clauses(v)
    if v.dep_ in {"advcl", "conj"} and v.tag_ == "VBG" and v.head is not v:
        clauses.append(v.head)  # "a car bomb exploded at a market, killing 12"
    for clause in clauses:
        for s in clause.children:
            if s.dep_ in SUBJ | {"nsubjpass"}:
                out.update(lemma_of(t) for t in s.subtree)
    return out


# Attacks on people by one of them: "killed in a mass shooting at a mall", "wounded in a
# knife attack" name no attacker, who is a civilian of the victims' country
ASSAILANT_ACTS = frozenset({"shooting", "stabbing", "knifing", "ramming"})


def toll_doer(v: Token, targets: list[Actor], resolver: ActorResolver) -> list[Actor]:
    """The doer of a toll named on the other verb of its pair ('one is killed and 11 are
    injured by a suicide bomber', 'killed and 5 wounded in an attack by rebels'); else, for
    civilians shot, stabbed or rammed by no one named, one of them (as the gold codes it)."""
    for h in toll_pair(v)[1:]:
        if not (is_passive(h) or h.tag_ == "VBN"):  # "and 20 wounded by ..." (elided aux)
            continue
        for c in h.children:
            if c.dep_ == "agent":
                got = [a for p in c.children if p.dep_ == "pobj" for a in resolver.actors_at(p)]
                if got:
                    return got
        got = attack_agent(h, resolver)
        if got:
            return got
    if not targets or any(a.sector != "CVL" for a in targets):
        return []
    for n in cause_nouns(v):
        if _head_words(n) & ASSAILANT_ACTS:
            return [replace(targets[0], text=n.text, start_char=n.idx,
                            end_char=n.idx + len(n.text), head_i=n.i, kind="sector",
                            via="assailant")]
    return []


def accident_told(v: Token) -> bool:
    """'an explosion at a fireworks factory killed 20', 'killed in a gas blast': the harm of
    an accidental explosion is no act."""
    if lemma_of(v) not in words("toll_verb"):
        return False
    nouns = [s for s in v.children if s.dep_ in SUBJ] + cause_nouns(v)
    return any(lemma_of(n) in words("blast_noun") and _accidental_blast(n) for n in nouns)


DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})


def told_before(v: Token) -> bool:
    """'this airstrike killed three militants': the toll of an act the text has told, named
    by a demonstrative; the act was coded where it was told."""
    return lemma_of(v) in words("toll_verb") and any(
        s.dep_ in SUBJ and _names_act(s) and any(
            d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in s.children)
        for s in v.children)


def _fights(a: Actor, targets: list[Actor]) -> bool:
    if a.kind in {"country", "group"} or a.sector in FIGHTING_SECTORS | {"GOV"}:
        return True
    if a.sector in {"COP", "UAF"}:
        return not targets or any(t.sector is None or t.sector in ARMED_TARGETS
                                  for t in targets)
    return a.sector not in IRREGULAR_SECTORS


KILL_VERBS = frozenset({"kill", "slay"})


def killer_code(code: str, v: Token, sources: list[Actor], targets: list[Actor]) -> str:
    """'armed citizens killed 160 gang members', 'police killed three protesters': a killing
    (190) by people who do not fight, or by police of people who do not, is unconventional
    violence (180); armed forces, rebels and states keep 190."""
    if code != "190" or lemma_of(v) not in KILL_VERBS or not sources \
            or any(_fights(a, targets) for a in sources):
        return code
    return "180"


