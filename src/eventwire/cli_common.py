"""What every `eventwire` command shares: its exit statuses and the error that ends it.

Exit statuses (the README's table):

- ``EXIT_OK`` 0: done; also when there was nothing to do (every article already stored).
- ``EXIT_REJECTED`` 1: the run finished but some records were rejected (each one reported on
  stderr); `dictionary check` uses it for a file with problems.
- ``EXIT_USAGE`` 2: usage or configuration error: an unknown option, a bad value (a date, a
  country, a filter), a missing file or store, a missing spaCy model; or a fatal error that
  stopped the command. click's own usage errors exit 2 as well.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "CliError", "all_dyads_option",
           "exclusion_options", "include_background_option", "say_left_out"]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


class CliError(click.ClickException):
    """A one-line ``Error: ...`` on stderr and exit status 2 (`EXIT_USAGE`)."""

    exit_code = EXIT_USAGE


include_background_option = click.option(
    "--include-background", is_flag=True,
    help="Count background events too (acts well before publication: left out by default).")

all_dyads_option = click.option(
    "--all-dyads", is_flag=True,
    help="Count events whose source or target lacks a country or known international "
         "group too (left out by default).")


def exclusion_options(command: F) -> F:
    """``--include-background`` and ``--all-dyads``: the options of a command over the
    aggregates, each bringing back one kind of event they leave out by default
    (`eventwire.query.exclusions`)."""
    return include_background_option(all_dyads_option(command))


# `eventwire.query.left_out` key -> (words before and after "events", the option that
# counts them)
_LEFT_OUT_NOTES: dict[str, tuple[str, str, str]] = {
    "background": ("background ", "", "--include-background"),
    "incomplete": ("", " with an incomplete dyad", "--all-dyads"),
    "imprecise": ("less precisely dated ", "", "a longer --by"),
}


def say_left_out(counts: dict[str, int], *, err: bool = True) -> None:
    """One line (on stderr unless not `err`) per kind of event the aggregates left out, with
    what counts them: ``left out 12 background events; --include-background counts them``,
    ``left out 3 events with an incomplete dyad; --all-dyads counts them``."""
    for key, n in counts.items():
        if not n:
            continue
        before, after, option = _LEFT_OUT_NOTES.get(key, ("", f" ({key})", ""))
        how = f"; {option} counts them" if option else ""
        click.echo(f"left out {n} {before}event{'s' if n != 1 else ''}{after}{how}", err=err)
