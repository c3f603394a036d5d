"""Rates and seeded bootstrap intervals: the one place uncertainty is computed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def per_1k(count: float, n_words: float) -> float:
    """Rate per 1,000 words (NaN when there are no words).

    >>> per_1k(3, 750)
    4.0
    """
    return 1000.0 * count / n_words if n_words else float("nan")


def _draws(rng: np.random.Generator, n: int, n_boot: int) -> np.ndarray:
    """Indices of n_boot resamples with replacement of n units (one row per resample)."""
    return rng.integers(0, n, size=(n_boot, n))


def mean_ci(values, seed: int = 2016, n_boot: int = 10_000) -> tuple[float, float, float]:
    """Mean and seeded percentile-bootstrap 95% interval of the mean (NaNs for no values).

    >>> m, lo, hi = mean_ci([1.0, 2.0, 3.0], n_boot=2000)
    >>> m, bool(1 <= lo <= m <= hi <= 3)
    (2.0, True)
    """
    x = np.asarray(values, dtype=float)
    if not len(x):
        return float("nan"), float("nan"), float("nan")
    idx = _draws(np.random.default_rng(seed), len(x), n_boot)
    lo, hi = np.percentile(x[idx].mean(axis=1), [2.5, 97.5])
    return float(x.mean()), float(lo), float(hi)


def ratio_ci(
    numerators, denominators, seed: int = 2016, n_boot: int = 10_000, scale: float = 1.0
) -> tuple[float, float, float]:
    """scale * sum(num) / sum(den) over units (e.g. sentences), with a seeded bootstrap 95% interval.

    The units are resampled with replacement; a resample whose denominator is 0 counts as NaN and
    is left out of the percentiles. NaNs for no units or no denominator.

    >>> v, lo, hi = ratio_ci([1, 0, 2, 1], [10, 10, 10, 10], scale=1000, n_boot=2000)
    >>> v, bool(lo <= v <= hi)
    (100.0, True)
    """
    num, den = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    if not len(num) or not den.sum():
        return float("nan"), float("nan"), float("nan")
    idx = _draws(np.random.default_rng(seed), len(num), n_boot)
    sums = den[idx].sum(axis=1)
    boots = scale * num[idx].sum(axis=1) / np.where(sums > 0, sums, np.nan)
    lo, hi = np.nanpercentile(boots, [2.5, 97.5])
    return float(scale * num.sum() / den.sum()), float(lo), float(hi)


def bootstrap_diff(a, b, n_boot: int = 10_000, seed: int = 2016, stat=np.mean) -> pd.Series:
    """Seeded percentile bootstrap of stat(a) - stat(b): observed diff, 95% CI, sizes.

    Resamples each group with replacement independently (units, e.g. sentences, are
    treated as exchangeable within an article; see the README limitations).

    >>> r = bootstrap_diff([1, 2, 3, 4], [0, 1, 2, 3], n_boot=2000)
    >>> float(r["diff"]), bool(r["ci_low"] <= 1 <= r["ci_high"])
    (1.0, True)
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        raise ValueError("bootstrap_diff needs at least one value in each group")
    rng = np.random.default_rng(seed)
    ia, ib = _draws(rng, len(a), n_boot), _draws(rng, len(b), n_boot)
    boots = stat(a[ia], axis=1) - stat(b[ib], axis=1)
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return pd.Series(
        {
            "diff": float(stat(a) - stat(b)),
            "ci_low": float(lo),
            "ci_high": float(hi),
            "n_a": len(a),
            "n_b": len(b),
            "n_boot": n_boot,
            "seed": seed,
        }
    )


def paired_differences(
    features: pd.DataFrame,
    metric: str,
    event: str = "event_id",
    outlet: str = "outlet",
    pairs: Sequence[tuple[str, str]] | None = None,
    n_boot: int = 10_000,
    seed: int = 2016,
) -> pd.DataFrame:
    """Mean within-event difference of ``metric`` for each outlet pair, with a seeded bootstrap 95% CI.

    One difference per event that has both outlets (one article each, non-NaN metric);
    events are resampled (``bootstrap_diff`` of the differences against 0). Columns:
    ``outlet_a, outlet_b, metric, diff, ci_low, ci_high, n_events``.
    """
    cols = ["outlet_a", "outlet_b", "metric", "diff", "ci_low", "ci_high", "n_events"]
    wide = features.pivot_table(index=event, columns=outlet, values=metric, aggfunc="first")
    if pairs is None:
        names = sorted(wide.columns)
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = []
    for a, b in pairs:
        if a not in wide.columns or b not in wide.columns:
            continue
        d = (wide[a] - wide[b]).dropna().to_numpy()
        if len(d) == 0:
            continue
        r = bootstrap_diff(d, np.zeros(1), n_boot=n_boot, seed=seed)
        rows.append([a, b, metric, r["diff"], r["ci_low"], r["ci_high"], len(d)])
    return pd.DataFrame(rows, columns=cols)
