"""`source_actors` / `target_actors` are arrays everywhere but CSV/TSV, where they are |-joined.

Round trips through the writers (JSONL, CSV, Parquet), the store, its exports, the distributed
runner's Parquet parts and the API; and the upgrade of a store an older eventwire wrote with
|-joined text columns.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from conftest_store import FakeCoder, FakeResult, make_event
from eventwire.export import export
from eventwire.io.writers import EventWriter
from eventwire.model import Article, Event
from eventwire.scale.dask_runner import PART_SCHEMA
from eventwire.store import Store
from eventwire.store.migrate import old_list_columns
from eventwire.web import create_app

SOURCES = ("SAU", "EGY", "BHR", "ARE")


def compound() -> list[Event]:
    """The Qatar blockade: four events, each listing all four sources; one with no actors."""
    events = [make_event("gulf", trigger_start=i, source=f"{code}GOV", target="QATGOV",
                         code="040", source_actors=SOURCES, target_actors=("QAT",))
              for i, code in enumerate(SOURCES)]
    events.append(make_event("gulf", trigger_start=9, source=None, target=None, code="040",
                             negated=True))
    return events


@pytest.fixture
def events() -> list[Event]:
    return compound()


@pytest.fixture
def db(tmp_path: Path, events: list[Event]) -> Path:
    path = tmp_path / "events.duckdb"
    art = Article(id="gulf", text="Saudi Arabia, Egypt, Bahrain and the UAE cut ties with Qatar.",
                  pub_date=date(2017, 6, 5))
    with Store(path) as store:
        store.add_batch([FakeResult(art, tuple(events))])
    return path


def from_row(row: dict) -> Event:
    return Event(**{k: v for k, v in row.items() if k in Event.model_fields})


def test_events_are_hashable_with_their_lists(events: list[Event]) -> None:
    assert len(set(events)) == len(events)
    assert events[0].source_actors == SOURCES and events[-1].source_actors == ()


def test_jsonl_writer_writes_arrays(tmp_path: Path, events: list[Event]) -> None:
    out = tmp_path / "e.jsonl"
    with EventWriter(out, "jsonl") as w:
        w.write(events)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["source_actors"] == list(SOURCES) and rows[0]["target_actors"] == ["QAT"]
    assert rows[-1]["source_actors"] == []
    assert [from_row(r) for r in rows] == events


def test_csv_writer_joins_lists_and_writes_true_false(tmp_path: Path,
                                                      events: list[Event]) -> None:
    out = tmp_path / "e.csv"
    with EventWriter(out, "csv") as w:
        w.write(events)
    rows = list(csv.DictReader(out.open(newline="")))
    assert rows[0]["source_actors"] == "SAU|EGY|BHR|ARE" and rows[-1]["source_actors"] == ""
    assert {r["negated"] for r in rows} == {"true", "false"}
    assert [tuple(filter(None, r["source_actors"].split("|"))) for r in rows] == [
        e.source_actors for e in events]


def test_parquet_writer_and_dask_parts_hold_list_columns(tmp_path: Path,
                                                         events: list[Event]) -> None:
    out = tmp_path / "e.parquet"
    with EventWriter(out, "parquet") as w:
        w.write(events)
    table = pq.read_table(out)
    assert table.schema.field("source_actors").type.equals(pa.list_(pa.string()))
    assert [from_row(r) for r in table.to_pylist()] == events
    assert PART_SCHEMA.field("target_actors").type.equals(pa.list_(pa.string()))


def test_the_store_keeps_lists_as_varchar_arrays(db: Path, events: list[Event]) -> None:
    with Store(db, read_only=True) as store:
        types = dict(store.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'events' AND column_name LIKE '%_actors'").fetchall())
        rows = store.con.sql("SELECT * FROM events ORDER BY trigger_start"
                             ).to_arrow_table().to_pylist()
        (n,) = store.con.execute(
            "SELECT count(*) FROM events WHERE list_contains(source_actors, 'EGY')").fetchone()
    assert types == {"source_actors": "VARCHAR[]", "target_actors": "VARCHAR[]"}
    assert [from_row(r) for r in rows] == events
    assert n == 4


def test_exports_write_arrays_in_jsonl_and_parquet_and_join_them_in_csv(
        db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        export(store, None, tmp_path / "e.jsonl", "jsonl")
        export(store, None, tmp_path / "e.csv", "csv")
        export(store, None, tmp_path / "pq", "parquet")
        export(store, None, tmp_path / "e.tsv", "gdelt")
    jl = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert sorted(r["source_actors"] for r in jl) == [[]] + [list(SOURCES)] * 4
    rows = list(csv.DictReader((tmp_path / "e.csv").open(newline="")))
    assert sorted(r["source_actors"] for r in rows) == [""] + ["SAU|EGY|BHR|ARE"] * 4
    assert {r["negated"] for r in rows} == {"true", "false"}
    back = duckdb.sql(f"SELECT source_actors FROM read_parquet('{tmp_path}/pq/**/*.parquet')"
                      ).fetchall()
    assert sorted(r[0] for r in back) == [[]] + [list(SOURCES)] * 4
    assert all(len(line.split("\t")) == 61
               for line in (tmp_path / "e.tsv").read_text().splitlines())


def test_the_api_returns_arrays(db: Path) -> None:
    with TestClient(create_app(db, coder_factory=FakeCoder)) as client:
        page = client.get("/api/events", params={"actor": "EGY"}).json()["events"]
        assert page[0]["source_actors"] == list(SOURCES)
        one = client.get(f"/api/events/{page[0]['event_id']}").json()
        assert one["target_actors"] == ["QAT"]
        coded = client.post("/api/code", json={"text": "Iran signed a deal with Iraq."}).json()
        assert coded["events"][0]["source_actors"] == []


# --------------------------------------------------------------------------- older stores


def old_store(path: Path) -> None:
    """A store as eventwire wrote it before the lists: VARCHAR columns, |-joined or NULL."""
    with Store(path) as store:
        store.add_batch([FakeResult(Article(id="old", text="Iran met Iraq."),
                                    (make_event("old"), make_event("old", trigger_start=3)))])
        con = store.con
        for col in ("source_actors", "target_actors"):
            con.execute(f"ALTER TABLE events ALTER {col} DROP NOT NULL")
            con.execute(f"ALTER TABLE events ALTER {col} SET DATA TYPE VARCHAR USING NULL")
        con.execute("UPDATE events SET source_actors = 'IRN||SYR', target_actors = 'IRQ' "
                    "WHERE trigger_start = 0")


@pytest.mark.parametrize("read_only", [True, False])
def test_a_store_with_joined_text_lists_is_upgraded_on_open(tmp_path: Path,
                                                             read_only: bool) -> None:
    path = tmp_path / "old.duckdb"
    old_store(path)
    with Store(path, read_only=read_only) as store:
        rows = store.con.execute("SELECT source_actors, target_actors FROM events "
                                 "ORDER BY trigger_start").fetchall()
        assert rows == [(["IRN", "SYR"], ["IRQ"]), ([], [])]
        assert not old_list_columns(store.con)
    with Store(path) as store:  # new rows go in as before
        store.add_batch([FakeResult(Article(id="new", text="Iran signed with Iraq."),
                                    compound()[:1])])
        assert store.count("events") == 3


def test_parquet_parts_of_an_older_run_with_joined_text_are_loaded(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    parts.mkdir()
    con = duckdb.connect()
    ev = make_event("pq").model_dump(mode="json")
    ev.update(source_actors="IRN|SYR", target_actors=None)
    con.execute("CREATE TABLE t AS SELECT * FROM (SELECT unnest([?::JSON]) AS j)",
                [json.dumps(ev)])
    cols = ", ".join(f"j->>'{k}' AS {k}" for k in ev)
    con.execute(f"COPY (SELECT {cols} FROM t) TO '{parts}/part-00000.parquet' (FORMAT parquet)")
    con.close()
    with Store(tmp_path / "e.duckdb") as store:
        stats = store.load_parquet(parts)
        rows = store.con.execute("SELECT source_actors, target_actors FROM events").fetchall()
    assert stats.events == 1 and rows == [(["IRN", "SYR"], [])]
