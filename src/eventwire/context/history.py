"""History asides: acts a sentence dates itself to a year long before publication.

A news report tells its background in dated asides: "Armenia and Azerbaijan fought a war
over the region in 1994", "In 1905, President Roosevelt mediated a peace agreement", "He
was convicted in 2006". The guideline (docs/annotation.md, "Not events") skips background
history told as context and flags background only when unsure. An act is *told as
history* when the time words of its own sentence (not the story's thread) name a year and
the middle of the period they name lies more than `HISTORY_DAYS` before publication; such
an act is sure background and is not coded. Time words of a span reaching up to the
present ("since April 2016", "until 2019") do not date the act itself and are kept, as
are years told inside another clause than the act's ("a suit accusing him of assault in
1969") and acts dated only by the thread (`timeline`), which stay flagged `background`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

from ..dates import DateResolution

HISTORY_DAYS = 365
"""An act its own sentence dates more than a year before publication is history."""

_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_SPAN = re.compile(r"^\s*(?:since|until|till|through|by|from|as of)\b", re.I)
_HALF = {"day": 0, "week": 3, "month": 14, "year": 182}
# clauses whose own time words do not date an act outside them: relative and participle
# clauses, adverbial and complement clauses ("filed a lawsuit accusing him of X in 1969")
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"})


def told_as_history(when: DateResolution, sentence: str, pub_date: date | None,
                    trigger: Token | None = None) -> bool:
    """Is the act dated by its own sentence to a year long before `pub_date`? With the
    `trigger` (of a Doc of `sentence`), a year inside a clause the trigger is not in dates
    that clause only ("investigated the plane, which was built in 1977")."""
    if pub_date is None or when.event_date is None or not when.date_text:
        return False
    at = sentence.find(when.date_text)
    if when.precision not in _HALF or at < 0:
        return False  # the thread's time, or no time words of its own
    if not _YEAR.search(when.date_text) or _SPAN.match(when.date_text):
        return False
    if trigger is not None and _in_other_clause(trigger, at, at + len(when.date_text)):
        return False
    middle = when.event_date + timedelta(days=_HALF[when.precision])
    return (pub_date - middle).days > HISTORY_DAYS


def _in_other_clause(trigger: Token, start: int, end: int) -> bool:
    span = trigger.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.head.i != t.i:
        if t.dep_ in _CLAUSES and trigger.i not in {x.i for x in t.subtree}:
            return True
        t = t.head
    return False
