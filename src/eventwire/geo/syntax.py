"""What the dependency parse says about a place mention and an event's trigger: is the place
on the trigger, a party to the act, part of an actor's description, in another clause; was
the act done online, is it a standing state. Pure predicates over spaCy tokens, read by the
choice rules (`eventwire.geo.rules`)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING

from eventwire.geo.gazetteer import REGION_WORDS, Gazetteer
from eventwire.geo.mentions import Mention, resolve
from eventwire.geo.names import Place, contains

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventwire.actors.actor import Actor

# "the city of Farah", "the town of Shebekino": the settlement the phrase names.
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "capital", "port", "settlement"})


def named_settlement(tok: Token) -> bool:
    """Is a name the settlement of "the town of X", "the village of X"?"""
    cur = tok
    while cur.dep_ in {"appos", "compound", "conj"} and cur.head.i != cur.i:
        cur = cur.head
    prep = cur.head
    return (
        cur.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in SETTLEMENT_NOUNS
    )


LOC_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "around",
        "within",
        "throughout",
        "off",
        "along",
        "into",
        "beside",
        "nearby",
        "amid",
    }
)
_MOTION_PREPS = frozenset({"to", "toward", "towards"})
_MOTION_LEMMAS = frozenset(
    {
        "travel",
        "visit",
        "arrive",
        "fly",
        "go",
        "return",
        "come",
        "head",
        "trip",
        "journey",
        "tour",
        "deploy",
        "send",
        "move",
        "sail",
        "march",
        "drive",
    }
)
_ON_PLACE_NOUNS = frozenset(
    {
        "outskirts",
        "border",
        "edge",
        "island",
        "coast",
        "shore",
        "bank",
        "street",
        "road",
        "highway",
        "frontier",
        "ground",
        "side",
        "front",
        "frontline",
        "outskirt",
        "streets",
    }
)
# Dependency relations a path may climb from a place name up to the trigger.
_PATH_DEPS = frozenset(
    {"pobj", "pcomp", "prep", "appos", "compound", "conj", "nmod", "npadvmod", "poss", "amod"}
)
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})

# Nouns naming the means of an attack, whose place is the attack's ("an airstrike in Iraq").
_MEANS_NOUNS = frozenset(
    {
        "airstrike",
        "strike",
        "attack",
        "bombing",
        "raid",
        "shelling",
        "explosion",
        "blast",
        "bomb",
        "missile",
        "rocket",
        "drone",
        "operation",
        "assault",
        "ambush",
        "shooting",
        "gunfire",
        "fire",
    }
)


def attachment_points(trigger: Token) -> set[int]:
    """The trigger, its objects, and the heads of open clausal complements ("agreed to meet
    in Geneva") with their objects."""
    points = {trigger.i}
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        points.add(head.i)
        points.update(c.i for c in head.children if c.dep_ in OBJECT_DEPS)
    # the means of a passive act: "killed by an airstrike in Iraq"
    for agent in (c for c in trigger.children if c.dep_ == "agent"):
        points.update(
            g.i for g in agent.children if g.dep_ == "pobj" and g.lemma_.lower() in _MEANS_NOUNS
        )
    return points


def is_trigger_prep(cand: Mention, sent: Span, trigger: Token, points: set[int]) -> bool:
    """Is the candidate inside a locative prepositional phrase on the trigger or its object?"""
    doc = sent.doc
    tok = doc[cand.start : cand.end].root
    motion = trigger.lemma_.lower() in _MOTION_LEMMAS
    # "visited Tehran": the object of a visit is where it happened.
    if tok.i in points and trigger.lemma_.lower() == "visit" and tok.dep_ in OBJECT_DEPS:
        return True
    last_prep: Token | None = None
    last_pobj: Token | None = None
    prev: Token | None = None
    for _ in range(10):
        if tok.dep_ not in _PATH_DEPS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep":
            last_prep, last_pobj = tok, prev
        head = tok.head
        if head.i in points:
            if last_prep is None:
                return False
            prep = last_prep.lower_
            if prep in LOC_PREPS:
                return True
            if prep == "on":  # "on the outskirts of Mosul", not "sanctions on Russia"
                return last_pobj is not None and last_pobj.lemma_.lower() in _ON_PLACE_NOUNS
            return prep in _MOTION_PREPS and (motion or head.lemma_.lower() in _MOTION_LEMMAS)
        if head.pos_ in {"VERB", "AUX"}:
            return False  # crossed into another clause
        prev, tok = tok, head
    return False


_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_ONLINE_PREPS = frozenset({"on", "via", "in", "through", "by", "over"})
_ONLINE_NOUNS = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "weibo", "telegram", "wechat"}
    | {"tweet", "tweets", "website", "blog", "livestream", "internet", "online"}
    # acts at a distance: "spoke on the phone", "in a phone call", "by email", "by video link"
    | {"phone", "telephone", "call", "email", "e-mail", "videoconference", "link"}
)
_ONLINE_VERBS = frozenset({"tweet", "retweet", "livestream", "blog", "livetweet"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
_ACTOR_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})
_FIRST_PERSON = frozenset({"i", "we"})


