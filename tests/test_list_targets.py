"""Actors of list targets and of roles the sentence ties to a country: one event per listed
party (annotation guideline §1), possessive pronouns that point back to the doer, and words
that look like actors but are not ("all parties to the conflict")."""

from __future__ import annotations

from datetime import date

from eventwire.model import Article

PUB = date(2024, 6, 20)


def _code(coder, text: str):
    art = Article(id="t", text=text, pub_date=PUB)
    return list(next(iter(coder.code_articles([art]))).events)


def _pairs(events, root: str) -> list[tuple[str | None, str | None]]:
    return sorted(((e.source_code, e.target_code) for e in events if e.cameo_root == root),
                  key=str)


def test_each_official_of_a_national_list_is_met(coder):
    evs = _code(coder, "Chancellor Olaf Scholz met with Kenyan President William Ruto, Foreign "
                       "Minister Alfred Mutua, and Defense Minister Aden Duale in Nairobi.")
    met = [e for e in evs if e.cameo_root == "04" and e.source_code == "DEUGOV"]
    assert [e.target_code for e in met] == ["KENGOV"] * 3
    assert len({e.target_text for e in met}) == 3
    assert len({e.event_id for e in met}) == 3


def test_ministers_of_a_list_of_countries_are_one_target_each(coder):
    evs = _code(coder, "The Australian foreign minister met the foreign ministers of Fiji, "
                       "Tonga and Samoa on Tuesday.")
    targets = {e.target_code for e in evs if e.cameo_root == "04" and e.source_code == "AUSGOV"}
    assert {"FJIGOV", "TONGOV", "WSMGOV"} <= targets


def test_an_office_without_a_nationality_is_not_the_first_ones(coder):
    # the nationality of the first does not spread when the first has none of its own words
    evs = _code(coder, "Chancellor Olaf Scholz and Foreign Minister Smith discussed trade.")
    assert ("DEUGOV", "DEUGOV") not in _pairs(evs, "04")


def test_their_citizens_are_each_embassys_own(coder):
    evs = _code(coder, "The Italian and Spanish embassies urged their citizens to stay indoors "
                       "as fighting spread in Bamako, Mali.")
    assert {("ITAGOV", "ITACVL"), ("ESPGOV", "ESPCVL")} <= set(_pairs(evs, "02"))


def test_its_army_is_the_deploying_countrys(coder):
    evs = _code(coder, "Peru deployed its army to the southern border on Monday.")
    assert ("PERGOV", "PERMIL") in _pairs(evs, "15")


def test_parties_to_a_conflict_are_no_political_party(coder):
    evs = _code(coder, "The Swiss foreign minister urged all parties to the conflict in Sudan "
                       "to agree a ceasefire.")
    assert all(not (e.target_code or "").endswith("PTY") for e in evs)
    evs = _code(coder, "Sudan's ruling party condemned the opposition.")
    assert any((e.source_code or "").startswith("SDNGOV") for e in evs)


def test_soldiers_acting_on_the_countrys_opposition_are_its_soldiers(coder):
    text = ("Ugandan police blocked roads in Kampala on Monday. Ugandan opposition leader "
            "Bobi Wine said soldiers arrested his security guards.")
    evs = _code(coder, text)
    assert ("UGAMIL", "UGAOPP") in _pairs(evs, "17")


def test_the_partner_named_through_of_is_the_target(coder):
    evs = _code(coder, "Chancellor Olaf Scholz reaffirmed the depth of the German partnership "
                       "with both Ghana and Senegal.")
    assert {("DEUGOV", "GHA"), ("DEUGOV", "SEN")} <= set(_pairs(evs, "03"))


def test_an_envoy_is_not_of_the_country_posted_to(coder):
    art = Article(id="t", text="Special Envoy for Sudan Tom Perriello visited Sudan on Monday.",
                  pub_date=PUB, source="U.S. Department of State")
    evs = list(next(iter(coder.code_articles([art]))).events)
    assert evs and all(not (e.source_code or "").startswith("SDN") for e in evs)


