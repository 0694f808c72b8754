"""Pages beside the dashboard: ``/event/<id>`` (one event, each field's value, evidence and
reason from `eventwire.eventdetail.field_evidence` — the same as ``eventwire show`` — and its
neighbours) and
``/sql`` (read-only SQL over the store) with ``POST /api/sql`` behind it.

The event page is rendered here, every value HTML-escaped; it needs no script. The store
holds no article text, so the neighbours shown are the article's other coded sentences
within `NEIGHBOURS` sentences of this one.

``POST /api/sql`` runs one statement through `eventwire.query.run_sql`, the guard of
``eventwire sql`` (statement check, store opened read-only, no external access), with at most
`SQL_MAX_ROWS` rows and `SQL_TIMEOUT` seconds; on a server bound off localhost it needs the
bearer token, as coding does.
"""

import html
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Body, FastAPI, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from eventwire.web.downloads import label_row

if TYPE_CHECKING:
    from eventwire.web.app import _State

__all__ = ["NEIGHBOURS", "SQL_MAX_ROWS", "SQL_TIMEOUT", "add_pages_api", "event_detail"]

NEIGHBOURS = 2
SQL_MAX_ROWS = 1000
SQL_TIMEOUT = 5.0


class SqlRequest(BaseModel):
    """Body of ``POST /api/sql``."""

    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, max_length=20_000, description="One read-only statement.")
    limit: int = Field(SQL_MAX_ROWS, ge=1, le=SQL_MAX_ROWS, description="Most rows returned.")


