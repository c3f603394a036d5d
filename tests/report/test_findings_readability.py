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
    assert g["n"] == 33 and g["ci_low"] < g["grade"] < g["ci_high"]
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
    fk = scores.loc["flesch_kincaid_grade"]
    assert f"{b} **{fk[b]:.2f}**" in joined and f"{a} **{fk[a]:.2f}**" in joined
    assert "both at a US college level" in joined
    assert "+0.12 Flesch–Kincaid grades (95% CI −1.95 to +2.14" in joined
    assert "from 11.4 (Coleman–Liau" in joined and "to 16.2 (Gunning Fog" in joined
    assert f"{a} writes the longest sentences and {b} the longest words" in joined
    assert f"{b} −3.41 (to 9.94)" in joined and f"{a} −0.69 (to 12.54)" in joined
    assert f"{b} 39 sentences instead of 33, grade −1.42 (to 11.93)" in joined


# ---------------------------------------------------------------- the page's tables and chart readings


def test_common_scale_maps_the_table_formulas_to_their_lowest_grade():
    scores = _scores(A={"flesch_reading_ease": 40.6, "dale_chall_readability_score": 11.7})
    common = rf.common_scale(scores)
    assert common.index.tolist() == [*GRADE_ROWS, *rf.BANDS]
    assert common.loc[list(rf.BANDS), "A"].tolist() == [13, 16]
    data = rf.scale_data(common)
    assert data.kind.tolist() == ["grade formula"] * 5 + ["table band, lowest grade"] * 2
    assert rf.scale_reading(common).startswith("On one scale the articles run from grade 10.0 to 16.0;")


def test_readings_of_lengths_paragraphs_and_words():
    assert rf.sentence_length_reading(pd.Series({"A": 21.0, "B": 26.0})) == (
        "The longest median sentences are at B (26 words); the shortest at A (21 words)."
    )
    paras = pd.DataFrame(
        {"outlet": ["A", "A", "B"], "paragraph": [1, 2, 1], "flesch_kincaid_grade": [21.0, 5.0, 17.8]}
    )
    first, swing = rf.paragraph_grades(paras)
    assert first.to_dict() == {"A": 21.0, "B": 17.8} and swing.to_dict() == {"A": 16.0, "B": 0.0}
    assert rf.paragraph_reading(first, swing, pd.Series({"A": 13.4, "B": 13.2})) == (
        "First paragraph against whole article: A 21.0 (article 13.4) and B 17.8 (article 13.2). Within an "
        "article the paragraph grades span 0.0 to 16.0 grades."
    )
    one = _scores(A={"syllables_per_word": 1.7, "polysyllable_share": 0.2, "difficult_word_share": 0.4})
    assert rf.word_difficulty_reading(one).startswith("A is highest on all three word measures")
    split = _scores(A={"syllables_per_word": 1.7}, B={"polysyllable_share": 0.2, "difficult_word_share": 0.4})
    split.loc["difficult_word_share", "A"] = 0.1
    assert rf.word_difficulty_reading(split) == (
        "Longest words (syllables per word): A; most words of 3+ syllables: B; most Dale–Chall difficult "
        "words: B."
    )


def test_difficult_words_capitalised_share_and_most_frequent():
    words = pd.DataFrame({"outlet": ["A"] * 4 + ["B"], "word": ["Kerry", "talks", "Kerry", "sides", "Mr"]})
    table = rf.difficult_words(words, top=2)
    assert table["capitalised share of difficult words"].to_dict() == {"A": 0.5, "B": 1.0}
    assert table["most frequent difficult words"].to_dict() == {"A": "Kerry, talks", "B": "Mr"}


def test_bootstrap_data_and_the_gap():
    grades = _grades({"A": (13.4, 11.9, 14.8, 33), "B": (13.2, 11.8, 14.7, 32)})
    pairs = _pairs([("A", "B", 0.12, -1.95, 2.14)])
    data = rf.bootstrap_data(grades, pairs)
    assert data.kind.tolist() == ["article", "article", "pair difference"] and data.outlet[:2].tolist() == [
        "A",
        "B",
    ]
    assert rf.gap_reading(pairs).startswith("Largest gap: A − B: +0.12 Flesch–Kincaid grades")
    assert rf.gap_reading(pairs.iloc[:0]) == "No pair of articles has sentences to compare."


def _articles(texts: dict[str, str], column: str) -> pd.DataFrame:
    """Articles as ``by_outlet`` reads them: one row per outlet with its id and text."""
    return pd.DataFrame({"outlet": list(texts), "article_id": list(texts), column: list(texts.values())})


