"""Article-level general frames (issue 22): the model, its evidence, the lexicon audit, gated findings."""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd
import pytest
from conftest import frame_variant_decisions, load_script
from threadpoolctl import threadpool_limits

import helpers
from outlet_comparison.corpus.measures import Settings, feature_columns, features_of
from outlet_comparison.instruments import frames_model as fm
from outlet_comparison.instruments.framing import _rules, lexicon_path
from outlet_comparison.report.card import coverage_card_data
from outlet_comparison.report.findings.framing import MIN_FRAME_SENTENCES, framing_findings
from outlet_comparison.text.units import fold_latin

EXAMPLES = pd.read_csv(helpers.ROOT / "tests" / "gold" / "frame_pattern_examples.csv")
GENERAL = helpers.LEXICONS / "frames_generic.csv"

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
    # STORY's conflict score is 0.46 with the sentence cues (0.59 before: a 58-word text is short for it)
    assert helpers.article_frames("Critics accused the mayor. Opponents clashed with him again.")["conflict"]


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
def test_refit_reproduces_the_shipped_model_bit_for_bit(nfc_dev):
    """What scripts/train_frames_model.py writes, from the session's dev features: the shipped bytes."""
    rows, values = nfc_dev
    data = load_script("train_frames_model").model_data(rows, values)
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(fm.MODEL.read_bytes()).hexdigest()


