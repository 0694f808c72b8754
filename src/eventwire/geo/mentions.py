"""Finding place mentions in a parsed sentence, and reading a name as written as a place.

Seats of government ("White House", "Kremlin") come from the actor dictionary's country table
(``eventwire/data/countries.tsv``): a seat names its country's capital. A facility the
gazetteer lacks ("Baghdad International Airport") names the place its leading words name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.geo.gazetteer import REGION_WORDS, Gazetteer
from eventwire.geo.names import Place, normalize_name
from eventwire.geo.tables import STOPLIST, country_terms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NER_IGNORED_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)

# A place name followed by one of these names an event or an institution, not a place.
NAMED_AFTER_HEADS = frozenset(
    {
        "war",
        "wars",
        "olympics",
        "games",
        "cup",
        "airlines",
        "airways",
        "accords",
        "accord",
        "agreement",
        "protocol",
        "treaty",
    }
)

# "<Place> [modifiers] <facility>": a name the gazetteer lacks whose last word is a facility and
# whose other trailing words are modifiers names a facility in the place its leading words name.
_FACILITY_HEADS_TEXT = """
    airport airbase station stadium arena hospital court courthouse prison jail university
    college cathedral mosque church temple synagogue hall centre center port harbour harbor
    bridge square market palace museum zoo gardens base camp school hotel mall terminal
    plant crossing dam refinery mine checkpoint
    """
_FACILITY_MODIFIERS_TEXT = """
    international executive regional national municipal district county city state federal
    supreme high crown magistrates medical general convention congress exhibition central main
    union grand royal police military air naval public railway train bus ferry civic community
    olympic metropolitan nuclear power hydroelectric thermal border steel oil gas
    """
_FACILITY_HEADS = frozenset(_FACILITY_HEADS_TEXT.split())
_FACILITY_MODIFIERS = frozenset(_FACILITY_MODIFIERS_TEXT.split())


def resolve(name: str, gazetteer: Gazetteer, hint: str | None) -> Place | None:
    """A place name as written -> Place. A seat of government is its country's capital ("the
    White House" -> Washington, not the Casablanca of geonames' translated alternate names);
    "Baghdad International Airport" or "Christchurch District Court" -> the leading place."""
    seat = country_terms().seats.get(normalize_name(name))
    if seat is not None:
        return gazetteer.lookup(seat[1], country_hint=seat[0])
    place = gazetteer.lookup(name, country_hint=hint)
    if place is not None:
        return place
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in _FACILITY_HEADS:
        return None
    for cut in range(len(words) - 1, 0, -1):
        if cut < len(words) - 1 and words[cut].casefold() not in _FACILITY_MODIFIERS:
            return None
        head = " ".join(words[:cut])
        if normalize_name(head) not in STOPLIST:
            place = gazetteer.lookup(head, country_hint=hint)
            if place is not None:
                return place
    return None


def region_word(words: list[str], start: int, end: int) -> str | None:
    """The region word around the lower-cased words[start:end]: "Idlib *province*", "the
    *state* of Kerala"; None if there is none."""
    if end < len(words) and words[end] in REGION_WORDS:
        return words[end]
    if start >= 2 and words[start - 1] == "of" and words[start - 2] in REGION_WORDS:
        return words[start - 2]
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # doc-level token index of the first token
    end: int  # exclusive
    text: str
    strong: bool  # NER place entity or untagged proper noun (usable for "sentence")


def _span_text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def find_mentions(sent: Span) -> list[Mention]:
    """Place-name candidates in sentence order: NER GPE/LOC/FAC entities (strong), other
    capitalised NER entities such as a country mis-tagged PERSON, a facility tagged ORG
    ("Christchurch District Court") or a lone name tagged PRODUCT (weak), and runs of
    capitalised proper nouns the NER left untagged (strong unless stop-listed)."""
    out: list[Mention] = []
    covered: set[int] = set()
    for ent in sent.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in _NER_IGNORED_LABELS:
            continue
        tokens = list(ent)
        while tokens and (tokens[0].is_lower or tokens[0].pos_ == "DET"):
            tokens = tokens[1:]  # "northern Iraq", "the Netherlands"
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue
        text = _span_text(tokens)
        strong = ent.label_ in _NER_PLACE_LABELS
        facility = ent.label_ == "ORG" and tokens[-1].lower_ in _FACILITY_HEADS
        # a lone name tagged PRODUCT is as often a town the model does not know ("shell
        # Bakhmut"): weak, as a mis-tagged PERSON is
        lone = ent.label_ == "PRODUCT" and len(tokens) == 1
        if (
            not strong
            and not lone
            and (ent.label_ not in {"PERSON", "ORG", "NORP"} or (len(tokens) > 2 and not facility))
        ):
            continue
        out.append(Mention(tokens[0].i, tokens[-1].i + 1, text, strong))
    run: list[Token] = []
    for tok in [*sent, None]:
        if (
            tok is not None
            and tok.i not in covered
            and tok.pos_ == "PROPN"
            and (tok.is_title or (tok.is_upper and len(tok) > 2))
        ):
            run.append(tok)
            continue
        if run and len(run) <= 4:
            text = _span_text(run)
            if normalize_name(text) not in STOPLIST:
                out.append(Mention(run[0].i, run[-1].i + 1, text, True))
        run = []
    out.sort(key=lambda c: c.start)
    return out
