"""The complete-dyad flag: derived on every Event, stored (older stores upgraded on open), and
the default of the aggregate views (CLI top / summary / plot dyads, the dashboard's API)."""

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
from eventwire.model import Article, Event, actor_known
from eventwire.query import EventQuery, left_out, run_query, top_actors, top_dyads
from eventwire.store import Store
from eventwire.web import create_app


@pytest.mark.parametrize(("code", "country", "known"), [
    ("IRNGOV", "IRN", True),
    ("IGOUNO", None, True),          # a known international group
    ("NGOAMN", None, True),
    ("NGO", None, False),            # "an aid group": no group named
    ("MNC", None, False),
    ("INT", None, False),            # "the international community"
    ("UIS", None, False),            # an unidentified state actor
    ("GOV", None, False),            # a sector without a country
    (None, None, False),
])
def test_actor_known(code, country, known):
    assert actor_known(code, country) is known


def test_event_complete_is_derived_from_both_actors():
    assert make_event(source="IRNGOV", target="IRQGOV").complete
    assert make_event(source="IRNGOV", target="IGOUNO", target_country=None).complete
    assert not make_event(source=None, target="IRQGOV").complete
    assert not make_event(source="IRNGOV", target="COP", target_country=None).complete
    # a caller cannot claim it: the flag follows the actor fields
    assert not make_event(source="IRNGOV", target=None, complete=True).complete
    row = make_event(source="IRNGOV", target=None).to_row()
    assert row["complete"] is False and Event(**row).complete is False


# three complete events (two IRNGOV->IRQGOV, one IRNGOV->IGOUNO), two incomplete
EVENTS = (
    make_event("A1", code="057", source="IRNGOV", target="IRQGOV"),
    make_event("A1", sentence_index=1, code="057", source="IRNGOV", target="IRQGOV"),
    make_event("A1", sentence_index=2, code="040", source="IRNGOV", target="IGOUNO",
               target_country=None),
    make_event("A1", sentence_index=3, code="190", source="COP", target="IRQGOV",
               source_country=None),
    make_event("A1", sentence_index=4, code="112", source="IRNGOV", target=None),
)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    art = Article(id="A1", text="Iran and Iraq.", pub_date=date(2017, 7, 23))
    with Store(path) as store:
        store.add_batch([FakeResult(art, EVENTS)], coder_version="t")
    return path


def test_store_keeps_the_flag(db):
    with Store(db, read_only=True) as store:
        rows = run_query(store)
    assert sorted(r["complete"] for r in rows) == [False, False, True, True, True]


@pytest.mark.parametrize("read_only", [True, False])
def test_older_store_without_the_column_is_upgraded_on_open(db, read_only):
    con = duckdb.connect(str(db))
    for view in ("events_one_a_day", "event_counts"):
        con.execute(f"DROP VIEW IF EXISTS {view}")
    con.execute("ALTER TABLE events DROP COLUMN complete")
    con.close()
    with Store(db, read_only=read_only) as store:
        rows = run_query(store)
        flags = {r["sentence_index"]: r["complete"] for r in rows}
    assert flags == {0: True, 1: True, 2: True, 3: False, 4: False}
    con = duckdb.connect(str(db), read_only=True)
    nullable = con.execute("SELECT is_nullable FROM information_schema.columns "
                           "WHERE table_name = 'events' AND column_name = 'complete'").fetchone()
    con.close()
    assert nullable == ("NO",)


def test_parquet_without_the_column_is_derived_on_load(db, tmp_path):
    out = tmp_path / "pq"
    out.mkdir()
    con = duckdb.connect(str(db), read_only=True)
    con.execute(f"COPY (SELECT * EXCLUDE (complete) FROM events) TO '{out / 'e.parquet'}'")
    con.close()
    with Store(tmp_path / "new.duckdb") as store:
        store.load_parquet(out)
        rows = run_query(store)
    assert sorted(r["complete"] for r in rows) == [False, False, True, True, True]


def test_aggregates_keep_complete_dyads_and_count_the_rest(db):
    with Store(db, read_only=True) as store:
        q = EventQuery()
        assert left_out(store, q) == {"background": 0, "incomplete": 2}
        dyads = {d["dyad"]: d["n"] for d in top_dyads(store, q)}
        assert dyads == {"IRNGOV:IRQGOV": 2, "IRNGOV:IGOUNO": 1}
        assert {a["actor"] for a in top_actors(store, q)} == {"IRNGOV", "IRQGOV", "IGOUNO"}
        everything = EventQuery(all_dyads=True)
        assert left_out(store, everything) == {"background": 0}
        assert {a["actor"] for a in top_actors(store, everything)} >= {"COP"}
        # the count follows the other filters
        assert left_out(store, EventQuery(code="190"))["incomplete"] == 1
        # the event list keeps them, flagged; its aggregate view does not
        assert len(run_query(store, q)) == 5
        assert {r["complete"] for r in run_query(store, q, aggregate=True)} == {True}


def test_cli_top_uses_complete_dyads_and_says_how_many_it_left_out(db):
    runner = CliRunner()
    out = runner.invoke(cli, ["top", "actors", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    actors = {json.loads(line)["actor"] for line in out.stdout.splitlines()}
    assert "COP" not in actors and "IGOUNO" in actors
    assert "left out 2 events with an incomplete dyad; --all-dyads counts them" in out.stderr
    out = runner.invoke(cli, ["top", "actors", "--db", str(db), "--format", "jsonl",
                              "--all-dyads"])
    assert out.exit_code == 0, out.output
    assert "COP" in {json.loads(line)["actor"] for line in out.stdout.splitlines()}
    assert "left out" not in out.stderr


def test_cli_summary_uses_complete_dyads(db):
    out = CliRunner().invoke(cli, ["summary", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "left out 2 events with an incomplete dyad" in out.stdout
    assert "COP" not in out.stdout and "IGOUNO" in out.stdout
    out = CliRunner().invoke(cli, ["summary", "--db", str(db), "--all-dyads"])
    assert out.exit_code == 0, out.output
    assert "left out" not in out.stdout and "COP" in out.stdout


@pytest.fixture()
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.mark.parametrize(("path", "key"), [
    ("/api/series", "series"), ("/api/actors", "actors"),
    ("/api/dyads", "dyads"), ("/api/roots", "roots"), ("/api/countries", "countries"),
    ("/api/locations", "locations"),
])
def test_api_uses_complete_dyads_and_says_how_many_it_left_out(client, path, key):
    body = client.get(path).json()
    kinds = {k: v for k, v in body["left_out"].items() if k != "imprecise"}  # series: by date
    assert kinds == {"background": 0, "incomplete": 2}
    every = client.get(path, params={"all_dyads": 1}).json()
    assert "incomplete" not in every["left_out"] and every["left_out"]["background"] == 0
    if path == "/api/roots":
        assert sum(r["n"] for r in body[key]) == 3 and sum(r["n"] for r in every[key]) == 5


def test_api_event_list_keeps_incomplete_dyads_and_flags_them(client):
    body = client.get("/api/events").json()
    assert body["total"] == 5 and "left_out" not in body
    assert sorted(r["complete"] for r in body["events"]) == [False, False, True, True, True]


def test_api_all_dyads_brings_back_the_incomplete_events(client):
    actors = {a["actor"] for a in client.get("/api/actors").json()["actors"]}
    assert "COP" not in actors
    actors = {a["actor"] for a in client.get("/api/actors?all_dyads=1").json()["actors"]}
    assert "COP" in actors
    assert client.get("/api/actors?all_dyads=maybe").status_code in (400, 422)
