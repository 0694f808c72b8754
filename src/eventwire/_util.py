"""Small helpers shared by the stages."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

T = TypeVar("T")
SURROGATE = re.compile(r"[\ud800-\udfff]")


def unencodable(value: str) -> str | None:
    """Why `value` cannot be written as UTF-8 (a lone surrogate), or None when it can."""
    m = SURROGATE.search(value)
    if m is None:
        return None
    return (f"lone surrogate U+{ord(m.group()):04X} at character {m.start()} "
            "(not valid Unicode; fix the program that wrote it)")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, streaming (itertools.batched in 3.12)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_PLAIN: dict[str, str] = {
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
    "string_too_short": "must not be empty",
    "string_too_long": "is longer than {max_length} characters",
    "too_short": "must not be empty",
    "int_parsing": "is not a whole number",
    "int_type": "is not a whole number",
    "int_from_float": "is not a whole number",
    "float_parsing": "is not a number",
    "float_type": "is not a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be a string",
    "date_parsing": "is not a date (want YYYY-MM-DD)",
    "date_from_datetime_parsing": "is not a date (want YYYY-MM-DD)",
    "date_from_datetime_inexact": "is not a date (want YYYY-MM-DD)",
    "date_type": "is not a date (want YYYY-MM-DD)",
    "extra_forbidden": "is not a known field",
    "missing": "is required",
    "literal_error": "must be one of {expected}",
}


def plain_error(err: Mapping[str, Any], *, names: Mapping[str, str] | None = None) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) as a plain sentence that
    names the field and the value: "batch_size 0 must be at least 1". `names` maps field
    names to what the user typed (``{"batch_size": "--batch-size"}``)."""
    field = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "value"
    field = (names or {}).get(field, field)
    template = _PLAIN.get(str(err.get("type")))
    if err.get("type") == "string_unicode" and isinstance(err.get("input"), str):
        template = f"has a {unencodable(err['input']) or 'character that is not Unicode'}"
    ctx = err.get("ctx") or {}
    try:
        reason = template.format(**ctx) if template else None
    except (KeyError, IndexError):
        reason = None
    if reason is None:
        msg = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
        reason = msg[0].lower() + msg[1:] if msg else "is not valid"
        reason = reason.replace("input should be", "should be")
    if err.get("type") == "missing" or "input" not in err:
        return f"{field} {reason}"
    value = err["input"]
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{field} {shown} {reason}"
