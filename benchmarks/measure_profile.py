"""Where corpus mode spends its time: seconds per registered measure, then a cProfile of all of them.

Runs in one process on ``--n`` AllSides articles (a fixed sample, seed 2016) from
``../shared/corpora/allsides_baly2020/articles.jsonl``. Each measure is timed over all articles
after a warm-up article (word lists loaded), in registry order, so sentence spans are split
in ``size`` and shared by the later measures as in ``features_of``. Then, with the caches cleared,
``features_of`` runs under cProfile and the top functions by own and cumulative time are printed
(cProfile slows small functions most: read its numbers as where, not how much).

    .venv/bin/python benchmarks/measure_profile.py            # 300 articles
    .venv/bin/python benchmarks/measure_profile.py --n 100 --top 40
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402
from outlet_comparison.corpus.engines import WARMUP_TEXT as _WARMUP  # noqa: E402
from outlet_comparison.corpus.measures import MEASURES, Settings, features_of  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def sample(n: int) -> list[str]:
    """``n`` article texts, a fixed sample of the AllSides corpus."""
    corpus = helpers.read_corpus(CORPUS)
    return corpus.sample(n=min(n, len(corpus)), random_state=2016)["text"].tolist()


def time_measures(texts: list[str], settings: Settings) -> list[tuple[str, float]]:
    """(measure, seconds over all texts) for every registered measure, in registry order."""
    out = []
    helpers.clear_caches()
    for m in MEASURES:
        m.features(_WARMUP, len(helpers.words(_WARMUP)), settings)
        t0 = time.process_time()
        for text in texts:
            m.features(text, len(helpers.words(text)), settings)
        out.append((m.name, time.process_time() - t0))
    return out


def time_naive(texts: list[str]) -> float:
    """CPU seconds of the naive loop of ``corpus_throughput.py`` on the same texts (warmed up first)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus_throughput import naive

    naive([_WARMUP])
    t0 = time.process_time()
    naive(texts)
    return time.process_time() - t0


def profile(texts: list[str], settings: Settings, top: int) -> str:
    """The cProfile report of ``features_of`` over all texts: top functions by own and cumulative time."""
    helpers.clear_caches()
    features_of(_WARMUP, settings)
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        features_of(text, settings)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main() -> None:
    """Parse arguments, time each measure, print the profile."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--top", type=int, default=30, help="functions listed per ordering (default 30)")
    ap.add_argument("--no-profile", action="store_true", help="only the per-measure timing")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"../shared not found: {CORPUS} is missing; nothing to profile.")
        return
    texts, settings = sample(args.n), Settings()
    n_words = sum(len(helpers.words(t)) for t in texts)
    print(f"{len(texts)} articles, {n_words:,} words; CPU seconds per measure (one process):")
    timings = time_measures(texts, settings)
    total = sum(s for _, s in timings)
    for name, secs in timings:
        print(f"  {name:<12} {secs:7.2f} s {1e6 * secs / n_words:6.2f} us/word {100 * secs / total:5.1f} %")
    print(f"  {'total':<12} {total:7.2f} s {1e6 * total / n_words:6.2f} us/word")
    secs = time_naive(texts)
    print(f"  {'naive loop':<12} {secs:7.2f} s {1e6 * secs / n_words:6.2f} us/word (one process, same texts)")
    print(f"  two workers at 2x against one naive process: ratio ~ {2 * secs / total:.2f}")
    if not args.no_profile:
        print(profile(texts, settings, args.top))


if __name__ == "__main__":
    main()
