"""People no dictionary knows, in a story about one country: its people.

"Judge Jackson sentenced Paul Manafort", "Trump attacked Drudge", "a lawsuit filed against
American actor Bill Cosby by Victoria Valentino": a named person whom neither the
dictionaries nor the article's earlier sentences code, acting with or on an actor of the
country the story is about, is of that country (annotation guideline: the country whenever
the text implies it). The person gets the country only, no sector: the text names no role.

A person facing an actor of another country ("the Philippine envoy met Jerry Garcia"), a
bare role the story itself gives its country ("reporters"), or the country as such ("will
begin talks with Nigeria"), or in a story about no single country, is left uncoded: nothing
says whose they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..actors.resolve import Actor
from ..events.extract import Found
from ..geo import Place
from .story_actors import VICTIM_ROOTS


def _unknown_person(a: Actor | None, f: Found, lookup: Callable[[str], Place | None]) -> bool:
    doc = f.trigger.doc
    return a is not None and a.code is None and 0 <= a.head_i < len(doc) \
        and doc[a.head_i].ent_type_ == "PERSON" and a.via not in {"pronoun", "issuer"} \
        and lookup(a.text) is None and not any(ch.isdigit() for ch in a.text)
    # "Sumy" tagged a person is the town, "An-225 Mriya" an aircraft


def story_people(f: Found, country: str | None, lookup: Callable[[str], Place | None]
                 ) -> Found:
    """`f` with an unknown named person on one side taking the story's country, when the
    other side is of that country by its own words (before `localise_story`)."""
    if country is None or f.code[:2] in VICTIM_ROOTS:
        return f  # whom force struck is of where it struck, not of the story

    def fix(a: Actor | None, other: Actor | None) -> Actor | None:
        # the other side's own country (not a bare role the story gives one, later), and
        # not the country itself: "Murison will begin talks with Nigeria" is a foreigner's
        if not _unknown_person(a, f, lookup) or other is None or other.country != country \
                or other.kind == "country":
            return a
        assert a is not None
        return replace(a, code=country, country=country, kind="person", via="story")

    source, target = fix(f.source, f.target), fix(f.target, f.source)
    if source is f.source and target is f.target:
        return f
    return replace(f, source=source, target=target,
                   sources=tuple(source if a is f.source and source else a for a in f.sources),
                   targets=tuple(target if a is f.target and target else a for a in f.targets))
