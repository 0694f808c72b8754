"""The event store: one embedded DuckDB file with articles, events and input failures.

Modules: `schema` (tables and views), `stories` (wire copies grouped into stories),
`files` (opening a file, the lock, checks), `core` (`Store`: ingest and loading).

Tables (the `events` columns are derived from `Event.model_fields`, nothing is listed twice):

- ``articles``  one row per article seen, keyed by `Article.content_hash` (so a re-run is
  idempotent): input id, source, url, title, pub_date, status ('coded' | 'failed'), error,
  coder_version, story_id, n_events, ingested_at (UTC).
- ``events``    one row per coded event, every `Event` field plus ``article_hash`` and
  ``story_id``.
- ``failures``  input records that could not be read (line, input_id, reason, source_file, at).
- ``story_sketches`` / ``story_bands``  MinHash signatures used to group wire copies into stories
  (see `StoryIndex`).

Views:

- ``event_counts``  per (event_date, source_code, target_code, cameo_code): ``mentions`` (events),
  ``sources`` (distinct outlets: article source, else the URL host), ``articles`` (distinct
  articles) and ``stories`` (distinct story_id) — GDELT's NumMentions / NumSources / NumArticles,
  plus the number of independent stories behind them.
- ``events_one_a_day``  each (event_date, source_code, target_code, cameo_code) once: the event with
  the smallest event_id, with the counts above attached.

Skip and recode rule of `Store.ingest` (the ``--recode`` flag):

- an article whose content hash is not stored is coded;
- a stored article is skipped, unless ``recode=True`` and it was coded by a different
  ``coder.version`` (dictionaries or code changed) or its coding failed; then its old events are
  deleted and the new ones written in the same transaction;
- within one input, and against the store, the same article arriving twice — the same
  normalised text (content hash) or the same URL — is coded once; later copies count as
  ``duplicates``. URLs are compared after trimming spaces and dropping a ``#fragment``.

Every batch (articles + their events + input failures) is written in one transaction, so a
killed run leaves whole batches only and resumes where it stopped.

Sharing the file: DuckDB lets one process open it read-write *or* many processes open it
read-only. `eventwire ingest` builds its `Store` with ``hold=False``: it opens the file for each
batch's commit (and the next batch's lookups) only, waiting with backoff while another process
holds the lock, and never while coding; `eventwire serve` opens a connection per request. So a
server and an ingest share the file, taking turns of a few milliseconds to a second.
"""

from .core import ArticleResultLike, CoderLike, IngestStats, Store
from .files import (
    check_store_file,
    connect,
    is_lock_conflict,
    is_parquet_input,
    open_error,
    parquet_files,
    waiting_marker,
)
from .schema import EVENT_COLUMNS
from .stories import StoryIndex, clean_url

__all__ = ["EVENT_COLUMNS", "ArticleResultLike", "CoderLike", "IngestStats", "Store", "StoryIndex",
           "check_store_file", "clean_url", "connect", "is_lock_conflict", "is_parquet_input",
           "open_error", "parquet_files", "waiting_marker"]
