"""Time across the story: the narrative time anchor, the headline date line, background acts.

A story keeps its time from sentence to sentence: "A building collapsed on Monday in
Magnitogorsk. Rescuers pulled six people from the rubble." — the rescue is Monday's too,
not the publication day's. So an event whose clause and sentence carry no time words of
their own takes the *anchor* of its thread: the last explicit time of an earlier sentence
of the same paragraph (and, in a list document, of the same item), for `CARRY` sentences,
if its verb is in the past tense. The anchor resets at every paragraph and item boundary
and at words of the present ("latest", "now"); in a story that is not a list document, a
paragraph that has named no time yet takes the day the lead names when it lies in the week
before publication (`story_time`: "On Wednesday, the House impeached ..." dates the whole
report); a time expression of the event's own ("last month",
"in 2003") always wins over it (`dates.resolve_event_date`).

A Wikinews page puts the publication date on its own line under the headline ("Sunday,
January 5, 2020"): that line dates the article, never an event, and is no anchor.

An event is *background* when its act lies well before publication: the middle of the
period its date names ("in 2003", "in March 2019", "last Monday") is more than
`BACKGROUND_DAYS` before the publication date. A history aside ("In 2003 the US invaded
Iraq") is one such; so is every event that takes its time from one (the anchor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .. import dates
from ..dates import DateResolution

if TYPE_CHECKING:
    from spacy.tokens import Doc

CARRY: dict[str, int] = {"day": 3, "week": 3, "month": 2, "year": 1}
"""How many sentences an anchor of each precision carries on: a story thread moves on, and
a history aside ("fought a war in 1994") is a sentence or two, not the paragraph."""

# words that bring a thread back to the present: "The latest violence began ..."
_NOW = re.compile(r"\b(?:latest|now|currently|current|recent|recently|ongoing|on-going)\b",
                  re.I)

BACKGROUND_DAYS = 92
"""An act more than about three months before publication is background, not news."""

# the middle of a period, from its start (event_date is always the start of its period)
_HALF: dict[str, int] = {"day": 0, "week": 3, "month": 14, "year": 182}

_DATE_LINE = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+(?:1[89]|20)\d{2}\.?")
# a date line run into the first sentence: "Monday, August 3, 2020 On Thursday, ..."
_LEAD_DATE_LINE = re.compile(rf"\s*{_DATE_LINE.pattern}\s+(?=[A-Z\"“'‘(])")
DATE_LINE_PARAS = 2
"""A date line is one of the first paragraphs (under the headline when the text has one)."""


def is_date_line(paragraph: str) -> bool:
    """Is this paragraph only a calendar date ("Sunday, January 5, 2020"), as Wikinews puts
    under its headline?"""
    return _DATE_LINE.fullmatch(paragraph.strip()) is not None


def leading_date_line(text: str) -> str:
    """The date line a first sentence starts with when the input ran it into the text
    ("Monday, August 3, 2020 On Thursday, ..."), else ""."""
    m = _LEAD_DATE_LINE.match(text)
    return m.group() if m else ""


def headline_date(text: str) -> date | None:
    """The publication date a date line under the headline gives, else None."""
    paras = [p for p in text.split("\n") if p.strip()][:DATE_LINE_PARAS]
    for p in paras:
        line = p.strip() if is_date_line(p) else leading_date_line(p)
        if line:
            return dates.resolve_event_date([line.strip()], None).event_date
    return None


def is_background(res: DateResolution, pub_date: date | None) -> bool:
    """Does the event's date lie well before publication (see the module docstring)?"""
    if pub_date is None or res.event_date is None or res.precision == "pub":
        return False
    middle = res.event_date + timedelta(days=_HALF.get(res.precision, 0))
    return (pub_date - middle).days > BACKGROUND_DAYS


@dataclass(frozen=True)
class Timeline:
    """The anchor of each sentence (by sentence index): the time its thread has reached."""

    anchors: dict[int, DateResolution] = field(default_factory=dict)
    date_lines: frozenset[int] = frozenset()   # paragraphs that are a headline date line
    leads: dict[int, str] = field(default_factory=dict)  # sentence -> date line run into it
    # sentence -> the thread's time on entering it, which "the following day" counts from
    references: dict[int, DateResolution] = field(default_factory=dict)

    def anchor(self, sentence_index: int) -> DateResolution | None:
        return self.anchors.get(sentence_index)

    def reference(self, sentence_index: int) -> DateResolution | None:
        return self.references.get(sentence_index)

    def lead(self, sentence_index: int) -> str:
        """The date line sentence `sentence_index` starts with ("" if none): no event's."""
        return self.leads.get(sentence_index, "")


STORY_DAYS = 7
"""The story's time: a day the lead names, at most this many days before publication."""
LEAD_SENTENCES = 2


