"""The `Coder`: one object that turns articles into `Event` records.

The CLI, the web API and the Dask runner all call `Coder.code_articles`; there is no
second code path. Resources (pipeline, dictionaries, gazetteer) are loaded once.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import metadata

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Token

from . import dates, geo, ontology
from .actors.agentless import agentless_acts, home_forces, war_doers
from .actors.dictionary import ActorDictionary, ActorEntry, SectorTerm, build
from .actors.resolve import Actor, ActorMatcher, ActorResolver, ArticleContext
from .config import Config
from .context import StoryContext, build_story, find_issuer, is_list_source
from .context.about import statements_about
from .context.history import told_as_history
from .context.interview import said_in_turn, transcript_turns
from .context.readouts import readout_counterpart, repeated_consultations
from .context.setting import PlaceChain
from .context.story_actors import (
    OUTWARD_SECTORS,
    VICTIM_ROOTS,
    issuer_officials,
    localise_fields,
    localise_story,
)
from .context.story_people import story_people
from .context.timeline import build_timeline, headline_date, is_background
from .errors import CodingTimeout
from .events.campaign import campaign_rally, home_trip
from .events.deals import party_lemmas
from .events.disapproval import trigger_lemmas
from .events.extract import Found, Rejected, anchored, extract
from .events.intent import self_partnered
from .events.one_sided import story_dyads
from .events.patterns import PatternSet
from .events.place_targets import place_targets
from .events.verbal_conflict import trigger_lemmas as reproach_lemmas
from .model import Article, Event
from .nlp import load_pipeline
from .prefilter import Prefilter
from .resource_cache import load_patterns

COUNTRY_GOV = "GOV"
# ... but a country that fights (CAMEO 19, 20: "Russia launched strikes on Kyiv") fights
# with its armed forces, as the gold guideline codes it (docs/annotation.md section 2).
COUNTRY_MIL = "MIL"
FIGHT_ROOTS = frozenset({"19", "20"})
# Locations named in the sentence itself may stand in for a missing target (and the lead's
# place when this sentence names it); a dateline says where the story was filed.
PLACE_TARGET_REASONS = frozenset({"trigger_prep", "sentence"})
# Acts done by saying (statements, appeals, intents, demands, disapproval, rejection,
# threats): with no place named, the speaker's country is likelier than the story's lead.
SAID_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# ... and acts done by deciding at home: cutting relations, aid or talks, sanctions, expelling
# diplomats ("Athens expelled the Libyan ambassador" in a story led by Cairo).
HOME_ROOTS = SAID_ROOTS | {"16"}
# Triggers of a call, not a meeting: "spoke with", "talked to", "called", "phoned".
CALL_WORDS = frozenset({"spoke", "speaks", "spoken", "talked", "talks", "called", "calls",
                        "phoned", "phones"})
# Bodies of a whole country: with no place named, they act from the country, not from the
# city the story is about.
NATIONAL_SECTORS = frozenset({"GOV", "LEG", "SPY", "MIL"})
BODY_SECTORS = frozenset({"GOV", "LEG"})  # ... of them, those that act by deciding

def _target_key(f: Found, code: object) -> object:
    """The target's part of the event id: its code, and where it stands when the list
    target has other members of that code ("met Kenyan President Ruto, Foreign Minister
    Mutua and ..." is one event per member, by the guideline)."""
    t = f.target
    if t is None or not isinstance(code, str) or t not in f.targets \
            or sum(a.code == t.code for a in f.targets) < 2:
        return code
    return f"{code}@{t.start_char}"


def _clause_weight(trigger: Token) -> float:
    """The main clause's act (or what the speaker reports) is surer than one in a
    relative or adverbial clause."""
    t, depth = trigger, 0
    while t.dep_ in {"conj", "xcomp", "ccomp"} and t.head is not t and depth < 4:
        t, depth = t.head, depth + 1
    if t.dep_ == "ROOT":
        return 0.1
    if trigger.dep_ in {"relcl", "acl", "advcl", "pcomp", "amod"}:
        return -0.1
    return 0.0


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise CodingTimeout("coding ran past its time budget")


def _parsed(docs: Iterator[Doc], deadline: float | None) -> Doc:
    _check(deadline)
    return next(docs)


@dataclass(frozen=True)
class ArticleResult:
    """The outcome of coding one article."""

    article: Article
    events: tuple[Event, ...]
    error: str | None = None
    warnings: tuple[str, ...] = ()
    sentences: int = 0
    parsed: int = 0


def _past(trigger: Token) -> bool:
    """A verb in the past tense ("struck", "was arrested", "had fled"; not "are backed",
    "has said"): it takes the story's time anchor. A trigger with no tense of its own (a
    noun, a gerund, an infinitive: "delivered a speech ... discussing", "in what was his first
    trip") has the tense of the nearest verb above it that has one."""
    tok = trigger
    for _ in range(_TENSE_HOPS):
        if tok.tag_ == "VBD":
            return True
        if tok.tag_ == "VBN":
            return not any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBP", "VBZ", "MD"}
                           for c in tok.children)
        if tok.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE
                                      for c in tok.children):
            return False  # present or future: "will discuss", "is visiting", "visits"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_TENSE_HOPS = 4
