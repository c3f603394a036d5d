"""Article-level general frames: which of the five news frames an article uses, with its evidence.

A frame is decided per article from features that are not topic words: hits of the general frame
lexicon (``lexicons/frames_generic.csv``), hits of frame cue groups (``lexicons/frame_cues.csv``:
people, feelings, prescriptions, remedies, moral and religious words, sides, money) and counts of
quotes and numbers. A logistic regression per frame, fitted on the Narrative Frames Corpus dev file
(``scripts/train_frames_model.py``), weighs them; its weights ship in ``models/frames_model.json``.
Scores are in 0..1 and a frame is present when its score is at least 0.5 (each frame's threshold is
folded into its intercept). The evidence is the sentences that carry the frame's lexicon or cue
hits, and the features that decided.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, ROOT, ArticleError, check_str, project_path
from outlet_comparison.instruments.framing import (
    _negation_cues,
    _rules,
    _scan_rows,
    _whole_words,
    lexicon_path,
)
from outlet_comparison.text.units import WORD_RE, fold_latin, sentence_spans, words
from outlet_comparison.wordlists import data_rows, read_lexicon

GENERAL_FRAMES = ("conflict", "responsibility", "human_interest", "morality", "economic")
GENERAL_LEXICON = LEXICONS / "frames_generic.csv"
CUE_LEXICON = LEXICONS / "frame_cues.csv"
SENTENCE_CUES = LEXICONS / "frame_sentence_cues.csv"  # human-face and moral cues read sentence by sentence
EMOTION_EXCLUSIONS = LEXICONS / "emotion_exclusions.csv"
EMOTION_MIN_VALENCE = 2.5  # a VADER word at least this strong (either sign) counts as a feeling word
MODEL = ROOT / "models" / "frames_model.json"
MIN_FRAME_SENTENCES = 5  # sentences with a frame hit an article needs before its frames are ranked
EVIDENCE_COLUMNS = ["frame", "sentence", "source", "matched", "sentence_text"]
REASON_COLUMNS = ["frame", "feature", "value", "weight", "contribution"]
_QUOTE_RE = re.compile('["“”]')
_EXCLAIM_RE = re.compile("[!?]")
SENTENCE_FEATURES = (
    "share_people",  # sentences naming ordinary people (H1/H3)
    "share_personal",  # sentences on life, death, health, home, personal stories (H4)
    "run_human",  # longest run of sentences with ordinary people, an age or a quoted "I" (H1/H5)
    "emotion_words",  # words VADER rates strongly felt (H2)
    "moral_words",  # moral, duty, deceit and faith words (M1/M2)
    "run_moral",  # longest run of sentences with a moral word or "we/our" + should/must (M1/M3)
    "share_exclaim",  # sentences with "!" or "?": an author addressing the reader
)
# which sentence cue groups each sentence feature reads (the evidence rows of frame_evidence)
SENTENCE_FEATURE_CUES = {
    "share_people": ("ordinary_people",),
    "share_personal": ("personal_life",),
    "run_human": ("ordinary_people", "age"),
    "moral_words": ("moral_words",),
    "run_moral": ("moral_words",),
}
_NUMBER_RE = re.compile(r"(?<![\w.])\d[\d,.]*")


@memoize(maxsize=8)
def cue_rules(path: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Parsed cue lexicon: (cue group, term, compiled whole-word pattern) per row."""
    df = read_lexicon(path, ("cue", "term", "pattern", "rationale"))
    rules = []
    for n, row in data_rows(df):
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["cue"]):
            raise ArticleError(
                f"{path}, row {n}: cue group '{row['cue']}' must be lower case letters, digits, _"
            )
        rules.append((row["cue"], row["term"], _whole_words(path, n, fold_latin(row["pattern"])[0])))
    return tuple(rules)


def cue_groups(path: Path | str | None = None) -> tuple[str, ...]:
    """The cue groups of a cue lexicon, in file order."""
    return tuple(dict.fromkeys(g for g, _, _ in cue_rules(str(project_path(path, CUE_LEXICON)))))


