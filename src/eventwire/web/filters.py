"""The `EventQuery` filters read from a request's query string (unknown parameters refused).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import HTTPException, Query, Request

from eventwire.query import (
    COUNTRY_HELP,
    EventQuery,
)

MAX_FILTER_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """The raw filter parameters of a request; `query` validates them into an `EventQuery`."""

    values: dict[str, Any]

    def query(self, **extra: Any) -> EventQuery:
        return EventQuery.build(**self.values, **extra)


_FILTER_NAMES = ("actor", "dyad", "between", "code", "root", "quad", "since", "until",
                 "country", "near", "text", "dedup", "include_background", "all_dyads")


def text_param(description: str) -> Any:
    return Query(max_length=MAX_FILTER_CHARS, description=description)


def filters_for(*extra: str) -> Callable[..., Filters]:
    """A dependency reading the `EventQuery` filters; other query parameters than the filters
    and `extra` are refused (a typo must not silently widen the query)."""
    allowed = frozenset(_FILTER_NAMES) | frozenset(extra)

    def dependency(
        request: Request,
        actor: Annotated[str | None, text_param(
            "Source or target code prefix, e.g. IRN or IRNGOV.")] = None,
        dyad: Annotated[str | None, text_param(
            "SRC:TGT code prefixes, e.g. IRN:IRQ; one side may be empty.")] = None,
        between: Annotated[str | None, text_param(
            "A,B code prefixes: events between A and B in either direction, e.g. IRN,USA.")
        ] = None,
        code: Annotated[str | None, text_param("CAMEO code: 057 exact, 05* prefix.")] = None,
        root: Annotated[str | None, text_param("CAMEO root 01-20.")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
        since: Annotated[str | None, text_param(
            "First event date: YYYY, YYYY-MM or YYYY-MM-DD (from the period's first day).")
        ] = None,
        until: Annotated[str | None, text_param(
            "Last event date: YYYY, YYYY-MM or YYYY-MM-DD (through the period's last day).")
        ] = None,
        country: Annotated[str | None, text_param(COUNTRY_HELP)] = None,
        near: Annotated[str | None, text_param("LAT,LON,KM: events within KM of a point.")] = None,
        text: Annotated[str | None, text_param(
            "Case-insensitive substring of the evidence sentence.")] = None,
        dedup: Annotated[Literal["one-a-day"] | None, Query(
            description="one-a-day: each date/source/target/code once, with mention counts.")
        ] = None,
        include_background: Annotated[bool | None, Query(
            description="Aggregates count background events too (acts well before "
                        "publication; left out by default and counted in `left_out`).")
        ] = None,
        all_dyads: Annotated[bool | None, Query(
            description="Aggregates count events whose source or target lacks a country or "
                        "known international group too (left out by default and counted in "
                        "`left_out`).")
        ] = None,
    ) -> Filters:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise HTTPException(400, f"unknown parameter(s) {', '.join(unknown)}; this "
                                     f"endpoint takes {', '.join(sorted(allowed))}")
        values = {"actor": actor, "dyad": dyad, "between": between, "code": code, "root": root,
                  "quad": quad,
                  "since": since, "until": until, "country": country, "near": near,
                  "text": text, "dedup": dedup, "include_background": include_background,
                  "all_dyads": all_dyads}
        return Filters({k: v for k, v in values.items() if v is not None and v != ""})

    return dependency
