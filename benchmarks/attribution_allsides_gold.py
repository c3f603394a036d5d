"""Verify the hand-annotated AllSides attribution gold and print every span in context for review.

The gold files (tests/gold/attribution_allsides*.csv) hold only character offsets and hashes; the article
text lives in ../shared/corpora/allsides_baly2020/articles.jsonl and is never copied into this repository.
This script checks, for every annotated article and row:

- the sha256 of the full corpus `text` matches `text_sha256` (the corpus has not changed);
- the window lies inside the text and `n_attributions` equals the number of rows;
- `source_sha1` matches the first 10 hex characters of sha1(text[source_start:source_end]);
- source, cue and reason spans are non-empty, lie inside the window and do not overlap;
- source and cue sit in the same paragraph, at most MAX_GAP characters apart;
- the categorical columns use the documented values (anonymity only for anonymous sources, etc.);
- refusal rows lie inside their article's window;
- the articles are exactly the first N of the seeded draw (`draw_order`) and each window is the first
  WINDOW_PARAS paragraphs (`window_end`), so the selection can be re-derived from the corpus alone.

It then prints each row as `[source]` and `{cue}` marked in a short context window. Exits 1 on any
mismatch, 0 otherwise; prints a skip message and exits 0 when ../shared is absent.

    .venv/bin/python benchmarks/attribution_allsides_gold.py            # verify + print spans
    .venv/bin/python benchmarks/attribution_allsides_gold.py --quiet    # verify only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
GOLD = ROOT / "tests" / "gold"
ROWS = GOLD / "attribution_allsides.csv"
ARTICLES = GOLD / "attribution_allsides_articles.csv"
REFUSALS = GOLD / "attribution_allsides_refusals.csv"

MAX_GAP = 400  # characters between source and cue (one row crosses 332 chars of scraped hover text)
CONTEXT = 70
SOURCE_TYPES = {"named_person", "named_organization", "document", "anonymous"}
KINDS = {"person", "group", "organization", "document"}
ANONYMITY = {"granted", "unnamed"}

# Selection (see tests/gold/attribution_allsides_README.md)
SEED = 2026
MIN_WORDS, MAX_WORDS = 250, 1200
MIN_OUTLET_ARTICLES = 5
OPINION_MARKERS = ("Opinion", "Editorial", "Guest Writer")
WIRE = ["Associated Press", "Bloomberg", "Reuters"]
WINDOW_PARAS = 12


def load_corpus() -> list[dict]:
    """All corpus records (about 35 MB)."""
    with open(CORPUS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def draw_order(corpus: list[dict]) -> list[tuple[str, str]]:
    """(outlet, article id) in the seeded draw order: wire services first, then outlets in random order."""
    by_outlet: dict[str, list[str]] = {}
    for a in corpus:
        if a["mojibake_suspect"] or "syria_sep2016" in (a["tags"] or []):
            continue
        if MIN_WORDS <= a["n_words"] <= MAX_WORDS:
            by_outlet.setdefault(a["outlet"], []).append(a["id"])
    outlets = sorted(
        o
        for o, ids in by_outlet.items()
        if len(ids) >= MIN_OUTLET_ARTICLES and not any(m in o for m in OPINION_MARKERS)
    )
    rng = random.Random(SEED)
    rest = [o for o in outlets if o not in WIRE]
    order = WIRE + rng.sample(rest, k=len(rest))
    return [(o, rng.choice(sorted(by_outlet[o]))) for o in order]


def window_end(text: str, n: int = WINDOW_PARAS) -> int:
    """End offset of the n-th paragraph (blank-line separated, whitespace-stripped), or of the last one."""
    ends, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text + "\n\n"):
        seg = text[pos : m.start()]
        if seg.strip():
            ends.append(pos + len(seg.rstrip()))
        pos = m.end()
    return ends[min(n, len(ends)) - 1]


def read_csv(path: Path) -> pd.DataFrame:
    """Read a gold CSV keeping empty cells as empty strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def as_int(value: str) -> int | None:
    return int(value) if value != "" else None


def check_row(r: pd.Series, text: str, ws: int, we: int) -> list[str]:
    """Return the problems found in one attribution row."""
    errs: list[str] = []
    ss, se, cs, ce = (int(r[c]) for c in ("source_start", "source_end", "cue_start", "cue_end"))
    if not (ws <= ss < se <= we):
        errs.append(f"source span {ss}-{se} empty or outside window {ws}-{we}")
    if not (ws <= cs < ce <= we):
        errs.append(f"cue span {cs}-{ce} empty or outside window {ws}-{we}")
    if hashlib.sha1(text[ss:se].encode("utf-8")).hexdigest()[:10] != r.source_sha1:
        errs.append(f"source_sha1 mismatch for {text[ss:se][:40]!r}")
    if ss < ce and cs < se:
        errs.append("source and cue overlap")
    gap = cs - se if cs >= se else ss - ce
    lo, hi = min(ss, cs), max(se, ce)
    if gap > MAX_GAP:
        errs.append(f"source and cue {gap} characters apart (> {MAX_GAP})")
    if "\n\n" in text[lo:hi]:
        errs.append("source and cue in different paragraphs")
    rs, re_ = as_int(r.reason_start), as_int(r.reason_end)
    if (rs is None) != (re_ is None):
        errs.append("reason_start/reason_end must both be set or both empty")
    elif rs is not None and not (ws <= rs < re_ <= we):
        errs.append(f"reason span {rs}-{re_} empty or outside window")
    if r.source_type not in SOURCE_TYPES:
        errs.append(f"bad source_type {r.source_type!r}")
    if r.kind not in KINDS:
        errs.append(f"bad kind {r.kind!r}")
    if r.source_type == "anonymous":
        if r.anonymity not in ANONYMITY:
            errs.append("anonymous source needs anonymity granted/unnamed")
        if r.kind not in {"person", "group"}:
            errs.append("anonymous source must be kind person or group")
    elif r.anonymity or rs is not None:
        errs.append("anonymity/reason set on a non-anonymous source")
    if r.source_type == "document" and r.kind != "document":
        errs.append("document source must be kind document")
    if r.pronoun not in {"", "yes"}:
        errs.append(f"bad pronoun {r.pronoun!r}")
    return errs


