"""The event store: one embedded DuckDB file with articles, events and input failures.

Tables (the `events` columns are derived from `Event.model_fields`, nothing is listed twice):

- ``articles``  one row per article seen, keyed by `Article.content_hash` (so a re-run is
  idempotent): input id, source, url, title, pub_date, status ('coded' | 'failed'), error,
  coder_version, story_id, n_events, ingested_at (UTC).
- ``events``    one row per coded event, every `Event` field plus ``article_hash`` and
  ``story_id``.
- ``failures``  input records that could not be read (line, input_id, reason, source_file, at).
- ``story_sketches`` / ``story_bands``  MinHash signatures used to group wire copies into stories
  (see `StoryIndex`).

Views:

- ``event_counts``  per (event_date, source_code, target_code, cameo_code): ``mentions`` (events),
  ``sources`` (distinct outlets: article source, else the URL host), ``articles`` (distinct
  articles) and ``stories`` (distinct story_id) — GDELT's NumMentions / NumSources / NumArticles,
  plus the number of independent stories behind them.
- ``events_one_a_day``  each (event_date, source_code, target_code, cameo_code) once: the event with
  the smallest event_id, with the counts above attached.

Skip and recode rule of `Store.ingest` (the ``--recode`` flag):

- an article whose content hash is not stored is coded;
- a stored article is skipped, unless ``recode=True`` and it was coded by a different
  ``coder.version`` (dictionaries or code changed) or its coding failed; then its old events are
  deleted and the new ones written in the same transaction;
- within one input, and against the store, the same article arriving twice — the same
  normalised text (content hash) or the same URL — is coded once; later copies count as
  ``duplicates``. URLs are compared after trimming spaces and dropping a ``#fragment``.

Every batch (articles + their events + input failures) is written in one transaction, so a
killed run leaves whole batches only and resumes where it stopped.

Sharing the file: DuckDB lets one process open it read-write *or* many processes open it
read-only. `eventwire ingest` builds its `Store` with ``hold=False``: it opens the file for each
batch's commit (and the next batch's lookups) only, waiting with backoff while another process
holds the lock, and never while coding; `eventwire serve` opens a connection per request. So a
server and an ingest share the file, taking turns of a few milliseconds to a second.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import random
import re
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import numpy as np
import pyarrow as pa

from eventwire._util import chunked
from eventwire.errors import DiskFullError, InputError, NotAStoreError, StoreBusyError, StoreError
from eventwire.model import Article, Event

__all__ = ["EVENT_COLUMNS", "ArticleResultLike", "CoderLike", "IngestStats", "Store", "StoryIndex",
           "connect", "is_lock_conflict", "waiting_marker"]


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


class ArticleResultLike(Protocol):
    """The shape of `eventwire.coder.ArticleResult` the store relies on."""

    @property
    def article(self) -> Article: ...
    @property
    def events(self) -> Sequence[Event]: ...
    @property
    def error(self) -> str | None: ...


class CoderLike(Protocol):
    """The shape of `eventwire.coder.Coder` the store relies on."""

    version: str

    def code_articles(self, articles: Iterable[Article]) -> Iterator[ArticleResultLike]: ...


@dataclass
class IngestStats:
    """Counts of one ingest run (cumulative; `on_progress` gets it after every batch)."""

    read: int = 0            # items read from the input (articles and unreadable records)
    invalid: int = 0         # unreadable input records (stored in `failures`)
    skipped_known: int = 0   # already stored and not due for recoding
    stale: int = 0           # of those, coded by another coder version (use --recode)
    duplicates: int = 0      # same text or URL as an article earlier in the input / in the store
    coded: int = 0           # articles coded and stored (including recoded ones)
    recoded: int = 0         # of those, articles that replaced a stored coding
    failed: int = 0          # articles the coder could not code (stored with status 'failed')
    events: int = 0          # events written
    batches: int = 0         # transactions committed

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def add(self, other: IngestStats) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def clean_url(url: str | None) -> str | None:
    """The URL used as a dedup key: trimmed, without ``#fragment``; None when empty."""
    if not url:
        return None
    url = url.strip().split("#", 1)[0]
    return url or None


# --------------------------------------------------------------------------- stories


_WORD = re.compile(r"\w+")
_P = (1 << 61) - 1


def _h(data: str, size: int) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=size).digest(), "big")


