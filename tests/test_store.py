"""The DuckDB event store: schema, idempotent ingest, atomic batches, dedup and stories."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest_store import FakeCoder, FakeResult, make_event, numbered_articles, wire_copies
from eventwire.errors import InputError, StoreError
from eventwire.model import Article, Event
from eventwire.store import EVENT_COLUMNS, Store, StoryIndex


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "events.duckdb") as s:
        yield s


def table(store: Store, sql: str) -> list[tuple]:
    return store.con.execute(sql).fetchall()


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Everything but timestamps, in a stable order."""
    return {
        "articles": table(store, "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id"),
        "events": table(store, "SELECT * FROM events ORDER BY article_hash, event_id"),
        "failures": table(store, 'SELECT * EXCLUDE ("at") FROM failures '
                                 "ORDER BY source_file, line"),
    }


# --------------------------------------------------------------------------- schema


def test_store_events_columns_derive_from_event_model(store):
    cols = table(store, "SELECT column_name, data_type FROM information_schema.columns "
                        "WHERE table_name = 'events' ORDER BY ordinal_position")
    assert [c for c, _ in cols] == [*Event.model_fields, "article_hash", "story_id"]
    types = dict(cols)
    assert types["event_id"] == "VARCHAR"
    assert types["sentence_index"] == "BIGINT"
    assert types["goldstein"] == "DOUBLE"
    assert types["negated"] == "BOOLEAN"
    assert types["event_date"] == "DATE"
    assert types["date_precision"] == "VARCHAR"  # a Literal of strings
    assert [c.name for c in EVENT_COLUMNS][-2:] == ["article_hash", "story_id"]


