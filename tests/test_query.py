"""Queries over the store: filters, hostile values, series, top lists, read-only SQL, CLI."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from conftest_store import FakeResult, make_event
from eventwire.errors import QueryError, ReadOnlyError
from eventwire.model import Article
from eventwire.query import (
    EventQuery,
    check_read_only,
    counts_by_country,
    counts_by_root,
    run_query,
    run_sql,
    series,
    top_actors,
    top_dyads,
)
from eventwire.store import Store

HOSTILE_SENTENCE = "Washington sent aid'; DROP TABLE events; -- to Tehran."

TEHRAN = {"location_country": "IRN", "location_name": "Tehran", "latitude": 35.69,
          "longitude": 51.39}
BAGHDAD = {"location_country": "IRQ", "location_name": "Baghdad", "latitude": 33.31,
           "longitude": 44.36}


def _events() -> dict[str, list]:
    """Four articles, seven hand-made events (e1 and e1b share date, dyad and code)."""
    return {
        "A1": [make_event("A1", code="057", event_date=date(2017, 7, 3),
                          sentence="Iran signed a 100% deal with Iraq_officials.", **TEHRAN),
               make_event("A1", sentence_index=1, code="190", source="IRNMIL", target="IRQ",
                          event_date=date(2017, 7, 5), **BAGHDAD)],
        "A2": [make_event("A2", code="112", source="TURGOV", target="SYRREB",
                          event_date=date(2017, 7, 12), location_country="TUR",
                          latitude=39.93, longitude=32.86),
               make_event("A2", sentence_index=1, code="0331", source="USAGOV", target="IRNGOV",
                          event_date=date(2017, 7, 13), sentence=HOSTILE_SENTENCE)],
        "A3": [make_event("A3", code="057", source="IRQGOV", target="IRNGOV",
                          event_date=date(2017, 8, 1)),
               make_event("A3", sentence_index=1, code="040", source=None, target="IRN",
                          event_date=None)],
        "A4": [make_event("A4", code="057", event_date=date(2017, 7, 3),
                          sentence="Iran signed the pact with Iraq.", **TEHRAN)],
    }


NAMES = {"A1": ("e1", "e2"), "A2": ("e3", "e4"), "A3": ("e5", "e6"), "A4": ("e1b",)}
SOURCES = {"A1": "Reuters", "A2": "AFP", "A3": "AP", "A4": "BBC"}


def build(path) -> None:
    results = []
    for aid, events in _events().items():
        art = Article(id=aid, text=f"Article {aid} text about {SOURCES[aid]} reporting.",
                      pub_date=date(2017, 7, 3), source=SOURCES[aid],
                      url=f"https://{SOURCES[aid].lower()}.example/{aid}")
        results.append(FakeResult(art, tuple(events)))
    with Store(path) as store:
        store.add_batch(results, coder_version="test-1")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """A closed store file, for `run_sql` and the CLI (which open it read-only)."""
    path = tmp_path_factory.mktemp("query") / "events.duckdb"
    build(path)
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "open.duckdb"
    build(path)
    with Store(path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    """event_id -> short name (e1..e6, e1b)."""
    return {ev.event_id: name for aid, evs in _events().items()
            for ev, name in zip(evs, NAMES[aid], strict=True)}


def names(rows, ids) -> set[str]:
    return {ids[r["event_id"]] for r in rows}


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, {"e1", "e2", "e3", "e4", "e5", "e6", "e1b"}),
    ({"actor": "IRN"}, {"e1", "e2", "e4", "e5", "e6", "e1b"}),
    ({"actor": "irngov"}, {"e1", "e4", "e5", "e1b"}),
    ({"dyad": "IRN:IRQ"}, {"e1", "e2", "e1b"}),
    ({"dyad": "IRNMIL:"}, {"e2"}),
    ({"dyad": ":IRN"}, {"e4", "e5", "e6"}),
    ({"code": "057"}, {"e1", "e5", "e1b"}),
    ({"code": "05*"}, {"e1", "e5", "e1b"}),
    ({"code": "033"}, set()),  # exact: 0331 is not 033
    ({"code": "033*"}, {"e4"}),
    ({"root": "19"}, {"e2"}),
    ({"root": 4}, {"e6"}),
    ({"quad": 3}, {"e3"}),
    ({"since": "2017-07-10", "until": "2017-07-31"}, {"e3", "e4"}),
    ({"until": date(2017, 7, 4)}, {"e1", "e1b"}),
    ({"country": "irq"}, {"e2"}),
    ({"near": "35.7,51.4,50"}, {"e1", "e1b"}),
    ({"near": (33.0, 44.0, 100)}, {"e2"}),
    ({"text": "100%"}, {"e1"}),
    ({"text": "%"}, {"e1"}),  # % and _ are literal characters, not wildcards
    ({"text": "_"}, {"e1"}),
    ({"text": "IRAQ_off"}, {"e1"}),
    ({"text": "signed"}, {"e1", "e1b"}),
    ({"actor": "IRN", "quad": 1, "since": "2017-07-02"}, {"e1", "e4", "e5", "e1b"}),
])
def test_query_filters_select_the_right_events(store, ids, filters, expected):
    assert names(run_query(store, EventQuery(**filters)), ids) == expected


def test_query_dedup_one_a_day_attaches_mention_counts(store, ids):
    rows = run_query(store, EventQuery(dedup="one-a-day", order="-mentions"))
    assert len(rows) == 6
    top = rows[0]
    assert names([top], ids) <= {"e1", "e1b"}
    assert (top["mentions"], top["sources"], top["articles"], top["stories"]) == (2, 2, 2, 2)
    assert all(r["mentions"] == 1 for r in rows[1:])
    only = run_query(store, EventQuery(dedup="one-a-day", text="pact"))
    assert names(only, ids) == {"e1b"} and only[0]["mentions"] == 2


def test_query_order_limit_offset(store, ids):
    rows = run_query(store, EventQuery(order="-goldstein", limit=2))
    assert [r["goldstein"] for r in rows] == [8.0, 8.0]
    page = run_query(store, EventQuery(order="event_date", limit=2, offset=2))
    assert names(page, ids) == {"e2", "e3"}
    last = run_query(store, EventQuery(order="event_date"))[-1]
    assert last["event_date"] is None  # undated events sort last


HOSTILE = ["'; DROP TABLE events; --", "' OR '1'='1", '"; DELETE FROM articles; --',
           "IRN' OR 1=1 --", "Robert'); DROP TABLE articles;--", "SELECT * FROM events",
           "NULL", "\\", "%%", "_%_", "?", "$1", "\x00"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_country_values_are_refused_before_any_sql(store, value):
    with pytest.raises(QueryError, match="country"):
        EventQuery.build(country=value)
    assert store.count("events") == 7


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", ["actor", "dyad", "text"])
def test_hostile_filter_values_are_data(store, field, value):
    if field == "dyad":
        value = f"{value}:IRQ".replace(":", "", value.count(":"))
    rows = run_query(store, EventQuery(**{field: value}))
    literal = [e for evs in _events().values() for e in evs
               if field == "text" and value.lower() in e.sentence.lower()]
    assert [r["event_id"] for r in rows] == [e.event_id for e in literal]
    assert store.count("events") == 7
    assert store.count("articles") == 4


def test_hostile_text_is_found_as_literal_text(store, ids):
    rows = run_query(store, EventQuery(text="'; DROP TABLE events; --"))
    assert names(rows, ids) == {"e4"}
    assert store.count("events") == 7


@pytest.mark.parametrize(("values", "message"), [
    ({"code": "5'; DROP"}, "CAMEO code"),
    ({"root": "x"}, "root"),
    ({"quad": 5}, "quad"),
    ({"near": "1,2"}, "LAT,LON,KM"),
    ({"near": "95,0,10"}, "LAT"),
    ({"dyad": "IRN"}, "SRC:TGT"),
    ({"since": "2017-08-01", "until": "2017-07-01"}, "after"),
    ({"order": "sentence; DROP TABLE events"}, "order"),
    ({"order": "-mentions"}, "dedup"),
    ({"colour": "red"}, "colour"),
])
def test_bad_filter_values_raise_query_error(values, message):
    with pytest.raises(QueryError, match=message):
        EventQuery.build(**values)


def test_series_by_week_counts_quad_classes(store):
    rows = series(store, by="week")
    assert [(r["period"], r["n"], r["quad1"], r["quad3"], r["quad4"]) for r in rows] == [
        (date(2017, 7, 3), 3, 2, 0, 1),   # e1, e1b, e2 (Monday-based weeks)
        (date(2017, 7, 10), 2, 1, 1, 0),  # e3, e4
        (date(2017, 7, 31), 1, 1, 0, 0),  # e5; e6 has no date
    ]
    assert rows[0]["goldstein_sum"] == pytest.approx(6.0)
    assert rows[0]["goldstein_mean"] == pytest.approx(2.0)
    filled = series(store, by="week", fill=True)
    assert [r["period"].isoformat() for r in filled] == [
        "2017-07-03", "2017-07-10", "2017-07-17", "2017-07-24", "2017-07-31"]
    assert filled[2]["n"] == 0 and filled[2]["goldstein_mean"] is None


def test_series_by_month_with_a_dyad_filter(store):
    rows = series(store, EventQuery(dyad="IRN:IRQ"), by="month")
    assert [(r["period"], r["n"]) for r in rows] == [(date(2017, 7, 1), 3)]


def test_top_actors_and_dyads(store):
    actors = top_actors(store, n=3)
    assert actors[0] == {"actor": "IRNGOV", "n": 4, "as_source": 2, "as_target": 2}
    dyads = top_dyads(store, n=2)
    assert dyads[0]["dyad"] == "IRNGOV:IRQGOV" and dyads[0]["n"] == 2
    assert len(dyads) == 2


def test_counts_by_root_and_country(store):
    roots = {r["cameo_root"]: (r["n"], r["label"]) for r in counts_by_root(store)}
    assert roots["05"][0] == 3 and roots["05"][1]
    every = {r["country"]: r["n"] for r in counts_by_country(store, EventQuery(all_dyads=True))}
    assert every == {"IRN": 2, "IRQ": 1, "TUR": 1, None: 3}
    # by default without e6, whose source is unknown (an incomplete dyad)
    countries = {r["country"]: r["n"] for r in counts_by_country(store)}
    assert countries == {**every, None: 2}


# --------------------------------------------------------------------------- read-only SQL


@pytest.mark.parametrize("sql", [
    "INSERT INTO events SELECT * FROM events",
    "UPDATE events SET goldstein = 0",
    "DELETE FROM events",
    "DROP TABLE events",
    "CREATE TABLE x AS SELECT 1",
    "ALTER TABLE events ADD COLUMN x INT",
    "ATTACH 'other.duckdb' AS other",
    "COPY events TO 'stolen.csv'",
    "COPY (SELECT * FROM events) TO 'stolen.parquet' (FORMAT PARQUET)",
    "EXPORT DATABASE 'dump'",
    "SELECT 1; DROP TABLE events",
    "SELECT 1; SELECT 2",
    "PRAGMA enable_profiling",
    "SET threads = 1",
    "CALL pragma_version()",
    "INSTALL httpfs",
    "EXPLAIN ANALYZE DELETE FROM events",
    "CHECKPOINT",
])
def test_sql_refuses_statements_that_write(db_path, sql):
    with pytest.raises(ReadOnlyError, match="eventwire sql is read-only"):
        run_sql(db_path, sql)
    assert run_sql(db_path, "SELECT count(*) FROM events").rows == [(7,)]


@pytest.mark.parametrize("sql", [
    "SELECT count(*) AS n FROM events",
    "WITH x AS (SELECT * FROM events) SELECT count(*) AS n FROM x",
    "FROM events SELECT count(*) AS n",
])
def test_sql_runs_reads(db_path, sql):
    result = run_sql(db_path, sql)
    assert result.columns == ["n"] and result.rows == [(7,)]


def test_sql_describe_show_and_views(db_path):
    assert "event_id" in {r[0] for r in run_sql(db_path, "DESCRIBE events").rows}
    assert {"articles", "events", "failures"} <= {r[0] for r in run_sql(db_path,
                                                                         "SHOW TABLES").rows}
    assert run_sql(db_path, "SELECT max(mentions) FROM event_counts").rows == [(2,)]
    assert run_sql(db_path, "EXPLAIN SELECT * FROM events").rows


def test_sql_cannot_read_files_outside_the_store(db_path, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with pytest.raises(ReadOnlyError):
        run_sql(db_path, f"SELECT * FROM read_csv('{secret}')")


def test_sql_syntax_error_is_a_query_error(db_path):
    with pytest.raises(QueryError, match="SQL error"):
        check_read_only("SELEC 1")
    with pytest.raises(QueryError, match="no SQL"):
        run_sql(db_path, "  ")


# --------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def cli():
    import click

    from eventwire.cli_store import register

    @click.group()
    def group() -> None:
        pass

    register(group)
    return group


def test_cli_query_table_and_jsonl(cli, db_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["query", "--db", str(db_path), "--dyad", "IRN:IRQ"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split()[:4] == ["event_date", "source_code", "cameo_code", "target_code"]
    assert len(lines) == 2 + 3
    out = runner.invoke(cli, ["query", "--db", str(db_path), "--code", "057", "--format", "jsonl",
                              "--dedup", "one-a-day"])
    assert out.exit_code == 0 and len(out.output.splitlines()) == 2


def test_cli_sql_refusal_is_one_line(cli, db_path):
    out = CliRunner().invoke(cli, ["sql", "--db", str(db_path), "DELETE FROM events"])
    assert out.exit_code == 2
    assert out.output.strip().splitlines() == [
        "Error: eventwire sql is read-only: DELETE statements are refused; use SELECT, WITH, "
        "DESCRIBE, SHOW, SUMMARIZE or EXPLAIN"]


def test_cli_errors_are_one_line_messages(cli, db_path, tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert out.exit_code == 2 and "no event store" in out.output
    assert len(out.output.strip().splitlines()) == 1
    out = runner.invoke(cli, ["query", "--db", str(db_path), "--near", "north"])
    assert out.exit_code == 2 and "LAT,LON,KM" in out.output


@pytest.mark.parametrize("args", [
    ["series", "--by", "week", "--format", "csv"],
    ["top", "actors", "-n", "2"],
    ["top", "dyads", "--format", "jsonl"],
    ["top", "roots"],
    ["top", "countries"],
    ["sql", "SELECT count(*) AS n FROM events_one_a_day"],
])
def test_cli_read_commands_run(cli, db_path, args):
    out = CliRunner().invoke(cli, [*args, "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    assert out.output.strip()
