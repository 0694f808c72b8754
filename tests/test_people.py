"""The date-bounded people table (data/people.tsv) and its coverage report."""

from __future__ import annotations

import csv
import importlib.util
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.actors.dictionary import load_builtin
from eventwire.coder import Coder

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "people_coverage.py"

# surnames that are common words or other famous people's names: never a bare alias
RISKY = {"rice", "brown", "may", "abe", "lee", "kim", "bush", "blair", "smith", "hill",
         "moore", "wong", "graham", "bishop", "carr", "cannon", "green", "rossi", "park",
         "song", "han", "cho", "singh", "rudd", "johnson", "nelson", "payne", "miller"}


def _rows() -> list[dict[str, str]]:
    text = resources.files("eventwire.data").joinpath("people.tsv").read_text("utf-8")
    return list(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")),
                               delimiter="\t"))


@pytest.fixture(scope="module")
def coverage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("people_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["people_coverage"] = module
    spec.loader.exec_module(module)
    return module


def test_people_table_loads_with_dated_rows() -> None:
    people = [e for e in load_builtin().entries if e.kind == "person"]
    assert len({e.canonical for e in people}) > 1500
    assert all(e.start is not None for e in people)
    assert all(e.end is None or e.start is None or e.start <= e.end for e in people)


def test_no_risky_surname_is_a_bare_alias() -> None:
    bare = {(r["name"], a) for r in _rows()
            for a in [r["name"], *filter(None, r["aliases"].split("|"))] if a.lower() in RISKY}
    assert bare == set()


def test_g20_minister_rows_name_their_source(coverage: ModuleType) -> None:
    rows = [r for r in _rows() if r["country"] in coverage.G20
            and coverage.office_of(r["role"], r["country"]) in {"foreign minister",
                                                                 "defence minister"}
            and (r["end"] == "" or r["end"] >= "2000-01-01")]
    assert len(rows) > 250
    assert [r["name"] for r in rows if not r["source"].strip()] == []


def test_gaps_are_the_uncovered_stretches(coverage: ModuleType) -> None:
    spans = [(date(2000, 1, 1), date(2000, 1, 10)), (date(2000, 1, 5), date(2000, 1, 20)),
             (date(2000, 2, 1), date(2000, 3, 1))]
    assert coverage.gaps(spans, date(2000, 1, 1), date(2000, 3, 31)) == [
        (date(2000, 1, 21), date(2000, 1, 31)), (date(2000, 3, 2), date(2000, 3, 31))]
    assert coverage.gaps([], date(2000, 1, 1), date(2000, 1, 2)) == [
        (date(2000, 1, 1), date(2000, 1, 2))]


def test_offices_read_from_roles(coverage: ModuleType) -> None:
    assert coverage.office_of("Acting Secretary of Defense", "USA") == "defence minister"
    assert coverage.office_of("Secretary of State", "USA") == "foreign minister"
    assert coverage.office_of("Secretary of State", "GBR") is None
    assert coverage.office_of("Chancellor of the Exchequer", "GBR") is None
    assert coverage.office_of("Interim President", "MLI") == "head of state"


def test_un_members_are_the_193(coverage: ModuleType) -> None:
    members = coverage.members()
    assert len(members) == 193
    assert {"SSD", "MNE", "TLS", "CHE", "USA"} <= set(members)
    assert not {"PSE", "VAT", "TWN", "XKX"} & set(members)


def test_coverage_report_meets_the_g20_minister_requirement(coverage: ModuleType) -> None:
    lines = coverage.report(coverage.DATA / "people.tsv", date(2026, 12, 1), False, 31)
    ministers = next(ln for ln in lines if ln.startswith("G20, foreign and defence"))
    share = float(ministers.rsplit(", ", 1)[1].split("%")[0])
    assert share >= 99.0, ministers


@pytest.mark.model
@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("Foreign Minister Lavrov condemned NATO.", date(2015, 5, 1), "RUSGOV"),
    ("Reagan condemned the Soviet Union.", date(1985, 5, 1), "USAGOV"),
    ("Reagan condemned the Soviet Union.", date(1995, 5, 1), "USAELI"),
    ("Chancellor Kohl met French President Mitterrand.", date(1990, 5, 1), "DEUGOV"),
    ("Foreign Minister Celso Amorim condemned the coup.", date(2005, 5, 1), "BRAGOV"),
    ("Defence Minister Harjit Sajjan condemned Russia.", date(2017, 5, 1), "CANGOV"),
    ("Prime Minister Abe condemned North Korea.", date(2015, 5, 1), "JPNGOV"),
])
def test_dated_people_resolve(coder: Coder, text: str, pub: date, expected: str) -> None:
    events = coder.code_text(text, pub_date=pub)
    assert expected in {e.source_code for e in events}, [e.source_code for e in events]


@pytest.mark.model
def test_a_bare_risky_surname_is_not_a_person(coder: Coder) -> None:
    # "Bush" alone named George H. W. Bush (1989-93) in every year, so a 2005 "Bush" was a
    # former president (USAELI); now only a title or the article's full mention gives it
    events = coder.code_text("President Bush condemned Iran.", pub_date=date(2005, 5, 1))
    assert "USAGOV" in {e.source_code for e in events}
    events = coder.code_text("May condemned Iran.", pub_date=date(2017, 5, 1))
    assert "GBRGOV" not in {e.source_code for e in events}
