"""Find events in a parsed sentence: trigger + pattern -> code; source/target from the parse.

compute only: `extract(doc, resolver, patterns)` returns `Found` records; the coder turns
them into `Event`s (dates, places, ontology). Rules, each in one small function:

- source: the trigger's subject; through xcomp (subject or object control), conj and
  advcl heads; relative pronouns take the modified noun; passive `by` agents.
- target: the pattern's slots in order (object, indirect object, prepositions); an object
  that is not itself an actor yields its possessor or prepositional actor
  ("hailed the Iraqi Armed Forces' achievements", "sanctions on Russia").
- compounds: every source x every target; symmetric acts with a compound subject and no
  target code both directions ("Iran and Iraq signed").
- negation ("did not sign") and hypotheticals ("may attack", "if ...") are not the act;
  intent ("will provide", "pledged to") maps to the CAMEO 03 intent codes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..actors.resolve import STRIKE_HEADS, Actor, ActorResolver
from .nominal import nominal_acts
from .patterns import Pattern, PatternSet

SUBJ = {"nsubj", "csubj", "expl"}
SUBJ_PASS = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "may", "might", "should", "must", "can", "ca"}
INTENT_VERBS = {"pledge", "promise", "vow", "plan", "intend", "offer", "agree", "decide",
                "commit", "aim", "want", "hope", "expect", "prepare", "seek", "propose",
                "undertake", "resolve", "mean", "wish", "aspire", "volunteer", "schedule"}
NEGATING_VERBS = {"refuse", "fail", "decline", "deny", "reject", "avoid", "stop", "cease",
                  "halt", "postpone", "cancel", "delay", "suspend", "abandon"}
THREAT_VERBS = {"threaten", "warn"}
RELATIVE = {"who", "which", "that", "whom"}

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


# Lemmas the small English pipeline gets wrong, by lower-case form ("hoped" -> "hop").
LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope", "staged": "stage",
               "stages": "stage", "staging": "stage", "forgave": "forgive", "sentenced":
               "sentence", "bombed": "bomb", "shelled": "shell", "ruled": "rule"}


def lemma_of(t: Token) -> str:
    return LEMMA_FIXES.get(t.lower_) or t.lemma_.lower()


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


def intent_code(code: str) -> str:
    """A future act: 04-08 -> the 03 intent codes; force and coercion -> 13 threats."""
    if code[:2] in {"14", "15", "16", "17", "18", "19", "20"}:
        return threat_code(code)
    return INTENT_CODES.get(code) or INTENT_CODES.get(code[:3]) or INTENT_CODES.get(
        code[:2], code)


def threat_code(code: str) -> str:
    return THREAT_CODES.get(code[:3]) or THREAT_CODES.get(code[:2], "130")


def _children(t: Token, deps: set[str]) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def is_passive(v: Token) -> bool:
    return any(c.dep_ in SUBJ_PASS or c.dep_ == "auxpass" for c in v.children)


def subject_of(v: Token, resolver: ActorResolver, depth: int = 0) -> list[Actor]:
    if depth > 4:
        return []
    passive = is_passive(v)
    if passive or (v.dep_ == "acl" and v.tag_ == "VBN"):
        for c in _children(v, {"agent"}):
            for p in _children(c, {"pobj"}):
                got = resolver.actors_at(p)
                if got:
                    return got
        return _attack_agent(v, resolver)
    for c in _children(v, SUBJ):
        if c.lower_ in RELATIVE and v.dep_ == "relcl":
            return resolver.actors_at(v.head)
        got = resolver.actors_at(c)
        if got:
            return got
        return []
    head = v.head
    if head is v:
        return []
    if v.dep_ == "xcomp" and is_passive(head) and not _children(head, {"agent"}):
        # "Obama is scheduled to attend", "X was forced to withdraw": the passive subject
        for c in _children(head, SUBJ_PASS):
            return resolver.actors_at(c)
    if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head is not head:
        return subject_of(head.head, resolver, depth + 1)  # "Tehran was ready to resume"
    if v.dep_ == "xcomp":
        objs = _children(head, OBJ)
        if objs and lemma_of(head) not in {"continue", "begin", "start", "keep"}:
            return resolver.actors_at(objs[0])
        return subject_of(head, resolver, depth + 1)
    if v.dep_ in {"conj", "advcl", "ccomp"} and v.dep_ != "ccomp":
        return subject_of(head, resolver, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG" and head.lower_ in MEDIUM_NOUNS:
        # "Pompeo posted a message on Twitter blaming Iran", "issued a statement calling for":
        # the one who posted or issued it
        verb = head.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
            verb = verb.head
        return subject_of(verb, resolver, depth + 1) if verb.pos_ in {"VERB", "AUX"} else []
    if v.dep_ in {"relcl", "acl"} and v.tag_ in {"VBN", "VBG"}:
        return resolver.actors_at(head) if v.tag_ == "VBG" else []
    return []


# Media and messages: an -ing clause on them ("a statement blaming Iran", "a post on Twitter
# calling for calm") is done by whoever issued them, not by the medium.
MEDIUM_NOUNS = {"twitter", "facebook", "instagram", "youtube", "telegram", "tiktok", "weibo",
                "wechat", "message", "statement", "post", "tweet", "letter", "video", "speech",
                "interview", "email", "broadcast", "communique", "communiqué", "declaration"}


ATTACK_NOUNS = {"attack", "shelling", "strike", "airstrike", "raid", "bombing", "bombardment",
                "fire", "gunfire", "clash", "assault", "offensive", "ambush", "shell",
                "rocket", "missile", "crackdown", "operation", "incursion", "blast", "tank",
                "jet", "warplane", "drone", "artillery", "helicopter", "gunship", "mortar",
                "sniper", "gunman", "shooting", "bomb"}


def _attack_agent(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'killed in Israeli tank shelling', 'wounded in an air strike by government forces':
    the attacker named on the attack noun is the source of a passive act."""
    for prep in _children(v, {"prep"}):
        if prep.lower_ not in {"in", "by", "during", "after", "from"}:
            continue
        for noun in _children(prep, {"pobj"}):
            if lemma_of(noun) not in ATTACK_NOUNS:
                continue
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in _children(c, {"pobj"}):
                        got = resolver.actors_at(p)
                        if got:
                            return got
            for c in noun.children:
                if c.dep_ in {"amod", "compound", "poss", "nmod"}:
                    got = resolver.actors_at(c)
                    if got:  # "Israeli tank shelling": the country's armed forces
                        return [replace(a, code=f"{a.country}MIL", sector="MIL")
                                if a.kind == "country" and a.country and not a.sector else a
                                for a in got]
    return []


