"""The web skin: a REST API and a dashboard over the event store (`eventwire serve`).

`create_app` builds the FastAPI application; every query goes through `eventwire.query`
on one `eventwire.store.Store`, and ``POST /api/code`` through one `eventwire.coder.Coder`.
All dashboard assets ship in ``static/``: nothing is fetched from the network.
"""

from __future__ import annotations

from eventwire.web.app import create_app

__all__ = ["create_app"]
