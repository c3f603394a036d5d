"""Fit the attribution CRF on PolNeAR train and write models/attribution_crf.json.gz (deterministic).

Reads ``../shared/benchmarks/attribution/polnear_train.jsonl`` only (never dev or test). For every
sentence that the extractor would send through the CRF, the features are the ones
``outlet_comparison.instruments.attribution.crf`` computes at inference (same code), the labels are the gold
PolNeAR source and cue spans as B/I tags. CRFsuite (python-crfsuite) fits the weights with L-BFGS,
which has no random state; the vocabularies are sorted and the weights rounded, so a refit on the
same file writes the same bytes (``tests/instruments/attribution/test_attribution_model.py`` checks
the sha256).
The model holds single-token feature strings and weights only, no article text.

    .venv/bin/python scripts/train_attribution_crf.py            # writes the shipped model
    .venv/bin/python scripts/train_attribution_crf.py --out /tmp/m.json.gz
    .venv/bin/python scripts/train_attribution_crf.py --check      # inputs unchanged? (no fit, ~20 s)

The model stores the sha256 of everything the trainer saw (``inputs_sha256``). L-BFGS has no random
state, so equal inputs give equal weights: the fast test checks the inputs (word lists, features,
code), and ``make check-models`` refits and compares the bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import pycrfsuite  # noqa: E402

import helpers  # noqa: E402
from outlet_comparison.instruments.attribution import crf  # noqa: E402
from outlet_comparison.instruments.attribution.extract import rule_hits  # noqa: E402
from outlet_comparison.instruments.attribution.rules import load_rules  # noqa: E402

TRAIN = helpers.SHARED / "benchmarks" / "attribution" / "polnear_train.jsonl"
PARAMS = {"c1": 0.1, "c2": 0.5, "max_iterations": 150, "feature.possible_transitions": True}
MIN_COUNT = 3  # words and suffixes seen fewer times in the CRF's sentences are 'unknown'


def gold_spans(art: dict) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(source spans, cue spans) of an article; a discontinuous source contributes each fragment."""
    src, cue = [], []
    for s in art["sources"]:
        frags = s.get("source_fragments") or [s]
        src += [(f["char_start"], f["char_end"]) for f in frags]
        cue += [(c["char_start"], c["char_end"]) for c in s.get("cue", [])]
    for s in art.get("attributions_without_source", []):
        cue += [(c["char_start"], c["char_end"]) for c in s.get("cue", [])]
    return src, cue


def label(toks: list, src: list[tuple[int, int]], cue: list[tuple[int, int]]) -> list[str]:
    """B/I-S for tokens in a source span, B/I-C in a cue span (source wins), else O."""
    out = ["O"] * len(toks)
    for kind, sp in (("C", cue), ("S", src)):
        for a, b in sp:
            first = True
            for k, t in enumerate(toks):
                if t.start < b and a < t.end:
                    out[k] = ("B-" if first else "I-") + kind
                    first = False
    return out


def sentences(path: Path, rules) -> list[tuple[list, list[int], list[str], bool]]:
    """(tokens, rule tags, gold labels, has a rule hit) of every non-empty sentence, in file order."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            text = art["text"]
            spans = helpers.sentence_spans(text)
            hits, toks = rule_hits(text, spans, rules, True, unsourced=True)
            by_sent: dict[int, list] = {}
            for h in hits:
                by_sent.setdefault(h.sentence, []).append(h)
            src, cue = gold_spans(art)
            for n, ts in enumerate(toks):
                if ts:
                    out.append((ts, crf.rule_tags(ts, by_sent.get(n, [])), label(ts, src, cue), n in by_sent))
    return out


def vocab(data, min_count: int) -> dict:
    """Sorted words and suffixes seen at least min_count times, with each word's cue and source rate."""
    words: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    as_src: Counter[str] = Counter()
    for ts, _, gold, _ in data:
        for t, y in zip(ts, gold, strict=True):
            low = crf.base_low(t)
            words[low] += 1
            as_cue[low] += y.endswith("-C")
            as_src[low] += y.endswith("-S")
    suffixes: Counter[str] = Counter()
    for w, c in words.items():
        suffixes[w[-3:]] += c
    kept = sorted(w for w, c in words.items() if c >= min_count)
    return {
        "words": kept,
        "suffixes": sorted(s for s, c in suffixes.items() if c >= min_count),
        "cue_rate": [crf.rate_bucket(as_cue[w], words[w]) for w in kept],
        "source_rate": [crf.rate_bucket(as_src[w], words[w]) for w in kept],
    }


