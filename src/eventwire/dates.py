"""Event dates: find time expressions in a sentence and resolve them against the pub date.

The rules are owned here, not left to dateparser defaults:

* A weekday ("on Sunday", "Monday's attack") is the most recent such day on or before the
  publication date (the pub weekday itself is the pub day); with ``future=True`` (future-tense
  verb) it is the next such day on or after it.
* "last Monday" / "this past Monday" is strictly before the pub date (a Monday paper's
  "last Monday" is a week earlier); "next Monday" / "this coming Monday" is strictly after.
* A month-day or month without a year takes the year that puts it on or before the pub date
  (on or after with ``future=True``); if that day does not exist (Feb 29 in 2019) it is not a date.
* ``event_date`` is always the start of its period: Monday for "week", the 1st for "month",
  Jan 1 for "year" ("three years ago" in 2017 -> 2014-01-01, precision "year").
* "May" is a month only when capitalised and after a preposition or early/late/mid-, or
  followed by a day number or year ("Iran may retaliate", "Theresa May said" are not dates).
* "last October" is the latest October before the pub month (a year back if it is October);
  "next October" the first after it. A bare "in October" may be the pub month itself.
* "last night" is the day before the pub date; "tonight", "this morning" are the pub day.
* "the following day", "the month before", "two weeks later", "the same day" count from the
  story's own time (the thread's last explicit time, passed as ``reference``), not from the
  pub date; without one, a step back counts from the pub date and a step forward is no date.

dateparser is only called for calendar dates that carry an explicit year ("July 3, 2016",
"2016-07-03"), and its answer must agree with the day, month and year read here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["day", "week", "month", "year", "pub"]  # same values as model.DatePrecision


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A resolved event date, its precision and the words it came from."""

    event_date: date | None
    date_text: str | None
    precision: Precision
    start: int | None = None
    end: int | None = None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# ---- pattern pieces (month and weekday names must be capitalised; other words any case) ----
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MON_NO_MAY = (
    r"(?:(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    rf"|{_MON_ABBR})"
)
_MON = rf"(?:May\b|{_MON_NO_MAY})"
_DAY_SFX = r"(?:st|nd|rd|th)?\b(?![.,:]\d)"
_YEAR = r"(?:1[89]|20)\d{2}"
_PREP = (
    r"(?i:(?:(?:earlier|later|early|late)\s+)?"
    r"(?:on|in|since|by|until|till|from|before|after|during|through|throughout)\s+)"
)
_PART = r"(?i:early|late|mid)[\s-]+"
_TOD = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + ")"
# "after May said ...": the Prime Minister, not the month.
_NOT_PERSON = (
    r"(?!['’]s\b|\s+(?:said|says|told|has|had|is|was|will|would|could|announced|resigned|"
    r"stated|added|urged|met|called|warned|wrote|became)\b)"
)

