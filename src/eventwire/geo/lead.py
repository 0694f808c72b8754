"""Places read from plain text without a parser: the place an article's lead names (for
stories without a wire dateline: Wikinews, press releases), and the place the sentence before
an event's names after a locative word. Nationality adjectives ("Indian officials") come from
the actor dictionary's country table (``eventwire/data/countries.tsv``), only as a last resort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.geo.asides import aside_positions
from eventwire.geo.gazetteer import Gazetteer, region_base
from eventwire.geo.mentions import NAMED_AFTER_HEADS, region_word, resolve
from eventwire.geo.names import LeadPlace, Place, contains, normalize_name
from eventwire.geo.tables import STOPLIST, VISIT_VERBS, country_terms

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:\s*,?\s*\d{{4}})?"


# ---------------------------------------------------------------------------------------------
# The sentence before

# A sentence ends at ./!/? after a lower-case letter, a digit or a closing bracket ("U.S." does
# not end one), with any closing quotes, before a capital or an opening quote.
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)\]][.!?])[\"'\u201d\u2019]*\s+(?=[\"\u201c(]?[A-Z])")


def previous_sentence(article: str, sentence: str) -> str:
    """The sentence before `sentence` in its paragraph of `article` ("" if it opens its
    paragraph or is not found in the article)."""
    at = article.find(sentence)
    if at <= 0:
        return ""
    before = article[article.rfind("\n", 0, at) + 1 : at].strip()
    return _SENTENCE_END_RE.split(before)[-1] if before else ""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the sentences of `text` (split as
    `previous_sentence` splits them)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def locative_place(text: str, gazetteer: Gazetteer, within: Place) -> Place | None:
    """The first place `text` names after a locative word ("in", "at", "the capital", "the
    city of") that lies inside `within` ("... a summit in Athens" within Greece)."""
    tokens = _LEAD_TOKEN_RE.findall(text)
    locative = {
        (run.first, run.first + len(run.words)) for run in _lead_runs(tokens) if run.locative
    }
    cities, regions, _ = _lead_hits(tokens, gazetteer)
    for hit in sorted((*cities, *regions), key=lambda h: h.position):
        if (hit.position, hit.end) in locative and contains(within, hit.place):
            return hit.place
    return None


# ---------------------------------------------------------------------------------------------
# Lead places (articles without a wire dateline)

_LEAD_DATE_RE = re.compile(
    rf"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{DATE_PATTERN}\b[.,]?\s*"
)
_LEAD_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.\-]*|\d[\w.,:]*|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_LEAD_LOC_WORDS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
)
_LEAD_PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "port", "municipality"})
_LEAD_MAX_TOKENS = 80  # about the first sentence or two
# The lead is read from the first 200 characters; with no place there, from the first 600
# (`find_dateline`): on the five location samples this placed 6 more events, 4 of them rightly.
# Refining a country lead to the city the next sentences name (the story's city) won 8 events
# on the samples it was developed on and lost 2 on the two samples judged blind: not kept.
LEAD_CHARS = 200
_LEAD_REGION_GAP = 4  # "the US state of Alabama": a state this close after its country refines it
# A country name right after these words is the end of a longer name ("New South Wales").
_NAME_PREFIXES = frozenset(
    {"new", "south", "north", "east", "west", "upper", "lower", "greater", "central"}
    | {"northern", "southern", "eastern", "western"}
)


@dataclass(frozen=True, slots=True)
class _LeadRun:
    words: tuple[str, ...]  # capitalised words, possessive 's and sentence-final period stripped
    first: int  # index of the first word in the lead's tokens
    locative: bool  # after in/at/near/..., "the city of", "the capital"


@dataclass(frozen=True, slots=True)
class _LeadHit:
    place: Place
    name: str  # as written
    position: int  # token index
    end: int  # token index after the name


def _ends_name(token: str) -> bool:
    """A capitalised word that ends a name: a possessive, or a sentence-final period that is
    not part of an abbreviation ("Russia." but not "U.S." or "St.")."""
    if _POSSESSIVE_RE.search(token):
        return True
    return token.endswith(".") and "." not in token[:-1] and len(token) > 4


