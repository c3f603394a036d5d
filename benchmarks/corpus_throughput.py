"""Corpus-mode throughput: helpers.analyze vs a naive per-article loop, words/s and peak memory.

Runs on ``../shared/corpora/allsides_baly2020/articles.jsonl`` (5,728 articles, ~5.0M words) for
N = 500, 2,000 and all articles (a fixed shuffle, seed 2016, so every N is a prefix of the next),
and prints one table. ``words`` are ``helpers.words`` tokens of each text.

- ``analyze``: ``helpers.analyze(sub, engine, workers)``, the full feature set (frames, sentiment,
  attribution, readability; helpers not merged yet are reported and their columns are NaN). For
  Dask without ``--scheduler`` the time includes starting a LocalCluster and loading the helpers
  in every worker.
- ``naive``: one process, per article: sentence split (``helpers.sentences``), VADER on every
  sentence (a fresh ``polarity_scores`` call each), and seven textstat formulas on the whole text.

Both are timed warm: before each timing, one short text goes through both paths untimed, so the
word lists, the CRF, Punkt, VADER's lexicon and textstat's pronunciation dictionary are loaded
once for both (before, analyze paid these loads and the naive loop then reused them). The first
warm-up of the run, the start-up a fresh process pays once, is printed on its own line.

Peak memory is the highest sum of PSS (proportional set size, so pages shared by forked workers
are not double counted) over this process and all its children, sampled every 0.2 s.

    .venv/bin/python benchmarks/corpus_throughput.py                # 500, 2000, all
    .venv/bin/python benchmarks/corpus_throughput.py --sizes 500 --workers 2 --engine dask
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402
from outlet_comparison.corpus.engines import WARMUP_TEXT  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
TEXTSTAT_FORMULAS = helpers.READABILITY_FORMULAS  # the seven formulas, by textstat function name


class PeakMemory:
    """Context manager sampling the summed PSS of this process tree; ``.peak_mb`` afterwards."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()

    def _sample(self) -> None:
        """Record the current summed PSS (RSS where PSS is unavailable)."""
        me = psutil.Process()
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                info = p.memory_full_info()
                total += getattr(info, "pss", info.rss)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        """Sample until stopped."""
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._sample()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def peak_mb(self) -> float:
        """Peak in MB."""
        return self.peak / 2**20


@functools.lru_cache(maxsize=1)
def _vader():
    """One VADER analyser (canonical lexicon of the vaderSentiment package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def naive(texts: list[str]) -> list[dict[str, float]]:
    """The naive baseline: split sentences, VADER per sentence, seven textstat formulas; one process."""
    import textstat

    vader, out = _vader(), []
    for text in texts:
        sents = helpers.sentences(text)
        comp = [vader.polarity_scores(s)["compound"] for s in sents]
        row = {"sentences": len(sents), "mean_compound": sum(comp) / len(comp) if comp else float("nan")}
        row.update({f: getattr(textstat, f)(text) for f in TEXTSTAT_FORMULAS})
        out.append(row)
    return out


def warm(settings) -> float:
    """Seconds to load every resource of both paths once, on one short text (untimed elsewhere)."""
    t0 = time.perf_counter()
    helpers.analyze([WARMUP_TEXT], workers=1, progress=False, settings=settings)
    naive([WARMUP_TEXT])
    return time.perf_counter() - t0


def timed(fn, *args, **kwargs) -> tuple[object, float, float]:
    """(result, seconds, peak MB) of one call."""
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        res = fn(*args, **kwargs)
        secs = time.perf_counter() - t0
    return res, secs, mem.peak_mb


def main() -> None:
    """Parse arguments, run every size, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", nargs="+", default=["500", "2000", "all"])
    ap.add_argument("--engine", choices=["local", "dask"], default="local")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument(
        "--scheduler", default=None, help="dask scheduler address (default: a LocalCluster per run)"
    )
    ap.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    ap.add_argument(
        "--rules-only", action="store_true", help="attribution by the rules alone (no CRF): the faster option"
    )
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"../shared not found: {args.corpus} is missing; nothing to benchmark.")
        return
    t0 = time.perf_counter()
    corpus = helpers.read_corpus(args.corpus)
    load_s = time.perf_counter() - t0
    order = corpus.sample(frac=1.0, random_state=2016)
    cpus = len(os.sched_getaffinity(0))
    workers = args.workers or cpus
    print(f"corpus: {args.corpus} ({len(corpus):,} articles, read in {load_s:.1f} s)")
    print(f"engine: {args.engine}, workers: {workers}, CPUs usable: {cpus}")
    print(
        "load average (1, 5, 15 min) at start: {:.2f} {:.2f} {:.2f} (the CPUs may be shared)".format(
            *os.getloadavg()
        )
    )
    settings = (
        helpers.Settings(attribution=helpers.AttributionLexicons(learned=False)) if args.rules_only else None
    )
    print(f"attribution: {'rules only (--rules-only)' if args.rules_only else 'rules + CRF (the default)'}")
    print(f"start-up (one short text through both paths, loads every resource once): {warm(settings):.1f} s")
    print()
    head = (
        f"{'N':>6} {'words':>10} {'analyze s':>9} {'words/s':>9} {'peak MB':>8} {'us/word':>7}"
        f" {'naive s':>8} {'naive w/s':>9} {'naive MB':>8} {'ratio':>6}"
    )
    print(head)
    print("-" * len(head))
    rows = []
    for size in args.sizes:
        n = len(order) if size == "all" else min(int(size), len(order))
        sub = order.iloc[:n]
        n_words = sum(len(helpers.words(t)) for t in sub["text"])
        warm(settings)
        res, secs, mb = timed(
            helpers.analyze,
            sub,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            progress=False,
            settings=settings,
        )
        assert len(res) == n and (res["words"].to_numpy() > -1).all()
        row = {"N": n, "words": n_words, "analyze_s": secs, "words_per_s": n_words / secs, "peak_mb": mb}
        us = 1e6 * secs / n_words
        line = f"{n:>6} {n_words:>10,} {secs:>9.1f} {n_words / secs:>9,.0f} {mb:>8.0f} {us:>7.1f}"
        if not args.no_naive:
            helpers.clear_caches()  # the naive loop must split sentences itself
            warm(settings)  # ... with Punkt loaded again, as analyze had it
            _, nsecs, nmb = timed(naive, sub["text"].tolist())
            row.update(
                naive_s=nsecs, naive_words_per_s=n_words / nsecs, naive_peak_mb=nmb, ratio=nsecs / secs
            )
            line += f" {nsecs:>8.1f} {n_words / nsecs:>9,.0f} {nmb:>8.0f} {nsecs / secs:>6.2f}"
        helpers.clear_caches()  # no warm cache carried into the next size
        print(line, flush=True)
        rows.append(row)
    print()
    print("load average (1, 5, 15 min) at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("ratio = naive seconds / analyze seconds on the same articles (>1: analyze is faster,")
    print("although it computes more: frames, per-sentence VADER, attribution, readability).")
    out = helpers.OUTPUT / "benchmarks"
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(out / "corpus_throughput.csv", index=False)
    print(f"table written to {out / 'corpus_throughput.csv'}")


if __name__ == "__main__":
    main()
