"""Article body extraction on the 181 pages of ../shared/benchmarks/extraction: trafilatura defaults vs ours.

Usage: python benchmarks/extraction.py [--pages N]
Prints body precision, recall and F1 with the benchmark's own metric (4-word shingles, each page
weighs the same) for trafilatura 2.x with default settings and for ``helpers.extract_article``, on
all pages and on the two halves: the even positions of the sorted page keys were used to choose
our settings and patterns, the odd positions were not looked at while tuning. Skips with a message
when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable

import helpers

BENCH = helpers.SHARED / "benchmarks" / "extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Counts of the n-word shingles of a text (one shorter shingle for a text under n words)."""
    tokens = _TOKEN.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """(TP, FP, FN) over the shingle counts of one page, normalised to sum to 1 (zeros when both empty)."""
    a, b = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in a.keys() | b.keys():
        x, y = a.get(key, 0), b.get(key, 0)
        tp, fp, fn = tp + min(x, y), fp + max(0, y - x), fn + max(0, x - y)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(truth: dict[str, str], pred: dict[str, str], keys: list[str]) -> dict[str, float]:
    """Precision, recall and F1 of the benchmark: normalised counts summed over pages."""
    counts = [page_counts(truth[k], pred.get(k, "")) for k in keys]
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def load(limit: int | None = None) -> tuple[dict[str, str], dict[str, str], dict[str, str], int]:
    """(gold bodies, page texts, URLs, pages not valid in their declared charset) by page key."""
    gold = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit]
    pages, bad = {}, 0
    for k in keys:
        data = gzip.decompress((BENCH / "html" / f"{k}.html.gz").read_bytes())
        try:
            pages[k] = helpers.decode_page(data, k)
        except helpers.ArticleError:
            pages[k], bad = data.decode("utf-8", "replace"), bad + 1
    truth = {k: gold[k]["articleBody"] for k in keys}
    return truth, pages, {k: gold[k]["url"] for k in keys}, bad


def trafilatura_default(page: str, url: str) -> str:
    """trafilatura.extract with its default settings."""
    import trafilatura

    return trafilatura.extract(page, url=url) or ""


def ours(page: str, url: str) -> str:
    """helpers.extract_article's body (no body/paywall check: an empty body scores as empty)."""
    return helpers.extract_article(page, url, check=False).text


def run(pages: dict[str, str], urls: dict[str, str], fn: Callable[[str, str], str]) -> tuple[dict, float]:
    """Each page's extracted body, and the seconds taken."""
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = {k: fn(pages[k], urls[k]) for k in pages}
    return out, time.perf_counter() - t0


def halves(keys: list[str]) -> dict[str, list[str]]:
    """All pages, the tuning half (even positions of the sorted keys) and the held-out half (odd)."""
    keys = sorted(keys)
    return {"all": keys, "tuning half": keys[0::2], "held-out half": keys[1::2]}


def results(limit: int | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """{extractor: {split: scores}} plus timings, printed as a table."""
    truth, pages, urls, bad = load(limit)
    import trafilatura

    print(f"{len(pages)} pages ({bad} not valid in their declared charset, read with replacement)")
    print(f"trafilatura {trafilatura.__version__}; ours: {dict(helpers.EXTRACTION)} + line patterns\n")
    out: dict[str, dict[str, dict[str, float]]] = {}
    print(f"{'extractor':<22}{'pages':<15}{'n':>4}{'P':>8}{'R':>8}{'F1':>8}")
    for name, fn in (("trafilatura default", trafilatura_default), ("ours", ours)):
        pred, secs = run(pages, urls, fn)
        out[name] = {}
        for split, keys in halves(list(pages)).items():
            s = out[name][split] = score(truth, pred, keys)
            print(
                f"{name:<22}{split:<15}{len(keys):>4}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            )
        print(f"{'':<22}({secs:.1f} s)")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the table, or a message when the benchmark data are absent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages (a quick look)")
    args = ap.parse_args(argv)
    if not (BENCH / "ground-truth.json").is_file():
        print(f"skipped: {BENCH} not found (the benchmark lives in ../shared)")
        return 0
    results(args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
