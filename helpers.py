"""Shared helpers for the outlet-comparison notebooks: load, clean and measure news texts.

Every function here is pure (text in, pandas out) unless its name says it writes
(``save_chart``). Word lists live in ``lexicons/`` as CSV files a researcher can
edit; every path is resolved from the project root (the folder of this file),
never from the current working directory.

>>> sentences("The U.S. said no. Mr. Kerry left at 3 p.m. Monday.")
['The U.S. said no.', 'Mr. Kerry left at 3 p.m. Monday.']
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

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


# ---------------------------------------------------------------- parts developed in parallel
# Temporary: each analysis area is developed in _parts/<topic>.py and merged into this
# file before release. The imports sit at the end so the parts can use the core above.
def _load_parts() -> None:
    """Re-export every part's public names; a part that fails to import only warns (dev only)."""
    import importlib
    import warnings

    for name in ("attribution", "corpus", "coverage", "framing", "readability"):
        try:
            mod = importlib.import_module(f"_parts.{name}")
            globals().update({k: getattr(mod, k) for k in mod.__all__})
        except Exception as exc:  # noqa: BLE001
            warnings.warn(f"helpers: part {name!r} failed to import: {exc!r}", stacklevel=1)


_load_parts()
