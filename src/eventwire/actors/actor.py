"""A resolved actor mention (`Actor`), and what an article has taught the resolver so far
(`ArticleContext`: names learned, actors seen, subjects), in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Span

from ..data import package_yaml
from ..errors import DictionaryError


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention. `code` None means named but not in any dictionary."""

    code: str | None
    text: str
    start_char: int
    end_char: int
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"        # country|group|person|sector|unknown
    person: str | None = None
    via: str = "dictionary"      # dictionary|title|learned|pronoun|description|metonymy|ner|
    #                              implied|pair (actors/pairs.py)|campaign
    head_i: int = -1

    def with_text(self, tok_span: Span) -> Actor:
        return replace(self, text=tok_span.text, start_char=tok_span.start_char,
                       end_char=tok_span.end_char)


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """The role nouns of data/person_roles.yaml: words that name one office holder."""
    name = "person_roles.yaml"
    raw = package_yaml(name)
    words = (raw or {}).get("person_roles")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DictionaryError(name, [(0, "person_roles must be a list of words")])
    return frozenset(w.lower() for w in words)


def one_person(a: Actor) -> bool:
    """A person, or an office holder named by the office alone: "Finland's foreign minister",
    "the Russian foreign ministry spokeswoman" (the mention's last word names one person)."""
    if a.kind == "person":
        return True
    if a.kind != "sector" or a.via not in {"dictionary", "title"} or not a.text.split():
        return False
    last = a.text.split()[-1].lower().removesuffix("'s").removesuffix("’s")
    return last in person_roles()


def compose_code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country



@dataclass
class ArticleContext:
    """What an article has taught the resolver so far (in reading order)."""

    pub_date: date | None
    issuer: Actor | None = None    # who speaks for a statement or release (context.issuer)
    learned: dict[str, Actor] = field(default_factory=dict)     # lower name/surname -> actor
    history: list[Actor] = field(default_factory=list)          # resolved actors in order
    subjects: list[Actor] = field(default_factory=list)         # actors seen as subjects

    def learn(self, name: str, actor: Actor) -> None:
        parts = name.split()
        keys = {name.lower()}
        if len(parts) > 1:
            keys.add(parts[-1].lower())
        for k in keys:
            if k and k not in self.learned:
                self.learned[k] = actor

    def remember(self, actor: Actor, *, subject: bool = False) -> None:
        if actor.code is None and actor.kind == "unknown":
            return
        self.history.append(actor)
        if subject:
            self.subjects.append(actor)

    def recent(self, want: str) -> Actor | None:
        """Most recent compatible actor: person | group (plural/collective) | thing."""
        pools = [reversed(self.subjects), reversed(self.history)]
        for pool in pools:
            for a in pool:
                if want == "person" and one_person(a):
                    return a
                if want == "group" and a.kind in {"group", "country", "sector"}:
                    return a
                if want == "thing" and a.kind in {"group", "country"}:
                    return a
        return None

    def recent_titled(self, title: str) -> Actor | None:
        """The latest named actor whose own words carry this title ("foreign minister")."""
        for a in reversed(self.history):
            if a.code and a.via not in {"pronoun", "description", "issuer"} and \
                    title in a.text.lower() and (a.kind == "person" or a.person):
                return a
        return None

    def recent_with_sector(self, sector: str, country: str | None, n: int = 1) -> list[Actor]:
        """The last n distinct actors of a sector, people (then one office holder named by
        the office alone) before institutions."""
        people = self._recent_with_sector(sector, country, n, persons_only=True)
        if not people and n == 1:  # "Finland's foreign minister ... the minister"
            people = [a for a in reversed(self.history) if one_person(a) and a.code
                      and a.sector == sector and (country is None or a.country == country)][:1]
        return people or self._recent_with_sector(sector, country, n, persons_only=False)

    def _recent_with_sector(self, sector: str, country: str | None, n: int, *,
                            persons_only: bool) -> list[Actor]:
        found: list[Actor] = []
        seen: set[str | None] = set()
        for a in reversed(self.history):
            if persons_only and a.kind != "person":
                continue
            if a.sector == sector and a.code and (country is None or a.country == country):
                key = a.person or a.code
                if key not in seen:
                    seen.add(key)
                    found.append(a)
                if len(found) == n:
                    break
        return found
