"""Errors raised by eventwire.

The library never prints or exits; the CLI turns these into one-line messages.

    EventwireError
     ├── InputError            a record or file that cannot be read (names line and id)
     ├── DictionaryError       a broken dictionary line (names file and line)
     ├── ModelNotFoundError    the spaCy pipeline is not installed
     ├── StoreError            the DuckDB store refused an operation
     │    ├── ReadOnlyError    a write through the read-only SQL entry point
     │    └── StoreBusyError   another process held the store's lock for longer than we wait
     ├── QueryError            a bad filter value (e.g. a malformed --near)
     └── CodingTimeout         coding ran past the caller's time budget
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """A record that cannot be coded. `where` names the file line and record id."""

    def __init__(self, reason: str, *, line: int | None = None, record_id: str | None = None,
                 source: str | None = None) -> None:
        self.reason = reason
        self.line = line
        self.record_id = record_id
        self.source = source
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


class StoreBusyError(StoreError):
    """Another process (an ingest, a server storing texts) held the store's file lock for longer
    than the caller was willing to wait."""


class QueryError(EventwireError):
    """A query filter with a value that cannot be used."""


class CodingTimeout(EventwireError):
    """Coding ran past the deadline the caller gave `Coder.code_articles`."""
