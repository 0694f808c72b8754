"""Code articles on a Dask cluster and write the events as a folder of Parquet parts.

The driver streams the input into partitions of K articles and keeps at most a few
partitions per worker thread in flight, so its memory stays bounded whatever the input
size. Each worker process builds one `Coder` per configuration (cached below, keyed by the
configuration's JSON) and returns small event rows, never spaCy Docs. The driver writes one
``part-NNNNN.parquet`` per partition (named by partition number, so a re-run writes the same
files) and every record it could not code to ``_rejected.jsonl`` in the same folder.

    code_on_cluster("articles.jsonl", "s3://bucket/events", cluster="tcp://sched:8786",
                    config=Config())

Inputs: JSONL, CSV or a folder of .txt files (as `eventwire.io.readers.read_articles`), a
Parquet file or folder of articles (columns ``id``, ``text``, ``date``/``pub_date`` and
optional ``title``, ``source``, ``url``), or JSONL (optionally compressed) at any fsspec URL.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from .._util import chunked
from ..config import Config
from ..errors import EventwireError, InputError
from ..io.readers import article_from_record, read_articles, read_jsonl
from ..io.writers import EVENT_SCHEMA
from ..model import Article

if TYPE_CHECKING:
    from distributed import Client

    from ..coder import Coder

log = logging.getLogger(__name__)

Item = Article | InputError

#: Article columns written next to the event columns; `Store.load_parquet` uses them
#: (``article_hash`` is the store's idempotency key, `Article.content_hash`).
ARTICLE_COLUMNS: tuple[str, ...] = ("article_hash", "title", "source", "url")
PART_SCHEMA = pa.schema([*EVENT_SCHEMA, *(pa.field(c, pa.string()) for c in ARTICLE_COLUMNS)])
PARQUET_ARTICLE_FIELDS = ("id", "text", "date", "pub_date", "title", "source", "url")
COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".lz4")
IN_FLIGHT_PER_THREAD = 2


# ------------------------------------------------------------------------------ workers
@dataclass(frozen=True)
class PartitionResult:
    """What a worker sends back for one partition: flat rows and counts, no Docs."""

    index: int
    rows: list[dict[str, Any]]
    coded: int
    failed: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _cached_coder(config_json: str) -> tuple[Coder, threading.Lock]:
    from ..coder import Coder

    return Coder(Config.model_validate_json(config_json)), threading.Lock()


def worker_coder(config_json: str) -> tuple[Coder, threading.Lock]:
    """The worker process's `Coder` for this configuration (loaded once) and its lock.

    A `Coder` is not thread-safe: on workers started with several threads the lock makes
    them take turns (start workers with ``--nthreads 1`` and more processes instead).
    """
    with _LOAD_LOCK:
        return _cached_coder(config_json)


def code_partition(config_json: str, index: int, articles: list[Article]) -> PartitionResult:
    """Code one partition on a worker; return its event rows and bookkeeping."""
    coder, lock = worker_coder(config_json)
    with lock:
        results = list(coder.code_articles(articles))
    rows: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    warnings: list[str] = []
    coded = sentences = parsed = 0
    for res in results:
        art = res.article
        warnings.extend(res.warnings)
        sentences += res.sentences
        parsed += res.parsed
        if res.error:
            failed.append(_rejected_record(art.id, art.line, None, res.error))
            continue
        coded += 1
        extra = {"article_hash": art.content_hash, "title": art.title, "source": art.source,
                 "url": art.url}
        rows.extend({**ev.model_dump(), **extra} for ev in res.events)
    return PartitionResult(index, rows, coded, failed, warnings, sentences, parsed)


def _rejected_record(record_id: str | None, line: int | None, source: str | None,
                     reason: str) -> dict[str, Any]:
    return {"id": record_id, "line": line, "source": source, "reason": reason}


# ------------------------------------------------------------------------------ input
def _is_url(path: str) -> bool:
    return "://" in path


def _parquet_files(path: str) -> list[str]:
    """The Parquet files at `path` (a file, or every *.parquet below a folder); [] if none."""
    if path == "-":
        return []
    try:
        fs, root = fsspec.core.url_to_fs(path)
        if fs.isdir(root):
            found = sorted(f for f in fs.find(root) if f.endswith((".parquet", ".pq")))
            return [fs.unstrip_protocol(f) if _is_url(path) else f for f in found]
    except (OSError, ValueError, ImportError):
        pass
    return [path] if path.endswith((".parquet", ".pq")) else []


def _plain(rec: dict[str, Any]) -> dict[str, Any]:
    """Arrow date/timestamp values as ISO strings, as the record validator expects."""
    out = dict(rec)
    for key in ("date", "pub_date"):
        v = out.get(key)
        if isinstance(v, datetime):
            out[key] = v.date().isoformat()
        elif isinstance(v, date):
            out[key] = v.isoformat()
    return out


def read_parquet_articles(files: list[str], *, batch_rows: int = 1024) -> Iterator[Item]:
    """Articles from Parquet files, streamed in row batches; `line` is the 1-based row."""
    for file in files:
        try:
            with fsspec.open(file, "rb") as f:
                pf = pq.ParquetFile(f)
                names = set(pf.schema_arrow.names)
                if "text" not in names:
                    yield InputError("Parquet has no 'text' column", source=file)
                    continue
                cols = [c for c in PARQUET_ARTICLE_FIELDS if c in names]
                row = 0
                for batch in pf.iter_batches(batch_size=batch_rows, columns=cols):
                    for rec in batch.to_pylist():
                        row += 1
                        yield article_from_record(_plain(rec), line=row, source=file)
        except (OSError, ImportError, pa.ArrowException) as exc:
            yield InputError(f"cannot read Parquet: {exc}", source=file)


def read_remote_jsonl(url: str) -> Iterator[Item]:
    """JSONL at any fsspec URL (or a compressed local file), streamed line by line."""
    if url.lower().removesuffix(".gz").endswith(".csv"):
        yield InputError("CSV is read from local files only; convert it to JSONL or Parquet",
                         source=url)
        return
    try:
        with fsspec.open(url, "rb", compression="infer") as f:
            yield from read_jsonl(f, url)
    except FileNotFoundError:
        yield InputError("no such file", source=url)
    except (OSError, ImportError, ValueError) as exc:
        yield InputError(f"cannot open: {exc}", source=url)


def read_items(path: str | Path) -> Iterator[Item]:
    """Every input record as an `Article` or an `InputError`, in input order, streamed."""
    p = str(path)
    files = _parquet_files(p)
    if files:
        yield from read_parquet_articles(files)
    elif _is_url(p) or p.lower().endswith(COMPRESSED):
        yield from read_remote_jsonl(p)
    else:
        yield from read_articles(p)


def _plan(path: str, config: Config, partitions: int | None) -> tuple[Iterable[Item], int]:
    """The item stream and the partition size: `config.batch_size` articles by default, or
    the input split into `partitions` (counted by a first streaming pass over the input)."""
    if partitions is None:
        return read_items(path), config.batch_size
    if partitions < 1:
        raise EventwireError(f"partitions must be at least 1, got {partitions}")
    if path == "-":
        items: list[Item] = list(read_items(path))
        return items, max(1, -(-len(items) // partitions))
    n = sum(1 for _ in read_items(path))
    return read_items(path), max(1, -(-n // partitions))


# ------------------------------------------------------------------------------ output
class PartSink:
    """A folder (local or fsspec URL) of ``part-NNNNN.parquet`` plus ``_rejected.jsonl``.

    Opening it removes the part files and rejects of an earlier run in the same folder.
    """

    def __init__(self, output: str) -> None:
        self.output = output
        try:
            self.fs, self.root = fsspec.core.url_to_fs(output)
            if self.fs.isfile(self.root):
                raise EventwireError(f"{output} is a file; --cluster writes a folder of "
                                     "part-*.parquet files: pass a folder or a new name")
            self.fs.makedirs(self.root, exist_ok=True)
            for old in self.fs.glob(f"{self.root}/part-*.parquet"):
                self.fs.rm(old)
            self._rejects = self.fs.open(f"{self.root}/_rejected.jsonl", "w", encoding="utf-8")
        except ImportError as exc:
            raise EventwireError(f"cannot write to {output}: {exc}") from None
        except OSError as exc:
            raise EventwireError(f"cannot write to {output}: {exc}") from None
        self.parts = 0
        self.rejected = 0

    def write_part(self, index: int, rows: list[dict[str, Any]]) -> None:
        table = pa.Table.from_pylist(rows, schema=PART_SCHEMA)
        with self.fs.open(f"{self.root}/part-{index:05d}.parquet", "wb") as f:
            pq.write_table(table, f)
        self.parts += 1

    def reject(self, record: dict[str, Any]) -> None:
        self._rejects.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.rejected += 1

    def close(self, *, complete: bool = True) -> None:
        if complete and self.parts == 0:  # an empty run still leaves a readable dataset
            self.write_part(0, [])
        self._rejects.close()


# ------------------------------------------------------------------------------ cluster
def parse_cluster(spec: str, default_workers: int) -> tuple[str, int | str]:
    """``local`` / ``local:N`` -> ("local", N); ``tcp://host:port`` -> ("address", spec)."""
    s = spec.strip()
    if s == "local":
        return "local", default_workers
    if s.startswith("local:"):
        n = s.removeprefix("local:")
        if not n.isdigit() or int(n) < 1:
            raise EventwireError(f"bad --cluster {spec!r}: local:N needs N >= 1 workers")
        return "local", int(n)
    if _is_url(s):
        return "address", s
    raise EventwireError(f"unknown --cluster {spec!r}; use local, local:N or "
                         "tcp://scheduler-host:8786")


