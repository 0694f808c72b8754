"""A telephone call is a consultation (041), not an appeal: "called X to discuss ..." asks
for nothing; "called on X to ..." does."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder

pytestmark = pytest.mark.model

PUB = date(2024, 5, 2)


@pytest.mark.parametrize(("text", "code", "source", "target"), [
    # a name after "called", with a purpose clause: the call itself
    ("President Macron called Nigerian President Bola Tinubu on Tuesday to discuss the "
     "security situation in the Sahel.", "041", "FRA", "NGA"),
    ("Chancellor Scholz called Prime Minister Narendra Modi to discuss trade.", "041", "DEU",
     "IND"),
    # ... even when the parser reads the name as a predicate ("called X Y")
    ("Secretary of State Antony Blinken called Democratic Republic of the Congo President "
     "Felix Tshisekedi today to discuss the peace process.", "041", "USA", "COD"),
    # "called on X to ..." is still an appeal
    ("President Macron called on Nigerian President Bola Tinubu to hold talks with the "
     "rebels.", "02", "FRA", "NGA"),
    ("Chancellor Scholz called on Prime Minister Narendra Modi on Monday to resume talks "
     "with Pakistan.", "02", "DEU", "IND"),
])
def test_calls_and_appeals(coder: Coder, text: str, code: str, source: str, target: str) -> None:
    events = coder.code_text(text, pub_date=PUB)
    got = [(e.cameo_code, e.source_country, e.target_country) for e in events]
    assert any(e.cameo_code.startswith(code) and e.source_country == source
               and e.target_country == target for e in events), got
    if code == "041":
        assert not any(e.cameo_code.startswith("02") for e in events), got
