"""Download speed and memory of ``/api/events.csv`` and ``.jsonl`` over a large store.

    .venv/bin/python benchmarks/web_download.py [--events 200000] [--db PATH]

Builds (or reuses) the synthetic store of `web_load.build_store`, serves it on 127.0.0.1 and
downloads every event as CSV and as JSON Lines, reading the response in chunks. Prints rows,
bytes, seconds, rows per second, the time to the first byte (a streamed answer starts at once)
and the server process's peak resident memory before and after (``ru_maxrss``): streaming
keeps it flat instead of growing with the download.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from web_load import build_store, serving


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--identity", action="store_true", help="ask for no gzip")
    args = ap.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp()) / "download.duckdb"
    build_store(path, args.events)
    headers = {"accept-encoding": "identity"} if args.identity else {}
    with serving(path) as base, httpx.Client(timeout=600, headers=headers) as client:
        for kind in ("csv", "jsonl"):
            before = peak_mb()
            t0 = time.perf_counter()
            first = None
            size = lines = 0
            with client.stream("GET", f"{base}/api/events.{kind}") as r:
                r.raise_for_status()
                total = int(r.headers["x-total-count"])
                for chunk in r.iter_bytes():
                    first = first if first is not None else time.perf_counter() - t0
                    size += len(chunk)
                    lines += chunk.count(b"\n")
            secs = time.perf_counter() - t0
            rows = lines - (kind == "csv")
            print(
                f"{kind:5}: {rows:,} rows (X-Total-Count {total:,}), {size / 1e6:.1f} MB in "
                f"{secs:.2f} s = {rows / secs:,.0f} rows/s; first byte after "
                f"{(first or 0) * 1000:.0f} ms; peak RSS {before:.0f} -> {peak_mb():.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
