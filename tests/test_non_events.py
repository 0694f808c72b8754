"""What the guideline (docs/annotation.md, "Not events") says is no event, and one act told
twice is one event: death tolls with no doer, the consequences of an attack, accidents, and
the same act coded by two triggers of a sentence. Each case has a twin that must stay an
event, so a rule that removes too much fails here."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.explain import explain
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2021, 3, 10)


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_text(text, pub_date=PUB)


def roots(events: list[Event]) -> list[str]:
    return sorted(e.cameo_root for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Six people were killed and 20 were wounded in the northern town of Kunduz on Monday.",
        "Eleven villagers are killed during clashes between herders and farmers in Plateau "
        "State, Nigeria.",
    ],
)
def test_a_death_toll_with_no_doer_is_no_event(coder: Coder, text: str) -> None:
    assert [e for e in code(coder, text) if e.trigger_text in {"killed", "wounded"}] == []


@pytest.mark.parametrize(
    ("text", "source", "code_"),
    [
        (
            "Three policemen were killed by Taliban fighters in Helmand, Afghanistan.",
            "AFGREB",
            "190",
        ),
        ("Three civilians were killed in an Israeli airstrike on Gaza.", "ISRMIL", "195"),
        ("Nigerian troops killed twelve militants in Borno State.", "NGAMIL", "190"),
    ],
)
def test_a_killing_with_its_doer_named_stays(
    coder: Coder, text: str, source: str, code_: str
) -> None:
    kill = [e for e in code(coder, text) if e.trigger_text == "killed"]
    assert [(e.source_code or "")[:6] for e in kill] == [source]
    assert kill[0].cameo_code == code_


def test_a_toll_beside_the_attack_that_caused_it_is_that_attack(coder: Coder) -> None:
    events = code(
        coder,
        "Twelve people are killed and 20 wounded when rebels fire rockets "
        "at a market in Mogadishu, Somalia.",
    )
    assert [e.trigger_text for e in events] == ["fire"]


def test_a_toll_that_alone_tells_an_attack_stays(coder: Coder) -> None:
    events = code(
        coder,
        "Twelve people are killed and 20 wounded when a car bomb explodes "
        "at a market in Mogadishu, Somalia.",
    )
    assert [e.trigger_text for e in events] == ["killed"]


def test_a_toll_naming_the_weapon_is_the_attack_itself(coder: Coder) -> None:
    # the CAMEO manual codes "killed in a suicide car bombing" as the bombing (18x)
    events = code(coder, "Four soldiers were killed in a roadside bombing near Kandahar.")
    assert [e.cameo_code for e in events] == ["1833"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled the city of Kharkiv, damaging a hospital and two schools.",
        "Syria fired rockets at Israel, wounding four people and destroying several houses.",
    ],
)
def test_the_damage_an_attack_does_is_the_attack_not_a_second_event(
    coder: Coder, text: str
) -> None:
    events = code(coder, text)
    assert roots(events) == ["19"]


def test_destroying_property_on_its_own_is_still_an_event(coder: Coder) -> None:
    events = code(coder, "Rebels destroyed a bridge near Goma.")
    assert [e.cameo_code for e in events] == ["1712"]


@pytest.mark.parametrize(
    "text",
    [
        "Extending the truce in Yemen was the main topic of the meeting.",
        "The two ministers discussed aid for Venezuelan migrants and refugees forced to flee "
        "repression in their country.",
        "Trump warns that impeaching him would be a tremendous danger to the nation.",
    ],
)
def test_an_act_named_by_a_tenseless_phrase_with_no_doer_is_no_event(
    coder: Coder, text: str
) -> None:
    events = code(coder, text)
    assert [e for e in events if e.source_code is None and e.cameo_root != "04"] == []


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Ethiopian soldiers forced villagers to flee their homes in Tigray.", "17"),
        ("The United States will keep supporting Ukraine.", "03"),
        ("There were 10 Russian soldiers killed in Ukraine today.", "19"),
    ],
)
def test_a_tenseless_act_with_its_doer_or_a_violent_one_stays(
    coder: Coder, text: str, root: str
) -> None:
    assert root in roots(code(coder, text))


@pytest.mark.parametrize(
    ("text", "code_"),
    [
        (
            "Peru cuts ties with the government of Venezuela and closes its embassy in Caracas.",
            "161",
        ),
        (
            "The minister condemned the rebel attacks on Goma and deplored the loss of innocent "
            "lives.",
            "111",
        ),
        (
            "A Kenyan court convicts a Somali man of murder, sentencing him to life in prison.",
            "116",
        ),
    ],
)
def test_one_act_told_by_two_triggers_of_a_sentence_is_one_event(
    coder: Coder, text: str, code_: str
) -> None:
    assert [e.cameo_code for e in code(coder, text)] == [code_]


def test_two_targets_of_one_speaker_stay_two_events(coder: Coder) -> None:
    events = code(
        coder,
        "The minister condemned the rebel attacks on Goma and criticized the Rwandan government.",
    )
    assert [e.trigger_text for e in events] == ["condemned", "criticized"]


@pytest.mark.parametrize(
    ("text", "trigger", "why"),
    [
        ("Six people were killed in Kunduz.", "killed", "a death toll with no doer"),
        (
            "The aid will reach Venezuelan refugees forced to flee repression.",
            "forced",
            "no tense and no doer",
        ),
        (
            "Peru cuts ties with the government of Venezuela and closes its embassy in Caracas.",
            "closes",
            "one act told twice: already coded at 'cuts'",
        ),
    ],
)
def test_explain_says_why_a_non_event_gave_none(
    coder: Coder, text: str, trigger: str, why: str
) -> None:
    lines = [
        ln for ln in explain(coder, text, PUB).splitlines() if f"NO EVENT at {trigger!r}" in ln
    ]
    assert len(lines) == 1 and why in lines[0]


def test_talks_told_again_in_a_news_story_are_the_same_talks(coder: Coder) -> None:
    text = (
        "U.S. Secretary of State Antony Blinken met Monday with Indonesian President Joko "
        "Widodo in Jakarta.\n"
        "A spokesman said Blinken and Widodo discussed trade and the climate crisis."
    )
    talks = [e for e in code(coder, text) if e.cameo_root == "04"]
    assert talks and {e.sentence_index for e in talks} == {0}


def test_a_visit_stays_beside_the_talks_held_during_it(coder: Coder) -> None:
    text = (
        "U.S. Secretary of State Antony Blinken arrived in Jakarta on Monday for a visit.\n"
        "Blinken met with Indonesian President Joko Widodo."
    )
    codes = {(e.sentence_index, e.cameo_code[:3]) for e in code(coder, text)}
    assert {(0, "042"), (1, "040")} <= codes