def _object_actors(o: Token, resolver: ActorResolver) -> list[Actor]:
    got = resolver.actors_at(o)
    if got:
        return got
    for c in o.children:
        if c.dep_ == "poss":
            got = resolver.actors_at(c)
            if got:
                return got
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "against", "with", "to", "for", "of",
                                              "between", "toward", "towards", "in", "by"}:
            for p in _children(c, {"pobj"}):
                got = resolver.actors_at(p)
                if got:
                    return got
    return []


def targets_of(v: Token, p: Pattern, resolver: ActorResolver) -> list[Actor]:
    passive = is_passive(v)
    objs = _children(v, SUBJ_PASS) if passive else _children(v, OBJ)
    if v.dep_ == "acl" and v.tag_ == "VBN":  # "the civilians imprisoned by ..."
        objs = [v.head, *objs]
    for slot in p.target:
        if slot == "obj":
            for o in objs:
                got = _object_actors(o, resolver)
                if got:
                    return got
        elif slot == "iobj":
            for o in _children(v, {"dative", "iobj"}):
                got = resolver.actors_at(o)
                if got:
                    return got
        elif slot == "subject_obj":
            for x in _children(v, {"ccomp", "xcomp"}):
                for subj in _children(x, SUBJ | SUBJ_PASS):
                    got = resolver.actors_at(subj)
                    if got:
                        return got
        elif slot == "xcomp_obj":
            for x in _children(v, {"xcomp"}):
                for o in _children(x, OBJ):
                    got = resolver.actors_at(o)
                    if got:
                        return got
                for prep in _children(x, {"prep", "dative"}):
                    if prep.lower_ in {"to", "against", "on", "with", "at"}:
                        for pobj in _children(prep, {"pobj"}):
                            got = _object_actors(pobj, resolver)
                            if got:
                                return got
        else:
            if slot == "for":  # "called for Burma to institute reforms": Burma is asked
                # ... or "stressed the need for Burma to reform" (the clause of the object)
                for c in [*v.children, *(ch for o in objs for ch in o.children)]:
                    if _for_clause(c):
                        for subj in _children(c, SUBJ):
                            got = resolver.actors_at(subj)
                            if got:
                                return got
            holders = [v, *objs]
            for h in holders:
                for prep in _children(h, {"prep", "dative"}):
                    if prep.lower_ != slot:
                        continue
                    for pobj in _children(prep, {"pobj"}):
                        got = _object_actors(pobj, resolver)
                        if got:
                            return got
    return []


