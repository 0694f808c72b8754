"""Campaign senses of event words: rallies and trips at home are campaigning, not events.

A news report of an election campaign is full of words that code events elsewhere:
"Trump held a rally in Nevada", "he continued to hold campaign rallies", "Biden visited
Kenosha", "his first campaign trip to Wisconsin". The guideline leaves elections and their
campaigns out of scope, and a place is never a target, so:

- a rally is campaigning, not a demonstration (CAMEO 141), when a campaign word modifies it
  ("campaign rallies") or when an office holder, politician or party holds it against
  nobody ("Trump held his first indoor rally in Nevada"); a rally *against* someone, or one
  held by the opposition, students or workers, stays a protest;
- a visit (042) to a place in the visitor's own country, with no host named, is a trip at
  home: there is nobody visited, and the place does not stand in for a target.

The word lists are data (data/campaign.yaml); this module only computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..data import package_yaml
from .clauses import lemma_of


@dataclass(frozen=True)
class CampaignWords:
    rallies: frozenset[str]
    campaign_modifiers: frozenset[str]
    campaign_sectors: frozenset[str]
    against_preps: frozenset[str]


@lru_cache(maxsize=1)
def campaign_words() -> CampaignWords:
    raw = package_yaml("campaign.yaml")
    return CampaignWords(
        rallies=frozenset(str(w).lower() for w in raw["rallies"]),
        campaign_modifiers=frozenset(str(w).lower() for w in raw["campaign_modifiers"]),
        campaign_sectors=frozenset(str(w).upper() for w in raw["campaign_sectors"]),
        against_preps=frozenset(str(w).lower() for w in raw["against_preps"]))


def _rally(trigger: Token, words: CampaignWords) -> Token | None:
    """The rally the trigger holds ("held a rally"), or the trigger itself as the noun."""
    if trigger.pos_ in {"NOUN", "PROPN"} and lemma_of(trigger) in words.rallies:
        return trigger
    return next((c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}
                 and lemma_of(c) in words.rallies), None)


def campaign_rally(code: str, trigger: Token, source_sector: object) -> bool:
    """Is this demonstration (141) a campaign's rally, not a protest?"""
    if code != "141":
        return False
    words = campaign_words()
    rally = _rally(trigger, words)
    if rally is None:
        return False
    if any(c.dep_ in {"compound", "amod", "nmod", "poss"} and c.lower_ in words.campaign_modifiers
           for c in rally.children):
        return True
    against = any(c.dep_ == "prep" and c.lower_ in words.against_preps
                  for t in (trigger, rally) for c in t.children)
    return not against and str(source_sector or "") in words.campaign_sectors


def home_trip(code: str, target_code: object, place_country: str | None,
              source_country: object) -> bool:
    """Is this visit (042) a trip inside the visitor's own country, with nobody visited?"""
    return (code.startswith("042") and not target_code and place_country is not None
            and place_country == source_country)