def test_an_agency_head_of_the_people_table_is_of_her_country(coder):
    # the people table knows her (USAID Administrator from 2021): by full name, then title
    # and surname as the article goes on
    art = Article(id="t", text="Administrator Samantha Power arrived in Nairobi on Monday. "
                               "Administrator Power met with Kenyan President William Ruto.",
                  pub_date=date(2022, 9, 21))
    evs = list(next(iter(coder.code_articles([art]))).events)
    assert ("USAGOV", "KENGOV") in _pairs(evs, "04")


def test_a_condemned_attack_names_its_attacker_as_the_target(coder):
    evs = _code(coder, "Egypt condemned the attack on Rafah by Israeli forces on Sunday.")
    assert ("EGYGOV", "ISRMIL") in _pairs(evs, "11")
    evs = _code(coder, "Egypt condemned the attack on Rafah.")  # no attacker: the place is none
    assert all(e.target_code != "EGYGOV" for e in evs if e.cameo_root == "11")


def test_a_curfew_is_imposed_on_the_countrys_people(coder):
    evs = _code(coder, "The Peruvian government declared a state of emergency in Lima.")
    assert ("PERGOV", "PERCVL") in _pairs(evs, "17")
    evs = _code(coder, "Police in Peru arrested two journalists in Lima.")  # a named target stays
    assert all(e.target_code != "PERCVL" for e in evs if e.cameo_root == "17")


def test_an_arrest_with_no_one_named_doing_it_is_the_polices(coder):
    text = ("French police fired tear gas in Paris on Saturday. A 30-year-old army veteran "
            "was arrested after the clashes.")
    evs = _code(coder, text)
    assert ("FRACOP", "FRACVL") in _pairs(evs, "17")  # a veteran is a civilian
    evs = _code(coder, "Police in Chile arrested two students in Santiago.")
    assert ("CHLCOP", "CHLEDU") in _pairs(evs, "17")


def test_a_named_official_in_a_city_is_not_of_that_city(coder):
    evs = _code(coder, "Chancellor Olaf Scholz met with Ghanaian President Nana Akufo-Addo and "
                       "Foreign Minister Shirley Ayorkor Botchwey in Berlin.")
    met = {e.target_text: e.target_code for e in evs
           if e.cameo_root == "04" and e.source_code == "DEUGOV"}
    assert met and set(met.values()) == {"GHAGOV"}
    evs = _code(coder, "Police in Kabul arrested three men.")  # a role in a city is of it
    assert any(e.source_code == "AFGCOP" for e in evs)


def test_each_listed_place_attacked_is_an_attack_on_its_country(coder):
    evs = _code(coder, "Russian forces shelled the border towns of Kharkiv and Sumy on Monday.")
    hits = [e for e in evs if e.cameo_root == "19" and e.source_code == "RUSMIL"]
    assert [e.target_code for e in hits] == ["UKR", "UKR"]
    assert {e.target_text for e in hits} == {"Kharkiv", "Sumy"}


def test_a_title_heading_a_named_official_and_they_after_it(coder):
    text = ("Counselor of the Department of State Derek Chollet and Special Envoy Jane Doe "
            "visited Kenya on Monday, where they met with Kenyan President William Ruto.")
    art = Article(id="t", text=text, pub_date=date(2022, 3, 9))
    evs = list(next(iter(coder.code_articles([art]))).events)
    assert ("USAGOV", "KEN") in _pairs(evs, "04")
    assert ("USAGOV", "KENGOV") in _pairs(evs, "04")
    assert all(e.source_code != "KENGOV" or e.target_code != "KENGOV" for e in evs)


def test_armed_groups_by_home_country_and_staffers_of_an_organisation(coder):
    evs = _code(coder, "Allied Democratic Forces fighters attacked a village in North Kivu.")
    assert any(e.source_code == "UGAREB" for e in evs if e.cameo_root == "19")
    evs = _code(coder, "Sudanese soldiers detained two United Nations staffers in Khartoum.")
    assert ("SDNMIL", "IGOUNO") in _pairs(evs, "17")


