"""Findings of notebook 03 (readability), written from the numbers: synthetic tables for every branch,
and the study's seeds for the numbers the study's reading quotes."""

import numpy as np
import pandas as pd
import pytest
from study import load_seeds

import helpers
from outlet_comparison.instruments.readability import fk_interval, fk_pairwise
from outlet_comparison.report.findings import readability as rf

GRADE_ROWS = list(helpers.GRADE_FORMULAS)


def _scores(**outlets: dict[str, float]) -> pd.DataFrame:
    """A readability table (rows: measures, columns: outlets) with defaults for what a test leaves out."""
    base = dict.fromkeys(GRADE_ROWS, 10.0)
    base.update(syllables_per_word=1.5, polysyllable_share=0.1, sentences=30, textstat_sentences=30)
    cols = {}
    for o, values in outlets.items():
        col = {**base, **values}
        col.setdefault("textstat_flesch_kincaid_grade", col["flesch_kincaid_grade"])
        cols[o] = col
    return pd.DataFrame(cols)


def _grades(rows: dict[str, tuple[float, float, float, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, index=["grade", "ci_low", "ci_high", "n"]).T


def _pairs(rows: list[tuple[str, str, float, float, float]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "diff", "ci_low", "ci_high"])
    return df.assign(secure=(df.ci_low > 0) | (df.ci_high < 0))


def test_grade_levels():
    assert [rf.grade_level(g) for g in (4, 6, 8.99, 9, 12.9, 13, float("nan"))] == [
        "primary-school", "middle-school", "middle-school", "high-school", "high-school", "college",
        "unmeasurable",
    ]  # fmt: skip


def test_two_outlets_same_level_and_the_gap():
    grades = _grades({"A": (13.4, 11.9, 14.8, 33), "B": (13.2, 11.8, 14.7, 32)})
    out = rf.grade_findings(grades, _pairs([("A", "B", 0.12, -1.95, 2.14)]))
    assert "A **13.40** (11.9 to 14.8; 33 sentences)" in out[0] and "both at a US college level" in out[0]
    assert out[1].startswith("**The gap between the two**: A − B: +0.12 Flesch–Kincaid grades")
    assert "95% CI −1.95 to +2.14" in out[1] and "not a statistically secure difference" in out[1]


def test_three_outlets_levels_and_largest_gap():
    grades = _grades({"A": (10.5, 8.3, 12.7, 6), "B": (8.0, 6.1, 9.7, 7), "C": (8.5, 6.5, 10.1, 7)})
    pairs = _pairs([("A", "B", 2.5, 0.3, 5.3), ("A", "C", 2.0, -0.9, 5.0), ("B", "C", -0.5, -3.1, 2.3)])
    out = rf.grade_findings(grades, pairs)
    assert "A at a US high-school level; B and C at a US middle-school level" in out[0]
    assert out[1].startswith("**Largest gap of the 3 pairs**: A − B: +2.50")
    assert "the interval excludes zero" in out[1] and out[1].endswith(
        "1 of 3 pairwise intervals exclude zero."
    )
    assert rf.grade_findings(grades, pairs.iloc[:0]) == out[:1]


def test_formula_spread_verdicts():
    close = _scores(
        A={"gunning_fog": 16, "coleman_liau_index": 11.5}, B={"gunning_fog": 16, "coleman_liau_index": 11}
    )
    text = rf.formula_findings(close)[0]
    assert "from 10.0 (Flesch–Kincaid, A) to 16.0 (Gunning Fog, A)" in text
    assert text.endswith("the formulas disagree with each other more than the outlets differ.")
    apart = _scores(A=dict.fromkeys(GRADE_ROWS, 8.0), B=dict.fromkeys(GRADE_ROWS, 12.0))
    assert rf.formula_findings(apart)[0].endswith("the outlets differ more than the formulas disagree.")
    mixed = _scores(A={"gunning_fog": 13}, B={"gunning_fog": 9, "smog_index": 11})
    assert rf.formula_findings(mixed)[0].endswith(
        "the choice of formula matters about as much as the outlet."
    )


def test_sentences_against_words():
    scores = _scores(A={"syllables_per_word": 1.69}, B={"syllables_per_word": 1.63})
    text = rf.style_findings(scores, pd.Series({"A": 21.0, "B": 26.0}))[0]
    assert "median sentence A 21 words and B 26 words" in text
    assert text.endswith(
        "B writes the longest sentences and A the longest words: the articles are hard in different ways."
    )
    same = rf.style_findings(scores, pd.Series({"A": 26.0, "B": 21.0}))[0]
    assert same.endswith("A writes both the longest sentences and the longest words.")
    tie = rf.style_findings(scores, pd.Series({"A": 21.0, "B": 21.0}))[0]
    assert "longest median sentences are at A and B" in tie and "(ties at this rounding)" in tie


def test_cleaning_changes_the_order():
    scores = _scores(A={"flesch_kincaid_grade": 13.35}, B={"flesch_kincaid_grade": 13.23})
    text = rf.cleaning_findings(scores, pd.Series({"A": 9.94, "B": 12.54}), largest_gap=0.12)[0]
    assert "A −3.41 (to 9.94) and B −0.69 (to 12.54), which would change the order of the outlets." in text
    assert text.endswith("Cleaning moves a grade more than the largest gap between outlets.")
    kept = rf.cleaning_findings(scores, pd.Series({"A": 13.3, "B": 13.2}), largest_gap=0.12)[0]
    assert kept.endswith("; the order of the outlets stays.")


def test_splitter():
    same = _scores(A={"flesch_kincaid_grade": 10.5}, B={"flesch_kincaid_grade": 8.0})
    assert rf.splitter_findings(same) == [
        "**textstat's own counts** give the same Flesch–Kincaid grades as ours in every article."
    ]
    moved = _scores(
        A={
            "flesch_kincaid_grade": 13.35,
            "textstat_flesch_kincaid_grade": 11.93,
            "sentences": 33,
            "textstat_sentences": 39,
        },
        B={"flesch_kincaid_grade": 13.23},
    )
    text = rf.splitter_findings(moved)[0]
    assert "A 39 sentences instead of 33, grade −1.42 (to 11.93); B unchanged." in text
    assert text.endswith("That would change the order of the outlets.")


def test_caveats_smog_and_interval_width():
    long_ = rf.readability_caveats(_grades({"A": (13, 12, 15, 33), "B": (13, 12, 15, 32)}))
    assert "the articles have 32 to 33 sentences" in long_[1] and "about 3.0 grades wide" in long_[1]
    assert "SMOG" not in long_[1] and "fitted to school reading texts, not news" in long_[0]
    short = rf.readability_caveats(_grades({"A": (10, 8, 12, 6), "B": (8, 6, 9, 40), "C": (8, 6, 10, 7)}))
    assert "3.0 to 4.0 grades wide" in short[1] and "which A and C do not reach" in short[1]
    assert "which no article here reaches" in rf.readability_caveats(_grades({"A": (10, 8, 12, 6)}))[1]


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return load_seeds()


def test_interval_and_pairs_on_the_seeds(seeds):
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    b, a = seeds.outlet
    g = fk_interval(text[b])
    assert round(g["grade"], 2) == 13.35 and g["n"] == 33 and g["ci_low"] < g["grade"] < g["ci_high"]
    assert g["grade"] == pytest.approx(helpers.readability(text[b])["flesch_kincaid_grade"])
    pairs = fk_pairwise(text)
    boot = helpers.fk_bootstrap(text[b], text[a])
    assert pairs[["outlet_a", "outlet_b"]].values.tolist() == [[b, a]]
    assert np.allclose(
        pairs.loc[0, ["diff", "ci_low", "ci_high"]].astype(float), boot[["diff", "ci_low", "ci_high"]]
    )
    assert not pairs.loc[0, "secure"]
    assert fk_pairwise({**text, "empty": ""}).shape[0] == 1  # a text without sentences is left out
    assert np.isnan(fk_interval("")["grade"])


def test_findings_on_the_seeds(seeds):
    text = dict(zip(seeds.outlet, seeds.text, strict=True))
    raw = dict(zip(seeds.outlet, seeds.raw, strict=True))
    scores = pd.DataFrame({o: helpers.readability(t) for o, t in text.items()})
    grades = pd.DataFrame({o: fk_interval(t) for o, t in text.items()}).T
    medians = pd.Series({o: helpers.readability_sentences(t)["words"].median() for o, t in text.items()})
    fk_raw = pd.Series({o: helpers.readability(t)["flesch_kincaid_grade"] for o, t in raw.items()})
    out = rf.readability_findings(scores, grades, fk_pairwise(text), medians, fk_raw)
    b, a = seeds.outlet
    joined = "\n".join(out)
    assert len(out) == 8
    assert (
        f"{b} **13.35**" in joined and f"{a} **13.23**" in joined and "both at a US college level" in joined
    )
    assert "+0.12 Flesch–Kincaid grades (95% CI −1.95 to +2.14" in joined
    assert "from 11.4 (Coleman–Liau" in joined and "to 16.2 (Gunning Fog" in joined
    assert f"{a} writes the longest sentences and {b} the longest words" in joined
    assert f"{b} −3.41 (to 9.94)" in joined and f"{a} −0.69 (to 12.54)" in joined
    assert f"{b} 39 sentences instead of 33, grade −1.42 (to 11.93)" in joined
