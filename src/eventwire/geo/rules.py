"""The rules that choose an event's place, in the order `pick_location` tries them. Each reads
a `Situation` (the sentence's resolved place mentions and what the caller knows about the
story and the actors) and returns a `Found` (place, location name as written, reason), or
None when it does not apply; the first rule that returns a `Found` decides. A `Found` of
(None, None, None) is a decision too: "an act over several places in no one country" is
nowhere in particular, and no later rule overrides it.

    trigger_prep   a place in a locative phrase on the trigger or its object
    where_venue    the noun a where-clause holding the trigger modifies
    sentence       the first strong place in the sentence (or a more specific one after it)
    office         the seat of an actor's local office ("the mayor of Moscow")
    context        the sentence before names a place inside a country/region dateline
    source         the speaker's country when it is not the dateline's
    national_body  a national body acts from its country, not the story's city
    online_doer    an act done online: the doer's country
    online_story   an act done online: the story's country
    standing       a stance held: the story's country, not its city
    story          the dateline, or the place the lead names
    actors         the one country all the event's actors belong to
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.lead import locative_place, previous_sentence
from eventwire.geo.mentions import Mention
from eventwire.geo.names import LeadPlace, Place, contains
from eventwire.geo.syntax import (
    as_argument,
    attachment_points,
    between_parties,
    coordinated_places,
    covering_country,
    in_other_acts_object,
    in_other_clause,
    is_standing,
    is_trigger_prep,
    named_subject,
    nationality,
    region_of_town,
    where_venue,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: (place, location name as written, reason); all None: no place.
Found = tuple[Place | None, str | None, str | None]

_SPECIFIC_GAP = 6  # tokens allowed between a place and the more specific place that follows


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules read: the sentence and trigger, the places its mentions resolve to
    (actors' own mentions and actor descriptions already left out), and the caller's story
    and actor facts (see `pick_location`)."""

    sent: Span
    trigger: Token
    gazetteer: Gazetteer
    resolved: tuple[tuple[Mention, Place], ...]
    office: tuple[Place, str] | None = None
    dateline: Place | None = None
    actor_countries: Sequence[str | None] = ()
    source_country: str | None = None
    doer_country: str | None = None
    national: str | None = None
    article: str | None = None
    online: bool = False

    @property
    def story_reason(self) -> str:
        """The reason for the story's own place: "lead" for a `LeadPlace`, else "dateline"."""
        return "lead" if isinstance(self.dateline, LeadPlace) else "dateline"


Rule = Callable[[Situation], Found | None]


def trigger_prep(s: Situation) -> Found | None:
    """A place in a locative prepositional phrase on the trigger or its object (in/at/near/
    outside/...; to/toward only for motion verbs); several coordinated places: their one
    country, else nowhere."""
    doc = s.sent.doc
    points = attachment_points(s.trigger)
    for cand, place in s.resolved:
        if is_trigger_prep(cand, s.sent, s.trigger, points):
            several = coordinated_places(doc, cand, place, s.resolved, s.gazetteer)
            if several is not None:
                return covering_country(several, s.gazetteer, "trigger_prep")
            return place, cand.text, "trigger_prep"
    return None


def where_clause(s: Situation) -> Found | None:
    """ "the airport, where Soleimani was arriving": the venue the where-clause modifies."""
    venue = where_venue(s.trigger)
    if venue is None:
        return None
    for cand, place in s.resolved:
        if cand.start <= venue.i < cand.end:
            return place, cand.text, "trigger_prep"
    return None


def sentence(s: Situation) -> Found | None:
    """The first strong place in the sentence that is no party to an act, not in an unrelated
    clause or in the object of another coordinated verb ("... and closes the embassy in
    Caracas"), not one of "between X and Y", no country naming whose people or thing a noun
    is ("11 U.S. service members", "Iran's leader"), no region named only to say where a town
    is ("Puli Khumri, the capital of Baghlan Province"), or a more specific place right after it ("a
    Florida highway near Gainesville" -> Gainesville); several coordinated places: their one
    country, else nowhere."""
    doc = s.sent.doc
    strong = [
        (cand, place)
        for cand, place in s.resolved
        if cand.strong
        and not in_other_clause(doc[cand.start : cand.end].root, s.trigger)
        and not in_other_acts_object(doc[cand.start : cand.end].root, s.trigger)
        and not between_parties(doc[cand.start : cand.end].root)
        and not as_argument(doc[cand.start : cand.end].root)
        and not nationality(doc[cand.start : cand.end].root, place)
        and not region_of_town(doc[cand.start : cand.end].root, place)
    ]
    if not strong:
        return None
    best, best_place = strong[0]
    for cand, place in strong[1:]:
        if cand.start - best.end > _SPECIFIC_GAP or not contains(best_place, place):
            break
        best, best_place = cand, place
    several = coordinated_places(doc, best, best_place, s.resolved, s.gazetteer)
    if several is not None:
        # "people in London and Los Angeles burn fossil fuels": an act over several places
        # is in their country if they share one, else nowhere in particular
        return covering_country(several, s.gazetteer, "sentence")
    return best_place, best.text, "sentence"


