"""The FastAPI application behind `eventwire serve`: REST API under ``/api`` and the dashboard.

Read-only unless built with a `write_token`: then ``POST /api/code`` with ``"store": true`` and
``Authorization: Bearer <token>`` stores the coded article through `Store.add_batch`.

Every filter is an `EventQuery` field, validated by `EventQuery` and bound as a SQL parameter by
`eventwire.query`; aggregates run in DuckDB. Each request opens its own short-lived DuckDB
connection and closes it when done, so the app never holds the file between requests and an
`eventwire ingest` in another process can commit its batches meanwhile (DuckDB allows one
read-write process or many read-only ones at a time); while an ingest commits, a request waits
up to `ServeSettings.lock_wait` seconds, then gets a 503. Cached answers are keyed by the store
file's size and modification time, so a batch committed elsewhere shows up on the next request.

``POST /api/code`` is bounded: at most `ServeSettings.max_text_chars` characters (413 beyond),
`ServeSettings.code_timeout` seconds of coding (503 beyond), `ServeSettings.max_codings` at once
(503 with Retry-After beyond), run in a worker thread so other requests go on, and — on a server
bound to another address than localhost — only with the bearer token.

Errors are ``{"error": "message"}`` with status 400 (bad parameter), 401/403 (coding or writing
refused), 404 (unknown event or route), 413 (text or body too large), 422 (malformed JSON body),
503 (busy: store locked, coding slots full, or over the time budget) or 500 (a generic message;
the details go to the server log, never to the client).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, cast

import duckdb
from fastapi import Body, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.middleware.gzip import GZipMiddleware

from eventwire.config import ServeSettings
from eventwire.dates import period_label
from eventwire.errors import (
    CodingTimeout,
    QueryError,
)
from eventwire.labels import actor_label
from eventwire.model import Article, Event
from eventwire.query import (
    Order,
    Period,
    counts_by_country,
    counts_by_root,
    filtered_sql,
    left_out,
    page_sql,
    series,
    top_actors,
    top_dyads,
    with_periods,
)
from eventwire.store import Store, connect
from eventwire.web.downloads import MAX_DOWNLOAD, label_row
from eventwire.web.errors import add_error_handlers
from eventwire.web.filters import Filters, filters_for
from eventwire.web.gate import Gate
from eventwire.web.middleware import BodyLimit, ResponseCache, SecurityHeaders

__all__ = ["MAX_LIMIT", "MAX_TEXT_CHARS", "ServeSettings", "create_app"]

log = logging.getLogger("eventwire.web")

MAX_LIMIT = 1000
"""Largest page of ``GET /api/events``."""
MAX_TEXT_CHARS = ServeSettings.model_fields["max_text_chars"].default
"""Longest text ``POST /api/code`` accepts by default (`ServeSettings.max_text_chars`)."""
MAX_TOP = 500
MAX_LOCATIONS = 5000

STATIC = Path(__file__).parent / "static"


CoderFactory = Callable[[], Any]


# --------------------------------------------------------------------------- state


class _Reader:
    """The `Store` shape `eventwire.query` reads through: one DuckDB connection (per request)."""

    def __init__(self, con: Any) -> None:
        self.con = con


@dataclass
class _State:
    """Everything one app holds: where the store is, the lazily built coder and the write token.

    No connection is kept: `reader()` opens one per request (read-only unless the app writes;
    DuckDB wants one configuration per file within a process) and `store` (``hold=False``)
    opens one per write."""

    db_path: str
    store: Store
    coder_factory: CoderFactory
    write_token: str | None
    settings: ServeSettings
    code_token: str | None = None  # the token coding needs when settings.code_needs_token
    coder: Any = None
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    slots_lock: threading.Lock = field(default_factory=threading.Lock)
    gate: Gate = field(default_factory=Gate)  # requests shared, POST /api/sql alone
    codings: int = 0  # POST /api/code requests holding a slot (until their thread ends)
    writes: int = 0   # bumped on every write of this app

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self.gate.shared(self.settings.lock_wait):
            con = connect(self.db_path, read_only=self.write_token is None,
                          lock_wait=self.settings.lock_wait, polite=True)
            try:
                yield cast(Store, _Reader(con))
            finally:
                con.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The store with a write connection for the block (held shared on the gate)."""
        with self.gate.shared(self.settings.lock_wait), self.store.connected() as s:
            yield s

    def add_batch(self, results: list[Any], coder_version: str) -> None:
        with self.gate.shared(self.settings.lock_wait):
            self.store.add_batch(results, coder_version=coder_version)

    def generation(self) -> tuple[int, ...]:
        """Changes whenever the store file changes, whoever wrote it (cache key)."""
        key: list[int] = [self.writes]
        for path in (self.db_path, self.db_path + ".wal"):
            try:
                st = os.stat(path)
            except OSError:
                key += [-1, -1]
            else:
                key += [st.st_mtime_ns, st.st_size]
        return tuple(key)

    def take_slot(self) -> bool:
        with self.slots_lock:
            if self.codings >= self.settings.max_codings:
                return False
            self.codings += 1
            return True

    def free_slot(self) -> None:
        with self.slots_lock:
            self.codings -= 1

    def get_coder(self) -> Any:
        """The coder, built on first use (loading the spaCy pipeline takes seconds)."""
        if self.coder is None:
            self.coder = self.coder_factory()
        return self.coder


