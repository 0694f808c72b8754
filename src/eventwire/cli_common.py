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

import click

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "CliError", "all_dyads_option",
           "say_left_out"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


class CliError(click.ClickException):
    """A one-line ``Error: ...`` on stderr and exit status 2 (`EXIT_USAGE`)."""

    exit_code = EXIT_USAGE


all_dyads_option = click.option(
    "--all-dyads", is_flag=True,
    help="Count events whose source or target lacks a country or known international "
         "group too (left out by default).")

# `eventwire.query.LEFT_OUT` key -> what the events are and the option that keeps them
_LEFT_OUT_NOTES = {"incomplete": ("with an incomplete dyad", "--all-dyads")}


def say_left_out(counts: dict[str, int], *, err: bool = True) -> None:
    """One line (on stderr unless not `err`) per default filter that kept events out, with
    the option that keeps them:
    ``left out 12 events with an incomplete dyad (--all-dyads keeps them)``."""
    for key, n in counts.items():
        what, option = _LEFT_OUT_NOTES.get(key, (f"({key})", ""))
        if n:
            keep = f" ({option} keeps them)" if option else ""
            click.echo(f"left out {n} event{'s' if n != 1 else ''} {what}{keep}", err=err)
