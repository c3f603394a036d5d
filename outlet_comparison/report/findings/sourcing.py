"""Findings of notebook 02: attributions, anonymity (with intervals), sides, quotes, verbs, the extractor."""

from __future__ import annotations

import math

import pandas as pd

from outlet_comparison.report.findings.common import difference, label, names, num


def pct(x: float) -> str:
    """A share as a whole percentage ('n/a' for NaN).

    >>> pct(0.5263), pct(float("nan"))
    ('53%', 'n/a')
    """
    return "n/a" if x is None or math.isnan(x) else f"{100 * x:.0f}%"


def _reasons(m: int, r: int) -> str:
    """How many of an outlet's m distinct anonymous sources come with a stated reason (r)."""
    if m == 1:
        return (
            f"its one anonymous source comes {'with' if r else 'without'} a stated reason for the anonymity"
        )
    if r == 0:
        return f"none of its {m} distinct anonymous sources comes with a stated reason for the anonymity"
    if r == m:
        return f"all {m} of its distinct anonymous sources come with a stated reason for the anonymity"
    verb = "comes" if r == 1 else "come"
    return f"{r} of its {m} distinct anonymous sources {verb} with a stated reason for the anonymity"


def outlet_anonymity(row: pd.Series) -> str:
    """One outlet: attributions, anonymous share with its 95% interval, distinct sources with a reason.

    >>> r = pd.Series({"outlet": "A", "attributions": 19, "anonymous": 10, "share": 10 / 19, "ci_low": 0.317,
    ...     "ci_high": 0.727, "anonymous_sources": 3, "with_reason": 1})
    >>> print(outlet_anonymity(r).replace("; 1", ";\\n1"))
    **A**: 19 attributions, 10 of them (53%; 95% CI 32% to 73%) to anonymous sources;
    1 of its 3 distinct anonymous sources comes with a stated reason for the anonymity.
    """
    n, k = int(row["attributions"]), int(row["anonymous"])
    ci = f"95% CI {pct(row['ci_low'])} to {pct(row['ci_high'])}"
    if n == 0:
        return f"**{row['outlet']}**: the extractor finds no attributed statement in this article."
    if k == 0:
        line = f"**{row['outlet']}**: {n} attribution{'s' * (n != 1)}, none to an anonymous source ({ci})."
    else:
        them = "of them " if n > 1 else ""
        line = (
            f"**{row['outlet']}**: {n} attribution{'s' * (n != 1)}, {k} {them}({pct(row['share'])}; {ci}) to "
            f"anonymous sources; {_reasons(int(row['anonymous_sources']), int(row['with_reason']))}."
        )
    return line + vague_attribution(row)


def vague_attribution(row: pd.Series) -> str:
    """Vague attribution beside anonymity: statements given to unnamed groups ("critics", "some"), which
    journalism's anonymity standards do not cover ("" when the outlet has none or the column is absent).

    >>> vague_attribution(pd.Series({"attributions": 12, "vague": 3, "vague_share": 0.25}))
    ' Another 3 (25%) go to vague groups ("critics", "some"), not to a specific source.'
    """
    v = int(row.get("vague", 0) or 0)
    if v == 0:
        return ""
    verb = "goes" if v == 1 else "go"
    share = pct(row["vague_share"])
    return f' Another {v} ({share}) {verb} to vague groups ("critics", "some"), not to a specific source.'


def anonymous_gap(pairs: pd.DataFrame) -> str:
    """The largest difference in anonymous share between two outlets, in percentage points, with its interval.

    ``pairs``: ``pairwise_differences`` of the 0/1 anonymity of each attribution.

    >>> p = pd.DataFrame({"outlet_a": ["A"], "outlet_b": ["B"], "diff": [-0.38], "ci_low": [-0.64],
    ...     "ci_high": [-0.12], "secure": [True]})
    >>> print(anonymous_gap(p).replace("; ", ";\\n"))
    Difference in anonymous share: B − A: +38 percentage points (95% CI +12 to +64;
    the interval excludes zero).
    """
    if pairs.empty:
        return "No two outlets both have attributions, so their anonymous shares cannot be compared."
    best = pairs.loc[pairs["diff"].abs().idxmax()].copy()
    if best["diff"] < 0:  # say it as the larger share minus the smaller
        best["outlet_a"], best["outlet_b"] = best["outlet_b"], best["outlet_a"]
        best["diff"], best["ci_low"], best["ci_high"] = -best["diff"], -best["ci_high"], -best["ci_low"]
    for col in ("diff", "ci_low", "ci_high"):
        best[col] = 100 * best[col]
    lead = "Difference in anonymous share" if len(pairs) == 1 else "Largest difference in anonymous share"
    text = f"{lead}: {difference(best, 'percentage points', 0)}."
    if len(pairs) > 1:
        text += f" {int(pairs['secure'].sum())} of the {len(pairs)} pairwise intervals exclude zero."
    return text


