"""Clause tests for event triggers: the parse facts that say a verb does not report an act
of its own (a request, a question, a recalled act, a purpose, a reason, an accident).

compute only; used by `modality` and `extract`.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJ = {"nsubj", "csubj", "expl"}


SUBJ_PASS = {"nsubjpass", "csubjpass"}


OBJ = {"dobj", "obj"}


RELATIVE = {"who", "which", "that", "whom"}


# Lemmas the small English pipeline gets wrong, by lower-case form ("hoped" -> "hop").
LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope", "staged": "stage",
               "stages": "stage", "staging": "stage", "forgave": "forgive", "sentenced":
               "sentence", "bombed": "bomb", "shelled": "shell", "ruled": "rule"}


def lemma_of(t: Token) -> str:
    return LEMMA_FIXES.get(t.lower_) or t.lemma_.lower()


def children_with(t: Token, deps: set[str]) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def is_passive(v: Token) -> bool:
    return any(c.dep_ in SUBJ_PASS or c.dep_ == "auxpass" for c in v.children)


ASKING = {"urge", "ask", "call", "press", "pressure", "push", "demand", "request", "appeal",
          "force", "compel",
          "insist", "lobby", "encourage", "implore", "beg", "invite", "want", "plea", "bid",
          "proposal", "propose", "suggest", "recommend"}


WISHING = {"hope", "wish", "fear", "believe", "think", "expect", "doubt", "suspect", "predict",
           "speculate", "worry", "assume", "imagine", "guess", "dream", "pray"}


DEMAND_NOUNS = {"demand", "call", "appeal", "request", "plea", "push", "pressure", "bid",
                "proposal", "plan", "effort", "attempt", "offer", "threat", "warning"}


def requested_clause(v: Token) -> bool:
    """'demanded that Turkey provide information', 'its demand that Israel ease
    restrictions', 'pushing for the US to support': an act someone asks for, not an act."""
    t = v
    for _ in range(3):
        if t.dep_ not in {"ccomp", "acl", "pcomp", "xcomp", "advcl"} or t.head is t:
            return False
        head = t.head
        if head.dep_ == "prep" and head.head is not head:
            head = head.head
        lem = lemma_of(head)
        if lem in ASKING:
            return True
        if lem in WISHING and t.dep_ == "ccomp":
            return True
        t = head
    return False


def is_question(v: Token) -> bool:
    """'Is the president going to ask him?': a question asserts no act."""
    return v.sent.text.rstrip().rstrip('"\u201d\'').endswith("?")


def recalls_earlier(v: Token) -> bool:
    """'the group that has seized parts of Iraq', 'a Hamas member jailed over a year ago':
    a relative clause in the perfect, or dated in the past, recalls an earlier act."""
    if v.dep_ not in {"relcl", "acl"}:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)
    return perfect or any(t.lower_ == "ago" for t in v.subtree)


def purpose_clause(v: Token) -> bool:
    """'met to discuss', 'efforts to counter', 'pressure to help': a to-infinitive that
    modifies a noun or states a purpose is an aim, not an act. Except what a call or
    meeting was held to say: "spoke with President X to congratulate him", "called Y to
    reiterate U.S. support" (a readout's formula: the words were said in it)."""
    if not (v.dep_ in {"acl", "advcl", "relcl"} and v.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children)):
        return False
    return not (v.dep_ == "advcl" and lemma_of(v) in SAID_IN_A_CALL
                and lemma_of(v.head) in CALL_VERBS) and not taking_steps(v)


def taking_steps(v: Token) -> bool:
    """'is taking steps to impose visa restrictions': a release's formula for doing the act
    (the step nouns are data/verbal_conflict.yaml's)."""
    from .verbal_conflict import words  # verbal_conflict imports this module

    steps = words().step_nouns
    h = v.head
    if v.dep_ == "acl":
        return lemma_of(h) in steps and h.dep_ in OBJ and lemma_of(h.head) == "take"
    return v.dep_ == "advcl" and lemma_of(h) == "take" and any(
        lemma_of(o) in steps for o in children_with(h, OBJ))


# A call or meeting, and what is said in one (not "discuss": the talks themselves).
CALL_VERBS = {"speak", "talk", "call", "phone", "telephone", "meet", "confer"}
SAID_IN_A_CALL = {"reiterate", "reaffirm", "affirm", "congratulate", "offer", "express",
                  "convey", "underscore", "emphasize", "emphasise", "stress", "thank",
                  "extend", "highlight", "welcome", "condemn", "commend", "praise", "urge",
                  "voice", "pledge"}


def noun_complement(v: Token) -> bool:
    """'the chances of resuming talks', 'the possibility of sending troops': an act named
    under a noun is not asserted."""
    return v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in {"NOUN", "ADJ"}


