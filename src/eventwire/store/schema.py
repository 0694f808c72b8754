"""The store's tables: columns derived from `Event`, their DDL and Arrow schemas, and the views.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from ..model import INTERNATIONAL_KINDS, Event

# --------------------------------------------------------------------------- schema

_TYPES: dict[type, tuple[str, pa.DataType]] = {
    str: ("VARCHAR", pa.string()),
    int: ("BIGINT", pa.int64()),
    float: ("DOUBLE", pa.float64()),
    bool: ("BOOLEAN", pa.bool_()),
    date: ("DATE", pa.date32()),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    arrow_type: pa.DataType
    nullable: bool


def _column(name: str, annotation: Any) -> Column:
    """Map a field annotation (`str`, `int | None`, `Literal[...]`, ...) to its column types."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        if len(args) != 1:
            raise TypeError(f"Event.{name}: cannot store union {annotation!r}")
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        annotation = type(typing.get_args(annotation)[0])
    if origin is tuple and typing.get_args(annotation) == (str, ...):
        return Column(name, "VARCHAR[]", pa.list_(pa.string()), nullable)
    if annotation not in _TYPES:
        raise TypeError(f"Event.{name}: no column type for {annotation!r}")
    sql_type, arrow_type = _TYPES[annotation]
    return Column(name, sql_type, arrow_type, nullable)


EVENT_COLUMNS: tuple[Column, ...] = (
    *(_column(name, info.annotation) for name, info in Event.model_fields.items()),
    Column("article_hash", "VARCHAR", pa.string(), False),
    Column("story_id", "VARCHAR", pa.string(), True),
)
"""The `events` table: every `Event` field, then the article's content hash and story id."""


def _known_sql(side: str) -> str:
    """`model.actor_known` in SQL, for one side ('source' or 'target') of an event row."""
    code, country = f"{side}_code", f"{side}_country"
    kinds = " OR ".join(f"starts_with({code}, '{k}')" for k in INTERNATIONAL_KINDS)
    return (f"({code} IS NOT NULL AND {code} <> '' AND (coalesce({country}, '') <> '' "
            f"OR (length({code}) > 3 AND ({kinds}))))")


ADDED_COLUMNS: dict[str, str] = {
    "complete": f"({_known_sql('source')} AND {_known_sql('target')})",
}
"""`Event` fields added after stores were written whose value follows from the stored fields,
with the SQL that fills them in an older store (on open, by `migrate.migrate`) or an older
Parquet run (`Store.load_parquet`). Any other field added since with a scalar default
(``background``) is filled with that default."""


def _arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.arrow_type, c.nullable) for c in columns])


_EVENTS_SCHEMA = _arrow_schema(EVENT_COLUMNS)

_ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("id", "VARCHAR PRIMARY KEY", pa.string(), False),
    Column("input_id", "VARCHAR", pa.string(), True),
    Column("source", "VARCHAR", pa.string(), True),
    Column("url", "VARCHAR", pa.string(), True),
    Column("title", "VARCHAR", pa.string(), True),
    Column("pub_date", "DATE", pa.date32(), True),
    Column("status", "VARCHAR", pa.string(), False),
    Column("error", "VARCHAR", pa.string(), True),
    Column("coder_version", "VARCHAR", pa.string(), True),
    Column("story_id", "VARCHAR", pa.string(), True),
    Column("n_events", "BIGINT", pa.int64(), False),
    Column("ingested_at", "TIMESTAMP", pa.timestamp("us"), False),
)


_ARTICLES_SCHEMA = _arrow_schema(_ARTICLE_COLUMNS)

_FAILURE_COLUMNS: tuple[Column, ...] = (
    Column("line", "BIGINT", pa.int64(), True),
    Column("input_id", "VARCHAR", pa.string(), True),
    Column("reason", "VARCHAR", pa.string(), False),
    Column("source_file", "VARCHAR", pa.string(), True),
    Column("at", "TIMESTAMP", pa.timestamp("us"), False),
)
_FAILURES_SCHEMA = _arrow_schema(_FAILURE_COLUMNS)


def _literal(value: bool | int | float | str) -> str:
    """A scalar default as a SQL literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _fill_sql(name: str) -> str | None:
    """The SQL that fills the events column `name` in rows written before it existed: its
    `ADDED_COLUMNS` expression, else the `Event` field's scalar default; None when neither."""
    if name in ADDED_COLUMNS:
        return ADDED_COLUMNS[name]
    field = Event.model_fields.get(name)
    default = field.default if field is not None else None
    return _literal(default) if isinstance(default, bool | int | float | str) else None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(table: str, columns: Sequence[Column]) -> str:
    cols = ",\n  ".join(
        f"{_q(c.name)} {c.sql_type}{'' if c.nullable or 'PRIMARY' in c.sql_type else ' NOT NULL'}"
        for c in columns)
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {cols}\n)"


_KEY = "event_date, source_code, target_code, cameo_code"
_KEY_JOIN = " AND ".join(f"c.{k} IS NOT DISTINCT FROM e.{k}" for k in _KEY.split(", "))
_OUTLET = r"coalesce(a.source, regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)', 1))"

_VIEWS = (
    f"""CREATE OR REPLACE VIEW event_counts AS
SELECT e.event_date, e.source_code, e.target_code, e.cameo_code,
       count(*) AS mentions,
       count(DISTINCT nullif({_OUTLET}, '')) AS sources,
       count(DISTINCT e.article_hash) AS articles,
       count(DISTINCT e.story_id) AS stories
FROM events e LEFT JOIN articles a ON a.id = e.article_hash
GROUP BY e.event_date, e.source_code, e.target_code, e.cameo_code""",
    f"""CREATE OR REPLACE VIEW events_one_a_day AS
SELECT e.* EXCLUDE (_rn), c.mentions, c.sources, c.articles, c.stories
FROM (SELECT *, row_number() OVER (PARTITION BY {_KEY} ORDER BY event_id, article_hash) AS _rn
      FROM events) e
JOIN event_counts c ON {_KEY_JOIN}
WHERE e._rn = 1""",
)


# --------------------------------------------------------------------------- coder shapes
