"""Notebook 04's tables and chart readings: actors by side and as speakers, shared content, name forms, the
card as a table, and the study's alignment threshold against hand pairs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from outlet_comparison.coverage.alignment import align
from outlet_comparison.report.findings.common import num


def side_table(mentions: pd.DataFrame, sides: list[str], outlets: list[str]) -> pd.DataFrame:
    """Mentions and quoted mentions per side (rows) and outlet (columns ``(mentions|quoted, outlet)``)."""
    return (
        mentions.groupby(["side", "outlet"])
        .agg(mentions=("actor", "size"), quoted=("quoted", "sum"))
        .unstack("outlet", fill_value=0)
        .reindex(
            index=sides, columns=pd.MultiIndex.from_product([["mentions", "quoted"], outlets]), fill_value=0
        )
        .astype(int)
    )


def side_reading(by_side: pd.DataFrame, outlets: list[str]) -> str:
    """The side table in one sentence: the side each outlet mentions most."""
    most = [f"{o} mentions the {by_side[('mentions', o)].idxmax()} side most" for o in outlets
            if by_side[("mentions", o)].sum()]  # fmt: skip
    return "Mentions and quoted mentions per side of the alias list: " + "; ".join(most) + "."


def speaker_table(mentions: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """Quoted mentions per actor (rows, most quoted first) and outlet (columns)."""
    speakers = (
        mentions[mentions.quoted].groupby(["actor", "outlet"]).size().unstack("outlet", fill_value=0)
        .reindex(columns=outlets, fill_value=0)
    )  # fmt: skip
    return speakers.loc[speakers.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def speaker_reading(speakers: pd.DataFrame) -> str:
    """The speaker table in one sentence: quoted mentions and quoted actors per outlet."""
    if not len(speakers):
        return "No mention is the source of reported speech."
    each = [f"{o} quotes {int(speakers[o].sum())} mentions of {int((speakers[o] > 0).sum())} actors"
            for o in speakers.columns]  # fmt: skip
    return (
        "Quoted mentions per actor (rows) and outlet (columns), most quoted first: " + "; ".join(each) + "."
    )


def actor_bars(full: pd.DataFrame, order: pd.DataFrame, outlets: list[str]) -> dict[str, pd.DataFrame]:
    """The actor chart's tables: mentions and quoted mentions per actor (rows, in ``order``) and outlet."""
    return {c: full.pivot(index="actor", columns="outlet", values=c).loc[order.actor, outlets]
            for c in ("mentions", "quoted")}  # fmt: skip


def actor_reading(full: pd.DataFrame) -> str:
    """The actor chart in one sentence: the most mentioned actor in one article."""
    top = full.loc[full.mentions.idxmax()]
    return (
        f"The most mentioned actor in one article is {top.actor} at {top.outlet} ({top.mentions} mentions); "
        "the dark part of each bar is the mentions that cite the actor as a source of reported speech."
    )


def mention_evidence(mentions: pd.DataFrame, sentences: dict[str, list[str]]) -> pd.DataFrame:
    """Every mention with the text of its sentence."""
    return mentions.assign(
        text=[sentences[o][s] for o, s in zip(mentions.outlet, mentions.sentence, strict=True)]
    )