def event_detail(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event (labelled), its article, and its article's coded sentences nearby, or None."""
    cur = con.execute(
        "SELECT * FROM events WHERE event_id = ? ORDER BY article_hash LIMIT 1", [event_id]
    )
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    if row is None:
        return None
    ev = label_row(dict(zip(names, row, strict=True)))
    art = con.execute(
        "SELECT title, url, source, pub_date, input_id FROM articles WHERE id = ?",
        [ev["article_hash"]],
    ).fetchone()
    ev["article"] = (
        dict(zip(("title", "url", "source", "pub_date", "input_id"), art, strict=True))
        if art
        else None
    )
    near = con.execute(
        "SELECT sentence_index, any_value(sentence), list(event_id ORDER BY event_id) "
        "FROM events WHERE article_hash = ? AND sentence_index BETWEEN ? AND ? "
        "GROUP BY sentence_index ORDER BY sentence_index",
        [ev["article_hash"], ev["sentence_index"] - NEIGHBOURS, ev["sentence_index"] + NEIGHBOURS],
    ).fetchall()
    ev["neighbours"] = [
        {"sentence_index": i, "sentence": s, "event_ids": ids} for i, s, ids in near
    ]
    return ev


def _e(value: Any) -> str:
    return "unknown" if value is None or value == "" else html.escape(str(value))


def _marked(ev: dict[str, Any]) -> str:
    """The sentence with source, trigger and target in <mark> (offsets are code points)."""
    text = ev.get("sentence") or ""
    spans = []
    for role, cls in (("source", "src"), ("trigger", "trg"), ("target", "tgt")):
        s, e = ev.get(f"{role}_start"), ev.get(f"{role}_end")
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
            spans.append((s, e, cls))
    spans.sort()
    out, at = [], 0
    for s, e, cls in spans:
        if s < at:
            continue  # overlapping spans: the first wins
        out.append(html.escape(text[at:s]))
        out.append(f'<mark class="{cls}">{html.escape(text[s:e])}</mark>')
        at = e
    out.append(html.escape(text[at:]))
    return "".join(out)


def render_event(ev: dict[str, Any], *, writable: bool = False) -> str:
    """The HTML of the event page; `writable` adds the review buttons (write mode)."""
    art = ev.get("article") or {}
    url = art.get("url")
    link = (
        f'<a href="{html.escape(url)}" rel="noopener noreferrer">{html.escape(url)}</a>'
        if url
        else "unknown"
    )
    from eventwire.eventdetail import field_evidence

    rows = []
    for f in field_evidence(ev):
        evidence = (
            f'<span class="evidence">from {html.escape(f.evidence)}</span>; ' if f.evidence else ""
        )
        rows.append(
            (
                f.field,
                f"<b>{html.escape(f.value)}</b> — {evidence}"
                f'<span class="reason">{html.escape(f.reason)}</span>',
            )
        )
    rows += [
        (
            "article",
            f"{_e(art.get('title'))} — {_e(art.get('source'))}, published "
            f"{_e(art.get('pub_date'))}",
        ),
        ("link", link),
        ("event id", f"<code>{_e(ev.get('event_id'))}</code>"),
    ]
    near = []
    for n in ev.get("neighbours", []):
        here = n["sentence_index"] == ev["sentence_index"]
        others = [i for i in n["event_ids"] if i != ev["event_id"]]
        more = "".join(f' <a href="/event/{html.escape(i)}">event</a>' for i in others)
        body = _marked(ev) if here else html.escape(n["sentence"] or "")
        near.append(
            f'<li class="{"here" if here else "near"}" value="{n["sentence_index"] + 1}">'
            f"{body}{more}</li>"
        )
    title = (
        f"{ev.get('source_code') or 'unknown'} {ev.get('cameo_code')} "
        f"{ev.get('target_code') or 'unknown'}"
    )
    who = (
        f"{_e(ev.get('source_label') or ev.get('source_text'))} → "
        f"{_e(ev.get('cameo_label'))} → {_e(ev.get('target_label') or ev.get('target_text'))}"
    )
    review = ""
    if writable:
        buttons = (
            '<button type="button" class="review-btn right" data-verdict="right">✓ right</button>'
        )
        buttons += "".join(
            f'<button type="button" class="review-btn wrong secondary" data-verdict="wrong" '
            f'data-field="{f}">✗ {f}</button>'
            for f in ("root", "source", "target", "date", "place")
        )
        review = (
            '<script src="/static/event.js" defer></script>'
            f'<div class="review" id="review" data-event-id="{_e(ev.get("event_id"))}">'
            '<span class="hint">review:</span>'
            '<input type="password" class="review-token" placeholder="token" size="8" '
            'aria-label="write token"><input class="review-who" placeholder="your name" '
            f'size="9" maxlength="80" aria-label="who judges">{buttons}'
            '<span class="hint review-note" role="status"></span></div>'
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>event {html.escape(title)} — eventwire</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css"></head>
<body class="page">
<header class="top"><h1>eventwire</h1><p class="stats">one event</p>
<nav><a href="/">dashboard</a> · <a href="/sql">SQL</a></nav></header>
<main class="doc-page" id="event-page" data-event-id="{_e(ev.get("event_id"))}">
<h2>{who}</h2>
<p class="sentence" id="event-sentence">{_marked(ev)}</p>
<p class="key"><mark class="src">source</mark> <mark class="trg">trigger</mark>
<mark class="tgt">target</mark></p>
<dl class="fields" id="event-fields">
{"".join(f'<dt>{k}</dt><dd data-field="{k}">{v}</dd>' for k, v in rows)}
</dl>
<h3>The article's coded sentences nearby</h3>
<p class="hint">The store keeps the sentences that gave events, not the whole text.</p>
<ol class="neighbours" id="event-neighbours">{"".join(near)}</ol>
{review}
<p><a href="/api/events/{_e(ev.get("event_id"))}">this event as JSON</a></p>
</main></body></html>"""


def add_pages_api(app: FastAPI, state: "_State", static: Any) -> None:
    """Register ``/event/<id>``, ``/sql`` and ``POST /api/sql`` on `app`."""
    from eventwire.errors import QueryError, StoreBusyError, StoreError
    from eventwire.query import run_sql
    from eventwire.web.app import _check_token
    from eventwire.web.errors import scrub_paths

    @app.get("/event/{event_id}", include_in_schema=False)
    def event_page(
        event_id: Annotated[str, PathParam(min_length=1, max_length=128)],
    ) -> HTMLResponse:
        with state.reader() as s:
            ev = event_detail(s.con, event_id)
        if ev is None:
            return HTMLResponse(
                f"<!doctype html><title>no such event</title><p>No event with "
                f"id {html.escape(event_id)}. <a href='/'>dashboard</a></p>",
                status_code=404,
            )
        page = render_event(ev, writable=state.write_token is not None)
        return HTMLResponse(page, headers={"cache-control": "no-cache"})

    @app.get("/sql", include_in_schema=False)
    def sql_page() -> FileResponse:
        return FileResponse(static / "sql.html", headers={"cache-control": "no-cache"})

    @app.post(
        "/api/sql",
        tags=["store"],
        responses={
            400: {"description": "not one read-only statement, an SQL error, or over the time"},
            401: {"description": "the bearer token is missing or wrong (server off localhost)"},
        },
    )
    def sql(request: Request, body: Annotated[SqlRequest, Body()]) -> dict[str, Any]:
        """Run one read-only SQL statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)
        over the store, with the guard of `eventwire sql`: at most `limit` rows (1,000 at
        most; `truncated` says there were more) and 5 seconds. Tables: events, articles,
        failures; views: event_counts, events_one_a_day."""
        if state.settings.code_needs_token:
            _check_token(state, request, what="SQL on this server")
        try:
            with state.gate.exclusive(state.settings.lock_wait):
                result = run_sql(state.db_path, body.sql, max_rows=body.limit, timeout=SQL_TIMEOUT)
        except StoreBusyError:
            raise
        except (QueryError, StoreError) as exc:  # refused, SQL error, over time, store clash
            raise HTTPException(400, scrub_paths(str(exc))) from exc
        return {
            "columns": result.columns,
            "rows": [[_json(v) for v in r] for r in result.rows],
            "truncated": result.truncated,
            "limit": body.limit,
        }


def _json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    return str(value)
