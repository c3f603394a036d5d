"""Accuracy of helpers.attributions on our own AllSides dev gold (tests/gold/attribution_allsides*.csv).

The gold holds offsets and hashes only; the text is read from ../shared/corpora/allsides_baly2020. For
each of the 37 articles the extractor runs on the whole text and its rows whose cue lies inside the
annotated window are kept. A prediction matches a gold row when their source spans overlap (one-to-one,
greedy by overlap; a gold row with no source overlap may still match on an overlapping cue). Printed:
source-span P/R/F1 (overlap and exact) and, on matched rows, type accuracy per gold type. Predicted
types: a document kind is ``document``, otherwise the row's ``source_type``; pronouns take the type of
the antecedent they were resolved to, as in the gold. Skips cleanly without ../shared.

    .venv/bin/python benchmarks/attribution_allsides_eval.py
"""

from __future__ import annotations

import collections
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
GOLD = helpers.ROOT / "tests" / "gold"
TYPES = ("named_person", "named_organization", "document", "anonymous")


def available() -> bool:
    """True when the AllSides corpus is there."""
    return CORPUS.is_file()


def _texts(ids: set[str]) -> dict[str, str]:
    """The corpus texts of the annotated articles."""
    out = {}
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec["text"]
    return out


def _pred_type(r) -> str:
    """The gold's four types from an extractor row (its ``anonymous`` predates issue 21's
    ``unnamed_group``, so a vague group counts as anonymous here)."""
    if r.kind == "document":
        return "document"
    return "anonymous" if r.source_type == "unnamed_group" else r.source_type


def _match(gold: pd.DataFrame, pred: pd.DataFrame, exact: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs by source overlap (or exact span), then by cue overlap."""
    cands = []
    for gi, g in gold.iterrows():
        for pi, p in pred.iterrows():
            if exact:
                ok = (g.source_start, g.source_end) == (p.start, p.end)
                score = 1 if ok else 0
            else:
                score = min(g.source_end, p.end) - max(g.source_start, p.start)
                if score <= 0 and g.cue_start < p.cue_end and p.cue_start < g.cue_end:
                    score = 0.5  # same cue, source placed elsewhere (a pronoun, a span cut short)
            if score > 0:
                cands.append((score, gi, pi))
    pairs, gu, pu = [], set(), set()
    for _, gi, pi in sorted(cands, key=lambda c: -c[0]):
        if gi not in gu and pi not in pu:
            gu.add(gi)
            pu.add(pi)
            pairs.append((gi, pi))
    return pairs


def evaluate(lexicons: helpers.AttributionLexicons | None = None) -> dict:
    """Span P/R/F1 (overlap, exact) and per-type accuracy on matched rows, over all 37 articles."""
    arts = pd.read_csv(GOLD / "attribution_allsides_articles.csv")
    rows = pd.read_csv(GOLD / "attribution_allsides.csv")
    texts = _texts(set(arts.article_id))
    n_pred = n_gold = tp = tp_exact = 0
    by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    confusion: collections.Counter = collections.Counter()
    for a in arts.itertuples(index=False):
        text = texts[a.article_id]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != a.text_sha256:
            raise SystemExit(f"{a.article_id}: corpus text changed (sha256 mismatch)")
        df = helpers.attributions(text, lexicons=lexicons)
        pred = df[(df.cue_start >= a.window_start) & (df.cue_end <= a.window_end)].reset_index(drop=True)
        gold = rows[rows.article_id == a.article_id].reset_index(drop=True)
        n_pred += len(pred)
        n_gold += len(gold)
        pairs = _match(gold, pred, exact=False)
        tp += sum(
            1
            for gi, pi in pairs
            if gold.source_start[gi] < pred.end[pi] and pred.start[pi] < gold.source_end[gi]
        )
        tp_exact += len(_match(gold, pred, exact=True))
        for gi, pi in pairs:
            g, p = gold.source_type[gi], _pred_type(pred.iloc[pi])
            by_type[g][0] += g == p
            by_type[g][1] += 1
            confusion[(g, p)] += 1

    def prf(k: int) -> dict:
        p, r = k / n_pred if n_pred else 0.0, k / n_gold if n_gold else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}

    matched = sum(v[1] for v in by_type.values())
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "source_overlap": prf(tp),
        "source_exact": prf(tp_exact),
        "matched": matched,
        "type_accuracy": round(sum(v[0] for v in by_type.values()) / matched, 3) if matched else 0.0,
        "type_accuracy_by_gold_type": {t: f"{by_type[t][0]}/{by_type[t][1]}" for t in TYPES},
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(confusion.items())},
    }


def main() -> int:
    """Print the scores (or a skip message when ../shared is missing)."""
    if not available():
        print(f"../shared not found ({CORPUS}): AllSides attribution evaluation skipped.")
        return 0
    res = evaluate()
    print(json.dumps(res, indent=1))
    ov, ex = res["source_overlap"], res["source_exact"]
    print(
        f"AllSides dev gold ({res['gold']} attributions): source overlap P/R/F1 = "
        f"{ov['P']:.3f}/{ov['R']:.3f}/{ov['F1']:.3f}; exact F1 = {ex['F1']:.3f}; "
        f"type accuracy on {res['matched']} matched = {res['type_accuracy']:.3f} "
        + ", ".join(f"{t} {v}" for t, v in res["type_accuracy_by_gold_type"].items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
