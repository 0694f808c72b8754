"""The analyst's questions over HTTP: both directions of a dyad, labels, downloads, facets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventwire.cli import cli
from eventwire.model import Event
from eventwire.web import create_app
from eventwire.web.downloads import MAX_DOWNLOAD

try:
    from test_web_api import build_store
except ImportError:  # pragma: no cover - run from the repository root
    from tests.test_web_api import build_store


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    path = tmp_path_factory.mktemp("analyst") / "events.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(stored: tuple[Path, list[Event]]) -> Iterator[TestClient]:
    with TestClient(create_app(stored[0])) as c:
        yield c


def between(e: Event, a: str, b: str) -> bool:
    s, t = e.source_code or "", e.target_code or ""
    return (s.startswith(a) and t.startswith(b)) or (s.startswith(b) and t.startswith(a))


# --------------------------------------------------------------------------- between


def test_between_takes_both_directions_where_a_dyad_takes_one(
        client: TestClient, stored: tuple[Path, list[Event]]) -> None:
    events = stored[1]
    want = sorted(e.event_id for e in events if between(e, "IRN", "IRQ"))
    one_way = [e for e in events if (e.source_code or "").startswith("IRN")
               and (e.target_code or "").startswith("IRQ")]
    assert 0 < len(one_way) < len(want)
    body = client.get("/api/events", params={"between": "irn,IRQ", "limit": 1000}).json()
    assert sorted(e["event_id"] for e in body["events"]) == want
    assert {(e["source_code"][:3], e["target_code"][:3]) for e in body["events"]} == {
        ("IRN", "IRQ"), ("IRQ", "IRN")}
    # the same both ways round
    back = client.get("/api/events", params={"between": "IRQ,IRN", "limit": 1000}).json()
    assert back["total"] == len(want)
    dyad = client.get("/api/events", params={"dyad": "IRN:IRQ", "limit": 1000}).json()
    assert dyad["total"] == len(one_way)


@pytest.mark.parametrize("value", ["IRN", "IRN,", ",USA", "A,B,C"])
def test_bad_between_is_a_400_sentence(client: TestClient, value: str) -> None:
    r = client.get("/api/events", params={"between": value})
    assert r.status_code == 400
    assert "A,B" in r.json()["error"]


def test_cli_query_between(stored: tuple[Path, list[Event]]) -> None:
    path, events = stored
    res = CliRunner().invoke(cli, ["query", "--db", str(path), "--between", "IRN,IRQ",
                                   "--format", "jsonl", "--limit", "1000"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert sorted(r["event_id"] for r in rows) == sorted(
        e.event_id for e in events if between(e, "IRN", "IRQ"))
    bad = CliRunner().invoke(cli, ["query", "--db", str(path), "--between", "IRN"])
    assert bad.exit_code == 2 and "A,B" in bad.output and "Traceback" not in bad.output


# --------------------------------------------------------------------------- labels


def test_rows_carry_labels_beside_codes(client: TestClient) -> None:
    ev = client.get("/api/events", params={"between": "IRN,IRQ", "limit": 1}).json()["events"][0]
    assert ev["source_label"].startswith(("Iran", "Iraq"))
    assert ev["target_label"].startswith(("Iran", "Iraq"))
    assert ev["source_label"] != ev["target_label"]
    assert ev["root_label"] and ev["root_label"][0].isupper() and not ev["root_label"].isupper()
    one = client.get(f"/api/events/{ev['event_id']}").json()
    assert one["source_label"] == ev["source_label"]


# --------------------------------------------------------------------------- downloads


def test_csv_download_has_every_matching_row_with_labels(
        client: TestClient, stored: tuple[Path, list[Event]]) -> None:
    events = stored[1]
    r = client.get("/api/events.csv", params={"between": "IRN,IRQ", "sort": "event_date"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.headers["x-row-cap"] == str(MAX_DOWNLOAD)
    rows = list(csv.DictReader(io.StringIO(r.text)))
    want = [e for e in events if between(e, "IRN", "IRQ")]
    assert int(r.headers["x-total-count"]) == len(want) == len(rows)
    assert sorted(x["event_id"] for x in rows) == sorted(e.event_id for e in want)
    assert [x["event_date"] for x in rows] == sorted(x["event_date"] for x in rows)
    assert all(x["source_label"] and x["article_url"].startswith("https://") for x in rows)


def test_jsonl_download_matches_the_api_page(client: TestClient) -> None:
    params = {"root": "04", "sort": "-event_date"}
    r = client.get("/api/events.jsonl", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in r.text.splitlines()]
    page = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert [x["event_id"] for x in rows] == [x["event_id"] for x in page["events"]]
    assert all(x["cameo_root"] == "04" for x in rows)


def test_download_refuses_unknown_parameters(client: TestClient) -> None:
    r = client.get("/api/events.csv", params={"actr": "IRN"})
    assert r.status_code == 400 and "actr" in r.json()["error"]


def test_download_streams_more_rows_than_a_page(tmp_path: Path) -> None:
    from conftest_store import FakeResult, make_event
    from eventwire.model import Article
    from eventwire.store import Store
    from eventwire.web.app import MAX_LIMIT

    path = tmp_path / "big.duckdb"
    n = MAX_LIMIT + 1500
    results = [FakeResult(Article(id=f"a{i}", text=f"Iran met Iraq {i}."),
                          (make_event(f"a{i}", code="040", source="IRNGOV", target="IRQGOV"),))
               for i in range(n)]
    with Store(path) as store:
        store.add_batch(results)
    with TestClient(create_app(path)) as c:
        r = c.get("/api/events.jsonl")
        assert r.status_code == 200
        assert len(r.text.splitlines()) == n


# --------------------------------------------------------------------------- facets


def test_facets_count_the_filtered_events(client: TestClient,
                                          stored: tuple[Path, list[Event]]) -> None:
    events = [e for e in stored[1] if (e.source_code or "").startswith("IRN")]
    f = client.get("/api/facets", params={"dyad": "IRN:"}).json()["facets"]
    assert set(f) == {"root", "quad", "source_country", "target_country", "country", "year"}
    assert f["source_country"] == [{"value": "IRN", "n": len(events), "label": "Iran"}]
    roots = {x["value"]: x["n"] for x in f["root"]}
    assert roots == {r: sum(e.cameo_root == r for e in events)
                     for r in {e.cameo_root for e in events}}
    assert sum(x["n"] for x in f["year"]) == len(events)
    assert all(x["label"] for x in f["root"] + f["quad"] + f["target_country"])
