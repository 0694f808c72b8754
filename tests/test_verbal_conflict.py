"""Verbal conflict on news-style sentences: disapproval (11), rejection (12), demands (10),
threats (13) and reduced relations (16), by verbs, nouns, predicates, statements, passives,
reported speech and stories whose speaker is named in an earlier sentence
(events/verbal_conflict.py, events/disapproval.py and the verb patterns of events.yaml).

Each row codes one sentence (or a short story) and asserts that an event of the root is
coded with the source and target countries (None: not checked). The sentences are the
project's own, written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.coder import Coder
from eventwire.events import verbal_conflict
from eventwire.model import Article, Event

pytestmark = pytest.mark.model

PUB = date(2023, 3, 14)
RELEASE = "U.S. Department of State"
VERBAL_ROOTS = {"10", "11", "12", "13", "16"}


def coded(coder: Coder, text: str, source: str | None = None) -> list[Event]:
    art = Article(id="t", text=text, pub_date=PUB, source=source)
    return list(next(iter(coder.code_articles([art]))).events)


def found(events: list[Event], root: str, src: str | None, tgt: str | None) -> bool:
    return any(e.cameo_root == root and (src is None or e.source_country == src)
               and (tgt is None or e.target_country == tgt) for e in events)


def shown(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo_code, e.source_code, e.target_code) for e in events]


NEWS = [
    # verbs of criticism
    ("China condemned the United States on Tuesday for sending warships through the Taiwan "
     "Strait.", "11", "CHN", "USA"),
    ("Iran's foreign ministry denounced Saudi Arabia over the execution of a prominent cleric.",
     "11", "IRN", "SAU"),
    ("Turkish President Recep Tayyip Erdogan slammed Greece for its treatment of migrants at "
     "the border.", "11", "TUR", "GRC"),
    ("Pakistan decried India's decision to revoke the special status of Kashmir.", "11", "PAK",
     "IND"),
    ("The German chancellor rebuked Hungary over its new media law.", "11", "DEU", "HUN"),
    ("Japan chided South Korea for failing to honour a 2015 agreement.", "11", "JPN", "KOR"),
    ("Venezuelan President Nicolas Maduro lambasted Colombia, saying it harboured mercenaries.",
     "11", "VEN", "COL"),
    ("Ukraine's president blasted Russia for shelling civilian neighbourhoods in Kharkiv.",
     "11", "UKR", "RUS"),
    ("The French government faulted Mali's junta for delaying the promised elections.", "11",
     "FRA", "MLI"),
    ("Egypt criticised Ethiopia's unilateral filling of the giant Nile dam.", "11", "EGY", "ETH"),
    ("Canada censured Saudi Arabia over the arrest of women's rights activists.", "11", "CAN",
     "SAU"),
    ("Beijing castigated Canberra for calling for an inquiry into the origins of the virus.",
     "11", "CHN", "AUS"),
    ("Armenia deplored Azerbaijan's shelling of villages near the border.", "11", "ARM", "AZE"),
    ("Turkey's President Erdogan criticizes Sweden and Finland for harbouring Kurdish "
     "militants.", "11", "TUR", "FIN"),
    # accusing, blaming, holding responsible, alleging
    ("Ukraine accused Russia of deliberately targeting power stations.", "11", "UKR", "RUS"),
    ("Seoul blamed Pyongyang for the sinking of the warship.", "11", "KOR", "PRK"),
    ("Officials in Kabul blamed Pakistan for harbouring Taliban fighters.", "11", "AFG", "PAK"),
    ("Serbia holds Kosovo responsible for the escalation in the north, the president said.",
     "11", "SRB", "KSV"),
    ("Jordan holds Israel fully responsible for the consequences.", "11", "JOR", "ISR"),
    ("The Lebanese army held Israel responsible for the shelling of a border post.", "11",
     "LBN", "ISR"),
    ("Moscow charged that Washington was meddling in its internal affairs.", "11", "RUS", "USA"),
    ("Azerbaijan's defence ministry alleged that Armenian forces had violated the truce.", "11",
     "AZE", "ARM"),
    ("Azerbaijan and Armenia accuse each other of violating the ceasefire.", "11", "ARM", "AZE"),
    ("Russia and Ukraine accused one another of attacking the nuclear plant.", "11", "UKR",
     "RUS"),
    ("Saudi Arabia and Egypt cut diplomatic ties with Qatar, accusing it of supporting "
     "terrorism.", "11", "EGY", "QAT"),
    # nouns of reproach
    ("The Chinese military drills drew sharp condemnation from Taiwan.", "11", "TWN", "CHN"),
    ("Russia's annexation of the regions drew condemnation from Germany and France.", "11",
     "FRA", "RUS"),
    ("In a rebuke to Beijing, the Philippines summoned China's ambassador.", "11", "PHL", "CHN"),
    ("Iran's criticism of Bahrain followed the arrest of dozens of Shiite clerics.", "11", "IRN",
     "BHR"),
    ("Poland's condemnation of Belarus came after migrants were pushed toward the border.",
     "11", "POL", "BLR"),
    ("Mexico voiced strong criticism of the United States over the border wall.", "11", "MEX",
     "USA"),
    ("Kenya lodged a strong protest with Somalia over the incursion.", "11", "KEN", "SOM"),
    # labels and predicates
    ("Greece described Turkey's actions in the Aegean as a violation of international law.",
     "11", "GRC", "TUR"),
    ("Lithuania branded Russia's exercises near its border a dangerous provocation.", "11",
     "LTU", "RUS"),
    ("Qatar termed the Israeli raid on the mosque a flagrant violation.", "11", "QAT", "ISR"),
    ("The Kenyan president said Uganda's decision to close the border was unacceptable.", "11",
     "KEN", "UGA"),
    ("Nigeria said Cameroon's expulsion of its citizens was inhumane.", "11", "NGA", "CMR"),
    ("Syria's foreign minister told reporters that Israel's strikes on Damascus airport were a "
     "violation of international law.", "11", "SYR", "ISR"),
    # statement forms and their targets
    ("The Ministry of Foreign Affairs of Ukraine condemns in the strongest terms the missile "
     "strike by Russia on Odesa.", "11", "UKR", "RUS"),
    ("Qatar strongly condemns the storming of Al-Aqsa Mosque by Israeli forces.", "11", "QAT",
     "ISR"),
    ("Jordan strongly denounces the Israeli government's decision to build new settlements.",
     "11", "JOR", "ISR"),
    # passives
    ("Myanmar's junta was criticised by Indonesia for executing four activists.", "11", "IDN",
     "MMR"),
    ("Belarus was condemned by Lithuania after a migrant died at the border.", "11", "LTU",
     "BLR"),
    ("Rwanda has been accused by Congo of backing the M23 rebels.", "11", "COD", "RWA"),
    # the speaker named in an earlier sentence, by the office alone
    ("Finland's foreign minister spoke to reporters in Helsinki on Monday. She condemned "
     "Russia's closure of the border crossing.", "11", "FIN", "RUS"),
    ("Finland's foreign minister arrived in Oslo on Monday. The minister condemned Russia's "
     "closure of the border.", "11", "FIN", "RUS"),
    ("President Ramaphosa addressed parliament on Thursday. He criticised Rwanda for its role "
     "in eastern Congo.", "11", "ZAF", "RWA"),
    # rejection
    ("Israel rejected the Egyptian ceasefire proposal.", "12", "ISR", "EGY"),
    ("Hamas rejected Israel's offer of a six-week truce.", "12", "PSE", "ISR"),
    ("North Korea refused to hold talks with South Korea.", "12", "PRK", "KOR"),
    ("Russia vetoed a Security Council resolution drafted by the United States.", "12", "RUS",
     "USA"),
    ("China vetoed the resolution proposed by Britain and France.", "12", "CHN", "GBR"),
    ("Iran dismissed the American demand to halt enrichment.", "12", "IRN", "USA"),
    ("Ethiopia turned down Sudan's offer to mediate.", "12", "ETH", "SDN"),
    ("Pakistan refused India's request to extradite the suspect.", "12", "PAK", "IND"),
    # demands
    ("China demanded that Japan stop releasing treated water into the sea.", "10", "CHN", "JPN"),
    ("Ukraine demanded the immediate withdrawal of Russian troops.", "10", "UKR", "RUS"),
    ("Iran insisted that the United States lift all sanctions first.", "10", "IRN", "USA"),
    ("Morocco demanded an apology from Spain.", "10", "MAR", "ESP"),
    # threats
    ("Turkey threatened to launch a new offensive against Kurdish fighters in Syria.", "13",
     "TUR", "SYR"),
    ("North Korea warned South Korea of a merciless response to the drills.", "13", "PRK", "KOR"),
    ("Washington threatened Moscow with severe sanctions if it invaded Ukraine.", "13", "USA",
     "RUS"),
    ("China warned the United States that it would take resolute measures over the Taiwan "
     "visit.", "13", "CHN", "USA"),
    # reduced relations, sanctions
    ("Algeria recalled its ambassador to France.", "16", "DZA", "FRA"),
    ("The Netherlands recalled its ambassador from Tehran for consultations.", "16", "NLD", "IRN"),
    ("Canada expelled two Indian diplomats on Monday.", "16", "CAN", "IND"),
    ("Colombia cut diplomatic ties with Israel.", "16", "COL", "ISR"),
    ("Bahrain severed diplomatic relations with Qatar.", "16", "BHR", "QAT"),
    ("Iran downgraded relations with Azerbaijan after the embassy attack.", "16", "IRN", "AZE"),
    ("Ukraine broke off diplomatic relations with Russia.", "16", "UKR", "RUS"),
    ("Lithuania downgraded its diplomatic ties with China.", "16", "LTU", "CHN"),
    ("The United States imposed new sanctions on Iran's oil sector.", "16", "USA", "IRN"),
    ("Britain froze the assets of five Russian banks.", "16", "GBR", "RUS"),
    ("Russia halted gas supplies to Bulgaria and Poland.", "16", "RUS", "BGR"),
    ("Morocco suspended contacts with the German embassy.", "16", "MAR", "DEU"),
    ("South Korea suspended the military agreement with North Korea.", "16", "KOR", "PRK"),
    ("Niger's junta revokes military agreements with France.", "16", "NER", "FRA"),
    ("Kenya suspended talks with Somalia over the maritime dispute.", "16", "KEN", "SOM"),
    ("Germany expelled 40 Russian diplomats.", "16", "DEU", "RUS"),
    ("Washington paused military aid to Kyiv.", "16", "USA", "UKR"),
    ("The Commerce Department added 12 Chinese companies to the Entity List.", "16", "USA",
     "CHN"),
    ("Treasury's Office of Foreign Assets Control sanctioned the head of Venezuela's central "
     "bank.", "16", "USA", "VEN"),
]


@pytest.mark.parametrize("text,root,src,tgt", NEWS)
def test_news_codes_verbal_conflict_with_its_actors(
    coder: Coder, text: str, root: str, src: str | None, tgt: str | None
) -> None:
    events = coded(coder, text)
    assert found(events, root, src, tgt), shown(events)


STATEMENTS = [
    # a speaker's state about another actor's act (docs/annotation.md 7)
    ("We are deeply concerned by the Russian government's detention of journalist Evan "
     "Gershkovich.", "11", "USA", "RUS"),
    ("The United States is deeply troubled by the arrest of opposition leaders by Cambodian "
     "authorities.", "11", "USA", "KHM"),
    ("We are appalled by the Taliban's decision to bar women from universities.", "11", "USA",
     "AFG"),
    ("We are outraged by the Iranian regime's execution of protesters.", "11", "USA", "IRN"),
    ("We are dismayed by Beijing's sentencing of the activists.", "11", "USA", "CHN"),
    ("The Secretary raised concerns about the PRC's coercive actions toward Taiwan.", "11",
     "USA", "CHN"),
    ("The Secretary voiced concern over Russia's deployment of troops near the border.", "11",
     "USA", "RUS"),
    # the issuer's judgements and noun of reproach
    ("The Secretary reiterated the United States' condemnation of Russia's full-scale "
     "invasion.", "11", "USA", "RUS"),
    ("The Secretary made clear that the PRC's support for Russia's war is unacceptable.", "11",
     "USA", "CHN"),
    ("Iran's supply of drones to Russia is a violation of Security Council resolution 2231.",
     "11", "USA", "IRN"),
    # sanctions in a release's words
    ("The Department is taking steps to impose visa restrictions on 14 Guatemalan officials.",
     "16", "USA", "GTM"),
    ("Under Section 7031(c), the Secretary is publicly designating former Paraguayan President "
     "Horacio Cartes for his involvement in significant corruption.", "16", "USA", "PRY"),
]


@pytest.mark.parametrize("text,root,src,tgt", STATEMENTS)
def test_a_release_codes_its_issuers_verbal_conflict(
    coder: Coder, text: str, root: str, src: str | None, tgt: str | None
) -> None:
    events = coded(coder, text, RELEASE)
    assert found(events, root, src, tgt), shown(events)


@pytest.mark.parametrize(
    "text,root,source",
    [
        # sport, business and everyday senses; no actor aimed at
        ("The coach faced harsh criticism from fans after the team lost to Brazil.", "11", None),
        ("The film drew criticism from reviewers for its length.", "11", None),
        ("Critics panned the new film.", "11", None),
        ("The restaurant rejected the health inspector's findings.", "12", None),
        ("Rain threatened to delay the final match in Melbourne.", "13", None),
        ("The company recalled 50,000 cars over a braking fault.", "16", None),
        ("Prosecutors charged that the banker had laundered money.", "11", None),
        ("The company holds the supplier responsible.", "11", None),
        # a state about a situation, not an act: a pessimistic comment (012)
        ("We are concerned about the humanitarian situation in Sudan.", "11", RELEASE),
        ("The Secretary expressed concern about the humanitarian situation in Gaza.", "11",
         RELEASE),
        ("We are worried about China's economy.", "11", RELEASE),
        # negated, future and hypothetical
        ("Iran will hold the United States responsible for any attack.", "11", None),
        ("Germany's criticism of Poland would be unfair.", "11", None),
        ("There was no condemnation of Russia from India.", "11", None),
        # "designated" as an appointment
        ("President Biden designated Vice President Harris as the lead on migration.", "16",
         None),
        ("The prime minister designated her deputy for the negotiations with Brussels.", "16",
         None),
        # a purpose clause stays a purpose
        ("The ministers met to discuss sanctions on Russia.", "16", None),
    ],
)
def test_no_verbal_conflict_event_where_none_is_told(
    coder: Coder, text: str, root: str, source: str | None
) -> None:
    events = [e for e in coded(coder, text, source) if e.cameo_root == root]
    assert not events, shown(events)


def test_a_demand_about_the_speaker_itself_has_no_target_of_its_own(coder: Coder) -> None:
    events = coded(coder, "The Taliban also demands that they be removed from a United "
                          "Nations blacklist.")
    demands = [e for e in events if e.cameo_root == "10"]
    assert demands and all(e.target_code != e.source_code for e in demands), shown(events)


@pytest.mark.parametrize("text", [
    "Algeria recalled its ambassador.",
    "Britain summoned Russia's ambassador and expelled its defence attache.",
])
def test_a_reduction_of_relations_is_never_aimed_at_the_doers_own_country(
    coder: Coder, text: str
) -> None:
    events = [e for e in coded(coder, text) if e.cameo_root == "16"]
    assert events and all(e.target_country != e.source_country for e in events), shown(events)


def test_a_concern_about_an_act_replaces_the_pessimistic_comment(coder: Coder) -> None:
    events = coded(coder, "We are deeply concerned by the Russian government's detention of "
                          "journalist Evan Gershkovich.", RELEASE)
    assert not [e for e in events if e.cameo_code == "012"], shown(events)


def test_the_word_lists_load_and_are_the_prefilters_triggers() -> None:
    w = verbal_conflict.words()
    assert w.reproach_nouns["condemnation"] == "111"
    assert all(code.startswith("11") for code in w.reproach_nouns.values())
    assert {"condemnation", "appalled"} <= verbal_conflict.trigger_lemmas()