def story_time(sentences: Iterable[tuple[int, int, str]], pub_date: date | None
               ) -> DateResolution | None:
    """The day the story's lead names ("On Wednesday, the House impeached ..."): the first
    day-precision time of its first sentences, if it lies in the week before publication."""
    if pub_date is None:
        return None
    seen = 0
    for _index, para, text in sentences:
        if para <= DATE_LINE_PARAS and is_date_line(text):
            continue
        text = text[len(leading_date_line(text)):] if para <= DATE_LINE_PARAS else text
        res = dates.resolve_event_date([text], pub_date)
        if res.precision == "day" and res.event_date is not None \
                and 0 <= (pub_date - res.event_date).days <= STORY_DAYS:
            return replace(res, start=None, end=None)
        seen += 1
        if seen >= LEAD_SENTENCES:
            break
    return None


def title_time(title: str | None, pub_date: date | None) -> DateResolution | None:
    """The month a digest's title names ("On the campaign trail, September 2020", "Week in
    review: March 2021"), when it lies at most `BACKGROUND_DAYS` before publication: the
    time of every act the digest tells without time words of its own."""
    if not title or pub_date is None:
        return None
    res = dates.resolve_event_date([title], pub_date)
    if res.precision != "month" or res.event_date is None or not any(
            ch.isdigit() for ch in (res.date_text or "")):
        return None  # a month with its year only: "in March" in a headline is a report's
    if 0 <= (pub_date - res.event_date).days <= BACKGROUND_DAYS:
        return replace(res, start=None, end=None)
    return None


# clauses whose time is their own, not the thread's: "riots, which broke out in August",
# "the deal brokered the previous month"
ASIDE_DEPS = frozenset({"relcl", "acl"})


def aside_time(doc: Doc, start: int) -> bool:
    """Is the time expression at character `start` of the parsed sentence an aside that
    does not move the story thread: inside a relative or participle clause ("where riots had
    broken out after a shooting in August", "the deal brokered the previous month"), or
    told in the past perfect ("had fled in 2019"), which lies before the narrative?"""
    tok = next((t for t in doc if t.idx <= start < t.idx + max(len(t.text), 1)), None)
    while tok is not None:
        if tok.dep_ in ASIDE_DEPS:
            return True
        if tok.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"} for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def build_timeline(sentences: Iterable[tuple[int, int, str]], pub_date: date | None,
                   *, list_document: bool = False, title: str | None = None,
                   docs: Mapping[int, Doc] | None = None) -> Timeline:
    """From (sentence index, paragraph, text) in order -> the anchors.

    A thread is a paragraph: an item of a list document is one or more whole paragraphs,
    so the anchor resets at every item boundary as well. In a story that is not a list
    document, a paragraph that has named no time yet takes the story's (`story_time`); in any
    document, the month its title names (`title_time`) when the lead names no day. With the
    parsed sentences (`docs`, by sentence index), a time told as an aside (`aside_time`)
    dates its own clause only: it does not move the thread."""
    rows = list(sentences)
    story = (None if list_document else story_time(rows, pub_date)) or title_time(title,
                                                                                  pub_date)
    anchors: dict[int, DateResolution] = {}
    date_lines: set[int] = set()
    leads: dict[int, str] = {}
    references: dict[int, DateResolution] = {}
    current: DateResolution | None = None
    since = 0   # sentences since the anchor was set
    thread: int | None = None
    for index, para, text in rows:
        original = text
        if para != thread:
            current, thread, since = story, para, 0
        if para <= DATE_LINE_PARAS and is_date_line(text):
            date_lines.add(para)
            continue
        if para <= DATE_LINE_PARAS and (lead := leading_date_line(text)):
            leads[index] = lead
            text = text[len(lead):]
        if current is not None:
            references[index] = current
        own = dates.resolve_event_date([text], pub_date, reference=current)
        doc = docs.get(index) if docs is not None else None
        shift = len(original) - len(text)  # a date line cut off the front
        if own.precision != "pub" and own.start is not None and doc is not None and \
                doc.text.startswith(original) and aside_time(doc, own.start + shift):
            own = replace(own, precision="pub")  # an aside: the thread keeps its time
        if own.precision != "pub":
            current, since = replace(own, start=None, end=None), 0
            continue  # the sentence has its own time: its events read it themselves
        since += 1
        if current is not None and _NOW.search(text):
            # this sentence is about the present: no anchor; the next goes back to the
            # story's own time (none if the story has none)
            current, since = story, 0
            continue
        if current is not None and current is not story \
                and since > CARRY.get(current.precision, 0):
            current = story  # the aside is over: back to the story's own time, if any
        if current is not None:
            anchors[index] = current
    return Timeline(anchors, frozenset(date_lines), leads, references)
