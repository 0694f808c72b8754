"""Places attacked, entered or left stand for their country.

"Russian troops attack the port cities of Odesa and Mariupol", "Russian gunships bombard
Hostomel Airport", "Russian forces seized control of the airport", "troops withdraw from the
city of Slavutych": an act of force (or a pull-back) whose object is a place is done to the
country the place is in, as a country dictionary's city entries would code it. A place in the
doer's own country gives no target ("the military recaptures the town of Pauktaw": the
target is whoever held it, not the country). A place named only as where something happened
("clashes in Odesa", "met in Geneva") is not an object and is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..actors.positions import force_words
from ..actors.resolve import STRIKE_HEADS, Actor
from ..geo import Place
from .extract import Found
from .nominal.sites import moved_preps

# Roots whose objects can be places: force (18-20), posture (15), and pulling back (087)
PLACE_OBJECT_ROOTS = frozenset({"15", "18", "19", "20"})
PLACE_OBJECT_CODES = ("087",)
# Nouns that are places without a name: "the airport", "a village", "the town of X"
PLACE_NOUNS = frozenset({
    "airport", "base", "border", "capital", "city", "coast", "district", "town", "village",
    "port", "province", "region", "oblast", "territory", "enclave", "island", "settlement",
    "outpost", "airbase", "airfield", "harbor", "harbour", "strait", "checkpoint", "camp"})
# Nouns through which the place is the object: "seized control of the airport"
VIA_NOUNS = frozenset({"control", "parts", "part", "outskirts", "centre", "center", "area",
                       "areas", "suburbs", "positions", "port", "city", "town", "region",
                       "village", "capital", "province"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# A name the parser does not tag as a place ("Odesa" as NORP, "Slavutych" as ORG) counts as
# one when the gazetteer knows a town of at least this size by it.
UNTAGGED_MIN_POPULATION = 20_000
OBJECT_PREPS = frozenset({"on", "against", "into", "from", "across", "toward", "towards"})


def _objects(v: Token) -> Iterator[Token]:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in v.children)
    for c in v.children:
        if c.dep_ in ({"nsubjpass"} if passive else {"dobj", "obj"}):
            yield c
            if c.lemma_.lower() in STRIKE_HEADS:  # "launched missile strikes on Erbil"
                yield from (p for pr in c.children if pr.dep_ == "prep"
                            and pr.lower_ in OBJECT_PREPS for p in pr.children
                            if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
            yield from (p for p in c.children if p.dep_ == "pobj")
    if v.pos_ == "NOUN":  # "the attack on Odesa", "strikes against Kharkiv"
        for c in [*v.children, *moved_preps(v)]:  # "condemned the attack on X by Y"
            if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
                yield from (p for p in c.children if p.dep_ == "pobj")


def _named_span(t: Token) -> Span | None:
    """The name a proper noun heads ("Hostomel Airport", "Odesa")."""
    if t.pos_ != "PROPN":
        return None
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    if ent is None:
        return t.doc[t.i: t.i + 1]
    if any(x.dep_ == "cc" or x.is_punct for x in ent):
        # "Kharkiv and Sumy" tagged as one entity: the name around this token only
        start, end = t.i, t.i + 1
        while start > ent.start and not (t.doc[start - 1].dep_ == "cc"
                                         or t.doc[start - 1].is_punct):
            start -= 1
        while end < ent.end and not (t.doc[end].dep_ == "cc" or t.doc[end].is_punct):
            end += 1
        return t.doc[start:end]
    return ent


def _country_of(name: Span, lookup: Callable[[str], Place | None]) -> str | None:
    place = lookup(name.text)
    if place is None:
        return None
    if name.root.ent_type_ in PLACE_ENTS or place.kind == "country":
        return place.country
    return place.country if place.population >= UNTAGGED_MIN_POPULATION else None


def object_place_country(v: Token, lookup: Callable[[str], Place | None],
                         story_country: str | None) -> tuple[str, Span] | None:
    """The country of the place the act at `v` is done to, and the words naming it, if
    its object is a place."""
    for o in _objects(v):
        todo = [o]
        while todo:
            t = todo.pop(0)
            name = _named_span(t)
            if name is not None:
                got = _country_of(name, lookup)
                if got:
                    return got, name
                if story_country and name.root.lemma_.lower() in force_words("place_noun"):
                    return story_country, name  # "the Chernobyl Exclusion Zone": a named area
                continue
            if t.lemma_.lower() in PLACE_NOUNS | VIA_NOUNS:
                # "the port cities of Odesa and Mariupol", "the town of Pauktaw"
                # (a common-noun compound, "the port cities", names no place)
                named = [p for c in t.children if c.dep_ == "appos" or (
                             c.dep_ == "compound" and c.pos_ == "PROPN") or (
                             c.dep_ == "prep" and c.lower_ in {"of", "in"})
                         for p in ([c] if c.dep_ != "prep" else
                                   [x for x in c.children if x.dep_ == "pobj"])]
                if named:
                    todo.extend(named)
                    continue
                if t.lemma_.lower() in PLACE_NOUNS and story_country:
                    return story_country, t.doc[t.left_edge.i: t.i + 1]
    return None


REBELS = "REB"


def held_by(words: Span) -> Token | None:
    """The armed group holding the place struck: "rebel-held Idlib", "the militant-controlled
    town of X" (data/force_words.tsv holder_verb, armed_holder): the attack is on them."""
    heads = [words.root, words.root.head] if words.root.dep_ == "pobj" else [words.root]
    heads += [h.head for h in heads if h.dep_ == "prep"]
    for h in heads:
        for mod in h.children:
            if mod.dep_ == "amod" and mod.lemma_.lower() in force_words("holder_verb"):
                holder = next((c for c in mod.children if c.dep_ in {"npadvmod", "compound"}
                               and c.lemma_.lower() in force_words("armed_holder")), None)
                if holder is not None:
                    return holder
    return None


