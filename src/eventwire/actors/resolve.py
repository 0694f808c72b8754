"""Resolve who a noun phrase is: dictionary matches composed over the parse.

compute: `ActorMatcher.match(doc)` tags tokens with dictionary entries (PhraseMatcher);
apply:   `ActorResolver.actors_at(token)` composes country + sector + named entity over
the token's noun phrase, with the article's memory (`ArticleContext`) for surnames,
acronyms, pronouns and definite descriptions.

The mention model and the memory are in `actor.py`, the matcher in `matcher.py`, the parse
positions the resolver tests in `positions.py`; this module re-exports the first three.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from .actor import Actor, ArticleContext, compose_code
from .campaigns import campaign_actor
from .dictionary import ActorEntry, SectorTerm
from .matcher import ActorMatcher
from .positions import agent_position, choose_sector, closer, downed, posting, struck

__all__ = ["Actor", "ActorMatcher", "ActorResolver", "ArticleContext", "compose_code"]

NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "appos", "flat",
                     "case", "quantmod", "npadvmod", "nn", "cc", "conj"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
SELF_PRONOUNS = frozenset({"we", "us", "our", "i", "me", "my"})
ISSUER_PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves"})
# "I" in a statement, outside quotation marks, is the one who issues it (the President, the
# Secretary): the issuing body's code. Inside quotes it is whoever is quoted.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "myself"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})


def _quoted(t: Token) -> bool:
    """Is the token inside a pair of quotation marks of its sentence?"""
    sent = t.sent
    marks = sum(1 for x in t.doc[sent.start: t.i] if x.text in QUOTES)
    return marks % 2 == 1
# Definite heads that, with no country or name of their own, stand for the issuer in its
# own statement: "the Department", "the Secretary", "the Ministry", "the spokesperson".
ISSUER_HEADS = frozenset({"department", "secretary", "ministry", "spokesperson", "spokesman",
                          "spokeswoman", "embassy", "administration", "command", "agency",
                          "office", "mission"})
ELITE_MODIFIERS = frozenset({"former", "ex", "ex-", "retired", "late"})
NON_ACTOR_HEADS = frozenset({"deal", "agreement", "achievement", "cooperation", "support",
                             "interest", "relation", "tie"})
AFFILIATION = frozenset({"link", "linked", "back", "backed", "lead", "led", "affiliate",
                         "affiliated", "ally", "allied", "inspire", "inspired", "fund",
                         "funded", "support", "supported", "base", "based", "sponsor",
                         "sponsored", "hold", "held", "control", "controlled", "occupy",
                         "occupied", "run", "align", "aligned", "owned", "own", "born"})
COLLECTIVE_HEADS = frozenset({"position", "target", "base", "outpost", "garrison", "convoy",
                              "stronghold", "installation", "checkpoint", "group", "force",
                              "faction", "movement", "organization",
                              "organisation", "member", "fighter", "supporter", "unit",
                              "coalition", "alliance", "body", "camp", "bloc", "wing",
                              "figure", "activist", "source", "delegation", "team", "side",
                              "agent", "personnel", "staff", "envoy", "representative",
                              "inspector", "monitor", "observer", "investigator", "expert",
                              "negotiator", "mediator", "worker", "employee", "crew", "staffer"})
CORPORATE_SUFFIXES = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag",
                                "sa", "nv", "gmbh", "technologies", "holdings", "industries"})
CONFLICT_NOUNS = frozenset({"war", "conflict", "crisis", "genocide", "invasion", "campaign",
                            "revolution", "uprising"})
PLATFORMS = frozenset({"tank", "jet", "helicopter", "drone", "gunboat", "artillery",
                       "warplane", "gunship", "warship", "aircraft", "plane", "missile",
                       "rocket"})
ASSETS = frozenset({"position", "target", "base", "outpost", "garrison", "convoy",
                    "stronghold", "installation", "checkpoint", "barrack", "barracks"})
# Acts of force standing for whoever carries them out: "a Russian missile attack killed 14",
# "Israeli strikes on Gaza", "condemned the Iranian attack" (the user's armed forces).
STRIKE_HEADS = frozenset({"attack", "strike", "airstrike", "bombardment", "shelling", "raid",
                          "offensive", "incursion", "bombing", "assault"})
# What an organisation says through: "a UN report accused", "an EU statement urged".
VOICE_HEADS = frozenset({"report", "statement", "resolution", "communique", "declaration",
                         "panel", "commission", "mission", "inquiry", "investigation",
                         "study", "letter", "note", "spokesman", "spokeswoman", "spokesperson"})
QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "million", "score", "number",
                            "group", "some", "many", "most", "all", "several", "member",
                            "part", "few", "one", "two", "three", "four", "five", "ten",
                            "unit", "team", "contingent", "batch", "wave", "band",
                            "nation", "country"})  # "the nations of Serbia and Kosovo"
COUNTERPART = frozenset({"counterpart", "counterparts", "opposite", "peer", "peers"})


# Titles the parser reads as common nouns ("counselor"); a title read as a name is one too
OFFICE_HEADS = frozenset({"counselor", "counsellor", "adviser", "advisor"})

def _implied_subject(pron: Token) -> Token | None:
    """The verb whose subject a participle holding the pronoun shares: "cut ties with Qatar,
    accusing it of ..." (the accuser is the subject of "cut", so "it" is not)."""
    v = pron.head
    if pron.dep_ not in {"dobj", "obj", "dative"} or v.dep_ not in {"advcl", "xcomp"} \
            or v.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children):
        return None
    return v.head


