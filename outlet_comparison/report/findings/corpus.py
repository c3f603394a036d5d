"""Findings of notebook 05: outlet differences across a corpus, and where an event's articles fall in it."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.findings.common import ci, num


def paired_findings(diffs: pd.DataFrame, labels: dict[str, str], corpus: str, n_events: int) -> list[str]:
    """One sentence per measure: the largest same-event difference between two outlets, with its interval.

    ``diffs``: ``paired_differences`` rows (outlet_a, outlet_b, metric, diff, ci_low, ci_high, n_events).
    """
    out = [
        f"**Across {n_events} events of {corpus}**, each outlet pair is compared on the same event "
        "(one article per outlet and event), so topic and news day are held constant."
    ]
    for metric, d in diffs.groupby("metric", sort=False):
        if d.empty:
            continue
        r = d.loc[d["diff"].abs().idxmax()]
        secure = r["ci_low"] > 0 or r["ci_high"] < 0
        digits = 0 if abs(r["diff"]) >= 20 else 2
        out.append(
            f"{labels.get(metric, metric)}: largest gap {r.outlet_a} − {r.outlet_b} "
            f"{num(r['diff'], digits, sign=True)} ({ci(r.ci_low, r.ci_high, digits)}, "
            f"{int(r.n_events)} events; "
            + ("the interval excludes zero)." if secure else "the interval includes zero).")
        )
    return out


def percentile(value: float, values: pd.Series) -> float:
    """Share (0-100) of ``values`` at or below ``value`` (NaNs left out).

    >>> percentile(3, pd.Series([1, 2, 3, 4]))
    75.0
    """
    v = values.dropna()
    return float(100 * (v <= value).mean()) if len(v) else float("nan")


def placement_findings(event_feats: pd.DataFrame, corpus_feats: pd.DataFrame, labels: dict[str, str],
                       corpus: str) -> list[str]:  # fmt: skip
    """Where each article of the event falls in the corpus, for the measure where it is most unusual."""
    out = []
    for _, row in event_feats.iterrows():
        ranks = {m: percentile(row[m], corpus_feats[m]) for m in labels if pd.notna(row[m])}
        if not ranks:
            continue
        m = max(ranks, key=lambda k: abs(ranks[k] - 50))
        r = ranks[m]
        where = (
            "higher than every article of the corpus"
            if r >= 99.5
            else "lower than every article of the corpus"
            if r <= 0.5
            else f"at or above {num(r, 0)}% of the corpus's articles"
        )
        measure = f"{labels[m]}: {num(row[m], 2)}"
        out.append(f"**{row['outlet']}**'s most unusual measure against {corpus} is {measure}, {where}.")
    out.append(
        "A corpus of other stories is a loose yardstick: topic, length and house style all move these "
        "measures, and the frame lexicon may not fit the corpus's stories."
    )
    return out
