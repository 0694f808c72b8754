"""End to end: the dashboard in headless Chromium against `eventwire serve`'s app on localhost.

Every request that does not go to the local server is aborted and recorded; the test fails if
the page tried any. Needs Debian's chromium at /usr/bin/chromium (CI installs it): the test
fails, rather than skips, without it.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from eventwire.web import create_app
from eventwire.web.chromium import ARGS, CHROMIUM

try:
    from test_web_api import IRAN_IRAQ, build_store
except ImportError:  # pragma: no cover - run from the repository root
    from tests.test_web_api import IRAN_IRAQ, build_store

pytestmark = [pytest.mark.browser, pytest.mark.model]

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "test-output" / "dashboard.png"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    build_store(path)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(
        create_app(path, coder_factory=lambda: coder), host="127.0.0.1", port=port,
        log_level="warning"))
    thread = threading.Thread(target=server.run, name="eventwire-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def wait_loaded(page: Any, loads: int) -> None:
    """Wait for the page's `loads`-th refresh to finish (a selector: the page's CSP forbids
    the eval that `wait_for_function` needs); it must have reported no error."""
    page.wait_for_selector(f"body[data-loads='{loads}'][data-busy='0']", state="attached",
                           timeout=30_000)
    assert page.inner_text("#status") == "", page.inner_text("#status")


def column(page: Any, index: int) -> list[str]:
    return page.locator(f"#events tbody tr td:nth-child({index})").all_inner_texts()


def test_dashboard_filters_map_network_and_coding(base_url: str, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (CI installs it)")
    from playwright.sync_api import sync_playwright

    attempted: list[str] = []
    problems: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url == base_url or url.startswith(base_url + "/"):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(ARGS))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", guard)
            page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
            page.on("console", lambda msg: problems.append(f"console: {msg.text}")
                    if msg.type == "error" else None)
            page.goto(base_url + "/")
            wait_loaded(page, 1)

            # everything rendered from the fixture store (40 events)
            assert page.inner_text("#total") == "(40)"
            assert page.locator("#events tbody tr").count() == 40
            assert page.locator("#events tbody mark.trg").count() == 40
            assert page.locator("#events tbody mark.src").count() == 40
            assert page.locator("#events tbody mark.tgt").count() == 40
            assert page.locator("#series rect").count() > 0
            assert page.locator("#series path.gold-line").count() == 1
            assert page.locator("#roots .root-bar").count() == 20
            assert page.locator("#map path.land").count() > 150
            assert page.locator("#map line.graticule").count() > 10
            assert page.locator("#map circle.point").count() == 6
            assert "Iran" in page.locator("#map text.label").all_text_contents()
            assert page.locator("#network g.node").count() >= 5
            assert page.locator("#network path.edge").count() >= 5
            series_before = page.inner_html("#series")

            # a text filter narrows the table and the charts
            page.fill("input[name=actor]", "TUR")
            page.click("#apply")
            wait_loaded(page, 2)
            total = int(page.inner_text("#total").strip("()"))
            assert 0 < total < 40
            assert page.locator("#events tbody tr").count() == total
            assert all("TUR" in s + t for s, t in zip(column(page, 2), column(page, 4),
                                                       strict=True))
            assert page.inner_html("#series") != series_before
            codes = [n.get_attribute("data-code") for n in page.locator("#network g.node").all()]
            assert "TURGOV" in codes
            assert "actor=TUR" in page.url

            # a select filter applies at once
            page.select_option("select[name=quad]", "3")
            wait_loaded(page, 3)
            assert {c.split()[0] for c in column(page, 3)} == {"112"}
            assert page.locator("#map circle.point").count() == 1

            # clicking a map point lists its events
            page.locator("#map circle.point").first.dispatch_event("click")
            page.wait_for_selector("#map-list li.place-event", timeout=10_000)
            assert "Ankara" in page.inner_text("#map-list")

            # clicking a network node filters by that actor
            page.click("#reset")
            wait_loaded(page, 4)
            assert page.inner_text("#total") == "(40)"
            page.locator("#network g.node[data-code='SYRREB']").dispatch_event("click")
            wait_loaded(page, 5)
            assert page.input_value("input[name=actor]") == "SYRREB"
            assert {c.split()[0] for c in column(page, 3)} == {"190"}

            # a row opens the event with its evidence
            page.locator("#events tbody tr").first.click()
            page.wait_for_selector("#detail[open] dl", timeout=10_000)
            assert "rule.190" in page.inner_text("#detail")
            page.click("#detail .close")
            page.click("#reset")
            wait_loaded(page, 6)

            # code a text: the Iran-Iraq memorandum is a signing (057)
            page.fill("#code-text", IRAN_IRAQ)
            page.fill("#code-date", "2017-07-23")
            page.click("#code-submit")
            page.wait_for_selector("#code-result .code-event[data-code='057']", timeout=60_000)
            card = page.locator("#code-result .code-event[data-code='057']").first
            assert card.locator("mark.trg").inner_text() == "signed"
            assert "sign.agreement" in card.inner_text() or "rule" in card.inner_text()
            assert card.locator("li").count() >= 4

            page.locator("header.top").scroll_into_view_if_needed()
            page.keyboard.press("Home")
            shot = tmp_path / "dashboard.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    SCREENSHOT.parent.mkdir(exist_ok=True)
    shutil.copyfile(shot, SCREENSHOT)
    assert attempted == [], f"the page tried to reach other hosts: {attempted}"
    assert problems == []
