"""Each choice rule of eventwire.geo.rules on its own, table-driven: a sentence, the trigger,
what the caller knows, and what the rule says (None: it does not apply)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.geo import Gazetteer, LeadPlace, Place
from eventwire.geo import rules as R
from eventwire.geo.choose import choose, resolve_mentions
from eventwire.geo.rules import Situation
from eventwire.geo.syntax import done_online


def _place(gaz: Gazetteer, spec: str | None) -> Place | None:
    """ "Tehran" (a wire dateline), "lead:Magnitogorsk" (a place the lead names)."""
    if spec is None:
        return None
    lead = spec.startswith("lead:")
    place = gaz.lookup(spec.removeprefix("lead:"))
    assert place is not None, spec
    return LeadPlace.of(place) if lead else place


def situation(nlp: Any, gaz: Gazetteer, text: str, trigger: str, **known: Any) -> Situation:
    actors = known.pop("actors", ())
    dateline = _place(gaz, known.pop("dateline", None))
    before = known.pop("before", None)
    article = f"{before} {text}" if before else None
    doc = nlp(text)
    sent = next(iter(doc.sents))
    trig = next(t for t in doc if t.text == trigger)
    exclude = [t.i for t in doc if t.text in actors]
    hint = dateline.country if dateline is not None else None
    resolved, office = resolve_mentions(sent, trig, gaz, exclude=exclude, hint=hint)
    return Situation(
        sent=sent,
        trigger=trig,
        gazetteer=gaz,
        resolved=resolved,
        office=office,
        dateline=dateline,
        article=article,
        online=done_online(trig),
        **known,
    )


def said(found: R.Found | None) -> tuple[str | None, str | None] | None:
    if found is None:
        return None
    place, _, reason = found
    return (place.name if place is not None else None, reason)


NOWHERE = (None, None)  # decided: several places in no one country
CASES: dict[R.Rule, list[tuple[str, str, dict[str, Any], tuple[str | None, str | None] | None]]]
CASES = {
    R.trigger_prep: [
        ("Protesters gathered in Tehran on Friday.", "gathered", {}, ("Tehran", "trigger_prep")),
        ("The minister travelled to Moscow.", "travelled", {}, ("Moscow", "trigger_prep")),
        (
            "Curfews were imposed in Mecca and Medina.",
            "imposed",
            {},
            ("Saudi Arabia", "trigger_prep"),
        ),
        ("People burn fossil fuels in London and Los Angeles.", "burn", {}, NOWHERE),
        ("Iran imposed sanctions on Russia.", "imposed", {}, None),
    ],
    R.where_clause: [
        ("He flew to Baghdad, where he was killed.", "killed", {}, ("Baghdad", "trigger_prep")),
        ("He was killed on Friday.", "killed", {}, None),
    ],
    R.sentence: [
        (
            "Kabul police said the minister criticized Pakistan.",
            "criticized",
            {},
            ("Kabul", "sentence"),
        ),
        (
            "A crash on a Florida highway near Gainesville killed two people.",
            "killed",
            {},
            ("Gainesville", "sentence"),
        ),
        ("China criticized Japan.", "criticized", {}, None),
        ("A peace agreement between Japan and Russia was signed.", "signed", {}, None),
        # a country naming whose people or thing a noun is, is not where anything happened
        (
            "Eleven U.S. service members were injured in the attack on the base in Iraq.",
            "injured",
            {},
            ("Iraq", "sentence"),
        ),
        ("Iran's leader criticized the deal.", "criticized", {}, None),
        # a place in the object of another coordinated verb is that act's, not the trigger's
        ("Peru cut ties with the junta and closed its embassy in Yangon.", "cut", {}, None),
        ("Peru cut ties with the junta and closed its embassy in Yangon.", "closed", {},
         ("Yangon", "sentence")),
        # ... but a phrase on the other verb may be the scene of both
        ("Gunmen killed three people and wounded five in Kabul.", "killed", {},
         ("Kabul", "sentence")),
        # a region named only to say where a town is, is not the act's place
        ("Rebels seized Kalemie, the capital of Tanganyika Province, on Sunday.", "seized", {},
         None),
        ("Gunmen attacked Bunia, the main city of Ituri Province, on Sunday.", "attacked", {},
         None),
        ("Rebels seized Kalemie, a town in Tanganyika Province, on Sunday.", "seized", {}, None),
        ("Fighting continued across Tanganyika Province on Sunday.", "continued", {},
         ("Tanganyika", "sentence")),
        # ... but one naming a place in it is a place
        (
            "Insurgents bombarded a part of Syria's second city overnight.",
            "bombarded",
            {},
            ("Syria", "sentence"),
        ),
    ],
    R.office: [
        (
            "Sergei Sobyanin, the mayor of Moscow, extended the lockdown.",
            "extended",
            {"actors": ("Sergei", "Sobyanin")},
            ("Moscow", "office"),
        ),
        ("The mayor extended the lockdown.", "extended", {}, None),
        # the actor's own words name the seat of its office
        (
            "The Mayor of Lviv, Andriy Sadovyi, imposed a curfew in the city.",
            "imposed",
            {"actors": ("Mayor", "of", "Lviv", ",", "Andriy", "Sadovyi")},
            ("Lviv", "office"),
        ),
        (
            "The Governor of Kherson announced an evacuation.",
            "announced",
            {"actors": ("Governor", "of", "Kherson")},
            ("Kherson", "office"),
        ),
        # a former office holder is not at its seat
        (
            "Former New Jersey governor Chris Christie denounced the claims.",
            "denounced",
            {"actors": ("Former", "New", "Jersey", "governor", "Chris", "Christie")},
            None,
        ),
        # a national office names no local seat
        (
            "The President of Ukraine announced an evacuation.",
            "announced",
            {"actors": ("President", "of", "Ukraine")},
            None,
        ),
    ],
    R.context: [
        (
            "Two people were killed.",
            "killed",
            {"before": "Bombings hit a market in the capital, Tunis.", "dateline": "lead:Tunisia"},
            ("Tunis", "context"),
        ),
        (
            "Biden criticized the move.",
            "criticized",
            {"before": "Leaders met at a summit in Athens.", "dateline": "lead:Greece"},
            None,
        ),
        (
            "Two people were killed.",
            "killed",
            {"before": "Bombings hit a market in Tunis.", "dateline": "Sfax"},
            None,
        ),
    ],
    R.source: [
        (
            "The Armenians claim the attack was planned.",
            "claim",
            {"source_country": "ARM", "dateline": "lead:United States"},
            ("Armenia", "source"),
        ),
        (
            "The Armenians claim the attack was planned.",
            "claim",
            {"source_country": "ARM", "dateline": "Yerevan"},
            None,
        ),
    ],
    R.national_body: [
        (
            "The FSB denies the report.",
            "denies",
            {"national": "RUS", "dateline": "lead:Magnitogorsk"},
            ("Russia", "lead"),
        ),
        (
            "The FSB denies the report.",
            "denies",
            {"national": "RUS", "dateline": "lead:Russia"},
            None,
        ),
    ],
    R.online_doer: [
        (
            "Trump, on Twitter, defended the withdrawal.",
            "defended",
            {"doer_country": "USA"},
            ("United States", "source"),
        ),
        ("Trump defended the withdrawal.", "defended", {"doer_country": "USA"}, None),
    ],
    R.online_story: [
        ("He praised Mendez on Twitter.", "praised", {"dateline": "Tehran"}, ("Iran", "dateline")),
        ("He praised Mendez.", "praised", {"dateline": "Tehran"}, None),
    ],
    R.standing: [
        (
            "She opposes the police state.",
            "opposes",
            {"dateline": "lead:Gdansk"},
            ("Poland", "lead"),
        ),
        ("She criticized the police.", "criticized", {"dateline": "lead:Gdansk"}, None),
    ],
    R.story: [
        (
            "He criticized the police.",
            "criticized",
            {"dateline": "lead:Magnitogorsk"},
            ("Magnitogorsk", "lead"),
        ),
        ("He criticized the police.", "criticized", {"dateline": "Tehran"}, ("Tehran", "dateline")),
        ("He criticized the police.", "criticized", {}, None),
    ],
    R.actors: [
        (
            "Boeing is collaborating with NASA.",
            "collaborating",
            {"actor_countries": ("USA", None, "USA")},
            ("United States", "actors"),
        ),
        (
            "Boeing is collaborating with Airbus.",
            "collaborating",
            {"actor_countries": ("USA", "FRA")},
            None,
        ),
    ],
}


@pytest.mark.model
@pytest.mark.parametrize(
    ("rule", "text", "trigger", "known", "expected"),
    [(rule, *case) for rule, cases in CASES.items() for case in cases],
    ids=[f"{rule.__name__}-{n}" for rule, cases in CASES.items() for n in range(len(cases))],
)
def test_rule(
    nlp: Any,
    gaz: Gazetteer,
    rule: R.Rule,
    text: str,
    trigger: str,
    known: dict[str, Any],
    expected: tuple[str | None, str | None] | None,
) -> None:
    assert said(rule(situation(nlp, gaz, text, trigger, **dict(known)))) == expected


def test_every_rule_has_its_table() -> None:
    assert set(CASES) == set(R.RULES)
    assert all(any(e is None for *_, e in CASES[r]) for r in R.RULES)  # and a case it skips


def test_the_first_rule_that_applies_decides(gaz: Gazetteer) -> None:
    tehran = gaz.lookup("Tehran")
    seen: list[str] = []

    def skip(s: Situation) -> R.Found | None:
        seen.append("skip")
        return None

    def nowhere(s: Situation) -> R.Found | None:
        seen.append("nowhere")
        return None, None, None

    def tehran_rule(s: Situation) -> R.Found | None:
        seen.append("tehran")
        return tehran, "Tehran", "sentence"

    s = Situation(sent=None, trigger=None, gazetteer=gaz, resolved=())  # type: ignore[arg-type]
    assert choose(s, (skip, tehran_rule, nowhere)) == (tehran, "Tehran", "sentence")
    assert seen == ["skip", "tehran"]
    assert choose(s, (skip, nowhere, tehran_rule)) == (None, None, None)
    assert choose(s, (skip,)) == (None, None, None)
