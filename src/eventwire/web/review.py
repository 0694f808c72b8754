"""The review loop over HTTP: ``POST /api/judgments`` stores an analyst's "right" or
"wrong: <field>" on one event (write mode: a server started with ``--write --token``, and the
bearer token); ``GET /api/judgments`` gives the precision by root and by field so far."""

from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Body, FastAPI, Request
from pydantic import BaseModel, ConfigDict, Field

from eventwire.judgments import add_judgment, judged_events, precision

if TYPE_CHECKING:
    from eventwire.web.app import _State

__all__ = ["JudgmentRequest", "add_review_api"]


class JudgmentRequest(BaseModel):
    """Body of ``POST /api/judgments``."""

    model_config = ConfigDict(extra="forbid")

    event_id: str = Field(min_length=1, max_length=128)
    verdict: Literal["right", "wrong"]
    field: Literal["root", "source", "target", "date", "place"] | None = Field(
        None, description="The wrong field (wrong verdicts only)."
    )
    who: str | None = Field(None, max_length=80, description="Who judges.")


def add_review_api(app: FastAPI, state: "_State") -> None:
    from eventwire.web.app import _authorize

    @app.post(
        "/api/judgments",
        tags=["review"],
        responses={
            401: {"description": "the bearer token is missing or wrong"},
            403: {"description": "a read-only server"},
        },
    )
    def judge(request: Request, body: Annotated[JudgmentRequest, Body()]) -> dict[str, Any]:
        """Store a judgment of one event: ``right``, or ``wrong`` with the field (root,
        source, target, date, place). Needs write mode and the bearer token."""
        _authorize(state, request)
        with state.writer() as s:
            n = add_judgment(s.con, body.event_id, body.verdict, body.field, body.who)
        state.writes += 1
        return {"stored": True, "judged": n}

    @app.get("/api/judgments", tags=["review"])
    def judgments() -> dict[str, Any]:
        """Precision of the judged events by CAMEO root and by field."""
        with state.reader() as s:
            judged = judged_events(s.con)
        return {"events": len(judged), **precision(judged)}
