"""Country names and codes as a user types them -> the code stored in ``location_country``.

`resolve_country` is the one place `--country` (every store command) and the API's
``country=`` parameter are read. Accepted, case-insensitive:

- the stored code (ISO 3166-1 alpha-3, or CAMEO's where it differs: ``ROM``) and the ISO
  alpha-3 code (``ROU`` -> ``ROM``);
- ISO 3166-1 alpha-2 codes (``IR``);
- FIPS 10-4 codes (GDELT's country codes) where they are no other country's alpha-2 code:
  ``EI`` is Ireland, but ``AU`` stays Australia (alpha-2) although FIPS ``AU`` is Austria. Such
  a collision (71 codes, e.g. ``CH``, ``GM``, ``RS``, ``SZ``) resolves to the alpha-2 country
  with a `CountryMatch.note` saying so; rejecting them instead would refuse the alpha-2 codes
  people use most (AU, CH, DE's FIPS twin GM...) to protect the rarer FIPS reading;
- names and aliases: the names, aliases and ISO short names of ``data/countries.tsv`` and
  ``data/country_codes.tsv`` ("Iran", "Islamic Republic of Iran", "Britain", "Ivory Coast").
  Accents, case, dots, apostrophes and a leading "the" do not matter.

Anything else raises `QueryError` naming the nearest matches (difflib).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.errors import QueryError

__all__ = ["Country", "CountryMatch", "country_table", "resolve_country"]


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # as stored in location_country
    name: str
    iso3: str = ""
    iso2: str = ""
    fips: str = ""


@dataclass(frozen=True, slots=True)
class CountryMatch:
    country: Country
    how: str  # "code" | "iso3" | "iso2" | "fips" | "name"
    note: str | None = None  # said to the user when the reading was a choice

    @property
    def code(self) -> str:
        return self.country.code


@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Country]
    by_iso3: dict[str, Country]
    by_iso2: dict[str, Country]
    by_fips: dict[str, Country]
    by_name: dict[str, tuple[Country, ...]]  # normalised name -> countries (2+: ambiguous)


def normalize(name: str) -> str:
    """The key a name is looked up by: no accents, case, dots or apostrophes; '&' is 'and'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'’`]", "", text.replace("&", " and "))
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return text.removeprefix("the ")


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("eventwire.data").joinpath(filename).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (ln.split("\t") + [""] * len(header))[:len(header)], strict=True))
            for ln in lines[1:]]


@cache
def country_table() -> _Table:
    """The merged table of data/country_codes.tsv and data/countries.tsv (built once)."""
    by_code: dict[str, Country] = {}
    names: dict[str, set[str]] = {}

    def add_names(code: str, *values: str) -> None:
        for value in values:
            for part in value.split("|"):
                if key := normalize(part):
                    names.setdefault(key, set()).add(code)

    project = _rows("countries.tsv")
    project_names = {r["code"]: r["name"] for r in project}
    for r in _rows("country_codes.tsv"):
        code = r["code"]
        by_code[code] = Country(code, project_names.get(code, r["name"]), r["iso3"], r["iso2"],
                                r["fips"])
        add_names(code, r["name"], r["aliases"])
    for r in project:
        by_code.setdefault(r["code"], Country(r["code"], r["name"]))
        add_names(r["code"], r["name"], r["aliases"])
    return _Table(
        by_code=by_code,
        by_iso3={c.iso3: c for c in by_code.values() if c.iso3},
        by_iso2={c.iso2: c for c in by_code.values() if c.iso2},
        by_fips={c.fips: c for c in by_code.values() if c.fips},
        by_name={k: tuple(sorted((by_code[c] for c in v), key=lambda c: c.code))
                 for k, v in names.items()},
    )


def resolve_country(value: str) -> CountryMatch:
    """The country `value` names (see the module docstring); `QueryError` when none or several."""
    t = country_table()
    raw = value.strip()
    up = raw.upper()
    if len(up) == 3 and up.isalpha():
        if up in t.by_code:
            return CountryMatch(t.by_code[up], "code")
        if up in t.by_iso3:
            return CountryMatch(t.by_iso3[up], "iso3")
    if len(up) == 2 and up.isalpha():
        if up in t.by_iso2:
            c = t.by_iso2[up]
            other = t.by_fips.get(up)
            note = None
            if other is not None and other.code != c.code:
                note = (f"{up} read as the ISO 3166 alpha-2 code of {c.name} ({c.code}); the "
                        f"FIPS 10-4 code {up} is {other.name}: pass {other.code} for it")
            return CountryMatch(c, "iso2", note)
        if up in t.by_fips:
            return CountryMatch(t.by_fips[up], "fips")
    found = t.by_name.get(normalize(raw), ())
    if len(found) == 1:
        return CountryMatch(found[0], "name")
    if len(found) > 1:
        options = ", ".join(f"{c.name} ({c.code})" for c in found)
        raise QueryError(f"country {value!r} is ambiguous: {options}; pass the code")
    raise QueryError(f"unknown country {value!r}{_suggest(raw)}")


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _suggest(value: str) -> str:
    """'; did you mean ...?' with the nearest names and codes, or a pointer to the codes."""
    t = country_table()
    key = normalize(value)
    hits: list[Country] = []
    if len(key) <= 3:  # a mistyped code: the codes that share most of its start first
        up = value.strip().upper()
        scored = [(-_shared_start(up, code), -difflib.SequenceMatcher(None, up, code).ratio(),
                   code) for code in t.by_code]
        hits += [t.by_code[code] for _, r, code in sorted(scored) if -r >= 0.6][:3]
    for name in difflib.get_close_matches(key, list(t.by_name), n=5, cutoff=0.6):
        hits.extend(t.by_name[name])
    unique = list(dict.fromkeys(hits))[:5]
    if not unique:
        return "; pass a country name or an ISO 3166 code (IRN, IR)"
    return "; did you mean " + ", ".join(f"{c.name} ({c.code})" for c in unique) + "?"
