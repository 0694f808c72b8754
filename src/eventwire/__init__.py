"""eventwire: news articles -> political event data (CAMEO, PLOVER), with evidence.

    >>> from eventwire import code_text
    >>> events = code_text("Iran and Iraq signed a defence agreement on Sunday.",
    ...                    pub_date=date(2017, 7, 23))
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import Config
from .errors import (
    DictionaryError,
    EventwireError,
    InputError,
    ModelNotFoundError,
    QueryError,
    ReadOnlyError,
    StoreError,
)
from .model import Article, Event

if TYPE_CHECKING:
    from .coder import Coder
    from .notebook import open_store

__all__ = [
    "Article",
    "Coder",
    "Config",
    "DictionaryError",
    "Event",
    "EventwireError",
    "InputError",
    "ModelNotFoundError",
    "QueryError",
    "ReadOnlyError",
    "StoreError",
    "code_text",
    "open_store",
]


def __getattr__(name: str) -> object:
    if name == "Coder":
        from .coder import Coder

        return Coder
    if name == "open_store":
        from .notebook import open_store

        return open_store
    raise AttributeError(name)


@lru_cache(maxsize=2)
def _default_coder(config: Config) -> Coder:
    from .coder import Coder

    return Coder(config)


def code_text(text: str, *, pub_date: date | None = None, config: Config | None = None
              ) -> list[Event]:
    """Code one text; the coder for a config is built once and reused."""
    return _default_coder(config or Config()).code_text(text, pub_date=pub_date)
