"""A linear-chain CRF over tokens that corrects and extends the rules' sources and cues.

The model was fitted with CRFsuite on PolNeAR train (``scripts/train_attribution_crf.py``;
``models/README.md`` has the citation and the licence caveat) and is shipped as feature
weights only. Inference needs numpy alone: every feature is a (template, small integer) pair,
so a sentence's label scores are one gather and a sum, and Viterbi runs only on the stretches
of tokens whose label is not certainly ``O`` (a token is certainly ``O`` when no neighbouring
labels could make another label win; then the chain splits there exactly).

Features of a token: the lower-case words at -2..+2, its 3-letter suffix, the shapes and
word-list categories at -1..+1, the rules' own tags (source/cue) at -1..+1, whether it is
inside quotation marks, and its distance to the nearest cue word of the sentence.
"""

from __future__ import annotations

import bisect
import gzip
import json
import operator
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from outlet_comparison.cache import memoize
from outlet_comparison.core import ROOT
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import PRONOUNS, Token
from outlet_comparison.text.names import DETERMINERS

MODEL = ROOT / "models" / "attribution_crf.json.gz"
LABELS = ("O", "B-S", "I-S", "B-C", "I-C")
# Base columns of a token; a template reads one column at a relative position.
COLUMNS = ("word", "suffix", "shape", "lex", "cuer", "srcr", "rule", "quote", "dist", "lexrule", "shapes")
TEMPLATES = (
    ("word", -2), ("word", -1), ("word", 0), ("word", 1), ("word", 2), ("suffix", 0),
    ("shape", -1), ("shape", 0), ("shape", 1), ("lex", -2), ("lex", -1), ("lex", 0), ("lex", 1), ("lex", 2),
    ("cuer", -2), ("cuer", -1), ("cuer", 0), ("cuer", 1), ("cuer", 2), ("srcr", -1), ("srcr", 0), ("srcr", 1),
    ("rule", -2), ("rule", -1), ("rule", 0), ("rule", 1), ("rule", 2), ("quote", 0), ("dist", 0), ("bias", 0),
    ("cuer", -3), ("cuer", 3), ("lexrule", -1), ("lexrule", 0), ("lexrule", 1), ("shapes", -1), ("shapes", 0),
)  # fmt: skip
RATE_BUCKETS = (0.02, 0.1, 0.3, 0.6)  # a word's share of cue (or source) uses in train, bucketed
PAD, UNK = 0, 1  # column values of the padding around a sentence and of an unknown word
RULE_TAGS = {"O": 1, "B-S": 2, "I-S": 3, "B-C": 4, "I-C": 5}
_STANCE_LEX = {"neutral": 2, "loaded": 3, "belief": 4}
_NOUN_LEX = {"official": 6, "group": 7, "document": 8, "title": 9, "org": 10}
_QUOTES = frozenset('"“”')
_PUNCT_SHAPES = {",": 2, ":": 3, "—": 4, "–": 4, "-": 4, '"': 5, "“": 6, "”": 7, ".": 8, "(": 9, ")": 9}


def _shape(t: Token) -> int:
    """Shape class: punctuation kinds, lower, Capitalised, UPPER, digit, with a possessive flag."""
    s = t.text
    if not t.word:
        return _PUNCT_SHAPES.get(s, 10)
    poss = 6 if s.endswith(("'s", "’s")) and len(s) > 2 else 0
    if s[0].isdigit():
        return 11
    if s.isupper() and len(s) > 1:
        return 12 + poss
    return (13 if t.cap else 14) + poss


def _lex(low: str, rules: Rules) -> int:
    """Word-list category: cue first word by stance, 'according', role/group/document/title/org noun, ..."""
    forms = rules.cues.get(low)
    if forms:
        return _STANCE_LEX[forms[0][2]]
    if low in rules.according_firsts:  # the first word of an 'according to' phrase
        return 5
    cat = rules.nouns.get(low)
    if cat:
        return _NOUN_LEX[cat]
    if low in PRONOUNS:
        return 11
    if low in DETERMINERS:
        return 12
    return 13 if low in rules.modifiers else 1