def _for_clause(c: Token) -> bool:
    """'for X to do': a clause child with the subordinator "for" (spaCy: mark)."""
    return c.dep_ in {"advcl", "ccomp", "xcomp"} and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children)


def _object_lemmas(v: Token) -> set[str]:
    objs = _children(v, SUBJ_PASS if is_passive(v) else OBJ)
    objs += [c for c in v.children if c.dep_ in {"attr", "oprd"}]
    for prep in _children(v, {"prep"}):
        objs += _children(prep, {"pobj"})
    out: set[str] = set()
    for o in objs:
        out.add(lemma_of(o))
        if lemma_of(o) == "game" and any(c.lower_ == "war" for c in o.children):
            out.add("wargame")  # "war games" are military exercises
        for c in o.conjuncts:
            out.add(lemma_of(c))
        if o.dep_ in OBJ | SUBJ_PASS:
            for prep in _children(o, {"prep"}):
                if prep.lower_ in {"of", "in"}:  # "tons of aid", "500 million euros in aid"
                    out.update(lemma_of(p) for p in _children(prep, {"pobj"}))
    return out


def _object_modifiers(v: Token) -> set[str]:
    """Lemmas that narrow the object ("military aid", "air strikes"): a hit here is more
    specific than a hit on the object itself. Not the modifiers of any prepositional
    phrase ("suspended Mali after the military coup")."""
    objs = _children(v, SUBJ_PASS if is_passive(v) else OBJ)
    for o in list(objs):
        for prep in _children(o, {"prep"}):
            if prep.lower_ in {"of", "in"}:
                objs += _children(prep, {"pobj"})
    return {lemma_of(c) for o in objs if lemma_of(o) not in NOT_THE_ACT for c in o.children
            if c.dep_ in {"compound", "amod", "nmod"}}


# Heads whose modifier does not make them the act: "war games" are no war, "war crimes
# trial", "attack helicopters", "peace prize", "aid worker".
NOT_THE_ACT = {"game", "crime", "criminal", "zone", "correspondent", "memorial", "veteran",
               "museum", "film", "movie", "book", "hero", "widow", "orphan", "footage",
               "simulation", "helicopter", "plane", "jet", "prize", "worker", "group",
               "agency", "ministry", "minister", "official", "chief", "envoy", "expert",
               "anniversary", "victim", "survivor", "story", "photo"}


def _clause_lemmas(v: Token) -> set[str]:
    out: set[str] = set()
    for c in v.children:
        if c.dep_ in {"xcomp", "ccomp", "prep", "advcl", "dobj", "obj"}:
            out.update(lemma_of(t) for t in c.subtree)
    return out


def match_pattern(v: Token, candidates: tuple[Pattern, ...], resolver: ActorResolver
                  ) -> Pattern | None:
    obj_lemmas: set[str] | None = None
    obj_mods: set[str] = set()
    clause: set[str] | None = None
    preps = {c.lower_ for c in v.children if c.dep_ in {"prep", "agent"}}
    preps |= {"for" for c in v.children if _for_clause(c)}  # "called for Burma to reform"
    particles = {c.lower_ for c in v.children if c.dep_ in {"prt", "advmod"}
                 or (c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS)}
    best: tuple[int, int] | None = None
    chosen: Pattern | None = None
    for order, p in enumerate(candidates):
        if best is not None and p.specificity + 2 < best[0]:
            break
        hits = 0
        if p.particle and p.particle not in particles:
            continue
        if p.preps and not (p.preps & preps):
            continue
        if p.objects:
            if obj_lemmas is None:
                obj_lemmas, obj_mods = _object_lemmas(v), _object_modifiers(v)
            head_hits, mod_hits = len(p.objects & obj_lemmas), len(p.objects & obj_mods)
            if not head_hits and not mod_hits:
                continue
            hits += head_hits + 2 * mod_hits
        if p.complement:
            clause = _clause_lemmas(v) if clause is None else clause
            hits += len(p.complement & clause)
            if not (p.complement & clause):
                continue
        if p.object_actor and not targets_of(v, p, resolver):
            continue
        if p.clausal and not any(_infinitival(c) for c in v.children):
            continue
        score = (p.specificity + min(hits, 3), -order)
        if best is None or score > best:
            best, chosen = score, p
    return chosen


