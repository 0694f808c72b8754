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
# how far before the relation noun the pair may stand ("the 200-year U.S.-Colombia friendship")
PAIR_WINDOW = 2


def paired_countries(noun: Token, resolver: ActorResolver) -> list[Actor]:
    """The countries of a hyphened pair just before `noun`, each its own actor; [] unless
    every part of the word is a country name."""
    names = resolver.matcher.country_names
    for t in noun.doc[max(0, noun.i - PAIR_WINDOW):noun.i]:
        parts = [p for p in PAIR_SPLIT.split(t.text) if p]
        if len(parts) < 2:
            continue
        codes = [names.get(p.lower()) for p in parts]
        if not all(codes):
            continue
        out: list[Actor] = []
        start = t.idx
        for p, code in zip(parts, codes, strict=True):
            at = t.doc.text.find(p, start)
            out.append(Actor(code, p, at, at + len(p), country=code, kind="country",
                             via="pair", head_i=t.i))
            start = at + len(p)
        return out
    return []
