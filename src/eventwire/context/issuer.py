"""Who speaks for a statement, readout or release.

A government statement says "we", "the Department", "the Secretary", "the spokesperson":
all stand for the issuing body. The issuer is read from the article's `source` field
("U.S. Department of State", "U.S. Africa Command"), else from a title that names it
("Statement by the Ministry of Foreign Affairs of Japan on ..."), with the project's own
actor dictionary. Only a state or international body issues: a news outlet's "we" (Voice of
America) is a quoted speaker's, not the outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from ..actors.resolve import Actor, ActorMatcher, ActorResolver, ArticleContext

# Sectors and kinds that issue statements in their own name.
ISSUING_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
TITLE_ISSUER = re.compile(
    r"^(?:joint\s+)?(?:statement|readout|press\s+release|press\s+statement|communiqu[eé]|"
    r"declaration|remarks)\s+(?:by|of|from)\s+(?:the\s+)?(?P<who>[^:,–—-]{3,90})", re.I)


def find_issuer(parse: Callable[[str], Doc], matcher: ActorMatcher, source: str | None,
                title: str | None) -> Actor | None:
    """The body that issued the article, or None for news and unknown sources."""
    for text in _candidates(source, title):
        doc = parse(text)
        resolver = ActorResolver(matcher, doc, ArticleContext(None))
        roots = [t for t in doc if t.dep_ == "ROOT"] or list(doc[:1])
        for root in roots:
            for a in resolver.actors_at(root):
                if _issues(a):
                    return replace(a, text=text, start_char=0, end_char=0,
                                   via="issuer", head_i=-1)
    return None


def _candidates(source: str | None, title: str | None) -> list[str]:
    out = []
    if source:
        # "U.S. Embassy in Burkina Faso (U.S. Department of State)": the first body
        out.append(re.sub(r"\s*\(.*?\)\s*", " ", source).strip())
    if title:
        m = TITLE_ISSUER.match(title.strip())
        if m:
            out.append(m.group("who").strip())
    return [c for c in out if c]


def _issues(a: Actor) -> bool:
    if a.code is None or (a.country is None and not a.code.startswith("IGO")):
        return False
    if a.code.startswith("IGO"):
        return True
    return a.sector in ISSUING_SECTORS or (a.kind == "country" and a.sector is None)