def _lexicon_rows(text: str, lexicon: Path | str | None, negations: Path | str | None) -> list[dict]:
    """Counted (not negated) hits of the general lexicon, as ``frame_hits`` rows."""
    rules = _rules(lexicon_path(lexicon, "frames_generic.csv"))
    cues = _negation_cues(lexicon_path(negations, "frame_negations.csv"))
    return _scan_rows(text, rules, cues, False)


_Rules = tuple[tuple[str, re.Pattern[str]], ...]
_PREFIX, _SUFFIX = r"(?<![\w-])(?:", r")(?![\w-])"  # the whole-word affix of _whole_words


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (split at '|' outside groups and classes)."""
    out, depth, cls, cur, i = [], 0, False, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            cur += pattern[i : i + 2]
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur, i = "", i + 1
            continue
        cur += ch
        i += 1
    return [*out, cur]


@memoize(maxsize=8)
def _cue_index(path: str) -> tuple[_Rules, _Rules]:
    """Cue alternatives in two sets: one-word ones (tried on each distinct word), longer ones (searched)."""
    single: dict[str, list[str]] = {}
    multi: dict[str, list[str]] = {}
    for group, _, rx in cue_rules(path):
        body = rx.pattern[len(_PREFIX) : -len(_SUFFIX)]
        for alt in _alternatives(body):
            (multi if re.search(r" |\\s", alt) else single).setdefault(group, []).append(alt)
    flags = re.IGNORECASE
    one = tuple((g, re.compile("|".join(a), flags)) for g, a in single.items())
    more = tuple((g, re.compile(_PREFIX + "|".join(a) + _SUFFIX, flags)) for g, a in multi.items())
    return one, more


_NO_CUE = ((), False)  # a word that is no cue of any lexicon scanned and no feeling word
_WORD_CUES: dict[tuple, dict[str, tuple[tuple[str | None, ...], bool]]] = {}  # per scan: word -> cues


def _word_cues(indexes: list, word: str, feel: frozenset[str]) -> tuple[tuple[str | None, ...], bool]:
    """The first cue group of each lexicon whose one-word pattern matches the whole word, and whether it
    is a feeling word."""
    groups = tuple(next((g for g, rx in single if rx.fullmatch(word)), None) for single, _ in indexes)
    is_feel = word in feel
    return _NO_CUE if not is_feel and all(g is None for g in groups) else (groups, is_feel)


def _scan_cues(
    text: str, paths: tuple[str, ...], feel: frozenset[str] = frozenset()
) -> tuple[list[list[dict]], list[tuple[int, str]]]:
    """Every hit of each cue lexicon (rows as ``_cue_rows``) and (sentence, word) of each feeling word,
    in one pass over the words. One-word cues are looked up word by word (memoised across texts); the
    few longer ones are searched, and a word inside a longer cue of the same lexicon is not counted."""
    indexes = [_cue_index(p) for p in paths]
    starts = [a for a, _ in sentence_spans(text)]
    folded, where = fold_latin(text)
    found: list[list[tuple[int, int, str]]] = [[] for _ in paths]
    taken: list[set[int]] = [set() for _ in paths]
    for i, (_, multi) in enumerate(indexes):
        for group, rx in multi:
            for m in rx.finditer(folded):
                found[i].append((m.start(), m.end(), group))
                taken[i].update(range(m.start(), m.end()))
    memo = _WORD_CUES.setdefault((paths, feel), {})
    feeling: list[tuple[int, int]] = []
    for m in WORD_RE.finditer(folded):
        w = m.group(0).lower()
        hit = memo.get(w)
        if hit is None:
            hit = memo[w] = _word_cues(indexes, w, feel)
        if hit is _NO_CUE:
            continue
        groups, is_feel = hit
        a = m.start()
        for i, g in enumerate(groups):
            if g is not None and a not in taken[i]:
                found[i].append((a, m.end(), g))
        if is_feel:
            feeling.append((a, m.end()))

    def located(a: int, b: int) -> tuple[int, int, int]:
        if where is not None:
            a, b = where[a], where[b]
        return a, b, max(0, bisect.bisect_right(starts, a) - 1)

    rows = []
    for hits in found:
        part = []
        for a0, b0, group in sorted(hits):
            a, b, k = located(a0, b0)
            part.append({"frame": group, "matched": text[a:b], "sentence": k})
        rows.append(part)
    feelings = []
    for a0, b0 in feeling:
        a, b, k = located(a0, b0)
        feelings.append((k, text[a:b]))
    return rows, feelings


def _cue_rows(text: str, cues: Path | str | None) -> list[dict]:
    """Every hit of the cue lexicon (negation does not matter for a cue): frame (the cue group), matched,
    sentence."""
    return _scan_cues(text, (str(project_path(cues, CUE_LEXICON)),))[0][0]


def _all_cues(
    text: str, cues: Path | str | None = None
) -> tuple[list[dict], list[dict], list[tuple[int, str]]]:
    """The hits of the cue lexicon and of the sentence cue lexicon, and the feeling words, in one pass."""
    paths = (str(project_path(cues, CUE_LEXICON)), str(SENTENCE_CUES))
    (cue, sentence_cue), feeling = _scan_cues(text, paths, emotion_words(str(EMOTION_EXCLUSIONS)))
    return cue, sentence_cue, feeling


def feature_names(cues: Path | str | None = None) -> tuple[str, ...]:
    """The model's feature names: lexicon and cue counts (log) and shares of sentences, quotes, numbers,
    then the sentence-level human-face and moral features (``SENTENCE_FEATURES``)."""
    names = [f"{k}_{f}" for f in GENERAL_FRAMES for k in ("lex", "lexsent")]
    names += [f"{k}_{g}" for g in cue_groups(cues) for k in ("cue", "cuesent")]
    return (*names, "quote_sentences", "numbers", "log_words", *SENTENCE_FEATURES)


@memoize(maxsize=4)
def emotion_words(exclusions: str, min_valence: float = EMOTION_MIN_VALENCE) -> frozenset[str]:
    """Lower-case words of VADER's lexicon (vaderSentiment) rated at least ``min_valence`` either way,
    three letters or more, minus the words of ``exclusions`` (news senses that are not feelings)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    df = read_lexicon(exclusions, ("word", "rationale"))
    drop = {str(row["word"]).strip().lower() for _, row in data_rows(df)}
    lexicon = SentimentIntensityAnalyzer().lexicon
    strong = (w for w, v in lexicon.items() if abs(v) >= min_valence and len(w) > 2 and w.isalpha())
    return frozenset(w for w in strong if w not in drop)


