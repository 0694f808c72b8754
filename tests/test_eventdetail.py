"""`eventwire show ID` and `eventwire.eventdetail.event_detail`: one event and its evidence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest_store import FakeResult, make_event
from eventwire.cli import cli
from eventwire.errors import QueryError
from eventwire.eventdetail import event_detail
from eventwire.model import Article
from eventwire.store import Store

S0 = "Tensions rose along the border on Friday."
S1 = "Iranian forces attacked Iraqi positions near Basra on Saturday."
S2 = "Iraq's government protested to Tehran."
S4 = "Far away, talks went on."


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, list[str]]:
    events = (
        make_event(
            "A",
            sentence_index=1,
            code="190",
            source="IRNMIL",
            target="IRQMIL",
            sentence=S1,
            trigger_start=15,
            trigger_end=23,
            trigger_text="attacked",
            source_text="Iranian forces",
            source_start=0,
            source_end=14,
            target_text="Iraqi positions",
            target_start=24,
            target_end=39,
            date_text="on Saturday",
            event_date=date(2020, 1, 4),
            location_name="Basra",
            location_country="IRQ",
            latitude=30.5,
            longitude=47.8,
            location_reason="trigger_prep",
            plover_type="ASSAULT",
            rule_id="verb:attack",
        ),
        make_event("A", sentence_index=0, code="010", source=None, target=None, sentence=S0),
        make_event(
            "A", sentence_index=2, code="111", source="IRQGOV", target="IRNGOV", sentence=S2
        ),
        make_event("A", sentence_index=4, code="040", sentence=S4),
    )
    art = Article(
        id="A",
        text=" ".join([S0, S1, S2, S4]),
        pub_date=date(2020, 1, 6),
        title="Border clash",
        source="Wire",
        url="https://news.example/a",
    )
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.add_batch([FakeResult(art, events)], coder_version="test-1")
    return path, [e.event_id for e in events]


def show(path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["show", *args, "--db", str(path)], env={"COLUMNS": "100"})
    return result.exit_code, result.output


def test_show_prints_sentence_neighbours_evidence_and_link(db: tuple[Path, list[str]]) -> None:
    path, ids = db
    code, out = show(path, ids[0])
    assert code == 0, out
    assert "Iranian forces [attacked] Iraqi positions" in out  # the trigger marked
    assert S0 in out and S2 in out  # neighbours either side
    assert S4 not in out  # three sentences away
    assert "https://news.example/a" in out and "Border clash" in out
    assert "Iran (military) → Use conventional military force" in out
    for words in (
        "'Iranian forces' (characters 0-14)",
        "'Iraqi positions'",
        "rule verb:attack",
        "'on Saturday'",
        "Basra",
        "the place the verb's preposition names",
        "Fight",
        "ASSAULT (Assault)",
    ):
        assert words in out, words
    assert max(len(ln) for ln in out.splitlines()) <= 100


def test_show_names_a_missing_actor_as_unknown(db: tuple[Path, list[str]]) -> None:
    path, ids = db
    code, out = show(path, ids[1])
    assert code == 0
    assert out.splitlines()[0].startswith("unknown →")
    assert "no source actor was found or resolved" in out


def test_show_takes_a_unique_prefix_and_json(db: tuple[Path, list[str]]) -> None:
    path, ids = db
    code, out = show(path, ids[0][:8], "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["event"]["event_id"] == ids[0]
    assert [n["sentence_index"] for n in data["neighbours"]] == [0, 1, 2]
    assert {f["field"] for f in data["fields"]} == {
        "action",
        "source",
        "target",
        "date",
        "place",
        "confidence",
    }
    assert data["labels"]["root_label"] == "Fight"


def test_show_of_an_unknown_id_is_one_line(db: tuple[Path, list[str]]) -> None:
    path, _ = db
    code, out = show(path, "nosuchevent")
    assert code == 2
    assert out.strip().splitlines() == [
        "Error: no event with id 'nosuchevent'; ids are in the event_id column of "
        "`eventwire query --format jsonl`"
    ]


def test_an_ambiguous_prefix_is_refused(tmp_path: Path) -> None:
    events = tuple(
        make_event("B", sentence_index=i, event_id=f"abcdef{i}0000000000000") for i in range(2)
    )
    path = tmp_path / "two.duckdb"
    with Store(path) as store:
        store.add_batch([FakeResult(Article(id="B", text="t"), events)], coder_version="t")
    with Store(path, read_only=True) as store:
        with pytest.raises(QueryError, match="several events"):
            event_detail(store, "abcdef")
        assert event_detail(store, "abcdef1").event["event_id"] == "abcdef10000000000000"
        with pytest.raises(QueryError, match="no event"):
            event_detail(store, "abc")  # too short to be read as a prefix
