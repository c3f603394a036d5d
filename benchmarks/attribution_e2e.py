"""End-to-end accuracy of helpers.attributions on what a reader is told (tests/gold/attribution_e2e*.csv).

The gold (108 BASIL articles in 36 same-event triplets and 12 AllSides articles in four event groups, each
part made before the round that first scored it; guide in tests/gold/attribution_e2e_README.md) holds offsets
and hashes only; the texts are read from ../shared/corpora/basil and ../shared/corpora/allsides_baly2020.
The extractor runs on each whole text; its rows whose cue starts inside the annotated window are scored.
A prediction matches a gold row when their cue spans overlap, or their source spans overlap with cues at
most 40 characters apart (one-to-one, in text order). A second prediction whose cue lies inside an already
matched gold cue ("issued a statement ..., saying") is a duplicate: neither right nor wrong, counted apart.
Printed for each part (tune, check, check2 ... check10) and pooled:

- detection P/R (every attribution);
- anonymous P/R: rows the reader is shown as ``source_type == "anonymous"`` against gold ``anonymous``;
- anonymous share MAE: per article, |predicted anonymous / predicted rows - gold anonymous / gold rows|;
- vague attribution P/R: ``unnamed_group`` rows against gold ``unnamed_group``;
- speaker accuracy: matched gold ``named_*`` rows whose ``speaker`` (``name`` on code without that
  column) is the gold speaker, compared without titles, initials, case and a leading "the";
- type accuracy on matched rows (five types).

    .venv/bin/python benchmarks/attribution_e2e.py [--part tune|check|check2...check8|both|pooled|all]
    .venv/bin/python benchmarks/attribution_e2e.py --held-out   # 'all' and 'pooled' with the held-out part
    .venv/bin/python benchmarks/attribution_e2e.py --part tune --errors
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402

CORPUS = helpers.SHARED / "corpora" / "basil" / "articles.jsonl"
# round twelve's held-out part (check10) is AllSides event groups: their texts are read from here by ``id``
ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"
GOLD = helpers.ROOT / "tests" / "gold"
SPLITS = ("tune", "check", "check2", "check3", "check4", "check5", "check7", "check8", "check9", "check10")
# the held-out part, scored only when asked for by name or with --held-out; none now: round twelve's
# check10 (four AllSides event groups) was scored once before and once after the round and read after,
# like check4-check9, so it is tuning data (check6 is the actors' held-out part)
HELD_OUT: str | None = None
TYPES = ("named_person", "named_organization", "document", "unnamed_group", "anonymous")
_TITLES = frozenset(
    "mr mrs ms dr sen senator rep gov president secretary judge chairman press white house".split()
)


def available() -> bool:
    """True when the BASIL corpus is there."""
    return CORPUS.is_file()


def load_gold() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The gold rows and the article table (window, hash, split)."""
    dtypes = {"speaker": str, "note": str}
    rows = pd.read_csv(GOLD / "attribution_e2e.csv", dtype=dtypes, keep_default_na=False)
    arts = pd.read_csv(GOLD / "attribution_e2e_articles.csv")
    return rows, arts


