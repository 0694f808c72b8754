"""Choosing where an event happened: the sentence's place mentions are resolved (leaving out
the event's actors and what describes them), then the ordered rules of `eventwire.geo.rules`
are tried and the first that applies decides."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from eventwire.geo.gazetteer import COMPASS_WORDS, Gazetteer
from eventwire.geo.mentions import NAMED_AFTER_HEADS, Mention, find_mentions, region_word, resolve
from eventwire.geo.names import Place
from eventwire.geo.rules import RULES, Found, Rule, Situation
from eventwire.geo.syntax import (
    abroad_mission,
    based_adjective,
    describes_actor,
    done_online,
    in_attribution,
    local_office,
    named_settlement,
    quote_around,
)
from eventwire.geo.towns import small_town

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def resolve_mentions(
    sent: Span,
    trigger: Token,
    gazetteer: Gazetteer,
    *,
    exclude: Collection[int] = (),
    hint: str | None = None,
) -> tuple[tuple[tuple[Mention, Place], ...], tuple[Place, str] | None]:
    """The sentence's place mentions that may be the event's place, with the places they
    resolve to, in sentence order; and the seat of an actor's local office, if one is named
    ("the mayor of Moscow"). Left out: mentions overlapping `exclude` (the event's actors) or
    describing an actor, names of events and institutions ("the Iraq War"), the source of a
    report ("according to ..."), "X-based" adjectives and missions abroad ("the US embassy"),
    places outside the quotation the trigger is in, and names the gazetteer cannot resolve."""
    excluded = set(exclude)
    doc = sent.doc
    quote = quote_around(sent, trigger)
    lowers = [t.lower_ for t in sent]
    resolved: list[tuple[Mention, Place]] = []
    office: tuple[Place, str] | None = None
    cands = find_mentions(sent)
    # countries the sentence names: a town of theirs before one of the story's country
    # ("a World Bank mission would visit Georgetown ... Guyana" filed from Miami)
    named = {
        p.country
        for p in (gazetteer.lookup(c.text) for c in cands)
        if p is not None and p.kind == "country" and p.country != hint
    }
    for cand in cands:
        if excluded.intersection(range(cand.start, cand.end)):
            # "The Mayor of Kyiv, Vitali Klitschko, announces ...": the actor's own words
            # name the seat of its local office
            root = doc[cand.start : cand.end].root
            if office is None and local_office(root, excluded):
                found = resolve(cand.text, gazetteer, hint)
                office = (found, cand.text) if found is not None else None
            continue
        if cand.end < len(doc) and doc[cand.end].lower_ in NAMED_AFTER_HEADS:
            continue  # "the Louvre accord", "the Iraq War", "the Tokyo Olympics": not a place
        if quote is not None and not (quote[0] < cand.start and cand.end <= quote[1]):
            continue
        root = doc[cand.start : cand.end].root
        if describes_actor(root, excluded):
            if office is None and local_office(root, excluded):
                found = resolve(cand.text, gazetteer, hint)
                office = (found, cand.text) if found is not None else None
            continue
        if in_attribution(root):
            continue
        if based_adjective(doc, cand) or abroad_mission(root):
            continue
        place = None
        word = region_word(lowers, cand.start - sent.start, cand.end - sent.start)
        if word is not None:  # "in Idlib province", "the state of Kerala": the region
            place = gazetteer.lookup(f"{cand.text} {word}", country_hint=hint)
        for code in sorted(named) if place is None else ():
            local = gazetteer.lookup(cand.text, country_hint=code)
            if local is not None and local.kind != "country" and local.country == code:
                place = local
                break
        if place is None:
            place = resolve(cand.text, gazetteer, hint)
        where = _where_after(cand, cands, lowers, sent.start, gazetteer)
        if place is None and (where is not None or named_settlement(root)):
            # a town too small for the index, in the country the text gives right after it
            # ("Sudzha, Kursk Oblast") or the story's ("the village of Sudzha")
            country = where.country if where is not None else hint
            place = small_town(cand.text, country, gazetteer) if country else None
        if place is not None and place.kind == "city" and where is not None and \
                where.country != place.country:
            # "the commune of Barga in northern Burkina Faso": a town of that country, or one
            # too small for the gazetteer (not the town abroad of that name)
            local = gazetteer.lookup(cand.text, country_hint=where.country)
            ok = local is not None and local.kind == "city" and local.country == where.country
            place = local if ok else None
        if place is not None:
            resolved.append((cand, place))
    return tuple(resolved), office


# Words between a town and the region or country that says where it is ("Barga in northern
# Burkina Faso", "Tora, Sahel Region").
_WHERE_GAP_WORDS = frozenset({",", "in", "the", "of"} | COMPASS_WORDS)
_WHERE_GAP = 3


def _where_after(
    cand: Mention, cands: Sequence[Mention], lowers: list[str], offset: int, gazetteer: Gazetteer
) -> Place | None:
    """The region or country named right after a mention that says where it is ("Barga *in
    northern Burkina Faso*", "Paris, *Texas*", "Tora, *Sahel Region*"), or None."""
    after = next((c for c in cands if c.start >= cand.end), None)
    if after is None or after.start - cand.end > _WHERE_GAP:
        return None
    gap = lowers[cand.end - offset : after.start - offset]
    if not gap or not _WHERE_GAP_WORDS.issuperset(gap):
        return None
    word = region_word(lowers, after.start - offset, after.end - offset)
    where = gazetteer.lookup(f"{after.text} {word}" if word else after.text)
    return where if where is not None and where.kind != "city" else None


def choose(situation: Situation, rules: Sequence[Rule] = RULES) -> Found:
    """The first rule's `Found` that applies, or (None, None, None)."""
    for rule in rules:
        found = rule(situation)
        if found is not None:
            return found
    return None, None, None


def pick_location(
    sent: Span,
    trigger: Token,
    gazetteer: Gazetteer,
    *,
    exclude: Collection[int] = (),
    dateline: Place | None = None,
    country_hint: str | None = None,
    actor_countries: Sequence[str | None] = (),
    source_country: str | None = None,
    doer_country: str | None = None,
    national: str | None = None,
    article: str | None = None,
) -> tuple[Place | None, str | None, str | None]:
    """Where did the event happen? Returns (place, location_name_as_written, reason) with
    reason "trigger_prep" (a place in a locative prepositional phrase on the trigger or its
    object: in/at/near/outside/...; to/toward only for motion verbs; or the noun a where-clause
    holding the trigger modifies), "sentence" (the first resolvable place in the sentence, or a
    more specific place right after it: "a Florida highway near Gainesville" -> Gainesville),
    "context" (the `dateline` given is a country or region, and the sentence before this one in
    its paragraph of `article` names a place inside it after a locative word: "... bombings in
    the capital, Tunis. Two people were killed ..." -> Tunis; not when a proper name is the
    trigger's subject, which starts a new act: "Biden criticized the move"), "dateline" (the
    `dateline` given), "source" (no place in the text above, and `source_country`, the
    speaker's country of an act done by saying, is not the dateline's: "The Armenians claim
    ..." in a story led by the United States), "lead" (the `dateline` given is a `LeadPlace`;
    for an act done online, "praised him on Twitter", or by a body of the whole country,
    `national` the lead's country, only the lead's country), "actors" (none of those, but the
    event's actors whose country is known, `actor_countries`, all belong to one country: that
    country, as GDELT falls back to actor geography), or (None, None, None).

    Never chosen: places overlapping `exclude` (doc-level token indices of the event's actors)
    or describing an actor (coordinated with one, its "of"/"from"/possessive/compound
    modifier, or the place of an "X-based" adjective: "a UK-based group"), and for "sentence"
    places named as a party (subject or object of a verb, object of a non-locative
    preposition: "allies such as Germany", "attacks from Azerbaijan"); when the trigger is
    inside a quotation, places outside it (they describe the speaker) unless the quoted act is
    in the first person; for "sentence", places inside a relative or -ing clause without the
    trigger, and the parties of "between X and Y".
    Names the gazetteer cannot resolve are skipped. The reasons are the rules of
    `eventwire.geo.rules.RULES`, tried in order."""
    excluded = set(exclude)
    hint = country_hint or (dateline.country if dateline is not None else None)
    resolved, office = resolve_mentions(sent, trigger, gazetteer, exclude=excluded, hint=hint)
    situation = Situation(
        sent=sent,
        trigger=trigger,
        gazetteer=gazetteer,
        resolved=resolved,
        office=office,
        dateline=dateline,
        actor_countries=actor_countries,
        source_country=source_country,
        doer_country=doer_country,
        national=national,
        article=article,
        online=done_online(trigger),
    )
    return choose(situation)
