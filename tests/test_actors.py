"""Actor resolution rules on small texts, and user actor dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.actors.dictionary import check_user_file, load_builtin, parse_user_file
from eventwire.cli import cli
from eventwire.coder import Coder
from eventwire.config import Config
from eventwire.errors import DictionaryError
from eventwire.model import Event

PUB = date(2017, 7, 23)


def code(coder: Coder, text: str, pub: date = PUB) -> list[Event]:
    return coder.code_text(text, pub_date=pub)


def sources(events: list[Event], cameo_root: str) -> set[str | None]:
    return {e.source_code for e in events if e.cameo_root == cameo_root}


def test_builtin_dictionary_has_no_name_with_two_codes() -> None:
    d = load_builtin()
    clashes = {name: {e.code for e in es} for name, es in d.by_name().items()
               if {e.kind for e in es} <= {"country", "adjective", "group"}
               and len({e.code for e in es}) > 1}
    assert clashes == {}


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    ("The Kremlin condemned Ukraine.", "RUSGOV"),
    ("The White House condemned Iran.", "USAGOV"),
    ("Downing Street condemned Russia.", "GBRGOV"),
    ("Washington condemned Iran.", "USAGOV"),
    ("Iranian Defense Minister Hossein Dehqan condemned Israel.", "IRNGOV"),
    ("The Iraqi defense minister condemned Israel.", "IRQGOV"),
    ("Iraqi troops attacked Islamic State positions.", "IRQMIL"),
    ("Kenyan police arrested protesters.", "KENCOP"),
    ("Hezbollah attacked Israel.", "LBNREBHEZ"),
    ("Daesh attacked Iraqi forces.", "IMGMUSISI"),
    ("NATO condemned Russia.", "IGOWSTNAT"),
    ("The European Union condemned Russia.", "IGOEUREEC"),
    ("A court in Guyana arrested two Brazilian men.", "GUYJUD"),
    ("Former Iranian president Ali Karimi condemned Israel.", "IRNELI"),
])
def test_source_actor_codes(coder: Coder, text: str, expected: str) -> None:
    events = code(coder, text)
    assert expected in {e.source_code for e in events}, [e.source_code for e in events]


@pytest.mark.model
def test_counterpart_takes_anchor_role_and_own_country(coder: Coder) -> None:
    events = code(coder, "Iranian Defense Minister Hossein Dehqan met his Iraqi counterpart "
                         "in Tehran on Sunday.")
    assert ("IRNGOV", "IRQGOV") in {(e.source_code, e.target_code) for e in events}


@pytest.mark.model
def test_definite_description_resolves_to_earlier_actor(coder: Coder) -> None:
    events = code(coder, "Iraqi Defense Minister Karim Haddad arrived in Tehran on Saturday.\n"
                         "The minister praised Iran for its help.")
    praise = [e for e in events if e.cameo_code == "051"]
    assert praise and praise[0].source_code == "IRQGOV"
    assert praise[0].source_text == "The minister"


@pytest.mark.model
def test_they_takes_the_whole_compound(coder: Coder) -> None:
    events = code(coder, "Iran and Iraq said they would attack Syria.")
    assert {(e.source_code or "")[:3] for e in events if e.cameo_root == "13"} == {"IRN", "IRQ"}


@pytest.mark.model
def test_user_dictionary_adds_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("name\tcode\taliases\nZorblatt Front\tNGAREB\tZorblatt\n"
                 "Hezbollah\tLBNPTY\t\n")
    coder = Coder(Config(actor_dictionaries=(f,)))
    events = coder.code_text("Zorblatt Front attacked Hezbollah.", pub_date=PUB)
    assert ("NGAREB", "LBNPTY") in {(e.source_code, e.target_code) for e in events}


def test_broken_user_dictionary_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("name\tcode\tstart\n"
                 "Good One\tNGAREB\t\n"
                 "\tNGAREB\t\n"
                 "Bad Code\tng4\t\n"
                 "Bad Date\tNGAGOV\t2017-02-30\n")
    with pytest.raises(DictionaryError) as err:
        parse_user_file(f, load_builtin().countries)
    assert [n for n, _ in err.value.problems] == [3, 4, 5]
    assert check_user_file(f) == err.value.problems


def test_dictionary_check_cli(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("- name: Zorblatt Front\n  code: NGAREB\n  aliases: [Zorblatt]\n")
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\nX\tlower\n")
    runner = CliRunner()
    ok = runner.invoke(cli, ["dictionary", "check", str(good)])
    assert ok.exit_code == 0 and "OK" in ok.output
    res = runner.invoke(cli, ["dictionary", "check", str(bad)])
    assert res.exit_code == 1 and ":2:" in res.output
    pats = tmp_path / "pats.yaml"
    pats.write_text("- id: x\n  code: \"999\"\n  verbs: [zap]\n")
    res = runner.invoke(cli, ["dictionary", "check", str(pats)])
    assert res.exit_code == 1 and "not a CAMEO" in res.output


@pytest.mark.model
@pytest.mark.parametrize("pub,expected", [
    (date(2003, 5, 1), "RUSGOV"),   # President
    (date(2010, 5, 1), "RUSGOV"),   # Prime Minister
    (date(2024, 5, 1), "RUSGOV"),   # President again
])
def test_same_person_coded_by_office_on_the_date(coder: Coder, pub: date, expected: str
                                                 ) -> None:
    events = code(coder, "Putin condemned NATO.", pub)
    assert expected in {e.source_code for e in events}


@pytest.mark.model
def test_former_office_holder_codes_as_elite(coder: Coder) -> None:
    during = code(coder, "Barack Obama condemned Russia.", date(2014, 3, 1))
    after = code(coder, "Barack Obama condemned Russia.", date(2019, 3, 1))
    assert "USAGOV" in {e.source_code for e in during}
    assert "USAELI" in {e.source_code for e in after}


@pytest.mark.model
def test_acronym_in_parentheses_is_learned(coder: Coder) -> None:
    events = code(coder, "The Zorblatt Liberation Army (ZLA) attacked Nigerian troops.\n"
                         "On Monday, the ZLA attacked Chad.")
    first = [e for e in events if e.sentence_index == 0]
    later = [e for e in events if e.sentence_index == 1]
    assert first and later and later[0].source_text == "the ZLA"
    assert later[0].source_code is not None
    assert later[0].source_code == first[0].source_code
    assert "(" not in (first[0].source_text or "")


@pytest.mark.model
def test_title_and_surname_find_the_office_holder_of_the_day(coder: Coder) -> None:
    events = code(coder, "Chancellor Merkel condemned Russia.", date(2015, 3, 1))
    assert "DEUGOV" in {e.source_code for e in events}


@pytest.mark.model
def test_bare_domestic_role_takes_the_country_of_the_place(coder: Coder) -> None:
    events = code(coder, "Police arrested dozens of protesters in Nairobi on Sunday.")
    assert ("KENCOP", "KENCVL") in {(e.source_code, e.target_code) for e in events}


@pytest.mark.model
def test_an_organisation_named_on_a_thing_is_not_the_actor(coder: Coder) -> None:
    assert not code(coder, "The EU law on electronic commerce provides liability protections "
                           "for hosting sites.")
    events = code(coder, "A UN report accused Israel of war crimes.")
    assert any(e.source_code == "IGOUNO" for e in events)


@pytest.mark.model
def test_a_landmark_named_after_a_capital_is_not_its_government(coder: Coder) -> None:
    events = coder.code_text("Police shot the attacker dead on London Bridge on Friday.",
                             pub_date=date(2019, 11, 29))
    assert not any((e.target_code or "").endswith("GOV") for e in events)
    events = coder.code_text("Tehran condemned the sanctions.", pub_date=date(2019, 11, 29))
    assert [e.source_code for e in events] == ["IRNGOV"]
