"""Grouping wire copies into stories: URL keys and MinHash signatures (`StoryIndex`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

import numpy as np


def clean_url(url: str | None) -> str | None:
    """The URL used as a dedup key: trimmed, without ``#fragment``; None when empty."""
    if not url:
        return None
    url = url.strip().split("#", 1)[0]
    return url or None


# --------------------------------------------------------------------------- stories


_WORD = re.compile(r"\w+")
_P = (1 << 61) - 1


def _h(data: str, size: int) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=size).digest(), "big")


class StoryIndex:
    """Groups near-duplicate articles (wire copies, lightly edited) into stories.

    Rule: an article's *lead* is the first `LEAD_CHARS` characters of its whitespace-normalised,
    lower-cased text; its shingles are the word `SHINGLE`-grams of the lead. Two articles are the
    same story when the Jaccard similarity of their shingle sets, estimated by a `NUM_PERM`-value
    MinHash signature, is at least `THRESHOLD` and their publication dates are at most
    `WINDOW_DAYS` apart (an article without a date matches on text alone). A new article takes
    the story_id of its most similar stored (or earlier in the batch) article; with no match it
    starts a story whose id is its own content hash. Stories are never merged afterwards, so a
    story_id never changes once written.

    Cost: signatures are cut into `BANDS` bands of `ROWS` values (LSH), stored as one row per band
    in ``story_bands``; candidates are found by one hash join per batch and only those are
    compared, so the work per article does not grow with the size of the store. With 20 bands of
    3, a pair at Jaccard 0.6 is a candidate with probability 0.99, a pair at 0.2 with 0.15.
    An article at least `COPY_THRESHOLD` similar to the story member it joined is a copy: its
    signature and bands are not stored (it adds no candidate its original does not), so a story
    copied a thousand times still yields one candidate row per band, not a thousand.
    """

    LEAD_CHARS = 1000
    SHINGLE = 5
    NUM_PERM = 60
    BANDS = 20
    ROWS = 3
    THRESHOLD = 0.6
    COPY_THRESHOLD = 0.9
    WINDOW_DAYS = 3

    _PERMS: tuple[tuple[int, int], ...] = tuple(
        (_h(f"a{i}", 8) % (_P - 1) + 1, _h(f"b{i}", 8) % _P) for i in range(NUM_PERM))

    @classmethod
    def signature(cls, text: str) -> tuple[int, ...] | None:
        """MinHash of the lead's word shingles; None for a text without words."""
        lead = " ".join(text.split())[: cls.LEAD_CHARS].lower()
        words = _WORD.findall(lead)
        if not words:
            return None
        n = min(cls.SHINGLE, len(words))
        shingles = {_h(" ".join(words[i:i + n]), 4) for i in range(len(words) - n + 1)}
        return _minhash(np.fromiter(shingles, np.uint64, len(shingles)))

    @classmethod
    def bands(cls, sig: Sequence[int]) -> list[int]:
        """One signed 64-bit key per band (band number included, so bands never collide)."""
        keys = []
        for band in range(cls.BANDS):
            part = sig[band * cls.ROWS:(band + 1) * cls.ROWS]
            keys.append(_h(f"{band}:" + ",".join(map(str, part)), 8) - (1 << 63))
        return keys

    @staticmethod
    def similarity(a: Sequence[int], b: Sequence[int]) -> float:
        return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)

    @classmethod
    def near(cls, d1: date | None, d2: date | None) -> bool:
        return d1 is None or d2 is None or abs((d1 - d2).days) <= cls.WINDOW_DAYS


_A = np.array([a for a, _ in StoryIndex._PERMS], np.uint64)
_B = np.array([b for _, b in StoryIndex._PERMS], np.uint64)
_A_HI, _A_LO = _A >> np.uint64(32), _A & np.uint64(0xFFFFFFFF)
_M61, _M29 = np.uint64(_P), np.uint64((1 << 29) - 1)


def _mod_p(x: np.ndarray) -> np.ndarray:
    """x mod 2^61-1 for x < 2^64 (a Mersenne prime: 2^61 = 1)."""
    x = (x & _M61) + (x >> np.uint64(61))
    return np.where(x >= _M61, x - _M61, x)


def _minhash(shingles: np.ndarray) -> tuple[int, ...]:
    """min over shingles x of (a*x + b) mod 2^61-1 for every permutation (a, b): exactly the
    integer formula, in uint64 arithmetic (x < 2^32, a and b < 2^61) over all shingles at once.

    a*x = a_hi*x*2^32 + a_lo*x; with t = a_hi*x < 2^61 split at bit 29, t*2^32 = t_hi*2^61 +
    t_lo*2^32, which is t_hi + t_lo*2^32 mod P. Every partial sum stays below 2^64.
    """
    x = shingles[:, None]
    t = _A_HI[None, :] * x
    high = (t >> np.uint64(29)) + ((t & _M29) << np.uint64(32))      # < 2^32 + 2^61
    low = _mod_p(_A_LO[None, :] * x)                                  # a_lo*x < 2^64
    total = _mod_p(_mod_p(high) + low + _B[None, :])                  # < 3 * 2^61
    return tuple(int(v) for v in total.min(axis=0))


# --------------------------------------------------------------------------- store
