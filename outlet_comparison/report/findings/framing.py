"""Findings of notebook 01: frame rates, their differences, and tone."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.instruments.frames_model import MIN_FRAME_SENTENCES
from outlet_comparison.report.findings.common import (
    ci,
    difference,
    label,
    lexicon_caveat,
    names,
    num,
    possessive,
)


def too_few_frames(outlets: list[str], counts: dict[str, int], minimum: int = MIN_FRAME_SENTENCES) -> str:
    """The sentence written instead of a ranking when articles carry too few frame cues."""
    n = {o: counts.get(o, 0) for o in outlets}
    found = names([f"{o} ({n[o]} sentence{'s' if n[o] != 1 else ''} with a frame word)" for o in outlets])
    return (
        f"**Too few frame cues to compare** in {found}: at least {minimum} per article are needed before "
        "a most frequent frame or a gap between outlets is written."
    )


def framing_findings(
    rates: pd.DataFrame,
    pairs: pd.DataFrame,
    lexicon_name: str,
    contrast: tuple[str, str] | None,
    frame_sentences: dict[str, int] | None = None,
    minimum: int = MIN_FRAME_SENTENCES,
) -> list[str]:
    """Frame rates per outlet (with intervals) and the differences between outlets, where evidence allows.

    ``rates``: outlet, frame, hits, per_1k, ci_low, ci_high. ``pairs``: ``pairwise_differences`` of
    per-sentence values, with a ``measure`` column (a frame, or ``net``). ``frame_sentences``: per
    outlet, the sentences with at least one frame hit (default: its hits, an upper bound). An outlet
    with fewer than ``minimum`` gets no "most frequent frame"; a "largest gap" is written only between
    outlets that both have enough, and only when its interval excludes zero.
    """
    if rates["hits"].sum() == 0:
        return ["**No word of the frame list occurs in any article**, so framing cannot be compared here. "
                + lexicon_caveat(lexicon_name)]  # fmt: skip
    if frame_sentences is None:
        frame_sentences = {str(o): int(r["hits"].sum()) for o, r in rates.groupby("outlet", sort=False)}
    out = []
    thin = [str(o) for o in dict.fromkeys(rates["outlet"]) if frame_sentences.get(str(o), 0) < minimum]
    enough = [str(o) for o in dict.fromkeys(rates["outlet"]) if str(o) not in thin]
    present = set(rates.loc[rates["hits"] > 0, "frame"])
    for outlet, r in rates.groupby("outlet", sort=False):
        if str(outlet) in thin:
            continue
        top = r.sort_values("per_1k", ascending=False).iloc[0]
        out.append(
            f"**{possessive(outlet)}** most frequent frame is **{label(top.frame)}**: {num(top.per_1k)} hits "
            "per 1,000 words "
            f"({int(top.hits)} hit{'s' if top.hits != 1 else ''}; "
            f"{ci(top.ci_low, top.ci_high, 1, sign=False)})."
        )
    if thin:
        out.append(too_few_frames(thin, frame_sentences, minimum))
    if contrast is not None and not pairs[pairs.measure == "net"].empty:
        net = pairs[pairs.measure == "net"]
        out += [
            difference(p, f"{contrast[0]}-minus-{contrast[1]} hits per sentence") for _, p in net.iterrows()
        ]
    elif len(enough) >= 2:
        both = pairs["outlet_a"].astype(str).isin(enough) & pairs["outlet_b"].astype(str).isin(enough)
        clear = pairs[both & pairs.measure.isin(present) & ((pairs["ci_low"] > 0) | (pairs["ci_high"] < 0))]
        for frame, p in clear.groupby("measure", sort=False):
            best = p.loc[p["diff"].abs().idxmax()]
            out.append(f"Largest gap in **{label(frame)}**: " + difference(best, "hits per sentence") + ".")
        if clear.empty:
            out.append("No difference between outlets in any frame has an interval that excludes zero.")
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


def article_frame_findings(present: pd.DataFrame) -> list[str]:
    """Which general frames each article uses by ``article_frames`` (``present``: frame x outlet, bool)."""
    parts = [
        f"{o} {', '.join(f.replace('_', ' ') for f in present.index[present[o]]) or 'none'}"
        for o in present.columns
    ]
    return [
        "Frames each article uses, judged article by article (`helpers.article_frames`, a model checked "
        "against trained coders: macro F1 about 0.6, see docs/framing.md): " + "; ".join(parts) + "."
    ]
