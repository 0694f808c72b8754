"""The issuer's own criticism with no verb of saying (events/disapproval.py): a statement's
judgement of another actor's act by a negative predicate, a verb holding the act against a
norm, or a wrong named as such, is CAMEO 11 by the issuer (or the quoted speaker) against
the act's doer."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events.disapproval import words
from eventwire.model import Article, Event

pytestmark = pytest.mark.model

PUB = date(2023, 3, 14)
RELEASE = "U.S. Department of State"


def coded(coder: Coder, text: str, source: str | None = RELEASE) -> list[Event]:
    art = Article(id="t", text=text, pub_date=PUB, source=source)
    return list(next(iter(coder.code_articles([art]))).events)


def criticisms(events: list[Event]) -> list[Event]:
    return [e for e in events if e.cameo_root == "11"]


@pytest.mark.parametrize(
    "text,code,target",
    [
        # a copula with a negative predicate about an actor's act
        ("Iran's seizure of the tanker is a clear violation of international law.", "111",
         "IRN"),
        ("Russia's detention of the opposition leader is a flagrant affront to the rule of law.",
         "111", "RUS"),
        ("The Syrian regime's use of chemical weapons was reckless and abhorrent.", "111", "SYR"),
        ("Russia's bombing of the maternity hospital was a war crime.", "1124", "RUS"),
        ("Beijing's military drills around Taiwan are provocative and destabilizing.", "111",
         "CHN"),
        # a verb holding the act against a norm
        ("The decision by the Venezuelan government to close the border goes against its "
         "commitments.", "111", "VEN"),
        ("North Korea's repeated missile tests contravene several Security Council resolutions.",
         "111", "PRK"),
        # the issuer labels an actor
        ("Hamas consists of terrorists who target civilians.", "111", "PSE"),
        # a wrong named as such, owned by its doer
        ("Protesters continue to face the brutal crackdown by the Iranian regime.", "111", "IRN"),
        ("The people of Belarus suffer under the Lukashenka regime's repression.", "111", "BLR"),
        ("Ukraine continues to defend itself against Russia's aggression.", "1123", "RUS"),
        ("Ortega took office after fraudulent elections staged by the Nicaraguan regime.",
         "111", "NIC"),
        ("Families fled the horrific violence from Myanmar's military.", "111", "MMR"),
        # the doer as the subject of a verb doing the wrong
        ("The Secretary noted that Serbian forces are committing human rights abuses.", "1122",
         "SRB"),
        ("Ethiopian troops have engaged in atrocities against civilians.", "1122", "ETH"),
        ("Myanmar's army responded with brutal repression of the protests.", "111", "MMR"),
        ("President Lukashenko has chosen a premeditated campaign of repression.", "111", "BLR"),
    ],
)
def test_a_releases_judgement_of_an_actors_act_is_the_issuers_criticism(
    coder: Coder, text: str, code: str, target: str
) -> None:
    found = criticisms(coded(coder, text))
    assert any(
        e.cameo_code == code and e.source_code == "USAGOV"
        and (e.target_code or "").startswith(target)
        for e in found
    ), [(e.source_code, e.target_code, e.cameo_code) for e in found]


@pytest.mark.parametrize(
    "text,speaker,target",
    [
        ("The Japanese foreign minister said China's incursions into its waters were a "
         "provocation.", "JPN", "CHN"),
        ("Lithuania's president said that Belarus's forced landing of the plane was an act of "
         "state terrorism.", "LTU", "BLR"),
    ],
)
def test_a_quoted_speakers_judgement_is_the_speakers_criticism(
    coder: Coder, text: str, speaker: str, target: str
) -> None:
    found = criticisms(coded(coder, text, source=None))
    assert any(
        (e.source_code or "").startswith(speaker) and (e.target_code or "").startswith(target)
        for e in found
    ), [(e.source_code, e.target_code, e.cameo_code) for e in found]


@pytest.mark.parametrize(
    "text,source",
    [
        # neutral copulas and positive evaluations
        ("Poland's decision to host the summit is final.", RELEASE),
        ("Brazil's election was a peaceful and orderly process.", RELEASE),
        ("Japan's assistance to the flood victims is a remarkable act of generosity.", RELEASE),
        # an actor's things that are no act of it
        ("Iran's economy is weak and its currency is worthless.", RELEASE),
        # the issuer criticises no actor
        ("These actions are reckless and unacceptable.", RELEASE),
        ("The violence is a tragedy for the whole region.", RELEASE),
        # negated and hypothetical judgements
        ("Germany's decision to export the tanks is not a violation of the treaty.", RELEASE),
        ("An invasion by Russia would be a catastrophic mistake.", RELEASE),
        ("Any aggression by China against its neighbours will meet a firm response.", RELEASE),
        # the issuer's own acts
        ("The United States' withdrawal from the treaty was a mistake.", RELEASE),
        # news with no issuer and no speaker; a quoted source that is no actor
        ("Russia's aggression against Ukraine began in 2014.", None),
        ("Historians wrote that Rome's conquest of Gaul was brutal.", None),
        ("The report said Iran's seizure of the tanker was a violation of the law.", RELEASE),
        # a wrong named inside another actor's reported act: the actor's grievance
        ("The activist began a hunger strike in protest against the abuses by Egyptian police, "
         "his lawyer said.", None),
    ],
)
def test_no_criticism_without_a_negative_judgement_of_another_actors_act(
    coder: Coder, text: str, source: str | None
) -> None:
    found = [e for e in coded(coder, text, source)
             if (e.rule_id or "").startswith("disapproval")]
    assert not found, [(e.source_code, e.target_code, e.cameo_code) for e in found]


@pytest.mark.parametrize(
    "text,target",
    [
        ("The United States condemns Russia's brutal aggression against Ukraine.", "RUS"),
        ("The Secretary criticized the Iranian regime's brutal crackdown on protesters.", "IRN"),
        ("The High Representative condemned the attempted coup by Malian soldiers.", "MLI"),
        ("Chinese authorities' new security law undermines the autonomy of Hong Kong.", "CHN"),
    ],
)
def test_one_criticism_per_act_when_a_verb_already_codes_it(
    coder: Coder, text: str, target: str
) -> None:
    found = [e for e in criticisms(coded(coder, text))
             if (e.target_code or "").startswith(target)]
    assert len(found) == 1, [(e.source_code, e.target_code, e.cameo_code, e.rule_id)
                             for e in found]


def test_a_judgement_under_another_verbal_act_is_not_coded_again(coder: Coder) -> None:
    events = coded(coder, "The Secretary expressed concern over Chinese harassment of fishing "
                          "boats.")
    assert not any((e.rule_id or "").startswith("disapproval") for e in events)


def test_the_word_lists_give_only_disapproval_codes() -> None:
    w = words()
    assert all(c.startswith("11") for c in [*w.wrong_nouns.values(),
                                            *w.wrong_modifiers.values()])
    assert {"be", "consist"} <= w.copulas and "commit" in w.doing_verbs