@contextmanager
def connect(spec: str, config: Config) -> Iterator[tuple[Client, str]]:
    """A Dask client for `spec`, and a label for it; a local cluster lives as long as this."""
    from distributed import Client, LocalCluster

    default = config.workers if config.workers > 1 else os.cpu_count() or 1
    kind, value = parse_cluster(spec, default)
    if kind == "local":
        with LocalCluster(n_workers=int(value), threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as lc, \
                Client(lc) as client:
            yield client, f"local:{value}"
        return
    try:
        client = Client(str(value), timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise EventwireError(f"cannot connect to the Dask scheduler at {value}: {exc}; "
                             "is it running and reachable from here?") from None
    with client:
        yield client, str(value)


@dataclass
class _Totals:
    coded: int = 0
    events: int = 0
    warnings: int = 0


def _collect(res: PartitionResult, sink: PartSink, totals: _Totals) -> None:
    if res.rows:
        sink.write_part(res.index, res.rows)
    for rec in res.failed:
        sink.reject(rec)
    for w in res.warnings:
        log.warning(w)
    totals.coded += res.coded
    totals.events += len(res.rows)
    totals.warnings += len(res.warnings)


def _run(client: Client, chunks: Iterable[list[Item]], config: Config, sink: PartSink
         ) -> _Totals:
    from distributed import as_completed

    config_json = config.model_dump_json()
    threads = sum(client.nthreads().values())
    limit = max(4, IN_FLIGHT_PER_THREAD * threads)
    pending = as_completed()
    owners: dict[Any, tuple[int, list[Article]]] = {}
    totals = _Totals()
    run_id = uuid.uuid4().hex[:8]

    def drain_one() -> None:
        fut = next(pending)
        index, arts = owners.pop(fut)
        try:
            res = fut.result()
        except EventwireError:
            raise
        except Exception as exc:  # a worker died or the partition crashed: record, go on
            reason = f"partition {index} failed on the cluster: {type(exc).__name__}: {exc}"
            for a in arts:
                sink.reject(_rejected_record(a.id, a.line, None, reason))
            return
        finally:
            fut.release()
        _collect(res, sink, totals)

    index = 0
    for chunk in chunks:
        arts = []
        for item in chunk:
            if isinstance(item, InputError):
                sink.reject(_rejected_record(item.record_id, item.line, item.source,
                                             item.reason))
            else:
                arts.append(item)
        if arts:
            fut = client.submit(code_partition, config_json, index, arts, pure=False,
                                key=f"eventwire-partition-{run_id}-{index}")
            owners[fut] = (index, arts)
            pending.add(fut)
            index += 1
        while len(owners) >= limit:
            drain_one()
    while owners:
        drain_one()
    return totals


def code_on_cluster(input_path: str | Path, output: str | Path | None, *, cluster: str,
                    config: Config, partitions: int | None = None) -> str:
    """Code `input_path` on `cluster` into Parquet parts under `output`; a one-line summary.

    `cluster` is ``local`` (one worker process per CPU, or `config.workers`), ``local:N`` or
    a scheduler address such as ``tcp://host:8786``. `partitions` splits the input into
    that many partitions instead of ``config.batch_size`` articles each.
    """
    if output is None or str(output) in {"", "-"}:
        raise EventwireError("--cluster writes Parquet parts: pass -o OUT (a folder, or an "
                             "fsspec URL such as s3://bucket/events)")
    start = time.monotonic()
    path = str(input_path)
    parse_cluster(cluster, 1)  # fail on a bad spec before touching the input or output
    items, size = _plan(path, config, partitions)
    sink = PartSink(str(output))
    complete = False
    try:
        with connect(cluster, config) as (client, label):
            totals = _run(client, chunked(items, size), config, sink)
        complete = True
    finally:
        sink.close(complete=complete)
    took = time.monotonic() - start
    warn = f", {totals.warnings} warnings" if totals.warnings else ""
    return (f"coded {totals.coded} articles, {totals.events} events, {sink.rejected} rejected "
            f"on {label} in {took:.1f} s{warn} -> {output}")
