"""Agreement of two annotators, with the same matcher (scripts/gold_agreement.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..evaluate import Score
from .match import actor_key, pair, same_actors
from .records import gold_events


# -- two annotators -------------------------------------------------------------------
@dataclass
class Agreement:
    articles: int = 0
    a_events: int = 0
    b_events: int = 0
    root: Score = field(default_factory=Score)
    source: int = 0
    target: int = 0
    date_both: int = 0
    date: int = 0
    place_both: int = 0
    place: int = 0
    named_both: int = 0     # events both annotators place by name
    named_same: int = 0     # ... with the same name (one inside the other, case aside)
    named_either: int = 0   # events one annotator places by name, the other by none
    disagreements: list[str] = field(default_factory=list)


def _same_name(a: str, b: str) -> bool:
    x, y = a.lower().strip(), b.lower().strip()
    return x in y or y in x


def agreement(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]],
              corpus: dict[str, dict[str, Any]]) -> Agreement:
    """Event-level agreement of annotator files a and b over the articles both did:
    root F1 (a as reference), and on root-matched events the share with the same source,
    target (country level), date, place country and place name."""
    ag = Agreement()
    for aid in sorted(set(a) & set(b)):
        text = corpus[aid]["text"]
        ga = [e for e in gold_events(a[aid], text) if not e.background]
        gb = [e for e in gold_events(b[aid], text) if not e.background]
        ag.articles += 1
        ag.a_events += len(ga)
        ag.b_events += len(gb)
        ps = pair(ga, gb, "root")
        ag.root.tp += len(ps)
        ag.root.fn += len(ga) - len(ps)
        ag.root.fp += len(gb) - len(ps)
        for gi, pi in ps:
            x, y = ga[gi], gb[pi]
            ag.source += actor_key(x.source, "country") == actor_key(y.source, "country")
            ag.target += actor_key(x.target, "country") == actor_key(y.target, "country")
            if x.date or y.date:
                ag.date_both += 1
                ag.date += bool(x.date and y.date and
                                (x.date.startswith(y.date) or y.date.startswith(x.date)))
            if x.place_country or y.place_country:
                ag.place_both += 1
                ag.place += x.place_country == y.place_country
            if x.place and y.place:
                ag.named_both += 1
                ag.named_same += _same_name(x.place, y.place)
            elif x.place or y.place:
                ag.named_either += 1
            if not same_actors(x, y, "country"):
                ag.disagreements.append(f"{aid}: {x.source}->{x.target} {x.code} vs "
                                        f"{y.source}->{y.target} {y.code} | {x.label[:80]}")
    return ag
