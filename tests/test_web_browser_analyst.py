"""The analyst's dashboard in headless Chromium (desktop 1400×1000 and phone 400×900): both
directions, shareable links, facets, dedup, downloads, labels, network and map legibility,
the event and SQL pages, the review buttons and the refresh when a batch lands.

A writable server (with a token) over a fixture store: the 40 events of `test_web_api`, a
second report of one signing (for one-a-day) and an event with no actors; a second server over
those 40 plus a background and an incomplete event for the `left_out` note. Every request that
does not go to the local server is aborted and fails the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from conftest_store import FakeResult, make_event
from eventwire.model import Article
from eventwire.store import Store
from eventwire.web import create_app
from eventwire.web.chromium import ARGS, CHROMIUM

try:
    from test_web_api import build_store
except ImportError:  # pragma: no cover - run from the repository root
    from tests.test_web_api import build_store

pytestmark = [pytest.mark.browser]

TOKEN = "browser-token"
NOBODY = "Crowds gathered in the square on Monday."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def extra_results() -> list[FakeResult]:
    """A second outlet's report of the first signing (same day, dyad and code) and an event
    without actors."""
    again = "Iran signed a memorandum of understanding with Iraq in Tehran, a second paper said."
    dup = make_event(
        "dup0",
        code="057",
        source="IRNGOV",
        target="IRQGOV",
        event_date=date(2017, 1, 2),
        sentence=again,
        trigger_start=5,
        trigger_end=11,
        trigger_text="signed",
        source_text="Iran",
        source_start=0,
        source_end=4,
        target_text="Iraq",
        target_start=47,
        target_end=51,
        quad_class=1,
        goldstein=8.0,
        location_name="Tehran",
        location_country="IRN",
        latitude=35.69,
        longitude=51.42,
    )
    nobody = make_event(
        "nobody",
        code="141",
        source=None,
        target=None,
        sentence=NOBODY,
        event_date=date(2017, 3, 6),
        source_text=None,
        target_text=None,
        trigger_start=7,
        trigger_end=15,
        trigger_text="gathered",
    )
    return [
        FakeResult(
            Article(
                id="dup0",
                text=again,
                pub_date=date(2017, 1, 2),
                url="https://other.example/0",
                source="other",
            ),
            (dup,),
        ),
        FakeResult(Article(id="nobody", text=NOBODY, pub_date=date(2017, 3, 6)), (nobody,)),
    ]


def serve(path: Path, name: str) -> Iterator[tuple[str, Any]]:
    """A writable server (with `TOKEN`) over the store at `path`, on a free local port."""
    app = create_app(path, write_token=TOKEN)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", app
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (CI installs it)")
    path = tmp_path_factory.mktemp("analyst-browser") / "events.duckdb"
    build_store(path)
    with Store(path) as store:
        store.add_batch(extra_results())
    yield from serve(path, "eventwire-analyst-server")


PAST = "In 2003 American forces invaded Iraq, the paper recalled."
LOOSE = "Police attacked protesters outside the ministry."


@pytest.fixture(scope="module")
def flagged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The 40 events of `test_web_api` plus a background event (an act of 2003 in a 2017
    report) and an incomplete one (a bare COP source, no country): what `left_out` counts."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (CI installs it)")
    path = tmp_path_factory.mktemp("flagged-browser") / "events.duckdb"
    build_store(path)
    pub = date(2017, 5, 2)
    background = make_event("past", code="190", source="USAMIL", target="IRQGOV",
                            event_date=date(2003, 3, 20), pub_date=pub, sentence=PAST,
                            background=True)
    incomplete = make_event("loose", code="173", source="COP", target="IRQGOV",
                            source_country=None, event_date=pub, pub_date=pub, sentence=LOOSE)
    with Store(path) as store:
        store.add_batch([
            FakeResult(Article(id="past", text=PAST, pub_date=pub), (background,)),
            FakeResult(Article(id="loose", text=LOOSE, pub_date=pub), (incomplete,)),
        ])
    yield from serve(path, "eventwire-flagged-server")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(ARGS))
        try:
            yield b
        finally:
            b.close()


class Page:
    """A page that may reach only the test server and records script errors."""

    def __init__(
        self,
        browser: Any,
        base: str,
        width: int = 1400,
        height: int = 1000,
        bypass_csp: bool = False,
    ) -> None:
        self.base = base
        self.attempted: list[str] = []
        self.problems: list[str] = []
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=bypass_csp
        )
        self.page = self.context.new_page()
        self.page.route("**/*", self._guard)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on(
            "console",
            lambda msg: (
                self.problems.append(f"console: {msg.text}") if msg.type == "error" else None
            ),
        )

    def _guard(self, route: Any) -> None:
        url = route.request.url
        if url == self.base or url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort()

    def close(self, refused: int = 0) -> None:
        """Close; `refused` requests were meant to be answered with an error status."""
        self.context.close()
        assert self.attempted == [], self.attempted
        failed = [m for m in self.problems if "Failed to load resource" in m]
        assert len(failed) == refused, self.problems
        assert [m for m in self.problems if m not in failed] == [], self.problems


def loaded(page: Any, loads: int) -> None:
    page.wait_for_selector(
        f"body[data-loads='{loads}'][data-busy='0']", state="attached", timeout=30_000
    )
    assert page.inner_text("#status") == "", page.inner_text("#status")


def total(page: Any) -> int:
    return int(page.inner_text("#total").strip("()"))


def overlaps(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    out = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (
                a["x"] < b["x"] + b["width"] - 0.5
                and b["x"] < a["x"] + a["width"] - 0.5
                and a["y"] < b["y"] + b["height"] - 0.5
                and b["y"] < a["y"] + a["height"] - 0.5
            ):
                out.append((i, j))
    return out


def test_a_link_opens_the_between_view_and_the_switch_flips_it(
    server: tuple[str, Any], browser: Any
) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/?between=IRN,IRQ&since=2017-01&until=2017-12")
    loaded(page, 1)
    assert page.input_value("input[name=dyad]") == "IRN:IRQ"
    assert page.is_checked("#both")
    assert page.input_value("input[name=since]") == "2017-01-01"
    assert page.input_value("input[name=until]") == "2017-12-31"
    both = total(page)
    pairs = {
        (s.split()[0][:3], t.split()[0][:3])
        for s, t in zip(
            page.locator("#events tbody td:nth-child(2)").all_inner_texts(),
            page.locator("#events tbody td:nth-child(4)").all_inner_texts(),
            strict=True,
        )
    }
    assert pairs == {("IRN", "IRQ"), ("IRQ", "IRN")}
    # labels beside codes in the table
    assert "Iran" in page.inner_text("#events tbody")
    # the download links carry the view
    for link in ("#dl-csv", "#dl-jsonl"):
        href = page.get_attribute(link, "href") or ""
        assert "between=IRN%2CIRQ" in href and "since=2017-01-01" in href
    csv_text = page.request.get(base + (page.get_attribute("#dl-csv", "href") or "")).text()
    assert len(csv_text.strip().splitlines()) == both + 1
    # one way only
    page.uncheck("#both")
    loaded(page, 2)
    one_way = total(page)
    assert 0 < one_way < both
    assert "dyad=IRN%3AIRQ" in page.url and "between" not in page.url
    # the address is a link to this view
    p2 = Page(browser, base)
    p2.page.goto(page.url)
    loaded(p2.page, 1)
    assert total(p2.page) == one_way and not p2.page.is_checked("#both")
    p2.close()
    p.close()


def test_facets_filter_and_one_a_day_switch(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/")
    loaded(page, 1)
    everything = total(page)
    groups = page.locator("#facets .facet-group").all()
    assert [g.get_attribute("data-facet") for g in groups] == [
        "root",
        "quad",
        "source_country",
        "target_country",
        "country",
        "year",
    ]
    fight = page.locator("#facets button.facet[data-facet=root][data-value='19']")
    n = int(fight.locator(".facet-n").inner_text())
    assert "Fight" in fight.inner_text()
    fight.click()
    loaded(page, 2)
    assert total(page) == n
    assert page.input_value("select[name=root]") == "19"
    assert {
        c.split()[0] for c in page.locator("#events tbody td:nth-child(3)").all_inner_texts()
    } == {"190"}
    page.locator("#facets button.facet[data-facet=year]").first.click()
    loaded(page, 3)
    assert page.input_value("input[name=since]").endswith("-01-01")
    page.click("#reset")
    loaded(page, 4)
    page.check("#dedup")
    loaded(page, 5)
    assert "dedup=one-a-day" in page.url
    assert total(page) == everything - 1  # the second report of the signing folds in
    assert "2 mentions" in page.inner_text("#events tbody")
    p.close()


def test_network_shows_direction_counts_and_separate_labels(
    server: tuple[str, Any], browser: Any
) -> None:
    base, _ = server
    # bypass_csp: the boxes are measured with getBoundingClientRect (Playwright's own boxes
    # count the non-scaling label halo as if it scaled with the zoom)
    p = Page(browser, base, bypass_csp=True)
    page = p.page
    page.goto(base + "/")
    loaded(page, 1)
    edges = page.locator("#network path.edge")
    assert edges.count() >= 5
    assert all(e.get_attribute("marker-end") == "url(#arrow)" for e in edges.all())
    assert page.locator("#network marker#arrow").count() == 1
    counts = page.locator("#network text.edge-count").all()
    assert len(counts) == edges.count()
    api = page.request.get(base + "/api/dyads?n=40").json()["dyads"]
    shown = sorted(int((c.text_content() or "").replace(",", "")) for c in counts)
    assert shown == sorted(d["n"] for d in api)
    labels = page.locator("#network text.node-label")
    assert labels.count() >= 5
    assert any("Iran" in t for t in labels.all_text_contents())
    assert overlaps([b for b in (x.bounding_box() for x in labels.all()) if b]) == []
    # map labels do not overlap either, zoomed out
    page.dblclick("#map")

    def shown() -> list[dict[str, float]]:
        return [
            x.evaluate(
                "t => { const r = t.getBoundingClientRect(); return {x: r.left, "
                "y: r.top, width: r.width, height: r.height}; }"
            )
            for x in page.locator("#map text.label").all()
            if x.get_attribute("visibility") != "hidden"
        ]

    world = shown()
    assert len(world) >= 1 and overlaps(world) == []
    assert page.locator("#map text.label").count() == 4  # Iran, Iraq, Syria, Turkey
    # zoomed in on the region, more names fit, still apart
    box = next(
        b
        for x in page.locator("#map text.label").all()
        if x.get_attribute("visibility") != "hidden" and (b := x.bounding_box())
    )
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"])
    for _ in range(6):
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(50)
    near = shown()
    assert len(near) > len(world) and overlaps(near) == []
    p.close()


def test_detail_says_unknown_and_links_the_event_page(
    server: tuple[str, Any], browser: Any
) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/?text=Crowds")
    loaded(page, 1)
    assert total(page) == 1
    assert page.inner_text("#events tbody td:nth-child(2)") == "unknown"
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail[open] dl", timeout=10_000)
    assert page.inner_text("#detail dd[data-field=source]") == "unknown"
    assert page.inner_text("#detail dd[data-field=target]") == "unknown"
    assert "←" not in page.inner_text("#detail dl")
    page.click("#detail-page")
    page.wait_for_selector("#event-page")
    assert NOBODY.split()[0] in page.inner_text("#event-sentence")
    source = page.inner_text("#event-fields dd[data-field=source]")
    assert source.startswith("unknown") and "no source actor" in source
    assert page.locator("#event-fields mark, #event-sentence mark.trg").count() >= 1
    p.close()


def test_event_page_of_a_signing(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    ev = page.request.get(base + "/api/events?code=057&limit=1&sort=event_date").json()["events"][0]
    page.goto(f"{base}/event/{ev['event_id']}")
    assert page.inner_text("#event-sentence mark.trg") == "signed"
    fields = page.inner_text("#event-fields")
    assert ev["rule_id"] in fields and ev["article_url"] in fields
    assert page.locator("#event-neighbours li").count() >= 1
    p.close()


def test_sql_page_runs_reads_and_refuses_writes(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/sql")
    page.fill("#sql-text", "SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 ORDER BY 1")
    page.click("#sql-run")
    page.wait_for_selector("body[data-runs='1'][data-busy='0']", state="attached")
    assert page.locator("#sql-result thead th").all_inner_texts() == ["cameo_root", "n"]
    # raw SQL counts every event, the aggregate only with nothing left out
    api = page.request.get(base + "/api/roots?include_background=1&all_dyads=1").json()["roots"]
    assert page.locator("#sql-result tbody tr").count() == len(api)
    cells = page.locator("#sql-result tbody td").all_inner_texts()
    assert sorted(zip(cells[::2], map(int, cells[1::2]), strict=True)) == sorted(
        (r["cameo_root"], r["n"]) for r in api
    )
    page.fill("#sql-text", "DELETE FROM events")
    page.click("#sql-run")
    page.wait_for_selector("body[data-runs='2'][data-busy='0']", state="attached")
    assert "read-only" in page.inner_text("#sql-status")
    assert page.locator("#sql-result tbody tr").count() == 0
    p.close(refused=1)


def test_review_buttons_store_a_judgment(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/?code=112")
    loaded(page, 1)
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail[open] .review", timeout=10_000)
    buttons = page.locator("#detail .review button").all_inner_texts()
    assert buttons == ["✓ right", "✗ root", "✗ source", "✗ target", "✗ date", "✗ place"]
    page.fill("#detail .review-token", "wrong-token")
    page.click("#detail .review button[data-field=place]")
    page.wait_for_selector("#detail .review-note.error")
    assert "token" in page.inner_text("#detail .review-note")
    refused = 1
    page.fill("#detail .review-token", TOKEN)
    page.fill("#detail .review-who", "tester")
    page.click("#detail .review button[data-field=place]")
    page.wait_for_selector("#detail .review-note[data-saved='1']")
    body = page.request.get(base + "/api/judgments").json()
    assert body["events"] >= 1
    assert {f["field"]: f["right"] < f["judged"] for f in body["by_field"]}["place"]
    p.close(refused=refused)


def test_counts_refresh_when_a_batch_lands(server: tuple[str, Any], browser: Any) -> None:
    base, app = server
    p = Page(browser, base)
    page = p.page
    page.goto(base + "/")
    loaded(page, 1)
    before = total(page)
    stats = page.inner_text("#stats")
    page.wait_for_timeout(300)
    late = "Turkey accused Syria in Ankara, a late report said."
    ev = make_event(
        "late",
        code="112",
        source="TURGOV",
        target="SYRGOV",
        sentence=late,
        event_date=date(2017, 9, 4),
    )
    app.state.eventwire.store.add_batch(
        [FakeResult(Article(id="late", text=late, pub_date=date(2017, 9, 4)), (ev,))]
    )
    page.wait_for_selector(
        "body[data-updates='1'][data-busy='0']", state="attached", timeout=20_000
    )
    page.wait_for_selector(f"#total:not(:text-is('({before})'))", timeout=10_000)
    assert total(page) == before + 1
    assert page.inner_text("#stats") != stats
    p.close()


def test_phone_collapses_filters_and_shows_cards(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base, width=400, height=900, bypass_csp=True)
    page = p.page
    page.goto(base + "/")
    loaded(page, 1)
    header = page.locator("header.top").bounding_box()
    assert header and header["height"] < 90
    assert not page.is_visible("input[name=actor]")  # filters folded away
    page.click("#filters-summary")
    assert page.is_visible("input[name=actor]")
    assert page.is_hidden("#events thead")
    first = page.locator("#events tbody tr").first.bounding_box()
    assert first and first["width"] <= 400 and first["height"] > 80  # a card, not a row
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    for sel in ("#events", "#network", "#map", "#facets", "#series"):
        box = page.locator(sel).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 400.5, sel
    p.close()


def series_total(page: Any, base: str, query: str = "") -> int:
    return sum(r["n"] for r in page.request.get(f"{base}/api/series?{query}").json()["series"])


def test_left_out_note_shows_and_brings_them_back(
    flagged_server: tuple[str, Any], browser: Any
) -> None:
    """The note over the real `left_out` of `/api/series`: one background and one incomplete
    event in the store; "show" asks the server for both, whose series then counts them;
    "hide" drops the two parameters again."""
    from urllib.parse import parse_qs, urlsplit

    base, _ = flagged_server
    p = Page(browser, base)
    page = p.page
    asked: list[dict[str, list[str]]] = []
    page.on("request", lambda r: asked.append(parse_qs(urlsplit(r.url).query))
            if urlsplit(r.url).path == "/api/series" else None)
    left = page.request.get(base + "/api/series").json()["left_out"]
    assert (left["background"], left["incomplete"]) == (1, 1)  # and imprecise dates: 0
    default = series_total(page, base)
    page.goto(base + "/")
    loaded(page, 1)
    assert page.inner_text("#left-out") == "1 background / 1 incomplete events left out · show"
    page.click("#left-out-show")
    loaded(page, 2)
    assert "include_background=1" in page.url and "all_dyads=1" in page.url
    assert asked[-1]["include_background"] == ["1"] and asked[-1]["all_dyads"] == ["1"]
    assert page.inner_text("#left-out") == "showing background and incomplete events · hide"
    assert series_total(page, base, "include_background=1&all_dyads=1") == default + 2
    page.click("#left-out-hide")
    loaded(page, 3)
    assert "include_background" not in page.url and "all_dyads" not in page.url
    assert "include_background" not in asked[-1] and "all_dyads" not in asked[-1]
    assert page.inner_text("#left-out") == "1 background / 1 incomplete events left out · show"
    p.close()


def test_event_page_review_buttons(server: tuple[str, Any], browser: Any) -> None:
    base, _ = server
    p = Page(browser, base)
    page = p.page
    ev = page.request.get(base + "/api/events?code=190&limit=1").json()["events"][0]
    before = page.request.get(base + "/api/judgments").json()["events"]
    page.goto(f"{base}/event/{ev['event_id']}")
    assert page.locator("#review button").all_inner_texts() == [
        "✓ right",
        "✗ root",
        "✗ source",
        "✗ target",
        "✗ date",
        "✗ place",
    ]
    page.fill("#review .review-token", TOKEN)
    page.click("#review button[data-verdict=right]")
    page.wait_for_selector("#review .review-note[data-saved='1']")
    assert page.request.get(base + "/api/judgments").json()["events"] == before + 1
    p.close()