def _lead_runs(tokens: list[str]) -> list[_LeadRun]:
    runs: list[_LeadRun] = []
    n = 0
    while n < len(tokens):
        if not tokens[n][:1].isupper():
            n += 1
            continue
        first, words = n, []
        while n < len(tokens) and tokens[n][:1].isupper():
            token = tokens[n]
            n += 1
            if _ends_name(token):
                words.append(_POSSESSIVE_RE.sub("", token).rstrip("."))
                break
            words.append(token)
        before = [t.lower() for t in tokens[max(0, first - 3) : first] if t != ","]
        p1 = before[-1] if before else ""
        p2 = before[-2] if len(before) > 1 else ""
        locative = (
            p1 in _LEAD_LOC_WORDS
            or p1 in VISIT_VERBS
            or p1 in _LEAD_PLACE_NOUNS
            or (p1 == "of" and p2 in _LEAD_PLACE_NOUNS)
        )
        runs.append(_LeadRun(tuple(words), first, locative))
    return runs


def _region_of(run: _LeadRun, gazetteer: Gazetteer) -> Place | None:
    place = gazetteer.lookup(" ".join(run.words))
    return place if place is not None and place.kind != "city" else None


def _following_region(
    runs: list[_LeadRun], index: int, end: int, tokens: list[str], gazetteer: Gazetteer
) -> Place | None:
    """The region named right after a name, behind one or two commas: "Frederick, Maryland",
    "Reading, Berkshire, UK"."""
    pos = end
    for nxt in runs[index + 1 : index + 3]:
        if pos >= len(tokens) or tokens[pos] != "," or nxt.first != pos + 1:
            return None
        region = _region_of(nxt, gazetteer)
        if region is not None:
            return region
        pos = nxt.first + len(nxt.words)
    return None


def _lead_hits(
    tokens: list[str], gazetteer: Gazetteer
) -> tuple[list[_LeadHit], list[_LeadHit], list[_LeadHit]]:
    """(cities, regions, nationalities) named in the lead, in order. A city counts only after a
    locative word or with its region after it; a city whose region after it does not contain
    it is dropped ("Martinsville, Virginia" is not Martinsburg, West Virginia). A region
    outside the US counts only after a locative word or a comma, or named as a region ("Idlib
    province", "the state of Kerala"): "Mayor Anne Hidalgo" is not in Hidalgo, Mexico."""
    runs = _lead_runs(tokens)
    adjectives = country_terms().adjectives
    lowers = [t.lower() for t in tokens]
    us_code = gazetteer.country_code("US")
    cities: list[_LeadHit] = []
    regions: list[_LeadHit] = []
    nationalities: list[_LeadHit] = []
    for index, run in enumerate(runs):
        k = 0
        while k < len(run.words):
            found = 0
            for e in range(len(run.words), k, -1):
                if k > 0 and run.words[k - 1].casefold() in _NAME_PREFIXES:
                    break
                name = " ".join(run.words[k:e])
                key = normalize_name(name)
                start, end = run.first + k, run.first + e
                word = region_word(lowers, start, end)
                if word is not None:
                    named = gazetteer.lookup(f"{name} {word}")
                    if named is not None and named.kind == "admin1":
                        regions.append(_LeadHit(named, name, start, end))
                        found = e
                        break
                code = adjectives.get(key)
                if code is not None:
                    country = gazetteer.country(code)
                    if country is not None:
                        nationalities.append(_LeadHit(country, name, start, end))
                    found = e
                    break
                region = (
                    _following_region(runs, index, end, tokens, gazetteer)
                    if e == len(run.words)
                    else None
                )
                if key in STOPLIST and not (region is not None and run.locative):
                    continue
                if region is not None:
                    inside = [
                        p
                        for p in gazetteer.candidates(name)
                        if p.kind == "city" and contains(region, p)
                    ]
                    if inside:
                        cities.append(_LeadHit(inside[0], name, start, end))
                        found = e
                        break
                place = resolve(name, gazetteer, region.country if region else None)
                if place is None:
                    continue
                if end < len(tokens) and tokens[end].casefold() in NAMED_AFTER_HEADS:
                    found = e  # "an Iraq War veteran", "the Tokyo Olympics": not a place
                    break
                if place.kind != "city":
                    if (
                        place.kind != "admin1"
                        or place.country == us_code
                        or (k == 0 and run.locative)
                        or (start > 0 and tokens[start - 1] == ",")
                        or region_base(key) is not None
                    ):
                        regions.append(_LeadHit(place, name, start, end))
                elif (region is not None and contains(region, place)) or (
                    region is None and k == 0 and e == len(run.words) and run.locative
                ):
                    cities.append(_LeadHit(place, name, start, end))
                found = e
                break
            k = found if found else k + 1
    return cities, regions, nationalities