def _max_run(flags: list[bool]) -> int:
    """The longest run of consecutive True values."""
    best = cur = 0
    for f in flags:
        cur = cur + 1 if f else 0
        best = max(best, cur)
    return best


def sentence_features(
    n_sentences: int,
    cue_rows: list[dict],
    sentence_rows: list[dict],
    feeling: list[tuple[int, str]],
    quoted: set[int],
    exclaim: int,
) -> dict[str, float]:
    """The sentence-level human-face and moral features of one text (``SENTENCE_FEATURES``).

    ``cue_rows``, ``sentence_rows``, ``feeling``: the text's hits of ``frame_cues.csv`` (its
    first-person words), of ``frame_sentence_cues.csv`` and its feeling words (``_all_cues``);
    ``quoted``: indices of sentences with a quotation mark; ``exclaim``: sentences with "!" or "?".
    """
    n = max(1, n_sentences)
    has: dict[str, set[int]] = {}
    counts: Counter[str] = Counter()
    for r in sentence_rows:
        has.setdefault(r["frame"], set()).add(r["sentence"])
        counts[r["frame"]] += 1
    first = {r["sentence"] for r in cue_rows if r["frame"] == "first_person"}
    people, age, personal = (has.get(g, set()) for g in ("ordinary_people", "age", "personal_life"))
    moral, should, we = (has.get(g, set()) for g in ("moral_words", "prescription", "we"))
    human = [k in people or k in age or (k in quoted and k in first) for k in range(n)]
    moral_run = [k in moral or (k in should and k in we) for k in range(n)]
    return {
        "share_people": len(people) / n,
        "share_personal": len(personal) / n,
        "run_human": math.log1p(_max_run(human)),
        "emotion_words": math.log1p(len(feeling)),
        "moral_words": math.log1p(counts.get("moral_words", 0)),
        "run_moral": math.log1p(_max_run(moral_run)),
        "share_exclaim": exclaim / n,
    }


