"""One progress bar (rich) for `code` and `ingest`: rate and ETA, silent off a terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest_store import FakeCoder
from eventwire.cli import cli
from eventwire.progress import ProgressBar

RECORDS = [
    {"id": f"a{i}", "text": f"Iran met Iraq officials on day {i}.", "date": "2020-01-02"}
    for i in range(25)
]


@pytest.fixture(autouse=True)
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.cli_store._make_coder", lambda *a, **k: FakeCoder())
    monkeypatch.setattr("eventwire.cli.make_coder", lambda cfg: FakeCoder())


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_no_bar_when_stderr_is_not_a_terminal(command: str, jsonl: Path, tmp_path: Path) -> None:
    extra = (
        ["--db", str(tmp_path / "e.duckdb")]
        if command == "ingest"
        else ["-o", str(tmp_path / "out.jsonl")]
    )
    result = run(command, str(jsonl), *extra)
    assert result.exit_code == 0, result.output
    assert "ETA" not in result.stderr and "art/s" not in result.stderr
    assert "\x1b[" not in result.stderr  # no terminal control codes in a log
    assert result.stderr.strip().splitlines()[-1].startswith("coded 25 articles")


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_a_terminal_gets_one_bar_with_rate_and_eta(
    command: str, jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("eventwire.progress.is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")  # a terminal wide enough for the whole bar
    extra = (
        ["--db", str(tmp_path / "e.duckdb")]
        if command == "ingest"
        else ["-o", str(tmp_path / "out.jsonl")]
    )
    result = run(command, str(jsonl), *extra, "--batch-size", "10")
    assert result.exit_code == 0, result.output
    assert "\x1b[" in result.stderr  # drawn in place, not a line per batch
    err = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", result.stderr)
    assert "ETA" in err and "art/s" in err
    assert "25/25" in err  # the total was counted from the file
    assert not any(ln.startswith("batch") for ln in err.split("\n"))  # no line per batch


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_progress_asked_for_on_a_pipe_writes_plain_lines(
    command: str, jsonl: Path, tmp_path: Path
) -> None:
    extra = (
        ["--db", str(tmp_path / "e.duckdb")]
        if command == "ingest"
        else ["-o", str(tmp_path / "out.jsonl")]
    )
    result = run(command, str(jsonl), *extra, "--progress", "--batch-size", "10")
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "\x1b[" not in err
    assert "25/25 articles" in err and "art/s" in err
    if command == "ingest":  # one line per committed batch
        assert [ln.split(":")[0] for ln in err.splitlines() if ln.startswith("batch ")] == [
            "batch 1",
            "batch 2",
            "batch 3",
        ]


def test_code_events_on_stdout_are_not_mixed_with_the_bar(jsonl: Path) -> None:
    result = run("code", str(jsonl), "--progress")
    assert result.exit_code == 0, result.output
    rows = [json.loads(ln) for ln in result.stdout.splitlines() if ln.strip()]
    assert len(rows) == 25 and all(r["cameo_code"] == "040" for r in rows)


def test_a_disabled_bar_counts_silently(capsys: pytest.CaptureFixture[str]) -> None:
    with ProgressBar(10, enabled=False) as bar:
        for _ in range(10):
            bar.advance(sentences=2)
    assert (bar.done, bar.sentences) == (10, 20)
    assert capsys.readouterr().err == ""
