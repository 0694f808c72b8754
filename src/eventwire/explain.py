"""Human-readable account of how a text was coded: parse, actors, events and rules, and for
what gave no event, why not.

The text is coded once, through the coder's own steps (`Coder._prepare`, the parse,
`Coder._code_article`) with a `reasons` list that the extractor and the coder fill with the
triggers that gave no event (`eventwire.events.extract.Rejected`). Each sentence then says:

- skipped by the prefilter, and why (no trigger candidate, no actor candidate, too long);
- no trigger: no word of the sentence is a verb or noun of the event patterns;
- no pattern: the word has patterns but none fits its arguments; the closest one is named
  with what it needs (a preposition, an object word, a particle, a clause);
- no event: a pattern fitted but the act was an accident or disaster, an anonymous-source
  formula, hypothetical or asked for, or no actor resolved (the subject and object words);
- gave way: the act was folded into another event of the sentence (a governing verb gives
  way to the act in its complement; an accusation; the consequence of an attack);
- dropped by the coder: hypothetical, negated ("did not sign"), one-sided where both actors
  are required;
- events without a source or target say which words were not resolved.

Codes carry their CAMEO and PLOVER labels (`eventwire.labels`).
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .events import extract as ex
from .events.arguments import for_clause
from .events.extract import Rejected
from .events.matching import clause_lemmas, object_lemmas, object_modifiers
from .events.modality import PARTICLE_PREPS
from .labels import actor_label, cameo_label, plover_label
from .model import Article, Event

if TYPE_CHECKING:
    from .coder import Coder
    from .events.patterns import Pattern

__all__ = ["explain", "why_not"]


def _code(code: str | None) -> str:
    label = cameo_label(code)
    return f"{code} {label}" if code and label else (code or "-")


def _actor(code: str | None) -> str:
    label = actor_label(code)
    return f"{code} {label}" if code and label else (code or "unknown")


def _words(tokens: list[Token]) -> str:
    return ", ".join(repr(" ".join(x.text for x in t.subtree)) for t in tokens)


def _unmet(v: Token, p: Pattern) -> list[str]:
    """What pattern `p` needs of the trigger `v` that the parse does not give (the tests of
    `extract.match_pattern`, read out)."""
    preps = {c.lower_ for c in v.children if c.dep_ in {"prep", "agent"}}
    preps |= {"for" for c in v.children if for_clause(c)}
    particles = {
        c.lower_
        for c in v.children
        if c.dep_ in {"prt", "advmod"} or (c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS)
    }
    out: list[str] = []
    if p.particle and p.particle not in particles:
        out.append(f"the particle {p.particle!r}")
    if p.preps and not p.preps & preps:
        out.append("a preposition " + "/".join(repr(x) for x in sorted(p.preps)))
    if p.objects and not p.objects & (object_lemmas(v) | object_modifiers(v)):
        sample = sorted(p.objects)[:6]
        out.append("an object such as " + ", ".join(sample) + ("..." if len(p.objects) > 6 else ""))
    if p.complement and not p.complement & clause_lemmas(v):
        out.append("a clause about " + ", ".join(sorted(p.complement)[:6]))
    if p.clausal and not any(ex.infinitival(c) for c in v.children):
        out.append("a 'to' clause")
    if p.object_actor and not out:
        out.append("an object that is itself an actor")
    return out


def _pattern(p: Pattern) -> str:
    return f"pattern {p.id} ({_code(p.code)})"


def _no_pattern(coder: Coder, t: Token) -> str:
    lemma = ex.lemma_of(t)
    candidates = coder.patterns.by_verb.get(lemma, ())
    scored = sorted(
        ((len(_unmet(t, p)), -p.specificity, i, p) for i, p in enumerate(candidates)),
        key=lambda x: x[:3],
    )
    if not scored:
        return f"no verb pattern for {lemma!r}"
    _, _, _, best = scored[0]
    needs = _unmet(t, best) or ["arguments the parse does not give"]
    return (
        f"no verb pattern matched: {len(candidates)} pattern(s) of {lemma!r}, the "
        f"closest {_pattern(best)} needs " + " and ".join(needs)
    )


def _no_event(t: Token, p: Pattern) -> str:
    if p.code[:2] in {"18", "19", "20"} and ex.is_mishap(t):
        return f"{_pattern(p)} fitted, but the harm comes from an accident or disaster"
    if ex._anonymous(t):
        return f"{_pattern(p)} fitted, but it is the formula of an anonymous source"
    code, _modality, negated = ex.coded_modality(p.code, ex.modality_of(t))
    if code is None:
        return (
            f"{_pattern(p)} fitted, but the act is "
            + ("negated" if negated else "hypothetical, conditional or asked for")
            + " (a side clause, not an act)"
        )
    subjects = [c for c in t.children if c.dep_ in ex.SUBJ | ex.SUBJ_PASS]
    objects = [c for c in t.children if c.dep_ in ex.OBJ | {"pobj", "dative"}]
    objects += [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    said = []
    said.append(f"the subject {_words(subjects)}" if subjects else "no subject in the parse")
    if objects:
        said.append(f"the object {_words(objects)}")
    return (
        f"{_pattern(p)} fitted, but no actor resolved: "
        + " and ".join(said)
        + " named no actor the dictionaries know"
    )


def _dropped(coder: Coder, r: Rejected) -> str:
    f = r.found
    p = r.pattern
    head = _pattern(p) if p else "the event"
    if f is None:
        return f"{head} was dropped"
    if f.modality == "hypothetical":
        return f"{head} fitted, but the act is hypothetical or asked for (a side clause)"
    if f.negated:
        return f"{head} fitted, but the act is negated ('did not ...'): not an act"
    if f.source is None or f.target is None:
        return f"{head} fitted, but the coder needs both actors (require_dyad)"
    return f"{head} fitted, but {f.code} is not a CAMEO code"


def why_not(coder: Coder, r: Rejected, kept: list[Event]) -> str:
    """One line: why the trigger of `r` gave no event."""
    if r.stage == "no-pattern":
        return _no_pattern(coder, r.trigger)
    if r.stage == "no-event" and r.pattern is not None:
        return _no_event(r.trigger, r.pattern)
    if r.stage == "gave-way":
        others = sorted({e.trigger_text for e in kept if e.trigger_start != r.trigger.idx})
        into = f" ({', '.join(repr(o) for o in others)})" if others else ""
        return (
            f"{_pattern(r.pattern) if r.pattern else 'the act'} gave way to another "
            f"event of the sentence{into}: a governing verb, an accusation or a "
            "consequence folded into it"
        )
    return _dropped(coder, r)


def _missing_actor(ev: Event, doc: Doc, role: str) -> str | None:
    if getattr(ev, f"{role}_code"):
        return None
    trig = next((t for t in doc if t.idx == ev.trigger_start), None)
    if trig is None:
        return f"no {role}: not resolved"
    deps = ex.SUBJ | ex.SUBJ_PASS if role == "source" else ex.OBJ | {"dative"}
    words = [c for c in trig.children if c.dep_ in deps]
    if role == "target":
        words += [
            g for c in trig.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
    if not words:
        return f"no {role}: {trig.text!r} has no {'subject' if role == 'source' else 'object'}"
    return (
        f"no {role}: {_words(words)} did not resolve to an actor code (not in the "
        "dictionaries, or a bare role without a country)"
    )


def explain(coder: Coder, text: str, pub_date: date | None, *, as_json: bool = False) -> str:
    art = Article(id="explain", text=text, pub_date=pub_date)
    sents, keep, warnings = coder._prepare(art)
    docs = list(coder.nlp.pipe([s.tokens or s.text for s in sents]))
    reasons: list[Rejected] = []
    events = coder._code_article(
        art, [(s, d) for s, d, k in zip(sents, docs, keep, strict=True) if k], None, reasons
    )
    if as_json:
        return "\n".join(json.dumps(e.to_row(), ensure_ascii=False) for e in events)
    lines: list[str] = list(f"warning: {w}" for w in warnings)
    by_sentence: dict[int, list[Event]] = {}
    for ev in events:
        by_sentence.setdefault(ev.sentence_index, []).append(ev)
    for sent, doc, kept in zip(sents, docs, keep, strict=True):
        lines.append(f"[{sent.index}] {sent.text}")
        lines.append(
            "  parse: " + "  ".join(f"{t.text}/{t.pos_}/{t.dep_}<-{t.head.i}" for t in doc)
        )
        if doc.ents:
            lines.append("  entities: " + ", ".join(f"{e.text} ({e.label_})" for e in doc.ents))
        mine = by_sentence.get(sent.index, [])
        for ev in mine:
            plover = (
                f"PLOVER {ev.plover_type} {plover_label(ev.plover_type)}"
                f"{'/' + ev.plover_mode if ev.plover_mode else ''}"
                if ev.plover_type
                else "no PLOVER type"
            )
            lines.append(
                f"  EVENT {_code(ev.cameo_code)} (root {_code(ev.cameo_root)}; {plover}; "
                f"quad {ev.quad_class}, Goldstein {ev.goldstein:+.1f}) rule {ev.rule_id}, "
                f"trigger {ev.trigger_text!r}"
            )
            lines.append(f"    source {_actor(ev.source_code)} <- {ev.source_text!r}")
            lines.append(f"    target {_actor(ev.target_code)} <- {ev.target_text!r}")
            lines.append(
                f"    date {ev.event_date} ({ev.date_precision}"
                f"{', from ' + repr(ev.date_text) if ev.date_text else ''}); "
                f"place {ev.location_name or '-'} ({ev.location_reason or '-'}); "
                f"modality {ev.modality}; confidence {ev.confidence}"
            )
            for role in ("source", "target"):
                if (why := _missing_actor(ev, doc, role)) is not None:
                    lines.append(f"    why {why}")
        if not kept:
            why = (
                coder.prefilter.why_not(sent.tokens or coder.nlp.make_doc(sent.text))
                if len(sent.text) <= coder.config.max_sentence_chars
                else f"longer than {coder.config.max_sentence_chars} characters"
            )
            lines.append(f"  NO EVENT: skipped by the prefilter (not parsed): {why}")
            continue
        rejected = [r for r in reasons if r.trigger.doc is doc]
        for r in rejected:
            if any(e.trigger_start == r.trigger.idx for e in mine) and r.stage != "no-pattern":
                continue  # another pattern of the same word gave the event
            lines.append(f"  NO EVENT at {r.trigger.text!r}: {why_not(coder, r, mine)}")
        if not mine and not rejected:
            lines.append(
                "  NO EVENT: no verb pattern matched: no word of the sentence is a "
                "verb or noun of the event patterns"
            )
    if not events:
        lines.append("no events")
    return "\n".join(lines)
