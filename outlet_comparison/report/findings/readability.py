"""Findings of notebook 03: grade levels with intervals, formula spread, style, measurement choices, caveats.

The tables come from the readability helpers: ``scores`` is one column per outlet of ``readability``'s
values (rows: counts, rates, formulas, ``textstat_*``); ``grades`` is one row per outlet (index) of
``fk_interval`` (``grade, ci_low, ci_high, n``); ``pairs`` is ``fk_pairwise`` (one row per pair).
"""

from __future__ import annotations

import pandas as pd

from outlet_comparison.instruments.readability import GRADE_FORMULAS
from outlet_comparison.report.findings.common import difference, names, num

FORMULA_LABELS = {
    "flesch_kincaid_grade": "Flesch–Kincaid",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "flesch_reading_ease": "Flesch Reading Ease",
    "dale_chall_readability_score": "Dale–Chall",
}

SMOG_MIN_SENTENCES = 30  # SMOG was fitted on samples of 30 sentences


def grade_level(grade: float) -> str:
    """The US school level of a grade: primary (below 6), middle (6-8), high school (9-12) or college.

    >>> grade_level(13.35), grade_level(12.54), grade_level(7.98)
    ('college', 'high-school', 'middle-school')
    """
    if pd.isna(grade):
        return "unmeasurable"
    for upper, label in ((6, "primary-school"), (9, "middle-school"), (13, "high-school")):
        if grade < upper:
            return label
    return "college"


def listing(values: pd.Series, digits: int = 1, unit: str = "") -> str:
    """'A 13.4, B 13.2 and C 8.5' (with a unit after each number when given).

    >>> listing(pd.Series({"A": 21.0, "B": 26.0}), 0, " words")
    'A 21 words and B 26 words'
    """
    return names([f"{o} {num(v, digits)}{unit}" for o, v in values.items()])


def leaders(values: pd.Series, digits: int = 2) -> list[str]:
    """The labels that share the highest value at the given rounding.

    >>> leaders(pd.Series({"A": 1.691, "B": 1.689, "C": 1.5}))
    ['A', 'B']
    """
    r = values.astype(float).round(digits)
    return r.index[r == r.max()].tolist()


def _order(values: pd.Series) -> list[str]:
    """Labels from the highest value to the lowest (2 decimals, ties in the given order)."""
    return values.astype(float).round(2).sort_values(ascending=False, kind="stable").index.tolist()


def grade_findings(grades: pd.DataFrame, pairs: pd.DataFrame) -> list[str]:
    """Each outlet's Flesch-Kincaid grade with its interval and level, and the largest gap between two."""
    each = names(
        [
            f"{o} **{num(r.grade, 2)}** ({num(r.ci_low)} to {num(r.ci_high)}; {int(r.n)} sentences)"
            for o, r in grades.iterrows()
        ]
    )
    levels = pd.Series({o: grade_level(g) for o, g in grades["grade"].items()})
    if levels.nunique() == 1:
        where = f"{'both' if len(levels) == 2 else 'all'} at a US {levels.iloc[0]} level"
    else:
        groups = levels.groupby(levels, sort=False)
        where = "; ".join(f"{names(g.index.tolist())} at a US {lvl} level" for lvl, g in groups)
    out = [
        "**Flesch–Kincaid grade of each clean body** (US school years; 95% CI over sentences): "
        f"{each}: {where}."
    ]
    if pairs.empty:
        return out
    best = pairs.loc[pairs["diff"].abs().idxmax()]
    gap = difference(best, "Flesch–Kincaid grades")
    if len(pairs) == 1:
        out.append(f"**The gap between the two**: {gap}.")
    else:
        k = int(pairs["secure"].sum())
        out.append(
            f"**Largest gap of the {len(pairs)} pairs**: {gap}; {k} of {len(pairs)} pairwise intervals "
            "exclude zero."
        )
    return out


def formula_findings(scores: pd.DataFrame) -> list[str]:
    """How far the five grade formulas disagree, within an article and between outlets."""
    g = scores.loc[list(GRADE_FORMULAS)].astype(float)
    lo_f, lo_o = g.stack().idxmin()
    hi_f, hi_o = g.stack().idxmax()
    within = g.max() - g.min()  # per outlet: spread of the formulas
    between = g.max(axis=1) - g.min(axis=1)  # per formula: spread of the outlets
    text = (
        f"**The five grade formulas disagree**: they run from {num(g.loc[lo_f, lo_o])} "
        f"({FORMULA_LABELS[lo_f]}, {lo_o}) to {num(g.loc[hi_f, hi_o])} ({FORMULA_LABELS[hi_f]}, {hi_o}). "
        f"Within one article they differ by {num(within.min())} to {num(within.max())} grades; between "
        f"outlets, the same formula differs by {num(between.min())} ({FORMULA_LABELS[between.idxmin()]}) to "
        f"{num(between.max())} grades ({FORMULA_LABELS[between.idxmax()]})"
    )
    if between.max() < within.min():
        verdict = "the formulas disagree with each other more than the outlets differ."
    elif between.min() > within.max():
        verdict = "the outlets differ more than the formulas disagree."
    else:
        verdict = "the choice of formula matters about as much as the outlet."
    return [f"{text}: {verdict}"]


