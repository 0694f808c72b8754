"""How many events are dated well before publication, and how many of those are unflagged.

    python benchmarks/background_share.py [--articles N] [--corpus PATH] [--out EVENTS.jsonl]

Codes the Wikinews corpus (../shared/data/corpora/wikinews_2019_2020.jsonl, all 293 articles
by default) and prints: the events, those dated more than a year before their article's
publication, how many of those carry ``background = false`` (the issue's target: at most 1%
of all events), the events flagged background, and the span of event dates left on the time
axis once background events are left out (what the dashboard shows by default).
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "wikinews_2019_2020.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=0, help="first N articles (0 = all)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, help="write the coded events here as JSON Lines")
    args = ap.parse_args()

    from eventwire.coder import Coder
    from eventwire.io.readers import read_articles
    from eventwire.model import Article

    arts = [a for a in read_articles(args.corpus) if isinstance(a, Article)]
    if args.articles:
        arts = arts[: args.articles]
    coder = Coder()
    events = [ev for res in coder.code_articles(arts) for ev in res.events]
    old = [ev for ev in events if ev.pub_date and ev.event_date
           and ev.event_date < ev.pub_date - timedelta(days=365)]
    unflagged = [ev for ev in old if not getattr(ev, "background", False)]
    flagged = [ev for ev in events if getattr(ev, "background", False)]
    shown = [ev.event_date for ev in events
             if ev.event_date and not getattr(ev, "background", False)]
    n = len(events) or 1
    print(f"articles: {len(arts)}, events: {len(events)}")
    print(f"dated > 1 year before publication: {len(old)} ({len(old) / n:.1%})")
    print(f"  of which background false: {len(unflagged)} ({len(unflagged) / n:.1%} of events)")
    print(f"flagged background: {len(flagged)} ({len(flagged) / n:.1%})")
    if shown:
        print(f"time axis without background: {min(shown)} .. {max(shown)}")
    for ev in unflagged[:20]:
        print(f"  UNFLAGGED {ev.event_date} (pub {ev.pub_date}) {ev.date_text!r}: "
              f"{ev.sentence[:110]}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for ev in events:
                f.write(json.dumps(ev.to_row()) + "\n")


if __name__ == "__main__":
    main()
