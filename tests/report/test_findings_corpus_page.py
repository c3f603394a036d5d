"""Notebook 05's tables and readings (findings/corpus.py): the corpus choice, the seeds among the rest."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from outlet_comparison.report.findings import corpus as fc


def test_corpus_choice(tmp_path: Path):
    basil, demo = tmp_path / "basil.jsonl", tmp_path / "demo.jsonl"
    assert fc.corpus_choice(None, basil, demo) == (
        demo,
        False,
        "the demo corpus (demo.jsonl, invented articles)",
    )
    basil.write_text("")
    assert fc.corpus_choice(None, basil, demo) == (basil, True, "BASIL (Fan et al. 2019)")
    other = tmp_path / "other.jsonl"
    assert fc.corpus_choice(str(other), basil, demo)[:2] == (other, False)


def _placed() -> pd.DataFrame:
    arts = pd.DataFrame(
        {
            "article_id": ["b", "a", "x"],
            "outlet": ["B", "A", "X"],
            "headline": ["hb", "ha", "hx"],
            "published": ["2016-09-05", "2016-09-04", "2016-09-04"],
            "text": ["tb", "ta", "tx"],
        }
    )
    coverage = pd.DataFrame(
        {
            "article_id": ["c1", "c2"],
            "outlet": ["C1", "C2"],
            "date": ["2016-09-09", "2016-09-23"],
            "title": ["t1", "t2"],
            "text": ["u1", "u2"],
            "tags": [["syria_sep2016"], None],
        }
    )
    placed = fc.seeds_and_coverage(arts, ("B", "A"), coverage)
    return placed.assign(
        failure_per_1k=[15.7, 7.7, 7.4, 1.0],
        optimism_per_1k=[2.0, 8.9, 1.0, 0.0],
        anonymous=[10, 2, 7, 3],
        anonymous_share=[0.526, 0.1, 0.19, 0.2],
        attributions=[19, 20, 37, 15],
    )


def test_seeds_and_coverage_and_their_standing():
    placed = _placed()
    assert placed.group.tolist() == ["seed", "seed", "AllSides", "AllSides"]
    assert placed.columns[:6].tolist() == ["article_id", "outlet", "date", "title", "group", "text"]
    assert fc.dated_labels(placed) == ["B (05 Sep)", "A (04 Sep)", "C1 (09 Sep)", "C2 (23 Sep)"]
    v = fc.seed_standing(placed, "B", "A")
    assert (v["n_others"], v["dates"], v["fail_first"], v["fail_others"], v["hope_second"]) == (
        2, "9–23 September 2016", "15.7", "7.4", "8.9"
    )  # fmt: skip
    assert (v["anon_first"], v["share_first"], v["attr_first"], v["anon_others"], v["attr_top"]) == (
        10,
        "53",
        19,
        7,
        37,
    )
    assert v["days"] == "4–18" and v["all_later"] and v["n_top"] == 1 and v["top_of"] == "of 37"
    tie = fc.seed_standing(placed.assign(anonymous=[10, 2, 7, 7]), "B", "A")
    assert tie["n_top"] == 2 and tie["top_of"] == "in each of 2 articles"  # no one article's total
    assert fc.seeds_reading(placed, "B").endswith(
        "B has the most anonymous attributions, 3 more than the closest later article."
    )
    assert fc.highlight(placed, {"B": "#1", "A": "#2"}) == ["#1", "#2", "#BBBBBB", "#BBBBBB"]


def test_tagged_and_labels():
    corpus = pd.DataFrame({"tags": [["syria_sep2016"], None, ["other"]]})
    assert fc.tagged(corpus, "syria_sep2016").index.tolist() == [0]
    labels = fc.measure_labels(["failure", "optimism"])
    assert set(fc.CHART_METRICS) <= set(labels) and labels["optimism_per_1k"].startswith(
        "optimism frame hits"
    )
