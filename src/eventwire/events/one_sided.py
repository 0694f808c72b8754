"""Events with one side only, in a story: keep the kinds that have one, drop the rest.

After the article stage has done what it can (the speaker, the story's country, pronouns,
the readout's counterpart), an event of a story that still lacks its source or its target
is most often a misreading: a business or everyday sense of the trigger ("the company files
a claim", "scientists release an image"), or a side clause read as an act. On the project's
real-article gold (dev halves), fewer than one in ten such events was right, while the
annotators coded one-sided events for 6% of the events.

Some kinds of act are reported with one side as a rule: declining to comment, an
investigation, and violence or arrests whose doer is unknown. data/one_sided.tsv lists them
with the side that may be missing. A lone sentence is not a story (`eventwire explain`, the
CAMEO manual's examples): there no context could supply the other side, so its one-sided
events stay, as the best reading of what the sentence says.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from ..errors import DictionaryError
from ..model import Event

SIDES = ("source", "target")


@cache
def allowed() -> tuple[tuple[str, str], ...]:
    """(CAMEO code prefix, side that may be missing) pairs from data/one_sided.tsv."""
    name = "one_sided.tsv"
    return parse(resources.files("eventwire.data").joinpath(name).read_text("utf-8"), name)


def parse(text: str, name: str) -> tuple[tuple[str, str], ...]:
    """The rows of a one-sided table; a broken line is a DictionaryError saying where."""
    out: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].isdigit() or cols[1] not in SIDES:
            raise DictionaryError(name, [(n, "expected a CAMEO code prefix and 'source' or "
                                              f"'target', got {line!r}")])
        out.append((cols[0], cols[1]))
    return tuple(out)


def missing_side(ev: Event) -> str | None:
    """'source' or 'target' when exactly that side is missing, else None."""
    if (ev.source_code is None) == (ev.target_code is None):
        return None
    return "source" if ev.source_code is None else "target"


def may_be_one_sided(ev: Event) -> bool:
    side = missing_side(ev)
    return side is None or any(ev.cameo_code.startswith(prefix) and side == s
                               for prefix, s in allowed())


def story_dyads(events: Iterable[Event], *, story: bool) -> list[Event]:
    """The events to keep: in a story, one-sided ones only of the kinds that have one side."""
    events = list(events)
    if not story:
        return events
    return [ev for ev in events if may_be_one_sided(ev)]
