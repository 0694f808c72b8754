"""`eventwire explain` says why not: the rule that came closest and why it did not apply."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.explain import explain

pytestmark = pytest.mark.model

PUB = date(2020, 1, 6)


def lines_of(coder: Coder, text: str, marker: str = "NO EVENT") -> list[str]:
    return [ln.strip() for ln in explain(coder, text, PUB).splitlines() if marker in ln]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the case: a market sense of a protest verb, no actor
        ("Stocks rallied on Monday.", ["'rallied'", "no actor resolved", "'Stocks'"]),
        (
            "Iran did not sign the deal with Iraq.",
            ["sign.agreement", "057 Sign formal agreement", "negated"],
        ),
        ("Iran could attack Iraq.", ["190 Use conventional military force", "hypothetical"]),
        ("A train crash killed 40 people in Egypt.", ["accident or disaster"]),
        ("The weather was nice.", ["skipped by the prefilter", "no trigger candidate"]),
        ("Iran refused to meet Iraq.", ["'refused'", "gave way", "'meet'"]),
    ],
)
def test_a_sentence_without_an_event_names_the_reason(
    coder: Coder, text: str, words: list[str]
) -> None:
    found = lines_of(coder, text)
    assert found, explain(coder, text, PUB)
    joined = " ".join(found)
    for w in words:
        assert w in joined, (w, joined)


def test_a_verb_whose_patterns_do_not_fit_names_the_closest_and_what_it_needs(coder: Coder) -> None:
    # (not "called": a bare "called X" fits the labelling pattern, which then finds no label)
    found = " ".join(lines_of(coder, "Iran granted Iraq."))
    assert "no verb pattern matched" in found
    assert "closest pattern" in found and "needs" in found and "'grant'" in found


def test_the_prefilter_names_a_trigger_form_without_the_words_it_needs(coder: Coder) -> None:
    found = " ".join(lines_of(coder, "Iran signed the letter."))
    assert "skipped by the prefilter" in found and "'signed'" in found


def test_an_event_without_a_target_says_which_words_did_not_resolve(coder: Coder) -> None:
    found = lines_of(coder, "The minister attacked the plan.", marker="why no target")
    assert found and "'the plan'" in found[0]


def test_events_carry_cameo_and_plover_labels(coder: Coder) -> None:
    out = explain(coder, "Iran attacked Iraq on Sunday.", PUB)
    event = next(ln for ln in out.splitlines() if "EVENT 19" in ln)
    assert "root 19 Fight" in event and "PLOVER ASSAULT Assault" in event
    assert "source IRNMIL Iran (military)" in out  # a country that fights: its forces


def test_explain_codes_the_same_events_as_the_coder(coder: Coder) -> None:
    text = (
        "Iran and Iraq signed a defence agreement in Tehran on Sunday. Stocks rallied. "
        "The minister said Iran would not attack Iraq."
    )
    rows = [ln for ln in explain(coder, text, PUB, as_json=True).splitlines() if ln]
    assert len(rows) == len(coder.code_text(text, pub_date=PUB))
