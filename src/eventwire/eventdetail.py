"""One stored event with everything behind it: the data of ``eventwire show`` and of the web
event page.

`event_detail(store, event_id)` gathers, for one event id (or a unique prefix of one):

- the event row, with the labels of its codes (`eventwire.labels.row_labels`);
- its article (title, source, url, publication date) from the ``articles`` table;
- the sentence with its neighbours: the store keeps no article text, so the neighbours are the
  sentences of the same article that gave other events (two either side, where there are);
- every field's evidence and reason (`FieldEvidence`): the action (code, trigger, rule,
  negation, modality), the source and the target (code, words, character span), the date
  (words, precision, anchor), the place (name, country, how it was chosen) and the confidence.

`format_detail` lays it out for a terminal; `EventDetail.to_dict` is JSON-ready for an API.
"""

from __future__ import annotations

import textwrap
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from eventwire.errors import QueryError
from eventwire.labels import actor_label, cameo_label, plover_label, quad_label, row_labels
from eventwire.store import Store

__all__ = ["EventDetail", "FieldEvidence", "event_detail", "format_detail"]

NEIGHBOURS = 2  # sentences either side
MIN_PREFIX = 6  # characters of an id prefix

# how a place was chosen (Event.location_reason; see places.pick_location, Coder._carry_place)
PLACE_REASONS = {
    "trigger_prep": 'the place the verb\'s preposition names ("in Tehran")',
    "sentence": "a place named in the sentence",
    "office": "the seat of the actor's office",
    "context": "the place of the story so far (an earlier sentence)",
    "source": "the source actor's country",
    "lead": "the place of the article's lead",
    "dateline": "the article's dateline",
    "actors": "the country both actors share",
    "within": "the town the sentence names for the act, inside the country or region",
    "venue": "the venue of the gathering (debate, rally, summit) the statement was made at",
}


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """One field of an event: its value, the words it came from, and why."""

    field: str  # action | source | target | date | place | confidence
    value: str
    evidence: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: dict[str, Any]
    labels: dict[str, str | None]
    article: dict[str, Any] | None
    copies: int  # stored rows with this id (one article under two content hashes)
    neighbours: tuple[tuple[int, str], ...]  # (sentence_index, sentence), the event's included
    fields: tuple[FieldEvidence, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO strings)."""

        def plain(v: Any) -> Any:
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            if isinstance(v, list | tuple):
                return [plain(x) for x in v]
            return v

        return {
            "event": plain(self.event),
            "labels": self.labels,
            "article": plain(self.article),
            "copies": self.copies,
            "neighbours": [{"sentence_index": i, "sentence": s} for i, s in self.neighbours],
            "fields": [asdict(f) for f in self.fields],
        }


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _find(store: Store, event_id: str) -> list[dict[str, Any]]:
    key = event_id.strip()
    rows = _rows(store, "SELECT * FROM events WHERE event_id = ? ORDER BY article_hash", [key])
    if rows or len(key) < MIN_PREFIX:
        return rows
    ids = _rows(
        store,
        "SELECT DISTINCT event_id FROM events WHERE starts_with(event_id, ?) "
        "ORDER BY event_id LIMIT 4",
        [key],
    )
    if len(ids) > 1:
        shown = ", ".join(r["event_id"] for r in ids[:3])
        raise QueryError(
            f"event id prefix {key!r} matches several events ({shown}...); give more of the id"
        )
    if not ids:
        return []
    return _rows(
        store, "SELECT * FROM events WHERE event_id = ? ORDER BY article_hash", [ids[0]["event_id"]]
    )


def event_detail(store: Store, event_id: str) -> EventDetail:
    """The event `event_id` (or the one event whose id starts with it, 6+ characters) with
    its article, neighbouring sentences and evidence; `QueryError` when there is none."""
    rows = _find(store, event_id)
    if not rows:
        raise QueryError(
            f"no event with id {event_id.strip()!r}; ids are in the event_id "
            "column of `eventwire query --format jsonl`"
        )
    ev = rows[0]
    arts = _rows(
        store,
        "SELECT input_id, title, source, url, pub_date FROM articles WHERE id = ?",
        [ev["article_hash"]],
    )
    i = ev["sentence_index"]
    near = _rows(
        store,
        "SELECT DISTINCT sentence_index, sentence FROM events "
        "WHERE article_hash = ? AND sentence_index BETWEEN ? AND ? "
        "ORDER BY sentence_index",
        [ev["article_hash"], i - NEIGHBOURS, i + NEIGHBOURS],
    )
    seen: dict[int, str] = {}
    for r in near:
        seen.setdefault(r["sentence_index"], r["sentence"])
    seen[i] = ev["sentence"]
    return EventDetail(
        event=ev,
        labels=row_labels(ev),
        article=arts[0] if arts else None,
        copies=len(rows),
        neighbours=tuple(sorted(seen.items())),
        fields=tuple(field_evidence(ev)),
    )


def _coded(code: str | None, label: str | None) -> str:
    if not code:
        return "unknown"
    return f"{code} {label}" if label else code


def _span(ev: dict[str, Any], role: str) -> str | None:
    text, start, end = ev.get(f"{role}_text"), ev.get(f"{role}_start"), ev.get(f"{role}_end")
    if not text:
        return None
    return f"{text!r} (characters {start}-{end})" if start is not None else repr(text)


def field_evidence(ev: dict[str, Any]) -> list[FieldEvidence]:
    """Every field of an event row with its evidence and reason."""
    code, root = ev.get("cameo_code"), ev.get("cameo_root")
    action = (
        f"{_coded(code, cameo_label(code))}; root {_coded(root, cameo_label(root))}; "
        f"{quad_label(ev.get('quad_class')) or 'quad ?'}, Goldstein "
        f"{ev.get('goldstein', 0):+.1f}"
    )
    if ev.get("plover_type"):
        action += f"; PLOVER {ev['plover_type']} ({plover_label(ev['plover_type'])})" + (
            f", mode {ev['plover_mode']}" if ev.get("plover_mode") else ""
        )
    why = f"rule {ev.get('rule_id')} matched the trigger"
    if ev.get("negated"):
        why += "; the act is negated"
    if ev.get("modality") and ev.get("modality") != "asserted":
        why += f"; modality {ev['modality']}"
    out = [FieldEvidence("action", action, _span(ev, "trigger"), why)]
    for role in ("source", "target"):
        c = ev.get(f"{role}_code")
        value = _coded(c, actor_label(c))
        others = [a for a in (ev.get(f"{role}_actors") or []) if a != c]
        if others:
            value += f" (with {', '.join(others)})"
        span = _span(ev, role)
        if span:
            reason = f"the words the rule took as the {role}, resolved by the actor dictionary"
        elif c:
            reason = (
                f"no words of its own in this sentence: the {role} came from the "
                "article's context (a pronoun, the issuer, the story's country)"
            )
        else:
            reason = f"no {role} actor was found or resolved"
        out.append(FieldEvidence(role, value, span, reason))
    precision, pub = ev.get("date_precision"), ev.get("pub_date")
    when = ev.get("event_date")
    if ev.get("date_text"):
        reason = f"read relative to the publication date {pub}, precise to the {precision}"
    else:
        reason = f"no date words for the act: the publication date ({pub})"
    words = repr(ev["date_text"]) if ev.get("date_text") else None
    out.append(FieldEvidence("date", str(when or "unknown"), words, reason))
    if ev.get("location_name") or ev.get("location_country"):
        place = ", ".join(
            str(p)
            for p in (ev.get("location_name"), ev.get("admin1"), ev.get("location_country"))
            if p
        )
        if ev.get("latitude") is not None:
            place += f" ({ev['latitude']:.2f}, {ev['longitude']:.2f})"
        r = ev.get("location_reason")
        out.append(
            FieldEvidence(
                "place", place, None, PLACE_REASONS.get(r or "", r or "no reason recorded")
            )
        )
    else:
        out.append(FieldEvidence("place", "unknown", None, "no place found for the act"))
    out.append(
        FieldEvidence(
            "confidence", str(ev.get("confidence")), None, f"coder {ev.get('coder_version') or '?'}"
        )
    )
    return out


def _mark(sentence: str, start: Any, end: Any) -> str:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence):
        return f"{sentence[:start]}[{sentence[start:end]}]{sentence[end:]}"
    return sentence


def format_detail(d: EventDetail, width: int = 100) -> str:
    """The detail as terminal text, wrapped at `width`."""
    ev, width = d.event, max(width, 40)

    def wrap(text: str, first: str, rest: str = "") -> list[str]:
        return textwrap.wrap(
            text, width, initial_indent=first, subsequent_indent=rest or " " * len(first)
        ) or [first.rstrip()]

    src = d.labels["source_label"] or ev.get("source_code") or "unknown"
    tgt = d.labels["target_label"] or ev.get("target_code") or "unknown"
    lines = wrap(f"{src} → {d.labels['cameo_label'] or ev['cameo_code']} → {tgt}", "")
    lines.append(
        f"event {ev['event_id']}" + (f" (stored {d.copies} times)" if d.copies > 1 else "")
    )
    art = d.article or {}
    lines += wrap(
        " · ".join(
            str(x)
            for x in (
                art.get("title"),
                art.get("source"),
                art.get("pub_date") or ev.get("pub_date"),
            )
            if x
        )
        or "article",
        "article: ",
    )
    lines.append(f"link: {art.get('url') or '(no url stored)'}")
    lines.append("")
    for index, sentence in d.neighbours:
        if index == ev["sentence_index"]:
            text = _mark(sentence, ev.get("trigger_start"), ev.get("trigger_end"))
            lines += wrap(text, f"▶ [{index}] ", " " * (5 + len(str(index))))
        else:
            lines += wrap(sentence, f"  [{index}] ", " " * (5 + len(str(index))))
    lines.append("")
    for f in d.fields:
        lines += wrap(f.value, f"{f.field:<10} ", " " * 11)
        if f.evidence:
            lines += wrap(f"from {f.evidence}", " " * 11)
        lines += wrap(f"why: {f.reason}", " " * 11)
    return "\n".join(lines)
