"""Stories inside an article: list documents, items, and the country each story is about.

A list document (a news digest, a Wikipedia current-events day page) holds one story per
paragraph: nothing, neither actors nor pronouns nor places, carries from one item to the
next. It is told from an ordinary article by its shape: several paragraphs, and most of them
about other countries than the paragraph before (an article's short wire paragraphs keep
naming the same countries).

The story's country is the country a story names most, when it names one clearly more
than any other; the issuer's own country is left out while another is named ("The United
States condemns the regime's arrests" is about the regime's country). A bare domestic role
of the story ("the government", "police", "protesters", "the army") takes that country.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Roles that take the story's country when the text gives them none.
STORY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "CVL", "OPP", "REB", "INS",
                           "BUS", "MED", "EDU", "HLH", "LAB", "REL", "CRM", "AGR", "PTY",
                           "ENV", "SPY", "REF", "ELI", "UAF"})
MIN_ITEMS = 5            # paragraphs with countries before a text can be a list document
SHIFT_SHARE = 0.7        # ... and the share of them about other countries than the last one
# Sources whose texts are list documents by what they are, whatever their shape: a
# current-events day page, a news digest ("... in brief") holds one story per paragraph.
LIST_SOURCES = re.compile(r"\bcurrent events\b|\bnews (?:digest|in brief|roundup)\b|"
                          r"\bdaily (?:digest|brief(?:ing)? notes)\b", re.IGNORECASE)


def is_list_source(*names: str | None) -> bool:
    """Does the source or title say the text is a list of stories (a day page, a digest)?"""
    return any(n and LIST_SOURCES.search(n) for n in names)


@dataclass(frozen=True)
class Story:
    """One story: the paragraphs it covers and the country it is about (or None)."""

    first_para: int
    country: str | None


@dataclass(frozen=True)
class StoryContext:
    """The article context: the issuer, whether it is a list document, its stories."""

    list_document: bool
    stories: dict[int, Story] = field(default_factory=dict)   # paragraph -> story
    article_country: str | None = None

    def story_of(self, para: int) -> Story:
        return self.stories.get(para) or Story(0, self.article_country)

    def country_of(self, para: int) -> str | None:
        return self.story_of(para).country if self.list_document else self.article_country

    def with_place_countries(self, countries: dict[int, str]) -> StoryContext:
        """Items whose actors name no country take the country of the place they name
        ("The military recaptures the town of Pauktaw, Rakhine State")"""
        if not self.list_document:
            return self
        stories = {p: s if s.country is not None or p not in countries
                   else Story(s.first_para, countries[p]) for p, s in self.stories.items()}
        return StoryContext(True, stories, self.article_country)

    def new_story(self, para: int, previous: int | None) -> bool:
        """Does paragraph `para` start a story of its own after `previous`?"""
        if previous is None or not self.list_document:
            return False
        return self.story_of(para).first_para != self.story_of(previous).first_para


def dominant(counts: Counter[str], exclude: str | None = None) -> str | None:
    """The country named most, if clearly more than any other (None on a tie)."""
    pool = Counter({c: n for c, n in counts.items() if c != exclude}) if exclude else counts
    if exclude and not pool:
        pool = counts
    ranked = pool.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]:
        return None  # two countries named about as often: a dyad, no single story country
    return ranked[0][0]


def build_story(paragraph_countries: Sequence[tuple[int, Iterable[str]]],
                issuer_country: str | None = None, *, list_source: bool = False
                ) -> StoryContext:
    """From (paragraph index, countries named in it, in order) -> the article context;
    `list_source`: the source says the text is a list of stories."""
    paras = [(p, Counter(cs)) for p, cs in paragraph_countries]
    total: Counter[str] = Counter()
    for _p, c in paras:
        total.update(c)
    # one sentence is no story: "Ministers called for Burma to reform" is not about Burma's
    article_country = dominant(total, issuer_country) if sum(total.values()) >= 2 else None
    named = [(p, c) for p, c in paras if c]
    shifts = sum(1 for (_a, x), (_b, y) in itertools.pairwise(named)
                 if not set(x) & set(y))
    is_list = (list_source and len(paras) >= 2) or \
        (len(named) >= MIN_ITEMS and shifts >= SHIFT_SHARE * (len(named) - 1))
    if not is_list:
        return StoryContext(False, {}, article_country)
    stories: dict[int, Story] = {}
    for p, c in paras:
        stories[p] = Story(p, dominant(c, issuer_country))
    return StoryContext(True, stories, article_country)
