"""Reading article gold and coded events into one shape (`Ev`), and the dev/test split."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import INTERNATIONAL_KINDS, Event

# codes that start with no country: the international kinds, generic INT, unidentified UIS
NON_COUNTRY = (*INTERNATIONAL_KINDS, "INT", "UIS")


def split_of(article_id: str) -> str:
    """'dev' or 'test', by a hash of the article id (fixed, half and half)."""
    return "dev" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 \
        else "test"



@dataclass(frozen=True)
class Spot:
    """Where a coded event was placed: the gazetteer point and how it was chosen."""

    latitude: float | None
    longitude: float | None
    admin1: str | None
    geonameid: int | None
    reason: str | None


@dataclass(frozen=True)
class Ev:
    """One event, gold or coded, in the shape the matcher compares."""

    start: int          # character span in the article text: the quote or the sentence
    end: int
    code: str
    source: str | None
    target: str | None
    date: str | None = None
    place: str | None = None
    place_country: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    background: bool = False
    label: str = ""     # for listings: the quote or the sentence
    bare: tuple[bool, bool] = (False, False)  # coded source / target: a sector, no country
    spot: Spot | None = None  # coded: the chosen place's point and reason

    @property
    def root(self) -> str:
        return self.code[:2]

    def overlaps(self, other: Ev) -> bool:
        return self.start < other.end and other.start < self.end



# -- reading ---------------------------------------------------------------------------
def read_article_gold(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """article_id -> gold record, from files or folders of `*.jsonl`. A second record of
    the same article is an error (one primary annotation per article)."""
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                        aid = str(rec["article_id"])
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        raise ValueError(f"{f}, line {n}: not an article gold record "
                                         f"({type(exc).__name__}: {exc})") from None
                    if aid in out:
                        raise ValueError(f"{f}, line {n}: article {aid!r} annotated twice")
                    out[aid] = rec
    return out


def is_article_gold(path: Path) -> bool:
    """Does this file (or the first file of this folder) hold article gold?"""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        return False
                    return isinstance(rec, dict) and "article_id" in rec and "text" not in rec
    return False


def gold_events(rec: dict[str, Any], text: str) -> list[Ev]:
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    out: list[Ev] = []
    for e in rec.get("events", []):
        quote = str(e.get("quote") or "")
        item = e.get("item")
        start = -1
        if isinstance(item, int) and 0 <= item < len(lines):
            at = lines[item].find(quote)
            start = offsets[item] + at if at >= 0 else -1
        if start < 0:
            start = text.find(quote)
        if start < 0 or not quote or not e.get("code"):
            continue
        out.append(Ev(start, start + len(quote), str(e["code"]), e.get("source") or None,
                      e.get("target") or None, _s(e.get("date")), _s(e.get("place")),
                      _s(e.get("place_country")), _s(e.get("source_text")),
                      _s(e.get("target_text")), bool(e.get("background")), quote))
    return out


def _s(v: object) -> str | None:
    return str(v) if v not in (None, "") else None


def coded_events(events: Sequence[Event], text: str) -> list[Ev]:
    """Coded events with the span of their sentence in the article text."""
    spans: dict[int, tuple[int, int]] = {}
    cursor = 0
    for ev in sorted(events, key=lambda e: e.sentence_index):
        if ev.sentence_index in spans:
            continue
        at = text.find(ev.sentence, cursor)
        if at < 0:
            at = text.find(ev.sentence)
        if at < 0:
            at = cursor
        spans[ev.sentence_index] = (at, at + len(ev.sentence))
        cursor = at
    out = []
    for ev in events:
        s, e = spans[ev.sentence_index]
        date = ev.event_date.isoformat() if ev.event_date else None
        bare = tuple(bool(code) and not country and not str(code).startswith(NON_COUNTRY)
                     for code, country in ((ev.source_code, ev.source_country),
                                           (ev.target_code, ev.target_country)))
        spot = Spot(ev.latitude, ev.longitude, ev.admin1, ev.geonameid, ev.location_reason)
        out.append(Ev(s, e, ev.cameo_code, ev.source_code, ev.target_code, date,
                      ev.location_name, ev.location_country, ev.source_text, ev.target_text,
                      ev.background, ev.sentence, (bare[0], bare[1]), spot))
    return out


def read_corpus(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                out[rec["id"]] = rec
    return out
