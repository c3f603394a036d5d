"""Frame lexicons: whole-word hits with negation, rates, sections, leave-one-term-out.

The frames are whatever the lexicon file defines (column ``frame``); the study's lexicon
``lexicons/frames.csv`` defines optimism, failure and caution.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, ArticleError, check_str, project_path, row_error, rows_frame
from outlet_comparison.regex_safety import first_class
from outlet_comparison.stats import per_1k, ratio_ci
from outlet_comparison.text.units import WORD_RE, fold_latin, sentence_spans, words
from outlet_comparison.wordlists import compile_row, data_rows, matches_at, read_lexicon

FRAME_HIT_COLUMNS = [
    "frame",
    "term",
    "matched",
    "sentence",
    "start",
    "end",
    "position",
    "context",
    "negated",
    "cue",
]
CONTRAST = ("failure", "optimism")  # net = first minus second, where the lexicon has both

_NEGATION_WINDOW = 3  # words before a hit, inside its sentence, searched for a negation cue
_BEFORE = r"(?<![\w-])"  # a lexicon pattern matches whole words: no word character or hyphen before


def _whole_words(path: Path | str, row: int, pattern: str, field: str = "pattern") -> re.Pattern[str]:
    """Compile a lexicon pattern as whole words, case-insensitive; errors name the row and field."""
    return compile_row(path, row, pattern, re.IGNORECASE, field=field, affix=(f"{_BEFORE}(?:", r")(?![\w-])"))


def lexicon_path(path: Path | str | None, default: str = "frames.csv") -> str:
    """Absolute path (as the cache key) of a word list: ``lexicons/<default>`` unless one is given."""
    return _default_path(default) if path is None else str(project_path(path, LEXICONS))


@memoize(maxsize=16)
def _default_path(name: str) -> str:
    """``lexicons/<name>`` as an absolute path string, joined once (every article asks for it)."""
    return str(LEXICONS / name)


@memoize(maxsize=8)
def _rules(path: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Parsed frame lexicon: (frame, term, compiled pattern) per row, validated."""
    df = read_lexicon(path, ("frame", "term", "pattern", "rationale"))
    rules, seen = [], set()
    for n, row in data_rows(df):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["frame"]):
            raise row_error(path, n, f"frame name '{row['frame']}' must be lower case letters, digits, _")
        if row["term"] in seen:
            raise row_error(path, n, f"duplicate term '{row['term']}'")
        seen.add(row["term"])
        rx = _whole_words(path, n, fold_latin(row["pattern"])[0])  # matched against folded text
        if rx.search(""):
            raise row_error(path, n, f"pattern {row['pattern']!r} matches the empty string")
        rules.append((row["frame"], row["term"], rx))
    if not rules:
        raise ArticleError(f"{path}: the frame lexicon has no rows")
    return tuple(rules)


def frame_names(lexicon: Path | str | None = None) -> tuple[str, ...]:
    """The frames a lexicon defines, in the order they first appear in the file.

    >>> frame_names()
    ('optimism', 'failure', 'caution')
    """
    return tuple(dict.fromkeys(frame for frame, _, _ in _rules(lexicon_path(lexicon))))


@memoize(maxsize=8)
def _negation_cues(path: str) -> re.Pattern[str]:
    """One regex matching any negation cue of the cue file (whole words)."""
    df = read_lexicon(path, ("cue", "rationale"), allow_empty=True)
    cues: list[str] = []
    for n, row in data_rows(df):
        cue = fold_latin(row["cue"])[0]
        if _whole_words(path, n, cue, field="cue").search(""):  # validate each row on its own
            raise row_error(path, n, f"field 'cue' = {row['cue']!r} matches the empty string")
        cues.append(f"(?:{cue})")
        try:
            re.compile("|".join(cues))
        except re.error as exc:
            raise row_error(
                path,
                n,
                f"field 'cue' = {row['cue']!r} cannot be combined with the rows above it: {exc} "
                "(group names and back-references must be unique across the list)",
            ) from exc
    if not cues:
        return re.compile(r"(?!)")  # an empty list (read_lexicon warned): no hit is negated
    return re.compile(f"{_BEFORE}(?:{'|'.join(cues)})(?![\\w-])", re.IGNORECASE)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """Keyword in context: the match in [brackets] with up to `width` characters either side."""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    pre, post = ("…" if start > width else ""), ("…" if end + width < len(text) else "")
    return f"{pre}{left}[{text[start:end]}]{right}{post}"