def test_cleaning_and_splitter_tables_and_readings():
    raw = {
        "A": "Headline\n\nOne app. Start reading.\n\nThe talks went on. Kerry left.",
        "B": "Body text here.",
    }
    clean = {"A": "The talks went on. Kerry left.", "B": "Body text here."}
    effect = rf.cleaning_effect(raw, clean)
    assert effect.index.tolist() == [
        ("A", "raw file"),
        ("A", "clean body"),
        ("B", "raw file"),
        ("B", "clean body"),
    ]
    assert effect.loc[("A", "raw file"), "sentences"] > effect.loc[("A", "clean body"), "sentences"]
    units = helpers.by_outlet(_articles(raw, "raw"),
                              helpers.readability_sentences, column="raw")  # fmt: skip
    assert rf.raw_only_units(units, clean).text.tolist() == ["Headline", "One app.", "Start reading."]
    assert rf.cleaning_reading(pd.Series({"A": -3.41, "B": 0.69})) == (
        "The largest shift from cleaning is at A (−3.41 grades when the raw file is scored)."
    )
    text = {
        "A": "Kerry said the U.S. and Russia agreed on a plan for Syria. He then left the room.",
        "B": "Nothing here to split at all.",
    }
    scores = pd.DataFrame({o: helpers.readability(t) for o, t in text.items()})
    split = rf.splitter_effect(scores, text)
    assert split.loc["ours: sentences"].tolist() == [2, 1]
    assert split.loc["textstat as is: sentences", "A"] == 3
    assert rf.splitter_reading(split).startswith("textstat's own counts move the grade by A ")
    assert (
        rf.splitter_reading(split[["B"]])
        == "textstat's own counts give the same grade as ours for every outlet."
    )
    sents = helpers.by_outlet(_articles(text, "text"),
                              helpers.readability_sentences)  # fmt: skip
    cut = rf.textstat_splits(sents)
    assert cut.outlet.tolist() == ["A"] and cut.textstat_pieces.tolist() == [
        "Kerry said the U. | S. | and Russia agreed on a plan for Syria."
    ]
    assert rf.splits_reading(pd.Series({"A": 1, "B": 0})).startswith(
        "Sentences of ours that textstat counts as more (or fewer) than one: A 1 and B 0;"
    )
    assert rf.splits_reading(pd.Series({"A": 0})).startswith("textstat's splitter counts exactly one")


def test_extremes_and_the_length_reading():
    ranked = pd.DataFrame(
        {
            "outlet": ["B", "A", "A", "B"],
            "sentence": [3, 2, 1, 1],
            "words": [7, 10, 30, 42],
            "flesch_kincaid_grade": [0.6, 4.0, 15.0, 21.0],
        }
    )
    assert rf.sentence_extremes(ranked, ["A", "B"]) == (
        "- A: hardest sentence 1 (30 words, grade 15.0), easiest sentence 2 (10 words, grade 4.0)\n"
        "- B: hardest sentence 1 (42 words, grade 21.0), easiest sentence 3 (7 words, grade 0.6)"
    )
    assert rf.length_grade_reading(0.9, 65).endswith("r = 0.90: longer sentences get higher grades.")
    assert (
        rf.length_grade_reading(0.2, 65)
        == "Across all 65 sentences, grade and length correlate only at r = 0.20."
    )


def test_clear_agreement_and_its_sentences():
    texts = [
        "The cat sat on the mat. It slept.",
        "Photosynthesis converts light into chemical energy.",
        "Dogs run. They bark loudly at night. Then they sleep.",
        "A long and winding road led home.",
    ]
    scores = pd.DataFrame([helpers.readability(t) for t in texts])
    clear = pd.DataFrame(
        {
            "ID": [1, 2, 3, 4],
            "Excerpt": texts,
            rf.CLEAR_FK: scores["flesch_kincaid_grade"] - 0.5,
            "BT_easiness": [1.0, -2.0, 1.5, 0.0],
            "Sentence Count": [2, 1, 3, 2],
        }
    )
    check = rf.clear_agreement(clear)
    assert check["r_fk"] == pytest.approx(1.0) and check["offset"] == pytest.approx(0.5)
    assert check["match"]["ours"] == 0.75 and list(check["r_bt"].columns) == ["ours", "textstat"]
    assert rf.clear_summary(check, 4).startswith(
        "On 4 CLEAR excerpts our Flesch–Kincaid correlates r = 1.000"
    )
    assert "our grades run 0.50 grade above CLEAR's" in rf.clear_reading(check["offset"])
    assert rf.clear_chart_data(clear, check).columns.tolist() == ["ID", "clear_fk", "ours_fk"]
    full = rf.clear_agreement(clear, uncorrected=False)
    assert "match" not in full and list(full["r_bt"].columns) == ["ours"]
    assert rf.clear_full_summary(full, 4724).startswith("On the full corpus of 4,724 excerpts")
