"""Named features the city and admin1 lists lack (eventwire/data/geo_features.tsv): power
plants, airports, islands, exclusion zones and named areas are places of their country, and a
physical act done to one, or in one, is placed there. Table-driven: a name or a sentence, what
comes out."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.geo import Gazetteer, find_lead_place, pick_location
from eventwire.geo.names import km
from eventwire.geo.tables import FEATURES, data_rows
from eventwire.geo.within import within

FEATURE_HEADER = ["name", "aliases", "iso2", "latitude", "longitude", "source"]


def test_every_feature_row_names_its_source() -> None:
    rows = list(data_rows("geo_features.tsv", FEATURE_HEADER))
    assert rows and all(source.strip() for *_, source in rows)


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f.name)
def test_every_feature_and_alias_resolves_to_it_in_its_country(
    gaz: Gazetteer, feature: Any
) -> None:
    country = gaz.country_code(feature.iso2)
    for name in (feature.name, *feature.aliases):
        place = gaz.lookup(name, country_hint=country)
        assert place is not None, name
        assert place.country == country, name
        assert (place.latitude, place.longitude) == (feature.latitude, feature.longitude), name


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f.name)
def test_a_feature_takes_the_region_of_a_nearby_town_of_its_country(
    gaz: Gazetteer, feature: Any
) -> None:
    place = gaz.lookup(feature.name, country_hint=gaz.country_code(feature.iso2))
    assert place is not None and place.kind == "city" and place.admin1 is not None
    home = gaz.country(place.country)
    assert home is not None and km(place, home) < 2500  # inside its country's reach


# name as written, country code, the feature's name (None: the name is not one)
LOOKUPS = [
    ("the Zaporizhzhia nuclear plant", "UKR", "Zaporizhzhia Nuclear Power Plant"),
    ("Antonov Airport", "UKR", "Hostomel Airport"),
    ("Zmiinyi Island", "UKR", "Snake Island"),
    ("Fordo", "IRN", "Fordow"),
    ("Greater Pibor", "SSD", "Greater Pibor Administrative Area"),
    ("Fukushima Daiichi", "JPN", "Fukushima Daiichi Nuclear Power Plant"),
]


@pytest.mark.parametrize(("name", "country", "want"), LOOKUPS)
def test_feature_names_as_the_news_writes_them(
    gaz: Gazetteer, name: str, country: str, want: str
) -> None:
    place = gaz.lookup(name)
    assert place is not None and (place.name, place.country) == (want, country)


def _span(doc: Any, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    return span.start, span.end


# sentence, trigger, the country so far, the source's words, the feature or town found
WITHIN = [
    ("Shelling damaged the Zaporizhzhia Nuclear Power Plant overnight.", "damaged", "Ukraine",
     "Shelling", "Zaporizhzhia Nuclear Power Plant"),
    ("Paratroopers seized the Hostomel Airport at dawn.", "seized", "Ukraine", "Paratroopers",
     "Hostomel Airport"),
    ("Drones struck the Kursk Nuclear Power Plant on Monday.", "struck", "Russia", "Drones",
     "Kursk Nuclear Power Plant"),
    ("Gunmen raided a cattle camp in Greater Pibor Administrative Area.", "raided",
     "South Sudan", "Gunmen", "Greater Pibor Administrative Area"),
    ("Warships shelled Snake Island again.", "shelled", "Ukraine", "Warships", "Snake Island"),
    # what a noun trigger hits, even when the parser hangs "on" on the verb before it
    ("The minister condemned the assault on Goma by the rebels.", "assault",
     "Democratic Republic of the Congo", "the rebels", "Goma"),
    ("Drones carried out strikes on Kherson overnight.", "strikes", "Ukraine", "Drones",
     "Kherson"),
    # a facility the features lack names the town its leading words name
    ("Soldiers closed the Rafah Border Crossing for a week.", "closed", "Palestine", "Soldiers",
     "Rafah"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "place", "source", "want"), WITHIN)
def test_an_act_done_at_a_named_feature_is_placed_there(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str, place: str, source: str, want: str
) -> None:
    doc = nlp(text)
    trig = next(t for t in doc if t.text == trigger)
    outer = gaz.lookup(place)
    found = within(outer, doc[:], trig, gaz, exclude=set(range(*_span(doc, source))))
    wanted = gaz.lookup(want, country_hint=outer.country if outer else None)
    assert found is not None and wanted is not None
    assert found[0].name == wanted.name


# a lead, the place it names (None: none); the object of a visit is where the act is, so it
# comes before the visitor's nationality
VISIT_LEADS = [
    ("Kenyan President William Ruto visited Lyon on Monday to sign a trade deal.", "Lyon"),
    ("The Chilean foreign minister toured Osaka and met business leaders.", "Osaka"),
    ("Kenyan President William Ruto said on Monday that taxes would rise.", "Kenya"),
    ("Canadian officials praised the Lyon agreement on Monday.", "Canada"),
]


@pytest.mark.parametrize(("lead", "want"), VISIT_LEADS)
def test_a_lead_places_a_visit_where_it_was_made(gaz: Gazetteer, lead: str, want: str) -> None:
    place = find_lead_place(lead, gaz)
    wanted = gaz.lookup(want)
    assert place is not None and wanted is not None and place.name == wanted.name


# sentence, trigger, the place wanted (name, country): a town the text places in a region or
# country is in it; a name found only abroad is a town too small for the gazetteer, placed at
# the region or country the text gives
WHERE_AFTER = [
    ("Gunmen killed 40 people in the commune of Barga in northern Burkina Faso.", "killed",
     ("Burkina Faso", "BFA")),
    ("Militants attacked the village of Barga, Burkina Faso, on Sunday.", "attacked",
     ("Burkina Faso", "BFA")),
    ("Police arrested two men in Paris, Texas, on Sunday.", "arrested", ("Paris", "USA")),
    ("Police arrested two men in Mariupol, Donetsk Oblast, on Sunday.", "arrested",
     ("Mariupol", "UKR")),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "want"), WHERE_AFTER)
def test_a_town_is_where_the_region_or_country_after_it_says(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str, want: tuple[str, str]
) -> None:
    doc = nlp(text)
    trig = next(t for t in doc if t.text == trigger)
    place, _name, _reason = pick_location(doc[:], trig, gaz)
    assert place is not None and (place.name, place.country) == want


# sentence, trigger, the story's country, the place wanted (name, country; None: none): a town
# too small for the index is found where the text says it is a town of that country, or names
# its region or country right after it; not for a bare name (most are also surnames or words)
SMALL_TOWNS = [
    ("Gunmen attacked the village of Sudzha on Monday.", "attacked", "RUS", ("Sudzha", "RUS")),
    ("Troops shelled the area near Sudzha, Kursk Oblast.", "shelled", None, ("Sudzha", "RUS")),
    ("Fighting raged near Chasiv Yar, Ukraine, all night.", "raged", None, ("Chasiv Yar", "UKR")),
    ("Officials spoke with Sudzha about the budget.", "spoke", "RUS", None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "hint", "want"), SMALL_TOWNS)
def test_a_small_town_is_found_only_where_the_text_says_where_it_is(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str, hint: str | None,
    want: tuple[str, str] | None,
) -> None:
    doc = nlp(text)
    trig = next(t for t in doc if t.text == trigger)
    place, _name, _reason = pick_location(doc[:], trig, gaz, country_hint=hint)
    got = (place.name, place.country) if place is not None and place.kind == "city" else None
    assert got == want
