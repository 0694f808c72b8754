"""Load time of the dashboard over a large synthetic store.

    .venv/bin/python benchmarks/web_load.py [--events 100000] [--db PATH] [--repeat 3]
                                            [--no-browser]

1. Builds a store of ``--events`` synthetic events (3 per article, 20 countries, 10 CAMEO codes,
   ten years of dates, located at capitals) with one DuckDB ``INSERT ... SELECT`` over
   ``range(N)``, in a few seconds even for a million events. ``--db`` keeps the file; an
   existing file with enough events is reused.
2. Serves it with `eventwire.web.create_app` (read-only) under uvicorn on 127.0.0.1, a free
   port, in a background thread.
3. Times ``GET /`` and its assets, then the calls the page makes on load — ``/api/meta``
   and the world outline, then series, roots, locations, dyads and the first page of events,
   issued in parallel like the browser does — on a new server (empty response cache), then
   again (answers cached), and prints each call's time, the sequential sum and the parallel
   wall time ("page load, HTTP").
4. Unless ``--no-browser``, on another new server, opens the page in headless Chromium
   (/usr/bin/chromium, with every non-local request aborted) and times navigation until the
   dashboard has drawn everything ("page load, browser").

Only 127.0.0.1 is contacted; every loop is bounded.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import duckdb
import httpx
import uvicorn

from eventwire.store import Store
from eventwire.web import create_app

COUNTRIES = [  # code, name, capital, lat, lon
    ("IRN", "Iran", "Tehran", 35.69, 51.42), ("IRQ", "Iraq", "Baghdad", 33.34, 44.40),
    ("TUR", "Turkey", "Ankara", 39.92, 32.85), ("SYR", "Syria", "Damascus", 33.51, 36.29),
    ("RUS", "Russia", "Moscow", 55.75, 37.62), ("USA", "the United States", "Washington",
                                                38.90, -77.04),
    ("CHN", "China", "Beijing", 39.90, 116.40), ("FRA", "France", "Paris", 48.85, 2.35),
    ("DEU", "Germany", "Berlin", 52.52, 13.40), ("GBR", "Britain", "London", 51.51, -0.13),
    ("ISR", "Israel", "Jerusalem", 31.77, 35.21), ("EGY", "Egypt", "Cairo", 30.04, 31.24),
    ("SAU", "Saudi Arabia", "Riyadh", 24.69, 46.72), ("IND", "India", "New Delhi", 28.61, 77.21),
    ("PAK", "Pakistan", "Islamabad", 33.69, 73.05), ("AFG", "Afghanistan", "Kabul", 34.53, 69.17),
    ("NGA", "Nigeria", "Abuja", 9.06, 7.49), ("BRA", "Brazil", "Brasilia", -15.79, -47.88),
    ("UKR", "Ukraine", "Kyiv", 50.45, 30.52), ("JPN", "Japan", "Tokyo", 35.68, 139.69),
]
CODES = [  # code, root, quad, goldstein, verb phrase (trigger first), plover
    ("057", "05", 1, 8.0, "signed an agreement with", "AGREE"),
    ("040", "04", 1, 1.0, "met", "CONSULT"), ("036", "03", 1, 4.0, "offered talks to",
                                             "COOPERATE"),
    ("0331", "03", 2, 5.2, "sent aid to", "AID"), ("112", "11", 3, -2.0, "accused",
                                                   "ACCUSE"),
    ("130", "13", 3, -4.4, "threatened", "THREATEN"), ("173", "17", 4, -5.0, "arrested",
                                                       "COERCE"),
    ("190", "19", 4, -10.0, "attacked", "ASSAULT"), ("010", "01", 1, 0.0, "praised",
                                                     "COOPERATE"),
    ("020", "02", 1, 3.0, "appealed to", "REQUEST"),
]


def _list(values: list[object]) -> str:
    return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values) + "]"


def build_store(path: Path, n: int) -> float:
    """Write `n` synthetic events (and their articles) into a new store at `path`."""
    t0 = time.perf_counter()
    with Store(path) as store:
        con = store.con
        c = {f"c_{k}": _list([row[i] for row in COUNTRIES])
             for i, k in enumerate(("code", "name", "cap", "lat", "lon"))}
        e = {f"e_{k}": _list([row[i] for row in CODES])
             for i, k in enumerate(("code", "root", "quad", "gold", "verb", "plover"))}
        con.execute(f"""
            CREATE TEMP TABLE syn AS
            WITH r AS (
              SELECT i, hash(i) AS h, i // 3 AS a FROM range({int(n)}) t(i)),
            p AS (
              SELECT i, a, h,
                     1 + (h % 20)::INT AS s, 1 + ((h // 20 + 1 + (h // 7) % 19) % 20)::INT AS t,
                     1 + ((h // 400) % 10)::INT AS k,
                     DATE '2015-01-01' + ((h // 4000) % 3650)::INT AS d
              FROM r)
            SELECT p.*,
                   {c['c_code']}[s] AS scode, {c['c_name']}[s] AS sname,
                   {c['c_code']}[t] AS tcode, {c['c_name']}[t] AS tname,
                   {c['c_cap']}[s] AS place, {c['c_lat']}[s] AS lat, {c['c_lon']}[s] AS lon,
                   {e['e_code']}[k] AS code, {e['e_root']}[k] AS root,
                   {e['e_quad']}[k] AS quad, {e['e_gold']}[k] AS gold,
                   {e['e_verb']}[k] AS verb, {e['e_plover']}[k] AS plover
            FROM p""")
        con.execute("""
            INSERT INTO events BY NAME
            SELECT substr(sha256('ev' || i), 1, 20) AS event_id, 'syn' || a AS article_id,
                   (i % 3)::BIGINT AS sentence_index,
                   sname || ' ' || verb || ' ' || tname || ' in ' || place
                     || ', officials said (report ' || i || ').' AS sentence,
                   d AS pub_date, d AS event_date, NULL AS date_text, 'pub' AS date_precision,
                   scode || 'GOV' AS source_code, sname AS source_text,
                   scode AS source_country, 'GOV' AS source_sector, [scode] AS source_actors,
                   tcode || 'GOV' AS target_code, tname AS target_text,
                   tcode AS target_country, 'GOV' AS target_sector, [tcode] AS target_actors,
                   code AS cameo_code, root AS cameo_root, quad::BIGINT AS quad_class,
                   quad::BIGINT AS quad_class_phoenix, gold AS goldstein,
                   plover AS plover_type, NULL AS plover_mode,
                   place AS location_name, scode AS location_country, NULL AS admin1,
                   lat AS latitude, lon AS longitude, NULL AS geonameid,
                   'sentence' AS location_reason,
                   split_part(verb, ' ', 1) AS trigger_text,
                   (length(sname) + 1)::BIGINT AS trigger_start,
                   (length(sname) + 1 + length(split_part(verb, ' ', 1)))::BIGINT
                     AS trigger_end,
                   0::BIGINT AS source_start, length(sname)::BIGINT AS source_end,
                   (length(sname) + length(verb) + 2)::BIGINT AS target_start,
                   (length(sname) + length(verb) + 2 + length(tname))::BIGINT AS target_end,
                   'synthetic.' || code AS rule_id, 0.8 AS confidence, false AS negated,
                   'asserted' AS modality, 'bench' AS coder_version,
                   sha256('syn' || a) AS article_hash, sha256('syn' || a) AS story_id
            FROM syn""")
        con.execute("""
            INSERT INTO articles BY NAME
            SELECT sha256('syn' || a) AS id, 'syn' || a AS input_id,
                   'outlet' || (a % 25) AS source, 'https://news.example/' || a AS url,
                   'Synthetic report ' || a AS title, min(d) AS pub_date, 'coded' AS status,
                   NULL AS error, 'bench' AS coder_version, sha256('syn' || a) AS story_id,
                   count(*) AS n_events, now()::TIMESTAMP AS ingested_at
            FROM syn GROUP BY a""")
        con.execute("DROP TABLE syn")
        con.execute("CHECKPOINT")
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def first_calls(meta: dict[str, object]) -> list[str]:
    """The API calls the dashboard makes once /api/meta has answered (see app.js)."""
    first, last = str(meta.get("first_date") or ""), str(meta.get("last_date") or "")
    days = ((time.mktime(time.strptime(last, "%Y-%m-%d"))
             - time.mktime(time.strptime(first, "%Y-%m-%d"))) / 86400) if first and last else 0
    by = "month" if days > 1100 else "week" if days > 120 else "day"
    return [f"/api/series?by={by}&fill=true", "/api/roots", "/api/locations?n=1500",
            "/api/dyads?n=40", "/api/events?limit=50&offset=0&sort=-event_date"]


def timed(client: httpx.Client, url: str) -> tuple[str, float, int, int]:
    t0 = time.perf_counter()
    r = client.get(url)
    r.raise_for_status()
    return url, time.perf_counter() - t0, r.status_code, len(r.content)


def page_load_http(base: str) -> tuple[float, list[tuple[str, float, int, int]]]:
    """GET / and its assets, /api/meta and the outline, then the page's calls in parallel."""
    rows: list[tuple[str, float, int, int]] = []
    with httpx.Client(base_url=base, timeout=120) as client, ThreadPoolExecutor(6) as pool:
        t0 = time.perf_counter()
        rows.append(timed(client, "/"))
        rows += pool.map(lambda u: timed(client, u), ["/static/app.css", "/static/app.js"])
        rows += pool.map(lambda u: timed(client, u), ["/api/meta", "/static/world-110m.json"])
        meta = client.get("/api/meta").json()
        rows += pool.map(lambda u: timed(client, u), first_calls(meta))
        total = time.perf_counter() - t0
    return total, rows


def page_load_browser(base: str, repeat: int) -> list[float] | None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("(no /usr/bin/chromium: browser timing skipped)")
        return None
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(base):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        took = []
        try:
            for _ in range(max(1, repeat)):  # a new page (and cache) each time
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.route("**/*", guard)
                t0 = time.perf_counter()
                page.goto(base + "/")
                page.wait_for_selector("body[data-loads='1'][data-busy='0']",
                                       state="attached", timeout=120_000)
                took.append(time.perf_counter() - t0)
                context.close()
        finally:
            browser.close()
    if outside:
        raise SystemExit(f"the page tried to reach other hosts: {outside}")
    return took


@contextmanager
def serving(path: Path) -> Iterator[str]:
    """A new read-only app over `path` under uvicorn on 127.0.0.1; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        if not server.started:
            raise SystemExit("the server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="store file to build/reuse")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="eventwire-web-load-")
    path = args.db or Path(tmp.name) / "events.duckdb"
    have = 0
    if path.exists():
        with duckdb.connect(str(path), read_only=True) as con:
            have = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    if have >= args.events:
        print(f"store {path}: reusing {have:,} events")
    else:
        path.unlink(missing_ok=True)
        took = build_store(path, args.events)
        print(f"store {path}: {args.events:,} synthetic events built in {took:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")

    try:
        with serving(path) as base:
            runs = [page_load_http(base) for _ in range(max(1, args.repeat))]
        cold_total, cold_rows = runs[0]
        print("\ncold page load over HTTP (new server, empty response cache):")
        for url, secs, status, size in cold_rows:
            print(f"  {secs * 1000:8.1f} ms  {status}  {size / 1024:7.1f} KiB  {url}")
        print(f"  {sum(r[1] for r in cold_rows) * 1000:8.1f} ms  sum of the calls")
        print(f"  {cold_total * 1000:8.1f} ms  page load, HTTP (parallel like a browser)")
        if len(runs) > 1:
            warm = [t for t, _ in runs[1:]]
            print(f"warm page load, HTTP (answers cached): median "
                  f"{statistics.median(warm) * 1000:.1f} ms over {len(warm)} runs")
        if not args.no_browser:
            with serving(path) as base:
                took = page_load_browser(base, args.repeat)
            if took:
                print("page load, browser (navigation until every panel is drawn): cold "
                      f"{took[0] * 1000:.0f} ms (new server, fresh Chromium)"
                      + (f"; warm median {statistics.median(took[1:]) * 1000:.0f} ms "
                         "(new browser context each)" if len(took) > 1 else ""))
    finally:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