_KINDS: dict[str, str] = {
    "k_iso": r"(?:(?i:on)\s+)?(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})\b",
    "k_wdmd": (
        rf"{_PREP}?(?P<wdmd_wd>{_WD}),?\s+(?:"
        rf"(?P<wdmd_m1>{_MON})\s+(?P<wdmd_d1>\d{{1,2}}){_DAY_SFX}"
        rf"|(?P<wdmd_d2>\d{{1,2}}){_DAY_SFX}\s+(?:of\s+)?(?P<wdmd_m2>{_MON}))"
        rf"(?:,?\s+(?P<wdmd_y>{_YEAR})\b)?"
    ),
    "k_md": (
        rf"{_PREP}?(?P<md_m>{_MON})\s+(?P<md_d>\d{{1,2}}){_DAY_SFX}"
        rf"(?:,?\s+(?P<md_y>{_YEAR})\b)?"
    ),
    "k_dm": (
        rf"{_PREP}?(?P<dm_d>\d{{1,2}}){_DAY_SFX}\s+(?:of\s+)?(?P<dm_m>{_MON})"
        rf"(?:,?\s+(?P<dm_y>{_YEAR})\b)?"
    ),
    "k_my": rf"{_PREP}?(?:{_PART})?(?P<my_m>{_MON}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})\b",
    "k_dec": (rf"{_PREP}?(?i:the)\s+(?:{_PART})?(?P<dec>(?:1\d|20)\d0)['’]?s\b"),
    "k_year": rf"(?:{_PREP}(?:{_PART})?|{_PART})(?P<yr>{_YEAR})\b",
    "k_ago": rf"(?i:(?P<ago_n>{_NUM})\s+(?P<ago_u>day|week|month|year)s?\s+ago)\b",
    "k_rday": (
        r"(?<!USA\s)(?i:(?P<rday>(?:the\s+)?day\s+before\s+yesterday"
        r"|(?:(?:earlier|later)\s+)?(?:yesterday|today|tonight|tomorrow)"
        r"(?:\s+(?:morning|afternoon|evening|night))?"
        r"|this\s+(?:morning|afternoon|evening)|last\s+night))\b"
    ),
    "k_rel": (
        # times told from the story's own time, not from publication: "the following day",
        # "the month before", "two weeks later", "on the same day"
        r"(?i:(?:(?:on|in|by|during|over)\s+)?(?:"
        r"the\s+(?P<rel_d1>previous|preceding|prior|following|next|same)\s+"
        r"(?P<rel_u1>day|morning|afternoon|evening|night|week|month|year)"
        r"|the\s+(?P<rel_u2>day|night|week|month|year)\s+(?P<rel_d2>before|after|earlier|later)"
        r"(?![ \t]+(?:the|a|an|his|her|its|their|this|that|last)\b)"
        rf"|(?P<rel_n>{_NUM})\s+(?P<rel_u3>day|week|month|year)s?\s+"
        r"(?P<rel_d3>later|earlier|afterwards|previously)))\b"
    ),
    "k_rper": (
        r"(?i:(?:(?:earlier|later)\s+)?(?P<rper_mod>last|this|next)\s+"
        r"(?P<rper_u>week|month|year))\b"
    ),
    "k_wd": (
        r"(?:(?P<wd_mod>(?i:(?:(?:earlier|later|early|late)\s+)?"
        r"(?:on|since|by|until|till|from|before|after|last|next"
        r"|this\s+past|this\s+coming|this|coming|past)|earlier|later|early|late))\s+)?"
        rf"(?P<wd>{_WD}){_TOD}"
    ),
    "k_month": (
        rf"(?P<mon_pfx>{_PREP}(?:{_PART})?|{_PART}"
        r"|(?P<mon_mod>(?i:(?:(?:early|late)\s+)?(?:last|next|this\s+past|this\s+coming"
        rf"|this|past|coming)))\s+(?:{_PART})?)?"
        rf"(?:(?P<mon_m>{_MON_NO_MAY})|(?(mon_pfx)(?P<mon_may>May)\b{_NOT_PERSON}|(?!)))"
    ),
}

# Cheap guard: an expression starts with a capital, a digit or one of these lowercase words,
# so the big alternation is not tried at every lowercase word (5x faster on news text).
_STARTERS = (
    r"on|in|over|since|by|until|till|from|before|after|during|through|throughout|earlier|later|"
    r"early|late|mid|the|day|yesterday|today|tonight|tomorrow|this|last|next|coming|past|"
    + "|".join(_NUMBERS)
)
_PATTERN = re.compile(
    r"\b(?=[A-Z0-9]|(?:"
    + _STARTERS
    + r")\b)(?:"
    + "|".join(f"(?P<{kind}>{body})" for kind, body in _KINDS.items())
    + ")"
)


def find_time_expressions(text: str) -> list[tuple[int, int, str]]:
    """Time expressions in a sentence (char start, end, text), in order."""
    return [(m.start(), m.end(), m.group()) for m in _PATTERN.finditer(text)]


