"""Exports (CSV, JSONL, partitioned Parquet, GDELT 2.0 TSV) and PNG plots."""

from __future__ import annotations

import csv
import json
import math
from datetime import date, datetime

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from conftest_store import FakeCoder, FakeResult, make_event, numbered_articles, wire_copies
from eventwire.errors import StoreError
from eventwire.export import GDELT_COLUMNS, export
from eventwire.labels import LABEL_FIELDS
from eventwire.model import Article, Event
from eventwire.plots import plot_series, plot_top_dyads
from eventwire.query import EventQuery, run_query, series, top_dyads
from eventwire.store import EVENT_COLUMNS, Store

COLUMNS = [c.name for c in EVENT_COLUMNS]
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store(path) as store:
        store.ingest(wire_copies() + numbered_articles(24), FakeCoder())
        located = make_event("geo", code="190", source="IRNMIL", target="IRQ",
                             event_date=date(2017, 7, 5), source_text="Iranian\tartillery",
                             location_name="Baghdad", location_country="IRQ", admin1="07",
                             latitude=33.34058, longitude=44.40088, geonameid=98182)
        undated = make_event("nodate", code="040", event_date=None)
        store.add_batch([
            FakeResult(Article(id="geo", text="Iranian artillery hit Baghdad.",
                               pub_date=date(2017, 7, 5), url="https://x.example/geo"),
                       (located,)),
            FakeResult(Article(id="nodate", text="Someone met someone."), (undated,)),
        ], coder_version="test-1")
    return path


@pytest.fixture
def store(db_path):
    with Store(db_path, read_only=True) as s:
        yield s


def stored_rows(store: Store) -> list[dict]:
    return store.con.sql("SELECT * FROM events ORDER BY article_hash, event_id"
                         ).to_arrow_table().to_pylist()


