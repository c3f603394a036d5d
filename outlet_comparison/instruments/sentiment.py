"""Tone: VADER (the authors' vaderSentiment package and lexicon) sentence by sentence, offline."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, ArticleError, check_str, project_path, rows_frame
from outlet_comparison.text.units import WORD_RE, fold_latin, sentence_spans
from outlet_comparison.wordlists import compile_row, data_rows, read_lexicon

SENTIMENT_COLUMNS = ["sentence", "start", "end", "text", "compound", "pos", "neu", "neg"]
_MASK_TOKEN = "Entity"  # not in the VADER lexicon, so a masked phrase carries no valence
# VADER's cost grows with the square of a sentence's length; a "sentence" longer than this (text
# without sentence punctuation) is scored in pieces of this many words, averaged by words. The
# longest sentence in the 5,728 AllSides articles has 251 words, so no real sentence is cut.
_MAX_SCORED_WORDS = 1000


@memoize(maxsize=1)
def vader_lexicon_path() -> Path:
    """The canonical lexicon shipped with the authors' vaderSentiment package (resolved once: every
    article asks for it)."""
    import vaderSentiment.vaderSentiment as vs

    return Path(vs.__file__).resolve().parent / "vader_lexicon.txt"


@memoize(maxsize=4)
def _analyser(lexicon_path: str):
    """A vaderSentiment analyser for a lexicon file, built once per path (offline; same scores, faster)."""
    from outlet_comparison.speedups.vader import FastAnalyzer

    if not Path(lexicon_path).is_file():
        raise ArticleError(f"{lexicon_path}: VADER lexicon file not found")
    return FastAnalyzer(lexicon_file=lexicon_path)


@memoize(maxsize=8)
def _mask_rules(path: str) -> tuple[re.Pattern[str], ...]:
    """Entity/phrase patterns to mask before VADER, longest first so names win over their parts."""
    df = read_lexicon(path, ("pattern", "rationale"), allow_empty=True)
    affix = (r"(?<![\w-])(?:", r")(?![\w-])")
    rules = [
        (len(r["pattern"]), compile_row(path, n, fold_latin(r["pattern"])[0], re.IGNORECASE, affix=affix))
        for n, r in data_rows(df)
    ]
    return tuple(rx for _, rx in sorted(rules, key=lambda t: -t[0]))


def mask_entities(text: str, mask: Path | str | None = None) -> str:
    """Replace names and phrases listed in lexicons/entity_mask.csv by a valence-free token.

    Patterns match with Latin diacritics folded, so a row ``Erdogan`` also masks "Erdoğan".
    """
    check_str(text)
    for rx in _mask_rules(str(project_path(mask, LEXICONS / "entity_mask.csv"))):
        folded, where = fold_latin(text)
        spans = [(m.start(), m.end()) for m in rx.finditer(folded)]
        if where is not None:
            spans = [(where[s], where[e]) for s, e in spans]
        parts, last = [], 0
        for s, e in spans:
            parts += [text[last:s], _MASK_TOKEN]
            last = e
        text = "".join(parts) + text[last:]
    return text


def sentiment(text: str, masked: bool = False, mask: Path | str | None = None) -> pd.DataFrame:
    """VADER (vaderSentiment, canonical lexicon) per sentence: offsets, text, compound, pos, neu, neg.

    With ``masked``, entity phrases are masked inside each sentence before scoring; ``text``
    stays the original sentence.
    """
    check_str(text)
    analyser = _analyser(str(vader_lexicon_path()))
    rows = []
    for k, (s, e) in enumerate(sentence_spans(text)):
        sent = text[s:e]
        scores = _polarity(analyser, mask_entities(sent, mask) if masked else sent)
        rows.append({"sentence": k, "start": s, "end": e, "text": sent, **scores})
    floats = dict.fromkeys(("compound", "pos", "neu", "neg"), float)
    return rows_frame(rows, SENTIMENT_COLUMNS, {"sentence": int, "start": int, "end": int, **floats})


def compounds(text: str) -> list[float]:
    """The ``compound`` column of ``sentiment(text)`` (corpus mode needs no more)."""
    check_str(text)
    analyser = _analyser(str(vader_lexicon_path()))
    return [_polarity(analyser, text[s:e])["compound"] for s, e in sentence_spans(text)]


def _polarity(analyser, sent: str) -> dict[str, float]:
    """VADER's scores of one sentence; one longer than _MAX_SCORED_WORDS words is scored in pieces."""
    if len(sent) <= _MAX_SCORED_WORDS:  # a word has a character at least: too short to be cut
        return analyser.polarity_scores(sent)
    starts = [m.start() for m in WORD_RE.finditer(sent)]
    if len(starts) <= _MAX_SCORED_WORDS:
        return analyser.polarity_scores(sent)
    cuts = [0, *starts[_MAX_SCORED_WORDS::_MAX_SCORED_WORDS], len(sent)]
    pieces = [
        (analyser.polarity_scores(sent[a:b]), len(WORD_RE.findall(sent, a, b)))
        for a, b in itertools.pairwise(cuts)
    ]
    total = sum(n for _, n in pieces)
    return {key: sum(sc[key] * n for sc, n in pieces) / total for key in ("neg", "neu", "pos", "compound")}


def read_vader_groundtruth(path: Path | str) -> pd.DataFrame:
    """Hutto & Gilbert (2014) ground-truth TSV (no header): id, article_id, human_mean, text."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: ground-truth file not found")
    rows = []
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate((ln.rstrip("\r") for ln in lines if ln.strip()), start=1):
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise ArticleError(f"{path}, row {n}: expected 3 tab-separated fields, got {len(parts)}")
        rows.append(
            {
                "id": parts[0],
                "article_id": parts[0].split("_")[0],
                "human_mean": float(parts[1]),
                "text": parts[2],
            }
        )
    return pd.DataFrame(rows, columns=["id", "article_id", "human_mean", "text"])


@memoize(maxsize=2)
def _benchmark(path: str) -> tuple[pd.Series, pd.DataFrame]:
    """Score every ground-truth sentence once per file."""
    gt = read_vader_groundtruth(path)
    analyser = _analyser(str(vader_lexicon_path()))
    gt["compound"] = [analyser.polarity_scores(t)["compound"] for t in gt["text"]]
    by_art = gt.groupby("article_id")[["human_mean", "compound"]].mean()
    summary = pd.Series(
        {
            "n": len(gt),
            "pearson_r": float(np.corrcoef(gt["human_mean"], gt["compound"])[0, 1]),
            "spearman_rho": float(gt["human_mean"].rank().corr(gt["compound"].rank())),
            "n_articles": len(by_art),
            "article_pearson_r": float(np.corrcoef(by_art["human_mean"], by_art["compound"])[0, 1]),
        }
    )
    return summary, gt


def vader_benchmark(path: Path | str) -> tuple[pd.Series, pd.DataFrame]:
    """Pearson r (sentence and article level) of VADER compound against human means, and the scored rows."""
    summary, gt = _benchmark(str(Path(path).resolve()))
    return summary.copy(), gt.copy()