# doers who fight their own state: a town they strike in their country stands for it
INSURGENT_SECTORS = frozenset({"REB", "INS", "SEP"})


def place_target(f: Found, lookup: Callable[[str], Place | None],
                 story_country: str | None) -> Found:
    """`f` with the country of the place it is done to as its target, when it has none."""
    if f.target is not None and f.target.code is not None:
        return f  # an actor; a name no dictionary knows may be the place
    if f.code[:2] not in PLACE_OBJECT_ROOTS and not f.code.startswith(PLACE_OBJECT_CODES):
        return f
    got = object_place_country(f.trigger, lookup, story_country)
    if got is not None and (held := held_by(got[1])) is not None:
        target = Actor(got[0] + REBELS, held.text, held.idx, held.idx + len(held.text),
                       country=got[0], sector=REBELS, kind="sector", via="implied",
                       head_i=held.i)
        return replace(f, target=target, targets=(target,))
    if got is None or (f.source is not None and f.source.country == got[0]
                       and f.source.sector not in INSURGENT_SECTORS):
        return f  # a state's own forces in its own town; rebels there attack their country
    country, words = got
    target = Actor(country, words.text, words.start_char, words.end_char, country=country,
                   kind="country", via="place", head_i=words.root.i)
    return replace(f, target=target, targets=(target,))


def place_targets(f: Found, lookup: Callable[[str], Place | None],
                  story_country: str | None) -> list[Found]:
    """`place_target`, one event per listed place: "attack the port cities of Odesa and
    Mariupol" is two attacks on Ukraine (annotation guideline: each member of a list)."""
    g = place_target(f, lookup, story_country)
    t = g.target
    if g is f or t is None or t.via != "place":
        return [g]
    root = t.head_i
    if root < 0 or root >= len(f.trigger.doc):
        return [g]
    listed = [t]
    for c in f.trigger.doc[root].conjuncts:
        name = _named_span(c)
        if c.i <= root or name is None or _country_of(name, lookup) != t.country:
            continue
        listed.append(replace(t, text=name.text, start_char=name.start_char,
                              end_char=name.end_char, head_i=c.i))
    if len(listed) == 1:
        return [g]
    return [replace(g, target=a, targets=tuple(listed)) for a in listed]
