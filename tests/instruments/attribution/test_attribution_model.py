"""The shipped attribution CRF is reproducible: fitted on today's inputs, by a deterministic trainer."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
from conftest import load_script

import helpers

MODEL = helpers.ROOT / "models" / "attribution_crf.json.gz"
TRAIN = helpers.SHARED / "benchmarks" / "attribution" / "polnear_train.jsonl"


def test_model_file_holds_weights_only():
    import gzip
    import json

    with gzip.open(MODEL, "rt", encoding="utf-8") as fh:
        d = json.load(fh)
    assert set(d) >= {"words", "suffixes", "state", "transitions", "labels", "templates"}
    assert all(" " not in w for w in d["words"])  # single tokens, no sentence or span text
    assert max(len(w) for w in d["words"]) < 40


@pytest.mark.slow
@pytest.mark.shared
def test_shipped_model_was_fitted_on_the_current_training_inputs():
    """Word lists, features or code changed since the last refit: the stored input digest says so."""
    if not TRAIN.is_file():
        pytest.skip(f"../shared not found: {TRAIN} (CRF input check skipped)")
    pytest.importorskip("pycrfsuite")
    script = helpers.ROOT / "scripts" / "train_attribution_crf.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.shared
def test_training_is_deterministic_and_the_input_digest_sees_a_word_list_change(tmp_path):
    """Two fits on the same sample give the same bytes; another noun list gives another digest."""
    if not TRAIN.is_file():
        pytest.skip(f"../shared not found: {TRAIN} (CRF determinism check skipped)")
    pytest.importorskip("pycrfsuite")
    from outlet_comparison.instruments.attribution.rules import load_rules

    t = load_script("train_attribution_crf")
    sample = tmp_path / "train.jsonl"
    with open(TRAIN, encoding="utf-8") as fh:
        sample.write_text("".join(next(fh) for _ in range(6)), encoding="utf-8")
    rules = load_rules()
    data = t.sentences(sample, rules)
    voc = t.vocab(data, 1)
    items = t.training_items(data, voc, rules)
    params = {**t.PARAMS, "max_iterations": 20}
    digests = [t.write(t.fit(items, voc, params), tmp_path / f"m{k}.json.gz") for k in range(2)]
    assert digests[0] == digests[1]
    nouns = tmp_path / "nouns.csv"
    listed = (helpers.LEXICONS / "attribution_nouns.csv").read_text(encoding="utf-8").splitlines()
    nouns.write_text("\n".join(r for r in listed if not r.startswith("official,")) + "\n", encoding="utf-8")
    other = load_rules(helpers.AttributionLexicons(nouns=nouns))
    other_items = t.training_items(t.sentences(sample, other), voc, other)
    assert t.inputs_digest(other_items, voc, params) != t.inputs_digest(items, voc, params)


@pytest.mark.slow
@pytest.mark.refit
@pytest.mark.shared
def test_refit_writes_the_shipped_model(tmp_path):
    """The full refit (about 3 minutes; `make check-models`): same bytes as the shipped model."""
    if not TRAIN.is_file():
        pytest.skip(f"../shared not found: {TRAIN} (CRF refit skipped)")
    pytest.importorskip("pycrfsuite")
    out = tmp_path / "m.json.gz"
    script = helpers.ROOT / "scripts" / "train_attribution_crf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, capture_output=True)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert digest == hashlib.sha256(MODEL.read_bytes()).hexdigest(), (
        "refit the model after editing the word lists"
    )


def test_cached_token_features_follow_the_word_lists(tmp_path):
    """The CRF keeps each token's base columns; another noun list must not reuse them."""
    from outlet_comparison.instruments.attribution import crf
    from outlet_comparison.instruments.attribution.rules import load_rules
    from outlet_comparison.instruments.attribution.tokens import tokens

    nouns = tmp_path / "nouns.csv"
    listed = (helpers.LEXICONS / "attribution_nouns.csv").read_text(encoding="utf-8").splitlines()
    nouns.write_text("\n".join(r for r in listed if not r.startswith("spokesman,")) + "\n", encoding="utf-8")
    default = helpers.AttributionLexicons()
    model = crf.load_model(str(helpers.ROOT / "models" / "attribution_crf.json.gz"))
    text = "A spokesman said the talks failed."
    toks = tokens(text, 0, len(text))
    assert toks[1].text == "spokesman"
    sents = [(toks, [0] * len(toks))]
    first = crf.article_values(sents, model, load_rules(default))
    other = crf.article_values(sents, model, load_rules(helpers.AttributionLexicons(nouns=nouns)))
    again = crf.article_values(sents, model, load_rules(default))
    assert (first == again).all()
    # 'spokesman' is an official noun in the default list, a plain word without it
    assert first[1, crf.TEMPLATES.index(("lex", 0))] != other[1, crf.TEMPLATES.index(("lex", 0))]
