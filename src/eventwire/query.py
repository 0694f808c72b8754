"""Queries over the event store: filters, time series, top lists and read-only SQL.

Every filter value is bound as a SQL parameter; only fixed SQL text chosen from whitelists
(column names, ``ORDER BY`` keys, ``date_trunc`` units) is ever written into a statement.

Filter semantics (`EventQuery`):

- ``actor``   prefix of source_code OR target_code: ``IRN`` matches ``IRN``, ``IRNGOV``, ``IRNMIL``.
- ``dyad``    ``SRC:TGT``, each side a prefix of source_code / target_code; one side may be empty
  (``IRN:`` = any event with an Iranian source).
- ``between`` ``A,B``: events between A and B in either direction (source A and target B, or
  source B and target A), each side a code prefix: ``IRN,USA`` is the Iran ↔ US dyad.
- ``code``    CAMEO event code: ``057`` is an exact match, ``05*`` a prefix match (all of root 05,
  ``05``, ``051``, ...). Two to four digits, optionally followed by ``*``.
- ``root``    two-digit CAMEO root (``5`` is read as ``05``); ``quad`` GDELT quad class 1-4.
- ``since`` / ``until``  inclusive bounds on event_date, given as ``YYYY``, ``YYYY-MM`` or
  ``YYYY-MM-DD`` (`date_bound`): ``since`` is the first day of the period, ``until`` the last
  (``until=2020-01`` is through 31 January 2020).
- ``country`` location_country: a code, ISO alpha-2/alpha-3 or FIPS code, or a country name
  or alias, read by `eventwire.countries.resolve_country` ("IR", "Iran" and "IRN" all mean IRN).
- ``near``    ``(lat, lon, km)``: events located within km of the point (haversine, in SQL).
- ``text``    case-insensitive substring of the evidence sentence (``%`` and ``_`` are literal).
- ``dedup='one-a-day'``  each (event_date, source_code, target_code, cameo_code) once among the
  matching events — the one with the smallest event_id — with store-wide ``mentions``,
  ``sources``, ``articles`` and ``stories`` attached (see `eventwire.store`).
- ``limit`` / ``offset`` / ``order`` page through `run_query`; the aggregates (`series`,
  `top_actors`, ...) ignore them.

Default exclusions of the aggregates (`series`, `top_actors`, `top_dyads`, `counts_by_root`,
`counts_by_country`; so the CLI's series, top, summary and plots and the dashboard's
aggregates), each brought back on its own (`exclusions`):

- background events (``Event.background``: an act well before publication) unless
  ``include_background`` (``--include-background``, ``include_background=1``);
- events with an incomplete dyad (``Event.complete`` false: an actor without a country or a
  known international group) unless ``all_dyads`` (``--all-dyads``, ``all_dyads=1``).

`left_out` counts what each left out (``{"background": 3, "incomplete": 2}``), for the CLI
and the API to say so. `run_query` (the event list, exports) lists every event unless asked
for the aggregates' view (``aggregate=True``).
"""

from __future__ import annotations

import calendar
import re
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple

import duckdb
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from eventwire.countries import resolve_country
from eventwire.dates import period_label
from eventwire.errors import QueryError, ReadOnlyError, StoreError
from eventwire.store import Store, check_store_file, open_error

__all__ = [
    "EventQuery", "SqlResult", "check_read_only", "counts_by_country", "counts_by_root",
    "date_bound", "exclusions", "filtered_sql", "left_out", "page_sql", "query_sql",
    "run_query", "run_sql", "series", "top_actors", "top_dyads", "with_periods",
]

Order = Literal["event_date", "-event_date", "pub_date", "-pub_date", "goldstein", "-goldstein",
                "confidence", "-confidence", "mentions", "-mentions"]
Period = Literal["day", "week", "month", "year"]

COUNTRY_HELP = ("Event location country: ISO 3166 alpha-3 (IRN) or alpha-2 (IR) code, name or "
                "alias (Iran, Britain); FIPS 10-4 codes where no alpha-2 code is the same "
                "(AU is Australia, not FIPS Austria).")

