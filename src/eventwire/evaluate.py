"""Score coded events against a gold file (the JSONL format of ../shared/data/gold).

Each gold record has `text`, `date` and `events` [{source, target, code}]. A predicted
event matches a gold event of the same sentence when the codes agree at the level asked
(root: first two digits; full: the whole code) and, "with actors", when the source and
target agree (country: first three letters; full: the whole actor code). Matching is
one-to-one within a sentence. Gold actors that are null or start with '---' match any.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .coder import Coder
from .io.readers import parse_date
from .model import Article, Event

Level = tuple[str, str]  # (code level, actor level)
LEVELS: tuple[Level, ...] = (("root", "none"), ("root", "country"), ("root", "full"),
                             ("code", "none"), ("code", "country"), ("code", "full"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    n_records: int = 0
    n_gold: int = 0
    n_pred: int = 0
    scores: dict[Level, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    per_root: dict[str, Score] = field(default_factory=dict)
    top1_correct: int = 0
    any_correct: int = 0
    single_code_records: int = 0
    no_event_records: int = 0
    no_event_clean: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    actor_slots: int = 0
    actor_country_ok: int = 0
    actor_sector_ok: int = 0
    actor_full_ok: int = 0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"records": self.n_records, "gold_events": self.n_gold,
                               "predicted_events": self.n_pred}
        for (code, actor), s in self.scores.items():
            key = f"{code}_{'no_actors' if actor == 'none' else actor + '_actors'}"
            out[key] = {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                        "f1": round(s.f1, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        if self.single_code_records:
            out["root_accuracy_top1"] = round(self.top1_correct / self.single_code_records, 3)
            out["root_accuracy_any"] = round(self.any_correct / self.single_code_records, 3)
        if self.no_event_records:
            out["no_event_records_clean"] = f"{self.no_event_clean}/{self.no_event_records}"
        if self.actor_slots:
            out["actors"] = {"slots": self.actor_slots,
                             "country": round(self.actor_country_ok / self.actor_slots, 3),
                             "sector": round(self.actor_sector_ok / self.actor_slots, 3),
                             "full": round(self.actor_full_ok / self.actor_slots, 3)}
        return out


def _code_key(code: str, level: str) -> str:
    return code[:2] if level == "root" else code


def _actor_ok(gold: str | None, pred: str | None, level: str) -> bool:
    if level == "none" or gold is None or gold == "" or gold.startswith("---"):
        return True
    if pred is None:
        return False
    g, p = gold.upper().strip('"'), pred.upper()
    if level == "country":
        return g[:3] == p[:3]
    return g == p


def match(gold: Sequence[dict[str, Any]], pred: Sequence[Event], code_level: str,
          actor_level: str) -> tuple[int, list[int], list[int]]:
    """One-to-one matching; returns (tp, unmatched gold indices, unmatched pred indices)."""
    used: set[int] = set()
    missed: list[int] = []
    for gi, g in enumerate(gold):
        gcode = str(g.get("code") or "")
        hit = None
        for pi, p in enumerate(pred):
            if pi in used or _code_key(p.cameo_code, code_level) != _code_key(gcode, code_level):
                continue
            if _actor_ok(g.get("source"), p.source_code, actor_level) and \
                    _actor_ok(g.get("target"), p.target_code, actor_level):
                hit = pi
                break
        if hit is None:
            missed.append(gi)
        else:
            used.add(hit)
    return len(used), missed, [i for i in range(len(pred)) if i not in used]


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(coder: Coder, records: Iterable[dict[str, Any]], *, keep_errors: bool = False
             ) -> Report:
    recs = [r for r in records if str(r.get("evaluate", "true")).lower() != "false"]
    arts = []
    for r in recs:
        try:
            pub = parse_date(r.get("date"))
        except ValueError:
            pub = None
        arts.append(Article(id=str(r["id"]), text=r["text"], pub_date=pub))
    rep = Report()
    for r, res in zip(recs, coder.code_articles(arts), strict=True):
        gold = [g for g in r.get("events", []) if g.get("code")]
        pred = list(res.events)
        rep.n_records += 1
        rep.n_gold += len(gold)
        rep.n_pred += len(pred)
        for lv in LEVELS:
            tp, missed, extra = match(gold, pred, *lv)
            s = rep.scores[lv]
            s.tp += tp
            s.fn += len(missed)
            s.fp += len(extra)
        tp, missed, extra = match(gold, pred, "root", "country")
        for gi in missed:
            rep.per_root.setdefault(str(gold[gi]["code"])[:2], Score()).fn += 1
        matched_roots = Counter(str(g["code"])[:2] for i, g in enumerate(gold) if i not in missed)
        for root, n in matched_roots.items():
            rep.per_root.setdefault(root, Score()).tp += n
        for pi in extra:
            rep.per_root.setdefault(pred[pi].cameo_root, Score()).fp += 1
        if len({str(g["code"]) for g in gold}) == 1:
            rep.single_code_records += 1
            root = str(gold[0]["code"])[:2]
            if pred:
                best = max(pred, key=lambda e: e.confidence)
                rep.top1_correct += best.cameo_root == root
                rep.any_correct += any(e.cameo_root == root for e in pred)
        if not gold:
            rep.no_event_records += 1
            rep.no_event_clean += not pred
        _score_actors(rep, gold, pred)
        if keep_errors and (missed or extra):
            rep.errors.append({
                "id": r["id"], "text": r["text"],
                "missed": [gold[i] for i in missed],
                "extra": [{"code": pred[i].cameo_code, "source": pred[i].source_code,
                           "target": pred[i].target_code, "trigger": pred[i].trigger_text,
                           "rule": pred[i].rule_id} for i in extra],
                "matched": [{"code": p.cameo_code, "source": p.source_code,
                             "target": p.target_code} for i, p in enumerate(pred)
                            if i not in extra],
            })
    return rep


def _sector(code: str) -> str:
    return code[3:6] if len(code) >= 6 else ""


def _score_actors(rep: Report, gold: Sequence[dict[str, Any]], pred: Sequence[Event]) -> None:
    """Actor accuracy on events whose code matches (full code, then root): for each gold
    actor with a country code, is the coded actor's country, sector, full code right?"""
    used: set[int] = set()
    for g in gold:
        gcode = str(g.get("code") or "")
        cands = [i for i, p in enumerate(pred) if i not in used and p.cameo_code == gcode]
        cands = cands or [i for i, p in enumerate(pred)
                          if i not in used and p.cameo_root == gcode[:2]]
        if not cands:
            continue
        i = cands[0]
        used.add(i)
        for want, got in ((g.get("source"), pred[i].source_code),
                          (g.get("target"), pred[i].target_code)):
            if not want or want.startswith(("---", '"')) or len(want) < 3:
                continue
            w, c = want.upper(), (got or "").upper()
            rep.actor_slots += 1
            rep.actor_country_ok += w[:3] == c[:3]
            rep.actor_sector_ok += _sector(w) == _sector(c)
            rep.actor_full_ok += w == c