def _default_coder() -> Any:
    from eventwire.coder import Coder

    return Coder()


# --------------------------------------------------------------------------- parameters


class CodeRequest(BaseModel):
    """Body of ``POST /api/code``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Text to code (at most the server's "
                                                "max_text_chars, 20,000 by default).")
    pub_date: date | None = Field(None, description="Publication date; relative dates "
                                                     "('on Sunday') are resolved from it.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    store: bool = Field(False, description="Store the article and its events: needs a server "
                                           "started with --write and the bearer token.")


# --------------------------------------------------------------------------- helpers


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    try:
        cur = store.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except duckdb.Error as exc:
        log.warning("query failed: %s", exc)
        raise QueryError("the query failed; check the filter values") from exc


def _articles(store: Store, hashes: list[str]) -> dict[str, dict[str, Any]]:
    if not hashes:
        return {}
    rows = _rows(store, "SELECT id, input_id, title, url, source, pub_date FROM articles "
                        "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(hashes))])
    return {r.pop("id"): r for r in rows}


def _evidence(ev: dict[str, Any]) -> dict[str, Any]:
    def span(role: str) -> dict[str, Any] | None:
        start, end = ev.get(f"{role}_start"), ev.get(f"{role}_end")
        if role != "trigger" and start is None:
            return None
        return {"text": ev.get(f"{role}_text"), "start": start, "end": end,
                "code": ev.get(f"{role}_code")}

    return {"sentence": ev.get("sentence"), "trigger": span("trigger"),
            "source": span("source"), "target": span("target"), "rule_id": ev.get("rule_id"),
            "confidence": ev.get("confidence"), "date_text": ev.get("date_text"),
            "location_reason": ev.get("location_reason")}


def _label(code: str) -> str | None:
    from eventwire.ontology import cameo_codes

    entry = cameo_codes().get(code)
    return entry.label if entry else None


def explain_event(ev: Event) -> list[str]:
    """Why `ev` was coded, one step a line: rule and trigger, actors, date, place."""
    label = _label(ev.cameo_code)
    lines = [
        f"CAMEO {ev.cameo_code} {label or ''} (root {ev.cameo_root}, quad class "
        f"{ev.quad_class}, Goldstein {ev.goldstein:+.1f}); PLOVER "
        f"{ev.plover_type or '-'}{'/' + ev.plover_mode if ev.plover_mode else ''}",
        f"rule {ev.rule_id} matched the trigger {ev.trigger_text!r} "
        f"(characters {ev.trigger_start}-{ev.trigger_end})"
        + ("; negated" if ev.negated else "")
        + (f"; modality {ev.modality}" if ev.modality != "asserted" else ""),
    ]
    for role in ("source", "target"):
        code, text = getattr(ev, f"{role}_code"), getattr(ev, f"{role}_text")
        if code or text:
            lines.append(f"{role} {code or '(no code)'}"
                         + (f" from {text!r}" if text else " (no text span)"))
        else:
            lines.append(f"no {role} actor found")
    if ev.date_text:
        lines.append(f"date {ev.event_date} ({ev.date_precision}) from {ev.date_text!r}, "
                     f"relative to the publication date {ev.pub_date}")
    else:
        lines.append(f"date {ev.event_date or 'unknown'}: the publication date")
    if ev.location_name:
        lines.append(f"place {ev.location_name} ({ev.location_country or '?'}; "
                     f"{ev.location_reason or 'no reason given'})")
    else:
        lines.append("no place found")
    lines.append(f"confidence {ev.confidence}")
    return lines


# --------------------------------------------------------------------------- the app


def create_app(db_path: str | Path, *, coder_factory: CoderFactory | None = None,
               write_token: str | None = None, settings: ServeSettings | None = None,
               code_token: str | None = None) -> FastAPI:
    """The API + dashboard over the store at `db_path`.

    Read-only (the store is opened read-only) unless `write_token` is given; then the store is
    opened for writing and ``POST /api/code`` stores texts sent with ``"store": true`` and
    ``Authorization: Bearer <write_token>``. `coder_factory` builds the `Coder` on the first
    ``POST /api/code`` (default: ``Coder()``). `settings` bounds coding and lock waits; with
    ``code_needs_token`` (a server on a public address) coding needs `code_token` (default:
    `write_token`) too.

    The store is opened (created, when writable) and checked here, then closed again: requests
    open their own connections (see the module docstring).
    """
    for token in (write_token, code_token):
        if token is not None and not token.strip():
            raise ValueError("write_token and code_token must not be empty")
    settings = settings or ServeSettings()
    store = Store(db_path, read_only=write_token is None, lock_wait=settings.lock_wait,
                  hold=False)
    state = _State(str(db_path), store, coder_factory or _default_coder, write_token, settings,
                   code_token or write_token)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        try:
            yield
        finally:
            store.close()

    try:
        version = metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        version = "dev"
    app = FastAPI(
        title="eventwire", version=version, lifespan=lifespan,
        description="Political event data (CAMEO / PLOVER) coded from news articles: query "
                    "the event store, aggregate it, and code new text. Errors are "
                    '`{"error": "message"}`.',
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.eventwire = state
    app.add_middleware(ResponseCache, state=state)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    add_error_handlers(app, state)
    _add_api(app, state)
    from eventwire.web.downloads import add_download_api

    add_download_api(app, state, filters_for)
    from eventwire.web.pages import add_pages_api

    add_pages_api(app, state, STATIC)
    from eventwire.web.review import add_review_api

    add_review_api(app, state)
    _add_pages(app)
    return app


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers={"cache-control": "no-cache"})


def _add_api(app: FastAPI, state: _State) -> None:
    @app.get("/api/meta", tags=["store"])
    def meta() -> dict[str, Any]:
        """Store totals, its date range, whether writing is enabled, CAMEO roots and limits."""
        from eventwire.ontology import cameo_codes

        with state.reader() as s:
            # the date range of the news, without background acts (a 1905 aside)
            (row,) = _rows(s, "SELECT count(*) AS events, "
                              "min(event_date) FILTER (WHERE NOT background) AS first_date, "
                              "max(event_date) FILTER (WHERE NOT background) AS last_date, "
                              "count(*) FILTER (WHERE background) AS background "
                              "FROM events", [])
            (arts,) = _rows(s, "SELECT count(*) AS n FROM articles", [])
        roots = [{"root": c.code, "label": c.label, "quad_class": c.quad_class}
                 for c in cameo_codes().values() if len(c.code) == 2]
        return {**row, "articles": arts["n"], "writable": state.write_token is not None,
                "version": app.version, "roots": roots,
                "limits": {"limit": MAX_LIMIT, "text_chars": state.settings.max_text_chars,
                           "top": MAX_TOP, "code_seconds": state.settings.code_timeout,
                           "download": MAX_DOWNLOAD}}

    @app.get("/api/changes", tags=["store"])
    def changes() -> dict[str, str]:
        """A version of the store that changes whenever a write lands (this server's or an
        ingest's): the size and modification time of the store file and its WAL. Cheap (no
        query): the dashboard polls it to refresh its counts."""
        return {"version": "-".join(str(x) for x in state.generation())}

    @app.get("/api/events", tags=["events"])
    def events(
        f: Annotated[Filters, Depends(filters_for("limit", "offset", "sort"))],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")] = 50,
        offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
        sort: Annotated[Order, Query(description="Sort key; '-' for descending.")
                        ] = "-event_date",
    ) -> dict[str, Any]:
        """Events matching the filters, one page at a time, with each article's title, URL and
        source."""
        q = f.query(limit=limit, offset=offset, order=sort)
        with state.reader() as s:
            inner, params = filtered_sql(q)
            (total,) = _rows(s, f"SELECT count(*) AS n FROM ({inner})", list(params))
            rows = with_periods(_rows(s, *page_sql(inner, list(params), q)))
            arts = _articles(s, [r["article_hash"] for r in rows])
        for r in rows:
            art = arts.get(r["article_hash"], {})
            r["article_title"], r["article_url"] = art.get("title"), art.get("url")
            r["article_source"] = art.get("source")
            label_row(r)
        return {"events": rows, "total": total["n"], "limit": limit, "offset": offset,
                "sort": sort}

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: Annotated[str, PathParam(min_length=1, max_length=128)]
              ) -> dict[str, Any]:
        """One event with its evidence (sentence; trigger, source and target offsets; rule) and
        its article. `copies` counts stored rows with this id (the same article stored under
        two content hashes)."""
        with state.reader() as s:
            rows = _rows(s, "SELECT *, count(*) OVER () AS copies FROM events "
                            "WHERE event_id = ? ORDER BY article_hash LIMIT 1", [event_id])
            if not rows:
                raise HTTPException(404, f"no event with id {event_id!r}")
            ev = with_periods(rows)[0]
            art = _articles(s, [ev["article_hash"]]).get(ev["article_hash"])
        return {**label_row(ev), "evidence": _evidence(ev),
                "article": art}

    @app.get("/api/series", tags=["aggregates"])
    def get_series(
        f: Annotated[Filters, Depends(filters_for("by", "fill"))],
        by: Annotated[Period, Query(description="Period of the series.")] = "week",
        fill: Annotated[bool, Query(description="List empty periods too.")] = False,
    ) -> dict[str, Any]:
        """Counts per period of event_date: quad1..quad4, n, goldstein_sum, goldstein_mean.
        Use `dyad` or `actor` for a dyad's or an actor's series."""
        q = f.query()
        with state.reader() as s:
            return {"by": by, "series": series(s, q, by=by, fill=fill),
                    "left_out": left_out(s, q, by=by)}

    @app.get("/api/actors", tags=["aggregates"])
    def actors(
        f: Annotated[Filters, Depends(filters_for("n"))],
        n: Annotated[int, Query(ge=1, le=MAX_TOP, description="How many.")] = 20,
    ) -> dict[str, Any]:
        """The actor codes in most events: actor, n, as_source, as_target."""
        q = f.query()
        with state.reader() as s:
            rows = top_actors(s, q, n=n)
            lo = left_out(s, q)
        for r in rows:
            r["label"] = actor_label(r["actor"])
        return {"actors": rows, "left_out": lo}

    @app.get("/api/dyads", tags=["aggregates"])
    def dyads(
        f: Annotated[Filters, Depends(filters_for("n"))],
        n: Annotated[int, Query(ge=1, le=MAX_TOP, description="How many.")] = 20,
    ) -> dict[str, Any]:
        """The (source, target) pairs in most events: dyad, n, goldstein_mean, quad1..quad4."""
        q = f.query()
        with state.reader() as s:
            rows = top_dyads(s, q, n=n)
            lo = left_out(s, q)
        for r in rows:
            r["source_label"], r["target_label"] = (actor_label(r["source_code"]),
                                                    actor_label(r["target_code"]))
        return {"dyads": rows, "left_out": lo}

    @app.get("/api/roots", tags=["aggregates"])
    def roots(f: Annotated[Filters, Depends(filters_for())]) -> dict[str, Any]:
        """Events per CAMEO root code: cameo_root, label, n, quad_class."""
        q = f.query()
        with state.reader() as s:
            return {"roots": counts_by_root(s, q), "left_out": left_out(s, q)}

    @app.get("/api/countries", tags=["aggregates"])
    def countries(f: Annotated[Filters, Depends(filters_for())]) -> dict[str, Any]:
        """Events per location country (null: not located)."""
        q = f.query()
        with state.reader() as s:
            return {"countries": counts_by_country(s, q), "left_out": left_out(s, q)}

    @app.get("/api/locations", tags=["aggregates"])
    def locations(
        f: Annotated[Filters, Depends(filters_for("n"))],
        n: Annotated[int, Query(ge=1, le=MAX_LOCATIONS, description="How many points.")
                     ] = 1000,
    ) -> dict[str, Any]:
        """Located events grouped by point (coordinates rounded to 0.01 degree), the busiest
        `n`: lat, lon, n, goldstein_mean, name and country (the first of the point's names);
        `located` counts all located events."""
        q = f.query()
        inner, params = filtered_sql(q, aggregate=True)
        sql = ("SELECT *, sum(n) OVER () AS located FROM ("
               "SELECT round(latitude, 2) AS lat, round(longitude, 2) AS lon, count(*) AS n, "
               "avg(goldstein) AS goldstein_mean, min(location_name) AS name, "
               f"min(location_country) AS country FROM ({inner}) "
               "WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2) "
               "ORDER BY n DESC, lat, lon LIMIT ?")
        with state.reader() as s:
            rows = _rows(s, sql, [*params, n])
            left = left_out(s, q)
        located = int(rows[0]["located"]) if rows else 0
        for r in rows:
            del r["located"]
        return {"locations": rows, "located": located, "left_out": left}

    @app.post("/api/code", tags=["coding"], responses={
        401: {"description": "the bearer token is missing or wrong"},
        403: {"description": "store requested from a read-only server, or coding disabled"},
        413: {"description": "text too long"},
        503: {"description": "coding slots full, over the time budget, or the store busy"}})
    async def code(request: Request, body: Annotated[CodeRequest, Body()]) -> dict[str, Any]:
        """Code a text with the `Coder`: the events, each with the steps that produced it.

        Nothing is stored unless `store` is true, the server runs with `--write` and the
        request carries `Authorization: Bearer <token>`. On a server bound to a public address
        coding itself needs the token. Coding runs in a worker thread, at most `max_codings`
        at once, and gives up after `code_timeout` seconds."""
        limits = state.settings
        if len(body.text) > limits.max_text_chars:
            raise HTTPException(413, f"text is {len(body.text)} characters; the limit is "
                                     f"{limits.max_text_chars}")
        if limits.code_needs_token:
            _check_token(state, request, what="coding on this server")
        if body.store:
            _authorize(state, request)
        article = Article(id="api-" + hashlib.sha256(body.text.encode("utf-8")).hexdigest()[:16],
                          text=body.text, pub_date=body.pub_date, title=body.title,
                          url=body.url, source=body.source)
        if not state.take_slot():
            raise HTTPException(503, f"the server is coding {limits.max_codings} texts already; "
                                     "try again shortly", headers={"Retry-After": "5"})
        # the thread frees the slot when it really ends, even if this request is cancelled
        result, version = await run_in_threadpool(_code_one, state, article)
        stored = False
        if body.store:
            await run_in_threadpool(state.add_batch, [result], version)
            state.writes += 1
            stored = True
        return {
            "article_id": article.id, "stored": stored, "count": len(result.events),
            "warnings": list(getattr(result, "warnings", ())),
            "events": [{**ev.to_row(), "cameo_label": _label(ev.cameo_code),
                        "event_period": period_label(ev.event_date, ev.date_precision),
                        "explanation": explain_event(ev)} for ev in result.events],
        }


def _code_one(state: _State, article: Article) -> tuple[Any, str]:
    """Code one article within the time budget (in a worker thread); frees the coding slot."""
    budget = state.settings.code_timeout
    try:
        if not state.coder_lock.acquire(timeout=budget):
            raise HTTPException(503, "the coder stayed busy with other texts for "
                                     f"{budget:g} s; try again shortly",
                                headers={"Retry-After": "5"})
        try:
            coder = state.get_coder()  # the first call loads the pipeline: not in the budget
            deadline = time.monotonic() + budget
            result = next(iter(coder.code_articles([article], deadline=deadline)))
            version = coder.version
        except CodingTimeout:
            raise HTTPException(503, f"coding this text took longer than the server's budget "
                                     f"of {budget:g} s; send a shorter text") from None
        finally:
            state.coder_lock.release()
    finally:
        state.free_slot()
    if result.error:
        log.error("coding %s failed: %s", article.id, result.error)
        raise HTTPException(500, "the coder failed on this text; the server log has the details")
    return result, version


def _check_token(state: _State, request: Request, *, what: str) -> None:
    """The request carries ``Authorization: Bearer <the server's token>``, else 401 (403 when the
    server has no token at all)."""
    token = state.code_token
    if token is None:
        raise HTTPException(403, f"{what} needs a token and the server has none: start it with "
                                 "`eventwire serve --token TOKEN`, or bind it to 127.0.0.1")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, f"{what} needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "wrong token", headers={"WWW-Authenticate": "Bearer"})


def _authorize(state: _State, request: Request) -> None:
    if state.write_token is None:
        raise HTTPException(403, "this server is read-only: start it with `eventwire serve "
                                 "--write --token TOKEN` to store coded texts")
    _check_token(state, request, what="storing")
