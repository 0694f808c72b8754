"""Score coded events against the project's real-article gold (docs/annotation.md).

Gold is one JSON object per article, `{"article_id", "annotator", "events": [...]}`, each
event with an exact `quote` of the article text, a CAMEO `code`, `source`/`target` actor
codes, `date`, `place`, `place_country` and `background`. The texts are not in the gold:
they are read by id from the corpus file (`../shared/data/corpora/news_2020s.jsonl`).

Matching is within one article and one-to-one: a coded event and a gold event match when
the coded event's sentence overlaps the gold quote, the CAMEO roots agree, and (at the
actor levels) both actors agree. Actors agree at the *country* level when their country
(the first three letters) agree, or for international and transnational actors (IGO, NGO,
IMG, MNC, ...) their first six letters (IGOUNO, IGONAT); at the *full* level the first six
letters always (IRNGOV vs IRNMIL differ). A null gold actor wants a null coded actor.

Gold events flagged `background` are left out of the scoring, and a coded event that
matches one is neither a hit nor a false alarm (the background flag is the time issue's).

The same matcher compares two annotators (`agreement`), for scripts/gold_agreement.py.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import Score
from .model import INTERNATIONAL_KINDS, Article, Event

# codes that start with no country: the international kinds, generic INT, unidentified UIS
NON_COUNTRY = (*INTERNATIONAL_KINDS, "INT", "UIS")
LEVELS = ("root", "country", "full")
ERROR_CLASSES = (
    "missed event", "actor missing though named", "actor without a country",
    "wrong actor", "non-event", "duplicate", "wrong date", "wrong place",
)


def split_of(article_id: str) -> str:
    """'dev' or 'test', by a hash of the article id (fixed, half and half)."""
    return "dev" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 \
        else "test"


# CAMEO region codes inside international actor codes (IGOEUREEC, IGOWSTNAT): skipped to
# reach the organisation; "EU" is how the guideline's first round wrote the EEC code.
REGIONS = frozenset({"EUR", "WST", "AFR", "ASA", "MEA", "SAM", "NAM", "CAS", "EAF", "WAF",
                     "SAF", "NAF", "LAM", "SEA", "SAS", "EAS", "CRB", "SCN", "BAL", "CAU",
                     "BLK", "MDT", "PGS", "ARB"})
ORG_ALIASES = {"EU": "EEC"}


def _organisation(c: str) -> str:
    """'IGOEUREEC' -> 'IGOEEC', 'IGOWSTNAT' -> 'IGONAT', 'IGOEU' -> 'IGOEEC',
    'IGOUNOHCR' -> 'IGOUNO': the kind and the organisation, without regions or bodies."""
    rest = c[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    org = next((ch for ch in chunks if ch not in REGIONS), "")
    return c[:3] + ORG_ALIASES.get(org, org)


def actor_key(code: str | None, level: str) -> str | None:
    if not code:
        return None
    c = code.upper().strip()
    if c.startswith(NON_COUNTRY):
        return _organisation(c)
    if level == "full":
        return c[:6]
    return c[:3]


@dataclass(frozen=True)
class Spot:
    """Where a coded event was placed: the gazetteer point and how it was chosen."""

    latitude: float | None
    longitude: float | None
    admin1: str | None
    geonameid: int | None
    reason: str | None


@dataclass(frozen=True)
class Ev:
    """One event, gold or coded, in the shape the matcher compares."""

    start: int          # character span in the article text: the quote or the sentence
    end: int
    code: str
    source: str | None
    target: str | None
    date: str | None = None
    place: str | None = None
    place_country: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    background: bool = False
    label: str = ""     # for listings: the quote or the sentence
    bare: tuple[bool, bool] = (False, False)  # coded source / target: a sector, no country
    spot: Spot | None = None  # coded: the chosen place's point and reason

    @property
    def root(self) -> str:
        return self.code[:2]

    def overlaps(self, other: Ev) -> bool:
        return self.start < other.end and other.start < self.end


def _same_actors(a: Ev, b: Ev, level: str) -> bool:
    if level == "root":
        return True
    return actor_key(a.source, level) == actor_key(b.source, level) and \
        actor_key(a.target, level) == actor_key(b.target, level)


def pair(gold: Sequence[Ev], pred: Sequence[Ev], level: str) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) that match at `level`, greedy in text
    order, preferring the coded event closest to the gold quote."""
    used: set[int] = set()
    out: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        cands = [pi for pi, p in enumerate(pred) if pi not in used and p.overlaps(g)
                 and p.root == g.root and _same_actors(g, p, level)]
        if cands:
            pi = min(cands, key=lambda i: (pred[i].code != g.code, abs(pred[i].start - g.start)))
            used.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class ArticleReport:
    articles: int = 0
    gold_events: int = 0
    coded_events: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    errors: Counter[str] = field(default_factory=Counter)
    matched: int = 0            # at root + actors (country)
    date_known: int = 0         # matched events whose gold gives a date
    date_ok: int = 0
    place_known: int = 0        # matched events whose gold gives a place country
    place_country_ok: int = 0
    place_ok: int = 0
    background_matched: int = 0  # coded events matching a gold background event
    background_flagged: int = 0  # ... of them, flagged background
    news_flagged: int = 0        # matched events (gold: not background) flagged background
    named_known: int = 0        # matched events whose gold names the place
    named_country_ok: int = 0
    named_place_ok: int = 0     # ... same place (see PlaceJudge.same_place)
    unnamed_known: int = 0      # matched events whose gold names no place
    unnamed_ok: int = 0         # ... coded with no place or a country only, never a town
    unnamed_country_ok: int = 0  # ... and the gold's country (or none when it gives none)
    actor_slots: int = 0        # coded actor slots with a code
    sector_only: int = 0        # ... of them, a sector with no country
    listing: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        names = {"root": "root", "country": "root_source_target",
                 "full": "root_source_target_full"}
        out: dict[str, Any] = {"articles": self.articles, "gold_events": self.gold_events,
                               "coded_events": self.coded_events}
        out.update({names[k]: s.as_dict() for k, s in self.scores.items()})
        out["errors"] = {k: self.errors.get(k, 0) for k in ERROR_CLASSES}
        out["actor_missing_rate"] = _rate(self.errors["actor missing though named"],
                                          self.gold_events)
        out["sector_without_country_rate"] = _rate(self.sector_only, self.actor_slots)
        out["date_right"] = _rate(self.date_ok, self.date_known)
        out["place_country_right"] = _rate(self.place_country_ok, self.place_known)
        out["place_right"] = _rate(self.place_ok, self.place_known)
        out["background_flagged"] = _rate(self.background_flagged, self.background_matched)
        out["news_flagged_background"] = _rate(self.news_flagged, self.matched)
        out["named_place_country_right"] = _rate(self.named_country_ok, self.named_known)
        out["named_place_right"] = _rate(self.named_place_ok, self.named_known)
        out["unnamed_no_town"] = _rate(self.unnamed_ok, self.unnamed_known)
        out["unnamed_country_right"] = _rate(self.unnamed_country_ok, self.unnamed_known)
        return out


