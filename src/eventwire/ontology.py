"""CAMEO event codes with quad class, Goldstein score and PLOVER mapping.

Loaded once from the package table `data/cameo_events.tsv` (see its header for sources).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    root: str
    quad_class: int
    quad_class_phoenix: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO 1.1b3 codes by code string ("057")."""
    text = resources.files("eventwire.data").joinpath("cameo_events.tsv").read_text("utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")),
                          delimiter="\t")
    out: dict[str, CameoCode] = {}
    for r in rows:
        out[r["code"]] = CameoCode(
            code=r["code"], label=r["label"], root=r["root"],
            quad_class=int(r["quad_class"]), quad_class_phoenix=int(r["quad_class_phoenix"]),
            goldstein=float(r["goldstein"]), plover_type=r["plover_type"] or None,
            plover_mode=r["plover_mode"] or None,
        )
    return out


def lookup(code: str) -> CameoCode:
    """The entry for `code`; KeyError names the code when it is not CAMEO 1.1b3."""
    table = cameo_codes()
    if code not in table:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return table[code]


def is_code(code: str) -> bool:
    return code in cameo_codes()