def shared_data(shares: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """The shared-content chart's table: per outlet (index) the shares of words with and without a
    counterpart in another article."""
    return shares.assign(unique_words_pct=100 - shares.shared_words_pct).set_index("outlet").reindex(outlets)


def shared_notes(data: pd.DataFrame) -> list[str]:
    """'35% (4 of 10 sentences)': each outlet's shared share and sentences, beside its bar."""
    return [f"{r.shared_words_pct:.0f}% ({r.shared} of {r.sentences} sentences)" for r in data.itertuples()]


def shared_reading(data: pd.DataFrame) -> str:
    """The shared-content chart in one sentence: the range of shared shares, and what the rest means."""
    lo, hi = data.shared_words_pct.idxmin(), data.shared_words_pct.idxmax()
    return (
        f"From {data.shared_words_pct[lo]:.0f}% ({lo}) to {data.shared_words_pct[hi]:.0f}% ({hi}) of an "
        "article's words sit in sentences with an automatic counterpart in another article; the light part "
        "is content only that article carries (an upper bound, since lexical alignment misses paraphrase)."
    )


def with_hand_pairs(cov: pd.DataFrame, hand: dict[str, set[int]]) -> pd.DataFrame:
    """``sentence_coverage`` with ``shared_by_hand``: the sentence is in a hand-aligned pair (``hand``: the
    sentences of each outlet that are)."""
    return cov.assign(shared_by_hand=[s in hand[o] for o, s in zip(cov.outlet, cov.sentence, strict=True)])


def coverage_by_method(cov: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: sentences, those aligned automatically and by hand, and the share of words in each."""
    out = cov.groupby("outlet").agg(
        sentences=("sentence", "size"), aligned=("shared", "sum"), aligned_by_hand=("shared_by_hand", "sum")
    )
    for col, flag in (("aligned_words_pct", "shared"), ("hand_words_pct", "shared_by_hand")):
        out[col] = 100 * cov[cov[flag]].groupby("outlet").words.sum() / cov.groupby("outlet").words.sum()
    return out


def differing_actors(variants: pd.DataFrame, most: int = 10) -> pd.DataFrame:
    """Up to ``most`` actors the outlets name differently: those sharing no form first, then by mentions."""
    return (
        variants[variants.differs].assign(shares_a_form=lambda d: d.common != "")
        .sort_values(["shares_a_form", "mentions", "actor"], ascending=[True, False, True]).head(most)
    )  # fmt: skip


def vocabulary(forms: pd.DataFrame, chosen: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """The name forms of the chosen actors: by actor (in ``chosen``'s order), outlet, then most used."""
    vocab = forms[forms.actor.isin(chosen.actor)].copy()
    vocab["actor_rank"] = vocab.actor.map({a: i for i, a in enumerate(chosen.actor)})
    vocab["outlet_rank"] = vocab.outlet.map(outlets.index)
    vocab = vocab.sort_values(["actor_rank", "outlet_rank", "count"], ascending=[True, True, False])
    return vocab.drop(columns=["actor_rank", "outlet_rank"]).reset_index(drop=True)


def vocabulary_reading(vocab: pd.DataFrame, chosen: pd.DataFrame) -> str:
    """The name-form chart in one sentence: forms, actors, and the actors with no shared form."""
    return (
        f"{len(vocab)} forms for {len(chosen)} actors; "
        f"{int((chosen.common == '').sum())} of them share no form at all across the outlets that name them."
    )


def card_cell(r) -> str:
    """A card value with its interval where it has one (``r``: a row of ``coverage_card_data``)."""
    if not r.available:
        return "not available"
    ci = f" ({num(r.low, 2)} to {num(r.high, 2)})" if pd.notna(r.low) else ""
    return num(r.value, 2) + ci


def card_table(card: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """The card as a table: a row per panel and measure, a column per outlet, each cell value and interval."""
    shown = card.assign(cell=[card_cell(r) for r in card.itertuples()])
    rows = pd.MultiIndex.from_tuples(
        list(dict.fromkeys(zip(card.panel, card.measure, strict=True))), names=["panel", "measure"]
    )
    wide = shown.pivot(index=["panel", "measure"], columns="outlet", values="cell").reindex(
        index=rows, columns=outlets
    )
    off = [(p, m) for p, m, ok in zip(card.panel, card.measure, card.available, strict=True) if not ok]
    wide.loc[off] = "not available"
    return wide.fillna("none")


THRESHOLDS = np.round(np.arange(0.10, 0.551, 0.025), 3)


def threshold_sweep(text_a: str, text_b: str, gold: set[tuple[int, int]], aliases=None) -> pd.DataFrame:
    """Pairs found, precision, recall and F1 against hand-aligned sentence pairs at each ``THRESHOLDS``."""
    rows = []
    for th in THRESHOLDS:
        al = align(text_a, text_b, threshold=th, aliases=aliases)
        got = set(zip(al.sentence_a, al.sentence_b, strict=True))
        tp = len(got & gold)
        precision = tp / len(got) if got else float("nan")
        f1 = 2 * tp / (len(got) + len(gold))
        rows.append(
            {"threshold": th, "pairs": len(got), "precision": precision, "recall": tp / len(gold), "f1": f1}
        )
    return pd.DataFrame(rows)


def sweep_reading(sweep: pd.DataFrame) -> str:
    """The threshold chart in one sentence: where F1 peaks, and how high recall gets."""
    best = sweep.loc[sweep.f1.idxmax()]
    return (
        f"F1 peaks at {best.f1:.2f} at a threshold of {best.threshold}; recall stays at or below "
        f"{sweep.recall.max():.2f} at every threshold."
    )
