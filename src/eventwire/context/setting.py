"""The place chain: where a story's acts happen, read across its sentences.

The place choice (`geo.pick_location`) looks at one sentence and falls back on the
article's frame, a wire dateline or the place its lead names. Across the story, the chain
decides which frame a sentence has and what an unplaced act inherits:

- **frames reset at list items**: in a list document (a day page, a digest) each item is its
  own story; the article's dateline or lead frames the first item only, every later item is
  framed by the place its own first line names ("... killed in Khartoum, Sudan"), or by
  nothing;
- **the dateline places statements made there, not acts reported from there**: an act done
  by saying (a statement, appeal, praise, demand, rejection, threat) happens where its
  speaker is: the speaker's country, unless the trigger itself says where ("said in Geneva",
  "speaking in New York") or a wire dateline of the speaker's own country frames it; a
  place the statement speaks *about* ("condemned the war crimes in Ukraine", "the people of
  Burma") is not where it was made (docs/annotation.md §4);
- **no frame for an act abroad**: violence framed only by the dateline or lead, done to
  another country than the frame's and the doer's, happens in that country, not at the
  dateline ("the U.S. Air Force has conducted strikes on facilities in Iran" in a
  story led by the United States);
- **a speaker abroad stays there**: after a visit or meeting placed abroad in its own
  sentence, in the lead or the same paragraph, the same side's statements and meetings in
  that story happen there;
- **a gathering's speakers speak at its venue**: after a sentence naming a debate, rally or
  summit held at a town or region inside the frame's country ("The first debate took place
  ... in Ohio"), the statements and meetings placed only by the frame, in the rest of that
  paragraph and in later paragraphs of the story that speak of the gathering again, happen at
  that venue (see `geo.venues`);
- **a place carries within a thread**: an unplaced act right after an act placed in its own
  sentence, in the same item and in the frame's country, happens there too; never into an
  act whose actors are all of another country;
- **the town the sentence names**: a physical act placed only in a country or region happens
  in the town or region inside it that its sentence names where the act was done, or that
  the act is done to ("Russian forces attack Odesa": Odesa, not Ukraine; see `geo.within`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..geo import Gazetteer, LeadPlace, Place, find_lead_place
from ..geo.lead import locative_place, previous_sentence
from ..geo.venues import Venue, find_venues, past_gathering, speaks_of
from ..geo.within import within
from ..model import Event
from .items import StoryContext

# Acts done by saying: CAMEO roots 01-03 and 10-13, and the verbal acts of root 05 (praise,
# defend verbally, rally support, recognise, apologise, forgive; not 057, signing).
VERBAL_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
VERBAL_CODES = ("051", "052", "053", "054", "055", "056")
# Violence happens where its target is (CAMEO 18-20: assault, fight, mass violence).
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Reasons that come from the frame, not from the sentence: what a thread may override.
FRAMED = frozenset({"lead", "dateline", "actors"})
# Reasons a statement keeps: placed at home already, or said where the trigger says.
AT_HOME = frozenset({"issuer", "source", "speaker"})
# An unplaced act takes the place of an act placed in the sentence just before (K=2 or 3
# sentences, or places found elsewhere in that sentence, lost on the location samples).
CARRY_SENTENCES = 1
# A visit in the lead (its first sentences) frames the story's statements; a later one,
# only those of its paragraph.
LEAD_SENTENCES = 3
VISIT_CODES = ("042", "043", "044")
VISIT_WORDS = frozenset({"met", "meet", "meets", "meeting", "visit", "visits", "visited",
                         "visiting", "arrived", "arrives", "attend", "attends", "attended",
                         "attending"})
# A subject that names the meeting's sides together: "the two leaders reaffirmed", "they
# discussed", "Austin and Healey agreed" (a plural noun, these pronouns, or a coordination).
JOINT_PRONOUNS = frozenset({"they", "we", "both"})
SAID_PREPS = frozenset({"in", "at", "from"})
# Words that name a visit as over: "my recent visit to Riyadh", "his last trip".
PAST_WORDS = frozenset({"recent", "last", "previous", "earlier", "past", "former"})
SPEAKING = frozenset({"speak", "talk", "address", "visit", "meet"})
# Physical acts, done where the town they name is: investigation, protest, force posture,
# coercion, assault, fighting, mass violence (CAMEO 09, 14, 15, 17-20), and military
# withdrawal (087).
PHYSICAL_ROOTS = frozenset({"09", "14", "15", "17", "18", "19", "20"})
PHYSICAL_CODES = ("087",)
# Bodies that act from their country, not where the story's lead is (see `lead_town`), but
# for acts of force (CAMEO 15, 18-20).
DECIDING_SECTORS = frozenset({"GOV", "LEG", "SPY"})
FORCE_POSTURE = FORCE_ROOTS | {"15"}
PLACE_FIELDS = ("location_name", "location_country", "admin1", "latitude", "longitude",
                "geonameid")


def verbal(code: str) -> bool:
    """Is the CAMEO code an act done by saying?"""
    return code[:2] in VERBAL_ROOTS or code.startswith(VERBAL_CODES)


def country_code(code: str | None) -> str | None:
    """A state's three-letter code, or None (international bodies, no country)."""
    return code if code and len(code) == 3 and not code.startswith("IGO") else None


