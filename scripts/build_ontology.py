#!/usr/bin/env python3
"""Build eventwire's CAMEO/PLOVER table from the facts in ../shared/ontology.

Run once when the reference tables change:  python scripts/build_ontology.py
Writes src/eventwire/data/cameo_events.tsv and src/eventwire/data/actor_codes.tsv. Only codes,
short labels and numbers are carried over (facts); the sources are named in each file's header.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / "shared" / "ontology"
OUT = HERE / "src" / "eventwire" / "data" / "cameo_events.tsv"
ACTOR_OUT = HERE / "src" / "eventwire" / "data" / "actor_codes.tsv"

HEADER = """\
# CAMEO 1.1b3 event codes with quad class, Goldstein score and PLOVER type/mode.
# Built by scripts/build_ontology.py from facts (codes, short labels, scores) compiled in
# the project's shared ontology tables. Sources:
#   codes and labels: CAMEO Event and Actor Codebook v1.1b3 (Schrodt 2012) and GDELT's
#     CAMEO.eventcodes.txt lookup; Goldstein: GDELT CAMEO.goldsteinscale.txt (codes GDELT
#     lacks inherit from their nearest ancestor); quad_class: GDELT/ICEWS root ranges
#     (01-05, 06-08, 09-13, 14-20); quad_class_phoenix: phoenix_pipeline postprocess.py.
#   PLOVER: CAMEO2PLOVER-2021 (openeventdata/PLOVER, CC BY-SA 4.0); where that file's mode
#     is stale against the 2024 PLOVER manual we use the updated mode (eventwire decision,
#     see README "Ontology"); roots 01 and 02 have no PLOVER type (dropped by PLOVER).
"""

ACTOR_HEADER = """\
# CAMEO actor code parts with their short labels, read by eventwire.labels to label a full
# actor code ("IRNGOV" -> "Iran (government)"; "IGOUNO" -> "United Nations").
# Built by scripts/build_ontology.py from facts (codes and short labels) compiled in the
# project's shared ontology tables. Sources: CAMEO Event and Actor Codebook v1.1b3
# (Schrodt 2012) tables 3.1-3.3, 4.1, 9.1, 10.2 and GDELT's CAMEO.country.txt, CAMEO.type.txt,
# CAMEO.knowngroup.txt, CAMEO.religion.txt and CAMEO.ethnic.txt lookups.
# kind: place (region, sub-national area or historical state; countries come from
# country_codes.tsv/countries.tsv), international (IGO, NGO... as the first part), sector (a
# role, lower-cased in labels), group (a known group or organisation), religion, ethnic
# (upper-case legacy KEDS codes only). A code may have several kinds (SLV: El Salvador, Slav);
# eventwire.labels reads the first part as a place and later parts in the order sector, group,
# religion, ethnic.
"""

_TIER_KIND = {"primary_role": "sector", "secondary_role": "sector", "tertiary_role": "sector",
              "party_role": "sector", "identity_generic": "sector",
              "international_generic": "international",
              "other_code_in_gdelt_type_lookup": "group"}


def _read(name: str) -> list[dict[str, str]]:
    with open(SHARED / name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def build_actor_codes() -> int:
    rows: list[tuple[str, str, str]] = []
    for r in _read("cameo_country_codes.tsv"):
        if r["kind"] in ("region", "subnational_area", "historical_state"):
            rows.append((r["code"], "place", r["label"]))
    for r in _read("cameo_actor_types.tsv"):
        rows.append((r["code"], _TIER_KIND[r["tier"]], r["label"]))
    for r in _read("cameo_known_groups.tsv"):
        rows.append((r["code"], "group", r["label"]))
    for r in _read("cameo_religion.tsv"):
        rows.append((r["code"], "religion", r["label"]))
    for r in _read("cameo_ethnic.tsv"):
        if r["code"].isupper():
            rows.append((r["code"], "ethnic", r["label"]))
    unique = list(dict.fromkeys(rows))
    with open(ACTOR_OUT, "w", encoding="utf-8", newline="") as f:
        f.write(ACTOR_HEADER)
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "kind", "label"])
        w.writerows(unique)
    print(f"wrote {ACTOR_OUT} ({len(unique)} codes)")
    return len(unique)


def main() -> int:
    with open(SHARED / "cameo_event_codes.tsv", encoding="utf-8") as f:
        codes = list(csv.DictReader(f, delimiter="\t"))
    with open(SHARED / "cameo_to_plover.tsv", encoding="utf-8") as f:
        plover = {r["cameo_code"]: r for r in csv.DictReader(f, delimiter="\t")}
    cols = ["code", "label", "root", "quad_class", "quad_class_phoenix", "goldstein",
            "plover_type", "plover_mode"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(cols)
        for r in codes:
            p = plover.get(r["code"], {})
            ptype = p.get("plover_type", "")
            if ptype == "CONCEDE|RETREAT":
                ptype = "CONCEDE"
            mode = p.get("plover_mode", "")
            suggested = p.get("suggested_mode_2024", "")
            if suggested:
                mode = "" if suggested == "none" else suggested
            w.writerow([r["code"], r["label"], r["root_code"], r["quad_class"],
                        r["phoenix_quad_class"], r["goldstein"], ptype, mode])
    print(f"wrote {OUT} ({len(codes)} codes)")
    build_actor_codes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
