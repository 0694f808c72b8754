"""Start-up cost of `eventwire explain "<one sentence>"`, against a bare spaCy load + parse.

    .venv/bin/python benchmarks/startup.py [--repeat N] [--cold]

Each figure is the median of N fresh processes (3 by default), wall clock from before the
interpreter starts to its exit:

    bare     python -c "import spacy; nlp = spacy.load(MODEL); nlp(SENTENCE)"
    explain  eventwire explain SENTENCE (through the console entry point, eventwire.cli:main)

and the split of one explain-like run inside a fresh process: imports (eventwire.cli, the
coder module and what it imports, spaCy among them), the spaCy load, the gazetteer
(`Gazetteer.default()`: read from its cache file, or built), the coder's other resources
(actor and event dictionaries, matchers, prefilter: `Coder(config)` once pipeline and
gazetteer are loaded) and the coding of the sentence. The interpreter's own start is the
difference between the total and the sum of the parts.

By default the user cache is warm (one untimed run first fills it). ``--cold`` points
``XDG_CACHE_HOME`` at a new empty directory for every run, so each one builds the gazetteer.
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
SENTENCE = "Iran and Iraq signed a defence agreement in Baghdad on Sunday."

BARE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
nlp(sys.argv[2])
"""
EXPLAIN = "import sys; from eventwire.cli import main; sys.argv[0] = 'eventwire'; main()"

SPLIT = """
import json, sys, time
t0 = time.perf_counter()
import eventwire.cli
import eventwire.coder
from eventwire.config import Config
t1 = time.perf_counter()
from eventwire.nlp import load_pipeline
cfg = Config()
load_pipeline(cfg.model)
t2 = time.perf_counter()
try:
    from eventwire.geo import Gazetteer
except ImportError:  # an older source tree (--src) with eventwire.places
    from eventwire.places import Gazetteer
Gazetteer.default()
t3 = time.perf_counter()
coder = eventwire.coder.Coder(cfg)
t4 = time.perf_counter()
from eventwire.explain import explain
explain(coder, sys.argv[1], None)
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "spacy load": t2 - t1, "gazetteer": t3 - t2,
                  "coder resources": t4 - t3, "code the sentence": t5 - t4}))
"""


SRC = [ROOT / "src"]


def env_for(cold: bool) -> dict[str, str]:
    env = env_with(SRC[0])
    if cold:
        env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="eventwire-cold-")
    return env


def timed(args: list[str], cold: bool) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env_for(cold), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        sys.exit(f"{args[:3]} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return seconds, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="empty cache dir for every run")
    ap.add_argument("--sentence", default=SENTENCE)
    add_src_option(ap)
    args = ap.parse_args()
    SRC[0] = args.src
    sys.path.insert(0, str(args.src))
    from eventwire.config import Config

    model = Config().model
    py = sys.executable
    if not args.cold:  # fill the cache once, untimed
        timed([py, "-c", EXPLAIN, "explain", args.sentence], cold=False)
    bare, whole, parts = [], [], []
    for _ in range(args.repeat):
        bare.append(timed([py, "-c", BARE, model, args.sentence], args.cold)[0])
        whole.append(timed([py, "-c", EXPLAIN, "explain", args.sentence], args.cold)[0])
        seconds, out = timed([py, "-c", SPLIT, args.sentence], args.cold)
        split = json.loads(out.strip().splitlines()[-1])
        split["interpreter start, exit"] = seconds - sum(split.values())
        split["total (this process)"] = seconds
        parts.append(split)
    med = statistics.median
    print(
        f"sentence: {args.sentence!r}; model {model}; median of {args.repeat} fresh "
        f"processes; cache {'cold (built every run)' if args.cold else 'warm'}"
    )
    print("\nsplit of one explain-like process:")
    for name in parts[0]:
        print(f"  {name:<26} {med(p[name] for p in parts):6.2f} s")
    b, w = med(bare), med(whole)
    print(f"\nbare spaCy load + parse    {b:6.2f} s")
    print(f"eventwire explain          {w:6.2f} s")
    print(f"ratio explain / bare       {w / b:6.2f}x   (target <= 2x)")


if __name__ == "__main__":
    main()
