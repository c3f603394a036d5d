"""The faster VADER (``outlet_comparison.instruments.vader``) gives exactly the package's scores."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import helpers
from outlet_comparison.instruments.vader import FastAnalyzer

GROUND_TRUTH = helpers.SHARED / "benchmarks" / "sentiment" / "vader_icwsm2014"
TRICKY = [
    "",
    "   ",
    "The talks ended.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book.",
    "Not bad at all",
    "no problems, no worries",
    "It was never so good and without doubt the best. Never this bad!",
    "He is not at all without doubt happy ?? really???",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Make sure you :) or :D today!",
    "that was the bomb, yeah right, kiss of death",
    "The Kremlin said the deal was sort of good but hardly great.",
    "THE DEAL IS GOOD",
    "least good, at least good, very least good",
]


def _sentences() -> list[str]:
    """Hand-made edge cases, every sentence of the seed articles, and VADER's tweets (emoji, caps)."""
    out = list(TRICKY)
    for text in helpers.load_articles()["text"]:
        out += helpers.sentences(text)
    if (GROUND_TRUTH / "tweets_GroundTruth.txt").is_file():
        out += helpers.read_vader_groundtruth(GROUND_TRUTH / "tweets_GroundTruth.txt")["text"].tolist()
    return out


@pytest.fixture(scope="module")
def analysers() -> tuple[SentimentIntensityAnalyzer, FastAnalyzer]:
    """The package's analyser and ours, on the same canonical lexicon."""
    path = str(helpers.vader_lexicon_path())
    return SentimentIntensityAnalyzer(lexicon_file=path), FastAnalyzer(lexicon_file=path)


def test_fast_vader_scores_are_identical(analysers):
    base, fast = analysers
    for sent in _sentences():
        assert fast.polarity_scores(sent) == base.polarity_scores(sent), sent
