"""How a trigger is asserted: future or intent, negated, hypothetical, or governed by a
verb of threatening, refusing, asking or committing; and the CAMEO code that follows
(intent 03 codes, threats 13, rejections 12).

compute only; `modality_of(trigger)` and `coded_modality(code, modality)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .clauses import (
    OBJ,
    charge_description,
    is_question,
    lemma_of,
    noun_complement,
    purpose_clause,
    reason_clause,
    recalls_earlier,
    requested_clause,
)
from .cooperation import announced_act, cooperation_words

FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}


HYPOTHETICAL_AUX = {"could", "may", "might", "should", "must", "can", "ca"}


INTENT_VERBS = {"pledge", "promise", "vow", "plan", "intend", "offer", "agree", "decide",
                "commit", "aim", "want", "hope", "expect", "prepare", "seek", "propose",
                "undertake", "resolve", "mean", "wish", "aspire", "volunteer", "schedule"}


NEGATING_VERBS = {"refuse", "fail", "decline", "deny", "reject", "avoid", "stop", "cease",
                  "halt", "postpone", "cancel", "delay", "suspend", "abandon"}


THREAT_VERBS = {"threaten", "warn"}


# CAMEO 1.1b3: an announced future act of root 04-08 is its 03 intent code.
INTENT_CODES = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
    "045": "039", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354",
    "086": "0355", "087": "0356",
}


THREAT_CODES = {"16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
                "15": "138", "14": "130", "163": "1312", "161": "1313"}


def intent_code(code: str) -> str:
    """A future act: 04-08 -> the 03 intent codes; force and coercion -> 13 threats."""
    if code[:2] in {"14", "15", "16", "17", "18", "19", "20"}:
        return threat_code(code)
    return INTENT_CODES.get(code) or INTENT_CODES.get(code[:3]) or INTENT_CODES.get(
        code[:2], code)


def threat_code(code: str) -> str:
    return THREAT_CODES.get(code[:3]) or THREAT_CODES.get(code[:2], "130")


def governing_chain(v: Token) -> list[Token]:
    """The trigger and the words governing it through xcomp/conj (for aux and negation),
    including a governing adjective ("is willing to send") and its copula."""
    out = [v]
    t = v
    while (t.dep_ in {"xcomp", "conj"} or infinitival(t) or committed_to(t)) \
            and t.head is not t and len(out) < 5:
        t = t.head.head if committed_to(t) else t.head
        out.append(t)
        if t.pos_ == "ADJ" and t.dep_ in {"acomp", "amod", "oprd"} and t.head is not t:
            t = t.head
            out.append(t)
    return out


def committed_to(t: Token) -> bool:
    """'committed to continuing to consult', 'pledged to working with': a gerund under the
    'to' of a verb of committing is the content of the commitment, as a to-infinitive is."""
    prep = t.head
    return t.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "to" \
        and prep.head is not prep and prep.head.pos_ in {"VERB", "AUX"} \
        and lemma_of(prep.head) in COMMIT_VERBS


@dataclass(frozen=True, slots=True)
class Modality:
    """How a trigger is asserted: future/intent, negated, and the kind of verb governing it
    through xcomp: threaten (threat), refuse (rejection), request (someone else is asked
    to act: not asserted), commit (pledge, agree, plan)."""

    future: bool = False
    negated: bool = False
    hypothetical: bool = False
    governing: str | None = None
    announced: bool = False  # the content of an announcement ("announced it will send")


PARTICLE_PREPS = {"out", "off", "down", "up", "back", "away", "over", "in"}


FORCE_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


REQUEST_VERBS = {"urge", "ask", "call", "press", "pressure", "push", "want", "encourage",
                 "invite", "request", "demand", "tell", "order", "allow", "permit",
                 "force", "compel", "persuade", "convince", "need", "expect", "advise",
                 "instruct", "require", "beg", "implore", "appeal", "help", "enable"}


REFUSE_VERBS = {"refuse", "decline", "reject", "rule"}


COMMIT_VERBS = INTENT_VERBS | {"willing", "ready", "prepared", "determined", "eager", "keen",
                               "committed", "set", "poised", "likely", "due", "about"}


CONSIDER_VERBS = {"consider", "mull", "weigh", "explore", "contemplate", "study", "debate",
                  "discuss", "examine", "review", "ponder"}


# governing verbs that announce one's own future act: a use of force so announced is a threat
FUTURE_HEADS = {"vow", "threaten", "warn", "want", "plan", "intend", "aim", "seek", "prepare",
                "hope", "wish", "mean", "expect", "schedule"}


def modality_of(v: Token) -> Modality:
    future = negated = hypothetical = False
    governing: str | None = None
    chain = governing_chain(v)
    for i, t in enumerate(chain):
        for c in t.children:
            low = c.lower_
            if c.dep_ == "neg" or (low in {"never", "not", "n't"} and c.dep_ in {"advmod", "neg"}):
                negated = True
            if c.dep_ in {"aux", "auxpass"} and low in FUTURE_AUX:
                future = True
            if c.dep_ == "aux" and low in HYPOTHETICAL_AUX:
                hypothetical = True
            if c.dep_ == "mark" and low in {"if", "unless", "whether"}:
                hypothetical = True
        if c_is_going_to(t):
            future = True
        if i == 0:
            continue
        lem = lemma_of(t)
        below = chain[i - 1]
        if below.dep_ == "conj":
            continue  # "wished them well and commended X": a conjunct's head is no governor
        object_control = (below.dep_ == "xcomp" and any(c.dep_ in OBJ for c in t.children)) \
            or (below.dep_ == "ccomp" and infinitival(below))
        if lem in THREAT_VERBS:
            governing = "threaten"
        elif lem in REFUSE_VERBS and governing is None:
            governing = "refuse"
        elif object_control and lem in REQUEST_VERBS and governing is None:
            governing = "request"
        elif lem in NEGATING_VERBS and governing is None:
            negated = True
        elif lem in COMMIT_VERBS and governing is None:
            governing = "vow" if lem in FUTURE_HEADS else "commit"
        elif lem in CONSIDER_VERBS and governing is None:
            governing = "request"
    if (noun_complement(v) or purpose_clause(v) or recalls_earlier(v) or is_question(v)
            or any(reason_clause(t) for t in chain) or charge_description(v)):
        hypothetical = True
    if governing is None and requested_clause(v):
        governing = "request"
    announced = any(announced_act(t) for t in chain)
    return Modality(future, negated, hypothetical, governing, announced)


# A refusal of a cooperative act is a CAMEO 12 rejection ("refused to meet" -> 125).
REJECT_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124",
                "045": "126", "046": "125", "057": "120", "061": "1211", "062": "1212",
                "063": "1213", "064": "1214", "081": "1241", "0831": "1231", "082": "1242",
                "084": "1243", "085": "1244", "086": "1245", "087": "1246"}


def reject_code(code: str) -> str | None:
    return (REJECT_CODES.get(code[:4]) or REJECT_CODES.get(code[:3])
            or REJECT_CODES.get(code[:2]))


def coded_modality(code: str, m: Modality) -> tuple[str | None, str, bool]:
    """(code or None when not an act, modality label, negated) for a pattern's code."""
    root = code[:2]
    cooperative = root in {"03", "04", "05", "06", "07", "08"}
    if m.governing == "request" or m.hypothetical:
        return None, "hypothetical", m.negated
    if m.governing == "refuse" or (m.negated and (m.future or m.governing in {"vow",
                                                                               "commit"})):
        rej = reject_code(code) if cooperative else None
        return rej, "asserted", rej is None
    if m.negated:
        return code, "asserted", True
    if m.governing in {"threaten", "vow"} and root in FORCE_ROOTS:
        return threat_code(code), "threat", False
    if m.future and m.announced and m.governing is None \
            and root in cooperation_words().announced_roots:
        return code, "asserted", False  # "announced it will send aid": the aid act
    if m.future or m.governing in {"threaten", "vow", "commit"}:
        if cooperative:
            return intent_code(code), "intent", False
        if m.future and root in FORCE_ROOTS:
            return threat_code(code), "threat", False
        return code, "intent", False
    return code, "asserted", False


def c_is_going_to(t: Token) -> bool:
    return t.tag_ == "VB" and t.head.lower_ == "going" and t.dep_ == "xcomp"


def infinitival(t: Token) -> bool:
    """An xcomp, or a 'to'-infinitive ccomp with its own subject ("wants Putin to attack")."""
    if t.dep_ == "xcomp":
        return True
    return t.dep_ == "ccomp" and t.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