# ---------------------------------------------------------------- date arithmetic helpers


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _month_num(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _year_for(month: int, day: int, pub: date, future: bool) -> int:
    """Year putting month/day on or before pub (on or after when future)."""
    if future:
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, order: str) -> date | None:
    """dateparser on an explicit-year calendar date (lazy import: it is slow to load)."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(2000, 1, 1),  # irrelevant: the year is explicit
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": order,
        "STRICT_PARSING": True,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):  # pragma: no cover - defensive
        return None
    return parsed.date() if parsed is not None else None


def _calendar_day(
    month_name: str, day_s: str, year_s: str | None, pub: date | None, future: bool, order: str
) -> date | None:
    month, day = _month_num(month_name), int(day_s)
    if year_s is not None:
        own = _safe_date(int(year_s), month, day)
        if own is None:
            return None
        text = f"{day} {month_name} {year_s}" if order == "DMY" else f"{month_name} {day}, {year_s}"
        return own if _dateparser_day(text, order) == own else None
    if pub is None:
        return None
    return _safe_date(_year_for(month, day, pub, future), month, day)


def _weekday(name: str, mod: str | None, pub: date, future: bool) -> date:
    target = _WEEKDAYS.index(name.lower())
    words = set((mod or "").lower().split())
    if words & {"last", "past"}:
        return pub - timedelta(days=(pub.weekday() - target - 1) % 7 + 1)
    if words & {"next", "coming"}:
        return pub + timedelta(days=(target - pub.weekday() - 1) % 7 + 1)
    if future and "since" not in words:
        return pub + timedelta(days=(target - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - target) % 7)


# ---------------------------------------------------------------- resolution


def _resolve_match(m: re.Match[str], pub: date | None, future: bool,
                   ref: DateResolution | None = None) -> DateResolution | None:
    kind = next(k for k in _KINDS if m.group(k) is not None)
    g = m.group
    text = m.group()
    day_res: date | None

    if kind == "k_iso":
        y, mo, d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        if _safe_date(y, mo, d) is None:
            return None
        day_res = _dateparser_day(f"{y:04d}-{mo:02d}-{d:02d}", "YMD")
        return DateResolution(day_res, text, "day") if day_res == date(y, mo, d) else None
    if kind == "k_wdmd":
        if g("wdmd_m1") is not None:
            mname, dstr, order = g("wdmd_m1"), g("wdmd_d1"), "MDY"
        else:
            mname, dstr, order = g("wdmd_m2"), g("wdmd_d2"), "DMY"
        day_res = _calendar_day(mname, dstr, g("wdmd_y"), pub, future, order)
        return DateResolution(day_res, text, "day") if day_res else None
    if kind == "k_md":
        day_res = _calendar_day(g("md_m"), g("md_d"), g("md_y"), pub, future, "MDY")
        return DateResolution(day_res, text, "day") if day_res else None
    if kind == "k_dm":
        day_res = _calendar_day(g("dm_m"), g("dm_d"), g("dm_y"), pub, future, "DMY")
        return DateResolution(day_res, text, "day") if day_res else None
    if kind == "k_my":
        return DateResolution(date(int(g("my_y")), _month_num(g("my_m")), 1), text, "month")
    if kind == "k_dec":
        return DateResolution(date(int(g("dec")), 1, 1), text, "year")
    if kind == "k_year":
        return DateResolution(date(int(g("yr")), 1, 1), text, "year")

    if kind == "k_rel":
        return _relative(m, pub, ref)
    if pub is None:  # everything below is relative to the publication date
        return None

    if kind == "k_ago":
        n_s = g("ago_n").lower()
        n = int(n_s) if n_s.isdigit() else _NUMBERS[n_s]
        unit = g("ago_u").lower()
        if unit == "day":
            return DateResolution(pub - timedelta(days=n), text, "day")
        if unit == "week":
            return DateResolution(_monday(pub - timedelta(weeks=n)), text, "week")
        if unit == "month":
            y, mo = _add_months(pub.year, pub.month, -n)
            return DateResolution(date(y, mo, 1), text, "month")
        return DateResolution(date(pub.year - n, 1, 1), text, "year") if n < pub.year else None
    if kind == "k_rday":
        low = " ".join(g("rday").lower().split())
        if "before yesterday" in low:
            offset = -2
        elif "yesterday" in low or low == "last night":
            offset = -1
        elif "tomorrow" in low:
            offset = 1
        else:
            offset = 0
        return DateResolution(pub + timedelta(days=offset), text, "day")
    if kind == "k_rper":
        step = {"last": -1, "this": 0, "next": 1}[g("rper_mod").lower()]
        unit = g("rper_u").lower()
        if unit == "week":
            return DateResolution(_monday(pub) + timedelta(weeks=step), text, "week")
        if unit == "month":
            y, mo = _add_months(pub.year, pub.month, step)
            return DateResolution(date(y, mo, 1), text, "month")
        return DateResolution(date(pub.year + step, 1, 1), text, "year")
    if kind == "k_wd":
        return DateResolution(_weekday(g("wd"), g("wd_mod"), pub, future), text, "day")
    # k_month: a month name without a day or year
    month = _month_num(g("mon_m") or g("mon_may"))
    words = set((g("mon_mod") or "").lower().split())
    if words & {"last", "past"}:  # "last October": the latest October before this month
        year = pub.year if month < pub.month else pub.year - 1
    elif words & {"next", "coming"}:
        year = pub.year if month > pub.month else pub.year + 1
    elif future:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return DateResolution(date(year, month, 1), text, "month")


_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_BACK = {"previous", "preceding", "prior", "before", "earlier", "previously"}
_FORWARD = {"following", "next", "after", "later", "afterwards"}


def _relative(m: re.Match[str], pub: date | None, ref: DateResolution | None
              ) -> DateResolution | None:
    """'the following day', 'a week earlier', 'the same day': counted from the story's
    time `ref` (the last explicit time of the thread) when it is at least as fine as the
    unit. With none, a step back counts from the publication date ("the previous month" in
    a report is the month before it); a step forward or "the same day" is no date."""
    g = m.group
    direction = (g("rel_d1") or g("rel_d2") or g("rel_d3")).lower()
    unit = (g("rel_u1") or g("rel_u2") or g("rel_u3")).lower()
    if unit in {"morning", "afternoon", "evening", "night"}:
        unit = "day"
    n_s = (g("rel_n") or "1").lower()
    n = int(n_s) if n_s.isdigit() else _NUMBERS[n_s]
    if direction == "same":
        n = 0
    elif direction in _BACK:
        n = -n
    if ref is not None and ref.precision != "pub" and ref.event_date is not None \
            and _UNIT_RANK.get(ref.precision, 9) <= _UNIT_RANK[unit]:
        base = ref.event_date
    elif pub is not None and n < 0:
        base = pub
    else:
        return None
    text = m.group()
    if unit == "day":
        return DateResolution(base + timedelta(days=n), text, "day")
    if unit == "week":
        return DateResolution(_monday(base + timedelta(weeks=n)), text, "week")
    if unit == "month":
        y, mo = _add_months(base.year, base.month, n)
        return DateResolution(date(y, mo, 1), text, "month")
    return DateResolution(date(base.year + n, 1, 1), text, "year")


def _resolve_safe(m: re.Match[str], pub: date | None, future: bool,
                  ref: DateResolution | None = None) -> DateResolution | None:
    """`_resolve_match`, with a date that would fall outside the calendar (year 1 to 9999,
    "last week" from 0001-01-01) read as no date: the event keeps the publication date."""
    try:
        return _resolve_match(m, pub, future, ref)
    except (OverflowError, ValueError):
        return None


def _resolve(expr: str, pub: date | None, future: bool) -> DateResolution | None:
    stripped = expr.strip()
    lead = len(expr) - len(expr.lstrip())
    m = _PATTERN.fullmatch(stripped)
    if m is None:
        m, lead = _PATTERN.search(expr), 0
    res = _resolve_safe(m, pub, future) if m is not None else None
    if m is None or res is None:
        return None
    return replace(res, start=m.start() + lead, end=m.end() + lead)


def resolve_expression(expr: str, pub_date: date, *, future: bool = False) -> DateResolution | None:
    """One expression -> date and precision relative to pub_date; None if not a date.

    If ``expr`` is not itself a time expression, the first one found inside it is used.
    """
    return _resolve(expr, pub_date, future)


def resolve_event_date(
    texts: Sequence[str], pub_date: date | None, *, future: bool = False,
    anchor: DateResolution | None = None, reference: DateResolution | None = None,
) -> DateResolution:
    """texts in priority order (the event's own clause first, then the whole sentence);
    the first text holding a resolvable expression wins; else the story's time `anchor`
    (`context.timeline`: the last explicit time of the paragraph, without offsets since its
    words are in another sentence); else fall back to pub_date with precision "pub"
    (date_text None). `reference` is the thread's time that "the following day" or "a week
    earlier" count from (`_relative`), whatever the verb's tense."""
    for text in texts:
        for m in _PATTERN.finditer(text):
            res = _resolve_safe(m, pub_date, future, reference)
            if res is not None:
                return replace(res, start=m.start(), end=m.end())
    if anchor is not None and anchor.precision != "pub":
        return replace(anchor, start=None, end=None)
    return DateResolution(pub_date, None, "pub")


def period_label(value: date | None, precision: str | None) -> str | None:
    """An event date as its precision allows: ``2020-01-05`` for a day (or the publication
    date), ``2020-01`` for a month, ``2020`` for a year; a week by its Monday."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
