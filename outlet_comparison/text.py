"""Text units: words, sentences (offline Punkt) and paragraphs of a clean text.

>>> sentences("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
['The U.S. said no.', 'Mr. Kerry left at 3 p.m. Monday.']
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .cache import memoize
from .core import LEXICONS, check_str, project_path, ratio
from .lexicons import read_lexicon

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[’'.\-]+[A-Za-z0-9]+)*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")  # a run of non-blank lines


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, keeping internal apostrophes, hyphens and periods).

    >>> words("U.S.-backed rebels aren't al-Qaeda.")
    ['U.S.-backed', 'rebels', "aren't", 'al-Qaeda']
    """
    check_str(text)
    return WORD_RE.findall(text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, stripped, empty ones dropped.

    >>> paragraph_spans("One.\\n\\n  Two.\\n")
    [(0, 4), (8, 12)]
    """
    check_str(text)
    spans, start = [], 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            spans.append((start + lead, start + len(block.rstrip())))
        start = m.end() if m else end
    return spans


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a clean text: blocks separated by blank lines, stripped, empties dropped.

    >>> paragraphs("One.\\n\\nTwo.\\n")
    ['One.', 'Two.']
    """
    return [text[s:e] for s, e in paragraph_spans(text)]


@memoize(maxsize=8)
def _abbreviations(path: str) -> frozenset[str]:
    """Abbreviations (lower case, without the final period) that do not end a sentence."""
    df = read_lexicon(path, ("abbreviation", "rationale"), allow_empty=True)
    return frozenset(a.strip().lower().rstrip(".") for a in df["abbreviation"])


@memoize(maxsize=8)
def _punkt(abbrev_path: str):
    """An NLTK Punkt tokenizer built offline from our abbreviation list (no downloaded model)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_abbreviations(abbrev_path))
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, abbreviations: Path | str | None = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence; sentences never cross a blank line.

    >>> sentence_spans("Hi there. Bye.")
    [(0, 9), (10, 14)]
    """
    check_str(text)
    return list(_spans_cached(text, str(project_path(abbreviations, LEXICONS / "abbreviations.csv"))))


@memoize(maxsize=4096)
def _spans_cached(text: str, abbrev_path: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans memoised per (text, abbreviation file): several analyses split the same text."""
    tok = _punkt(abbrev_path)
    spans: list[tuple[int, int]] = []
    for m in _BLOCK.finditer(text):
        block_start = m.start()
        for s, e in tok.span_tokenize(m.group(0)):
            spans.append((block_start + s, block_start + e))
    return tuple(spans)


def sentences(text: str, abbreviations: Path | str | None = None) -> list[str]:
    """Split text into sentences, offline; right on U.S., Mr., Sept., p.m. and quotations.

    >>> sentences('"We\\'re not there yet," Mr Obama said. He left.')
    ['"We\\'re not there yet," Mr Obama said.', 'He left.']
    """
    return [text[s:e] for s, e in sentence_spans(text, abbreviations)]


def text_stats(text: str) -> pd.Series:
    """Words, sentences, paragraphs and mean words per sentence of a clean text.

    >>> text_stats("One two three. Four five.\\n\\nSix.").to_dict()
    {'words': 6, 'sentences': 3, 'paragraphs': 2, 'words_per_sentence': 2.0}
    """
    n_words, n_sents = len(words(text)), len(sentence_spans(text))
    return pd.Series(
        {
            "words": n_words,
            "sentences": n_sents,
            "paragraphs": len(paragraphs(text)),
            "words_per_sentence": ratio(n_words, n_sents),
        },
        dtype=object,
    )