def format_report(rep: Report) -> str:
    lines = [f"records {rep.n_records}  gold events {rep.n_gold}  predicted {rep.n_pred}", "",
             f"{'level':<28}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    names = {"none": "no actors", "country": "actors (country)", "full": "actors (full code)"}
    for (code, actor), s in rep.scores.items():
        label = f"{code} code, {names[actor]}"
        lines.append(f"{label:<28}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    if rep.single_code_records:
        lines.append("")
        lines.append(f"root accuracy (most confident event) "
                     f"{rep.top1_correct / rep.single_code_records:.3f}; "
                     f"(any event) {rep.any_correct / rep.single_code_records:.3f} "
                     f"over {rep.single_code_records} single-code records")
    if rep.no_event_records:
        lines.append(f"no-event records with no events: {rep.no_event_clean}/"
                     f"{rep.no_event_records}")
    if rep.actor_slots:
        n = rep.actor_slots
        lines.append(f"actors on code-matched events ({n} gold actors): country "
                     f"{rep.actor_country_ok / n:.3f}, sector {rep.actor_sector_ok / n:.3f}, "
                     f"full code {rep.actor_full_ok / n:.3f}")
    lines += ["", "per root (code + country actors):", f"{'root':<6}{'P':>7}{'R':>7}{'F1':>7}"
              f"{'TP':>5}{'FP':>5}{'FN':>5}"]
    for root in sorted(rep.per_root):
        s = rep.per_root[root]
        lines.append(f"{root:<6}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    return "\n".join(lines)
