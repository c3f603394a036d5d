"""Findings of notebook 00: what the material is (sizes, what the raw files hold besides the article,
which happenings each article could and does report)."""

from __future__ import annotations

import pandas as pd

from outlet_comparison.report.findings.common import names, num, possessive
from outlet_comparison.sources.segment import ROLES
from outlet_comparison.text.units import text_stats


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


# ---------------------------------------------------------------- the page's tables and chart readings

BODY_UNITS = {
    "words": "words",
    "sentences": "sentences",
    "paragraphs": "paragraphs",
    "words_per_sentence": "words",
}


def role_table(roles: pd.DataFrame, outlets: list[str], value: str) -> pd.DataFrame:
    """``role_summary`` as a table: a row per outlet, a column per line role (``value``: words or lines)."""
    return roles.pivot(index="outlet", columns="role", values=value).reindex(outlets)[list(ROLES)]


def role_shares(role_words: pd.DataFrame) -> pd.DataFrame:
    """Each role's share (%) of each raw file's words, blank lines left out."""
    return (role_words.drop(columns="blank").T / role_words.sum(axis=1)).T * 100


def body_stats(arts: pd.DataFrame) -> pd.DataFrame:
    """Words, sentences, paragraphs and words per sentence of each body (``text_stats``): a row per outlet."""
    stats = pd.DataFrame({r.outlet: text_stats(r.text) for r in arts.itertuples()}).T
    return stats.astype({"words": int, "sentences": int, "paragraphs": int, "words_per_sentence": float})


def non_body_reading(non_body: pd.Series) -> str:
    """The raw-file chart in one sentence: each file's share of words outside the body."""
    return (
        "Share of each raw file's words outside the body: "
        + ", ".join(f"{o} {num(100 * v, 0)}%" for o, v in non_body.items())
        + "."
    )


def body_size_reading(stats: pd.DataFrame, longest: str, shortest: str) -> str:
    """The body-size chart in one sentence: the longest and the shortest body."""
    return (
        f"The longest body is {possessive(longest)} ({int(stats.loc[longest, 'words']):,} words), the "
        f"shortest {possessive(shortest)} ({int(stats.loc[shortest, 'words']):,})."
    )


def mentioned_table(mentions: pd.DataFrame, timeline: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Sentences mentioning each happening (rows, in timeline order, with its label) per outlet (columns)."""
    mentioned = (
        mentions.groupby(["event", "outlet"]).size().unstack(fill_value=0)
        .reindex(index=timeline["event"], columns=outlets, fill_value=0)
    )  # fmt: skip
    mentioned.insert(0, "label", timeline.set_index("event")["label"])
    return mentioned


def day_ends(timeline: pd.DataFrame, arts: pd.DataFrame) -> dict[str, float]:
    """Per outlet, a place on the timeline's order just after the last happening dated on or before its
    publication day."""
    out = {}
    for r in arts.itertuples():
        before = timeline.loc[timeline["date"] <= r.published, "order"]
        out[r.outlet] = (before.max() if len(before) else timeline["order"].min() - 1) + 0.5
    return out


def mentions_reading(mentioned: pd.DataFrame, outlets: list[str]) -> str:
    """The timeline chart in one sentence: how many happenings each article mentions."""
    return (
        "Happenings mentioned: "
        + ", ".join(f"{o} {int((mentioned[o] > 0).sum())} of {len(mentioned)}" for o in outlets)
        + "."
    )


def timeline_data(timeline: pd.DataFrame, mentioned: pd.DataFrame) -> pd.DataFrame:
    """The timeline chart's CSV: each happening, its date and order, and the sentences mentioning it."""
    return timeline[["event", "label", "date", "order"]].merge(
        mentioned.drop(columns="label").reset_index(), on="event"
    )
