"""Article-level evaluation: matching within an article, the error classes, agreement."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.article_eval import (
    ArticleReport,
    PlaceJudge,
    actor_key,
    agreement,
    coded_events,
    gold_events,
    is_article_gold,
    pair,
    read_article_gold,
    score_article,
    split_of,
)
from eventwire.model import Event

TEXT = ("The United States condemns the rocket attack on Erbil by militias. "
        "Police arrested two suspects in Baghdad on Monday.\n"
        "Iran and Iraq signed a defence pact in Tehran.")


def _event(sentence: str, code: str, source: str | None, target: str | None, *,
           index: int, source_country: str | None = None, target_country: str | None = None,
           place: str | None = None, place_country: str | None = None,
           when: date | None = None, rule: str = "r") -> Event:
    return Event(event_id=f"{index}{code}{source}{target}", article_id="a",
                 sentence_index=index, sentence=sentence, cameo_code=code,
                 cameo_root=code[:2], quad_class=1, goldstein=0.0,
                 source_code=source, target_code=target,
                 source_country=source_country or (source[:3] if source and len(source) > 3
                                                   else None),
                 target_country=target_country or (target[:3] if target and len(target) > 3
                                                   else None),
                 location_name=place, location_country=place_country, event_date=when,
                 trigger_text="x", trigger_start=0, trigger_end=1, rule_id=rule,
                 confidence=0.5)


S0 = "The United States condemns the rocket attack on Erbil by militias."
S1 = "Police arrested two suspects in Baghdad on Monday."
S2 = "Iran and Iraq signed a defence pact in Tehran."


def _gold(*events: dict) -> dict:
    return {"article_id": "a", "annotator": "A", "events": list(events)}


def _g(quote: str, code: str, source: str | None, target: str | None, **kw: object) -> dict:
    item = 1 if quote in S2 else 0
    return {"item": item, "quote": quote, "code": code, "source": source, "target": target,
            **kw}


@pytest.mark.parametrize(("code", "level", "key"), [
    ("IRNGOV", "country", "IRN"), ("IRNGOV", "full", "IRNGOV"), ("IGOUNOHCR", "country",
                                                                 "IGOUNO"),
    ("IGOEUREEC", "country", "IGOEEC"), ("IGOEU", "full", "IGOEEC"),
    ("IGOWSTNAT", "country", "IGONAT"), ("IMGMUSISI", "country", "IMGMUS"),
    ("IRN", "full", "IRN"), (None, "country", None),
])
def test_actor_key_compares_countries_and_international_actors(code, level, key):
    assert actor_key(code, level) == key


def test_split_is_stable_and_roughly_half():
    ids = [f"n2020s-{i:04d}" for i in range(1, 151)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert split_of(ids[0]) == split_of(ids[0])
    assert 50 < len(dev) < 100


def test_gold_quote_is_located_on_its_line():
    ev = gold_events(_gold(_g("signed a defence pact", "057", "IRN", "IRQ")), TEXT)
    assert len(ev) == 1 and TEXT[ev[0].start:ev[0].end] == "signed a defence pact"


def test_a_matching_event_counts_at_every_level_and_date_place_are_checked():
    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRNGOV", "IRQ",
                                date="2017-07", place="Tehran", place_country="IRN")), TEXT)
    rows = [_event(S2, "057", "IRNGOV", "IRQ", index=2, when=date(2017, 7, 23),
                   place="Tehran", place_country="IRN")]
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events(rows, TEXT), rows)
    assert {lv: s.tp for lv, s in rep.scores.items()} == {"root": 1, "country": 1, "full": 1}
    assert rep.date_ok == 1 and rep.place_ok == 1 and not rep.errors


def test_error_classes_are_told_apart():
    gold = gold_events(_gold(
        _g("condemns the rocket attack", "111", "USAGOV", "IRQREB", source_text="The United "
           "States", target_text="militias"),
        _g("rocket attack on Erbil by militias", "190", "IRQREB", "IRQ", target_text="Erbil"),
        _g("Police arrested two suspects", "173", "IRQCOP", "IRQCVL", date="2024-01-01"),
        _g("signed a defence pact", "057", "IRNGOV", "IRQGOV", source_text="Iran"),
    ), TEXT)
    rows = [
        _event(S0, "111", "USAGOV", None, index=0),           # target missing though named
        _event(S1, "173", "COP", "IRQCVL", index=1),          # police without a country
        _event(S2, "057", "IRQGOV", "IRNGOV", index=2),       # wrong actors
        _event(S2, "057", "IRQGOV", "IRNGOV", index=2, rule="dup"),  # duplicate
        _event(S1, "042", "IRQCOP", None, index=1),           # non-event
    ]
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events(rows, TEXT), rows, verbose=True)
    assert rep.errors["missed event"] == 1               # the attack inside the statement
    assert rep.errors["actor missing though named"] == 1
    assert rep.errors["actor without a country"] == 1
    assert rep.errors["wrong actor"] == 1
    assert rep.errors["duplicate"] == 1
    assert rep.errors["non-event"] == 1
    assert rep.scores["root"].tp == 3 and rep.scores["country"].tp == 0
    assert rep.sector_only == 1
    assert any("MISSED" in line for line in rep.listing[0]["lines"])


def test_background_gold_neither_hit_nor_false_alarm():
    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRN", "IRQ",
                                background=True)), TEXT)
    rows = [_event(S2, "057", "IRN", "IRQ", index=2)]
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events(rows, TEXT), rows)
    assert rep.gold_events == 0 and rep.coded_events == 0


@pytest.mark.parametrize(("gold_bg", "coded_bg", "figures"), [
    (True, True, (1, 1, 0)),     # a background act flagged
    (True, False, (1, 0, 0)),    # ... not flagged
    (False, True, (0, 0, 1)),    # news of the day flagged background
    (False, False, (0, 0, 0)),
])
def test_background_agreement_is_counted(gold_bg, coded_bg, figures):
    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRNGOV", "IRQ",
                                background=gold_bg)), TEXT)
    rows = [_event(S2, "057", "IRNGOV", "IRQ", index=2).model_copy(
        update={"background": coded_bg})]
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events(rows, TEXT), rows)
    assert (rep.background_matched, rep.background_flagged, rep.news_flagged) == figures


def test_list_targets_pair_one_to_one():
    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRN", "IRQ"),
                             _g("signed a defence pact", "057", "IRQ", "IRN")), TEXT)
    rows = [_event(S2, "057", "IRN", "IRQ", index=2)]
    assert len(pair(gold, coded_events(rows, TEXT), "country")) == 1


def test_reading_gold_refuses_an_article_annotated_twice(tmp_path: Path):
    f = tmp_path / "g.jsonl"
    f.write_text(json.dumps(_gold()) + "\n" + json.dumps(_gold()) + "\n")
    assert is_article_gold(f)
    with pytest.raises(ValueError, match=r"line 2.*twice"):
        read_article_gold([f])


def test_agreement_of_two_annotators():
    a = {"a": _gold(_g("signed a defence pact", "057", "IRN", "IRQ", date="2017-07-23",
                       place_country="IRN"))}
    b = {"a": _gold(_g("Iran and Iraq signed", "057", "IRN", "IRQGOV", date="2017-07",
                       place_country="IRN"),
                    _g("Police arrested", "173", "IRQCOP", None))}
    ag = agreement(a, b, {"a": {"text": TEXT}})
    assert ag.root.tp == 1 and ag.root.fp == 1
    assert ag.source == 1 and ag.target == 1 and ag.date == 1 and ag.place == 1


def _placed(name: str, country: str, lat: float, lon: float, admin1: str | None,
            reason: str = "sentence") -> Event:
    ev = _event(S2, "057", "IRNGOV", "IRQ", index=2, place=name, place_country=country)
    return ev.model_copy(update={"latitude": lat, "longitude": lon, "admin1": admin1,
                                 "location_reason": reason})


@pytest.mark.parametrize(("gold_place", "coded", "country_ok", "place_ok"), [
    ("Tehran", _placed("Tehran", "IRN", 35.69, 51.42, "26"), 1, 1),
    ("Teheran", _placed("Tehran", "IRN", 35.69, 51.42, "26"), 1, 1),   # another spelling
    ("Iran", _placed("Tehran", "IRN", 35.69, 51.42, "26"), 1, 1),      # the country only
    ("Tehran", _placed("Iran", "IRN", 32.0, 53.0, None), 1, 0),        # less specific
    ("Tehran", _placed("Isfahan", "IRN", 32.65, 51.67, "28"), 1, 0),   # another city
    ("Tehran", _placed("Baghdad", "IRQ", 33.34, 44.40, "07"), 0, 0),
])
def test_where_the_gold_names_the_place_country_and_place_are_judged(
        gold_place, coded, country_ok, place_ok):
    from eventwire.geo import Gazetteer

    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRNGOV", "IRQ",
                                place=gold_place, place_country="IRN")), TEXT)
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events([coded], TEXT), [coded],
                  judge=PlaceJudge(Gazetteer.default()))
    assert (rep.named_known, rep.named_country_ok, rep.named_place_ok) == \
        (1, country_ok, place_ok)
    assert rep.unnamed_known == 0


@pytest.mark.parametrize(("coded", "no_town"), [
    (_event(S2, "057", "IRNGOV", "IRQ", index=2), 1),                  # no place
    (_placed("Iran", "IRN", 32.0, 53.0, None, "speaker"), 1),          # the country only
    (_placed("Tehran", "IRN", 35.69, 51.42, "26", "lead"), 0),         # a town invented
])
def test_where_the_gold_names_no_place_a_town_is_counted_as_invented(coded, no_town):
    from eventwire.geo import Gazetteer

    gold = gold_events(_gold(_g("signed a defence pact", "057", "IRNGOV", "IRQ",
                                place_country="IRN")), TEXT)
    rep = ArticleReport()
    score_article(rep, "a", TEXT, gold, coded_events([coded], TEXT), [coded], verbose=True,
                  judge=PlaceJudge(Gazetteer.default()))
    assert (rep.unnamed_known, rep.unnamed_ok) == (1, no_town)
    towns = [ln for r in rep.listing for ln in r["lines"] if "TOWN, GOLD NONE" in ln]
    assert bool(towns) is not bool(no_town)


def test_agreement_counts_place_names():
    a = {"a": _gold(_g("signed a defence pact", "057", "IRN", "IRQ", place="Tehran",
                       place_country="IRN"),
                    _g("Police arrested", "173", "IRQCOP", None, place="Baghdad",
                       place_country="IRQ"))}
    b = {"a": _gold(_g("Iran and Iraq signed", "057", "IRN", "IRQ", place="tehran",
                       place_country="IRN"),
                    _g("Police arrested", "173", "IRQCOP", None, place_country="IRQ"))}
    ag = agreement(a, b, {"a": {"text": TEXT}})
    assert (ag.named_both, ag.named_same, ag.named_either) == (1, 1, 1)
