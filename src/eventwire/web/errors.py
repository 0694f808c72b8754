"""Error answers of the app: ``{"error": "message"}`` with the status, validation dumps turned
into one sentence, file paths scrubbed from messages.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire._util import plain_error
from eventwire.errors import (
    ModelNotFoundError,
    QueryError,
    StoreBusyError,
)

if TYPE_CHECKING:
    from eventwire.web.app import _State

log = logging.getLogger("eventwire.web")


def error_json(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> tuple[int, str]:
    err = exc.errors()[0]
    loc = [str(p) for p in err.get("loc", ())]
    where = loc[0] if loc else "request"
    if err.get("type") == "json_invalid":
        return 422, f"the request body is not valid JSON: {err.get('msg')}"
    if where == "body" and len(loc) == 1:
        return 422, "send a JSON body like {\"text\": \"...\", \"pub_date\": \"2017-07-23\"}"
    if where == "body":
        return 422, f"bad {plain_error(err)}"
    name = ".".join(loc[1:]) or where
    return 400, f"bad {name}: {err.get('msg')}"


_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.@+~-]+){2,}[\\/]?")


BUSY = "the store is busy (another process, e.g. an ingest, is writing to it); try again shortly"


RETRY_AFTER = {"Retry-After": "2"}


def scrub_paths(text: str) -> str:
    """A message without file system paths (they tell a client about the server's disk)."""
    return _PATH.sub("<path>", text)


def add_error_handlers(app: FastAPI, state: _State) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_json(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_json(*validation_message(exc))

    @app.exception_handler(QueryError)
    async def _query(_request: Request, exc: QueryError) -> JSONResponse:
        return error_json(400, scrub_paths(str(exc)))

    @app.exception_handler(StoreBusyError)
    async def _busy(_request: Request, exc: StoreBusyError) -> JSONResponse:
        log.warning("%s", exc)
        return error_json(503, BUSY, RETRY_AFTER)

    @app.exception_handler(ModelNotFoundError)
    async def _model(_request: Request, exc: ModelNotFoundError) -> JSONResponse:
        log.error("%s", exc)
        return error_json(503, "coding is unavailable: the server's spaCy pipeline is "
                               "not installed")

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # EventwireError (a store that cannot be read, ...) too: its messages name files
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_json(500, "internal error; the server log has the details")
