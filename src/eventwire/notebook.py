"""A small Python API over an event store, for notebooks and scripts.

    >>> import eventwire
    >>> store = eventwire.open_store("events.duckdb")
    >>> rel = store.events(actor="IRN", since="2020-01", until="2020-01")
    >>> rel.arrow()          # a pyarrow Table
    >>> rel.df()             # a pandas DataFrame (pandas installed)
    >>> store.events(root="19").aggregate("source_code, count(*) AS n").order("n DESC")

`OpenStore.events` takes the filters of ``eventwire query`` (`eventwire.query.EventQuery`:
actor, dyad, code, root, quad, since, until, country, near, text, dedup, limit, offset, order)
and gives a lazy DuckDB relation: nothing is read until it is fetched, and DuckDB's relational
methods (``filter``, ``aggregate``, ``order``, ``limit``) refine it further. The store is opened
read-only; close it (or use ``with``) to release the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import QueryError
from eventwire.query import EventQuery, check_read_only, query_sql
from eventwire.store import Store

__all__ = ["OpenStore", "open_store"]


class OpenStore:
    """A read-only event store; `events` and `sql` give DuckDB relations over it."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._store = Store(path, read_only=True)

    def events(self, **filters: Any) -> duckdb.DuckDBPyRelation:
        """The events matching `filters` (as ``eventwire query``), in event_date order."""
        q = EventQuery.build(**filters)
        sql, params = query_sql(q)
        try:
            return self._store.con.sql(sql, params=params)
        except duckdb.Error as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from exc

    def sql(self, statement: str) -> duckdb.DuckDBPyRelation:
        """One statement that only reads (checked as ``eventwire sql`` checks it), as a
        relation. The connection is read-only; unlike ``eventwire sql`` it may read files."""
        check_read_only(statement)
        try:
            return self._store.con.sql(statement)
        except duckdb.Error as exc:
            raise QueryError(f"SQL error: {str(exc).splitlines()[0]}") from exc

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> OpenStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<eventwire store {self.path}>"


def open_store(path: str | Path) -> OpenStore:
    """Open the event store at `path` read-only (`StoreError` when there is none)."""
    return OpenStore(path)