@dataclass
class Model:
    """Weights by template and value, transitions, and the word and suffix vocabularies."""

    words: dict[str, int]
    suffixes: dict[str, int]
    rates: dict[str, tuple[int, int]]  # word -> (cue-rate bucket, source-rate bucket), learned on train
    cue_words: frozenset[str]  # words that are a cue in at least 10% of their train uses
    weights: np.ndarray  # (rows, labels): one block of rows per template
    offsets: np.ndarray  # first row of each template's block
    sizes: tuple[int, ...]  # rows per template
    trans: np.ndarray  # (labels, labels) transition weights
    margin: np.ndarray  # per label: how far below O its score must be for O to be certain
    cache: dict = field(default_factory=dict)  # token text -> its row in ``table``
    cache_rules: object = None  # the word lists the cached rows were built with (``lex`` reads them)
    # per cached token: word, suffix, shape, lex, cue rate, source rate (rows past len(cache) are unused)
    table: np.ndarray = field(default_factory=lambda: np.zeros((1024, 6), dtype=np.int64))


def column_sizes(n_words: int, n_suffixes: int) -> dict[str, int]:
    """How many values each base column can take (padding and unknown included)."""
    return {"word": n_words + 2, "suffix": n_suffixes + 2, "shape": 21, "lex": 14, "cuer": 7, "srcr": 7,
            "rule": 6, "quote": 3, "dist": 16, "bias": 1, "lexrule": 14 * 6, "shapes": 21 * 21}  # fmt: skip


def _margin(trans: np.ndarray) -> np.ndarray:
    """Per label y: the largest gain neighbours can give y over O (with no neighbour counted as 0)."""
    n = trans.shape[0]
    pad = np.zeros((n + 1, n + 1))
    pad[:n, :n] = trans  # row/column n: no neighbour
    out = np.zeros(n)
    for y in range(1, n):
        gain = pad[:, y][:, None] + pad[y, :][None, :] - pad[:, 0][:, None] - pad[0, :][None, :]
        out[y] = gain.max()
    return out


@memoize(maxsize=4)
def load_model(path: str) -> Model:
    """Read a model file written by ``scripts/train_attribution_crf.py`` (gzip JSON)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        d = json.load(fh)
    words = {w: k + 2 for k, w in enumerate(d["words"])}
    suffixes = {w: k + 2 for k, w in enumerate(d["suffixes"])}
    rates = {w: (c, r) for w, c, r in zip(d["words"], d["cue_rate"], d["source_rate"], strict=True)}
    cue_words = frozenset(w for w, (c, _) in rates.items() if c >= 4)
    sizes = column_sizes(len(words), len(suffixes))
    block = tuple(sizes[c] for c, _ in TEMPLATES)
    offsets = np.concatenate([[0], np.cumsum(block)[:-1]]).astype(np.int64)
    weights = np.zeros((int(sum(block)), len(LABELS)))
    for t, v, lab, w in d["state"]:
        weights[offsets[t] + v, lab] = w
    trans = np.array(d["transitions"], dtype=float)
    return Model(words, suffixes, rates, cue_words, weights, offsets, block, trans, _margin(trans))


def model_path(path: Path | str | None) -> str:
    """The model file to use: the shipped one unless a path is given."""
    return str(Path(path) if path else MODEL)


def base_low(t: Token) -> str:
    """The lower-case word without a possessive 's."""
    return t.low[:-2] if t.low.endswith(("'s", "’s")) and len(t.low) > 2 else t.low


def rate_bucket(k: int, n: int) -> int:
    """Bucket of a smoothed rate k / (n + 2): 2 (< 2%) to 6 (>= 60%)."""
    r = k / (n + 2)
    return 2 + sum(r >= b for b in RATE_BUCKETS)


_TEXT = operator.attrgetter("text")
_LOW = operator.attrgetter("low")
_CUE_WORDS: list = [None, None, frozenset()]  # the rules and model words asked last, and their union


