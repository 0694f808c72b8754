"""Background events and date precision across the store, the queries, the CLI and the API:
aggregates leave background events out by default and say how many; a series leaves out
events dated less precisely than its period; dates show as their precision allows."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest_store import FakeCoder, FakeResult, make_event
from eventwire.io.writers import EventWriter
from eventwire.model import Article, Event
from eventwire.query import (
    EventQuery,
    counts_by_country,
    counts_by_root,
    left_out,
    run_query,
    series,
    top_actors,
    top_dyads,
)
from eventwire.store import Store
from eventwire.web.app import create_app

PUB = date(2020, 1, 8)


def _events() -> list[Event]:
    """Five events of one article: three news of the week (one dated only to January), two
    background acts (2003 and March 2019)."""
    return [
        make_event("B1", sentence_index=0, code="190", source="IRNMIL", target="USAMIL",
                   event_date=date(2020, 1, 7), pub_date=PUB, location_country="IRQ"),
        make_event("B1", sentence_index=1, code="112", source="USAGOV", target="IRNGOV",
                   event_date=date(2020, 1, 8), pub_date=PUB, location_country="USA"),
        make_event("B1", sentence_index=2, code="057", source="IRQGOV", target="IRNGOV",
                   event_date=date(2020, 1, 1), pub_date=PUB, date_precision="month",
                   date_text="in January", location_country="IRQ"),
        make_event("B1", sentence_index=3, code="190", source="USAMIL", target="IRQ",
                   event_date=date(2003, 1, 1), pub_date=PUB, date_precision="year",
                   date_text="In 2003", background=True, location_country="IRQ"),
        make_event("B1", sentence_index=4, code="111", source="IRNGOV", target="USAGOV",
                   event_date=date(2019, 3, 1), pub_date=PUB, date_precision="month",
                   date_text="in March 2019", background=True, location_country="IRN"),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bg") / "events.duckdb"
    art = Article(id="B1", text="Iran struck. The US condemned it.", pub_date=PUB)
    with Store(path) as store:
        store.add_batch([FakeResult(art, tuple(_events()))], coder_version="test-1")
    return path


@pytest.fixture(scope="module")
def store(db: Path):  # type: ignore[no-untyped-def]
    with Store(db, read_only=True) as s:
        yield s


# ------------------------------------------------------------------ the query layer


@pytest.mark.parametrize(("aggregate", "total"), [
    (lambda s, q: sum(r["n"] for r in top_actors(s, q, n=50)), (6, 10)),  # 2 actors an event
    (lambda s, q: sum(r["n"] for r in top_dyads(s, q, n=50)), (3, 5)),
    (lambda s, q: sum(r["n"] for r in counts_by_root(s, q)), (3, 5)),
    (lambda s, q: sum(r["n"] for r in counts_by_country(s, q)), (3, 5)),
    (lambda s, q: sum(r["n"] for r in series(s, q, by="year")), (3, 5)),
])
def test_aggregates_leave_background_out_unless_asked(store, aggregate, total):
    assert aggregate(store, EventQuery()) == total[0]
    assert aggregate(store, EventQuery(include_background=True)) == total[1]


def test_left_out_counts_the_background_events_of_the_query(store):
    assert left_out(store, EventQuery()) == {"background": 2}
    assert left_out(store, EventQuery(country="IRN")) == {"background": 1}
    assert left_out(store, EventQuery(include_background=True)) == {}


def test_the_event_list_keeps_background_events_and_flags_them(store):
    rows = run_query(store, EventQuery())
    assert len(rows) == 5
    assert sorted(r["sentence_index"] for r in rows if r["background"]) == [3, 4]


@pytest.mark.parametrize(("by", "counted", "imprecise"), [
    ("day", 2, 1),     # "in January" is no day: left out of a day series
    ("week", 2, 1),
    ("month", 3, 0),   # ... but counts in January
    ("year", 3, 0),
])
def test_series_bins_an_event_only_as_finely_as_its_date(store, by, counted, imprecise):
    rows = series(store, EventQuery(), by=by)
    assert sum(r["n"] for r in rows) == counted
    got = left_out(store, EventQuery(), by=by)
    assert got.get("imprecise", 0) == imprecise and got["background"] == 2


@pytest.mark.parametrize(("by", "labels"), [
    ("day", ["2020-01-07", "2020-01-08"]), ("month", ["2020-01"]), ("year", ["2020"]),
])
def test_series_rows_are_labelled_at_their_period(store, by, labels):
    assert [r["label"] for r in series(store, EventQuery(), by=by)] == labels


def test_event_rows_show_the_date_as_its_precision_allows(store):
    rows = {r["sentence_index"]: r for r in run_query(store, EventQuery())}
    assert [rows[i]["event_period"] for i in range(5)] == [
        "2020-01-07", "2020-01-08", "2020-01", "2003", "2019-03"]


# ------------------------------------------------------------------ store and writers


def test_an_older_store_gains_the_background_column_on_open(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    art = Article(id="B1", text="Iran struck.", pub_date=PUB)
    with Store(path) as s:
        s.add_batch([FakeResult(art, tuple(_events()[:2]))], coder_version="test-1")
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW IF EXISTS events_one_a_day")
    con.execute("ALTER TABLE events DROP COLUMN background")
    con.close()
    with Store(path, read_only=True) as s:   # upgraded once, then read as asked
        rows = run_query(s, EventQuery())
        assert [r["background"] for r in rows] == [False, False]
        assert left_out(s, EventQuery()) == {"background": 0}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_writers_carry_the_background_flag(tmp_path: Path, fmt: str):
    out = tmp_path / f"events.{fmt}"
    with EventWriter(out, fmt) as w:  # type: ignore[arg-type]
        w.write(_events())
    if fmt == "jsonl":
        flags = [json.loads(line)["background"] for line in out.read_text().splitlines()]
    elif fmt == "csv":
        flags = [r["background"] == "true" for r in csv.DictReader(out.open())]
    else:
        import pyarrow.parquet as pq

        flags = pq.read_table(out).column("background").to_pylist()
    assert flags == [False, False, False, True, True]


# ------------------------------------------------------------------ CLI and API


def _cli():  # type: ignore[no-untyped-def]
    import click

    from eventwire.cli_store import register

    @click.group()
    def group() -> None:
        pass

    register(group)
    return group


@pytest.mark.parametrize("args", [["series", "--by", "year"], ["top", "actors"],
                                  ["top", "dyads"], ["top", "roots"], ["top", "countries"]])
def test_cli_aggregates_say_how_many_background_events_they_left_out(db, args):
    runner = CliRunner()
    out = runner.invoke(_cli(), [*args, "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert "left out 2 background events; --include-background counts them" in out.stderr
    back = runner.invoke(_cli(), [*args, "--db", str(db), "--format", "jsonl",
                                  "--include-background"])
    assert back.exit_code == 0 and "left out" not in back.stderr
    assert len(back.stdout.splitlines()) >= len(out.stdout.splitlines())


def test_cli_series_by_day_says_it_left_out_imprecise_dates(db):
    out = CliRunner().invoke(_cli(), ["series", "--by", "day", "--db", str(db),
                                      "--format", "jsonl", "--include-background"])
    assert out.exit_code == 0, out.output
    # with background events in: "in January", "In 2003" and "in March 2019"
    assert "left out 3 less precisely dated events; a longer --by counts them" in out.stderr
    assert [json.loads(line)["label"] for line in out.stdout.splitlines()] == [
        "2020-01-07", "2020-01-08"]


def test_cli_query_table_shows_month_and_year_dates(db):
    out = CliRunner().invoke(_cli(), ["query", "--db", str(db)])
    assert out.exit_code == 0, out.output
    firsts = [line.split()[0] for line in out.stdout.splitlines()[2:]]
    assert sorted(firsts) == ["2003", "2019-03", "2020-01", "2020-01-07", "2020-01-08"]


@pytest.fixture(scope="module")
def client(db: Path):  # type: ignore[no-untyped-def]
    with TestClient(create_app(db, coder_factory=FakeCoder)) as c:
        yield c


@pytest.mark.parametrize(("path", "key"), [
    ("/api/series?by=year", "series"), ("/api/actors", "actors"), ("/api/dyads", "dyads"),
    ("/api/roots", "roots"), ("/api/countries", "countries"), ("/api/locations", "locations"),
])
def test_api_aggregates_return_the_count_left_out(client, path, key):
    sep = "&" if "?" in path else "?"
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.json()["left_out"] == {"background": 2}
    back = client.get(f"{path}{sep}include_background=1")
    assert back.status_code == 200 and back.json()["left_out"] == {}


def test_api_series_counts_background_only_when_asked(client):
    def total(url: str) -> int:
        return sum(row["n"] for row in client.get(url).json()["series"])

    assert total("/api/series?by=year") == 3
    assert total("/api/series?by=year&include_background=1") == 5
    assert client.get("/api/series?by=day").json()["left_out"] == {"background": 2,
                                                                   "imprecise": 1}


def test_api_events_carry_background_and_event_period(client):
    rows = client.get("/api/events?limit=10").json()["events"]
    by_index = {r["sentence_index"]: r for r in rows}
    assert by_index[3]["background"] is True and by_index[3]["event_period"] == "2003"
    assert by_index[2]["background"] is False and by_index[2]["event_period"] == "2020-01"
