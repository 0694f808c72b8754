"""The records passed between stages: `Article` in, `Event` out.

`Event` is the one contract: writers, the DuckDB schema and the web API derive their
columns from `Event.model_fields`. Every field is a scalar except the lists of actors
(PLOVER style, ``source_actors`` / ``target_actors``): arrays in JSON, Parquet, the store
(``VARCHAR[]``) and the API, joined with ``|`` only in CSV, TSV and GDELT files (see
`flat_value`). They are tuples, not lists, so that an `Event` stays immutable and hashable.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

DatePrecision = Literal["day", "week", "month", "year", "pub"]

INTERNATIONAL_KINDS: tuple[str, ...] = ("IGO", "NGO", "IMG", "MNC", "NGM")
"""CAMEO's international actor kinds that name a group when a group code follows
(``IGOUNO``, ``NGOAMN``, ``IMGMUSISI``); bare ``NGO`` or ``MNC`` ("an aid group") and the
generic ``INT`` / unidentified ``UIS`` name none."""


def actor_known(code: str | None, country: str | None) -> bool:
    """True when an actor carries a country or names a known international group: the
    definition behind `Event.complete` (and its SQL twin in the store)."""
    if not code:
        return False
    return bool(country) or (code.startswith(INTERNATIONAL_KINDS) and len(code) > 3)


class Article(BaseModel):
    """One input article, validated by the readers in `eventwire.io`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Article id from the input (or a content hash when absent).")
    text: str = Field(description="Full article text; paragraphs separated by newlines.")
    pub_date: date | None = Field(None, description="Publication date.")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = Field(
        None, description="Wire dateline when the input carries it apart from the text "
        '("BUENOS AIRES, Feb 26", as Reuters-21578 does): where the story was filed.')
    line: int | None = Field(None, description="Line (or row) of the input it came from.")

    @property
    def content_hash(self) -> str:
        """sha256 of the whitespace-normalised text: the idempotency key of the store."""
        norm = " ".join(self.text.split()).lower()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class Event(BaseModel):
    """One coded event: who did what to whom, when and where, with its evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_id: str = Field(description="Hash of article, sentence, trigger offset, code, actors.")
    article_id: str
    sentence_index: int = Field(description="0-based sentence number within the article.")
    sentence: str = Field(description="The evidence sentence.")
    pub_date: date | None = None
    event_date: date | None = Field(None, description="Resolved date of the event.")
    date_text: str | None = Field(None, description="Words that gave the event date.")
    date_precision: DatePrecision = "pub"
    background: bool = Field(
        False, description="The act lies well before publication (more than about three "
        'months, or a history aside: "In 2003 the US invaded Iraq"): not news of the day. '
        "Series, tops and plots leave such events out unless asked.")

    source_code: str | None = Field(None, description="CAMEO actor code, e.g. IRNGOV.")
    source_text: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    source_actors: tuple[str, ...] = Field(
        (), description="The codes of all source actors, in text order "
        "(a compound subject gives one event per actor, each listing all of them).")
    target_code: str | None = None
    target_text: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    target_actors: tuple[str, ...] = Field(
        (), description="The codes of all target actors, in text order.")

    cameo_code: str = Field(description='CAMEO event code as a string, e.g. "057".')
    cameo_root: str = Field(description='Two-digit root, e.g. "05".')
    quad_class: int = Field(description="GDELT QuadClass 1-4.")
    quad_class_phoenix: int = Field(0, description="Phoenix quad class 0-4 (01/02 are 0).")
    goldstein: float
    plover_type: str | None = None
    plover_mode: str | None = None

    location_name: str | None = None
    location_country: str | None = Field(None, description="ISO alpha-3 / CAMEO country.")
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    # how the place was chosen: trigger_prep | sentence | office | context | source | lead |
    # dateline | actors | speaker | within (see geo.pick_location and context.setting)
    location_reason: str | None = None

    trigger_text: str
    trigger_start: int = Field(description="Character offset in the sentence.")
    trigger_end: int
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    rule_id: str = Field(description="Dictionary pattern that fired.")
    confidence: float = Field(ge=0.0, le=1.0)
    negated: bool = False
    modality: str = Field("asserted", description="asserted | intent | reported.")
    coder_version: str = ""
    complete: bool = Field(
        False, description="Both actors carry a country or a known international group "
        "(`actor_known`); derived from the actor fields whenever an Event is built.")

    @model_validator(mode="before")
    @classmethod
    def _derive_complete(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = {**data, "complete": actor_known(data.get("source_code"),
                                                    data.get("source_country"))
                    and actor_known(data.get("target_code"), data.get("target_country"))}
        return data

    @staticmethod
    def make_id(article_id: str, sentence_index: int, trigger_start: int, cameo_code: str,
                source_code: str | None, target_code: str | None) -> str:
        key = "\x1f".join([article_id, str(sentence_index), str(trigger_start), cameo_code,
                           source_code or "", target_code or ""])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def recoded(self, **changes: Any) -> Event:
        """This event with `changes` applied (new actors, a rule id) and its id re-keyed from
        the changed fields, validated again (so `complete` follows the new actors)."""
        row = {**self.model_dump(), **changes}
        row["event_id"] = Event.make_id(row["article_id"], row["sentence_index"],
                                        row["trigger_start"], row["cameo_code"],
                                        row["source_code"], row["target_code"])
        return Event.model_validate(row)

    def to_row(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return self.model_dump(mode="json")


EVENT_FIELDS: tuple[str, ...] = tuple(Event.model_fields)


def flat_value(value: Any) -> Any:
    """A value as a CSV/TSV cell holds it: lists ``|``-joined, booleans ``true``/``false``,
    None as the empty string; anything else unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    return value
