"""Docs are tested where cheap: the README names every command; the public API is small."""

from __future__ import annotations

from pathlib import Path

import click

import eventwire
from eventwire.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        out.append(full)
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
    return out


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "scripts/demo.sh" in first_block and "scripts/test.sh" in first_block


def test_every_cli_command_is_in_the_readme() -> None:
    missing = [c for c in _commands(cli) if f"eventwire {c}" not in README]
    assert missing == []


def test_public_api_is_what_all_says() -> None:
    assert sorted(eventwire.__all__) == sorted(
        ["Article", "Coder", "Config", "DictionaryError", "Event", "EventwireError",
         "InputError", "ModelNotFoundError", "QueryError", "ReadOnlyError", "StoreError",
         "code_text"])
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None
