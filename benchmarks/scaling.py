"""Does each text helper scale linearly with text length? Time per word at 10 kB to 2 MB.

Texts are built by concatenating the two seed articles (clean bodies, paragraphs kept) until
they reach each size, so every size reads the same kind of prose. For each function in
``FUNCTIONS`` and each size, the caches are emptied, the word lists are loaded on a tiny text,
and one call on the big text is timed (median of ``--repeat`` calls; textstat's own caches are
emptied too, so ``readability`` repeats cost what the first call does). A flat µs-per-word
column means linear cost.

    .venv/bin/python benchmarks/scaling.py
    .venv/bin/python benchmarks/scaling.py --sizes 10000 100000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402

# (name, function of one text): add a helper here to put it in the table.
FUNCTIONS: list[tuple[str, Callable[[str], object]]] = [
    ("frame_hits", helpers.frame_hits),
    ("segment", helpers.segment),
    ("sentences", helpers.sentences),
    ("words", helpers.words),
    ("readability", helpers.readability),
    ("sentiment", helpers.sentiment),
    ("attributions", helpers.attributions),
    ("actors", helpers.actors),
]
SIZES = (10_000, 100_000, 1_000_000, 2_000_000)


def build_text(size: int) -> str:
    """Seed article bodies concatenated (blank line between paragraphs) to at least ``size`` characters."""
    bodies = [t.strip() for t in helpers.load_articles()["text"]]
    parts, n, k = [], 0, 0
    while n < size:
        parts.append(bodies[k % len(bodies)])
        n += len(parts[-1]) + 2
        k += 1
    return "\n\n".join(parts)


def clear_library_caches() -> None:
    """Empty textstat's own lru_caches (keyed by text: a repeated call would cost nothing)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat"):
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def time_call(fn: Callable[[str], object], text: str, repeat: int) -> float:
    """Median seconds of ``repeat`` calls, each after emptying the caches (so sentence splitting counts)."""
    times = []
    for _ in range(repeat):
        helpers.clear_caches()
        clear_library_caches()
        fn("Warm-up: the word lists load here, said the official.")
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    """Print one row per (function, size): characters, words, seconds, µs per word."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = {s: build_text(s) for s in args.sizes}
    words = {s: len(helpers.words(t)) for s, t in texts.items()}
    print(
        f"{'function':<14}{'size':>10}{'chars':>11}{'words':>10}{'seconds':>10}{'us/word':>9}{'vs first':>9}"
    )
    print("-" * 73)
    for name, fn in FUNCTIONS:
        first = None
        for s in args.sizes:
            sec = time_call(fn, texts[s], args.repeat if s < 1_000_000 else 1)
            per = 1e6 * sec / words[s]
            first = first or per
            cols = f"{s:>10,}{len(texts[s]):>11,}{words[s]:>10,}"
            print(f"{name:<14}{cols}{sec:>10.2f}{per:>9.2f}{per / first:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
