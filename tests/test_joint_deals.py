"""Acts among several parties (events/deals.py, data/deals.yaml): deals and talks "between"
a list of actors (each pair, each way), the mediator's 045 with each party, delegates from
several countries as one joint doer, members of a military coalition, economic ties, and
"the nations of A and B". Stories of two or three sentences written for these tests
(docs/annotation.md: joint acts one event per direction, list members one event each)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.deals import deal_words, party_lemmas
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def has(got: set[tuple[str, str, str]], code: str, source: str, target: str) -> bool:
    """An event of `code` (or of its root, for a two-digit code) between these actors."""
    return any((c == code or (len(code) == 2 and c[:2] == code))
               and s.startswith(source) and t.startswith(target) for c, s, t in got)


POSITIVE = [
    # deals between a list, announced, signed, reached: each pair, each way
    ("The White House announced agreements between Morocco and Israel on Thursday. "
     "The agreements restore direct flights.", "057", [("MAR", "ISR"), ("ISR", "MAR")]),
    ("An agreement between Sudan and South Sudan was signed in Juba on Saturday. "
     "It settles the oil transit fees.", "057", [("SDN", "SSD"), ("SSD", "SDN")]),
    ("The State Department announced deals between Greece and Cyprus and between Egypt, "
     "Jordan and Israel. Officials called the deals historic.", "057",
     [("GRC", "CYP"), ("CYP", "GRC"), ("EGY", "JOR"), ("JOR", "ISR"), ("ISR", "EGY")]),
    ("The treaty between Japan and South Korea was ratified by both parliaments on Tuesday. "
     "It takes effect in June.", "057", [("JPN", "KOR"), ("KOR", "JPN")]),
    ("Officials unveiled a pact between Chile and Argentina on Monday. "
     "The pact shares water from the Andes.", "057", [("CHL", "ARG"), ("ARG", "CHL")]),
    # the mediator's act with each party, and the parties' act with each other
    ("Qatar brokered a deal between Israel and Hamas on Wednesday. "
     "The deal ends the fighting in Gaza.", "057", [("ISR", "PSE"), ("PSE", "ISR")]),
    ("Qatar brokered a deal between Israel and Hamas on Wednesday. "
     "The deal ends the fighting in Gaza.", "045", [("QAT", "ISR"), ("QAT", "PSE")]),
    ("China brokered an accord between Iran and Saudi Arabia last week. "
     "Tehran said embassies would reopen.", "057", [("IRN", "SAU"), ("SAU", "IRN")]),
    ("China brokered an accord between Iran and Saudi Arabia last week. "
     "Tehran said embassies would reopen.", "045", [("CHN", "IRN"), ("CHN", "SAU")]),
    ("Egypt mediated a ceasefire agreement between Israel and Islamic Jihad on Sunday. "
     "The truce took effect at midnight.", "057", [("ISR", "PSE"), ("PSE", "ISR")]),
    ("Egypt mediated a ceasefire agreement between Israel and Islamic Jihad on Sunday. "
     "The truce took effect at midnight.", "045", [("EGY", "ISR"), ("EGY", "PSE")]),
    # talks between parties: negotiation (046) each way, with the mediator's 045
    ("Talks between Armenia and Azerbaijan, mediated by the European Union, resumed in "
     "Brussels on Monday. Both sides praised the progress.", "046",
     [("ARM", "AZE"), ("AZE", "ARM")]),
    ("Talks between Armenia and Azerbaijan, mediated by the European Union, resumed in "
     "Brussels on Monday. Both sides praised the progress.", "045",
     [("IGO", "ARM"), ("IGO", "AZE")]),
    ("Norway facilitated negotiations between Colombia and the ELN rebels in Oslo. "
     "The rebels promised to free hostages.", "046", [("COL", "COLREB"), ("COLREB", "COL")]),
    ("Norway facilitated negotiations between Colombia and the ELN rebels in Oslo. "
     "The rebels promised to free hostages.", "045", [("NOR", "COL"), ("NOR", "COLREB")]),
    ("Saudi Arabia hosted talks between Sudan and Chad in Riyadh on Monday. "
     "The meeting ended without a statement.", "046", [("SDN", "TCD"), ("TCD", "SDN")]),
    ("Turkey mediated talks between Russia and Ukraine in Istanbul on Tuesday. "
     "The talks focused on grain exports.", "046", [("RUS", "UKR"), ("UKR", "RUS")]),
    # delegates from several countries: each country with every other
    ("Ministers from Egypt, Jordan and Iraq signed a trade agreement in Amman on Sunday. "
     "The accord cuts tariffs on farm goods.", "057",
     [("EGY", "JOR"), ("JOR", "IRQ"), ("IRQ", "EGY")]),
    ("Delegates from Kenya, Uganda and Tanzania signed a customs pact in Arusha. "
     "The pact opens the border crossings.", "057",
     [("KEN", "UGA"), ("UGA", "TZA"), ("TZA", "KEN")]),
    ("Representatives from Ghana, Togo and Benin held a signing in Geneva on Friday. "
     "The ceremony lasted an hour.", "057", [("GHA", "TGO"), ("TGO", "BEN"), ("BEN", "GHA")]),
    ("Leaders from France, Germany and Poland held talks in Paris on Tuesday. "
     "They discussed aid to Ukraine.", "04", [("FRA", "DEU"), ("POL", "FRA")]),
    # economic ties, each way
    ("The formerly hostile nations of Serbia and Kosovo opened economic ties on Friday. "
     "Their leaders met in Washington.", "061", [("SRB", "KSV"), ("KSV", "SRB")]),
    ("Vietnam and the Philippines strengthened trade relations on Monday. "
     "Their ministers met in Hanoi.", "061", [("VNM", "PHL"), ("PHL", "VNM")]),
    # members of a military coalition: military cooperation with its founder or leader
    ("Last month Japan announced a naval coalition to guard the strait which was joined by "
     "India, Vietnam and the Philippines. China objected.", "062",
     [("IND", "JPN"), ("VNM", "JPN"), ("PHL", "JPN")]),
    ("Norway and Denmark joined a maritime coalition led by France on Monday. "
     "The ships sail next week.", "062", [("NOR", "FRA"), ("DNK", "FRA")]),
    # "the nations of A and B": the listed countries act
    ("The small nations of Bahrain and Kosovo recognized Israel on Friday. "
     "Israel thanked both governments.", "054", [("BHR", "ISR"), ("KSV", "ISR")]),
    ("Last week the Pacific nations of Fiji and Tonga recognized Taiwan. China protested.",
     "054", [("FJI", "TWN"), ("TON", "TWN")]),
]


@pytest.mark.parametrize("text,code,pairs", POSITIVE)
def test_joint_deals_code_each_party(coder: Coder, text: str, code: str,
                                     pairs: list[tuple[str, str]]) -> None:
    got = coded(coder, text)
    for source, target in pairs:
        assert has(got, code, source, target), (source, target, sorted(got))


NEGATIVE = [
    # negated or hypothetical deals are no agreement
    ("The European Union did not sign the agreement between Serbia and Kosovo. "
     "Brussels said talks would continue.", "057", ("SRB", "KSV")),
    ("Analysts said a deal between India and Pakistan could be reached soon. "
     "Neither side commented.", "057", ("IND", "PAK")),
    # a deal named as context, not reported as done
    ("Under the deal between Iran and Russia, Tehran buys drones. "
     "Inspectors visit its sites.", "057", ("IRN", "RUS")),
    ("Iran accused Israel of violating the truce. The truce between Israel and Hezbollah "
     "holds in the south.", "057", ("ISR", "LBN")),
    # a mediator is no party: no 057 of its own with the parties
    ("Qatar brokered a deal between Israel and Hamas on Wednesday. "
     "The deal ends the fighting in Gaza.", "057", ("QAT", "ISR")),
    ("China brokered an accord between Iran and Saudi Arabia last week. "
     "Tehran said embassies would reopen.", "057", ("CHN", "SAU")),
    # no mediation where the verb is no mediating one
    ("The White House announced agreements between Morocco and Israel on Thursday. "
     "The agreements restore direct flights.", "045", ("USA", "MAR")),
    # a country is no party to a deal with itself
    ("Officials announced a deal between Nigeria and the Nigerian government on Monday. "
     "Unions welcomed it.", "057", ("NGA", "NGA")),
    # other ties are not economic cooperation
    ("Ethiopia and Eritrea agreed to restore diplomatic relations on Monday. "
     "Their leaders embraced in Asmara.", "061", ("ETH", "ERI")),
    # a coalition not joined, or not military
    ("Canada did not join the naval coalition led by Britain. Ottawa cited costs.", "062",
     ("CAN", "GBR")),
    ("Spain joined a trade alliance led by Italy on Monday. The alliance cuts tariffs.",
     "062", ("ESP", "ITA")),
    # one doer naming one country only: no pairs
    ("Ministers from Egypt signed a trade agreement with Jordan in Amman on Sunday. "
     "The accord cuts tariffs on farm goods.", "057", ("JOR", "EGY")),
]


@pytest.mark.parametrize("text,code,pair", NEGATIVE)
def test_joint_deals_leave_out(coder: Coder, text: str, code: str,
                               pair: tuple[str, str]) -> None:
    got = coded(coder, text)
    source, target = pair
    assert not any(c == code and s[:3] == source and t[:3] == target
                   for c, s, t in got), sorted(got)


def test_deal_words_load_from_data() -> None:
    words = deal_words()
    assert words.party_nouns["deal"] == "057" and words.party_nouns["talk"] == "046"
    assert "broker" in words.mediating_verbs and "broker" in words.reporting_verbs
    assert party_lemmas()["agreement"] == ("between",)
