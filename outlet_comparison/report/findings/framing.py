"""Findings of notebook 01: frame rates, their differences, and tone."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.findings.common import ci, difference, lexicon_caveat, num


def framing_findings(
    rates: pd.DataFrame, pairs: pd.DataFrame, lexicon_name: str, contrast: tuple[str, str] | None
) -> list[str]:
    """Frame rates per outlet (with intervals) and the differences between outlets.

    ``rates``: outlet, frame, hits, per_1k, ci_low, ci_high. ``pairs``: ``pairwise_differences`` of
    per-sentence values, with a ``measure`` column (a frame, or ``net``).
    """
    if rates["hits"].sum() == 0:
        return ["**No word of the frame list occurs in any article**, so framing cannot be compared here. "
                + lexicon_caveat(lexicon_name)]  # fmt: skip
    out = []
    present = set(rates.loc[rates["hits"] > 0, "frame"])
    for outlet, r in rates.groupby("outlet", sort=False):
        top = r.sort_values("per_1k", ascending=False).iloc[0]
        out.append(
            f"**{outlet}**'s most frequent frame is **{top.frame}**: {num(top.per_1k)} hits per 1,000 words "
            f"({int(top.hits)} hit{'s' if top.hits != 1 else ''}; "
            f"{ci(top.ci_low, top.ci_high, 1, sign=False)})."
        )
    if contrast is not None and not pairs[pairs.measure == "net"].empty:
        net = pairs[pairs.measure == "net"]
        out += [
            difference(p, f"{contrast[0]}-minus-{contrast[1]} hits per sentence") for _, p in net.iterrows()
        ]
    else:
        for frame, p in pairs[pairs.measure.isin(present)].groupby("measure", sort=False):
            best = p.loc[p["diff"].abs().idxmax()]
            out.append(f"Largest gap in **{frame}**: " + difference(best, "hits per sentence") + ".")
    out.append(lexicon_caveat(lexicon_name))
    return out


def tone_findings(means: pd.Series, pairs: pd.DataFrame) -> list[str]:
    """Mean sentence tone per outlet and the largest difference, with its interval."""
    out = [
        "Mean VADER tone per sentence (−1 to +1): "
        + ", ".join(f"{o} {num(v, 3)}" for o, v in means.items())
        + "."
    ]
    if not pairs.empty:
        best = pairs.loc[pairs["diff"].abs().idxmax()]
        out.append("Largest gap: " + difference(best, "in mean compound", 3) + ".")
    out.append("VADER was built for social media; on news sentences it agrees with human raters at r ≈ 0.5.")
    return out
