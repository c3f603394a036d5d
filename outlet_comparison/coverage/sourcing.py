"""Sourcing tables of an event: who is quoted, how often anonymously, on which side, with which verb.

Every function takes the stacked attributions of an event (``event_attributions``: one row per
attributed statement with its ``outlet``) and the outlets in the order a page shows them, and
returns one small table. Outlets without any attribution keep a row of zeros, so charts and
findings handle N outlets alike. Sides and verbs come from the data (whatever the word lists
assign), never from names typed here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from outlet_comparison.core import ratio
from outlet_comparison.coverage.differences import pairwise_differences
from outlet_comparison.instruments.attribution import ATTRIBUTION_COLUMNS, AttributionLexicons, attributions
from outlet_comparison.text.units import sentences

SOURCE_TYPES = ("named_person", "named_organization", "anonymous")
EVENT_ATTRIBUTION_COLUMNS = (
    "outlet", "article_id", *ATTRIBUTION_COLUMNS, "n_sentences", "position", "sentence_text",
)  # fmt: skip


def event_attributions(arts: pd.DataFrame, lexicons: AttributionLexicons | None = None) -> pd.DataFrame:
    """Every attribution of every article, with ``outlet``, ``article_id``, the article's sentence count,
    the sentence's ``position`` (0 = first sentence, 1 = last) and the ``sentence_text``.

    >>> arts = pd.DataFrame({"article_id": ["a1"], "outlet": ["A"], "text": ["Hi. The mayor said no."]})
    >>> event_attributions(arts)[["outlet", "sentence", "source", "position"]].values.tolist()
    [['A', 1, 'The mayor', 1.0]]
    """
    frames = []
    for r in arts.itertuples(index=False):
        df = attributions(r.text, lexicons=lexicons)
        sents = sentences(r.text)
        frames.append(
            df.assign(
                outlet=r.outlet,
                article_id=r.article_id,
                n_sentences=len(sents),
                position=[i / max(len(sents) - 1, 1) for i in df["sentence"]],
                sentence_text=[sents[i] for i in df["sentence"]],
            )
        )
    if not frames:
        return pd.DataFrame(columns=list(EVENT_ATTRIBUTION_COLUMNS))
    return pd.concat(frames, ignore_index=True)[list(EVENT_ATTRIBUTION_COLUMNS)]


def wilson_interval(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score 95% interval of the proportion k/n (NaNs when n is 0); sensible at 0 and n.

    >>> [round(x, 3) for x in wilson_interval(10, 19)]
    [0.317, 0.727]
    >>> [round(x, 3) for x in wilson_interval(0, 5)]
    [0.0, 0.434]
    """
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    lo = 0.0 if k == 0 else max(0.0, centre - half)  # exact at the edges (no rounding residue)
    hi = 1.0 if k == n else min(1.0, centre + half)
    return lo, hi


def _types(att: pd.DataFrame) -> list[str]:
    """The three source types, then any other type the data holds (in order of appearance)."""
    return [*SOURCE_TYPES, *[t for t in dict.fromkeys(att["source_type"]) if t not in SOURCE_TYPES]]


