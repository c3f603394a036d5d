"""Corpus mode: the same per-article measures over thousands of articles (``reading``, ``engines``)."""

from .engines import analyze, article_features
from .reading import CORPUS_OPTIONAL, CORPUS_REQUIRED, read_corpus

__all__ = ["CORPUS_OPTIONAL", "CORPUS_REQUIRED", "analyze", "article_features", "read_corpus"]
