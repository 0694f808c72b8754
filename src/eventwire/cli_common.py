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

__all__ = ["EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "CliError"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


class CliError(click.ClickException):
    """A one-line ``Error: ...`` on stderr and exit status 2 (`EXIT_USAGE`)."""

    exit_code = EXIT_USAGE
