"""A file cache for compiled resources, keyed by a hash of everything they are built from.

The user cache directory is ``$XDG_CACHE_HOME/eventwire`` (else ``~/.cache/eventwire``).
`cached` reads a resource from ``<name>-<hash>.pickle`` there, else builds it and writes it
atomically; a file that cannot be read is rebuilt, and a directory that cannot be written to
leaves the resource built in memory. The files are the user's own (written by this package
into their own cache directory); delete the directory to clear them. Nothing is downloaded.

The gazetteer has its own columnar file (`eventwire.geo.cache`), read without pickle.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from eventwire.events.patterns import PatternSet

T = TypeVar("T")

CACHE_FORMAT = 1
#: Files of one resource kept per cache directory (other versions' keys included).
KEEP = 4


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def input_hash(inputs: Iterable[bytes]) -> str:
    """SHA-256 over the inputs, each length-prefixed (so no two lists collide)."""
    h = hashlib.sha256(f"format {CACHE_FORMAT}\n".encode())
    for part in inputs:
        h.update(f"{len(part)}:".encode())
        h.update(part)
    return h.hexdigest()


def source_of(*modules: str) -> list[bytes]:
    """The source files of the named eventwire modules ("events/patterns.py"), as cache
    inputs: a change to the code that builds a resource changes its key."""
    here = Path(__file__).parent
    return [m.encode() + b"\n" + (here / m).read_bytes() for m in modules]


def write_atomically(path: Path, write: Callable[[object], None], *, prefix: str) -> bool:
    """Write `path` through a temporary file in its directory renamed into place, and remove
    the ``<prefix>-*`` files there beyond the `KEEP` newest. False if the directory cannot be
    written to."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{prefix}-", suffix=path.suffix, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                write(out)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    # keep the newest few (several checkouts or versions may share the directory)
    others = [p for p in path.parent.glob(f"{prefix}-*{path.suffix}") if p != path]
    others.sort(key=_mtime, reverse=True)
    for old in others[KEEP - 1 :]:
        old.unlink(missing_ok=True)
    return True


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def cached(name: str, inputs: Iterable[bytes], build: Callable[[], T]) -> T:
    """The resource `name` for these inputs: read from the cache file, else built (and
    written to the cache if it can be)."""
    path = cache_dir() / f"{name}-{input_hash(inputs)[:24]}.pickle"
    try:
        with path.open("rb") as f:
            value: T = pickle.load(f)
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass  # cut short, or written by other code: rebuild
    value = build()
    write_atomically(path, lambda out: pickle.dump(value, out, protocol=5), prefix=name)  # type: ignore[arg-type]
    return value


@lru_cache(maxsize=8)
def load_patterns(user_files: tuple[Path, ...] = ()) -> PatternSet:
    """`eventwire.events.patterns.load_patterns`, through the cache: keyed by the package's
    events.yaml, the user files' bytes, the CAMEO table the codes are checked against and the
    code that parses them. A user file that cannot be read is loaded uncached (its error is
    the loader's)."""
    from eventwire.events import patterns

    try:
        users = [Path(p).read_bytes() for p in user_files]
    except OSError:
        return patterns.load_patterns(user_files)
    inputs = [
        _data("events.yaml"),
        _data("cameo_events.tsv"),
        *source_of("events/patterns.py", "ontology.py", "resource_cache.py"),
        *users,
    ]
    return cached("patterns", inputs, lambda: patterns.load_patterns(user_files))


def _data(name: str) -> bytes:
    return resources.files("eventwire.data").joinpath(name).read_bytes()
