"""Findings of notebook 03: grade levels with intervals, formula spread, style, measurement choices, caveats.

The tables come from the readability helpers: ``scores`` is one column per outlet of ``readability``'s
values (rows: counts, rates, formulas, ``textstat_*``); ``grades`` is one row per outlet (index) of
``fk_interval`` (``grade, ci_low, ci_high, n``); ``pairs`` is ``fk_pairwise`` (one row per pair).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import textstat

from outlet_comparison.instruments.readability import (
    GRADE_FORMULAS,
    READABILITY_FORMULAS,
    dale_chall_grade,
    fre_grade,
    readability,
)
from outlet_comparison.report.findings.common import difference, names, num
from outlet_comparison.sources.rawtext import normalise_text
from outlet_comparison.text.units import sentences

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


# ---------------------------------------------------------------- the page's tables and chart readings

FK = "flesch_kincaid_grade"
BANDS = ("flesch_reading_ease", "dale_chall_readability_score")  # scores a table maps to a grade band
WORD_PANELS = [
    ("syllables_per_word", 1, "syllables per word", "Syllables per word"),
    ("polysyllable_share", 100, "% of words with 3+ syllables", "Polysyllabic words"),
    ("difficult_word_share", 100, "% of words not on the easy list", "Dale–Chall difficult words"),
]


def common_scale(scores: pd.DataFrame) -> pd.DataFrame:
    """The grade formulas, then Flesch Reading Ease and Dale–Chall as the lowest grade of their band."""
    common = scores.loc[list(GRADE_FORMULAS)].astype(float)
    common.loc[BANDS[0]] = [fre_grade(v) for v in scores.loc[BANDS[0]]]
    common.loc[BANDS[1]] = [dale_chall_grade(v) for v in scores.loc[BANDS[1]]]
    return common


def scale_labels(formulas: list[str]) -> list[str]:
    """Tick labels of the formulas on the common scale; the table-band ones say so.

    >>> scale_labels(["smog_index", "flesch_reading_ease"])
    ['SMOG', 'Flesch Reading Ease\\n(table band)']
    """
    return [FORMULA_LABELS[f] + ("" if f in GRADE_FORMULAS else "\n(table band)") for f in formulas]


def scale_data(common: pd.DataFrame) -> pd.DataFrame:
    """The common-scale chart's CSV: one row per formula, its kind (grade formula or table band)."""
    data = common.rename_axis("formula").reset_index()
    data["kind"] = np.where(data.formula.isin(GRADE_FORMULAS), "grade formula", "table band, lowest grade")
    return data


def scale_reading(common: pd.DataFrame) -> str:
    """The common-scale chart in one sentence: the range of grades."""
    return (
        f"On one scale the articles run from grade {num(common.min().min())} to "
        f"{num(common.max().max())}; hatched bars are the lowest grade of the band that Flesch "
        "Reading Ease or Dale–Chall falls in."
    )


def sentence_length_reading(median_words: pd.Series) -> str:
    """The sentence-length chart in one sentence: longest and shortest median sentences."""
    return (
        f"The longest median sentences are at {names(leaders(median_words, 0))}"
        f" ({num(median_words.max(), 0)} words); the shortest at "
        f"{median_words.idxmin()} ({num(median_words.min(), 0)} words)."
    )


def paragraph_reading(first: pd.Series, swing: pd.Series, article: pd.Series) -> str:
    """The paragraph chart in one sentence: first paragraph against the article, and the swing."""
    return (
        "First paragraph against whole article: "
        + names([f"{o} {num(first[o])} (article {num(article[o])})" for o in article.index])
        + f". Within an article the paragraph grades span {num(swing.min())} to "
        f"{num(swing.max())} grades."
    )


