"""Classes of Wikinews sentences the coder got wrong, one class per section, each with
sentences written for the test (not taken from the corpus): history asides a sentence dates
to a year long past (not coded), interview transcripts (the interviewer's turns and the
acts an interviewee recounts are not coded; what she says about an actor is), campaign
senses (a politician's rally, a trip at home: not events)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.config import Config
from eventwire.context.history import told_as_history
from eventwire.context.interview import said_in_turn, transcript_turns
from eventwire.dates import DateResolution
from eventwire.events.campaign import home_trip
from eventwire.model import Event

PUB = date(2020, 6, 10)


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_text(text, pub_date=PUB)


def roots(events: list[Event]) -> set[str]:
    return {e.cameo_root for e in events}


# ---------------------------------------------------------------- history asides
@pytest.mark.parametrize(("when", "sentence", "history"), [
    (DateResolution(date(1994, 1, 1), "in 1994", "year"), "They fought a war in 1994.", True),
    (DateResolution(date(2012, 5, 3), "on May 3, 2012", "day"),
     "He was arrested on May 3, 2012.", True),
    (DateResolution(date(2019, 1, 1), "in January 2019", "month"),
     "Talks collapsed in January 2019.", True),
    # within the year before publication: news or a recent aside, only flagged
    (DateResolution(date(2019, 9, 1), "in September 2019", "month"),
     "Talks collapsed in September 2019.", False),
    # no year named: "last November" is the thread of the story, not a dated aside
    (DateResolution(date(2018, 11, 1), "in November", "month"), "Talks collapsed in November.",
     False),
    # a span up to now does not date the act
    (DateResolution(date(2016, 4, 1), "since April 2016", "month"),
     "Police have held him since April 2016.", False),
    # the time came from an earlier sentence (the thread), not this one
    (DateResolution(date(2006, 1, 1), "in 2006", "year"), "He was then pardoned.", False),
    (DateResolution(PUB, None, "pub"), "Iran condemned the strike.", False),
])
def test_an_act_is_history_when_its_own_sentence_dates_it_years_back(when, sentence, history):
    assert told_as_history(when, sentence, PUB) is history


def test_history_needs_a_publication_date():
    when = DateResolution(date(1994, 1, 1), "in 1994", "year")
    assert not told_as_history(when, "They fought a war in 1994.", None)


HISTORY = [
    "Russia and Georgia fought a brief war over South Ossetia in 2008.",
    "In 1999, NATO bombed Serbia.",
    "A court convicted the former Illinois governor of bribery in 2011.",
    "Back in 1978, President Carter mediated talks between Egypt and Israel.",
    "Israel and Egypt signed a peace treaty in 1979.",
]


@pytest.fixture(scope="module")
def keep_history() -> Coder:
    return Coder(Config(code_history=True))


@pytest.mark.model
@pytest.mark.parametrize("text", HISTORY)
def test_dated_history_asides_are_not_coded(coder: Coder, text: str):
    # docs/annotation.md: background history told as context is skipped
    assert code(coder, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", HISTORY)
def test_history_can_be_kept_flagged_background(keep_history: Coder, text: str):
    events = code(keep_history, text)
    assert events and all(e.background for e in events)


@pytest.mark.model
@pytest.mark.parametrize(("text", "root"), [
    ("On Monday, Russian forces shelled a village in eastern Ukraine.", "19"),
    ("In May 2020, Israel struck Iranian positions in Syria.", "19"),
    ("Turkey has detained journalists since July 2016.", "17"),
    ("The United States condemned the 2008 invasion of Georgia on Tuesday.", "11"),
    # the year dates a relative clause, not the act
    ("Police arrested the owner of the factory, which opened in 1998.", "17"),
    ("The Kenyan government sued a British company, accusing it of polluting a river in 1995.",
     "11"),
])
def test_news_and_recent_acts_are_still_coded(coder: Coder, text: str, root: str):
    assert root in roots(code(coder, text))



# ---------------------------------------------------------------- interview transcripts
TRANSCRIPT = "\n".join([
    "Maria Novak, a cyclist who left Belarus in 2019, spoke to a reporter about her career.",
    "((WN)) Were you ever warned by the federation about your statements?",
    "((Maria Novak)) Yes. I met my coach in Minsk and he helped me a lot.",
    "((WN)) The Belarusian police arrested your teammate in Minsk in May.",
    "((Maria Novak)) The Belarusian government is lying about us and I condemn it.",
    "((WN)) Thank you.",
])


def test_transcript_turns_tell_questions_from_answers():
    turns = transcript_turns(TRANSCRIPT.split("\n"))
    assert turns == {1: "question", 2: "answer", 3: "question", 4: "answer", 5: "question"}


@pytest.mark.parametrize("paras", [
    # a story quoting one speaker in its own style is no transcript
    ["The minister spoke on Monday.", "((WN)) Why?", "((A. B.)) Because."],
    ["Police arrested five protesters in Minsk.", "The EU condemned the arrests."],
])
def test_a_story_is_not_a_transcript(paras):
    assert transcript_turns(paras) == {}


@pytest.mark.parametrize(("turn", "root", "coded"), [
    (None, "19", True), (None, "04", True),           # framing text: any act
    ("question", "11", False), ("question", "17", False),  # the interviewer's words
    ("answer", "11", True), ("answer", "02", True),   # what the interviewee says
    ("answer", "04", False), ("answer", "07", False),  # what she recounts
])
def test_what_is_coded_in_each_turn(turn, root, coded):
    said = frozenset({"01", "02", "03", "10", "11", "12", "13"})
    assert said_in_turn(turn, root, said) is coded


@pytest.fixture(scope="module")
def keep_one_sided() -> Coder:
    # the interviewee's "I" is not yet resolved to the person interviewed, so her acts are
    # one-sided, which a story drops (events/one_sided.py): kept here to test the turns
    return Coder(Config(keep_one_sided=True))


@pytest.mark.model
def test_an_interview_codes_the_framing_and_the_interviewees_statements(
        keep_one_sided: Coder):
    events = code(keep_one_sided, TRANSCRIPT)
    by_para = {e.sentence.split()[0]: e for e in events}
    assert not any(e.sentence.startswith("((WN))") for e in events)
    assert not any(e.cameo_root in {"04", "07", "17"} for e in events)  # met; an arrest asked
    said = [e for e in events if e.cameo_root == "11"]
    assert said and said[0].target_code == "BLRGOV", by_para


@pytest.mark.model
def test_the_same_words_outside_a_transcript_are_coded(keep_one_sided: Coder):
    plain = TRANSCRIPT.replace("((WN)) ", "").replace("((Maria Novak)) ", "")
    assert {"04", "17", "11"} <= roots(code(keep_one_sided, plain))


# ---------------------------------------------------------------- campaign senses
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "President Trump held a rally in Tulsa, Oklahoma on Saturday.",
    "The senator continued to hold campaign rallies across Ohio.",
    "The governor held a re-election rally in Atlanta.",
    "Biden visited Kenosha, Wisconsin on Thursday.",
    "Trump visited California to discuss the wildfires.",
    "Macron visited Marseille on Tuesday.",
])
def test_campaign_rallies_and_trips_at_home_are_not_events(coder: Coder, text: str):
    assert not roots(code(coder, text)) & {"04", "14"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "root", "source", "target"), [
    # protests, whoever holds them against someone, or held by the opposition or students
    ("Thousands of students held a rally against the government in Minsk.", "14", "BLR", "GOV"),
    # (a capital where the rally is held is the country: the place, not the government)
    ("Opposition supporters held a rally in Caracas on Saturday.", "14", "VENOPP", "VEN"),
    ("The party held a rally against the new tax law in Madrid.", "14", "ESPPTY", "ESP"),
    ("Workers staged a rally outside parliament in Seoul.", "14", "KORLAB", "KORLEG"),
    # visits abroad, or to a host
    ("Modi visited Washington last week.", "04", "INDGOV", "USAGOV"),
    ("Erdogan visited Germany and met Merkel.", "04", "TURGOV", "DEU"),
])
def test_protests_and_visits_abroad_are_still_coded(coder: Coder, text: str, root: str,
                                                    source: str, target: str):
    hits = [e for e in code(coder, text) if e.cameo_root == root]
    assert hits, f"no {root} event"
    assert (hits[0].source_code or "").startswith(source)
    assert (hits[0].target_code or "").startswith(target)


@pytest.mark.parametrize(("code_", "target", "place", "source", "trip"), [
    ("042", None, "USA", "USA", True),
    ("042", None, "DEU", "USA", False),   # abroad: the country visited is the target
    ("042", "USAGOV", "USA", "USA", False),  # a host named
    ("040", None, "USA", "USA", False),   # a meeting is not a trip
    ("042", None, None, "USA", False),
])
def test_a_home_trip_is_a_visit_at_home_with_nobody_visited(code_, target, place, source, trip):
    assert home_trip(code_, target, place, source) is trip
