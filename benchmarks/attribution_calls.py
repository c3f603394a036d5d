"""Python calls of ``helpers.attributions`` under cProfile on a fixed set of AllSides articles.

A count that a loaded machine does not blur (wall and CPU times do): the total calls, then the calls,
own time and cumulative time of the attribution functions with the most own time. The articles are
the first ``--n`` of ``../shared/corpora/allsides_baly2020/articles.jsonl`` shuffled with seed 2016,
after one warm-up text (word lists and model loaded).

    .venv/bin/python benchmarks/attribution_calls.py            # 150 articles, top 15
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def main() -> None:
    """Profile the attribution of ``--n`` articles and print the call counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="articles (default 150)")
    parser.add_argument("--top", type=int, default=15, help="functions to list (default 15)")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} is missing: this benchmark needs ../shared")
    texts = list(helpers.read_corpus(CORPUS).sample(frac=1.0, random_state=2016).head(args.n)["text"])
    helpers.attributions("Officials said talks went well, a senior official said.")
    profile = cProfile.Profile()
    profile.enable()
    for text in texts:
        helpers.attributions(text)
    profile.disable()
    stats = pstats.Stats(profile)
    print(f"{len(texts)} articles: {stats.total_calls:,} Python calls")
    rows = [(k, v) for k, v in stats.stats.items() if "/attribution/" in k[0]]
    rows.sort(key=lambda kv: -kv[1][2])
    print(f"{'function':45s} {'calls':>8s} {'own s':>7s} {'cum s':>7s}")
    for (path, _, name), (_, calls, own, cum, _) in rows[: args.top]:
        print(f"{Path(path).name + ':' + name:45s} {calls:8d} {own:7.3f} {cum:7.3f}")


if __name__ == "__main__":
    main()