_FINITE = frozenset({"VBP", "VBZ", "MD"})


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str
    tokens: Doc | None = None   # tokenized once, not yet parsed
    para: int = 0               # line (paragraph) of the text it is in


class Coder:
    """Pipeline + resources + config. Thread-compatible, not thread-safe."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp: Language = load_pipeline(self.config.model)
        self.actors: ActorDictionary = build(tuple(self.config.actor_dictionaries))
        self.patterns: PatternSet = load_patterns(tuple(self.config.event_dictionaries))
        self.gazetteer = geo.Gazetteer.default()
        self.matcher = ActorMatcher(self.nlp, self.actors, self._place_country)
        self.prefilter = Prefilter.build(self.patterns, self.matcher.vocab_words,
                                         trigger_lemmas() | reproach_lemmas(),
                                         paired_triggers=party_lemmas())
        self.sentencizer = Sentencizer()

    def _place_country(self, name: str) -> str | None:
        place = self.gazetteer.lookup(name)
        return place.country if place is not None else None

    @cached_property
    def version(self) -> str:
        """Changes when the coder's code version or any dictionary changes."""
        h = hashlib.sha256()
        try:
            h.update(metadata.version("eventwire").encode())
        except metadata.PackageNotFoundError:
            h.update(b"dev")
        h.update(self.config.model.encode())
        for e in self.actors.entries:
            h.update(f"{e.name}\t{e.code}\t{e.start}\t{e.end}\n".encode())
        for p in self.patterns.patterns:
            fields = {k: sorted(v) if isinstance(v, frozenset) else v
                      for k, v in ((f, getattr(p, f)) for f in p.__slots__)}
            h.update(json.dumps(fields, sort_keys=True, default=str).encode())
        return h.hexdigest()[:16]

    # -- splitting and the prefilter --------------------------------------------------
    def split(self, text: str) -> list[Sentence]:
        """Paragraphs -> sentences, tokenized once with the pipeline's own tokenizer; the
        parse later reuses these tokens (nlp.pipe skips the tokenizer for Docs)."""
        out: list[Sentence] = []
        for line, para in enumerate(text.split("\n")):
            if not para.strip():
                continue
            doc = self.sentencizer(self.nlp.make_doc(para.strip()))
            for span in doc.sents:
                toks = [t for t in span if not t.is_space]
                if not toks:
                    continue
                sent = doc[toks[0].i: toks[-1].i + 1]
                out.append(Sentence(len(out), sent.text, sent.as_doc(), line))
        return out

    def _prepare(self, article: Article, deadline: float | None = None
                 ) -> tuple[list[Sentence], list[bool], list[str]]:
        warnings: list[str] = []
        text = article.text
        if len(text) > self.config.max_chars:
            cut = text.rfind("\n", 0, self.config.max_chars)
            text = text[: cut if cut > 0 else self.config.max_chars]
            warnings.append(f"article {article.id!r} truncated to {len(text)} characters "
                            f"(max_chars={self.config.max_chars})")
        sents = self.split(text)
        keep = []
        long_skipped = 0
        for s in sents:
            _check(deadline)
            if len(s.text) > self.config.max_sentence_chars:
                keep.append(False)
                long_skipped += 1
            elif not self.config.prefilter:
                keep.append(True)
            else:
                keep.append(self.prefilter.keep(s.tokens or self.nlp.make_doc(s.text)))
        if long_skipped:
            warnings.append(f"article {article.id!r}: {long_skipped} sentence(s) longer than "
                            f"{self.config.max_sentence_chars} characters skipped")
        return sents, keep, warnings

    # -- the main entry point -----------------------------------------------------------
    def code_articles(self, articles: Iterable[Article], *, deadline: float | None = None
                      ) -> Iterator[ArticleResult]:
        """Code articles in batches through nlp.pipe; one result per article, in order.

        `deadline` (a `time.monotonic()` value) is checked between sentences: past it, coding
        stops with `CodingTimeout` (the web API's time budget)."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= self.config.batch_size:
                yield from self._code_batch(batch, deadline)
                batch = []
        if batch:
            yield from self._code_batch(batch, deadline)

    def code_text(self, text: str, *, pub_date: date | None = None,
                  article_id: str = "text") -> list[Event]:
        art = Article(id=article_id, text=text, pub_date=pub_date)
        return list(next(iter(self.code_articles([art]))).events)

    def _code_batch(self, batch: list[Article], deadline: float | None = None
                    ) -> Iterator[ArticleResult]:
        prepared = [self._prepare(a, deadline) for a in batch]
        texts = [s.tokens or s.text for sents, keep, _ in prepared
                 for s, k in zip(sents, keep, strict=True) if k]
        docs = iter(self.nlp.pipe(texts, batch_size=256))
        for art, (sents, keep, warns) in zip(batch, prepared, strict=True):
            mine = [(s, _parsed(docs, deadline)) for s, k in zip(sents, keep, strict=True) if k]
            try:
                events = self._code_article(art, mine, deadline)
            except CodingTimeout:
                raise
            except Exception as exc:
                yield ArticleResult(art, (), f"coder failed: {type(exc).__name__}: {exc}",
                                    tuple(warns), len(sents), len(mine))
                continue
            yield ArticleResult(art, tuple(events), None, tuple(warns), len(sents), len(mine))

    def parse_sentences(self, text: str) -> list[tuple[Sentence, Doc]]:
        """All sentences of a text with their parses (for `explain`)."""
        sents = self.split(text)
        return list(zip(sents, self.nlp.pipe([s.tokens or s.text for s in sents]),
                        strict=True))

    def _code_article(self, art: Article, sentences: list[tuple[Sentence, Doc]],
                      deadline: float | None = None, reasons: list[Rejected] | None = None
                      ) -> list[Event]:
        matches = [self.matcher.match(doc) for _s, doc in sentences]
        if art.pub_date is None and (pub := headline_date(art.text)) is not None:
            art = art.model_copy(update={"pub_date": pub})  # the line under the headline
        story, issuer = self._article_context(art, sentences, matches)
        timeline = build_timeline(((s.index, s.para, s.text) for s, _d in sentences),
                                  art.pub_date, list_document=story.list_document,
                                  title=art.title,
                                  docs={s.index: doc for s, doc in sentences})
        ctx = ArticleContext(art.pub_date, issuer=issuer)
        # a dateline the input gives apart from the text (Reuters-21578), else one in the text
        dateline = geo.dateline_place(art.dateline, self.gazetteer) if art.dateline else None
        if dateline is None:
            dateline = geo.find_dateline(art.text[:600], self.gazetteer)
        chain = PlaceChain.build(self.gazetteer, story, art.text.split("\n"), dateline,
                                 issuer.country if issuer is not None else None)
        events: list[Event] = []
        seen: set[str] = set()
        para: int | None = None
        item_start = 0
        for (sent, doc), found_matches in zip(sentences, matches, strict=True):
            _check(deadline)
            if story.new_story(sent.para, para):
                ctx = ArticleContext(art.pub_date, issuer=issuer)  # each item its own story
                item_start = sent.index
            para = sent.para
            resolver = ActorResolver(self.matcher, doc, ctx, found_matches)
            country = story.country_of(sent.para)
            # a readout's "A spoke with B" is A's act only: B's direction is not coded
            found = [g for f in extract(doc, resolver, self.patterns, reasons)
                     if not (issuer is not None and f.mirrored and f.code[:2] == "04")
                     for g in place_targets(localise_story(story_people(issuer_officials(
                         f, issuer), country, self.gazetteer.lookup), country),
                         self.gazetteer.lookup, country)]
            for f in found:
                ev = self._event(art, sent, doc, f, chain.frame(sent.para),
                                 timeline.anchor(sent.index), timeline.lead(sent.index),
                                 timeline.reference(sent.index))
                if ev is None and reasons is not None:
                    reasons.append(Rejected(f.trigger, f.pattern, "coder", f))
                if ev is not None and issuer is not None:
                    ev = self._issuer_place(ev, issuer)
                if ev is not None and ev.event_id not in seen:
                    seen.add(ev.event_id)
                    ev = chain.settle(ev, f.trigger, sent.para,
                                      [e for e in events if e.sentence_index >= item_start])
                    events.append(ev)
            self._remember(doc, resolver, ctx)
        events = self_partnered(war_doers(home_forces(agentless_acts(events))))
        paras = {s.index: s.para for s, _d in sentences}
        if turns := transcript_turns(art.text.split("\n")):  # an interview's turns
            events = [e for e in events if said_in_turn(turns.get(paras[e.sentence_index]),
                                                        e.cameo_root, SAID_ROOTS)]
        if issuer is not None:
            events = readout_counterpart(repeated_consultations(events, story, paras), story,
                                         paras, issuer.country)
            events = statements_about(events, story, paras, issuer.country)
        return story_dyads(events, story=len(sentences) > 1 and not self.config.keep_one_sided)

    def _issuer_place(self, ev: Event, issuer: Actor) -> Event:
        """In a statement or readout, what the issuer says, and its calls, happen at home
        unless the sentence names the place: not in the country spoken about or with."""
        call = ev.cameo_root == "04" and (ev.cameo_code.startswith("041") or
                                          ev.trigger_text.lower() in CALL_WORDS)
        if not (call or ev.cameo_root in SAID_ROOTS) or issuer.country is None \
                or ev.source_country != issuer.country or ev.location_reason == "trigger_prep":
            return ev
        home = self.gazetteer.country(issuer.country)
        if home is None:
            return ev
        return ev.model_copy(update={
            "location_name": home.name, "location_country": home.country, "admin1": None,
            "latitude": home.latitude, "longitude": home.longitude,
            "geonameid": home.geonameid, "location_reason": "issuer"})

    def _article_context(self, art: Article, sentences: list[tuple[Sentence, Doc]],
                         matches: list[tuple[dict[int, list[ActorEntry]], dict[int, SectorTerm]]]
                         ) -> tuple[StoryContext, Actor | None]:
        """The article stage (`eventwire.context`): the issuer and the stories."""
        issuer = find_issuer(self.nlp, self.matcher, art.source, art.title) \
            if art.source or art.title else None
        countries: dict[int, list[str]] = {}
        for (sent, _doc), (entries, _sectors) in zip(sentences, matches, strict=True):
            named = countries.setdefault(sent.para, [])
            last: object = None
            for i in sorted(entries):
                if entries[i] is last:
                    continue  # one name over several tokens
                last = entries[i]
                c = entries[i][0].country
                if c and len(c) == 3 and not c.startswith("IGO"):
                    named.append(c)
        list_source = is_list_source(art.source, art.title)
        story = build_story(sorted(countries.items()),
                            issuer.country if issuer is not None else None,
                            list_source=list_source)
        if list_source:  # a day page's item naming no country's actor: the place it names
            # (not a text only shaped like a list: long news stories are read so at times)
            texts: dict[int, list[str]] = {}
            for sent, _doc in sentences:
                texts.setdefault(sent.para, []).append(sent.text)
            found = {p: geo.find_lead_place(" ".join(t), self.gazetteer)
                     for p, t in texts.items() if story.story_of(p).country is None}
            story = story.with_place_countries({p: f.country for p, f in found.items()
                                                if f is not None and f.country})
        return story, issuer

    @staticmethod
    def _remember(doc: Doc, resolver: ActorResolver, ctx: ArticleContext) -> None:
        for t in doc:
            if t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "ROOT", "appos",
                          "conj", "dative"} and t.pos_ in {"PROPN", "NOUN"}:
                for a in resolver.actors_at(t):
                    if a.via not in {"pronoun"}:
                        ctx.remember(a, subject=t.dep_ in {"nsubj", "nsubjpass"})
        # acronyms in parentheses: "Islamic Republic News Agency (IRNA)"
        if "(" not in doc.text:
            return
        for m in re.finditer(r"\(([A-Z]{2,6})\)", doc.text):
            before = doc.char_span(0, m.start(), alignment_mode="contract")
            if before is not None and len(before):
                got = resolver.actors_at(before[-1])
                if got and got[0].code:
                    ctx.learned.setdefault(m.group(1).lower(), got[0])

    def _actor_fields(self, a: Actor | None, role: str, root: str = "") -> dict[str, object]:
        if a is None:
            return {}
        code = a.code
        sector = a.sector
        if role == "source" and self.config.country_as_government and a.kind == "country" \
                and code and len(code) == 3:
            sector = COUNTRY_MIL if root in FIGHT_ROOTS else COUNTRY_GOV
            code = code + sector
        return {f"{role}_code": code, f"{role}_text": a.text, f"{role}_country": a.country,
                f"{role}_sector": sector, f"{role}_start": a.start_char,
                f"{role}_end": a.end_char}

    @staticmethod
    def _when(f: Found, sentence: str, pub: date | None,
              anchor: dates.DateResolution | None = None, lead: str = "",
              reference: dates.DateResolution | None = None) -> dates.DateResolution:
        """The trigger's own clause first (its tense decides past/future), then the
        sentence, whose time words belong to its main (reporting) verb: read as past; with
        no time words, the story's time anchor for a verb in the past tense (an intent lies
        ahead; "we extend our condolences" is the day of writing). A date line the sentence
        starts with (`lead`) is the publication's, blanked out. `reference` is the thread's
        time that "the following day" counts from."""
        clause = f.clause.replace(lead, " " * len(lead), 1) if lead else f.clause
        sentence = sentence.replace(lead, " " * len(lead), 1) if lead else sentence
        future = f.modality in {"intent", "threat"}
        anchor = anchor if not future and _past(f.trigger) else None
        if clause == sentence or f.trigger.dep_ == "ROOT":
            return dates.resolve_event_date([clause], pub, future=future, anchor=anchor,
                                            reference=reference)
        own = dates.resolve_event_date([clause], pub, future=future, reference=reference)
        if own.precision != "pub":
            return own  # the main verb's time words are in its own clause
        return dates.resolve_event_date([sentence], pub, future=False, anchor=anchor,
                                        reference=reference)

    @staticmethod
    def _national(f: Found, root: str, dateline: geo.Place | None) -> str | None:
        """The country of a doer that is the whole country or one of its national bodies
        ("Ecuador suspended sales", "the Defense Department"): with no place named, it acts
        from the country, not from the story's city. Not a statement under a wire dateline
        ("TOKYO - Japan warned ...", "a senior official said"): given to the reporter there."""
        src = f.source
        if src is None or src.via == "pronoun" or not (
                src.sector in NATIONAL_SECTORS or src.kind == "country"):
            return None
        if root in SAID_ROOTS and dateline is not None and (
                src.country is None or not isinstance(dateline, geo.LeadPlace)):
            return None
        if src.country is None:
            # a bare government body deciding, "the ministry cut subsidies" in a story filed
            # from Tokyo: Japan's; not bare officers or troops, who act where they stand
            if dateline is None or src.sector not in BODY_SECTORS:
                return None
            return dateline.country
        return src.country

    def _event(self, art: Article, sent: Sentence, doc: Doc, f: Found,
               dateline: geo.Place | None, anchor: dates.DateResolution | None = None,
               lead: str = "", reference: dates.DateResolution | None = None) -> Event | None:
        if f.modality == "hypothetical":
            return None
        if f.negated and not self.config.emit_negated:
            return None
        if self.config.require_dyad and (f.source is None or f.target is None):
            return None
        try:
            cc = ontology.lookup(f.code)
        except KeyError:
            return None
        src = self._actor_fields(f.source, "source", cc.root)
        tgt = self._actor_fields(f.target, "target")
        when = self._when(f, sent.text, art.pub_date, anchor, lead, reference)
        if not self.config.code_history and told_as_history(when, sent.text, art.pub_date,
                                                               f.trigger):
            return None  # a dated history aside: background told as context, not news
        # the actors are not the place ("sanctions on Russia"), except the destination or
        # venue of a visit or meeting ("traveled to Tehran")
        at_target = (cc.root == "04" and geo.target_is_destination(f.target, f.trigger)) \
            or geo.target_is_venue(f.target, f.trigger)
        located = (f.source,) if at_target else (f.source, f.target)
        exclude = {a.head_i for a in located if a is not None}
        for a in located:
            if a is not None:
                span = doc.char_span(a.start_char, a.end_char, alignment_mode="expand")
                if span is not None:
                    exclude.update(t.i for t in span)
        # a doer we can place: named, not a pronoun; the only one ("Trump and Erdogan spoke")
        doer = f.source.country if f.source is not None and anchored(f.source) \
            and f.source.via != "pronoun" else None
        place, _place_text, reason = geo.pick_location(
            doc[:], f.trigger, self.gazetteer, exclude=exclude, dateline=dateline,
            actor_countries=[a.country for a in (f.source, f.target) if a is not None],
            source_country=doer if cc.root in HOME_ROOTS else None,
            doer_country=doer if len(f.sources) == 1 else None,
            national=self._national(f, cc.root, dateline),
            article=art.text)
        if place is not None:
            # a said act happens where the speaker is: its addressee is not localised there
            # ("the UN chief, speaking in New York, appealed to protect civilians")
            roles = ((src, "source"),) if cc.root in SAID_ROOTS else (
                (src, "source"), (tgt, "target"))
            for fields, role in roles:
                if role == "target" and cc.root[:2] in VICTIM_ROOTS \
                        and fields.get("target_code") == "CVL":
                    continue  # victims of force: of the place the event settles in (later)
                localise_fields(fields, role, place.country, fight=cc.root[:2] in VICTIM_ROOTS)
        rule_id = f.pattern.id
        targets = tuple(a.code for a in f.targets if a.code)
        acted_in = place if reason in PLACE_TARGET_REASONS else None
        if (acted_in is None and isinstance(dateline, geo.LeadPlace)
                and dateline.name in sent.text and dateline.country != src.get("source_country")):
            acted_in = dateline  # the lead's place, named in this very sentence
        if acted_in is not None and acted_in.kind == "country" and cc.root in SAID_ROOTS \
                and acted_in.country == src.get("source_country"):
            acted_in = None  # "the U.S. commitment", said by the U.S.: its own name, no target
        if cc.root == "04" and not f.code.startswith("042"):
            acted_in = None  # talks held in or about a place are not held with it (a visit is)
        if home_trip(f.code, tgt.get("target_code"), acted_in.country if acted_in else None,
                     src.get("source_country")) or campaign_rally(
                         cc.code, f.trigger, src.get("source_sector")):
            return None  # campaigning: a trip at home, a candidate's rally (events/campaign)
        if (acted_in is not None and not tgt.get("target_code") and self.config.place_as_target
                and acted_in.country != src.get("source_code")
                and not (acted_in.country == src.get("source_country")
                         and src.get("source_sector") in OUTWARD_SECTORS
                         and cc.root in VICTIM_ROOTS)  # its own state's force at home
                and acted_in.country not in {a.country for a in f.sources
                                             if a != f.source}):  # a co-doer's (copies of
            # the source made by the story's country compare equal to it)
            # "Russia is conducting exercises in Alaska": the country acted in is the target
            text = _place_text if acted_in is place else acted_in.name
            tgt = {"target_code": acted_in.country, "target_text": text,
                   "target_country": acted_in.country}
            targets, rule_id = (acted_in.country,), f"{rule_id}+place-target"
        conf = 0.35 + 0.2 * bool(src.get("source_code")) + 0.2 * bool(tgt.get("target_code"))
        conf += 0.1 * (f.pattern.specificity > 0)
        conf -= 0.1 * (rule_id != f.pattern.id)  # the target is only where it happened
        conf += _clause_weight(f.trigger)
        if not (anchored(f.source) or anchored(f.target)):
            conf -= 0.15  # only bare roles ("police", "rebels"): GDELT-style but weaker
        if any(a is not None and a.via in {"pronoun", "description"}
               for a in (f.source, f.target)):
            conf -= 0.15
        if f.modality != "asserted":
            conf -= 0.05
        trig = f.trigger
        event_id = Event.make_id(art.id, sent.index, trig.idx, f.code,
                                 src.get("source_code"), _target_key(f, tgt.get("target_code")))  # type: ignore[arg-type]
        return Event(
            event_id=event_id, article_id=art.id, sentence_index=sent.index,
            sentence=sent.text, pub_date=art.pub_date, event_date=when.event_date,
            date_text=when.date_text, date_precision=when.precision,
            background=is_background(when, art.pub_date),
            source_actors=tuple(a.code for a in f.sources if a.code),
            target_actors=targets,
            cameo_code=cc.code, cameo_root=cc.root, quad_class=cc.quad_class,
            quad_class_phoenix=cc.quad_class_phoenix, goldstein=cc.goldstein,
            plover_type=cc.plover_type, plover_mode=cc.plover_mode,
            location_name=place.name if place else None,
            location_country=place.country if place else None,
            admin1=place.admin1 if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geonameid=place.geonameid if place else None,
            location_reason=reason if place else None,
            trigger_text=trig.text, trigger_start=trig.idx, trigger_end=trig.idx + len(trig.text),
            rule_id=rule_id, confidence=round(max(0.05, min(1.0, conf)), 2),
            negated=f.negated, modality=f.modality, coder_version=self.version,
            **src, **tgt,  # type: ignore[arg-type]
        )
