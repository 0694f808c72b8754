"""Material cooperation, aid and sanctions (CAMEO 06, 07, 16): the word classes of
data/cooperation.yaml and the tests that read them.

- An aid act a government announces ("announced it will send Ukraine a $125 million
  package") is the act itself, not an intent (`announced_act`).
- "took steps to impose sanctions": the light verb's object is no actor asked to act; the
  act is the subject's own (`light_object`).

compute only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from .clauses import lemma_of


@dataclass(frozen=True, slots=True)
class CooperationWords:
    announcing_verbs: frozenset[str]
    announced_roots: frozenset[str]
    light_objects: frozenset[str]


@lru_cache(maxsize=1)
def cooperation_words() -> CooperationWords:
    text = resources.files("eventwire.data").joinpath("cooperation.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    return CooperationWords(**{k: frozenset(str(w).lower() for w in v)
                               for k, v in raw.items()})


def announced_act(v: Token) -> bool:
    """The trigger is the content of an announcement: 'X announced (that) it will send',
    'announces it would provide'."""
    return v.dep_ == "ccomp" and v.head is not v \
        and lemma_of(v.head) in cooperation_words().announcing_verbs


def light_object(o: Token) -> bool:
    """'steps' in 'took steps to impose': an object that leaves the act to the clause."""
    return lemma_of(o) in cooperation_words().light_objects