def side_finding(sides: pd.DataFrame) -> str:
    """Which side speaks most in each outlet, and sides heard in one outlet only (``sides``: outlets x sides).

    >>> s = pd.DataFrame({"s1": [15, 18], "s2": [3, 0]}, index=["A", "B"])
    >>> side_finding(s).split(": ", 1)[1]
    'A s1 (15 of 18 attributions), B s1 (18 of 18); heard in one outlet only: s2 (A, 3).'
    """
    if sides.shape[1] == 0:
        return "No attribution, so no side speaks."
    if sides.shape[1] == 1:
        return (
            f"Every attribution falls on one side of the affiliation list ({sides.columns[0]!r}): it does "
            "not tell this event's sources apart by side (an event can bring its own list, `affiliations` in "
            "its event.toml)."
        )
    parts = []
    for k, (o, row) in enumerate(sides.iterrows()):
        n = int(row.sum())
        if n:
            unit = " attributions" if k == 0 else ""
            parts.append(f"{o} {row.idxmax()} ({int(row.max())} of {n}{unit})")
    only = [
        f"{s} ({sides.index[sides[s] > 0][0]}, {int(sides[s].max())})"
        for s in sides
        if (sides[s] > 0).sum() == 1
    ]
    text = "The side that speaks most (as the affiliation list assigns sides): " + ", ".join(parts)
    return text + (f"; heard in one outlet only: {', '.join(only)}." if only and len(sides) > 1 else ".")


def type_finding(types: pd.DataFrame, anon: pd.DataFrame) -> str:
    """The most frequent source type of each outlet with attributions (``types``: ``type_table``; ``anon``:
    ``anonymity_table`` for the totals).

    >>> t = pd.DataFrame({"outlet": ["A", "A", "B"], "attributions": [10, 9, 0],
    ...                   "source_type": ["anonymous", "named_person", "anonymous"]})
    >>> type_finding(t, pd.DataFrame({"outlet": ["A", "B"], "attributions": [19, 0]}))
    'Most frequent source type: A anonymous (10 of 19).'
    """
    top = types.loc[types.groupby("outlet", sort=False)["attributions"].idxmax()]
    total = anon.set_index("outlet")["attributions"]
    parts = [
        f"{r.outlet} {label(r.source_type)} ({r.attributions} of {total[r.outlet]})"
        for r in top.itertuples()
        if r.attributions
    ]
    return "Most frequent source type: " + ", ".join(parts) + "."


def quote_finding(quotes: pd.DataFrame) -> str:
    """Direct quotation per outlet (``quotes``: ``quote_table``).

    >>> q = pd.DataFrame({"outlet": ["A"], "attributions": [19], "quoted": [3], "quote_share": [3 / 19]})
    >>> quote_finding(q)
    'Attributions in a sentence with quotation marks (direct or partial quotes): A 3 of 19 (16%).'
    """
    parts = [
        f"{r.outlet} {r.quoted} of {r.attributions} ({pct(r.quote_share)})"
        for r in quotes.itertuples()
        if r.attributions
    ]
    return (
        "Attributions in a sentence with quotation marks (direct or partial quotes): "
        + ", ".join(parts)
        + "."
    )


def verb_finding(verbs: pd.DataFrame, outlets: list[str]) -> str:
    """Loaded reporting verbs per outlet (``verbs``: ``verb_table``, indexed by lemma and stance).

    >>> idx = pd.MultiIndex.from_tuples([("say", "neutral"), ("accuse", "loaded")], names=["lemma", "stance"])
    >>> v = pd.DataFrame({"A": [13, 2], "B": [14, 0], "total": [27, 2]}, index=idx)
    >>> verb_finding(v, ["A", "B"])
    "Loaded reporting verbs: A 2 (accuse), B none; every other cue is neutral, most often 'say' (27 of 29)."
    """
    if verbs.empty:
        return "No reporting verbs: the extractor finds no attributed statement."
    stance = verbs.index.get_level_values("stance")
    loaded = verbs[stance == "loaded"]
    top_lemma, _ = verbs.index[0]
    total = int(verbs["total"].sum())
    others = set(stance[stance != "loaded"])
    rest = (
        "every other cue is neutral"
        if others <= {"neutral"}
        else "the other cues are " + names(sorted(others))
    )
    common = f"most often '{top_lemma}' ({int(verbs['total'].iloc[0])} of {total})"
    if loaded.empty:
        return f"No loaded reporting verb in any article; {rest}, {common}."
    parts = []
    for o in outlets:
        used = loaded[loaded[o] > 0]
        lemmas = ", ".join(used.index.get_level_values("lemma"))
        parts.append(f"{o} {int(used[o].sum())} ({lemmas})" if len(used) else f"{o} none")
    return f"Loaded reporting verbs: {', '.join(parts)}; {rest}, {common}."