def _chain(v: Token) -> list[Token]:
    """The trigger and the words governing it through xcomp/conj (for aux and negation),
    including a governing adjective ("is willing to send") and its copula."""
    out = [v]
    t = v
    while (t.dep_ in {"xcomp", "conj"} or _infinitival(t)) and t.head is not t and len(out) < 5:
        t = t.head
        out.append(t)
        if t.pos_ == "ADJ" and t.dep_ in {"acomp", "amod", "oprd"} and t.head is not t:
            t = t.head
            out.append(t)
    return out


ASKING = {"urge", "ask", "call", "press", "pressure", "push", "demand", "request", "appeal",
          "force", "compel",
          "insist", "lobby", "encourage", "implore", "beg", "invite", "want", "plea", "bid",
          "proposal", "propose", "suggest", "recommend"}
WISHING = {"hope", "wish", "fear", "believe", "think", "expect", "doubt", "suspect", "predict",
           "speculate", "worry", "assume", "imagine", "guess", "dream", "pray"}
DEMAND_NOUNS = {"demand", "call", "appeal", "request", "plea", "push", "pressure", "bid",
                "proposal", "plan", "effort", "attempt", "offer", "threat", "warning"}


def _requested_clause(v: Token) -> bool:
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


def _question(v: Token) -> bool:
    """'Is the president going to ask him?': a question asserts no act."""
    return v.sent.text.rstrip().rstrip('"\u201d\'').endswith("?")


def _background(v: Token) -> bool:
    """'the group that has seized parts of Iraq', 'a Hamas member jailed over a year ago':
    a relative clause in the perfect, or dated in the past, recalls an earlier act."""
    if v.dep_ not in {"relcl", "acl"}:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)
    return perfect or any(t.lower_ == "ago" for t in v.subtree)


def _purpose_clause(v: Token) -> bool:
    """'met to discuss', 'efforts to counter', 'pressure to help': a to-infinitive that
    modifies a noun or states a purpose is an aim, not an act."""
    return v.dep_ in {"acl", "advcl", "relcl"} and v.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _noun_complement(v: Token) -> bool:
    """'the chances of resuming talks', 'the possibility of sending troops': an act named
    under a noun is not asserted."""
    return v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in {"NOUN", "ADJ"}


def _reason_clause(v: Token) -> bool:
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


def _charge_description(v: Token) -> bool:
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


def _mishap_clause(c: Token) -> bool:
    """'when a minivan crashes into a tree', 'after heavy rains cause houses to collapse'."""
    subjects = [s for s in c.children if s.dep_ in SUBJ]
    words = {lemma_of(x) for s in subjects for x in (s, *s.children) if x.dep_ != "det"}
    if words & WEAPON_WORDS:
        return False
    if lemma_of(c) in MISHAP_VERBS or words & MISHAPS:
        return True
    return any(_mishap_clause(x) for x in c.children if x.dep_ in {"xcomp", "ccomp"})