def candidate(toks: list[Token], rules: Rules, cue_words: frozenset[str]) -> bool:
    """Does the sentence hold a cue word of the lists or of train (only such sentences go through the CRF)?"""
    if _CUE_WORDS[0] is not rules or _CUE_WORDS[1] is not cue_words:  # held here: the same objects
        _CUE_WORDS[:] = [rules, cue_words, frozenset(rules.cues) | rules.according_firsts | cue_words]
    # the set operations run in C: a token whose word is listed, or a colon
    return not _CUE_WORDS[2].isdisjoint(map(_LOW, toks)) or ":" in map(_TEXT, toks)


def quote_state(toks: list[Token]) -> list[int]:
    """2 inside quotation marks (straight quotes toggle, curly ones open and close), else 1."""
    if _QUOTES.isdisjoint(map(_TEXT, toks)):
        return [1] * len(toks)  # no quotation mark (most sentences)
    out, inside = [], False
    for t in toks:
        s = t.text
        if s in _QUOTES:
            out.append(2)
            inside = (not inside) if s == '"' else s == "“"
        else:
            out.append(2 if inside else 1)
    return out


def rule_tags(toks: list[Token], hits: list[Hit]) -> list[int]:
    """The rules' output as a column: B/I of a source span, B/I of a cue span, else O."""
    tags = [RULE_TAGS["O"]] * len(toks)
    if not hits:
        return tags
    # the tokens lie in order without overlap: those inside [a, b) are one run, found by bisection
    starts, ends = [t.start for t in toks], [t.end for t in toks]
    for h in hits:
        for a, b, kind in ((h.source_start, h.source_end, "S"), (h.cue_start, h.cue_end, "C")):
            if a < 0:
                continue
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_right(ends, b)
            if lo < hi:
                tags[lo] = RULE_TAGS["B-" + kind]
                tags[lo + 1 : hi] = [RULE_TAGS["I-" + kind]] * (hi - lo - 1)
    return tags


def emissions(m: Model, values: np.ndarray) -> np.ndarray:
    """Label scores of every token: (tokens, templates) values -> (tokens, labels).

    The templates' weight rows are added one template at a time, in template order: the same sums
    as ``m.weights[values + m.offsets].sum(axis=1)``, without the (tokens, templates, labels) array.
    """
    rows = (values + m.offsets).T.copy()
    out = m.weights.take(rows[0], axis=0)
    for r in rows[1:]:
        out += m.weights.take(r, axis=0)
    return out


class TokenSpan(NamedTuple):
    """A labelled run of tokens: token indices [first, stop) and character offsets [start, end)."""

    first: int
    stop: int
    start: int
    end: int


def spans(labels: list[int], toks: list[Token], kind: str) -> list[TokenSpan]:
    """The ``TokenSpan`` of each B/I run of ``kind`` ('S' or 'C')."""
    b, i = LABELS.index(f"B-{kind}"), LABELS.index(f"I-{kind}")
    if b not in labels and i not in labels:
        return []  # no run (most sentences)
    out, n, j = [], len(labels), 0
    for k in compress(range(n), map((b, i).__contains__, labels)):  # the B or I tokens, found in C
        if k < j:
            continue  # inside the run before
        j = k + 1
        while j < n and labels[j] == i:
            j += 1
        out.append(TokenSpan(k, j, toks[k].start, toks[j - 1].end))
    return out


_PADW = 3  # widest template shift: each sentence gets this many PAD slots on either side
_COL = {c: k for k, c in enumerate(COLUMNS)}
_TEMPLATE_COLS = np.array([_COL.get(c, -1) for c, _ in TEMPLATES])
_TEMPLATE_SHIFTS = np.array([s for _, s in TEMPLATES])