def features_from_rows(
    text: str,
    lex_rows: list[dict],
    cue_hits: tuple[list[dict], list[dict], list[tuple[int, str]]],
    cues: Path | str | None = None,
    n_words: int | None = None,
) -> dict[str, float]:
    """The feature values of one text from its lexicon and cue hits (``_all_cues``; see ``feature_names``)."""
    cue_rows, sentence_rows, feeling = cue_hits
    spans = sentence_spans(text)
    n_sent = max(1, len(spans))
    out: dict[str, float] = {}
    for kind, rows, groups in (("lex", lex_rows, GENERAL_FRAMES), ("cue", cue_rows, cue_groups(cues))):
        counts = Counter(r["frame"] for r in rows)
        sents: dict[str, set[int]] = {}
        for r in rows:
            sents.setdefault(r["frame"], set()).add(r["sentence"])
        for g in groups:
            out[f"{kind}_{g}"] = math.log1p(counts.get(g, 0))
            out[f"{kind}sent_{g}"] = len(sents.get(g, ())) / n_sent
    starts = [a for a, _ in spans]
    quoted = {bisect.bisect_right(starts, m.start()) - 1 for m in _QUOTE_RE.finditer(text)}
    out["quote_sentences"] = len(quoted) / n_sent
    out["numbers"] = math.log1p(len(_NUMBER_RE.findall(text)))
    out["log_words"] = math.log1p(len(words(text)) if n_words is None else n_words)
    exclaim = sum(1 for a, b in spans if _EXCLAIM_RE.search(text, a, b))
    out.update(sentence_features(len(spans), cue_rows, sentence_rows, feeling, quoted, exclaim))
    return out


def frame_features(
    text: str,
    lexicon: Path | str | None = None,
    negations: Path | str | None = None,
    cues: Path | str | None = None,
) -> dict[str, float]:
    """The feature values the frame model reads for one text."""
    check_str(text)
    return features_from_rows(text, _lexicon_rows(text, lexicon, negations), _all_cues(text, cues), cues)


@memoize(maxsize=4)
def load_model(path: str) -> dict:
    """The fitted model: features, scaling, per-frame weights and intercepts (threshold folded in)."""
    p = Path(path)
    if not p.is_file():
        raise ArticleError(f"{p}: frame model not found; refit with scripts/train_frames_model.py")
    model = json.loads(p.read_text(encoding="utf-8"))
    if tuple(model["frames"]) != GENERAL_FRAMES:
        raise ArticleError(f"{p}: field 'frames' = {model['frames']} (expected {list(GENERAL_FRAMES)})")
    return model


def _model(model: Path | str | None) -> dict:
    """The model at ``model`` (default: models/frames_model.json)."""
    return load_model(str(project_path(model, MODEL)))


def _z(values: dict[str, float], m: dict) -> np.ndarray:
    """Standardised feature vector in the model's feature order."""
    try:
        x = np.array([values[f] for f in m["features"]], dtype=float)
    except KeyError as exc:
        raise ArticleError(f"frame model: feature {exc} is not computed; refit the model") from exc
    return (x - np.array(m["mean"])) / np.array(m["scale"])


def scores_from_features(values: dict[str, float], model: Path | str | None = None) -> dict[str, float]:
    """Frame -> score in 0..1 (at least 0.5: the frame is present) from feature values."""
    m = _model(model)
    z = _z(values, m)
    out = {}
    for f in GENERAL_FRAMES:
        logit = float(np.dot(m["coef"][f], z) + m["intercept"][f])
        out[f] = 1.0 / (1.0 + math.exp(-logit))
    return out


def frame_scores(
    text: str,
    model: Path | str | None = None,
    lexicon: Path | str | None = None,
    cues: Path | str | None = None,
) -> pd.Series:
    """Score in 0..1 of each general frame for one article; at least 0.5 means the frame is present.

    >>> bool(frame_scores("Critics accused the mayor. Opponents clashed with him again.")["conflict"] >= 0.5)
    True
    """
    values = frame_features(text, lexicon, cues=cues)
    if not words(text):  # no words, no frame (the model's intercepts alone would decide otherwise)
        return pd.Series(dict.fromkeys(GENERAL_FRAMES, 0.0), name="score", dtype=float)
    return pd.Series(scores_from_features(values, model), name="score", dtype=float)