def _mishap(v: Token) -> bool:
    """'victims killed by the crash', 'Typhoon Haiyan killed 6,000 people', 'died in floods',
    'killed when a boat capsizes', '... killed and 8 injured in a fire' (the toll's clause
    may hang on either verb of the pair)."""
    holders = [v, *(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if v.dep_ == "conj" and v.head is not v:
        holders.append(v.head)
    doerless = is_passive(v) or lemma_of(v) in {"die", "perish"}
    if doerless and any(c.dep_ == "advcl" and _mishap_clause(c)
                        for h in holders for c in h.children):
        return True  # no doer named, and the clause of the toll tells an accident
    heads: list[Token] = []
    # "floods hit the region, killing 59": the toll of the clause it hangs on
    if v.dep_ in {"advcl", "conj"} and v.tag_ == "VBG" and v.head is not v:
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


@dataclass(frozen=True, slots=True)
class Modality:
    """How a trigger is asserted: future/intent, negated, and the kind of verb governing it
    through xcomp: threaten (threat), refuse (rejection), request (someone else is asked
    to act: not asserted), commit (pledge, agree, plan)."""

    future: bool = False
    negated: bool = False
    hypothetical: bool = False
    governing: str | None = None


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
    chain = _chain(v)
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
        object_control = (below.dep_ == "xcomp" and any(c.dep_ in OBJ for c in t.children)) \
            or (below.dep_ == "ccomp" and _infinitival(below))
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
    if (_noun_complement(v) or _purpose_clause(v) or _background(v) or _question(v)
            or _reason_clause(v) or _charge_description(v)):
        hypothetical = True
    if governing is None and _requested_clause(v):
        governing = "request"
    return Modality(future, negated, hypothetical, governing)


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
    if m.future or m.governing in {"threaten", "vow", "commit"}:
        if cooperative:
            return intent_code(code), "intent", False
        if m.future and root in FORCE_ROOTS:
            return threat_code(code), "threat", False
        return code, "intent", False
    return code, "asserted", False


def c_is_going_to(t: Token) -> bool:
    return t.tag_ == "VB" and t.head.lower_ == "going" and t.dep_ == "xcomp"


def extract(doc: Doc, resolver: ActorResolver, patterns: PatternSet,
            reasons: list[Rejected] | None = None) -> list[Found]:
    """All events of a sentence; a plain governing verb ("refused", "threatened",
    "pledged") gives way to the more specific act in its complement. `reasons`, when given,
    collects the triggers that gave no event (`Rejected`)."""
    found = _extract_all(doc, resolver, patterns, reasons)
    first = list(found)
    found = nominal_acts(found)
    accusations, alleged = _accusations(found, resolver)
    found = [f for f in found if f.trigger.i not in alleged] + accusations
    asked = {f.trigger.i for f in found if f.derived}
    found = [f for f in found if f.derived or f.trigger.i not in asked]
    attacks = {f.trigger.i for f in found if f.code[:2] in FORCE_ROOTS}
    found = [f for f in found if not _consequence(f.trigger, attacks)]
    acts: dict[int, set[str]] = {}
    for f in found:
        acts.setdefault(f.trigger.i, set()).add(f.code[:2])
    kept = [f for f in found if not any(
        _infinitival(c) and c.i in acts
        and (f.pattern.specificity == 0 or f.pattern.clausal or f.code[:2] in acts[c.i])
        for c in f.trigger.children)]
    if reasons is not None:
        reasons.extend(Rejected(f.trigger, f.pattern, "gave-way", f) for f in first
                       if f not in kept)
    return kept


ALLEGING = {"claim", "allege", "charge", "accuse", "blame", "assert", "contend"}
# Claiming one's own act is claiming responsibility for it (CAMEO 015).
OWNING = {"claim", "admit", "acknowledge", "assert"}
SELF_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


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
        if f.code[:2] not in FORCE_ROOTS or f.derived:
            continue
        t = f.trigger
        while t.dep_ in {"conj"} and t.head is not t:
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
            if not own and f.source is None:
                continue
            code, target = ("015", f.target) if own else ("112", f.source)
            pat = replace(f.pattern, id=f"{f.pattern.id}+{'claimed' if own else 'alleged'}")
            out.append(Found(pat, code, speaker, s, target, (s,),
                             (target,) if target is not None else (), False, "asserted",
                             " ".join(x.text for x in speaker.subtree), derived=False))
            alleged.add(f.trigger.i)
    return out, alleged


def _infinitival(t: Token) -> bool:
    """An xcomp, or a 'to'-infinitive ccomp with its own subject ("wants Putin to attack")."""
    if t.dep_ == "xcomp":
        return True
    return t.dep_ == "ccomp" and t.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


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
            found.extend(_verb_event(t, p, resolver))
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


HARM_VERBS = {"kill", "wound", "injure", "hurt", "maim", "slay", "murder"}
# The means named with a killing gives the finer CAMEO code, checked in this order.
MEANS = (({"suicide"}, "1831"), ({"car", "vehicle", "truck"}, "1832"),
         ({"roadside"}, "1833"), ({"ied", "improvised", "improvise"}, "1834"),
         ({"airstrike", "air", "drone", "warplane", "jet", "aerial", "helicopter", "missile"},
          "195"),
         ({"shelling", "shell", "artillery", "mortar", "rocket", "tank"}, "194"),
         ({"gunfire", "shooting", "gunman", "sniper", "gun", "rifle"}, "193"),
         ({"bomb", "bombing", "explosion", "blast", "explosive", "bomber"}, "183"))


def _means_code(v: Token) -> str | None:
    """'killed in a suicide car bombing', 'a roadside bomb killed', 'killed by an IED'."""
    words: set[str] = set()
    for c in v.children:
        if c.dep_ in SUBJ | {"agent", "prep"} and (c.dep_ != "prep" or c.lower_ in {
                "in", "by", "with", "during"}):
            words.update(lemma_of(t) for t in c.subtree)
    if not words & {"bomb", "bombing", "explosion", "blast", "explosive", "bomber", "strike",
                    "airstrike", "raid", "shelling", "shell", "artillery", "mortar", "rocket",
                    "gunfire", "shooting", "gunman", "sniper", "device", "ied", "drone",
                    "tank", "warplane", "attack", "missile"}:
        return None
    for cues, code in MEANS:
        if words & cues:
            return code
    return None


def _anonymous(v: Token) -> bool:
    """'a banker who declined to be named', 'asked not to be identified': the formula of an
    anonymous source, not a refusal to comment."""
    return any(c.dep_ == "xcomp" and lemma_of(c) in {"name", "identify", "quote"}
               and any(a.dep_ == "auxpass" for a in c.children) for c in v.children)


def _verb_event(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    if p.code[:2] in {"18", "19", "20"} and _mishap(v):
        return []
    if _anonymous(v):
        return []
    if p.code in {"190", "180", "183"} or (lemma_of(v) in HARM_VERBS
                                           and p.code[:2] in {"18", "19"}):
        finer = _means_code(v)
        if finer:
            p = replace(p, code=finer)
    code, modality, negated = coded_modality(p.code, modality_of(v))
    if code is None:
        return _asked_for(v, p, resolver) if not negated else []
    sources = subject_of(v, resolver)
    targets = targets_of(v, p, resolver)
    if p.reverse:  # "received weapons from X": X gives, the subject receives
        sources, targets = targets, sources
    return _pairs(p, code, v, sources, targets, negated, modality, own_clause(v))


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


def _request_governor(v: Token) -> tuple[Token, str] | None:
    """The word asking for the act and whether it is an appeal or a demand:
    "urged Israel to resume talks" (appeal), "demanded that Turkey provide" (demand),
    "said that Sudan must return" (demand)."""
    chain = _chain(v)
    for t in chain[1:]:
        if lemma_of(t) in ASKING:
            return t, "demand" if lemma_of(t) in DEMANDING else "appeal"
    t = v
    for _ in range(3):
        if t.dep_ not in {"ccomp", "acl", "pcomp", "xcomp", "advcl"} or t.head is t:
            break
        head = t.head.head if t.head.dep_ == "prep" else t.head
        lem = lemma_of(head)
        if lem in ASKING:
            return head, "demand" if lem in DEMANDING else "appeal"
        if lem in SPEECH and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX
                                 for c in v.children):
            return head, "demand"
        t = head
    return None


def _considered(v: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    """'Malaysia is considering giving money to refugees': weighing an act is CAMEO 014
    (consider policy option), by whoever considers it."""
    gov = next((t for t in _chain(v)[1:] if lemma_of(t) in CONSIDER_VERBS), None)
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
            targets = [a for c in _children(gov, SUBJ_PASS) for a in resolver.actors_at(c)]
    for o in _children(gov, OBJ):
        if not targets:
            targets = resolver.actors_at(o)
        break
    if not targets:  # "called on Russia to respect the ceasefire"
        for prep in _children(gov, {"prep"}):
            if prep.lower_ in {"on", "upon"}:
                for o in _children(prep, {"pobj"}):
                    targets = targets or resolver.actors_at(o)
    if not targets:
        for subj in _children(v, SUBJ | SUBJ_PASS):
            targets = resolver.actors_at(subj)
            break
    if not targets:
        targets = targets_of(v, p, resolver)
    return [replace(f, derived=True) for f in
            _pairs(p, code, gov, sources, targets, False, "asserted", own_clause(gov))]


def _noun_event(n: Token, p: Pattern, resolver: ActorResolver) -> list[Found]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    doer_preps = {"by", "of"} - set(p.target) if p.code[:2] in FORCE_ROOTS else {"by", "of"}
    for c in n.children:
        if c.dep_ == "poss":
            sources = resolver.actors_at(c)
        elif c.dep_ == "prep" and c.lower_ in doer_preps and not sources:
            for o in _children(c, {"pobj"}):
                sources = resolver.actors_at(o)
        elif c.dep_ == "prep" and c.lower_ in set(p.target) - doer_preps:
            for o in _children(c, {"pobj"}):
                targets = targets or _object_actors(o, resolver)
    if not sources and lemma_of(n) in STRIKE_HEADS:
        sources = resolver.actors_at(n)  # "the Israeli attack", "Taliban attacks": its user
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
