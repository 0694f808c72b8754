"""Export the events a query selects: CSV, JSON Lines, Parquet (partitioned) or GDELT 2.0 TSV.

- ``csv``, ``jsonl``: every events column (plus mention counts with ``dedup='one-a-day'``), one
  row per event; ``-`` writes to stdout. Actor lists are JSON arrays in JSON Lines, ``|``-joined
  in CSV; CSV booleans are ``true``/``false``. The label columns of
  `eventwire.labels.LABEL_FIELDS` (``source_label``, ``root_label``, ``plover_label``...)
  follow, derived at export time.
- ``parquet``: a folder of hive-partitioned files, ``year=2017/month=07/data_0.parquet``, written
  by DuckDB; ``year``/``month`` live in the folder names only. Events without a date go to
  ``year=0/month=00`` (not Hive's NULL partition, which pandas/pyarrow cannot read back).
  Read it back with ``read_parquet('out/**/*.parquet')`` or ``pandas.read_parquet('out')``.
- ``gdelt``: see `GDELT_COLUMNS` and `gdelt_row`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Literal

import duckdb

from eventwire.countries import country_table
from eventwire.errors import StoreError
from eventwire.geo import Gazetteer
from eventwire.labels import LABEL_FIELDS, row_labels
from eventwire.model import flat_value
from eventwire.query import EventQuery, filtered_sql, page_sql, query_sql
from eventwire.store import Store

__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "fips_code", "gdelt_row", "global_event_id"]

ExportFormat = Literal["csv", "jsonl", "parquet", "gdelt"]
FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "gdelt")

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO), *(f"Actor2Geo_{f}" for f in _GEO),
    *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event file, in GDELT's order (GDELT files have no header)."""

_BATCH = 10_000


