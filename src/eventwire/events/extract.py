"""Find events in a parsed sentence: trigger + pattern -> code; source/target from the parse.

compute only: `extract(doc, resolver, patterns)` returns `Found` records; the coder turns
them into `Event`s (dates, places, ontology). The steps live in their own modules:

- `arguments`: source and targets of a trigger from the parse.
- `clauses`: the clause tests that say a verb reports no act (request, question, recalled
  act, purpose, reason, accident).
- `modality`: negation, intent, threat, refusal and the code that follows.
- `nominal`: acts named by nouns inside statements.

This module matches patterns to triggers, pairs sources with targets (compounds: every
source x every target; symmetric acts both ways), and reads requests, demands and
accusations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..actors.resolve import STRIKE_HEADS, Actor, ActorResolver
from .arguments import object_actors, subject_of, targets_of
from .clauses import (
    ASKING,
    OBJ,
    SUBJ,
    SUBJ_PASS,
    children_with,
    is_mishap,
    is_passive,
    lemma_of,
)
from .clemency import clemency_act, clemency_parties
from .coercion import circumstantial
from .cooperation import coordinated_acts, joint_acts
from .deals import party_acts
from .disapproval import disapprovals
from .force_acts import (
    HARM_VERBS,
    MOVE_VERBS,
    VIOLENT_ROOTS,
    arresting_police,
    means_code,
    riot,
    shooting_code,
    unnamed_assailant,
)
from .intent import intent_owners
from .labels_rule import alleged_subjects, criticized_doers, labelled
from .matching import match_pattern
from .modality import (
    CONSIDER_VERBS,
    FORCE_ROOTS,
    coded_modality,
    governing_chain,
    infinitival,
    modality_of,
)
from .nominal import nominal_acts
from .nominal.sites import answering_verb, moved_preps, phrase_heads
from .patterns import Pattern, PatternSet
from .verbal_conflict import verbal_conflict
from .violence import (
    accident_told,
    killer_code,
    lone_toll,
    pair_follower,
    reported_toll,
    told_before,
    toll_doer,
)


@dataclass(frozen=True, slots=True)
class Found:
    pattern: Pattern
    code: str
    trigger: Token
    source: Actor | None
    target: Actor | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    negated: bool
    modality: str
    clause: str
    derived: bool = False   # an appeal or demand coded from the act asked for
    mirrored: bool = False  # the partner's direction of a joint act ("Y met X" from "X met Y")


@dataclass(frozen=True, slots=True)
class Rejected:
    """A trigger that gave no event, recorded only when a caller passes a `reasons` list
    (`eventwire explain`): `stage` says where it stopped."""

    trigger: Token
    pattern: Pattern | None  # None: no pattern of the word fitted its arguments
    stage: str  # no-pattern | no-event | gave-way | coder (the coder dropped it)
    found: Found | None = None


def extract(doc: Doc, resolver: ActorResolver, patterns: PatternSet,
            reasons: list[Rejected] | None = None) -> list[Found]:
    """All events of a sentence; a plain governing verb ("refused", "threatened",
    "pledged") gives way to the more specific act in its complement. `reasons`, when given,
    collects the triggers that gave no event (`Rejected`)."""
    found = _extract_all(doc, resolver, patterns, reasons)
    first = list(found)
    found = party_acts(coordinated_acts(joint_acts(nominal_acts(found)), resolver), resolver)
    accusations, alleged = _accusations(found, resolver)
    alleging = {a.trigger.i for a in accusations}
    found = [f for f in found if f.trigger.i not in alleged and not (
        f.target is None and f.code[:2] == "11" and f.trigger.i in alleging)] + accusations
    asked = {f.trigger.i for f in found if f.derived}
    found = [f for f in found if f.derived or f.trigger.i not in asked]
    attacks = {f.trigger.i for f in found if f.code[:2] in FORCE_ROOTS}
    found = _victims_of_the_attack(found, attacks)
    found = [f for f in found if not _consequence(f.trigger, attacks) and not (
        (f.source is None or reported_toll(f.trigger)) and f.code[:2] in VIOLENT_ROOTS
        and (lone_toll(f.trigger, attacks - {f.trigger.i}, f.target) or told_before(f.trigger)))
        and not pair_follower(f.trigger, attacks)]
    acts: dict[int, set[str]] = {}
    for f in found:
        acts.setdefault(f.trigger.i, set()).add(f.code[:2])
    kept = [f for f in found if not any(
        infinitival(c) and c.i in acts
        and (f.pattern.specificity == 0 or f.pattern.clausal or f.code[:2] in acts[c.i])
        for c in f.trigger.children)]
    if reasons is not None:
        reasons.extend(Rejected(f.trigger, f.pattern, "gave-way", f) for f in first
                       if f not in kept)
    return circumstantial(intent_owners(
        verbal_conflict(doc, resolver, disapprovals(doc, resolver, kept))))


ALLEGING = {"claim", "allege", "charge", "accuse", "blame", "assert", "contend"}
# Claiming one's own act is claiming responsibility for it (CAMEO 015).
OWNING = {"claim", "admit", "acknowledge", "assert"}
SELF_PRONOUNS = {"it", "they", "we", "he", "she", "i"}
# Wrongs one actor alleges of another: force, and refusals and threats ("The paper claimed
# that the minister refused to ..."): the allegation is 112 against the doer.
ALLEGED_ROOTS = FORCE_ROOTS | {"12", "13"}


def _victims_of_the_attack(found: list[Found], attacks: set[int]) -> list[Found]:
    """'bombed a village, killing 40 people': an attack whose object is no actor is done to
    the people its toll names (docs/annotation.md: the civilians' country + CVL, as the act
    was done to them); the toll itself folds into the attack (`_consequence`)."""
    victims = {f.trigger.head.i: f.target for f in found
               if f.target is not None and _consequence(f.trigger, attacks)}
    return [replace(f, target=victims[f.trigger.i], targets=(victims[f.trigger.i],))
            if f.target is None and f.trigger.i in victims and f.code[:2] in FORCE_ROOTS
            else f for f in found]


def _consequence(t: Token, attacks: set[int]) -> bool:
    """'shelled the city, killing eight people': the deaths are the shelling's toll, one act."""
    return (t.dep_ == "advcl" and t.tag_ == "VBG" and lemma_of(t) in HARM_VERBS
            and t.head.i in attacks and t.head.i != t.i)


