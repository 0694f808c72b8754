"""The place chain (context/setting.py): item frames, statements at the speaker's, violence
done to another country, visits, and the carry within a thread, each rule table-driven."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import spacy

from eventwire.context.items import build_story
from eventwire.context.setting import (
    PlaceChain,
    abroad_place,
    carried_place,
    joint_subject,
    statement_place,
    verbal,
    whereabouts,
)
from eventwire.geo import LeadPlace
from eventwire.model import Article, Event


@pytest.fixture(scope="module")
def token():
    """A trigger with no parse: it says nothing of where it was said."""
    return spacy.blank("en")("said")[0]


def _ev(code: str, *, source: str | None = None, target: str | None = None,
        place: tuple[str, str] | None = None, reason: str | None = None, index: int = 1,
        trigger: str = "x") -> Event:
    return Event(event_id=f"{index}{code}{source}{target}{reason}", article_id="a",
                 sentence_index=index, sentence="s", cameo_code=code, cameo_root=code[:2],
                 quad_class=1, goldstein=0.0, source_code=source, target_code=target,
                 source_country=source[:3] if source else None,
                 target_country=target[:3] if target else None,
                 location_name=place[0] if place else None,
                 location_country=place[1] if place else None,
                 location_reason=reason if place else None, trigger_text=trigger,
                 trigger_start=0, trigger_end=1, rule_id="r", confidence=0.5)


@pytest.mark.parametrize(("code", "want"), [
    ("010", True), ("0214", True), ("051", True), ("054", True), ("111", True),
    ("130", True), ("057", False), ("040", False), ("190", False), ("173", False),
])
def test_verbal_acts_are_statements_appeals_praise_and_threats_not_signings(code, want):
    assert verbal(code) is want


@pytest.mark.parametrize(("ev", "frame", "want"), [
    # "The Secretary expressed our gratitude to the Colombian people" led by Colombia
    (_ev("051", source="USAGOV", target="COLCVL", place=("Colombia", "COL"), reason="lead"),
     None, ("USA", "speaker")),
    # "condemned the Kremlin's war crimes in Ukraine": what it is about, not where
    (_ev("1124", source="USAGOV", target="RUSGOV", place=("Ukraine", "UKR"),
         reason="trigger_prep"), None, ("USA", "speaker")),
    # at home already: the story's city in the speaker's country stands
    (_ev("111", source="USAGOV", target="USAELI", place=("Cleveland", "USA"),
         reason="lead"), None, ("USA", "lead")),
    (_ev("010", source="USAGOV", place=("United States", "USA"), reason="issuer"), None,
     ("USA", "issuer")),
    # no speaker's country: nothing to place it by
    (_ev("010", source="IGOUNO", place=("Geneva", "CHE"), reason="lead"), None,
     ("CHE", "lead")),
])
def test_a_statement_abroad_is_placed_at_its_speakers(gaz, token, ev, frame, want):
    got = statement_place(ev, token, frame, gaz)
    assert (got.location_country, got.location_reason) == want


@pytest.mark.model
def test_a_statement_said_where_its_trigger_says_keeps_that_place(gaz, coder):
    doc = coder.nlp("The minister said in Geneva that talks would resume.")
    trigger = next(t for t in doc if t.lower_ == "said")
    ev = _ev("010", source="USAGOV", place=("Geneva", "CHE"), reason="trigger_prep")
    assert statement_place(ev, trigger, None, gaz).location_name == "Geneva"


@pytest.mark.parametrize(("ev", "frame_country", "want"), [
    # "the U.S. Air Force has conducted strikes on several nuclear facilities in Iran"
    (_ev("195", source="USAMIL", target="IRN", place=("United States", "USA"),
         reason="lead"), "USA", ("IRN", "actors")),
    # a person or body of the country is its nationality, not the scene
    (_ev("190", target="MEXCVL", place=("El Paso", "USA"), reason="lead"), "USA",
     ("USA", "lead")),
    # not violence: the frame stands
    (_ev("042", source="DEUGOV", target="BOL", place=("Bolivia", "BOL"), reason="lead"),
     "BOL", ("BOL", "lead")),
    # placed by the sentence itself: untouched
    (_ev("195", source="USAMIL", target="IRN", place=("Baghdad", "IRQ"),
         reason="trigger_prep"), "USA", ("IRQ", "trigger_prep")),
    # done to the frame's own country
    (_ev("190", source="RUSMIL", target="UKR", place=("Kyiv", "UKR"), reason="lead"), "UKR",
     ("UKR", "lead")),
    # "Russian forces in Belarus launch missiles into Ukraine": the sentence's third country
    # is the doer's base, the violence is in the target country
    (_ev("195", source="RUSMIL", target="UKR", place=("Belarus", "BLR"), reason="sentence"),
     None, ("UKR", "actors")),
    # ... but a sentence place in the doer's own country or the target's stands
    (_ev("195", source="RUSMIL", target="UKR", place=("Belgorod", "RUS"), reason="sentence"),
     None, ("RUS", "sentence")),
    (_ev("195", source="RUSMIL", target="UKR", place=("Kharkiv", "UKR"), reason="sentence"),
     None, ("UKR", "sentence")),
    # ... and so does one where the target is a people or body, not the country
    (_ev("190", source="TURMIL", target="SYRREB", place=("Iraq", "IRQ"), reason="sentence"),
     None, ("IRQ", "sentence")),
])
def test_violence_done_to_another_country_is_not_placed_at_the_dateline(
        gaz, ev, frame_country, want):
    frame = gaz.country(frame_country) if frame_country else None
    got = abroad_place(ev, frame, gaz)
    assert (got.location_country, got.location_reason) == want


@pytest.mark.parametrize(("ev", "before", "frame_country", "want"), [
    # "Police arrested two suspects in Baghdad. They were charged ...": carried
    (_ev("173", source="IRQCOP", place=("Iraq", "IRQ"), reason="lead", index=2),
     [_ev("173", source="IRQCOP", place=("Baghdad", "IRQ"), reason="trigger_prep")], "IRQ",
     ("Baghdad", "context")),
    # never into an act whose actors are all of another country
    (_ev("190", source="SYRMIL", target="SYRREB", place=("Iraq", "IRQ"), reason="lead",
         index=2),
     [_ev("173", source="IRQCOP", place=("Baghdad", "IRQ"), reason="trigger_prep")], "IRQ",
     ("Iraq", "lead")),
    # not from two sentences back
    (_ev("173", source="IRQCOP", place=("Iraq", "IRQ"), reason="lead", index=3),
     [_ev("173", source="IRQCOP", place=("Baghdad", "IRQ"), reason="trigger_prep")], "IRQ",
     ("Iraq", "lead")),
    # not out of the frame's country
    (_ev("173", source="IRQCOP", place=("Iraq", "IRQ"), reason="lead", index=2),
     [_ev("173", source="IRQCOP", place=("Tehran", "IRN"), reason="trigger_prep")], "IRQ",
     ("Iraq", "lead")),
])
def test_a_place_carries_to_the_next_sentence_within_the_frame(gaz, ev, before,
                                                               frame_country, want):
    got = carried_place(ev, before, gaz.country(frame_country))
    assert (got.location_name, got.location_reason) == want


@pytest.mark.parametrize(("ev", "before", "want"), [
    # "Blinken is in Jakarta on a 48-hour visit ... The secretary congratulated ..."
    (_ev("051", source="USAGOV", target="IDNGOV", place=("United States", "USA"),
         reason="issuer", index=3),
     [_ev("042", source="USAGOV", target="IDN", place=("Jakarta", "IDN"),
          reason="sentence", index=0)], ("Jakarta", "context")),
    # a discussion about a place is no visit there
    (_ev("051", source="USAGOV", target="COLCVL", place=("United States", "USA"),
         reason="issuer", index=3),
     [_ev("040", source="USAGOV", target="COLGOV", place=("Venezuela", "VEN"),
          reason="trigger_prep", index=2, trigger="discussed")],
     ("United States", "issuer")),
    # the other side's statements stay theirs
    (_ev("010", source="IDNGOV", place=("Indonesia", "IDN"), reason="lead", index=3),
     [_ev("042", source="USAGOV", target="IDN", place=("Jakarta", "IDN"),
          reason="sentence", index=0)], ("Indonesia", "lead")),
    # a physical act is not a statement
    (_ev("190", source="USAMIL", place=("United States", "USA"), reason="lead", index=3),
     [_ev("042", source="USAGOV", target="IDN", place=("Jakarta", "IDN"),
          reason="sentence", index=0)], ("United States", "lead")),
])
def test_a_speaker_abroad_on_a_visit_speaks_from_there(gaz, token, ev, before, want):
    got = whereabouts(ev, token, before, gaz)
    assert (got.location_name, got.location_reason) == want


def _said(ev: Event, sentence: str, trigger: str) -> Event:
    at = sentence.index(trigger)
    return ev.model_copy(update={"sentence": sentence, "trigger_text": trigger,
                                 "trigger_start": at, "trigger_end": at + len(trigger)})


@pytest.mark.parametrize(("sentence", "trigger", "background", "want"), [
    # a visit named as past: the speaker is back home
    ("It was the main topic during my recent visit to Riyadh.", "visit", False,
     ("United States", "issuer")),
    ("On his last trip to Riyadh, he met the king.", "trip", False,
     ("United States", "issuer")),
    # a visit told as background, years before the story ("during a 2017 tour of Riyadh")
    ("A memoir says that during a 2017 tour of Riyadh he snubbed the king.", "tour", True,
     ("United States", "issuer")),
    ("Years ago, his trip to Riyadh ended in a quarrel.", "trip", True,
     ("United States", "issuer")),
    # a visit now: the speaker is there
    ("The Secretary is on a visit to Riyadh this week.", "visit", False, ("Riyadh", "context")),
])
def test_a_past_visit_does_not_keep_the_speaker_abroad(gaz, token, sentence, trigger,
                                                        background, want):
    prev = _said(_ev("042", source="USAGOV", target="SAU", place=("Riyadh", "SAU"),
                     reason="trigger_prep", index=0), sentence, trigger)
    prev = prev.model_copy(update={"background": background})
    ev = _ev("051", source="USAGOV", target="SAUGOV", place=("United States", "USA"),
             reason="issuer", index=3)
    got = whereabouts(ev, token, [prev], gaz)
    assert (got.location_name, got.location_reason) == want


def _placed_at(ev: Event, place: Any) -> Event:
    return ev.model_copy(update={"latitude": place.latitude, "longitude": place.longitude,
                                 "geonameid": place.geonameid, "admin1": place.admin1})


@pytest.mark.parametrize(("ev", "prev", "want"), [
    # "The Secretary met the Kosovan leaders in Washington. The Secretary thanked them":
    # the talks of a meeting at a town at home happen there too
    (_ev("051", source="USAGOV", target="KSVGOV", place=("United States", "USA"),
         reason="lead", index=1),
     _ev("040", source="USAGOV", target="KSVGOV", place=("Washington", "USA"),
         reason="sentence", index=0, trigger="met"), ("Washington", "context")),
    # attending a summit is being there
    (_ev("040", source="USAGOV", target="IGOUNO", place=("United States", "USA"),
         reason="issuer", index=2),
     _ev("040", source="USAGOV", place=("New York City", "USA"), reason="sentence",
         index=0, trigger="attended"), ("New York City", "context")),
    # a meeting placed only in a country names no venue
    (_ev("051", source="USAGOV", target="KSVGOV", place=("United States", "USA"),
         reason="lead", index=1),
     _ev("040", source="USAGOV", target="KSVGOV", place=("United States", "USA"),
         reason="sentence", index=0, trigger="met"), ("United States", "lead")),
    # a discussion placed at a town is no meeting there
    (_ev("051", source="USAGOV", target="KSVGOV", place=("United States", "USA"),
         reason="lead", index=1),
     _ev("040", source="USAGOV", target="KSVGOV", place=("Washington", "USA"),
         reason="sentence", index=0, trigger="discussed"), ("United States", "lead")),
    # the host's own statement, not done together with the visitor, stays the host's
    (_ev("010", source="GBRGOV", place=("United Kingdom", "GBR"), reason="lead", index=3),
     _ev("040", source="USAGOV", target="GBRGOV", place=("London", "GBR"),
         reason="sentence", index=0, trigger="met"), ("United Kingdom", "lead")),
])
def test_the_talks_of_a_meeting_at_a_named_town_happen_there(gaz, token, ev, prev, want):
    name, country = prev.location_name, prev.location_country
    found = gaz.lookup(name, country_hint=country)
    prev = _placed_at(prev, found)
    got = whereabouts(ev, token, [prev], gaz)
    assert (got.location_name, got.location_reason) == want


@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("The two leaders reaffirmed their commitment.", "reaffirmed", True),
    ("Both leaders look forward to closer cooperation.", "look", True),
    ("They discussed the dialogue with Serbia.", "discussed", True),
    ("Austin and Healey agreed to meet again.", "agreed", True),
    ("The minister reaffirmed his commitment.", "reaffirmed", False),
    ("The leaders reaffirmed their commitment and reiterated their support.", "reiterated",
     True),
])
def test_a_joint_subject_names_both_sides_of_a_meeting(nlp, text, trigger, want):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert joint_subject(tok) is want


def test_a_meetings_partner_speaks_at_its_venue_when_both_sides_act_together(gaz, nlp):
    tok = next(t for t in nlp("The two leaders reaffirmed their commitment.")
               if t.text == "reaffirmed")
    prev = _ev("040", source="USAGOV", target="GBRGOV", place=("London", "GBR"),
               reason="sentence", index=0, trigger="met")
    prev = _placed_at(prev, gaz.lookup("London", country_hint="GBR"))
    ev = _ev("030", source="GBRGOV", target="UKR", place=("United Kingdom", "GBR"),
             reason="lead", index=2)
    got = whereabouts(ev, tok, [prev], gaz)
    assert (got.location_name, got.location_reason) == ("London", "context")


DAY_PAGE = [
    "Seven teenagers are killed after government forces airstrike a village in Savanes "
    "Region, Togo.",
    "At least 13 people are killed when a minivan crashes into a tree in Mexico.",
    "Guatemala puts 66 of its municipalities on alert.",
    "Four people are wounded in a mass stabbing at a hospital in Shanghai, China.",
    "Wickremesinghe's private residence is set on fire in Sri Lanka.",
]


def test_each_list_item_is_framed_by_its_own_lead_not_the_first_items(gaz):
    story = build_story([(0, ["TGO"]), (1, ["MEX"]), (2, ["GTM"]), (3, ["CHN"]),
                         (4, ["LKA"])])
    assert story.list_document
    lead = LeadPlace.of(gaz.lookup("Togo"))
    chain = PlaceChain.build(gaz, story, DAY_PAGE, lead)
    assert chain.frame(0) is lead
    assert chain.frame(3) is not None and chain.frame(3).name == "Shanghai"
    assert chain.frame(1) is not None and chain.frame(1).country == "MEX"
    assert all(chain.frame(p) is None or chain.frame(p).country != "TGO" for p in (1, 2, 4))


def test_an_ordinary_article_keeps_its_one_frame(gaz):
    story = build_story([(0, ["IRN", "IRQ"]), (1, ["IRN"])])
    frame = gaz.lookup("Tehran")
    chain = PlaceChain.build(gaz, story, ["a", "b"], frame)
    assert chain.frame(0) is frame and chain.frame(1) is frame


@pytest.mark.model
def test_a_day_page_item_is_not_placed_in_the_first_items_country(coder):
    art = Article(id="d", text="\n".join(DAY_PAGE), pub_date=date(2022, 7, 9),
                  title="Portal:Current events/2022 July 9",
                  source="Wikipedia Portal:Current events")
    events = list(next(iter(coder.code_articles([art]))).events)
    later = [e for e in events if e.sentence_index > 0 and e.location_country]
    assert later, "the later items' events are coded"
    assert all(e.location_country != "TGO" for e in later), [
        (e.sentence, e.location_name) for e in later]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "want"), [
    ("The minister said in Geneva that the talks would resume.", "said", True),
    ("Speaking in Nairobi, the envoy appealed for calm.", "appealed", True),
    # a noun trigger's place is where the act it names happened, not where it was said
    ("The envoy deplored the ongoing occupation in Crimea.", "occupation", False),
    ("The statement recalled Moscow's aggression in the Donbas region.", "aggression", False),
])
def test_a_place_on_a_noun_trigger_is_not_where_it_was_said(nlp, gaz, text, trigger, want):
    from eventwire.context.setting import said_there

    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert said_there(token, gaz, None) is want
