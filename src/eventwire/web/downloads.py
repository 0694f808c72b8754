"""Downloads and facets of the dashboard's current view: ``/api/events.csv``,
``/api/events.jsonl`` and ``/api/facets``.

A download takes the same filters and sort as ``GET /api/events`` and streams every matching
row (events columns, labels, and the article's title, URL and outlet) up to `MAX_DOWNLOAD`
rows; the response headers ``X-Total-Count`` and ``X-Row-Cap`` say how many rows matched and
the cap, and ``X-Truncated: 1`` marks a download the cap cut. Rows are fetched from DuckDB
`CHUNK` at a time, so memory stays flat whatever the size.
"""

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, Query
from fastapi.responses import StreamingResponse

from eventwire.labels import LABEL_FIELDS
from eventwire.query import EventQuery, Order, filtered_sql, page_sql

if TYPE_CHECKING:
    from eventwire.web.app import Filters, _State

__all__ = ["CHUNK", "FACETS", "MAX_DOWNLOAD", "add_download_api", "facets", "label_row"]

MAX_DOWNLOAD = 1_000_000
"""Most rows one download streams (stated in the ``X-Row-Cap`` header and the API docs)."""
CHUNK = 2000

FACETS: dict[str, str] = {
    "root": "cameo_root",
    "quad": "quad_class",
    "source_country": "source_country",
    "target_country": "target_country",
    "country": "location_country",
    "year": "CAST(year(event_date) AS VARCHAR)",
}
"""Facet name -> the SQL expression it counts (fixed text, never from a request)."""
FACET_TOP = 12


def label_row(row: dict[str, Any]) -> dict[str, Any]:
    """`row` with the label columns of `eventwire.labels.row_labels` (source_label,
    target_label, cameo_label, root_label, plover_label)."""
    row.update(_labels(*(row.get(k) for k in _LABELLED)))
    return row


_LABELLED = ("source_code", "target_code", "cameo_code", "cameo_root", "plover_type")


@lru_cache(maxsize=65_536)
def _labels(*codes: Any) -> dict[str, str | None]:
    """`row_labels` of one combination of codes (a download repeats them a lot)."""
    from eventwire.labels import row_labels

    return row_labels(dict(zip(_LABELLED, codes, strict=True)))


def _download_sql(q: EventQuery, cap: int) -> tuple[str, list[Any]]:
    inner, params = filtered_sql(q)
    joined = (
        f"SELECT f.*, a.title AS article_title, a.url AS article_url, "
        f"a.source AS article_source FROM ({inner}) f "
        "LEFT JOIN articles a ON a.id = f.article_hash"
    )
    return page_sql(joined, list(params), q.model_copy(update={"limit": cap}))


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _csv_cell(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return "" if value is None else value


def facets(con: Any, q: EventQuery, *, top: int = FACET_TOP) -> dict[str, list[dict[str, Any]]]:
    """Per facet, the `top` values among the events matching `q`: value, n (and label)."""
    from eventwire.labels import cameo_label, country_label, quad_label

    inner, params = filtered_sql(q)
    parts = [
        f"SELECT '{name}' AS facet, CAST({expr} AS VARCHAR) AS value, count(*) AS n "
        f"FROM f WHERE {expr} IS NOT NULL GROUP BY 2"
        for name, expr in FACETS.items()
    ]
    sql = (
        f"WITH f AS ({inner}), c AS ({' UNION ALL '.join(parts)}), r AS ("
        "SELECT *, row_number() OVER (PARTITION BY facet ORDER BY n DESC, value) AS k "
        "FROM c) SELECT facet, value, n FROM r WHERE k <= ? ORDER BY facet, n DESC, value"
    )
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in FACETS}
    for facet, value, n in con.execute(sql, [*params, top]).fetchall():
        item: dict[str, Any] = {"value": value, "n": n}
        if facet == "root":
            item["label"] = cameo_label(value)
        elif facet in ("source_country", "target_country", "country"):
            item["label"] = country_label(value)
        elif facet == "quad":
            item["label"] = quad_label(int(value))
        out[facet].append(item)
    if out["year"]:
        out["year"].sort(key=lambda item: item["value"])
    return out


