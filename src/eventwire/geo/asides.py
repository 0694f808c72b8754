"""The asides of a lead: the parts of its sentences that do not say where the story's main act
happens, read without a parser from the lead's tokens (`eventwire.geo.lead`).

- **an opening origin or comparison clause**, up to the comma that ends it ("Originating in
  Wuhan, China, the virus spread ...", "Unlike in France, the strike in Spain ..."); a comma
  followed by a region continues the clause ("Wuhan, China,");
- **a sentence about a past event** ("Back in 2018, a student was killed in Lahore.");
- **an origin relative clause** after a comma, up to its next comma (", who was born in Ohio,",
  ", which originated in Wuhan,"); not any relative clause: ", who was visiting the town of
  Pandeglang," says where the story happened.

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
CLAUSE_OPENERS = _LISTS["origin"] + _LISTS["comparison"]
SENTENCE_OPENERS = _LISTS["sentence_opener"]
ORIGIN_WORDS = frozenset(e[-1] for e in _LISTS["origin"])  # "first detected": "detected"
RELATIVES = frozenset(w for (w,) in _LISTS["relative"])
RELATIVE_WINDOW = 3  # words after the relative pronoun that may name the origin ("who was born")
_ENDS = frozenset({".", "!", "?"})
_OPENING = frozenset({'"', "\u201c", "(", "'"})


def _sentence_end(token: str) -> bool:
    """Does the token end a sentence ("globally.", "2020.", "?"); not "U.S." or "Mr."?"""
    if token in _ENDS:
        return True
    return token.endswith(".") and "." not in token[:-1] and len(token) > 4


def _starts(tokens: Sequence[str], at: int, words: tuple[str, ...]) -> bool:
    return tuple(t.lower() for t in tokens[at : at + len(words)]) == words


def _clause_end(tokens: Sequence[str], at: int, is_region: Callable[[str], bool]) -> int:
    """The index after an aside's last token: its comma (not one before a region that
    continues a place name and is followed by a comma or the sentence's end: "Wuhan, China,";
    not "Like Chile, Peru has ..."), or its sentence's end."""
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
            closed = run >= len(tokens) or tokens[run] == "," or _sentence_end(tokens[run - 1])
            if not (run > n + 1 and closed and is_region(name)):
                return n + 1
        n += 1
    return n


def _origin_relative(tokens: Sequence[str], n: int) -> bool:
    """Is tokens[n] the pronoun of an origin relative clause (", who was born in ...")?"""
    if tokens[n].lower() not in RELATIVES or n == 0 or tokens[n - 1] != ",":
        return False
    return any(t.lower() in ORIGIN_WORDS for t in tokens[n + 1 : n + 1 + RELATIVE_WINDOW])


def aside_positions(tokens: Sequence[str], is_region: Callable[[str], bool]) -> frozenset[int]:
    """The indices of the tokens that lie in an aside of the lead (see the module's rules);
    `is_region` tells whether a name is a country or region ("China")."""
    inside: set[int] = set()
    start = True
    for n, token in enumerate(tokens):
        if start and any(_starts(tokens, n, w) for w in SENTENCE_OPENERS):
            end = n
            while end < len(tokens) and not _sentence_end(tokens[end]):
                end += 1
            inside.update(range(n, end + 1))
        elif (start and any(_starts(tokens, n, w) for w in CLAUSE_OPENERS)) or \
                _origin_relative(tokens, n):
            inside.update(range(n, _clause_end(tokens, n, is_region)))
        start = _sentence_end(token) or (start and token in _OPENING)
    return frozenset(inside)