def _accusations(found: list[Found], resolver: ActorResolver
                 ) -> tuple[list[Found], set[int]]:
    """'The US claimed that ISIL had attacked Iraq': the speaker accuses the attacker
    (112); 'The group claimed it had attacked the base': the speaker claims responsibility
    (015). Only verbs of alleging, only acts of force. The alleged act itself is not asserted
    by the text, so its trigger is returned to be dropped (as PETRARCH and the CAMEO
    codebook code such sentences: the allegation is the event)."""
    out: list[Found] = []
    alleged: set[int] = set()
    for f in found:
        if f.code[:2] not in ALLEGED_ROOTS or f.derived:
            continue
        t = f.trigger
        while (t.dep_ == "conj" or (t.dep_ == "xcomp" and t.head.dep_ == "ccomp")) \
                and t.head is not t:  # "claimed that Trump refused to visit": the refusal
            t = t.head
        if t.dep_ != "ccomp" or lemma_of(t.head) not in ALLEGING:
            continue
        speaker = t.head
        speakers = [s for s in subject_of(speaker, resolver) if s.code or s.text]
        if not speakers:
            continue
        subject = next((c for c in f.trigger.children if c.dep_ in SUBJ), None)
        by_itself = subject is not None and subject.lower_ in SELF_PRONOUNS
        for s in speakers:
            own = (f.source is None and by_itself) or (
                f.source is not None and bool(s.code) and s.code == f.source.code)
            if own and lemma_of(speaker) not in OWNING:
                continue
            if not own and f.source is None:  # "X claimed 790 soldiers had been killed":
                alleged.add(f.trigger.i)  # a claimed toll, accusing no one, is no act
                continue
            if own and f.code[:2] not in FORCE_ROOTS:
                continue
            code, target = ("015", f.target) if own else ("112", f.source)
            pat = replace(f.pattern, id=f"{f.pattern.id}+{'claimed' if own else 'alleged'}")
            out.append(Found(pat, code, speaker, s, target, (s,),
                             (target,) if target is not None else (), False, "asserted",
                             " ".join(x.text for x in speaker.subtree), derived=False))
            alleged.add(f.trigger.i)
    return out, alleged


