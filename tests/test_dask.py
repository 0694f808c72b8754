"""The Dask runner: same events as one process, Parquet parts, rejects recorded."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventwire.config import Config
from eventwire.errors import EventwireError, InputError
from eventwire.model import EVENT_FIELDS, Article, Event
from eventwire.scale.dask_runner import (
    PART_SCHEMA,
    code_on_cluster,
    parse_cluster,
    read_items,
)

N_ARTICLES = 20
MAX_CHARS = 6_000  # keep the corpus small: short Wikinews articles only


def _wikinews(shared: Path) -> list[dict]:
    out = []
    with (shared / "data" / "corpora" / "wikinews_2019_2020.jsonl").open() as f:
        for line in f:
            rec = json.loads(line)
            if len(rec["text"]) <= MAX_CHARS:
                out.append(rec)
            if len(out) == N_ARTICLES:
                break
    return out


@pytest.mark.parametrize(("spec", "want"), [
    ("local", ("local", 3)),
    ("local:2", ("local", 2)),
    ("tcp://10.0.0.5:8786", ("address", "tcp://10.0.0.5:8786")),
])
def test_parse_cluster_accepts_local_local_n_and_addresses(spec: str, want: tuple) -> None:
    assert parse_cluster(spec, 3) == want


@pytest.mark.parametrize("spec", ["local:0", "local:two", "yarn", ""])
def test_parse_cluster_rejects_unknown_specs(spec: str) -> None:
    with pytest.raises(EventwireError):
        parse_cluster(spec, 2)


def test_code_on_cluster_needs_an_output_folder(tmp_path: Path) -> None:
    with pytest.raises(EventwireError, match="-o OUT"):
        code_on_cluster(tmp_path / "in.jsonl", None, cluster="local:1", config=Config())


def test_read_items_reads_parquet_articles_with_date_columns(tmp_path: Path) -> None:
    table = pa.table({"id": ["a", "b", "c"], "text": ["Iran met Iraq.", "", "Talks."],
                      "date": pa.array([date(2020, 1, 2), None, date(2020, 1, 3)],
                                       pa.date32()),
                      "extra": [1, 2, 3]})
    pq.write_table(table, tmp_path / "articles.parquet")
    items = list(read_items(tmp_path / "articles.parquet"))
    assert isinstance(items[0], Article) and items[0].pub_date == date(2020, 1, 2)
    assert isinstance(items[1], InputError) and items[1].line == 2
    assert isinstance(items[2], Article) and items[2].id == "c"


def test_read_items_reads_compressed_jsonl_through_fsspec(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"id": "x", "text": "Iran met Iraq.", "date": "2020-01-02"}) + "\n")
        f.write("{not json\n")
    items = list(read_items(path))
    assert isinstance(items[0], Article) and items[0].id == "x"
    assert isinstance(items[1], InputError) and items[1].line == 2


@pytest.mark.model
def test_local_cluster_codes_the_same_events_as_one_process(tmp_path: Path, shared: Path,
                                                            coder) -> None:  # type: ignore[no-untyped-def]
    records = _wikinews(shared)
    src = tmp_path / "articles.jsonl"
    with src.open("w") as f:
        for rec in records:
            f.write(json.dumps(rec) + "\n")
        f.write('{"id": "broken", "text": ""}\n')
    out = tmp_path / "events.parquet"
    (out / "part-99999.parquet").parent.mkdir()
    (out / "part-99999.parquet").write_bytes(b"stale part of an earlier run")

    summary = code_on_cluster(src, out, cluster="local:2", config=Config(), partitions=5)

    articles = [x for x in read_items(src) if isinstance(x, Article)]
    expected = {e.event_id: e for r in coder.code_articles(articles) for e in r.events}
    parts = sorted(out.glob("part-*.parquet"))
    assert parts and "part-99999.parquet" not in {p.name for p in parts}
    table = pa.concat_tables(pq.read_table(p) for p in parts)
    assert table.schema.equals(PART_SCHEMA)
    rows = table.to_pylist()
    got = {row["event_id"]: Event(**{k: row[k] for k in EVENT_FIELDS}) for row in rows}
    assert len(got) == table.num_rows
    assert got.keys() == expected.keys()
    assert got == expected
    hashes = {a.id: a.content_hash for a in articles}
    assert all(row["article_hash"] == hashes[row["article_id"]] for row in rows)

    rejected = [json.loads(line) for line in (out / "_rejected.jsonl").read_text().splitlines()]
    assert [(r["id"], r["reason"]) for r in rejected] == [("broken", "empty text")]
    assert summary.startswith(f"coded {N_ARTICLES} articles, {len(expected)} events, "
                              "1 rejected on local:2 in ")

