"""Coding conventions shared with PETRARCH/GDELT, one class of sentence per test: the place
of an event standing in for its missing target, joint acts "with" someone, claims and
allegations, reasons and charges, and deaths by mishap."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.config import Config
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2021, 3, 10)


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_text(text, pub_date=PUB)


def dyads(events: list[Event]) -> set[tuple[str, str, str]]:
    return {((e.source_code or "")[:3], (e.target_code or "")[:3], e.cameo_code)
            for e in events}


def test_the_country_acted_in_stands_in_for_a_missing_target(coder: Coder) -> None:
    events = code(coder, "Russian warships conducted naval drills off the coast of Norway.")
    drill = next(e for e in events if e.cameo_root == "15")
    assert (drill.source_code, drill.target_code) == ("RUSMIL", "NOR")
    assert drill.rule_id.endswith("+place-target")
    assert drill.location_country == "NOR"


def test_place_as_target_can_be_switched_off() -> None:
    plain = Coder(Config(place_as_target=False))
    events = code(plain, "Russian warships conducted naval drills off the coast of Norway.")
    drill = next(e for e in events if e.cameo_root == "15")
    assert drill.target_code is None and not drill.rule_id.endswith("+place-target")


def test_a_named_target_is_not_replaced_by_the_place(coder: Coder) -> None:
    events = code(coder, "Police in Nairobi arrested three opposition leaders on Monday.")
    arrest = next(e for e in events if e.cameo_code.startswith("17"))
    assert arrest.target_code is not None and arrest.target_code.startswith("KEN")
    assert not arrest.rule_id.endswith("+place-target")


def test_holding_talks_with_someone_is_negotiation_in_both_directions(coder: Coder) -> None:
    events = code(coder, "Egypt's foreign minister held talks with his Jordanian counterpart "
                         "in Amman.")
    assert {("EGY", "JOR", "046"), ("JOR", "EGY", "046")} <= dyads(events)
    assert all(e.location_name == "Amman" for e in events if e.cameo_code == "046")


def test_a_one_sided_act_with_a_partner_is_not_reversed(coder: Coder) -> None:
    events = code(coder, "Ukraine ratified a trade agreement with Canada on Tuesday.")
    assert ("UKR", "CAN", "057") in dyads(events)
    assert ("CAN", "UKR", "057") not in dyads(events)


def test_claiming_ones_own_attack_is_claiming_responsibility(coder: Coder) -> None:
    events = code(coder, "The rebel group claimed that it had attacked the army base.")
    assert {e.cameo_code for e in events} == {"015"}


def test_claiming_that_another_attacked_is_an_accusation_not_the_attack(coder: Coder) -> None:
    events = code(coder, "Kenya claimed that al-Shabab fighters had attacked the convoy.")
    assert ("KEN", "SOM", "112") in dyads(events)
    assert not [e for e in events if e.cameo_root in {"18", "19", "20"}]


def test_the_act_given_as_a_reason_is_not_reported_as_an_act(coder: Coder) -> None:
    events = code(coder, "A court in Egypt jailed a journalist for helping the opposition.")
    assert {e.cameo_code for e in events} == {"173"}


def test_people_described_by_a_charge_are_not_an_accusation(coder: Coder) -> None:
    events = code(coder, "Serbia extradited two men accused of attacking police officers.")
    assert {e.cameo_root for e in events} == {"06"}


@pytest.mark.parametrize("text", [
    "Floods killed 20 people in Bangladesh.",
    "Five soldiers were killed in a helicopter crash in Mali.",
    "Typhoon Rai killed dozens of people in the central Philippines.",
])
def test_deaths_by_accident_or_disaster_are_no_event(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


def test_killings_by_people_are_still_events(coder: Coder) -> None:
    events = code(coder, "Gunmen killed five soldiers in northern Mali.")
    assert [e.cameo_root for e in events] == ["19"]


def test_a_generic_institution_name_takes_the_named_country(coder: Coder) -> None:
    events = code(coder, "Opponents of Rwanda's Senate protested in Kigali on Monday.")
    assert [e.source_code for e in events if e.cameo_root == "14"] == ["RWAOPP"]


def test_pressure_from_someone_makes_them_the_asker(coder: Coder) -> None:
    events = code(coder, "The president came under pressure from parliament to resign.")
    demand = next(e for e in events if e.cameo_root == "10")
    assert (demand.source_sector, demand.target_sector) == ("LEG", "GOV")


def test_the_toll_of_an_attack_is_not_a_second_event(coder: Coder) -> None:
    events = code(coder, "Rebels shelled the northern city of Aleppo overnight, killing at "
                         "least eight people.")
    assert [e.trigger_text for e in events] == ["shelled"]


def test_country_names_with_odd_capitals_are_found(coder: Coder) -> None:
    events = code(coder, "The US Secretary of State wants to help iSrael.")
    assert ("USA", "ISR", "033") in dyads(events)
    assert code(coder, "The chef roasted a turkey for the guests.") == []


def test_an_arrest_warrant_is_legal_action_against_its_subject(coder: Coder) -> None:
    events = code(coder, "A court in Peru issued an arrest warrant for the former Bolivian "
                         "president.")
    assert ("PER", "BOL", "173") in dyads(events)


def test_members_of_a_named_organisation_are_the_organisation(coder: Coder) -> None:
    events = code(coder, "IAEA inspectors visited the Fordow site in Iran on Monday.")
    assert any(e.source_code and e.source_code.startswith("IGO") and e.cameo_root == "04"
               for e in events)


def test_war_games_are_exercises_not_war(coder: Coder) -> None:
    events = code(coder, "China launched war games near Taiwan.")
    assert [e.cameo_root for e in events] == ["15"]
    assert [e.cameo_root for e in code(coder, "Russia launched a war against Ukraine.")] == [
        "19"]


def test_a_country_naming_a_war_does_not_make_its_veteran_an_actor_of_it(coder: Coder) -> None:
    events = code(coder, "An Iraq War veteran met the mayor of Boston on Monday.")
    assert not any((e.source_code or "").startswith("IRQ") for e in events)


@pytest.mark.parametrize("text,triple", [
    ("Rights groups called for Egypt to release the jailed activists.", ("HRI", "EGY", "0253")),
    ("The EU called upon Serbia to release the prisoners.", ("IGO", "SRB", "0253")),
    ("Ministers called for Burma to institute democratic reforms.", ("GOV", "MMR", "024")),
])
def test_the_addressee_of_a_call_is_the_target(coder: Coder, text: str,
                                               triple: tuple[str, str, str]) -> None:
    assert triple in dyads(code(coder, text))


@pytest.mark.parametrize("text,code_", [
    ("Germany is concerned about Russia's troop buildup.", "012"),
    ("The Turkish president said he was confident about the talks with Greece.", "013"),
])
def test_a_stated_mood_is_a_pessimistic_or_optimistic_comment(coder: Coder, text: str,
                                                               code_: str) -> None:
    assert code_ in {e.cameo_code for e in code(coder, text)}


def test_a_negated_mood_is_not_coded_as_that_mood(coder: Coder) -> None:
    events = code(coder, "The minister was not optimistic about the talks with Iran.")
    assert "013" not in {e.cameo_code for e in events}


def test_weighing_an_act_is_considering_a_policy_option(coder: Coder) -> None:
    events = code(coder, "The government of Chad is considering sending troops to Mali.")
    assert [(e.cameo_code, (e.target_code or "")[:3]) for e in events] == [("014", "MLI")]


def test_agreeing_to_an_unnamed_act_is_a_general_intent_to_cooperate(coder: Coder) -> None:
    events = code(coder, "Brazil agreed to set up a joint research centre with Argentina.")
    assert "030" in {e.cameo_code for e in events}
    named = code(coder, "Canada has agreed to lift the sanctions on Iran.")
    assert {e.cameo_code for e in named} == {"0354"}


def test_troops_for_a_peacekeeping_force_are_peacekeeping(coder: Coder) -> None:
    events = code(coder, "Ghana is ready to contribute 800 troops to a UN peacekeeping force.")
    assert "0334" in {e.cameo_code for e in events}


def test_an_unplaced_act_right_after_a_placed_one_happened_there_too(coder: Coder) -> None:
    events = coder.code_text(
        "Thousands of protesters rallied in Lyon on Saturday against the pension reform. "
        "Police arrested 30 protesters.", pub_date=PUB)
    arrest = next(e for e in events if e.cameo_root == "17")
    assert (arrest.location_name, arrest.location_reason) == ("Lyon", "context")


def test_an_act_on_oneself_is_no_event_between_actors(coder: Coder) -> None:
    assert code(coder, "Iraq said the rebels had attacked themselves.") == []
    assert [e.cameo_root for e in code(coder, "The rebels attacked the army base.")] == ["19"]


def test_the_addressee_of_a_said_act_is_not_placed_where_the_speaker_is(coder: Coder) -> None:
    events = code(coder, "Speaking at a news conference in New York, the UN chief appealed "
                         "to both sides to protect civilians.")
    appeal = next(e for e in events if e.cameo_root == "02")
    assert appeal.location_country == "USA" and appeal.target_code == "CVL"
    arrest = code(coder, "Police in Nairobi arrested three protesters.")
    assert [e.target_code for e in arrest] == ["KENCVL"]


def test_an_anonymous_source_formula_is_no_refusal(coder: Coder) -> None:
    assert code(coder, "A Japanese banker, who declined to be named, said lending fell.") == []
    assert [e.cameo_code for e in code(coder, "The minister declined to name the countries "
                                                      "involved.")] == ["011"]


def test_only_an_actor_makes_a_visit(coder: Coder) -> None:
    assert code(coder, "Two container cranes donated by Denmark arrived in Dar es Salaam.") == []


def test_a_company_named_like_an_organisation_is_not_it(coder: Coder) -> None:
    events = code(coder, "CIS Technologies Inc said it agreed to an extension with Swiss Re.")
    assert not any("IGOCIS" in (e.source_code or "") + (e.target_code or "") for e in events)


def test_a_decision_to_cut_relations_is_made_at_home_not_where_the_story_is(
        coder: Coder) -> None:
    events = coder.code_text(
        "Leaders met in Cairo on Tuesday to denounce the maritime deal. "
        "Athens expelled the Libyan ambassador over the deal.", pub_date=PUB)
    expel = next(e for e in events if e.cameo_root == "16")
    assert (expel.location_country, expel.location_reason) == ("GRC", "source")
    # the story's own country keeps the story's city
    events = coder.code_text(
        "Ministers met in Athens on Tuesday to denounce the maritime deal. "
        "Athens expelled the Libyan ambassador over the deal.", pub_date=PUB)
    expel = next(e for e in events if e.cameo_root == "16")
    assert expel.location_name == "Athens"



def test_a_protest_outside_its_target_happens_at_the_targets_seat(coder: Coder) -> None:
    events = code(coder, "Activists protested outside the Kremlin on Sunday.")
    protest = next(e for e in events if e.cameo_root == "14")
    assert protest.target_code == "RUSGOV"
    assert (protest.location_name, protest.location_reason) == ("Moscow", "trigger_prep")
    # a protest against a target, not at it, is not placed there
    events = code(coder, "Activists in Paris protested against the Kremlin on Sunday.")
    protest = next(e for e in events if e.cameo_root == "14")
    assert protest.location_name == "Paris"


def test_an_embassy_is_not_in_the_country_it_belongs_to(coder: Coder) -> None:
    events = coder.code_text("Anger grew across Iraq on Friday.\n"
                             "Protesters burned flags at the US embassy.", pub_date=PUB)
    assert [e.location_country for e in events if e.cameo_root == "14"] == ["IRQ"]
    events = code(coder, "Protesters burned flags at the US embassy in Baghdad.")
    assert [e.location_name for e in events if e.cameo_root == "14"] == ["Baghdad"]


def test_a_message_blaming_someone_is_blamed_by_who_posted_it(coder: Coder) -> None:
    events = code(coder, "The Iraqi government issued a statement condemning the attack.")
    assert "IRQGOV" in {e.source_code for e in events if e.cameo_root == "11"}
    events = code(coder, "The Kenyan minister posted a message on Twitter blaming Somalia.")
    assert {e.source_code for e in events if e.cameo_root == "11"} == {"KENGOV"}
