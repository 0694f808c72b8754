"""What the store commands print: tables that fit the terminal, `-n` everywhere, labels."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest_store import FakeResult, make_event
from eventwire.cli import cli
from eventwire.cli_output import format_table
from eventwire.model import Article
from eventwire.store import Store

CODES = ["010", "020", "036", "040", "057", "112", "130", "141", "173", "190"]  # ten roots
LONG = (
    "Iranian officials said on Monday that the government in Tehran had signed a "
    "wide-ranging agreement with its neighbour covering trade, energy and security, "
    "after months of talks mediated by several regional powers."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("out") / "events.duckdb"
    events = tuple(
        make_event(
            "A1",
            sentence_index=i,
            code=code,
            sentence=f"{LONG} ({i})",
            source="IRNGOV",
            target="IGOUNO" if i % 2 else "USAMIL",
            event_date=date(2020, 1, 1 + i),
            plover_type="AGREE" if i == 4 else None,
        )
        for i, code in enumerate(CODES)
    )
    art = Article(id="A1", text=LONG, pub_date=date(2020, 1, 10))
    with Store(path) as store:
        store.add_batch([FakeResult(art, events)], coder_version="test-1")
    return path


def run(db: Path, *args: str, columns: int | None = None) -> str:
    env = {"COLUMNS": str(columns)} if columns else {}
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], env=env)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("columns", [40, 60, 80, 120, 200])
@pytest.mark.parametrize(
    "args",
    [["query"], ["top", "dyads"], ["top", "actors"], ["top", "roots"], ["series", "--by", "day"]],
)
def test_tables_fit_the_terminal_width(db: Path, args: list[str], columns: int) -> None:
    lines = run(db, *args, columns=columns).splitlines()
    assert len(lines) >= 3
    assert max(len(ln) for ln in lines) <= columns


def test_a_wide_terminal_shows_labels_beside_codes_and_cuts_the_sentence(db: Path) -> None:
    out = run(db, "query", columns=160)
    assert "IRNGOV Iran (government)" in out
    assert "IGOUNO United Nations" in out
    assert "190 Use conventional military force" in out
    assert LONG not in out and "…" in out  # the sentence is cut, one line per row
    assert len(out.splitlines()) == 2 + len(CODES)


@pytest.mark.parametrize("kind", ["roots", "actors", "dyads", "countries"])
def test_top_honours_n(db: Path, kind: str) -> None:
    rows = [
        json.loads(ln) for ln in run(db, "top", kind, "-n", "2", "--format", "jsonl").splitlines()
    ]
    assert 1 <= len(rows) <= 2
    if kind == "roots":
        table = run(db, "top", "roots", "-n", "6").splitlines()
        assert len(table) == 2 + 6


def test_query_jsonl_and_csv_carry_labels(db: Path) -> None:
    rows = [json.loads(ln) for ln in run(db, "query", "--format", "jsonl").splitlines()]
    by_code = {r["cameo_code"]: r for r in rows}
    assert by_code["190"]["root_label"] == "Fight"
    assert by_code["190"]["source_label"] == "Iran (government)"
    assert by_code["057"]["plover_label"] == "Agree"
    assert by_code["057"]["target_label"] == "United States (military)"
    assert by_code["040"]["target_label"] == "United Nations"
    table = list(csv.DictReader(io.StringIO(run(db, "query", "--format", "csv"))))
    assert {r["target_label"] for r in table} == {"United Nations", "United States (military)"}


def test_export_csv_and_jsonl_carry_labels(db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"e.{fmt}"
        CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(out), "--format", fmt])
        text = out.read_text(encoding="utf-8")
        assert "Iran (government)" in text and "Fight" in text, fmt


def test_format_table_counts_wide_characters_as_two_cells() -> None:
    text = format_table(["name", "n"], [["伊朗政府" * 10, 1]], width=30)
    from rich.cells import cell_len

    assert max(cell_len(ln) for ln in text.splitlines()) <= 30


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<svg"), (".pdf", b"%PDF")]
)
@pytest.mark.parametrize("chart", ["series", "dyads"])
def test_plot_writes_the_format_of_the_extension(
    db: Path, tmp_path: Path, suffix: str, magic: bytes, chart: str
) -> None:
    out = tmp_path / f"chart{suffix}"
    run(db, "plot", chart, "-o", str(out))
    data = out.read_bytes()
    assert (magic in data[:400]) if suffix == ".svg" else data.startswith(magic)
    if suffix == ".svg":  # title, axis labels and actor labels are text in the SVG
        text = data.decode("utf-8")
        assert "<svg" in text
        from xml.etree import ElementTree

        ElementTree.fromstring(data)  # well-formed


def test_plot_svg_has_title_and_axis_labels(db: Path, tmp_path: Path) -> None:
    import matplotlib

    out = tmp_path / "d.svg"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text as text, to read it back
    try:
        run(db, "plot", "dyads", "-o", str(out), "--title", "Who with whom")
    finally:
        matplotlib.rcParams["svg.fonttype"] = "path"
    text = out.read_text(encoding="utf-8")
    for words in ("Who with whom", "events", "source → target", "Iran (government) (IRNGOV)"):
        assert words in text, words


def test_plot_refuses_an_unknown_extension_before_reading_the_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["plot", "series", "-o", str(tmp_path / "x.gif"), "--db", str(tmp_path / "none.duckdb")],
    )
    assert result.exit_code == 2
    assert ".png, .svg or .pdf" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.gif").exists()
