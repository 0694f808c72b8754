"""Throughput and memory of the coder on real articles, against the bare spaCy parse.

    .venv/bin/python benchmarks/bench.py [--articles N] [--reuters N] [--profile]

Corpora (../shared/data/corpora): the first N Wikinews articles (all 293 by default) and a
seeded sample of N Reuters-21578 articles whose text names a country, a capital or a 1987
leader (300 by default). Settings, each run in a fresh subprocess per corpus so that its
peak RSS is its own, with the pipeline loaded and warmed up before the clock starts:

    a   bare ``nlp.pipe`` over the whole article texts (batch_size = Config.batch_size)
    b   ``Coder.code_articles``, prefilter on
    b'  ``Coder.code_articles``, prefilter off
    c   ``runner.run_coding`` with ``Config(workers=2)`` (the parent's loaded pipeline is
        inherited by the forked workers; their peak RSS is reported as "workers")

The package is copied to a temporary snapshot first and every subprocess imports that copy,
so all settings run the same code even while the working tree changes. Then the events
found with and without the prefilter are compared, and every event only one of them found
is listed with its sentence and, for losses, why the prefilter skipped it.
``--profile`` adds a cProfile run of (b) and lists the top cumulative hot spots outside
spaCy's parse.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
SETTINGS = ("a", "b", "b'", "c")
LABELS = {"a": "a  nlp.pipe (bare parse)", "b": "b  coder, prefilter on",
          "b'": "b' coder, prefilter off", "c": "c  coder, 2 workers"}
#: Heads of state and government and foreign ministers in the news in 1987.
LEADERS_1987 = (
    "Reagan", "Gorbachev", "Thatcher", "Nakasone", "Takeshita", "Kohl", "Mitterrand", "Chirac",
    "Khomeini", "Rafsanjani", "Khamenei", "Saddam Hussein", "Shamir", "Peres", "Arafat",
    "Mubarak", "Gaddafi", "Rajiv Gandhi", "Zia", "Aquino", "Botha", "Mandela", "Deng Xiaoping",
    "Zhao Ziyang", "Ortega", "Shultz", "Shevardnadze", "Craxi", "Gonzalez", "Mulroney",
    "Hawke", "Chun Doo-hwan", "Roh Tae-woo", "Sarney", "Alfonsin", "de la Madrid",
    "Pinochet", "Assad", "King Fahd", "King Hussein", "Ozal", "Papandreou", "Jaruzelski",
)


# ----------------------------------------------------------------------------- corpora
def politics_keywords() -> re.Pattern[str]:
    from eventwire.actors.dictionary import _package_text, parse_countries

    words = {e.name for e in parse_countries(_package_text("countries.tsv"), "countries.tsv")
             if e.kind in {"country", "capital"}}
    words |= set(LEADERS_1987)
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b")


def load_corpora(n_wiki: int, n_reuters: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    with (CORPORA / "wikinews_2019_2020.jsonl").open(encoding="utf-8") as f:
        wiki = [json.loads(line) for line in f][:n_wiki]
    kw = politics_keywords()
    with (CORPORA / "reuters21578.jsonl").open(encoding="utf-8") as f:
        political = [r for r in map(json.loads, f) if kw.search(r["text"])]
    reuters = random.Random(seed).sample(political, min(n_reuters, len(political)))
    return {"wikinews": wiki, f"reuters-politics ({len(political)} match)": reuters}


# ----------------------------------------------------------------------------- child side
def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def run_setting(setting: str, path: Path) -> dict[str, Any]:
    """One setting over one JSONL file, in this (fresh) process."""
    from eventwire.coder import Coder
    from eventwire.config import Config
    from eventwire.io.readers import read_articles
    from eventwire.model import Article
    from eventwire.nlp import load_pipeline
    from eventwire.runner import run_coding

    arts = [x for x in read_articles(path) if isinstance(x, Article)]
    cfg = Config(prefilter=setting != "b'", workers=2 if setting == "c" else 1)
    t0 = time.perf_counter()
    if setting == "a":
        nlp = load_pipeline(cfg.model)
        nlp("Iran and Iraq signed a defence agreement on Sunday.")
    else:
        coder = Coder(cfg)
        coder.code_text("Iran and Iraq signed a defence agreement on Sunday.")
    load = time.perf_counter() - t0
    out: dict[str, Any] = {"articles": len(arts), "load_s": load}
    t0 = time.perf_counter()
    if setting == "a":
        out["tokens"] = sum(len(d) for d in nlp.pipe((a.text for a in arts),
                                                     batch_size=cfg.batch_size))
        results = []
    elif setting == "c":
        results = [r for r in run_coding(arts, cfg) if not isinstance(r, Exception)]
    else:
        results = list(coder.code_articles(arts))
    out["seconds"] = time.perf_counter() - t0
    out["sentences"] = sum(r.sentences for r in results)
    out["parsed"] = sum(r.parsed for r in results)
    out["events"] = [_brief(e) for r in results for e in r.events]
    out["failed"] = sum(1 for r in results if r.error)
    out["rss_main_mb"] = _peak_mb(resource.RUSAGE_SELF)
    out["rss_workers_mb"] = _peak_mb(resource.RUSAGE_CHILDREN) if setting == "c" else None
    if setting == "b'":
        for ev in out["events"]:
            ev["prefilter"] = _why_skipped(coder, ev)
    return out


def _brief(e: Any) -> dict[str, Any]:
    return {"id": e.event_id, "article": e.article_id, "sent": e.sentence_index,
            "code": e.cameo_code, "source": e.source_code, "target": e.target_code,
            "trigger": e.trigger_text, "sentence": e.sentence}


def _why_skipped(coder: Any, ev: dict[str, Any]) -> str:
    """The prefilter's verdict on the event's sentence, with the missing half named."""
    if coder.prefilter.keep(coder.nlp.make_doc(ev["sentence"])):
        return "sentence kept: earlier skipped sentences changed the article context"
    doc = coder.nlp.make_doc(ev["sentence"])
    trig = any(t.lower_ in coder.prefilter.trigger_forms for t in doc)
    missing = [] if trig else [f"trigger form ({ev['trigger']!r} not in forms)"]
    if not any(t.lower_ in coder.prefilter.actor_words or (i > 0 and t.is_title and t.is_alpha)
               for i, t in enumerate(doc)):
        missing.append("actor candidate")
    return "skipped: no " + " and no ".join(missing)


def profile(path: Path, top: int) -> None:
    """cProfile (b) and print the top cumulative functions outside spaCy's nlp.pipe."""
    import cProfile
    import pstats

    from eventwire.coder import Coder
    from eventwire.config import Config
    from eventwire.io.readers import read_articles
    from eventwire.model import Article

    arts = [x for x in read_articles(path) if isinstance(x, Article)]
    coder = Coder(Config())
    coder.code_text("Iran and Iraq signed a defence agreement on Sunday.")
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for _ in coder.code_articles(arts):
        pass
    prof.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(prof)
    coder_src = Path(sys.modules[Coder.__module__].__file__ or "")
    parse_line = next(i for i, line in enumerate(coder_src.read_text().splitlines(), 1)
                      if "next(docs)" in line)
    wrappers = {"code_articles", "_code_batch", "profile"}
    rows = []
    parse_ct = 0.0
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if file.endswith("spacy/language.py") and func == "pipe":
            parse_ct = max(parse_ct, ct)
        if "spacy/" in file or "thinc/" in file or file == "~" or "cProfile" in file:
            continue  # spaCy's own work (the parse, and the tokenizer under our callers)
        if func in wrappers or (file == str(coder_src) and line == parse_line):
            continue  # frames whose cumulative time holds the parse
        if func in {"<listcomp>", "<genexpr>", "<dictcomp>", "<setcomp>"}:
            continue  # comprehensions repeat the function they call
        short = re.split(r"site-packages/|/src/|/snapshot/", file)[-1]
        rows.append((ct, tt, nc, f"{short}:{line} {func}"))
    rows.sort(reverse=True)
    print(f"\nprofile of (b) on {len(arts)} articles: {wall:.1f} s under cProfile; "
          f"spaCy Language.pipe (parse + sentence splitter) {parse_ct:.1f} s cumulative")
    print(f"{'cum s':>7} {'cum %':>6} {'own s':>7} {'calls':>9}  function (outside nlp.pipe)")
    for ct, tt, nc, name in rows[:top]:
        print(f"{ct:7.2f} {100 * ct / wall:5.1f}% {tt:7.2f} {nc:9d}  {name}")


