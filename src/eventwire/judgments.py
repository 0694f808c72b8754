"""Analysts' judgments of stored events: the review loop of the dashboard.

A judgment says of one event either ``right`` (every field right) or ``wrong`` in one field
(`FIELDS`: root, source, target, date, place). They go into the store's ``judgments`` table
(who, judged_at, event_id, verdict, field), made on first use.

Reading them (`judged_events`): for each judge and event, the judge's latest ``right`` clears
that judge's earlier ``wrong`` clicks; an event is wrong in a field when some judge's standing
judgments say so. `precision` counts, by CAMEO root and by field, the judged events and those
found right; `gold_articles` writes the judged events in the article-gold format of
docs/annotation.md, so that a team's corrections become test data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventwire.errors import QueryError

__all__ = [
    "FIELDS",
    "JudgedEvent",
    "add_judgment",
    "ensure_table",
    "format_precision",
    "gold_articles",
    "judged_events",
    "precision",
]

FIELDS = ("root", "source", "target", "date", "place")
VERDICTS = ("right", "wrong")

_DDL = (
    "CREATE TABLE IF NOT EXISTS judgments (id BIGINT PRIMARY KEY, "
    "judged_at TIMESTAMP NOT NULL, who VARCHAR, event_id VARCHAR NOT NULL, "
    "verdict VARCHAR NOT NULL, field VARCHAR)"
)


def ensure_table(con: Any) -> None:
    con.execute(_DDL)


def _has_table(con: Any) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
        "'main' AND table_name = 'judgments' AND table_catalog = "
        "current_database()"
    ).fetchone()
    return bool(row and row[0])


def add_judgment(
    con: Any,
    event_id: str,
    verdict: str,
    field_name: str | None,
    who: str | None = None,
    at: datetime | None = None,
) -> int:
    """Store one judgment (after checking it); returns how many judgments the store holds."""
    if verdict not in VERDICTS:
        raise QueryError(f"verdict {verdict!r}: use right or wrong")
    if verdict == "wrong" and field_name not in FIELDS:
        raise QueryError(f"a wrong verdict names its field: {', '.join(FIELDS)}")
    if verdict == "right" and field_name:
        raise QueryError("a right verdict covers every field; send no field")
    row = con.execute("SELECT count(*) FROM events WHERE event_id = ?", [event_id]).fetchone()
    if not row or not row[0]:
        raise QueryError(f"no event with id {event_id!r}")
    ensure_table(con)
    con.execute(
        "INSERT INTO judgments SELECT coalesce(max(id), 0) + 1, ?, ?, ?, ?, ? FROM judgments",
        [
            at or datetime.now(UTC).replace(tzinfo=None),
            (who or "").strip() or None,
            event_id,
            verdict,
            field_name if verdict == "wrong" else None,
        ],
    )
    total = con.execute("SELECT count(*) FROM judgments").fetchone()
    return int(total[0]) if total else 0


@dataclass
class JudgedEvent:
    event: dict[str, Any]
    wrong: set[str] = field(default_factory=set)
    judges: set[str] = field(default_factory=set)


def judged_events(con: Any) -> list[JudgedEvent]:
    """The judged events with the fields their standing judgments call wrong."""
    if not _has_table(con):
        return []
    rows = con.execute(
        "SELECT coalesce(who, ''), event_id, verdict, field FROM judgments ORDER BY judged_at, id"
    ).fetchall()
    standing: dict[tuple[str, str], set[str]] = {}
    for who, event_id, verdict, field_name in rows:
        wrong = standing.setdefault((who, event_id), set())
        if verdict == "right":
            wrong.clear()
        else:
            wrong.add(field_name)
    ids = sorted({e for _, e in standing})
    cur = con.execute(
        "SELECT e.*, a.input_id AS article_input_id FROM events e LEFT JOIN "
        "articles a ON a.id = e.article_hash WHERE e.event_id IN "
        "(SELECT unnest(?::VARCHAR[])) QUALIFY row_number() OVER "
        "(PARTITION BY e.event_id ORDER BY e.article_hash) = 1 ORDER BY "
        "e.event_id",
        [ids],
    )
    names = [d[0] for d in cur.description]
    events = {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
    out: dict[str, JudgedEvent] = {}
    for (who, event_id), wrong in standing.items():
        if event_id not in events:
            continue  # the event is gone (re-coded store)
        je = out.setdefault(event_id, JudgedEvent(events[event_id]))
        je.wrong |= wrong
        je.judges.add(who)
    return [out[k] for k in sorted(out)]


def precision(judged: list[JudgedEvent]) -> dict[str, list[dict[str, Any]]]:
    """By CAMEO root: judged, right (no field wrong), precision; by field: judged, right,
    precision of that field alone."""
    by_root: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for je in judged:
        cell = by_root[je.event["cameo_root"]]
        cell[0] += 1
        cell[1] += not je.wrong
    roots = [
        {"root": r, "judged": n, "right": k, "precision": k / n}
        for r, (n, k) in sorted(by_root.items())
    ]
    n = len(judged)
    fields = [
        {
            "field": f,
            "judged": n,
            "right": sum(f not in je.wrong for je in judged),
            "precision": (sum(f not in je.wrong for je in judged) / n) if n else None,
        }
        for f in FIELDS
    ]
    return {"by_root": roots, "by_field": fields}


def gold_articles(judged: list[JudgedEvent]) -> list[dict[str, Any]]:
    """The judged events as article gold (docs/annotation.md §6): one object per article.

    An event judged right is a gold event as coded. An event with a wrong field is kept with
    that field set to null (the correct value is not known) and ``judged_wrong`` naming the
    fields, so a reader can settle it; a wrong root drops the code.
    """
    arts: dict[str, dict[str, Any]] = {}
    for je in judged:
        ev = je.event
        art_id = ev.get("article_input_id") or ev["article_id"]
        art = arts.setdefault(art_id, {"article_id": art_id, "annotator": "judged", "events": []})
        wrong = je.wrong
        gold: dict[str, Any] = {
            "item": 0,
            "quote": ev["sentence"],
            "code": None if "root" in wrong else ev["cameo_code"],
            "source": None if "source" in wrong else ev["source_code"],
            "source_text": None if "source" in wrong else ev["source_text"],
            "target": None if "target" in wrong else ev["target_code"],
            "target_text": None if "target" in wrong else ev["target_text"],
            "date": (
                None
                if "date" in wrong or ev["event_date"] is None
                else ev["event_date"].isoformat()
            ),
            "place": None if "place" in wrong else ev["location_name"],
            "place_country": None if "place" in wrong else ev["location_country"],
            "background": False,
            "note": (
                f"judged right by {', '.join(sorted(je.judges)) or 'anonymous'}"
                if not wrong
                else f"judged wrong ({', '.join(sorted(wrong))}); correct value not given"
            ),
            "event_id": ev["event_id"],
        }
        if wrong:
            gold["judged_wrong"] = sorted(wrong)
        art["events"].append(gold)
    return [arts[k] for k in sorted(arts)]


def format_precision(report: dict[str, list[dict[str, Any]]], events: int) -> str:
    """`precision` as plain text: one table by root, one by field."""
    from eventwire.labels import cameo_label

    if not events:
        return "no judged events in this store (judge them in the dashboard in write mode)"
    lines = [f"{events} judged events", "", "by CAMEO root        judged  right  precision"]
    for r in report["by_root"]:
        name = f"{r['root']} {cameo_label(r['root']) or ''}"[:20]
        lines.append(f"{name:<20} {r['judged']:>6} {r['right']:>6}  {r['precision']:>8.1%}")
    lines += ["", "by field             judged  right  precision"]
    for f in report["by_field"]:
        lines.append(f"{f['field']:<20} {f['judged']:>6} {f['right']:>6}  {f['precision']:>8.1%}")
    return "\n".join(lines)
