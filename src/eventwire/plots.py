"""Charts of query results as PNG, SVG or PDF (by the file's extension), drawn on matplotlib's
own canvases (no display, no pyplot state).

`plot_series` takes the rows of `eventwire.query.series`; `plot_top_dyads` those of
`eventwire.query.top_dyads`. Every chart has a title and labelled axes; dyads are named by
their actors' labels ("Iran (government) → Iraq (government)").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from eventwire.errors import QueryError

__all__ = ["FORMATS", "QUAD_LABELS", "check_output", "plot_series", "plot_top_dyads"]

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

QUAD_LABELS: dict[int, tuple[str, str]] = {  # quad class -> (label, colour)
    1: ("Verbal cooperation", "#8fc1e3"),
    2: ("Material cooperation", "#1f6fb2"),
    3: ("Verbal conflict", "#f4a582"),
    4: ("Material conflict", "#c0392b"),
}
_MAX_TICKS = 14


def _period_label(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def check_output(path: str | Path) -> str:
    """The image format of `path` by its extension; `QueryError` for another extension."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise QueryError(f"cannot write a chart to {str(path)!r}: name a .png, .svg or .pdf "
                         "file")
    return fmt


def _save(fig: Figure, out_path: str | Path) -> Path:
    fmt = check_output(out_path)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)  # its print_figure also writes SVG and PDF
    fig.savefig(out, format=fmt, dpi=110)
    return out


def _actor(code: Any) -> str:
    from eventwire.labels import actor_label

    if not code:
        return "unknown"
    label = actor_label(str(code))
    return f"{label} ({code})" if label and label != code else str(code)


def _empty(fig: Figure, title: str) -> None:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, "no events match", ha="center", va="center", fontsize=14, color="#666")


def plot_series(rows: Sequence[dict[str, Any]], out_path: str | Path,
                title: str = "Events by quad class") -> Path:
    """Stacked bars of events per period by quad class, with the mean Goldstein score as a
    line on a second axis. Returns the path written."""
    fig = Figure(figsize=(11, 5.5), layout="constrained")
    if not rows:
        _empty(fig, title)
        return _save(fig, out_path)
    ax = fig.add_subplot()
    x = list(range(len(rows)))
    bottom = [0] * len(rows)
    for quad, (label, colour) in QUAD_LABELS.items():
        values = [int(r.get(f"quad{quad}") or 0) for r in rows]
        ax.bar(x, values, bottom=bottom, color=colour, label=label, width=0.85)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, -(-len(rows) // _MAX_TICKS))
    ax.set_xticks(x[::step], [_period_label(r["period"]) for r in rows][::step],
                  rotation=45, ha="right")
    ax.set_ylabel("events")
    ax.set_xlabel("period starting")
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    means = [r.get("goldstein_mean") for r in rows]
    if any(m is not None for m in means):
        ax2 = ax.twinx()
        ax2.plot(x, [float("nan") if m is None else m for m in means], color="#333",
                 marker="o", markersize=3, linewidth=1.2, label="mean Goldstein")
        ax2.set_ylim(-10.5, 10.5)
        ax2.axhline(0, color="#999", linewidth=0.6)
        ax2.set_ylabel("mean Goldstein score")
    handles, labels = [], []
    for axis in fig.axes:
        h, lab = axis.get_legend_handles_labels()
        handles += h
        labels += lab
    fig.legend(handles, labels, loc="outside lower center", ncols=len(handles),
               fontsize="small", frameon=False)
    return _save(fig, out_path)


def plot_top_dyads(rows: Sequence[dict[str, Any]], out_path: str | Path,
                   title: str = "Most frequent dyads") -> Path:
    """Horizontal bars of events per dyad (largest at the top), coloured by mean Goldstein
    score (red = conflictual, blue = cooperative). Returns the path written."""
    fig = Figure(figsize=(9, max(3.0, 0.45 * len(rows) + 1.5)), layout="constrained")
    if not rows:
        _empty(fig, title)
        return _save(fig, out_path)
    ax = fig.add_subplot()
    ordered = list(reversed(rows))
    labels = [f"{_actor(r.get('source_code'))} → {_actor(r.get('target_code'))}"
              for r in ordered]
    counts = [int(r["n"]) for r in ordered]
    colours = [QUAD_LABELS[4][1] if (r.get("goldstein_mean") or 0) < 0 else QUAD_LABELS[2][1]
               for r in ordered]
    bars = ax.barh(range(len(ordered)), counts, color=colours)
    ax.set_yticks(range(len(ordered)), labels)
    ax.bar_label(bars, labels=[str(c) for c in counts], padding=3, fontsize="small")
    ax.set_xlabel("events")
    ax.set_ylabel("source → target")
    ax.set_title(title)
    ax.margins(x=0.12)
    ax.legend(handles=[Patch(color=QUAD_LABELS[2][1], label="mean Goldstein ≥ 0"),
                       Patch(color=QUAD_LABELS[4][1], label="mean Goldstein < 0")],
              loc="lower right", fontsize="small")
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, out_path)