_TERRITORY_OF = frozenset(
    {"commonwealth of", "territory of", "overseas territory of", "unincorporated territory of"}
)


def _is_region(name: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.lookup(name) if name else None
    return place is not None and place.kind != "city"


def _main_hits(
    tokens: list[str], gazetteer: Gazetteer
) -> tuple[list[_LeadHit], list[_LeadHit], list[_LeadHit]]:
    """The lead's hits (`_lead_hits`) where its main acts happen: none named in an aside
    (`eventwire.geo.asides`: "Originating in Wuhan, China, the virus ...")."""
    asides = aside_positions(tokens, lambda name: _is_region(name, gazetteer))
    cities, regions, nationalities = _lead_hits(tokens, gazetteer)

    def main(hits: list[_LeadHit]) -> list[_LeadHit]:
        return [h for h in hits if h.position not in asides]

    return main(cities), main(regions), main(nationalities)


def find_lead_place(text: str, gazetteer: Gazetteer) -> LeadPlace | None:
    """The place an article's lead names, for articles without a wire dateline ("Friday,
    January 4, 2019 / An apartment building collapsed on Monday in Magnitogorsk, a city in ...").

    Read without a parser, so only names that are unlikely to be something else count: first a
    city after a locative word ("in", "at", "near", "the city of", "the capital") or confirmed
    by the region after it ("Tyler, Texas"), taken in a country the lead names if it has one
    of that name; else a country or US state named anywhere, or a region abroad named after a
    locative word or a comma or as a region ("the state of Kerala") (a region right after its
    country refines it: "the US state of Alabama"); else a nationality adjective ("Indian officials"
    -> India). Places named in an aside of the lead ("Originating in Wuhan, ...", ", who grew
    up in Ohio,") do not count (`eventwire.geo.asides`). A leading date line is skipped, and a
    word cut by the caller's truncation is dropped."""
    m = _LEAD_DATE_RE.match(text)
    body = text[m.end() :] if m else text
    if len(text) >= 200:  # the caller may have cut the text mid-word
        body = re.sub(r"\S+$", "", body)
    tokens = _LEAD_TOKEN_RE.findall(body)[:_LEAD_MAX_TOKENS]
    if tokens and tokens[0].lower() in _LEAD_LOC_WORDS:
        tokens[0] = tokens[0].lower()  # "In Kabul, a bomb ...": a locative, not a name's word
    cities, regions, nationalities = _main_hits(tokens, gazetteer)
    if cities:
        city = cities[0].place
        countries = [r.place.country for r in regions]
        if countries and city.country not in countries:
            for code in countries:
                local = gazetteer.lookup(cities[0].name, country_hint=code)
                if local is not None and local.country == code and local.kind == "city":
                    city = local
                    break
        return LeadPlace.of(city)
    if regions:
        best = regions[0]
        for hit in regions[1:]:
            between = " ".join(tokens[best.end : hit.position]).casefold()
            if between in _TERRITORY_OF:  # "the United States commonwealth of Puerto Rico"
                best = hit
                continue
            if hit.position - best.end > _LEAD_REGION_GAP or not contains(best.place, hit.place):
                break
            best = hit
        return LeadPlace.of(best.place)
    if nationalities:
        return LeadPlace.of(nationalities[0].place)
    return None
