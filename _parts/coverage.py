"""coverage helpers (developed in parallel; merged into helpers.py before release).

Who each outlet mentions and lets speak (``actors``), which sentences report the same thing
(``align``), and what only one outlet carries (``coverage_split``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from helpers import LEXICONS, ArticleError, _check_str, read_lexicon, sentence_spans, sentences, words

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ACTOR_COLUMNS",
    "ALIGN_COLUMNS",
    "ALIGN_THRESHOLD",
    "SIDES",
    "actors",
    "actor_table",
    "align",
    "CARD_COLUMNS",
    "coverage_card",
    "coverage_card_data",
    "coverage_split",
    "name_variants",
    "similarity_matrix",
    "spelling_variants",
]

SIDES = ("United States", "Russia", "Syrian government", "Turkey", "armed groups", "other")
ACTOR_COLUMNS = ("actor", "mention", "sentence", "start", "end", "side", "quoted")
ALIGN_COLUMNS = ("sentence_a", "sentence_b", "similarity", "text_a", "text_b")
# Best F1 (0.42) on tests/gold/coverage_alignment.csv over thresholds 0.10..0.55 (plateau 0.30-0.35).
ALIGN_THRESHOLD = 0.325
_COV_CASES = ("sensitive", "ignore")
_COV_APOS = "['’]"


# ---------------------------------------------------------------- alias and verb lists


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


# ---------------------------------------------------------------- actors


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


# ---------------------------------------------------------------- alignment


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


# ---------------------------------------------------------------- vocabulary


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


# ---------------------------------------------------------------- coverage card

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
    import helpers as _h

    nan = float("nan")
    if panel == "Framing":
        rates = _h.frame_rates(fn(text), len(words(text)))
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
    import helpers as _h

    rows = []
    for panel, unit, name in _COV_PANELS:
        fn = getattr(_h, name, None)
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
