"""Time and peak memory of `eventwire ingest` against `eventwire code` on the same input.

    .venv/bin/python benchmarks/ingest_scale.py [--sizes 1000,10000,100000] [--keep DIR]
                                                [--only code|ingest]

For each size N, builds an N-article JSONL by cycling through a seeded shuffle of
Reuters-21578 (read from ../shared/data/corpora, never copied into the repository). Every
copy gets its own id and a last paragraph naming it, so no two articles share a content hash
and the store's dedup cannot skip any (a copy's lead is unchanged, so repeated stories are
grouped into stories as wire copies are). Then runs, each in a fresh subprocess of the
installed CLI:

    code     eventwire code INPUT -o events.jsonl
    ingest   eventwire ingest INPUT --db store.duckdb   (a new, empty store)

and prints wall seconds, peak RSS of the child (``os.wait4``'s ``ru_maxrss``), the ratio
ingest/code and the seconds per 1,000 articles, which stay flat when the cost is linear.
Both commands load the spaCy pipeline (a few seconds) inside the timed run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "reuters21578.jsonl"
EVENTWIRE = Path(sys.executable).parent / "eventwire"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    status: int


def articles(n: int, seed: int = 7) -> Iterator[dict[str, object]]:
    """`n` Reuters articles, cycling through a seeded shuffle, each with a unique id and text."""
    with CORPUS.open(encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    base = [r for r in base if str(r.get("text") or "").strip()]
    random.Random(seed).shuffle(base)
    for i in range(n):
        rec = dict(base[i % len(base)])
        copy = i // len(base)
        rec["id"] = f"{rec.get('id')}-c{copy}"
        if copy:
            rec["text"] = f"{rec['text']}\nBenchmark copy {copy}."
        yield rec


def write_input(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for rec in articles(n):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(args: list[str]) -> Run:
    """Run one CLI command; its wall time and the child's own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(EVENTWIRE), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()  # drain, so a chatty child never blocks on a full pipe
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: some records rejected, the run went on
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise SystemExit(f"{' '.join(args[:1])} failed ({proc.returncode}): {' | '.join(tail)}")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000",
                    help="Comma-separated article counts (default: 1000,10000,100000).")
    ap.add_argument("--only", choices=["code", "ingest"], default=None,
                    help="Run one of the two commands only.")
    ap.add_argument("--keep", type=Path, default=None,
                    help="Keep inputs, outputs and stores in this folder.")
    opts = ap.parse_args()
    sizes = [int(s.replace("_", "")) for s in opts.sizes.split(",") if s.strip()]
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} not found: the benchmark reads Reuters-21578 from "
                         "../shared/data/corpora")
    work = opts.keep or Path(tempfile.mkdtemp(prefix="ew-ingest-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>9} {'code s':>8} {'ingest s':>9} {'ratio':>6} {'code MiB':>9} "
          f"{'ingest MiB':>11} {'code s/1k':>10} {'ingest s/1k':>12}", flush=True)
    try:
        for n in sizes:
            src = work / f"reuters-{n}.jsonl"
            if not src.exists():
                write_input(src, n)
            code = ingest = None
            if opts.only != "ingest":
                code = run(["code", str(src), "-o", str(work / f"events-{n}.jsonl"),
                            "--no-progress"])
            if opts.only != "code":
                db = work / f"store-{n}.duckdb"
                for p in (db, db.with_suffix(".duckdb.wal")):
                    p.unlink(missing_ok=True)
                ingest = run(["ingest", str(src), "--db", str(db), "--no-progress"])

            def cell(r: Run | None, width: int, what: str, n: int = n) -> str:
                if r is None:
                    return "-".rjust(width)
                value = {"s": r.seconds, "mib": r.peak_mib, "per1k": r.seconds / n * 1000}[what]
                return f"{value:{width}.{0 if what == 'mib' else 1}f}"

            ratio = f"{ingest.seconds / code.seconds:6.2f}" if code and ingest else "-".rjust(6)
            print(f"{n:>9} {cell(code, 8, 's')} {cell(ingest, 9, 's')} {ratio} "
                  f"{cell(code, 9, 'mib')} {cell(ingest, 11, 'mib')} "
                  f"{cell(code, 10, 'per1k')} {cell(ingest, 12, 'per1k')}", flush=True)
    finally:
        if opts.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
