"""Write Event records as JSON Lines (default), CSV or Parquet, streaming.

Actor lists are arrays in JSON Lines and Parquet (``list<string>``); CSV cells hold them
``|``-joined and booleans as ``true``/``false`` (`eventwire.model.flat_value`).
A file is written next to its final name (``.NAME.partial``) and renamed into place when the
writer closes without an error: a run that fails half-way (disk full, killed) never leaves
a half-written file under the output's name, and an older file there stays as it was.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import EVENT_FIELDS, Event, flat_value

Format = Literal["jsonl", "csv", "parquet"]


def _arrow_type(annotation: Any) -> pa.DataType:
    if get_origin(annotation) is tuple:  # tuple[str, ...]: the actor lists
        return pa.list_(pa.string())
    args = [a for a in get_args(annotation) if a is not type(None)] or [annotation]
    base = args[0]
    if get_origin(base) is Literal:
        return pa.string()
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
            date: pa.date32()}.get(base, pa.string())


EVENT_SCHEMA = pa.schema([(name, _arrow_type(f.annotation))
                          for name, f in Event.model_fields.items()])


class EventWriter:
    """Context manager: `with EventWriter(path, fmt) as w: w.write(events)`.

    `path` None or "-" writes to stdout (JSONL or CSV). Parquet is written in row groups.
    """

    def __init__(self, path: str | Path | None, fmt: Format = "jsonl") -> None:
        if fmt not in get_args(Format):
            raise ValueError(f"unknown format {fmt!r}; use jsonl, csv or parquet")
        self.fmt = fmt
        self.to_stdout = path is None or str(path) == "-"
        if self.to_stdout and fmt == "parquet":
            raise ValueError("parquet output needs -o FILE")
        self.path = None if self.to_stdout else Path(str(path))
        self._tmp = None if self.path is None else self.path.with_name(
            f".{self.path.name}.partial")
        self.count = 0
        self._fh: IO[str] | None = None
        self._csv: Any = None
        self._pq: pq.ParquetWriter | None = None
        self._buffer: list[dict[str, Any]] = []

    def __enter__(self) -> EventWriter:
        if self.fmt == "parquet":
            assert self.path is not None and self._tmp is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._pq = pq.ParquetWriter(str(self._tmp), EVENT_SCHEMA)
        else:
            if self.to_stdout:
                self._fh = sys.stdout
            else:
                assert self.path is not None and self._tmp is not None
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
            if self.fmt == "csv":
                self._csv = csv.DictWriter(self._fh, fieldnames=list(EVENT_FIELDS))
                self._csv.writeheader()
        return self

    def write(self, events: Iterable[Event]) -> None:
        for ev in events:
            self.count += 1
            if self.fmt == "jsonl":
                assert self._fh is not None
                self._fh.write(json.dumps(ev.to_row(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow({k: flat_value(v) for k, v in ev.to_row().items()})
            else:
                self._buffer.append(ev.model_dump())
                if len(self._buffer) >= 10_000:
                    self._flush_parquet()

    def _flush_parquet(self) -> None:
        if self._buffer and self._pq is not None:
            self._pq.write_table(pa.Table.from_pylist(self._buffer, schema=EVENT_SCHEMA))
            self._buffer = []

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self._pq is not None:
                if exc_type is None:
                    self._flush_parquet()
                self._pq.close()
            if self._fh is not None:
                if self.to_stdout:
                    self._fh.flush()
                else:
                    self._fh.close()
        except BaseException:
            self._discard()
            raise
        if exc_type is not None:
            self._discard()
        elif self._tmp is not None and self.path is not None:
            os.replace(self._tmp, self.path)

    def _discard(self) -> None:
        """Drop the partial file of a failed run (the output's old file stays)."""
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