def add_download_api(
    app: FastAPI, state: "_State", filters_for: Callable[..., Callable[..., "Filters"]]
) -> None:
    # no `from __future__ import annotations` here: FastAPI reads the local `Depends`
    """Register the download and facet routes on `app`."""

    def stream(q: EventQuery, kind: str) -> tuple[Iterator[str], int]:
        # counted first (cheap), then streamed from a connection the generator holds
        with state.reader() as s:
            inner, params = filtered_sql(q)
            found = s.con.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()
            total = found[0] if found else 0
        sql, params = _download_sql(q, MAX_DOWNLOAD)

        def rows() -> Iterator[str]:
            with state.reader() as s:
                cur = s.con.execute(sql, params)
                names = [d[0] for d in cur.description]
                columns = [*names, *LABEL_FIELDS]
                buf = io.StringIO()
                writer = csv.writer(buf, lineterminator="\n")
                if kind == "csv":
                    writer.writerow(columns)
                while True:
                    chunk = cur.fetchmany(CHUNK)
                    if not chunk:
                        break
                    for values in chunk:
                        row = label_row(dict(zip(names, values, strict=True)))
                        if kind == "csv":
                            writer.writerow([_csv_cell(row[c]) for c in columns])
                        else:
                            buf.write(
                                json.dumps({c: _plain(row[c]) for c in columns}, ensure_ascii=False)
                                + "\n"
                            )
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
                if kind == "csv" and buf.tell():
                    yield buf.getvalue()

        return rows(), int(total)

    def response(q: EventQuery, kind: str) -> StreamingResponse:
        body, total = stream(q, kind)
        media = "text/csv; charset=utf-8" if kind == "csv" else "application/x-ndjson"
        headers = {
            "Content-Disposition": f'attachment; filename="events.{kind}"',
            "X-Total-Count": str(total),
            "X-Row-Cap": str(MAX_DOWNLOAD),
            "Cache-Control": "no-store",
        }
        if total > MAX_DOWNLOAD:
            headers["X-Truncated"] = "1"
        return StreamingResponse(body, media_type=media, headers=headers)

    dep = Depends(filters_for("sort"))
    sort_q = Query(description="Sort key; '-' for descending.")

    @app.get("/api/events.csv", tags=["events"], response_class=StreamingResponse)
    def events_csv(
        f: Annotated[Any, dep], sort: Annotated[Order, sort_q] = "-event_date"
    ) -> StreamingResponse:
        """Every event matching the filters as CSV (header row; list columns joined with
        ``|``), streamed, at most 1,000,000 rows (header ``X-Row-Cap``; ``X-Total-Count`` is
        the number matched)."""
        return response(f.query(order=sort), "csv")

    @app.get("/api/events.jsonl", tags=["events"], response_class=StreamingResponse)
    def events_jsonl(
        f: Annotated[Any, dep], sort: Annotated[Order, sort_q] = "-event_date"
    ) -> StreamingResponse:
        """Every event matching the filters as JSON Lines, streamed, at most 1,000,000 rows
        (header ``X-Row-Cap``; ``X-Total-Count`` is the number matched)."""
        return response(f.query(order=sort), "jsonl")

    @app.get("/api/facets", tags=["aggregates"])
    def get_facets(
        f: Annotated[Any, Depends(filters_for("top"))],
        top: Annotated[int, Query(ge=1, le=100, description="Values per facet.")] = FACET_TOP,
    ) -> dict[str, Any]:
        """Counts of the matching events by CAMEO root, quad class, source country, target
        country, place country and year (the busiest `top` values of each; years in order)."""
        with state.reader() as s:
            return {"facets": facets(s.con, f.query(), top=top)}
