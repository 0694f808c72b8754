"""The actors of a trigger from the parse: its source (subject, through xcomp, conj, advcl,
relative pronouns, passive agents, an attack's user) and its targets (the pattern's slots:
object, indirect object, prepositions; a non-actor object's possessor or prepositional actor).

compute only; used by `extract`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.pairs import paired_countries
from ..actors.resolve import Actor, ActorResolver
from .clauses import OBJ, RELATIVE, SUBJ, SUBJ_PASS, children_with, is_passive, lemma_of
from .cooperation import cooperation_words, light_object
from .modality import committed_to
from .nested_targets import inner_actors, relief_target
from .patterns import Pattern


def subject_of(v: Token, resolver: ActorResolver, depth: int = 0) -> list[Actor]:
    if depth > 4:
        return []
    passive = is_passive(v)
    if passive or (v.dep_ == "acl" and v.tag_ == "VBN"):
        for c in children_with(v, {"agent"}):
            for p in children_with(c, {"pobj"}):
                got = resolver.actors_at(p)
                if got:
                    return got
        return attack_agent(v, resolver)
    for c in children_with(v, SUBJ):
        if c.lower_ in RELATIVE and v.dep_ == "relcl":
            return resolver.actors_at(v.head)
        got = resolver.actors_at(c)
        if got:
            return got
        return []
    slipped = [c for c in v.children if c.dep_ == "compound" and c.i == v.i - 1]
    if v.pos_ == "VERB" and slipped:  # "a warplane bombs a school": parsed as a compound
        return resolver.actors_at(slipped[0])
    head = v.head
    if head is v:
        return []
    if v.dep_ == "xcomp" and is_passive(head) and not children_with(head, {"agent"}):
        # "Obama is scheduled to attend", "X was forced to withdraw": the passive subject
        for c in children_with(head, SUBJ_PASS):
            return resolver.actors_at(c)
    if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head is not head:
        return subject_of(head.head, resolver, depth + 1)  # "Tehran was ready to resume"
    if v.dep_ == "xcomp":
        objs = [o for o in children_with(head, OBJ) if not light_object(o)]
        if objs and lemma_of(head) not in {"continue", "begin", "start", "keep"}:
            return resolver.actors_at(objs[0])
        return subject_of(head, resolver, depth + 1)
    if v.dep_ in {"conj", "advcl", "ccomp"} and v.dep_ != "ccomp":
        return subject_of(head, resolver, depth + 1)
    if committed_to(v):  # "X committed to continuing to consult": X consults
        return subject_of(head.head, resolver, depth + 1)
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


def attack_agent(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'killed in Israeli tank shelling', 'wounded in an air strike by government forces':
    the attacker named on the attack noun is the source of a passive act."""
    for prep in children_with(v, {"prep"}):
        if prep.lower_ not in {"in", "by", "during", "after", "from"}:
            continue
        for noun in children_with(prep, {"pobj"}):
            if lemma_of(noun) not in ATTACK_NOUNS:
                continue
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in children_with(c, {"pobj"}):
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


def object_actors(o: Token, resolver: ActorResolver) -> list[Actor]:
    got = resolver.actors_at(o)
    if got:
        return got
    if lemma_of(o) in cooperation_words().relation_nouns:
        got = paired_countries(o, resolver)  # "strengthen the U.S.-Colombia friendship"
        if got:
            return got
    # a possessive pronoun ("deepen its cooperation with Argentina") points back, mostly to
    # the doer: the partner the object names comes first, the pronoun's owner after it
    owners = [c for c in o.children if c.dep_ == "poss"]
    named = [c for c in owners if c.lower_ not in PRONOUN_OWNERS]
    for c in named:
        got = resolver.actors_at(c)
        if got:
            return got
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "against", "with", "to", "for", "of",
                                              "between", "toward", "towards", "by"}:
            for p in children_with(c, {"pobj"}):
                got = resolver.actors_at(p)
                if got:
                    return got
    # the owner of the thing comes before where it stands: "its embassy in Beirut" is
    # the owner's (the country it stands in is only the place)
    for c in owners:
        if c not in named and (got := resolver.actors_at(c)):
            return got
    for c in o.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in children_with(c, {"pobj"}):
                got = resolver.actors_at(p)
                if got:
                    return _placed(got)
    return []


def _placed(actors: list[Actor]) -> list[Actor]:
    """Actors named as where a thing stands or an act happens ("a hotel in Mogadishu",
    "stormed a hotel in Mogadishu"): a capital there is the place, its country, not the
    government it stands for as a speaker ("Mogadishu said")."""
    return [replace(a, code=a.country, sector=None, kind="country", via="place")
            if a.via == "metonymy" and a.country else a for a in actors]