def _extract_all(doc: Doc, resolver: ActorResolver, patterns: PatternSet,
                 reasons: list[Rejected] | None = None) -> list[Found]:
    found: list[Found] = []
    for t in doc:
        lemma = lemma_of(t)
        n = len(found)
        p: Pattern | None = None
        if t.pos_ in {"VERB", "AUX"} and lemma in patterns.by_verb:
            p = match_pattern(t, patterns.by_verb[lemma], resolver)
            if p is None:
                if reasons is not None:
                    reasons.append(Rejected(t, None, "no-pattern"))
                continue
            found.extend(_labelled_event(t, p, resolver) if p.labelled
                         else _verb_event(t, p, resolver))
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and lemma in patterns.by_verb \
                and lemma_of(t.head) in STATE_VERBS:
            p = match_pattern(t, patterns.by_verb[lemma], resolver)
            if p is not None:
                found.extend(_adj_event(t, p, resolver))
        elif t.pos_ in {"NOUN", "PROPN"} and lemma in patterns.by_noun:
            p = match_pattern(t, patterns.by_noun[lemma], resolver)
            if p is not None:
                found.extend(_noun_event(t, p, resolver))
        if reasons is not None and p is not None and len(found) == n:
            reasons.append(Rejected(t, p, "no-event"))
    return found


# "he was pessimistic about the talks", "Iran remains confident": a state said of an actor.
STATE_VERBS = {"be", "remain", "feel", "seem", "appear", "sound", "become", "grow", "stay"}