def article_frames(
    text: str,
    model: Path | str | None = None,
    lexicon: Path | str | None = None,
    cues: Path | str | None = None,
) -> pd.Series:
    """Whether the article uses each general frame (frame -> bool): its score is at least 0.5."""
    return (frame_scores(text, model, lexicon, cues) >= 0.5).rename("present")


def frame_reasons(
    text: str,
    model: Path | str | None = None,
    lexicon: Path | str | None = None,
    cues: Path | str | None = None,
) -> pd.DataFrame:
    """The features that decided each frame: value, weight and contribution (weight × standardised value).

    Sorted by frame, then by absolute contribution; the intercept is a row of its own.
    """
    m = _model(model)
    values = frame_features(text, lexicon, cues=cues)
    z = _z(values, m)
    rows = []
    for f in GENERAL_FRAMES:
        part = [
            (f, name, values[name], w, w * zi)
            for name, w, zi in zip(m["features"], m["coef"][f], z, strict=True)
        ]
        part.sort(key=lambda r: -abs(r[4]))
        rows += [*part, (f, "(intercept)", 1.0, m["intercept"][f], m["intercept"][f])]
    return pd.DataFrame(rows, columns=REASON_COLUMNS)


def frame_evidence(
    text: str,
    model: Path | str | None = None,
    lexicon: Path | str | None = None,
    cues: Path | str | None = None,
) -> pd.DataFrame:
    """The sentences that carry each frame and why: its lexicon terms, and cues the model weighs for it.

    One row per frame and sentence and source (``lexicon``, a cue group of ``frame_cues.csv`` or
    ``frame_sentence_cues.csv`` read by a feature with a positive weight for that frame, or ``feeling
    words``, VADER's strong words, when their count has a positive weight); ``matched`` lists the words
    matched there.
    """
    check_str(text)
    m = _model(model)
    spans = sentence_spans(text)
    rows: list[tuple] = []
    lex = _lexicon_rows(text, lexicon, None)
    cue, sentence_cue, feeling = _all_cues(text, cues)
    weight = dict(zip(m["features"], range(len(m["features"])), strict=True))
    for f in GENERAL_FRAMES:
        found: dict[tuple[int, str], list[str]] = {}
        for r in lex:
            if r["frame"] == f:
                found.setdefault((r["sentence"], "lexicon"), []).append(r["matched"])
        for r in cue:
            k = weight.get(f"cue_{r['frame']}")
            if k is not None and m["coef"][f][k] > 0:
                found.setdefault((r["sentence"], f"cue:{r['frame']}"), []).append(r["matched"])
        for r in sentence_cue:
            feats = [x for x, groups in SENTENCE_FEATURE_CUES.items() if r["frame"] in groups]
            if any(x in weight and m["coef"][f][weight[x]] > 0 for x in feats):
                found.setdefault((r["sentence"], f"cue:{r['frame']}"), []).append(r["matched"])
        if "emotion_words" in weight and m["coef"][f][weight["emotion_words"]] > 0:
            for s, word in feeling:
                found.setdefault((s, "feeling words"), []).append(word)
        for (s, source), matched in sorted(found.items()):
            a, b = spans[s]
            rows.append((f, s, source, "; ".join(matched), text[a:b]))
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).astype({"sentence": int})


