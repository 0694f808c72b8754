"""Coverage of src/eventwire/data/people.tsv against the offices it must cover (issue 15, part 5):

- heads of state and of government of every UN member state since 2000 (from independence or
  admission when later; members and how their offices are held: data/un_members.tsv);
- heads of state and of government of the G20 and the five permanent members of the Security
  Council since 1980;
- foreign and defence ministers of the G20 since 2000.

For each (country, office) the days covered by people.tsv rows of that office (the union of
their start..end spans; an empty end is "in office") are set against the required span, up to
`--today`. A head of state who heads the government (``head_of_government = head of state``)
covers both offices; a Commonwealth realm's head of state is the British monarch; collective
heads (Bosnia's Presidency, San Marino's Captains Regent, Andorra's co-princes) are not
required. Prints a summary per requirement (offices fully covered, share of the required days
covered) and, with ``--gaps``, every uncovered stretch longer than ``--min-gap`` days:

    .venv/bin/python scripts/people_coverage.py            # summary
    .venv/bin/python scripts/people_coverage.py --gaps     # and the gaps, biggest first
    .venv/bin/python scripts/people_coverage.py --sample 30 --seed 15 --from-line 2623

``--sample N`` prints a seeded random sample of N rows (of the rows from file line
``--from-line`` on, e.g. those added in one round) to check by hand against their sources.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data"

G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
       "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA")  # and the EU, an IGO: not checked
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")

# role (lower case, without a leading acting/interim/...) -> office
_QUALIFIERS = ("acting ", "interim ", "caretaker ", "transitional ", "provisional ",
               "de facto ")
OFFICES: dict[str, frozenset[str]] = {
    "head of state": frozenset({
        "president", "king", "queen", "emir", "sultan", "emperor", "grand duke", "prince",
        "head of state", "state president", "supreme leader", "co-president",
        "president of the confederation", "chairman of the presidium of the supreme soviet",
        "sovereignty council chairman", "president of the transitional presidential council",
        "president of the high transitional authority", "presidential council chairman",
        "military council chairman", "scaf chairman", "national transitional council chairman",
        "president of the federal republic of yugoslavia", "president of serbia and montenegro",
        "presidential leadership council chairman", "chairman of the transitional government",
        "leader", "general national congress president", "chairman of the state council",
        "president of the state council", "president of the spa presidium",
        "chairman of the presidium", "monarch", "chairman of the supreme soviet",
        "chairman of the supreme soviet of the rsfsr",
        "chairman of the standing committee of the national people's congress"}),
    "head of government": frozenset({
        "prime minister", "premier", "chancellor", "taoiseach", "head of government",
        "chairman of the council of ministers", "president of the council of ministers",
        "chairman of the cabinet of ministers", "state counsellor", "chief minister",
        "president of the government", "chief executive"}),
    "foreign minister": frozenset({
        "foreign minister", "secretary of state", "foreign secretary",
        "minister of foreign affairs", "external affairs minister",
        "minister of external affairs", "foreign affairs minister"}),
    "defence minister": frozenset({
        "defence minister", "defense minister", "secretary of defense", "defence secretary",
        "armed forces minister", "minister of defence", "minister of defense",
        "minister of national defense", "minister of national defence",
        "national defense minister", "national defence minister"}),
}
# roles that name an office only in one country's usage
ONLY_IN = {"secretary of state": {"USA"}, "chancellor": {"DEU", "AUT"},
           "chief executive": {"AFG"}, "leader": {"LBY"}}


@dataclass(frozen=True)
class Requirement:
    name: str
    countries: tuple[str, ...]
    offices: tuple[str, ...]
    start: date


@dataclass(frozen=True)
class Member:
    iso3: str
    name: str
    since: date | None
    head_of_state: str
    head_of_government: str


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def members() -> dict[str, Member]:
    return {r["iso3"]: Member(r["iso3"], r["name"], _day(r["since"]), r["head_of_state"],
                              r["head_of_government"])
            for r in _rows(DATA / "un_members.tsv")}


def office_of(role: str, country: str) -> str | None:
    r = role.strip().lower()
    for q in _QUALIFIERS:
        r = r.removeprefix(q)
    if r in ONLY_IN and country not in ONLY_IN[r]:
        return None
    return next((office for office, roles in OFFICES.items() if r in roles), None)


Spans = dict[tuple[str, str], list[tuple[date, date]]]


def spans(path: Path, today: date, un: dict[str, Member]) -> Spans:
    """(country, office) -> the (start, end) spans of people.tsv rows holding it."""
    out: Spans = {}
    for r in _rows(path):
        country = (r.get("country") or r["code"][:3]).strip()
        office = office_of(r.get("role") or "", country)
        if office is None or not r["start"]:
            continue
        span = (date.fromisoformat(r["start"]), _day(r["end"]) or today)
        out.setdefault((country, office), []).append(span)
        m = un.get(country)
        if office == "head of state" and m is not None and m.head_of_government == "head of state":
            out.setdefault((country, "head of government"), []).append(span)
    realm_heads = out.get(("GBR", "head of state"), [])
    for m in un.values():
        if m.head_of_state == "GBR":
            out.setdefault((m.iso3, "head of state"), []).extend(realm_heads)
    return out


def gaps(have: list[tuple[date, date]], start: date, end: date) -> list[tuple[date, date]]:
    """The stretches of start..end that no span covers."""
    out = []
    cursor = start
    for a, b in sorted(have):
        if b < cursor:
            continue
        if a > cursor:
            out.append((cursor, min(a - timedelta(days=1), end)))
        cursor = max(cursor, b + timedelta(days=1))
        if cursor > end:
            break
    if cursor <= end:
        out.append((cursor, end))
    return [(a, b) for a, b in out if a <= b]


def requirements(un: dict[str, Member]) -> list[Requirement]:
    heads = ("head of state", "head of government")
    return [
        Requirement("UN members, heads since 2000", tuple(sorted(un)), heads, date(2000, 1, 1)),
        Requirement("G20 + P5, heads since 1980", tuple(sorted(set(G20) | set(P5))), heads,
                    date(1980, 1, 1)),
        Requirement("G20, foreign and defence ministers since 2000", tuple(sorted(G20)),
                    ("foreign minister", "defence minister"), date(2000, 1, 1)),
    ]


def required(m: Member | None, office: str) -> bool:
    """Whether `office` is required of the country: not for a collective head."""
    if m is None:
        return True
    held = {"head of state": m.head_of_state, "head of government": m.head_of_government}
    return held.get(office) != "collective"


def report(path: Path, today: date, show_gaps: bool, min_gap: int) -> list[str]:
    un = members()
    have = spans(path, today, un)
    lines = [f"people coverage of {path.name} up to {today}"]
    details: list[tuple[int, str]] = []
    for req in requirements(un):
        full = total = covered = 0
        for c in req.countries:
            m = un.get(c)
            start = max(req.start, m.since) if m and m.since else req.start
            for office in req.offices:
                if not required(m, office):
                    continue
                need = (today - start).days + 1
                holes = [g for g in gaps(have.get((c, office), []), start, today)
                         if (g[1] - g[0]).days + 1 > min_gap]
                missing = sum((b - a).days + 1 for a, b in holes)
                total += need
                covered += need - missing
                full += not holes
                for a, b in holes:
                    details.append(((b - a).days + 1,
                                    f"  {req.name}: {c} {office}: {a} .. {b} "
                                    f"({(b - a).days + 1} days)"))
        n = sum(1 for c in req.countries for o in req.offices if required(un.get(c), o))
        lines.append(f"{req.name}: {full}/{n} offices fully covered, "
                     f"{covered / total:.1%} of the required days")
    if show_gaps:
        lines.append(f"gaps longer than {min_gap} days, biggest first:")
        lines += [text for _, text in sorted(details, key=lambda d: (-d[0], d[1]))]
    return lines


def sample(path: Path, n: int, seed: int, from_line: int) -> list[str]:
    """`n` rows drawn with `seed` from the data rows at file line `from_line` or later, each
    as ``line: name, office, start .. end, source``."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            fields = line.rstrip("\n").split("\t")
            if number >= from_line and not line.startswith("#") and len(fields) >= 6:
                rows.append((number, fields))
    rng = random.Random(seed)
    picked = rng.sample(range(len(rows)), min(n, len(rows)))
    return [f"{rows[i][0]}: {rows[i][1][0]}, {rows[i][1][5]}, {rows[i][1][3]} .. "
            f"{rows[i][1][4] or 'in office'}, {rows[i][1][7] if len(rows[i][1]) > 7 else ''}"
            for i in picked]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=Path, default=DATA / "people.tsv")
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 12, 1),
                    help="End of the required spans (default 2026-12-01, the file's horizon).")
    ap.add_argument("--gaps", action="store_true", help="List the gaps too.")
    ap.add_argument("--min-gap", type=int, default=31,
                    help="Ignore uncovered stretches of at most this many days (default 31: "
                         "interregnums and dates given to the month).")
    ap.add_argument("--sample", type=int, default=0, help="Print a random sample of rows.")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--from-line", type=int, default=1, help="Sample rows from this line on.")
    args = ap.parse_args()
    if args.sample:
        print("\n".join(sample(args.people, args.sample, args.seed, args.from_line)))
        return
    print("\n".join(report(args.people, args.today, args.gaps, args.min_gap)))


if __name__ == "__main__":
    main()
