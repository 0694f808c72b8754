"""REST API of `eventwire serve` (eventwire.web.app) on a hand-made fixture store."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest_store import FakeCoder, FakeResult, make_event
from eventwire.model import Article, Event
from eventwire.store import Store
from eventwire.web import create_app
from eventwire.web.app import MAX_LIMIT, MAX_TEXT_CHARS, STATIC

# (source name, code, verb, CAMEO code, target name, code, place, place country, lat, lon)
STORIES: tuple[tuple[str, str, str, str, str, str, str, str, float, float], ...] = (
    ("Iran", "IRNGOV", "signed a memorandum of understanding with", "057", "Iraq", "IRQGOV",
     "Tehran", "IRN", 35.69, 51.42),
    ("Iraq", "IRQGOV", "met", "040", "Iran", "IRNGOV", "Baghdad", "IRQ", 33.34, 44.40),
    ("Turkey", "TURGOV", "accused", "112", "Syria", "SYRGOV", "Ankara", "TUR", 39.92, 32.85),
    ("Syrian rebels", "SYRREB", "attacked", "190", "Syrian troops", "SYRMIL", "Aleppo", "SYR",
     36.20, 37.16),
    ("Russia", "RUSGOV", "sent aid to", "0331", "Syria", "SYRGOV", "Damascus", "SYR",
     33.51, 36.29),
    ("Iran", "IRNGOV", "met", "040", "Turkey", "TURGOV", "Istanbul", "TUR", 41.01, 28.98),
)
QUAD = {"057": (1, 8.0), "040": (1, 1.0), "112": (3, -2.0), "190": (4, -10.0),
        "0331": (2, 5.2)}
START = date(2017, 1, 2)


def fixture_events() -> list[tuple[Article, tuple[Event, ...]]]:
    """30 articles over 30 weeks of 2017, one or two events each, with real offsets."""
    out = []
    for i in range(30):
        day = START + timedelta(days=7 * i)
        picks = [STORIES[i % len(STORIES)]] + ([STORIES[(i + 2) % len(STORIES)]] if i % 3 == 0
                                               else [])
        sentences = []
        events = []
        for k, (src, scode, verb, code, tgt, tcode, place, country, lat, lon) in enumerate(picks):
            sentence = f"{src} {verb} {tgt} in {place} on Monday, report {i}-{k} said."
            t0 = len(src) + 1
            g0 = t0 + len(verb) + 1
            quad, goldstein = QUAD[code]
            sentences.append(sentence)
            events.append(make_event(
                f"art{i}", sentence_index=k, code=code, source=scode, target=tcode,
                event_date=day, sentence=sentence, trigger_start=t0,
                trigger_end=t0 + len(verb.split()[0]), trigger_text=verb.split()[0],
                source_text=src, source_start=0, source_end=len(src),
                target_text=tgt, target_start=g0, target_end=g0 + len(tgt),
                quad_class=quad, goldstein=goldstein, rule_id=f"rule.{code}",
                location_name=place, location_country=country, latitude=lat, longitude=lon,
                location_reason="sentence"))
        article = Article(id=f"art{i}", text=" ".join(sentences), pub_date=day,
                          title=f"Report {i}", url=f"https://news.example/{i}",
                          source=f"outlet{i % 3}")
        out.append((article, tuple(events)))
    return out


def build_store(path: Path) -> list[Event]:
    """A store at `path` holding `fixture_events()`; returns its events."""
    batch = fixture_events()
    with Store(path) as store:
        store.add_batch([FakeResult(a, evs) for a, evs in batch])
    return [e for _, evs in batch for e in evs]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(stored: tuple[Path, list[Event]]) -> Iterator[TestClient]:
    with TestClient(create_app(stored[0], coder_factory=FakeCoder)) as c:
        yield c


@pytest.fixture(scope="module")
def events(stored: tuple[Path, list[Event]]) -> list[Event]:
    return stored[1]


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    return body["error"]


# --------------------------------------------------------------------------- GET /api/events


def test_events_page_has_total_paging_and_article(client: TestClient,
                                                  events: list[Event]) -> None:
    r = client.get("/api/events", params={"limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(events) and body["limit"] == 5 and body["offset"] == 0
    assert len(body["events"]) == 5
    first = body["events"][0]
    assert first["event_date"] == max(e.event_date for e in events if e.event_date).isoformat()
    assert first["article_title"].startswith("Report ")
    assert first["article_url"].startswith("https://news.example/")
    assert first["cameo_label"]


def test_events_pages_do_not_overlap_and_cover_all(client: TestClient,
                                                   events: list[Event]) -> None:
    seen: list[str] = []
    for offset in range(0, len(events) + 7, 7):
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        seen += [e["event_id"] for e in page["events"]]
    assert sorted(seen) == sorted(e.event_id for e in events)


def test_events_sort_by_goldstein(client: TestClient) -> None:
    up = client.get("/api/events", params={"sort": "goldstein", "limit": 100}).json()["events"]
    down = client.get("/api/events", params={"sort": "-goldstein", "limit": 100}).json()["events"]
    assert [e["goldstein"] for e in up] == sorted(e["goldstein"] for e in up)
    assert up[0]["goldstein"] == -10.0 and down[0]["goldstein"] == 8.0


FILTERS: list[tuple[dict[str, str], Callable[[Event], bool]]] = [
    ({"actor": "IRN"}, lambda e: (e.source_code or "").startswith("IRN")
        or (e.target_code or "").startswith("IRN")),
    ({"actor": "syrreb"}, lambda e: e.source_code == "SYRREB" or e.target_code == "SYRREB"),
    ({"dyad": "IRN:IRQ"}, lambda e: e.source_code == "IRNGOV" and e.target_code == "IRQGOV"),
    ({"dyad": ":SYR"}, lambda e: (e.target_code or "").startswith("SYR")),
    ({"code": "057"}, lambda e: e.cameo_code == "057"),
    ({"code": "03*"}, lambda e: e.cameo_code.startswith("03")),
    ({"root": "4"}, lambda e: e.cameo_root == "04"),
    ({"quad": "4"}, lambda e: e.quad_class == 4),
    ({"country": "tur"}, lambda e: e.location_country == "TUR"),
    ({"country": "TR"}, lambda e: e.location_country == "TUR"),
    ({"country": "Türkiye"}, lambda e: e.location_country == "TUR"),
    ({"country": "Iran"}, lambda e: e.location_country == "IRN"),
    ({"country": "IR"}, lambda e: e.location_country == "IRN"),
    ({"country": "Islamic Republic of Iran"}, lambda e: e.location_country == "IRN"),
    ({"since": "2017-03", "until": "2017-04"},
     lambda e: date(2017, 3, 1) <= e.event_date <= date(2017, 4, 30)),  # type: ignore[operator]
    ({"until": "2017-02"}, lambda e: e.event_date <= date(2017, 2, 28)),  # type: ignore[operator]
    ({"since": "2017"}, lambda e: e.event_date >= date(2017, 1, 1)),  # type: ignore[operator]
    ({"since": "2017-03-01", "until": "2017-04-30"},
     lambda e: date(2017, 3, 1) <= e.event_date <= date(2017, 4, 30)),  # type: ignore[operator]
    ({"text": "MEMORANDUM"}, lambda e: "memorandum" in e.sentence.lower()),
    ({"near": "35.7,51.4,50"}, lambda e: e.location_name == "Tehran"),
    ({"actor": "IRN", "quad": "1", "country": "IRQ"},
     lambda e: "IRN" in (e.source_code or "") + (e.target_code or "") and e.quad_class == 1
     and e.location_country == "IRQ"),
]


@pytest.mark.parametrize(("params", "keep"), FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_events_filters_match_the_events(client: TestClient, events: list[Event],
                                         params: dict[str, str],
                                         keep: Callable[[Event], bool]) -> None:
    want = sorted(e.event_id for e in events if keep(e))
    assert want, "fixture should have matching events"
    body = client.get("/api/events", params={**params, "limit": MAX_LIMIT}).json()
    assert body["total"] == len(want)
    assert sorted(e["event_id"] for e in body["events"]) == want


def test_dedup_one_a_day_adds_mention_counts(client: TestClient) -> None:
    body = client.get("/api/events", params={"dedup": "one-a-day", "sort": "-mentions"}).json()
    assert body["events"] and all(e["mentions"] >= 1 for e in body["events"])


BAD: list[tuple[str, dict[str, Any], str]] = [
    ("/api/events", {"since": "2017-13-01"}, "since"),
    ("/api/events", {"until": "yesterday"}, "until"),
    ("/api/events", {"since": "2017-1-1-1"}, "YYYY-MM"),
    ("/api/events", {"country": "Irann"}, "did you mean Iran (IRN)"),
    ("/api/countries", {"country": "Narnia"}, "unknown country"),
    ("/api/events", {"since": "2017-05-01", "until": "2017-01-01"}, "after"),
    ("/api/events", {"limit": MAX_LIMIT + 1}, "limit"),
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"quad": 5}, "quad"),
    ("/api/events", {"root": "abc"}, "root"),
    ("/api/events", {"code": "5x"}, "code"),
    ("/api/events", {"dyad": "IRN"}, "dyad"),
    ("/api/events", {"near": "35,51"}, "near"),
    ("/api/events", {"near": "95,51,10"}, "near"),
    ("/api/events", {"sort": "event_id"}, "sort"),
    ("/api/events", {"sort": "-mentions"}, "mentions"),
    ("/api/events", {"dedup": "yes"}, "dedup"),
    ("/api/events", {"text": "x" * 201}, "text"),
    ("/api/events", {"actr": "IRN"}, "unknown parameter"),
    ("/api/series", {"by": "decade"}, "by"),
    ("/api/actors", {"n": 0}, "n"),
    ("/api/dyads", {"n": 10_000}, "n"),
    ("/api/locations", {"n": -1}, "n"),
    ("/api/roots", {"limit": 5}, "unknown parameter"),
]


@pytest.mark.parametrize(("path", "params", "word"), BAD,
                         ids=[f"{p}?{q}"[:60] for p, q, _ in BAD])
def test_bad_parameters_are_400_with_a_message(client: TestClient, path: str,
                                               params: dict[str, Any], word: str) -> None:
    message = error_of(client.get(path, params=params), 400)
    assert word in message


HOSTILE = ["%", "_", "%%%_", "\\", "'", "'; DROP TABLE events; --", "\" OR 1=1 --",
           "') OR ('1'='1", "Tehrān", "日本", "\x00", "$1", "?", "sentence) UNION SELECT 1 --"]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t) for t in HOSTILE])
def test_hostile_text_filters_are_literal_substrings(client: TestClient, events: list[Event],
                                                     text: str) -> None:
    r = client.get("/api/events", params={"text": text})
    if r.status_code != 200:  # only a clear 400 is acceptable besides an answer
        error_of(r, 400)
    else:
        want = sum(text.lower() in e.sentence.lower() for e in events)
        assert r.json()["total"] == want
    assert client.get("/api/events").json()["total"] == len(events)  # store intact


# --------------------------------------------------------------------------- one event


def test_event_detail_carries_its_evidence_and_article(client: TestClient,
                                                       events: list[Event]) -> None:
    ev = next(e for e in events if e.cameo_code == "057")
    r = client.get(f"/api/events/{ev.event_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["event_id"] == ev.event_id and body["cameo_code"] == "057"
    evidence = body["evidence"]
    sentence = evidence["sentence"]
    trig, src, tgt = evidence["trigger"], evidence["source"], evidence["target"]
    assert sentence[trig["start"]:trig["end"]] == "signed" == trig["text"]
    assert sentence[src["start"]:src["end"]] == "Iran" and src["code"] == "IRNGOV"
    assert sentence[tgt["start"]:tgt["end"]] == "Iraq" and tgt["code"] == "IRQGOV"
    assert evidence["rule_id"] == "rule.057"
    art = body["article"]
    assert art["title"].startswith("Report ") and art["url"].startswith("https://news.example/")
    assert art["source"].startswith("outlet")
    assert body["cameo_label"]


@pytest.mark.parametrize(("event_id", "status"), [
    ("0123456789abcdef0123", 404), ("nope'; DROP TABLE events; --", 404), ("x" * 129, 400)])
def test_unknown_event_id(client: TestClient, event_id: str, status: int) -> None:
    message = error_of(client.get(f"/api/events/{event_id}"), status)
    assert "event" in message or "event_id" in message


def test_unknown_route_is_a_json_404(client: TestClient) -> None:
    error_of(client.get("/api/nothing"), 404)


# --------------------------------------------------------------------------- aggregates


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_series_counts_add_up(client: TestClient, events: list[Event], by: str) -> None:
    rows = client.get("/api/series", params={"by": by}).json()["series"]
    assert sum(r["n"] for r in rows) == len(events)
    assert all(r["n"] == sum(r[f"quad{q}"] for q in range(1, 5)) for r in rows)
    assert all(-10 <= r["goldstein_mean"] <= 10 for r in rows)


def test_dyad_series_with_fill_lists_empty_weeks(client: TestClient, events: list[Event]) -> None:
    rows = client.get("/api/series", params={"dyad": "IRN:IRQ", "by": "week",
                                             "fill": "true"}).json()["series"]
    want = sum(e.source_code == "IRNGOV" and e.target_code == "IRQGOV" for e in events)
    assert sum(r["n"] for r in rows) == want
    assert any(r["n"] == 0 for r in rows)


def test_top_actors_and_dyads(client: TestClient, events: list[Event]) -> None:
    actors = client.get("/api/actors", params={"n": 3}).json()["actors"]
    assert len(actors) == 3 and actors[0]["n"] >= actors[1]["n"] >= actors[2]["n"]
    dyads = client.get("/api/dyads", params={"n": 50}).json()["dyads"]
    assert sum(d["n"] for d in dyads) == len(events)
    irn_irq = next(d for d in dyads if d["dyad"] == "IRNGOV:IRQGOV")
    assert irn_irq["goldstein_mean"] == 8.0


def test_roots_countries_and_locations(client: TestClient, events: list[Event]) -> None:
    roots = {r["cameo_root"]: r for r in client.get("/api/roots").json()["roots"]}
    assert roots["05"]["n"] == sum(e.cameo_root == "05" for e in events)
    assert roots["19"]["label"] and roots["19"]["quad_class"] == 4
    countries = client.get("/api/countries").json()["countries"]
    assert sum(c["n"] for c in countries) == len(events)
    body = client.get("/api/locations", params={"root": "19"}).json()
    assert body["located"] == roots["19"]["n"]
    (aleppo,) = body["locations"]
    assert aleppo["name"] == "Aleppo" and aleppo["country"] == "SYR"
    assert aleppo["lat"] == pytest.approx(36.2) and aleppo["goldstein_mean"] == -10.0


def test_meta(client: TestClient, events: list[Event]) -> None:
    meta = client.get("/api/meta").json()
    assert meta["events"] == len(events) and meta["articles"] == 30
    assert meta["writable"] is False
    assert len(meta["roots"]) == 20


# --------------------------------------------------------------------------- POST /api/code


IRAN_IRAQ = "Iran and Iraq signed a memorandum of understanding in Tehran on Sunday."


def test_code_returns_events_with_explanations_without_storing(client: TestClient) -> None:
    before = client.get("/api/meta").json()["events"]
    r = client.post("/api/code", json={"text": "Iran signed a deal with Iraq.",
                                       "pub_date": "2017-07-23"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["count"] == 1
    ev = body["events"][0]
    assert ev["cameo_code"] == "057" and ev["source_code"] == "IRNGOV"
    assert any("rule verb:signed" in line for line in ev["explanation"])
    assert client.get("/api/meta").json()["events"] == before


@pytest.mark.parametrize(("body", "status", "word"), [
    ({"text": "x" * (MAX_TEXT_CHARS + 1)}, 413, "limit"),
    ({"text": ""}, 422, "text"),
    ({}, 422, "text"),
    ({"text": "Iran met Iraq.", "pub_date": "2017-02-30"}, 422, "pub_date"),
    ({"text": "Iran met Iraq.", "colour": "red"}, 422, "colour"),
    ({"text": 5}, 422, "text"),
])
def test_code_rejects_bad_bodies(client: TestClient, body: dict[str, Any], status: int,
                                 word: str) -> None:
    assert word in error_of(client.post("/api/code", json=body), status)


def test_code_rejects_malformed_json_and_huge_bodies(client: TestClient) -> None:
    error_of(client.post("/api/code", content=b"{not json",
                         headers={"content-type": "application/json"}), 422)
    error_of(client.post("/api/code", content=b"x" * 2_000_000,
                         headers={"content-type": "application/json"}), 413)


def test_read_only_server_refuses_to_store(client: TestClient) -> None:
    r = client.post("/api/code", json={"text": IRAN_IRAQ, "store": True},
                    headers={"Authorization": "Bearer anything-at-all"})
    assert "read-only" in error_of(r, 403)


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    path = tmp_path / "w.duckdb"
    build_store(path)
    with TestClient(create_app(path, coder_factory=FakeCoder,
                               write_token="s3cret-token")) as c:
        yield c


def test_write_needs_the_bearer_token(writable: TestClient) -> None:
    body = {"text": "Turkey accused Syria of shelling.", "pub_date": "2017-08-01",
            "store": True}
    before = writable.get("/api/meta").json()
    assert before["writable"] is True
    r = writable.post("/api/code", json=body)
    assert "Authorization" in error_of(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    error_of(writable.post("/api/code", json=body,
                           headers={"Authorization": "Bearer wrong-token"}), 401)
    error_of(writable.post("/api/code", json=body,
                           headers={"Authorization": "Basic s3cret-token"}), 401)
    assert writable.get("/api/meta").json()["events"] == before["events"]
    # without "store" nothing is written even with the token
    r = writable.post("/api/code", json={**body, "store": False},
                      headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 200 and r.json()["stored"] is False
    assert writable.get("/api/meta").json()["events"] == before["events"]
    r = writable.post("/api/code", json=body, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True and r.json()["count"] == 1
    after = writable.get("/api/meta").json()
    assert after["events"] == before["events"] + 1 and after["articles"] == before["articles"] + 1
    stored = writable.get("/api/events", params={"dyad": "TUR:SYR", "since": "2017-08-01"})
    assert stored.json()["total"] == 1


def test_read_only_app_opens_the_store_read_only(client: TestClient) -> None:
    state = client.app.state.eventwire  # type: ignore[attr-defined]
    assert state.store.read_only and state.write_token is None


def test_empty_write_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        create_app(tmp_path / "x.duckdb", write_token=" ")


@pytest.mark.model
def test_code_with_the_real_coder_finds_the_iran_iraq_signing(
        stored: tuple[Path, list[Event]], coder: Any) -> None:
    with TestClient(create_app(stored[0], coder_factory=lambda: coder)) as c:
        r = c.post("/api/code", json={"text": IRAN_IRAQ, "pub_date": "2017-07-23"})
    assert r.status_code == 200, r.text
    body = r.json()
    signing = [e for e in body["events"] if e["cameo_code"] == "057"]
    assert signing, body
    ev = signing[0]
    assert {ev["source_code"][:3], ev["target_code"][:3]} == {"IRN", "IRQ"}
    assert ev["event_date"] == "2017-07-23"
    assert ev["sentence"][ev["trigger_start"]:ev["trigger_end"]] == "signed"
    assert any(ev["rule_id"] in line for line in ev["explanation"])
    assert body["stored"] is False


# --------------------------------------------------------------------------- pages and docs


def test_docs_are_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/series", "/api/actors",
                 "/api/dyads", "/api/roots", "/api/code"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "since", "until", "text", "limit", "offset", "sort"} <= params
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    assert client.get("/static/docs.js").status_code == 200


def test_dashboard_and_assets_load_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    external = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|"""
                          r"""import\s.*https?://|fetch\(\s*["'`]https?://""")
    for f in STATIC.iterdir():
        if f.suffix in {".html", ".js", ".css"}:
            assert not external.search(f.read_text("utf-8")), f.name
            assert client.get(f"/static/{f.name}").status_code == 200
    world = client.get("/static/world-110m.json").json()
    assert len(world["countries"]) > 150 and "Natural Earth" in world["attribution"]


def test_serve_command_is_registered_and_checks_its_options(tmp_path: Path) -> None:
    from eventwire.cli import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["serve", "--help"]).exit_code == 0
    r = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no event store" in r.output
    r = runner.invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), "--write"])
    assert r.exit_code == 2 and "--token" in r.output
    r = runner.invoke(cli, ["serve", "--write", "--token", "short"])
    assert r.exit_code == 2 and "at least" in r.output


def test_fixture_helper_is_sound() -> None:
    assert make_event().cameo_code == "057"
