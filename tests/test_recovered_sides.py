"""Events whose second side is named one step deeper than a pattern's slot, or by the
story, come back complete (events/nested_targets.py and the modules named per test).

Each case is coded inside a two-sentence story, where a one-sided event would be dropped
(events/one_sided.py): the event is only there if its missing side was found."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder

PUB = date(2024, 5, 2)
LEAD = "Officials met in the capital on Monday. "


def _events(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo_code, e.source_code, e.target_code)
            for e in coder.code_text(LEAD + text, pub_date=PUB) if e.sentence_index == 1]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root", "target"), [
    # a name modifying the slot's noun
    ("The foreign minister of Japan reaffirmed Tokyo's commitment to ASEAN unity.", "03",
     "IGO"),
    ("Canada pledged support for Ukrainian sovereignty.", "03", "UKR"),
    # the purpose of aid, and a situation in a country (not the place the aid is announced)
    ("Speaking in Brussels alongside the Belgian prime minister, the Japanese foreign "
     "minister announced emergency aid to ease the hunger crisis in Afghanistan.", "07", "AFG"),
    ("During a visit to Paris, Canada announced humanitarian aid to respond to the famine "
     "in Yemen.", "07", "YEM"),
    ("At a donors' meeting in Geneva, Germany announced new assistance to help the people of "
     "Haiti.", "07", "HTI"),
])
def test_side_named_inside_the_slot_phrase(coder: Coder, sentence: str, root: str,
                                           target: str) -> None:
    got = _events(coder, sentence)
    assert any(c.startswith(root) and t is not None and t.startswith(target)
               for c, _s, t in got), got


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root"), [
    # the donor's own name on the aid is not whom it is for
    ("Norway announced 20 million dollars in new Norwegian assistance.", "07"),
    # a situation with no place, a purpose that is no relief
    ("Norway announced assistance to combat the outbreak.", "07"),
    ("The minister reaffirmed the commitment to regional stability.", "03"),
])
def test_no_side_invented(coder: Coder, sentence: str, root: str) -> None:
    got = _events(coder, sentence)
    assert not any(c.startswith(root) for c, _s, _t in got), got


@pytest.mark.model
def test_a_capital_naming_a_region_stays_a_place(coder: Coder) -> None:
    got = _events(coder, "Russian forces launched missile strikes on the Kyiv Oblast.")
    assert any(c.startswith("19") and t == "UKR" for c, _s, t in got), got


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root", "source"), [
    ("The Obama campaign denounced Trump's tax plan.", "11", "USAPTY"),
    ("Erdogan's re-election campaign accused the opposition of lying.", "11", "TURPTY"),
    ("Biden thanked his supporters, and his campaign urged Trump to concede.", "02", "USAPTY"),
])
def test_a_politicians_campaign_is_their_party(coder: Coder, sentence: str, root: str,
                                               source: str) -> None:
    got = _events(coder, sentence)
    assert any(c.startswith(root) and s == source for c, s, _t in got), got


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Putin's military campaign was condemned by France.",
    "The Taliban campaign of bombings killed dozens of soldiers.",
    "Assad's campaign against the rebels angered Turkey.",
])
def test_a_campaign_of_force_is_no_party(coder: Coder, sentence: str) -> None:
    got = _events(coder, sentence)
    assert not any((x or "").endswith("PTY") for _c, s, t in got for x in (s, t)), got


US_LEAD = "American lawmakers in the United States returned to work on Monday. "


def _in_us_story(coder: Coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo_code, e.source_code, e.target_code)
            for e in coder.code_text(US_LEAD + text, pub_date=PUB) if e.sentence_index == 1]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "root"), [
    ("An American judge sentenced Thomas Whitfield to ten years in prison.", "17"),
    ("President Obama accused John Miller of lying.", "11"),
    ("The FBI arrested Daniel Brooks on Tuesday.", "17"),
])
def test_an_unknown_person_facing_the_storys_country_is_of_it(coder: Coder, sentence: str,
                                                              root: str) -> None:
    got = _in_us_story(coder, sentence)
    assert any(c.startswith(root) and "USA" in (s, t) for c, s, t in got), got


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    # facing another country's actor: nothing says whose the person is
    "The French president met Amelia Trask.",
    "The Mexican government accused Robert Hayes of smuggling.",
    # facing the country as such: a foreigner dealing with it
    "Helen Marsh will begin talks with the United States next week.",
])
def test_an_unknown_person_facing_a_foreign_actor_stays_uncoded(coder: Coder,
                                                                sentence: str) -> None:
    got = _in_us_story(coder, sentence)
    assert not any("USA" in (s, t) for _c, s, t in got), got


@pytest.mark.model
def test_a_story_knows_no_person_in_a_lone_sentence(coder: Coder) -> None:
    got = [(e.source_code, e.target_code)
           for e in coder.code_text("Senator Warren accused John Miller of lying.", pub_date=PUB)]
    assert all(t is None for _s, t in got), got  # one sentence is no story: no country
