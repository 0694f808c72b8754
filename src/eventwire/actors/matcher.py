"""Tag a parsed sentence's tokens with actor dictionary entries and sector terms
(`ActorMatcher`, spaCy PhraseMatchers built once per pipeline vocabulary and dictionary)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .dictionary import ABBREV, ActorDictionary, ActorEntry, SectorTerm


class ActorMatcher:
    """Dictionary phrase matchers built once per (pipeline vocab, dictionary)."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary,
                 place_country: Callable[[str], str | None] | None = None) -> None:
        self.dictionary = dictionary
        self.place_country = place_country or (lambda name: None)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.sector = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[int, list[ActorEntry]] = {}
        self.sectors: dict[int, SectorTerm] = {}
        by_form: dict[tuple[str, bool], list[ActorEntry]] = {}
        for e in dictionary.entries:
            case_sensitive = bool(ABBREV.fullmatch(e.name)) or e.name.isupper()
            form_key = (e.name if case_sensitive else e.name.lower(), case_sensitive)
            by_form.setdefault(form_key, []).append(e)
        exact_pats: list[tuple[int, str]] = []
        lower_pats: list[tuple[int, str]] = []
        for n, ((form, cs), entries) in enumerate(by_form.items()):
            key = nlp.vocab.strings.add(f"ew_actor_{n}")
            self.entries[key] = entries
            (exact_pats if cs else lower_pats).append((key, form))
        for key, form in exact_pats:
            self.exact.add(nlp.vocab.strings[key], [nlp.make_doc(form)])
        for key, form in lower_pats:
            self.lower.add(nlp.vocab.strings[key], [nlp.make_doc(form)])
        for n, term in enumerate(dictionary.sectors):
            key = nlp.vocab.strings.add(f"ew_sector_{n}")
            self.sectors[key] = term
            self.sector.add(nlp.vocab.strings[key], [nlp.make_doc(f) for f in _plurals(term.term)])
        self.vocab_words = self._words(dictionary)
        self.by_surname: dict[str, list[ActorEntry]] = {}
        # country names alone, for names the tokenizer glues together ("U.S.-Colombia")
        self.country_names: dict[str, str] = {
            e.name.lower(): e.code for e in dictionary.entries if e.kind == "country"}
        for e in dictionary.entries:
            if e.kind == "person" and e.name == e.canonical and " " in e.name:
                self.by_surname.setdefault(e.name.split()[-1].lower(), []).append(e)

    @staticmethod
    def _words(dictionary: ActorDictionary) -> frozenset[str]:
        words: set[str] = set()
        for e in dictionary.entries:
            words.update(w.lower() for w in e.name.split())
        for t in dictionary.sectors:
            for f in _plurals(t.term):
                words.update(f.split())
        return frozenset(words)

    def match(self, doc: Doc) -> tuple[dict[int, list[ActorEntry]], dict[int, SectorTerm]]:
        """Token index -> dictionary entries; token index -> sector term (longest wins)."""
        spans: list[tuple[int, int, list[ActorEntry]]] = []
        for key, s, e in [*self.lower(doc), *self.exact(doc)]:
            spans.append((s, e, self.entries[key]))
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken: dict[int, list[ActorEntry]] = {}
        used: set[int] = set()
        for s, e, entries in spans:
            if any(i in used for i in range(s, e)):
                continue
            if not _plausible(doc[s:e], entries):
                continue
            used.update(range(s, e))
            for i in range(s, e):
                taken[i] = entries
        names = {i for s, e, _ in spans if e - s > 1 for i in range(s, e) if i in taken}
        sect: dict[int, SectorTerm] = {}
        sec_spans = sorted(((s, e, self.sectors[k]) for k, s, e in self.sector(doc)),
                           key=lambda x: (-(x[1] - x[0]), x[0]))
        sused: set[int] = set()
        for s, e, term in sec_spans:
            if any(i in sused or i in names for i in range(s, e)):
                continue
            if doc[e - 1].pos_ not in {"NOUN", "PROPN"}:  # "national security", "military aid"
                continue
            if term.code == "PTY" and e - s == 1 and _side_not_party(doc[s]):
                continue
            sused.update(range(s, e))
            for i in range(s, e):
                sect[i] = term
        return taken, sect


# "all parties to the conflict", "both parties", "any other party": sides, not political parties
SIDE_WORDS = frozenset({"all", "both", "any", "each", "either", "other", "warring", "relevant",
                        "concerned", "third", "involved", "interested", "opposing", "several",
                        "belligerent", "contracting", "two", "various"})


def _side_not_party(t: Token) -> bool:
    """A lone 'party' that is a side of a conflict or deal, not a political party."""
    if t.ent_type_ == "ORG":
        return False
    doc = t.doc
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children) or (
            t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to"
            and doc[t.i + 2].pos_ in {"DET", "NOUN", "PROPN"}):
        return True  # "the parties to the conflict", even when "to" hangs elsewhere
    return any(c.lower_ in SIDE_WORDS for c in t.children if c.dep_ in {"det", "amod",
                                                                         "predet", "nummod"})


def _plausible(span: Span, entries: list[ActorEntry]) -> bool:
    """Reject lower-case matches of names that are ordinary words ("turkey", "chad")."""
    if all(e.kind == "adjective" for e in entries):
        return span[0].text[:1].isupper()
    # "Israel", "ISRAEL", and mistyped "iSrael"; never "israel"-like lower case words
    return any(t.is_digit or any(ch.isupper() for ch in t.text) for t in span)


def _plurals(term: str) -> list[str]:
    words = term.split()
    last = words[-1]
    forms = {last}
    if last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    return [" ".join([*words[:-1], f]) for f in sorted(forms)]
