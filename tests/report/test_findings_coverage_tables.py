"""Notebook 04's tables and chart readings (findings/coverage_tables.py): small tables for every branch, the
study's seeds where the table is built from the articles."""

from __future__ import annotations

import pandas as pd
import pytest
from study import STUDY_EVENT, load_seeds

import helpers
from outlet_comparison.report.findings import coverage_tables as ft


@pytest.fixture(scope="module")
def mentions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["X", "X", "X", "Y"],
            "actor": ["Obama", "Obama", "Putin", "Obama"],
            "side": ["US", "US", "Russia", "US"],
            "quoted": [True, False, True, False],
            "sentence": [0, 1, 1, 0],
        }
    )


def test_sides_and_speakers(mentions):
    by_side = ft.side_table(mentions, ["US", "Russia", "Turkey"], ["X", "Y"])
    assert by_side[("mentions", "X")].tolist() == [2, 1, 0] and by_side[("quoted", "Y")].tolist() == [0, 0, 0]
    assert ft.side_reading(by_side, ["X", "Y"]) == (
        "Mentions and quoted mentions per side of the alias list: X mentions the US side most; "
        "Y mentions the US side most."
    )
    speakers = ft.speaker_table(mentions, ["X", "Y"])
    assert speakers.to_dict("index") == {"Obama": {"X": 1, "Y": 0}, "Putin": {"X": 1, "Y": 0}}
    assert ft.speaker_reading(speakers).endswith(
        "X quotes 2 mentions of 2 actors; Y quotes 0 mentions of 0 actors."
    )
    assert ft.speaker_reading(speakers.iloc[:0]) == "No mention is the source of reported speech."
    evidence = ft.mention_evidence(mentions, {"X": ["a", "b"], "Y": ["c"]})
    assert evidence.text.tolist() == ["a", "b", "b", "c"]


def test_actor_bars_and_reading():
    full = pd.DataFrame(
        {"actor": ["Obama", "Obama", "Putin"], "outlet": ["X", "Y", "X"], "side": ["US", "US", "Russia"],
         "mentions": [7, 3, 2], "quoted": [1, 0, 2]}
    )  # fmt: skip
    bars = ft.actor_bars(full, full.drop_duplicates("actor"), ["X", "Y"])
    assert bars["mentions"].fillna(0).to_dict("index") == {
        "Obama": {"X": 7, "Y": 3},
        "Putin": {"X": 2, "Y": 0},
    }
    assert ft.actor_reading(full).startswith(
        "The most mentioned actor in one article is Obama at X (7 mentions);"
    )


def test_shared_content_table_notes_and_reading():
    shares = pd.DataFrame(
        {"outlet": ["Y", "X"], "sentences": [8, 10], "shared": [4, 4], "shared_words_pct": [50.0, 35.0]}
    )
    data = ft.shared_data(shares, ["X", "Y"])
    assert data.index.tolist() == ["X", "Y"] and data.unique_words_pct.tolist() == [65.0, 50.0]
    assert ft.shared_notes(data) == ["35% (4 of 10 sentences)", "50% (4 of 8 sentences)"]
    assert ft.shared_reading(data).startswith("From 35% (X) to 50% (Y) of an article's words")


def test_name_forms_ordered_no_shared_form_first():
    variants = pd.DataFrame(
        {
            "actor": ["A", "B", "C"],
            "differs": [True, True, False],
            "common": ["a", "", ""],
            "mentions": [9, 2, 5],
        }
    )
    chosen = ft.differing_actors(variants)
    assert chosen.actor.tolist() == ["B", "A"]
    forms = pd.DataFrame(
        {"actor": ["A", "A", "B", "C"], "outlet": ["Y", "X", "X", "X"], "form": ["a", "aa", "b", "c"],
         "count": [1, 3, 2, 1]}
    )  # fmt: skip
    vocab = ft.vocabulary(forms, chosen, ["X", "Y"])
    assert vocab[["actor", "outlet"]].values.tolist() == [["B", "X"], ["A", "X"], ["A", "Y"]]
    assert ft.vocabulary_reading(vocab, chosen) == (
        "3 forms for 2 actors; 1 of them share no form at all across the outlets that name them."
    )


def test_card_table_cells():
    card = pd.DataFrame(
        {
            "panel": ["Tone", "Tone", "Framing", "Framing"],
            "measure": ["compound", "compound", "failure", "failure"],
            "outlet": ["X", "Y", "X", "Y"],
            "value": [-0.12, -0.13, 15.7, None],
            "low": [-0.2, -0.25, None, None],
            "high": [0.0, 0.01, None, None],
            "available": [True, True, False, False],
        }
    )
    table = ft.card_table(card, ["X", "Y"])
    assert table.loc[("Tone", "compound")].tolist() == ["−0.12 (−0.20 to 0.00)", "−0.13 (−0.25 to 0.01)"]
    assert table.loc[("Framing", "failure")].tolist() == ["not available"] * 2


@pytest.mark.slow  # the alignment at 19 thresholds
def test_threshold_sweep_on_the_seeds():
    seeds = load_seeds()
    b, a = seeds.text
    gold = pd.read_csv(helpers.ROOT / "tests" / "gold" / "coverage_alignment.csv")
    pairs = set(zip(gold.sentence_a, gold.sentence_b, strict=True))
    aliases = helpers.read_event(STUDY_EVENT).aliases
    sweep = ft.threshold_sweep(b, a, pairs, aliases=aliases)
    assert sweep.threshold.tolist() == list(ft.THRESHOLDS) and sweep.pairs.is_monotonic_decreasing
    at = sweep.set_index("threshold").loc[helpers.ALIGN_THRESHOLD]
    found = helpers.align(b, a, threshold=helpers.ALIGN_THRESHOLD, aliases=aliases)
    assert at.pairs == len(found) and at.recall == pytest.approx(
        len(set(zip(found.sentence_a, found.sentence_b, strict=True)) & pairs) / len(pairs)
    )
    best = sweep.loc[sweep.f1.idxmax()]
    assert ft.sweep_reading(sweep).startswith(
        f"F1 peaks at {best.f1:.2f} at a threshold of {best.threshold};"
    )


def test_coverage_by_method_counts_automatic_and_hand_pairs():
    cov = pd.DataFrame(
        {"outlet": ["X", "X", "Y", "Y"], "sentence": [0, 1, 0, 1], "words": [10, 30, 20, 20],
         "shared": [True, False, False, False]}
    )  # fmt: skip
    flagged = ft.with_hand_pairs(cov, {"X": {0, 1}, "Y": {1}})
    assert flagged.shared_by_hand.tolist() == [True, True, False, True]
    by = ft.coverage_by_method(flagged)
    assert by.loc["X"].tolist() == [2, 1, 2, 25.0, 100.0]
    assert by.loc["Y", ["sentences", "aligned", "aligned_by_hand", "hand_words_pct"]].tolist() == [
        2,
        0,
        1,
        50.0,
    ]