_EARTH_KM = 6371.0088
_CODE = re.compile(r"^(\d{2,4}|\d{1,4}\*)$")
_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_bound(value: str | date, *, end: bool = False) -> date:
    """A date bound from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the period's first day, or
    with `end` its last (``2020-02`` -> 2020-02-29). `ValueError` with a plain message else."""
    if isinstance(value, date):
        return value
    m = _BOUND.fullmatch(value.strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if not m[2]:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if not m[3]:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return date(year, month, last if end else 1)
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD "
                         "(e.g. 2020, 2020-01, 2020-01-31)") from None


class EventQuery(BaseModel):
    """Filters on the events table; every field optional. See the module docstring."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actor: str | None = Field(default=None,
                              description="Source or target code prefix, e.g. IRN, IRNGOV.")
    dyad: str | None = Field(default=None, description="SRC:TGT code prefixes, e.g. IRN:IRQ.")
    between: str | None = Field(default=None, description="A,B code prefixes: events between "
                                "A and B in either direction, e.g. IRN,USA.")
    code: str | None = Field(default=None, description="CAMEO code: 057 exact, 05* prefix.")
    root: str | None = Field(default=None, description="CAMEO root, e.g. 05.")
    quad: int | None = Field(default=None, ge=1, le=4, description="Quad class 1-4.")
    since: date | None = Field(default=None, description="First event date (inclusive): "
                               "YYYY, YYYY-MM or YYYY-MM-DD, from the period's first day.")
    until: date | None = Field(default=None, description="Last event date (inclusive): "
                               "YYYY, YYYY-MM or YYYY-MM-DD, through the period's last day.")
    country: str | None = Field(default=None, description=COUNTRY_HELP)
    near: tuple[float, float, float] | None = Field(
        default=None, description="LAT,LON,KM: events within KM of the point.")
    text: str | None = Field(default=None, description="Substring of the evidence sentence.")
    dedup: Literal["one-a-day"] | None = Field(
        default=None,
        description="one-a-day: each date/source/target/code once, with mention counts.")
    limit: int | None = Field(default=None, ge=0, description="At most this many rows.")
    offset: int = Field(default=0, ge=0, description="Skip this many rows.")
    order: Order = Field(default="event_date", description="Sort key; '-' for descending.")
    include_background: bool = Field(
        default=False, description="Aggregates count background events too (acts well "
        "before publication, left out by default).")
    all_dyads: bool = Field(
        default=False, description="Aggregates count events whose source or target lacks a "
        "country or known international group too (left out by default).")

    @classmethod
    def build(cls, **values: Any) -> EventQuery:
        """Like the constructor, but raises `QueryError` with a one-line message; None values
        are dropped (handy for CLI options)."""
        try:
            return cls(**{k: v for k, v in values.items() if v is not None})
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "query"
            msg = err["msg"].removeprefix("Value error, ")
            raise QueryError(f"bad {where}: {msg}") from None

    @field_validator("actor", mode="after")
    @classmethod
    def _upper(cls, v: str | None) -> str | None:
        return v.strip().upper() or None if v is not None else None

    @field_validator("country", mode="after")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        try:
            return resolve_country(v).code
        except QueryError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("since", "until", mode="before")
    @classmethod
    def _bound(cls, v: Any, info: ValidationInfo) -> Any:
        if isinstance(v, str):
            return date_bound(v, end=info.field_name == "until")
        return v

    @field_validator("dyad", mode="after")
    @classmethod
    def _dyad(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if v.count(":") != 1 or v.strip() == ":":
            raise ValueError(f"{v!r} is not SRC:TGT (e.g. IRN:IRQ)")
        return v.strip().upper()

    @field_validator("between", mode="after")
    @classmethod
    def _between(cls, v: str | None) -> str | None:
        if v is None:
            return None
        parts = [p.strip().upper() for p in v.replace(":", ",").split(",")]
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"{v!r} is not A,B (two actor code prefixes, e.g. IRN,USA)")
        return ",".join(parts)

    @field_validator("code", mode="after")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and not _CODE.match(v.strip()):
            raise ValueError(f"{v!r} is not a CAMEO code (e.g. 057, or 05* for a prefix)")
        return v.strip() if v is not None else None

    @field_validator("root", mode="before")
    @classmethod
    def _root(cls, v: Any) -> Any:
        if v is None:
            return None
        s = str(v).strip()
        if not re.fullmatch(r"\d{1,2}", s):
            raise ValueError(f"{v!r} is not a CAMEO root (01-20)")
        return s.zfill(2)

    @field_validator("near", mode="before")
    @classmethod
    def _near(cls, v: Any) -> Any:
        if isinstance(v, str):
            parts = v.split(",")
            try:
                if len(parts) != 3:
                    raise ValueError
                return tuple(float(p) for p in parts)
            except ValueError:
                raise ValueError(f"{v!r} is not LAT,LON,KM (e.g. 35.7,51.4,50)") from None
        return v

    @model_validator(mode="after")
    def _check(self) -> EventQuery:
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
                raise ValueError("near wants -90<=LAT<=90, -180<=LON<=180 and KM>0")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        if self.order.lstrip("-") == "mentions" and self.dedup is None:
            raise ValueError("order by mentions needs dedup='one-a-day'")
        return self


# --------------------------------------------------------------------------- SQL building


def exclusions(q: EventQuery) -> dict[str, str]:
    """What the aggregates leave out by default and `q` does not bring back: the `left_out`
    key -> the SQL condition of the events left out."""
    out: dict[str, str] = {}
    if not q.include_background:
        out["background"] = "coalesce(background, false)"
    if not q.all_dyads:
        out["incomplete"] = "NOT coalesce(complete, false)"
    return out


def _where(q: EventQuery, *, aggregate: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause of `q` over the events columns, with its parameters; with
    `aggregate`, without the events the aggregates leave out by default (`exclusions`)."""
    sql: list[str] = [f"NOT {cond}" for cond in exclusions(q).values()] if aggregate else []
    params: list[Any] = []
    if q.actor:
        sql.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [q.actor, q.actor]
    if q.dyad:
        src, tgt = q.dyad.split(":")
        if src:
            sql.append("starts_with(source_code, ?)")
            params.append(src)
        if tgt:
            sql.append("starts_with(target_code, ?)")
            params.append(tgt)
    if q.between:
        a, b = q.between.split(",")
        sql.append("((starts_with(source_code, ?) AND starts_with(target_code, ?)) OR "
                   "(starts_with(source_code, ?) AND starts_with(target_code, ?)))")
        params += [a, b, b, a]
    if q.code:
        if q.code.endswith("*"):
            sql.append("starts_with(cameo_code, ?)")
            params.append(q.code[:-1])
        else:
            sql.append("cameo_code = ?")
            params.append(q.code)
    for column, value in (("cameo_root", q.root), ("quad_class", q.quad),
                          ("location_country", q.country)):
        if value is not None:
            sql.append(f"{column} = ?")
            params.append(value)
    if q.since:
        sql.append("event_date >= ?")
        params.append(q.since)
    if q.until:
        sql.append("event_date <= ?")
        params.append(q.until)
    if q.near:
        lat, lon, km = q.near
        sql.append(
            "latitude BETWEEN ? AND ? AND longitude IS NOT NULL AND "
            f"2 * {_EARTH_KM} * asin(sqrt(pow(sin(radians(latitude - ?) / 2), 2) + "
            "cos(radians(?)) * cos(radians(latitude)) * "
            "pow(sin(radians(longitude - ?) / 2), 2))) <= ?")
        params += [lat - km / 110.0 - 0.01, lat + km / 110.0 + 0.01, lat, lat, lon, km]
    if q.text:
        escaped = q.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql.append("sentence ILIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    return (" WHERE " + " AND ".join(sql)) if sql else "", params


_KEY = ("event_date", "source_code", "target_code", "cameo_code")


def filtered_sql(q: EventQuery, *, aggregate: bool = False) -> tuple[str, list[Any]]:
    """A SELECT of the events matching `q` (deduplicated when asked), without order or limit;
    with `aggregate`, without what the aggregates leave out (`exclusions`).

    Columns: every events column, plus mentions/sources/articles/stories with dedup.
    """
    where, params = _where(q, aggregate=aggregate)
    base = f"SELECT * FROM events{where}"
    if q.dedup is None:
        return base, params
    join = " AND ".join(f"c.{k} IS NOT DISTINCT FROM d.{k}" for k in _KEY)
    sql = (f"SELECT d.* EXCLUDE (_rn), c.mentions, c.sources, c.articles, c.stories FROM "
           f"(SELECT *, row_number() OVER (PARTITION BY {', '.join(_KEY)} "
           f"ORDER BY event_id, article_hash) AS _rn FROM ({base})) d "
           f"JOIN event_counts c ON {join} WHERE d._rn = 1")
    return sql, params


def query_sql(q: EventQuery, *, aggregate: bool = False) -> tuple[str, list[Any]]:
    """`filtered_sql` with ORDER BY, LIMIT and OFFSET: the statement `run_query` runs."""
    return page_sql(*filtered_sql(q, aggregate=aggregate), q)


def page_sql(sql: str, params: list[Any], q: EventQuery) -> tuple[str, list[Any]]:
    """Wrap a SELECT of events columns in `q`'s ORDER BY, LIMIT and OFFSET."""
    key = q.order.lstrip("-")
    direction = "DESC" if q.order.startswith("-") else "ASC"
    sql = (f"SELECT * FROM ({sql}) ORDER BY {key} {direction} NULLS LAST, event_id, article_hash")
    if q.limit is not None:
        sql += " LIMIT ?"
        params = [*params, q.limit]
    if q.offset:
        sql += " OFFSET ?"
        params = [*params, q.offset]
    return sql, params


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    try:
        cur = store.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from exc


# --------------------------------------------------------------------------- queries


def run_query(store: Store, q: EventQuery | None = None, *, aggregate: bool = False
              ) -> list[dict[str, Any]]:
    """The events matching `q`, one dict per row (dates as `datetime.date`), each with its
    `event_period`: the event date as its precision allows (``2020-01`` for a month); with
    `aggregate`, without what the aggregates leave out (`exclusions`)."""
    sql, params = query_sql(q or EventQuery(), aggregate=aggregate)
    return with_periods(_rows(store, sql, params))


def with_periods(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add `event_period` (`dates.period_label`) to event rows, in place; returns them."""
    for row in rows:
        row["event_period"] = period_label(row.get("event_date"), row.get("date_precision"))
    return rows


def left_out(store: Store, q: EventQuery | None = None, *, by: Period | None = None
             ) -> dict[str, int]:
    """How many events matching `q` the aggregates left out, by reason (`exclusions`):
    ``{"background": 12, "incomplete": 3}`` (an event left out for both reasons counts under
    each); a reason `q` brings back has no key, so ``{}`` when it brings back all. With `by`
    (a series), also
    the events dated less precisely than its period (``"imprecise"``: "in March" in a day
    series), among those not left out for another reason."""
    q = q or EventQuery()
    left = exclusions(q)
    inner, params = filtered_sql(q)
    if by is not None and _COARSER.get(by):
        others = " AND ".join(f"NOT {c}" for c in left.values()) or "true"
        left = {**left, "imprecise": f"(event_date IS NOT NULL AND {others} AND "
                                     f"NOT {_precise_enough(by)})"}
    if not left:
        return {}
    counts = ", ".join(f"count(*) FILTER (WHERE {cond}) AS {_q_name(key)}"
                       for key, cond in left.items())
    row = _rows(store, f"SELECT {counts} FROM ({inner})", params)[0]
    return {key: int(row[key] or 0) for key in left}


def _q_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_TRUNC: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def series(store: Store, q: EventQuery | None = None, *, by: Period = "week",
           fill: bool = False) -> list[dict[str, Any]]:
    """Event counts per period of event_date: period (first day; weeks start on Monday),
    quad1..quad4, n, goldstein_sum, goldstein_mean (NULL without events). With `fill`, the
    periods without events between the first and the last are listed too, with zero counts."""
    if by not in _TRUNC:
        raise QueryError(f"bad by {by!r}; use day, week, month or year")
    unit = _TRUNC[by]
    inner, params = filtered_sql(q or EventQuery(), aggregate=True)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS quad{i}" for i in range(1, 5))
    agg = (f"SELECT CAST(date_trunc('{unit}', event_date) AS DATE) AS period, {quads}, "
           "count(*) AS n, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean "
           f"FROM ({inner}) WHERE event_date IS NOT NULL AND {_precise_enough(by)} "
           "GROUP BY period")
    if not fill:
        return _labelled(_rows(store, f"{agg} ORDER BY period", params), by)
    cols = ", ".join(f"coalesce(a.quad{i}, 0) AS quad{i}" for i in range(1, 5))
    sql = (f"WITH a AS ({agg}), p AS (SELECT CAST(unnest(generate_series(min(period), "
           f"max(period), INTERVAL 1 {unit})) AS DATE) AS period FROM a) "
           f"SELECT p.period, {cols}, coalesce(a.n, 0) AS n, "
           "coalesce(a.goldstein_sum, 0.0) AS goldstein_sum, a.goldstein_mean "
           "FROM p LEFT JOIN a USING (period) ORDER BY p.period")
    return _labelled(_rows(store, sql, params), by)


# a date's precision, coarse to fine: an event binned by a finer period than its date knows
# ("in March" in a day series) is left out of the series and counted as "imprecise"
_COARSER: dict[str, tuple[str, ...]] = {"day": ("week", "month", "year"),
                                        "week": ("month", "year"), "month": ("year",),
                                        "year": ()}


def _precise_enough(by: str) -> str:
    coarser = _COARSER[by]
    if not coarser:
        return "true"
    return ("coalesce(date_precision, 'pub') NOT IN ("
            + ", ".join(f"'{p}'" for p in coarser) + ")")


def _labelled(rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Each series row with its `label`: the period as ``2020-01-05``, ``2020-01``, ``2020``."""
    precision = by if by in ("month", "year") else "day"
    return [{"period": r["period"], "label": period_label(r["period"], precision),
             **{k: v for k, v in r.items() if k != "period"}} for r in rows]


def top_actors(store: Store, q: EventQuery | None = None, *, n: int = 10
               ) -> list[dict[str, Any]]:
    """The `n` actor codes in most events: actor, n, as_source, as_target."""
    inner, params = filtered_sql(q or EventQuery(), aggregate=True)
    sql = (f"WITH f AS ({inner}), a AS ("
           "SELECT source_code AS actor, 1 AS s, 0 AS t FROM f WHERE source_code IS NOT NULL "
           "UNION ALL SELECT target_code, 0, 1 FROM f WHERE target_code IS NOT NULL) "
           "SELECT actor, count(*) AS n, sum(s) AS as_source, sum(t) AS as_target "
           "FROM a GROUP BY actor ORDER BY n DESC, actor LIMIT ?")
    return _rows(store, sql, [*params, n])


def top_dyads(store: Store, q: EventQuery | None = None, *, n: int = 10
              ) -> list[dict[str, Any]]:
    """The `n` (source_code, target_code) pairs in most events: dyad ("IRNGOV:IRQGOV"),
    source_code, target_code, n, goldstein_mean, quad1..quad4."""
    inner, params = filtered_sql(q or EventQuery(), aggregate=True)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS quad{i}" for i in range(1, 5))
    sql = (f"SELECT source_code || ':' || target_code AS dyad, source_code, target_code, "
           f"count(*) AS n, avg(goldstein) AS goldstein_mean, {quads} FROM ({inner}) "
           "WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
           "GROUP BY source_code, target_code ORDER BY n DESC, dyad LIMIT ?")
    return _rows(store, sql, [*params, n])


def counts_by_root(store: Store, q: EventQuery | None = None) -> list[dict[str, Any]]:
    """Events per CAMEO root: cameo_root, label, n, quad_class."""
    from eventwire.ontology import cameo_codes

    inner, params = filtered_sql(q or EventQuery(), aggregate=True)
    rows = _rows(store, f"SELECT cameo_root, count(*) AS n FROM ({inner}) "
                        "GROUP BY cameo_root ORDER BY cameo_root", params)
    codes = cameo_codes()
    for row in rows:
        entry = codes.get(row["cameo_root"])
        row["label"] = entry.label if entry else None
        row["quad_class"] = entry.quad_class if entry else None
    return rows


def counts_by_country(store: Store, q: EventQuery | None = None) -> list[dict[str, Any]]:
    """Events per location country (NULL: not located): country, n."""
    inner, params = filtered_sql(q or EventQuery(), aggregate=True)
    return _rows(store, f"SELECT location_country AS country, count(*) AS n FROM ({inner}) "
                        "GROUP BY location_country ORDER BY n DESC, country NULLS LAST", params)


# --------------------------------------------------------------------------- read-only SQL


class SqlResult(NamedTuple):
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # more rows than `run_sql`'s max_rows


_ALLOWED = "use SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN"


def check_read_only(sql: str) -> None:
    """Raise `ReadOnlyError` unless `sql` is one statement that only reads.

    Accepted: SELECT (including WITH, FROM-first, DESCRIBE, SHOW, SUMMARIZE) and EXPLAIN of
    those. Everything else — INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, ATTACH, COPY, EXPORT,
    PRAGMA, SET, CALL, LOAD/INSTALL, several statements — is refused before the store is opened.
    """
    con = duckdb.connect(":memory:")
    try:
        statements = con.extract_statements(sql)
        if not statements:
            raise QueryError("no SQL statement given")
        if len(statements) != 1:
            raise ReadOnlyError(f"eventwire sql is read-only: send one statement at a time "
                                f"(got {len(statements)})")
        st = statements[0]
        kind = st.type.name
        if kind == "EXPLAIN":
            inner = re.sub(r"^\s*EXPLAIN(\s+ANALY[SZ]E)?\s+", "", st.query, flags=re.I)
            inner_st = con.extract_statements(inner)
            kind = inner_st[0].type.name if len(inner_st) == 1 else "EXPLAIN"
            kind = "SELECT" if kind == "SELECT" else f"EXPLAIN {kind}"
        if kind != "SELECT":
            raise ReadOnlyError(f"eventwire sql is read-only: {kind} statements are refused; "
                                f"{_ALLOWED}")
    except duckdb.Error as exc:
        raise QueryError(f"SQL error: {str(exc).splitlines()[0]}") from exc
    finally:
        con.close()


def run_sql(store_path: str | Path, sql: str, *, max_rows: int | None = None,
            timeout: float | None = None) -> SqlResult:
    """Run one read-only statement against the store at `store_path`.

    With `max_rows`, at most that many rows are fetched (``truncated`` says whether there were
    more); with `timeout`, a statement still running after that many seconds is interrupted
    and `QueryError` says so.

    Two locks: the statement is checked with `check_read_only`, and the store is opened
    read-only with external access disabled (no file reads, no ATTACH) and the configuration
    locked, so the statement can read the store's tables and views and nothing else.
    """
    check_read_only(sql)
    path = str(store_path)
    if not Path(path).exists():
        raise StoreError(f"no event store at {path}")
    check_store_file(path)
    try:
        con = duckdb.connect(path, read_only=True, config={
            "enable_external_access": False, "lock_configuration": True})
    except duckdb.Error as exc:
        raise open_error(path, exc) from exc
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description] if cur.description else []
        if not columns:
            return SqlResult(columns, [])
        if max_rows is None:
            return SqlResult(columns, cur.fetchall())
        rows = cur.fetchmany(max_rows + 1)
        return SqlResult(columns, rows[:max_rows], len(rows) > max_rows)
    except duckdb.InterruptException as exc:
        raise QueryError(f"the statement ran longer than {timeout:g} s and was stopped; "
                         "narrow it (WHERE, LIMIT)") from exc
    except duckdb.PermissionException as exc:
        raise ReadOnlyError("eventwire sql is read-only and reads only the store: "
                            f"{str(exc).splitlines()[0]}") from exc
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg:
            raise ReadOnlyError(f"eventwire sql is read-only: {msg}") from exc
        raise QueryError(f"SQL error: {msg}") from exc
    finally:
        if timer is not None:
            timer.cancel()
        con.close()