@dataclass
class PlaceChain:
    """The frames of an article's stories and the thread of places through each."""

    gazetteer: Gazetteer
    story: StoryContext
    article_frame: Place | None
    issuer_country: str | None = None
    item_frames: dict[int, Place | None] = field(default_factory=dict)  # story -> frame
    lines: Sequence[str] = ()
    venues: list[Venue] = field(default_factory=list)
    _paras: dict[int, int] = field(default_factory=dict)  # sentence -> paragraph, so far

    @classmethod
    def build(cls, gazetteer: Gazetteer, story: StoryContext, lines: Sequence[str],
              article_frame: Place | None, issuer_country: str | None = None
              ) -> PlaceChain:
        """The chain of an article: `lines` are its text's lines (paragraphs), the
        `article_frame` its dateline or lead place, `issuer_country` the country of the body
        that issued it (statements, readouts), if any."""
        chain = cls(gazetteer, story, article_frame, issuer_country, lines=lines)
        if story.list_document:
            chain._item_frames(lines)
        chain.venues = find_venues(lines, gazetteer, chain._frame_country)
        return chain

    def _item_frames(self, lines: Sequence[str]) -> None:
        """A list document's frames: the article's for its first item, each later item's
        own (see `_item_frame`)."""
        firsts = sorted({s.first_para for s in self.story.stories.values()})
        for i, first in enumerate(firsts):
            self.item_frames[first] = self.article_frame if i == 0 else _item_frame(
                self.gazetteer, self.story, lines, first, self.article_frame)

    def _frame_country(self, para: int) -> Place | None:
        frame = self.frame(para)
        return self.gazetteer.country(frame.country) if frame is not None else None

    def venue_of(self, para: int, sentence: str) -> Venue | None:
        """The venue of the gathering a sentence of paragraph `para` is said at: the last
        venue named before it in its story, when this sentence or the one before it is the
        naming sentence or speaks of the gathering again ("During the debate, ..."), and no
        other place is named after a locative word in between ("Afterwards Trump visited
        California") nor a time outside the gathering ("After the debate, ...")."""
        text = self.lines[para] if 0 <= para < len(self.lines) else ""
        at = text.find(sentence)
        if at < 0:
            return None
        first = self.story.story_of(para).first_para if self.story.list_document else 0
        before = [v for v in self.venues if first <= v.para and (v.para, v.end) <= (para, at)]
        if not before:
            return None
        venue = before[-1]
        previous = previous_sentence(text, sentence)
        named_just_before = venue.para == para and bool(previous) and \
            0 <= text.find(previous) < venue.end  # the sentence before names the venue
        if not (named_just_before or speaks_of(sentence, venue.noun)
                or (previous and speaks_of(previous, venue.noun))):
            return None
        between = text[venue.end if venue.para == para else 0 : at]
        frame = self._frame_country(para)
        if frame is not None and locative_place(between, self.gazetteer, frame) is not None:
            return None  # the story has moved on to another place
        if past_gathering(between + " " + sentence, venue.noun):
            return None  # "After the debate, ...": no longer at the venue
        return venue

    @staticmethod
    def _weak(frame: Place | None) -> bool:
        """A frame that says little of where a speaker is: none, or a lead read as a
        whole country (a nationality, a country named). A wire dateline or a lead city is
        likelier where the story's speakers are (measured on the location samples)."""
        return frame is None or (isinstance(frame, LeadPlace) and frame.kind == "country")

    def frame(self, para: int) -> Place | None:
        """The dateline or lead that frames paragraph `para`'s story."""
        if not self.story.list_document:
            return self.article_frame
        return self.item_frames.get(self.story.story_of(para).first_para, self.article_frame)

    def settle(self, ev: Event, trigger: Token, para: int, before: Sequence[Event]) -> Event:
        """The event's place across the story: `before` are the events of its story so
        far, `para` its paragraph (see the module's rules, applied in order)."""
        frame = self.frame(para)
        self._paras[ev.sentence_index] = para
        thread = [e for e in before if self._paras.get(e.sentence_index) == para
                  or e.sentence_index < LEAD_SENTENCES]
        away = whereabouts(ev, trigger, thread, self.gazetteer)
        if away is not ev:
            return away
        at_venue = venue_place(ev, self.venue_of(para, ev.sentence))
        if at_venue is not ev:
            return at_venue
        if verbal(ev.cameo_code) and (self._weak(frame) or (
                self.issuer_country is not None
                and ev.source_country == self.issuer_country)):
            return statement_place(ev, trigger, frame, self.gazetteer)
        moved = abroad_place(ev, frame, self.gazetteer)
        if moved is ev:
            moved = carried_place(ev, before, frame)
        return lead_town(named_town(moved, trigger, self.gazetteer), frame, self.gazetteer)