def test_protesters_with_no_one_named_protest_against_their_government(coder):
    evs = _code(coder, "Thousands of Chilean students took to the streets of Santiago on Monday.")
    assert ("CHLEDU", "CHLGOV") in _pairs(evs, "14")
    evs = _code(coder, "Chilean students protested against Bolivia in Santiago on Monday.")
    assert ("CHLEDU", "CHLGOV") not in _pairs(evs, "14")


def test_an_intent_targets_the_party_of_the_act_it_is_about(coder):
    evs = _code(coder, "Chancellor Olaf Scholz reaffirmed his commitment to keep supporting "
                       "Moldova's reforms.")
    assert ("DEUGOV", "MDA") in _pairs(evs, "03")


def test_parties_to_a_conflict_even_when_to_hangs_on_the_verb(coder):
    evs = _code(coder, "The UN envoy demanded parties to the conflict in Yemen to open the roads.")
    assert all(not (e.target_code or "").endswith("PTY") for e in evs)


def test_un_bodies_by_their_acronyms(coder):
    evs = _code(coder, "The Kenyan foreign minister met UNOCHA officials and UNAMI envoys "
                       "in Nairobi.")
    assert ("KENGOV", "IGOUNO") in _pairs(evs, "04")


def test_a_show_of_force_answers_whom_it_responds_to(coder):
    evs = _code(coder, "The Romanian military scrambled two jets on Saturday in response to "
                       "Russian drones.")
    assert ("ROMMIL", "RUSMIL") in _pairs(evs, "15")


def test_including_lists_the_parties_of_a_nameless_group(coder):
    evs = _code(coder, "Japan provided aid to Pacific nations, including Papua New Guinea, Fiji "
                       "and Tonga.")
    assert {("JPNGOV", "PNG"), ("JPNGOV", "FJI"), ("JPNGOV", "TON")} <= set(_pairs(evs, "07"))
    # a listed part with no actor of its own leaves the head as it was
    evs = _code(coder, "Police in Lagos arrested 12 people, including 10 students.")
    assert any(e.target_code and e.target_code.startswith("NGA") for e in evs
               if e.cameo_root == "17")


def test_a_condemned_act_done_by_a_list_targets_each_doer(coder):
    evs = _code(coder, "China condemned the sanctions imposed by the United States, Canada and "
                       "Britain.")
    assert {("CHNGOV", "USA"), ("CHNGOV", "CAN"), ("CHNGOV", "GBR")} <= set(_pairs(evs, "11"))


def test_victims_of_a_strike_are_of_the_place_struck(coder):
    text = ("Russian officials met in Moscow on Monday. Russian police detained protesters in "
            "Moscow. A Russian missile attack on a market in Kharkiv, Ukraine, kills nine people.")
    evs = _code(coder, text)
    assert ("RUSMIL", "UKRCVL") in _pairs(evs, "19")


def test_the_doers_of_a_listed_of_phrase_are_each_a_source_and_no_target(coder):
    evs = _code(coder, "The governments of Australia, Canada and New Zealand issued a joint "
                       "statement condemning Iran.")
    crit = set(_pairs(evs, "11"))
    assert {("AUSGOV", "IRN"), ("CANGOV", "IRN"), ("NZLGOV", "IRN")} <= crit
    # a co-doer's country is not where the others acted
    assert all(e.target_code not in {"AUS", "CAN", "NZL"} for e in evs)


def test_insurgents_striking_a_town_of_their_own_country_target_that_country(coder):
    text = ("Syrian insurgents shelled a government-held district of the city of Aleppo on "
            "Monday, state media reported.")
    evs = [e for e in _code(coder, text) if e.cameo_root == "19"]
    assert evs and evs[0].target_code == "SYR"
