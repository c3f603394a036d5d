"""The one-process run keeps the loaded word lists and models out of full garbage collections (issue 21
throughput) and leaves the collector as it found it."""

from __future__ import annotations

import gc

from outlet_comparison.corpus.engines import _run_local


def _counts(n_chunks: int) -> tuple[list[int], int]:
    """The freeze count seen by each article of a one-process run of ``n_chunks`` one-article chunks,
    and the count after the run."""
    seen: list[int] = []

    def fn(_text: str) -> dict[str, float]:
        seen.append(gc.get_freeze_count())
        return {}

    chunks = [[i] for i in range(n_chunks)]
    _run_local(chunks, [(i, "x") for i in range(n_chunks)], 1, lambda _c, _o: None, fn)
    return seen, gc.get_freeze_count()


def test_one_process_run_freezes_what_is_loaded_and_unfreezes_after() -> None:
    """Every article runs with the objects loaded before it (and by the first chunk) frozen; none after."""
    assert gc.get_freeze_count() == 0
    seen, after = _counts(3)
    assert all(n > 0 for n in seen) and after == 0


def test_one_process_run_leaves_a_callers_freeze_alone() -> None:
    """A caller that froze objects itself still has them frozen after the run (nothing unfrozen)."""
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        seen, after = _counts(2)
        assert seen == [before, before] and after == before
    finally:
        gc.unfreeze()