def export(store: Store, query: EventQuery | None, path: str | Path, fmt: ExportFormat, *,
           header: bool = False, overwrite: bool = False) -> int:
    """Write the events `query` selects to `path` in `fmt`; returns the number of rows.

    `header` adds the column names to a GDELT file (CSV always has one). `overwrite` lets a
    Parquet export replace a non-empty folder.
    """
    q = query or EventQuery()
    if fmt == "parquet":
        return _parquet(store, q, str(path), overwrite)
    if fmt == "csv":
        rows, columns = _stream(store, *query_sql(q))
        return _write_csv(_labelled(rows), [*columns, *LABEL_FIELDS], path)
    if fmt == "jsonl":
        rows, _ = _stream(store, *query_sql(q))
        rows = _labelled(rows)
        with _open(path) as out:
            n = 0
            for row in rows:
                out.write(json.dumps(row, default=_json_value, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "gdelt":
        return _gdelt(store, q, path, header)
    raise StoreError(f"unknown export format {fmt!r}; use {', '.join(FORMATS)}")


def _stream(store: Store, sql: str, params: list[Any]) -> tuple[Iterator[dict[str, Any]],
                                                                   list[str]]:
    """The column names of a statement, and its rows as dicts read lazily in Arrow batches."""
    try:
        rel = store.con.sql(sql, params=params)
        columns = list(rel.columns)
    except duckdb.Error as exc:
        raise StoreError(f"export query failed: {str(exc).splitlines()[0]}") from exc

    def rows() -> Iterator[dict[str, Any]]:
        reader = rel.to_arrow_reader(_BATCH)
        try:
            for batch in reader:
                yield from batch.to_pylist()
        finally:
            reader.close()  # an open reader keeps the connection busy

    return rows(), columns


@contextmanager
def _open(path: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    if str(path) == "-":
        yield sys.stdout
        return
    try:
        with open(path, "w", encoding="utf-8", newline=newline) as f:
            yield f
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _labelled(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {**row, **row_labels(row)}


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_csv(rows: Iterator[dict[str, Any]], columns: list[str], path: str | Path) -> int:
    n = 0
    with _open(path, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([flat_value(v) for v in row.values()])
            n += 1
    return n


def _parquet(store: Store, q: EventQuery, path: str, overwrite: bool) -> int:
    if path == "-":
        raise StoreError("parquet export needs a folder: pass -o DIR")
    sql, params = query_sql(q)
    partitioned = (f"SELECT *, coalesce(year(event_date), 0) AS year, "
                   f"coalesce(strftime(event_date, '%m'), '00') AS month FROM ({sql})")
    try:
        n = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0]
        store.con.sql(partitioned, params=params).write_parquet(
            path, partition_by=["year", "month"], overwrite=overwrite or None)
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        hint = "; pass --overwrite to replace it" if "not empty" in msg.lower() else ""
        raise StoreError(f"parquet export to {path} failed: {msg}{hint}") from exc
    return int(n[0]) if n else 0


# --------------------------------------------------------------------------- GDELT


def _gdelt(store: Store, q: EventQuery, path: str | Path, header: bool) -> int:
    inner, params = filtered_sql(q)
    if q.dedup:
        counts, join = "", ""
    else:
        counts = ", c.mentions, c.sources, c.articles"
        join = "LEFT JOIN event_counts c ON " + " AND ".join(
            f"c.{k} IS NOT DISTINCT FROM f.{k}"
            for k in ("event_date", "source_code", "target_code", "cameo_code"))
    joined = (f"SELECT f.*{counts}, a.url AS article_url, a.source AS article_source, "
              f"a.ingested_at AS ingested_at FROM ({inner}) f "
              f"LEFT JOIN articles a ON a.id = f.article_hash {join}")
    rows, _ = _stream(store, *page_sql(joined, params, q))
    n = 0
    with _open(path, newline="") as out:
        if header:
            out.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(gdelt_row(row)) + "\n")
            n += 1
    return n


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One events row (with mentions/sources/articles, article_url and ingested_at) as the 61
    GDELT 2.0 fields. What is ours rather than GDELT's:

    - GLOBALEVENTID: GDELT's is a serial number; ours is the first 53 bits of
      sha256(article_hash:event_id) as an integer: stable across runs and exports, below
      2^53 (so JavaScript and JSON readers keep it exact), unique per row in practice (a clash
      needs ~10^8 events for even odds).
    - SQLDATE/MonthYear/Year/FractionDate from event_date (else pub_date); FractionDate as GDELT
      computes it, YEAR + (MONTH * 30 + DAY) / 365.
    - Actor*Code/CountryCode/Type1Code: our CAMEO actor code, its CAMEO country (3 letters, as
      in GDELT) and its sector; Actor*Name is the actor's text as written in the article.
      Known-group, ethnic, religion and second/third type codes are left empty.
    - IsRootEvent is 1 for events in the article's first sentence.
    - NumMentions/NumSources/NumArticles come from the store's `event_counts` (all stored
      articles, not one 15-minute update). AvgTone is empty (no tone model).
    - The three Geo blocks follow GDELT's codebook: Type 1 country, 2 US state, 3 US city,
      4 world city, 5 world state (first-level region); CountryCode is the FIPS 10-4 country
      code (Tehran: IR; Baghdad: IZ; from data/country_codes.tsv), empty for a country FIPS
      has no code for; ADM1Code is that code followed by the GeoNames admin1 code (GDELT: the
      FIPS ADM1 code; GeoNames admin1 codes are FIPS codes for most countries, and US
      states are their postal codes, USTX, as in GDELT), or the country code alone for a
      country; FeatureID is the GeoNames id of a city (GDELT: its GNS/GNIS id), the ADM1Code
      of a region and the country code of a country, as GDELT gives them. ADM2Code is empty.
    - Actor1Geo/Actor2Geo: an actor of the country where the act happened gets the ActionGeo
      fields; an actor of another country gets that country at country level (Type 1, the
      GeoNames country centre); an actor with no country, none.
    - DATEADDED is when the article entered the store (UTC, YYYYMMDDHHMMSS); SOURCEURL is its
      URL, else its source name.
    """
    day: date | None = r.get("event_date") or r.get("pub_date")
    key = f"{r.get('article_hash', '')}:{r['event_id']}".encode()
    out: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    out["GLOBALEVENTID"] = global_event_id(key)
    if day:
        out["SQLDATE"] = day.strftime("%Y%m%d")
        out["MonthYear"] = day.strftime("%Y%m")
        out["Year"] = day.year
        out["FractionDate"] = f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
    for n, role in (("1", "source"), ("2", "target")):
        out[f"Actor{n}Code"] = r.get(f"{role}_code")
        out[f"Actor{n}Name"] = r.get(f"{role}_text")
        out[f"Actor{n}CountryCode"] = r.get(f"{role}_country")
        out[f"Actor{n}Type1Code"] = r.get(f"{role}_sector")
    code = r["cameo_code"]
    out["IsRootEvent"] = 1 if r.get("sentence_index") == 0 else 0
    out["EventCode"] = code
    out["EventBaseCode"] = code[:3]
    out["EventRootCode"] = r.get("cameo_root") or code[:2]
    out["QuadClass"] = r.get("quad_class")
    out["GoldsteinScale"] = r.get("goldstein")
    out["NumMentions"] = r.get("mentions")
    out["NumSources"] = r.get("sources")
    out["NumArticles"] = r.get("articles")
    country, admin1 = r.get("location_country"), r.get("admin1")
    if country or r.get("location_name"):
        fips = fips_code(country) if country else ""
        geonameid = r.get("geonameid")
        adm1 = f"{fips}{admin1}" if admin1 and fips else fips
        if not admin1:
            kind, feature = 1, fips
        elif geonameid is None or _is_region(country, admin1, geonameid):
            kind, feature = (2 if country == "USA" else 5), adm1
        else:
            kind, feature = (3 if country == "USA" else 4), geonameid
        out["ActionGeo_Type"] = kind
        out["ActionGeo_FullName"] = r.get("location_name")
        out["ActionGeo_CountryCode"] = fips
        out["ActionGeo_ADM1Code"] = adm1
        out["ActionGeo_Lat"] = r.get("latitude")
        out["ActionGeo_Long"] = r.get("longitude")
        out["ActionGeo_FeatureID"] = feature
    for n, role in (("1", "source"), ("2", "target")):
        _actor_geo(out, n, r.get(f"{role}_country"), country)
    added = r.get("ingested_at")
    if isinstance(added, datetime):
        out["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    out["SOURCEURL"] = r.get("article_url") or r.get("article_source")
    return [_field(out[c]) for c in GDELT_COLUMNS]


def _actor_geo(out: dict[str, Any], n: str, actor_country: str | None,
               action_country: str | None) -> None:
    """Actor{n}Geo, the cheap way: an actor of the country where the act happened is placed
    where it happened (the ActionGeo fields); an actor of another country at that country's
    centre, country level (Type 1). No country, no geo."""
    if not actor_country:
        return
    if actor_country == action_country:
        for f in _GEO:
            out[f"Actor{n}Geo_{f}"] = out[f"ActionGeo_{f}"]
        return
    place = _gazetteer().country(actor_country)
    if place is None:
        return
    fips = fips_code(actor_country)
    out[f"Actor{n}Geo_Type"] = 1
    out[f"Actor{n}Geo_FullName"] = place.name
    out[f"Actor{n}Geo_CountryCode"] = fips
    out[f"Actor{n}Geo_ADM1Code"] = fips
    out[f"Actor{n}Geo_Lat"] = place.latitude
    out[f"Actor{n}Geo_Long"] = place.longitude
    out[f"Actor{n}Geo_FeatureID"] = fips


def global_event_id(key: bytes) -> int:
    """A stable id below 2^53: the first 53 bits of sha256(key)."""
    return int.from_bytes(hashlib.sha256(key).digest()[:7], "big") >> 3


def fips_code(country: str) -> str:
    """The FIPS 10-4 code of one of our country codes ("IRN" -> "IR", "IRQ" -> "IZ"); "" if
    FIPS has none."""
    found = country_table().by_code.get(country)
    return found.fips if found is not None else ""


def _is_region(country: str | None, admin1: str, geonameid: int) -> bool:
    """Is the place the first-level region itself (a US state has a geonameid, as its cities
    do), not a city in it?"""
    region = _gazetteer().admin1(country or "", admin1)
    return region is not None and region.geonameid == geonameid


def _gazetteer() -> Gazetteer:
    return Gazetteer.default()  # loaded (once) only when a GDELT file is written


def _field(value: Any) -> str:
    """One TSV field: no tabs or newlines inside; floats without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list | tuple):
        value = "|".join(str(v) for v in value)
    if isinstance(value, float):
        text = f"{value:.5f}".rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
