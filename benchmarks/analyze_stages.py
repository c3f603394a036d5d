"""Process CPU of each stage of ``helpers.analyze`` on N AllSides articles, one worker: where the time goes.

Started in a checkout (it imports the checkout it is started in, so a copy of it can time an older
checkout too: 2116d1c's layout, ``outlet_comparison/attribution``, is recognised):

    (cd <checkout> && .venv/bin/python <path>/benchmarks/analyze_stages.py 300)

Each measure of ``features_of`` and each stage of ``attribution_rows`` is wrapped with a ``process_time``
accumulator (no profiler, so the times are near those of a plain run; the wrappers add a few ms). The
stages nest: ``resolved>...`` lie inside ``resolved``; at 2116d1c the names are found inside ``resolve``.
Articles: the shuffle of ``analyze_cpu.py`` (seed 2016). Machine load moves single runs: compare runs
made in turn.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
NEW_STAGES = ("rule_hits", "refine", "act_hits", "late_hits", "after_cues", "with_carried", "find_names")
NEW_STAGES += ("resolved", "rows_of")
OLD_STAGES = ("rule_hits", "refine", "not_a_statement", "trim_source", "is_label", "resolve")
OLD_STAGES += ("document_calls_for", "anonymity_reason", "_row")


def timed(label: str, fn: Callable) -> Callable:
    """``fn`` adding its process CPU and calls to ``TIMES[label]`` and ``CALLS[label]``."""

    def run(*args, **kwargs):
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[label] += time.process_time() - t0
            CALLS[label] += 1

    return run


def wrap_stages() -> None:
    """Wrap the measures and the attribution stages of the checkout imported (either layout)."""
    try:
        from outlet_comparison.corpus import measures
        from outlet_comparison.instruments.attribution import extract
    except ImportError:  # 2116d1c
        from outlet_comparison.attribution import extract  # type: ignore[no-redef]
        from outlet_comparison.attribution import resolve as old_resolve

        from outlet_comparison import measures  # type: ignore[no-redef]

        for name in OLD_STAGES:
            setattr(extract, name, timed(f"attr {name}", getattr(extract, name)))
        old_resolve.find_names = timed("attr resolve>find_names", old_resolve.find_names)
    else:
        for name in NEW_STAGES:
            setattr(extract, name, timed(f"attr {name}", getattr(extract, name)))
        for name in ("resolve", "shared_cue_hits", "relative_cue_hits"):
            setattr(extract, name, timed(f"attr resolved>{name}", getattr(extract, name)))
    measures.MEASURES = tuple(
        dataclasses.replace(m, features=timed(f"measure {m.features.__name__}", m.features))
        for m in measures.MEASURES
    )


def main(argv: list[str]) -> int:
    """Print the CPU of the whole analysis of N articles (default 300) and of each stage."""
    n = int(argv[0]) if argv else 300
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not there (../shared)")
        return 0
    wrap_stages()
    sub = helpers.read_corpus(CORPUS).sample(frac=1.0, random_state=2016).head(n)
    helpers.analyze(["Officials said talks went well, a senior official said."], workers=1, progress=False)
    TIMES.clear()
    CALLS.clear()
    t0 = time.process_time()
    helpers.analyze(sub, workers=1, progress=False)
    print(f"N={n} cpu={time.process_time() - t0:.2f}s")
    for label in sorted(TIMES):
        print(f"{label:34s} {TIMES[label]:7.3f} s {CALLS[label]:7d} calls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