def _item_frame(gazetteer: Gazetteer, story: StoryContext, lines: Sequence[str], first: int,
                article_frame: Place | None) -> Place | None:
    """A later item's frame: its own lead when that lies in the country the item is about;
    else that country; else the article's frame (an item about nothing in particular)."""
    country = story.story_of(first).country
    text = lines[first] if 0 <= first < len(lines) else ""
    lead = find_lead_place(text, gazetteer) if text else None
    if lead is not None and lead.country == country:
        return lead
    if country is None or (article_frame is not None and article_frame.country == country):
        return article_frame
    home = gazetteer.country(country)
    return LeadPlace.of(home) if home is not None else article_frame


def _placed(ev: Event, place: Place, reason: str) -> Event:
    return ev.model_copy(update={
        "location_name": place.name, "location_country": place.country,
        "admin1": place.admin1, "latitude": place.latitude, "longitude": place.longitude,
        "geonameid": place.geonameid, "location_reason": reason})


def said_there(trigger: Token, gazetteer: Gazetteer, country: str | None) -> bool:
    """Does the trigger itself say where it was said ("said in Geneva", "told reporters at
    the UN", "speaking in New York, ... appealed"), in `country`? Not a noun trigger: its
    place phrase says where the act it names happened ("Russia's aggression in the Donbas"
    in a U.S. statement), not where anything was said."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return False
    heads = [trigger, *(c for c in trigger.children
                        if c.dep_ in {"advcl", "conj"} and c.lemma_.lower() in SPEAKING)]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in SAID_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                span = trigger.doc[obj.left_edge.i : obj.i + 1]
                for text in (span.text, obj.text):
                    place = gazetteer.lookup(text)
                    if place is not None and (country is None or place.country == country):
                        return True
    return False


def venue_place(ev: Event, venue: Venue | None) -> Event:
    """A statement or meeting said at a gathering's venue (`PlaceChain.venue_of`), placed only
    by the frame or at its speaker's (reasons lead, dateline, actors, source, speaker) in
    the venue's country, by a speaker of that country or of none: at the venue (reason
    "venue"). An act placed nowhere stays so."""
    if venue is None or not (verbal(ev.cameo_code) or ev.cameo_root == "04"):
        return ev
    if ev.location_reason not in FRAMED | {"source", "speaker"} or \
            ev.location_country != venue.place.country:
        return ev
    if country_code(ev.source_country) not in {None, venue.place.country}:
        return ev  # a speaker from abroad: where it speaks from is `statement_place`'s
    return _placed(ev, venue.place, "venue")


def whereabouts(ev: Event, trigger: Token, before: Sequence[Event],
                gazetteer: Gazetteer) -> Event:
    """A speaker abroad: after a visit or meeting of the story placed abroad in its own
    sentence ("Blinken is in Jakarta on a visit", "met ... in London"), or a statement or
    meeting its trigger places abroad ("reaffirmed the partnership in Dakar"), the same
    side's statements and meetings of that story happen there, unless their trigger says
    where."""
    speaker = country_code(ev.source_country)
    if speaker is None or not (verbal(ev.cameo_code) or ev.cameo_root == "04"):
        return ev
    if ev.location_reason == "trigger_prep" or (
            ev.location_reason == "sentence" and ev.location_country != speaker):
        return ev
    if ev.location_reason not in FRAMED | AT_HOME | {None, "sentence", "context"}:
        return ev
    for prev in reversed(before):
        if _abroad_there(prev, speaker) or (
                ev.location_reason != "sentence" and _venue_there(prev, ev, trigger, gazetteer)):
            if said_there(trigger, gazetteer, None):
                return ev
            return ev.model_copy(update={k: getattr(prev, k) for k in PLACE_FIELDS}
                                 | {"location_reason": "context"})
    return ev


def _abroad_there(prev: Event, speaker: str) -> bool:
    """Was the speaker's side abroad at `prev`: a visit or meeting placed abroad in its own
    sentence, or a statement or meeting its trigger places abroad? Not a visit named as past
    ("during my recent visit to Saudi Arabia"): the speaker is back."""
    there = (_visit(prev) and prev.location_reason in {"trigger_prep", "sentence"}) or \
        _said_abroad(prev)
    return there and country_code(prev.source_country) == speaker and \
        prev.location_country not in {None, speaker} and not past_visit(prev)


def past_visit(ev: Event) -> bool:
    """Is the visit past: a background act ("during a 2018 trip to France", told in a 2020
    story), or a visit noun named as past ("my recent visit", "his last trip")?"""
    if ev.background:
        return True
    before = ev.sentence[: ev.trigger_start].split()
    return bool(before) and before[-1].lower() in PAST_WORDS


def _venue_there(prev: Event, ev: Event, trigger: Token, gazetteer: Gazetteer) -> bool:
    """The talks of a meeting held at a town its own sentence names, at home too ("Blinken
    met the Kosovan leaders in Washington, DC. Blinken emphasized the partnership"): the
    same side's statements and meetings, and the acts its sides do together ("the two
    leaders reaffirmed ..."), happen at that town."""
    if not _visit(prev) or prev.location_reason not in {"trigger_prep", "sentence"}:
        return False
    venue = event_place(prev, gazetteer)
    if venue is None or venue.kind != "city":
        return False  # a country or a region is no venue
    speaker = country_code(ev.source_country)
    if country_code(prev.source_country) == speaker:
        return True
    return speaker == country_code(prev.target_country) and joint_subject(trigger)


def joint_subject(trigger: Token) -> bool:
    """Is the trigger's subject both sides at once: a plural noun ("the two leaders"), "they",
    "we", "both", or a coordination ("Austin and Healey")? A conjunct verb or an xcomp reads
    its head's subject ("the leaders reaffirmed ... and reiterated")."""
    heads = [trigger, trigger.head] if trigger.dep_ in {"conj", "xcomp"} else [trigger]
    for head in heads:
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child.tag_ in {"NNS", "NNPS"} or child.lower_ in JOINT_PRONOUNS or \
                    any(c.dep_ == "conj" for c in child.children)
    return False


def _said_abroad(ev: Event) -> bool:
    """A statement or meeting its own trigger places ("reaffirmed the partnership in Dakar"):
    a statement keeps a place abroad by its trigger only when the trigger says it was said
    there (`statement_place`), so its speaker was there."""
    return (verbal(ev.cameo_code) or _visit(ev)) and ev.location_reason == "trigger_prep"
    # (talks "discussed ... in Venezuela" are about the place, not held there)


def _visit(ev: Event) -> bool:
    """A visit or meeting (CAMEO 042-044, or a consultation triggered by "met")."""
    return ev.cameo_code.startswith(VISIT_CODES) or (
        ev.cameo_root == "04" and ev.trigger_text.lower() in VISIT_WORDS)


def statement_place(ev: Event, trigger: Token, frame: Place | None,
                    gazetteer: Gazetteer) -> Event:
    """A statement placed in another country than its speaker's happens at the speaker's:
    the speaker's country, unless the trigger says where it was said. A place in the
    speaker's own country (the story's city, a dateline) stands."""
    speaker = country_code(ev.source_country)
    if speaker is None or ev.location_reason in AT_HOME or ev.location_country == speaker:
        return ev  # at home already: the story's city of the speaker's country stands
    if ev.location_reason == "trigger_prep" and said_there(trigger, gazetteer,
                                                           ev.location_country):
        return ev
    if ev.location_reason == "dateline" and frame is not None and \
            not isinstance(frame, LeadPlace) and frame.country == speaker:
        return ev  # "WASHINGTON - The State Department said ...": said there
    home = gazetteer.country(speaker)
    return _placed(ev, home, "speaker") if home is not None else ev


def abroad_place(ev: Event, frame: Place | None, gazetteer: Gazetteer) -> Event:
    """Violence the frame places, done to a country (the target is the country itself)
    other than the frame's and the doer's: in that country ("the U.S. Air Force has
    conducted strikes on several nuclear facilities in Iran" in a story led by the United
    States); so is violence its sentence places in a third country, neither the doer's nor
    the target's, where the doer is based ("Russian forces in Belarus launch missiles into
    northern Ukraine": Ukraine). Other acts keep the frame: their actors' countries are too
    often the doers' home, not the scene (measured on the Wikinews and Reuters location
    samples)."""
    if ev.location_reason == "sentence":
        scene = ev.location_country  # a third country the sentence names: the doer's base
    elif frame is not None and ev.location_reason in {"lead", "dateline"}:
        scene = frame.country
    else:
        return ev
    source, target = country_code(ev.source_country), country_code(ev.target_country)
    if ev.cameo_root not in FORCE_ROOTS or target in {None, source, scene} or (
            ev.location_reason == "sentence" and scene == source):
        return ev
    if ev.target_code != target:
        return ev  # a person or body of the country ("Mexican nationals", "an Iranian
        # general"): their nationality, not the scene
    there = target
    place = gazetteer.country(there)
    return _placed(ev, place, "actors") if place is not None else ev


def physical(code: str) -> bool:
    """Is the CAMEO code a physical act, done at a place (see PHYSICAL_ROOTS)?"""
    return code[:2] in PHYSICAL_ROOTS or code.startswith(PHYSICAL_CODES)


def event_place(ev: Event, gazetteer: Gazetteer) -> Place | None:
    """The gazetteer place an event is placed at (its country, region or town), or None."""
    if ev.location_country is None or ev.location_name is None:
        return None
    home = gazetteer.country(ev.location_country)
    if home is not None and home.name == ev.location_name:
        return home
    for name in (ev.location_name, f"{ev.location_name} province"):  # a region's form
        place = gazetteer.lookup(name, country_hint=ev.location_country)
        if place is not None and place.country == ev.location_country and \
                (place.latitude, place.longitude) == (ev.latitude, ev.longitude):
            return place
    return None


def lead_town(ev: Event, frame: Place | None, gazetteer: Gazetteer) -> Event:
    """A physical act placed in the country of the town the story's lead names is done at
    that town when it is done by force ("the government deploys troops to the area", CAMEO
    15, 18-20) or by others than the bodies that act by deciding or in secret (government,
    legislature, intelligence: "Soldiers arrest senior officers", "police have been
    investigating"); those act from the country ("Belarusian KGB arrested 33 Russians", "the
    NTSB began investigations"). Not under a wire dateline, which says where the reporter
    is."""
    deciding = ev.source_sector in DECIDING_SECTORS and ev.cameo_root not in FORCE_POSTURE
    if deciding or not physical(ev.cameo_code) or ev.location_reason != "lead" or \
            not isinstance(frame, LeadPlace) or frame.kind != "city" or \
            ev.location_country != frame.country:
        return ev
    place = event_place(ev, gazetteer)
    if place is None or place.kind != "country":
        return ev
    return _placed(ev, frame, "lead")


def named_town(ev: Event, trigger: Token, gazetteer: Gazetteer) -> Event:
    """A physical act placed in a country or region only, whose sentence names a town or
    region inside it where the act was done or that the act is done to ("Russian forces
    shell Kurakhove, Donetsk Oblast"): that town (reason "within"). When the place is only
    the story's frame or the actors' country, a town of any country ("Russian troops
    withdraw from the city of Slavutych" in a story led by Russia); violence done in several
    places it names, at the first ("kill 51 people in Khan Younis, central Gaza, and Gaza
    City": Khan Younis). Not a statement's place (its speaker's), nor one placed at a town
    already."""
    if not physical(ev.cameo_code) or ev.location_country is None or \
            ev.location_reason in AT_HOME:
        return ev
    place = event_place(ev, gazetteer)
    if place is None or place.kind == "city":
        return ev
    framed = ev.location_reason in FRAMED and place.kind == "country"
    doc = trigger.doc
    exclude: set[int] = set()
    if ev.source_start is not None and ev.source_end is not None:
        span = doc.char_span(ev.source_start, ev.source_end, alignment_mode="expand")
        exclude = {t.i for t in span} if span is not None else set()
    target = None
    if ev.target_start is not None and ev.target_end is not None:
        span = doc.char_span(ev.target_start, ev.target_end, alignment_mode="expand")
        target = (span.start, span.end) if span is not None else None
    sent = trigger.sent if doc.has_annotation("SENT_START") else doc[:]
    found = within(None if framed else place, sent, trigger, gazetteer, exclude=exclude,
                   target=target, first_of_several=ev.cameo_root in FORCE_ROOTS)
    if found is None:
        return ev
    return _placed(ev, found[0], "within")


def carried_place(ev: Event, before: Sequence[Event], frame: Place | None) -> Event:
    """An event the sentence does not place, right after an event placed in its own
    sentence, inside the frame's country: the story is still there. Not into an act whose
    actors are all of another country."""
    if ev.location_reason not in FRAMED | {None}:
        return ev
    actors = {c for c in (country_code(ev.source_country), country_code(ev.target_country))
              if c}
    for prev in reversed(before):
        if ev.sentence_index - prev.sentence_index > CARRY_SENTENCES:
            break
        if prev.location_reason != "trigger_prep" or prev.location_name is None:
            continue
        if frame is not None and prev.location_country != frame.country:
            return ev
        if actors and prev.location_country not in actors:
            return ev
        return ev.model_copy(update={k: getattr(prev, k) for k in PLACE_FIELDS}
                             | {"location_reason": "context"})
    return ev
