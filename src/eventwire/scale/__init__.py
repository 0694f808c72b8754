"""Running the same `Coder` over a Dask cluster (local, SLURM, Kubernetes, any scheduler).

`code_on_cluster` is the entry point; `eventwire code INPUT -o OUT --cluster local:4` calls it.
Importing this package does not import Dask: the runner module does, when it is used.
"""

from __future__ import annotations

__all__ = ["code_on_cluster"]


def __getattr__(name: str) -> object:
    if name == "code_on_cluster":
        from .dask_runner import code_on_cluster

        return code_on_cluster
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
