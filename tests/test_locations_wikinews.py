"""Event locations against 100 hand-checked Wikinews events (fixtures/wikinews_locations.jsonl).

The sample: scripts/draw_location_sample.py codes ../shared/data/corpora/wikinews_2019_2020.jsonl,
leaves out articles with more than 40 paragraphs (interview transcripts), orders the sentences
with events by a hash of (article, sentence) and keeps one event (smallest hash of its trigger
offset) from each of the first 100. Hash order keeps a sentence in the sample when the coder
changes events elsewhere, so a re-draw re-uses the rows already judged. Each row holds the gold
country and place a human coder judged from the sentence and the article, blind to the
prediction (`note` gives the reasoning), and the prediction when it was judged
(`predicted_location`, flags `country_correct` / `place_correct`). 13 rows carry over from the
first sample (drawn by a seeded shuffle, which a coder change reshuffles entirely; those rows
also keep `before`, the prediction before any location rule).

Each fixture event is found by its event_id; as event ids hash the actor codes, an event whose
actors were recoded is found by its trigger instead (same article, sentence and trigger offset,
preferring the same CAMEO code). An event the coder no longer emits at all is wrong on both.

Rules (the same that filled `country_correct` / `place_correct` in the fixture):
- gold null (the text gives no basis for a place): both are right only if nothing is predicted;
- country: the predicted country equals the gold country;
- place: right country and (gold is a country: the prediction is that country; gold is an
  admin1: the prediction is that admin1, by name; gold is a city: the prediction has that name
  (a city-state predicted as its country counts: Hong Kong), or is a city within 30 km of it).

Stop 11: the last 19 Wikinews sentences (held-out 6: 0.79 / 0.68 with the stop-10 coder,
0.79 / 0.74 now) and three Reuters-21578 samples (below) were judged blind. With stop 11's rules
(wire datelines; national and bare government bodies acting from the country): sample 0.83 /
0.65, held-out 1-5 0.79 / 0.65, 0.82 / 0.69, 0.80 / 0.67, 0.88 / 0.71, 0.83 / 0.59. Every
Wikinews sentence the draw can reach (619) is now judged: there is no unseen Wikinews text left
to check a new rule on; use the Reuters samples, or judge new ones.

Stop 10, six samples (country / place; the stop-9 coder in brackets): sample 0.83 / 0.67
(0.82 / 0.66), held-out 1 0.79 / 0.65 (0.72 / 0.57), held-out 2 0.82 / 0.69 (0.81 / 0.66),
held-out 3 0.80 / 0.66 (0.78 / 0.63), held-out 4 0.88 / 0.69 (0.88 / 0.67), held-out 5
0.83 / 0.58 (0.81 / 0.57). Held-out 3, 4 and 5 were judged blind during stop 10; 3 and 4 were
later read (one rule was dropped because of them, two small ones found on them), 5 never was.
On the three the session's rules gain little (country +5, place +6 of 300); the larger gains
are on the samples whose misses were read. Expect about 0.82 / 0.64 on unseen Wikinews text.
Two judges following the same brief agree 0.99 / 0.91 (scripts/judge_agreement.py).

Stop 9: reached on this sample: country 0.82, place 0.66 (the issue's target is 0.90 / 0.80); the
last location rules were checked on it, so it is partly in-sample. On the held-out sample
(HELDOUT, judged blind after those rules): 0.70 / 0.54 when first measured — the figure to
expect on unseen text —, 0.72 / 0.56 after two lead-place fixes found while reading its misses
(wars/games named after places, "commonwealth of Puerto Rico"), 0.73 / 0.58 with the place
carried from the sentence before (checked on all three samples), 0.72 / 0.57 once one of its
events (a "visit" by no actor) stopped being coded. The first sample, on which
the earlier rules were developed, gives 0.76 / 0.66 with 13 of its events no longer coded
(0.87 / 0.76 on the 87 still coded). The test asserts the reached figures minus 0.02.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from eventwire.geo import Gazetteer, normalize_name

FIXTURE = Path(__file__).parent / "fixtures" / "wikinews_locations.jsonl"
# The next 100 sentences in the same hash order (`draw_location_sample.py --offset 100`),
# judged blind the same way, and NOT used to develop any rule: a check that the rules carry to
# unseen events. Tune on it and it stops being one.
HELDOUT = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout.jsonl"
# Ranks 200-299, judged blind after every rule of stop 9 (measured at the commit it was drawn
# at: 0.81 / 0.66). Samples of 100 differ by up to 0.1: read the three together.
HELDOUT2 = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout2.jsonl"
# Ranks 300-399, drawn and judged blind at the start of stop 10 (0.78 / 0.63 with the stop-9
# coder), before any rule of that session; its misses were read mid-session (the rule that
# refined a country lead to the story's city was tried on it, then dropped).
HELDOUT3 = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout3.jsonl"
# Ranks 400-499, drawn and judged blind mid stop 10 (0.88 / 0.64 at the commit it was drawn
# at, df81f2d; 0.88 / 0.67 with the stop-9 coder): it showed that refining a country lead to the
# story's city did not carry to unseen text, and that rule was dropped.
HELDOUT4 = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout4.jsonl"
# Ranks 500-599, drawn and judged blind late in stop 10 (at 950ec8b: 0.83 / 0.58); measured
# again after the last rule of the session (a stance held in a lead region), never read.
HELDOUT5 = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout5.jsonl"
# The last 19 ranked Wikinews sentences (ranks 600-618: the corpus has no more), drawn and judged
# blind at the start of stop 11 (0.79 / 0.68 with the stop-10 coder).
HELDOUT6 = Path(__file__).parent / "fixtures" / "wikinews_locations_heldout6.jsonl"
# Out of domain: Reuters-21578 (1987 newswire with a separate `dateline` field), three samples of
# 100 events from the 2000 articles with the smallest SHA-1 of their id (`draw_location_sample.py
# --corpus ... --articles 2000 [--offset 100|200]`), judged blind in stop 11 by the same brief
# plus the dateline. The rows hold no Reuters text (research-use licence): the test reads it
# from ../shared. Without the dateline field / with it (stop 11's final coder): first sample
# 0.57 / 0.38 -> 0.79 / 0.41 (its misses were read); second 0.55 / 0.39 -> 0.71 / 0.39 (read);
# third, judged last, 0.62 / 0.41 -> 0.73 / 0.50 (0.73 / 0.50 when drawn; its rows were read only
# where a late change moved them). Place stays low: judges put
# an act with no venue under a city dateline at the city or at the country half and half.
REUTERS = Path(__file__).parent / "fixtures" / "reuters_locations.jsonl"
REUTERS2 = Path(__file__).parent / "fixtures" / "reuters_locations_heldout.jsonl"
REUTERS3 = Path(__file__).parent / "fixtures" / "reuters_locations_heldout2.jsonl"
CORPUS = "data/corpora/wikinews_2019_2020.jsonl"
REUTERS_CORPUS = "data/corpora/reuters21578.jsonl"
# Floors (country, place) over the events still coded; each is the higher of the floor before
# stop 15 and the figure reached at stop 15 minus 0.02 (reached in the comments). Until stop 14 a
# row whose event was no longer coded counted as a wrong place, so a precision rule dropping a
# non-event failed a location floor; whether an event should be coded is the article gold's
# question (tests/test_article_gold.py), and MIN_FOUND keeps the sample usable.
MIN_COUNTRY = 0.83  # reached 0.859 of 99
MIN_PLACE = 0.64  # reached 0.667
MIN_HELDOUT = (0.78, 0.63)  # reached 0.80, 0.65 of 100
MIN_HELDOUT2 = (0.80, 0.68)  # reached 0.816, 0.704 of 98
MIN_HELDOUT3 = (0.80, 0.65)  # reached 0.82, 0.67 of 100
MIN_HELDOUT4 = (0.86, 0.72)  # reached 0.869, 0.747 of 99
MIN_HELDOUT5 = (0.81, 0.57)  # reached 0.828, 0.596 of 99
MIN_HELDOUT6 = (0.76, 0.68)  # reached 0.789, 0.684 of 19 (one event is 0.05)
MIN_REUTERS = (0.76, 0.37)  # reached 0.781, 0.396 of 96
MIN_REUTERS2 = (0.69, 0.38)  # reached 0.697, 0.404 of 99
MIN_REUTERS3 = (0.73, 0.51)  # reached 0.75, 0.53 of 100
MIN_FOUND = 0.85  # the coder changes; re-draw and re-judge the sample when this fails
SAME_PLACE_KM = 30.0


# name: (fixture, min country, min place, corpus, rows)
SAMPLES = {
    "sample": (FIXTURE, MIN_COUNTRY, MIN_PLACE, CORPUS, 100),
    "heldout": (HELDOUT, *MIN_HELDOUT, CORPUS, 100),
    "heldout2": (HELDOUT2, *MIN_HELDOUT2, CORPUS, 100),
    "heldout3": (HELDOUT3, *MIN_HELDOUT3, CORPUS, 100),
    "heldout4": (HELDOUT4, *MIN_HELDOUT4, CORPUS, 100),
    "heldout5": (HELDOUT5, *MIN_HELDOUT5, CORPUS, 100),
    "heldout6": (HELDOUT6, *MIN_HELDOUT6, CORPUS, 19),
    "reuters": (REUTERS, *MIN_REUTERS, REUTERS_CORPUS, 100),
    "reuters2": (REUTERS2, *MIN_REUTERS2, REUTERS_CORPUS, 100),
    "reuters3": (REUTERS3, *MIN_REUTERS3, REUTERS_CORPUS, 100),
}


@pytest.fixture(scope="module")
def coder() -> Any:
    """The samples were drawn from every coded event, one-sided ones included; since stop 17
    a story drops most one-sided events (events/one_sided.py). The place rules are what these
    samples measure, so they are coded with the one-sided events kept: the sample stays whole
    (MIN_FOUND) and the figures compare with the floors drawn on it."""
    from eventwire.coder import Coder
    from eventwire.config import Config

    return Coder(Config(keep_one_sided=True))


def _rows(path: Path = FIXTURE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def judge(pred: dict[str, Any] | None, row: dict[str, Any], gaz: Gazetteer) -> tuple[bool, bool]:
    """(country right, place right) of a prediction {name, country, lat, lon} against the row's
    gold fields."""
    pred = pred or {}
    name, country = pred.get("name"), pred.get("country")
    gold_country, gold_place, kind = (
        row["gold_country"],
        row["gold_place"],
        row["gold_admin_or_city"],
    )
    if gold_country is None:
        return country is None, country is None
    if country != gold_country or name is None:
        return country == gold_country, False
    country_place = gaz.country(gold_country)
    predicted_country = country_place is not None and name == country_place.name
    if kind == "country":
        return True, predicted_country
    if normalize_name(name) == normalize_name(gold_place):
        return True, True  # also a city-state named as the country: Hong Kong, Singapore
    if predicted_country:
        return True, False
    gold = gaz.lookup(gold_place, country_hint=gold_country)
    if kind == "city" and (gold is None or gold.kind != "city"):
        # the judge named a city: "New York" is New York City, not the state
        gold = next((p for p in gaz.candidates(gold_place)
                     if p.kind == "city" and p.country == gold_country), gold)
    if kind == "city" and gold is not None and gold.kind == "city" and pred.get("lat") is not None:
        return True, _km(pred["lat"], pred["lon"], gold.latitude, gold.longitude) <= SAME_PLACE_KM
    return True, False


@pytest.mark.parametrize("sample", SAMPLES)
def test_fixture_is_a_fixed_sample_of_100_hand_checked_events(gaz: Gazetteer, sample: str
                                                              ) -> None:
    rows, size = _rows(SAMPLES[sample][0]), SAMPLES[sample][4]
    assert len(rows) == size
    assert len({r["event_id"] for r in rows}) == size
    assert len({(r["article_id"], r["sentence_index"]) for r in rows}) == size  # one per sentence
    for row in rows:
        assert row["gold_admin_or_city"] in {"city", "admin1", "country", None}
        assert (row["gold_country"] is None) == (row["gold_place"] is None), row["event_id"]
        if row["gold_country"] is not None:
            assert gaz.country(row["gold_country"]) is not None, row["gold_country"]
        assert row["note"]


@pytest.mark.parametrize("sample", SAMPLES)
def test_fixture_flags_follow_the_rules_for_the_stored_predictions(gaz: Gazetteer, sample: str
                                                                  ) -> None:
    for row in _rows(SAMPLES[sample][0]):
        expected = (False, False) if row["dropped"] else judge(row["predicted_location"], row, gaz)
        assert (row["country_correct"], row["place_correct"]) == expected, row["event_id"]
        before = row.get("before")
        if before is not None:
            assert (before["country_correct"], before["place_correct"]) == judge(
                before, row, gaz)


def score_sample(coder: Any, shared: Path, gaz: Gazetteer, sample: str
                 ) -> tuple[int, int, int, int, list[str]]:
    """Code the sample's articles and judge its rows: (rows, found, country right, place
    right, place misses). Country and place are counted over the rows whose event is still
    coded (`found`)."""
    from eventwire.io.readers import read_articles
    from eventwire.model import Article

    path, _, _, corpus, _ = SAMPLES[sample]
    rows = _rows(path)
    wanted = {r["article_id"] for r in rows}
    articles = [
        a for a in read_articles(shared / corpus) if isinstance(a, Article) and a.id in wanted
    ]
    assert {a.id for a in articles} == wanted
    events: dict[str, Any] = {}
    by_trigger: dict[tuple[str, int, int], list[Any]] = {}
    for result in coder.code_articles(articles):
        assert result.error is None, result.error
        for ev in result.events:
            events[ev.event_id] = ev
            key = (ev.article_id, ev.sentence_index, ev.trigger_start)
            by_trigger.setdefault(key, []).append(ev)

    found = country_right = place_right = 0
    misses: list[str] = []
    for row in rows:
        ev = events.get(row["event_id"])
        if ev is None:  # actors recoded: the same act, found by its trigger
            same = by_trigger.get((row["article_id"], row["sentence_index"], row["trigger_start"]))
            if same:
                ev = next((e for e in same if e.cameo_code == row["cameo_code"]), same[0])
        if ev is None:
            misses.append(f"{row['event_id']}: gold {row['gold_place']}/{row['gold_country']},"
                          " dropped")
            continue
        found += 1
        pred = {
            "name": ev.location_name,
            "country": ev.location_country,
            "lat": ev.latitude,
            "lon": ev.longitude,
        }
        country_ok, place_ok = judge(pred, row, gaz)
        country_right += country_ok
        place_right += place_ok
        if not place_ok:
            misses.append(
                f"{row['event_id']}: gold {row['gold_place']}/{row['gold_country']}, "
                f"{ev.location_name}/{ev.location_country}"
            )
    return len(rows), found, country_right, place_right, misses


@pytest.mark.model
@pytest.mark.parametrize("sample", SAMPLES)
def test_locations_of_hand_checked_wikinews_events(
    coder: Any, shared: Path, gaz: Gazetteer, sample: str
) -> None:
    _, min_country, min_place, _, _ = SAMPLES[sample]
    n, found, country_right, place_right, misses = score_sample(coder, shared, gaz, sample)
    assert found / n >= MIN_FOUND, f"only {found} of the sample's events still coded"
    country_acc, place_acc = country_right / found, place_right / found
    detail = f"country {country_acc:.2f}, place {place_acc:.2f} of {found} still coded; " \
        "place misses:\n" + "\n".join(misses)
    assert country_acc >= min_country, detail
    assert place_acc >= min_place, detail


@pytest.mark.parametrize(
    ("first", "second_name"),
    [
        # scripts/judge_agreement.py scores the two judgements against each other: 0.99 / 0.91
        (HELDOUT4, "wikinews_locations_heldout4_second_judge.jsonl"),
        # 0.98 / 0.83: under a city dateline, judges differ on city or country
        (REUTERS, "reuters_locations_second_judge.jsonl"),
    ],
)
def test_second_judgements_cover_the_same_events(gaz: Gazetteer, first: Path, second_name: str
                                                  ) -> None:
    second = _rows(first.with_name(second_name))
    assert [r["event_id"] for r in second] == [r["event_id"] for r in _rows(first)]
    for row in second:
        assert row["gold_admin_or_city"] in {"city", "admin1", "country", None}
        assert (row["gold_country"] is None) == (row["gold_place"] is None)
        if row["gold_country"] is not None:
            assert gaz.country(row["gold_country"]) is not None, row["gold_country"]
        assert row["note"]