def mark(text: str, r: pd.Series) -> str:
    """The row's context with [source], {cue} and <reason> marked, newlines flattened."""
    spans = [(int(r.source_start), int(r.source_end), "[", "]"), (int(r.cue_start), int(r.cue_end), "{", "}")]
    if r.reason_start != "":
        spans.append((int(r.reason_start), int(r.reason_end), "<", ">"))
    lo = max(0, min(s for s, *_ in spans) - CONTEXT)
    hi = min(len(text), max(e for _, e, *_ in spans) + CONTEXT)
    inserts = sorted([(s, o) for s, _, o, _ in spans] + [(e, c) for _, e, _, c in spans], reverse=True)
    out = text[lo:hi]
    for pos, tok in inserts:
        out = out[: pos - lo] + tok + out[pos - lo :]
    return " ".join(out.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="verify only, do not print spans")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"SKIP: {CORPUS} not found (../shared is absent); nothing verified.")
        return 0
    rows, arts, refusals = read_csv(ROWS), read_csv(ARTICLES), read_csv(REFUSALS)
    corpus = load_corpus()
    texts = {a["id"]: a["text"] for a in corpus if a["id"] in set(arts.article_id)}
    errors: list[str] = []
    drawn = draw_order(corpus)[: len(arts)]
    if [aid for _, aid in drawn] != list(arts.article_id) or [o for o, _ in drawn] != list(arts.outlet):
        errors.append("articles are not the first N of the seeded draw (in draw order)")
    if arts.article_id.duplicated().any():
        errors.append("duplicate article_id in articles file")
    for aid in set(rows.article_id) | set(refusals.article_id):
        if aid not in set(arts.article_id):
            errors.append(f"{aid}: row for an article not listed in the articles file")
    windows: dict[str, tuple[int, int]] = {}
    for a in arts.itertuples(index=False):
        text = texts.get(a.article_id)
        if text is None:
            errors.append(f"{a.article_id}: not in corpus")
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != a.text_sha256:
            errors.append(f"{a.article_id}: text_sha256 mismatch (corpus changed)")
            continue
        ws, we = int(a.window_start), int(a.window_end)
        if not (0 <= ws < we <= len(text)):
            errors.append(f"{a.article_id}: window {ws}-{we} outside text of length {len(text)}")
            continue
        if ws != 0 or we != window_end(text):
            errors.append(f"{a.article_id}: window {ws}-{we} is not the first {WINDOW_PARAS} paragraphs")
        windows[a.article_id] = (ws, we)
        n = int((rows.article_id == a.article_id).sum())
        if n != int(a.n_attributions):
            errors.append(f"{a.article_id}: n_attributions {a.n_attributions} but {n} rows")
    for i, r in rows.iterrows():
        if r.article_id not in windows:
            continue
        text = texts[r.article_id]
        for e in check_row(r, text, *windows[r.article_id]):
            errors.append(f"row {i + 2} ({r.article_id}): {e}")
    for i, r in refusals.iterrows():
        if r.article_id in windows:
            ws, we = windows[r.article_id]
            if not (ws <= int(r.cue_start) < int(r.cue_end) <= we):
                errors.append(f"refusal row {i + 2} ({r.article_id}): cue outside window")
    if not args.quiet:
        for a in arts.itertuples(index=False):
            if a.article_id not in windows:
                continue
            text = texts[a.article_id]
            print(f"\n=== {a.article_id} | {a.outlet} | window {a.window_start}-{a.window_end}")
            for _, r in rows[rows.article_id == a.article_id].iterrows():
                tag = r.source_type + (f"/{r.anonymity}" if r.anonymity else "")
                aff = f" aff={r.affiliation}" if r.affiliation else ""
                print(f"  {tag}{aff}: {mark(text, r)}")
            for _, r in refusals[refusals.article_id == a.article_id].iterrows():
                cs, ce = int(r.cue_start), int(r.cue_end)
                print(f"  REFUSAL: {' '.join(text[max(0, cs - CONTEXT) : ce + CONTEXT].split())}")
    n_art, n_out = len(arts), arts.outlet.nunique()
    print(f"\n{len(rows)} attributions, {len(refusals)} refusals, {n_art} articles, {n_out} outlets")
    print(rows.source_type.value_counts().to_string())
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all offsets, hashes and windows verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
