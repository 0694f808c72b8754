"""Intents to cooperate (CAMEO 03) and coercion (17): commitments whose content is a gerund
("committed to continuing to consult"), intent nouns whose partner is on the verb under
them ("its eagerness to work with X"), coordinating with a partner, country pairs on a
relation noun ("the India-Japan partnership"), the importance of a relation (051) against
the importance of deepening one (030), intents of things ("this funding will support"),
a conjunct that is not governed by its neighbour ("wish ... and commend"), and coercion
with no doer ("refugees forced to flee"). Sentences written for these tests.
(events/intent.py, events/coercion.py, actors/pairs.py, data/events.yaml,
data/cooperation.yaml)"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.cooperation import cooperation_words
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 9, 3)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def has(got: set[tuple[str, str, str]], code: str, source: str, target: str) -> bool:
    """An event whose code begins with `code` and whose actors begin with source / target."""
    return any(c.startswith(code) and s.startswith(source) and t.startswith(target)
               for c, s, t in got)


@pytest.mark.parametrize("text,code,source,target", [
    # a gerund under the "to" of committing is the commitment's content: intent to meet
    ("President Macron and Chancellor Scholz committed to continuing to consult each other "
     "on energy security.", "036", "FRA", "DEU"),
    ("President Macron and Chancellor Scholz committed to continuing to consult each other "
     "on energy security.", "036", "DEU", "FRA"),
    # intent nouns: the partner is on the verb under the noun, not the noun's possessor
    ("Canada expressed its eagerness to work with Ghana on trade.", "03", "CAN", "GHA"),
    ("The minister discussed Norway's intention to collaborate with Indonesia on forestry.",
     "03", "", "IDN"),
    # coordinating with a partner: consultation, and its intent when it is to come
    ("Spain will coordinate with Portugal on the wildfire response.", "036", "ESP", "PRT"),
    ("Turkey coordinated with Azerbaijan on the talks.", "040", "TUR", "AZE"),
    # a glued country pair on a relation noun: the other member is the partner
    ("Chile and Peru vowed to deepen the Chile-Peru relationship.", "03", "CHL", "PER"),
    ("Chile and Peru vowed to deepen the Chile-Peru relationship.", "03", "PER", "CHL"),
    ("India's Prime Minister pledged to further strengthen the India-Japan partnership.",
     "03", "IND", "JPN"),
    # the importance of deepening a relation is an intent; of the relation, praise
    ("The Secretary stressed the importance of deepening the partnership with Vietnam.",
     "030", "", "VNM"),
    ("Canada's Foreign Minister emphasized the importance of the Canada-Mexico partnership.",
     "051", "CAN", "MEX"),
    # a conjunct is not governed by the verb before it: commending is praise, not an intent
    ("We send our condolences to the victims, wish a speedy recovery to the injured, and "
     "commend Kenya's police for their swift response.", "051", "", "KENCOP"),
    # coercion by a named doer stays
    ("Rebels forced the villagers in Mali to leave their homes.", "170", "", "MLI"),
    ("Nigerian police forced protesters to leave the square.", "170", "NGACOP", "NGA"),
    ("Journalists were forced by the security services to delete their footage.", "170",
     "SPY", "MED"),
])
def test_intent_and_coercion_events(coder: Coder, text: str, code: str, source: str,
                                    target: str) -> None:
    assert has(coded(coder, text), code, source, target)


@pytest.mark.parametrize("text,root", [
    # things do not intend: no 03 when the subject is aid, funding or a programme
    ("This funding will support farmers in Malawi.", "03"),
    ("The new program will help refugees in Jordan.", "03"),
    # a country does not cooperate with itself: no intent toward its own name in the pair
    ("India's Prime Minister pledged to further strengthen the India-Japan partnership.", "03"),
    # forced by circumstances, with no doer: no coercion
    ("Thousands of families were forced to flee the floods in Pakistan.", "17"),
    ("Migrants forced to leave their homes arrived in Colombia.", "17"),
    ("Secretary Blinken and President Petro discussed the needs of Venezuelan refugees "
     "forced to flee repressive conditions in their country.", "17"),
])
def test_no_such_event(coder: Coder, text: str, root: str) -> None:
    got = coded(coder, text)
    if "India-Japan" in text:  # the doer's own country is not the partner
        assert not any(c[:2] == root and t == "IND" for c, _s, t in got)
    else:
        assert not any(c[:2] == root for c, _s, _t in got)


def test_commending_after_a_wish_is_not_an_intent(coder: Coder) -> None:
    got = coded(coder, "We send our condolences to the victims, wish a speedy recovery to "
                       "the injured, and commend Kenya's police for their swift response.")
    assert not any(c[:2] == "03" for c, _s, _t in got)


def test_a_sentence_for_a_crime_and_what_it_was_for_are_one_act(coder: Coder) -> None:
    got = coded(coder, "A court in Nairobi sentences four Ugandan nationals to ten years each "
                       "for trafficking 40 Kenyan women and forcing them to work in a factory.")
    assert has(got, "173", "KENJUD", "UGA")
    assert not any(c == "170" for c, _s, _t in got)


def test_the_word_classes_are_loaded_from_the_data_file() -> None:
    words = cooperation_words()
    assert {"partnership", "friendship"} <= words.relation_nouns
    assert {"funding", "assistance"} <= words.means_nouns
