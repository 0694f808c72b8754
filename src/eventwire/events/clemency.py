"""Clemency: pardons and commutations (CAMEO 0841, as docs/annotation.md settles it).

compute only; used by `extract` for the clemency verbs. "Trump granted X a full pardon",
"pardoned X", "commuted X's sentence", the passive "X was granted clemency", "her sentence
was commuted", "before being granted clemency".

- The one released is a convict: a person the dictionaries do not know, or a civilian, is
  a criminal (sector CRM) of the country the person is of (the story's, when none is named);
  a known role (an opposition leader, a journalist) keeps its sector.
- The source is whoever grants it; in the passive with no agent, the story's head of state
  or government (the latest government person of the article, else its latest government
  actor); with no one, the event is left out by the coder (no actor on either side).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.resolve import Actor, ActorResolver
from .arguments import object_actors, subject_of
from .clauses import SUBJ_PASS, children_with, is_passive, lemma_of

CLEMENCY_VERBS = frozenset({"pardon", "commute", "grant", "amnesty", "offer", "extend"})
CLEMENCY_WORDS = frozenset({"pardon", "clemency", "amnesty", "commutation", "reprieve"})
# Sectors of people a pardon releases as convicts.
CONVICT_SECTORS = frozenset({None, "CVL"})


def clemency_act(v: Token) -> bool:
    """A verb granting clemency: "pardoned", "commuted", "granted (X) a pardon"."""
    lem = lemma_of(v)
    if lem in {"pardon", "commute"}:
        return True
    if lem not in CLEMENCY_VERBS:
        return False
    objs = [t for t in v.subtree if t.i != v.i and lemma_of(t) in CLEMENCY_WORDS]
    return bool(objs)


def _released_passive(v: Token, resolver: ActorResolver) -> list[Actor]:
    """'Negron served eight years before being granted clemency': a passive with no
    subject of its own releases the subject of the clause it hangs on."""
    if children_with(v, SUBJ_PASS):
        return []
    head = v.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    if head is v or head.pos_ not in {"VERB", "AUX"}:
        return []
    return subject_of(head, resolver)


def _convict(a: Actor) -> Actor:
    if a.sector not in CONVICT_SECTORS or (a.code is not None and a.kind in {"country", "group"}):
        return a  # a known role keeps its sector; a name no dictionary knows is a convict
    return replace(a, code=(a.country or "") + "CRM", sector="CRM",
                   kind="person" if a.kind == "person" else "sector")


def _head_of_state(resolver: ActorResolver) -> list[Actor]:
    got = resolver.ctx.recent_with_sector("GOV", None, 1)
    return [a for a in got if a.code]


def clemency_parties(v: Token, sources: list[Actor], targets: list[Actor],
                     resolver: ActorResolver) -> tuple[list[Actor], list[Actor]]:
    """The grantor and the persons released of a clemency verb (see the module's rules)."""
    if not targets and is_passive(v):
        targets = _released_passive(v, resolver)
        if not targets:  # "her sentence was commuted": the sentence's holder
            targets = [a for s in children_with(v, SUBJ_PASS)
                       for a in object_actors(s, resolver)]
    if not targets:
        targets = _unknown_person(v)
    targets = [_convict(a) for a in targets]
    if not sources and is_passive(v) and targets:
        sources = [replace(a, start_char=v.idx, end_char=v.idx + len(v.text), head_i=v.i,
                           via="implied") for a in _head_of_state(resolver)]
    # no one pardons himself: a pronoun read as the grantor is a convict of the grantor's
    # country ("She was granted clemency" after "Trump granted ...")
    grantors = {a.code for a in sources if a.code}
    targets = [replace(a, code=(a.country or "") + "CRM", sector="CRM", kind="person")
               if a.via == "pronoun" and a.code in grantors else a for a in targets]
    return sources, targets


def _unknown_person(v: Token) -> list[Actor]:
    """'Trump granted Milken a pardon': a name no dictionary knows, as the one released."""
    for c in v.children:
        if c.dep_ in {"dative", "iobj", "dobj"} and c.pos_ == "PROPN" \
                and lemma_of(c) not in CLEMENCY_WORDS:
            words = v.doc[c.left_edge.i: c.i + 1]
            return [Actor(None, words.text, words.start_char, words.end_char,
                          kind="person", via="ner", head_i=c.i)]
    return []
