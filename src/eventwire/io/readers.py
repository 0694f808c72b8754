"""Read articles from JSONL, CSV, a folder of .txt files, or stdin.

Every reader yields `Article` or `InputError` items: a bad record never stops the
stream; the caller counts and reports it. Accepted fields: `id`, `text`, `date` or
`pub_date` (ISO date or datetime, or YYYYMMDD), optional `title`, `source`, `url`, `dateline`;
other fields are ignored.

Limits and repairs (docs/bad_input.md lists every rejection and its message):

- a record (a JSONL line, a CSV record, a .txt file) is at most `MAX_RECORD_BYTES`; a longer
  one is rejected and the reader goes on after it;
- text must be valid Unicode: a lone surrogate (JSON ``"\\ud800"``) rejects the record,
  never the run, because no UTF-8 file, store or API response can hold it and guessing
  what it stood for would code a text nobody wrote;
- control characters are replaced by spaces; a .txt file with a UTF-16 byte-order mark is
  decoded as UTF-16; anything else that is not UTF-8 is rejected, naming the byte.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .._util import unencodable
from ..errors import InputError
from ..model import Article

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Item = Article | InputError

MAX_RECORD_BYTES = 10_000_000
"""The longest record read: a JSONL line, a CSV record (all its lines) or a .txt file."""

__all__ = ["MAX_RECORD_BYTES", "article_from_record", "parse_date", "read_articles",
           "read_csv", "read_jsonl", "read_txt_folder", "unencodable"]

STRING_FIELDS = ("id", "text", "title", "source", "url", "dateline")
_CHUNK = 1 << 20

# A record is never longer than MAX_RECORD_BYTES, so the csv module's own limit is never hit.
csv.field_size_limit(MAX_RECORD_BYTES + 1)


def _too_long(size: int) -> str:
    return (f"record is {size:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit; "
            "split or shorten it")


def parse_date(value: Any) -> date | None:
    """ISO date/datetime or YYYYMMDD -> date; None for empty; ValueError if impossible."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, got {type(value).__name__}")
    s = value.strip()
    if re.fullmatch(r"\d{8}", s):
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        if len(s) == 10:
            return date.fromisoformat(s)
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except (ValueError, OverflowError):
        raise ValueError(f"impossible or unreadable date {value!r} (want YYYY-MM-DD)") from None


def article_from_record(rec: Any, *, line: int, source: str, fallback_id: str | None = None
                        ) -> Item:
    """Validate one decoded record into an Article, or an InputError saying why not."""
    if not isinstance(rec, dict):
        return InputError(f"record is a {type(rec).__name__}, not an object", line=line,
                          source=source)
    rid = rec.get("id", fallback_id)
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        return InputError("missing id", line=line, source=source)
    rid = str(rid)
    for key in STRING_FIELDS:
        value = rec.get(key)
        why = unencodable(value) if isinstance(value, str) else None
        if why:
            return InputError(f"{key}: {why}", line=line,
                              record_id=None if key == "id" else rid, source=source)
    text = rec.get("text")
    if text is None:
        return InputError("missing text field", line=line, record_id=rid, source=source)
    if not isinstance(text, str):
        return InputError(f"text is a {type(text).__name__}, not a string", line=line,
                          record_id=rid, source=source)
    text = CONTROL.sub(" ", text)
    if not text.strip():
        return InputError("empty text", line=line, record_id=rid, source=source)
    raw_date = rec.get("pub_date", rec.get("date"))
    try:
        pub = parse_date(raw_date)
    except ValueError as exc:
        return InputError(str(exc), line=line, record_id=rid, source=source)

    def opt(key: str) -> str | None:
        v = rec.get(key)
        return None if v is None or v == "" else str(v)

    return Article(id=rid, text=text, pub_date=pub, title=opt("title"), source=opt("source"),
                   url=opt("url"), dateline=opt("dateline"), line=line)


