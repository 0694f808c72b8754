"""The lead place comes from where the lead's main act happens, not from its asides
(eventwire.geo.asides): an opening origin or comparison clause, a sentence about a past event,
an origin relative clause. Articles written for these tests (issue 16: lead places taken from
asides gave every later event of a story the wrong country)."""

from __future__ import annotations

import pytest

from eventwire.geo import find_dateline, find_lead_place
from eventwire.geo.asides import aside_positions
from eventwire.geo.lead import _LEAD_TOKEN_RE

# (article, the lead place's country, or None when the lead names no main-act place)
ASIDE_LEADS = [
    # an origin clause opens the lead; the story is elsewhere
    ("Monday, May 4, 2020\nFirst detected in Milan, Italy, the strain has reached the "
     "Philippines, where health officials closed schools. Manila ordered masks in trains. "
     "Hospitals in the capital said beds were running short.", "PHL"),
    ("Founded in Austin, Texas, the ride-hailing firm was fined on Friday by regulators in "
     "Kenya. The authority said drivers were underpaid. The company said it would appeal.",
     "KEN"),
    ("Originating in Lagos, Nigeria, the song became an anthem of protesters in Ghana this "
     "week. Police in Accra fired tear gas at a march. Organisers said they would return.",
     "GHA"),
    # a comparison clause
    ("Unlike in France, where rail unions struck last winter, workers in Portugal voted on "
     "Tuesday to accept the offer. The union thanked its members. The minister welcomed the "
     "vote.", "PRT"),
    # a past event told first, the story's act after it
    ("Back in 2016, a similar dam failed in Brazil. On Sunday, a reservoir wall burst in "
     "Indonesia, flooding three villages. Rescuers searched the mud for survivors.", "IDN"),
    # an origin relative clause
    ("The activist, who was born in Nairobi, Kenya, was detained on Wednesday by police in "
     "Kampala. Her lawyer said she was held without charge. Uganda's government declined to "
     "comment.", "UGA"),
    # only asides name places: no lead place
    ("Originating in Wuhan, China, the virus spread across the world within months. "
     "Scientists still debate how it jumped to humans. Vaccines were ready a year later.",
     None),
]

# the lead's first place is the story's place: it must stay
STORY_LEADS = [
    ("Iranian forces attacked a tanker off the coast on Tuesday, officials said. The crew was "
     "evacuated. The owners asked for an inquiry.", "IRN"),
    ("In Kabul, a car bomb killed six people near the interior ministry on Saturday. No group "
     "claimed the attack. The Taliban denied involvement.", "AFG"),
    ("Speaking in Geneva, the envoy urged both sides to return to talks. He said a ceasefire "
     "was within reach. Delegates are due to meet next week.", "CHE"),
    ("Yesterday, the interior minister was attacked by a man with a knife. The minister, who "
     "was visiting the town of Pandeglang, survived. Police arrested two suspects.", "IDN"),
    ("Started on Monday in Santiago, the strike of Chilean miners spread to two more mines "
     "by Thursday. The copper price rose. Managers called for talks.", "CHL"),
    ("Indian officials said on Friday that the new dam would open next year. Farmers "
     "downstream protested. The ministry promised compensation.", "IND"),
]


@pytest.mark.parametrize(("text", "country"), ASIDE_LEADS + STORY_LEADS)
def test_geo_lead_place_is_where_the_main_act_happens(gaz, text: str, country: str | None
                                                       ) -> None:
    place = find_dateline(text[:600], gaz)
    assert (place.country if place is not None else None) == country, place


@pytest.mark.parametrize(
    ("lead", "aside", "main"),
    [
        ("Originating in Wuhan, China, the virus spread to Italy.", "Wuhan China", "Italy"),
        ("Born in Accra, the striker signed for a club in Turkey.", "Accra", "Turkey"),
        ("Like Chile, Peru has raised taxes.", "Chile", "Peru"),
        ("Back in 2018, troops left Mali. Now they return to Niger.", "Mali", "Niger"),
        ("The singer, who grew up in Cuba, performed in Spain.", "Cuba", "Spain"),
        ("The singer, who was touring Cuba, fell ill in Havana.", "", "Cuba Havana"),
        ("Speaking in Oslo, the minister praised Sweden.", "", "Oslo Sweden"),
    ],
)
def test_geo_lead_asides_cover_the_aside_only(gaz, lead: str, aside: str, main: str) -> None:
    tokens = _LEAD_TOKEN_RE.findall(lead)
    inside = aside_positions(
        tokens, lambda name: (p := gaz.lookup(name)) is not None and p.kind != "city")
    names = [t.rstrip(".") for t in tokens if t[:1].isupper()]
    in_aside = {tokens[i].rstrip(".") for i in inside if tokens[i][:1].isupper()}
    for name in aside.split():
        assert name in in_aside, (name, in_aside)
    for name in main.split():
        assert name in names and name not in in_aside, (name, in_aside)


def test_geo_lead_nationality_of_a_body_still_counts(gaz) -> None:
    place = find_lead_place("Turkish troops crossed the border on Monday.", gaz)
    assert place is not None and place.country == "TUR"


def test_geo_lead_aside_does_not_place_later_events(coder) -> None:
    """End to end: the story's acts are placed in the main clause's country, not the aside's."""
    text = ("Thursday, March 5, 2020\nOriginating in Wuhan, China, the outbreak reached "
            "Peru last month, and on Wednesday the Peruvian government closed its borders.\n"
            "Police arrested twelve protesters who defied the curfew.")
    events = coder.code_text(text)
    arrests = [e for e in events if e.cameo_root == "17" or e.cameo_code.startswith("173")]
    assert arrests, [(e.cameo_code, e.trigger_text) for e in events]
    assert arrests[0].location_country == "PER", arrests[0]