def type_table(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Attributions per outlet and source type: ``outlet, source_type, attributions, share`` (share of the
    outlet's attributions; NaN for an outlet with none).

    >>> att = pd.DataFrame({"outlet": ["A", "A", "B"],
    ...     "source_type": ["anonymous", "named_person", "anonymous"]})
    >>> type_table(att, ["A", "B"]).query("source_type == 'anonymous'")["share"].tolist()
    [0.5, 1.0]
    """
    counts = att.groupby(["outlet", "source_type"]).size()
    rows = []
    for o in outlets:
        total = int(counts.get(o, pd.Series(dtype=int)).sum())
        for t in _types(att):
            n = int(counts.get((o, t), 0))
            rows.append({"outlet": o, "source_type": t, "attributions": n, "share": ratio(n, total)})
    return pd.DataFrame(rows, columns=["outlet", "source_type", "attributions", "share"])


def anonymous_sources(att: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct anonymous source of each outlet (sources compared case-insensitively):
    ``outlet, source, attributions, first_sentence, affiliation, marker, reason, has_reason``.

    A source has a stated reason when any of its attributions carries one ("because the talks were
    private"); the anonymity marker ("asked not to be named") alone is not a reason.

    >>> att = pd.DataFrame({"outlet": ["A", "A"], "source": ["An aide", "an aide"], "sentence": [1, 4],
    ...     "source_type": ["anonymous"] * 2, "affiliation": ["", ""], "anonymity_marker": ["", ""],
    ...     "anonymity_reason": ["", "because it was private"]})
    >>> anonymous_sources(att)[["source", "attributions", "has_reason"]].values.tolist()
    [['An aide', 2, True]]
    """
    cols = [
        "outlet",
        "source",
        "attributions",
        "first_sentence",
        "affiliation",
        "marker",
        "reason",
        "has_reason",
    ]
    anon = att[att["source_type"] == "anonymous"]
    if anon.empty:
        return pd.DataFrame(columns=cols)
    first_text = lambda s: next((x for x in s if isinstance(x, str) and x.strip()), "")  # noqa: E731
    out = (
        anon.assign(_key=anon["source"].str.casefold().str.strip())
        .sort_values("sentence", kind="stable")
        .groupby(["outlet", "_key"], sort=False)
        .agg(
            source=("source", "first"),
            attributions=("sentence", "size"),
            first_sentence=("sentence", "min"),
            affiliation=("affiliation", first_text),
            marker=("anonymity_marker", first_text),
            reason=("anonymity_reason", first_text),
        )
        .reset_index()
    )
    out["has_reason"] = out["reason"] != ""
    order = list(dict.fromkeys(att["outlet"]))
    out["_o"] = out["outlet"].map(order.index)
    return out.sort_values(["_o", "first_sentence"], kind="stable")[cols].reset_index(drop=True)


def anonymity_table(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Per outlet: ``attributions, anonymous, share, ci_low, ci_high`` (Wilson 95% interval of the share),
    ``anonymous_sources`` (distinct), ``with_reason`` and ``reason_share`` (of the distinct sources).

    >>> att = pd.DataFrame({"outlet": ["A"] * 3, "source": ["x", "x", "Ann"], "sentence": [0, 1, 2],
    ...     "source_type": ["anonymous", "anonymous", "named_person"], "affiliation": [""] * 3,
    ...     "anonymity_marker": [""] * 3, "anonymity_reason": [""] * 3})
    >>> t = anonymity_table(att, ["A", "B"])
    >>> t[["outlet", "attributions", "anonymous", "anonymous_sources"]].values.tolist()
    [['A', 3, 2, 1], ['B', 0, 0, 0]]
    """
    distinct = anonymous_sources(att)
    rows = []
    for o in outlets:
        mine = att[att["outlet"] == o]
        n, k = len(mine), int((mine["source_type"] == "anonymous").sum())
        lo, hi = wilson_interval(k, n)
        d = distinct[distinct["outlet"] == o]
        rows.append({
            "outlet": o, "attributions": n, "anonymous": k, "share": ratio(k, n), "ci_low": lo, "ci_high": hi,
            "anonymous_sources": len(d), "with_reason": int(d["has_reason"].sum()),
            "reason_share": ratio(int(d["has_reason"].sum()), len(d)),
        })  # fmt: skip
    return pd.DataFrame(rows)


def anonymity_differences(
    att: pd.DataFrame, outlets: Sequence[str], n_boot: int = 10_000, seed: int = 2016
) -> pd.DataFrame:
    """Differences in anonymous share for every pair of outlets: ``pairwise_differences`` of the 0/1
    anonymity of each attribution (a seeded bootstrap that resamples attributions).

    >>> att = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
    ...     "source_type": ["anonymous"] * 3 + ["named_person"]})
    >>> anonymity_differences(att, ["A", "B"], n_boot=500)[["outlet_a", "outlet_b", "diff"]].values.tolist()
    [['A', 'B', 0.5]]
    """
    values = {o: (att.loc[att["outlet"] == o, "source_type"] == "anonymous").astype(float) for o in outlets}
    return pairwise_differences(values, n_boot=n_boot, seed=seed)


def side_table(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Attributions per outlet (rows) and side (columns); sides ordered by their total, largest first
    (ties: first appearance), as the affiliation list assigns them.

    >>> att = pd.DataFrame({"outlet": ["A", "A", "B"], "side": ["s1", "s2", "s2"]})
    >>> side_table(att, ["A", "B"]).to_dict("index")
    {'A': {'s2': 1, 's1': 1}, 'B': {'s2': 1, 's1': 0}}
    """
    appearance = list(dict.fromkeys(att["side"]))
    totals = att["side"].value_counts()
    sides = sorted(appearance, key=lambda s: (-totals[s], appearance.index(s)))
    wide = att.groupby(["outlet", "side"]).size().unstack(fill_value=0)
    out = wide.reindex(index=list(outlets), columns=sides, fill_value=0).fillna(0).astype(int)
    out.index.name, out.columns.name = "outlet", "side"
    return out


def named_speakers(att: pd.DataFrame, outlets: Sequence[str]) -> pd.Series:
    """The named people who speak in each outlet (sorted names; an empty list where none do).

    >>> att = pd.DataFrame({"outlet": ["A", "A"], "source_type": ["named_person"] * 2, "name": ["Bo", "Al"]})
    >>> named_speakers(att, ["A", "B"]).to_dict()
    {'A': ['Al', 'Bo'], 'B': []}
    """
    named = att[(att["source_type"] == "named_person") & (att["name"] != "")]
    return pd.Series(
        {o: sorted(set(named.loc[named["outlet"] == o, "name"])) for o in outlets}, name="named_speakers"
    )


def verb_table(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Attributions per reporting verb (``lemma``, ``stance``) and outlet, with ``total``, most used first.

    >>> att = pd.DataFrame({"outlet": ["A", "B", "B"], "lemma": ["say", "say", "accuse"],
    ...     "stance": ["neutral", "neutral", "loaded"]})
    >>> verb_table(att, ["A", "B"]).reset_index().values.tolist()
    [['say', 'neutral', 1, 1, 2], ['accuse', 'loaded', 0, 1, 1]]
    """
    if att.empty:
        index = pd.MultiIndex.from_tuples([], names=["lemma", "stance"])
        return pd.DataFrame(0, index=index, columns=[*outlets, "total"])
    wide = pd.crosstab([att["lemma"], att["stance"]], att["outlet"])
    wide = wide.reindex(columns=list(outlets), fill_value=0).astype(int)
    wide.columns.name = None
    wide["total"] = wide.sum(axis=1)
    return wide.sort_values("total", ascending=False, kind="stable")


def quote_table(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Per outlet: ``attributions, quoted`` (quotation marks in the sentence), ``paraphrased, quote_share``.

    >>> att = pd.DataFrame({"outlet": ["A", "A"], "quote": [True, False]})
    >>> quote_table(att, ["A", "B"]).values.tolist()
    [['A', 2, 1, 1, 0.5], ['B', 0, 0, 0, nan]]
    """
    rows = []
    for o in outlets:
        q = att.loc[att["outlet"] == o, "quote"].astype(bool)
        rows.append([o, len(q), int(q.sum()), int((~q).sum()), ratio(int(q.sum()), len(q))])
    return pd.DataFrame(rows, columns=["outlet", "attributions", "quoted", "paraphrased", "quote_share"])


def first_sources(att: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    """Each outlet's first attribution (lowest sentence, then cue order); outlets without one are left out."""
    first = att.sort_values(["sentence", "cue_start"], kind="stable").groupby("outlet", sort=False).head(1)
    return first.set_index("outlet").reindex([o for o in outlets if o in set(first["outlet"])]).reset_index()


def position_counts(att: pd.DataFrame) -> pd.DataFrame:
    """Attributions per outlet, source type and sentence (several in one sentence share one dot):
    ``outlet, source_type, sentence, position, attributions``.

    >>> att = pd.DataFrame({"outlet": ["A"] * 3, "source_type": ["anonymous"] * 3, "sentence": [0, 0, 2],
    ...     "position": [0.0, 0.0, 1.0]})
    >>> position_counts(att).values.tolist()
    [['A', 'anonymous', 0, 0.0, 2], ['A', 'anonymous', 2, 1.0, 1]]
    """
    keys = ["outlet", "source_type", "sentence", "position"]
    return att.groupby(keys, sort=False).size().rename("attributions").reset_index()
