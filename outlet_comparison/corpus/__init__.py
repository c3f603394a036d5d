"""Corpus mode: the same per-article measures over thousands of articles (``reading``, ``engines``)."""

from outlet_comparison.corpus.engines import analyze, article_features
from outlet_comparison.corpus.reading import CORPUS_OPTIONAL, CORPUS_REQUIRED, read_corpus

__all__ = ["CORPUS_OPTIONAL", "CORPUS_REQUIRED", "analyze", "article_features", "read_corpus"]
