"""Errors raised by eventwire.

The library never prints or exits; the CLI turns these into one-line messages.

    EventwireError
     ├── InputError            a record or file that cannot be read (names line and id)
     ├── DictionaryError       a broken dictionary line (names file and line)
     ├── ModelNotFoundError    the spaCy pipeline is not installed
     ├── StoreError            the DuckDB store refused an operation
     │    ├── ReadOnlyError    a write through the read-only SQL entry point
     │    ├── NotAStoreError   the --db file is not a DuckDB store, or is damaged (a usage
     │    │                    error: the file is left as it was)
     │    ├── DiskFullError    no space left while writing; the store is as before the batch
     │    └── StoreBusyError   another process held the store's lock for longer than we wait
     ├── QueryError            a bad filter value (e.g. a malformed --near)
     └── CodingTimeout         coding ran past the caller's time budget
"""

from __future__ import annotations


def printable(text: str) -> str:
    """`text` with lone surrogates (from undecodable file names or input) escaped, so a
    message can always be printed, stored and sent as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """A record that cannot be coded. `where` names the file line and record id."""

    def __init__(self, reason: str, *, line: int | None = None, record_id: str | None = None,
                 source: str | None = None) -> None:
        self.reason = printable(reason)
        self.line = line
        self.record_id = None if record_id is None else printable(record_id)
        self.source = None if source is None else printable(source)
        super().__init__(self.message)

    @property
    def where(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record_id:
            parts.append(f"id {self.record_id!r}")
        return ", ".join(parts) or "input"

    @property
    def message(self) -> str:
        return f"{self.where}: {self.reason}"


class DictionaryError(EventwireError):
    """A dictionary file with a problem; `problems` lists (line, message) pairs."""

    def __init__(self, path: str, problems: list[tuple[int, str]]) -> None:
        self.path = path
        self.problems = problems
        first = "; ".join(f"line {n}: {m}" for n, m in problems[:3])
        more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__(f"{path}: {first}{more}")


class ModelNotFoundError(EventwireError):
    """The configured spaCy pipeline cannot be loaded."""


class StoreError(EventwireError):
    """The event store refused an operation."""


class ReadOnlyError(StoreError):
    """A statement that would change the store was sent to a read-only entry point."""


class NotAStoreError(StoreError):
    """The store path names a file that is not a DuckDB database, or a damaged one."""


class DiskFullError(StoreError):
    """The disk filled up while writing; what was written before is intact."""
class StoreBusyError(StoreError):
    """Another process (an ingest, a server storing texts) held the store's file lock for longer
    than the caller was willing to wait."""


class QueryError(EventwireError):
    """A query filter with a value that cannot be used."""


class CodingTimeout(EventwireError):
    """Coding ran past the deadline the caller gave `Coder.code_articles`."""
