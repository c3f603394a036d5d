"""Readability vs the CLEAR corpus: ours and textstat's against the reference formulas and human easiness.

Usage: python benchmarks/readability_clear.py [--full]
Reads ../shared/benchmarks/readability/clear_sample250.csv (250 excerpts); --full also runs the
whole corpus (4,724 excerpts, about a minute). Skips with a message when ../shared is absent.
"""

import argparse
import sys
import time

import numpy as np
import pandas as pd

import helpers

BENCH = helpers.SHARED / "benchmarks" / "readability"
REFERENCE = {
    "flesch_reading_ease": "Flesch-Reading-Ease",
    "flesch_kincaid_grade": "Flesch-Kincaid-Grade-Level",
    "automated_readability_index": "Automated Readability Index",
    "smog_index": "SMOG Readability",
    "dale_chall_readability_score": "New Dale-Chall Readability Formula",
}


def score(d: pd.DataFrame) -> pd.DataFrame:
    """helpers.readability for every excerpt, one row each, aligned with d."""
    return pd.DataFrame([helpers.readability(t) for t in d["Excerpt"]]).set_axis(d.index)


def report(d: pd.DataFrame, label: str) -> pd.DataFrame:
    """Print and return the agreement and human-easiness correlations for one file."""
    t0 = time.perf_counter()
    r = score(d)
    secs = time.perf_counter() - t0
    print(f"\n== {label}: {len(d)} excerpts, textstat {helpers.textstat_version()}, {secs:.1f} s ==")
    rows = []
    for f in helpers.READABILITY_FORMULAS:
        row = {"formula": f}
        for who, col in (("ours", f), ("textstat", f"textstat_{f}")):
            row[f"{who}_r_BT_easiness"] = np.corrcoef(r[col], d["BT_easiness"])[0, 1]
            if f in REFERENCE:
                ref = d[REFERENCE[f]]
                row[f"{who}_r_CLEAR"] = np.corrcoef(r[col], ref)[0, 1]
                row[f"{who}_mean_diff"] = (r[col] - ref).mean()
                row[f"{who}_MAE"] = (r[col] - ref).abs().mean()
        rows.append(row)
    out = pd.DataFrame(rows).set_index("formula")
    with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
        print(out.to_string())
    for who, col in (("ours", "sentences"), ("textstat", "textstat_sentences")):
        exact = (r[col] == d["Sentence Count"]).mean()
        rr = np.corrcoef(r[col], d["Sentence Count"])[0, 1]
        print(f"sentences {who:8s}: exact match with CLEAR {exact:.1%}, r = {rr:.3f}")
    print(f"words vs Google WC: r = {np.corrcoef(r['words'], d['Google WC'])[0, 1]:.3f}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also run the full corpus (4,724 excerpts)")
    args = ap.parse_args()
    sample = BENCH / "clear_sample250.csv"
    if not sample.is_file():
        print(f"../shared not found: {sample} is missing; skipping the CLEAR readability benchmark.")
        return 0
    report(pd.read_csv(sample), "CLEAR sample (250)")
    if args.full:
        report(pd.read_csv(BENCH / "clear_corpus_full.csv.gz"), "CLEAR full corpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())
