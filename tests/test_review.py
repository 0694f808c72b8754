"""The review loop: judgments over HTTP, `evaluate --judged`, `export --judged`, and the
store version the dashboard polls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventwire.cli import cli
from eventwire.model import Event
from eventwire.web import create_app

try:
    from test_web_api import build_store
except ImportError:  # pragma: no cover - run from the repository root
    from tests.test_web_api import build_store

TOKEN = "review-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Path, list[Event]]:
    path = tmp_path / "events.duckdb"
    return path, build_store(path)


def judge(
    c: TestClient,
    event_id: str,
    verdict: str,
    field: str | None = None,
    who: str = "ann",
    headers: dict[str, str] = AUTH,
) -> Any:
    return c.post(
        "/api/judgments",
        json={"event_id": event_id, "verdict": verdict, "field": field, "who": who},
        headers=headers,
    )


def test_judgments_need_write_mode_and_the_token(stored: tuple[Path, list[Event]]) -> None:
    path, events = stored
    with TestClient(create_app(path)) as ro:
        assert judge(ro, events[0].event_id, "right").status_code == 403
    with TestClient(create_app(path, write_token=TOKEN)) as c:
        assert judge(c, events[0].event_id, "right", headers={}).status_code == 401
        r = judge(c, "no-such-event", "right")
        assert r.status_code == 400 and "no event" in r.json()["error"]
        r = judge(c, events[0].event_id, "wrong")
        assert r.status_code == 400 and "field" in r.json()["error"]
        assert c.get("/api/judgments").json()["events"] == 0


def test_precision_by_root_and_field_over_http_and_cli(
    stored: tuple[Path, list[Event]], tmp_path: Path
) -> None:
    path, events = stored
    signing = [e for e in events if e.cameo_code == "057"][:2]
    meeting = [e for e in events if e.cameo_code == "040"][:2]
    with TestClient(create_app(path, write_token=TOKEN)) as c:
        before = c.get("/api/changes").json()["version"]
        assert judge(c, signing[0].event_id, "right").json() == {"stored": True, "judged": 1}
        assert c.get("/api/changes").json()["version"] != before
        judge(c, signing[1].event_id, "wrong", "place")
        judge(c, meeting[0].event_id, "wrong", "source")
        judge(c, meeting[0].event_id, "wrong", "date", who="bob")
        judge(c, meeting[1].event_id, "wrong", "root")
        judge(c, meeting[1].event_id, "right")  # ann's later right clears her wrong root
        body = c.get("/api/judgments").json()
    assert body["events"] == 4
    roots = {r["root"]: (r["judged"], r["right"]) for r in body["by_root"]}
    assert roots == {"05": (2, 1), "04": (2, 1)}
    fields = {f["field"]: f["precision"] for f in body["by_field"]}
    assert fields == {"root": 1.0, "source": 0.75, "target": 1.0, "date": 0.75, "place": 0.75}

    res = CliRunner().invoke(cli, ["evaluate", "--judged", "--db", str(path)])
    assert res.exit_code == 0, res.output
    assert "4 judged events" in res.output
    assert any(line.startswith("source") and "75.0%" in line for line in res.output.splitlines())
    assert any(line.startswith("05") and "50.0%" in line for line in res.output.splitlines())

    out = tmp_path / "judged.jsonl"
    res = CliRunner().invoke(cli, ["export", "--judged", "--db", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    arts = [json.loads(line) for line in out.read_text().splitlines()]
    gold = {e["event_id"]: e for a in arts for e in a["events"]}
    assert set(gold) == {e.event_id for e in signing + meeting}
    assert all(a["annotator"] == "judged" and a["article_id"] for a in arts)
    right = gold[signing[0].event_id]
    assert right["code"] == "057" and right["source"] == signing[0].source_code
    assert right["quote"] == signing[0].sentence and "judged_wrong" not in right
    assert gold[signing[1].event_id]["place"] is None
    assert gold[signing[1].event_id]["judged_wrong"] == ["place"]
    assert gold[meeting[0].event_id]["judged_wrong"] == ["date", "source"]
    assert gold[meeting[1].event_id]["code"] == "040"


def test_evaluate_without_gold_or_judged_is_a_sentence(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["evaluate"])
    assert res.exit_code != 0 and "--judged" in res.output and "Traceback" not in res.output
