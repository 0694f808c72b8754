"""`eventwire.open_store(path).events(**filters)`: the notebook API over a store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import eventwire
from conftest_store import FakeResult, make_event
from eventwire.errors import QueryError, ReadOnlyError, StoreError
from eventwire.model import Article
from eventwire.query import EventQuery, run_query
from eventwire.store import Store


@pytest.fixture
def path(tmp_path: Path) -> Path:
    events = (
        make_event("A", code="190", event_date=date(2020, 1, 5)),
        make_event(
            "A",
            sentence_index=1,
            code="112",
            source="USAGOV",
            target="IRNGOV",
            event_date=date(2020, 1, 8),
        ),
        make_event(
            "A",
            sentence_index=2,
            code="057",
            source="TURGOV",
            target="SYRGOV",
            event_date=date(2019, 5, 1),
        ),
    )
    p = tmp_path / "events.duckdb"
    with Store(p) as store:
        store.add_batch(
            [FakeResult(Article(id="A", text="t", pub_date=date(2020, 1, 9)), events)],
            coder_version="test-1",
        )
    return p


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "IRN"},
        {"root": "19"},
        {"since": "2020"},
        {"dyad": "USA:IRN"},
        {"code": "05*", "limit": 1},
    ],
)
def test_events_selects_what_query_selects(path: Path, filters: dict) -> None:
    with eventwire.open_store(path) as store:
        got = store.events(**filters).to_arrow_table().column("event_id").to_pylist()
    with Store(path, read_only=True) as s:
        want = [r["event_id"] for r in run_query(s, EventQuery.build(**filters))]
    assert got == want


def test_events_relation_gives_arrow_and_pandas(path: Path) -> None:
    with eventwire.open_store(path) as store:
        rel = store.events(actor="IRN")
        assert rel.arrow().read_all().num_rows == 2
        df = rel.df()
        assert sorted(df["cameo_code"]) == ["112", "190"]
        assert store.events(root="19").aggregate("count(*)").fetchall() == [(1,)]


def test_bad_filters_stores_and_writes_are_plain_errors(path: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event store"):
        eventwire.open_store(tmp_path / "none.duckdb")
    with eventwire.open_store(path) as store:
        with pytest.raises(QueryError, match="quad"):
            store.events(quad=9)
        with pytest.raises(QueryError, match=r"colour"):
            store.events(colour="red")
        with pytest.raises(ReadOnlyError):
            store.sql("DELETE FROM events")
        assert store.sql("SELECT count(*) FROM events").fetchall() == [(3,)]
