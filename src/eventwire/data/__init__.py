"""The package's data tables (see NOTICE for their sources) and one reader for its YAML
word lists."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ..errors import DictionaryError


def package_yaml(name: str) -> dict[str, Any]:
    """The mapping a YAML word list of this package holds; a file that does not parse, or
    holds no mapping, is a DictionaryError saying which and where."""
    return parse_yaml(resources.files(__name__).joinpath(name).read_text("utf-8"), name)


def parse_yaml(text: str, name: str) -> dict[str, Any]:
    """`package_yaml` on a text already read."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DictionaryError(name, [(line, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
                              ) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DictionaryError(name, [(1, "expected a mapping of word lists")])
    return raw
