"""Material cooperation, aid and sanctions (CAMEO 06, 07, 16; events/cooperation.py and
data/cooperation.yaml): announced aid is the aid act, joint exercises are military
cooperation each way, trade status, energy supplies and light verbs ("took steps to
impose"). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.cooperation import cooperation_words
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def has_root(got: set[tuple[str, str, str]], root: str, source: str, target: str) -> bool:
    """An event of root `root` whose actors begin with `source` / `target`."""
    return any(c[:2] == root and s.startswith(source) and t.startswith(target)
               for c, s, t in got)


@pytest.mark.parametrize("text,root,source,target", [
    # a government announcing aid: the aid act, not an intent (03)
    ("The United States announced it will send Poland a $90 million military aid package.",
     "07", "USA", "POL"),
    ("Japan announced that it would provide food aid to Haiti.", "07", "JPN", "HTI"),
    ("Secretary Blinken announced $200 million in security assistance for Ukraine.", "07",
     "USA", "UKR"),
    ("The European Union unveiled a new humanitarian aid package for Sudan.", "07", "IGO",
     "SDN"),
    # a light verb leaves the act to its clause, done by its own subject
    ("The State Department took steps to impose visa restrictions on Cuban officials.", "16",
     "USA", "CUB"),
    ("Britain took action to freeze the assets of Syrian officials.", "16", "GBR", "SYR"),
    # exercises held together or with a partner: military cooperation
    ("Russia held military exercises with Belarus near the border.", "06", "RUS", "BLR"),
    ("Russia participated in exercise Vostok with China.", "06", "RUS", "CHN"),
    ("India and France held joint naval exercises in the Arabian Sea.", "06", "IND", "FRA"),
    ("India and France held joint naval exercises in the Arabian Sea.", "06", "FRA", "IND"),
    ("Indonesia and Australia staged naval drills off Darwin.", "06", "AUS", "IDN"),
    # a military act in coordination with a partner: also cooperation with it
    ("In coordination with Iraqi forces, U.S. troops raided a militia hideout.", "06", "USA",
     "IRQ"),
    # trade status and energy supplies
    ("Australia revoked the most favoured nation status for Russia.", "16", "AUS", "RUS"),
    ("The European Union suspended Cambodia's trade preferences.", "16", "IGO", "KHM"),
    ("Gazprom reduced gas supplies to Germany.", "16", "RUS", "DEU"),
    ("Russia cut off gas to Ukraine.", "16", "RUS", "UKR"),
    ("Russia halted oil deliveries to Poland.", "16", "RUS", "POL"),
    ("The United States suspended the strategic partnership charter with Georgia.", "16",
     "USA", "GEO"),
    ("As a result, the United States has suspended this mechanism.", "16", "USA", ""),
])
def test_cooperation_acts_are_coded(coder: Coder, text: str, root: str, source: str,
                                    target: str) -> None:
    got = coded(coder, text)
    assert has_root(got, root, source, target), got


@pytest.mark.parametrize("text,root", [
    # pledges, plain futures and reported plans stay intents
    ("Japan pledged to send food aid to Haiti.", "07"),
    ("Germany will provide tanks to Ukraine.", "07"),
    ("Japan said it will send food aid to Haiti.", "07"),
    ("Japan announced plans to send food aid to Haiti.", "07"),
    ("Canada will announce aid to Haiti next week.", "07"),
    # business senses and money that is no aid
    ("The company shipped grain to Egypt.", "07"),
    ("The company announced new funding for research.", "07"),
    ("OPEC agreed to cut oil output.", "16"),
    ("The exporter cut prices for its gas customers.", "16"),
    # hypotheticals, negations and requests are no sanctions
    ("Sanctions would be imposed on Iran if talks fail.", "16"),
    ("If Russia invades, Canada will impose sanctions on Russia.", "16"),
    ("The State Department urged Congress to impose sanctions on Russia.", "16"),
    ("Russia did not reduce gas supplies to Germany.", "16"),
    # coordination on a statement is no material cooperation
    ("In coordination with allies, the United States condemned the attack.", "06"),
    # an exercise alone is a show of force, not cooperation
    ("Russia held military exercises near the border.", "06"),
])
def test_no_cooperation_act_where_none_happened(coder: Coder, text: str, root: str) -> None:
    got = coded(coder, text)
    assert not any(c[:2] == root for c, _, _ in got), got


def test_pledged_aid_stays_an_intent(coder: Coder) -> None:
    got = coded(coder, "Japan pledged to send food aid to Haiti.")
    assert any(c.startswith("033") for c, _, _ in got), got


def test_an_announced_future_sanction_stays_a_threat(coder: Coder) -> None:
    """The CAMEO manual codes "announced that it will withdraw ..." as a threat (13): only
    aid is announced as the act itself."""
    got = coded(coder, "Canada announced it will impose sanctions on Russia.")
    assert any(c.startswith("13") for c, _, _ in got), got
    assert not any(c[:2] == "16" for c, _, _ in got), got


def test_an_exercise_alone_is_a_show_of_force(coder: Coder) -> None:
    got = coded(coder, "Russia held military exercises near the border.")
    assert any(c == "150" for c, _, _ in got), got


def test_word_classes_load_from_the_data_file() -> None:
    words = cooperation_words()
    assert "announce" in words.announcing_verbs and "07" in words.announced_roots
    assert "step" in words.light_objects
    assert words.joint_patterns.get("exercise.alone") == "062"
