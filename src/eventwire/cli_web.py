"""The `eventwire serve` command: the REST API and dashboard of `eventwire.web` over a store.

`register(cli)` adds it to the main click group. Read-only by default; ``--write`` with
``--token`` (or ``$EVENTWIRE_TOKEN``) lets ``POST /api/code`` store texts sent with that bearer
token.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

import click

__all__ = ["register"]

MIN_TOKEN_CHARS = 8


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(cli: click.Group) -> None:
    """Add `serve` to the `eventwire` command group."""
    from eventwire.cli import cli_error, coder_options, make_config

    @cli.command("serve")
    @click.option("--db", default="events.duckdb", show_default=True, envvar="EVENTWIRE_DB",
                  help="DuckDB store file (env EVENTWIRE_DB).")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on (0.0.0.0 for every interface).")
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
                  help="Port to listen on.")
    @click.option("--write", is_flag=True,
                  help="Open the store for writing: POST /api/code may store coded texts.")
    @click.option("--token", envvar="EVENTWIRE_TOKEN", default=None,
                  help="Bearer token that store requests must carry (env EVENTWIRE_TOKEN); "
                       "required with --write.")
    @coder_options
    def serve(db: str, host: str, port: int, write: bool, token: str | None,
              model: str | None, actors: tuple[str, ...], events: tuple[str, ...]) -> None:
        """Serve the dashboard and REST API (docs at /docs) over the store --db."""
        import uvicorn

        from eventwire.cli_common import CliError
        from eventwire.errors import EventwireError
        from eventwire.web import create_app

        if write and not token:
            raise click.UsageError("--write needs --token TOKEN (or $EVENTWIRE_TOKEN)")
        if token and not write:
            raise click.UsageError("--token is only used with --write")
        if token and len(token) < MIN_TOKEN_CHARS:
            raise click.UsageError(f"--token must be at least {MIN_TOKEN_CHARS} characters")
        if not write and not Path(db).exists():
            raise CliError(f"no event store at {db}; create it with "
                                       f"`eventwire ingest INPUT --db {db}`")

        def coder_factory() -> Any:  # built on the first POST /api/code
            from eventwire.coder import Coder

            return Coder(make_config(model, actors, events))

        try:
            app = create_app(db, coder_factory=coder_factory,
                             write_token=token if write else None)
        except EventwireError as exc:
            raise cli_error(exc) from None
        mode = "read-write (store requests need the token)" if write else "read-only"
        click.echo(f"eventwire: serving {db} ({mode}) at http://{host}:{port}/ "
                   f"— API docs at /docs", err=True)
        if write and not _loopback(host):
            click.echo("warning: writing is enabled on a non-loopback address; the token "
                       "travels in clear text unless a TLS proxy is in front", err=True)
        uvicorn.run(app, host=host, port=port, log_level="info")