# ----------------------------------------------------------------------------- parent side
def snapshot(workdir: Path) -> dict[str, str]:
    """Copy the package to `workdir` and return an environment that imports the copy."""
    shutil.copytree(ROOT / "src" / "eventwire", workdir / "snapshot" / "eventwire",
                    ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(workdir / "snapshot"))
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True,
                           text=True).stdout.count("\n")
    print(f"code: snapshot of src/eventwire at {head or '?'} (+{dirty} uncommitted files)")
    return {**os.environ, "PYTHONPATH": str(workdir / "snapshot")}


def spawn(setting: str, path: Path, workdir: Path, env: dict[str, str]) -> dict[str, Any]:
    result = workdir / f"{path.stem}-{setting.replace(chr(39), 'p')}.json"
    subprocess.run([sys.executable, __file__, "--child", setting, "--input", str(path),
                    "--result", str(result)], check=True, env=env)
    return json.loads(result.read_text())


def table(corpus: str, runs: dict[str, dict[str, Any]]) -> None:
    tokens = runs["a"]["tokens"]
    sentences = runs["b"]["sentences"]  # as the coder splits them; the same text in every run
    print(f"\n{corpus}: {runs['a']['articles']} articles, {sentences} sentences, "
          f"{tokens} tokens")
    print(f"{'setting':<26} {'time s':>7} {'art/s':>7} {'sent/s':>7} {'words/s':>8} "
          f"{'events':>6} {'ev/s':>6} {'parsed':>7} {'load s':>6} {'RSS MB':>7} {'wrk MB':>7}")
    for s in SETTINGS:
        r = runs[s]
        t = r["seconds"]
        n_ev = len(r["events"])
        wrk = f"{r['rss_workers_mb']:7.0f}" if r["rss_workers_mb"] else f"{'-':>7}"
        parsed = r["parsed"] if s != "a" else sentences
        print(f"{LABELS[s]:<26} {t:7.1f} {r['articles'] / t:7.2f} {sentences / t:7.0f} "
              f"{tokens / t:8.0f} {n_ev if s != 'a' else '-':>6} "
              f"{n_ev / t if s != 'a' else 0:6.1f} {parsed:>7} {r['load_s']:6.1f} "
              f"{r['rss_main_mb']:7.0f} {wrk}")
    ta, tb, tb2, tc = (runs[s]["seconds"] for s in SETTINGS)
    print(f"throughput ratios: (b)/(a) = {ta / tb:.2f}   (c)/(b) = {tb / tc:.2f}   "
          f"(b)/(b') = {tb2 / tb:.2f}")


