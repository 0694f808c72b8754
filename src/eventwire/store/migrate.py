"""The store's schema on disk: create the tables, check them, and upgrade a store that an
older eventwire wrote (actor lists as |-joined text, columns added since)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from ..errors import StoreError
from .files import _first_line
from .schema import (
    _ARTICLE_COLUMNS,
    _FAILURE_COLUMNS,
    _VIEWS,
    EVENT_COLUMNS,
    Column,
    _ddl,
    _fill_sql,
    _q,
)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One write transaction: committed at the end of the block, rolled back on any
    error (the store is then as it was before the block)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # DuckDB may have aborted it already
            con.execute("ROLLBACK")
        raise


def create_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Create the tables that are missing, upgrade older ones, check them, (re)make the views."""
    statements = [
        _ddl("articles", _ARTICLE_COLUMNS),
        _ddl("events", EVENT_COLUMNS),
        _ddl("failures", _FAILURE_COLUMNS),
        "CREATE TABLE IF NOT EXISTS story_sketches "
        "(article_hash VARCHAR PRIMARY KEY, minhash BIGINT[] NOT NULL)",
        "CREATE TABLE IF NOT EXISTS story_bands "
        "(band_key BIGINT NOT NULL, article_hash VARCHAR NOT NULL)",
    ]
    try:
        for sql in statements:
            con.execute(sql)
        migrate(con, path)
        check_schema(con, path)
        for sql in _VIEWS:
            con.execute(sql)
    except duckdb.Error as exc:
        raise StoreError(f"cannot set up the store {path}: {_first_line(exc)}") from exc

def check_schema(con: duckdb.DuckDBPyConnection, path: str) -> None:
    have = table_columns(con)
    for table, columns in (("articles", _ARTICLE_COLUMNS), ("events", EVENT_COLUMNS),
                           ("failures", _FAILURE_COLUMNS)):
        if table not in have:
            raise StoreError(f"{path} is not an eventwire store (no {table} table)")
        missing = [c.name for c in columns if c.name not in have[table]]
        if missing:
            raise StoreError(f"{path}: table {table} lacks {', '.join(missing)}; it was "
                             "written by another eventwire version — re-ingest into a new "
                             "store")

def old_list_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The list columns of `events` that an older eventwire wrote as ``|``-joined text."""
    wanted = {c.name for c in EVENT_COLUMNS if c.sql_type == "VARCHAR[]"}
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_catalog = current_database() AND table_name = 'events' "
        "AND data_type = 'VARCHAR'").fetchall()
    return sorted(r[0] for r in rows if r[0] in wanted)

def _missing_columns(con: duckdb.DuckDBPyConnection) -> list[Column]:
    """The `Event` columns added since that the `events` table lacks and an upgrade can
    fill (`_fill_sql`: ``complete``, ``background``); none when it has no table yet."""
    have = table_columns(con).get("events")
    if have is None:
        return []
    return [c for c in EVENT_COLUMNS if c.name not in have and _fill_sql(c.name)]

def outdated(con: duckdb.DuckDBPyConnection) -> bool:
    """Was this store written by an older eventwire, so that it needs `migrate`?"""
    return bool(old_list_columns(con) or _missing_columns(con))

def migrate(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Upgrade a store of an older eventwire in place: its |-joined actor lists
    (``"IRN|SYR"``, NULL when none) become ``VARCHAR[]`` (``['IRN', 'SYR']``, ``[]``), empty
    codes dropped as the coder now does; then each column added since is added and filled
    (`_fill_sql`: from the stored fields, or the field's default). One transaction each."""
    _migrate_lists(con, path)
    _add_columns(con, path)

def _add_columns(con: duckdb.DuckDBPyConnection, path: str) -> None:
    missing = _missing_columns(con)
    if not missing:
        return
    try:
        with transaction(con):
            for c in missing:
                col = _q(c.name)
                con.execute(f"ALTER TABLE events ADD COLUMN {col} {c.sql_type}")
                con.execute(f"UPDATE events SET {col} = {_fill_sql(c.name)}")
        with transaction(con):  # DuckDB: no constraint over updates not yet committed
            for c in missing:
                if not c.nullable:
                    con.execute(f"ALTER TABLE events ALTER {_q(c.name)} SET NOT NULL")
    except duckdb.Error as exc:
        raise StoreError(f"{path} was written by an older eventwire (without "
                         f"{', '.join(c.name for c in missing)}) and could not be "
                         f"upgraded: {_first_line(exc)}; re-ingest into a new store") from exc

def _migrate_lists(con: duckdb.DuckDBPyConnection, path: str) -> None:
    old = old_list_columns(con)
    if not old:
        return
    try:
        with transaction(con):
            for name in old:
                col = _q(name)
                con.execute(
                    f"ALTER TABLE events ALTER {col} SET DATA TYPE VARCHAR[] USING "
                    f"(CASE WHEN {col} IS NULL OR {col} = '' THEN []::VARCHAR[] ELSE "
                    f"list_filter(string_split({col}, '|'), lambda x: x <> '') END)")
                con.execute(f"ALTER TABLE events ALTER {col} SET NOT NULL")
    except duckdb.Error as exc:
        raise StoreError(f"{path} was written by an older eventwire (actor lists as "
                         f"|-joined text) and could not be upgraded: {_first_line(exc)}; "
                         "re-ingest into a new store") from exc

def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """table -> its column names."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_catalog = current_database()").fetchall()
    out: dict[str, set[str]] = {}
    for table, column in rows:
        out.setdefault(table, set()).add(column)
    return out