@memoize(maxsize=64)
def _starts_rx(patterns: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    """Zero-width regex matching wherever one of the compiled rule patterns matches (None: cannot combine)."""
    if not patterns or not all(p.startswith(_BEFORE) for p in patterns):
        return None
    firsts = [first_class(p[len(_BEFORE) :], flags) for p in patterns]
    # every body starts with one of these characters: one class test rejects most places at once
    pre = "" if None in firsts else "(?=[" + "".join(c[1:-1] for c in firsts) + "])"  # type: ignore[index]
    by_first: dict[str | None, list[str]] = {}  # bodies by their first characters
    for p, first in zip(patterns, firsts, strict=True):
        by_first.setdefault(first, []).append(p[len(_BEFORE) :])
    # a place tries only the bodies that can start with its character (the same places match: a body
    # matches only where its first class does); the engine tries a group's class before its bodies
    bodies = "|".join(f"(?={c})(?:{'|'.join(b)})" if c else "|".join(b) for c, b in by_first.items())
    try:
        rx = re.compile(f"{_BEFORE}{pre}(?={bodies})", flags)
    except re.error:
        return None
    return rx if rx.groups == 0 else None  # no groups, so no back-reference changes meaning


def _matches(text: str, rules) -> list[tuple[int, int, str, str, str, int]]:
    """Every rule's finditer matches as (start, -length, frame, term, matched, end); one pass finds starts."""
    flags = {rx.flags for _, _, rx in rules}
    starts_rx = _starts_rx(tuple(rx.pattern for _, _, rx in rules), flags.pop()) if len(flags) == 1 else None
    starts = [m.start() for m in starts_rx.finditer(text)] if starts_rx is not None else None
    found = []
    for frame, term, rx in rules:
        for m in rx.finditer(text) if starts is None else matches_at(text, rx, starts):
            found.append((m.start(), -(m.end() - m.start()), frame, term, m.group(0), m.end()))
    return found


def _words_before(text: str, lo: int, hi: int, k: int, width: int = 64) -> list[str]:
    """``words(text[lo:hi])[-k:]``, reading back from ``hi`` only as far as k words need (linear cost).

    A window that starts inside a word changes only that first word, so once the window holds
    more than k words its last k are exact.

    >>> _words_before("One two three four five", 0, 23, 3)
    ['three', 'four', 'five']
    """
    while lo < hi:
        start = max(lo, hi - width)
        found = WORD_RE.findall(text, start, hi)  # WORD_RE has no anchors: the same as slicing
        if start == lo or len(found) > k:
            return found[-k:]
        width *= 4
    return []


def _sentence_of(starts: list[int], spans, pos: int) -> int:
    """Index of the sentence span holding ``pos`` (the last sentence when none does), by bisection."""
    k = bisect.bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < spans[k][1] else len(spans) - 1


def _folded_search(rx: re.Pattern[str], text: str) -> str | None:
    """The first match of rx in text with Latin diacritics folded, as written in text (None if none)."""
    folded, where = fold_latin(text)
    m = rx.search(folded)
    if m is None:
        return None
    return text[where[m.start()] : where[m.end()]] if where else text[m.start() : m.end()]


def _scan_rows(text: str, rules, cues: re.Pattern[str], include_negated: bool) -> list[dict]:
    """Hits of the given rules in text: non-overlapping (longest wins), negation marked or dropped.

    Rules run on the text with Latin diacritics folded ("Gülen" matches ``Gulen``); offsets and
    matched words are those of the text itself.
    """
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    folded, where = fold_latin(text)
    rows, taken_until = [], -1
    for start, _neg_len, frame, term, _matched, end in sorted(_matches(folded, rules)):
        if start < taken_until:
            continue  # overlaps a longer or earlier hit
        taken_until = end
        if where is not None:
            start, end = where[start], where[end]
        sent = _sentence_of(starts, spans, start)
        cue = _folded_search(cues, " ".join(_words_before(text, spans[sent][0], start, _NEGATION_WINDOW)))
        if cue is not None and not include_negated:
            continue
        rows.append(
            {
                "frame": frame,
                "term": term,
                "matched": text[start:end],
                "sentence": sent,
                "start": start,
                "end": end,
                "position": start / len(text),
                "context": _context(text, start, end),
                "negated": cue is not None,
                "cue": cue or "",
            }
        )
    return rows


def _scan(text: str, rules, cues: re.Pattern[str], include_negated: bool) -> pd.DataFrame:
    """The rows of ``_scan_rows`` as the frame_hits table."""
    dtypes = {"sentence": int, "start": int, "end": int, "position": float, "negated": bool}
    return rows_frame(_scan_rows(text, rules, cues, include_negated), FRAME_HIT_COLUMNS, dtypes)


def frame_hits(
    text: str,
    lexicon: Path | str | None = None,
    negations: Path | str | None = None,
    include_negated: bool = False,
) -> pd.DataFrame:
    """One row per frame hit: frame, term, matched, sentence (index into sentences(text)), offsets, context.

    A hit with a negation cue among the 3 words before it in its sentence is dropped
    (kept with ``negated=True`` when ``include_negated``).

    >>> frame_hits("Talks failed. There was no progress.")[["frame", "matched", "sentence"]].values.tolist()
    [['failure', 'failed', 0]]
    """
    check_str(text)
    rules = _rules(lexicon_path(lexicon))
    cues = _negation_cues(lexicon_path(negations, "frame_negations.csv"))
    return _scan(text, rules, cues, include_negated)


def frame_counts(
    text: str, lexicon: Path | str | None = None, negations: Path | str | None = None
) -> Counter[str]:
    """Hits per frame of ``frame_hits(text, lexicon, negations)`` (corpus mode needs no more)."""
    check_str(text)
    rules = _rules(lexicon_path(lexicon))
    cues = _negation_cues(lexicon_path(negations, "frame_negations.csv"))
    return Counter(r["frame"] for r in _scan_rows(text, rules, cues, False))


def frame_rates(hits: pd.DataFrame, n_words: int, lexicon: Path | str | None = None) -> pd.DataFrame:
    """Hits and hits per 1,000 words of every frame of the lexicon (zeros included), from frame_hits."""
    frames = frame_names(lexicon)
    found = Counter(hits["frame"].tolist())
    counts = [found.get(f, 0) for f in frames]
    return pd.DataFrame(
        {
            "frame": list(frames),
            "hits": np.array(counts, dtype=int),
            "n_words": n_words,
            "per_1k": [per_1k(c, n_words) for c in counts],
        }
    )


def frame_by_sentence(
    text: str, lexicon: Path | str | None = None, contrast: tuple[str, str] | None = CONTRAST
) -> pd.DataFrame:
    """Per sentence: hits of each frame, ``net`` (first contrast frame minus second, when the lexicon
    has both) and word count."""
    frames = list(frame_names(lexicon))
    hits = frame_hits(text, lexicon)
    spans = sentence_spans(text)
    table = pd.crosstab(hits["sentence"], hits["frame"]).reindex(
        index=range(len(spans)), columns=frames, fill_value=0
    )
    out = table.reset_index(drop=True).rename_axis(columns=None).astype(int)
    out.insert(0, "sentence", range(len(spans)))
    if contrast and set(contrast) <= set(frames):
        out["net"] = out[contrast[0]] - out[contrast[1]]
    out["n_words"] = [len(words(text[s:e])) for s, e in spans]
    return out


def article_sections(headline: str, text: str) -> pd.DataFrame:
    """Headline, lede (first body sentence) and rest of body, with word counts."""
    check_str(headline)
    check_str(text)
    spans = sentence_spans(text)
    lede = text[spans[0][0] : spans[0][1]] if spans else ""
    rest = text[spans[1][0] :] if len(spans) > 1 else ""
    parts = {"headline": headline.strip(), "lede": lede, "rest": rest}
    return pd.DataFrame(
        {
            "section": list(parts),
            "text": list(parts.values()),
            "n_words": [len(words(t)) for t in parts.values()],
        }
    )


def frame_section_rates(headline: str, text: str, lexicon: Path | str | None = None) -> pd.DataFrame:
    """Frame hits and rate per 1,000 words in headline, lede and rest of body (long format)."""
    out = []
    for sec in article_sections(headline, text).itertuples(index=False):
        rates = frame_rates(frame_hits(sec.text, lexicon), sec.n_words, lexicon)
        out.append(rates.assign(section=sec.section))
    return pd.concat(out, ignore_index=True)[["section", "frame", "hits", "n_words", "per_1k"]]


def frame_leave_one_out(
    texts: pd.Series,
    lexicon: Path | str | None = None,
    negations: Path | str | None = None,
    contrast: tuple[str, str] = CONTRAST,
) -> pd.DataFrame:
    """Net rate per 1,000 words (first contrast frame minus second) per text, re-run with each
    term of the two contrast frames dropped.

    ``texts`` is indexed by outlet. Row ``dropped = "(none)"`` is the full lexicon.
    """
    rules = _rules(lexicon_path(lexicon))
    cues = _negation_cues(lexicon_path(negations, "frame_negations.csv"))
    n_words = {k: len(words(t)) for k, t in texts.items()}
    rows = []
    for dropped, frame in [("(none)", "")] + [(term, fr) for fr, term, _ in rules if fr in contrast]:
        kept = tuple(r for r in rules if r[1] != dropped)
        row = {"dropped": dropped, "frame": frame}
        for outlet, t in texts.items():
            hits = _scan(t, kept, cues, False)
            rates = frame_rates(hits, n_words[outlet], lexicon).set_index("frame")["per_1k"]
            row[outlet] = float(rates[contrast[0]] - rates[contrast[1]])
        rows.append(row)
    return pd.DataFrame(rows)


def frame_rates_ci(
    text: str, lexicon: Path | str | None = None, negations: Path | str | None = None, seed: int = 2016
) -> pd.DataFrame:
    """``frame_rates`` of a text with a seeded bootstrap 95% interval of each rate (sentences resampled).

    Columns: frame, hits, n_words, per_1k, ci_low, ci_high.
    """
    frames = frame_names(lexicon)
    hits = frame_hits(text, lexicon, negations)
    spans = sentence_spans(text)
    n_words = [len(words(text[s:e])) for s, e in spans]
    rows = []
    for f in frames:
        per_sentence = np.bincount(hits.loc[hits.frame == f, "sentence"], minlength=len(spans))[: len(spans)]
        value, lo, hi = ratio_ci(per_sentence, n_words, seed=seed, scale=1000.0)
        rows.append((f, int(per_sentence.sum()), int(sum(n_words)), value, lo, hi))
    return pd.DataFrame(rows, columns=["frame", "hits", "n_words", "per_1k", "ci_low", "ci_high"])