@pytest.mark.slow
@pytest.mark.shared
def test_benchmark_numbers_hold(nfc_dev):
    """The settings of benchmarks/framing_nfc.py that docs/framing.md quotes, at their measured numbers."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    rows, values = nfc_dev
    held_name = "model fitted on tuning part, held-out part (82)"
    with threadpool_limits(1):  # as fast as two BLAS threads here, and none left spinning on a busy machine
        got = bench.evaluate(["baseline, all 343", "model, nested CV, all 343", held_name], rows, values)
    base, model, held = got["baseline, all 343"], got["model, nested CV, all 343"], got[held_name]
    assert base["macro"][2] == pytest.approx(0.53, abs=0.01)
    # docs/framing.md: nested CV macro 0.63 (human interest 0.43, morality 0.56); held out 0.63 (0.43, 0.50).
    # Below the issue's targets (0.65, every frame 0.45); before the sentence cues: 0.58 (0.34, 0.44).
    assert model["macro"][2] >= 0.62 and held["macro"][2] >= 0.62
    assert model["human_interest"][2] >= 0.41 and model["morality"][2] >= 0.53
    assert held["human_interest"][2] >= 0.40 and held["morality"][2] >= 0.47
    assert all(model[f][2] >= 0.40 for f in fm.GENERAL_FRAMES)
    assert model["macro"][2] > base["macro"][2] + 0.08


# the sentence-level cues (human face, moral message)

VIGNETTE = (
    "Maria Lopez, a 63-year-old farmer, lost her home. "
    '"I was terrified for my children," she said. '
    "Her neighbours and their families left. "
    "The mayor met officials at the White House."
)
SERMON = "It is a moral failure and a lie. We must act for our grandchildren! The US should act. Is it fair?"


def _sentence_features(text: str) -> dict[str, float]:
    values = fm.frame_features(text)
    return {k: values[k] for k in fm.SENTENCE_FEATURES}


def test_sentence_features_are_model_features():
    assert fm.feature_names()[-len(fm.SENTENCE_FEATURES) :] == fm.SENTENCE_FEATURES
    assert set(fm.SENTENCE_FEATURE_CUES) <= set(fm.SENTENCE_FEATURES)


def test_human_face_features_count_people_ages_and_quoted_i():
    v = _sentence_features(VIGNETTE)
    assert v["share_people"] == pytest.approx(3 / 4)  # farmer; children; neighbours, families
    assert v["run_human"] == pytest.approx(math.log1p(3))  # the quoted "I" joins the run; the mayor ends it
    assert v["share_personal"] == pytest.approx(1 / 4)  # home; "White House" is no home
    assert v["emotion_words"] == pytest.approx(math.log1p(1))  # terrified (VADER -3.0)
    assert v["share_exclaim"] == 0


def test_moral_features_count_moral_words_and_we_with_must():
    v = _sentence_features(SERMON)
    assert v["moral_words"] == pytest.approx(math.log1p(3))  # moral, lie, fair
    assert v["run_moral"] == pytest.approx(math.log1p(2))  # moral+lie; "We must" (not "The US should")
    assert v["share_exclaim"] == pytest.approx(2 / 4)
    assert v["share_people"] == 0


@pytest.mark.parametrize(
    "text", ["The Supreme Court ruled.", "Crude oil prices fell.", "A ban on drilling was proposed."]
)
def test_news_senses_are_not_feeling_words(text):
    assert _sentence_features(text)["emotion_words"] == 0


def test_feeling_words_come_from_vader_and_skip_exclusions():
    feel = fm.emotion_words(str(fm.EMOTION_EXCLUSIONS))
    assert {"terrified", "tragedy", "love"} <= feel
    assert not {"supreme", "crude", "ban", "agreement"} & feel


def test_evidence_names_the_human_face_sentences():
    ev = helpers.frame_evidence(VIGNETTE)
    hi = ev[(ev.frame == "human_interest") & (ev.source == "cue:ordinary_people")]
    assert hi["sentence"].tolist() == [0, 1, 2]
    assert "farmer" in hi["matched"].iloc[0]
    assert not ev[(ev.frame == "human_interest") & (ev.source == "feeling words")].empty


def test_frame_benchmark_names_the_issue_targets_it_misses():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    table = {"conflict": (0.8, 0.8, 0.80), "human_interest": (0.4, 0.5, 0.44), "macro": (0.6, 0.7, 0.65)}
    assert bench.missed_targets(table) == ["human_interest"]
    assert bench.missed_targets(table | {"human_interest": (0.5, 0.5, 0.45), "macro": (0, 0, 0.649)}) == [
        "macro"
    ]


# the tuning-part runs used to choose between variants (round five)


def _toy(n: int = 60) -> tuple[list[dict[str, float]], dict[str, list[bool]]]:
    """Feature dicts and labels of n toy articles (every frame has positives and negatives)."""
    values = [{"a": float(i % 7), "b": float((i * 3) % 5), "c": float(i % 2)} for i in range(n)]
    labels = {f: [(i + k) % 3 == 0 for i in range(n)] for k, f in enumerate(fm.GENERAL_FRAMES)}
    return values, labels


def test_fit_frames_model_tries_only_the_c_grid_it_is_given():
    values, labels = _toy()
    model = fm.fit_frames_model(values, labels, c_grid=(0.002,))
    assert set(model["C"].values()) == {0.002}


def test_tuning_runs_never_read_the_held_out_part(monkeypatch):
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")

    values, labels = _toy(100)
    rows = [
        {"id": f"toy-{i}", "text": str(i), "frames": {t: labels[o][i] for t, o in fm.NFC_FRAMES.items()}}
        for i in range(100)
    ]
    seen: list[str] = []

    def features(text: str) -> dict[str, float]:
        seen.append(text)
        return values[int(text)]

    monkeypatch.setattr(bench.fm, "frame_features", features)
    runs = bench.tuning_runs(rows, (1,), c_grid=(0.1,))
    held = {r["text"] for r in rows if bench.held_out(r["id"])}
    assert held and seen and not held & set(seen)
    assert len(seen) == 100 - len(held)
    assert set(runs) == {1} and all(0 <= t["macro"][2] <= 1 for t in runs.values())


# the model-side variants of round six (benchmarks/framing_nfc.py --variants)


def test_rebuilt_shipped_rule_decides_as_fit_frames_model():
    """The variants' parts, put together as the shipped rule, decide exactly as the shipped fitting."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    values, labels = _toy(80)
    with threadpool_limits(1):
        decide = bench.variants((0.1, 1.0))["shipped-rebuilt"]()(
            values[:60], {f: y[:60] for f, y in labels.items()}
        )
        model = fm.fit_frames_model(values[:60], {f: y[:60] for f, y in labels.items()}, c_grid=(0.1, 1.0))
    got, want = decide(values[60:]), fm.predict_frames(model, values[60:])
    assert all((got[f] == want[f]).all() for f in fm.GENERAL_FRAMES)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("stack", marks=pytest.mark.slow),  # 4-12 s: two stages of fits
        pytest.param("bag", marks=pytest.mark.slow),  # 10 bags per fit
        "c-mean",
        "prior-threshold",
        "one-se",
        "shrunk-lda",
        "logistic+boosting",
    ],
)
def test_every_variant_decides_every_frame(name):
    got = frame_variant_decisions(name, *_toy(60))
    assert set(got) == set(fm.GENERAL_FRAMES) and all(len(v) == 15 and v.dtype == bool for v in got.values())


