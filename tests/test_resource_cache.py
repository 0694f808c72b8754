"""Tests for eventwire.resource_cache: compiled resources cached by a hash of their inputs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire import resource_cache
from eventwire.events.patterns import load_patterns as load_uncached


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    resource_cache.load_patterns.cache_clear()
    yield tmp_path / "xdg" / "eventwire"
    resource_cache.load_patterns.cache_clear()


def test_a_resource_is_built_once_then_read(cache_home: Path) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"answer": 42}

    assert resource_cache.cached("thing", [b"a", b"b"], build) == {"answer": 42}
    assert resource_cache.cached("thing", [b"a", b"b"], build) == {"answer": 42}
    assert builds == [1]
    assert resource_cache.cached("thing", [b"ab"], build) == {"answer": 42}  # other inputs
    assert builds == [1, 1]
    assert len(list(cache_home.glob("thing-*.pickle"))) == 2  # both kept (other versions)


def test_a_damaged_file_is_rebuilt_and_an_unwritable_dir_is_no_error(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resource_cache.cached("thing", [b"x"], lambda: 1)
    (path,) = cache_home.glob("thing-*.pickle")
    path.write_bytes(b"\x80\x05 cut")
    assert resource_cache.cached("thing", [b"x"], lambda: 2) == 2
    assert resource_cache.cached("thing", [b"x"], lambda: 3) == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert resource_cache.cached("thing", [b"x"], lambda: 4) == 4


def test_cached_patterns_equal_the_parsed_ones(cache_home: Path) -> None:
    first = resource_cache.load_patterns(())
    assert list(cache_home.glob("patterns-*.pickle"))
    resource_cache.load_patterns.cache_clear()
    assert resource_cache.load_patterns(()) == first == load_uncached(())


def test_a_changed_user_pattern_file_is_read_again(cache_home: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text('- id: my_pact\n  code: "057"\n  verbs: [inked]\n', encoding="utf-8")
    assert "inked" in resource_cache.load_patterns((user,)).by_verb
    resource_cache.load_patterns.cache_clear()
    load_uncached.cache_clear()  # as in a new process
    user.write_text('- id: my_pact\n  code: "057"\n  verbs: [penned]\n', encoding="utf-8")
    found = resource_cache.load_patterns((user,))
    assert "penned" in found.by_verb and "inked" not in found.by_verb
