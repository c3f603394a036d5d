"""Comparing outlets: one table over every article of an event, and intervals for their differences."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
import pandas as pd

from outlet_comparison.stats import bootstrap_diff


def by_outlet(
    arts: pd.DataFrame, fn: Callable[..., pd.DataFrame], column: str = "text", **kwargs
) -> pd.DataFrame:
    """``fn(article[column], **kwargs)`` for every article, stacked, with ``outlet`` and ``article_id`` first.

    >>> arts = pd.DataFrame({"article_id": ["a1", "b1"], "outlet": ["A", "B"], "text": ["x y", "z"]})
    >>> by_outlet(arts, lambda t: pd.DataFrame({"n": [len(t.split())]})).values.tolist()
    [['A', 'a1', 2], ['B', 'b1', 1]]
    """
    frames = [
        fn(row[column], **kwargs).assign(outlet=row["outlet"], article_id=row["article_id"])
        for _, row in arts.iterrows()
    ]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["outlet", "article_id"])
    return out[["outlet", "article_id", *[c for c in out.columns if c not in ("outlet", "article_id")]]]


def pairwise_differences(
    values: dict[str, Sequence[float]],
    n_boot: int = 10_000,
    seed: int = 2016,
    stat=np.mean,
    pairs: Sequence[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """For every pair of outlets (in the given order), stat(a) - stat(b) with a seeded bootstrap 95% CI.

    ``values`` maps an outlet to its unit values (e.g. one value per sentence). Columns: ``outlet_a,
    outlet_b, diff, ci_low, ci_high, n_a, n_b, secure`` (``secure``: the interval excludes zero).

    >>> d = pairwise_differences({"A": [1, 2, 3, 4], "B": [0, 1, 2, 3]}, n_boot=2000)
    >>> d[["outlet_a", "outlet_b", "diff"]].values.tolist()
    [['A', 'B', 1.0]]
    """
    cols = ["outlet_a", "outlet_b", "diff", "ci_low", "ci_high", "n_a", "n_b", "secure"]
    rows = []
    for a, b in pairs if pairs is not None else combinations(values, 2):
        if not len(values[a]) or not len(values[b]):
            continue
        r = bootstrap_diff(values[a], values[b], n_boot=n_boot, seed=seed, stat=stat)
        secure = bool(r["ci_low"] > 0 or r["ci_high"] < 0)
        rows.append([a, b, r["diff"], r["ci_low"], r["ci_high"], int(r["n_a"]), int(r["n_b"]), secure])
    return pd.DataFrame(rows, columns=cols)


def extremes(values: pd.Series) -> tuple[str, str]:
    """(label of the highest value, label of the lowest); ties keep the first in order.

    >>> extremes(pd.Series({"A": 1.0, "B": 3.0, "C": 3.0}))
    ('B', 'A')
    """
    return str(values.idxmax()), str(values.idxmin())