def test_store_reopens_existing_file_and_keeps_rows(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        s.ingest(numbered_articles(3), FakeCoder())
    with Store(path) as s:
        assert s.count("articles") == 3
    with Store(path, read_only=True) as s:
        assert s.count("events") == 3
        with pytest.raises(StoreError, match="read-only"):
            s.ingest(numbered_articles(1), FakeCoder())


def test_store_read_only_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="eventwire ingest"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_store_refuses_a_foreign_duckdb_file(tmp_path):
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store(path, read_only=True)


# --------------------------------------------------------------------------- idempotence


def test_ingest_same_input_twice_adds_nothing(store):
    arts = numbered_articles(12)
    coder = FakeCoder()
    first = store.ingest(arts, coder, batch_size=5)
    before = snapshot(store)
    coder.coded.clear()
    second = store.ingest(arts, coder, batch_size=5)
    assert (first.coded, first.events) == (12, 12)
    assert (second.coded, second.skipped_known, second.events) == (0, 12, 0)
    assert coder.coded == []  # nothing was even re-coded
    assert snapshot(store) == before


def test_add_batch_same_results_twice_adds_nothing(store):
    art = Article(id="x", text="Iran signed a deal with Iraq.", pub_date=date(2017, 7, 23))
    result = FakeResult(art, (make_event("x"), make_event("x", sentence_index=1)))
    store.add_batch([result], coder_version="v1")
    before = snapshot(store)
    store.add_batch([result, result], coder_version="v1")
    assert snapshot(store) == before
    assert store.count("events") == 2


def test_overlapping_input_adds_only_new_articles(store):
    coder = FakeCoder()
    store.ingest(numbered_articles(10), coder)
    coder.coded.clear()
    stats = store.ingest(numbered_articles(10, start=5), coder)  # n5..n14
    assert coder.coded == [f"n{i}" for i in range(10, 15)]
    assert (stats.skipped_known, stats.coded) == (5, 5)
    assert store.count("articles") == 15
    assert store.count("events") == 15


def test_known_returns_stored_coder_versions(store):
    arts = numbered_articles(2)
    store.ingest(arts, FakeCoder("v7"))
    hashes = [a.content_hash for a in arts]
    assert store.known([*hashes, "f" * 64]) == {h: "v7" for h in hashes}
    assert store.known([]) == {}


# --------------------------------------------------------------------------- atomic batches


def _boom(*args, **kwargs):
    raise RuntimeError("disk on fire")


def _bad_sql(self, *args, **kwargs):
    self.con.execute("INSERT INTO articles (id) VALUES (NULL)")  # violates NOT NULL


@pytest.mark.parametrize(("failure", "error"), [(_boom, RuntimeError), (_bad_sql, StoreError)])
def test_batch_is_atomic_when_a_write_fails_midway(store, monkeypatch, failure, error):
    coder = FakeCoder()
    store.ingest(numbered_articles(4), coder, batch_size=4)
    before = snapshot(store)
    # the articles and events of the next batch are inserted, then the sketches fail
    monkeypatch.setattr(Store, "_insert_sketches", failure)
    with pytest.raises(error):
        store.ingest([*numbered_articles(4, start=4), InputError("bad", line=9)], coder,
                     batch_size=10)
    assert snapshot(store) == before
    monkeypatch.undo()
    stats = store.ingest(numbered_articles(4, start=4), coder)  # and the store still works
    assert stats.coded == 4
    assert store.count("articles") == 8


# --------------------------------------------------------------------------- dedup and recode


def test_same_article_twice_in_one_input_is_coded_once(store):
    a = Article(id="1", text="Iran signed a deal with Iraq.", url="https://x.example/a#top")
    same_text = Article(id="2", text="  iran SIGNED a deal   with Iraq. ")
    same_url = Article(id="3", text="Iran signed a deal with Iraq. Updated.",
                       url=" https://x.example/a ")
    coder = FakeCoder()
    stats = store.ingest([a, same_text, same_url], coder)
    assert coder.coded == ["1"]
    assert (stats.coded, stats.duplicates) == (1, 2)
    # a later run with the same URL but edited text is a duplicate of the stored article
    edited = Article(id="4", text="Iran signed a deal with Iraq on Sunday.",
                     url="https://x.example/a")
    assert store.ingest([edited], coder).duplicates == 1
    assert store.count("articles") == 1


def test_recode_only_when_asked_and_the_coder_version_changed(store):
    arts = numbered_articles(3)
    store.ingest(arts, FakeCoder("v1"))
    again = store.ingest(arts, FakeCoder("v1"), recode=True)
    assert (again.coded, again.skipped_known) == (0, 3)
    stale = store.ingest(arts, FakeCoder("v2"))
    assert (stale.coded, stale.skipped_known, stale.stale) == (0, 3, 3)
    recoded = store.ingest(arts, FakeCoder("v2"), recode=True)
    assert (recoded.coded, recoded.recoded, recoded.events) == (3, 3, 3)
    assert store.count("events") == 3  # old events were replaced, not added to
    assert table(store, "SELECT DISTINCT coder_version FROM events") == [("v2",)]
    assert table(store, "SELECT DISTINCT coder_version FROM articles") == [("v2",)]


def test_failed_articles_are_stored_and_retried_only_with_recode(store):
    arts = numbered_articles(2)
    stats = store.ingest(arts, FakeCoder(fail_on="number 1."))
    assert (stats.coded, stats.failed) == (1, 1)
    assert table(store, "SELECT input_id, status, error, n_events FROM articles "
                        "WHERE status = 'failed'") == [("n1", "failed", "cannot code this", 0)]
    assert store.ingest(arts, FakeCoder()).coded == 0
    retry = store.ingest(arts, FakeCoder(), recode=True)
    assert (retry.coded, retry.recoded) == (1, 1)
    assert table(store, "SELECT DISTINCT status FROM articles") == [("coded",)]


def test_input_errors_are_recorded_once(store):
    errs = [InputError("not JSON", line=3, source="in.jsonl"),
            InputError("no text", line=5, record_id="r5", source="in.jsonl")]
    for _ in range(2):
        stats = store.ingest([*errs, *numbered_articles(1)], FakeCoder())
    assert stats.invalid == 2
    assert table(store, "SELECT line, input_id, reason, source_file FROM failures ORDER BY line"
                 ) == [(3, None, "not JSON", "in.jsonl"), (5, "r5", "no text", "in.jsonl")]


# --------------------------------------------------------------------------- stories and counts


@pytest.mark.parametrize("batch_size", [1, 10])  # stored candidates, and within one batch
def test_same_story_from_three_outlets_gets_one_story_id(store, batch_size):
    store.ingest(wire_copies(), FakeCoder(), batch_size=batch_size)
    stories = dict(table(store, "SELECT input_id, story_id FROM articles"))
    assert stories["reuters-1"] == stories["afp-1"] == stories["ap-1"]
    assert stories["other-1"] != stories["reuters-1"]
    reuters_hash = wire_copies()[0].content_hash
    assert stories["reuters-1"] == reuters_hash  # a story is named after its first article
    counts = table(store, "SELECT cameo_code, mentions, sources, articles, stories "
                          "FROM event_counts WHERE source_code = 'IRNGOV' ORDER BY cameo_code")
    assert counts == [("040", 3, 3, 3, 1), ("057", 3, 3, 3, 1)]
    one = table(store, "SELECT cameo_code, mentions FROM events_one_a_day "
                       "WHERE source_code = 'IRNGOV' ORDER BY cameo_code")
    assert one == [("040", 3), ("057", 3)]
    assert store.count("events_one_a_day") == 3
    assert table(store, "SELECT count(DISTINCT story_id) FROM events") == [(2,)]


def test_copy_published_outside_the_date_window_starts_a_new_story(store):
    a, *_ = wire_copies()
    late = Article(id="late", text=a.text + " Updated.", pub_date=date(2017, 8, 10))
    store.ingest([a, late], FakeCoder())
    assert table(store, "SELECT count(DISTINCT story_id) FROM articles") == [(2,)]


def test_story_signature_similarity_separates_copies_from_other_text():
    copies = [StoryIndex.signature(a.text) for a in wire_copies()]
    assert all(StoryIndex.similarity(copies[0], s) >= StoryIndex.THRESHOLD for s in copies[:3])
    assert StoryIndex.similarity(copies[0], copies[3]) < 0.2
    assert StoryIndex.signature("  ... ") is None
    assert len(StoryIndex.bands(copies[0])) == StoryIndex.BANDS


# --------------------------------------------------------------------------- parquet input


def test_load_parquet_events_from_a_distributed_run(store, tmp_path):
    events = [make_event("a1"), make_event("a1", sentence_index=2, code="190"),
              make_event("a2", source="TURGOV", target="SYRGOV")]
    folder = tmp_path / "run"
    folder.mkdir()
    rows = [e.model_dump() for e in events]
    pq.write_table(pa.Table.from_pylist(rows[:2]), folder / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(rows[2:]), folder / "part-1.parquet")
    stats = store.load_parquet(folder)
    assert (stats.read, stats.coded, stats.events) == (2, 2, 3)
    again = store.load_parquet(folder)
    assert (again.coded, again.skipped_known) == (0, 2)
    stored = [Event(**{k: v for k, v in r.items() if k in Event.model_fields})
              for r in store.con.sql("SELECT * FROM events ORDER BY event_id").to_arrow_table()
              .to_pylist()]
    assert stored == sorted(events, key=lambda e: e.event_id)
    assert table(store, "SELECT count(*), sum(n_events) FROM articles") == [(2, 3)]


def test_load_parquet_without_required_columns_names_them(store, tmp_path):
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"event_id": ["x"]}), path)
    with pytest.raises(StoreError, match="article_id"):
        store.load_parquet(path)
