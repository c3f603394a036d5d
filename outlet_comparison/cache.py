"""One place for every memoised loader: ``memoize`` registers a cache, ``clear`` empties them all.

Word lists, compiled patterns, tokenizers and sentence spans are cached by file path (or text),
so an edited word list is only re-read after ``clear()`` (or a kernel restart).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_CACHES: list = []


def memoize(maxsize: int = 8) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` that ``clear()`` can reach."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear() -> int:
    """Empty every registered cache (after editing a word list in place); returns how many there are."""
    for cached in _CACHES:
        cached.cache_clear()
    return len(_CACHES)
