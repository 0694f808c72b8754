"""Whole-process throughput: `eventwire code` on the first N Wikinews articles against a bare
spaCy parse of the same texts, each as a fresh process timed from start to exit.

    .venv/bin/python benchmarks/throughput.py [--articles 60] [--repeat 3] [--no-prefilter]

    bare   python: spacy.load(MODEL), then nlp.pipe over the article texts
           (batch_size = Config.batch_size), every Doc consumed
    coder  eventwire code ARTICLES.jsonl -o OUT.jsonl (one worker, prefilter on unless
           --no-prefilter), through the console entry point eventwire.cli:main

Both include interpreter start, imports and model load; the coder also loads its resources
(gazetteer and pattern caches warm: one untimed coder run first). The ratio is bare seconds /
coder seconds: >= 1.0 means the whole coding run costs no more than parsing the text with
spaCy, because the prefilter skips the parse of sentences with no actor or trigger. Medians
of --repeat runs. The corpus is ../shared/data/corpora/wikinews_2019_2020.jsonl (read, never
copied into the package); see benchmarks/bench.py for in-process throughput and memory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _src import add_src_option, env_with

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "wikinews_2019_2020.jsonl"

BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])))
print(tokens)
"""
CODER = "import sys; from eventwire.cli import main; sys.argv[0] = 'eventwire'; main()"


def run(args: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        sys.exit(f"{args[:4]} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return seconds, done.stdout, done.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-prefilter", action="store_true")
    add_src_option(ap)
    args = ap.parse_args()
    env = env_with(args.src)
    sys.path.insert(0, str(args.src))
    from eventwire.config import Config

    cfg = Config()
    with CORPUS.open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(args.articles), f, strict=False)]
    chars = sum(len(r["text"]) for r in records)
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="eventwire-throughput-") as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out = Path(tmp) / "events.jsonl"
        coder = [py, "-c", CODER, "code", str(corpus), "-o", str(out), "--no-progress"]
        if args.no_prefilter:
            coder.append("--no-prefilter")
        bare = [py, "-c", BARE, cfg.model, str(corpus), str(cfg.batch_size)]
        run(coder, env)  # warm the caches, untimed
        bare_s, coder_s = [], []
        tokens, summary = "", ""
        for _ in range(args.repeat):
            seconds, tokens, _ = run(bare, env)
            bare_s.append(seconds)
            seconds, _, summary = run(coder, env)
            coder_s.append(seconds)
        events = sum(1 for _ in out.open(encoding="utf-8"))
    b, c = statistics.median(bare_s), statistics.median(coder_s)
    print(
        f"{len(records)} Wikinews articles, {chars:,} characters, {tokens.strip()} tokens; "
        f"model {cfg.model}; median of {args.repeat} fresh processes each"
    )
    print(f"bare spaCy load + nlp.pipe     {b:6.2f} s   {len(records) / b:5.1f} articles/s")
    print(
        f"eventwire code (prefilter {'off' if args.no_prefilter else 'on'})  "
        f"{c:6.2f} s   {len(records) / c:5.1f} articles/s   {events} events"
    )
    print(f"  {summary.strip().splitlines()[-1] if summary.strip() else ''}")
    print(f"ratio bare / coder             {b / c:6.2f}x  (target >= 1.0x)")


if __name__ == "__main__":
    main()
