"""Time across the story: the narrative anchor, the headline date line, background acts,
dates shown as their precision allows."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.config import Config
from eventwire.context.timeline import (
    CARRY,
    build_timeline,
    headline_date,
    is_background,
    is_date_line,
)
from eventwire.dates import DateResolution, period_label, resolve_event_date

PUB = date(2020, 1, 8)  # a Wednesday


def _anchors(paragraphs: list[list[str]], pub: date | None = PUB, *,
             list_document: bool = True) -> dict[int, str | None]:
    """sentence index -> the anchor's date_text, for paragraphs of sentences (by default of
    a list document: no story time across paragraphs)."""
    rows, i = [], 0
    for p, sents in enumerate(paragraphs):
        for s in sents:
            rows.append((i, p, s))
            i += 1
    tl = build_timeline(rows, pub, list_document=list_document)
    return {idx: (a.date_text if (a := tl.anchor(idx)) else None) for idx, _p, _s in rows}


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # the thread's time carries to the next sentence of the paragraph
    ([["A building collapsed on Monday in Magnitogorsk.", "Rescuers pulled six people out."]],
     {0: None, 1: "on Monday"}),
    # ... but not into the next paragraph (or list item)
    ([["A building collapsed on Monday."], ["Rescuers pulled six people out."]],
     {0: None, 1: None}),
    # the latest explicit time wins; a sentence with its own time reads that, not an anchor
    ([["Troops crossed the border on Monday.", "They withdrew on Tuesday.", "Shelling stopped."]],
     {0: None, 1: None, 2: "on Tuesday"}),
    # words of the present bring the thread back to the day of writing
    ([["The two fought a war in 1994.", "The latest violence began with attacks."]],
     {0: None, 1: None}),
    # a year (a history aside) carries one sentence only
    ([["They fought a war in 1994.", "Russia brokered a truce.", "Turkey vowed support."]],
     {0: None, 1: "in 1994", 2: None}),
    # a sentence without any time words before: no anchor
    ([["Protesters marched.", "Police fired tear gas."]], {0: None, 1: None}),
])
def test_anchor_is_the_last_explicit_time_of_the_paragraph(paragraphs, expected):
    assert _anchors(paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a paragraph that names no time takes the day the lead names (in the week before)
    ([["A building collapsed on Monday."], ["Rescuers pulled six people out."]],
     {0: None, 1: "on Monday"}),
    ([["A building collapsed on Monday."], ["Rescuers came.", "Six were saved.", "One died.",
                                            "Two fled.", "Many wept."]],
     {0: None, 1: "on Monday", 2: "on Monday", 3: "on Monday", 4: "on Monday",
      5: "on Monday"}),
    # ... not a day weeks back, nor a month or a year
    ([["A building collapsed on December 20."], ["Rescuers pulled six people out."]],
     {0: None, 1: None}),
    ([["A building collapsed in December."], ["Rescuers pulled six people out."]],
     {0: None, 1: None}),
    # ... not one the lead does not name (the third sentence is no lead)
    ([["Rescuers came.", "Six were saved.", "A wall fell on Monday."], ["Two fled."]],
     {0: None, 1: None, 2: None, 3: None}),
    # a paragraph's own time wins, and words of the present end the story time
    ([["A building collapsed on Monday."], ["Police came on Tuesday.", "They sealed it."],
      ["The latest count is six."]],
     {0: None, 1: None, 2: "on Tuesday", 3: None}),
])
def test_a_story_takes_the_day_its_lead_names(paragraphs, expected):
    assert _anchors(paragraphs, list_document=False) == expected


def test_day_anchor_carries_at_most_its_carry_sentences():
    sents = ["Fighting began on Monday."] + [f"Shelling went on {n}." for n in
                                           ("here", "there", "again", "anew", "still")]
    got = _anchors([sents])
    carried = [i for i, t in got.items() if t == "on Monday"]
    assert carried == list(range(1, 1 + CARRY["day"]))


def test_the_date_line_under_the_headline_is_no_anchor():
    rows = [(0, 0, "Sunday, January 5, 2020"), (1, 1, "Iran fired missiles."),
            (2, 1, "Iraq protested.")]
    tl = build_timeline(rows, date(2020, 1, 5))
    assert tl.anchor(1) is None and tl.anchor(2) is None
    assert tl.date_lines == frozenset({0})


@pytest.mark.parametrize(("text", "expected"), [
    ("Sunday, January 5, 2020\nIran fired missiles on Saturday.", date(2020, 1, 5)),
    ("Iran fires missiles at US bases\nMonday, March 2, 2020\nIran fired.", date(2020, 3, 2)),
    ("January 5, 2020\nIran fired.", date(2020, 1, 5)),
    ("Monday, August 3, 2020 On Thursday, Tsikhanouskaya held a rally.", date(2020, 8, 3)),
    ("Iran fired missiles on January 5, 2020 at bases.", None),   # a sentence, not a line
    ("Iran fired.\nIraq protested.\nSunday, January 5, 2020", None),  # not under a headline
])
def test_headline_date_line_gives_the_publication_date(text, expected):
    assert headline_date(text) == expected


@pytest.mark.parametrize(("para", "expected"), [
    ("Sunday, January 5, 2020", True), (" Friday, January 4, 2019 ", True),
    ("On Sunday, January 5, 2020 Iran fired.", False), ("January 2020", False),
])
def test_is_date_line(para, expected):
    assert is_date_line(para) is expected


def test_a_date_line_run_into_the_first_sentence_is_no_anchor():
    rows = [(0, 0, "Wednesday, January 8, 2020 Iran fired missiles."), (1, 0, "Iraq protested.")]
    tl = build_timeline(rows, PUB)
    assert tl.lead(0) == "Wednesday, January 8, 2020 " and tl.lead(1) == ""
    assert tl.anchor(1) is None


@pytest.mark.parametrize(("expr", "pub", "background"), [
    ("in 2003", date(2020, 1, 8), True),            # a history aside
    ("in March 2019", date(2020, 1, 8), True),
    ("on June 23, 2016", date(2019, 9, 11), True),
    ("last month", date(2020, 1, 8), False),        # December: weeks ago
    ("last Monday", date(2020, 1, 8), False),
    ("in September", date(2020, 1, 8), True),       # mid-September 2019: 115 days back
    ("in October", date(2020, 1, 8), False),        # mid-October: 85 days, not yet
    ("in November", date(2020, 1, 8), False),       # mid-November: 54 days back
    ("last year", date(2020, 6, 8), True),          # mid-2019
    ("next year", date(2020, 1, 8), False),         # ahead, not behind
])
def test_background_is_an_act_well_before_publication(expr, pub, background):
    res = resolve_event_date([expr], pub)
    assert res.precision != "pub"
    assert is_background(res, pub) is background


def test_no_background_without_a_date_of_its_own_or_a_pub_date():
    assert not is_background(DateResolution(PUB, None, "pub"), PUB)
    assert not is_background(DateResolution(date(2003, 1, 1), "in 2003", "year"), None)


def test_resolve_event_date_takes_the_anchor_only_without_time_words():
    anchor = DateResolution(date(2020, 1, 6), "on Monday", "day", 40, 49)
    got = resolve_event_date(["Rescuers pulled six people out."], PUB, anchor=anchor)
    assert (got.event_date, got.date_text, got.precision) == (date(2020, 1, 6), "on Monday", "day")
    assert got.start is None and got.end is None   # its words are in another sentence
    own = resolve_event_date(["Rescuers came last month."], PUB, anchor=anchor)
    assert own.date_text == "last month" and own.event_date == date(2019, 12, 1)
    assert resolve_event_date(["Rescuers came."], PUB).precision == "pub"


@pytest.mark.parametrize(("value", "precision", "label"), [
    (date(2020, 1, 5), "day", "2020-01-05"), (date(2020, 1, 5), "pub", "2020-01-05"),
    (date(2020, 1, 6), "week", "2020-01-06"), (date(2020, 1, 1), "month", "2020-01"),
    (date(2020, 1, 1), "year", "2020"), (None, "day", None),
])
def test_period_label_shows_the_date_as_its_precision_allows(value, precision, label):
    assert period_label(value, precision) == label


# ------------------------------------------------------------------ through the coder

CODED = [
    # (text, pub_date, trigger, expected event_date, date_text, background)
    ("Iranian forces attacked a tanker on Monday. Britain condemned Iran.", PUB,
     "condemned", date(2020, 1, 6), "on Monday", False),
    # a later paragraph takes the day the lead names, if in the week before publication
    ("Iranian forces attacked a tanker on Monday.\nThe United States sanctioned Iran.", PUB,
     "sanctioned", date(2020, 1, 6), "on Monday", False),
    ("Iranian forces attacked a tanker on December 20.\nThe United States sanctioned Iran.",
     PUB, "sanctioned", PUB, None, False),
    # a reported past act's thread takes its time and is background (the dated act itself,
    # a history aside, is not coded: test_the_history_aside_keeps_its_own_time)
    ("In 2003 the United States invaded Iraq. Turkey criticized the United States.", PUB,
     "criticized", date(2003, 1, 1), "In 2003", True),
    ("Iran fired missiles at Iraq last month.", PUB, "fired", date(2019, 12, 1), "last month",
     False),
    # the line under the headline is the publication date, not an event's
    ("Wednesday, January 8, 2020\nIran fired missiles at two bases in Iraq.", None,
     "fired", PUB, None, False),
    # ... also when the input ran it into the first sentence
    ("Wednesday, January 8, 2020 On Tuesday, Iran fired missiles at two bases in Iraq.", None,
     "fired", date(2020, 1, 7), "On Tuesday", False),
    ("Wednesday, January 8, 2020 Iran fired missiles at two bases in Iraq.", PUB,
     "fired", PUB, None, False),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "pub", "trigger", "when", "date_text", "background"), CODED)
def test_coder_dates_events_by_the_story_thread(coder, text, pub, trigger, when, date_text,
                                                background):
    events = [e for e in coder.code_text(text, pub_date=pub) if e.trigger_text == trigger]
    assert events, f"no {trigger!r} event"
    ev = events[0]
    assert (ev.event_date, ev.date_text, ev.background) == (when, date_text, background)
    assert ev.pub_date == PUB


@pytest.mark.model
def test_the_history_aside_keeps_its_own_time(coder):
    text = "In 2003 the United States invaded Iraq. Turkey criticized the United States."
    assert not [e for e in coder.code_text(text, pub_date=PUB)
                if e.trigger_text == "invaded"]
    kept = Coder(Config(code_history=True)).code_text(text, pub_date=PUB)
    ev = next(e for e in kept if e.trigger_text == "invaded")
    assert (ev.event_date, ev.date_text, ev.background) == (date(2003, 1, 1), "In 2003", True)


REF = DateResolution(date(2020, 1, 3), "on January 3", "day")


@pytest.mark.parametrize(("text", "ref", "expected", "precision"), [
    ("The following day, police arrested him.", REF, date(2020, 1, 4), "day"),
    ("The next morning the army withdrew.", REF, date(2020, 1, 4), "day"),
    ("On the previous day, he had resigned.", REF, date(2020, 1, 2), "day"),
    ("Three days earlier, rebels attacked.", REF, date(2019, 12, 31), "day"),
    ("Two weeks later, the EU imposed sanctions.", REF, date(2020, 1, 13), "week"),
    ("The month before, troops had massed.", REF, date(2019, 12, 1), "month"),
    ("On the same day, protesters marched.", REF, date(2020, 1, 3), "day"),
    # with no story time: a step back counts from publication, a step forward is no date
    ("The attack took place the previous month.", None, date(2019, 12, 1), "month"),
    ("A week earlier, talks had failed.", None, date(2019, 12, 30), "week"),
    ("The following day, police arrested him.", None, PUB, "pub"),
    ("On the same day, protesters marched.", None, PUB, "pub"),
    # a month-fine story time cannot place "the following day"
    ("The following day, police arrested him.",
     DateResolution(date(2019, 11, 1), "in November", "month"), PUB, "pub"),
])
def test_relative_times_count_from_the_story_time(text, ref, expected, precision):
    res = resolve_event_date([text], PUB, reference=ref)
    assert (res.event_date, res.precision) == (expected, precision)


def test_the_day_before_an_event_named_is_no_relative_time():
    # "the day before the election" counts from the election, which the rule cannot date
    res = resolve_event_date(["The day before the election, police arrested him."], PUB,
                             reference=REF)
    assert res.precision == "pub"


def test_the_timeline_gives_each_sentence_the_time_it_counts_from():
    rows = [(0, 0, "Protesters marched in Minsk on January 3."),
            (1, 0, "The following day, police arrested 50 of them."),
            (2, 0, "Two days later, the EU condemned the arrests.")]
    tl = build_timeline(rows, PUB, list_document=True)
    assert tl.reference(0) is None
    assert tl.reference(1) is not None and tl.reference(1).event_date == date(2020, 1, 3)
    # the second relative time counts from the first: January 4 + 2 days
    assert tl.reference(2) is not None and tl.reference(2).event_date == date(2020, 1, 4)
    res = resolve_event_date([rows[2][2]], PUB, reference=tl.reference(2))
    assert res.event_date == date(2020, 1, 6)


@pytest.mark.parametrize(("title", "expected"), [
    ("On the campaign trail, November 2019", date(2019, 11, 1)),
    ("Week in review: December 2019", date(2019, 12, 1)),
    ("Protests spread in March", None),            # a month without its year: a report's
    ("On the campaign trail, September 2018", None),  # more than a quarter before publication
    ("Rebels attack the capital", None),
])
def test_a_digest_title_names_the_month_of_its_stories(title, expected):
    rows = [(0, 0, "Protesters marched in the capital."), (1, 1, "Police arrested dozens.")]
    tl = build_timeline(rows, PUB, list_document=True, title=title)
    got = tl.anchor(1)
    assert (got.event_date if got else None) == expected


# (title, text, trigger, expected event_date): a digest of December 2019, published January 8
THREADED = [
    # a time inside a relative clause tells that clause's act: the thread keeps the title's
    ("Week in review: December 2019",
     "The minister toured Basra, where protests had erupted in October. "
     "The opposition accused the minister of lying.", "accused", date(2019, 12, 1)),
    # ... so does a participle clause's ("the accord signed last year")
    ("Week in review: December 2019",
     "Building on the accord signed in March, Egypt hosted new talks. "
     "Sudan criticized Ethiopia.", "criticized", date(2019, 12, 1)),
    # ... and a past perfect main clause, which lies before the narrative
    ("Week in review: December 2019",
     "Rebels had seized the town in August. The army accused the rebels of looting.",
     "accused", date(2019, 12, 1)),
    # a time of the main clause still moves the thread
    ("Week in review: December 2019",
     "Rebels seized the town in November. The army accused the rebels of looting.",
     "accused", date(2019, 11, 1)),
    # a sentence about the present is no anchor, but the story's time comes back after it
    ("Week in review: December 2019",
     "The current crisis worries Cairo. Sudan criticized Ethiopia.", "criticized",
     date(2019, 12, 1)),
]


@pytest.mark.model
@pytest.mark.parametrize(("title", "text", "trigger", "when"), THREADED)
def test_asides_do_not_move_the_story_thread(coder, title, text, trigger, when):
    from eventwire.model import Article

    art = Article(id="t", text=text, pub_date=PUB, title=title)
    events = [e for e in next(iter(coder.code_articles([art]))).events
              if e.trigger_text == trigger]
    assert events, f"no {trigger!r} event"
    assert events[0].event_date == when


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "word", "past"), [
    ("Biden delivered a speech discussing the war.", "discussing", True),
    ("It was his first trip to Kenya.", "trip", True),
    ("Iran will hold talks with Iraq.", "talks", False),
    ("Iran is holding talks with Iraq.", "talks", False),
    ("Iran holds talks with Iraq.", "talks", False),
    ("Rebels had seized the town.", "seized", True),
    ("Rebels have seized the town.", "seized", False),
])
def test_a_trigger_without_tense_takes_the_tense_of_its_verb(coder, sentence, word, past):
    from eventwire.coder import _past

    doc = coder.nlp(sentence)
    assert _past(next(t for t in doc if t.text == word)) is past
