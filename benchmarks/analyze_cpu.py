"""CPU seconds of ``helpers.analyze`` on N AllSides articles, one worker: one line to compare checkouts.

Run it from two checkouts in turn, alternating A and B several times (paired, so the shared machine's
drift cancels in the ratio), e.g. under ``/usr/bin/time -v`` for the whole process:

    for i in 1 2 3 4 5; do
      (cd <base> && /usr/bin/time -v .venv/bin/python benchmarks/analyze_cpu.py 300) >>/tmp/B 2>&1
      (cd <this> && /usr/bin/time -v .venv/bin/python benchmarks/analyze_cpu.py 300) >>/tmp/A 2>&1
    done

It prints ``N=... words=... cpu=...s us/word=...`` (process CPU of the analysis only: a short warm-up
text goes through first, so loading word lists and models is not counted). Articles: a fixed shuffle
(seed 2016) of ``../shared/corpora/allsides_baly2020/articles.jsonl``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def main(argv: list[str]) -> int:
    """Print the CPU of ``helpers.analyze`` on the first N shuffled articles (default 300)."""
    n = int(argv[0]) if argv else 300
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not there (../shared)")
        return 0
    sub = helpers.read_corpus(CORPUS).sample(frac=1.0, random_state=2016).head(n)
    helpers.analyze(["Officials said talks went well, a senior official said."], workers=1, progress=False)
    t0 = time.process_time()
    helpers.analyze(sub, workers=1, progress=False)
    cpu = time.process_time() - t0
    words = int(sub["text"].str.split().str.len().sum())
    print(f"N={n} words={words} cpu={cpu:.2f}s us/word={cpu / words * 1e6:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
