"""Opening a store file: the lock shared between processes, waiting for it, and the checks that
 a file is a DuckDB store, with clear errors.
"""

from __future__ import annotations

import errno
import random
import time
from pathlib import Path

import duckdb

from ..errors import DiskFullError, NotAStoreError, StoreBusyError, StoreError

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
