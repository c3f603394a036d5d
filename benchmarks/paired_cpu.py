"""Paired CPU of ``helpers.analyze`` in several checkouts: long-lived workers take the same chunks in turn.

    .venv/bin/python benchmarks/paired_cpu.py /work/wt/base . [--chunk 50] [--chunks 24]

Each argument is a checkout with its own ``.venv``; the first is the reference. One worker process per
checkout (its own interpreter, ``sys.path`` at the checkout) loads the word lists and models once, then
analyses chunk k of a fixed shuffle (seed 2016) of the AllSides articles when asked; the workers take
each chunk in turn, the order alternating, so the shared machine's drift falls on every side alike.
Prints each side's total process CPU and, against the reference, the median and quartiles of the
per-chunk ratios (fresh-process pairs of ``analyze_cpu.py`` spread by +-30 % on a loaded machine; these
chunk ratios by +-5-10 %).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
_WORKER = """
import sys, time
sys.path.insert(0, sys.argv[1])
import helpers
chunk = int(sys.argv[2])
sub = helpers.read_corpus(sys.argv[3]).sample(frac=1.0, random_state=2016)
helpers.analyze(["Officials said talks went well, a senior official said."], workers=1, progress=False)
print("ready", flush=True)
for line in sys.stdin:
    k = int(line)
    t0 = time.process_time()
    helpers.analyze(sub.iloc[k * chunk:(k + 1) * chunk], workers=1, progress=False)
    print(f"{time.process_time() - t0:.4f}", flush=True)
"""


def _start(checkout: Path, chunk: int) -> subprocess.Popen:
    """Start one worker in ``checkout`` with that checkout's interpreter; wait until it is ready."""
    python = checkout / ".venv" / "bin" / "python"
    cmd = [str(python), "-c", _WORKER, str(checkout), str(chunk), str(CORPUS)]
    proc = subprocess.Popen(cmd, cwd=checkout, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if proc.stdout.readline().strip() != "ready":
        raise SystemExit(f"worker in {checkout} did not start")
    return proc


def _ratios(side: list[float], ref: list[float]) -> str:
    """Median and quartiles of the per-chunk ratios of ``side`` to ``ref``."""
    r = sorted(a / b for a, b in zip(side, ref, strict=True))
    q = statistics.quantiles(r, n=4)
    return f"median {statistics.median(r):.3f} (quartiles {q[0]:.3f}-{q[2]:.3f}, {len(r)} chunks)"


def main(argv: list[str]) -> int:
    """Run the workers over the chunks in turn and print the ratios to the first checkout."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkouts", nargs="+", type=Path, help="the reference first, then the others")
    ap.add_argument("--chunk", type=int, default=50, help="articles per chunk")
    ap.add_argument("--chunks", type=int, default=24, help="number of chunks")
    args = ap.parse_args(argv)
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is not there (../shared)")
        return 0
    sides = [c.resolve() for c in args.checkouts]
    procs = [_start(c, args.chunk) for c in sides]
    times: list[list[float]] = [[] for _ in procs]
    for k in range(args.chunks):
        order = range(len(procs)) if k % 2 == 0 else reversed(range(len(procs)))
        for i in order:
            procs[i].stdin.write(f"{k}\n")
            procs[i].stdin.flush()
            times[i].append(float(procs[i].stdout.readline()))
    for p in procs:
        p.stdin.close()
        p.wait()
    for side, t in zip(sides, times, strict=True):
        print(f"{side}: cpu {sum(t):.2f}s")
    for side, t in zip(sides[1:], times[1:], strict=True):
        print(f"{side} / {sides[0]}: {_ratios(t, times[0])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