PRONOUN_OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def targets_of(v: Token, p: Pattern, resolver: ActorResolver) -> list[Actor]:
    passive = is_passive(v)
    objs = children_with(v, SUBJ_PASS) if passive else children_with(v, OBJ)
    if not objs and not passive:
        # a name parsed as the predicate of an object that is not there ("called President
        # Tshisekedi today to discuss ...", Tshisekedi/oprd) is the object
        objs = [c for c in children_with(v, {"oprd"}) if c.pos_ == "PROPN"]
    if v.dep_ == "acl" and v.tag_ == "VBN":  # "the civilians imprisoned by ..."
        objs = [v.head, *objs]
    if p.code[:2] == "11" and objs:
        got = condemned_attacker(v, objs, resolver, passive)
        if got:
            return got
    for slot in p.target:
        if slot == "obj":
            for o in objs:
                got = object_actors(o, resolver)
                if got:
                    return got
        elif slot == "iobj":
            for o in children_with(v, {"dative", "iobj"}):
                got = resolver.actors_at(o)
                if got:
                    return got
        elif slot == "subject_obj":
            for x in children_with(v, {"ccomp", "xcomp"}):
                for subj in children_with(x, SUBJ | SUBJ_PASS):
                    got = resolver.actors_at(subj)
                    if got:
                        return got
        elif slot == "xcomp_obj":
            for x in children_with(v, {"xcomp"}):
                for o in children_with(x, OBJ):
                    got = resolver.actors_at(o)
                    if got:
                        return got
                for prep in children_with(x, {"prep", "dative"}):
                    if prep.lower_ in {"to", "against", "on", "with", "at"}:
                        for pobj in children_with(prep, {"pobj"}):
                            got = object_actors(pobj, resolver)
                            if got:
                                return got
        else:
            if slot == "for":  # "called for Burma to institute reforms": Burma is asked
                # ... or "stressed the need for Burma to reform" (the clause of the object)
                for c in [*v.children, *(ch for o in objs for ch in o.children)]:
                    if for_clause(c):
                        for subj in children_with(c, SUBJ):
                            got = resolver.actors_at(subj)
                            if got:
                                return got
            # "reaffirmed the strength of the partnership with X": the act noun the
            # pattern found through "of" holds the slot too
            holders = [v, *objs, *(p for o in objs for c in children_with(o, {"prep"})
                                   if c.lower_ == "of" for p in children_with(c, {"pobj"}))]
            for h in holders:
                for prep in children_with(h, {"prep", "dative"}):
                    if prep.lower_ != slot:
                        continue
                    for pobj in children_with(prep, {"pobj"}):
                        got = object_actors(pobj, resolver) or (
                            [] if slot in {"in", "of"} else inner_actors(pobj, resolver))
                        if got:
                            return _placed(got) if slot == "in" else got
    if p.code[:2] == "07" and (got := relief_target(v, resolver, object_actors)):
        return got
    if p.code[:2] == "03":
        return intended_object(objs, resolver)
    if p.code[:2] == "15":
        return responded_to(v, resolver)
    return []


def responded_to(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'scrambled jets in response to Russian drones': a show of force answers the one
    whose act or weapons it responds to (a weapon's user being its armed forces)."""
    for prep in children_with(v, {"prep"}):
        for resp in children_with(prep, {"pobj"}):
            if prep.lower_ != "in" or lemma_of(resp) != "response":
                continue
            for to in children_with(resp, {"prep"}):
                if to.lower_ != "to":
                    continue
                for x in children_with(to, {"pobj"}):
                    got = object_actors(x, resolver)
                    if got:
                        return got
                    for c in x.children:
                        if c.dep_ in {"amod", "compound", "nmod"}:
                            got = resolver.actors_at(c)
                            if got and lemma_of(x) in ATTACK_NOUNS:
                                return [replace(a, code=f"{a.country}MIL", sector="MIL")
                                        if a.kind == "country" and a.country else a
                                        for a in got]
    return []


# the partner of an intended act named on its verb ("intent to work with the government")
PARTNER_PREPS = frozenset({"with", "alongside"})


def intended_object(objs: list[Token], resolver: ActorResolver) -> list[Actor]:
    """'reaffirmed their commitment to continue supporting Ukraine': the party of the
    act the intent is about (the object of the verbs under the intent's noun)."""
    todo = [c for o in objs for c in o.children if c.dep_ in {"acl", "xcomp"}]
    for _ in range(3):
        nxt: list[Token] = []
        for v in todo:
            for o in children_with(v, OBJ):
                got = object_actors(o, resolver)
                if got:
                    return got
            for o in (o for w in children_with(v, {"prep"}) if w.lower_ in PARTNER_PREPS
                      for o in children_with(w, {"pobj"})):
                got = object_actors(o, resolver)  # "its eagerness to work with Zambia"
                if got:
                    return got
            nxt += [c for c in v.children if c.dep_ == "xcomp"]
        todo = nxt
    return []


def condemned_attacker(v: Token, objs: list[Token], resolver: ActorResolver,
                       passive: bool) -> list[Actor]:
    """'condemned the attack on Y by Z': the criticized party is the attacker Z named with
    "by" (annotation guideline, acts named inside statements), on the attack noun or, in
    a parse slip, on the verb itself; 'condemned the sanctions imposed by Z' likewise."""
    attacks = [o for o in objs if lemma_of(o) in ATTACK_NOUNS]
    # "condemned the sanctions imposed by X": whoever did the act condemned
    done = [c for o in objs for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if not attacks and not done:
        return []
    holders = [*attacks, *done, *([] if passive or not attacks else [v])]
    for h in holders:
        for by in h.children:
            if by.dep_ in {"prep", "agent"} and by.lower_ == "by":
                for p in children_with(by, {"pobj"}):
                    got = resolver.actors_at(p)
                    if got:
                        return got
    return []


def for_clause(c: Token) -> bool:
    """'for X to do': a clause child with the subordinator "for" (spaCy: mark)."""
    return c.dep_ in {"advcl", "ccomp", "xcomp"} and any(
        m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
