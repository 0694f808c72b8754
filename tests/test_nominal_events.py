"""Acts named by nouns (events/nominal): kept as events of their own when the text tells
them as facts, with the doer and target the noun's phrase names. Sentences written for
these tests (docs/annotation.md §1, "Acts named inside statements")."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.nominal.factual import context_words
from eventwire.model import Event

pytestmark = pytest.mark.model

PUB = date(2024, 5, 14)


def coded(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = coder.code_text(text, pub_date=PUB)
    return {(e.cameo_code, e.source_code or "", e.target_code or "") for e in events}


def has(got: set[tuple[str, str, str]], code: str, source: str | None,
        target: str | None) -> bool:
    """An event of `code` whose actors begin with `source` / `target` (None: empty)."""
    return any(c == code and (s.startswith(source) if source else not s)
               and (t.startswith(target) if target else not t) for c, s, t in got)


@pytest.mark.parametrize("text,code,source,target", [
    # presupposing prepositions govern the noun: the act happened
    ("The minister renewed his pledge of aid following the assassination of President "
     "Alberto Fernández of Argentina.", "186", None, "ARG"),
    ("The navy moved two frigates to the coast in response to the Iranian attacks on "
     "Saudi Arabia.", "190", "IRNMIL", "SAU"),
    ("The talks were held amid a wave of repression by the Venezuelan government against "
     "students.", "175", "VENGOV", "VEN"),
    # a noun subject of a verb that is no trigger
    ("The Turkish incursion into Syria left dozens of villages empty.", "190", "TURMIL", "SYR"),
    # the verb's object noun keeps its own 'by' and 'on' phrases
    ("The President condemned the assault on Kharkiv by Russia on Sunday.", "190", "RUS", "UKR"),
    # an answering verb's subject carried out the act; repression is of its own people
    ("The Nicaraguan government responded with a wave of repression.", "175", "NICGOV",
     "NICCVL"),
    # noun classes from the CAMEO codebook
    ("The ministry denounced the massacre of villagers in Mali by the Malian army.", "202",
     "MLIMIL", "MLI"),
    ("Canada condemned the fighting with Sudanese rebels by Sudan's army.", "190", "SDN", "SDN"),
])
def test_noun_events_told_as_facts(coder: Coder, text: str, code: str, source: str | None,
                                   target: str | None) -> None:
    got = coded(coder, text)
    assert has(got, code, source, target), got


@pytest.mark.parametrize("text,root", [
    # prevented, threatened, hypothetical, alleged: the act did not (surely) happen
    ("The army said it prevented an attack by the Taliban on Kabul.", "19"),
    ("Officials reiterated warnings of the threat of a Russian invasion of Moldova.", "19"),
    ("Leaders reaffirmed their resolve to deter any attack on Japan.", "19"),
    # a conditional clause, the content of a claim, one side of a fight named alone
    ("Chile threatened sanctions unless Peru ended its occupation of the islands.", "19"),
    ("The ministry disputed an estimate that Kenyan troops lost 40 men in Somali air strikes.",
     "19"),
    ("The envoy spoke to reporters after weeks of clashes with Houthi rebels.", "19"),
    # a figurative attack: on rights, democracy, freedoms
    ("The senator deplored the Hungarian government's attacks on press freedom.", "19"),
    ("The envoy underscored support for an inquiry into alleged killings by the Egyptian "
     "police.", "18"),
])
def test_unreal_acts_named_by_nouns_are_no_events(coder: Coder, text: str, root: str) -> None:
    got = coded(coder, text)
    assert not any(c.startswith(root) for c, _, _ in got), got


def test_one_act_told_by_verb_and_noun_is_one_event(coder: Coder) -> None:
    got = coded(coder, "Israeli aircraft struck Gaza in a series of airstrikes on Monday.")
    assert len([c for c, _, _ in got if c.startswith("19")]) == 1, got


def test_toll_after_an_attack_is_the_attack_itself(coder: Coder) -> None:
    got = coded(coder, "Five soldiers were killed after an attack by al-Shabaab in Somalia.")
    assert len([c for c, _, _ in got if c[:2] in {"18", "19"}]) == 1, got


def test_an_earlier_act_under_a_strike_is_its_own_event(coder: Coder) -> None:
    got = coded(coder, "American aircraft bombed militia depots in Iraq in retaliation for "
                       "the Iranian attacks on U.S. troops.")
    assert has(got, "190", "IRNMIL", "USA"), got


def test_context_word_classes_are_lower_case_and_disjoint() -> None:
    words = context_words()
    assert "prevent" in words.unreal_verbs and "following" in words.presupposing_preps
    assert not words.presupposing_preps & words.unreal_modifiers
    for group in (words.unreal_modifiers, words.unreal_verbs, words.unreal_nouns):
        assert all(w == w.lower() for w in group)
