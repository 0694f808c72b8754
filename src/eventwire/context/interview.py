"""Interview transcripts: the turns of a question-and-answer article.

A published interview prints each turn with its speaker in double parentheses:
"((WN)) When did you inform the federation?" / "((Jane Doe)) Early 2016. They wanted me
to play for them ...". Its turns are conversation, not news reports:

- the interviewer's turns (`interviewers` in data/interview.yaml) ask or restate; they
  report no act of their own and are not coded;
- the interviewee's turns are her own statements: what she says about an actor (a
  criticism, an appeal, a refusal: the said roots) is coded, the acts she recounts (meeting
  her family, being helped, playing a tournament) are recollections of her life, not news,
  and are not coded.

The framing paragraphs before and between the turns are reported text and are coded as any
story. An article is a transcript only when at least `MIN_TURNS` paragraphs open so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..data import package_yaml

MIN_TURNS = 4
"""Fewer marked paragraphs are quotes inside a story, not a transcript."""

_TURN = re.compile(r"^\s*\(\(([^()]{1,60})\)\)\s*\S")


@lru_cache(maxsize=1)
def interviewer_names() -> frozenset[str]:
    raw = package_yaml("interview.yaml")
    return frozenset(str(w).strip().lower() for w in raw.get("interviewers", []))


def transcript_turns(paragraphs: Iterable[str]) -> dict[int, str]:
    """Paragraph index -> "question" (the interviewer's turn) or "answer", for the turns of
    an interview transcript; empty when the article is not one."""
    names = interviewer_names()
    turns: dict[int, str] = {}
    for i, para in enumerate(paragraphs):
        m = _TURN.match(para)
        if m is not None:
            turns[i] = "question" if m.group(1).strip().lower() in names else "answer"
    return turns if len(turns) >= MIN_TURNS else {}


def said_in_turn(turn: str | None, root: str, said_roots: frozenset[str]) -> bool:
    """Is an event of CAMEO `root` in a paragraph of this turn kind coded? Outside the turns,
    always; in the interviewer's turn, never; in an answer, only what is said about an actor."""
    if turn is None:
        return True
    return turn == "answer" and root in said_roots
