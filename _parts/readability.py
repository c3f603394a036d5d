"""readability helpers (developed in parallel; merged into helpers.py before release).

The formulas are textstat's (coefficients, syllable counter, Dale-Chall easy-word list), but
the counts come from this project: words from ``helpers.words``, sentences from
``helpers.sentences`` (which does not split at "U.S.", "Mr." or "$78.1"), so every score is
consistent with the counts reported next to it. textstat's own, uncorrected values are kept
under ``textstat_*`` for comparison.
"""

from helpers import sentence_spans, words  # noqa: I001 (parts import the core first)

import functools
import importlib.metadata
import math
import re

import pandas as pd
import textstat

__all__ = [
    "READABILITY_COUNTS",
    "READABILITY_FORMULAS",
    "GRADE_FORMULAS",
    "readability",
    "readability_sentences",
    "readability_paragraphs",
    "readability_words",
    "textstat_version",
]

READABILITY_COUNTS = (
    "words",
    "sentences",
    "syllables",
    "letters",
    "polysyllables",
    "fog_hard_words",
    "difficult_words",
)
READABILITY_FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
# Formulas that return a US school grade (Flesch Reading Ease is a 0-100 ease scale and
# Dale-Chall a 4.9-10+ score mapped to grade bands, so they are not on this scale).
GRADE_FORMULAS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)
_READ_RATES = (
    "words_per_sentence",
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "difficult_word_share",
)
_READ_TEXTSTAT = ("textstat_words", "textstat_sentences", "textstat_syllables") + tuple(
    f"textstat_{f}" for f in READABILITY_FORMULAS
)
_READ_KEYS = READABILITY_COUNTS + _READ_RATES + READABILITY_FORMULAS
# A line that ends like this continues into the next line (or ends a sentence punkt already split).
_READ_LINE_END = re.compile(r"[.?!…:;,\-–—][\"”’')\]]*\s*$")
_READ_NEXT_START = re.compile(r"\s*[\"“‘'(\[]?[A-Z0-9]")
_READ_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*\s*$")
_READ_NON_WORD = re.compile(r"[^\w']")
# A unit (sentence or unpunctuated line) longer than this with no sentence punctuation has no
# measurable sentence length: sentence-based formulas are NaN instead of e.g. Flesch -374.
_READ_MAX_UNPUNCTUATED_WORDS = 60


def textstat_version() -> str:
    """The installed textstat version (formula values differ between versions; report it)."""
    return importlib.metadata.version("textstat")


@functools.lru_cache(maxsize=65536)
def _read_word(token: str) -> tuple[int, int, bool, bool]:
    """(syllables, letters, fog-hard, Dale-Chall-difficult) of one token, as textstat counts them."""
    norm = _READ_NON_WORD.sub("", token.replace("’", "'"))
    if not norm:
        return 0, 0, False, False
    syll = int(textstat.syllable_count(norm))
    letters = sum(ch.isalnum() for ch in norm)
    return syll, letters, bool(textstat.is_difficult_word(norm, 3)), bool(textstat.is_difficult_word(norm, 0))


def _read_units(text: str) -> list[tuple[int, int]]:
    """helpers.sentence_spans, also cut after unpunctuated lines (titles, lists); wordless spans dropped."""
    units: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        start = s
        for m in re.finditer(r"\n", text[s:e]):
            cut = s + m.start()
            line = text[start:cut]
            if line.strip() and not _READ_LINE_END.search(line) and _READ_NEXT_START.match(text[cut + 1 : e]):
                units.append((start, cut))
                start = cut + 1 + (len(text[cut + 1 : e]) - len(text[cut + 1 : e].lstrip()))
        units.append((start, e))
    return [(s, e) for s, e in units if words(text[s:e])]


def _read_count(text: str, s: int, e: int) -> dict[str, int]:
    """Counts (words, syllables, letters, polysyllables, hard words) of text[s:e] as one sentence."""
    c = dict.fromkeys(READABILITY_COUNTS, 0)
    c["sentences"] = 1
    for tok in words(text[s:e]):
        syll, letters, fog_hard, difficult = _read_word(tok)
        c["words"] += 1
        c["syllables"] += syll
        c["letters"] += letters
        c["polysyllables"] += syll >= 3
        c["fog_hard_words"] += fog_hard
        c["difficult_words"] += difficult
    return c


def _read_div(a: float, b: float) -> float:
    """a / b, NaN when b is 0."""
    return a / b if b else math.nan


def _read_scores(c: dict[str, float], sentence_ok: bool = True) -> dict[str, float]:
    """Rates and textstat's formulas from counts; NaN where a count they divide by is zero."""
    w, s = c["words"], c["sentences"] if sentence_ok else 0
    wps, spw, lpw = _read_div(w, s), _read_div(c["syllables"], w), _read_div(c["letters"], w)
    pdw = 100 * _read_div(c["difficult_words"], w)
    out = {
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "letters_per_word": lpw,
        "polysyllable_share": _read_div(c["polysyllables"], w),
        "difficult_word_share": pdw / 100,
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * _read_div(c["fog_hard_words"], w)),
        "smog_index": 1.043 * math.sqrt(30 * _read_div(c["polysyllables"], s)) + 3.1291 if s else math.nan,
        "coleman_liau_index": 0.058 * 100 * lpw - 0.296 * 100 * _read_div(s, w) - 15.8 if s else math.nan,
        "automated_readability_index": 4.71 * lpw + 0.5 * wps - 21.43,
        "dale_chall_readability_score": 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0.0),
    }
    return out