def office(s: Situation) -> Found | None:
    """ "Sergei Sobyanin, the mayor of Moscow, extended the lockdown": the office's seat."""
    if s.office is None:
        return None
    return s.office[0], s.office[1], "office"


def context(s: Situation) -> Found | None:
    """The dateline is a country or region, and the sentence before this one in its paragraph
    names a place inside it after a locative word ("... bombings in the capital, Tunis. Two
    people were killed ..." -> Tunis); not for an act done online, nor when a proper name is
    the trigger's subject, which starts a new act ("Biden criticized the move")."""
    dateline = s.dateline
    if (
        not s.article
        or dateline is None
        or dateline.kind == "city"
        or s.online
        or named_subject(s.trigger)
    ):
        return None
    before = previous_sentence(s.article, s.sent.text)
    near = locative_place(before, s.gazetteer, dateline) if before else None
    if near is None:
        return None
    return near, near.name, "context"


def source(s: Situation) -> Found | None:
    """ "The Armenians claim ..." in a story placed in the US: the speaker's country, when it
    is not the dateline's (a named venue abroad would have been found above)."""
    home = s.gazetteer.country(s.source_country) if s.source_country else None
    if home is None or (s.dateline is not None and home.country == s.dateline.country):
        return None
    return home, home.name, "source"


def national_body(s: Situation) -> Found | None:
    """ "The FSB denies ..." in a story led by Magnitogorsk, "MITI asked the firms ..." from a
    TOKYO dateline: a national body acts from no city the text names; the country, not the
    story's city."""
    dateline = s.dateline
    if not (
        s.national
        and dateline is not None
        and dateline.kind != "country"
        and dateline.country == s.national
    ):
        return None
    whole = s.gazetteer.country(s.national)
    if whole is None:
        return None
    return whole, whole.name, s.story_reason


def online_doer(s: Situation) -> Found | None:
    """ "Trump, on Twitter, defended the withdrawal from Syria": the doer's country."""
    home = s.gazetteer.country(s.doer_country) if s.online and s.doer_country else None
    if home is None:
        return None
    return home, home.name, "source"


def online_story(s: Situation) -> Found | None:
    """ "praised him on Twitter": the story's country, not where the story happened."""
    if s.dateline is None or not s.online:
        return None
    country = s.gazetteer.country(s.dateline.country)
    if country is None:
        return None
    return country, country.name, s.story_reason


def standing(s: Situation) -> Found | None:
    """ "She opposes the police state", "Adamowicz has supported LGBT rights": a stance held,
    not an act done at the story's city or region; only its country."""
    if s.dateline is None or s.dateline.kind not in {"city", "admin1"}:
        return None
    if not is_standing(s.trigger):
        return None
    country = s.gazetteer.country(s.dateline.country)
    if country is None:
        return None
    return country, country.name, s.story_reason


def story(s: Situation) -> Found | None:
    """The dateline given (reason "dateline"), or the place the lead names ("lead")."""
    if s.dateline is None:
        return None
    return s.dateline, s.dateline.name, s.story_reason


def actors(s: Situation) -> Found | None:
    """The country all the event's actors whose country is known belong to ("Boeing is
    collaborating with NASA": the United States), as GDELT falls back to actor geography."""
    known = {code for code in s.actor_countries if code}
    country = s.gazetteer.country(known.pop()) if len(known) == 1 else None
    if country is None:
        return None
    return country, country.name, "actors"


#: The rules in the order they are tried.
RULES: tuple[Rule, ...] = (
    trigger_prep,
    where_clause,
    sentence,
    office,
    context,
    source,
    national_body,
    online_doer,
    online_story,
    standing,
    story,
    actors,
)