def _rate(n: int, d: int) -> float:
    return round(n / d, 3) if d else 0.0


# -- reading ---------------------------------------------------------------------------
def read_article_gold(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """article_id -> gold record, from files or folders of `*.jsonl`. A second record of
    the same article is an error (one primary annotation per article)."""
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                        aid = str(rec["article_id"])
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        raise ValueError(f"{f}, line {n}: not an article gold record "
                                         f"({type(exc).__name__}: {exc})") from None
                    if aid in out:
                        raise ValueError(f"{f}, line {n}: article {aid!r} annotated twice")
                    out[aid] = rec
    return out


def is_article_gold(path: Path) -> bool:
    """Does this file (or the first file of this folder) hold article gold?"""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        return False
                    return isinstance(rec, dict) and "article_id" in rec and "text" not in rec
    return False


def gold_events(rec: dict[str, Any], text: str) -> list[Ev]:
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    out: list[Ev] = []
    for e in rec.get("events", []):
        quote = str(e.get("quote") or "")
        item = e.get("item")
        start = -1
        if isinstance(item, int) and 0 <= item < len(lines):
            at = lines[item].find(quote)
            start = offsets[item] + at if at >= 0 else -1
        if start < 0:
            start = text.find(quote)
        if start < 0 or not quote or not e.get("code"):
            continue
        out.append(Ev(start, start + len(quote), str(e["code"]), e.get("source") or None,
                      e.get("target") or None, _s(e.get("date")), _s(e.get("place")),
                      _s(e.get("place_country")), _s(e.get("source_text")),
                      _s(e.get("target_text")), bool(e.get("background")), quote))
    return out


def _s(v: object) -> str | None:
    return str(v) if v not in (None, "") else None


def coded_events(events: Sequence[Event], text: str) -> list[Ev]:
    """Coded events with the span of their sentence in the article text."""
    spans: dict[int, tuple[int, int]] = {}
    cursor = 0
    for ev in sorted(events, key=lambda e: e.sentence_index):
        if ev.sentence_index in spans:
            continue
        at = text.find(ev.sentence, cursor)
        if at < 0:
            at = text.find(ev.sentence)
        if at < 0:
            at = cursor
        spans[ev.sentence_index] = (at, at + len(ev.sentence))
        cursor = at
    out = []
    for ev in events:
        s, e = spans[ev.sentence_index]
        date = ev.event_date.isoformat() if ev.event_date else None
        bare = tuple(bool(code) and not country and not str(code).startswith(NON_COUNTRY)
                     for code, country in ((ev.source_code, ev.source_country),
                                           (ev.target_code, ev.target_country)))
        spot = Spot(ev.latitude, ev.longitude, ev.admin1, ev.geonameid, ev.location_reason)
        out.append(Ev(s, e, ev.cameo_code, ev.source_code, ev.target_code, date,
                      ev.location_name, ev.location_country, ev.source_text, ev.target_text,
                      ev.background, ev.sentence, (bare[0], bare[1]), spot))
    return out


# -- scoring ---------------------------------------------------------------------------
def _date_ok(gold: str, coded: str | None) -> bool:
    return coded is not None and coded[: len(gold)] == gold


NEAR_KM = 50.0  # a coded point this close to the gold place's is the same place


class PlaceJudge:
    """Compares a coded place with the gold's. Without a gazetteer, by name only (as the
    first article evaluation did); with one, the gold name is resolved in its country and
    a coded place is the same place when the names agree, when the gold names only the
    country (its country agrees), when the coded place lies inside the gold's region
    (same admin1), or when the two points are within `NEAR_KM` km."""

    def __init__(self, gazetteer: Any = None) -> None:
        self._gaz = gazetteer

    def country_only(self, p: Ev) -> bool:
        """Does the coded event carry no place, or only a country (no town, no region)?"""
        if p.place is None:
            return True
        if self._gaz is None or not p.place_country:
            return p.spot is not None and p.spot.admin1 is None
        home = self._gaz.country(p.place_country)
        return home is not None and p.spot is not None and (
            home.geonameid == p.spot.geonameid or home.name == p.place)

    def same_place(self, g: Ev, p: Ev) -> bool:
        if (p.place_country or "") != g.place_country:
            return False
        if not g.place or g.place_country == g.place:
            return True  # the gold gives the country only
        if same_name(g.place, p.place):
            return True
        where = None
        if self._gaz is not None:
            where = self._gaz.lookup(g.place, country_hint=g.place_country) or \
                self._gaz.lookup(name_key(g.place), country_hint=g.place_country)
        if where is None or where.country != g.place_country or p.spot is None:
            return False
        if where.kind == "country":
            return True
        if where.kind == "admin1" and p.spot.admin1 == where.admin1:
            return True  # inside the gold's region
        if p.spot.latitude is None or p.spot.longitude is None or \
                self.country_only(p):
            return False
        return _km(where.latitude, where.longitude, p.spot.latitude, p.spot.longitude) \
            <= NEAR_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def score_article(rep: ArticleReport, aid: str, text: str, gold: list[Ev], pred: list[Ev],
                  coded_rows: Sequence[Event] = (), *, verbose: bool = False,
                  judge: PlaceJudge | None = None) -> None:
    """Add one article's figures (and, verbose, its listing) to the report."""
    judge = judge or PlaceJudge()
    bg = [g for g in gold if g.background]
    gold = [g for g in gold if not g.background]
    # coded events that match a background gold event are left out
    bg_pairs = pair(bg, pred, "root")
    drop = {pi for _gi, pi in bg_pairs}
    rep.background_matched += len(drop)
    rep.background_flagged += sum(pred[pi].background for pi in drop)
    keep = [i for i in range(len(pred)) if i not in drop]
    pred = [pred[i] for i in keep]
    rows = [coded_rows[i] for i in keep] if coded_rows else []
    rep.articles += 1
    rep.gold_events += len(gold)
    rep.coded_events += len(pred)
    pairs = {lv: pair(gold, pred, lv) for lv in LEVELS}
    for lv, ps in pairs.items():
        s = rep.scores[lv]
        s.tp += len(ps)
        s.fn += len(gold) - len(ps)
        s.fp += len(pred) - len(ps)
    for p in pred:
        for code, bare in zip((p.source, p.target), p.bare, strict=True):
            if code:
                rep.actor_slots += 1
                rep.sector_only += bare
    full = dict(pairs["country"])
    lines: list[str] = []
    # gold events matched with both actors: date and place
    for gi, pi in full.items():
        g, p = gold[gi], pred[pi]
        rep.matched += 1
        rep.news_flagged += p.background
        if g.date:
            rep.date_known += 1
            if _date_ok(g.date, p.date):
                rep.date_ok += 1
            else:
                rep.errors["wrong date"] += 1
                lines.append(f"  WRONG DATE  {_fmt(g)}  coded {p.date}")
        if g.place_country:
            rep.place_known += 1
            country_ok = (p.place_country or "") == g.place_country
            rep.place_country_ok += country_ok
            place_ok = country_ok and _place_ok(g, p)
            rep.place_ok += place_ok
            if not place_ok:
                rep.errors["wrong place"] += 1
            if not country_ok:
                lines.append(f"  WRONG PLACE {_fmt(g)}  gold {g.place} ({g.place_country})"
                             f"  coded {p.place} ({p.place_country}, {_reason(p)})")
        lines += _restated_place(rep, g, p, judge)
    # gold events missed with both actors: why
    root_pairs = dict(pair([g for i, g in enumerate(gold) if i not in full],
                           [p for i, p in enumerate(pred) if i not in full.values()], "root"))
    left_g = [i for i in range(len(gold)) if i not in full]
    left_p = [i for i in range(len(pred)) if i not in full.values()]
    explained: set[int] = set()
    for lgi, lpi in root_pairs.items():
        g, p = gold[left_g[lgi]], pred[left_p[lpi]]
        explained.add(left_p[lpi])
        cls = _actor_error(g, p, text)
        rep.errors[cls] += 1
        lines.append(f"  {cls.upper():<12} {_fmt(g)}  coded {p.source} -> {p.target} {p.code}")
    for lgi, gi in enumerate(left_g):
        if lgi not in root_pairs:
            rep.errors["missed event"] += 1
            lines.append(f"  MISSED      {_fmt(gold[gi])}")
    for pi in left_p:
        if pi in explained:
            continue
        p = pred[pi]
        dup = any(pred[q].overlaps(p) and pred[q].root == p.root and q != pi
                  and (q in full.values() or q in explained) for q in range(len(pred)))
        cls = "duplicate" if dup else "non-event"
        rep.errors[cls] += 1
        rule = f" [{rows[pi].rule_id}]" if rows else ""
        lines.append(f"  {cls.upper():<12}{p.source} -> {p.target} {p.code}{rule}  "
                     f"| {p.label[:140]}")
    if verbose and lines:
        rep.listing.append({"article_id": aid, "lines": lines})


def _reason(p: Ev) -> str | None:
    return p.spot.reason if p.spot is not None else None


def _restated_place(rep: ArticleReport, g: Ev, p: Ev, judge: PlaceJudge) -> list[str]:
    """Issue 16's restated place target on one matched event: where the gold names the
    place, country and place right; where it names none, no town invented."""
    if g.place:
        rep.named_known += 1
        rep.named_country_ok += (p.place_country or "") == g.place_country
        ok = judge.same_place(g, p)
        rep.named_place_ok += ok
        if ok or (p.place_country or "") != g.place_country:
            return []  # a wrong country is listed above
        return [f"  NOT SAME PLACE {_fmt(g)}  gold {g.place}  coded {p.place} "
                f"({p.place_country}, {_reason(p)})"]
    rep.unnamed_known += 1
    rep.unnamed_country_ok += p.place_country == g.place_country
    if judge.country_only(p):
        rep.unnamed_ok += 1
        return []
    return [f"  TOWN, GOLD NONE {_fmt(g)}  gold ({g.place_country})  coded {p.place} "
            f"({p.place_country}, {_reason(p)})"]


def _place_ok(g: Ev, p: Ev) -> bool:
    if not g.place or g.place_country == g.place:
        return True  # the gold gives the country only
    return same_name(g.place, p.place)


# Words of direction before a place name ("southern Khan Younis", "northern Gaza City"):
# the annotator writes the place as the text does, the coder the gazetteer's name.
DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern", "upper", "lower"})


def name_key(name: str) -> str:
    """A place name as compared: accent- and case-folded (the gazetteer's key: "Khān Yūnis"
    -> "khan yunis"), without leading words of direction written in lower case ("southern
    Khan Younis" -> "khan younis"; "Eastern Cape" and "North Korea" are names)."""
    from .geo.names import normalize_name

    words = name.split()
    while len(words) > 1 and words[0] in DIRECTION_WORDS:
        words = words[1:]
    return normalize_name(" ".join(words))


def same_name(gold: str, coded: str | None) -> bool:
    """Do the gold's place name and the coded one name the same place by their words: one
    inside the other once folded ("Lipetsk Oblast" and "Lipetsk", "southern Khan Younis"
    and "Khan Younis")?"""
    g, c = name_key(gold), name_key(coded or "")
    return bool(c) and (g in c or c in g)


def _actor_error(g: Ev, p: Ev, text: str) -> str:
    for want, got, want_text, bare in ((g.source, p.source, g.source_text, p.bare[0]),
                                       (g.target, p.target, g.target_text, p.bare[1])):
        if actor_key(want, "country") == actor_key(got, "country"):
            continue
        if want and not got:
            named = want_text is not None and want_text.lower() in text.lower()
            return "actor missing though named" if named else "wrong actor"
        if bare:
            return "actor without a country"
        return "wrong actor"
    return "wrong actor"


def _fmt(g: Ev) -> str:
    return f"{g.source} -> {g.target} {g.code} | {g.label[:110]}"


# -- the entry points -----------------------------------------------------------------
def read_corpus(path: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("id") in ids:
                out[rec["id"]] = rec
    return out


def evaluate_articles(code: Callable[[list[Article]], Iterable[Sequence[Event]]],
                      gold: dict[str, dict[str, Any]], corpus: dict[str, dict[str, Any]],
                      *, split: str | None = None, verbose: bool = False) -> ArticleReport:
    """Code the gold's articles (`code` maps articles to their events, in order) and
    score them; `split` keeps 'dev' or 'test' only."""
    from .io.readers import parse_date

    ids = [a for a in sorted(gold) if a in corpus and (split is None or split_of(a) == split)]
    arts = []
    for aid in ids:
        r = corpus[aid]
        arts.append(Article(id=aid, text=r["text"], pub_date=parse_date(r.get("date")),
                            title=r.get("title"), source=r.get("source")))
    rep = ArticleReport()
    judge = PlaceJudge(_gazetteer())
    for art, events in zip(arts, code(arts), strict=True):
        rows = list(events)
        score_article(rep, art.id, art.text, gold_events(gold[art.id], art.text),
                      coded_events(rows, art.text), rows, verbose=verbose, judge=judge)
    return rep


def _gazetteer() -> Any:
    from .geo import Gazetteer

    return Gazetteer.default()


def format_article_report(rep: ArticleReport) -> str:
    names = {"root": "root only", "country": "root + source + target",
             "full": "root + actors (full code)"}
    lines = [f"articles {rep.articles}  gold events {rep.gold_events}  "
             f"coded {rep.coded_events}", "",
             f"{'level':<28}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for lv, s in rep.scores.items():
        lines.append(f"{names[lv]:<28}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                     f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    d = rep.as_dict()
    lines += ["", f"gold events with an actor missing though named: "
              f"{d['actor_missing_rate']:.3f}",
              f"coded actors with a sector but no country: "
              f"{d['sector_without_country_rate']:.3f} ({rep.sector_only}/{rep.actor_slots})",
              f"matched events: date right {d['date_right']:.3f} ({rep.date_ok}/"
              f"{rep.date_known}), place country right {d['place_country_right']:.3f}, "
              f"place right {d['place_right']:.3f} (of {rep.place_known})",
              f"background: flagged {d['background_flagged']:.3f} of coded events matching a "
              f"gold background event ({rep.background_flagged}/{rep.background_matched}); "
              f"matched news events flagged {d['news_flagged_background']:.3f} "
              f"({rep.news_flagged}/{rep.matched})",
              f"  where the gold names the place: country right "
              f"{d['named_place_country_right']:.3f}, place right {d['named_place_right']:.3f}"
              f" (of {rep.named_known}; target 0.92, 0.80)",
              f"  where it names none: no place or a country only "
              f"{d['unnamed_no_town']:.3f}, that country the gold's "
              f"{d['unnamed_country_right']:.3f} (of {rep.unnamed_known}; target 0.90)",
              "", "error classes:"]
    for k in ERROR_CLASSES:
        lines.append(f"  {k:<30}{rep.errors.get(k, 0):>5}")
    return "\n".join(lines)


# -- two annotators -------------------------------------------------------------------
@dataclass
class Agreement:
    articles: int = 0
    a_events: int = 0
    b_events: int = 0
    root: Score = field(default_factory=Score)
    source: int = 0
    target: int = 0
    date_both: int = 0
    date: int = 0
    place_both: int = 0
    place: int = 0
    named_both: int = 0     # events both annotators place by name
    named_same: int = 0     # ... with the same name (one inside the other, case aside)
    named_either: int = 0   # events one annotator places by name, the other by none
    disagreements: list[str] = field(default_factory=list)


def _same_name(a: str, b: str) -> bool:
    x, y = a.lower().strip(), b.lower().strip()
    return x in y or y in x


def agreement(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]],
              corpus: dict[str, dict[str, Any]]) -> Agreement:
    """Event-level agreement of annotator files a and b over the articles both did:
    root F1 (a as reference), and on root-matched events the share with the same source,
    target (country level), date, place country and place name."""
    ag = Agreement()
    for aid in sorted(set(a) & set(b)):
        text = corpus[aid]["text"]
        ga = [e for e in gold_events(a[aid], text) if not e.background]
        gb = [e for e in gold_events(b[aid], text) if not e.background]
        ag.articles += 1
        ag.a_events += len(ga)
        ag.b_events += len(gb)
        ps = pair(ga, gb, "root")
        ag.root.tp += len(ps)
        ag.root.fn += len(ga) - len(ps)
        ag.root.fp += len(gb) - len(ps)
        for gi, pi in ps:
            x, y = ga[gi], gb[pi]
            ag.source += actor_key(x.source, "country") == actor_key(y.source, "country")
            ag.target += actor_key(x.target, "country") == actor_key(y.target, "country")
            if x.date or y.date:
                ag.date_both += 1
                ag.date += bool(x.date and y.date and
                                (x.date.startswith(y.date) or y.date.startswith(x.date)))
            if x.place_country or y.place_country:
                ag.place_both += 1
                ag.place += x.place_country == y.place_country
            if x.place and y.place:
                ag.named_both += 1
                ag.named_same += _same_name(x.place, y.place)
            elif x.place or y.place:
                ag.named_either += 1
            if not _same_actors(x, y, "country"):
                ag.disagreements.append(f"{aid}: {x.source}->{x.target} {x.code} vs "
                                        f"{y.source}->{y.target} {y.code} | {x.label[:80]}")
    return ag