def reason_clause(v: Token) -> bool:
    """'jailed for helping militants', 'arrested over attacking police': the act given as
    the reason for another act is what the other act alleges, not an act the text reports."""
    if v.dep_ != "pcomp" or v.head.dep_ != "prep":
        return False
    prep, governor = v.head.lower_, v.head.head
    if prep in {"for", "over"} and governor.pos_ in {"VERB", "AUX"}:
        return True
    # "accused of attacking police", "suspected of planning the attack": the charge
    return prep == "of" and lemma_of(governor) in CHARGE_PARTICIPLES


# Verbs of describing someone by a charge: "officials accused of playing a role" names them
# by the charge; it reports no act of accusing unless an accuser is given.
CHARGE_PARTICIPLES = {"accuse", "suspect", "charge", "convict", "blame", "allege", "implicate",
                      "link", "tie", "wanted", "want", "indict"}


def charge_description(v: Token) -> bool:
    return (v.dep_ == "acl" and v.tag_ == "VBN" and lemma_of(v) in CHARGE_PARTICIPLES
            and not any(c.dep_ == "agent" for c in v.children))


# Deaths caused by an accident or a disaster are no political event.
MISHAPS = {"crash", "accident", "collision", "derailment", "earthquake", "quake", "flood",
           "flooding", "storm", "typhoon", "hurricane", "cyclone", "tornado", "landslide",
           "mudslide", "avalanche", "tsunami", "eruption", "wildfire", "blaze", "heatwave",
           "drought", "disease", "outbreak", "virus", "epidemic", "pandemic", "stampede",
           "collapse", "sinking", "capsize", "shipwreck", "lightning", "famine", "rain",
           "rainfall", "downpour", "snowstorm", "blizzard", "heat", "fire",
           "volcano", "monsoon", "mudflow", "frost", "crush"}


# Verbs of an accident in the clause that gives the toll: "killed when a boat capsizes"
MISHAP_VERBS = {"crash", "capsize", "collapse", "explode", "sink", "derail", "overturn",
                "erupt", "flood", "burn", "plunge", "topple", "cave"}


# ... unless what exploded is a weapon: "killed when a car bomb exploded"
WEAPON_WORDS = {"bomb", "bomber", "device", "mine", "grenade", "ied", "explosive", "rocket",
                "missile", "shell", "drone", "attacker", "militant", "vest"}


def mishap_clause(c: Token) -> bool:
    """'when a minivan crashes into a tree', 'after heavy rains cause houses to collapse'."""
    subjects = [s for s in c.children if s.dep_ in SUBJ]
    words = {lemma_of(x) for s in subjects for x in (s, *s.children) if x.dep_ != "det"}
    if words & WEAPON_WORDS:
        return False
    if lemma_of(c) in MISHAP_VERBS or words & MISHAPS:
        return True
    return any(mishap_clause(x) for x in c.children if x.dep_ in {"xcomp", "ccomp"})


def is_mishap(v: Token) -> bool:
    """'victims killed by the crash', 'Typhoon Haiyan killed 6,000 people', 'died in floods',
    'killed when a boat capsizes', '... killed and 8 injured in a fire' (the toll's clause
    may hang on either verb of the pair)."""
    holders = [v, *(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if v.dep_ == "conj" and v.head is not v:
        holders.append(v.head)
    doerless = is_passive(v) or lemma_of(v) in {"die", "perish"}
    if doerless and any(c.dep_ == "advcl" and mishap_clause(c)
                        for h in holders for c in h.children):
        return True  # no doer named, and the clause of the toll tells an accident
    heads: list[Token] = []
    # "floods hit the region, killing 59": the toll of the clause it hangs on
    if v.dep_ in {"advcl", "conj"} and v.tag_ == "VBG" and v.head is not v:
        if v.head.pos_ == "VERB" and mishap_clause(v.head):
            return True  # "the flight, which crashed into the sea, killing all 62 on board"
        heads.extend(c for c in v.head.children if c.dep_ in SUBJ)
    for h in holders:
        for c in h.children:
            if c.dep_ in SUBJ and h is v:
                heads.append(c)
            elif c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "in", "during", "from",
                                                              "after"}:
                heads.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in {"due", "owing"}:  # "due to flooding"
                heads.extend(g for p in c.children if p.dep_ == "pcomp" or p.lower_ == "to"
                             for g in p.children if g.dep_ == "pobj")
    for h in heads:
        words = {lemma_of(h), h.lower_} | {lemma_of(x) for x in h.children
                                           if x.dep_ == "compound"}
        if words & MISHAPS:
            return True
    return False
