"""In a story, an event with one side only is kept only for the kinds that have one side
(data/one_sided.tsv): declining to comment, investigations, violence and arrests with no
named doer. A lone sentence keeps its one-sided events (no context could supply the other
side)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.errors import DictionaryError
from eventwire.events.one_sided import allowed, parse

PUB = date(2024, 5, 2)
LEAD = "The talks were held in the capital on Monday. "


def _codes(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo_code, e.source_code, e.target_code)
            for e in coder.code_text(text, pub_date=PUB)]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root"), [
    ("President Macron promised to cooperate.", "03"),
    ("The Kenyan government made a statement on Wednesday.", "01"),
    ("The Japanese government agreed to provide assistance.", "03"),
    ("Brazil's Foreign Minister rejected the proposal.", "12"),
])
def test_partnerless_acts_dropped_in_a_story(coder: Coder, sentence: str, root: str) -> None:
    alone = _codes(coder, sentence)
    assert any(c.startswith(root) and (s is None) != (t is None) for c, s, t in alone), alone
    in_story = _codes(coder, LEAD + sentence)
    assert not any(c.startswith(root) for c, _s, _t in in_story), in_story


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root"), [
    ("The French government declined to comment.", "01"),
    ("Indonesia launched an investigation into the crash.", "09"),
    ("A bomb exploded at a market in Baghdad, Iraq, killing 12 civilians.", "18"),
])
def test_one_sided_kinds_kept_in_a_story(coder: Coder, sentence: str, root: str) -> None:
    in_story = _codes(coder, LEAD + sentence)
    assert any(c.startswith(root) for c, _s, _t in in_story), in_story


@pytest.mark.model
def test_complete_dyads_untouched(coder: Coder) -> None:
    got = _codes(coder, LEAD + "Brazil's Foreign Minister rejected Argentina's proposal.")
    assert any(c.startswith("12") and s and t for c, s, t in got), got


def test_table_rows() -> None:
    rows = allowed()
    assert ("19", "source") in rows and ("011", "target") in rows
    assert all(side in {"source", "target"} for _p, side in rows)


@pytest.mark.parametrize("line", ["19\tdoer\tno such side", "nineteen\tsource\tx", "19"])
def test_broken_line_says_where(line: str) -> None:
    with pytest.raises(DictionaryError, match=r"t\.tsv: line 2"):
        parse("# header\n" + line + "\n", "t.tsv")


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "target"), [
    # territory taken from someone: the one it was taken from is the target, not the place
    ("Ethiopian troops captured the town of Shire from Tigrayan forces.", "Tigrayan forces"),
    ("The army recaptured the village of Kalma from the rebels.", "the rebels"),
    ("Syrian troops seized the town of Saraqib from rebel fighters.", "rebel fighters"),
])
def test_territory_taken_from_an_actor(coder: Coder, sentence: str, target: str) -> None:
    events = coder.code_text(LEAD + sentence, pub_date=PUB)
    assert any(e.cameo_code == "192" and e.target_text == target for e in events), \
        [(e.cameo_code, e.source_code, e.target_code, e.target_text) for e in events]
