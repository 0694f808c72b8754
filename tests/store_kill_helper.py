"""Ingest numbered articles with a slow fake coder, printing a line per committed batch.

Run by tests/test_store_kill.py as a subprocess that gets SIGKILLed midway:
    python tests/store_kill_helper.py DB N DELAY BATCH_SIZE
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest_store import FakeCoder, numbered_articles
from eventwire.store import Store


def main(db: str, n: int, delay: float, batch_size: int) -> None:
    with Store(db) as store:
        store.ingest(numbered_articles(n), FakeCoder(delay=delay), batch_size=batch_size,
                     on_progress=lambda s: print(f"committed {s.batches}", flush=True))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]))
