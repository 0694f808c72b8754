"""Agreement of two independent annotations of the same articles (docs/annotation.md §7).

    python scripts/gold_agreement.py gold/primary gold/second [--corpus FILE] [-v]

The first folder is taken as the reference for the root F1; on events both annotators
coded with the same root in the same sentence, it reports the share with the same source
and target (country level), date (the coarser precision of the two), place country and place
name (the same name, one inside the other, when either annotator names one).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.article_eval import agreement, read_article_gold, read_corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/corpora/news_2020s.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    a, b = read_article_gold([args.first]), read_article_gold([args.second])
    corpus = read_corpus(args.corpus, set(a) | set(b))
    ag = agreement(a, b, corpus)
    m = ag.root.tp
    print(f"articles annotated twice: {ag.articles}; events {ag.a_events} / {ag.b_events}")
    print(f"root (same sentence): P {ag.root.precision:.3f} R {ag.root.recall:.3f} "
          f"F1 {ag.root.f1:.3f} ({m} matched)")
    if m:
        print(f"on root-matched events: source {ag.source / m:.3f}, target {ag.target / m:.3f}")
    if ag.date_both:
        print(f"date {ag.date / ag.date_both:.3f} (of {ag.date_both} with a date)")
    if ag.place_both:
        print(f"place country {ag.place / ag.place_both:.3f} (of {ag.place_both} with a place)")
    if ag.named_both or ag.named_either:
        named = ag.named_both + ag.named_either
        print(f"place name {ag.named_same / named:.3f} (of {named} named by either: "
              f"{ag.named_same} same name, {ag.named_both - ag.named_same} other names, "
              f"{ag.named_either} named by one only)")
    if args.verbose:
        print("\nactor disagreements:")
        for line in ag.disagreements:
            print(" ", line)


if __name__ == "__main__":
    main()
