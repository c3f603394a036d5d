"""Findings of notebook 01: frame rates, their differences, and tone."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.coverage.differences import pairwise_differences
from outlet_comparison.instruments.frames_model import MIN_FRAME_SENTENCES
from outlet_comparison.instruments.framing import frame_hits, frame_section_rates
from outlet_comparison.report.findings.common import (
    ci,
    difference,
    label,
    lexicon_caveat,
    names,
    num,
    possessive,
)
from outlet_comparison.text.units import sentences


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


# ---------------------------------------------------------------- the page's tables and chart readings

THIRDS = ["first third", "middle third", "last third"]
TONE_AXIS = "VADER compound per sentence (−1 to +1)"  # the axis label of every tone chart


def sentence_pairs(per_sentence: dict[str, pd.DataFrame], measures: list[str]) -> pd.DataFrame:
    """Every pair of outlets compared on the mean of each per-sentence measure (seeded bootstrap)."""
    return pd.concat(
        [
            pairwise_differences({o: t[m] for o, t in per_sentence.items()}).assign(measure=m)
            for m in measures
        ],
        ignore_index=True,
    )


def wide_rates(rates: pd.DataFrame, frames: list[str], outlets: list[str]) -> dict[str, pd.DataFrame]:
    """The frame-rate table as one frame × outlet table per column: per_1k, ci_low, ci_high, hits."""
    return {
        c: rates.pivot(index="frame", columns="outlet", values=c).loc[frames, outlets]
        for c in ("per_1k", "ci_low", "ci_high", "hits")
    }


def rate_reading(rates: pd.DataFrame) -> str:
    """The frame-rate chart in one sentence: the highest rate, and what overlapping intervals mean."""
    if not rates["hits"].sum():
        return "No word of this frame lexicon occurs in any article."
    top = rates.loc[rates["per_1k"].idxmax()]
    return (
        f"The highest rate is {label(top.frame)} at {top.outlet} ({num(top.per_1k)} "
        "per 1,000 words); where the intervals overlap, the outlets' rates are not separated."
    )


def section_hits(arts: pd.DataFrame, lexicon) -> pd.DataFrame:
    """Frame hits and rates in the headline, lede and rest of each article (``frame_section_rates``)."""
    return pd.concat(
        [frame_section_rates(r.headline, r.text, lexicon).assign(outlet=r.outlet) for r in arts.itertuples()],
        ignore_index=True,
    )


def section_reading(sections: pd.DataFrame) -> str:
    """The section chart in one sentence: each outlet's hits in headline and lede."""
    lead = sections[sections.section != "rest"].groupby("outlet", sort=False)["hits"].sum()
    return "Hits in headline and lede: " + ", ".join(f"{o} {int(v)}" for o, v in lead.items()) + "."


def hit_positions(hits: pd.DataFrame, width: float = 2) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each hit's position in % of the text, and the dots to draw: hits per outlet, frame and ``width``-%
    bin (``bin`` is the bin's midpoint)."""
    pos = hits.assign(position_pct=(100 * hits["position"]).round(1))
    pos["bin"] = (pos["position_pct"] // width) * width + width / 2
    dots = pos.groupby(["outlet", "frame", "bin"], sort=False).size().rename("hits").reset_index()
    return pos, dots


def tone_arc(tone: pd.DataFrame, lengths: dict[str, int], window: int = 5) -> pd.DataFrame:
    """Sentence tone with each sentence's midpoint in % of its text and a centred rolling mean."""
    tone = tone.assign(position_pct=100 * (tone["start"] + tone["end"]) / 2 / tone["outlet"].map(lengths))
    rolling = tone.groupby("outlet", sort=False)["compound"].transform(
        lambda s: s.rolling(window, center=True, min_periods=3).mean()
    )
    return tone.assign(**{f"rolling{window}": rolling})


def tone_thirds(tone: pd.DataFrame) -> pd.DataFrame:
    """Mean sentence tone in the first, middle and last third of each text (outlet × third)."""
    third = pd.cut(tone["position_pct"], [0, 100 / 3, 200 / 3, 100], labels=THIRDS)
    return tone.groupby(["outlet", third], observed=True, sort=False)["compound"].mean().unstack()


def thirds_reading(thirds: pd.DataFrame) -> str:
    """The tone-arc chart in one sentence: the most negative third."""
    low = thirds.stack().idxmin()
    return f"The most negative third is the {low[1]} of {low[0]} ({num(thirds.loc[low], 3)})."


def masked_changes(tone: pd.DataFrame, masked: pd.DataFrame) -> pd.DataFrame:
    """The sentences whose tone changes when named entities are masked: both scores and the text."""
    changed = tone.assign(masked=masked["compound"])
    return changed[changed["compound"] != changed["masked"]][
        ["outlet", "sentence", "compound", "masked", "text"]
    ]


def dropped_labels(loo: pd.DataFrame) -> list[str]:
    """Row labels of the leave-one-out table: the term dropped and its frame, or the full lexicon."""
    return [
        f"{d} ({f})" if f else "none dropped (full lexicon)"
        for d, f in zip(loo.dropped, loo.frame, strict=True)
    ]


def order_reading(loo: pd.DataFrame, outlets: list[str]) -> str:
    """The leave-one-out chart in one sentence: whether the outlets keep their order."""
    order = loo[outlets].rank(axis=1, ascending=False)
    if bool((order.nunique() == 1).all()):
        return "The outlets keep the same order whichever term is dropped."
    return "Dropping some single terms changes the order of the outlets."


def timing_split(per_sentence: pd.DataFrame, timing: pd.DataFrame, frames: list[str]) -> pd.DataFrame:
    """Frame hits, words and sentences of one article split by its hand-coded ``after_ap`` timing."""
    coded = per_sentence.merge(timing[["sentence", "after_ap"]], on="sentence", validate="1:1")
    split = coded.groupby("after_ap")[[*frames, "n_words"]].sum()
    split["sentences"] = coded.groupby("after_ap").size()
    return split


def hit_evidence(arts: pd.DataFrame, lexicon) -> pd.DataFrame:
    """Every frame hit (negated ones too) in each article's headline and body, with its sentence."""
    rows = []
    for r in arts.itertuples():
        for section, text in (("headline", r.headline), ("body", r.text)):
            h = frame_hits(text, lexicon, include_negated=True)
            sents = sentences(text)
            rows.append(
                h.assign(
                    outlet=r.outlet,
                    article_id=r.article_id,
                    section=section,
                    sentence_text=[sents[i] for i in h.sentence],
                )
            )
    return pd.concat(rows, ignore_index=True)


def judged(evidence: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The evidence with the hand judgement of each hit; hits the gold lacks say why."""
    keys = ["article_id", "section", "sentence", "frame", "matched"]
    out = evidence.merge(gold[[*keys, "judgement"]], on=keys, how="left")
    why = out["negated"].map({True: "negated (not counted)", False: "not in the gold (added article)"})
    out["judgement"] = out["judgement"].fillna(why)
    return out
