#!/usr/bin/env python3
"""What labels beside codes cost an export: CSV of N events with and without label columns.

    python benchmarks/labels_export.py [N]    (default 50,000 events; prints seconds and rows/s)
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from conftest_store import FakeResult, make_event  # noqa: E402
from eventwire import export as ex  # noqa: E402
from eventwire.model import Article  # noqa: E402
from eventwire.store import Store  # noqa: E402

CODES = ["040", "057", "112", "190", "0331", "141", "173"]
ACTORS = ["IRNGOV", "IRQGOV", "USAMIL", "IGOUNO", "TURGOV", "SYRREB", "RUS", "PSEREBHMS"]


def build(path: Path, n: int) -> None:
    per = 100
    with Store(path) as store:
        for a in range(n // per):
            events = tuple(make_event(f"A{a}", sentence_index=i, code=CODES[i % len(CODES)],
                                      source=ACTORS[i % len(ACTORS)],
                                      target=ACTORS[(i + 3) % len(ACTORS)],
                                      event_date=date(2020, 1, 1) + timedelta(days=a % 300))
                           for i in range(per))
            art = Article(id=f"A{a}", text=f"article {a}", pub_date=date(2020, 1, 1))
            store.add_batch([FakeResult(art, events)], coder_version="bench")


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        build(db, n)
        with Store(db, read_only=True) as store:
            t0 = time.perf_counter()
            rows = ex.export(store, None, Path(tmp) / "with.csv", "csv")
            with_labels = time.perf_counter() - t0
            t0 = time.perf_counter()  # the same export without the label columns
            stream, columns = ex._stream(store, *ex.query_sql(ex.EventQuery()))
            ex._write_csv(stream, columns, Path(tmp) / "without.csv")
            without = time.perf_counter() - t0
    print(f"{rows} events: CSV export with labels {with_labels:.2f} s "
          f"({rows / with_labels:,.0f} rows/s), without {without:.2f} s "
          f"({rows / without:,.0f} rows/s); labels cost {with_labels / without - 1:+.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
