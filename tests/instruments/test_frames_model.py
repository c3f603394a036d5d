"""Article-level general frames (issue 22): the model, its evidence, the lexicon audit, gated findings."""

from __future__ import annotations

import hashlib
import math
import subprocess
import sys

import pandas as pd
import pytest

import helpers
from outlet_comparison.corpus.measures import Settings, feature_columns, features_of
from outlet_comparison.instruments import frames_model as fm
from outlet_comparison.instruments.framing import _rules, lexicon_path
from outlet_comparison.report.card import coverage_card_data
from outlet_comparison.report.findings.framing import MIN_FRAME_SENTENCES, framing_findings
from outlet_comparison.text.units import fold_latin

EXAMPLES = pd.read_csv(helpers.ROOT / "tests" / "gold" / "frame_pattern_examples.csv")
GENERAL = helpers.LEXICONS / "frames_generic.csv"
DEV = helpers.SHARED / "benchmarks" / "framing" / "narrative_frames_dev.jsonl"
needs_dev = pytest.mark.skipif(not DEV.is_file(), reason=f"{DEV} not found (needs ../shared)")

STORY = (
    "Critics accused the mayor of ignoring the flood. Opponents clashed with him at the council. "
    "The repairs will cost $40 million, and taxes will rise. Residents said they were afraid. "
    '"We lost our home," said Ana Ruiz, 34. The city should act now, officials said.'
)


def _rule(lexicon: str, term: str):
    return {t: rx for _, t, rx in _rules(lexicon_path(None, lexicon))}[term]


def test_every_pattern_of_both_lexicons_has_examples():
    for lexicon in ("frames.csv", "frames_generic.csv"):
        terms = {t for _, t, _ in _rules(lexicon_path(None, lexicon))}
        assert set(EXAMPLES.loc[EXAMPLES.lexicon == lexicon, "term"]) == terms


@pytest.mark.parametrize("row", list(EXAMPLES.itertuples(index=False)), ids=lambda r: f"{r.lexicon}:{r.term}")
def test_pattern_positive_and_negative_example(row):
    rx = _rule(row.lexicon, row.term)
    assert rx.search(fold_latin(row.positive)[0]), row.positive
    assert not rx.search(fold_latin(row.negative)[0]), row.negative


@pytest.mark.parametrize("text", ["He was opposed to the plan.", "She has opposed it for years."])
def test_oppose_after_was_and_has_is_counted(text):
    hits = helpers.frame_hits(text, GENERAL)
    assert hits["term"].tolist() == ["oppose"]


def test_as_opposed_to_is_still_excluded():
    assert helpers.frame_hits("As opposed to last year, sales rose.", GENERAL).empty


def test_article_frames_scores_and_decisions_agree():
    scores = helpers.frame_scores(STORY)
    present = helpers.article_frames(STORY)
    assert tuple(scores.index) == fm.GENERAL_FRAMES == tuple(present.index)
    assert ((scores >= 0) & (scores <= 1)).all()
    assert present.dtype == bool
    assert (present == (scores >= 0.5)).all()
    assert present["conflict"]


def test_evidence_names_sentences_and_matched_terms():
    ev = helpers.frame_evidence(STORY)
    assert list(ev.columns) == fm.EVIDENCE_COLUMNS
    lex = ev[(ev.frame == "conflict") & (ev.source == "lexicon")]
    assert lex["sentence"].tolist() == [0, 1]
    assert "accused" in lex["matched"].iloc[0] and "Critics" in lex["matched"].iloc[0]
    assert lex["sentence_text"].iloc[1].startswith("Opponents clashed")
    econ = ev[(ev.frame == "economic") & (ev.source == "lexicon")]
    assert "$40 million" in econ["matched"].iloc[0]


def test_reasons_hold_every_feature_and_the_intercept():
    r = helpers.frame_reasons(STORY)
    assert list(r.columns) == fm.REASON_COLUMNS
    assert set(r.frame) == set(fm.GENERAL_FRAMES)
    assert (r.feature == "(intercept)").sum() == len(fm.GENERAL_FRAMES)
    m = fm.load_model(str(fm.MODEL))
    for f in fm.GENERAL_FRAMES:  # the contributions add up to the score's logit
        logit = r.loc[r.frame == f, "contribution"].sum()
        assert 1 / (1 + math.exp(-logit)) == pytest.approx(helpers.frame_scores(STORY)[f], abs=1e-6)
    assert len(m["features"]) == len(fm.feature_names())


def test_model_file_is_small_and_matches_the_features():
    assert fm.MODEL.stat().st_size < 20 * 1024 * 1024
    m = fm.load_model(str(fm.MODEL))
    assert tuple(m["features"]) == fm.feature_names()
    for f in fm.GENERAL_FRAMES:
        assert len(m["coef"][f]) == len(m["features"])
        assert 0 < m["threshold"][f] < 1


