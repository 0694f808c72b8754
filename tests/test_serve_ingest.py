"""`eventwire serve` and `eventwire ingest` on the same store at once, as two real processes.

The server answers every request while the ingest runs (no lock error, no 5xx), and each file's
events show up in ``/api/events`` within seconds of the ingest's commit.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwire.store import Store

EVENTWIRE = Path(sys.executable).parent / "eventwire"

FIRST = [
    ("Iran signed a defence agreement with Iraq in Tehran on Sunday.", "2017-07-23"),
    ("Turkey accused Syria of shelling border villages on Monday.", "2017-07-24"),
    ("Russia sent humanitarian aid to Syria on Tuesday.", "2017-07-25"),
]
SECOND = [
    ("Germany criticized Russia over the annexation on Wednesday.", "2018-03-07"),
    ("France condemned Iran for the missile test on Thursday.", "2018-03-08"),
    ("Japan met South Korea for talks in Tokyo on Friday.", "2018-03-09"),
]


def write_jsonl(path: Path, name: str, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, (text, day) in enumerate(rows):
            f.write(json.dumps({"id": f"{name}-{i}", "text": text, "date": day}) + "\n")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "shared.duckdb"
    Store(db).close()  # an empty store: `serve` serves an existing one
    port = free_port()
    proc = subprocess.Popen([str(EVENTWIRE), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{base}/api/meta", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else "server died"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield base, db
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Poller:
    """Polls /api/events in a thread, recording every status it sees."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.statuses: list[int] = []
        self.bodies: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        with httpx.Client(timeout=15) as c:
            while not self.stop.is_set():
                r = c.get(f"{self.base}/api/events", params={"limit": 5})
                self.statuses.append(r.status_code)
                if r.status_code != 200:
                    self.bodies.append(r.text)
                time.sleep(0.02)

    def __enter__(self) -> Poller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=20)


def total(base: str, **params: str) -> int:
    return int(httpx.get(f"{base}/api/events", params=params, timeout=15).json()["total"])


def wait_for(base: str, since: str, until: str, at_least: int, seconds: float = 5.0) -> float:
    start = time.monotonic()
    while total(base, since=since, until=until) < at_least:
        assert time.monotonic() - start < seconds, f"events {since}..{until} did not appear"
        time.sleep(0.05)
    return time.monotonic() - start


@pytest.mark.model
def test_ingest_while_serving_two_files_in_sequence(server: tuple[str, Path],
                                                    tmp_path: Path) -> None:
    base, db = server
    files = [write_jsonl(tmp_path / "first.jsonl", "first", FIRST),
             write_jsonl(tmp_path / "second.jsonl", "second", SECOND)]
    windows = [("2017-07-01", "2017-07-31"), ("2018-03-01", "2018-03-31")]
    with Poller(base) as poller:
        for path, (since, until) in zip(files, windows, strict=True):
            assert total(base, since=since, until=until) == 0
            # batch size 1: a commit per article, so the two processes take many turns
            run = subprocess.run([str(EVENTWIRE), "ingest", str(path), "--db", str(db),
                                  "--batch-size", "1", "--no-progress"],
                                 capture_output=True, text=True, timeout=120)
            assert run.returncode == 0, run.stderr
            assert "lock" not in run.stderr.lower()
            waited = wait_for(base, since, until, at_least=len(FIRST))
            assert waited < 5.0
    assert len(poller.statuses) > 10
    assert set(poller.statuses) == {200}, poller.bodies[:3]
    meta = httpx.get(f"{base}/api/meta", timeout=15).json()
    assert meta["articles"] == len(FIRST) + len(SECOND)