def article_values(sents: list[tuple[list[Token], list[int]]], m: Model, rules: Rules) -> np.ndarray:
    """Template values of every token of many sentences at once: (tokens, templates).

    The sentences' base columns are laid end to end with PAD slots between them, so every shifted
    template is one numpy gather. Training (one sentence at a time) and inference share this code.
    """
    base = _token_columns(sents, m, rules)
    lengths = [len(toks) for toks, _ in sents]
    tags: list[int] = []
    quote: list[int] = []
    for toks, tg in sents:
        tags.extend(tg)
        quote.extend(quote_state(toks))
    sent = np.repeat(np.arange(len(sents)), lengths)
    idx = np.arange(len(sent), dtype=np.int64) + _PADW * (sent + 1)  # PAD slots before every sentence
    at = len(sent) + _PADW * (len(sents) + 1)  # PAD slots after the last sentence too
    cols = np.zeros((len(COLUMNS), at + _PADW), dtype=np.int64)
    cols[:6, idx] = base.T
    cols[_COL["rule"], idx] = tags
    cols[_COL["quote"], idx] = quote
    cols[_COL["dist"], idx] = _distances(cols[_COL["lex"]], cols[_COL["cuer"]], sents, idx)
    cols[_COL["lexrule"], idx] = cols[_COL["lex"], idx] * 6 + cols[_COL["rule"], idx]
    shape = cols[_COL["shape"]]
    cols[_COL["shapes"], idx] = shape[idx] * 21 + shape[idx + 1]
    out = cols[np.maximum(_TEMPLATE_COLS, 0)[None, :], idx[:, None] + _TEMPLATE_SHIFTS[None, :]]
    out[:, _TEMPLATE_COLS < 0] = 0  # the bias template
    return out


_CACHE_SIZE = 200_000  # tokens whose base columns the model keeps


def _token_columns(sents: list[tuple[list[Token], list[int]]], m: Model, rules: Rules) -> np.ndarray:
    """Base columns (word, suffix, shape, lex, cue rate, source rate) of every token: (tokens, 6).

    Each distinct token text gets its row in ``m.table`` once; a token's row is looked up by its text
    (the rows are dropped when another set of word lists comes in).
    """
    cache = m.cache
    if len(cache) > _CACHE_SIZE or m.cache_rules is not rules:
        cache.clear()  # too big, or built with other word lists
        m.cache_rules = rules
    rows = list(map(cache.get, [t.text for toks, _ in sents for t in toks]))  # the rows of tokens seen before
    new = []
    if None in rows:  # give each unseen token text its row, in order of first occurrence
        flat = [t for toks, _ in sents for t in toks]
        # the positions of the unseen ones, picked out in C (a seen row may be 0, so not by truth)
        for k in list(compress(range(len(rows)), map(operator.is_, rows, repeat(None)))):
            t = flat[k]
            r = cache.get(t.text)
            if r is None:
                low = base_low(t)
                rate = m.rates.get(low, (UNK, UNK))
                r = cache[t.text] = len(cache)
                word, suffix = m.words.get(low, UNK), m.suffixes.get(low[-3:], UNK)
                new.append((word, suffix, _shape(t), _lex(low, rules), *rate))
            rows[k] = r
    if new:
        n = len(cache)
        if n > len(m.table):
            m.table = np.concatenate([m.table, np.zeros((max(n, len(m.table)), 6), dtype=np.int64)])
        m.table[n - len(new) : n] = new
    return m.table[np.array(rows, dtype=np.int64)].reshape(-1, 6)


def _distances(lex: np.ndarray, cuer: np.ndarray, sents: list, idx: np.ndarray) -> np.ndarray:
    """Signed, bucketed distance of each laid-out token to its sentence's nearest cue (later on a tie)."""
    sent = np.repeat(np.arange(len(sents)), [len(toks) for toks, _ in sents])
    lx, cr = lex[idx], cuer[idx]
    is_cue = ((lx >= 2) & (lx <= 5)) | (cr >= 4)
    k = np.arange(len(idx))
    cues = k[is_cue]
    if not len(cues):
        return np.ones(len(idx), dtype=np.int64)
    nxt = np.searchsorted(cues, k)  # first cue at or after k
    prv = nxt - 1  # last cue before k
    nk = cues[np.minimum(nxt, len(cues) - 1)]
    pk = cues[np.maximum(prv, 0)]
    n_ok = (nxt < len(cues)) & (sent[np.minimum(nk, len(k) - 1)] == sent)
    p_ok = (prv >= 0) & (sent[pk] == sent)
    take_next = n_ok & (~p_ok | (nk - k <= k - pk))
    d = np.where(take_next, nk - k, pk - k)  # > 0: the cue is to the right
    a = np.abs(d)
    b = np.select([a == 0, a == 1, a == 2, a <= 4, a <= 8, a <= 15], [0, 1, 2, 3, 4, 5], 6)
    return np.where(n_ok | p_ok, 2 + b + np.where(d < 0, 7, 0), 1)