def differences(corpus: str, runs: dict[str, dict[str, Any]]) -> None:
    """Events of (b') and not (b) and back, paired when only their actors differ."""
    on = {e["id"]: e for e in runs["b"]["events"]}
    off = {e["id"]: e for e in runs["b'"]["events"]}
    par = {e["id"] for e in runs["c"]["events"]}
    same = "==" if par == set(on) else f"!= (+{len(par - set(on))} -{len(set(on) - par)})"
    print(f"\n{corpus}: {len(on)} events with the prefilter, {len(off)} without; "
          f"2 workers {same} 1 process")

    def where(e: dict[str, Any]) -> tuple[str, int, str, str]:
        return e["article"], e["sent"], e["trigger"], e["code"]

    only_off = [off[i] for i in off.keys() - on.keys()]
    only_on = {where(on[i]): on[i] for i in on.keys() - off.keys()}
    changed = [(e, only_on.pop(where(e))) for e in only_off if where(e) in only_on]
    lost = [e for e in only_off if where(e) not in {where(a) for a, _ in changed}]

    def show(e: dict[str, Any], note: str) -> None:
        print(f"    {e['id']} {e['code']} {e['source']}->{e['target']} trigger={e['trigger']!r}"
              f"{note}\n      {e['article']}#{e['sent']}: {e['sentence'][:150]}")

    print(f"  lost with the prefilter: {len(lost)}")
    for e in sorted(lost, key=where):
        show(e, f" [{e.get('prefilter', '?')}]")
    print(f"  same trigger, other actors with the prefilter: {len(changed)}")
    for e, alt in sorted(changed, key=lambda p: where(p[0])):
        show(e, f" -> with prefilter {alt['source']}->{alt['target']}")
    print(f"  found only with the prefilter: {len(only_on)}")
    for e in sorted(only_on.values(), key=where):
        show(e, "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=293, help="Wikinews articles (first N).")
    ap.add_argument("--reuters", type=int, default=300, help="Political Reuters sample size.")
    ap.add_argument("--seed", type=int, default=1987, help="Seed of the Reuters sample.")
    ap.add_argument("--profile", action="store_true", help="Also cProfile (b) on Wikinews.")
    ap.add_argument("--child", choices=SETTINGS, help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        args.result.write_text(json.dumps(run_setting(args.child, args.input)))
        return
    if args.profile_only:
        profile(args.profile_only, 10)
        return
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        work = Path(tmp)
        env = snapshot(work)
        corpora = load_corpora(args.articles, args.reuters, args.seed)
        all_runs = {}
        for i, (name, recs) in enumerate(corpora.items()):
            path = work / f"corpus{i}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
            all_runs[name] = {s: spawn(s, path, work, env) for s in SETTINGS}
            if args.profile and i == 0:
                subprocess.run([sys.executable, __file__, "--profile-only", str(path)],
                               check=True, env=env)
    for name, runs in all_runs.items():
        table(name, runs)
    for name, runs in all_runs.items():
        differences(name, runs)


if __name__ == "__main__":
    main()