def texts(arts: pd.DataFrame) -> dict[str, str]:
    """The corpus texts of the annotated articles (BASIL by ``file_key``, AllSides by ``id``), each checked
    against its sha256."""
    want = dict(zip(arts.article_id, arts.text_sha256, strict=True))
    out = {}
    for corpus, key in ((CORPUS, "file_key"), (ALLSIDES, "id")):
        if not corpus.is_file() or not set(want) - set(out):
            continue
        with open(corpus, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get(key) in want:
                    text = rec["text"]
                    if hashlib.sha256(text.encode()).hexdigest() != want[rec[key]]:
                        raise helpers.ArticleError(f"{corpus}: {rec[key]}: text differs from gold hash")
                    out[rec[key]] = text
    missing = set(want) - set(out)
    if missing:
        raise helpers.ArticleError(f"{CORPUS} and {ALLSIDES}: gold articles missing: {sorted(missing)}")
    return out


def norm_name(name: str) -> tuple[str, ...]:
    """A speaker name compared without case, titles, initials, punctuation and a leading 'the'."""
    words = re.sub(r"[’'`]s\b|[^\w\s-]", " ", name.lower()).split()
    return tuple(w for w in words if len(w) > 1 and w not in _TITLES and w != "the")


def speaker_ok(pred: str, gold: str) -> bool:
    """True when the predicted speaker is one of the gold's accepted spellings (a name made of title words
    only, "White House", is compared with them)."""
    p = norm_name(pred) or _plain(pred)
    return bool(p) and any(p == (norm_name(g) or _plain(g)) for g in gold.split(";"))


def _plain(name: str) -> tuple[str, ...]:
    """The name's words without case and a leading 'the' ("The White House" -> ('white', 'house'))."""
    words = re.sub(r"[^\w\s-]", " ", name.lower()).split()
    return tuple(words[1:] if words[:1] == ["the"] else words)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    """True when [a0, a1) and [b0, b1) overlap."""
    return a0 < b1 and b0 < a1


def match(gold: pd.DataFrame, pred: pd.DataFrame) -> tuple[dict[int, int], set[int]]:
    """gold index -> pred index pairs, and the duplicate predictions (inside an already matched gold cue)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for by_cue in (True, False):
        for gi, g in gold.iterrows():
            if gi in pairs:
                continue
            for pi, p in pred.iterrows():
                if pi in used:
                    continue
                if by_cue:
                    ok = _overlap(g.cue_start, g.cue_end, p.cue_start, p.cue_end)
                else:
                    ok = _overlap(g.source_start, g.source_end, p.start, p.end) and (
                        abs(g.cue_start - p.cue_start) <= 40
                    )
                if ok:
                    pairs[gi] = pi
                    used.add(pi)
                    break
    dups = set()
    for pi, p in pred.iterrows():
        if pi not in used and any(
            _overlap(gold.loc[gi].cue_start, gold.loc[gi].cue_end, p.cue_start, p.cue_end) for gi in pairs
        ):
            dups.add(pi)
    return pairs, dups


def predictions(text: str, lexicons: helpers.AttributionLexicons | None = None) -> pd.DataFrame:
    """The extractor's rows with a ``speaker`` column (``name`` on code that has none)."""
    df = helpers.attributions(text, lexicons=lexicons)
    if "speaker" not in df.columns:
        df = df.assign(speaker=df["name"])
    return df


def score(part: str, show_errors: bool = False, held_out: bool = False) -> dict[str, float]:
    """The end-to-end measures on one part (a split, 'both' = tune + check, or 'pooled' = every article
    outside the held-out part unless ``held_out``)."""
    gold_all, arts = load_gold()
    if part == "pooled" and not held_out:
        arts = arts[arts.split != HELD_OUT]
    elif part != "pooled":
        arts = arts[arts.split.isin(("tune", "check") if part == "both" else (part,))]
    txt = texts(arts)
    keys = ("gold", "pred", "tp", "dup", "ga", "pa", "aa", "gv", "pv", "vv", "spk", "spk_ok", "typ_ok")
    n = dict.fromkeys(keys, 0)
    share_err = []
    for a in arts.itertuples():
        gold = gold_all[gold_all.article_id == a.article_id].reset_index(drop=True)
        pred = predictions(txt[a.article_id])
        inside = (pred.cue_start >= a.window_start) & (pred.cue_start < a.window_end)
        pred = pred[inside].reset_index(drop=True)
        pairs, dups = match(gold, pred)
        pred_kept = pred.drop(index=list(dups))
        n["gold"] += len(gold)
        n["pred"] += len(pred_kept)
        n["tp"] += len(pairs)
        n["dup"] += len(dups)
        for t, g_key, p_key, both in (("anonymous", "ga", "pa", "aa"), ("unnamed_group", "gv", "pv", "vv")):
            n[g_key] += int((gold.source_type == t).sum())
            n[p_key] += int((pred_kept.source_type == t).sum())
            n[both] += sum(
                1 for gi, pi in pairs.items() if gold.loc[gi].source_type == t == pred.loc[pi].source_type
            )
        for gi, pi in pairs.items():
            g, p = gold.loc[gi], pred.loc[pi]
            n["typ_ok"] += int(g.source_type == p.source_type)
            if g.source_type.startswith("named_"):
                n["spk"] += 1
                ok = speaker_ok(str(p.speaker), g.speaker)
                n["spk_ok"] += int(ok)
                if show_errors and not ok:
                    print(f"  speaker {a.article_id[-10:]} {g.speaker!r} got {p.speaker!r} ({p.source!r})")
            if show_errors and g.source_type != p.source_type:
                print(f"  type {a.article_id[-10:]} {p.source!r}: gold {g.source_type}, got {p.source_type}")
        g_share = (gold.source_type == "anonymous").mean() if len(gold) else 0.0
        p_share = (pred_kept.source_type == "anonymous").mean() if len(pred_kept) else 0.0
        share_err.append(abs(g_share - p_share))
        if show_errors:
            text = txt[a.article_id]
            for gi in set(gold.index) - set(pairs):
                g = gold.loc[gi]
                src, cue = text[g.source_start : g.source_end], text[g.cue_start : g.cue_end]
                print(f"  miss {a.article_id[-10:]} {src!r} / {cue!r}")
            for pi in set(pred_kept.index) - set(pairs.values()):
                p = pred.loc[pi]
                print(f"  extra {a.article_id[-10:]} {p.source!r} / {p.cue!r} ({p.source_type})")
    res = {
        "detection_p": _div(n["tp"], n["pred"]),
        "detection_r": _div(n["tp"], n["gold"]),
        "anonymous_p": _div(n["aa"], n["pa"]),
        "anonymous_r": _div(n["aa"], n["ga"]),
        "anonymous_share_mae": sum(share_err) / len(share_err),
        "vague_p": _div(n["vv"], n["pv"]),
        "vague_r": _div(n["vv"], n["gv"]),
        "speaker_acc": _div(n["spk_ok"], n["spk"]),
        "type_acc": _div(n["typ_ok"], n["tp"]),
    }
    missed = missed_targets(res)
    print(
        f"{part}: {len(arts)} articles, {n['gold']} gold, {n['pred']} predicted "
        f"({n['dup']} duplicates apart)\n"
        f"  detection P {res['detection_p']:.3f} R {res['detection_r']:.3f}  ({n['tp']} matched)\n"
        f"  anonymous P {res['anonymous_p']:.3f} ({n['aa']}/{n['pa']}) R {res['anonymous_r']:.3f} "
        f"({n['aa']}/{n['ga']})  share MAE {res['anonymous_share_mae']:.3f}\n"
        f"  vague (unnamed_group) P {res['vague_p']:.3f} ({n['vv']}/{n['pv']}) R {res['vague_r']:.3f} "
        f"({n['vv']}/{n['gv']})\n"
        f"  speaker accuracy {res['speaker_acc']:.3f} ({n['spk_ok']}/{n['spk']})  "
        f"type accuracy {res['type_acc']:.3f} ({n['typ_ok']}/{n['tp']})\n"
        f"  issue 21 targets: {'NOT met: ' + ', '.join(missed) if missed else 'met'}"
    )
    return res


# issue 21's end-to-end targets: (measure, bound, True when the measure must be at least the bound)
TARGETS = (
    ("detection_p", 0.92, True),
    ("detection_r", 0.90, True),
    ("anonymous_p", 0.85, True),
    ("anonymous_r", 0.85, True),
    ("anonymous_share_mae", 0.05, False),
    ("speaker_acc", 0.93, True),
)


def missed_targets(res: dict[str, float]) -> list[str]:
    """The names of issue 21's end-to-end targets a part's measures miss (empty when all are met)."""
    return [k for k, bound, at_least in TARGETS if (res[k] < bound if at_least else res[k] > bound)]


def _div(a: int, b: int) -> float:
    """a / b, 0 when b is 0."""
    return a / b if b else 0.0


def main() -> None:
    """Print the measures for the chosen part(s)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=(*SPLITS, "both", "pooled", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list misses, extras and wrong types/speakers")
    ap.add_argument(
        "--held-out",
        action="store_true",
        help=f"include the held-out part ({HELD_OUT or 'none now'}) in 'all' and 'pooled'",
    )
    args = ap.parse_args()
    if not available():
        print(f"skipped: {CORPUS} is not there")
        return
    splits = [s for s in SPLITS if args.held_out or s != HELD_OUT]
    for part in (*splits, "pooled") if args.part == "all" else (args.part,):
        score(part, args.errors, args.held_out)


if __name__ == "__main__":
    main()
