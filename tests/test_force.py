"""Acts of force (CAMEO 14-20) with the real pipeline: the code and the actors the gold
guideline (docs/annotation.md sections 1-2, settled points) gives them. Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.errors import DictionaryError
from eventwire.events.patterns import parse_patterns
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


@pytest.mark.parametrize("text,event", [
    # a country that fights does so through its armed forces
    ("Turkey launched air strikes on Kurdish positions in Iraq on Monday.",
     ("195", "TURMIL", None)),
    # missile strikes are aerial weapons, not a missile test
    ("Iran launched ballistic missile strikes on Erbil late on Sunday.",
     ("195", "IRNMIL", "IRQ")),
])
def test_country_fights_with_its_armed_forces(coder: Coder, text: str,
                                              event: tuple[str, str, str | None]) -> None:
    got = coded(coder, text)
    assert any(c == event[0] and s == event[1] and (event[2] is None or t[:3] == event[2])
               for c, s, t in got), got


def test_missile_launch_into_the_sea_stays_a_show_of_force(coder: Coder) -> None:
    assert {c for c, _, _ in coded(coder, "North Korea fired a cruise missile into the sea.")
            } == {"150"}


@pytest.mark.parametrize("text,target", [
    ("Romanian jets shot down two Russian drones over the Danube.", "RUSMIL"),
    ("A French frigate shot down a Houthi drone over the Red Sea.", "YEMREB"),
])
def test_downed_drone_stands_for_the_forces_that_flew_it(coder: Coder, text: str,
                                                         target: str) -> None:
    assert any(c == "190" and t == target for c, _, t in coded(coder, text))


def test_captured_helicopter_is_still_a_thing(coder: Coder) -> None:
    assert not any(t == "RUSMIL" for _, _, t in
                   coded(coder, "The rebels captured a Russian helicopter."))


@pytest.mark.parametrize("text,code,country", [
    ("Six people are wounded in a mass stabbing at a railway station in Hamburg, Germany.",
     "182", "DEU"),
    ("Two people are killed in a knife attack at a market in Lyon, France.", "1823", "FRA"),
])
def test_stabbing_of_civilians_by_an_unnamed_attacker(coder: Coder, text: str, code: str,
                                                      country: str) -> None:
    """An unnamed assailant of civilians is a civilian of their country; the victims are
    the target; a stabbing that kills is 1823, one that wounds 182."""
    assert (code, f"{country}CVL", f"{country}CVL") in coded(coder, text)


def test_wounded_in_an_accident_is_no_event(coder: Coder) -> None:
    assert not coded(coder, "Twelve people were injured in a bus crash in Ohio.")


@pytest.mark.parametrize("text,target", [
    ("Russian troops entered the city of Kupiansk on Tuesday.", "UKR"),
    ("Israeli tanks crossed into the town of Rafah.", "PSE"),
])
def test_armed_forces_entering_a_territory_use_force(coder: Coder, text: str,
                                                     target: str) -> None:
    got = coded(coder, text)
    assert any(c == "190" and s[3:] == "MIL" and t[:3] == target for c, s, t in got), got


def test_a_delegation_entering_a_hall_is_no_event(coder: Coder) -> None:
    assert not coded(coder, "The Chinese delegation entered the conference hall.")


def test_sentence_is_legal_action_and_conviction_a_verdict(coder: Coder) -> None:
    assert "173" in {c for c, _, _ in coded(
        coder, "A Turkish court sentenced the journalist to six years in prison.")}
    assert "116" in {c for c, _, _ in coded(
        coder, "A European court convicted Turkey of inhuman acts.")}


@pytest.mark.parametrize("value", ["[military]", "[MILITARY]", "[M1L]"])
def test_subject_sectors_must_be_sector_codes(value: str) -> None:
    text = f'- id: a\n  code: "190"\n  verbs: [enter]\n  subject_sectors: {value}\n'
    with pytest.raises(DictionaryError, match="subject_sectors"):
        parse_patterns(text, "user.yaml")


def test_subject_sectors_are_read_upper_case() -> None:
    (p,) = parse_patterns('- id: a\n  code: "190"\n  verbs: [enter]\n  subject_sectors: [mil]\n',
                          "user.yaml")
    assert p.subject_sectors == frozenset({"MIL"})


@pytest.mark.parametrize("text,code", [
    # people who do not fight, shot by no armed force: unconventional violence
    ("Three people are killed in a mass shooting at a shopping centre in Bangkok, Thailand.",
     "180"),
    # a prominent person shot: an assassination
    ("Slovak Prime Minister Robert Fico is shot several times after a meeting in Handlova.",
     "186"),
    # troops firing on protesters, or at a country, stay small-arms fighting
    ("Israeli troops opened fire on protesters in Gaza.", "193"),
    ("The United States fired anti-aircraft batteries at Russia this week.", "193"),
])
def test_shootings_are_coded_by_who_shoots_whom(coder: Coder, text: str, code: str) -> None:
    assert code in {c for c, _, _ in coded(coder, text)}


def test_missiles_carry_the_forces_that_fire_them(coder: Coder) -> None:
    assert ("195", "RUSMIL", "UKR") in coded(
        coder, "Russian missiles struck Zaporizhzhia on Thursday night.")


@pytest.mark.parametrize("text,event", [
    ("The gunman is arrested at the scene in Munich, Germany.", ("173", "DEUCOP")),
    ("Two French journalists were detained in Iran.", ("173", "IRNCOP")),
    # a doer named in the passive stays the doer
    ("Kizza Besigye was arrested by soldiers in Kampala, Uganda.", ("173", "UGAMIL")),
])
def test_arrest_without_its_doer_is_made_by_the_police(coder: Coder, text: str,
                                                       event: tuple[str, str]) -> None:
    got = coded(coder, text)
    assert any((c, s) == event for c, s, _ in got), got


@pytest.mark.parametrize("text", [
    "Hezbollah fired missiles into Israel on Saturday.",
    "Iran launched ballistic missiles into Iraq's Kurdistan region.",
])
def test_missiles_fired_into_a_country_are_a_strike(coder: Coder, text: str) -> None:
    assert "195" in {c for c, _, _ in coded(coder, text)}


def test_it_after_a_national_body_is_that_body(coder: Coder) -> None:
    assert ("190", "ROMMIL", "RUSMIL") in coded(  # ROM: CAMEO's code for Romania
        coder, "The Romanian army said it had shot down two Russian drones.")


def test_object_it_is_not_its_own_verbs_subject(coder: Coder) -> None:
    got = coded(coder, "The Nepali Army occupied it nearly a day later.")
    assert not any(s and s == t for _, s, t in got), got


@pytest.mark.parametrize("text,event", [
    ("Protesters stormed the parliament in Nairobi, Kenya.", ("145", "KENCVL")),
    ("Police clashed with demonstrators in Tbilisi, Georgia.", ("145", "GEOCVL")),
])
def test_protesters_using_force_riot(coder: Coder, text: str, event: tuple[str, str]) -> None:
    """A violent protest (145) is done by the protesters, never coded as fighting (19)."""
    got = coded(coder, text)
    assert any((c, s) == event for c, s, _ in got) and not any(c[:2] == "19" for c, _, _ in got)


def test_protesters_firing_missiles_still_fight(coder: Coder) -> None:
    assert "195" in {c for c, _, _ in coded(
        coder, "Armed demonstrators launched missiles at the presidential palace in Tripoli.")}


def test_an_act_said_to_go_on_is_reported_with_its_doer(coder: Coder) -> None:
    assert any(c == "195" and s == "ISRMIL" for c, s, _ in coded(
        coder, "Israeli strikes continued in southern Lebanon."))
