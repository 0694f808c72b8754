"""`POST /api/code` against a hostile client, and what errors may tell: size limits, the time
budget, coding off the event loop, bounded concurrency, the token off localhost, a busy store
and generic 500s."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from conftest_store import FakeCoder, numbered_articles
from eventwire.config import ServeSettings
from eventwire.store import Store
from eventwire.web import create_app

TEXT = "Iran signed a deal with Iraq."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "limits.duckdb"
    with Store(path) as store:
        store.ingest(numbered_articles(5), FakeCoder())
    return path


def client_for(db: Path, coder: Any = None, **settings: Any) -> TestClient:
    coder = coder or FakeCoder()
    return TestClient(create_app(db, coder_factory=lambda: coder,
                                 settings=ServeSettings(**settings)),
                      raise_server_exceptions=False)


def error_of(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"}, body
    return str(body["error"])


def test_code_refuses_text_over_the_configured_limit_with_413(db: Path) -> None:
    with client_for(db, max_text_chars=100) as c:
        assert c.post("/api/code", json={"text": "x" * 100}).status_code == 200
        assert "limit is 100" in error_of(c.post("/api/code", json={"text": "x" * 101}), 413)
        assert c.get("/api/meta").json()["limits"]["text_chars"] == 100


def test_default_text_limit_is_twenty_thousand_characters(db: Path) -> None:
    with client_for(db) as c:
        error_of(c.post("/api/code", json={"text": "Iran met Iraq. " * 1400}), 413)


def test_body_over_the_limit_is_refused_before_it_is_read(db: Path) -> None:
    settings = ServeSettings(max_text_chars=100)
    with client_for(db, max_text_chars=100) as c:
        big = b'{"text": "' + b"x" * settings.max_body_bytes + b'"}'
        assert "request body" in error_of(
            c.post("/api/code", content=big, headers={"content-type": "application/json"}), 413)


def test_coding_past_the_time_budget_gives_up_with_503(db: Path) -> None:
    with client_for(db, FakeCoder(delay=5.0), code_timeout=0.3) as c:
        start = time.monotonic()
        r = c.post("/api/code", json={"text": TEXT})
        assert time.monotonic() - start < 2.0
        assert "budget of 0.3 s" in error_of(r, 503)
        # the slot is free again: a fast coding still works
    with client_for(db, FakeCoder(), code_timeout=0.3, max_codings=1) as c:
        assert c.post("/api/code", json={"text": TEXT}).status_code == 200


@pytest.mark.model
def test_the_real_coder_stops_at_its_deadline(coder: Any) -> None:
    from eventwire.errors import CodingTimeout
    from eventwire.model import Article

    art = Article(id="long", text="Iran accused Iraq of attacking Turkey in Baghdad. " * 400)
    start = time.monotonic()
    with pytest.raises(CodingTimeout):
        list(coder.code_articles([art], deadline=time.monotonic() + 0.2))
    assert time.monotonic() - start < 3.0


@pytest.mark.model
def test_the_real_coder_budget_through_the_api(db: Path, coder: Any) -> None:
    with client_for(db, coder, code_timeout=0.2) as c:
        r = c.post("/api/code", json={"text": "Iran accused Iraq of attacking Turkey. " * 500})
        assert "budget" in error_of(r, 503)


def _post_in_thread(c: TestClient, out: list[httpx.Response]) -> threading.Thread:
    t = threading.Thread(target=lambda: out.append(c.post("/api/code", json={"text": TEXT})))
    t.start()
    return t


def test_coding_runs_off_the_event_loop(db: Path) -> None:
    with client_for(db, FakeCoder(delay=1.5)) as c:
        c.get("/api/meta")  # warm up
        done: list[httpx.Response] = []
        t = _post_in_thread(c, done)
        time.sleep(0.2)
        start = time.monotonic()
        assert c.get("/api/events?limit=1&offset=2").status_code == 200
        assert time.monotonic() - start < 0.7, "a read waited for the coding"
        t.join()
        assert done[0].status_code == 200


def test_codings_beyond_the_slots_get_503_with_retry_after(db: Path) -> None:
    with client_for(db, FakeCoder(delay=1.0), max_codings=1) as c:
        done: list[httpx.Response] = []
        t = _post_in_thread(c, done)
        time.sleep(0.3)
        r = c.post("/api/code", json={"text": TEXT})
        assert "try again" in error_of(r, 503)
        assert r.headers["retry-after"].isdigit()
        t.join()
        assert done[0].status_code == 200
        assert c.post("/api/code", json={"text": TEXT}).status_code == 200


def test_off_localhost_coding_needs_the_token(db: Path) -> None:
    settings = ServeSettings(code_needs_token=True)
    with TestClient(create_app(db, coder_factory=FakeCoder, settings=settings)) as c:
        assert "--token" in error_of(c.post("/api/code", json={"text": TEXT}), 403)
    with TestClient(create_app(db, coder_factory=FakeCoder, settings=settings,
                               code_token="s3cret-token")) as c:
        assert "Authorization" in error_of(c.post("/api/code", json={"text": TEXT}), 401)
        error_of(c.post("/api/code", json={"text": TEXT},
                        headers={"Authorization": "Bearer wrong-token"}), 401)
        r = c.post("/api/code", json={"text": TEXT},
                   headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200 and r.json()["stored"] is False
        assert c.get("/api/meta").status_code == 200  # reading stays open


def test_serve_off_localhost_passes_code_needs_token(monkeypatch: pytest.MonkeyPatch,
                                                     db: Path) -> None:
    import uvicorn
    from click.testing import CliRunner

    from eventwire.cli import cli

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0",
                                 "--max-text-chars", "500", "--code-timeout", "3"])
    assert r.exit_code == 0, r.output
    state = seen["app"].state.eventwire
    assert state.settings.code_needs_token and state.code_token is None
    assert state.settings.max_text_chars == 500 and state.settings.code_timeout == 3
    assert "refused" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert not seen["app"].state.eventwire.settings.code_needs_token


class _Boom:
    version = "boom"

    def code_articles(self, articles: Any, *, deadline: float | None = None) -> Any:
        raise RuntimeError("cannot open /srv/secret/eventwire/models/x.bin")


def test_a_500_says_nothing_about_the_server(db: Path) -> None:
    with client_for(db, _Boom()) as c:
        r = c.post("/api/code", json={"text": TEXT})
        message = error_of(r, 500)
        assert "/srv" not in r.text and "secret" not in r.text and "internal error" in message


def test_a_coder_failure_is_a_generic_500(db: Path) -> None:
    with client_for(db, FakeCoder(fail_on="Iran")) as c:
        message = error_of(c.post("/api/code", json={"text": TEXT}), 500)
        assert "coder failed" in message and "cannot code" not in message


def test_a_broken_store_is_a_generic_500_without_its_path(tmp_path: Path) -> None:
    path = tmp_path / "gone.duckdb"
    with Store(path) as store:
        store.ingest(numbered_articles(2), FakeCoder())
    with client_for(path) as c:
        path.unlink()
        path.write_bytes(b"not a database at all" * 100)
        r = c.get("/api/meta")
        assert r.status_code == 500 and str(tmp_path) not in r.text


def test_a_store_locked_by_another_process_is_a_plain_503(db: Path) -> None:
    app = create_app(db, coder_factory=FakeCoder, settings=ServeSettings(lock_wait=0.3))
    with TestClient(app) as c, _holder(db):
        r = c.get("/api/events")
        message = error_of(r, 503)
        assert "busy" in message and "lock" not in message.lower() and str(db) not in r.text
        assert r.headers["retry-after"] == "2"
    with TestClient(app) as c:  # once released, the same app reads again
        assert c.get("/api/events").json()["total"] == 5


def _holder(db: Path) -> Any:
    from contextlib import contextmanager

    @contextmanager
    def hold() -> Iterator[None]:
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(db)!r})
            print("locked", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "locked"
        try:
            yield
        finally:
            proc.stdin.close()
            proc.wait(timeout=10)

    return hold()


def test_a_request_waits_out_a_short_commit(db: Path) -> None:
    """A lock held for less than lock_wait (an ingest's commit) only delays the answer."""
    app = create_app(db, coder_factory=FakeCoder, settings=ServeSettings(lock_wait=5.0))
    with TestClient(app) as c:
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, time
            con = duckdb.connect({str(db)!r})
            print("locked", flush=True)
            time.sleep(0.8)
            con.close()
        """)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        r = c.get("/api/events")
        proc.wait(timeout=10)
        assert r.status_code == 200 and r.json()["total"] == 5


def test_a_waiting_writer_gets_in_between_busy_readers(db: Path) -> None:
    """Readers that overlap without a gap would starve an ingest; a waiting writer's marker
    makes them pause until it has committed."""
    app = create_app(db, coder_factory=FakeCoder, settings=ServeSettings(lock_wait=5.0))
    statuses: list[int] = []
    stop = threading.Event()
    with TestClient(app) as c:
        def read() -> None:
            while not stop.is_set():
                statuses.append(c.get("/api/events", params={"limit": 2}).status_code)

        readers = [threading.Thread(target=read) for _ in range(4)]
        for t in readers:
            t.start()
        try:
            time.sleep(0.3)
            writer = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
                import time
                from eventwire.store import connect
                start = time.monotonic()
                con = connect({str(db)!r}, read_only=False, lock_wait=10, announce=True)
                con.execute("CREATE TABLE IF NOT EXISTS scratch (x INT)")
                con.close()
                print(time.monotonic() - start)
            """)], capture_output=True, text=True, timeout=30)
        finally:
            stop.set()
            for t in readers:
                t.join()
    assert writer.returncode == 0, writer.stderr
    assert float(writer.stdout) < 3.0
    assert statuses and set(statuses) == {200}
