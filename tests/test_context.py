"""The article stage: the issuer of a statement, list documents and their items, the
story's country for bare roles, and instruments standing for their users."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from eventwire.context.items import build_story, dominant
from eventwire.model import Article

PUB = date(2024, 6, 20)


def _code(coder, text: str, *, source: str | None = None, title: str | None = None):
    art = Article(id="t", text=text, pub_date=PUB, source=source, title=title)
    return list(next(iter(coder.code_articles([art]))).events)


@pytest.mark.parametrize(("counts", "exclude", "want"), [
    (Counter({"MLI": 3, "FRA": 1}), None, "MLI"),
    (Counter({"USA": 4, "MMR": 2}), "USA", "MMR"),     # the issuer's own country left out
    (Counter({"USA": 3}), "USA", "USA"),               # ... unless it is the only one
    (Counter({"IRN": 2, "IRQ": 2}), None, None),       # a dyad: no single story country
    (Counter(), None, None),
])
def test_story_country_is_the_one_named_clearly_most(counts, exclude, want):
    assert dominant(counts, exclude) == want


def test_list_document_is_told_by_its_shape():
    digest = [(0, ["MLI"]), (1, ["DEU"]), (2, ["UKR", "RUS"]), (3, ["BRA"]), (4, ["JPN"])]
    story = build_story(digest)
    assert story.list_document and story.country_of(1) == "DEU"
    assert story.new_story(1, 0)
    article = [(0, ["IRN", "IRQ"]), (1, ["IRN"]), (2, ["IRQ", "IRN"]), (3, ["IRN"])]
    assert not build_story(article).list_document


@pytest.mark.model
def test_we_of_a_statement_is_its_issuer(coder):
    evs = _code(coder, "We condemn the attack on civilians by Hamas in Gaza.",
                source="U.S. Department of State", title="Attack on civilians")
    ours = [e for e in evs if e.cameo_root == "11"]
    assert ours and ours[0].source_code == "USAGOV"
    assert ours[0].source_text == "U.S. Department of State"


@pytest.mark.model
def test_we_of_a_news_report_is_nobody(coder):
    evs = _code(coder, "We condemn the attack on civilians by Hamas in Gaza.",
                source="Voice of America")
    assert all(e.source_code != "USAGOV" for e in evs if e.cameo_root == "11")


@pytest.mark.model
def test_the_department_of_a_release_is_its_issuer(coder):
    evs = _code(coder, "The Department condemns the arrest of journalists by the junta.",
                source="U.S. Department of State")
    assert any(e.source_code == "USAGOV" and e.cameo_root == "11" for e in evs)


@pytest.mark.model
def test_bare_roles_take_the_story_country(coder):
    text = ("Thousands marched in Lagos on Monday against fuel prices in Nigeria.\n"
            "Police arrested dozens of protesters near the governor's office.")
    evs = [e for e in _code(coder, text) if e.cameo_root == "17"]
    assert evs and evs[0].source_code == "NGACOP"


@pytest.mark.model
def test_items_of_a_list_document_do_not_share_actors(coder):
    text = ("Malian soldiers detain President Ibrahim Boubacar Keita in Bamako, Mali.\n"
            "German Chancellor Olaf Scholz visits Kyiv, Ukraine.\n"
            "Brazil's police arrest a former minister in Brasilia.\n"
            "Japan and South Korea sign a trade deal in Tokyo.\n"
            "Soldiers arrest protesters in Caracas, Venezuela.")
    evs = _code(coder, text, source="Wikipedia Portal:Current events")
    last = [e for e in evs if e.sentence.startswith("Soldiers")]
    assert last and all(e.source_country in {"VEN", None} for e in last)
    assert any(e.source_code == "VENMIL" for e in last)


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    ("A Russian missile attack on a supermarket in Kostiantynivka killed 14 people.", "RUSMIL"),
    ("Israeli strikes across the Gaza Strip killed at least 72 Palestinians.", "ISRMIL"),
])
def test_an_attack_named_by_its_nationality_is_done_by_that_country(coder, text, source):
    evs = [e for e in _code(coder, text) if e.cameo_root in {"18", "19"}]
    assert any(e.source_code == source for e in evs)


@pytest.mark.model
@pytest.mark.parametrize(("text", "root", "target"), [
    ("Secretary Blinken underscored the need for the Sudanese Armed Forces to return to "
     "negotiations.", "02", "SDNMIL"),
    ("Secretary Austin reiterated the United States' commitment to cooperation with "
     "Japan.", "03", None),
])
def test_readout_verbs_give_statements(coder, text, root, target):
    evs = [e for e in _code(coder, text) if e.cameo_root == root]
    assert evs and evs[0].source_code == "USAGOV"
    if target:
        assert evs[0].target_code == target


@pytest.mark.model
def test_a_readout_codes_its_call_once(coder):
    text = ("Secretary of State Antony J. Blinken spoke with Guatemalan Foreign Minister Pedro "
            "Brolo today.\nThe Secretary and the Foreign Minister discussed migration and the "
            "rule of law.")
    evs = [e for e in _code(coder, text, source="U.S. Department of State")
           if e.cameo_root == "04"]
    assert evs and {e.sentence_index for e in evs} == {0}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Severe floods occur in western Germany, killing 59 people.",
    "At least six people are killed during heavy rains in Rize, Turkey.",
    "Twelve people are killed when a ferry capsizes on Lake Kivu, Rwanda.",
    "Nine people are killed and four others injured when a bus crashes near Cusco, Peru.",
    "Eleven people are killed and 40 are injured in a fire at a market in Lagos, Nigeria.",
    "At least 20 people are killed after monsoon rains cause a hillside to collapse in Nepal.",
    "Two people are killed after a small plane crashes near Denver, Colorado.",
])
def test_deaths_in_a_disaster_are_no_event(coder, text):
    assert not [e for e in _code(coder, text) if e.cameo_root in {"18", "19", "20"}]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Twelve people are killed when a car bomb explodes at a market in Mogadishu, Somalia.",
    "Rebels killed nine soldiers when their convoy crashed into a roadblock in Mali.",
])
def test_an_attack_told_with_an_accident_word_is_still_an_event(coder, text):
    assert [e for e in _code(coder, text) if e.cameo_root in {"18", "19", "20"}]


@pytest.mark.model
def test_a_readout_call_happens_at_the_issuer_not_abroad(coder):
    evs = _code(coder, "Secretary of State Antony J. Blinken spoke with Ethiopian Prime "
                "Minister Abiy Ahmed today.", source="U.S. Department of State")
    calls = [e for e in evs if e.cameo_root == "04" and e.source_country == "USA"]
    assert calls and calls[0].location_country == "USA"
    assert calls[0].location_reason == "issuer"


@pytest.mark.parametrize(("source", "title", "want"), [
    ("Wikipedia Portal:Current events", None, True),
    (None, "Portal:Current events/2021 January 21", True),
    ("Voice of America", "World news in brief", True),
    ("U.S. Department of State", "Secretary Blinken's Call with Kenyan President Ruto", False),
    (None, None, False),
])
def test_a_day_page_or_digest_is_a_list_by_its_source(source, title, want):
    from eventwire.context import is_list_source

    assert is_list_source(source, title) is want


def test_a_list_source_splits_even_a_short_text_into_stories():
    # two paragraphs about different countries: too few to tell a list by shape alone
    paras = [(0, ["USA", "SYR"]), (1, ["IRQ"]), (2, [])]
    assert not build_story(paras).list_document
    story = build_story(paras, list_source=True)
    assert story.list_document and story.new_story(1, 0)
    placed = story.with_place_countries({2: "CAF", 1: "IRN"})
    assert placed.country_of(2) == "CAF"
    assert placed.country_of(1) == "IRQ"  # an item's actors outrank the place it names


@pytest.mark.model
def test_an_item_naming_only_a_place_takes_its_country(coder):
    text = ("Malian soldiers detain President Ibrahim Boubacar Keita in Bamako, Mali.\n"
            "The military recaptures the town of Pauktaw, Rakhine State, from rebels.")
    evs = _code(coder, text, source="Wikipedia Portal:Current events")
    last = [e for e in evs if e.sentence.startswith("The military")]
    assert last and last[0].source_code == "MMRMIL"


@pytest.mark.model
@pytest.mark.parametrize(("text", "target"), [
    ("Russian troops attack the port cities of Odesa and Mariupol.", "UKR"),
    ("Russian troops withdraw from the city of Slavutych, returning to Belarus.", "UKR"),
    ("Russian forces seized control of the airport in Hostomel, Ukraine.", "UKR"),
])
def test_a_place_attacked_or_left_is_done_to_its_country(coder, text, target):
    evs = [e for e in _code(coder, text) if e.source_code == "RUSMIL"]
    assert evs and evs[0].target_code == target



@pytest.mark.model
def test_a_readouts_call_is_the_issuers_act_only(coder):
    text = "Secretary of State Antony J. Blinken spoke with Kenyan President William Ruto today."
    read = _code(coder, text, source="U.S. Department of State")
    assert [(e.source_code, e.target_code) for e in read if e.cameo_root == "04"] == [
        ("USAGOV", "KENGOV")]
    news = _code(coder, text)  # a news report of the call: both took part
    assert {e.source_code for e in news if e.cameo_root == "04"} >= {"KENGOV"}


@pytest.mark.model
def test_what_a_readouts_call_discussed_is_the_same_talks(coder):
    text = ("Secretary of State Antony J. Blinken spoke with Kenyan President William Ruto today.\n"
            "They discussed regional security and trade.\n"
            "They also discussed concerns about the arrests of protesters in Cuba.")
    evs = [e for e in _code(coder, text, source="U.S. Department of State")
           if e.cameo_root == "04"]
    assert [e.sentence_index for e in evs] == [0]


def _acts(evs):
    return {(e.cameo_code[:2], e.source_country or e.source_code, e.target_country)
            for e in evs}


@pytest.mark.model
@pytest.mark.parametrize(("text", "act"), [
    ("The United States condemns the Russian attack on Kyiv.", ("19", "RUS", "UKR")),
    ("The Secretary condemned Russia's ongoing aggression against Ukraine.", ("19", "RUS", "UKR")),
    ("The Secretary expressed concern over the detention of President Bazoum by the military "
     "in Niger.", ("17", "NER", "NER")),
    ("Both leaders condemned the ongoing Taliban attacks in Afghanistan.", ("19", "AFG", "AFG")),
])
def test_an_act_a_statement_names_is_an_event_of_its_own(coder, text, act):
    evs = _code(coder, text)
    assert act in _acts(evs)
    assert any(e.cameo_root in {"01", "11"} for e in evs)  # ... and the statement itself


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The union condemned the strike by General Motors workers.",   # a labour strike
    "The Secretary condemned the brutal attack on Sunday.",       # no actor of its own
])
def test_a_named_act_without_its_own_armed_actor_is_no_event(coder, text):
    assert not [e for e in _code(coder, text) if e.cameo_root in {"18", "19", "20"}]


@pytest.mark.model
def test_a_toll_in_a_named_strike_is_one_event_done_by_its_user(coder):
    evs = _code(coder, "Two people were killed in a Russian drone strike on an apartment "
                       "block in Odesa.")
    force = [e for e in evs if e.cameo_root in {"18", "19", "20"}]
    assert len(force) == 1 and force[0].source_country == "RUS"


@pytest.mark.model
@pytest.mark.parametrize(("text", "target"), [
    ("Secretary Blinken reiterated the United States' steadfast solidarity with Ukraine.", "UKR"),
    ("Secretary Blinken emphasized the enduring partnership between the United States and "
     "Kosovo.", "KSV"),
])
def test_a_relationship_is_with_the_other_party(coder, text, target):
    evs = [e for e in _code(coder, text, source="U.S. Department of State")
           if e.cameo_root == "03"]
    assert evs and {e.target_country for e in evs} == {target}


@pytest.mark.model
def test_a_speakers_own_country_named_in_its_words_is_no_target(coder):
    evs = _code(coder, "Secretary Blinken emphasized the U.S. commitment to addressing the "
                       "structural problems.", source="U.S. Department of State")
    assert evs and all(e.target_country != "USA" for e in evs)


@pytest.mark.model
def test_i_in_a_statement_is_its_issuer_but_not_inside_quotes(coder):
    said = _code(coder, "This morning, I spoke with Prime Minister Netanyahu of Israel.",
                 source="The White House")
    assert any(e.source_code == "USAGOV" and e.target_country == "ISR" for e in said)
    quoted = _code(coder, 'The minister said: "I met the Iranian ambassador in Baghdad."',
                   source="The White House")
    assert not any(e.source_code == "USAGOV" for e in quoted)


@pytest.mark.model
def test_a_joint_pledge_of_two_countries_goes_both_ways(coder):
    evs = _code(coder, "Secretary Blinken and Afghan President Ashraf Ghani pledged to "
                       "remain in close contact.", source="U.S. Department of State")
    pairs = {(e.source_country, e.target_country) for e in evs if e.cameo_root == "03"}
    assert pairs == {("USA", "AFG"), ("AFG", "USA")}


@pytest.mark.model
def test_a_bare_titled_official_in_a_readout_is_the_issuers(coder):
    text = "Deputy Secretary Richard Verma met with Guatemalan President Bernardo Arevalo."
    read = _code(coder, text, source="U.S. Department of State")
    assert any(e.source_country == "USA" and e.target_country == "GTM" for e in read)
    news = _code(coder, text)  # no issuer: nothing says whose deputy secretary he is
    assert not any(e.source_country == "USA" for e in news)


@pytest.mark.model
def test_what_a_readout_says_after_the_call_is_said_to_the_counterpart(coder):
    text = ("Secretary of State Antony J. Blinken spoke with Kenyan President William Ruto today.\n"
            "The Secretary emphasized the urgency of an inclusive political dialogue.")
    evs = _code(coder, text, source="U.S. Department of State")
    later = [e for e in evs if e.sentence_index == 1]
    assert later and all(e.target_country == "KEN" for e in later)
    assert all(e.rule_id.endswith("+counterpart") for e in later)
    assert len({e.event_id for e in evs}) == len(evs)
    news = _code(coder, text)  # no issuer: a news report's later sentence keeps no target
    assert all(e.target_country != "KEN" for e in news if e.sentence_index == 1)