def extractor_caveat(accuracy: dict[str, float] | None) -> str:
    """What the rule-based extractor can do: its measured accuracy (keys ``source_p, source_r, source_f1,
    statement_recall, type_accuracy``), or a general statement when the benchmark is not available.

    >>> extractor_caveat(None).startswith("Sources are found by rules")
    True
    """
    head = (
        "Sources are found by rules (lists of reporting verbs, titles and names) refined by a small "
        "statistical model trained on annotated political news (PolNeAR), not by a model of meaning"
    )
    if not accuracy:
        return (
            f"{head}; their accuracy on public benchmarks is moderate "
            "([docs/attribution.md](../docs/attribution.md); the benchmark "
            "data is not available here), so check single rows in the evidence table."
        )
    return (
        f"{head}: on the PolNeAR benchmark their source-span F1 is {num(accuracy['source_f1'], 2)} "
        f"(precision {num(accuracy['source_p'], 2)}, recall {num(accuracy['source_r'], 2)}); on the SCU set "
        f"they find {pct(accuracy['statement_recall'])} of sourced statements and give "
        f"{pct(accuracy['type_accuracy'])} of those the right source type. Check single rows in the evidence "
        "table."
    )


def sourcing_findings(
    anon: pd.DataFrame,
    pairs: pd.DataFrame,
    sides: pd.DataFrame,
    quotes: pd.DataFrame,
    verbs: pd.DataFrame,
    accuracy: dict[str, float] | None = None,
) -> list[str]:
    """The findings of the sourcing page, from its tables (``anonymity_table``, ``anonymity_differences``,
    ``side_table``, ``quote_table``, ``verb_table`` of ``outlet_comparison.coverage.sourcing``)."""
    outlets = anon["outlet"].tolist()
    gap = anonymous_gap(pairs)
    if not pairs.empty:
        gap += (
            " These intervals treat every attribution as independent; several attributions to one source "
            "are not, so the intervals are if anything too narrow."
        )
    return [
        *[outlet_anonymity(r) for _, r in anon.iterrows()],
        gap,
        side_finding(sides),
        quote_finding(quotes),
        verb_finding(verbs, outlets),
        extractor_caveat(accuracy),
    ]


# ---------------------------------------------------------------- the page's tables and chart readings


def type_tables(types: pd.DataFrame, outlets: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Attributions and their share (0–1) per outlet (rows) and source type (columns, in first-seen order)."""
    order = list(dict.fromkeys(types["source_type"]))
    wide = {c: types.pivot(index="outlet", columns="source_type", values=c).loc[outlets, order] for c in
            ("attributions", "share")}  # fmt: skip
    return wide["attributions"], wide["share"]


def verb_labels(index: pd.Index) -> list[str]:
    """Labels of the verb table's rows (lemma, stance): loaded verbs say so.

    >>> verb_labels(pd.MultiIndex.from_tuples([("say", "neutral"), ("accuse", "loaded")]))
    ['say', 'accuse (loaded)']
    """
    return [f"{lem} (loaded)" if st == "loaded" else lem for lem, st in index]


def anonymous_medians(att: pd.DataFrame, outlets: list[str]) -> pd.Series:
    """The median position (% of the article's sentences) of each outlet's anonymous attributions."""
    anonymous = att[att["source_type"] == "anonymous"]
    return (100 * anonymous["position"]).groupby(anonymous["outlet"]).median().reindex(outlets).dropna()


def benchmark_accuracy(res: dict, type_accuracy: float) -> dict[str, float]:
    """The extractor's accuracy the findings quote: PolNeAR source overlap, SCU recall and type accuracy."""
    overlap = res["polnear_dev"]["source_overlap"]
    return {
        "source_p": overlap["P"], "source_r": overlap["R"], "source_f1": overlap["F1"],
        "statement_recall": res["scu"]["statement_recall"], "type_accuracy": type_accuracy,
    }  # fmt: skip


BENCHMARK_MEASURES = {
    "source_overlap": "source span, overlap",
    "source_exact": "source span, exact",
    "cue_overlap": "cue, overlap",
}


def accuracy_table(res: dict, accuracy: dict[str, float]) -> pd.DataFrame:
    """The benchmark table: PolNeAR dev precision, recall and F1 per measure, SCU recall and type accuracy."""
    pol, scu = res["polnear_dev"], res["scu"]
    rows = [
        ("PolNeAR dev", name, pol[k]["P"], pol[k]["R"], pol[k]["F1"])
        for k, name in BENCHMARK_MEASURES.items()
    ]
    rows += [("SCU", "statement recall", None, scu["statement_recall"], None),
             ("SCU", "type accuracy on found statements", accuracy["type_accuracy"], None, None)]  # fmt: skip
    return pd.DataFrame(rows, columns=["benchmark", "measure", "precision / accuracy", "recall", "F1"])


def accuracy_sentence(accuracy: dict[str, float]) -> str:
    """The benchmark table in one sentence."""
    higher = "higher" if accuracy["source_p"] > accuracy["source_r"] else "not higher"
    return (
        f"On PolNeAR dev the source-span overlap F1 is {accuracy['source_f1']:.2f} (precision "
        f"{accuracy['source_p']:.2f}, recall {accuracy['source_r']:.2f}; precision is {higher} than recall). "
        f"On SCU {100 * accuracy['statement_recall']:.0f}% of sourced statements are found and "
        f"{100 * accuracy['type_accuracy']:.0f}% of those get the gold type."
    )
