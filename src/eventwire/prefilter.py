"""A cheap test run before the parse: can this sentence hold an event at all?

A sentence is parsed only if it has a trigger candidate (a word form of a pattern's verb
or noun) and an actor candidate (a dictionary word, a pronoun, or a capitalised word
after the first). The check works on tokenizer output only, so it costs microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from .events.patterns import PatternSet

IRREGULAR: dict[str, tuple[str, ...]] = {
    "go": ("went", "gone"), "meet": ("met",), "hold": ("held",), "fight": ("fought",),
    "bring": ("brought",), "take": ("took", "taken"), "strike": ("struck", "stricken"),
    "give": ("gave", "given"), "send": ("sent",), "seek": ("sought",),
    "begin": ("began", "begun"), "lead": ("led",), "shoot": ("shot",), "beat": ("beaten",),
    "fly": ("flew", "flown"), "break": ("broke", "broken"), "freeze": ("froze", "frozen"),
    "speak": ("spoke", "spoken"), "tell": ("told",), "say": ("said",), "sell": ("sold",),
    "buy": ("bought",), "make": ("made",), "win": ("won",), "lose": ("lost",),
    "throw": ("threw", "thrown"), "swear": ("swore", "sworn"),
    "undertake": ("undertook", "undertaken"), "withdraw": ("withdrew", "withdrawn"),
    "draw": ("drew", "drawn"), "forbid": ("forbade", "forbidden"),
    "overthrow": ("overthrew", "overthrown"), "rise": ("rose", "risen"), "flee": ("fled",),
    "steal": ("stole", "stolen"), "drive": ("drove", "driven"), "write": ("wrote", "written"),
    "choose": ("chose", "chosen"), "keep": ("kept",), "leave": ("left",), "lay": ("laid",),
    "pay": ("paid",), "slay": ("slew", "slain"), "bind": ("bound",), "stand": ("stood",),
    "hang": ("hung",), "sink": ("sank", "sunk"), "come": ("came",), "become": ("became",),
    "run": ("ran",), "see": ("saw", "seen"), "bear": ("bore", "borne"), "shake": ("shook",),
    "forgive": ("forgave", "forgiven"), "sweep": ("swept",), "wage": ("waged",),
    "have": ("had", "has"), "do": ("did", "done", "does"), "be": ("was", "were", "is", "are"),
    "mislead": ("misled",), "overrun": ("overran",), "upheld": ("upheld",),
    "uphold": ("upheld",), "withhold": ("withheld",), "hear": ("heard",), "find": ("found",),
    "spend": ("spent",), "build": ("built",), "feel": ("felt",), "deal": ("dealt",),
    "mean": ("meant",), "teach": ("taught",), "catch": ("caught",), "think": ("thought",),
    "understand": ("understood",), "forsake": ("forsook", "forsaken"), "sit": ("sat",),
    "bid": ("bade",), "blow": ("blew", "blown"), "grow": ("grew", "grown"),
    "know": ("knew", "known"), "show": ("shown",), "tear": ("tore", "torn"),
    "wear": ("wore", "worn"), "wake": ("woke", "woken"), "awake": ("awoke",),
    "lend": ("lent",), "fling": ("flung",), "dig": ("dug",), "light": ("lit",),
    "bend": ("bent",), "withstand": ("withstood",), "ring": ("rang", "rung"),
    "spin": ("spun",), "stick": ("stuck",), "swing": ("swung",), "strive": ("strove",),
    "foresee": ("foresaw", "foreseen"), "oversee": ("oversaw", "overseen"),
    "shed": ("shed",), "slide": ("slid",), "bleed": ("bled",), "feed": ("fed",),
    "outlaw": ("outlawed",), "stride": ("strode",), "sting": ("stung",),
    "arise": ("arose", "arisen"), "forgo": ("forwent", "forgone"), "hide": ("hid", "hidden"),
    "bite": ("bit", "bitten"), "fall": ("fell", "fallen"), "forget": ("forgot", "forgotten"),
    "get": ("got", "gotten"), "overtake": ("overtook", "overtaken"),
    "partake": ("partook",), "rebuild": ("rebuilt",), "resell": ("resold",),
    "retake": ("retook", "retaken"),
}
VOWELS = set("aeiou")


def word_forms(lemma: str) -> set[str]:
    """Inflected forms of an English verb or noun lemma (regular rules + irregulars)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", *IRREGULAR.get(w, ())}
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    if len(w) > 2 and w[-1] not in VOWELS | {"w", "x", "y"} and w[-2] in VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "acquitted", "stopped"
    if w.endswith("c"):
        forms |= {w + "ked", w + "king"}
    return forms


PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "him", "them",
                      "we"})


FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "in", "on",
                            "at", "for", "with", "but", "and", "or", "if", "when", "while",
                            "after", "before", "as", "it", "there", "thank", "yes", "no",
                            "so", "then", "also", "however", "meanwhile", "according"})


@dataclass(frozen=True)
class Prefilter:
    """`trigger_forms` maps a word form to the words one of which must also occur (an
    object, complement or particle of every pattern of that verb: "held talks"); an
    empty set means the form alone is enough ("attacked")."""

    trigger_forms: dict[str, frozenset[str]]
    actor_words: frozenset[str]

    @classmethod
    def build(cls, patterns: PatternSet, actor_words: Iterable[str],
              other_triggers: Iterable[str] = (),
              paired_triggers: Mapping[str, Iterable[str]] | None = None) -> Prefilter:
        """`other_triggers`: lemmas that are triggers alone outside the patterns (the
        judging words of events/disapproval.py); `paired_triggers`: lemmas that are
        triggers with one of their words (the "deal ... between" of events/deals.py)."""
        needs: dict[str, set[str] | None] = {}
        for lemma, pats in patterns.by_verb.items():
            req: set[str] | None = set()
            for p in pats:
                words = set(p.objects) | set(p.complement) | ({p.particle} if p.particle else set())
                if not words:
                    req = None
                    break
                assert req is not None
                for w in words:
                    req |= word_forms(w)
            _merge(needs, lemma, req)
        for lemma in [*patterns.by_noun, *other_triggers]:
            _merge(needs, lemma, None)
        for lemma, with_words in (paired_triggers or {}).items():
            _merge(needs, lemma, {f for w in with_words for f in word_forms(w)})
        forms: dict[str, frozenset[str]] = {}
        for lemma, req in needs.items():
            for f in word_forms(lemma):
                prev = forms.get(f)
                if req is None or prev == frozenset():
                    forms[f] = frozenset()
                else:
                    forms[f] = (prev or frozenset()) | frozenset(req)
        return cls(forms, frozenset(actor_words) | PRONOUNS)

    def keep(self, doc: Doc) -> bool:
        return self.why_not(doc) is None

    def why_not(self, doc: Doc) -> str | None:
        """None when the sentence is worth a parse, else why not (for `eventwire explain`)."""
        words = {t.lower_ for t in doc}
        trigger = any(f in self.trigger_forms and (not self.trigger_forms[f]
                                                   or not self.trigger_forms[f].isdisjoint(words))
                      for f in words)
        if not trigger:
            forms = sorted(f for f in words if f in self.trigger_forms)
            if forms:
                return (f"no trigger candidate: {forms[0]!r} is a form of an event pattern's "
                        "word, but no word its patterns need (an object, a particle, a "
                        "clause word) is in the sentence")
            return ("no trigger candidate: no word is a form of an event pattern's verb or "
                    "noun")
        for i, t in enumerate(doc):
            low = t.lower_
            if low in self.actor_words:
                return None
            if t.is_title and t.is_alpha and (i > 0 or low not in FUNCTION_WORDS):
                return None
        return ("no actor candidate: no dictionary word, pronoun or capitalised word after "
                "the first")


def _merge(needs: dict[str, set[str] | None], lemma: str, req: set[str] | None) -> None:
    if lemma in needs and needs[lemma] is None:
        return
    if req is None:
        needs[lemma] = None
    else:
        needs[lemma] = (needs.get(lemma) or set()) | req
