"""Offline geocoding and event-location choice, one step per module:

- `names`: the `Place` record and the index key of a name (`normalize_name`)
- `tables`: the data tables, read from the package's data files (sources in their headers)
- `gazetteer`: the name index over GeoNames data (`Gazetteer`)
- `cache`: its compact columnar form, cached in the user cache directory
- `towns`: towns too small for the index, found only in a country the text gives
- `mentions`: place mentions in a parsed sentence, and a name as written -> `Place`
- `syntax`: what the parse says about a mention and the trigger
- `lead` / `datelines`: the story's place, from its dateline or the lead
- `asides`: the parts of a lead that do not say where its main act happens ("Originating in
  Wuhan, China, the virus ...")
- `venues`: the venues of gatherings a story names ("the debate took place in Ohio")
- `rules` / `choose`: the ordered choice rules and `pick_location`, which runs them

`pick_location` chooses where an event happened from a parsed sentence; `find_dateline` reads
a wire-story dateline ("TEHRAN, July 23 (Reuters) -") or, for stories without one (Wikinews,
press releases), the place the lead names.
"""

from eventwire.geo.choose import pick_location
from eventwire.geo.datelines import dateline_place, find_dateline
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lead import find_lead_place
from eventwire.geo.names import LeadPlace, Place, normalize_name
from eventwire.geo.syntax import target_is_destination, target_is_venue
from eventwire.geo.tables import CAMEO_COUNTRY_OVERRIDES

__all__ = [
    "CAMEO_COUNTRY_OVERRIDES",
    "Gazetteer",
    "LeadPlace",
    "Place",
    "dateline_place",
    "find_dateline",
    "find_lead_place",
    "normalize_name",
    "pick_location",
    "target_is_destination",
    "target_is_venue",
]