def difficult_words(diff_words: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Per outlet (index): the capitalised share of its Dale–Chall difficult words and the most frequent."""
    by = diff_words.groupby("outlet", sort=False)["word"]
    return pd.DataFrame(
        {
            "capitalised share of difficult words": by.apply(lambda w: w.str[0].str.isupper().mean()),
            "most frequent difficult words": by.apply(lambda w: ", ".join(w.value_counts().head(top).index)),
        }
    )


def word_difficulty_reading(scores: pd.DataFrame) -> str:
    """The word-difficulty chart in one sentence: who leads each word measure."""
    top = {key: names(leaders(scores.loc[key], 3)) for key, *_ in WORD_PANELS}
    if len(set(top.values())) == 1:
        return (
            f"{top['syllables_per_word']} is highest on all three word measures (syllables per word, "
            "words of 3+ syllables, Dale–Chall difficult words)."
        )
    return (
        f"Longest words (syllables per word): {top['syllables_per_word']}; most words of 3+ "
        f"syllables: {top['polysyllable_share']}; most Dale–Chall difficult words: "
        f"{top['difficult_word_share']}."
    )


def bootstrap_data(grades: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The bootstrap chart's CSV: each article's interval, then each pair's difference."""
    return pd.concat(
        [
            grades.rename_axis("outlet").reset_index().assign(kind="article"),
            pairs.assign(kind="pair difference"),
        ],
        ignore_index=True,
    )


def gap_reading(pairs: pd.DataFrame) -> str:
    """The largest gap between two outlets' Flesch–Kincaid grades, with its interval, in one sentence."""
    if not len(pairs):
        return "No pair of articles has sentences to compare."
    return (
        "Largest gap: " + difference(pairs.loc[pairs["diff"].abs().idxmax()], "Flesch–Kincaid grades") + "."
    )


CLEANING_MEASURES = ["words", "sentences", "words_per_sentence", FK, f"textstat_{FK}"]


def cleaning_effect(raw: dict[str, str], clean: dict[str, str]) -> pd.DataFrame:
    """Counts and grades of each outlet's raw file and clean body: index (outlet, input)."""
    inputs = {(o, kind): t for o in clean for kind, t in (("raw file", raw[o]), ("clean body", clean[o]))}
    return pd.DataFrame({key: readability(t)[CLEANING_MEASURES] for key, t in inputs.items()}).T


def raw_only_units(raw_units: pd.DataFrame, clean: dict[str, str]) -> pd.DataFrame:
    """The units of the raw files (``readability_sentences`` rows) that are in no sentence of the body,
    compared in the bodies' normalised form."""
    body = {o: sentences(t) for o, t in clean.items()}
    units = zip(raw_units.outlet, raw_units.text.map(normalise_text), strict=True)
    in_body = [any(t in s for s in body[o]) for o, t in units]
    return raw_units[[not b for b in in_body]]


def cleaning_reading(shift: pd.Series) -> str:
    """The cleaning chart in one sentence: the largest shift from scoring the raw file."""
    most = shift.abs().idxmax()
    return (
        f"The largest shift from cleaning is at {most} ({num(shift[most], 2, sign=True)} grades when the raw "
        "file is scored)."
    )


def splitter_effect(scores: pd.DataFrame, clean: dict[str, str]) -> pd.DataFrame:
    """textstat as is, our words with textstat's splitter, and ours: sentences and grades per outlet."""
    return pd.DataFrame(
        {
            o: {
                "textstat as is: sentences": scores.loc["textstat_sentences", o],
                "textstat as is: FK grade": scores.loc[f"textstat_{FK}", o],
                "our words, textstat splitter: FK grade": readability(t, splitter="textstat")[FK],
                "ours: sentences": scores.loc["sentences", o],
                "ours: FK grade": scores.loc[FK, o],
            }
            for o, t in clean.items()
        }
    )


def textstat_splits(sents: pd.DataFrame) -> pd.DataFrame:
    """Our sentences that textstat counts as other than one, with the pieces it cuts them into (``|``)."""
    split = sents.assign(textstat_count=[textstat.sentence_count(s) for s in sents.text])
    split = split[split.textstat_count != 1]
    return split.assign(textstat_pieces=[" | ".join(re.findall(r"\b[^.!?]+[.!?]*", s)) for s in split.text])


def splitter_reading(split: pd.DataFrame) -> str:
    """The splitter chart in one sentence: how far textstat's own counts move each grade."""
    shift = split.loc["textstat as is: FK grade"] - split.loc["ours: FK grade"]
    if (shift.abs() >= 0.005).any():
        return (
            "textstat's own counts move the grade by "
            + names([f"{o} {num(shift[o], 2, sign=True)}" for o in shift.index])
            + "."
        )
    return "textstat's own counts give the same grade as ours for every outlet."


def sentence_extremes(ranked: pd.DataFrame, outlets: list[str]) -> str:
    """Each outlet's hardest and easiest sentence (``ranked``: sentences from easiest to hardest), a list."""
    lines = []
    for o in outlets:
        s_o = ranked[ranked.outlet == o]
        h, e = s_o.iloc[-1], s_o.iloc[0]
        lines.append(
            f"- {o}: hardest sentence {h.sentence} ({h.words} words, grade {num(h[FK])}), easiest sentence "
            f"{e.sentence} ({e.words} words, grade {num(e[FK])})"
        )
    return "\n".join(lines)


def length_grade_reading(r: float, n: int) -> str:
    """The sentence-grade scatter in one sentence: how grade and length correlate."""
    if r >= 0.5:
        return (
            f"Across all {n} sentences, grade and length correlate at r = {r:.2f}: longer sentences "
            "get higher grades."
        )
    return f"Across all {n} sentences, grade and length correlate only at r = {r:.2f}."


CLEAR_FK = "Flesch-Kincaid-Grade-Level"  # the CLEAR corpus' own Flesch–Kincaid column


def clear_agreement(clear: pd.DataFrame, uncorrected: bool = True) -> dict:
    """Our scores of the CLEAR excerpts against the corpus: ``scores``, Flesch–Kincaid ``r_fk`` and mean
    ``offset`` against CLEAR's, ``r_bt`` (each formula's r with human easiness: ours, and textstat's when
    ``uncorrected``) and, when ``uncorrected``, the share of excerpts whose sentence count ``match``es."""
    cr = pd.DataFrame([readability(t, uncorrected=uncorrected) for t in clear["Excerpt"]]).set_axis(
        clear.index
    )
    easy = clear["BT_easiness"]
    formulas = list(READABILITY_FORMULAS)
    r_bt = {"ours": [np.corrcoef(cr[f], easy)[0, 1] for f in formulas]}
    out = {
        "scores": cr,
        "r_fk": np.corrcoef(cr[FK], clear[CLEAR_FK])[0, 1],
        "offset": (cr[FK] - clear[CLEAR_FK]).mean(),
    }
    if uncorrected:
        r_bt["textstat"] = [np.corrcoef(cr[f"textstat_{f}"], easy)[0, 1] for f in formulas]
        out["match"] = {
            "ours": (cr["sentences"] == clear["Sentence Count"]).mean(),
            "textstat": (cr["textstat_sentences"] == clear["Sentence Count"]).mean(),
        }
    out["r_bt"] = pd.DataFrame(r_bt, index=formulas)
    return out


def clear_reading(offset: float) -> str:
    """The CLEAR scatter in one sentence: how far our grades run from CLEAR's on average."""
    return (
        f"The points lie along the diagonal; our grades run {num(abs(offset), 2)} grade "
        f"{'above' if offset > 0 else 'below'} CLEAR's on average, mostly because the syllable counters "
        "differ (see the benchmark README)."
    )


def splits_reading(n_split: pd.Series) -> str:
    """The textstat-split table in one sentence: how many of each outlet's sentences textstat cuts."""
    if not n_split.sum():
        return "textstat's splitter counts exactly one sentence in each of our sentences, in every article."
    return (
        "Sentences of ours that textstat counts as more (or fewer) than one: "
        + names([f"{o} {n}" for o, n in n_split.items()])
        + "; the table above shows where it cuts them (`|`)."
    )


def clear_summary(check: dict, n: int) -> str:
    """The CLEAR sample check (``clear_agreement``) in one sentence, before its table of correlations."""
    r_bt, match = check["r_bt"]["ours"].abs(), check["match"]
    return (
        f"On {n} CLEAR excerpts our Flesch–Kincaid correlates r = {check['r_fk']:.3f} with the corpus' own "
        f"reference values. Our splitter gives the corpus' sentence count in {100 * match['ours']:.1f}% of "
        f"excerpts, textstat's in {100 * match['textstat']:.1f}%. Against human easiness (BT_easiness), "
        f"every formula correlates only weakly to moderately (|r| {r_bt.min():.2f}–{r_bt.max():.2f}):"
    )


FK_AXIS = "Flesch–Kincaid grade (US school grade)"  # the axis label of every Flesch–Kincaid chart
CLEAR_SOURCE = (
    "Source: CLEAR corpus sample (Crossley et al. 2023, CC BY-NC-SA 4.0); analysis: outlet-comparison toolkit"
)


def paragraph_grades(paras: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per outlet: the first paragraph's Flesch–Kincaid grade, and how far its paragraph grades swing."""
    first = paras[paras.paragraph == 1].set_index("outlet")[FK]
    swing = paras.groupby("outlet", sort=False)[FK].agg(lambda g: g.max() - g.min())
    return first, swing


def clear_full_summary(check: dict, n: int) -> str:
    """The full-corpus CLEAR check (``clear_agreement``, not ``uncorrected``) in one sentence."""
    r = check["r_bt"]["ours"].abs()
    return (
        f"On the full corpus of {n:,} excerpts, our Flesch–Kincaid correlates r = {check['r_fk']:.3f} "
        f"with CLEAR's, and every formula correlates |r| {r.min():.2f}–{r.max():.2f} "
        "with human easiness (published: 0.48–0.56)."
    )


def clear_chart_data(clear: pd.DataFrame, check: dict) -> pd.DataFrame:
    """The CLEAR scatter's CSV: each excerpt's id, CLEAR's Flesch–Kincaid and ours."""
    return pd.DataFrame({"ID": clear["ID"], "clear_fk": clear[CLEAR_FK], "ours_fk": check["scores"][FK]})
