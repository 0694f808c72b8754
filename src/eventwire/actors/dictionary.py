"""Actor dictionaries: countries, named groups and institutions, sector nouns, people.

Files are tab-separated with `#` comment lines and a header row (formats documented in
docs/dictionaries.md). They load into one immutable `ActorDictionary`. Any problem names
the file and line (`DictionaryError`); a bad entry never silently changes codes.

User files (`--actors FILE`, TSV or YAML) add or override entries: columns
`name  code  [aliases]  [start]  [end]` (TSV) or a list of mappings with those keys (YAML).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml

from ..errors import DictionaryError

Kind = Literal["country", "adjective", "capital", "seat", "group", "person", "user"]
SECTOR_CODE = re.compile(r"^[A-Z]{3}$")
ACTOR_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
ABBREV = re.compile(r"^[A-Z][A-Z.&-]{1,6}$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary name -> actor code (optionally valid only between two dates)."""

    name: str                 # the surface form matched
    code: str                 # full code: IRN, IRNGOV, IGOUNO, LBNREBHEZ
    kind: Kind
    canonical: str            # the entry's canonical name
    country: str | None = None
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    role: str | None = None
    origin: str = ""          # "file:line" of the entry

    def valid_on(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class SectorTerm:
    term: str
    code: str
    secondary: str | None
    generic: bool


@dataclass(frozen=True)
class ActorDictionary:
    """Immutable, validated actor resources."""

    entries: tuple[ActorEntry, ...]
    sectors: tuple[SectorTerm, ...]
    countries: frozenset[str]
    sector_codes: frozenset[str]
    files: tuple[str, ...] = field(default_factory=tuple)

    def by_name(self) -> dict[str, list[ActorEntry]]:
        out: dict[str, list[ActorEntry]] = {}
        for e in self.entries:
            out.setdefault(e.name.lower(), []).append(e)
        return out


# Generic heads that say "someone of this country" but little about the role.
GENERIC_SECTOR_TERMS = frozenset({"official", "leader", "people", "authorities", "authority",
                                  "source",
                                  "spokesman", "spokeswoman", "spokesperson", "delegation",
                                  "representative", "member", "head", "chief", "side"})


def _rows(text: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    lines = text.splitlines()
    header: list[str] | None = None
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise DictionaryError(origin, [(n, f"{len(cells)} fields, header has {len(header)}")])
        cells += [""] * (len(header) - len(cells))
        yield n, {h: c.strip() for h, c in zip(header, cells, strict=True)}


def _split(v: str) -> list[str]:
    return [x.strip() for x in v.split("|") if x.strip()]


def _date(v: str, origin: str, n: int) -> date | None:
    if not v:
        return None
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise DictionaryError(origin, [(n, f"bad date {v!r} (want YYYY-MM-DD)")]) from None


def _package_text(name: str) -> str:
    return resources.files("eventwire.data").joinpath(name).read_text("utf-8")


def parse_countries(text: str, origin: str) -> list[ActorEntry]:
    out: list[ActorEntry] = []
    for n, r in _rows(text, origin):
        code = r.get("code", "")
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise DictionaryError(origin, [(n, f"country code {code!r} is not 3 capitals")])
        where = f"{origin}:{n}"
        canon = r.get("name", "") or code
        for nm in [canon, *_split(r.get("aliases", ""))]:
            out.append(ActorEntry(nm, code, "country", canon, code, None, origin=where))
        for nm in _split(r.get("adjectives", "")):
            out.append(ActorEntry(nm, code, "adjective", canon, code, None, origin=where))
        for nm in _split(r.get("capitals", "")):
            out.append(ActorEntry(nm, code + "GOV", "capital", canon, code, "GOV", origin=where))
        for nm in _split(r.get("seats", "")):
            out.append(ActorEntry(nm, code + "GOV", "seat", canon, code, "GOV", origin=where))
    return out


def _split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    head = code[:3]
    if head in countries:
        return head, (code[3:6] or None)
    return None, (code[3:6] or None) if head == "IGO" else None


def parse_groups(text: str, origin: str, countries: frozenset[str]) -> list[ActorEntry]:
    out: list[ActorEntry] = []
    for n, r in _rows(text, origin):
        code = r.get("code", "")
        if not ACTOR_CODE.fullmatch(code):
            raise DictionaryError(origin, [(n, f"actor code {code!r} is not groups of 3 capitals")])
        names = _split(r.get("names", ""))
        if not names:
            raise DictionaryError(origin, [(n, "no names")])
        country, sector = _split_code(code, countries)
        for nm in names:
            out.append(ActorEntry(nm, code, "group", names[0], country, sector,
                                  origin=f"{origin}:{n}"))
    return out


def parse_people(text: str, origin: str, countries: frozenset[str]) -> list[ActorEntry]:
    out: list[ActorEntry] = []
    for n, r in _rows(text, origin):
        code, name = r.get("code", ""), r.get("name", "")
        if not name or not ACTOR_CODE.fullmatch(code):
            raise DictionaryError(origin, [(n, f"need a name and an actor code, got {code!r}")])
        start, end = _date(r.get("start", ""), origin, n), _date(r.get("end", ""), origin, n)
        if start and end and end < start:
            raise DictionaryError(origin, [(n, f"end {end} before start {start}")])
        country, sector = _split_code(code, countries)
        for nm in [name, *_split(r.get("aliases", ""))]:
            out.append(ActorEntry(nm, code, "person", name, country, sector, start, end,
                                  r.get("role") or None, origin=f"{origin}:{n}"))
    return out


def parse_sectors(text: str, origin: str, sector_codes: frozenset[str]) -> list[SectorTerm]:
    out: list[SectorTerm] = []
    for n, r in _rows(text, origin):
        term, code, sec = r.get("term", "").lower(), r.get("code", ""), r.get("secondary", "")
        for c in filter(None, (code, sec)):
            if c not in sector_codes:
                raise DictionaryError(origin, [(n, f"unknown sector code {c!r}")])
        if not term:
            raise DictionaryError(origin, [(n, "empty term")])
        out.append(SectorTerm(term, code, sec or None, term in GENERIC_SECTOR_TERMS))
    return out


class _UserLoader(yaml.SafeLoader):
    """Every scalar that looks like a date stays a string: `_date` checks it and names the
    line (PyYAML would raise on 2017-02-30 with no line)."""


_UserLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml_rows(text: str, origin: str) -> list[tuple[int, dict[str, str]]]:
    """The entries of a YAML user file with the line each starts on."""
    try:
        node = yaml.compose(text, Loader=_UserLoader)
        data = yaml.load(text, Loader=_UserLoader) or []  # a SafeLoader
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise DictionaryError(origin, [(line, f"YAML error: {exc}")]) from None
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise DictionaryError(origin, [(1, "YAML must be a list of entries")])
    lines = [item.start_mark.line + 1 for item in node.value]
    return [(n, {str(k): ("|".join(map(str, v)) if isinstance(v, list) else
                          "" if v is None else str(v))
                 for k, v in (d.items() if isinstance(d, dict) else [])})
            for n, d in zip(lines, data, strict=True)]


def _overlap(a: ActorEntry, b: ActorEntry) -> bool:
    """Whether two entries can both apply on some day."""
    return ((a.start is None or b.end is None or a.start <= b.end)
            and (b.start is None or a.end is None or b.start <= a.end))


def _clashes(entries: list[ActorEntry]) -> list[tuple[int, str]]:
    """The same name (or alias) given two different codes for overlapping dates: which one
    applies would depend on the file's order. A change over time needs start/end dates."""
    problems: list[tuple[int, str]] = []
    seen: dict[str, list[ActorEntry]] = {}
    for e in entries:
        for prev in seen.get(e.name.lower(), []):
            if prev.code != e.code and _overlap(prev, e):
                line = int(prev.origin.rsplit(":", 1)[1])
                problems.append((int(e.origin.rsplit(":", 1)[1]),
                                 f"{e.name!r} is {e.code} here but {prev.code} at line {line}; "
                                 "one name, one code (give start/end dates if it changed)"))
                break
        seen.setdefault(e.name.lower(), []).append(e)
    return problems


def parse_user_file(path: Path, countries: frozenset[str]) -> list[ActorEntry]:
    """A user actor file: TSV (name, code, aliases, start, end) or YAML list of mappings."""
    origin = str(path)
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(origin, [(0, f"not UTF-8 ({exc.reason} at byte {exc.start}); "
                                           "save it as UTF-8")]) from None
    except OSError as exc:
        raise DictionaryError(origin, [(0, f"cannot read: {exc.strerror or exc}")]) from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        rows = _yaml_rows(text, origin)
    else:
        rows = list(_rows(text, origin))
    problems: list[tuple[int, str]] = []
    out: list[ActorEntry] = []
    for n, r in rows:
        name, code = r.get("name", "").strip(), r.get("code", "").strip().upper()
        if not name:
            problems.append((n, "missing name"))
            continue
        if not ACTOR_CODE.fullmatch(code):
            problems.append((n, f"code {code!r} must be groups of 3 capital letters (e.g. IRNGOV)"))
            continue
        try:
            start, end = _date(r.get("start", ""), origin, n), _date(r.get("end", ""), origin, n)
        except DictionaryError as exc:
            problems.extend(exc.problems)
            continue
        if start and end and end < start:
            problems.append((n, f"end {end} is before start {start}"))
            continue
        country, sector = _split_code(code, countries)
        for nm in dict.fromkeys([name, *_split(r.get("aliases", ""))]):
            out.append(ActorEntry(nm, code, "user", name, country, sector, start, end,
                                  origin=f"{origin}:{n}"))
    problems += _clashes(out)
    if problems:
        raise DictionaryError(origin, sorted(problems))
    return out


def check_user_file(path: Path) -> list[tuple[int, str]]:
    """Problems of a user actor file as (line, message); empty when it is fine."""
    base = load_builtin()
    try:
        entries = parse_user_file(path, base.countries)
    except DictionaryError as exc:
        return exc.problems
    problems = []
    for e in entries:
        if e.country is None and not e.code.startswith(("IGO", "NGO", "IMG", "MNC")):
            line = int(e.origin.rsplit(":", 1)[1])
            problems.append((line, f"code {e.code!r} does not start with a known country "
                                   "or IGO/NGO/IMG/MNC"))
    return problems


def _sector_codes() -> frozenset[str]:
    codes = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "SPY", "UAF",
             "PTY", "BUS", "MNC", "CVL", "REF", "MED", "EDU", "HLH", "LAB", "AGR", "REL",
             "CRM", "ELI", "HRI", "NGO", "IGO", "ENV", "DEV", "MOD", "RAD", "NGM", "IMG",
             "INT", "UIS", "SET", "AMN", "IRC", "GRP", "MUS", "CHR", "JEW"}
    return frozenset(codes)


@lru_cache(maxsize=1)
def load_builtin() -> ActorDictionary:
    """The package's own dictionaries (cached)."""
    return build(())


@lru_cache(maxsize=8)
def build(user_files: tuple[Path, ...]) -> ActorDictionary:
    """Builtin dictionaries plus user files (user entries override on the same name)."""
    sector_codes = _sector_codes()
    entries = parse_countries(_package_text("countries.tsv"), "countries.tsv")
    countries = frozenset(e.code for e in entries if e.kind == "country")
    entries += parse_groups(_package_text("groups.tsv"), "groups.tsv", countries)
    entries += parse_people(_package_text("people.tsv"), "people.tsv", countries)
    sectors = parse_sectors(_package_text("sectors.tsv"), "sectors.tsv", sector_codes)
    files = ["countries.tsv", "groups.tsv", "people.tsv", "sectors.tsv"]
    for p in user_files:
        user = parse_user_file(Path(p), countries)
        names = {e.name.lower() for e in user}
        entries = [e for e in entries if e.name.lower() not in names] + user
        files.append(str(p))
    return ActorDictionary(tuple(entries), tuple(sectors), countries, sector_codes, tuple(files))


def surface_forms(entries: Iterable[ActorEntry]) -> set[str]:
    return {e.name for e in entries}
