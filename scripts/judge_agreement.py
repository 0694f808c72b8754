"""How far two blind judgements of the same location sample agree, scored by the rules the
location test scores the coder with (tests/test_locations_wikinews.py `judge`): each judge's
answer is taken as a prediction against the other's gold, both ways.

    .venv/bin/python scripts/judge_agreement.py \\
        tests/fixtures/wikinews_locations_heldout4.jsonl \\
        tests/fixtures/wikinews_locations_heldout4_second_judge.jsonl

The agreement is the ceiling of the location check: a coder cannot be expected to agree with
one judge more than a second judge, following the same brief, does."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from eventwire.geo import Gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_locations_wikinews import judge


def _rows(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]


def _as_prediction(row: dict[str, Any], gazetteer: Gazetteer) -> dict[str, Any] | None:
    if row["gold_country"] is None:
        return None
    country = row["gold_country"]
    if row["gold_admin_or_city"] == "country":
        whole = gazetteer.country(country)
        return {"name": whole.name if whole else row["gold_place"], "country": country,
                "lat": None, "lon": None}
    place = gazetteer.lookup(row["gold_place"], country_hint=country)
    if place is None or place.country != country:
        return {"name": row["gold_place"], "country": country, "lat": None, "lon": None}
    return {"name": place.name, "country": country, "lat": place.latitude,
            "lon": place.longitude}


def main(first: str, second: str) -> None:
    gazetteer = Gazetteer.default()
    a, b = _rows(first), _rows(second)
    if [r["event_id"] for r in a] != [r["event_id"] for r in b]:
        raise SystemExit("the two files must judge the same events in the same order")
    for label, gold, other in (("first as gold", a, b), ("second as gold", b, a)):
        country = place = 0
        for g, o in zip(gold, other, strict=True):
            c, p = judge(_as_prediction(o, gazetteer), g, gazetteer)
            country += c
            place += p
        print(f"{label}: country {country / len(a):.2f}, place {place / len(a):.2f} "
              f"({len(a)} events)")
    for g, o in zip(a, b, strict=True):
        if (g["gold_country"], g["gold_place"]) != (o["gold_country"], o["gold_place"]):
            print(f"  {g['event_id']}: {g['gold_place']}/{g['gold_country']} vs "
                  f"{o['gold_place']}/{o['gold_country']}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