class StoryIndex:
    """Groups near-duplicate articles (wire copies, lightly edited) into stories.

    Rule: an article's *lead* is the first `LEAD_CHARS` characters of its whitespace-normalised,
    lower-cased text; its shingles are the word `SHINGLE`-grams of the lead. Two articles are the
    same story when the Jaccard similarity of their shingle sets, estimated by a `NUM_PERM`-value
    MinHash signature, is at least `THRESHOLD` and their publication dates are at most
    `WINDOW_DAYS` apart (an article without a date matches on text alone). A new article takes
    the story_id of its most similar stored (or earlier in the batch) article; with no match it
    starts a story whose id is its own content hash. Stories are never merged afterwards, so a
    story_id never changes once written.

    Cost: signatures are cut into `BANDS` bands of `ROWS` values (LSH), stored as one row per band
    in ``story_bands``; candidates are found by one hash join per batch and only those are
    compared, so the work per article does not grow with the size of the store. With 20 bands of
    3, a pair at Jaccard 0.6 is a candidate with probability 0.99, a pair at 0.2 with 0.15.
    An article at least `COPY_THRESHOLD` similar to the story member it joined is a copy: its
    signature and bands are not stored (it adds no candidate its original does not), so a story
    copied a thousand times still yields one candidate row per band, not a thousand.
    """

    LEAD_CHARS = 1000
    SHINGLE = 5
    NUM_PERM = 60
    BANDS = 20
    ROWS = 3
    THRESHOLD = 0.6
    COPY_THRESHOLD = 0.9
    WINDOW_DAYS = 3

    _PERMS: tuple[tuple[int, int], ...] = tuple(
        (_h(f"a{i}", 8) % (_P - 1) + 1, _h(f"b{i}", 8) % _P) for i in range(NUM_PERM))

    @classmethod
    def signature(cls, text: str) -> tuple[int, ...] | None:
        """MinHash of the lead's word shingles; None for a text without words."""
        lead = " ".join(text.split())[: cls.LEAD_CHARS].lower()
        words = _WORD.findall(lead)
        if not words:
            return None
        n = min(cls.SHINGLE, len(words))
        shingles = {_h(" ".join(words[i:i + n]), 4) for i in range(len(words) - n + 1)}
        return _minhash(np.fromiter(shingles, np.uint64, len(shingles)))

    @classmethod
    def bands(cls, sig: Sequence[int]) -> list[int]:
        """One signed 64-bit key per band (band number included, so bands never collide)."""
        keys = []
        for band in range(cls.BANDS):
            part = sig[band * cls.ROWS:(band + 1) * cls.ROWS]
            keys.append(_h(f"{band}:" + ",".join(map(str, part)), 8) - (1 << 63))
        return keys

    @staticmethod
    def similarity(a: Sequence[int], b: Sequence[int]) -> float:
        return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)

    @classmethod
    def near(cls, d1: date | None, d2: date | None) -> bool:
        return d1 is None or d2 is None or abs((d1 - d2).days) <= cls.WINDOW_DAYS


_A = np.array([a for a, _ in StoryIndex._PERMS], np.uint64)
_B = np.array([b for _, b in StoryIndex._PERMS], np.uint64)
_A_HI, _A_LO = _A >> np.uint64(32), _A & np.uint64(0xFFFFFFFF)
_M61, _M29 = np.uint64(_P), np.uint64((1 << 29) - 1)


def _mod_p(x: np.ndarray) -> np.ndarray:
    """x mod 2^61-1 for x < 2^64 (a Mersenne prime: 2^61 = 1)."""
    x = (x & _M61) + (x >> np.uint64(61))
    return np.where(x >= _M61, x - _M61, x)


def _minhash(shingles: np.ndarray) -> tuple[int, ...]:
    """min over shingles x of (a*x + b) mod 2^61-1 for every permutation (a, b): exactly the
    integer formula, in uint64 arithmetic (x < 2^32, a and b < 2^61) over all shingles at once.

    a*x = a_hi*x*2^32 + a_lo*x; with t = a_hi*x < 2^61 split at bit 29, t*2^32 = t_hi*2^61 +
    t_lo*2^32, which is t_hi + t_lo*2^32 mod P. Every partial sum stays below 2^64.
    """
    x = shingles[:, None]
    t = _A_HI[None, :] * x
    high = (t >> np.uint64(29)) + ((t & _M29) << np.uint64(32))      # < 2^32 + 2^61
    low = _mod_p(_A_LO[None, :] * x)                                  # a_lo*x < 2^64
    total = _mod_p(_mod_p(high) + low + _B[None, :])                  # < 3 * 2^61
    return tuple(int(v) for v in total.min(axis=0))


# --------------------------------------------------------------------------- store


@dataclass(frozen=True, slots=True)
class _Row:
    """One article of a batch, ready to be written."""

    hash: str
    result: ArticleResultLike
    url: str | None
    story_id: str
    replaces: bool  # the article is stored already: replace it (and its events)
    sketch: tuple[int, ...] | None  # MinHash to store; None when replacing, a copy or no words
    band_keys: tuple[int, ...] = ()  # LSH keys of `sketch` to store in story_bands


