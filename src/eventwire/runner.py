"""Run the coder over a stream of read items, in one process or several.

Readers yield `Article | InputError`; this passes errors through in order and codes the
articles, either with one `Coder` or with N worker processes (each loads the pipeline
once). Memory stays bounded: items are consumed in chunks, never all at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from .config import Config
from .errors import InputError
from .model import Article
from .progress import ProgressBar

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
    `progress`, a bar on stderr shows articles, rate and (given `total`) the ETA."""
    with ProgressBar(total, enabled=progress) as bar:
        yield from _run(items, cfg, coder, bar)


def _run(items: Iterable[Article | InputError], cfg: Config, coder: Coder | None,
         bar: ProgressBar) -> Iterator[ArticleResult | InputError]:
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
                bar.advance(sentences=res.sentences)
                yield res
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
                    bar.advance(sentences=res.sentences)
                    yield res
            if not chunk and not pending:
                break
