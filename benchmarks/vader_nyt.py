"""VADER accuracy on the 5,190 human-rated NYT editorial sentences (Hutto & Gilbert 2014).

Prints Pearson r of the sentence compound against the human mean (paper: 0.492), the
article-level r (mean of sentence compounds vs whole-text compound), and how NLTK's port
of VADER compares, which is the evidence for using the authors' vaderSentiment package.

Run: .venv/bin/python benchmarks/vader_nyt.py   (skips with a message when ../shared is absent)
"""

import os
import sys
import time

import numpy as np

import helpers

BENCH = helpers.SHARED / "benchmarks" / "sentiment"
DATA = BENCH / "vader_icwsm2014" / "nytEditorialSnippets_GroundTruth.txt"
PAPER_R = 0.492


def nltk_compounds(texts) -> np.ndarray | None:
    """NLTK's VADER on the same lexicon file (NLTK >= 3.10 needs the folder on its path); None if absent."""
    try:
        import nltk
        from nltk.sentiment.vader import SentimentIntensityAnalyzer
    except ImportError:
        return None
    lexicon = helpers.vader_lexicon_path()
    nltk.data.path.append(os.path.dirname(lexicon))
    analyser = SentimentIntensityAnalyzer(lexicon_file="file:" + str(lexicon))
    return np.array([analyser.polarity_scores(t)["compound"] for t in texts])


def main() -> int:
    if not DATA.is_file():
        print(f"../shared not found: {DATA} is missing; skipping the VADER NYT benchmark.")
        return 0
    t0 = time.perf_counter()
    summary, scored = helpers.vader_benchmark(DATA)
    secs = time.perf_counter() - t0
    print(f"NYT editorial sentences: n = {int(summary['n']):,} in {int(summary['n_articles'])} articles")
    print(f"vaderSentiment (authors' package, bundled lexicon): scored in {secs:.1f} s")
    print(f"  Pearson r, sentence compound vs human mean: {summary['pearson_r']:.3f} (paper {PAPER_R})")
    print(f"  Spearman rho:                               {summary['spearman_rho']:.3f}")
    print(f"  article level, mean of sentence compounds:  r = {summary['article_pearson_r']:.3f}")

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer(lexicon_file=str(helpers.vader_lexicon_path()))
    arts = scored.groupby("article_id", sort=False)
    whole = [analyser.polarity_scores(" ".join(g["text"]))["compound"] for _, g in arts]
    human = arts["human_mean"].mean().to_numpy()
    print(f"  article level, whole text in one call:      r = {np.corrcoef(human, whole)[0, 1]:.3f}")
    print(f"  share of articles with |whole-text compound| > 0.9: {np.mean(np.abs(whole) > 0.9):.0%}")

    nl = nltk_compounds(scored["text"])
    if nl is None:
        print("NLTK not installed; skipping the NLTK comparison.")
        return 0
    same = np.isclose(nl, scored["compound"].to_numpy(), atol=1e-9)
    print("NLTK's port (same lexicon file):")
    print(f"  Pearson r: {np.corrcoef(scored['human_mean'], nl)[0, 1]:.3f}")
    print(f"  identical compound on {same.mean():.1%} of sentences")
    demo = "The economy is not good and the outlook is good."
    print(
        f"  negation bug check {demo!r}: vaderSentiment {analyser.polarity_scores(demo)['compound']:+.2f}, "
        f"NLTK {nltk_compounds([demo])[0]:+.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
