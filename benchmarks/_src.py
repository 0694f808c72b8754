"""The --src option of the timing benchmarks: which eventwire source tree to time (the
checkout's own, or an extract of an older commit for a before/after)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def add_src_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument(
        "--src",
        type=Path,
        default=ROOT / "src",
        help="package source to time (e.g. an extract of an older commit)",
    )


def env_with(src: Path) -> dict[str, str]:
    """The environment of a child process that imports eventwire from `src`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    return env