def quote_around(sent: Span, trigger: Token) -> tuple[int, int] | None:
    """(start, end) token indices of the quotation the trigger is in, or None. Quote marks pair
    up in order; an unclosed quotation runs to the end of the sentence. A quoted act in the
    first person ("we strongly urge Iraqi leaders") is the speaker's own act, made where the
    speaker speaks: None for it too."""
    marks = [t.i for t in sent if t.text in _QUOTES]
    for n in range(0, len(marks), 2):
        start = marks[n]
        end = marks[n + 1] if n + 1 < len(marks) else sent.end
        if start < trigger.i < end:
            subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(c.lower_ in _FIRST_PERSON for c in subjects):
                return None
            return start, end
    return None


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"})


def as_argument(tok: Token) -> bool:
    """Is the place name used as a party rather than a location: a subject or object of a
    verb ("Athens expelled the ambassador", "encouraging allies such as Germany", "China and
    Russia pledged funds and Syria is taxing goods"), or the object of a preposition that is
    not locative ("attacks from Azerbaijan", "troops to Libya", "involvement of Iran")?"""
    head = tok
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    if head.dep_ in _ARGUMENT_DEPS:
        return True
    if head.dep_ == "pobj" and head.head.dep_ in {"prep", "agent"}:
        prep = head.head
        while (
            prep.dep_ == "prep" and prep.head.dep_ == "pobj" and prep.head.lower_ in {"as", "such"}
        ):
            prep = prep.head.head
        if prep.lower_ in {"such", "as", "like"}:  # "allies such as Germany"
            return True
        return prep.lower_ not in LOC_PREPS | {"on", "of"}
    return False


# Offices bound to a place: their holder acts there ("the mayor of Moscow", "Ohio's governor").
_LOCAL_OFFICES = frozenset(
    {
        "mayor",
        "governor",
        "council",
        "councillor",
        "councilor",
        "sheriff",
        "premier",
        "legislature",
        "assembly",
        "municipality",
    }
)


_FORMER_WORDS = frozenset({"former", "ex", "ex-", "onetime", "erstwhile", "late"})


def local_office(tok: Token, excluded: set[int]) -> bool:
    """Is the place the seat of an event actor's local office ("the mayor of Moscow", "Sergei
    Sobyanin, the mayor of Moscow"), one the actor holds now (not "former ... governor")?"""
    for cur in described_nouns(tok, ("of",)):
        if cur.lemma_.lower() in _LOCAL_OFFICES:
            if any(c.lower_ in _FORMER_WORDS for c in cur.children):
                return False  # "former New Jersey governor Chris Christie": not there now
            near = {cur.i, *(c.i for c in cur.children if c.dep_ == "appos")}
            if cur.dep_ == "appos":
                near.add(cur.head.i)
            return bool(near & excluded)
    return False


def in_attribution(tok: Token) -> bool:
    """Is the place inside "according to ..." (the source of a report, not the event's place:
    "according to the U.S. Attorney for the Western District of Texas")?"""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" and anc.lower_ == "to" and anc.head.lower_ == "according":
            return True
        if anc.pos_ in {"VERB", "AUX"}:
            return False
    return False


def coordinated_places(
    doc: Doc,
    cand: Mention,
    place: Place,
    resolved: Sequence[tuple[Mention, Place]],
    gazetteer: Gazetteer,
) -> list[Place] | None:
    """The places coordinated by "and"/"or" with this one ("in Mecca and Medina", "in Idaho,
    Michigan and Missouri"), itself included and the others read in its country if they can be
    ("Medina" next to Mecca), when none lies inside another ("Paris, France" and "Kenosha,
    Wisconsin" are one place each); None if it stands alone."""
    root = doc[cand.start : cand.end].root
    if not any(t.dep_ == "cc" for c in (root, *root.conjuncts) for t in c.children):
        return None
    others = {c.i for c in root.conjuncts}
    found = [
        resolve(other.text, gazetteer, place.country) or where
        for other, where in resolved
        if any(other.start <= i < other.end for i in others)
        and not contains(place, where)
        and not contains(where, place)
    ]
    return [place, *found] if found else None


