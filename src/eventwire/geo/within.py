"""The most specific place the sentence names for a physical act (docs/annotation.md §4: "the
most specific named place where the act happened").

`pick_location` leaves the event's actors out of its mentions ("sanctions on Russia" are not
in Russia), and the story's frame often gives only a country or a region. A physical act on a
named town is done there, though: "Russian forces attack Odesa", "shell Kurakhove, Donetsk
Oblast", "withdraw from the city of Slavutych", "strikes on Lipetsk Oblast, Russia". So is
one the sentence places by a locative phrase anywhere in it ("targeting a factory ... in
Yelabuga, Tatarstan", "overrun forces sheltering inside the courthouse in Loikaw"). Given
the place chosen so far, `within` finds such a town or region inside it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from eventwire.geo.choose import resolve_mentions
from eventwire.geo.gazetteer import REGION_WORDS, Gazetteer
from eventwire.geo.mentions import Mention
from eventwire.geo.names import Place, contains
from eventwire.geo.syntax import LOC_PREPS, OBJECT_DEPS, SETTLEMENT_NOUNS, coordinated_places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A name the model tags as a nationality is none of the act's towns ("in Iraqi bases"); one
# it tags as a person is a town only where the sentence uses it as a location ("shelled
# Shebekino", "in Tigray"), not as the act's target alone ("Kennedy was shot").
_NOT_TOWN_LABELS = frozenset({"NORP"})
_PERSON_LABELS = frozenset({"PERSON"})
# How a town hangs on the trigger when it is what the act is done to ("shell Bakhmut",
# where the parser may read the name as an adverb).
_ON_TRIGGER_DEPS = OBJECT_DEPS | {"advmod", "npadvmod"}
# Prepositions on the trigger whose object is what the act hits ("the assault on Goma").
_ON_PREPS = frozenset({"on", "upon", "against"})


def named_as_location(tok: Token, trigger: Token) -> bool:
    """Is the name used as a location: the object of a locative preposition ("in Loikaw") or
    of "on"/"against" on the trigger ("the assault on Goma"),
    the settlement of "the city of X", an apposition to one ("Yelabuga, Tatarstan"), or what
    the trigger is done to ("shell Bakhmut")?"""
    cur = tok
    while cur.dep_ in {"appos", "compound", "conj"} and cur.head.i != cur.i:
        cur = cur.head
    if cur.head.i == trigger.i and cur.dep_ in _ON_TRIGGER_DEPS:
        return True
    if cur.dep_ != "pobj":
        return False
    prep = cur.head
    if prep.lower_ in LOC_PREPS:
        return True
    # "the assault on Goma", "strikes on Kherson": the town the act hit (right after a noun
    # trigger, whatever the parser hung the preposition on)
    if prep.lower_ in _ON_PREPS and (prep.head.i == trigger.i or prep.i == trigger.i + 1):
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_NOUNS


def one_of_several(
    place: Place | None,
    target: tuple[int, int] | None,
    resolved: Sequence[tuple[Mention, Place]],
    doc: Doc,
    gazetteer: Gazetteer,
) -> tuple[Place, str] | None:
    """The town the `target` span holds alone, when it is coordinated with other places:
    the act was coded once per place ("Russian forces entered Sumy, Kharkiv and Kherson",
    one event each) and this one is done there. The parser's label on the name does not
    matter here: the target was already read as a place."""
    if target is None:
        return None
    inside = [(m, p) for m, p in resolved if target[0] <= m.start and m.end <= target[1]]
    if len(inside) != 1:
        return None
    cand, found = inside[0]
    if found.kind == "country" or (place is not None and not contains(place, found)):
        return None
    if coordinated_places(doc, cand, found, resolved, gazetteer) is None:
        return None
    word = plural_region(doc, cand)
    if word is None:
        return found, cand.text
    region = gazetteer.lookup(f"{cand.text} {word}", country_hint=found.country)
    if region is not None and region.kind == "admin1" and region.country == found.country:
        return region, f"{cand.text} {word.title()}"
    return found, cand.text


def plural_region(doc: Doc, cand: Mention) -> str | None:
    """The region word, singular, of a coordination that ends in its plural ("Luhansk, Sumy
    and Kharkiv *Oblasts*", "Idlib and Hama *provinces*"): each name is such a region."""
    root = doc[cand.start : cand.end].root
    first = min((root, *root.conjuncts), key=lambda t: t.i)
    last = max((root, *root.conjuncts), key=lambda t: t.i)
    for tok in (last, first.head if first.dep_ in {"compound", "nmod"} else last):
        word = tok.lower_
        for singular in (word[:-1], word[:-3] + "y" if word.endswith("ies") else ""):
            if word != singular and singular in REGION_WORDS:
                return singular
    return None


def within(
    place: Place | None,
    sent: Span,
    trigger: Token,
    gazetteer: Gazetteer,
    *,
    exclude: Collection[int] = (),
    target: tuple[int, int] | None = None,
    first_of_several: bool = False,
) -> tuple[Place, str] | None:
    """A town or region inside `place` (a country or a region; None: in any country) that
    the sentence names where the act happened: inside the `target` span (doc token indices
    [start, end): the act is done to the place), or named as a location (see
    `named_as_location`); the first such, in sentence order, with its name as written.
    Mentions overlapping `exclude` (the source actor) or describing an actor are left out,
    as `resolve_mentions` leaves them, and so are names tagged as nationalities, and names
    tagged as persons unless used as a location. A town coordinated with other places ("the
    holy cities of Mecca and Medina") leaves the act in `place`: it spans them, unless the
    target span holds it alone (one event coded per place: "entered Sumy and Kharkiv"), or
    `first_of_several` is set (violence "in Khan Younis, central Gaza, and Gaza City" is
    coded once, at the first place it names)."""
    if place is not None and place.kind == "city":
        return None
    hint = place.country if place is not None else None
    resolved, _office = resolve_mentions(sent, trigger, gazetteer, exclude=exclude, hint=hint)
    doc = sent.doc
    several = one_of_several(place, target, resolved, doc, gazetteer)
    if several is not None:
        return several
    for cand, found in resolved:
        if found.kind == "country" or (place is not None and not contains(place, found)):
            continue
        labels = {t.ent_type_ for t in doc[cand.start : cand.end]}
        if labels & _NOT_TOWN_LABELS:
            continue
        in_target = target is not None and target[0] <= cand.start and cand.end <= target[1]
        if labels & _PERSON_LABELS:
            in_target = False
        if not (in_target or named_as_location(doc[cand.start : cand.end].root, trigger)):
            continue
        if not first_of_several and \
                coordinated_places(doc, cand, found, resolved, gazetteer) is not None:
            return None
        return found, cand.text
    return None
