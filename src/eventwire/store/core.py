"""`Store`: ingest, recode rule, batches in one transaction, Parquet loading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from .._util import chunked
from ..errors import DiskFullError, InputError, StoreError
from ..model import Article, Event
from .files import _disk_full, _first_line, check_store_file, connect
from .migrate import check_schema, create_schema, migrate, outdated, transaction
from .schema import (
    _ARTICLES_SCHEMA,
    _EVENTS_SCHEMA,
    _FAILURES_SCHEMA,
)
from .stories import StoryIndex, clean_url


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
            if self.read_only and outdated(self.con):
                self._upgrade_lists()
            if self.read_only:
                check_schema(self.con, self.path)
            else:
                create_schema(self.con, self.path)
        except BaseException:
            self._release()
            raise

    def _upgrade_lists(self) -> None:
        """A store of an older eventwire (actor lists as |-joined text, or without a column
        added since): upgrade it once in place, then read it as asked."""
        self._release()
        try:
            self._con = self._connect(False)
        except StoreError as exc:
            self._con = self._connect(True)
            raise StoreError(f"{self.path} was written by an older eventwire and must be "
                             f"upgraded once, which needs write access: {exc}") from None
        migrate(self.con, self.path)
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

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction on the store's connection (see `migrate.transaction`)."""
        with transaction(self.con):
            yield

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
        """Load events written as Parquet by a distributed run (a file or a folder of
        files): see `eventwire.store.parquet.load`."""
        from .parquet import load

        return load(self, path, recode=recode)

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> int:
        rows = self.con.execute(sql, list(params)).fetchall()  # fetchall drains the result
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0
