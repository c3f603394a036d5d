"""Framing and sentiment (issue 3): frame-lexicon hits with negation, sentence VADER, robustness checks.

Developed in parallel and merged into helpers.py before release; private names carry the
``_frame_`` prefix so the merge cannot clash with other parts.
"""

from helpers import LEXICONS, ArticleError, Path, functools, np, pd, re, read_lexicon, sentence_spans, words

__all__ = [
    "FRAMES",
    "FRAME_HIT_COLUMNS",
    "SENTIMENT_COLUMNS",
    "frame_hits",
    "frame_rates",
    "frame_by_sentence",
    "article_sections",
    "frame_section_rates",
    "frame_leave_one_out",
    "mask_entities",
    "sentiment",
    "vader_lexicon_path",
    "read_vader_groundtruth",
    "vader_benchmark",
]

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


# ---------------------------------------------------------------- lexicon files


def _frame_check_str(text: object) -> None:
    """Raise TypeError unless text is a str."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")


def _frame_compile(path: Path, n: int, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile a lexicon pattern as whole words; an invalid regex raises ArticleError naming the row."""
    try:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)
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


# ---------------------------------------------------------------- frame hits


def _frame_context(text: str, start: int, end: int, width: int = 60) -> str:
    """Keyword in context: the match in [brackets] with up to `width` characters either side."""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    pre, post = ("…" if start > width else ""), ("…" if end + width < len(text) else "")
    return f"{pre}{left}[{text[start:end]}]{right}{post}"


def _frame_scan(text: str, rules, cues: re.Pattern[str], include_negated: bool) -> pd.DataFrame:
    """Hits of the given rules in text: non-overlapping (longest wins), negation marked or dropped."""
    spans = sentence_spans(text)
    found = []
    for frame, term, rx in rules:
        for m in rx.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), frame, term, m.group(0), m.end()))
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
    return pd.DataFrame(rows, columns=FRAME_HIT_COLUMNS).astype(
        {"sentence": int, "start": int, "end": int, "position": float, "negated": bool}
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
    counts = hits["frame"].value_counts().reindex(list(FRAMES), fill_value=0)
    return pd.DataFrame(
        {
            "frame": list(FRAMES),
            "hits": counts.to_numpy(dtype=int),
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


# ---------------------------------------------------------------- sentiment (VADER)


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
    return pd.DataFrame(rows, columns=SENTIMENT_COLUMNS).astype(
        {
            "sentence": int,
            "start": int,
            "end": int,
            "compound": float,
            "pos": float,
            "neu": float,
            "neg": float,
        }
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
