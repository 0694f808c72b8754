"""Print the hand-checked location samples' figures with the current coder (the numbers
tests/test_locations_wikinews.py asserts): rows, events still coded, and country / place right
over the events still coded, beside each sample's floor.

Usage (from the project root, ../shared present): python scripts/location_samples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_locations_wikinews as t
from eventwire.coder import Coder
from eventwire.config import Config
from eventwire.geo import Gazetteer


def main() -> None:
    # one-sided events kept, as the samples were drawn (tests/test_locations_wikinews.py)
    coder = Coder(Config(keep_one_sided=True))
    gaz, shared = Gazetteer.default(), Path("../shared")
    for name, (_, min_country, min_place, _, _) in t.SAMPLES.items():
        n, found, country, place, _ = t.score_sample(coder, shared, gaz, name)
        print(f"{name:10s} still coded {found:3d}/{n:3d}  country {country / found:.3f} "
              f"(floor {min_country:.2f})  place {place / found:.3f} (floor {min_place:.2f})")


if __name__ == "__main__":
    main()
