"""End-to-end coding with the real pipeline: the worked example and one rule per test."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.model import Article, Event

pytestmark = pytest.mark.model

PUB = date(2017, 7, 23)


def code(coder: Coder, text: str, pub: date | None = PUB) -> list[Event]:
    return coder.code_text(text, pub_date=pub)


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {((e.source_code or "")[:3], (e.target_code or "")[:3], e.cameo_code) for e in events}


def _matches(req: dict, e: Event) -> bool:
    codes = req.get("cameo_any_of") or [req["cameo"]]
    if not any(e.cameo_code.startswith(c) for c in codes):
        return False
    s, t = (e.source_code or "")[:3], (e.target_code or "")[:3]
    ok = (s, t) == (req["source"][:3], req["target"][:3])
    if req.get("either_direction"):
        ok = ok or (t, s) == (req["source"][:3], req["target"][:3])
    return ok


def test_worked_example_required_events_at_country_level(coder: Coder, worked_example: dict
                                                         ) -> None:
    meta = worked_example["meta"]
    events = code(coder, worked_example["text"], date.fromisoformat(meta["article"]["pub_date"]))
    missing = [r["what"] for r in meta["required_events"]
               if not any(_matches(r, e) for e in events)]
    assert missing == []


def test_worked_example_full_codes_dates_and_tehran(coder: Coder, worked_example: dict) -> None:
    meta = worked_example["meta"]
    events = code(coder, worked_example["text"], PUB)
    signing = [e for e in events if e.cameo_code == "057" and e.latitude is not None]
    assert signing and all(e.event_date == date(2017, 7, 23) for e in signing)
    assert any(abs(e.latitude - 35.69) < 0.1 and abs((e.longitude or 0) - 51.42) < 0.1
               for e in signing)
    hail = [e for e in events if e.cameo_code == "051"]
    assert any(e.source_code == "IRNGOV" and e.target_code == "IRQMIL" for e in hail)
    visit = [e for e in events if e.cameo_code == "042"]
    assert any(e.source_code == "IRQGOV" and e.event_date == date(2017, 7, 22) for e in visit)
    del meta


def test_worked_example_emits_nothing_absurd(coder: Coder, worked_example: dict) -> None:
    events = code(coder, worked_example["text"], PUB)
    assert 6 <= len(events) <= 25
    for e in events:
        assert e.source_code or e.target_code
        assert e.source_code != e.target_code or e.source_text != e.target_text
        assert e.cameo_root == e.cameo_code[:2]
        assert e.event_date is not None and e.event_date <= date(2017, 7, 30)
        assert e.trigger_text in e.sentence
        assert e.sentence[e.trigger_start:e.trigger_end] == e.trigger_text


@pytest.mark.parametrize("text", [
    "Manchester United beat Arsenal 3-1 on Saturday, with two late goals from the striker.",
    "Heavy rain is expected across the north of England on Tuesday, forecasters said.",
    "Shares in the carmaker rose 4 percent after quarterly profit beat analyst forecasts.",
])
def test_no_events_in_sport_weather_business(coder: Coder, text: str) -> None:
    assert code(coder, text) == []


def test_negated_act_is_not_emitted(coder: Coder) -> None:
    assert not [e for e in code(coder, "Iran did not sign the agreement with Iraq.")
                if e.cameo_root == "05"]


def test_future_act_gets_intent_code(coder: Coder) -> None:
    events = code(coder, "Iran will provide military aid to Iraq.")
    assert ("IRN", "IRQ", "0332") in triples(events)
    assert all(e.modality == "intent" for e in events)


def test_passive_voice_swaps_roles(coder: Coder) -> None:
    assert ("IRN", "IRQ", "190") in triples(code(coder, "Iraq was attacked by Iran on Sunday."))


def test_compound_source_gives_one_event_each(coder: Coder) -> None:
    events = code(coder, "Saudi Arabia, Egypt, Bahrain and the United Arab Emirates cut "
                         "diplomatic ties with Qatar on Monday.")
    cut = {(e.source_code or "")[:3] for e in events
           if e.cameo_code == "161" and (e.target_code or "").startswith("QAT")}
    assert cut == {"SAU", "EGY", "BHR", "ARE"}
    assert all(len(e.source_actors) == 4 for e in events)


def test_symmetric_compound_codes_both_directions(coder: Coder) -> None:
    t = triples(code(coder, "Iran and Iraq signed a memorandum of understanding on Sunday."))
    assert {("IRN", "IRQ", "057"), ("IRQ", "IRN", "057")} <= t


def test_reported_speech_codes_the_embedded_act(coder: Coder) -> None:
    assert ("IRN", "SYR", "190") in triples(code(coder, "Iraq said Iran attacked Syria."))


def test_urge_to_resume_talks_is_an_appeal(coder: Coder) -> None:
    events = code(coder, "The United Nations urged Israel to resume talks with the "
                         "Palestinians.")
    assert any(e.cameo_code == "026" and e.source_code == "IGOUNO"
               and (e.target_code or "").startswith("ISR") for e in events)


def test_capital_as_speaker_is_government(coder: Coder) -> None:
    events = code(coder, "Tehran condemned Washington for the new sanctions.")
    assert any(e.source_code == "IRNGOV" and e.target_code == "USAGOV" for e in events)


def test_pronoun_resolves_to_previous_sentence_person(coder: Coder) -> None:
    events = code(coder, "Iranian Foreign Minister Ali Rezaian arrived in Baghdad on Sunday. "
                         "He praised Iraq for its hospitality.")
    assert any(e.cameo_code == "051" and e.source_code == "IRNGOV"
               and e.source_text == "He" for e in events)


def test_surname_learned_from_titled_first_mention(coder: Coder) -> None:
    events = code(coder, "Iraqi Defense Minister Karim Haddad visited Tehran on Monday.\n"
                         "Haddad praised Iran for its support.")
    praise = [e for e in events if e.cameo_code == "051"]
    assert praise and praise[0].source_code == "IRQGOV" and praise[0].source_text == "Haddad"


def test_unknown_named_actor_is_kept_with_text(coder: Coder) -> None:
    events = code(coder, "Zorblatt Holdings accused Iran of fraud.")
    assert any(e.source_code is None and e.source_text and "Zorblatt" in e.source_text
               and (e.target_code or "").startswith("IRN") for e in events)


def test_every_event_has_ontology_fields(coder: Coder) -> None:
    events = code(coder, "Israeli jets launched air strikes on Hamas positions in Gaza.")
    assert events
    for e in events:
        assert e.quad_class in {1, 2, 3, 4}
        assert isinstance(e.goldstein, float)
        assert e.plover_type  # roots 03-20 all map to PLOVER


def test_prefilter_does_not_change_the_events(worked_example: dict) -> None:
    from eventwire.config import Config

    with_pf = Coder(Config(prefilter=True)).code_text(worked_example["text"], pub_date=PUB)
    without = Coder(Config(prefilter=False)).code_text(worked_example["text"], pub_date=PUB)
    assert [e.event_id for e in with_pf] == [e.event_id for e in without]


@pytest.mark.parametrize("text,code", [
    ("The United Nations urged Israel to provide humanitarian aid to Gaza.", "0233"),
    ("Russia demanded that Ukraine release the captured sailors.", "1053"),
    ("France said on Tuesday that Iran must release the detained diplomats.", "1053"),
    ("The European Union urged Serbia and Kosovo to resume negotiations.", "026"),
])
def test_an_act_asked_for_is_coded_as_the_appeal_or_demand(coder: Coder, text: str,
                                                           code: str) -> None:
    events = code_text_events(coder, text)
    assert code in {e.cameo_code for e in events}, [e.cameo_code for e in events]
    asked = [e for e in events if e.cameo_code == code]
    assert all(e.cameo_root in {"02", "10"} for e in asked)


def code_text_events(coder: Coder, text: str) -> list[Event]:
    return coder.code_text(text, pub_date=PUB)


@pytest.mark.parametrize("text,code", [
    ("Three Iraqi soldiers were killed in a suicide bombing in Baghdad.", "1831"),
    ("A roadside bomb killed two Afghan policemen in Kandahar.", "1833"),
    ("Four Syrian civilians were killed in an air strike on Idlib.", "195"),
])
def test_means_of_a_killing_gives_the_finer_code(coder: Coder, text: str, code: str) -> None:
    assert code in {e.cameo_code for e in code_text_events(coder, text)}


def test_hypothetical_and_hoped_for_acts_are_not_emitted(coder: Coder) -> None:
    for text in ("Iran may attack Israel if talks fail.",
                 "Rwanda hoped French officials would be arrested.",
                 "Analysts discussed the chances of Russia invading Ukraine."):
        assert not [e for e in code_text_events(coder, text)
                    if e.cameo_root in {"17", "19"}], text


def test_background_relative_clauses_are_not_new_events(coder: Coder) -> None:
    events = code_text_events(coder, "The United States struck Islamic State targets near "
                                     "Baghdad, expanding its campaign against the group that "
                                     "has seized parts of Iraq and Syria.")
    assert not [e for e in events if e.trigger_text == "seized"]
    assert [e for e in events if e.cameo_root in {"18", "19"}]


def test_noun_trigger_takes_the_clause_subject_as_source(coder: Coder) -> None:
    events = code_text_events(coder, "Iranian Foreign Minister Ali Rezaian held talks with "
                                     "Iraqi officials during a visit to Baghdad.")
    assert any(e.cameo_code == "042" and e.source_code == "IRNGOV" for e in events)


@pytest.mark.parametrize("text,triple", [
    ("Turkish warplanes struck Kurdish militant targets in northern Iraq overnight.",
     ("TUR", "*", "195")),
    ("Ukrainian forces shelled Russian positions near Bakhmut.", ("UKR", "RUS", "194")),
    ("Germany pledged 500 million euros in humanitarian aid to Syria.", ("DEU", "SYR", "0333")),
])
def test_unseen_wire_sentences(coder: Coder, text: str, triple: tuple[str, str, str]) -> None:
    got = triples(code_text_events(coder, text))
    src, tgt, code = triple
    assert any(s == src and (tgt == "*" or t == tgt) and c == code for s, t, c in got), got


def test_questions_assert_no_act(coder: Coder) -> None:
    assert code_text_events(coder, "Will Iran attack Israel?") == []
    assert code_text_events(coder, "Iran attacked Israel.")


def test_a_dateline_field_places_the_story(coder: Coder) -> None:
    """Reuters-21578 and other wire feeds give the dateline apart from the text: an act with no
    place of its own is put there, as it is for a dateline written at the head of the text."""
    text = "Japan's finance minister criticized the United States over its trade figures."
    with_field = Article(id="r", text=text, pub_date=date(1987, 3, 3), dateline="TOKYO, March 3")
    (result,) = coder.code_articles([with_field])
    ev = next(e for e in result.events if e.cameo_root == "11")
    assert (ev.location_name, ev.location_reason) == ("Tokyo", "dateline")
    (plain,) = coder.code_articles([with_field.model_copy(update={"dateline": None})])
    assert all(e.location_name != "Tokyo" for e in plain.events)


@pytest.mark.parametrize(
    ("dateline", "text", "root", "place"),
    [
        # a national act with no place named: from the country, not the city filed from
        ("QUITO, March 3", "Ecuador suspended sales of crude oil to Peru after an earthquake.",
         "16", "Ecuador"),
        # a statement under a wire dateline was given to the reporter there
        ("TOKYO, March 3", "Japan warned the United States it may take retaliatory measures.",
         "13", "Tokyo"),
        # a bare government body is the story's country's, deciding from no city
        ("LAGOS, March 3", "Last year, the government cut fuel subsidies to importers by 80 pct.",
         "16", "Nigeria"),
        # bare troops act where they stand
        ("LAGOS, March 3", "Troops fired on protesters outside the stadium on Monday.", "19",
         "Lagos"),
    ],
)
def test_a_national_act_under_a_wire_dateline(
    coder: Coder, dateline: str, text: str, root: str, place: str
) -> None:
    art = Article(id="r", text=text, pub_date=date(1987, 3, 3), dateline=dateline)
    (result,) = coder.code_articles([art])
    ev = next(e for e in result.events if e.cameo_root == root)
    assert (ev.location_name, ev.location_reason) == (place, "dateline")


def test_reported_time_words_date_the_reported_act_not_the_saying(coder: Coder) -> None:
    pub = date(1987, 3, 12)  # a Thursday
    (said,) = coder.code_text(
        "The plan must be approved by April 1 by the creditors, the company said.", pub_date=pub)
    assert (said.event_date, said.date_precision) == (pub, "pub")  # not April 1, 1986
    (said,) = coder.code_text(
        "The minister said on Tuesday that the plan must be approved by April 1.", pub_date=pub)
    assert (said.event_date, said.date_precision) == (date(1987, 3, 10), "day")
    attack = next(e for e in coder.code_text("On Monday, Iran said it attacked the base.",
                                             pub_date=pub) if e.cameo_root == "19")
    assert (attack.event_date, attack.date_precision) == (date(1987, 3, 9), "day")
