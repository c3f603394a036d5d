"""Alignment: which sentences of two articles report the same thing, and what only one carries."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import check_str
from outlet_comparison.coverage.actors import alias_mentions, read_speech_verbs, speech_verbs_path
from outlet_comparison.text.units import sentences, words

ALIGN_COLUMNS = ("sentence_a", "sentence_b", "similarity", "text_a", "text_b")

# Best F1 (0.42) on tests/gold/coverage_alignment.csv over thresholds 0.10..0.55 (plateau 0.30-0.35).
ALIGN_THRESHOLD = 0.325


@memoize(maxsize=1)
def _stemmer():
    """NLTK Porter stemmer (pure Python, no downloaded data)."""
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@memoize(maxsize=8)
def _verb_stems(path: str) -> frozenset[str]:
    """Porter stems of the reporting verbs (dropped before comparing content)."""
    return frozenset(_stemmer().stem(v) for v in read_speech_verbs(path))


def _normalise(sentence: str, aliases: Path | str | None, verbs: Path | str | None) -> str:
    """Sentence content: actors as canonical ids, lower case, stemmed, without stop words or speech verbs."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    pieces, pos = [], 0
    for actor, _mention, _k, start, end, *_ in alias_mentions(sentence, aliases):  # listed aliases only
        pieces.append(sentence[pos:start])
        pieces.append(" actor" + re.sub(r"\W+", "", actor.lower()) + " ")
        pos = end
    pieces.append(sentence[pos:])
    stem = _stemmer().stem
    drop = _verb_stems(speech_verbs_path(verbs))
    out = []
    for w in words("".join(pieces)):
        w = re.sub(r"[.\-’']", "", w.lower())
        if w.startswith("actor"):
            out.append(w)
        elif w and w not in ENGLISH_STOP_WORDS and not w.isdigit() and stem(w) not in drop:
            out.append(stem(w))
    return " ".join(out)


def similarity_matrix(
    text_a: str, text_b: str, aliases: Path | str | None = None, speech_verbs: Path | str | None = None
) -> np.ndarray:
    """Cosine similarity of every sentence pair (rows: text_a, columns: text_b); see ``align``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    check_str(text_a)
    check_str(text_b)
    sa, sb = sentences(text_a), sentences(text_b)
    if not sa or not sb:
        return np.zeros((len(sa), len(sb)))
    docs = [_normalise(s, aliases, speech_verbs) for s in sa + sb]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, norm="l2")
    x = vec.fit_transform(docs)
    return cosine_similarity(x[: len(sa)], x[len(sa) :])


def align(
    text_a: str, text_b: str, threshold: float = ALIGN_THRESHOLD, aliases: Path | str | None = None
) -> pd.DataFrame:
    """Sentence pairs reporting the same thing: mutual best matches with similarity >= threshold.

    Similarity is the cosine of character 3-5-gram TF-IDF vectors of each sentence after actor
    names are replaced by their canonical actor (so "Sergey"/"Sergei" Lavrov match) and stop
    words and reporting verbs are dropped.

    >>> align("Kerry met Lavrov in Hangzhou. It rained.", "Sergey Lavrov met Mr Kerry in Hangzhou.")[
    ...     ["sentence_a", "sentence_b"]].values.tolist()
    [[0, 0]]
    """
    sim = similarity_matrix(text_a, text_b, aliases)
    sa, sb = sentences(text_a), sentences(text_b)
    rows = []
    if sim.size:
        best_b, best_a = sim.argmax(axis=1), sim.argmax(axis=0)
        rows = [
            (i, int(j), float(sim[i, j]), sa[i], sb[j])
            for i, j in enumerate(best_b)
            if best_a[j] == i and sim[i, j] >= threshold and sim[i, j] > 0
        ]
    return pd.DataFrame(rows, columns=list(ALIGN_COLUMNS)).astype(
        {"sentence_a": "int64", "sentence_b": "int64", "similarity": "float64"}
    )


def coverage_split(
    text_a: str, text_b: str, threshold: float = ALIGN_THRESHOLD, aliases: Path | str | None = None
) -> pd.DataFrame:
    """Every sentence of both texts with its best match, similarity, word count and shared/unique flag."""
    cols = ["article", "sentence", "text", "words", "best_match", "similarity", "shared"]
    al = align(text_a, text_b, threshold, aliases)
    rows = []
    for art, text, col, other in (
        ("a", text_a, "sentence_a", "sentence_b"),
        ("b", text_b, "sentence_b", "sentence_a"),
    ):
        for k, s in enumerate(sentences(text)):
            hit = al[al[col] == k].sort_values("similarity", ascending=False)
            best = int(hit[other].iloc[0]) if len(hit) else -1
            simv = float(hit["similarity"].iloc[0]) if len(hit) else 0.0
            rows.append((art, k, s, len(words(s)), best, simv, bool(len(hit))))
    dtypes = {"sentence": "int64", "words": "int64", "best_match": "int64", "similarity": "float64"}
    return pd.DataFrame(rows, columns=cols).astype({**dtypes, "shared": "bool"})


def spelling_variants(texts: dict[str, str]) -> pd.DataFrame:
    """Words the outlets spell differently once hyphens and periods are ignored (cease-fire/ceasefire)."""
    cols = ["key", "outlet", "form", "count"]
    rows = []
    for outlet, text in texts.items():
        for w in words(text):
            w = w.replace("’", "'")
            rows.append((re.sub(r"[.\-]", "", w), outlet, w))
    df = pd.DataFrame(rows, columns=["key", "outlet", "form"])
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.groupby("key").filter(lambda g: g["outlet"].nunique() > 1 and g["form"].nunique() > 1)
    # a variant only when no two outlets share a spelling of that word
    df = df.groupby("key").filter(lambda g: _disjoint(g.groupby("outlet")["form"].apply(set)))
    out = df.groupby(["key", "outlet", "form"]).size().rename("count").reset_index()
    return out[cols].astype({"count": "int64"})


def _disjoint(forms: pd.Series) -> bool:
    """Whether no two outlets share a spelling (forms: one set of spellings per outlet)."""
    v = list(forms)
    return all(not (v[i] & v[j]) for i in range(len(v)) for j in range(i + 1, len(v)))
