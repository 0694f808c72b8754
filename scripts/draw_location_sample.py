"""Draw the 100-event sample behind tests/fixtures/wikinews_locations.jsonl.

Procedure (fixed, so that a re-draw after the coder changes is the same draw, not a choice):
code ../shared/data/corpora/wikinews_2019_2020.jsonl with the default Coder; leave out articles
with more than 40 paragraphs (interview transcripts); order the sentences that have events by
the SHA-1 of "article_id|sentence_index" and take, from each of the first 100, the event with
the smallest SHA-1 of "article_id|sentence_index|trigger_start". Hash order, unlike a shuffle,
keeps a sentence in the sample when the coder changes events elsewhere, so a re-draw after a
coder change mostly re-uses the rows already judged.

Rows whose (article, sentence, trigger offset) were judged in the existing fixtures keep that
judgement (gold_country, gold_place, gold_admin_or_city, note) and get the current prediction
and its flags (judged by the test's rules); the others are written with
`"gold_country": "TO_JUDGE"` for a human coder to fill from the sentence and the article,
blind to the prediction.

    .venv/bin/python scripts/draw_location_sample.py [OUT.jsonl] [--offset N]

`--offset N` draws the next sentences in the same order instead (ranks N to N+99): a held-out
sample for checking rules that were tuned on the first 100. (Ranks 0-618 are all there are:
the Wikinews sentences with events are exhausted at about 620.)

`--corpus PATH --articles N` draws from another corpus, coding only its N articles with the
smallest SHA-1 of the article id (a fixed subset): `--corpus ../shared/data/corpora/
reuters21578.jsonl --articles 2000` gives the Reuters sample, an out-of-domain check.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from eventwire.coder import Coder
from eventwire.geo import Gazetteer
from eventwire.io.readers import read_articles
from eventwire.model import Article, Event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_locations_wikinews import judge

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "wikinews_2019_2020.jsonl"
FIXTURES = (ROOT / "tests" / "fixtures" / "wikinews_locations.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout2.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout3.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout4.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout5.jsonl",
            ROOT / "tests" / "fixtures" / "wikinews_locations_heldout6.jsonl",
            ROOT / "tests" / "fixtures" / "reuters_locations.jsonl",
            ROOT / "tests" / "fixtures" / "reuters_locations_heldout.jsonl",
            ROOT / "tests" / "fixtures" / "reuters_locations_heldout2.jsonl")
MAX_PARAGRAPHS = 40
SIZE = 100
GOLD_FIELDS = ("gold_country", "gold_place", "gold_admin_or_city", "note")


def main(out: Path, offset: int = 0, corpus: Path = CORPUS, n_articles: int | None = None
         ) -> None:
    judged = {}
    for fixture in FIXTURES:
        if not fixture.exists():
            continue
        for line in fixture.read_text("utf-8").splitlines():
            row = json.loads(line)
            judged[(row["article_id"], row["sentence_index"], row["trigger_start"])] = row
    gazetteer = Gazetteer.default()

    def rank(*parts: object) -> str:
        return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()

    articles = [a for a in read_articles(corpus) if isinstance(a, Article)
                and sum(1 for p in a.text.split("\n") if p.strip()) <= MAX_PARAGRAPHS]
    if n_articles is not None:
        articles = sorted(articles, key=lambda a: rank(a.id))[:n_articles]
    events = [e for r in Coder().code_articles(articles) for e in r.events]

    first: dict[tuple[str, int], Event] = {}
    for ev in events:
        key = (ev.article_id, ev.sentence_index)
        if key not in first or rank(*key, ev.trigger_start) < rank(
                *key, first[key].trigger_start):
            first[key] = ev
    rows = []
    for key in sorted(first, key=lambda k: rank(*k))[offset : offset + SIZE]:
        ev = first[key]
        old = judged.get((ev.article_id, ev.sentence_index, ev.trigger_start))
        row = {
            "event_id": ev.event_id, "article_id": ev.article_id,
            "sentence_index": ev.sentence_index, "sentence": ev.sentence,
            "trigger_text": ev.trigger_text, "trigger_start": ev.trigger_start,
            "source_text": ev.source_text, "target_text": ev.target_text,
            "cameo_code": ev.cameo_code,
            "predicted_location": {"name": ev.location_name, "country": ev.location_country,
                                   "lat": ev.latitude, "lon": ev.longitude,
                                   "reason": ev.location_reason},
        }
        if old is not None:
            row.update({k: old[k] for k in GOLD_FIELDS})
            if "before" in old:
                row["before"] = old["before"]
            country_ok, place_ok = judge(row["predicted_location"], row, gazetteer)
            row.update({"country_correct": country_ok, "place_correct": place_ok,
                        "dropped": False, "matched_by": "event_id"})
        else:
            row.update({"gold_country": "TO_JUDGE", "gold_place": None,
                        "gold_admin_or_city": None, "note": ""})
        rows.append(row)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    todo = sum(1 for r in rows if r["gold_country"] == "TO_JUDGE")
    print(f"{len(rows)} events drawn, {len(rows) - todo} judged before, {todo} to judge -> {out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    opts: dict[str, str] = {}
    for flag in ("--offset", "--corpus", "--articles"):
        if flag in args:
            at = args.index(flag)
            opts[flag] = args[at + 1]
            del args[at : at + 2]
    main(Path(args[0]) if args else Path("location_sample.jsonl"),
         int(opts.get("--offset", 0)), Path(opts.get("--corpus", CORPUS)),
         int(opts["--articles"]) if "--articles" in opts else None)