NFC_FRAMES = {  # the Narrative Frames Corpus's frame names -> ours
    "conflict": "conflict",
    "resolution": "responsibility",
    "human_interest": "human_interest",
    "moral": "morality",
    "economic": "economic",
}
FIT_C = (0.01, 0.03, 0.1, 0.3, 1.0)  # inverse regularisation strengths tried per frame
FIT_THRESHOLDS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.20 .. 0.80
FIT_FOLDS, FIT_SEED = 5, 2023


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column means and standard deviations (1 where a column is constant)."""
    mu, sd = x.mean(axis=0), x.std(axis=0)
    return mu, np.where(sd > 0, sd, 1.0)


def _fit_one(x: np.ndarray, y: np.ndarray, c: float):
    """A class-balanced L2 logistic regression on standardised features (lbfgs: no random state)."""
    from sklearn.linear_model import LogisticRegression

    mu, sd = _standardise(x)
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit((x - mu) / sd, y)
    return mu, sd, lr


def _choose(x: np.ndarray, y: np.ndarray, c_grid: tuple[float, ...] = FIT_C) -> tuple[float, float]:
    """(C, threshold) with the best out-of-fold F1 over a fixed stratified split (ties: first)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    folds = list(StratifiedKFold(FIT_FOLDS, shuffle=True, random_state=FIT_SEED).split(x, y))
    best = (-1.0, c_grid[0], 0.5)
    for c in c_grid:
        oof = np.zeros(len(y))
        for a, b in folds:
            mu, sd, lr = _fit_one(x[a], y[a], c)
            oof[b] = lr.predict_proba((x[b] - mu) / sd)[:, 1]
        for th in FIT_THRESHOLDS:
            f = float(f1_score(y, oof >= th, zero_division=0))
            if f > best[0] + 1e-12:
                best = (f, c, th)
    return best[1], best[2]


def fit_frames_model(
    values: list[dict[str, float]],
    labels: dict[str, list[bool]],
    digits: int = 6,
    c_grid: tuple[float, ...] = FIT_C,
) -> dict:
    """Fit the per-frame models: C and threshold chosen by cross-validation, then refit on all rows.

    ``values``: feature dicts (``frame_features``); ``labels``: our frame name -> one bool per row;
    ``c_grid``: the C values tried. Returns the model as written to ``models/frames_model.json``
    (weights rounded to ``digits``).
    """
    names = list(values[0])
    x = np.array([[v[n] for n in names] for v in values], dtype=float)
    mu, sd = _standardise(x)
    model: dict = {
        "frames": list(GENERAL_FRAMES),
        "features": names,
        "mean": [round(float(v), digits) for v in mu],
        "scale": [round(float(v), digits) for v in sd],
        "coef": {},
        "intercept": {},
        "C": {},
        "threshold": {},
    }
    for f in GENERAL_FRAMES:
        y = np.array(labels[f], dtype=bool)
        c, th = _choose(x, y, c_grid)
        _, _, lr = _fit_one(x, y, c)
        model["coef"][f] = [round(float(w), digits) for w in lr.coef_[0]]
        # the threshold is folded in, so a score of 0.5 is the decision boundary
        model["intercept"][f] = round(float(lr.intercept_[0]) - math.log(th / (1 - th)), digits)
        model["C"][f], model["threshold"][f] = c, th
    return model


def model_bytes(model: dict) -> bytes:
    """The model as written to disk: sorted-key JSON, one line per top-level field (stable bytes)."""
    lines = [f"  {json.dumps(k)}: {json.dumps(model[k], sort_keys=True)}" for k in sorted(model)]
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def predict_frames(model: dict, values: list[dict[str, float]]) -> dict[str, np.ndarray]:
    """Frame -> bool array of decisions of an in-memory model (as ``article_frames`` decides)."""
    x = np.array([[v[n] for n in model["features"]] for v in values], dtype=float)
    z = (x - np.array(model["mean"])) / np.array(model["scale"])
    return {f: z @ np.array(model["coef"][f]) + model["intercept"][f] >= 0 for f in GENERAL_FRAMES}


def is_general(lexicon: Path | str | None) -> bool:
    """True when ``lexicon`` (None: the default study lexicon) is the general five-frame lexicon."""
    return lexicon_path(lexicon) == str(GENERAL_LEXICON)


def scores_from_rows(
    text: str, lex_rows: list[dict], n_words: int, model: Path | str | None = None
) -> dict[str, float]:
    """Frame scores of a text whose general-lexicon hits and words are already counted (corpus mode)."""
    if not n_words:
        return dict.fromkeys(GENERAL_FRAMES, 0.0)
    return scores_from_features(features_from_rows(text, lex_rows, _all_cues(text), None, n_words), model)


def frame_sentence_count(text: str, lexicon: Path | str | None = None) -> int:
    """Sentences of the text with at least one counted hit of the frame lexicon."""
    rules = _rules(lexicon_path(lexicon))
    cues = _negation_cues(lexicon_path(None, "frame_negations.csv"))
    return len({r["sentence"] for r in _scan_rows(text, rules, cues, False)})
