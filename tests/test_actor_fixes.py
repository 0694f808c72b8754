"""Right event, wrong actors: regression tables for the actors of coded events.

Each table is one class of sentence whose act the coder finds but whose source or target it
got wrong (docs/annotation.md, section 2): a release whose speaker came out as its own
statement's target, a bare force detaining the story country's officials, an arrest that
names no doer.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.model import Article, Event

pytestmark = pytest.mark.model

PUB = date(2023, 3, 14)
STATE = "U.S. Department of State"


def article(coder: Coder, text: str, source: str | None = None) -> list[Event]:
    art = Article(id="t", text=text, pub_date=PUB, source=source)
    return list(next(iter(coder.code_articles([art]))).events)


# A statement is about or addressed to someone else than its speaker: a release's statement
# whose target came out as the speaker itself is about the story's country.
@pytest.mark.parametrize(
    "text,root",
    [
        ("Gunmen attacked a market in Kenya. Kenya's police said five people died. "
         "We extend our sympathy to Kenya, and we lower our flag to half mast in "
         "solidarity during the days of national mourning.", "01"),
        ("Secretary Blinken spoke today with Chilean President Gabriel Boric to "
         "congratulate him on his victory in the elections in Chile. Chile and the "
         "United States discussed trade.", "05"),
    ],
)
def test_a_releases_statement_is_not_about_its_own_speaker(
    coder: Coder, text: str, root: str
) -> None:
    events = [e for e in article(coder, text, STATE) if e.cameo_root == root]
    assert events
    assert all(e.target_code != e.source_code for e in events)


# A bare force of the story (soldiers, police) that arrests or detains the story country's own
# government is that country's: coercion is done within a state's own jurisdiction.
@pytest.mark.parametrize(
    "text,country",
    [
        ("Gunfire was heard in Conakry, Guinea on Sunday. President Alpha Condé and Prime "
         "Minister Ibrahima Fofana of Guinea have been detained by the mutinying forces.",
         "GIN"),
        ("Protests spread across Peru on Monday. Soldiers arrested the President of Peru "
         "and the Prime Minister.", "PER"),
    ],
)
def test_bare_forces_detaining_the_story_countrys_officials_are_its_own(
    coder: Coder, text: str, country: str
) -> None:
    events = [e for e in article(coder, text) if e.cameo_root == "17"]
    assert events
    assert all(e.source_country == country for e in events)


# An arrest or detention that names only the detained is done by the authorities of the
# place (else of the detained's country).
@pytest.mark.parametrize(
    "text,source_country",
    [
        ("Soldiers seized power in Guinea on Sunday. The United States calls for an end to "
         "the ongoing detention of President Alpha Condé.", "GIN"),
        ("Thousands marched in Belarus. The United States condemns the mass arrests and "
         "detentions of protesters in Belarus.", "BLR"),
        ("Thousands marched in Belarus. Canada denounced the arrests of journalists in "
         "Minsk.", "BLR"),
    ],
)
def test_an_arrest_naming_no_doer_is_by_the_authorities_of_the_place(
    coder: Coder, text: str, source_country: str
) -> None:
    arrests = [e for e in article(coder, text, STATE) if e.cameo_code == "173"]
    assert arrests
    assert all(e.source_country == source_country and e.source_sector == "GOV"
               for e in arrests)


def test_an_arrest_with_a_named_doer_keeps_it(coder: Coder) -> None:
    arrests = [e for e in article(coder, "Turkish police arrested two Syrian men in "
                                  "Istanbul on Monday.") if e.cameo_code == "173"]
    assert arrests and all(e.source_code == "TURCOP" for e in arrests)
