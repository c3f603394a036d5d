"""One place for every memoised loader: ``memoize`` registers a cache, ``clear`` empties them all.

Word lists, compiled patterns, tokenizers and sentence spans are cached by file path (or text),
so an edited word list is only re-read after ``clear()`` (or a kernel restart).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)
A = TypeVar("A")
V = TypeVar("V")

_CACHES: list = []


def memoize(maxsize: int = 8) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` that ``clear()`` can reach."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def by_identity(fn: Callable[[A], V], size: int = 8) -> Callable[[A], V]:
    """``fn`` of one immutable argument that is dear to hash, looked up by the argument's identity first.

    A tuple of compiled patterns hashes every pattern (about 20 µs for 40 of them), more than the searches
    it serves; put this in front of the ``memoize``d function. The argument is kept with its answer, so
    its id cannot be reused while the entry lives; the answer is the argument's, so ``clear`` need not
    reach it.
    """
    memo: dict[int, tuple[A, V]] = {}

    def front(arg: A) -> V:
        got = memo.get(id(arg))
        if got is None or got[0] is not arg:
            if len(memo) >= size:
                memo.clear()
            got = memo[id(arg)] = (arg, fn(arg))
        return got[1]

    return front


def clear() -> int:
    """Empty every registered cache (after editing a word list in place); returns how many there are."""
    for cached in _CACHES:
        cached.cache_clear()
    return len(_CACHES)
