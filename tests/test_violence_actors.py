"""The actors of acts of force (CAMEO 18-20) when the text leaves one implied: the other side
of the story's war, the country of a place entered, a platform standing for its forces, the
owner of the thing attacked, the home country of bare forces and of the place they strike.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)
WAR = ("Russia invaded Ukraine in February. Fighting spread across Ukraine, and the shelling "
       "of Ukraine's east went on. ")


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def codes_of(coder: Coder, text: str, root: str) -> set[tuple[str, str]]:
    return {(s, t) for c, s, t in coded(coder, text) if c.startswith(root)}


@pytest.mark.parametrize("text,event", [
    # a passive report of a loss in a war: the other side did it
    ("Azerbaijani forces shelled Armenian positions near the border. An Azerbaijani supply "
     "convoy was destroyed near the town.", ("ARMMIL", "AZEMIL")),
    ("Ukrainian drones struck Russian positions near Belgorod. Two Russian helicopters were "
     "shot down over the Black Sea.", ("UKRMIL", "RUSMIL")),
    # a side retaking a place at home takes it from the other side
    ("Russian forces shelled Ukrainian positions near Kharkiv. Ukrainian troops recaptured "
     "the airport near Kharkiv, Ukraine.", ("UKRMIL", "RUSMIL")),
])
def test_agentless_force_in_a_war_is_the_other_sides(coder: Coder, text: str,
                                                      event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "19"), coded(coder, text)


@pytest.mark.parametrize("text,victim", [
    # no war named: nobody to blame
    ("A Russian military convoy was destroyed near the border.", "RUSMIL"),
    # a country fought by two others: which one is not known
    ("Israel struck Lebanon. Iran attacked Israel. An Israeli tank was destroyed near the "
     "border.", "ISRMIL"),
])
def test_agentless_force_without_one_enemy_keeps_no_doer(coder: Coder, text: str,
                                                         victim: str) -> None:
    assert ("", victim) in codes_of(coder, text, "19"), coded(coder, text)


@pytest.mark.parametrize("text", [
    "Ethiopian troops recaptured the airport near Mekelle, Ethiopia.",
    "Ukrainian troops recaptured the airport near Kharkiv, Ukraine.",
    "Government forces recaptured the town of Kidal, Mali.",
])
def test_recapture_at_home_with_no_war_named_is_not_done_to_the_state(coder: Coder,
                                                                     text: str) -> None:
    got = codes_of(coder, text, "192")
    assert got and all(t == "" for _s, t in got), got


@pytest.mark.parametrize("text,event", [
    # a named area the gazetteer does not know is of the story's country
    (WAR + "Russian troops entered the Zaporizhzhia Exclusion Zone.", ("RUSMIL", "UKR")),
    (WAR + "Russian tanks rolled into the Kupiansk District.", ("RUSMIL", "UKR")),
])
def test_named_area_entered_is_of_the_story_country(coder: Coder, text: str,
                                                    event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "190"), coded(coder, text)


def test_named_area_gives_no_target_of_the_doers_own(coder: Coder) -> None:
    # the country's own forces in its own area are not their own target; left with one
    # side, a story drops the act (events/one_sided.py keeps one-sided force only when the
    # doer is the side missing)
    text = WAR + "Ukrainian troops entered the Chernobyl Exclusion Zone."
    assert not any(s == "UKRMIL" for s, _t in codes_of(coder, text, "190")), coded(coder, text)


def test_named_area_gives_no_country_without_a_story(coder: Coder) -> None:
    # no story country: the area gives none (a lone sentence keeps its one-sided event)
    text = "Troops entered the Exclusion Zone."
    assert ("MIL", "") in codes_of(coder, text, "190"), coded(coder, text)


@pytest.mark.parametrize("text,source", [
    # "warplane bombs" parsed as a compound noun: the warplane is the subject
    ("A Myanmar Air Force warplane bombs a hospital in Sagaing Region.", "MMRMIL"),
    ("A Syrian army helicopter drops barrel bombs on a market.", "SYRMIL"),
    ("Sudanese army jets bomb a market in Darfur, Sudan.", "SDNMIL"),
])
def test_platform_stands_for_the_forces_that_fly_it(coder: Coder, text: str,
                                                    source: str) -> None:
    assert source in {s for s, _t in codes_of(coder, text, "19")}, coded(coder, text)


@pytest.mark.parametrize("text,event", [
    # the owner of what was attacked, not the country it stands in
    ("Iran condemned the Israeli attack on its diplomatic compound in Damascus.",
     ("ISRMIL", "IRN")),
    ("Turkey condemned the Greek attack on its fishing boats in the Aegean.",
     ("GRCMIL", "TUR")),
])
def test_owner_of_the_attacked_thing_is_the_target(coder: Coder, text: str,
                                                   event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "190"), coded(coder, text)


def test_thing_with_no_owner_is_of_its_place(coder: Coder) -> None:
    got = codes_of(coder, "Israeli jets bombed a depot near Damascus.", "19")
    assert got and all(t.startswith("SYR") for _s, t in got), got


@pytest.mark.parametrize("text,event", [
    # bare forces striking a place: the place's country's forces and people
    ("Government forces airstrike a village in Kidal Region, Mali.", ("MLIMIL", "MLICVL")),
    ("Soldiers opened fire on a market in Goma, Congo.", ("CODMIL", "CODCVL")),
    ("Troops fired on a village in Sool Region, Somalia.", ("SOMMIL", "SOMCVL")),
    # named forces striking their own country's place strike its people
    ("Sudanese army jets bomb a market in Darfur, Sudan.", ("SDNMIL", "SDNCVL")),
    ("Army soldiers shelled a village in Shan State, Myanmar.", ("MMRMIL", "MMRCVL")),
])
def test_home_forces_strike_their_own_people(coder: Coder, text: str,
                                             event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "19"), coded(coder, text)


@pytest.mark.parametrize("text,event", [
    # foreign forces keep their country and strike the country of the place
    ("French forces airstrike a village in Mali.", ("FRAMIL", "MLI")),
])
def test_foreign_forces_strike_the_country_of_the_place(coder: Coder, text: str,
                                                        event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "19"), coded(coder, text)


def test_police_are_not_armed_forces_of_the_place(coder: Coder) -> None:
    got = coded(coder, "Police fired tear gas at protesters in Nairobi, Kenya.")
    assert ("175", "KENCOP", "KENCVL") in got, got


@pytest.mark.parametrize("text,event", [
    # victims with no country of their own are of the place struck, not of the doer
    ("The Israeli army killed at least 30 people in Khan Younis.", ("ISRMIL", "PSECVL")),
    ("Russian troops killed twelve people in Bakhmut.", ("RUSMIL", "UKRCVL")),
])
def test_bare_victims_are_of_the_place_struck(coder: Coder, text: str,
                                              event: tuple[str, str]) -> None:
    assert event in codes_of(coder, text, "1"), coded(coder, text)


def test_war_side_keeps_the_role_it_fights_under(coder: Coder) -> None:
    text = ("Hamas militants fired rockets at Israeli towns. Hamas fighters attacked Israeli "
            "soldiers near the fence. An Israeli army jeep was destroyed near the border.")
    got = codes_of(coder, text, "19")
    assert any(s.startswith("PSEREB") and t == "ISRMIL" for s, t in got), got


@pytest.mark.parametrize("text,event", [
    # an attack on a place, with its toll: done to the people it killed
    ("Myanmar's military bombed a village in Sagaing Region, killing 40 people.",
     ("MMRMIL", "MMRCVL")),
    ("Sudan's army bombed a market in Nyala, killing at least 20 people.", ("SDNMIL", "SDNCVL")),
    # ... but an actor attacked stays the target
    ("The army shelled rebel positions, killing five fighters.", ("MIL", "REB")),
])
def test_an_attacks_toll_names_whom_it_was_done_to(coder: Coder, text: str,
                                                   event: tuple[str, str]) -> None:
    assert event in codes_of(coder, "Fighting went on. " + text, "19"), coded(coder, text)


@pytest.mark.parametrize("text,event", [
    # a military platform attacked is done to the forces that crew it
    ("Houthi forces attacked a US warship in the Red Sea with drones.", ("YEMREB", "USAMIL")),
    ("Houthi rebels attacked an American warship.", ("YEMREB", "USAMIL")),
    # a place held by rebels: the attack is on the holders
    ("Syrian government forces bombarded rebel-held Idlib.", ("SYRMIL", "SYRREB")),
    ("Government troops shelled the rebel-controlled town of Saada.", ("YEMMIL", "YEMREB")),
])
def test_what_an_attack_hits_names_whom(coder: Coder, text: str,
                                        event: tuple[str, str]) -> None:
    assert event in codes_of(coder, "Fighting went on. " + text, "19"), coded(coder, text)


def test_a_platform_taken_is_a_thing(coder: Coder) -> None:
    text = "Fighting went on. Ukrainian troops captured a Russian tank near Kupiansk."
    assert not any(t == "RUSMIL" for _c, _s, t in coded(coder, text)), coded(coder, text)


@pytest.mark.parametrize("text,event", [
    # a capital where the act happens is the place (its country), not the government
    ("Militants stormed a hotel in Mogadishu, killing at least nine people.", ("SOMREB", "SOM")),
    ("Gunmen attacked a restaurant in Ouagadougou.", ("UAF", "BFA")),
    # ... bare armed groups in a fight are of where they fight
    ("Pakistani security forces killed six militants in a raid in North Waziristan.",
     ("PAK", "PAKREB")),
])
def test_capitals_and_militants_where_the_fight_is(coder: Coder, text: str,
                                                   event: tuple[str, str]) -> None:
    got = {(s[:len(event[0])], t) for s, t in codes_of(coder, "Fighting went on. " + text, "1")}
    assert event in got, coded(coder, text)
