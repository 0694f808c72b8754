"""Country pairs the tokenizer glues into one word: "the U.S.-Colombia friendship",
"deepen U.S.-Guatemala cooperation", "the U.S.-Japan Alliance". On a noun of a relation
between countries the pair names both partners; the event's pairing then drops the doer's
own country (events/extract.py `_pairs`), leaving the other as the target.

compute only; `paired_countries(noun, resolver)`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .actor import Actor
from .resolve import ActorResolver

PAIR_SPLIT = re.compile(r"[-\u2010\u2011\u2013]")
# how many tokens before the relation noun the glued word may take ("Canada - Mexico")
PAIR_WINDOW = 4


def paired_countries(noun: Token, resolver: ActorResolver) -> list[Actor]:
    """The countries of a hyphened pair just before `noun` (one token "U.S.-Colombia" or
    three, "Canada - Mexico", written with no space), each its own actor; [] unless every
    part of the word is a country name."""
    names = resolver.matcher.country_names
    doc = noun.doc
    found: list[Actor] = []
    for start in range(noun.i - 1, max(-1, noun.i - 1 - PAIR_WINDOW), -1):
        span = doc[start:noun.i]
        if any(t.whitespace_ for t in span[:-1]):
            break  # past the glued word
        parts = [p for p in PAIR_SPLIT.split(span.text) if p]
        codes = [names.get(p.lower()) for p in parts]
        if len(parts) < 2 or not all(codes):
            continue
        found = []
        at = span.start_char
        for p, code in zip(parts, codes, strict=True):
            at = doc.text.find(p, at)
            found.append(Actor(code, p, at, at + len(p), country=code, kind="country",
                               via="pair", head_i=doc[start].i))
            at += len(p)
    return found
