"""The one progress bar of `eventwire code` and `eventwire ingest` (rich), on stderr.

It shows articles done (of the total when known), a bar, the rate in articles and sentences
per second, the time spent and the ETA. `enabled=None` means "when stderr is a terminal":
a pipe, a file or a CI log gets nothing. Messages written to stderr while it runs (rejected
records, warnings) are printed above it; stdout (events on `code` without `-o`) is left alone.
Asked for (``--progress``) where stderr is not a terminal, it writes plain lines instead, one
per store batch or every few seconds, without control codes.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType

PLAIN_EVERY = 2.0  # seconds between plain lines of `advance`


def is_terminal() -> bool:
    return sys.stderr.isatty()


__all__ = ["ProgressBar"]


class ProgressBar:
    """``with ProgressBar(total) as bar: bar.advance(sentences=12)``; silent when disabled."""

    def __init__(
        self, total: int | None = None, *, enabled: bool | None = None, what: str = "articles"
    ) -> None:
        self.enabled = is_terminal() if enabled is None else enabled
        self.plain = self.enabled and not is_terminal()
        self.start = time.monotonic()
        self._last_line = 0.0
        self.total = total
        self.what = what
        self.done = 0
        self.sentences = 0
        self._progress: object | None = None
        self._task: object | None = None

    def __enter__(self) -> ProgressBar:
        self.start = time.monotonic()
        if not self.enabled or self.plain:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=sys.stderr, force_terminal=True)  # is_terminal() said so
        columns = [
            TextColumn("{task.description}"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[note]}"),
        ]
        progress = Progress(
            *columns, console=console, redirect_stdout=False, redirect_stderr=True, transient=False
        )
        progress.start()
        self._progress = progress
        self._task = progress.add_task(self.what, total=self.total, rate="", note="")
        return self

    def advance(self, n: int = 1, *, sentences: int = 0, note: str | None = None) -> None:
        """`n` more articles (with their `sentences`); `note` is shown after the bar."""
        self.done += n
        self.sentences += sentences
        if self.plain:
            now = time.monotonic()
            if now - self._last_line >= PLAIN_EVERY or self.done == self.total:
                self._last_line = now
                self._line(note)
        self._show(note)

    def update(self, done: int, *, note: str | None = None) -> None:
        """Set the articles done (a store batch reports its running count)."""
        self.done = done
        if self.plain:
            self._line(note)
        self._show(note)

    def _line(self, note: str | None) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        line = f"{self.done}{of} {self.what}, {rate:.1f} art/s"
        if self.total and rate > 0:
            left = max(self.total - self.done, 0) / rate
            line += f", ETA {int(left // 60)}:{int(left % 60):02d}"
        sys.stderr.write(f"{note}: {line}\n" if note else f"{line}\n")
        sys.stderr.flush()

    def _show(self, note: str | None) -> None:
        if self._progress is None:
            return
        from rich.progress import Progress, TaskID

        assert isinstance(self._progress, Progress) and isinstance(self._task, int)
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = ""
        if elapsed > 0:
            rate = f"{self.done / elapsed:.1f} art/s"
            if self.sentences:
                rate += f" {self.sentences / elapsed:.0f} sent/s"
        self._progress.update(TaskID(self._task), completed=self.done, rate=rate, note=note or "")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            from rich.progress import Progress

            assert isinstance(self._progress, Progress)
            self._progress.stop()
            self._progress = None
