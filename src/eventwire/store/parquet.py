"""Loading events written as Parquet by a distributed run into a `Store`, in one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..model import Event
from .core import IngestStats, Store  # loaded from Store.load_parquet: no cycle
from .files import _first_line, parquet_files
from .schema import ADDED_COLUMNS, EVENT_COLUMNS, Column, _q


def load(store: Store, path: str | Path, *, recode: bool = False) -> IngestStats:
    """Load events written as Parquet by a distributed run (a file or a folder of files).

    The files hold `Event` columns (missing optional ones are NULL); ``article_hash``,
    ``story_id``, ``source``, ``url`` and ``title`` are used when present. Without
    ``article_hash`` an article's key is sha256 of ``parquet:`` + article_id. Articles already
    stored are skipped, or replaced under the same rule as `ingest` with ``recode=True``.
    Articles are grouped into stories only when the files carry ``story_id`` (there is no
    text to compare). Everything is written in one transaction.
    """
    store._writable()
    files = parquet_files(path)
    if not files:
        raise StoreError(f"no Parquet files in {path}")
    with store.connected():
        try:
            described = store.con.execute(
                "DESCRIBE SELECT * FROM read_parquet(?, union_by_name = true)",
                [files]).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read Parquet {path}: {_first_line(exc)}") from exc
        have = {r[0]: str(r[1]) for r in described}
        missing = [name for name, info in Event.model_fields.items()
                   if info.is_required() and name not in have]
        if missing:
            raise StoreError(f"{path}: Parquet events lack column(s) {', '.join(missing)}")
        return _load(store, files, have, recode)


def _load(store: Store, files: list[str], have: dict[str, str], recode: bool) -> IngestStats:
    def col(c: Column) -> str:
        name = _q(c.name)
        if c.sql_type == "VARCHAR[]":  # older runs wrote the lists |-joined
            if c.name not in have:
                return f"[]::VARCHAR[] AS {name}"
            if have[c.name] == "VARCHAR":
                return (f"CASE WHEN {name} IS NULL OR {name} = '' THEN []::VARCHAR[] ELSE "
                        f"list_filter(string_split({name}, '|'), lambda x: x <> '') END "
                        f"AS {name}")
            return f"coalesce(CAST({name} AS VARCHAR[]), []::VARCHAR[]) AS {name}"
        if c.name in have:
            return f"CAST({name} AS {c.sql_type}) AS {name}"
        if c.name in ADDED_COLUMNS:
            return f"{ADDED_COLUMNS[c.name]} AS {name}"
        default = Event.model_fields[c.name].default if c.name in Event.model_fields else None
        if default is None or not isinstance(default, str | int | float | bool):
            return f"CAST(NULL AS {c.sql_type}) AS {_q(c.name)}"
        return f"CAST(? AS {c.sql_type}) AS {_q(c.name)}"

    event_cols = EVENT_COLUMNS[:-2]
    defaults = [Event.model_fields[c.name].default for c in event_cols
                if c.name not in have and c.name not in ADDED_COLUMNS
                and isinstance(Event.model_fields[c.name].default, str | int | float | bool)]
    key = ("CAST(article_hash AS VARCHAR)" if "article_hash" in have
           else "sha256('parquet:' || CAST(article_id AS VARCHAR))")
    story = "CAST(story_id AS VARCHAR)" if "story_id" in have else "NULL"
    extra = ", ".join(f"CAST({_q(n) if n in have else 'NULL'} AS VARCHAR) AS _a_{n}"
                      for n in ("source", "url", "title"))
    select = ", ".join(col(c) for c in event_cols)
    now = datetime.now(UTC).replace(tzinfo=None)
    stats = IngestStats()
    try:
        with store._transaction():
            store.con.execute(
                f"""CREATE OR REPLACE TEMP TABLE _pq AS
                    SELECT DISTINCT ON (article_hash, event_id) *
                    FROM (SELECT {select}, {key} AS article_hash,
                                 coalesce({story}, {key}) AS story_id, {extra}
                          FROM read_parquet(?, union_by_name = true))""",
                [*defaults, files])
            store.con.execute(
                """CREATE OR REPLACE TEMP TABLE _pq_articles AS
                   SELECT article_hash AS id, any_value(article_id) AS input_id,
                          any_value(_a_source) AS source, any_value(_a_url) AS url,
                          any_value(_a_title) AS title, min(pub_date) AS pub_date,
                          any_value(coder_version) AS coder_version,
                          any_value(story_id) AS story_id, count(*) AS n_events
                   FROM _pq GROUP BY article_hash""")
            stats.read = store._scalar("SELECT count(*) FROM _pq_articles")
            due = ("a.coder_version IS DISTINCT FROM p.coder_version OR a.status = 'failed'"
                   if recode else "false")
            store.con.execute(
                f"""CREATE OR REPLACE TEMP TABLE _pq_take AS
                    SELECT p.id, a.id IS NOT NULL AS replaces FROM _pq_articles p
                    LEFT JOIN articles a ON a.id = p.id
                    WHERE a.id IS NULL OR ({due})""")
            stats.recoded = store._scalar("SELECT count(*) FROM _pq_take WHERE replaces")
            stats.coded = store._scalar("SELECT count(*) FROM _pq_take")
            stats.skipped_known = stats.read - stats.coded
            store.con.execute("DELETE FROM events WHERE article_hash IN "
                             "(SELECT id FROM _pq_take WHERE replaces)")
            store.con.execute("DELETE FROM articles WHERE id IN "
                             "(SELECT id FROM _pq_take WHERE replaces)")
            store.con.execute(
                """INSERT INTO articles BY NAME
                   SELECT p.*, 'coded' AS status, NULL AS error, ? AS ingested_at
                   FROM _pq_articles p SEMI JOIN _pq_take t ON t.id = p.id""", [now])
            names = ", ".join(_q(c.name) for c in EVENT_COLUMNS)
            store.con.execute(
                f"""INSERT INTO events ({names})
                    SELECT {names} FROM _pq e SEMI JOIN _pq_take t ON t.id = e.article_hash""")
            stats.events = store._scalar(
                "SELECT count(*) FROM _pq e SEMI JOIN _pq_take t ON t.id = e.article_hash")
            for tmp in ("_pq", "_pq_articles", "_pq_take"):
                store.con.execute(f"DROP TABLE {tmp}")
    except duckdb.Error as exc:
        raise StoreError(f"could not load Parquet events: {_first_line(exc)}") from exc
    stats.batches = 1
    return stats
