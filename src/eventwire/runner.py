"""Run the coder over a stream of read items, in one process or several.

Readers yield `Article | InputError`; this passes errors through in order and codes the
articles, either with one `Coder` or with N worker processes (each loads the pipeline
once). Memory stays bounded: items are consumed in chunks, never all at once.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from .config import Config
from .errors import InputError
from .model import Article

if TYPE_CHECKING:
    from .coder import ArticleResult, Coder

_WORKER: Coder | None = None


def _init_worker(cfg: Config) -> None:
    global _WORKER
    from .coder import Coder

    _WORKER = Coder(cfg)


def _code_chunk(articles: list[Article]) -> list[ArticleResult]:
    assert _WORKER is not None
    return list(_WORKER.code_articles(articles))


def run_coding(items: Iterable[Article | InputError], cfg: Config, *,
               coder: Coder | None = None, progress: bool = False, total: int | None = None
               ) -> Iterator[ArticleResult | InputError]:
    """Yield an `ArticleResult` per article and pass `InputError`s through. With
    `progress`, a line on stderr shows articles, rate and (given `total`) the ETA."""
    bar = _Progress(total) if progress else None
    chunk_size = cfg.batch_size
    it = iter(items)
    if cfg.workers <= 1:
        if coder is None:
            from .coder import Coder

            coder = Coder(cfg)
        while True:
            chunk = list(itertools.islice(it, chunk_size))
            if not chunk:
                break
            errors = [x for x in chunk if isinstance(x, InputError)]
            yield from errors
            arts = [x for x in chunk if isinstance(x, Article)]
            for res in coder.code_articles(arts):
                if bar:
                    bar.tick(res.sentences)
                yield res
        if bar:
            bar.close()
        return
    with ProcessPoolExecutor(max_workers=cfg.workers, initializer=_init_worker,
                             initargs=(cfg,)) as pool:
        pending: list = []
        while True:
            chunk = list(itertools.islice(it, chunk_size))
            if chunk:
                errors = [x for x in chunk if isinstance(x, InputError)]
                arts = [x for x in chunk if isinstance(x, Article)]
                pending.append((errors, pool.submit(_code_chunk, arts)))
            while pending and (len(pending) > 2 * cfg.workers or not chunk):
                errs, fut = pending.pop(0)
                yield from errs
                for res in fut.result():
                    if bar:
                        bar.tick(res.sentences)
                    yield res
            if not chunk and not pending:
                break
    if bar:
        bar.close()


class _Progress:
    """A progress line on stderr: articles done, rate, sentences/s and ETA."""

    def __init__(self, total: int | None = None) -> None:
        self.start = time.monotonic()
        self.total = total
        self.n = 0
        self.sents = 0

    def tick(self, sentences: int) -> None:
        self.n += 1
        self.sents += sentences
        if self.n % 10 == 0:
            dt = max(time.monotonic() - self.start, 1e-6)
            rate = self.n / dt
            line = f"\r{self.n} articles  {rate:.1f} art/s  {self.sents / dt:.0f} sent/s"
            if self.total:
                left = max(self.total - self.n, 0) / max(rate, 1e-6)
                pct = 100 * self.n / self.total
                line += f"  {pct:.0f}%  ETA {int(left // 60)}m{int(left % 60):02d}s"
            sys.stderr.write(line + "   ")
            sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
