"""The aggregates' two default exclusions together: background events and incomplete dyads are
both left out, both counted in `left_out`, and each flag brings back only its own kind (query
layer, CLI, API); an older store lacking both columns gains both on open."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest_store import FakeResult, make_event
from eventwire.cli import cli
from eventwire.model import Article
from eventwire.query import EventQuery, counts_by_root, left_out, run_query, top_actors
from eventwire.store import Store
from eventwire.web import create_app

PUB = date(2020, 1, 8)

# news of a complete dyad; a background act of a complete dyad; news with an incomplete dyad
# (no target); a background act with an incomplete dyad (a bare COP source): one event of
# each kind, so every flag's effect shows on its own
EVENTS = (
    make_event("L1", sentence_index=0, code="057", source="IRNGOV", target="IRQGOV",
               event_date=date(2020, 1, 7), pub_date=PUB),
    make_event("L1", sentence_index=1, code="190", source="USAMIL", target="IRQGOV",
               event_date=date(2003, 3, 20), pub_date=PUB, background=True),
    make_event("L1", sentence_index=2, code="112", source="IRNGOV", target=None,
               event_date=date(2020, 1, 8), pub_date=PUB),
    make_event("L1", sentence_index=3, code="173", source="COP", target="IRQGOV",
               source_country=None, event_date=date(2019, 6, 1), pub_date=PUB,
               background=True),
)
DEFAULT, BACKGROUND_IN, DYADS_IN, ALL_IN = 1, 2, 2, 4   # events counted


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    art = Article(id="L1", text="Iran and Iraq signed. In 2003 the US invaded Iraq.",
                  pub_date=PUB)
    with Store(path) as store:
        store.add_batch([FakeResult(art, EVENTS)], coder_version="t")
    return path


@pytest.mark.parametrize(("flags", "counted", "left"), [
    ({}, DEFAULT, {"background": 2, "incomplete": 2}),
    ({"include_background": True}, BACKGROUND_IN, {"incomplete": 2}),
    ({"all_dyads": True}, DYADS_IN, {"background": 2}),
    ({"include_background": True, "all_dyads": True}, ALL_IN, {}),
])
def test_each_flag_brings_back_only_its_kind(db, flags, counted, left):
    with Store(db, read_only=True) as store:
        q = EventQuery(**flags)
        assert sum(r["n"] for r in counts_by_root(store, q)) == counted
        assert left_out(store, q) == left
        assert len(run_query(store, q)) == len(EVENTS)   # the event list keeps every event
        assert len(run_query(store, q, aggregate=True)) == counted


def test_brought_back_events_are_the_right_ones(db):
    with Store(db, read_only=True) as store:
        actors = {r["actor"] for r in top_actors(store, EventQuery(include_background=True))}
        assert "USAMIL" in actors and "COP" not in actors     # background, complete only
        actors = {r["actor"] for r in top_actors(store, EventQuery(all_dyads=True))}
        assert "COP" not in actors and "USAMIL" not in actors  # incomplete news only
        actors = {r["actor"] for r in top_actors(
            store, EventQuery(include_background=True, all_dyads=True))}
        assert {"USAMIL", "COP"} <= actors


@pytest.mark.parametrize(("args", "counted", "notes"), [
    ([], DEFAULT, {"left out 2 background events; --include-background counts them",
                   "left out 2 events with an incomplete dyad; --all-dyads counts them"}),
    (["--include-background"], BACKGROUND_IN,
     {"left out 2 events with an incomplete dyad; --all-dyads counts them"}),
    (["--all-dyads"], DYADS_IN,
     {"left out 2 background events; --include-background counts them"}),
    (["--include-background", "--all-dyads"], ALL_IN, set()),
])
def test_cli_prints_one_note_per_kind_left_out(db, args, counted, notes):
    out = CliRunner().invoke(cli, ["top", "roots", "--db", str(db), "--format", "jsonl",
                                   *args])
    assert out.exit_code == 0, out.output
    assert {line for line in out.stderr.splitlines() if line.startswith("left out")} == notes
    assert sum(json.loads(line)["n"] for line in out.stdout.splitlines()) == counted


def test_cli_summary_notes_both_kinds(db):
    out = CliRunner().invoke(cli, ["summary", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "left out 2 background events" in out.stdout
    assert "left out 2 events with an incomplete dyad" in out.stdout
    assert "COP" not in out.stdout and "USAMIL" not in out.stdout   # nor in the examples
    out = CliRunner().invoke(cli, ["summary", "--db", str(db), "--include-background",
                                   "--all-dyads"])
    assert out.exit_code == 0, out.output
    assert "left out" not in out.stdout and "COP" in out.stdout


@pytest.mark.parametrize(("params", "counted", "left"), [
    ({}, DEFAULT, {"background": 2, "incomplete": 2}),
    ({"include_background": 1}, BACKGROUND_IN, {"incomplete": 2}),
    ({"all_dyads": 1}, DYADS_IN, {"background": 2}),
    ({"include_background": 1, "all_dyads": 1}, ALL_IN, {}),
])
def test_api_left_out_holds_both_counts(db, params, counted, left):
    with TestClient(create_app(db)) as client:
        body = client.get("/api/roots", params=params).json()
        assert body["left_out"] == left
        assert sum(r["n"] for r in body["roots"]) == counted
        assert client.get("/api/events", params=params).json()["total"] == len(EVENTS)


def test_older_store_without_either_column_gains_both_on_open(db):
    con = duckdb.connect(str(db))
    for view in ("events_one_a_day", "event_counts"):
        con.execute(f"DROP VIEW IF EXISTS {view}")
    con.execute("ALTER TABLE events DROP COLUMN complete")
    con.execute("ALTER TABLE events DROP COLUMN background")
    con.close()
    with Store(db, read_only=True) as store:
        rows = {r["sentence_index"]: r for r in run_query(store)}
        # background cannot be recomputed from the row: the default; complete is derived
        assert {i: r["background"] for i, r in rows.items()} == dict.fromkeys(range(4), False)
        assert {i: r["complete"] for i, r in rows.items()} == {0: True, 1: True, 2: False,
                                                               3: False}
        assert left_out(store, EventQuery()) == {"background": 0, "incomplete": 2}



def test_meta_date_range_leaves_background_out(db):
    """The dashboard header's range is the news's, not a 2003 aside's; it counts those."""
    with TestClient(create_app(db)) as client:
        meta = client.get("/api/meta").json()
    assert meta["background"] == 2
    assert (meta["first_date"], meta["last_date"]) == ("2020-01-07", "2020-01-08")
