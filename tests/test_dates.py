"""Event-date stage: time expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventwire import dates
from eventwire.dates import (
    DateResolution,
    find_time_expressions,
    resolve_event_date,
    resolve_expression,
)

SUN = date(2017, 7, 23)  # a Sunday paper
WED = date(2017, 7, 19)  # a Wednesday paper
D = date


def c(
    name: str,
    text: str,
    pub: date | str,
    expected: date | str,
    precision: str,
    future: bool = False,
) -> Any:
    """One row: text, pub date, future flag, expected event date and precision."""
    pub_d = pub if isinstance(pub, date) else date.fromisoformat(pub)
    exp_d = expected if isinstance(expected, date) else date.fromisoformat(expected)
    return pytest.param(text, pub_d, future, exp_d, precision, id=name)


CASES = [
    # weekdays: most recent on or before pub; the pub weekday is the pub day itself
    c("weekday_equal_to_pub_day_is_pub_day",
      "Protesters gathered on Sunday.", SUN, SUN, "day"),
    c("saturday_in_sunday_paper_is_day_before",
      "Rebels attacked on Saturday.", SUN, "2017-07-22", "day"),
    c("bare_weekday_equal_to_pub_day",
      "Sunday", SUN, SUN, "day"),
    c("monday_in_sunday_paper_is_six_days_back",
      "Talks collapsed on Monday.", SUN, "2017-07-17", "day"),
    c("later_weekday_than_pub_goes_to_previous_week",
      "on Thursday", WED, "2017-07-13", "day"),
    c("capitalised_on_weekday_equal_to_pub",
      "On Wednesday, troops fired", WED, WED, "day"),
    c("last_weekday_equal_to_pub_is_week_before",
      "last Sunday", SUN, "2017-07-16", "day"),
    c("last_weekday_is_most_recent_before_pub",
      "last Saturday", SUN, "2017-07-22", "day"),
    c("this_past_weekday_is_before_pub",
      "this past Monday", WED, "2017-07-17", "day"),
    c("future_weekday_is_next_on_or_after_pub",
      "The ministers will meet on Monday.", SUN, "2017-07-24", "day", future=True),
    c("future_weekday_equal_to_pub_is_pub_day",
      "They will vote on Sunday.", SUN, SUN, "day", future=True),
    c("future_thursday_in_wednesday_paper",
      "on Thursday", WED, "2017-07-20", "day", future=True),
    c("next_weekday_is_future_without_flag",
      "next Monday", SUN, "2017-07-24", "day"),
    c("next_weekday_equal_to_pub_is_week_after",
      "next Sunday", SUN, "2017-07-30", "day"),
    c("possessive_weekday",
      "Monday's attack killed 12 people.", SUN, "2017-07-17", "day"),
    c("earlier_on_weekday",
      "Police said earlier on Monday", WED, "2017-07-17", "day"),
    c("weekday_night",
      "Shelling resumed on Tuesday night.", WED, "2017-07-18", "day"),
    c("late_weekday",
      "late Sunday", WED, "2017-07-16", "day"),
    # relative days
    c("yesterday",
      "yesterday", SUN, "2017-07-22", "day"),
    c("capitalised_yesterday",
      "Yesterday, police arrested", SUN, "2017-07-22", "day"),
    c("today",
      "today", SUN, SUN, "day"),
    c("tonight",
      "tonight", SUN, SUN, "day"),
    c("this_morning",
      "this morning", SUN, SUN, "day"),
    c("last_night_is_day_before",
      "last night", SUN, "2017-07-22", "day"),
    c("tomorrow",
      "tomorrow", SUN, "2017-07-24", "day", future=True),
    c("day_before_yesterday",
      "the day before yesterday", SUN, "2017-07-21", "day"),
    # weeks (event date is the Monday of the week)
    c("last_week_is_previous_monday",
      "last week", SUN, "2017-07-10", "week"),
    c("this_week_is_monday_of_pub_week",
      "this week", SUN, "2017-07-17", "week"),
    c("next_week_is_following_monday",
      "next week", SUN, "2017-07-24", "week", future=True),
    c("earlier_this_week",
      "earlier this week", WED, "2017-07-17", "week"),
    c("a_week_ago_is_monday_of_that_week",
      "a week ago", SUN, "2017-07-10", "week"),
    # months (event date is the 1st)
    c("earlier_this_month",
      "earlier this month", SUN, "2017-07-01", "month"),
    c("last_month",
      "last month", SUN, "2017-06-01", "month"),
    c("last_month_crosses_year",
      "last month", "2018-01-02", "2017-12-01", "month"),
    c("next_month_crosses_year",
      "next month", "2017-12-15", "2018-01-01", "month", future=True),
    c("months_ago",
      "six months ago", SUN, "2017-01-01", "month"),
    c("in_may_is_month",
      "in May", SUN, "2017-05-01", "month"),
    c("in_may_before_may_is_last_year",
      "in May", "2017-03-01", "2016-05-01", "month"),
    c("future_in_may_is_this_year",
      "in May", "2017-03-01", "2017-05-01", "month", future=True),
    c("modal_may_is_not_a_month",
      "Iran may retaliate.", SUN, SUN, "pub"),
    c("theresa_may_is_not_a_month",
      "Theresa May said on", SUN, SUN, "pub"),
    c("bare_capital_may_is_not_a_month",
      "May warned rebels", SUN, SUN, "pub"),
    c("mid_may",
      "in mid-May", SUN, "2017-05-01", "month"),
    c("month_with_year",
      "in May 2016", SUN, "2016-05-01", "month"),
    c("future_month_without_year_takes_past",
      "in August", SUN, "2016-08-01", "month"),
    c("last_month_name_same_as_pub_month",
      "last October", "2019-10-20", "2018-10-01", "month"),
    c("in_month_name_of_pub_month",
      "in October", "2019-10-20", "2019-10-01", "month"),
    # years
    c("in_year",
      "in 2016", SUN, "2016-01-01", "year"),
    c("explicit_future_year_kept",
      "in 2020", SUN, "2020-01-01", "year"),
    c("last_year",
      "last year", SUN, "2016-01-01", "year"),
    c("earlier_this_year",
      "earlier this year", SUN, "2017-01-01", "year"),
    c("decade",
      "in the 1990s", SUN, "1990-01-01", "year"),
    c("three_years_ago",
      "three years ago", SUN, "2014-01-01", "year"),
    # days ago
    c("two_days_ago",
      "two days ago", SUN, "2017-07-21", "day"),
    c("digit_days_ago",
      "12 days ago", SUN, "2017-07-11", "day"),
    # calendar dates
    c("month_day_this_year",
      "on July 3", SUN, "2017-07-03", "day"),
    c("month_day_after_pub_is_last_year",
      "on December 30", "2018-01-02", "2017-12-30", "day"),
    c("future_month_day_is_next_occurrence",
      "on December 30", "2018-01-02", "2018-12-30", "day", future=True),
    c("month_day_later_than_pub_takes_past",
      "on July 30", SUN, "2016-07-30", "day"),
    c("future_month_day_this_year",
      "on July 30", SUN, "2017-07-30", "day", future=True),
    c("may_with_day_is_month",
      "May 5", SUN, "2017-05-05", "day"),
    c("day_month",
      "3 July", SUN, "2017-07-03", "day"),
    c("month_day_year",
      "July 3, 2016", SUN, "2016-07-03", "day"),
    c("day_month_year",
      "3 July 2016", SUN, "2016-07-03", "day"),
    c("abbreviated_month",
      "Sept. 3, 2016", SUN, "2016-09-03", "day"),
    c("iso_date",
      "on 2016-07-03", SUN, "2016-07-03", "day"),
    c("weekday_with_month_day",
      "on Sunday, July 23", SUN, SUN, "day"),
    c("weekday_with_earlier_month_day",
      "on Friday, July 21", SUN, "2017-07-21", "day"),
    c("weekday_month_day_year",
      "Sunday, July 23, 2017", "2018-01-01", SUN, "day"),
    c("leap_day_in_leap_year",
      "February 29", "2020-03-05", "2020-02-29", "day"),
    c("leap_day_explicit_leap_year",
      "February 29, 2016", "2019-03-05", "2016-02-29", "day"),
    # impossible dates and non-dates fall back to the pub date
    c("leap_day_in_common_year_falls_back",
      "February 29", "2019-03-05", "2019-03-05", "pub"),
    c("explicit_impossible_leap_day_falls_back",
      "February 29, 2019", SUN, SUN, "pub"),
    c("february_30_falls_back",
      "on February 30", SUN, SUN, "pub"),
    c("impossible_iso_falls_back",
      "on 2017-13-45", SUN, SUN, "pub"),
    c("numeric_slash_dates_ignored",
      "on 3/7", SUN, SUN, "pub"),
    c("usa_today_is_not_today",
      "USA Today reported the clash", SUN, SUN, "pub"),
    c("no_expression_falls_back",
      "The talks were productive.", SUN, SUN, "pub"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "pub", "future", "expected", "precision"), CASES)
def test_resolve_event_date_table(
    text: str, pub: date, future: bool, expected: date, precision: str
) -> None:
    res = resolve_event_date([text], pub, future=future)
    assert (res.event_date, res.precision) == (expected, precision)
    if precision == "pub":
        assert res.date_text is None
    else:
        assert res.start is not None and res.end is not None
        assert text[res.start : res.end] == res.date_text


def test_weekday_equal_to_pub_day_is_pub_day() -> None:
    res = resolve_expression("on Sunday", SUN)
    assert res == DateResolution(SUN, "on Sunday", "day", 0, 9)


def test_clause_text_wins_over_sentence_text() -> None:
    clause = "rebels attacked the convoy on Saturday"
    sentence = f"Officials said on Sunday that {clause}."
    res = resolve_event_date([clause, sentence], SUN)
    assert res.event_date == D(2017, 7, 22)
    assert res.date_text == "on Saturday"
    assert (res.start, res.end) == (27, 38)


def test_sentence_text_used_when_clause_has_no_expression() -> None:
    res = resolve_event_date(["rebels attacked the convoy", "On Friday, rebels attacked."], SUN)
    assert (res.event_date, res.date_text, res.start) == (D(2017, 7, 21), "On Friday", 0)


def test_unresolvable_expression_skipped_for_next_one() -> None:
    res = resolve_event_date(["a vote set for February 30 was held on Monday"], SUN)
    assert (res.event_date, res.date_text) == (D(2017, 7, 17), "on Monday")


def test_pub_none_without_absolute_date_gives_none() -> None:
    res = resolve_event_date(["Troops withdrew on Sunday."], None)
    assert res == DateResolution(None, None, "pub")


def test_pub_none_with_absolute_date_resolves() -> None:
    res = resolve_event_date(["The deal was signed on July 3, 2016."], None)
    assert res.event_date == D(2016, 7, 3)
    assert (res.precision, res.date_text) == ("day", "on July 3, 2016")


def test_fallback_has_no_text_or_offsets() -> None:
    assert resolve_event_date([], SUN) == DateResolution(SUN, None, "pub", None, None)


def test_resolve_expression_returns_none_for_non_dates() -> None:
    assert resolve_expression("may", SUN) is None
    assert resolve_expression("February 30", SUN) is None
    assert resolve_expression("2017-13-45", SUN) is None
    assert resolve_expression("the ceasefire", SUN) is None


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        (
            "On Sunday, July 23, police said the attack happened last week.",
            [(0, 18, "On Sunday, July 23"), (52, 61, "last week")],
        ),
        (
            "Iran may retaliate after talks in May 2016 and three years ago yesterday.",
            [(31, 42, "in May 2016"), (47, 62, "three years ago"), (63, 72, "yesterday")],
        ),
        ("Monday's attack was the worst in 2016.", [(0, 6, "Monday"), (30, 37, "in 2016")]),
        ("The talks were productive.", []),
    ],
)
def test_find_time_expressions_spans(sentence: str, spans: list[tuple[int, int, str]]) -> None:
    found = find_time_expressions(sentence)
    assert found == spans
    assert all(sentence[s:e] == t for s, e, t in found)


def test_no_dateparser_call_without_explicit_year(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(text: str, order: str) -> date | None:
        raise AssertionError(f"dateparser called for {text!r}")

    monkeypatch.setattr(dates, "_dateparser_day", boom)
    for text in ("The talks were productive.", "They met on Sunday.", "on July 3", "last week"):
        resolve_event_date([text], SUN)
