"""Bad input through `eventwire code`, `eventwire ingest` and POST /api/code: a located
error (file, line or record id, and the reason), the good records around it coded and
stored, nothing half-written, no traceback. docs/bad_input.md lists the messages."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from conftest_store import FakeCoder, FakeResult, numbered_articles
from eventwire import dates
from eventwire.cli import UsageFailure, cli, make_config
from eventwire.errors import NotAStoreError
from eventwire.io import readers
from eventwire.io.readers import read_articles
from eventwire.model import Article
from eventwire.store import Store, check_store_file
from eventwire.web import create_app

GOOD = ("Iran signed a deal with Iraq.", "Turkey accused Syria of shelling.",
        "Russia met Iran in Moscow.")


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    """`code` and `ingest` build a FakeCoder instead of loading the pipeline (the user
    dictionaries are loaded as the real `Coder` loads them)."""
    import eventwire.coder
    from eventwire.actors.dictionary import build

    def coder(cfg: Any = None) -> FakeCoder:
        if cfg is not None:
            build(tuple(cfg.actor_dictionaries))
        return FakeCoder()

    monkeypatch.setattr(eventwire.coder, "Coder", coder)


def run(args: list[str], **kw: Any) -> Result:
    return CliRunner().invoke(cli, args, **kw)


def assert_one_line_error(res: Result, status: int, *needles: str) -> str:
    assert res.exit_code == status, (res.exit_code, res.output, res.exception)
    assert "Traceback" not in res.output and "Input should" not in res.output
    assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit)
    for needle in needles:
        assert needle in res.stderr, (needle, res.stderr)
    return res.stderr


def jsonl(path: Path, records: list[dict[str, Any] | bytes]) -> Path:
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def good(i: int) -> dict[str, Any]:
    return {"id": f"g{i}", "text": GOOD[i % len(GOOD)], "date": "2017-07-23"}


# --------------------------------------------------------------------------- record classes
# Each case writes an input with good records around one bad one; the bad one is rejected
# with its file, line (or record id) and reason, and the good ones are coded and stored.


def _surrogate(tmp: Path) -> Path:
    bad = b'{"id": "s1", "text": "Iran \\ud800 met Iraq.", "date": "2017-07-23"}'
    return jsonl(tmp / "in.jsonl", [good(0), bad, good(1)])


def _surrogate_in_title(tmp: Path) -> Path:
    bad = b'{"id": "s1", "text": "Iran met Iraq.", "title": "\\udfff", "date": "2017-07-23"}'
    return jsonl(tmp / "in.jsonl", [good(0), bad, good(1)])


def _csv_unclosed_quote(tmp: Path) -> Path:
    p = tmp / "in.csv"
    p.write_text('id,text,date\ng0,Iran signed a deal with Iraq.,2017-07-23\n'
                 'q1,"Turkey met Syria.,2017-07-23\n'
                 'g1,Turkey accused Syria of shelling.,2017-07-23\n'
                 'g2,"Russia met Iran, in Moscow.",2017-07-23\n')
    return p


def _csv_quote_runs_on(tmp: Path) -> Path:
    p = tmp / "in.csv"
    p.write_text('id,text,date\ng0,Iran signed a deal with Iraq.,2017-07-23\n'
                 'q1,"Turkey met Syria.,2017-07-23\n'
                 'g1,"Turkey accused Syria of shelling.",2017-07-23\n'
                 'g2,"Russia met Iran, and ""said"" so",2017-07-23\n')
    return p


def _csv_non_utf8(tmp: Path) -> Path:
    p = tmp / "in.csv"
    p.write_bytes(b"id,text,date\ng0,Iran signed a deal with Iraq.,2017-07-23\n"
                  b"b1,Turkey met Syria in Ankara caf\xe9.,2017-07-23\n"
                  b"g1,Turkey accused Syria of shelling.,2017-07-23\n")
    return p


def _csv_too_long(tmp: Path) -> Path:
    p = tmp / "in.csv"
    p.write_text('id,text,date\ng0,Iran signed a deal with Iraq.,2017-07-23\n'
                 f'big,"Iran met Iraq. {"x" * 5000}\n{"y" * 5000}",2017-07-23\n'
                 'g1,Turkey accused Syria of shelling.,2017-07-23\n')
    return p


def _jsonl_too_long(tmp: Path) -> Path:
    return jsonl(tmp / "in.jsonl", [good(0), {"id": "big", "text": "Iran met Iraq. " * 800},
                                    good(1)])


def _folder(tmp: Path, bad: Callable[[Path], None]) -> Path:
    folder = tmp / "txt"
    folder.mkdir()
    for i, text in enumerate(GOOD[:2]):
        (folder / f"g{i}.txt").write_text(text)
    bad(folder)
    return folder


def _dangling(folder: Path) -> None:
    (folder / "b.txt").symlink_to(folder / "gone")


def _dir_named_txt(folder: Path) -> None:
    (folder / "b.txt").mkdir()


def _binary(folder: Path) -> None:
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def _latin1(folder: Path) -> None:
    (folder / "b.txt").write_bytes("Iran met Iraq at the café.".encode("latin-1"))


CASES: dict[str, tuple[Callable[[Path], Path], int | None, str, list[str]]] = {
    # name: (make input, bad line (None: a file), reason words, good ids)
    "jsonl lone surrogate": (_surrogate, 2, "lone surrogate U+D800", ["g0", "g1"]),
    "jsonl lone surrogate in title": (_surrogate_in_title, 2, "title: lone surrogate U+DFFF",
                                      ["g0", "g1"]),
    "jsonl line over the limit": (_jsonl_too_long, 2, "over the 10,000-byte limit",
                                  ["g0", "g1"]),
    "csv unclosed quote to the end": (_csv_unclosed_quote, 3, "unclosed quote",
                                      ["g0", "g1", "g2"]),
    "csv unclosed quote closed later": (_csv_quote_runs_on, 3, "unclosed quote",
                                        ["g0", "g1", "g2"]),
    "csv non-UTF-8 byte": (_csv_non_utf8, 3, "not UTF-8", ["g0", "g1"]),
    "csv record over the limit": (_csv_too_long, 3, "over the 10,000-byte limit",
                                  ["g0", "g1"]),
    "txt dangling symlink": (lambda t: _folder(t, _dangling), None, "dangling symbolic link",
                             ["g0", "g1"]),
    "txt folder named .txt": (lambda t: _folder(t, _dir_named_txt), None,
                              "not a regular file", ["g0", "g1"]),
    "txt binary": (lambda t: _folder(t, _binary), None, "binary data", ["g0", "g1"]),
    "txt latin-1": (lambda t: _folder(t, _latin1), None, "not UTF-8", ["g0", "g1"]),
}


def _where(path: Path, line: int | None) -> str:
    if line is None:
        return f"rejected: {path / 'b.txt'}: "
    return f"rejected: {path}, line {line}"


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 10_000)


@pytest.mark.parametrize("case", list(CASES))
def test_bad_record_is_located_and_the_rest_is_coded(case: str, tmp_path: Path,
                                                     fake_coder: None, small_limit: None
                                                     ) -> None:
    make, line, reason, good_ids = CASES[case]
    path = make(tmp_path)
    out = tmp_path / "out.jsonl"
    res = run(["code", str(path), "-o", str(out)])
    err = assert_one_line_error(res, 1, _where(path, line), reason)
    assert f"coded {len(good_ids)} articles" in err
    coded = {json.loads(x)["article_id"] for x in out.read_text().splitlines()}
    assert coded == set(good_ids)

    db = tmp_path / "events.duckdb"
    res = run(["ingest", str(path), "--db", str(db)])
    assert_one_line_error(res, 1, _where(path, line), reason)
    with Store(db, read_only=True) as store:
        ids = {r[0] for r in store.con.execute("SELECT input_id FROM articles").fetchall()}
        failures = store.con.execute("SELECT line, reason FROM failures").fetchall()
    assert ids == set(good_ids)
    assert [(ln, reason in why) for ln, why in failures] == [(line, True)]


def test_csv_quotes_read_as_the_csv_module_reads_them(tmp_path: Path) -> None:
    p = tmp_path / "in.csv"
    p.write_text('id,text,date\n1,He said "no and left,2017-07-23\n'
                 '2,"two\nparagraphs, one field",2017-07-23\n3,"a ""quoted"" word",\n')
    items = list(read_articles(p))
    assert [type(i) for i in items] == [Article] * 3
    assert [i.text for i in items if isinstance(i, Article)] == [
        'He said "no and left', "two\nparagraphs, one field", 'a "quoted" word']


def test_csv_more_fields_than_the_header_is_rejected_by_line(tmp_path: Path) -> None:
    p = tmp_path / "in.csv"
    p.write_text("id,text\n1,Iran, Iraq met.\n2,Turkey met Syria.\n")
    err, art = list(read_articles(p))
    assert "line 2" in str(err) and "3 fields, the header has 2" in str(err)
    assert isinstance(art, Article) and art.id == "2"


def test_utf16_text_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Iran met Iraq.".encode("utf-16"))
    (art,) = list(read_articles(tmp_path))
    assert isinstance(art, Article) and art.text == "Iran met Iraq."


def test_web_api_rejects_a_lone_surrogate_by_field_and_codes_the_next(
        tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    with TestClient(create_app(db, coder_factory=FakeCoder)) as client:
        r = client.post("/api/code", content=b'{"text": "Iran \\ud800 met Iraq."}',
                        headers={"content-type": "application/json"})
        assert r.status_code == 422
        msg = r.json()["error"]
        assert "text" in msg and "lone surrogate U+D800 at character 5" in msg
        assert "Input should" not in msg
        r = client.post("/api/code", json={"text": "Iran signed a deal with Iraq."})
        assert r.status_code == 200 and r.json()["count"] == 1


def test_web_api_validation_errors_are_plain_sentences(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    Store(db).close()
    with TestClient(create_app(db, coder_factory=FakeCoder)) as client:
        r = client.post("/api/code", json={"text": "Iran met Iraq.", "pub_date": "2017-02-30"})
        assert r.json()["error"] == "bad pub_date '2017-02-30' is not a date (want YYYY-MM-DD)"
        r = client.post("/api/code", json={"text": 5})
        assert r.json()["error"] == "bad text 5 must be a string"


# --------------------------------------------------------------------------- --db files


def _sqlite(path: Path) -> str:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    return "is not a DuckDB database (it starts with 'SQLite format 3')"


def _text(path: Path) -> str:
    path.write_text("id,text\n1,hello\n")
    return "is not a DuckDB database (it starts with 'id,text.1,hello')"


def _empty(path: Path) -> str:
    path.write_bytes(b"")
    return "is an empty file, not a DuckDB database"


def _truncated(path: Path) -> str:
    with Store(path) as store:
        store.add_batch([FakeResult(a, ()) for a in numbered_articles(50)])
    data = path.read_bytes()
    path.write_bytes(data[:8000])  # cut inside its headers
    return "is a damaged DuckDB database"


def _folder_db(path: Path) -> str:
    path.mkdir()
    return "is a folder, not a DuckDB database file"


NOT_STORES = {"sqlite": _sqlite, "text": _text, "empty": _empty, "truncated": _truncated,
              "folder": _folder_db}
DB_COMMANDS = {
    "ingest": ["ingest", "{input}"],
    "query": ["query"], "sql": ["sql", "SELECT 1"], "series": ["series"],
    "top": ["top", "actors"], "export": ["export", "-o", "{out}"], "summary": ["summary"],
    "plot": ["plot", "dyads", "-o", "{out}.png"], "serve": ["serve"],
    "serve --write": ["serve", "--write", "--token", "a-long-token"],
}


def _digest(path: Path) -> str:
    if path.is_dir():
        return "dir"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", list(NOT_STORES))
@pytest.mark.parametrize("command", list(DB_COMMANDS))
def test_a_db_that_is_not_a_store_is_refused_untouched(kind: str, command: str, tmp_path: Path,
                                                       fake_coder: None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    def serve(*_a: Any, **_k: Any) -> None:
        pytest.fail("serve started on a file that is not a store")

    monkeypatch.setattr(uvicorn, "run", serve)
    db = tmp_path / "x.db"
    said = NOT_STORES[kind](db)
    before = _digest(db)
    inp = jsonl(tmp_path / "in.jsonl", [good(0)])
    args = [a.format(input=inp, out=tmp_path / "out") for a in DB_COMMANDS[command]]
    res = run([*args, "--db", str(db)])
    assert_one_line_error(res, 2, f"{db} {said}")
    assert _digest(db) == before
    assert not Path(f"{db}.wal").exists()


def test_check_store_file_accepts_a_missing_path_and_a_real_store(tmp_path: Path) -> None:
    check_store_file(tmp_path / "new.duckdb")
    Store(tmp_path / "s.duckdb").close()
    check_store_file(tmp_path / "s.duckdb")
    duckdb.connect(str(tmp_path / "plain.duckdb")).close()
    check_store_file(tmp_path / "plain.duckdb")
    _sqlite(tmp_path / "x.db")
    with pytest.raises(NotAStoreError, match="SQLite format 3"):
        Store(tmp_path / "x.db", read_only=True)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize("pub", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("words", ["last week", "next year", "on Monday", "a year ago",
                                   "next month", "in March", "yesterday", "tomorrow"])
def test_relative_dates_at_the_ends_of_the_calendar_keep_the_pub_date(pub: date,
                                                                      words: str) -> None:
    res = dates.resolve_event_date([f"Iran met Iraq {words}."], pub)
    assert res.event_date is not None


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_calendar_end_publication_dates_are_read(value: str) -> None:
    assert readers.parse_date(value) == date.fromisoformat(value)


@pytest.mark.model
def test_calendar_end_dates_code_on_the_cli_and_the_web(coder: Any, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    import eventwire.coder

    monkeypatch.setattr(eventwire.coder, "Coder", lambda cfg=None: coder)
    texts = ["Iran signed a deal with Iraq last week.", "Turkey will meet Syria next year.",
             "Russia met Iran on Monday.", "Iran \ud800 met Iraq."]
    recs = [{"id": f"d{i}", "text": t, "date": d} for i, (t, d) in
            enumerate(zip(texts, ["0001-01-01", "9999-12-31", "2017-07-23", "2017-07-23"],
                          strict=True))]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    out = tmp_path / "out.jsonl"
    res = run(["code", str(path), "-o", str(out)])
    assert_one_line_error(res, 1, f"{path}, line 4, id 'd3': text: lone surrogate U+D800",
                          "coded 3 articles")
    assert {json.loads(x)["article_id"] for x in out.read_text().splitlines()} == {
        "d0", "d1", "d2"}
    db = tmp_path / "events.duckdb"
    res = run(["ingest", str(path), "--db", str(db)])
    assert_one_line_error(res, 1, "line 4, id 'd3'", "coded 3 articles")
    with TestClient(create_app(db, coder_factory=lambda: coder)) as client:
        for pub in ("0001-01-01", "9999-12-31"):
            r = client.post("/api/code", json={"text": texts[1], "pub_date": pub})
            assert r.status_code == 200, r.text
            assert r.json()["count"] >= 1


# --------------------------------------------------------------------------- dictionaries

DICTIONARIES = {
    "yaml impossible date": ("a.yaml", "- name: Foo Party\n  code: USAPTY\n"
                             "- name: Bar Party\n  code: USAPTY\n  start: 2017-02-30\n",
                             3, "bad date '2017-02-30'"),
    "tsv impossible date": ("a.tsv", "name\tcode\tstart\nFoo\tUSAPTY\t2017-13-01\n",
                            2, "bad date '2017-13-01'"),
    "tsv start after end": ("a.tsv", "name\tcode\taliases\tstart\tend\n"
                            "Ann Smith\tUSAGOV\t\t2018-01-01\t2017-01-01\n",
                            2, "end 2017-01-01 is before start 2018-01-01"),
    "yaml start after end": ("a.yaml", "- name: Ann Smith\n  code: USAGOV\n"
                             "  start: 2019-05-01\n  end: 2019-04-30\n",
                             1, "end 2019-04-30 is before start 2019-05-01"),
    "tsv same name, two codes": ("a.tsv", "name\tcode\nAcme\tUSABUS\nOther\tUSABUS\n"
                                 "acme\tRUSBUS\n", 4, "'acme' is RUSBUS here but USABUS at line 2"),
    "yaml alias clashes with a name": ("a.yaml", "- name: Foo Party\n  code: USAPTY\n"
                                       "  aliases: [Foo]\n- name: Foo\n  code: RUSPTY\n",
                                       4, "'Foo' is RUSPTY here but USAPTY at line 1"),
}


@pytest.mark.parametrize("case", list(DICTIONARIES))
def test_dictionary_check_rejects_by_line(case: str, tmp_path: Path, fake_coder: None
                                          ) -> None:
    name, text, line, reason = DICTIONARIES[case]
    path = tmp_path / name
    path.write_text(text)
    res = run(["dictionary", "check", str(path)])
    assert res.exit_code == 1 and f"{path}:{line}: {reason}" in res.output, res.output
    assert "Traceback" not in res.output
    inp = jsonl(tmp_path / "in.jsonl", [good(0)])
    for command in (["code", str(inp)], ["ingest", str(inp), "--db", str(tmp_path / "e.db")]):
        res = run([*command, "--actors", str(path)])  # a configuration error: exit 2
        assert res.exit_code == 2 and f"line {line}: {reason}" in res.stderr
        assert res.exception is None or isinstance(res.exception, SystemExit)


def test_a_name_whose_code_changed_over_time_passes_the_check(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("name\tcode\tstart\tend\nAnn Smith\tUSAGOV\t2017-01-01\t2018-12-31\n"
                    "Ann Smith\tUSALEG\t2019-01-01\t\nAnn Smith\tUSALEG\t2019-01-01\t\n")
    res = run(["dictionary", "check", str(path)])
    assert res.exit_code == 0, res.output


# --------------------------------------------------------------------------- disk full


def test_disk_full_in_ingest_says_so_and_keeps_earlier_batches(
        tmp_path: Path, fake_coder: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = jsonl(tmp_path / "in.jsonl", [good(i) | {"text": f"{GOOD[i % 3]} Report {i}."}
                                         for i in range(5)])
    db = tmp_path / "events.duckdb"
    calls = {"n": 0}
    real = Store.add_batch

    def add_batch(self: Store, *args: Any, **kw: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            def full(*_a: Any, **_k: Any) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(self, "_insert", full)
        return real(self, *args, **kw)

    monkeypatch.setattr(Store, "add_batch", add_batch)
    res = run(["ingest", str(path), "--db", str(db), "--batch-size", "2"])
    assert_one_line_error(res, 2, "the disk is full", str(db), "No space left on device",
                          "the store is as it was before this batch",
                          "2 articles of 1 earlier batches are stored")
    monkeypatch.setattr(Store, "add_batch", real)
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 2 and store.count("events") == 2
    res = run(["ingest", str(path), "--db", str(db), "--batch-size", "2"])
    assert res.exit_code == 0 and "coded 3 articles" in res.stderr  # resumes


def test_disk_full_in_code_leaves_no_half_written_output(
        tmp_path: Path, fake_coder: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.io.writers import EventWriter

    path = jsonl(tmp_path / "in.jsonl", [good(i) for i in range(3)])
    out = tmp_path / "out.jsonl"
    out.write_text("the previous run\n")
    real = EventWriter.write

    def write(self: EventWriter, events: Any) -> None:
        if self.count:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, events)

    monkeypatch.setattr(EventWriter, "write", write)
    res = run(["code", str(path), "-o", str(out)])
    assert_one_line_error(res, 2, f"the disk is full: could not write to {out}",
                          "No space left on device", "no output file was left half-written")
    assert out.read_text() == "the previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize("args", [
    ["code", "{input}", "--batch-size", "0"], ["code", "{input}", "--workers", "0"],
    ["code", "{input}", "--workers", "-2"], ["ingest", "{input}", "--batch-size", "0"],
    ["actors", "{input}", "--unresolved", "--limit", "0"], ["query", "--limit", "-1"],
])
def test_out_of_range_options_are_usage_errors(args: list[str], tmp_path: Path,
                                               fake_coder: None) -> None:
    inp = jsonl(tmp_path / "in.jsonl", [good(0)])
    res = run([a.format(input=inp) for a in args])
    assert res.exit_code == 2 and "Invalid value for" in res.output, res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("command", [["code", "-"], ["ingest", "-", "--db", "{db}"]])
def test_closed_stdin_is_one_line(command: list[str], tmp_path: Path, fake_coder: None,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "sys", SimpleNamespace(stdin=None))
    res = run([a.format(db=tmp_path / "e.duckdb") for a in command])
    assert_one_line_error(res, 1, "rejected: <stdin>: stdin is closed")  # a rejected input


def test_explain_refuses_text_that_is_not_utf8() -> None:
    res = run(["explain", "Iran \udcff met Iraq"])  # how Python passes argv byte 0xFF
    assert_one_line_error(res, 2, "TEXT is not valid UTF-8 (byte 0xFF at character 5)")


def test_actors_unresolved_reports_rejected_records(tmp_path: Path, fake_coder: None) -> None:
    path = jsonl(tmp_path / "in.jsonl", [good(0), b"{broken", good(1)])
    res = run(["actors", str(path), "--unresolved"])
    assert_one_line_error(res, 1, f"rejected: {path}, line 2: malformed JSON",
                          "read 2 articles; rejected 1 records")


# --------------------------------------------------------------------------- no tracebacks


def test_settings_errors_are_plain_sentences() -> None:
    with pytest.raises(UsageFailure) as info:
        make_config(None, (), (), batch_size=0, workers=-1)
    assert info.value.message == ("--batch-size 0 must be at least 1; "
                                  "--workers -1 must be at least 1")
    assert info.value.exit_code == 2


@pytest.mark.parametrize("debug", [[], ["--debug"], "env"])
def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
        debug: list[str] | str, tmp_path: Path, fake_coder: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(_path: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(readers, "read_articles", boom)
    monkeypatch.delenv("EVENTWIRE_DEBUG", raising=False)
    if debug == "env":
        monkeypatch.setenv("EVENTWIRE_DEBUG", "1")
    flags = debug if isinstance(debug, list) else []
    res = run([*flags, "code", str(jsonl(tmp_path / "in.jsonl", [good(0)]))])
    assert res.exit_code == 2  # a fatal error that stopped the command
    assert "Error: internal error: RuntimeError: boom; please report it" in res.stderr
    assert ("Traceback" in res.stderr) == bool(debug)
    assert ("--debug" in res.stderr) == (not debug)
