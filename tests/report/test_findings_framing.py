"""Notebook 01's tables and chart readings (findings/framing.py): synthetic tables for every branch, and the
study's seeds where the table is built from the articles."""

from __future__ import annotations

import pandas as pd
import pytest
from study import STUDY_EVENT, load_seeds

import helpers
from outlet_comparison.report.findings import framing as ff


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return load_seeds()


def _rates(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["outlet", "frame", "hits", "per_1k"])
    return df.assign(ci_low=df.per_1k - 1, ci_high=df.per_1k + 1)


def test_wide_rates_and_the_rate_reading():
    rates = _rates(
        [("A", "failure", 12, 15.7), ("A", "hope", 4, 5.2), ("B", "failure", 6, 7.7), ("B", "hope", 5, 6.4)]
    )
    wide = ff.wide_rates(rates, ["hope", "failure"], ["B", "A"])
    assert wide["hits"].index.tolist() == ["hope", "failure"] and wide["hits"].columns.tolist() == ["B", "A"]
    assert wide["ci_low"].loc["failure", "A"] == pytest.approx(14.7)
    assert ff.rate_reading(rates).startswith("The highest rate is failure at A (15.7 per 1,000 words);")
    assert ff.rate_reading(rates.assign(hits=0)) == "No word of this frame lexicon occurs in any article."


def test_sentence_pairs_one_block_per_measure():
    per = {o: pd.DataFrame({"net": [1.0, 0.0, 2.0], "x": [0.0, 1.0, 0.0]}) for o in ("A", "B")}
    pairs = ff.sentence_pairs(per, ["net", "x"])
    assert pairs.measure.tolist() == ["net", "x"] and pairs.outlet_a.tolist() == ["A", "A"]
    assert pairs["diff"].tolist() == [0.0, 0.0]


def test_sections_positions_and_readings(seeds):
    lexicon = helpers.read_event(STUDY_EVENT).frames
    sections = ff.section_hits(seeds, lexicon)
    assert set(sections.section) == {
        "headline",
        "lede",
        "rest",
    } and sections.outlet.unique().tolist() == list(seeds.outlet)
    lead = sections[sections.section != "rest"].groupby("outlet", sort=False)["hits"].sum()
    assert (
        ff.section_reading(sections)
        == "Hits in headline and lede: " + ", ".join(f"{o} {n}" for o, n in lead.items()) + "."
    )
    hits = pd.DataFrame(
        {"outlet": ["A", "A", "B"], "frame": ["f", "f", "f"], "position": [0.101, 0.119, 0.5]}
    )
    pos, dots = ff.hit_positions(hits)
    assert pos.position_pct.tolist() == [10.1, 11.9, 50.0] and pos.bin.tolist() == [11.0, 11.0, 51.0]
    assert dots.hits.tolist() == [2, 1]


def test_tone_arc_thirds_and_reading():
    tone = pd.DataFrame(
        {
            "outlet": ["A"] * 6,
            "start": [0, 10, 20, 30, 40, 50],
            "end": [10, 20, 30, 40, 50, 60],
            "compound": [0.3, 0.1, -0.2, -0.4, -0.6, 0.0],
        }
    )
    arc = ff.tone_arc(tone, {"A": 60})
    assert arc.position_pct.round(2).tolist() == [8.33, 25.0, 41.67, 58.33, 75.0, 91.67]
    assert arc.rolling5.round(3).tolist()[:3] == [0.067, -0.05, -0.16]  # centred, at least 3 values
    thirds = ff.tone_thirds(arc)
    assert thirds.columns.tolist() == ff.THIRDS and thirds.loc["A"].round(2).tolist() == [0.2, -0.3, -0.3]
    assert ff.thirds_reading(thirds) == "The most negative third is the middle third of A (−0.300)."


def test_masked_changes_keep_only_changed_sentences():
    tone = pd.DataFrame(
        {"outlet": ["A", "A"], "sentence": [0, 1], "compound": [0.5, 0.1], "text": ["x", "y"]}
    )
    changed = ff.masked_changes(tone, tone.assign(compound=[0.5, 0.0]))
    assert changed.to_dict("records") == [
        {"outlet": "A", "sentence": 1, "compound": 0.1, "masked": 0.0, "text": "y"}
    ]


def test_leave_one_out_labels_and_order():
    loo = pd.DataFrame({"dropped": ["", "fail"], "frame": ["", "failure"], "A": [9.0, 5.0], "B": [-1.0, 0.0]})
    assert ff.dropped_labels(loo) == ["none dropped (full lexicon)", "fail (failure)"]
    assert ff.order_reading(loo, ["A", "B"]) == "The outlets keep the same order whichever term is dropped."
    flipped = loo.assign(B=[-1.0, 6.0])
    assert (
        ff.order_reading(flipped, ["A", "B"])
        == "Dropping some single terms changes the order of the outlets."
    )


def test_timing_split_sums_hits_words_and_sentences():
    per = pd.DataFrame(
        {"sentence": [0, 1, 2], "hope": [1, 0, 0], "failure": [0, 2, 1], "n_words": [10, 20, 5]}
    )
    timing = pd.DataFrame(
        {"sentence": [0, 1, 2], "after_ap": ["no", "yes", "yes"], "rationale": ["", "", ""]}
    )
    split = ff.timing_split(per, timing, ["hope", "failure"])
    assert split.loc["yes"].tolist() == [0, 3, 25, 2] and split.loc["no"].tolist() == [1, 0, 10, 1]


def test_hit_evidence_and_its_judgement(seeds):
    lexicon = helpers.read_event(STUDY_EVENT).frames
    evidence = ff.hit_evidence(seeds, lexicon)
    assert set(evidence.section) == {"headline", "body"} and evidence.negated.any()
    row = evidence.iloc[0]
    assert row.matched.lower() in row.sentence_text.lower()
    gold = pd.read_csv(helpers.ROOT / "tests" / "gold" / "framing_hits.csv")
    judged = ff.judged(evidence, gold)
    assert len(judged) == len(evidence) and judged.judgement.notna().all()
    assert set(judged.loc[judged.negated, "judgement"]) <= {"negated (not counted)", *gold.judgement}
