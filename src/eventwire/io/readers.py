"""Read articles from JSONL, CSV, a folder of .txt files, or stdin.

Every reader yields `Article` or `InputError` items: a bad record never stops the
stream; the caller counts and reports it. Accepted fields: `id`, `text`, `date` or
`pub_date` (ISO date or datetime, or YYYYMMDD), optional `title`, `source`, `url`, `dateline`;
other fields are ignored.
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
from typing import Any, cast

from ..errors import InputError
from ..model import Article

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Item = Article | InputError

csv.field_size_limit(50_000_000)


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
    except ValueError:
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


def _decode_lines(stream: io.BufferedIOBase | io.RawIOBase, source: str
                  ) -> Iterator[tuple[int, str | InputError]]:
    for n, raw in enumerate(stream, start=1):
        if b"\x00" in raw:
            yield n, InputError("binary data (NUL bytes), not text", line=n, source=source)
            continue
        try:
            yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield n, InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})", line=n,
                                source=source)


def read_jsonl(stream: io.BufferedIOBase | io.RawIOBase, source: str) -> Iterator[Item]:
    for n, line in _decode_lines(stream, source):
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
        yield article_from_record(rec, line=n, source=source)


def read_csv(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})", source=source)
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError("CSV has no 'text' column", line=1, source=source)
        return
    for row in reader:
        yield article_from_record(dict(row), line=reader.line_num, source=source)


def read_txt_folder(folder: Path) -> Iterator[Item]:
    for path in sorted(folder.rglob("*.txt")):
        raw = path.read_bytes()
        if b"\x00" in raw:
            yield InputError("binary data (NUL bytes), not text", source=str(path))
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})", source=str(path))
            continue
        yield article_from_record({"id": path.stem, "text": text}, line=1, source=str(path))


def read_articles(path: str | Path) -> Iterator[Item]:
    """Articles from a JSONL/CSV file, a folder of .txt files, or `-` (JSONL on stdin)."""
    if str(path) == "-":
        yield from read_jsonl(cast(io.BufferedIOBase, sys.stdin.buffer), "<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        yield from read_txt_folder(p)
    elif not p.exists():
        yield InputError("no such file or folder", source=str(p))
    elif p.suffix.lower() == ".csv":
        yield from read_csv(p)
    else:
        with open(p, "rb") as f:
            yield from read_jsonl(f, str(p))
