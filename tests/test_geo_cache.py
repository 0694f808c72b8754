"""Tests for eventwire.geo.cache: the gazetteer's columnar file cache."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest

from eventwire.geo import cache
from eventwire.geo.gazetteer import Gazetteer

NAMES = (
    "Tehran",
    "Georgia",
    "Kerala",
    "Idlib province",
    "Washington",
    "the U.S.",
    "Nice",
    "Central District",
    "Bogotá",
    "Asia",
    "Kiev",
    "no such place at all",
)


def build(n: int) -> Gazetteer:
    return Gazetteer(min_city_population=n)


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    return build(15000)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield tmp_path / "eventwire"


def answers(gaz: Gazetteer) -> list[object]:
    out: list[object] = []
    for name in NAMES:
        out.append([astuple(p) for p in gaz.candidates(name)])
        for hint in (None, "USA", "BWA", "IND"):
            place = gaz.lookup(name, country_hint=hint)
            out.append(None if place is None else astuple(place))
    country, admin1 = gaz.country("ROU"), gaz.admin1("USA", "IL")
    out += [astuple(country) if country else None, astuple(admin1) if admin1 else None]
    out += [gaz.country_code("ro"), len(gaz)]
    return out


def test_the_cache_file_is_written_once_then_read(cache_home: Path, built: Gazetteer) -> None:
    calls: list[int] = []

    def counting(n: int) -> Gazetteer:
        calls.append(n)
        return built

    first, how = cache.load_or_build(15000, counting)
    assert how == "built+cached" and first is built and calls == [15000]
    files = list(cache_home.glob("gazetteer-*.npz"))
    assert files == [cache.cache_path(15000)]
    second, how = cache.load_or_build(15000, counting)
    assert how == "cache" and calls == [15000]
    assert answers(second) == answers(built)


def test_the_cached_index_keeps_every_key_in_order(cache_home: Path, built: Gazetteer) -> None:
    cache.load_or_build(15000, lambda n: built)
    read, how = cache.load_or_build(15000, build)
    assert how == "cache"
    for attr in ("_index", "_regions", "_hinted"):
        mine, theirs = getattr(built, attr).items(), getattr(read, attr).items()
        assert [k for k, _ in mine] == [k for k, _ in theirs]
        assert all(
            [astuple(p) for p in a] == [astuple(p) for p in b]
            for (_, a), (_, b) in zip(mine, theirs, strict=True)
        )


def test_an_unwritable_cache_dir_leaves_the_gazetteer_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: Gazetteer
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    gaz, how = cache.load_or_build(15000, lambda n: built)
    assert how == "built" and gaz.lookup("Tehran") is not None


def test_a_damaged_cache_file_is_rebuilt(cache_home: Path, built: Gazetteer) -> None:
    path = cache.cache_path(15000)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 cut short")
    gaz, how = cache.load_or_build(15000, lambda n: built)
    assert how == "built+cached" and gaz is built
    assert cache.load_or_build(15000, build)[1] == "cache"


def test_the_key_changes_with_the_data_and_the_city_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = cache.cache_key(15000)
    assert cache.cache_key(15000) == key
    assert cache.cache_key(5000) != key
    real = cache.data_text
    monkeypatch.setattr(
        cache,
        "data_text",
        lambda n: real(n) + ("X\tGB\n" if n == "geo_country_aliases.tsv" else ""),
    )
    assert cache.cache_key(15000) != key


def test_only_the_newest_cache_files_are_kept(cache_home: Path, built: Gazetteer) -> None:
    import os

    from eventwire.resource_cache import KEEP

    cache_home.mkdir(parents=True)
    stale = [cache_home / f"gazetteer-{n:04d}.npz" for n in range(KEEP)]
    for age, path in enumerate(stale, 1):
        path.write_bytes(b"another version's file")
        os.utime(path, (1e9 - age * 1000, 1e9 - age * 1000))  # stale[0] is the newest
    cache.load_or_build(15000, lambda n: built)
    assert cache.cache_path(15000).exists()
    assert [p.exists() for p in stale] == [True] * (KEEP - 1) + [False]
