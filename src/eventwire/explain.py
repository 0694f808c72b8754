"""Human-readable account of how a text was coded: parse, actors, events and rules."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from .model import Article

if TYPE_CHECKING:
    from .coder import Coder


def explain(coder: Coder, text: str, pub_date: date | None, *, as_json: bool = False) -> str:
    art = Article(id="explain", text=text, pub_date=pub_date)
    result = next(iter(coder.code_articles([art])))
    if as_json:
        return "\n".join(json.dumps(e.to_row(), ensure_ascii=False) for e in result.events)
    lines: list[str] = []
    by_sentence: dict[int, list] = {}
    for ev in result.events:
        by_sentence.setdefault(ev.sentence_index, []).append(ev)
    for sent, doc in coder.parse_sentences(text):
        lines.append(f"[{sent.index}] {sent.text}")
        lines.append("  parse: " + "  ".join(
            f"{t.text}/{t.pos_}/{t.dep_}<-{t.head.i}" for t in doc))
        if doc.ents:
            lines.append("  entities: " + ", ".join(f"{e.text} ({e.label_})" for e in doc.ents))
        for ev in by_sentence.get(sent.index, []):
            lines.append(
                f"  EVENT {ev.cameo_code} ({ev.plover_type or '-'}; quad {ev.quad_class}, "
                f"Goldstein {ev.goldstein:+.1f}) rule {ev.rule_id}, trigger {ev.trigger_text!r}")
            lines.append(f"    source {ev.source_code or '-'} <- {ev.source_text!r}")
            lines.append(f"    target {ev.target_code or '-'} <- {ev.target_text!r}")
            lines.append(f"    date {ev.event_date} ({ev.date_precision}"
                         f"{', from ' + repr(ev.date_text) if ev.date_text else ''}); "
                         f"place {ev.location_name or '-'} ({ev.location_reason or '-'}); "
                         f"modality {ev.modality}; confidence {ev.confidence}")
    if not result.events:
        lines.append("no events")
    return "\n".join(lines)
