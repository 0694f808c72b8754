"""Criticism and praise by labelling (events/labels_rule.py): a negative label of an actor
or of an actor's act is 111 (target the one labelled, or the act's doer); a positive one is
051; a neutral label, a negated one, or a label of no actor gives no event."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.labels_rule import evaluative_words
from eventwire.model import Event

PUB = date(2021, 3, 2)


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source_code or "", e.target_code or "", e.cameo_code) for e in events}


def test_evaluative_table_has_both_polarities_and_no_word_twice() -> None:
    table = evaluative_words()
    assert sum(v == "neg" for v in table.values()) >= 150
    assert sum(v == "pos" for v in table.values()) >= 150
    assert table["traitor"] == "neg" and table["ally"] == "pos"
    assert "meeting" not in table and "leader" not in table


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        # the actor labelled
        ("Erdogan labelled Macron a fascist.", ("TURGOV", "FRAGOV", "111")),
        ("Turkey called Sweden a haven for terrorists and a hypocrite.", ("TURGOV", "SWE", "111")),
        ("Iran called Saudi Arabia a puppet.", ("IRNGOV", "SAU", "111")),
        ("The Kremlin branded Ukraine a criminal regime.", ("RUSGOV", "UKR", "111")),
        # the doer of the act labelled: possessor, nationality
        ("Iran described Israel's decision as reckless and illegal.", ("IRNGOV", "ISR", "111")),
        ("China called Japan's move a dangerous provocation.", ("CHNGOV", "JPN", "111")),
        ("Syria described the Israeli air raid as a flagrant violation of its sovereignty.",
         ("SYRGOV", "ISRMIL", "111")),
        ("Pakistan characterized India's statement as baseless propaganda.",
         ("PAKGOV", "IND", "111")),
        # the labeller of a verb parsed as a conjunct of the clause its speaker reports
        ("Canada said the vote was a sham and described Venezuela's election as fraudulent.",
         ("CANGOV", "VEN", "111")),
        # positive labels are praise
        ("India called Japan a trusted partner and a true friend.", ("INDGOV", "JPN", "051")),
        ("Kenya described Ethiopia's offer as generous and constructive.",
         ("KENGOV", "ETH", "051")),
    ],
)
def test_labelling_an_actor_or_its_act_is_criticism_or_praise(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(coder.code_text(text, pub_date=PUB))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Egypt called Sudan's proposal a plan.",           # neutral label
        "The minister called a meeting of the cabinet.",   # no label
        "Russia did not call Germany an enemy.",           # negated
        "Brazil called the weather a disaster.",           # no actor labelled
        "Chile called it a disgrace.",                     # a thing, not an actor
    ],
)
def test_neutral_negated_or_actorless_labels_give_no_labelling_event(
    coder: Coder, text: str
) -> None:
    events = coder.code_text(text, pub_date=PUB)
    assert not [e for e in events if e.rule_id in {"label"}]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        # a claimed refusal or threat is an allegation against its doer, not the act
        ("Germany claimed that Russia refused to extend the treaty with Ukraine.",
         ("DEUGOV", "RUS", "112")),
        ("Poland alleged that Belarus threatened to close the border.", ("POLGOV", "BLR", "112")),
        # publishing allegations accuses the one they are about
        ("Le Monde published allegations against President Macron.",
         ("FRAMED", "FRAGOV", "112")),
        ("The newspaper aired allegations about the Kenyan government's spending.",
         ("", "KENGOV", "112")),
    ],
)
def test_claimed_wrongs_and_published_allegations_accuse_the_doer(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    events = coder.code_text(text, pub_date=PUB)
    got = {t for t in triples(events) if t[2] == "112"}
    assert expected[1:] in {t[1:] for t in got}
    if expected[0]:
        assert expected in got
    assert not [e for e in events if e.cameo_code[:2] in {"12", "13"}]  # the act is not coded


@pytest.mark.model
def test_claiming_ones_own_refusal_is_no_accusation(coder: Coder) -> None:
    events = coder.code_text("Hungary claimed it had refused to sign the treaty.", pub_date=PUB)
    assert not [e for e in events if e.cameo_code in {"112", "015"}]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia claimed that the Ukrainian government was a fascist regime.",
         ("RUSGOV", "UKRGOV", "112")),
        ("Armenia asserted that Azerbaijan's leadership was corrupt and dishonest.",
         ("ARMGOV", "AZEGOV", "112")),
        ("Qatar alleged that the Egyptian government had hidden the report.",
         ("QATGOV", "EGYGOV", "112")),
    ],
)
def test_claiming_an_actor_is_bad_or_alleging_its_act_accuses_it(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(coder.code_text(text, pub_date=PUB))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Israel claimed that Iran was a friend.", "Peru claimed that the border was long."],
)
def test_a_claim_with_no_negative_label_is_no_accusation(coder: Coder, text: str) -> None:
    assert not [e for e in coder.code_text(text, pub_date=PUB) if e.cameo_code == "112"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Lithuania alleged Russian involvement in the cyberattack.", ("LTUGOV", "RUS", "112")),
        ("Taiwan blamed Chinese interference for the outage.", ("TWNGOV", "CHN", "112")),
    ],
)
def test_criticizing_an_act_named_by_nationality_targets_its_doer(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    got = {t[:2] for t in triples(coder.code_text(text, pub_date=PUB)) if t[2][:2] == "11"}
    assert expected[:2] in got


@pytest.mark.model
def test_an_allegation_with_no_accuser_named_is_not_read_into_the_clause(coder: Coder) -> None:
    events = coder.code_text("A leaked report alleged that Belgium had hidden the evidence.",
                             pub_date=PUB)
    assert not [e for e in events if e.cameo_code[:2] == "11" and e.target_code == "BEL"]
