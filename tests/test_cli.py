"""Exit statuses of the `eventwire` commands (README table) and their filter options.

0: done (also when every article was already stored); 1: the run finished but some records
were rejected; 2: usage or configuration error. The coder is the fake one of conftest_store,
so no spaCy model is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest_store import FakeCoder
from eventwire.cli import cli
from eventwire.cli_common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE

GOOD = [
    {"id": "a1", "text": "Iran signed a deal with Iraq.", "date": "2017-07-23"},
    {"id": "a2", "text": "Turkey accused Syria of shelling.", "date": "2020-01-31"},
    {"id": "a3", "text": "Iran met Russia officials.", "date": "2020-02-01"},
]
BAD = {"id": "b1"}  # no text


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.cli_store._make_coder", lambda *a, **k: FakeCoder())
    monkeypatch.setattr("eventwire.cli.make_coder", lambda cfg: FakeCoder())


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    result = run("ingest", str(write_jsonl(tmp_path / "good.jsonl", GOOD)), "--db", str(path))
    assert result.exit_code == EXIT_OK, result.output
    return path


# --------------------------------------------------------------------------- 0 and 1


def test_reingesting_an_already_stored_file_exits_0(db: Path, tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "good.jsonl"), "--db", str(db))
    assert result.exit_code == EXIT_OK, result.output
    assert "skipped 3 already stored" in result.output


def test_ingest_with_a_rejected_record_exits_1_and_again_on_reingest(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "mixed.jsonl", [*GOOD, BAD])
    db = str(tmp_path / "e.duckdb")
    first = run("ingest", str(src), "--db", db)
    assert first.exit_code == EXIT_REJECTED and "rejected 1 records" in first.output
    again = run("ingest", str(src), "--db", db)  # nothing new; the bad record is still bad
    assert again.exit_code == EXIT_REJECTED and "skipped 3 already stored" in again.output


def test_ingest_where_every_record_is_rejected_exits_1(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "bad.jsonl", [BAD])
    assert run("ingest", str(src), "--db", str(tmp_path / "e.duckdb")).exit_code == EXIT_REJECTED


@pytest.mark.parametrize(("records", "status"), [
    (GOOD, EXIT_OK), ([*GOOD, BAD], EXIT_REJECTED), ([BAD], EXIT_REJECTED)])
def test_code_exit_status(tmp_path: Path, records: list[dict[str, Any]], status: int) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records)
    result = run("code", str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == status, result.output


# --------------------------------------------------------------------------- 2


USAGE_ERRORS: list[tuple[list[str], str]] = [
    (["query", "--bogus"], "No such option"),
    (["query", "--quad", "9"], "--quad"),
    (["query", "--since", "2020-13"], "YYYY-MM"),
    (["query", "--until", "yesterday"], "YYYY-MM"),
    (["query", "--since", "2021", "--until", "2020"], "after"),
    (["query", "--country", "Narnia"], "unknown country"),
    (["query", "--country", "Irann"], "Iran (IRN)"),
    (["series", "--country", "Narnia"], "unknown country"),
    (["top", "countries", "--country", "Narnia"], "unknown country"),
    (["export", "-o", "-", "--country", "Narnia"], "unknown country"),
    (["plot", "series", "-o", "x.png", "--country", "Narnia"], "unknown country"),
    (["query", "--near", "north"], "LAT,LON,KM"),
    (["query", "--format", "xml"], "--format"),
    (["top", "everything"], "is not one of"),
    (["sql", "DELETE FROM events"], "read-only"),
]


@pytest.mark.parametrize(("args", "word"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_exit_2_with_a_message(db: Path, args: list[str], word: str) -> None:
    result = run(*args, "--db", str(db))
    assert result.exit_code == EXIT_USAGE, result.output
    assert word in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ["ingest", "missing.jsonl"],
    ["code", "missing.jsonl"],
    ["actors", "missing.jsonl", "--unresolved"],
    ["query"],
    ["summary"],
    ["serve"],
    ["evaluate", "missing.jsonl"],
    ["dictionary", "check", "missing.tsv"],
    ["ingest", "x.jsonl", "--actors", "missing.tsv"],
    ["code", "x.jsonl", "--batch-size", "0"],
])
def test_missing_files_stores_and_bad_settings_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    write_jsonl(tmp_path / "x.jsonl", GOOD)
    result = run(*args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "Traceback" not in result.output


def test_the_readme_has_the_exit_status_table() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for status in (EXIT_OK, EXIT_REJECTED, EXIT_USAGE):
        assert f"| {status} |" in readme


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("country", ["IRN", "IR", "Iran", "iran", "Islamic Republic of Iran"])
def test_every_form_of_a_country_selects_its_events(db: Path, country: str) -> None:
    result = run("query", "--db", str(db), "--country", country, "--format", "jsonl")
    assert result.exit_code == EXIT_OK, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["article_id"] for r in rows] == ["a1", "a3"]


def test_a_fips_code_read_as_alpha2_is_said_on_stderr(db: Path) -> None:
    result = run("query", "--db", str(db), "--country", "AU")
    assert result.exit_code == EXIT_OK
    assert "note: AU read as the ISO 3166 alpha-2 code of Australia" in result.stderr


@pytest.mark.parametrize(("since", "until", "ids"), [
    ("2020", None, ["a2", "a3"]),
    ("2020-02", None, ["a3"]),
    (None, "2020-01", ["a1", "a2"]),  # through the end of January
    (None, "2020-01-30", ["a1"]),
    ("2017-07", "2017-07", ["a1"]),
    ("2017", "2017", ["a1"]),
    ("2020-1-31", "2020-2", ["a2", "a3"]),
])
def test_since_and_until_take_years_months_and_days(db: Path, since: str | None,
                                                     until: str | None, ids: list[str]) -> None:
    args = ["query", "--db", str(db), "--format", "jsonl"]
    args += ["--since", since] if since else []
    args += ["--until", until] if until else []
    result = run(*args)
    assert result.exit_code == EXIT_OK, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["article_id"] for r in rows] == ids


def test_a_reader_that_leaves_the_pipe_stops_the_command_quietly(tmp_path, monkeypatch,
                                                                 capfd) -> None:
    """`eventwire summary | head -1`: the reader closes the pipe; no 'internal error'."""
    import click as click_mod

    from eventwire import cli as cli_mod
    from eventwire.store import Store

    db = tmp_path / "s.duckdb"
    Store(db).close()

    def gone(*_a: object, **_k: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(click_mod, "echo", gone)
    monkeypatch.setattr(cli_mod.click, "echo", gone)
    with pytest.raises(SystemExit) as stop:
        cli_mod.cli.main(["summary", "--db", str(db)], standalone_mode=False)
    assert stop.value.code == cli_mod.EXIT_PIPE
    assert "internal error" not in capfd.readouterr().err