def covering_country(
    several: Sequence[Place], gazetteer: Gazetteer, reason: str
) -> tuple[Place | None, str | None, str | None]:
    """The country of several places if they share one ("curfews in Mecca and Medina": Saudi
    Arabia), else none ("London and Los Angeles")."""
    countries = {p.country for p in several}
    country = gazetteer.country(countries.pop()) if len(countries) == 1 else None
    if country is None:
        return None, None, None
    return country, country.name, reason


_MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})


def abroad_mission(tok: Token) -> bool:
    """Does the place name whose mission it is ("at the US embassy", "the French consulate in
    Erbil"): a mission stands abroad, not in its country?"""
    return tok.dep_ in _ACTOR_MODIFIER_DEPS and tok.head.lemma_.lower() in _MISSION_NOUNS


_NATIONALITY_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
# Nouns a country's name may modify and still name a place in it ("Syria's second city
# Aleppo", "Iraq's capital", "Ukraine's southern coast").
_PLACE_HEADS = (
    _ON_PLACE_NOUNS
    | REGION_WORDS
    | {"city", "town", "village", "capital", "port", "countryside", "airspace", "waters"}
    | {"north", "south", "east", "west", "part", "parts", "area", "areas", "soil"}
)


def nationality(tok: Token, place: Place) -> bool:
    """Is a country named as a modifier of a noun, saying whose people or thing it is ("11
    U.S. service members were injured", "Iran's leader"), not where anything happened? Not
    of a noun naming a place in it ("Syria's second city Aleppo")."""
    if place.kind != "country" or tok.dep_ not in _NATIONALITY_DEPS:
        return False
    head = tok.head
    return head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in _PLACE_HEADS


# Nouns of an apposition that describes a town by its region: "Farah, the capital of Farah
# Province", "Kati, a town in Koulikoro Region".
_DESCRIBING_HEADS = frozenset({"capital", "city", "town", "village", "seat", "port"})


def region_of_town(tok: Token, place: Place) -> bool:
    """Is a region named only to say where a town is: the object of "of"/"in" on an
    apposition to the town ("Puli Khumri, the capital of the northern Baghlan Province")?
    The act is at the town, not over the region."""
    if place.kind == "city" or tok.dep_ != "pobj" or tok.head.lower_ not in {"of", "in"}:
        return False
    noun = tok.head.head
    return noun.dep_ == "appos" and noun.lemma_.lower() in _DESCRIBING_HEADS and \
        noun.head.pos_ == "PROPN"


def between_parties(tok: Token) -> bool:
    """ "a peace agreement between Japan and Russia": the places name the parties."""
    head = tok
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "between"