def _read_sentence_ok(text: str, units: list[tuple[int, int]], counts: list[dict[str, int]]) -> bool:
    """False when a unit runs over the word limit without sentence punctuation (length unmeasurable)."""
    return not any(
        c["words"] > _READ_MAX_UNPUNCTUATED_WORDS and not _READ_SENTENCE_END.search(text[s:e])
        for (s, e), c in zip(units, counts, strict=True)
    )


def _read_sum(counts: list[dict[str, int]]) -> dict[str, int]:
    """Sum of per-sentence counts."""
    return {k: sum(c[k] for c in counts) for k in READABILITY_COUNTS}


def _read_textstat(text: str) -> dict[str, float]:
    """textstat's own values (its word, syllable and sentence counters), NaN for a text without words."""
    if not words(text):
        return dict.fromkeys(_READ_TEXTSTAT, math.nan)
    out = {
        "textstat_words": float(textstat.lexicon_count(text)),
        "textstat_sentences": float(textstat.sentence_count(text)),
        "textstat_syllables": float(textstat.syllable_count(text)),
    }
    for f in READABILITY_FORMULAS:
        out[f"textstat_{f}"] = float(getattr(textstat, f)(text))
    return out


def _read_check(text: object) -> None:
    """Raise TypeError unless text is a str."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")


def readability(text: str, splitter: str = "ours", uncorrected: bool = True) -> pd.Series:
    """Counts, rates and textstat's formulas with our sentence count, plus textstat's own values.

    ``splitter="textstat"`` keeps our words and syllables but takes textstat's sentence count, to
    isolate the splitter's effect; ``uncorrected=False`` skips textstat's own values (NaN), for speed.

    >>> r = readability("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
    >>> int(r["sentences"]), int(r["textstat_sentences"]), int(r["words"])
    (2, 1, 11)
    """
    _read_check(text)
    if splitter not in ("ours", "textstat"):
        raise ValueError(f"splitter must be 'ours' or 'textstat', got {splitter!r}")
    units = _read_units(text)
    counts = [_read_count(text, s, e) for s, e in units]
    c = _read_sum(counts)
    if splitter == "textstat":
        c["sentences"] = int(textstat.sentence_count(text)) if c["words"] else 0
    ok = _read_sentence_ok(text, units, counts)
    vals: dict[str, float] = {**c, **_read_scores(c, ok)}
    if not ok:
        vals["sentences"] = math.nan
    vals.update(_read_textstat(text) if uncorrected else dict.fromkeys(_READ_TEXTSTAT, math.nan))
    return pd.Series(vals, dtype=float, name="readability")


def _read_table(
    text: str, spans: list[tuple[int, int]], label: str, units: list[tuple[int, int]]
) -> pd.DataFrame:
    """One row per span (grouping the sentence units that start inside it) with counts and scores."""
    rows = []
    for i, (s, e) in enumerate(spans, start=1):
        inside = [u for u in units if s <= u[0] < e]
        counts = [_read_count(text, us, ue) for us, ue in inside]
        c = _read_sum(counts)
        ok = _read_sentence_ok(text, inside, counts)
        rows.append({label: i, "start": s, "end": e, "text": text[s:e], **c, **_read_scores(c, ok)})
    cols = [label, "start", "end", "text", *_READ_KEYS]
    return pd.DataFrame(rows, columns=cols)


def readability_sentences(text: str) -> pd.DataFrame:
    """One row per sentence (our splitter): offsets, text, counts and every formula on that sentence."""
    _read_check(text)
    units = _read_units(text)
    return _read_table(text, units, "sentence", units)


def _read_paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, the same blocks as helpers.paragraphs (stripped, non-empty)."""
    spans, start = [], 0
    for m in [*re.finditer(r"\n\s*\n", text), None]:
        end = m.start() if m else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            spans.append((start + lead, start + len(block.rstrip())))
        start = m.end() if m else end
    return spans


def readability_paragraphs(text: str) -> pd.DataFrame:
    """One row per paragraph (as helpers.paragraphs): offsets, text, counts and every formula."""
    _read_check(text)
    spans = _read_paragraph_spans(text)
    return _read_table(text, spans, "paragraph", _read_units(text))


def readability_words(text: str) -> pd.DataFrame:
    """One row per word: sentence number, syllables, letters; polysyllabic, Fog-hard, Dale-Chall-difficult."""
    _read_check(text)
    rows = []
    for i, (s, e) in enumerate(_read_units(text), start=1):
        for tok in words(text[s:e]):
            syll, letters, fog_hard, difficult = _read_word(tok)
            rows.append((i, tok, syll, letters, syll >= 3, fog_hard, difficult))
    cols = ["sentence", "word", "syllables", "letters", "polysyllable", "fog_hard", "difficult"]
    return pd.DataFrame(rows, columns=cols)
