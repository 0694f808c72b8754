"""Clemency (events/clemency.py): pardons and commutations are 0841 (docs/annotation.md),
the grantor as the source (in the agentless passive, the story's head of state), the person
released as the target (a name no dictionary knows is a convict, CRM, of the story's
country; a known role keeps its sector)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2021, 1, 20)


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source_code or "", e.target_code or "", e.cameo_code) for e in events}


@pytest.mark.parametrize(
    "text,expected",
    [
        # ditransitive "granted X a pardon", also when X is a name no dictionary knows
        ("President Putin granted Ivan Petrovsky a full pardon.", ("RUSGOV", "RUSCRM", "0841")),
        ("Putin granted Sokolov an unconditional pardon.", ("RUSGOV", "RUSCRM", "0841")),
        ("President Putin pardoned two women convicted of treason.",
         ("RUSGOV", "RUSCRM", "0841")),
        ("President Lukashenko pardoned the opposition leader.",
         ("BLRGOV", "BLROPP", "0841")),
        ("Putin commuted the sentences of twelve inmates.", ("RUSGOV", "RUSCRM", "0841")),
        ("President Erdogan granted a pardon to the journalist.", ("TURGOV", "TURMED", "0841")),
    ],
)
def test_granting_a_pardon_or_commuting_a_sentence_releases_the_person(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(coder.code_text(text, pub_date=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "President Putin pardoned Mikhail Orlov on Monday. Anna Volkova had served six "
        "years before being granted clemency.",
        "President Putin pardoned Mikhail Orlov on Monday. Later she was granted clemency too.",
        "President Putin pardoned Mikhail Orlov on Monday. Her sentence was commuted as well.",
    ],
)
def test_agentless_passive_clemency_is_granted_by_the_story_head_of_state(
    coder: Coder, text: str
) -> None:
    events = coder.code_text(text, pub_date=PUB)
    second = [e for e in events if e.sentence_index == 1 and e.cameo_code == "0841"]
    assert [(e.source_code, e.target_code) for e in second] == [("RUSGOV", "RUSCRM")]


def test_agentless_passive_clemency_with_no_leader_in_the_story_is_left_out(
    coder: Coder,
) -> None:
    events = coder.code_text("She was granted clemency after serving ten years.", pub_date=PUB)
    assert not [e for e in events if e.source_code]