def _share_country(prev: Actor, a: Actor) -> Actor:
    """'Kenyan President Ruto, Foreign Minister Mutua and Defence Minister Duale': a list of
    officials led by a national one are that country's, each bare office after it."""
    if prev.country and a.country is None and a.sector and a.kind in {"person", "sector"}:
        return replace(a, code=compose_code(prev.country, a.sector), country=prev.country)
    return a


class ActorResolver:
    """Resolve actors in one parsed sentence, reading from and writing to the context."""

    def __init__(self, matcher: ActorMatcher, doc: Doc, ctx: ArticleContext,
                 matches: tuple[dict[int, list[ActorEntry]], dict[int, SectorTerm]] | None = None
                 ) -> None:
        self.doc = doc
        self.ctx = ctx
        self.entries, self.sectors = matches if matches is not None else matcher.match(doc)
        self.matcher = matcher
        self.place_country = matcher.place_country
        self.ents = {t.i: ent for ent in doc.ents for t in ent}
        self._cache: dict[int, list[Actor]] = {}
        self._busy: set[int] = set()

    # -- the noun phrase of a head token ------------------------------------------------
    def np_tokens(self, head: Token) -> list[Token]:
        out = [head]
        stack = [c for c in head.children if self._in_np(c)]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if self._in_np(c))
        return sorted(out, key=lambda t: t.i)

    def _in_np(self, c: Token) -> bool:
        if c.dep_ not in NP_DEPS or c.dep_ in {"cc", "conj"}:
            return False
        if c.dep_ == "appos" and c.i > 0 and c.doc[c.i - 1].text == "(":
            return False  # "(ZLA)": an acronym, learned separately, not part of the text
        if c.dep_ == "amod" and c.lemma_.lower() in AFFILIATION:
            return False  # "Al Qaeda-linked group", "UK-based group", "rebel-held city"
        return not self._coordinated_appos(c)

    def _is_country_name(self, t: Token) -> bool:
        return any(e.kind == "country" for e in self.entries.get(t.i, ()))

    def _coordinated_appos(self, c: Token) -> bool:
        """'The US, Russia and Switzerland': the parser often makes 'Russia' an apposition
        of 'US'; two country names in apposition are a list, not one actor."""
        return c.dep_ == "appos" and self._is_country_name(c) and self._is_country_name(c.head)

    def actors_at(self, head: Token) -> list[Actor]:
        """Actors for the phrase headed by `head`, one per conjunct ("Iran and Iraq")."""
        if head.i in self._cache:
            return self._cache[head.i]
        if head.i in self._busy:
            return []
        self._busy.add(head.i)
        try:
            out = self._actors_at(head)
        finally:
            self._busy.discard(head.i)
        self._cache[head.i] = out
        return out

    def _actors_at(self, head: Token) -> list[Actor]:
        heads = [head]
        for h in list(heads):
            heads += [c for c in h.children if self._coordinated_appos(c)]
        for h in list(heads):
            heads += [c for c in h.conjuncts if c.i > h.i and c.pos_ in {"PROPN", "NOUN", "PRON"}
                      and c not in heads]
        heads = self._through_quantity(heads)
        out: list[Actor] = []
        for h in sorted(heads, key=lambda t: t.i):
            got = self._resolve(h) or campaign_actor(h, self.actors_at)
            if not got or all(a.country is None and len(a.code or "") <= 3 for a in got):
                # "Pacific nations, including Fiji and Tonga": the listed ones
                listed = [x for c in h.children if c.dep_ == "prep"
                          and c.lower_ in {"including", "like"} for p in c.children
                          if p.dep_ == "pobj" for x in self.actors_at(p)]
                if any(a.country is not None or len(a.code or "") > 3 for a in listed):
                    got = listed
            if not got and (h.pos_ == "PROPN" or h.lower_ in OFFICE_HEADS):
                # "Counselor of the Department Derek Chollet": the title names no actor,
                # the person in apposition does
                got = next((x for c in h.children if c.dep_ == "appos"
                            and c.pos_ == "PROPN" for x in [self.actors_at(c)] if x), [])
            if out and got and self._national(out[-1]):
                got = [_share_country(out[-1], a) for a in got]
            out.extend(got)
        return out

    def _national(self, a: Actor) -> bool:
        """An official named with a nationality or country ("Kenyan President Ruto")."""
        if a.country is None or a.kind not in {"person", "sector"} or a.via not in {
                "dictionary", "title"}:
            return False
        span = self.doc.char_span(a.start_char, a.end_char, alignment_mode="expand")
        return span is not None and any(
            e.kind in {"country", "adjective"} and e.country == a.country
            for t in span for e in self.entries.get(t.i, ()))

    @staticmethod
    def _through_quantity(heads: list[Token]) -> list[Token]:
        """'hundreds of UN troops', 'members of Hamas': the actor is the 'of' object."""
        out = []
        for h in heads:
            if h.lemma_.lower() in QUANTITY_HEADS or h.pos_ == "NUM":
                of = [p for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
                if of:
                    out.extend([of[0], *[c for c in of[0].conjuncts if c.i > of[0].i]])
                    continue
            out.append(h)
        return out

    def _resolve(self, head: Token) -> list[Actor]:
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            return self._pronoun(head)
        if not self._actor_head(head):
            return []
        toks = self.np_tokens(head)
        span = self.doc[toks[0].i: toks[-1].i + 1]
        named: ActorEntry | None = None
        named_tok: Token | None = None
        country: str | None = None
        country_kind: str | None = None
        sector_terms: list[tuple[Token, SectorTerm]] = []
        person_text: str | None = None
        elite = any(t.lower_ in ELITE_MODIFIERS for t in toks)
        anchor: Actor | None = None
        for t in toks:
            if t.dep_ == "poss" and t.i != head.i and t.head.lower_ in COUNTERPART:
                got = self._resolve(t)
                anchor = got[0] if got else None
                continue
            entries = self.entries.get(t.i)
            if entries and t.i != head.i and t.dep_ == "compound" and t.head.i != head.i \
                    and t.head.lemma_.lower() in CONFLICT_NOUNS:
                entries = None  # "an Iraq War veteran" is no Iraqi actor
            if entries and posting(t):
                entries = None  # "Special Envoy for Libya Richard Norland": not Libya's
            if entries and any(x.lower_.rstrip(".") in CORPORATE_SUFFIXES for x in toks
                               if x.i > t.i) and all(e.kind != "country" for e in entries):
                entries = None  # "CIS Technologies Inc" is a company, not the CIS
            if entries:
                e = self._pick(entries)
                if e is None:
                    continue
                if e.kind in {"group", "person", "user"}:
                    if named is None or closer(t, named_tok, head):
                        named, named_tok = e, t
                elif e.kind in {"capital", "seat"}:
                    if t.i == head.i or (t.head.i == head.i and t.dep_ in {"compound", "poss"}):
                        country = country or e.country
                        country_kind = country_kind or e.kind
                    else:
                        country = country or e.country
                        country_kind = country_kind or e.kind
                else:
                    country = country or e.country
                    country_kind = country_kind or e.kind
            if t.i in self.sectors:
                sector_terms.append((t, self.sectors[t.i]))
            ent = self.ents.get(t.i)
            if ent is not None and ent.label_ in {"PERSON", "ORG"} and person_text is None \
                    and t.i not in self.entries:
                person_text = ent.text if ent.label_ == "PERSON" else None
                if ent.label_ == "ORG" and named is None:
                    learned = self.ctx.learned.get(ent.text.lower())
                    if learned:
                        return [learned.with_text(span)]
        if (named is not None and named_tok is not None and country and named.country
                and country != named.country and named_tok.i in self.sectors
                and named.name.lower() == named_tok.lower_):
            named = None  # "Rwanda's Senate": a generic name ("Senate" = US) of that country
        if person_text and named is None:
            learned = self.ctx.learned.get(person_text.lower()) or self.ctx.learned.get(
                person_text.split()[-1].lower())
            if learned and not sector_terms and country is None:
                return [replace(learned.with_text(span), via="learned", head_i=head.i)]
            if sector_terms:
                named = self._titled_surname(person_text, country)
        if person_text is None and named is None and country is None and sector_terms \
                and head.pos_ == "PROPN" and head.i not in self.sectors:
            # "Administrator Power" after "Administrator Samantha Power": the surname the
            # parser did not tag as a person, after a title, is the person met before
            learned = self.ctx.learned.get(head.lower_)
            if learned is not None and learned.kind == "person":
                return [replace(learned.with_text(span), via="learned", head_i=head.i)]
        sector, secondary = choose_sector(sector_terms, head)
        if named is None and country is None and head.i in self.sectors:
            member_of = self._of_named(head)
            if member_of is not None:
                return [replace(member_of, text=span.text, start_char=span.start_char,
                                end_char=span.end_char, head_i=head.i)]
        listed: list[str] = []
        if sector and country is None and named is None:
            # a named person "in Washington" is there, not of there ("the mayor of Nablus" is)
            country = self._country_of_place(head, {"of", "from"} if person_text else None)
            country_kind = "adjective" if country else None
            listed = self._listed_places(head) if country else []
        if any(t.lower_ in COUNTERPART for t in toks) and anchor is not None:
            sector = sector or anchor.sector
        if elite and (sector or named):
            sector = "ELI"
        if sector is None and head.lemma_.lower() in ASSETS | STRIKE_HEADS | PLATFORMS \
                and country:
            sector = "MIL"  # "Russian positions", "Syrian army bases": the armed forces
        if named is not None and named_tok is not None and self._names_a_thing(head, named_tok):
            return []  # "the EU law", "a UN report", "the NATO summit": not the EU or UN
        if named is not None:
            code: str | None = named.code
            n_country, n_sector = named.country, named.sector
            if named.kind == "person" and not named.valid_on(self.ctx.pub_date):
                code = compose_code(named.country, "ELI")
                n_sector = "ELI"
            actor = Actor(code, span.text, span.start_char, span.end_char, n_country, n_sector,
                          "person" if named.kind == "person" else "group",
                          named.canonical if named.kind == "person" else None, "dictionary",
                          head.i)
            if named.kind == "person":
                self.ctx.learn(named.canonical, actor)
            return [actor]
        if country is None and not sector and person_text is None:
            if head.pos_ == "PROPN" and head.ent_type_ in {"PERSON", "ORG", "NORP"}:
                ent = self.ents.get(head.i)
                text = ent.text if ent is not None else head.text
                learned = self.ctx.learned.get(text.lower())
                if learned:
                    return [learned.with_text(span)]
                kind = {"PERSON": "person", "ORG": "group"}.get(head.ent_type_, "unknown")
                return [Actor(None, text, span.start_char, span.end_char, kind=kind,
                              person=text if kind == "person" else None, via="ner",
                              head_i=head.i)]
            return []
        if country is None and sector and person_text is None:
            desc = self._description(head, sector, toks)
            if desc:
                return desc
        if country is None and sector is None and person_text:
            return [Actor(None, person_text, span.start_char, span.end_char, kind="person",
                          person=person_text, via="ner", head_i=head.i)]
        if country_kind in {"capital", "seat"} and not sector:
            if head.i not in self.entries and head.pos_ == "PROPN" and named is None \
                    and person_text is None:
                return []  # "London Bridge", "the Beijing Olympics": named after the city
            sector = "GOV"
        # no country known: the sector alone is the code, as GDELT's Actor1Code does ("GOV")
        code = compose_code(country, sector) if country else sector
        kind = "person" if person_text else ("country" if not sector else "sector")
        if head.lower_ in NON_ACTOR_HEADS:
            return []
        actor = Actor(code, span.text, span.start_char, span.end_char, country, sector, kind,
                      person_text, "title" if person_text else
                      ("metonymy" if country_kind in {"capital", "seat"} else "dictionary"),
                      head.i)
        if person_text and code:
            self.ctx.learn(person_text, actor)
        del secondary
        others = (self._coordinated_countries([t for t in toks if t.i != head.i], country)
                  if country and not person_text else [])
        others += [c for c in listed if c != country and c not in others]
        return [actor, *[replace(actor, code=compose_code(c, sector), country=c)
                         for c in others]]

    def _coordinated_countries(self, toks: list[Token], first: str) -> list[str]:
        """'US and British activists': one actor per coordinated country modifier."""
        out: list[str] = []
        for t in toks:
            if t.dep_ not in {"compound", "amod", "nmod"}:
                continue
            for c in t.conjuncts:
                for e in self.entries.get(c.i, ()):
                    if e.kind in {"country", "adjective"} and e.country and \
                            e.country != first and e.country not in out:
                        out.append(e.country)
        return out

    def _of_named(self, head: Token) -> Actor | None:
        """'leaders of the Muslim Brotherhood', 'members of Hamas' -> the group."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for p in prep.children:
                    if p.dep_ == "pobj":
                        got = self.actors_at(p)
                        if got and got[0].kind == "group" and got[0].code:
                            return got[0]
        return None

    def _listed_places(self, head: Token) -> list[str]:
        """'the foreign ministers of Fiji, Tonga and Samoa' -> the countries after the
        first of the 'of' list, one actor each."""
        out: list[str] = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                for a in self.actors_at(p)[1:]:  # conjuncts and listed appositions
                    if a.kind == "country" and a.country and a.country not in out:
                        out.append(a.country)
        return out

    def country_named_on(self, head: Token, preps: set[str]) -> str | None:
        """The country a phrase on `head` names, even one a mention keeps to itself: "its
        ambassador to France" -> FRA (an envoy's posting is not an actor of its own)."""
        return self._country_of_place(head, preps)

    def _country_of_place(self, head: Token, preps: set[str] | None = None) -> str | None:
        """'a court in Guyana', 'the mayor of Nablus', 'police in Kabul' -> the country."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in (preps or {"of", "in", "from"}):
                continue
            for p in prep.children:
                if p.dep_ != "pobj":
                    continue
                for t in list(p.subtree)[:12]:
                    for e in self.entries.get(t.i, ()):
                        if e.kind in {"country", "capital"} and e.country:
                            return e.country
                    ent = self.ents.get(t.i)
                    if ent is not None and ent.label_ in {"GPE", "LOC"}:
                        found = self.place_country(ent.text)
                        if found:
                            return found
        return None

    def _names_a_thing(self, head: Token, named_tok: Token) -> bool:
        """A named organisation only modifies a head that is not an actor itself."""
        if named_tok.i == head.i or head.i in self.entries or head.i in self.sectors:
            return False
        if named_tok.dep_ not in {"compound", "amod", "nmod"}:
            return False
        if head.ent_type_ in {"PERSON", "DATE", "TIME"} or head.lemma_.lower() in (
                COLLECTIVE_HEADS | COUNTERPART | VOICE_HEADS):
            return False  # a date as head is a parse slip: "met with President X Tuesday"
        if head.lemma_.lower() in STRIKE_HEADS:
            return False  # "Taliban attacks", "Hamas strikes": the group's own acts
        one_entity = self.ents.get(head.i) is not None and \
            self.ents[head.i] is self.ents.get(named_tok.i)  # "Islamic Republic News Agency"
        return not one_entity

    def _titled_surname(self, person: str, country: str | None) -> ActorEntry | None:
        """'President Bush' in 2008: the one office holder of that surname (and country,
        if named) in office on the article's date."""
        when = self.ctx.pub_date
        if when is None:
            return None
        cands = [e for e in self.matcher.by_surname.get(person.split()[-1].lower(), ())
                 if e.valid_on(when) and (country is None or e.country == country)]
        return cands[0] if len({e.canonical for e in cands}) == 1 else None

    def _actor_head(self, head: Token) -> bool:
        """Only a phrase whose head names an actor is one: "Iraqi forces", "Tehran",
        "Hossein Dehqan" are; "military advisory assistance", "Iranian oil" are not."""
        if head.lower_ in NON_ACTOR_HEADS:
            return False
        if head.lemma_.lower() in PLATFORMS \
                and not (agent_position(head) or downed(head) or struck(head)):
            return False  # "Israeli tanks fired" acts; "captured a helicopter" is a thing
        if head.i in self.entries or head.i in self.sectors:
            return True
        if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return True
        if head.lemma_.lower() in COLLECTIVE_HEADS | VOICE_HEADS | PLATFORMS:
            return any(c.i in self.sectors or c.i in self.entries for c in head.children
                       if c.dep_ in {"compound", "amod", "poss"})
        if head.lemma_.lower() in STRIKE_HEADS:  # its user: "Russian", "Taliban" attacks
            return any(e.kind in {"country", "adjective", "group"} for c in head.children
                       if c.dep_ in {"compound", "amod", "nmod"}
                       for e in self.entries.get(c.i, ()))
        return head.lower_ in COUNTERPART

    def _pick(self, entries: list[ActorEntry]) -> ActorEntry | None:
        when = self.ctx.pub_date
        persons = [e for e in entries if e.kind in {"person", "user"}]
        if persons:
            valid = [e for e in persons if e.valid_on(when)]
            if valid:
                return valid[0]
            if when is None:  # no date to check against: the latest office wins
                return max(persons, key=lambda e: e.start or date.min)
            dated = [e for e in persons if e.start is not None or e.end is not None]
            undated = [e for e in persons if e not in dated]
            if undated:
                return undated[0]
            past = [e for e in dated if e.end is not None and when is not None and e.end < when]
            return max(past, key=lambda e: e.end or date.min) if past else None
        return entries[0]

    def _as_issuer(self, tok: Token) -> Actor:
        issuer = self.ctx.issuer
        assert issuer is not None
        return replace(issuer, start_char=tok.idx, end_char=tok.idx + len(tok.text),
                       head_i=tok.i)

    def _description(self, head: Token, sector: str, toks: list[Token]) -> list[Actor]:
        """'the minister', 'the two ministers' -> earlier actors with that sector: first
        one titled with the same words ("the Foreign Minister" -> "German Foreign Minister
        Heiko Maas"), then the issuer of a statement ("the Department", "the Secretary"),
        then the latest actor of that sector."""
        dets = {t.lower_ for t in toks}
        if not dets & {"the", "both", "two", "three", "this", "these"}:
            return []
        n = 2 if dets & {"two", "both"} else (3 if "three" in dets else 1)
        span = self.doc[toks[0].i: toks[-1].i + 1]
        title = " ".join(t.lower_ for t in toks if t.pos_ in {"NOUN", "PROPN", "ADJ"})
        if n == 1 and title:
            titled = self.ctx.recent_titled(title)
            if titled is not None:
                return [replace(titled.with_text(span), via="description", head_i=head.i)]
            if head.lemma_.lower() in ISSUER_HEADS and self.ctx.issuer is not None:
                return [replace(self._as_issuer(head), via="issuer")]
        found = self.ctx.recent_with_sector(sector, None, n)
        return [replace(a.with_text(span), via="description", head_i=head.i) for a in found]

    def _pronoun(self, head: Token) -> list[Actor]:
        """Most recent compatible actor: earlier in this sentence first (subjects before
        others), then the article's earlier sentences. 'they' takes a whole compound."""
        low = head.lower_
        if low in ISSUER_PRONOUNS and self.ctx.issuer is not None:
            return [self._as_issuer(head)]  # "we" in a statement: the issuing body
        if low in SPEAKER_PRONOUNS and self.ctx.issuer is not None and not _quoted(head):
            return [self._as_issuer(head)]  # "I spoke with ...": the issuer's principal
        if low not in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
            return []  # I, we, you, who, someone ...: no antecedent rule we trust
        want = "person" if low in PERSON_PRONOUNS else ("group" if low in GROUP_PRONOUNS
                                                        else "thing")
        found = self._antecedent_in_sentence(head, want)
        if not found:
            one = self.ctx.recent(want)
            found = [one] if one is not None else []
        placed = [a for a in found if a.country is not None or (a.code or "")[3:]]
        if placed and len(placed) < len(found):
            # "Counselor Chollet and the Special Envoy ... they met": the bare office of
            # a pair is not left for the story's country to claim
            found = placed
        return [replace(a, text=head.text, start_char=head.idx,
                        end_char=head.idx + len(head.text), via="pronoun", head_i=head.i)
                for a in found]

    def _antecedent_in_sentence(self, pron: Token, want: str) -> list[Actor]:
        cands: list[tuple[int, list[Actor]]] = []
        shared = _implied_subject(pron)
        implied = {x.i for c in (shared.children if shared is not None else ())
                   if c.dep_ in {"nsubj", "nsubjpass"} for x in c.subtree}
        for t in self.doc[: pron.i]:
            if t.pos_ not in {"PROPN", "NOUN"} or t.dep_ not in {
                    "nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT"}:
                continue
            if t.head.i == pron.i or pron in t.subtree:
                continue
            if t.head.i == pron.head.i and t.dep_ in {"nsubj", "nsubjpass"}:
                continue  # "the army occupied it": not the verb's own subject (not "itself")
            if t.i in implied:
                continue  # "X cut ties with Qatar, accusing it of ...": not X
            got = [a for a in self.actors_at(t) if a.via != "pronoun"]
            if want == "person":
                got = [a for a in got if a.kind == "person"][:1]
            elif want == "thing":  # also a national body: "the Polish army said it had"
                got = [a for a in got if a.kind in {"group", "country"}
                       or (a.kind == "sector" and a.country)][:1]
            else:
                got = [a for a in got if a.kind in {"group", "country", "sector", "person"}]
                if len(got) < 2 and got and got[0].kind == "person":
                    got = []
            if got:
                rank = 1 if t.dep_ in {"nsubj", "nsubjpass"} else 0
                cands.append((rank, got))
        if not cands:
            return []
        subjects = [c for c in cands if c[0] == 1]
        return (subjects or cands)[-1][1]
