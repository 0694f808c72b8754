"""Build ``static/world-110m.json``, the dashboard's offline world outline (run by hand).

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as
shipped in the ``geopandas`` 0.14 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``;
later geopandas versions dropped it). Nothing is fetched at run time: the derived file is
committed with the package.

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python -m eventwire.web.build_world /tmp/ne/geopandas-0.14.4-py3-none-any.whl

The shapefile and its dBase table are read with `struct` (no GIS dependency); rings are
simplified (Douglas-Peucker, `TOLERANCE` degrees), rounded to 0.1 degree and written as SVG
path data in equirectangular coordinates: x = longitude, y = -latitude.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

TOLERANCE = 0.15
OUT = Path(__file__).parent / "static" / "world-110m.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
ATTRIBUTION = ("Made with Natural Earth (public domain), 1:110m Admin 0 countries, via the "
               "geopandas 0.14.4 PyPI wheel; simplified by eventwire.web.build_world.")

Ring = list[tuple[float, float]]


def read_shapes(shp: bytes) -> list[list[Ring]]:
    """The polygons of a shapefile, each a list of rings of (lon, lat)."""
    out: list[list[Ring]] = []
    pos = 100
    while pos < len(shp):
        _num, length = struct.unpack(">ii", shp[pos:pos + 8])
        rec = shp[pos + 8:pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (kind,) = struct.unpack("<i", rec[:4])
        if kind != 5:  # polygon
            out.append([])
            continue
        nparts, npoints = struct.unpack("<ii", rec[36:44])
        parts = list(struct.unpack(f"<{nparts}i", rec[44:44 + 4 * nparts]))
        base = 44 + 4 * nparts
        coords = struct.unpack(f"<{2 * npoints}d", rec[base:base + 16 * npoints])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, npoints]
        out.append([points[bounds[i]:bounds[i + 1]] for i in range(nparts)])
    return out


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    """The records of a dBase III table as strings."""
    nrec, header_len, rec_len = struct.unpack("<IHH", dbf[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(nrec):
        rec = dbf[header_len + i * rec_len:header_len + (i + 1) * rec_len]
        at = 1
        row = {}
        for name, size in fields:
            row[name.lower()] = rec[at:at + size].decode("utf-8", "replace").strip()
            at += size
        rows.append(row)
    return rows


def simplify(ring: Ring, tol: float) -> Ring:
    """Douglas-Peucker on a closed ring."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = ring[a], ring[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i]
            d = (abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm
                 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if d > best:
                best, at = d, i
        if best > tol and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def area_centroid(ring: Ring) -> tuple[float, float, float]:
    """|area| and centroid (lon, lat) of a ring."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def path_data(rings: list[Ring]) -> str:
    parts = []
    for ring in rings:
        pts: list[str] = []
        for x, y in ring:
            p = f"{round(x, 1):g} {round(-y, 1):g}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


def build(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as z:
        shapes = read_shapes(z.read(MEMBER + ".shp"))
        records = read_dbf(z.read(MEMBER + ".dbf"))
    countries = []
    for rings, rec in zip(shapes, records, strict=True):
        kept = [r for r in (simplify(r, TOLERANCE) for r in rings) if len(r) >= 4]
        if not kept:
            continue
        _, lon, lat = max((area_centroid(r) for r in kept), key=lambda t: t[0])
        countries.append({"iso": rec.get("iso_a3", ""), "name": rec.get("name", ""),
                          "label": [round(lon, 1), round(lat, 1)], "d": path_data(kept)})
    return {"attribution": ATTRIBUTION, "projection": "equirectangular: x=lon, y=-lat",
            "countries": countries}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = build(Path(argv[0]))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(data['countries'])} countries)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
