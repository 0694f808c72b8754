"""The `eventwire serve` command: the REST API and dashboard of `eventwire.web` over a store.

`register(cli)` adds it to the main click group. Read-only by default; ``--write`` with
``--token`` (or ``$EVENTWIRE_TOKEN``) lets ``POST /api/code`` store texts sent with that bearer
token. Bound to another address than localhost, ``POST /api/code`` needs the token even to code
(without one it is refused). The limits of coding requests are `eventwire.web.ServeSettings`.
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
    from eventwire.config import ServeSettings

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
                  help="Bearer token that store requests (and, off localhost, all coding "
                       "requests) must carry (env EVENTWIRE_TOKEN); required with --write.")
    @click.option("--max-text-chars", type=click.IntRange(min=1),
                  default=ServeSettings.model_fields["max_text_chars"].default, show_default=True,
                  help=ServeSettings.model_fields["max_text_chars"].description)
    @click.option("--code-timeout", type=click.FloatRange(min=0, min_open=True),
                  default=ServeSettings.model_fields["code_timeout"].default, show_default=True,
                  help=ServeSettings.model_fields["code_timeout"].description)
    @click.option("--max-codings", type=click.IntRange(min=1),
                  default=ServeSettings.model_fields["max_codings"].default, show_default=True,
                  help=ServeSettings.model_fields["max_codings"].description)
    @coder_options
    def serve(db: str, host: str, port: int, write: bool, token: str | None,
              max_text_chars: int, code_timeout: float, max_codings: int,
              model: str | None, actors: tuple[str, ...], events: tuple[str, ...]) -> None:
        """Serve the dashboard and REST API (docs at /docs) over the store --db."""
        import uvicorn

        from eventwire.cli_common import CliError
        from eventwire.errors import EventwireError
        from eventwire.web import create_app

        if write and not token:
            raise click.UsageError("--write needs --token TOKEN (or $EVENTWIRE_TOKEN)")
        if token and len(token) < MIN_TOKEN_CHARS:
            raise click.UsageError(f"--token must be at least {MIN_TOKEN_CHARS} characters")
        if not write and not Path(db).exists():
            raise CliError(f"no event store at {db}; create it with "
                                       f"`eventwire ingest INPUT --db {db}`")

        def coder_factory() -> Any:  # built on the first POST /api/code
            from eventwire.coder import Coder

            return Coder(make_config(model, actors, events))

        public = not _loopback(host)
        settings = ServeSettings(max_text_chars=max_text_chars, code_timeout=code_timeout,
                                 max_codings=max_codings, code_needs_token=public)
        try:
            app = create_app(db, coder_factory=coder_factory,
                             write_token=token if write else None, code_token=token,
                             settings=settings)
        except EventwireError as exc:
            raise cli_error(exc) from None
        mode = "read-write (store requests need the token)" if write else "read-only"
        click.echo(f"eventwire: serving {db} ({mode}) at http://{host}:{port}/ "
                   f"— API docs at /docs", err=True)
        if public and token:
            click.echo("warning: listening on a non-loopback address; POST /api/code needs the "
                       "token, which travels in clear text unless a TLS proxy is in front",
                       err=True)
        elif public:
            click.echo("note: listening on a non-loopback address without --token: "
                       "POST /api/code is refused (pass --token to enable it)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="info")
