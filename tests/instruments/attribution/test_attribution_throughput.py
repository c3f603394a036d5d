"""Round ten's throughput shortcuts give the answers of the code they skip (issue 21, output-neutral)."""

from __future__ import annotations

import copy
import random
import re
import warnings

import pytest

import helpers
from outlet_comparison.instruments.attribution import refine as refine_mod
from outlet_comparison.instruments.attribution.capitals import (
    CAPITALS_SHARE,
    AttributionWarning,
    _cased_counts,
    written_in_capitals,
)
from outlet_comparison.instruments.attribution.crf import load_model, model_path
from outlet_comparison.instruments.attribution.extract import rule_hits
from outlet_comparison.instruments.attribution.rules import AttributionLexicons, load_rules
from outlet_comparison.instruments.attribution.tokens import QUOTE_RE
from outlet_comparison.text.units import sentence_spans

_ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def _allsides(seed: int, n: int) -> list[str]:
    """The texts of ``n`` AllSides articles in a fixed shuffle, or none without ../shared."""
    if not _ALLSIDES.is_file():
        return []
    return list(helpers.read_corpus(_ALLSIDES).sample(frac=1.0, random_state=seed).head(n)["text"])


def _refine_merging_all(text, toks, hits, rules, m):
    """``refine`` as it was: ``_merge`` on every sentence the CRF read, hits or not."""
    by_sent: dict = {}
    for h in hits:
        by_sent.setdefault(h.sentence, []).append(h)
    todo = [
        n
        for n, ts in enumerate(toks)
        if ts and (n in by_sent or refine_mod.candidate(ts, rules, m.cue_words))
    ]
    if todo:
        sents = [(toks[n], refine_mod.rule_tags(toks[n], by_sent.get(n, []))) for n in todo]
        lengths = [len(toks[n]) for n in todo]
        values = refine_mod.article_values(sents, m, rules)
        labels = refine_mod.viterbi_many(m, refine_mod.emissions(m, values), lengths)
        k = 0
        for n, ln in zip(todo, lengths, strict=True):
            by_sent[n] = refine_mod._merge(text, n, toks[n], labels[k : k + ln], by_sent.get(n, []), rules)
            k += ln
    out = []
    for n in sorted(by_sent):
        out.extend(part for h in by_sent[n] if h.source_start >= 0 for part in refine_mod.split_list(text, h))
    return out


def test_merge_finds_nothing_without_hits_or_labels() -> None:
    """A sentence with no rule hit and every CRF label O: ``_merge`` returns nothing (what refine skips)."""
    text = "Talks went on. The weather was fine, and the markets rose on Tuesday."
    rules = load_rules(AttributionLexicons())
    for s, e in sentence_spans(text):
        _hits, toks_all = rule_hits(text, [(s, e)], rules, True, unsourced=True)
        assert refine_mod._merge(text, 0, toks_all[0], [0] * len(toks_all[0]), [], rules) == []


@pytest.mark.shared
def test_refine_equals_merging_every_sentence_on_allsides() -> None:
    """The hits of 12 AllSides articles: the same as merging every sentence the CRF read."""
    texts = _allsides(2016, 12)
    if not texts:
        pytest.skip(f"{_ALLSIDES} is not there (../shared)")
    rules = load_rules(AttributionLexicons())
    m = load_model(model_path(None))
    for text in texts:
        hits, toks = rule_hits(text, sentence_spans(text), rules, True, unsourced=True)
        want = _refine_merging_all(text, toks, copy.deepcopy(hits), rules, m)
        assert refine_mod.refine(text, toks, copy.deepcopy(hits), rules, m) == want


_OLD_QUOTE_RE = re.compile(r"[“\"]([^”\"]*\w[^”\"]*)[”\"]")  # QUOTE_RE before round ten
_QUOTE_PIECES = list("“”\"'’ a_1.-,\n\u00a0é") + ["ab", " “a", "” "]


def _quote_matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    """Every match of rx in text, as (span, group 1)."""
    return [(m.span(), m.group(1)) for m in rx.finditer(text)]


def test_quote_re_equals_the_backtracking_pattern_on_random_texts() -> None:
    """Random texts over quotation marks, word and non-word characters: the same matches and groups, and a
    search inside [s, e) answers as a search of the slice."""
    rng = random.Random(10)
    for _ in range(20_000):
        text = "".join(rng.choice(_QUOTE_PIECES) for _ in range(rng.randint(0, 14)))
        assert _quote_matches(QUOTE_RE, text) == _quote_matches(_OLD_QUOTE_RE, text), text
        s, e = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        assert (QUOTE_RE.search(text, s, e) is not None) == bool(_OLD_QUOTE_RE.search(text[s:e])), (
            text,
            s,
            e,
        )


@pytest.mark.shared
def test_quote_re_equals_the_backtracking_pattern_on_allsides() -> None:
    """Every sentence of 40 AllSides articles: the same matches and groups."""
    texts = _allsides(7, 40)
    if not texts:
        pytest.skip(f"{_ALLSIDES} is not there (../shared)")
    for text in texts:
        for s, e in sentence_spans(text):
            assert _quote_matches(QUOTE_RE, text[s:e]) == _quote_matches(_OLD_QUOTE_RE, text[s:e])
            assert (QUOTE_RE.search(text, s, e) is not None) == bool(_OLD_QUOTE_RE.search(text[s:e]))


def _capitals_before(text: str) -> bool:
    """``written_in_capitals`` before round ten: the lower-case letters of the whole text counted first."""
    if sum(map(str.islower, text)) * 5 > len(text):
        return False
    upper, cased = _cased_counts(text)
    return cased >= 20 and upper / cased >= CAPITALS_SHARE


def test_written_in_capitals_equals_counting_the_whole_text() -> None:
    """Random texts of capitals, lower case, digits and spaces in every proportion: the same answer."""
    rng = random.Random(3)
    pieces = ["A", "B", "a", "b", " ", "1", ".", "É", "é", "\n"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AttributionWarning)
        for _ in range(5_000):
            weights = [rng.random() for _ in pieces]
            text = "".join(rng.choices(pieces, weights, k=rng.randint(0, 200)))
            assert written_in_capitals(text) == _capitals_before(text), text
        for text in _allsides(2016, 60):
            assert written_in_capitals(text) == _capitals_before(text)
            assert written_in_capitals(text.upper()) == _capitals_before(text.upper())