def _lines(stream: IO[bytes]) -> Iterator[tuple[bytes | None, int]]:
    """Physical lines, each at most MAX_RECORD_BYTES: (line, size). A longer line is
    skipped in chunks (bounded memory) and given as (None, its size). Streams whose
    `readline` takes no size (some fsspec files) are read a whole line at a time."""
    sized = True

    def readline(limit: int) -> bytes:
        nonlocal sized
        if sized:
            try:
                return stream.readline(limit)
            except TypeError:
                sized = False
        return stream.readline()

    while True:
        raw = readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        if len(raw) <= MAX_RECORD_BYTES:
            yield raw, len(raw)
            continue
        size = len(raw)
        while raw and not raw.endswith(b"\n"):
            raw = readline(_CHUNK)
            size += len(raw)
        yield None, size


def _decode(raw: bytes, *, line: int | None, source: str, first: bool = False) -> str | InputError:
    if b"\x00" in raw:
        return InputError("binary data (NUL bytes), not text", line=line, source=source)
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        where = " of the line" if line is not None else ""
        return InputError(f"not UTF-8 ({exc.reason}: byte 0x{raw[exc.start]:02X} at byte "
                          f"{exc.start}{where}); save the file as UTF-8", line=line,
                          source=source)


def read_jsonl(stream: IO[bytes], source: str) -> Iterator[Item]:
    for n, (raw, size) in enumerate(_lines(stream), start=1):
        if raw is None:
            yield InputError(_too_long(size), line=n, source=source)
            continue
        line = _decode(raw, line=n, source=source, first=n == 1)
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON ({exc.msg} at column {exc.colno})", line=n,
                             source=source)
            continue
        except RecursionError:
            yield InputError("malformed JSON (nested too deeply)", line=n, source=source)
            continue
        yield article_from_record(rec, line=n, source=source)


# --------------------------------------------------------------------------- CSV


class _CsvRecord:
    """One logical CSV record: its first line, the byte offset after that line, and its
    physical lines decoded (or why they are not)."""

    def __init__(self, line: int, resume_at: int) -> None:
        self.line = line
        self.resume_at = resume_at
        self.lines: list[str] = []
        self.error: InputError | None = None
        self.size = 0
        self.n_lines = 0
        self.closed = True  # quotes balanced at the end of the record


def _quote_open_after(raw: bytes, in_quotes: bool) -> bool:
    """Whether a quoted field is still open after the physical line `raw`, reading quotes
    as the csv module does: a quote opens a field only at its start, ``""`` inside a quoted
    field is a quote, and a quote inside an unquoted field is data."""
    if b'"' not in raw:
        return in_quotes
    i = 0
    field_start: int | None = None if in_quotes else 0
    while True:
        if in_quotes:
            j = raw.find(b'"', i)
            if j < 0:
                return True
            if raw[j + 1:j + 2] == b'"':
                i = j + 2
                continue
            in_quotes, i, field_start = False, j + 1, None
            continue
        q = raw.find(b'"', i)
        if q < 0:
            return False
        c = raw.rfind(b",", i, q)
        if c >= 0:
            field_start = c + 1
        in_quotes = field_start == q
        i = q + 1


def _next_csv_record(f: IO[bytes], line: int, source: str) -> _CsvRecord | None:
    """Read the physical lines of the record starting at `line`: lines are joined while a
    quoted field is open. Memory stays bounded: past MAX_RECORD_BYTES the lines are
    counted, not kept."""
    in_quotes = False
    rec: _CsvRecord | None = None
    for raw, size in _lines(f):
        if rec is None:
            rec = _CsvRecord(line, f.tell())
        rec.n_lines += 1
        rec.size += size
        if raw is None or rec.size > MAX_RECORD_BYTES:
            rec.error = rec.error or InputError(_too_long(rec.size), line=line, source=source)
            rec.lines = []
        if raw is not None:
            in_quotes = _quote_open_after(raw, in_quotes)
            if rec.error is None:
                text = _decode(raw, line=line + rec.n_lines - 1, source=source,
                               first=line == 1 and rec.n_lines == 1)
                if isinstance(text, InputError):
                    rec.error = text
                    rec.lines = []
                else:
                    rec.lines.append(text)
        if not in_quotes:
            return rec
    if rec is not None:
        rec.closed = False
    return rec


