"""How eventwire drives Debian's Chromium (browser tests, dashboard screenshots): the
executable and the switches that keep it headless and offline (no background networking,
no component updates)."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