def _plain(value):
    """pandas/numpy values back to Python: NaN/NaT -> None, Timestamp -> date."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1:  # a list column
        return value.tolist()
    return value.item() if hasattr(value, "item") else value


def test_parquet_export_is_partitioned_and_reads_back_equal(store, tmp_path):
    out = tmp_path / "pq"
    n = export(store, None, out, "parquet")
    assert n == store.count("events")
    assert (out / "year=2017" / "month=07").is_dir()
    assert (out / "year=0" / "month=00").is_dir()  # the undated event
    expected = stored_rows(store)

    con = duckdb.connect()
    back = con.sql(f"SELECT {', '.join(COLUMNS)} FROM read_parquet('{out}/**/*.parquet') "
                   "ORDER BY article_hash, event_id").to_arrow_table().to_pylist()
    con.close()
    assert back == expected

    df = pd.read_parquet(out).sort_values(["article_hash", "event_id"])
    assert {"year", "month"} <= set(df.columns)
    from_pandas = [{c: _plain(v) for c, v in row.items() if c in COLUMNS}
                   for row in df.to_dict("records")]
    assert from_pandas == expected


def test_parquet_export_refuses_a_non_empty_folder_unless_overwrite(store, tmp_path):
    out = tmp_path / "pq"
    export(store, None, out, "parquet")
    with pytest.raises(StoreError, match="--overwrite"):
        export(store, None, out, "parquet")
    n = len(run_query(store, EventQuery(code="057")))
    assert export(store, EventQuery(code="057"), out, "parquet", overwrite=True) == n > 0


def test_csv_export_has_header_and_every_event(store, tmp_path):
    out = tmp_path / "e.csv"
    n = export(store, EventQuery(actor="IRN"), out, "csv")
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == n > 0
    assert list(rows[0]) == [*COLUMNS, *LABEL_FIELDS]  # labels derived at export time
    assert all("IRN" in (r["source_code"] + r["target_code"]) for r in rows)


def test_jsonl_export_rows_are_events_again(store, tmp_path):
    out = tmp_path / "e.jsonl"
    n = export(store, None, out, "jsonl")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n == store.count("events")
    events = {Event(**{k: v for k, v in json.loads(line).items() if k in Event.model_fields})
              for line in lines}
    stored = {Event(**{k: v for k, v in r.items() if k in Event.model_fields})
              for r in stored_rows(store)}
    assert events == stored


def test_gdelt_export_has_61_fields_in_gdelt_order(store, tmp_path):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                                    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                    "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    out = tmp_path / "events.tsv"
    n = export(store, None, out, "gdelt")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == n
    rows = [dict(zip(GDELT_COLUMNS, ln.split("\t"), strict=True)) for ln in lines[:-1]]
    assert all(len(ln.split("\t")) == 61 for ln in lines[:-1])
    assert rows[0]["GLOBALEVENTID"].isdigit()  # no header row by default

    geo = next(r for r in rows if r["EventCode"] == "190" and r["Actor1Code"] == "IRNMIL")
    assert geo["SQLDATE"] == "20170705" and geo["MonthYear"] == "201707"
    assert geo["Year"] == "2017" and geo["FractionDate"] == "2017.5890"
    assert (geo["Actor1Code"], geo["Actor1CountryCode"], geo["Actor1Type1Code"]) == (
        "IRNMIL", "IRN", "MIL")
    assert geo["Actor1Name"] == "Iranian artillery"  # the tab is gone
    assert (geo["Actor2Code"], geo["Actor2CountryCode"]) == ("IRQ", "IRQ")
    assert (geo["EventCode"], geo["EventBaseCode"], geo["EventRootCode"]) == ("190", "190", "19")
    assert (geo["QuadClass"], geo["GoldsteinScale"]) == ("4", "-10")
    assert geo["IsRootEvent"] == "1"
    assert (geo["ActionGeo_Type"], geo["ActionGeo_FullName"]) == ("4", "Baghdad")
    # geo country codes are FIPS 10-4 (Iraq IZ), actor country codes CAMEO (IRQ)
    assert (geo["ActionGeo_CountryCode"], geo["ActionGeo_ADM1Code"]) == ("IZ", "IZ07")
    assert (geo["ActionGeo_Lat"], geo["ActionGeo_Long"]) == ("33.34058", "44.40088")
    assert geo["ActionGeo_FeatureID"] == "98182"
    assert geo["AvgTone"] == ""
    # Iranian artillery firing in Iraq: Actor1 at Iran's centre, Actor2 (Iraq) where it acted
    assert (geo["Actor1Geo_Type"], geo["Actor1Geo_FullName"], geo["Actor1Geo_CountryCode"]) == (
        "1", "Iran", "IR")
    assert geo["Actor1Geo_Lat"] and geo["Actor1Geo_Lat"] != geo["ActionGeo_Lat"]
    assert [geo[f"Actor2Geo_{f}"] for f in ("Type", "FullName", "Lat", "FeatureID")] == [
        "4", "Baghdad", "33.34058", "98182"]
    assert geo["SOURCEURL"] == "https://x.example/geo"
    assert len(geo["DATEADDED"]) == 14 and geo["DATEADDED"].isdigit()

    wire = [r for r in rows if r["EventCode"] == "057" and r["SQLDATE"] == "20170723"]
    assert len(wire) == 3
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in wire} == {
        ("3", "3", "3")}
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)


def test_gdelt_export_header_and_dedup(store, tmp_path):
    out = tmp_path / "one.tsv"
    n = export(store, EventQuery(dedup="one-a-day", code="057", since="2017-07-23",
                                 until="2017-07-23"), out, "gdelt", header=True)
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == list(GDELT_COLUMNS)
    assert n == len(rows) == 1
    fields = dict(zip(GDELT_COLUMNS, rows[0].split("\t"), strict=True))
    assert fields["NumMentions"] == "3"


def test_plots_write_non_empty_pngs(store, tmp_path):
    rows = series(store, EventQuery(dyad="IRN:IRQ"), by="week", fill=True)
    assert rows
    for path in (plot_series(rows, tmp_path / "s.png", "IRN-IRQ by week"),
                 plot_top_dyads(top_dyads(store, n=8), tmp_path / "sub" / "d.png"),
                 plot_series([], tmp_path / "empty.png", "nothing")):
        data = path.read_bytes()
        assert data.startswith(PNG) and len(data) > 5000


def test_cli_export_and_plot(db_path, tmp_path):
    import click

    from eventwire.cli_store import register

    @click.group()
    def cli() -> None:
        pass

    register(cli)
    runner = CliRunner()
    out = runner.invoke(cli, ["export", "--db", str(db_path), "-o", str(tmp_path / "g.tsv"),
                              "--format", "gdelt", "--dyad", "IRN:IRQ"])
    assert out.exit_code == 0, out.output
    assert all(len(ln.split("\t")) == 61
               for ln in (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines())
    out = runner.invoke(cli, ["export", "--db", str(db_path), "-o", str(tmp_path / "p"),
                              "--format", "parquet"])
    assert out.exit_code == 0, out.output
    for args in (["plot", "series", "--dyad", "IRN:IRQ", "-o", str(tmp_path / "s.png")],
                 ["plot", "dyads", "-o", str(tmp_path / "d.png")]):
        out = runner.invoke(cli, [*args, "--db", str(db_path)])
        assert out.exit_code == 0, out.output
    assert (tmp_path / "s.png").read_bytes().startswith(PNG)
    assert (tmp_path / "d.png").stat().st_size > 5000
