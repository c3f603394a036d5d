"""``speedups.punkt.FastPunkt`` splits exactly as NLTK's Punkt does (issue 20: equality on a large sample)."""

from __future__ import annotations

import json
import random

import pytest
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

import helpers
from outlet_comparison.speedups.punkt import SIMPLE_CONTEXT, FastPunkt
from outlet_comparison.text.units import _BLOCK, LEXICONS, SENTENCE_ENDS, _abbreviations

ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


class _LanguageVars(PunktLanguageVars):
    sent_end_chars = SENTENCE_ENDS


class _Recording(PunktSentenceTokenizer):
    """NLTK's Punkt as it is, noting every candidate context it decides."""

    def __init__(self, params, lang_vars) -> None:
        super().__init__(params, lang_vars=lang_vars)
        self.seen: dict[str, None] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        self.seen[text] = None
        return super().text_contains_sentbreak(text)


def _pair() -> tuple[FastPunkt, _Recording]:
    """The patched tokenizer and NLTK's own, built from the shipped abbreviation list."""
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations(str(LEXICONS / "abbreviations.csv")))
    return FastPunkt(params, lang_vars=_LanguageVars()), _Recording(params, lang_vars=_LanguageVars())


def _check(texts: list[str]) -> list[str]:
    """Assert the same spans and the same decision on every context; returns the distinct contexts."""
    fast, plain = _pair()
    for block in (m.group(0) for t in texts for m in _BLOCK.finditer(t)):
        assert list(fast.span_tokenize(block)) == list(plain.span_tokenize(block)), block[:80]
    fresh, _ = _pair()
    differ = [c for c in plain.seen if fresh.text_contains_sentbreak(c) != plain.text_contains_sentbreak(c)]
    assert not differ, differ[:10]
    return list(plain.seen)


def test_seed_articles_split_as_punkt_splits():
    texts = helpers.load_articles()["text"].tolist() + ['"We\'re not there yet," Mr. Obama said. He left.']
    assert len(_check(texts)) > 20


def test_a_tokenizer_with_learned_parameters_is_refused():
    params = PunktParameters()
    params.sent_starters = {"however"}
    with pytest.raises(ValueError, match="abbreviation list only"):
        FastPunkt(params)


@pytest.mark.slow
@pytest.mark.shared
def test_allsides_sample_splits_as_punkt_splits():
    """1,500 AllSides articles (seeded): the same spans, and the same decision on every distinct context."""
    if not ALLSIDES.is_file():
        pytest.skip(f"../shared not found: {ALLSIDES} is missing")
    lines = ALLSIDES.read_text(encoding="utf-8").splitlines()
    picked = sorted(random.Random(2016).sample(range(len(lines)), 1500))
    texts = [json.loads(lines[i])["text"] for i in picked]
    contexts = _check(texts)
    assert len(contexts) > 10_000
    assert sum(SIMPLE_CONTEXT.fullmatch(c) is not None for c in contexts) > 5_000  # the shortcut's share
