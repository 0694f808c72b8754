"""How the store commands print rows: tables that fit the terminal, JSON Lines, CSV.

A table is drawn at the terminal's width (``COLUMNS`` when set, else the terminal's,
else 100 columns when output is not a terminal); one line per row, long cells cut with an
ellipsis (the sentence first: it takes the room the other columns leave). In tables, codes are
followed by their labels ("IRNGOV Iran (government)", "190 Use conventional military force");
JSON Lines and CSV keep the codes in their own columns and add the label columns of
`eventwire.labels.LABEL_FIELDS` beside event rows.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import click

__all__ = ["emit", "emit_dicts", "format_table", "terminal_width", "with_labels"]

_FALLBACK_WIDTH = 100
_LABELLED = {
    "source_code": "source_label",
    "target_code": "target_label",
    "cameo_code": "cameo_label",
    "cameo_root": "root_label",
}
_WIDE = ("sentence", "label", "source_text", "target_text", "dyad")  # shrink these first


def terminal_width() -> int:
    """``COLUMNS``, else the terminal's width, else 100 (for pipes and files)."""
    return shutil.get_terminal_size((_FALLBACK_WIDTH, 24)).columns


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") or "0"
    return " ".join(str(value).split())


def _fit(
    natural: list[int], tiers: list[list[int]], floors: list[list[int]], room: int
) -> list[int]:
    """Column widths summing to at most `room`: the columns of each tier in turn give way,
    the widest first, down to that tier's floor; last every column down to one cell."""
    widths = list(natural)
    steps = [*zip(tiers, floors, strict=True), (list(range(len(widths))), [1] * len(widths))]
    for pool, low in steps:
        while sum(widths) > room:
            candidates = [i for i in pool if widths[i] > low[i]]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i] - low[i])
            widths[widest] -= 1
    return widths


def format_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, width: int | None = None
) -> str:
    """An aligned text table no wider than `width` (default `terminal_width`): numbers
    right-aligned, one line per row, cells that do not fit cut with "…" (the sentence and
    the labels first). Widths are counted in terminal cells (rich.cells), so CJK text fits."""
    from rich.cells import cell_len, set_cell_size

    width = width or terminal_width()
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [
        bool(rows)
        and all(
            (isinstance(r[i], int | float) and not isinstance(r[i], bool)) or r[i] is None
            for r in rows
        )
        for i in range(len(columns))
    ]
    natural = [max([cell_len(c)] + [cell_len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    # who gives way first: free text (the sentence) down to 20 cells, then the labels
    # beside codes down to the code, then any column down to its header (at most 8 cells)
    text = [i for i, c in enumerate(columns) if c.endswith(_WIDE)]
    labelled = [
        i
        for i in range(len(columns))
        if i not in text and not numeric[i] and any(" " in r[i] for r in cells)
    ]
    code_len = [
        max([cell_len(r[i].split(" ")[0]) for r in cells] or [1]) for i in range(len(columns))
    ]
    everyone = list(range(len(columns)))
    header_floor = [
        min(n, max(min(cell_len(c), 8), 4)) for n, c in zip(natural, columns, strict=True)
    ]
    widths = _fit(
        natural,
        [text, labelled, everyone, text],
        [
            [min(n, 20) for n in natural],
            [max(n + 2, cell_len(c)) for n, c in zip(code_len, columns, strict=True)],
            header_floor,
            [min(n, 8) for n in natural],
        ],
        width - 2 * (len(columns) - 1),
    )

    def cut(text: str, w: int, i: int, header: bool) -> str:
        if cell_len(text) <= w:
            return text
        if not header and i in labelled and code_len[i] <= w < code_len[i] + 3:
            return text.split(" ")[0]  # the code alone rather than "IRNGO…"
        return set_cell_size(text, max(w - 1, 0)) + "…" if w > 1 else set_cell_size(text, w)

    def line(values: Sequence[str], header: bool = False) -> str:
        out = []
        for i, (v, w, num) in enumerate(zip(values, widths, numeric, strict=True)):
            text = cut(v, w, i, header)
            pad = " " * (w - cell_len(text))
            out.append(pad + text if num else text + pad)
        return "  ".join(out).rstrip()

    return "\n".join(
        [line(list(columns), header=True), "  ".join("-" * w for w in widths)]
        + [line(r) for r in cells]
    )


def with_labels(row: dict[str, Any]) -> dict[str, Any]:
    """An event row with the label columns (`LABEL_FIELDS`) added after the codes."""
    from eventwire.labels import row_labels

    return {**row, **row_labels(row)}


def _labelled_cells(columns: Sequence[str], row: dict[str, Any]) -> list[Any]:
    """Table cells: a code with its label beside it ("IRNGOV Iran (government)")."""
    from eventwire.labels import actor_label, cameo_label

    cells: list[Any] = []
    has_label = "label" in columns  # `top roots` has its own
    for c in columns:
        value = row.get(c)
        label = None
        if isinstance(value, str) and value:
            if c in ("source_code", "target_code", "actor"):
                label = actor_label(value)
            elif c in ("cameo_code", "cameo_root") and not has_label:
                label = cameo_label(value)
        cells.append(f"{value} {label}" if label else value)
    return cells


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> None:
    """Print rows as a table (stdout), JSON Lines or CSV."""
    if fmt == "jsonl":
        for row in rows:
            click.echo(
                json.dumps(
                    dict(zip(columns, row, strict=True)), default=_json_value, ensure_ascii=False
                )
            )
    elif fmt == "csv":
        from eventwire.model import flat_value

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[flat_value(v) for v in row] for row in rows])
    elif rows:
        click.echo(format_table(columns, rows))
    else:
        click.echo("(no rows)", err=True)


def emit_dicts(
    rows: list[dict[str, Any]], fmt: str, table_columns: Sequence[str] = (), *, labels: bool = False
) -> None:
    """Print dict rows; `table_columns` chooses the table's columns. With `labels`, rows are
    event rows: JSON Lines and CSV get the label columns, tables codes with their labels."""
    if not rows:
        emit(list(table_columns), [], fmt)
        return
    columns = list(rows[0])
    if fmt == "table":
        if table_columns:
            columns = [c for c in table_columns if c in rows[0]]
        emit(columns, [_labelled_cells(columns, r) for r in rows], fmt)
        return
    if labels:
        rows = [with_labels(r) for r in rows]
        columns = list(rows[0])
    emit(columns, [[r[c] for c in columns] for r in rows], fmt)
