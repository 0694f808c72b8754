"""Venues of gatherings, read from plain text without a parser: "The first presidential debate
between Trump and Biden took place ... in Ohio", "he returned to the campaign trail with a
rally in Sanford, Florida", "At the initial debate, held October 8 in Denver, Colorado". What
the gathering's speakers say after it in that paragraph, and in later paragraphs that speak
of the gathering again ("During the debate", "In closing the debate"), is said at its venue
(`eventwire.context.setting.venue_place`). The gathering nouns are the `gathering` list of
``data/geo_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lead import locative_place, sentence_spans
from eventwire.geo.names import Place
from eventwire.geo.tables import GATHERING_NOUNS


@dataclass(frozen=True, slots=True)
class Venue:
    """A gathering's venue: the paragraph that names it, where in that paragraph the naming
    sentence ends, the gathering noun ("debate") and the place (a town or region)."""

    para: int
    end: int
    noun: str
    place: Place


def _noun_pattern() -> re.Pattern[str]:
    words = sorted(GATHERING_NOUNS, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


_SINGULAR_RE = _noun_pattern()
# The venue follows the noun closely ("a rally in Sanford", "his first indoor rally in three
# months, in Nevada"), or after "held"/"took place" ("the debate ... took place on the
# penultimate day of September in Ohio"); not a place of another clause ("Before the
# convention, the police shooting of Jacob Blake in Kenosha led to protests").
VENUE_GAP = 6
_HELD_RE = re.compile(r"\b(?:held|hosted|took\s+place|takes\s+place|staged)\b", re.IGNORECASE)


def find_venues(
    lines: Sequence[str], gazetteer: Gazetteer, within: Callable[[int], Place | None]
) -> list[Venue]:
    """The venues an article's paragraphs (`lines`) name, in text order: a sentence naming a
    gathering (a singular gathering noun) and, after the noun, a town or region after a
    locative word that lies inside `within(paragraph)`, the country of that paragraph's
    frame, close after the noun or after "held"/"took place" ("... took place on the
    penultimate day of September in Ohio"; see `VENUE_GAP`)."""
    venues: list[Venue] = []
    for para, text in enumerate(lines):
        frame = within(para) if text else None
        if frame is None:
            continue
        for start, end in sentence_spans(text):
            noun = _SINGULAR_RE.search(text, start, end)
            if noun is None:
                continue
            after = text[noun.end() : end]
            place = locative_place(after, gazetteer, frame)
            if place is None or place.kind == "country":
                continue
            gap = after[: after.find(place.name)] if place.name in after else after
            if len(gap.split()) <= VENUE_GAP or _HELD_RE.search(gap):
                venues.append(Venue(para, end, noun.group(1).lower(), place))
    return venues


def speaks_of(text: str, noun: str) -> bool:
    """Does `text` name the gathering again, as the one already named ("During the debate",
    "In opening the debate"; not "the two debates", "the first debate")?"""
    return re.search(rf"\b(?:the|this|that)\s+{re.escape(noun)}\b", text, re.IGNORECASE) \
        is not None


def past_gathering(text: str, noun: str) -> bool:
    """Does `text` speak of a time outside the gathering ("After the debate, ...", "ahead
    of the first debate")? What is said then is not said at its venue."""
    return re.search(
        rf"\b(?:after|following|since|before|ahead\s+of)\s+(?:the|this|that)\s+"
        rf"(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b", text, re.IGNORECASE) is not None
