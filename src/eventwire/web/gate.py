"""A shared/exclusive gate over the store file within one server process.

DuckDB refuses a second connection to a file in the same process with another configuration
than the open ones. The requests' connections share one configuration; ``POST /api/sql`` opens
the store with external access disabled (the guard of `eventwire sql`), so it must not overlap
them. Requests hold the gate shared; a SQL statement holds it alone, waiting at most a few
seconds for the others to finish (new requests wait while it waits, so it is not starved).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from eventwire.errors import StoreBusyError

__all__ = ["Gate"]


class Gate:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False
        self._waiting = 0  # exclusive holders waiting

    @contextmanager
    def shared(self, timeout: float) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._exclusive or self._waiting:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreBusyError("the store is busy with an SQL statement")
                self._cond.wait(left)
            self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                self._shared -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self, timeout: float) -> Iterator[None]:
        deadline = time.monotonic() + timeout
        with self._cond:
            self._waiting += 1
            try:
                while self._exclusive or self._shared:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise StoreBusyError("the store stayed busy with other requests")
                    self._cond.wait(left)
            finally:
                self._waiting -= 1
            self._exclusive = True
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()