def test_bags_hold_both_classes():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    seen: list[tuple[int, int]] = []

    def learner(x, y):
        seen.append((int(y.sum()), int((~y).sum())))
        return lambda z: np.zeros(len(z))

    y = np.array([True, False, False, False, False, False])
    bench.bagged(learner, n_bags=20)(np.zeros((6, 1)), y)
    assert seen == [(1, 5)] * 20


def test_prior_threshold_is_half_the_f1_after_the_prior_shift():
    """Lipton et al.: calibrated probabilities are cut at half the best F1; balanced ones shift by prior."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    y = np.array([True] * 2 + [False] * 8)
    p = np.array([0.9, 0.8] + [0.1] * 8)  # F1 1.0 at any grid threshold; prior 0.2
    th = bench.prior_threshold(y, p)
    assert th / (1 - th) == pytest.approx((0.5 / 0.5) / (0.2 / 0.8))


def test_adoption_needs_all_seeds_but_one_and_a_gain_beyond_half_the_spread():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    ship = [0.60, 0.61, 0.62, 0.60, 0.61, 0.62]
    assert bench.adopted(ship, [s + 0.02 for s in ship])
    two_lower = [0.02, 0.02, 0.02, 0.02, -0.01, -0.01]
    assert not bench.adopted(ship, [s + d for s, d in zip(ship, two_lower, strict=True)])
    small_gain = [
        0.001,
        0.001,
        0.001,
        0.001,
        0.001,
        0.04,
    ]  # higher on all six, but the mean gain is in the spread
    assert not bench.adopted(ship, [s + d for s, d in zip(ship, small_gain, strict=True)])
    assert not bench.adopted(ship[:1], [ship[0] + 0.05])  # one seed says nothing


def test_unknown_variant_is_refused():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    with pytest.raises(ValueError, match="unknown variants"):
        bench.variant_runs([], (1,), ["no-such-variant"])


# round seven: where and in how many sentences a frame is carried (benchmarks/framing_nfc.py --variants)


def _toy_sentences(n: int, seed: int = 0) -> list[np.ndarray]:
    """n toy articles' sentence matrices (3 to 11 sentences, the columns of ``sentence_matrix``)."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    rng = np.random.default_rng(seed)
    k = len(bench.sentence_columns())
    return [np.log1p(rng.poisson(0.3, (3 + i % 9, k)).astype(float)) for i in range(n)]


def test_position_features_say_where_and_in_how_many_sentences():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    flags = np.array([True] + [False] * 8 + [True])
    got = bench.position_features(flags)
    assert got == pytest.approx(
        {"lead3": 1 / 3, "lead5": 0.2, "rest": 0.2, "sentences": math.log(3), "first": 0.0, "spread": 1.0}
    )
    none = bench.position_features(np.zeros(4, dtype=bool))
    assert none["first"] == 1.0 and none["spread"] == 0.0 and none["sentences"] == 0.0


def test_sentence_matrix_reads_each_sentence_cues():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    s = bench.sentence_matrix(STORY)
    col = {c: k for k, c in enumerate(bench.sentence_columns())}
    assert s.shape == (len(fm.sentence_spans(STORY)), len(col))
    assert s[0, col["lex_conflict"]] > 0 and s[2, col["lex_economic"]] > 0 and s[2, col["numbers"]] > 0
    assert s[3, col["human"]] > 0 and s[4, col["quote"]] > 0 and s[0, col["quote"]] == 0
    assert list(bench.carriers(s, "conflict")) == [True, True, False, False, False, False]