class Store:
    """An event store in one DuckDB file (created when missing unless `read_only`).

    Use as a context manager, or call `close()`. `con` is the DuckDB connection; `query.py` and
    `export.py` read through it.

    DuckDB lets one process open a file read-write, or any number of processes open it
    read-only, never both. A store built with ``hold=False`` therefore keeps no connection: it
    opens one for each `connected()` block (`ingest` uses one for a batch's lookups and one for
    its commit, never while coding), so an `eventwire serve` reading the same file gets its turn
    between batches. Opening waits up to `lock_wait` seconds, with backoff, while another process
    holds the file's lock, then raises `StoreBusyError`.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, lock_wait: float = 0.0,
                 hold: bool = True) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.lock_wait = lock_wait
        self.hold = hold
        self._con: duckdb.DuckDBPyConnection | None = None
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no event store at {self.path}; "
                             f"create it with `eventwire ingest INPUT --db {self.path}`")
        if not hold and self.path == ":memory:":
            raise StoreError("an in-memory store must hold its connection")
        check_store_file(self.path)
        self._open(setup=True)
        if not hold:
            self._release()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"the store {self.path} is not open here; use `store.connected()`")
        return self._con

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        return connect(self.path, read_only=read_only, lock_wait=self.lock_wait,
                       announce=not self.hold and not read_only)

    def _open(self, *, setup: bool) -> None:
        self._con = self._connect(self.read_only)
        if not setup:
            return
        try:
            if self.read_only and (self._old_list_columns() or self._new_columns()):
                self._upgrade_lists()
            if self.read_only:
                self._check_schema()
            else:
                self._create_schema()
        except BaseException:
            self._release()
            raise

    def _upgrade_lists(self) -> None:
        """A store of an older eventwire (actor lists as |-joined text, or lacking a newer
        `Event` field): upgrade it once in place, then read it as asked."""
        self._release()
        try:
            self._con = self._connect(False)
        except StoreError as exc:
            self._con = self._connect(True)
            raise StoreError(f"{self.path} was written by an older eventwire and must be "
                             f"upgraded once, which needs write access: {exc}") from None
        self._migrate()
        self._release()
        self._con = self._connect(True)

    def _release(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            con.close()

    @contextmanager
    def connected(self) -> Iterator[Store]:
        """The store with an open connection for the block: the held one, or (``hold=False``)
        one opened for the block and closed after it, releasing the file's lock."""
        if self._con is not None:
            yield self
            return
        self._open(setup=False)
        try:
            yield self
        finally:
            self._release()

    # -- lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._release()

    def _create_schema(self) -> None:
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
                self.con.execute(sql)
            self._migrate()
            self._check_schema()
            for sql in _VIEWS:
                self.con.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"cannot set up the store {self.path}: {_first_line(exc)}") from exc

    def _check_schema(self) -> None:
        have = self._columns()
        for table, columns in (("articles", _ARTICLE_COLUMNS), ("events", EVENT_COLUMNS),
                               ("failures", _FAILURE_COLUMNS)):
            if table not in have:
                raise StoreError(f"{self.path} is not an eventwire store (no {table} table)")
            missing = [c.name for c in columns if c.name not in have[table]]
            if missing:
                raise StoreError(f"{self.path}: table {table} lacks {', '.join(missing)}; it was "
                                 "written by another eventwire version — re-ingest into a new "
                                 "store")

    def _old_list_columns(self) -> list[str]:
        """The list columns of `events` that an older eventwire wrote as ``|``-joined text."""
        wanted = {c.name for c in EVENT_COLUMNS if c.sql_type == "VARCHAR[]"}
        rows = self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
            "AND table_catalog = current_database() AND table_name = 'events' "
            "AND data_type = 'VARCHAR'").fetchall()
        return sorted(r[0] for r in rows if r[0] in wanted)

    def _new_columns(self) -> list[Column]:
        """`Event` fields with a scalar default that the store's `events` table lacks (a
        store of an older eventwire: ``background``)."""
        have = self._columns().get("events")
        if have is None:
            return []
        return [c for c in EVENT_COLUMNS if c.name not in have and c.name in Event.model_fields
                and isinstance(Event.model_fields[c.name].default, bool | int | float | str)]

    def _migrate(self) -> None:
        """Upgrade a store of an older eventwire in place, in one transaction: its |-joined
        actor lists (``"IRN|SYR"``, NULL when none) become ``VARCHAR[]`` (``['IRN', 'SYR']``,
        ``[]``); empty codes are dropped, as the coder now does; a newer field it lacks is
        added with the field's default."""
        self._add_columns()
        old = self._old_list_columns()
        if not old:
            return
        try:
            with self._transaction():
                for name in old:
                    col = _q(name)
                    self.con.execute(
                        f"ALTER TABLE events ALTER {col} SET DATA TYPE VARCHAR[] USING "
                        f"(CASE WHEN {col} IS NULL OR {col} = '' THEN []::VARCHAR[] ELSE "
                        f"list_filter(string_split({col}, '|'), lambda x: x <> '') END)")
                    self.con.execute(f"ALTER TABLE events ALTER {col} SET NOT NULL")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} was written by an older eventwire (actor lists as "
                             f"|-joined text) and could not be upgraded: {_first_line(exc)}; "
                             "re-ingest into a new store") from exc

    def _add_columns(self) -> None:
        new = self._new_columns()
        if not new:
            return
        try:
            with self._transaction():
                for c in new:
                    default = Event.model_fields[c.name].default
                    self.con.execute(f"ALTER TABLE events ADD COLUMN {_q(c.name)} {c.sql_type} "
                                     f"DEFAULT {_literal(default)}")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} was written by an older eventwire (no "
                             f"{', '.join(c.name for c in new)} column) and could not be "
                             f"upgraded: {_first_line(exc)}; re-ingest into a new store") from exc

    def _columns(self) -> dict[str, set[str]]:
        rows = self.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_catalog = current_database()").fetchall()
        out: dict[str, set[str]] = {}
        for table, column in rows:
            out.setdefault(table, set()).add(column)
        return out

    # -- reads

    def known(self, article_hashes: Iterable[str]) -> dict[str, str]:
        """The stored coder_version of each of `article_hashes` that is in the store."""
        with self.connected():
            return {h: v for h, (v, _) in self._known(article_hashes).items()}

    def _known(self, article_hashes: Iterable[str]) -> dict[str, tuple[str, str]]:
        hashes = list(set(article_hashes))
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT id, coalesce(coder_version, ''), status FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [hashes]).fetchall()
        return {h: (v, s) for h, v, s in rows}

    def _known_urls(self, urls: Iterable[str]) -> set[str]:
        wanted = list(set(urls))
        if not wanted:
            return set()
        rows = self.con.execute("SELECT DISTINCT url FROM articles "
                                "WHERE url IN (SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str) -> int:
        """Rows in one of the store's tables or views."""
        if table not in {"articles", "events", "failures", "event_counts", "events_one_a_day"}:
            raise StoreError(f"no table {table!r} in the store")
        with self.connected():
            return self._scalar(f"SELECT count(*) FROM {table}")

    # -- writes

    def add_batch(self, results: Sequence[ArticleResultLike], failures: Sequence[InputError] = (),
                  *, coder_version: str | None = None) -> int:
        """Write one batch — articles, their events and input failures — in one transaction.

        An article already stored (same content hash) is replaced: its old events are deleted in
        the same transaction and it keeps its story_id. Writing the same results twice therefore
        changes nothing. `coder_version` defaults to the version on the article's first event.
        Returns the number of events written. On any error nothing of the batch is kept.
        """
        self._writable()
        with self.connected():
            return self._add_batch(results, failures, coder_version)

    def _add_batch(self, results: Sequence[ArticleResultLike], failures: Sequence[InputError],
                   coder_version: str | None) -> int:
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            with self._transaction():
                rows = self._prepare(results)
                replaced = [r.hash for r in rows if r.replaces]
                if replaced:
                    self.con.execute("DELETE FROM events WHERE article_hash IN "
                                     "(SELECT unnest(?::VARCHAR[]))", [replaced])
                    self.con.execute("DELETE FROM articles WHERE id IN "
                                     "(SELECT unnest(?::VARCHAR[]))", [replaced])
                n_events = self._insert_articles(rows, coder_version, now)
                self._insert_sketches(rows)
                self._insert_failures(failures, now)
        except (duckdb.Error, OSError) as exc:
            if _disk_full(exc):
                raise DiskFullError(
                    f"the disk is full: could not write a batch of {len(results)} articles to "
                    f"{self.path} ({_first_line(exc)}); the store is as it was before this batch "
                    "— free space and run again to go on from here") from exc
            if isinstance(exc, OSError):
                raise
            raise StoreError(f"could not write a batch to {self.path}: {_first_line(exc)}") from exc
        return n_events

    def _rollback(self) -> None:
        with contextlib.suppress(duckdb.Error):  # DuckDB may have aborted it already
            self.con.execute("ROLLBACK")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed at the end of the block, rolled back on any
        error (the store is then as it was before the block)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    def _prepare(self, results: Sequence[ArticleResultLike]) -> list[_Row]:
        """Dedup the batch by content hash and give every article its story_id."""
        unique: dict[str, ArticleResultLike] = {}
        for res in results:
            unique.setdefault(res.article.content_hash, res)
        stored = self._story_of(unique)
        rows: list[_Row] = []
        new: list[tuple[str, ArticleResultLike, tuple[int, ...] | None]] = []
        for h, res in unique.items():
            if h in stored:
                rows.append(_Row(h, res, clean_url(res.article.url), stored[h] or h, True, None))
            else:
                new.append((h, res, StoryIndex.signature(res.article.text)))
        rows.extend(self._assign_stories(new))
        return rows

    def _story_of(self, hashes: Iterable[str]) -> dict[str, str | None]:
        wanted = list(hashes)
        if not wanted:
            return {}
        return dict(self.con.execute("SELECT id, story_id FROM articles WHERE id IN "
                                     "(SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall())

    def _assign_stories(
        self, new: list[tuple[str, ArticleResultLike, tuple[int, ...] | None]],
    ) -> list[_Row]:
        keys = [StoryIndex.bands(sig) if sig is not None else [] for _, _, sig in new]
        stored = self._stored_candidates(new, keys)
        rows: list[_Row] = []
        by_band: dict[int, list[int]] = {}
        for i, (h, res, sig) in enumerate(new):
            story, copy = h, False
            if sig is not None:
                candidates = list(stored.get(i, []))
                seen: set[int] = set()
                for key in keys[i]:
                    for j in by_band.get(key, []):
                        if j not in seen and StoryIndex.near(res.article.pub_date,
                                                             new[j][1].article.pub_date):
                            seen.add(j)
                            candidates.append((rows[j].story_id, new[j][2]))  # type: ignore[arg-type]
                best = max(((StoryIndex.similarity(sig, s), st) for st, s in candidates),
                           key=lambda t: t[0], default=(0.0, h))
                if best[0] >= StoryIndex.THRESHOLD:
                    story = best[1]
                copy = best[0] >= StoryIndex.COPY_THRESHOLD
                if not copy:
                    for key in keys[i]:
                        by_band.setdefault(key, []).append(i)
            rows.append(_Row(h, res, clean_url(res.article.url), story, False,
                             None if copy else sig, () if copy else tuple(keys[i])))
        return rows

    def _stored_candidates(
        self, new: list[tuple[str, ArticleResultLike, tuple[int, ...] | None]],
        keys: list[list[int]],
    ) -> dict[int, list[tuple[str, tuple[int, ...]]]]:
        """For each new article (by index), the (story_id, signature) of the stored articles that
        share a band with it and are near in date: one hash join for the whole batch."""
        probes = [(i, key, res.article.pub_date)
                  for i, (_, res, _) in enumerate(new) for key in keys[i]]
        stored: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
        if not probes:
            return stored
        table = pa.table({"qi": pa.array([p[0] for p in probes], pa.int64()),
                          "band_key": pa.array([p[1] for p in probes], pa.int64()),
                          "pub_date": pa.array([p[2] for p in probes], pa.date32())})
        self.con.register("_story_probe", table)
        try:
            found = self.con.execute(
                """SELECT DISTINCT q.qi, a.story_id, s.minhash
                   FROM _story_probe q
                   JOIN story_bands b ON b.band_key = q.band_key
                   JOIN articles a ON a.id = b.article_hash
                   JOIN story_sketches s ON s.article_hash = b.article_hash
                   WHERE q.pub_date IS NULL OR a.pub_date IS NULL
                      OR abs(date_diff('day', a.pub_date, q.pub_date)) <= ?""",
                [StoryIndex.WINDOW_DAYS]).fetchall()
        finally:
            self.con.unregister("_story_probe")
        for qi, story, sig in found:
            stored.setdefault(qi, []).append((story, tuple(sig)))
        return stored

    def _insert(self, table: str, data: pa.Table) -> None:
        name = f"_batch_{table}"
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            self.con.unregister(name)

    def _insert_articles(self, rows: Sequence[_Row], coder_version: str | None,
                         now: datetime) -> int:
        articles, events = [], []
        for r in rows:
            art, evs = r.result.article, tuple(r.result.events)
            version = coder_version if coder_version is not None else (
                evs[0].coder_version if evs else "")
            articles.append({
                "id": r.hash, "input_id": art.id, "source": art.source, "url": r.url,
                "title": art.title, "pub_date": art.pub_date,
                "status": "failed" if r.result.error else "coded", "error": r.result.error,
                "coder_version": version, "story_id": r.story_id, "n_events": len(evs),
                "ingested_at": now,
            })
            for ev in evs:
                events.append({**ev.model_dump(), "article_hash": r.hash, "story_id": r.story_id})
        if articles:
            self._insert("articles", pa.Table.from_pylist(articles, schema=_ARTICLES_SCHEMA))
        if events:
            self._insert("events", pa.Table.from_pylist(events, schema=_EVENTS_SCHEMA))
        return len(events)

    def _insert_sketches(self, rows: Sequence[_Row]) -> None:
        sketched = [r for r in rows if r.sketch is not None]
        if not sketched:
            return
        self._insert("story_sketches", pa.table({
            "article_hash": [r.hash for r in sketched],
            "minhash": pa.array([list(r.sketch or ()) for r in sketched], pa.list_(pa.int64())),
        }))
        self._insert("story_bands", pa.table({
            "band_key": pa.array([k for r in sketched for k in r.band_keys], pa.int64()),
            "article_hash": [r.hash for r in sketched for _ in r.band_keys],
        }))

    def _insert_failures(self, failures: Sequence[InputError], now: datetime) -> None:
        """Input errors, once each: the same (file, line, id, reason) is not written twice."""
        if not failures:
            return
        table = pa.Table.from_pylist(
            [{"line": f.line, "input_id": f.record_id, "reason": f.reason,
              "source_file": f.source, "at": now} for f in failures], schema=_FAILURES_SCHEMA)
        self.con.register("_batch_failures", table)
        try:
            self.con.execute(
                """INSERT INTO failures BY NAME
                   SELECT DISTINCT ON (line, input_id, reason, source_file) * FROM _batch_failures n
                   WHERE NOT EXISTS (
                     SELECT 1 FROM failures f
                     WHERE f.line IS NOT DISTINCT FROM n.line
                       AND f.input_id IS NOT DISTINCT FROM n.input_id
                       AND f.reason = n.reason
                       AND f.source_file IS NOT DISTINCT FROM n.source_file)""")
        finally:
            self.con.unregister("_batch_failures")

    # -- ingest

    def ingest(self, articles: Iterable[Article | InputError], coder: CoderLike, *,
               recode: bool = False, batch_size: int = 200,
               on_progress: Callable[[IngestStats], None] | None = None) -> IngestStats:
        """Code the articles the store does not hold yet and store them, batch by batch.

        `articles` may mix `Article`s and `InputError`s (as `eventwire.io.readers` yields them);
        errors go to the `failures` table. See the module docstring for the skip/recode rule.
        Each batch of `batch_size` input items is coded, then committed; the next batch is read
        and looked up in the store in the same connection as that commit, so with ``hold=False``
        the store is opened once per batch and never while coding.
        """
        self._writable()
        if batch_size < 1:
            raise StoreError("batch_size must be at least 1")
        stats = IngestStats()
        seen_hashes: set[str] = set()
        seen_urls: set[str] = set()

        def select(chunk: list[Article | InputError], into: IngestStats
                   ) -> tuple[list[Article], list[InputError]]:
            return self._select(chunk, coder.version, recode, seen_hashes, seen_urls, into)

        chunks = chunked(articles, batch_size)
        chunk = next(chunks, None)
        if chunk is None:
            return stats
        with self.connected():
            todo, errors = select(chunk, stats)
        while chunk is not None:
            ahead = IngestStats()  # the next chunk's counts, added after on_progress
            results = list(coder.code_articles(todo)) if todo else []  # no connection held
            chunk = next(chunks, None)
            # one connection (with hold=False) per batch: commit this one, look up the next
            with self.connected():
                stats.events += self.add_batch(results, errors, coder_version=coder.version)
                if chunk is not None:
                    todo, errors = select(chunk, ahead)
            stats.batches += 1
            for res in results:
                if res.error:
                    stats.failed += 1
                else:
                    stats.coded += 1
            if on_progress is not None:
                on_progress(stats)
            stats.add(ahead)
        return stats

    def _select(self, chunk: list[Article | InputError], version: str, recode: bool,
                seen_hashes: set[str], seen_urls: set[str],
                stats: IngestStats) -> tuple[list[Article], list[InputError]]:
        """The articles of one input batch that need coding, and its input errors."""
        errors = [x for x in chunk if isinstance(x, InputError)]
        arts = [x for x in chunk if isinstance(x, Article)]
        stats.read += len(chunk)
        stats.invalid += len(errors)
        known = self._known(a.content_hash for a in arts)
        urls = self._known_urls(u for a in arts if a.content_hash not in known
                                and (u := clean_url(a.url)))
        todo: list[Article] = []
        for art in arts:
            h, url = art.content_hash, clean_url(art.url)
            if h in seen_hashes or (url and url in seen_urls):
                stats.duplicates += 1
                continue
            seen_hashes.add(h)
            if url:
                seen_urls.add(url)
            if h in known:
                stored_version, status = known[h]
                due = stored_version != version or status == "failed"
                if not (recode and due):
                    stats.skipped_known += 1
                    stats.stale += stored_version != version
                    continue
                stats.recoded += 1
            elif url and url in urls:
                stats.duplicates += 1
                continue
            todo.append(art)
        return todo, errors

    # -- events from a distributed run

    def load_parquet(self, path: str | Path, *, recode: bool = False) -> IngestStats:
        """Load events written as Parquet by a distributed run (a file or a folder of files).

        The files hold `Event` columns (missing optional ones are NULL); ``article_hash``,
        ``story_id``, ``source``, ``url`` and ``title`` are used when present. Without
        ``article_hash`` an article's key is sha256 of ``parquet:`` + article_id. Articles already
        stored are skipped, or replaced under the same rule as `ingest` with ``recode=True``.
        Articles are grouped into stories only when the files carry ``story_id`` (there is no
        text to compare). Everything is written in one transaction.
        """
        self._writable()
        files = parquet_files(path)
        if not files:
            raise StoreError(f"no Parquet files in {path}")
        with self.connected():
            try:
                described = self.con.execute(
                    "DESCRIBE SELECT * FROM read_parquet(?, union_by_name = true)",
                    [files]).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"cannot read Parquet {path}: {_first_line(exc)}") from exc
            have = {r[0]: str(r[1]) for r in described}
            missing = [name for name, info in Event.model_fields.items()
                       if info.is_required() and name not in have]
            if missing:
                raise StoreError(f"{path}: Parquet events lack column(s) {', '.join(missing)}")
            return self._load_parquet(files, have, recode)

    def _load_parquet(self, files: list[str], have: dict[str, str],
                      recode: bool) -> IngestStats:
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
            default = Event.model_fields[c.name].default if c.name in Event.model_fields else None
            if default is None or not isinstance(default, str | int | float | bool):
                return f"CAST(NULL AS {c.sql_type}) AS {_q(c.name)}"
            return f"CAST(? AS {c.sql_type}) AS {_q(c.name)}"

        event_cols = EVENT_COLUMNS[:-2]
        defaults = [Event.model_fields[c.name].default for c in event_cols
                    if c.name not in have and isinstance(Event.model_fields[c.name].default,
                                                         str | int | float | bool)]
        key = ("CAST(article_hash AS VARCHAR)" if "article_hash" in have
               else "sha256('parquet:' || CAST(article_id AS VARCHAR))")
        story = "CAST(story_id AS VARCHAR)" if "story_id" in have else "NULL"
        extra = ", ".join(f"CAST({_q(n) if n in have else 'NULL'} AS VARCHAR) AS _a_{n}"
                          for n in ("source", "url", "title"))
        select = ", ".join(col(c) for c in event_cols)
        now = datetime.now(UTC).replace(tzinfo=None)
        stats = IngestStats()
        try:
            with self._transaction():
                self.con.execute(
                    f"""CREATE OR REPLACE TEMP TABLE _pq AS
                        SELECT DISTINCT ON (article_hash, event_id) *
                        FROM (SELECT {select}, {key} AS article_hash,
                                     coalesce({story}, {key}) AS story_id, {extra}
                              FROM read_parquet(?, union_by_name = true))""",
                    [*defaults, files])
                self.con.execute(
                    """CREATE OR REPLACE TEMP TABLE _pq_articles AS
                       SELECT article_hash AS id, any_value(article_id) AS input_id,
                              any_value(_a_source) AS source, any_value(_a_url) AS url,
                              any_value(_a_title) AS title, min(pub_date) AS pub_date,
                              any_value(coder_version) AS coder_version,
                              any_value(story_id) AS story_id, count(*) AS n_events
                       FROM _pq GROUP BY article_hash""")
                stats.read = self._scalar("SELECT count(*) FROM _pq_articles")
                due = ("a.coder_version IS DISTINCT FROM p.coder_version OR a.status = 'failed'"
                       if recode else "false")
                self.con.execute(
                    f"""CREATE OR REPLACE TEMP TABLE _pq_take AS
                        SELECT p.id, a.id IS NOT NULL AS replaces FROM _pq_articles p
                        LEFT JOIN articles a ON a.id = p.id
                        WHERE a.id IS NULL OR ({due})""")
                stats.recoded = self._scalar("SELECT count(*) FROM _pq_take WHERE replaces")
                stats.coded = self._scalar("SELECT count(*) FROM _pq_take")
                stats.skipped_known = stats.read - stats.coded
                self.con.execute("DELETE FROM events WHERE article_hash IN "
                                 "(SELECT id FROM _pq_take WHERE replaces)")
                self.con.execute("DELETE FROM articles WHERE id IN "
                                 "(SELECT id FROM _pq_take WHERE replaces)")
                self.con.execute(
                    """INSERT INTO articles BY NAME
                       SELECT p.*, 'coded' AS status, NULL AS error, ? AS ingested_at
                       FROM _pq_articles p SEMI JOIN _pq_take t ON t.id = p.id""", [now])
                names = ", ".join(_q(c.name) for c in EVENT_COLUMNS)
                self.con.execute(
                    f"""INSERT INTO events ({names})
                        SELECT {names} FROM _pq e SEMI JOIN _pq_take t ON t.id = e.article_hash""")
                stats.events = self._scalar(
                    "SELECT count(*) FROM _pq e SEMI JOIN _pq_take t ON t.id = e.article_hash")
                for tmp in ("_pq", "_pq_articles", "_pq_take"):
                    self.con.execute(f"DROP TABLE {tmp}")
        except duckdb.Error as exc:
            raise StoreError(f"could not load Parquet events: {_first_line(exc)}") from exc
        stats.batches = 1
        return stats

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> int:
        rows = self.con.execute(sql, list(params)).fetchall()  # fetchall drains the result
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0


# --------------------------------------------------------------------------- connections

_LOCK_MARKERS = ("could not set lock", "conflicting lock")


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether a DuckDB error says another process holds the file's lock."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(m in text for m in _LOCK_MARKERS)


def waiting_marker(path: str) -> Path:
    """The file a writer waiting for the lock keeps fresh, so polite readers let it in."""
    return Path(path + ".writer-waiting")


def _writer_waiting(marker: Path) -> bool:
    try:
        return time.time() - marker.stat().st_mtime < _MARKER_FRESH
    except OSError:
        return False


_MARKER_FRESH = 2.0  # seconds: a marker older than this was left by a writer that died


def connect(path: str, *, read_only: bool, lock_wait: float = 0.0, announce: bool = False,
            polite: bool = False, first_delay: float = 0.01, max_delay: float = 0.25
            ) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, retried with exponential backoff (plus jitter) for up to `lock_wait`
    seconds while another process holds the file's lock; then `StoreBusyError`.

    Readers that open a connection per request could keep a file locked without a gap, so a
    writer would wait for ever: a writer with `announce` keeps `waiting_marker(path)` fresh while
    it waits, and a `polite` reader does not open the file (within its own `lock_wait`) while a
    fresh marker says a writer is waiting.
    """
    deadline = time.monotonic() + lock_wait
    delay = first_delay
    marker = waiting_marker(path)
    announced = False

    def pause() -> None:
        nonlocal delay
        time.sleep(min(delay * (0.5 + random.random()), max(deadline - time.monotonic(), 0)))
        delay = min(delay * 2, max_delay)

    try:
        while polite and _writer_waiting(marker) and time.monotonic() < deadline:
            pause()
        delay = first_delay
        while True:
            try:
                return duckdb.connect(path, read_only=read_only)
            except duckdb.Error as exc:
                if not is_lock_conflict(exc):
                    raise open_error(path, exc) from exc
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"the store {path} is in use by another process (an ingest, or a "
                        f"server) and stayed locked for {lock_wait:g} s; try again when it is "
                        "done") from None
                if announce:
                    try:
                        marker.touch()
                        announced = True
                    except OSError:
                        pass
                pause()
    finally:
        if announced:
            marker.unlink(missing_ok=True)

# --------------------------------------------------------------------------- helpers


def parquet_files(path: str | Path) -> list[str]:
    """The Parquet files at `path`: the file itself, or every ``*.parquet`` below a folder."""
    p = Path(path)
    if p.is_dir():
        return sorted(str(f) for f in p.rglob("*.parquet"))
    return [str(p)] if p.suffix == ".parquet" else []


def is_parquet_input(path: str | Path) -> bool:
    """Whether `path` is a Parquet file or a folder holding Parquet files."""
    p = Path(path)
    if p.suffix == ".parquet":
        return True
    return p.is_dir() and any(p.rglob("*.parquet"))


# The first bytes of files often named as a store by mistake, and what to call them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"SQLite format 3\x00", "SQLite format 3"),
    (b"PAR1", "PAR1, a Parquet file"),
    (b"PK\x03\x04", "PK, a zip archive"),
    (b"\x1f\x8b", "a gzip header"),
)
_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def check_store_file(path: str | Path) -> None:
    """Refuse, before DuckDB touches it, a store path that names something other than a
    DuckDB database: a folder, an empty file, a SQLite or text file. A missing path is fine
    (a new store is created there); the file is never changed."""
    p = Path(path)
    if str(path) == ":memory:" or not p.exists():
        return
    if p.is_dir():
        raise NotAStoreError(f"{path} is a folder, not a DuckDB database file; "
                             "pass --db FILE")
    try:
        with open(p, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise NotAStoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head:
        raise NotAStoreError(f"{path} is an empty file, not a DuckDB database; remove it or "
                             "pass another --db")
    if head[8:12] == _DUCKDB_MAGIC:
        _check_length(p)
        return
    what = next((name for sig, name in _SIGNATURES if head.startswith(sig)), None)
    if what is None:
        text = head.decode("utf-8", "replace")
        printable = "".join(c if c.isprintable() else "." for c in text).strip(". ")
        what = printable or "binary data"
    raise NotAStoreError(f"{path} is not a DuckDB database (it starts with {what!r}); "
                         "it was left as it is — pass another --db")


_HEADER = 4096  # a DuckDB file: the main header, two database headers, then blocks


def _check_length(path: Path) -> None:
    """Refuse a DuckDB file shorter than its headers (a copy cut short). The block count in
    the database header is not a file length to compare with: a store that another process
    has just checkpointed reads shorter than its header's count (seen with serve and ingest
    at once), so a copy cut inside its blocks is left to DuckDB's own errors on open."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(3 * _HEADER)
    if len(head) < 3 * _HEADER:
        raise NotAStoreError(f"{path} is a damaged DuckDB database (truncated: {size} bytes, "
                             "shorter than its headers); it was left as it is — restore it "
                             "from a copy or pass another --db")


def open_error(path: str, exc: duckdb.Error) -> StoreError:
    """The error to raise when DuckDB cannot open the store file at `path`."""
    msg = _first_line(exc)
    if _disk_full(exc):
        return DiskFullError(f"the disk is full: cannot open the store {path} ({msg})")
    damaged = ("Could not read enough bytes", "corrupt", "checksum", "not a valid DuckDB")
    if any(d.lower() in msg.lower() for d in damaged):
        return NotAStoreError(f"{path} is a damaged DuckDB database ({msg}); it was left as it "
                              "is — restore it from a copy or pass another --db")
    return StoreError(f"cannot open the store {path}: {msg}")


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return "no space left on device" in str(exc).lower()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
