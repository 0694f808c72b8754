#!/usr/bin/env python3
"""Build eventwire's CAMEO/PLOVER table from the facts in ../shared/ontology.

Run once when the reference tables change:  python scripts/build_ontology.py
Writes src/eventwire/data/cameo_events.tsv. Only codes, short labels and numbers are
carried over (facts); the sources are named in the file's header.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / "shared" / "ontology"
OUT = HERE / "src" / "eventwire" / "data" / "cameo_events.tsv"

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