def test_pooled_sentence_scores():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    got = bench.pooled(np.array([0.1, 0.9, 0.6, 0.2]))
    assert got == pytest.approx([0.9, (0.9 + 0.6 + 0.2) / 3, math.log(3), 0.5, 0.5])


def test_mi_rounds_relabel_only_positive_articles_sentences():
    """mi-SVM style: after a round, a negative article's sentences are all negative, and every positive
    article keeps its sentences at 0.5 or more and always its best one."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    p = np.array([0.9, 0.2, 0.6, 0.3, 0.4, 0.8, 0.1])
    cut = np.array([0, 3, 5, 7])  # articles: sentences 0-2, 3-4, 5-6
    got = bench.mi_labels(p, cut, np.array([True, True, False]))
    assert list(got) == [True, False, True, False, True, False, False]


def test_sentence_scorer_pools_five_scores_per_article():
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    sentences = _toy_sentences(30)
    y = np.array([i % 3 == 0 for i in range(30)])
    for rounds in (0, 2):
        pool = bench.sentence_scorer(sentences, rounds)(np.arange(20), y[:20])
        got = pool(np.arange(20, 30))
        assert got.shape == (10, len(bench.POOLED)) and np.isfinite(got).all()


@pytest.mark.parametrize(
    "name",
    ["lead", "lead-or-shipped", "lead-spread", "spread-or-shipped", "mil-pool", "mil-or-shipped", "mil-own"],
)
def test_round_seven_variants_decide_every_frame(name):
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    values, labels = _toy(60)
    sentences = _toy_sentences(60)
    more = bench.extended(values, sentences)
    with threadpool_limits(1):
        fit = bench.variants((0.1, 1.0), sentences)[name]()
        decide = fit(more[:45], {f: y[:45] for f, y in labels.items()})
    got = decide(more[45:])
    assert set(got) == set(fm.GENERAL_FRAMES) and all(len(v) == 15 and v.dtype == bool for v in got.values())


def test_round_seven_runs_never_read_the_held_out_part(monkeypatch):
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    values, labels = _toy(100)
    sentences = _toy_sentences(100)
    rows = [
        {"id": f"toy-{i}", "text": str(i), "frames": {t: labels[o][i] for t, o in fm.NFC_FRAMES.items()}}
        for i in range(100)
    ]
    seen: list[str] = []

    def matrix(text: str) -> np.ndarray:
        seen.append(text)
        return sentences[int(text)]

    monkeypatch.setattr(bench.fm, "frame_features", lambda text: values[int(text)])
    monkeypatch.setattr(bench, "sentence_matrix", matrix)
    with threadpool_limits(1):
        runs = bench.variant_runs(rows, (1,), ["lead", "mil-pool"], c_grid=(0.1,))
    held = {r["text"] for r in rows if bench.held_out(r["id"])}
    assert held and seen and not held & set(seen) and len(seen) == 100 - len(held)
    assert set(runs) == {"shipped", "lead", "mil-pool"} and 0 <= runs["mil-pool"][1]["macro"][2] <= 1


def test_spread_or_shipped_reads_the_columns_of_lead_spread_and_of_the_shipped_model():
    """Under ``own_position``, dropping frame k's columns 2k, 2k + 1 leaves lead-spread's columns, and
    dropping the last six leaves the shipped features."""
    bench = load_script("framing_nfc", helpers.ROOT / "benchmarks")
    base = list(fm.feature_names())
    names = bench.extended([dict.fromkeys(base, 0.0)], [np.zeros((4, len(bench.sentence_columns())))])
    keys = list(names[0])
    for k, f in enumerate(fm.GENERAL_FRAMES):
        own = bench.own_position(f, keys)
        assert [n for j, n in enumerate(own) if j not in (2 * k, 2 * k + 1)] == bench.spread_not_counts(
            f, keys
        )
        assert own[:-6] == base