def empty_model(voc: dict) -> crf.Model:
    """A model with the vocabularies and no weights: enough to compute features."""
    rates = {w: (c, r) for w, c, r in zip(voc["words"], voc["cue_rate"], voc["source_rate"], strict=True)}
    return crf.Model(
        {w: k + 2 for k, w in enumerate(voc["words"])},
        {w: k + 2 for k, w in enumerate(voc["suffixes"])},
        rates,
        frozenset(w for w, (c, _) in rates.items() if c >= 4),
        *(None,) * 5,
    )


def training_items(data, voc: dict, rules) -> list[tuple[np.ndarray, list[str]]]:
    """(feature values per token and template, gold labels) of every sentence the CRF is trained on."""
    m = empty_model(voc)
    return [
        (crf.article_values([(ts, tags)], m, rules), gold)
        for ts, tags, gold, has_hit in data
        if has_hit or crf.candidate(ts, rules, m.cue_words)
    ]


def inputs_digest(items, voc: dict, params: dict) -> str:
    """sha256 of everything the trainer sees: vocabularies, parameters, feature values and labels."""
    h = hashlib.sha256(json.dumps([voc, params, crf.TEMPLATES], sort_keys=True).encode("utf-8"))
    for values, gold in items:
        h.update(np.ascontiguousarray(values, dtype=np.int64).tobytes())
        h.update(" ".join(gold).encode("utf-8") + b"\n")
    return h.hexdigest()


def fit(items, voc: dict, params: dict) -> dict:
    """Train CRFsuite on the sentences the CRF sees and return the model as a JSON-able dict."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    for values, gold in items:
        trainer.append([[f"{t}:{v}" for t, v in enumerate(row)] for row in values.tolist()], gold)
    n_sent, n_tok = len(items), sum(len(g) for _, g in items)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "m.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
    lab = {y: k for k, y in enumerate(crf.LABELS)}
    state = sorted(
        (int(a.split(":")[0]), int(a.split(":")[1]), lab[y], round(w, 5))
        for (a, y), w in info.state_features.items()
        if round(w, 5) != 0
    )
    trans = [[round(info.transitions.get((a, b), 0.0), 5) for b in crf.LABELS] for a in crf.LABELS]
    return {
        **voc,
        "labels": list(crf.LABELS),
        "templates": [list(t) for t in crf.TEMPLATES],
        "params": params,
        "state": state,
        "transitions": trans,
        "trained_on": {"sentences": n_sent, "tokens": n_tok},
        "inputs_sha256": inputs_digest(items, voc, params),
    }


def write(model: dict, out: Path) -> str:
    """Write gzip JSON with a fixed header (no file name, mtime 0); return the sha256 of the bytes."""
    raw = json.dumps(model, separators=(",", ":"), sort_keys=True).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return hashlib.sha256(buf.getvalue()).hexdigest()


def check(items, voc: dict, params: dict, shipped: Path) -> int:
    """0 when the shipped model was fitted on exactly these inputs, else 1 with what to do."""
    with gzip.open(shipped, "rt", encoding="utf-8") as fh:
        stored = json.load(fh).get("inputs_sha256")
    now = inputs_digest(items, voc, params)
    if stored == now:
        print(f"{shipped}: fitted on the current training inputs (sha256 {now[:12]})")
        return 0
    print(f"{shipped}: its training inputs changed (stored {str(stored)[:12]}, now {now[:12]}); "
          f"refit: .venv/bin/python scripts/train_attribution_crf.py")  # fmt: skip
    return 1


def main() -> int:
    """Fit on PolNeAR train and write the model (or say why not)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--out", type=Path, default=crf.MODEL)
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--check", action="store_true", help="compare the inputs with the model's; no fit")
    args = ap.parse_args()
    if not args.train.is_file():
        print(f"../shared not found ({args.train}): cannot fit the attribution CRF.")
        return 1
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    rules = load_rules()
    data = sentences(args.train, rules)
    voc = vocab(data, MIN_COUNT)
    items = training_items(data, voc, rules)
    if args.check:
        return check(items, voc, params, args.out)
    model = fit(items, voc, params)
    digest = write(model, args.out)
    n = model["trained_on"]
    print(f"{n['sentences']:,} sentences, {n['tokens']:,} tokens; {len(voc['words']):,} words, "
          f"{len(voc['suffixes']):,} suffixes, {len(model['state']):,} weights -> {args.out} "
          f"({args.out.stat().st_size:,} bytes, sha256 {digest})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
