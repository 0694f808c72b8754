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
         "code_text", "open_store"])
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None


def test_the_readme_notebook_example_runs_on_a_store(tmp_path: Path, monkeypatch, capsys
                                                      ) -> None:
    from datetime import date

    from conftest_store import FakeResult, make_event
    from eventwire.model import Article
    from eventwire.store import Store

    events = (make_event("A", code="190", event_date=date(2020, 1, 5)),
              make_event("A", sentence_index=1, code="190", source="USAGOV", target="IRNGOV",
                         event_date=date(2020, 1, 8)),
              make_event("A", sentence_index=2, code="057", event_date=date(2019, 5, 1)))
    with Store(tmp_path / "events.duckdb") as store:
        store.add_batch([FakeResult(Article(id="A", text="t", pub_date=date(2020, 1, 9)),
                                    events)], coder_version="test-1")
    block = README.split("### Notebooks", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)  # the README's own example
    table = scope["table"]
    assert table.num_rows == 2  # type: ignore[attr-defined]
    assert table.column("cameo_code").to_pylist() == ["190", "190"]  # type: ignore[attr-defined]
    printed = capsys.readouterr().out.splitlines()
    assert sorted(printed) == ["Iran (government) 1", "United States (government) 1"]
