"""Working with an actor is cooperation (060), an intent to cooperate (03x) when it is to
come; working with a thing or with people of no actor code is no event."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder

pytestmark = pytest.mark.model

PUB = date(2024, 5, 2)


@pytest.mark.parametrize(("text", "root", "source", "target"), [
    ("The United States will continue to work closely with Japan.", "03", "USA", "JPN"),
    ("France will work with Nigeria to fight piracy in the Gulf of Guinea.", "03", "FRA",
     "NGA"),
    ("Indonesia worked with Australia to rescue the stranded fishermen.", "06", "IDN", "AUS"),
])
def test_working_with_an_actor(coder: Coder, text: str, root: str, source: str,
                               target: str) -> None:
    events = coder.code_text(text, pub_date=PUB)
    assert any(e.cameo_root == root and e.source_country == source
               and e.target_country == target for e in events), \
        [(e.cameo_code, e.source_code, e.target_code) for e in events]


@pytest.mark.parametrize("text", [
    "Engineers worked with the data for weeks.",
    "The analysts worked with satellite images of the port.",
])
def test_working_with_no_actor(coder: Coder, text: str) -> None:
    assert not [e for e in coder.code_text(text, pub_date=PUB) if e.cameo_root in {"03", "06"}]