def described_nouns(tok: Token, preps: Collection[str] = ("of", "from")) -> Iterator[Token]:
    """The nouns a place name modifies, nearest first: through possessive, compound, adjective
    and apposition links, and "of"/"from" phrases ("the mayor of Moscow" -> mayor)."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in _ACTOR_MODIFIER_DEPS:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in preps:
            cur = cur.head.head
        else:
            return
        yield cur


def describes_actor(tok: Token, excluded: set[int]) -> bool:
    """Is the place part of an actor's description rather than where the act happened:
    coordinated with an actor ("blamed Israel and the United States"), or a modifier of one ("the
    government of Ukraine", "a Palestinian from Jordan", "the envoy for Ukraine talks", "Iraq's
    prime minister"), or of any named person ("Yutaka Iwasaki of Kobe, Japan")?"""
    if any(c.i in excluded for c in tok.conjuncts):
        return True
    return any(
        cur.i in excluded or cur.ent_type_ == "PERSON"
        for cur in described_nouns(tok, ("of", "from", "for"))
    )


def where_venue(trigger: Token) -> Token | None:
    """ "the airport, where Soleimani was arriving": the noun a where-clause modifies is the
    trigger's venue. None unless the trigger heads (or is coordinated in) such a clause."""
    clause = trigger.head if trigger.dep_ in {"conj", "xcomp"} else trigger
    if clause.dep_ != "relcl":
        return None
    if any(c.lower_ == "where" for c in (*clause.children, *trigger.children)):
        return clause.head
    return None


def in_other_clause(tok: Token, trigger: Token) -> bool:
    """Is the place inside a relative clause or an -ing participle clause that modifies a noun
    and does not contain the trigger ("called for action on wildfires destroying forests in
    Brazil": Brazil is where the fires are, not where the call was made)?"""
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    for anc in tok.ancestors:
        if anc.i in trigger_line:
            return False
        if anc.dep_ == "relcl" or (anc.dep_ == "acl" and anc.tag_ == "VBG"):
            return True
    return False


def in_other_acts_object(tok: Token, trigger: Token) -> bool:
    """Is the place inside the object of another verb coordinated with the trigger ("cuts ties
    with Maduro and closes the embassy in Caracas": Caracas is where the embassy is, not where
    ties were cut)? A phrase on the other verb itself ("killed three and wounded five in
    Kabul") may be the scene of both and is not left out."""
    trigger_line = {trigger.i, *(a.i for a in trigger.ancestors)}
    prev = tok
    for anc in tok.ancestors:
        if anc.i in trigger_line:
            return False
        if anc.pos_ == "VERB":
            return anc.dep_ == "conj" and prev.dep_ in OBJECT_DEPS and prev.i != tok.i
        prev = anc
    return False


def done_online(trigger: Token) -> bool:
    """Was the act done online ("praised Mendez on Twitter", "tweeted", "criticised the ruling in a
    tweet", "wrote on social media", "announced online")? The phrase may hang on the trigger or
    on its object, or on its subject set off by commas ("Trump, also on Twitter, defended")."""
    doc = trigger.doc
    if any(t.lemma_.lower() in _ONLINE_VERBS for t in (trigger, *trigger.ancestors)):
        return True  # "He tweeted, 'I want to express my sympathy'"
    heads = [doc[i] for i in sorted(attachment_points(trigger))]
    heads += [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for tok in (*heads, *(c for h in heads for c in h.children)):
        if tok.dep_ == "advmod" and tok.lower_ == "online":
            return True
        if tok.dep_ != "prep" or tok.lower_ not in _ONLINE_PREPS:
            continue
        for obj in tok.children:
            if obj.dep_ != "pobj":
                continue
            if obj.lower_ in _ONLINE_NOUNS or (
                obj.lower_ == "media" and any(c.lower_ == "social" for c in obj.children)
            ):
                return True
    return False


def is_standing(trigger: Token) -> bool:
    """Is the trigger a finite present or present perfect ("opposes", "have criticized",
    "has been launched"): a state of affairs rather than an act dated in the story?"""
    if trigger.tag_ in {"VBZ", "VBP"}:
        return True
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have"} and c.tag_ in {"VBZ", "VBP"}
        for c in trigger.children
    )


def based_adjective(doc: Doc, cand: Mention) -> bool:
    """ "a UK-based group", "the Yemen-based Houthi movement": the place says where an actor
    is based, not where the act happened."""
    nxt = doc[cand.end : cand.end + 2]
    if len(nxt) == 2 and nxt[0].text in _HYPHENS and nxt[1].lower_ == "based":
        return True
    return cand.text.casefold().endswith("-based")


def named_subject(trigger: Token) -> bool:
    """Does a proper name do the act ("Biden criticized the move")? Such a sentence starts a
    new act rather than continuing the one before ("Charges were filed", "The meeting was
    attended by ...", "The department arrested them")."""
    clause = trigger.head if trigger.dep_ in {"conj", "xcomp"} else trigger
    return any(
        c.dep_ == "nsubj" and c.pos_ == "PROPN" for t in (trigger, clause) for c in t.children
    )


def target_is_destination(target: Actor | None, trigger: Token) -> bool:
    """Is the target of a visit or meeting also where it happened: "traveled to Tehran",
    "arrived in Baghdad", "visited Moscow" (not "met Putin", "talks with Iraq")?"""
    if target is None or not 0 <= target.head_i < len(trigger.doc):
        return False
    tok = trigger.doc[target.head_i]
    if tok.dep_ in {"dobj", "obj"} and tok.head.i == trigger.i:
        return trigger.lemma_.lower() in {"visit", "tour"}
    return tok.dep_ == "pobj" and tok.head.lower_ in {"to", "in", "at", "into"}


def target_is_venue(target: Actor | None, trigger: Token) -> bool:
    """Is the target named where the act happened: "protested outside the White House",
    "rallied in front of parliament", "gathered at the embassy"?"""
    if target is None or not 0 <= target.head_i < len(trigger.doc):
        return False
    tok = trigger.doc[target.head_i]
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lower_ == "front":  # "in front of"
        prep = prep.head.head
        return prep.lower_ == "in" and prep.head.i == trigger.i
    return prep.lower_ in {"outside", "at", "near", "inside", "opposite"} \
        and prep.head.i == trigger.i
