"""What each speed patch on another package buys: corpus-mode CPU with and without it, in one process.

Issue 20 keeps a patch on a package's internals only if it saves at least 5 % of corpus-mode CPU.
Each round runs ``features_of`` (every corpus-mode measure) over the same ``--n`` AllSides articles
(the sample of ``measure_profile.py``) once per variant, caches cleared and one short warm-up text
run before each pass (word lists loaded, per-text caches cold: a first pass, as in a fresh worker),
the variants in a rotated order each round. Printed: the median CPU
seconds and µs per word of each variant, its ratio to the code as it is ("patched"), and the
patch's share: (without - with) / without, the part of corpus-mode CPU the patch saves. The
features of every variant are checked equal to the patched code's in the first round.

    .venv/bin/python benchmarks/patch_share.py --n 300 --rounds 5

Variants: ``vader``: the package's ``SentimentIntensityAnalyzer`` instead of ``FastAnalyzer``;
``punkt``: NLTK's ``PunktSentenceTokenizer`` as it is (no memo, no abbreviation shortcut);
``punkt-memo``: memo of ``text_contains_sentbreak`` kept, shortcut off; ``textstat``: each new
word's syllables and easy-word check through textstat's public calls (``syllable_count``,
``is_difficult_word``) instead of the CMU dictionary, Pyphen and the easy-word list read directly.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_profile import CORPUS, sample  # noqa: E402

import helpers  # noqa: E402
from outlet_comparison.corpus.engines import WARMUP_TEXT as _WARMUP  # noqa: E402
from outlet_comparison.corpus.measures import Settings, features_of  # noqa: E402
from outlet_comparison.instruments import readability, sentiment  # noqa: E402
from outlet_comparison.text import units as text_units  # noqa: E402


def _plain_vader():
    """``sentiment._analyser`` building the package's own analyser."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    @functools.lru_cache(maxsize=4)
    def analyser(lexicon_path: str):
        return SentimentIntensityAnalyzer(lexicon_file=lexicon_path)

    return analyser


def _plain_punkt(memo: bool):
    """``text._punkt`` building NLTK's Punkt from the abbreviation list (optionally with the memo only)."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    class LanguageVars(PunktLanguageVars):
        sent_end_chars = text_units.SENTENCE_ENDS

    class Memo(PunktSentenceTokenizer):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self.memo: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            got = self.memo.get(text)
            if got is None:
                got = self.memo[text] = super().text_contains_sentbreak(text)
            return got

    @functools.lru_cache(maxsize=8)
    def punkt(abbrev_path: str):
        params = PunktParameters()
        params.abbrev_types = set(text_units._abbreviations(abbrev_path))
        return (Memo if memo else PunktSentenceTokenizer)(params, lang_vars=LanguageVars())

    return punkt


def _textstat_counts():
    """``readability._token_counts`` through textstat's public per-word calls."""
    import textstat

    from outlet_comparison.text.units import fold_latin

    @functools.lru_cache(maxsize=65536)
    def token_counts(token: str):
        folded = fold_latin(token.replace("’", "'"))[0]
        norm = readability._NON_WORD.sub("", folded)
        other = readability._LATIN.search(folded) is None
        if not norm:
            return 0, 0, False, False, other
        syll = textstat.syllable_count(norm)
        letters = sum(ch.isalnum() for ch in norm)
        return (
            syll,
            letters,
            bool(textstat.is_difficult_word(norm, 3)),
            bool(textstat.is_difficult_word(norm, 0)),
            other,
        )

    return token_counts


VARIANTS = {
    "patched": {},
    "vader": {(sentiment, "_analyser"): _plain_vader},
    "punkt": {(text_units, "_punkt"): lambda: _plain_punkt(memo=False)},
    "punkt-memo": {(text_units, "_punkt"): lambda: _plain_punkt(memo=True)},
    "textstat": {(readability, "_token_counts"): _textstat_counts},
}


def run(texts: list[str], settings: Settings, name: str) -> tuple[float, list]:
    """CPU seconds of ``features_of`` over the texts with the variant's replacements, caches cleared."""
    saved = {(mod, attr): getattr(mod, attr) for mod, attr in VARIANTS[name]}
    try:
        for (mod, attr), make in VARIANTS[name].items():
            setattr(mod, attr, make())
        helpers.clear_caches()
        features_of(_WARMUP, settings)  # word lists, model and tokenizers loaded, as a worker's warm-up
        t0 = time.process_time()
        out = [features_of(t, settings) for t in texts]
        return time.process_time() - t0, out
    finally:
        for (mod, attr), fn in saved.items():
            setattr(mod, attr, fn)


def main() -> None:
    """Parse arguments, run the rounds, print medians, ratios and shares."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"../shared not found: {CORPUS} is missing; nothing to measure.")
        return
    texts, settings = sample(args.n), Settings()
    n_words = sum(len(helpers.words(t)) for t in texts)
    names = ["patched", *(v for v in args.variants if v != "patched")]
    features_of(texts[0], settings)  # imports and word lists, outside the timing
    secs: dict[str, list[float]] = {v: [] for v in names}
    reference = None
    for r in range(args.rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            s, out = run(texts, settings, name)
            secs[name].append(s)
            if r == 0:
                reference = out if name == "patched" and reference is None else reference
        if r == 0:  # equality: every variant's features equal the patched code's
            for name in names[1:]:
                _, out = run(texts, settings, name)
                same = pd.DataFrame(out).equals(pd.DataFrame(reference))  # NaN equals NaN here
                print(f"  {name:<11} features equal to patched: {same}")
        print(f"round {r + 1}: " + ", ".join(f"{v} {secs[v][-1]:.2f}" for v in names), flush=True)
    base = statistics.median(secs["patched"])
    print(f"\n{len(texts)} articles, {n_words:,} words, {args.rounds} rounds; median CPU s of features_of:")
    print(
        f"  {'variant':<11} {'s':>7} {'us/word':>8} {'x patched':>10} {'share':>7}  (per round: without/with)"
    )
    for v in names:
        med = statistics.median(secs[v])
        ratios = [w / p for w, p in zip(secs[v], secs["patched"], strict=True)]
        share = (med - base) / med
        print(
            f"  {v:<11} {med:7.2f} {1e6 * med / n_words:8.2f} {med / base:10.3f} {100 * share:6.1f}%  "
            + " ".join(f"{x:.3f}" for x in ratios)
        )


if __name__ == "__main__":
    main()
