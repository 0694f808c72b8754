"""History asides: acts a sentence dates itself to a year long before publication.

A news report tells its background in dated asides: "Armenia and Azerbaijan fought a war
over the region in 1994", "In 1905, President Roosevelt mediated a peace agreement", "He
was convicted in 2006". The guideline (docs/annotation.md, "Not events") skips background
history told as context and flags background only when unsure. An act is *told as
history* when the time words of its own sentence (not the story's thread) name a year and
the middle of the period they name lies more than `HISTORY_DAYS` before publication; such
an act is sure background and is not coded. Time words of a span reaching up to the
present ("since April 2016", "until 2019") do not date the act itself and are kept;
so are acts dated only by the thread (`timeline`), which stay flagged `background`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..dates import DateResolution

HISTORY_DAYS = 365
"""An act its own sentence dates more than a year before publication is history."""

_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_SPAN = re.compile(r"^\s*(?:since|until|till|through|by|from|as of)\b", re.I)
_HALF = {"day": 0, "week": 3, "month": 14, "year": 182}


def told_as_history(when: DateResolution, sentence: str, pub_date: date | None) -> bool:
    """Is the act dated by its own sentence to a year long before `pub_date`?"""
    if pub_date is None or when.event_date is None or not when.date_text:
        return False
    if when.precision not in _HALF or when.date_text not in sentence:
        return False  # the thread's time, or no time words of its own
    if not _YEAR.search(when.date_text) or _SPAN.match(when.date_text):
        return False
    middle = when.event_date + timedelta(days=_HALF[when.precision])
    return (pub_date - middle).days > HISTORY_DAYS
