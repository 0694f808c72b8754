"""The analyst's questions over HTTP: both directions of a dyad, labels, downloads, facets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    client: TestClient, stored: tuple[Path, list[Event]]
) -> None:
    events = stored[1]
    want = sorted(e.event_id for e in events if between(e, "IRN", "IRQ"))
    one_way = [
        e
        for e in events
        if (e.source_code or "").startswith("IRN") and (e.target_code or "").startswith("IRQ")
    ]
    assert 0 < len(one_way) < len(want)
    body = client.get("/api/events", params={"between": "irn,IRQ", "limit": 1000}).json()
    assert sorted(e["event_id"] for e in body["events"]) == want
    assert {(e["source_code"][:3], e["target_code"][:3]) for e in body["events"]} == {
        ("IRN", "IRQ"),
        ("IRQ", "IRN"),
    }
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
    res = CliRunner().invoke(
        cli,
        [
            "query",
            "--db",
            str(path),
            "--between",
            "IRN,IRQ",
            "--format",
            "jsonl",
            "--limit",
            "1000",
        ],
    )
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert sorted(r["event_id"] for r in rows) == sorted(
        e.event_id for e in events if between(e, "IRN", "IRQ")
    )
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
    client: TestClient, stored: tuple[Path, list[Event]]
) -> None:
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
    results = [
        FakeResult(
            Article(id=f"a{i}", text=f"Iran met Iraq {i}."),
            (make_event(f"a{i}", code="040", source="IRNGOV", target="IRQGOV"),),
        )
        for i in range(n)
    ]
    with Store(path) as store:
        store.add_batch(results)
    with TestClient(create_app(path)) as c:
        r = c.get("/api/events.jsonl")
        assert r.status_code == 200
        assert len(r.text.splitlines()) == n


# --------------------------------------------------------------------------- facets


def test_facets_count_the_filtered_events(
    client: TestClient, stored: tuple[Path, list[Event]]
) -> None:
    events = [e for e in stored[1] if (e.source_code or "").startswith("IRN")]
    f = client.get("/api/facets", params={"dyad": "IRN:"}).json()["facets"]
    assert set(f) == {"root", "quad", "source_country", "target_country", "country", "year"}
    assert f["source_country"] == [{"value": "IRN", "n": len(events), "label": "Iran"}]
    roots = {x["value"]: x["n"] for x in f["root"]}
    assert roots == {
        r: sum(e.cameo_root == r for e in events) for r in {e.cameo_root for e in events}
    }
    assert sum(x["n"] for x in f["year"]) == len(events)
    assert all(x["label"] for x in f["root"] + f["quad"] + f["target_country"])


# --------------------------------------------------------------------------- event page


def test_event_page_shows_fields_reasons_neighbours_and_link(
    client: TestClient, stored: tuple[Path, list[Event]]
) -> None:
    events = stored[1]
    # an article with two coded sentences: art0 (i % 3 == 0)
    ev = next(e for e in events if e.article_id == "art0" and e.sentence_index == 0)
    other = next(e for e in events if e.article_id == "art0" and e.sentence_index == 1)
    r = client.get(f"/event/{ev.event_id}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<mark class="trg">signed</mark>' in page
    assert "rule rule.057 matched the trigger" in page
    assert "Tehran" in page and "a place named in the sentence" in page
    assert 'href="https://news.example/0"' in page
    assert other.sentence in page and f'href="/event/{other.event_id}"' in page
    assert "Iran" in page and "Iraq" in page


def test_event_page_escapes_and_says_unknown(tmp_path: Path) -> None:
    from conftest_store import FakeResult, make_event
    from eventwire.model import Article
    from eventwire.store import Store

    sentence = "<script>alert(1)</script> protesters marched."
    ev = make_event(
        "x1",
        code="141",
        source=None,
        target=None,
        sentence=sentence,
        source_text=None,
        target_text=None,
    )
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.add_batch([FakeResult(Article(id="x1", text=sentence), (ev,))])
    with TestClient(create_app(path)) as c:
        page = c.get(f"/event/{ev.event_id}").text
        assert "<script>alert" not in page and "alert(1)&lt;/script&gt;" in page
        assert "no source actor was found" in page and "no target actor was found" in page
        assert "source –" not in page
        assert c.get("/event/nope").status_code == 404


# --------------------------------------------------------------------------- SQL


def test_sql_api_reads_and_refuses_writes(
    client: TestClient, stored: tuple[Path, list[Event]]
) -> None:
    r = client.post("/api/sql", json={"sql": "SELECT count(*) AS n FROM events"})
    assert r.status_code == 200
    assert r.json()["columns"] == ["n"] and r.json()["rows"] == [[len(stored[1])]]
    for bad in (
        "DELETE FROM events",
        "SELECT 1; DROP TABLE events",
        "SELECT * FROM read_csv('/etc/passwd')",
        "ATTACH 'x.db'",
    ):
        r = client.post("/api/sql", json={"sql": bad})
        assert r.status_code == 400, bad
        assert "read-only" in r.json()["error"]
        assert "/etc" not in r.json()["error"]
    assert client.post("/api/sql", json={"sql": "SELECT count(*) FROM events"}).json()["rows"] == [
        [len(stored[1])]
    ]


def test_sql_row_limit_and_time_limit(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    r = client.post("/api/sql", json={"sql": "SELECT * FROM events", "limit": 3}).json()
    assert len(r["rows"]) == 3 and r["truncated"] is True
    r = client.post("/api/sql", json={"sql": "SELECT * FROM range(5)", "limit": 5}).json()
    assert len(r["rows"]) == 5 and r["truncated"] is False
    assert client.post("/api/sql", json={"sql": "SELECT 1", "limit": 5000}).status_code == 422
    import eventwire.web.pages as pages

    monkeypatch.setattr(pages, "SQL_TIMEOUT", 0.3)
    r = client.post(
        "/api/sql",
        json={"sql": "SELECT sum(a.range * b.range) FROM range(100000000) a, range(1000) b"},
    )
    assert r.status_code == 400 and "longer than 0.3 s" in r.json()["error"]


def test_sql_needs_the_token_off_localhost(stored: tuple[Path, list[Event]]) -> None:
    from eventwire.config import ServeSettings

    app = create_app(stored[0], settings=ServeSettings(code_needs_token=True), code_token="s3cret")
    with TestClient(app) as c:
        body = {"sql": "SELECT 1 AS one"}
        assert c.post("/api/sql", json=body).status_code == 401
        assert (
            c.post("/api/sql", json=body, headers={"Authorization": "Bearer nope"}).status_code
            == 401
        )
        ok = c.post("/api/sql", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["rows"] == [[1]]
    assert TestClient(create_app(stored[0])).get("/sql").text.count("sql.js") == 1


def test_sql_and_other_requests_take_turns(stored: tuple[Path, list[Event]]) -> None:
    """DuckDB refuses connections of two configurations to one file in a process: the SQL
    page's guarded connection waits for the requests' connections and they for it."""
    import threading
    import time

    app = create_app(stored[0])
    state = app.state.eventwire
    with TestClient(app) as c:
        held = threading.Event()

        def hold() -> None:
            with state.reader():
                held.set()
                time.sleep(0.6)

        t = threading.Thread(target=hold)
        t.start()
        held.wait(5)
        t0 = time.monotonic()
        r = c.post("/api/sql", json={"sql": "SELECT count(*) FROM events"})
        assert r.status_code == 200, r.text
        assert time.monotonic() - t0 > 0.3  # it waited for the open connection
        t.join()

        slow = {"sql": "SELECT count(*) FROM range(60000000) a WHERE a.range % 7 = 3"}
        answers: dict[str, Any] = {}
        t = threading.Thread(target=lambda: answers.update(sql=c.post("/api/sql", json=slow)))
        t.start()
        time.sleep(0.05)
        meta = c.get("/api/meta")
        t.join()
        assert meta.status_code == 200, meta.text
        assert answers["sql"].status_code == 200, answers["sql"].text