def _parse_csv_record(text: str) -> list[str] | str:
    """The fields of one record, or why it is malformed (strict quoting)."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return f"malformed CSV ({exc})"
    if len(rows) != 1:
        return "malformed CSV (a record split across lines)"
    return rows[0]


def read_csv(path: Path) -> Iterator[Item]:
    """A CSV file with a header row holding `text`; one item per record, in order.

    A quote that is never closed rejects its own line only: the reader goes back to the
    next line, so it cannot swallow the records after it. A record with more fields than
    the header, with bytes that are not UTF-8, or over MAX_RECORD_BYTES is rejected by line.
    """
    source = str(path)
    with open(path, "rb") as f:
        header: list[str] | None = None
        line = 1
        while True:
            rec = _next_csv_record(f, line, source)
            if rec is None:
                break
            line += rec.n_lines
            fields: list[str] | str | None = None
            if rec.error is None:
                text = "".join(rec.lines)
                if not text.strip():
                    continue
                fields = _parse_csv_record(text)
            runs_on = rec.n_lines > 1 and (isinstance(fields, str) or (
                header is not None and isinstance(fields, list) and len(fields) > len(header)))
            if not rec.closed or runs_on:
                # an unclosed quote ran into the lines after it: reject this line only and
                # read again from the next one
                f.seek(rec.resume_at)
                line = rec.line + 1
                yield InputError("unclosed quote: the quoted field opened on this line "
                                 + ("never closes" if not rec.closed else
                                    "runs into the lines after it"),
                                 line=rec.line, source=source)
                if header is None:
                    return
                continue
            if rec.error is not None:
                yield rec.error
                if header is None:
                    return
                continue
            if isinstance(fields, str):
                yield InputError(fields, line=rec.line, source=source)
                if header is None:
                    return
                continue
            assert fields is not None
            if header is None:
                header = [h.strip() for h in fields]
                if "text" not in header:
                    yield InputError("CSV has no 'text' column", line=rec.line, source=source)
                    return
                continue
            if len(fields) > len(header):
                yield InputError(f"{len(fields)} fields, the header has {len(header)} (an "
                                 "unquoted comma in a field?)", line=rec.line, source=source)
                continue
            row = dict(zip(header, fields, strict=False))
            yield article_from_record(row, line=rec.line, source=source)
        if header is None:
            yield InputError("CSV has no header row", line=1, source=source)


# --------------------------------------------------------------------------- .txt folder


def _read_txt(path: Path) -> Item:
    source = str(path)
    if path.is_symlink() and not path.exists():
        return InputError("dangling symbolic link (its target does not exist)", source=source)
    if not path.is_file():
        return InputError("not a regular file (a folder or device named .txt)", source=source)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_RECORD_BYTES + 1)
    except OSError as exc:
        return InputError(f"cannot read: {exc.strerror or exc}", source=source)
    if len(raw) > MAX_RECORD_BYTES:
        return InputError(_too_long(len(raw)), source=source)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return InputError(f"not UTF-16 despite its byte-order mark ({exc.reason})",
                              source=source)
    else:
        decoded = _decode(raw, line=None, source=source, first=True)
        if isinstance(decoded, InputError):
            return decoded
        text = decoded
    if "\x00" in text:
        return InputError("binary data (NUL characters), not text", source=source)
    return article_from_record({"id": path.stem, "text": text}, line=1, source=source)


def read_txt_folder(folder: Path) -> Iterator[Item]:
    """Each ``*.txt`` file below `folder` (sorted) as one article; id = file name. A file
    that cannot be read is one `InputError`, and the other files go on."""
    for path in sorted(folder.rglob("*.txt")):
        yield _read_txt(path)


def read_articles(path: str | Path) -> Iterator[Item]:
    """Articles from a JSONL/CSV file, a folder of .txt files, or `-` (JSONL on stdin)."""
    if str(path) == "-":
        stdin = sys.stdin
        if stdin is None or stdin.closed or not hasattr(stdin, "buffer"):
            yield InputError("stdin is closed; pipe JSON Lines in or name an input file",
                             source="<stdin>")
            return
        try:
            yield from read_jsonl(stdin.buffer, "<stdin>")
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", source="<stdin>")
        return
    p = Path(path)
    try:
        if p.is_dir():
            yield from read_txt_folder(p)
        elif not p.exists():
            yield InputError("no such file or folder", source=str(p))
        elif p.suffix.lower() == ".csv":
            yield from read_csv(p)
        else:
            with open(p, "rb") as f:
                yield from read_jsonl(f, str(p))
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=str(p))