def test_empty_and_wrong_input():
    assert not helpers.article_frames("").any()
    with pytest.raises(TypeError, match="str"):
        helpers.frame_scores(None)  # type: ignore[arg-type]


# findings: a ranking only where the evidence carries it


def _rates(hits: dict[str, dict[str, int]]) -> pd.DataFrame:
    rows = [
        (o, f, h, h * 10.0, max(0.0, h * 10.0 - 5), h * 10.0 + 5)
        for o, d in hits.items()
        for f, h in d.items()
    ]
    return pd.DataFrame(rows, columns=["outlet", "frame", "hits", "per_1k", "ci_low", "ci_high"])


def _pairs(lo: float, hi: float) -> pd.DataFrame:
    return pd.DataFrame(
        [{"outlet_a": "A", "outlet_b": "B", "diff": (lo + hi) / 2, "ci_low": lo, "ci_high": hi,
          "secure": lo > 0 or hi < 0, "measure": "economic"}]
    )  # fmt: skip


def test_too_few_frame_sentences_write_no_ranking():
    rates = _rates({"A": {"economic": 1, "conflict": 0}, "B": {"economic": 0, "conflict": 2}})
    out = framing_findings(rates, _pairs(0.01, 0.2), "frames_generic.csv", None, {"A": 1, "B": 2})
    text = " ".join(out)
    assert "most frequent frame is" not in text and "Largest gap" not in text
    assert "Too few frame cues to compare" in text and f"at least {MIN_FRAME_SENTENCES}" in text


def test_a_gap_only_when_its_interval_excludes_zero():
    rates = _rates({"A": {"economic": 9, "conflict": 1}, "B": {"economic": 2, "conflict": 6}})
    enough = {"A": 8, "B": 7}
    unsure = " ".join(framing_findings(rates, _pairs(-0.05, 0.3), "frames_generic.csv", None, enough))
    assert "most frequent frame is **economic**" in unsure and "Largest gap" not in unsure
    assert "No difference between outlets in any frame has an interval that excludes zero" in unsure
    sure = " ".join(framing_findings(rates, _pairs(0.05, 0.3), "frames_generic.csv", None, enough))
    assert "Largest gap in **economic**" in sure


# the coverage card and corpus mode


def test_card_says_too_few_frame_cues():
    data = coverage_card_data({"A": "The budget was cut. Nothing else happened.", "B": STORY * 2})
    framing = data[data.panel == "Framing"]
    assert not framing["available"].any()
    assert framing["note"].iloc[0].startswith("too few frame cues to compare")


def test_card_and_corpus_mode_use_article_frames_on_the_general_lexicon():
    settings = Settings(frames=GENERAL)
    data = coverage_card_data({"A": STORY}, settings)
    panel = data[data.panel == "Frames (article level)"].set_index("measure")["value"]
    assert panel.to_dict() == pytest.approx(helpers.frame_scores(STORY).to_dict())
    row = features_of(STORY, settings)
    assert row["conflict_score"] == pytest.approx(helpers.frame_scores(STORY)["conflict"])
    assert "conflict_score" in feature_columns(settings)
    # the study's lexicon: no article-level panel, no score columns
    assert "Frames (article level)" not in set(coverage_card_data({"A": STORY}).panel)
    assert not any(c.endswith("_score") for c in feature_columns())


# the learned component: refit bit for bit, and the benchmark's numbers


@pytest.mark.slow
@pytest.mark.shared
@needs_dev
def test_refit_reproduces_the_shipped_model_bit_for_bit(tmp_path):
    out = tmp_path / "m.json"
    script = helpers.ROOT / "scripts" / "train_frames_model.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(fm.MODEL.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.shared
@needs_dev
def test_benchmark_numbers_hold():
    sys.path.insert(0, str(helpers.ROOT / "benchmarks"))
    import framing_nfc as bench

    rows = bench.read_dev()
    labels = bench.labels_of(rows)
    gold = {f: pd.Series(v).to_numpy() for f, v in labels.items()}
    base = bench.scores(gold, bench.baseline(rows))
    assert base["macro"][2] == pytest.approx(0.53, abs=0.01)
    model = bench.scores(gold, bench.nested_cv([fm.frame_features(r["text"]) for r in rows], labels))
    assert model["macro"][2] >= 0.57  # docs/framing.md states 0.58 (human interest 0.34: below target)
    assert all(model[f][2] >= 0.30 for f in fm.GENERAL_FRAMES)
    assert model["macro"][2] > base["macro"][2] + 0.04
