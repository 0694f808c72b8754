"""Labels beside codes, derived at output time: actor, country, CAMEO, quad class and PLOVER.

    >>> actor_label("IRNGOV")
    'Iran (government)'
    >>> actor_label("IGOUNO")
    'United Nations'
    >>> cameo_label("19"), cameo_label("057"), plover_label("ASSAULT")
    ('Fight', 'Sign formal agreement', 'Assault')

An actor code is read in three-letter parts: the first is a country (``data/country_codes.tsv``
and ``data/countries.tsv``, via `eventwire.countries`), a region or area, or an international
type (IGO, NGO, MNC...); the later parts are sectors, known groups, religions or ethnic groups
(``data/actor_codes.tsv``, built from the CAMEO codebook tables by scripts/build_ontology.py).
A code with a known group is labelled by the group ("IGOWSTNAT" -> NATO's name); otherwise by
its first part with the others in brackets. Parts that no table knows are kept as they are.
CAMEO labels come from ``data/cameo_events.tsv`` (`eventwire.ontology`); the root labels, upper
case there, are given in sentence case. Every function returns None for an empty or unknown
code, so a caller can print the code alone.

`row_labels` gives the label columns of an event row (`LABEL_FIELDS`); the CLI, the writers
and the web API call it, and the Event model stays as it is.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.countries import country_table
from eventwire.ontology import cameo_codes

__all__ = [
    "LABEL_FIELDS",
    "actor_label",
    "cameo_label",
    "country_label",
    "plover_label",
    "quad_label",
    "row_labels",
]

LABEL_FIELDS = ("source_label", "target_label", "cameo_label", "root_label", "plover_label")

_QUAD = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
_LATER_KINDS = ("sector", "group", "religion", "ethnic")


@dataclass(frozen=True)
class _Parts:
    by_kind: dict[str, dict[str, str]]  # kind -> code -> label


@cache
def _parts() -> _Parts:
    text = resources.files("eventwire.data").joinpath("actor_codes.tsv").read_text("utf-8")
    rows = csv.DictReader(
        (ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"
    )
    by_kind: dict[str, dict[str, str]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], {}).setdefault(r["code"], r["label"])
    return _Parts(by_kind)


def country_label(code: str | None) -> str | None:
    """The name of a country code as stored ("IRN" -> "Iran"), or of a CAMEO region/area."""
    if not code:
        return None
    table = country_table()
    country = table.by_code.get(code.upper()) or table.by_iso3.get(code.upper())  # ROU, ROM
    if country is not None:
        return country.name
    return _parts().by_kind.get("place", {}).get(code.upper())


def _later_part(part: str) -> tuple[str, str] | None:
    kinds = _parts().by_kind
    for kind in _LATER_KINDS:
        label = kinds.get(kind, {}).get(part)
        if label is not None:
            return kind, label
    place = country_label(part)  # an IGO's region ("IGOWAF") or a member country
    return ("place", place) if place else None


def actor_label(code: str | None) -> str | None:
    """A reader's label for a CAMEO actor code (see the module docstring), or None."""
    if not code or not code.strip():
        return None
    code = code.strip().upper()
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    head = country_label(parts[0]) or _parts().by_kind.get("international", {}).get(parts[0])
    rest = parts[1:]
    if head is None:
        found = _later_part(parts[0])
        if found is None:
            return None
        head = found[1]  # a code without a country: "GOV" -> "Government", "UNO"
    described = [(p, _later_part(p)) for p in rest]
    groups = [f[1] for _, f in described if f is not None and f[0] == "group"]
    if groups:
        return groups[-1]
    words = [p if f is None else (f[1].lower() if f[0] == "sector" else f[1]) for p, f in described]
    return f"{head} ({', '.join(words)})" if words else head


def cameo_label(code: str | None) -> str | None:
    """The CAMEO 1.1b3 label of an event code or root ("19" -> "Fight"), or None."""
    if not code:
        return None
    entry = cameo_codes().get(code)
    if entry is None:
        return None
    label = entry.label
    if label.isupper():
        label = label.capitalize()
    return label


def quad_label(quad_class: int | None) -> str | None:
    """1-4 -> "Verbal cooperation" ... "Material conflict"."""
    return _QUAD.get(quad_class) if quad_class is not None else None


@cache
def _plover_types() -> frozenset[str]:
    return frozenset(c.plover_type for c in cameo_codes().values() if c.plover_type)


def plover_label(plover_type: str | None) -> str | None:
    """A PLOVER event type as a word ("ASSAULT" -> "Assault"), or None when it is not one."""
    if not plover_type or plover_type.upper() not in _plover_types():
        return None
    return plover_type.capitalize()


def row_labels(row: Mapping[str, object]) -> dict[str, str | None]:
    """The `LABEL_FIELDS` of an event row (a dict of Event fields, or a store row)."""

    def text(name: str) -> str | None:
        value = row.get(name)
        return value if isinstance(value, str) and value else None

    return {
        "source_label": actor_label(text("source_code")),
        "target_label": actor_label(text("target_code")),
        "cameo_label": cameo_label(text("cameo_code")),
        "root_label": cameo_label(text("cameo_root")),
        "plover_label": plover_label(text("plover_type")),
    }