def _adj_event(a: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    code, modality, negated = coded_modality(p.code, modality_of(a.head))
    if code is None:
        return []
    sources = subject_of(a.head, resolver)
    targets = targets_of(a, p, resolver)
    return _pairs(p, code, a, sources, targets, negated, modality,
                  " ".join(t.text for t in a.head.subtree))


def _anonymous(v: Token) -> bool:
    """'a banker who declined to be named', 'asked not to be identified': the formula of an
    anonymous source, not a refusal to comment."""
    return any(c.dep_ == "xcomp" and lemma_of(c) in {"name", "identify", "quote"}
               and any(a.dep_ == "auxpass" for a in c.children) for c in v.children)


def _verb_event(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    if p.code[:2] in VIOLENT_ROOTS and (is_mishap(v) or accident_told(v)):
        return []
    if _anonymous(v):
        return []
    if (p.code in {"190", "180", "183"} and lemma_of(v) not in MOVE_VERBS
            and p.particle != "down") or (
            lemma_of(v) in HARM_VERBS and p.code[:2] in {"18", "19"}):
        finer = means_code(v)
        if finer:
            p = replace(p, code=finer)
    code, modality, negated = coded_modality(p.code, modality_of(v))
    if code is None:
        return _asked_for(v, p, resolver) if not negated else []
    sources = subject_of(v, resolver)
    targets = targets_of(v, p, resolver)
    if not sources and code[:2] == "18":
        sources = unnamed_assailant(v, targets)
    if code == "193":
        code = shooting_code(sources, targets)
    if not sources and code[:2] in {"18", "19"}:
        sources = toll_doer(v, targets, resolver)  # "killed and 5 injured by a bomber"
    if not sources and code == "173":
        sources = arresting_police(v, targets)
    if not targets and code[:2] == "11" and not is_passive(v):  # "alleged Iranian involvement"
        # "X alleged that Y had ...": Y, when the accuser is named
        targets = criticized_doers(v, resolver) or (
            alleged_subjects(v, resolver) if sources else [])
    if code == "0841" and clemency_act(v):  # "was granted clemency": the story's leader
        sources, targets = clemency_parties(v, sources, targets, resolver)
    if code[:2] == "19" and not p.reverse and not p.objects:  # not with weapons named
        rioting = riot(v, sources, targets)
        if rioting is not None:  # "protesters stormed the residence and clashed with police"
            sources, targets = rioting
            p = replace(p, symmetric=False)
            code = "145"
    code = killer_code(code, v, sources, targets)  # "armed citizens killed 160": 180
    if p.reverse:  # "received weapons from X": X gives, the subject receives
        sources, targets = targets, sources
    if p.judged:  # "the regime has squandered ...": the statement's issuer judges the subject
        sources, targets = issuer_at(v, resolver), sources or [
            a for c in children_with(v, SUBJ) for o in children_with(c, {"poss"})
            for a in resolver.actors_at(o)]  # "Georgian Dream's actions have violated ..."
        if not sources or not targets or any(a.code == sources[0].code for a in targets):
            return []  # no judged actor named, or the issuer's own doing
    return _pairs(p, code, v, sources, targets, negated, modality, own_clause(v))


def _labelled_event(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    """'called Trump a clown' (111), 'hailed the deal as historic' (051): labels_rule."""
    got = labelled(v, resolver)
    if got is None:
        return []
    code, modality, negated = coded_modality(got.code, modality_of(v))
    if code is None:
        return []
    return _pairs(replace(p, code=got.code), code, v, got.sources, got.targets, negated,
                  modality, own_clause(v))


def issuer_at(t: Token, resolver: ActorResolver) -> list[Actor]:
    """The body a statement speaks for, as the actor of a judgement the text makes; none
    outside a statement or release (its quotations are its principal's words)."""
    issuer = resolver.ctx.issuer
    if issuer is None:
        return []
    return [replace(issuer, start_char=t.idx, end_char=t.idx + len(t.text), head_i=t.i,
                    via="issuer")]


def own_clause(v: Token) -> str:
    """The words of the verb's own clause, where its time words are: its subtree; for the
    sentence's main verb, the sentence without what it reports ("The plan must be approved by
    April 1, the company said": "by April 1" dates the approval, not the saying)."""
    if v.dep_ != "ROOT":
        return " ".join(t.text for t in v.subtree)
    reported = {t.i for c in v.children if c.dep_ == "ccomp" for t in c.subtree}
    if not reported:
        return v.sent.text
    return " ".join(t.text for t in v.sent if t.i not in reported)


# An act someone is asked for gives the appeal (02) or demand (10) for that kind of act.
APPEAL_CODES = {"03": "020", "04": "026", "045": "028", "046": "026", "05": "022", "06": "021",
                "061": "0211", "062": "0212", "063": "0213", "064": "0214", "07": "023",
                "071": "0231", "072": "0232", "073": "0233", "074": "0234", "08": "025",
                "081": "0251", "082": "0252", "083": "024", "0831": "0241", "084": "0253",
                "085": "0254", "086": "0255", "087": "0256"}
DEMAND_CODES = {"03": "100", "04": "106", "045": "108", "046": "106", "05": "102", "06": "101",
                "061": "1011", "062": "1012", "063": "1013", "064": "1014", "07": "103",
                "071": "1031", "072": "1032", "073": "1033", "074": "1034", "08": "105",
                "081": "1051", "082": "1052", "083": "104", "0831": "1041", "084": "1053",
                "085": "1054", "086": "1055", "087": "1056"}
DEMANDING = {"demand", "insist", "order", "require", "command", "ultimatum", "pressure",
             "force", "compel"}
SPEECH = {"say", "declare", "reiterate", "stress", "insist", "state", "tell", "announce",
          "warn", "add", "assert", "emphasize", "emphasise", "argue", "conclude", "write",
          "urge", "repeat"}
OBLIGATION_AUX = {"must", "should"}


def _phone_call(t: Token) -> bool:
    """"called President Tshisekedi to discuss ...": "call" asks for nothing unless it calls
    on, upon or for someone; with a name for its object it is a telephone call (041)."""
    if lemma_of(t) != "call" or any(
            c.dep_ == "prep" and c.lower_ in {"on", "upon", "for"} and not any(
                o.ent_type_ in {"DATE", "TIME"} for o in c.children)  # not "on Tuesday"
            for c in t.children):
        return False
    return any(c.dep_ in {"dobj", "obj", "oprd"} and c.pos_ in {"PROPN", "PRON"}
               for c in t.children)


def _request_governor(v: Token) -> tuple[Token, str] | None:
    """The word asking for the act and whether it is an appeal or a demand:
    "urged Israel to resume talks" (appeal), "demanded that Turkey provide" (demand),
    "said that Sudan must return" (demand)."""
    chain = governing_chain(v)
    for t in chain[1:]:
        if lemma_of(t) in ASKING and not _phone_call(t):
            return t, "demand" if lemma_of(t) in DEMANDING else "appeal"
    t = v
    for _ in range(3):
        if t.dep_ not in {"ccomp", "acl", "pcomp", "xcomp", "advcl"} or t.head is t:
            break
        head = t.head.head if t.head.dep_ == "prep" else t.head
        lem = lemma_of(head)
        if lem in ASKING and not _phone_call(head):
            return head, "demand" if lem in DEMANDING else "appeal"
        if lem in SPEECH and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX
                                 for c in v.children):
            return head, "demand"
        t = head
    return None


def _considered(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    """'Malaysia is considering giving money to refugees': weighing an act is CAMEO 014
    (consider policy option), by whoever considers it."""
    gov = next((t for t in governing_chain(v)[1:] if lemma_of(t) in CONSIDER_VERBS), None)
    if gov is None:
        return []
    sources = subject_of(gov, resolver)
    targets = targets_of(v, p, resolver)
    pat = replace(p, id=f"{p.id}+considered")
    return [replace(f, derived=True) for f in _pairs(
        pat, "014", gov, sources, targets, False, "asserted",
        " ".join(t.text for t in gov.subtree))]


def _asked_for(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    found = _request_governor(v)
    if found is None:
        return _considered(v, p, resolver)
    gov, kind = found
    table = DEMAND_CODES if kind == "demand" else APPEAL_CODES
    code = (table.get(p.code[:4]) or table.get(p.code[:3]) or table.get(p.code[:2])
            or ("100" if kind == "demand" else "020"))
    targets: list[Actor] = []
    if gov.pos_ in {"NOUN", "PROPN"}:
        owner = [c for c in gov.children if c.dep_ == "poss"]
        asker = [g for c in gov.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                 for g in c.children if g.dep_ == "pobj"]
        if owner:
            sources = resolver.actors_at(owner[0])
        elif asker:  # "Obama faces pressure from Congress to ...": Congress asks Obama
            sources = resolver.actors_at(asker[0])
            holder = gov.head.head if gov.head.dep_ == "prep" else gov.head  # "came under"
            targets = subject_of(holder, resolver) if holder is not gov else []
        else:
            sources = subject_of(gov.head, resolver)
    else:
        sources = subject_of(gov, resolver)
        if is_passive(gov):  # "Obama is being pressured by Congress to ..."
            targets = [a for c in children_with(gov, SUBJ_PASS) for a in resolver.actors_at(c)]
    for o in children_with(gov, OBJ):
        if not targets:
            targets = resolver.actors_at(o)
        break
    if not targets:  # "called on Russia to respect the ceasefire"
        for prep in children_with(gov, {"prep"}):
            if prep.lower_ in {"on", "upon"}:
                for o in children_with(prep, {"pobj"}):
                    targets = targets or resolver.actors_at(o)
    if not targets:
        for subj in children_with(v, SUBJ | SUBJ_PASS):
            targets = resolver.actors_at(subj)
            break
    if not targets:
        targets = targets_of(v, p, resolver)
    return [replace(f, derived=True) for f in
            _pairs(p, code, gov, sources, targets, False, "asserted", own_clause(gov))]


def _noun_event(n: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    force = p.code[:2] in FORCE_ROOTS
    doer_preps = {"by", "of"} - set(p.target) if force else {"by", "of"}
    # an act's phrases the parse hangs elsewhere ("a wave of repression by ..."): nominal.sites
    words = [c for h in phrase_heads(n) for c in h.children] + moved_preps(n) if force \
        else list(n.children)
    for c in words:
        if c.dep_ == "poss":
            sources = resolver.actors_at(c)
        elif c.dep_ == "prep" and c.lower_ in doer_preps and not sources:
            for o in children_with(c, {"pobj"}):
                sources = resolver.actors_at(o)
        elif c.dep_ == "prep" and c.lower_ in set(p.target) - doer_preps:
            for o in children_with(c, {"pobj"}):
                targets = targets or object_actors(o, resolver)
    if not sources and lemma_of(n) in STRIKE_HEADS:
        sources = resolver.actors_at(n)  # "the Israeli attack", "Taliban attacks": its user
    answering = answering_verb(n) if force and not sources else None
    if answering is not None:  # "the government responded with a wave of repression"
        sources = subject_of(answering, resolver)
    if not sources and n.dep_ in {"pobj", "dobj"} and p.code[:2] not in FORCE_ROOTS:
        # "held talks ... during a visit to Beirut", "paid a visit": the clause's subject
        # (not for force: who condemns an attack did not carry it out)
        verb = n.head.head if n.dep_ == "pobj" else n.head
        if verb.pos_ in {"VERB", "AUX"}:
            sources = subject_of(verb, resolver)
    return _pairs(p, p.code, n, sources, targets, False, "asserted", n.sent.text)


def anchored(a: Actor | None) -> bool:
    """An actor we can place: a country, or a named organisation or group. A bare role
    ("police", "rebels") may fill the other side of an event, or face another role
    ("police arrested protesters"), but cannot carry an event alone."""
    return a is not None and a.code is not None and (a.country is not None or len(a.code) > 3)


def _pairs(p: Pattern, code: str, trig: Token, sources: list[Actor], targets: list[Actor],
           negated: bool, modality: str, clause: str) -> list[Found]:
    out: list[Found] = []
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    mirrored: list[tuple[Actor | None, Actor | None]] = []
    joint = code[:2] in JOINT_PLEDGE_ROOTS and all(a.country for a in sources) \
        and len({a.country for a in sources}) > 1
    if (p.symmetric or joint) and len(sources) > 1 and not targets:
        # "A and B agreed", "the Secretary and President Ghani pledged to remain in contact":
        # a joint act with no other party is each one's act toward the other
        pairs: list[tuple[Actor | None, Actor | None]] = [
            (a, b) for a in sources for b in sources if a is not b]
    else:
        pairs = [(a, b) for a in srcs for b in tgts]
        if p.symmetric and code == p.code and code[:2] in JOINT_ROOTS and not negated:
            # "X held talks with Y", "X clashed with Y": Y did it with X too
            mirrored = [(b, a) for a in sources for b in targets if joint_partner(b, trig)]
            pairs += mirrored
    if any(t.text.lower() in REFLEXIVE for t in targets):
        return out  # "defended themselves", "attacked themselves": no act between actors
    for s, tg in pairs:
        if s is not None and tg is not None and s.code and s.code == tg.code \
                and s.start_char == tg.start_char:
            continue
        tg = own_role(tg, s, trig.doc)
        if code in POPULATION_ACTS:
            tg = _population(tg, s, trig)
        if tg is None and code[:2] == "14" and s is not None and s.country \
                and s.sector not in {None, "GOV", "MIL", "COP"}:
            # protesters with no one named protest against their own government
            tg = Actor(s.country + "GOV", trig.text, trig.idx, trig.idx + len(trig.text),
                       s.country, "GOV", "sector", via="implied", head_i=trig.i)
        if s is None and tg is not None and code == "173" and _agentless_arrest(trig):
            s = Actor("COP", trig.text, trig.idx, trig.idx + len(trig.text), sector="COP",
                      kind="sector", via="implied", head_i=trig.i)  # the story's police
        if s is not None and tg is not None and tg.kind == "country" and s.country \
                and tg.code == s.country and code[:2] in {"03", "05"} and s is not tg:
            continue  # "the partnership between the United States and Kosovo": not with itself
        if code in {"042", "043", "044"} and (s is None or s.code is None):
            continue  # "cranes arrived in Dar es Salaam": only an actor visits
        if (s is None or s.code is None) and (tg is None or tg.code is None):
            continue
        out.append(Found(p, code, trig, s, tg, tuple(sources), tuple(targets), negated,
                         modality, clause,
                         mirrored=(s, tg) in mirrored))
    return out


# Acts imposed on a country's population (curfew 1723, state of emergency or martial law
# 1724): with no one named, their target is the doer's country's civilians
POPULATION_ACTS = frozenset({"1723", "1724"})



def _population(tg: Actor | None, s: Actor | None, trig: Token) -> Actor | None:
    """The target of a curfew or state of emergency: the people of the place it is imposed
    in ("a curfew in Kathmandu": Nepal's civilians, not its government), else of the doer's
    country; a named group or role stays."""
    if tg is not None and tg.country and (tg.kind == "country" or tg.via == "metonymy"):
        return replace(tg, code=tg.country + "CVL", sector="CVL", kind="sector")
    if tg is None and s is not None and s.country:
        return Actor(s.country + "CVL", trig.text, trig.idx, trig.idx + len(trig.text),
                     s.country, "CVL", "sector", via="implied", head_i=trig.i)
    return tg


ARREST_VERBS = frozenset({"arrest", "detain", "apprehend"})


def _agentless_arrest(trig: Token) -> bool:
    """'X was arrested', 'with 200 people arrested': an arrest with no one named doing it
    is the police's (annotation guideline: actors the text implies)."""
    if trig.pos_ != "VERB" or trig.lemma_.lower() not in ARREST_VERBS:
        return False
    if any(c.dep_ == "agent" for c in trig.children):
        return False
    return is_passive(trig) or (trig.dep_ in {"acl", "advcl", "xcomp"} and trig.tag_ == "VBN")


# Possessive pronouns that point back to the doer: "urged their citizens", "deployed its army"
OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}


def own_role(tg: Actor | None, s: Actor | None, doc: Doc) -> Actor | None:
    """A bare role owned by a possessive pronoun ("the embassies urged their citizens",
    "Nepal deployed its military") is of the doer's country, each doer's own in a list."""
    if tg is None or s is None or tg.country is not None or not tg.sector \
            or tg.kind != "sector" or not s.country or not 0 <= tg.head_i < len(doc) \
            or tg.sector == s.sector:
        return tg
    if not any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in doc[tg.head_i].children):
        return tg
    return replace(tg, code=s.country + tg.sector, country=s.country)


REFLEXIVE = {"themselves", "itself", "himself", "herself", "ourselves", "myself",
             "yourself", "yourselves", "oneself"}
JOINT_ROOTS = {"04", "19"}  # meeting, negotiating, fighting "with" someone
JOINT_PLEDGE_ROOTS = {"03", "04", "05", "06"}  # cooperating: two countries' joint act


def joint_partner(a: Actor, trig: Token) -> bool:
    """The actor is the partner of a joint act: the object of "with"/"between"."""
    if a.head_i < 0 or a.head_i >= len(trig.doc):
        return False
    head = trig.doc[a.head_i]
    while head.dep_ in {"conj", "appos", "compound"} and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in {"with", "between"}
