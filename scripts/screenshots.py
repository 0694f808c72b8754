"""Screenshots of the dashboard for docs/screenshots/ (desktop 1400×1000 and phone 400×900).

    python scripts/screenshots.py --db /tmp/wikinews.duckdb [--out docs/screenshots]

The store is one you coded, e.g. the 293 Wikinews articles of the shared corpora:

    eventwire ingest ../shared/data/corpora/wikinews_2019_2020.jsonl --db /tmp/wikinews.duckdb

The script serves that store on a free localhost port in write mode (so the review buttons
show), opens it in Debian's Chromium with Playwright, and writes one PNG per view; every
request to another host is refused. It prints the files it wrote.
"""

from __future__ import annotations

import argparse
import secrets
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from eventwire.web import create_app
from eventwire.web.chromium import ARGS, CHROMIUM

IRAN_US = "/?between=IRN,USA&since=2020-01-01&until=2020-01-31"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _loaded(page: Any, loads: int = 1) -> None:
    page.wait_for_selector(
        f"body[data-loads='{loads}'][data-busy='0']", state="attached", timeout=60_000
    )


def shoot(db: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    token = secrets.token_hex(8)
    port = _port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, write_token=token), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(ARGS))
        try:
            for kind, size in (("desktop", (1400, 1000)), ("phone", (400, 900))):
                ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
                page = ctx.new_page()
                page.route("**/*", guard)

                def save(
                    name: str,
                    *,
                    full: bool = False,
                    element: str | None = None,
                    page: Any = page,
                    kind: str = kind,
                ) -> None:
                    path = out / f"{name}-{kind}.png"
                    if element:
                        page.locator(element).screenshot(path=str(path))
                    else:
                        page.screenshot(path=str(path), full_page=full)
                    written.append(path)

                # the Iran <-> US view of January 2020
                page.goto(base + IRAN_US)
                _loaded(page)
                save("iran-us-2020-01", full=kind == "phone")
                save("iran-us-2020-01-table", element="#table-panel")
                # the network over the whole store
                page.goto(base + "/")
                _loaded(page)
                save("network", element="#network-panel")
                save("facets", element="#facets-panel")
                # an event page: the first Iran <-> US event of January 2020
                ev = page.request.get(
                    base + "/api/events?between=IRN,USA&since=2020-01-01"
                    "&until=2020-01-31&sort=event_date&limit=1"
                ).json()
                if ev["events"]:
                    page.goto(f"{base}/event/{ev['events'][0]['event_id']}")
                    save("event-page", full=True)
                # the SQL page
                page.goto(base + "/sql")
                page.fill(
                    "#sql-text",
                    "SELECT cameo_root, count(*) AS n, "
                    "round(avg(goldstein), 1) AS goldstein "
                    "FROM events GROUP BY 1 ORDER BY n DESC LIMIT 12",
                )
                page.click("#sql-run")
                page.wait_for_selector("body[data-runs='1'][data-busy='0']", state="attached")
                save("sql", full=True)
                # the review buttons in the detail dialog (write mode)
                page.goto(base + IRAN_US)
                _loaded(page)
                if page.locator("#events tbody tr").count():
                    page.locator("#events tbody tr").first.click()
                    page.wait_for_selector("#detail[open] .review")
                    save("review-buttons")
                ctx.close()
        finally:
            browser.close()
            server.should_exit = True
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="a coded eventwire store")
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(f"no store at {args.db}; code one first (see the module docstring)", file=sys.stderr)
        return 2
    for path in shoot(args.db, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
