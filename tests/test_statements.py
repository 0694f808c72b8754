"""Verbal acts of readouts and releases (CAMEO roots 01-13): what an issuer stresses,
restates, wishes, thanks for or looks forward to, coded by the guideline's conventions
(docs/annotation.md: "stressed the need" is an appeal; stated support is endorsement)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.context.about import ABOUT_ROOTS
from eventwire.model import Article, Event

pytestmark = pytest.mark.model

PUB = date(2022, 5, 4)


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_text(text, pub_date=PUB)


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source_code or "", e.target_code or "", e.cameo_code) for e in events}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("France stressed the importance of judicial reforms in Moldova.", "024"),
        ("Germany raised the need for free and fair elections in Serbia.", "024"),
        ("Norway underscored the urgent need for an immediate ceasefire in Yemen.", "0256"),
        ("Canada highlighted the importance of resuming peace talks in Colombia.", "026"),
        ("Japan emphasized the importance of a stable supply of energy.", "020"),
    ],
)
def test_stressing_the_importance_or_need_of_an_act_is_an_appeal(
    coder: Coder, text: str, expected: str
) -> None:
    codes = {e.cameo_code for e in code(coder, text)}
    assert expected in codes


@pytest.mark.parametrize(
    "text",
    [
        "Spain reaffirmed its support for the sovereignty of Georgia.",
        "Italy underscored its support for Tunisia's efforts to restore order.",
    ],
)
def test_restated_support_is_endorsement_not_a_pledge(coder: Coder, text: str) -> None:
    roots = {e.cameo_root for e in code(coder, text)}
    assert "05" in roots and "03" not in roots


def test_a_pledge_of_support_stays_an_intent(coder: Coder) -> None:
    events = code(coder, "Sweden pledged its support to Finland.")
    assert ("SWEGOV", "FINGOV", "032") in triples(events) or any(
        e.cameo_code == "032" and e.target_code and e.target_code.startswith("FIN") for e in events
    )


def test_a_restated_commitment_is_an_intent_to_cooperate(coder: Coder) -> None:
    events = code(coder, "Australia reiterated its strong commitment to Fiji.")
    assert any(e.cameo_code == "030" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Poland expressed its thanks to Lithuania for the help.",
        "The Dutch government said it was grateful to Belgium for the support.",
    ],
)
def test_thanks_and_gratitude_are_praise(coder: Coder, text: str) -> None:
    events = code(coder, text)
    assert any(
        e.cameo_code == "051" and (e.target_code or "").startswith(("LTU", "BEL")) for e in events
    )


def test_good_wishes_to_an_actor_are_an_optimistic_comment(coder: Coder) -> None:
    events = code(coder, "Brazil conveyed its best wishes to Chile for a peaceful vote.")
    assert any(e.cameo_code == "013" and (e.target_code or "").startswith("CHL") for e in events)


def test_wishing_an_actor_well_is_optimistic_but_a_bare_wish_is_not(coder: Coder) -> None:
    wished = code(coder, "I wish the people of Ghana successful elections.")
    assert any(e.cameo_code == "013" and (e.target_code or "").startswith("GHA") for e in wished)
    hoping = code(coder, "Kenya wished that the rains would come soon.")
    assert not any(e.cameo_code == "013" for e in hoping)


def test_looking_forward_to_working_together_is_an_intent_to_cooperate(coder: Coder) -> None:
    events = code(coder, "Mexico looks forward to working with Peru on trade.")
    assert any(e.cameo_root == "03" and (e.source_code or "").startswith("MEX") for e in events)
    looking = code(coder, "Mexico looked at the figures from Peru.")
    assert not any(e.cameo_root == "03" for e in looking)


def test_the_need_of_ones_own_cooperation_is_an_intent_not_an_appeal(coder: Coder) -> None:
    events = code(coder, "Chile stressed the need to deepen its cooperation with Argentina.")
    assert any(e.cameo_code == "030" for e in events)
    assert not any(e.cameo_root == "02" for e in events)


def test_staying_steadfast_in_support_is_an_intent_to_cooperate(coder: Coder) -> None:
    events = code(coder, "Japan remains steadfast in its support of the Philippines.")
    assert any(e.cameo_root == "03" and (e.source_code or "").startswith("JPN") for e in events)


def test_prayers_for_the_victims_are_an_empathetic_comment(coder: Coder) -> None:
    events = code(coder, "Portugal offered its prayers to the people of Mozambique.")
    assert any(e.cameo_code == "018" and (e.target_code or "").startswith("MOZ") for e in events)


def test_restated_thanks_for_cooperation_are_praise_not_an_intent(coder: Coder) -> None:
    events = code(coder, "Spain reiterated its thanks for continued cooperation with Morocco.")
    assert any(e.cameo_code == "051" for e in events)
    assert not any(e.cameo_root == "03" for e in events)


def statement(coder: Coder, text: str, source: str | None) -> list[Event]:
    art = Article(id="t", text=text, pub_date=PUB, source=source)
    return list(next(iter(coder.code_articles([art]))).events)


@pytest.mark.parametrize(
    "text,target",
    [
        ("The junta in Mali has squandered every chance of a transition.", "MLI"),
        ("Belarus's latest actions have violated the core principles of the OSCE.", "BLR"),
        ("The Venezuelan regime continues its repression of the opposition.", "VEN"),
    ],
)
def test_a_statements_judgement_of_an_actor_is_the_issuers_criticism(
    coder: Coder, text: str, target: str
) -> None:
    said = statement(coder, text, "U.S. Department of State")
    assert any(
        e.cameo_code == "111"
        and e.source_code == "USAGOV"
        and (e.target_code or "").startswith(target)
        for e in said
    )
    reported = statement(coder, text, None)  # news: nobody issues the judgement
    assert not any(e.cameo_code == "111" for e in reported)


def test_a_judgement_with_no_actor_named_is_no_criticism(coder: Coder) -> None:
    said = statement(
        coder,
        "Visa restrictions apply to individuals complicit in undermining democracy in Nicaragua.",
        "U.S. Department of State",
    )
    assert not any(e.cameo_code == "111" for e in said)


def test_designating_officials_puts_them_under_sanctions(coder: Coder) -> None:
    said = statement(
        coder,
        "Today the Treasury designated three officials of the Government of Zimbabwe.",
        "U.S. Department of the Treasury",
    )
    assert any(e.cameo_code == "163" and (e.target_code or "").startswith("ZWE") for e in said)
    named = code(coder, "The president designated a new envoy for the talks.")
    assert not any(e.cameo_code == "163" for e in named)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ireland expressed concern over the detention of opposition leaders in Tunisia.", "111"),
        ("Ireland expressed concern about the worsening economic crisis in Tunisia.", "012"),
        ("Ireland reiterated its concern about the humanitarian situation in Yemen.", "012"),
    ],
)
def test_concern_about_an_act_is_criticism_about_a_situation_pessimism(
    coder: Coder, text: str, expected: str
) -> None:
    codes = {e.cameo_code for e in code(coder, text)}
    assert expected in codes
    assert not codes & ({"111", "012"} - {expected})


def test_staying_in_touch_is_consultation(coder: Coder) -> None:
    events = code(coder, "Austria will remain in close touch with Hungary.")
    assert any(e.cameo_root == "03" and (e.target_code or "").startswith("HUN") for e in events)
    past = code(coder, "Austria remained in close contact with Hungary during the crisis.")
    assert any(e.cameo_code == "040" for e in past)


def test_maintaining_support_is_a_pledge_and_affirmed_respect_is_endorsement(
    coder: Coder,
) -> None:
    kept = code(coder, "Denmark will maintain its strong support for the people of Ukraine.")
    assert any(e.cameo_code == "032" for e in kept)
    respected = code(coder, "Qatar affirmed its respect for the sovereignty of Iraq.")
    assert any(e.cameo_code == "051" and (e.target_code or "").startswith("IRQ") for e in respected)


def test_welcoming_an_investigation_is_praise_not_hosting(coder: Coder) -> None:
    events = code(coder, "Canada welcomed the investigation announced by the United Nations.")
    assert any(e.cameo_code == "051" for e in events)
    assert not any(e.cameo_code == "043" for e in events)


ABOUT_TEXT = (
    "Gunmen attacked a village in northern Burkina Faso on Sunday. "
    "Burkina Faso's government declared three days of mourning. "
    "The United States strongly condemns this brutal violence."
)


def test_an_issuers_statement_with_no_target_is_about_the_story_country(coder: Coder) -> None:
    said = statement(coder, ABOUT_TEXT, "U.S. Department of State")
    condemn = [e for e in said if e.cameo_code == "111" and e.source_code == "USAGOV"]
    assert condemn and all(e.target_code == "BFA" for e in condemn)
    assert all(e.rule_id.endswith("+about") for e in condemn)
    # the acts it reports are not the issuer's statements: their targets stay as read
    assert not any(e.rule_id.endswith("+about") for e in said if e.cameo_root not in ABOUT_ROOTS)


def test_a_news_reports_statement_keeps_its_missing_target(coder: Coder) -> None:
    reported = statement(coder, ABOUT_TEXT, None)
    assert not any(e.rule_id.endswith("+about") for e in reported)


def test_the_speakers_own_country_named_in_a_statement_is_not_its_target(coder: Coder) -> None:
    said = statement(
        coder,
        "The Secretary noted U.S. support for full implementation of the peace accord.",
        "U.S. Department of State",
    )
    endorse = [e for e in said if e.cameo_code == "051"]
    assert endorse and all(e.target_code != "USA" for e in endorse)


def test_what_a_call_was_made_to_say_was_said_in_it(coder: Coder) -> None:
    said = statement(
        coder,
        "The Secretary spoke with Prime Minister Albanese of Australia today to reiterate "
        "the strong U.S. commitment to Australia.",
        "U.S. Department of State",
    )
    assert any(e.cameo_root == "03" and (e.target_code or "").startswith("AUS") for e in said)
    aim = code(coder, "Chile and Peru met in Lima to discuss a trade deal.")
    assert [e.cameo_root for e in aim] == ["04"] * len(aim)
