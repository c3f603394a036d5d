"""Findings of notebook 00: what the material is (sizes, what the raw files hold besides the article,
which happenings each article could and does report)."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.findings.common import names, num


def material_findings(stats: pd.DataFrame, non_body: pd.Series, mentioned: pd.DataFrame | None) -> list[str]:
    """Body sizes, the share of each raw file that is not article text, and the happenings mentioned.

    ``stats``: per outlet (index) words, sentences, paragraphs, words_per_sentence; ``non_body``: per
    outlet, the share (0-1) of the raw file's words outside the body; ``mentioned``: happenings
    (index, with a ``label`` column) × outlets, sentences that mention each (None: no timeline).
    """
    sizes = [
        f"{o} {int(r.words):,} words in {int(r.sentences)} sentences ({num(r.words_per_sentence)} a sentence)"
        for o, r in stats.iterrows()
    ]
    out = [
        "Body sizes: "
        + "; ".join(sizes)
        + ". Rates per 1,000 words in the later notebooks make them comparable.",
        "Share of each raw file's words that is **not** article text (promos, bylines, captions, credits), "
        "removed before any count: "
        + ", ".join(f"{o} {num(100 * v, 0)}%" for o, v in non_body.items())
        + ".",
    ]
    if mentioned is not None and len(mentioned):
        per = [
            f"{o} {int((mentioned[o] > 0).sum())} of {len(mentioned)}"
            for o in mentioned.columns
            if o != "label"
        ]
        out.append("Happenings of the event's timeline each article mentions: " + ", ".join(per) + ".")
        outlets = [c for c in mentioned.columns if c != "label"]
        only = [
            f"{r.label} ({o})"
            for _, r in mentioned.iterrows()
            for o in outlets
            if r[o] > 0 and sum(r[x] > 0 for x in outlets) == 1
        ]
        if only:
            out.append("Mentioned by one article only: " + names(only) + ".")
    return out