def _stretches(sure: np.ndarray, lengths: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(starts, ends, after, before) of the runs of not-sure tokens inside each sentence.

    ``after``: the run has a token of its sentence before it; ``before``: one after it.
    """
    n = len(sure)
    bounds = np.cumsum([0, *lengths])
    ne = np.asarray(lengths) > 0
    first = np.zeros(n, dtype=bool)
    last = np.zeros(n, dtype=bool)
    first[bounds[:-1][ne]] = True
    last[bounds[1:][ne] - 1] = True
    free = ~sure
    starts = np.flatnonzero(free & (first | np.concatenate([[True], sure[:-1]])))
    ends = np.flatnonzero(free & (last | np.concatenate([sure[1:], [True]]))) + 1
    return starts, ends, ~first[starts], ~last[ends - 1]


def viterbi_many(m: Model, e: np.ndarray, lengths: list[int]) -> list[int]:
    """Best label sequences of consecutive sentences (``lengths`` tokens each, emissions ``e``).

    Viterbi runs only over stretches of tokens that are not certainly O (with an O on the side where
    the stretch has a neighbour). The stretches are padded to one array and decoded step by step
    together; a finished stretch keeps its scores and points back to itself.
    """
    labels = np.zeros(len(e), dtype=np.int64)
    st, ends, after, before = _stretches((e[:, :1] - e >= m.margin).all(axis=1), lengths)
    if not len(st):
        return labels.tolist()
    order = np.argsort(st - ends, kind="stable")  # longest first: the stretches still going are a prefix
    st, ln, after, before = st[order], (ends - st)[order], after[order], before[order]
    width, n_lab = int(ln[0]), e.shape[1]
    steps = np.arange(width)[None, :]
    going = (ln[:, None] > steps).sum(axis=0)  # stretches still going at each step
    pos = st[:, None] + np.minimum(steps, ln[:, None] - 1)
    em = e[pos]  # (stretches, width, labels); past a stretch's end it repeats its last row (unused)
    trans, n_st = m.trans, len(st)
    to_from = np.ascontiguousarray(trans.T)[None]  # [to, from]: argmax along the last axis is cheap
    flat = np.arange(n_st * n_lab) * n_lab  # first cell of each (stretch, to) row of a candidate block
    score = em[:, 0] + np.where(after[:, None], trans[0][None, :], 0.0)
    # a finished stretch stays: its back pointers are the identity
    back = np.broadcast_to(np.tile(np.arange(n_lab), n_st), (width, n_st * n_lab)).copy()
    for t, k in enumerate(going.tolist()[1:], start=1):
        cand = score[:k, None, :] + to_from  # cand[s, to, from]: the same sums as before
        best = cand.argmax(axis=2).ravel()  # the first best previous label, as argmax over 'from' was
        kl = k * n_lab
        back[t, :kl] = best
        score[:k] = cand.take(flat[:kl] + best).reshape(k, n_lab) + em[:k, t]  # the max itself
    score = score + np.where(before[:, None], trans[:, 0][None, :], 0.0)
    y = score.argmax(axis=1)
    rows = np.arange(n_st) * n_lab
    path = np.zeros((width, n_st), dtype=np.int64)
    path[width - 1] = y
    for t in range(width - 1, 0, -1):
        y = back[t].take(rows + y)
        path[t - 1] = y
    inside = steps < ln[:, None]
    labels[pos[inside]] = path.T[inside]
    return labels.tolist()
