"""The GDELT export read back by a GDELT-shaped reader: column names and types from GDELT's
Event codebook V2.0 (2/19/2015), not from eventwire's own column list."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest_store import FakeCoder, FakeResult, make_event, wire_copies
from eventwire.export import export
from eventwire.geo import Gazetteer
from eventwire.model import Article
from eventwire.store import Store

# The codebook's fields, in file order (GDELT 2.0 event files have no header row).
_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
CODEBOOK = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *[f"Actor1{f}" for f in _ACTOR],
    *[f"Actor2{f}" for f in _ACTOR],
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *[f"{who}_{f}" for who in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in _GEO],
    "DATEADDED",
    "SOURCEURL",
]
INTS = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "DATEADDED",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
}
FLOATS = {
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    *(f"{w}_{f}" for w in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in ("Lat", "Long")),
}
# CAMEO codes are strings with leading zeros ("057"): read as text.


def read_gdelt(path: Path) -> list[dict[str, Any]]:
    """A GDELT 2.0 event file -> rows, as a GDELT user's loader reads one: tab-separated,
    one record a line, 61 fields, empty means missing."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        assert len(fields) == len(CODEBOOK), f"line {n}: {len(fields)} fields"
        row: dict[str, Any] = {}
        for name, text in zip(CODEBOOK, fields, strict=True):
            if text == "":
                row[name] = None
            elif name in INTS:
                row[name] = int(text)
            elif name in FLOATS:
                row[name] = float(text)
            else:
                row[name] = text
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, gaz: Gazetteer) -> Path:
    def at(name: str, **hint: str) -> dict[str, Any]:
        place = gaz.lookup(name, **hint)
        assert place is not None
        return {
            "location_name": place.name,
            "location_country": place.country,
            "admin1": place.admin1,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "geonameid": place.geonameid,
        }

    events = {
        "tehran": make_event(
            "tehran", code="190", source="USAMIL", target="IRNMIL", **at("Tehran")
        ),
        "texas": make_event("texas", code="141", source="USACVL", target="USAGOV", **at("Texas")),
        "austin": make_event(
            "austin",
            code="141",
            source="USACVL",
            target="USAGOV",
            **at("Austin", country_hint="USA"),
        ),
        "kerala": make_event(
            "kerala", code="036", source="INDGOV", target="CHNGOV", **at("Kerala")
        ),
        "iran": make_event("iran", code="042", source="IRQGOV", target="IRNGOV", **at("Iran")),
        "kosovo": make_event(
            "kosovo", code="042", source="SRBGOV", target="KSVGOV", **at("Pristina")
        ),
    }
    path = tmp_path_factory.mktemp("gdelt") / "events.duckdb"
    with Store(path) as store:
        store.ingest(wire_copies(), FakeCoder())
        store.add_batch(
            [
                FakeResult(Article(id=k, text=f"{k} text.", pub_date=date(2020, 1, 3)), (ev,))
                for k, ev in events.items()
            ],
            coder_version="test-1",
        )
    return path


@pytest.fixture(scope="module")
def rows(db: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return read_gdelt(_export(db, tmp_path_factory.mktemp("out") / "events.tsv"))


def _export(db: Path, out: Path) -> Path:
    with Store(db, read_only=True) as store:
        export(store, None, out, "gdelt")
    return out


def by_actor(rows: list[dict[str, Any]], source: str, code: str) -> dict[str, Any]:
    (row,) = [
        r
        for r in rows
        if r["Actor1Code"] == source
        and r["EventCode"] == code
        and r["ActionGeo_FullName"] is not None
    ]
    return row


def test_geo_country_codes_are_fips_and_actor_codes_stay_cameo(rows: list[dict]) -> None:
    row = by_actor(rows, "USAMIL", "190")
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Tehran", "IR")
    assert row["ActionGeo_ADM1Code"] == "IR26"  # FIPS IR + admin1 26 (Tehran province)
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("USA", "IRN")
    assert (row["Actor1Geo_CountryCode"], row["Actor1Geo_Type"]) == ("US", 1)
    assert row["Actor2Geo_CountryCode"] == "IR" and row["Actor2Geo_FullName"] == "Tehran"
    kosovo = by_actor(rows, "SRBGOV", "042")
    assert (kosovo["ActionGeo_CountryCode"], kosovo["Actor2CountryCode"]) == ("KV", "KSV")
    assert kosovo["Actor1Geo_CountryCode"] == "RI"  # Serbia's FIPS code, not ISO RS


@pytest.mark.parametrize(
    ("source", "code", "kind", "adm1", "feature"),
    [
        ("USAMIL", "190", 4, "IR26", None),  # world city: its GeoNames id
        ("USACVL", "141", None, None, None),  # two rows: checked below
        ("INDGOV", "036", 5, "IN13", "IN13"),  # world state: its ADM1 code
        ("IRQGOV", "042", 1, "IR", "IR"),  # country: its country code
    ],
)
def test_geo_types_follow_the_codebook(
    rows: list[dict],
    source: str,
    code: str,
    kind: int | None,
    adm1: str | None,
    feature: str | None,
) -> None:
    if kind is None:
        us = [r for r in rows if r["Actor1Code"] == source and r["EventCode"] == code]
        types = {
            r["ActionGeo_FullName"]: (
                r["ActionGeo_Type"],
                r["ActionGeo_ADM1Code"],
                r["ActionGeo_FeatureID"],
            )
            for r in us
        }
        assert types["Texas"] == (2, "USTX", "USTX")  # US state
        austin = types["Austin"]
        assert austin[:2] == (3, "USTX") and austin[2].isdigit()  # US city, GeoNames id
        return
    row = by_actor(rows, source, code)
    assert (row["ActionGeo_Type"], row["ActionGeo_ADM1Code"]) == (kind, adm1)
    if feature is None:
        assert row["ActionGeo_FeatureID"].isdigit()
    else:
        assert row["ActionGeo_FeatureID"] == feature


def test_global_event_ids_are_stable_unique_and_exact_in_json(
    db: Path, rows: list[dict], tmp_path: Path
) -> None:
    again = read_gdelt(_export(db, tmp_path / "again.tsv"))
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert ids == [r["GLOBALEVENTID"] for r in again]  # stable across runs
    assert len(set(ids)) == len(ids)
    assert all(0 < i <= 2**53 for i in ids)
    # a JSON reader that parses numbers as doubles (JavaScript) keeps them exact
    assert [int(x) for x in json.loads(json.dumps([float(i) for i in ids]))] == ids


def test_every_row_reads_back_with_the_codebook_types(rows: list[dict]) -> None:
    assert rows and all(isinstance(r["SQLDATE"], int) for r in rows)
    assert all(r["EventRootCode"] == r["EventCode"][:2] for r in rows)
    for r in rows:
        if r["ActionGeo_Type"] is not None:
            assert r["ActionGeo_Type"] in {1, 2, 3, 4, 5}
            assert r["ActionGeo_CountryCode"] is None or len(r["ActionGeo_CountryCode"]) == 2
            assert isinstance(r["ActionGeo_Lat"], float)
