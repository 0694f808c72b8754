"""Killings and death tolls (events/violence.py) with the real pipeline: a toll told with no
doer is an event only when it names the act; who kills chooses the root (18 or 19).
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.violence import words
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def violent(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    return {e for e in coded(coder, text) if e[0][:2] in {"18", "19", "20"}}


@pytest.mark.parametrize("text", [
    # a bare count of the dead and wounded names no act
    "Eight people were killed and 30 others were wounded on Sunday.",
    "Three farmers are killed in the northern province of Kunduz, Afghanistan.",
    # fighting between sides and unrest are no one doer's act
    "At least 14 people are killed in clashes between rival militias in Tripoli, Libya.",
    "Six people were killed during protests against the election result in Maputo.",
    "They visited a memorial to French soldiers killed during the Battle of the Somme.",
    # an explosion at a site of work, or of gas, is an accident
    "Nine workers are killed in an explosion at a chemical plant in Jiangsu, China.",
    "Four people are killed and 12 injured in a gas explosion in a block of flats in Lyon.",
    "An explosion at a fireworks factory killed eleven people in Tamil Nadu, India.",
    # the count of the displaced: a toll of the war, not an expulsion
    "Over two million people have been displaced by the civil war in Sudan.",
    # the report of a toll: its subject is the victims, not a doer
    "Forty people were reported killed in the region on Friday.",
])
def test_a_toll_that_names_no_act_is_no_event(coder: Coder, text: str) -> None:
    assert not violent(coder, text)


@pytest.mark.parametrize("text", [
    "Twelve Russian soldiers were killed in Ukraine on Monday.",
    "Four policemen are killed in the northern province of Kunduz, Afghanistan.",
    "An army spokesman said six rebels were killed in a gun battle in Mindanao.",
])
def test_fighters_killed_are_casualties_of_fighting(coder: Coder, text: str) -> None:
    assert any(c[:2] == "19" for c, _, _ in violent(coder, text))


@pytest.mark.parametrize("text,code,country", [
    ("Three policemen were killed in a roadside bombing near Kandahar, Afghanistan.", "1833",
     "AFG"),
    ("Ten people are killed when a car bomb explodes outside a hotel in Mogadishu, Somalia.",
     "1832", "SOM"),
    ("Two people are killed and 20 wounded by a suicide bomber at a bus stop in Kano, "
     "Nigeria.", "1831", "NGA"),
    # the act named by a modifier; the cause on the participle of the count
    ("A judge was wounded in a shooting incident outside a court in Lima, Peru.", "18", "PER"),
    ("Six people were killed and some 20 injured in a blast at a crowded bar in Kampala, "
     "Uganda.", "183", "UGA"),
])
def test_a_toll_that_names_its_act_is_coded_with_its_means(coder: Coder, text: str, code: str,
                                                           country: str) -> None:
    got = violent(coder, text)
    assert any(c[:len(code)] == code and t[:3] == country for c, _, t in got), got


def test_an_expulsion_by_a_named_force_stays(coder: Coder) -> None:
    assert any(c[:2] == "20" for c, _, _ in violent(
        coder, "Myanmar's army displaced thousands of villagers in Rakhine State."))


def test_the_doer_on_the_other_verb_of_the_toll_is_its_source(coder: Coder) -> None:
    got = violent(coder, "Two people are killed and 20 wounded by a suicide bomber at a bus "
                  "stop in Kano, Nigeria.")
    assert any(c == "1831" and s.endswith("REB") for c, s, _ in got), got


def test_a_mass_shooting_with_no_shooter_named_is_unconventional_violence(coder: Coder
                                                                          ) -> None:
    got = violent(coder, "Four people are killed and six injured during a mass shooting at "
                  "a nightclub in Bratislava, Slovakia.")
    assert ("180", "SVKCVL", "SVKCVL") in got, got


@pytest.mark.parametrize("text,act", [
    ("Five people are killed and 12 injured as Israeli troops raid a refugee camp in "
     "Tulkarm.", "19"),
    # the firing names no doer and gives no event: the toll is the act's event
    ("Eleven people are killed when artillery shells are fired at a bus station in Donetsk.",
     "19"),
])
def test_a_toll_whose_act_is_coded_from_its_verb_is_no_second_event(coder: Coder, text: str,
                                                                   act: str) -> None:
    """One event of the act: its own verb's when that is coded, else the toll's."""
    events = [e for e in coder.code_text(text, pub_date=PUB) if e.cameo_root == act]
    assert len(events) == 1, events


def test_an_act_named_by_a_demonstrative_was_told_before(coder: Coder) -> None:
    text = ("The U.S. military conducted an airstrike against al-Shabaab near Jilib, Somalia. "
            "This airstrike killed four militants.")
    events = coder.code_text(text, pub_date=PUB)
    assert {e.sentence_index for e in events if e.cameo_root == "19"} == {0}


@pytest.mark.parametrize("text,code", [
    # people who do not fight, killing: unconventional violence
    ("Armed villagers killed twenty suspected gang members in Haiti.", "180"),
    ("Police killed four protesters in Nairobi, Kenya.", "180"),
    ("Gang members killed nine villagers in Zamfara, Nigeria.", "180"),
    # armed forces and rebels killing keep conventional force
    ("Sudanese soldiers killed twelve civilians in Darfur.", "190"),
    ("Rebels killed nine soldiers in North Kivu, Congo.", "190"),
    # police fighting armed men keep it too
    ("Police killed three gunmen in a raid in Karachi, Pakistan.", "190"),
])
def test_who_kills_chooses_the_root(coder: Coder, text: str, code: str) -> None:
    got = violent(coder, text)
    assert any(c[:3] == code for c, _, _ in got), got
    assert not any(c == ("190" if code == "180" else "180") for c, _, _ in got), got


def test_word_classes_are_read_from_the_data_file() -> None:
    assert {"kill", "injure"} <= words("toll_verb")
    assert "bomber" in words("attacker_noun") and "clash" in words("strife_noun")
    assert not words("no such list")


def test_wounded_by_an_attack_named_in_the_agent_phrase(coder: Coder) -> None:
    got = violent(coder, "Three people are wounded by a knife attack at a school in Graz, "
                  "Austria.")
    assert ("182", "AUTCVL", "AUTCVL") in got, got


def test_a_toll_of_an_attack_coded_by_its_noun_is_no_second_event(coder: Coder) -> None:
    events = [e for e in coder.code_text(
        "Six Iraqi soldiers were wounded by the rocket attack by the militia on their base "
        "near Erbil.", pub_date=PUB) if e.cameo_root in {"18", "19"}]
    assert len(events) == 1 and events[0].trigger_text == "attack", events


def test_a_claimed_toll_that_accuses_no_one_is_no_act(coder: Coder) -> None:
    """The guideline's claimed acts: the claim is coded, not the act; a toll claimed with no
    doer accuses no one, so nothing is coded."""
    assert not violent(coder, "Georgia claimed that 300 Russian soldiers had been killed.")


@pytest.mark.parametrize("text,code", [
    ("The senator attacked the governor as a failed leader on Tuesday.", "111"),
    ("The mayor assailed the minister as a liar in a radio interview.", "111"),
    # "as" opening a clause is no description: the attack stays force
    ("Rebels attacked the town as soldiers slept.", "190"),
])
def test_attacking_someone_as_something_is_verbal(coder: Coder, text: str, code: str) -> None:
    assert code in {c for c, _, _ in coded(coder, text)}


@pytest.mark.parametrize("text", [
    "A minibus crashed into a ravine in Kenya, killing 20 passengers.",
    "A ferry capsized on Lake Albert, killing 30 people.",
])
def test_the_toll_of_an_accident_told_after_it_is_no_event(coder: Coder, text: str) -> None:
    assert not violent(coder, text)


def test_the_toll_of_a_bombing_told_after_it_has_its_means(coder: Coder) -> None:
    got = violent(coder, "A car bomb exploded at a market in Kirkuk, killing 12 people.")
    assert any(c == "1832" for c, _, _ in got), got


def test_a_sanction_targeting_officials_of_the_military_is_no_force(coder: Coder) -> None:
    assert not violent(coder, "Today's action targets senior officials of the Venezuelan "
                       "military and two state-owned companies.")


def test_the_two_counts_of_one_toll_are_one_event(coder: Coder) -> None:
    got = [e for e in coder.code_text("Three people were killed and at least nine people were "
                                      "injured in a suicide bombing in Kabul.", pub_date=PUB)
           if e.cameo_root == "18"]
    assert len(got) == 1 and got[0].cameo_code == "1831", got


def test_an_act_reported_to_have_killed_keeps_its_act(coder: Coder) -> None:
    got = violent(coder, "A bombing was reported to have killed a photojournalist in Mokha, "
                  "Yemen.")
    assert got, got  # the act is kept (not taken for a reported toll)
