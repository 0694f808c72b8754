"""The asides of a lead: the parts of its sentences that do not say where the story's main act
happens, read without a parser from the lead's tokens (`eventwire.geo.lead`).

- **an opening participle or comparison clause**, up to the comma that ends it ("Originating
  in Wuhan, China, the virus spread ...", "Unlike in France, the strike in Spain ..."); a
  comma followed by a region continues the clause ("Wuhan, China,");
- **a sentence about a past event** ("Back in 2018, a student was killed in Lahore.");
- **a relative clause** after a comma, up to its next comma (", who grew up in Ohio,");
- **the nationality of a private person**: a nationality adjective followed, within a few
  lower-case words, by a person noun ("a Finnish game developer", "an Iranian woman"), says
  where the person is from; a body's ("Iranian forces", "Indian officials") still counts.

"Speaking in Geneva, the minister ..." opens no aside: the speaking is the story's act. The
word lists are ``eventwire/data/geo_lead_asides.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.geo.tables import data_rows


def _lists() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind, entry in data_rows("geo_lead_asides.tsv", ["list", "entry"]):
        out.setdefault(kind, []).append(tuple(entry.split()))
    return {k: tuple(v) for k, v in out.items()}


_LISTS = _lists()
CLAUSE_OPENERS = _LISTS["clause_opener"]
SENTENCE_OPENERS = _LISTS["sentence_opener"]
RELATIVES = frozenset(w for (w,) in _LISTS["relative"])
PERSON_NOUNS = frozenset(w for (w,) in _LISTS["person_noun"])
PERSON_WINDOW = 5  # lower-case words read after a nationality adjective
_ENDS = frozenset({".", "!", "?"})


def _sentence_end(token: str) -> bool:
    """Does the token end a sentence ("globally.", "2020.", "?"); not "U.S." or "Mr."?"""
    if token in _ENDS:
        return True
    return token.endswith(".") and "." not in token[:-1] and len(token) > 4


def _starts(tokens: Sequence[str], at: int, words: tuple[str, ...]) -> bool:
    return tuple(t.lower() for t in tokens[at : at + len(words)]) == words


def _clause_end(tokens: Sequence[str], at: int, is_region: Callable[[str], bool]) -> int:
    """The index after an aside's last token: its comma (not one before a region that
    continues a place name: "Wuhan, China,"), or its sentence's end."""
    n = at
    while n < len(tokens):
        token = tokens[n]
        if _sentence_end(token):
            return n + 1
        if token == "," and n + 1 < len(tokens):
            run = n + 1
            while run < len(tokens) and tokens[run][:1].isupper():
                run += 1
            name = " ".join(tokens[n + 1 : run]).rstrip(".")
            if not (run > n + 1 and is_region(name)):
                return n + 1
        n += 1
    return n


def aside_positions(tokens: Sequence[str], is_region: Callable[[str], bool]) -> frozenset[int]:
    """The indices of the tokens that lie in an aside of the lead (see the module's rules);
    `is_region` tells whether a name is a country or region ("China")."""
    inside: set[int] = set()
    start = True
    for n, token in enumerate(tokens):
        lower = token.lower()
        if start:
            if any(_starts(tokens, n, w) for w in SENTENCE_OPENERS):
                end = n
                while end < len(tokens) and not _sentence_end(tokens[end]):
                    end += 1
                inside.update(range(n, end + 1))
            elif any(_starts(tokens, n, w) for w in CLAUSE_OPENERS):
                inside.update(range(n, _clause_end(tokens, n, is_region)))
        elif lower in RELATIVES and n > 0 and tokens[n - 1] == ",":
            inside.update(range(n, _clause_end(tokens, n, is_region)))
        start = _sentence_end(token) or (start and token in {'"', "\u201c", "(", "'"})
    return frozenset(inside)


def person_nationality(tokens: Sequence[str], end: int) -> bool:
    """Is the nationality adjective ending before `end` a private person's: a person noun
    among the lower-case words right after it ("a Pakistani journalism student Mashal Khan",
    "Finnish open-source video game developer Perttu Ahola")?"""
    for token in tokens[end : end + PERSON_WINDOW]:
        word = token.rstrip(".").lower()
        if word in PERSON_NOUNS:
            return True
        if not token[:1].islower():
            return False
    return False
