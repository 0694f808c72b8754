"""Gathering venues (geo/venues.py) and what is said there (context/setting.py `venue_place`),
table-driven: the venue a paragraph names, when a later sentence still speaks at it, and the
events placed there end to end."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.context.items import build_story
from eventwire.context.setting import PlaceChain, venue_place
from eventwire.geo import LeadPlace
from eventwire.geo.venues import Venue, find_venues, past_gathering, speaks_of
from eventwire.model import Article, Event


@pytest.mark.parametrize(("text", "frame", "want"), [
    ("The second mayoral debate was held on a rainy Tuesday in Tucson, Arizona. "
     "The candidates clashed.", "USA", ("debate", "Tucson")),
    ("Hundreds of supporters cheered at a rally in Boise, Idaho.", "USA", ("rally", "Boise")),
    ("The party's summit took place over two days of late spring in Oregon.", "USA",
     ("summit", "Oregon")),
    # a place of another clause than the gathering's
    ("Ahead of the party convention, a storm that struck coastal towns in Texas flooded "
     "the streets.", "USA", None),
    ("The governors met at a summit and agreed on little.", "USA", None),  # no place
    ("A summit in Lyon drew many leaders.", "USA", None),  # outside the frame's country
    ("The conference took place in the United States.", "USA", None),  # a country only
    ("Officials held talks in Denver, Colorado.", "USA", None),  # no gathering noun
])
def test_a_paragraph_names_the_venue_of_its_gathering(gaz, text, frame, want):
    country = gaz.country(frame)
    venues = find_venues([text], gaz, lambda _para: country)
    got = (venues[0].noun, venues[0].place.name) if venues else None
    assert got == want


@pytest.mark.parametrize(("text", "noun", "want"), [
    ("During the debate, she dodged the question.", "debate", True),
    ("In closing the rally, he thanked the crowd.", "rally", True),
    ("Both campaigns agreed to three debates.", "debate", False),  # not the one named
    ("She spoke at the summit.", "debate", False),  # another gathering
])
def test_a_sentence_speaks_of_the_gathering_named_before(text, noun, want):
    assert speaks_of(text, noun) is want


@pytest.mark.parametrize(("text", "want"), [
    ("After the debate, pundits called it chaotic.", True),
    ("Ahead of the first televised debate, the paper ran its story.", True),
    ("During the debate, she dodged the question.", False),
    ("The debate ran long.", False),
])
def test_a_time_outside_the_gathering_ends_its_venue(text, want):
    assert past_gathering(text, "debate") is want


def _ev(code: str, source: str | None, place: tuple[str, str] | None, reason: str | None
        ) -> Event:
    return Event(event_id=f"{code}{source}{reason}", article_id="a", sentence_index=1,
                 sentence="s", cameo_code=code, cameo_root=code[:2], quad_class=1,
                 goldstein=0.0, source_code=source,
                 source_country=source[:3] if source else None,
                 location_name=place[0] if place else None,
                 location_country=place[1] if place else None, location_reason=reason,
                 trigger_text="x", trigger_start=0, trigger_end=1, rule_id="r",
                 confidence=0.5)


@pytest.mark.parametrize(("ev", "want"), [
    (_ev("111", "USAOPP", ("United States", "USA"), "lead"), ("Tucson", "venue")),
    (_ev("040", "USAGOV", ("United States", "USA"), "speaker"), ("Tucson", "venue")),
    (_ev("112", None, ("United States", "USA"), "actors"), ("Tucson", "venue")),
    # a place the sentence names stands; an act placed nowhere stays so
    (_ev("111", "USAOPP", ("Phoenix", "USA"), "trigger_prep"), ("Phoenix", "trigger_prep")),
    (_ev("111", "USAOPP", None, None), (None, None)),
    # not a statement or meeting; another country; a speaker from abroad
    (_ev("190", "USAMIL", ("United States", "USA"), "lead"), ("United States", "lead")),
    (_ev("111", "USAOPP", ("Mexico", "MEX"), "lead"), ("Mexico", "lead")),
    (_ev("111", "FRAGOV", ("United States", "USA"), "lead"), ("United States", "lead")),
])
def test_statements_at_a_gathering_are_placed_at_its_venue(gaz, ev, want):
    venue = Venue(0, 10, "debate", gaz.lookup("Tucson", country_hint="USA"))
    got = venue_place(ev, venue)
    assert (got.location_name, got.location_reason) == want


PARAS = [
    "The first debate between the two nominees took place on Tuesday night in Tucson, "
    "Arizona. Ramos said the plan was reckless. She added that it would cost jobs. "
    "Officials said later that turnout was high.",
    "Afterwards the nominees visited Reno. During the debate, Ramos had also mocked Ortiz.",
    "In the last minutes of the debate, Ortiz accused Ramos of lying.",
    "After the debate, Ramos praised the moderators.",
]


@pytest.mark.parametrize(("para", "sentence", "want"), [
    (0, "Ramos said the plan was reckless.", "Tucson"),  # right after the venue
    (0, "Officials said later that turnout was high.", None),  # no longer about it
    (1, "During the debate, Ramos had also mocked Ortiz.", None),  # moved on to Reno
    (2, "In the last minutes of the debate, Ortiz accused Ramos of lying.", "Tucson"),
    (3, "After the debate, Ramos praised the moderators.", None),  # after it
])
def test_the_venue_holds_while_the_story_speaks_of_the_gathering(gaz, para, sentence, want):
    frame = LeadPlace.of(gaz.country("USA"))
    story = build_story([(i, ["USA"]) for i in range(len(PARAS))])
    chain = PlaceChain.build(gaz, story, PARAS, frame)
    venue = chain.venue_of(para, sentence)
    assert (venue.place.name if venue else None) == want


@pytest.mark.model
def test_what_candidates_say_during_a_debate_is_placed_at_its_venue(coder):
    text = (
        "Tuesday, March 3, 2020\n"
        "The presidential race in the United States heated up this week.\n"
        "The only debate between President Donald Trump and Joe Biden took place on "
        "Tuesday night in Tucson, Arizona. During the debate, Biden accused Trump of "
        "lying about the economy. Trump dismissed Biden's charge as a hoax.\n"
        "In the last minutes of the debate, Biden called Trump a liar.\n"
        "After the debate, Trump criticized Biden in a message to his supporters."
    )
    art = Article(id="v", text=text, pub_date=date(2020, 3, 3), title="Debate night")
    events = list(next(iter(coder.code_articles([art]))).events)
    seen = [(e.sentence, e.location_name, e.location_reason) for e in events]
    for start in ("Trump dismissed", "In the last minutes"):
        at = [e for e in events if e.sentence.startswith(start)]
        assert at and all(e.location_name == "Tucson" for e in at), seen
    after = [e for e in events if e.sentence.startswith("After the debate")]
    assert all(e.location_name != "Tucson" for e in after), seen
