"""Hand-made articles, events and a fake coder for the store, query and export tests.

Imported by tests/test_store*.py, test_query.py, test_export.py and the kill helper script;
needs no spaCy model and no `eventwire.coder`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.errors import CodingTimeout
from eventwire.model import Article, Event

COUNTRIES = {"Iran": "IRN", "Iraq": "IRQ", "Turkey": "TUR", "Syria": "SYR", "Russia": "RUS"}
VERBS = {  # trigger -> (cameo code, root, quad class, goldstein)
    "signed": ("057", "05", 1, 8.0),
    "met": ("040", "04", 1, 1.0),
    "accused": ("112", "11", 3, -2.0),
    "attacked": ("190", "19", 4, -10.0),
    "sent": ("0331", "03", 1, 5.2),
}


def make_event(article_id: str = "a1", *, sentence_index: int = 0, code: str = "057",
               source: str | None = "IRNGOV", target: str | None = "IRQGOV",
               event_date: date | None = date(2017, 7, 23), sentence: str | None = None,
               trigger_start: int = 0, **fields: Any) -> Event:
    """One valid Event; keyword arguments override any field."""
    root = code[:2]
    quad, goldstein = next(((q, g) for c, _, q, g in VERBS.values() if c == code), (1, 1.0))
    base: dict[str, Any] = {
        "article_id": article_id, "sentence_index": sentence_index,
        "sentence": sentence or f"{source} did {code} to {target}.",
        "pub_date": event_date, "event_date": event_date, "date_precision": "day",
        "source_code": source, "source_country": source[:3] if source else None,
        "source_sector": source[3:6] or None if source else None,
        "target_code": target, "target_country": target[:3] if target else None,
        "target_sector": target[3:6] or None if target else None,
        "cameo_code": code, "cameo_root": root, "quad_class": quad, "goldstein": goldstein,
        "trigger_text": "signed", "trigger_start": trigger_start, "trigger_end": trigger_start + 6,
        "rule_id": "test", "confidence": 0.9, "coder_version": "test-1",
    }
    base.update(fields)
    base["event_id"] = fields.get("event_id") or Event.make_id(
        article_id, sentence_index, trigger_start, code, source, target)
    return Event(**base)


@dataclass(frozen=True)
class FakeResult:
    """Same shape as `eventwire.coder.ArticleResult`."""

    article: Article
    events: tuple[Event, ...]
    error: str | None = None
    warnings: tuple[str, ...] = ()
    sentences: int = 0
    parsed: int = 0


def code_text(article: Article, version: str) -> tuple[Event, ...]:
    """A toy coder: one event per sentence naming two countries and a known verb."""
    events = []
    for i, sentence in enumerate(re.split(r"(?<=[.!?])\s+", article.text)):
        actors = [(m.start(), COUNTRIES[m.group()]) for m in
                  re.finditer("|".join(COUNTRIES), sentence)]
        verb = next((v for v in VERBS if v in sentence), None)
        if len(actors) < 2 or verb is None:
            continue
        code, root, quad, goldstein = VERBS[verb]
        start = sentence.index(verb)
        src, tgt = actors[0][1] + "GOV", actors[1][1] + "GOV"
        events.append(Event(
            event_id=Event.make_id(article.id, i, start, code, src, tgt),
            article_id=article.id, sentence_index=i, sentence=sentence,
            pub_date=article.pub_date, event_date=article.pub_date, date_precision="pub",
            source_code=src, source_country=src[:3], source_sector="GOV",
            target_code=tgt, target_country=tgt[:3], target_sector="GOV",
            cameo_code=code, cameo_root=root, quad_class=quad, goldstein=goldstein,
            location_country=actors[0][1], latitude=35.7, longitude=51.4,
            trigger_text=verb, trigger_start=start, trigger_end=start + len(verb),
            rule_id=f"verb:{verb}", confidence=0.8, coder_version=version))
    return tuple(events)


class FakeCoder:
    """Same shape as `eventwire.coder.Coder`; records which articles it was asked to code."""

    def __init__(self, version: str = "test-1", *, fail_on: str | None = None,
                 delay: float = 0.0) -> None:
        self.version = version
        self.fail_on = fail_on
        self.delay = delay
        self.coded: list[str] = []

    def code_articles(self, articles: Iterable[Article], *, deadline: float | None = None
                      ) -> Iterator[FakeResult]:
        for art in articles:
            end = time.monotonic() + self.delay
            while time.monotonic() < end:  # "coding", checking the deadline as the coder does
                if deadline is not None and time.monotonic() > deadline:
                    raise CodingTimeout("coding ran past its time budget")
                time.sleep(min(0.01, max(end - time.monotonic(), 0)))
            self.coded.append(art.id)
            if self.fail_on and self.fail_on in art.text:
                yield FakeResult(art, (), error="cannot code this")
            else:
                yield FakeResult(art, code_text(art, self.version))


WIRE = ("TEHRAN, July 23 - Iran signed a defence agreement with Iraq on Sunday, the defence "
        "ministry said. The memorandum covers training, logistics and border security between "
        "the two neighbours. Iran met Iraq officials in Tehran to discuss the details of the "
        "deal, which officials said would be implemented over the coming months. Analysts "
        "said the agreement reflects growing ties between the governments, which have "
        "expanded trade and security cooperation since the war against the Islamic State "
        "group ended in Iraq.")


def wire_copies() -> list[Article]:
    """The same story from three outlets, lightly edited, plus an unrelated article."""
    a = Article(id="reuters-1", text=WIRE, pub_date=date(2017, 7, 23), source="Reuters",
                url="https://reuters.example/a")
    b = Article(id="afp-1", text=WIRE.replace("TEHRAN, July 23 -", "TEHRAN (AFP) -")
                .replace("the defence ministry said", "its defence ministry announced"),
                pub_date=date(2017, 7, 23), source="AFP", url="https://afp.example/b")
    c = Article(id="ap-1", text=WIRE.replace("on Sunday", "on Sunday afternoon")
                .replace("over the coming months", "within months") + " More to follow.",
                pub_date=date(2017, 7, 23), source="AP", url="https://ap.example/c")
    other = Article(id="other-1", text="Turkey accused Syria of shelling border villages. "
                    "The foreign ministry in Ankara summoned the ambassador on Monday.",
                    pub_date=date(2017, 7, 24), source="Reuters", url="https://reuters.example/o")
    return [a, b, c, other]


def numbered_articles(n: int, *, start: int = 0) -> list[Article]:
    """`n` distinct short articles, each yielding one event."""
    out = []
    names = list(COUNTRIES)
    verbs = list(VERBS)
    for i in range(start, start + n):
        src, tgt = names[i % 5], names[(i + 1 + i // 5) % 5]
        if src == tgt:
            tgt = names[(i + 2) % 5]
        text = (f"Report number {i}. {src} {verbs[i % 5]} {tgt} after talks number {i} "
                f"in a city that had seen {i * 7} visitors.")
        out.append(Article(id=f"n{i}", text=text, pub_date=date(2017, 1 + i % 12, 1 + i % 28),
                           source=f"outlet{i % 3}", url=f"https://news.example/{i}"))
    return out