def style_findings(scores: pd.DataFrame, median_words: pd.Series) -> list[str]:
    """Longer sentences against longer words: which outlet is hard in which way."""
    spw = scores.loc["syllables_per_word"].astype(float)
    poly = 100 * scores.loc["polysyllable_share"].astype(float)
    text = (
        f"**Sentence length and word length**: median sentence {listing(median_words, 0, ' words')}; "
        f"syllables per word {listing(spw, 2)}; words of 3+ syllables {listing(poly, 1, '%')}."
    )
    long_s, long_w = leaders(median_words, 0), leaders(spw, 2)
    if len(long_s) > 1 or len(long_w) > 1:
        verdict = (
            f"The longest median sentences are at {names(long_s)}, the longest words at {names(long_w)} "
            "(ties at this rounding)."
        )
    elif long_s == long_w:
        verdict = f"{long_s[0]} writes both the longest sentences and the longest words."
    else:
        verdict = (
            f"{long_s[0]} writes the longest sentences and {long_w[0]} the longest words: the articles "
            "are hard in different ways."
        )
    return [f"{text} {verdict}"]


def cleaning_findings(scores: pd.DataFrame, fk_raw: pd.Series, largest_gap: float) -> list[str]:
    """The effect of cleaning: the raw file's Flesch-Kincaid grade against the clean body's."""
    clean = scores.loc["flesch_kincaid_grade"].astype(float)
    shift = fk_raw - clean
    moves = names([f"{o} {num(s, 2, sign=True)} (to {num(fk_raw[o], 2)})" for o, s in shift.items()])
    text = (
        "**Effect of cleaning**: scored on the raw file (headline, byline, captions and page furniture "
        f"included) instead of the clean body, the grades would move by {moves}"
    )
    if _order(fk_raw) != _order(clean):
        text += ", which would change the order of the outlets."
    else:
        text += "; the order of the outlets stays."
    if shift.abs().max() > abs(largest_gap):
        text += " Cleaning moves a grade more than the largest gap between outlets."
    return [text]


def splitter_findings(scores: pd.DataFrame) -> list[str]:
    """The effect of textstat's own sentence splitter and counts against ours."""
    clean = scores.loc["flesch_kincaid_grade"].astype(float)
    ts = scores.loc["textstat_flesch_kincaid_grade"].astype(float)
    ts_n, n = scores.loc["textstat_sentences"], scores.loc["sentences"]
    moved = (ts - clean).abs() >= 0.005
    if not moved.any():
        return ["**textstat's own counts** give the same Flesch–Kincaid grades as ours in every article."]
    parts = names(
        [
            f"{o} {num(ts_n[o], 0)} sentences instead of {num(n[o], 0)}, grade "
            f"{num(ts[o] - clean[o], 2, sign=True)} (to {num(ts[o], 2)})"
            for o in clean.index[moved]
        ]
    )
    rest = "" if moved.all() else f"; {names(clean.index[~moved].tolist())} unchanged"
    order = " That would change the order of the outlets." if _order(ts) != _order(clean) else ""
    return [
        "**textstat as is** (its own sentence splitter, which also ends a sentence at an abbreviation with "
        f"full stops, and its own counts) would give {parts}{rest}.{order}"
    ]


def readability_caveats(grades: pd.DataFrame) -> list[str]:
    """What the formulas can see, and how unstable they are on short texts."""
    n = grades["n"].astype(int)
    width = grades["ci_high"] - grades["ci_low"]
    few = n.index[n < SMOG_MIN_SENTENCES].tolist()
    who = (
        "no article here reaches"
        if len(few) == len(n)
        else f"{names(few)} {'does' if len(few) == 1 else 'do'} not reach"
    )
    smog = f"; SMOG assumes at least {SMOG_MIN_SENTENCES} sentences, which {who}"
    span = f"{n.min()}" if n.min() == n.max() else f"{n.min()} to {n.max()}"
    wide = (
        f"about {num(width.mean())}"
        if num(width.min()) == num(width.max())
        else f"{num(width.min())} to {num(width.max())}"
    )
    return [
        "**The formulas were fitted to school reading texts, not news**: they see only sentence and word "
        'length, not syntax, background knowledge or layout, so a grade means "long sentences with long '
        'words", not "needs that many years of school".',
        f"**Short texts are unstable**: the articles have {span} sentences, and each grade's 95% interval is "
        f"{wide} grades wide; per-paragraph and per-sentence grades only "
        f"illustrate{smog if few else ''}.",
    ]


def readability_findings(
    scores: pd.DataFrame,
    grades: pd.DataFrame,
    pairs: pd.DataFrame,
    median_words: pd.Series,
    fk_raw: pd.Series,
) -> list[str]:
    """Every finding of the readability page, in reading order (the caller adds ``article_context``)."""
    gap = float(pairs["diff"].abs().max()) if len(pairs) else 0.0
    return (
        grade_findings(grades, pairs)
        + formula_findings(scores)
        + style_findings(scores, median_words)
        + cleaning_findings(scores, fk_raw, gap)
        + splitter_findings(scores)
        + readability_caveats(grades)
    )
