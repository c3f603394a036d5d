"""General frames against trained coders: the Narrative Frames Corpus dev file (343 climate articles).

Prints per-frame precision, recall and F1 and their macro average for
  * the baseline a reader of our pages would apply: "the article uses frame X" when the general
    lexicon (``lexicons/frames_generic.csv``) has at least one counted hit of X;
  * ``article_frames``'s method (lexicon + cue features, a logistic regression per frame), scored
    only on articles it was not fitted on: nested 5-fold cross-validation (outer folds seed 2016;
    C and threshold chosen inside each training part by ``fit_frames_model``'s own 5-fold split),
    on the whole file and on the tuning part alone;
  * the held-out part: one article in five (sha256 of its id mod 5 == 0, 82 articles), never
    looked at while choosing features and settings; scored once with the method fitted on the
    other 261.
The corpus's own unseen test part is not in ../shared and is not read here.

``--tuning-seeds`` prints instead only the tuning part's nested-CV F1 (macro, human interest,
morality) for each outer seed and their mean, the numbers read while choosing a variant (the
held-out part is dropped before anything is computed); ``--c-grid`` sets the C values tried.

    .venv/bin/python benchmarks/framing_nfc.py
    .venv/bin/python benchmarks/framing_nfc.py --tuning-seeds 2016 1 2 [--c-grid 0.001 0.01 0.1 1]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Collection
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from outlet_comparison.instruments import frames_model as fm  # noqa: E402
from outlet_comparison.instruments.framing import frame_counts  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from train_frames_model import DEV, labels_of, read_dev  # noqa: E402

OUTER_FOLDS, OUTER_SEED = 5, 2016


def held_out(article_id: str) -> bool:
    """The fixed held-out part: sha256 of the id, mod 5, is 0."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall, F1 of boolean predictions (0 where undefined)."""
    tp = float(np.sum(gold & pred))
    p = tp / max(1.0, float(pred.sum()))
    r = tp / max(1.0, float(gold.sum()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(gold: dict[str, np.ndarray], pred: dict[str, np.ndarray]) -> dict[str, tuple[float, float, float]]:
    """Frame -> (P, R, F1), plus 'macro' (mean of each)."""
    out = {f: prf(gold[f], pred[f]) for f in fm.GENERAL_FRAMES}
    out["macro"] = tuple(float(np.mean([out[f][k] for f in fm.GENERAL_FRAMES])) for k in range(3))  # type: ignore[assignment]
    return out


def baseline(rows: list[dict]) -> dict[str, np.ndarray]:
    """Frame -> at least one counted hit of the general lexicon, per article."""
    counts = [frame_counts(r["text"], fm.GENERAL_LEXICON) for r in rows]
    return {f: np.array([c.get(f, 0) > 0 for c in counts]) for f in fm.GENERAL_FRAMES}


def nested_cv(
    values: list[dict],
    labels: dict[str, list[bool]],
    seed: int = OUTER_SEED,
    c_grid: tuple[float, ...] = fm.FIT_C,
) -> dict[str, np.ndarray]:
    """Out-of-fold decisions: each outer fold predicted by a model fitted (and tuned) on the others."""
    from sklearn.model_selection import KFold

    n = len(values)
    pred = {f: np.zeros(n, dtype=bool) for f in fm.GENERAL_FRAMES}
    for train, test in KFold(OUTER_FOLDS, shuffle=True, random_state=seed).split(np.arange(n)):
        model = fm.fit_frames_model(
            [values[i] for i in train],
            {f: [y[i] for i in train] for f, y in labels.items()},
            c_grid=c_grid,
        )
        got = fm.predict_frames(model, [values[i] for i in test])
        for f in fm.GENERAL_FRAMES:
            pred[f][test] = got[f]
    return pred


def evaluate(
    only: Collection[str] | None = None, rows: list[dict] | None = None, values: list[dict] | None = None
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """All the scores the script prints, by setting; ``only`` the named settings (a test's guard), from
    the dev ``rows`` and their ``frame_features`` ``values`` when given (else read and computed)."""
    rows = read_dev() if rows is None else rows
    values = [fm.frame_features(r["text"]) for r in rows] if values is None else values
    labels = labels_of(rows)
    gold = {f: np.array(v) for f, v in labels.items()}
    hold = np.array([held_out(r["id"]) for r in rows])

    def part(d: dict[str, np.ndarray], mask: np.ndarray) -> dict[str, np.ndarray]:
        return {f: v[mask] for f, v in d.items()}

    @cache
    def base() -> dict[str, np.ndarray]:
        return baseline(rows)

    tune_idx = np.flatnonzero(~hold)
    tune_labels = {f: [v[i] for i in tune_idx] for f, v in labels.items()}

    def on_hold() -> dict[str, np.ndarray]:
        fitted = fm.fit_frames_model([values[i] for i in tune_idx], tune_labels)
        return fm.predict_frames(fitted, [v for v, h in zip(values, hold, strict=True) if h])

    settings = {
        "baseline, all 343": lambda: scores(gold, base()),
        "model, nested CV, all 343": lambda: scores(gold, nested_cv(values, labels)),
        "baseline, tuning part (261)": lambda: scores(part(gold, ~hold), part(base(), ~hold)),
        "model, nested CV, tuning part (261)": lambda: scores(
            part(gold, ~hold), nested_cv([values[i] for i in tune_idx], tune_labels)
        ),
        "baseline, held-out part (82)": lambda: scores(part(gold, hold), part(base(), hold)),
        "model fitted on tuning part, held-out part (82)": lambda: scores(part(gold, hold), on_hold()),
    }
    unknown = set(only or ()) - set(settings)
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)} (known: {list(settings)})")
    return {name: score() for name, score in settings.items() if only is None or name in only}


def tuning_runs(
    rows: list[dict], seeds: tuple[int, ...], c_grid: tuple[float, ...] = fm.FIT_C
) -> dict[int, dict[str, tuple[float, float, float]]]:
    """Outer seed -> nested-CV scores on the tuning part only (held-out rows are dropped first)."""
    tune = [r for r in rows if not held_out(r["id"])]
    values = [fm.frame_features(r["text"]) for r in tune]
    labels = labels_of(tune)
    gold = {f: np.array(v) for f, v in labels.items()}
    return {s: scores(gold, nested_cv(values, labels, s, c_grid)) for s in seeds}


def print_tuning(runs: dict[int, dict[str, tuple[float, float, float]]]) -> None:
    """One line per outer seed (macro, human interest, morality F1) and their mean."""
    keys = ("macro", "human_interest", "morality")
    print(f"tuning part, nested CV\n{'seed':<8} {'macro':>6} {'HI':>6} {'moral':>6}")
    for s, table in runs.items():
        print(f"{s:<8} " + " ".join(f"{table[k][2]:6.3f}" for k in keys))
    print(f"{'mean':<8} " + " ".join(f"{np.mean([t[k][2] for t in runs.values()]):6.3f}" for k in keys))


def main(argv: list[str] | None = None) -> None:
    """Print every setting's table (or, with --tuning-seeds, the tuning part per outer seed)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tuning-seeds", type=int, nargs="+", help="outer seeds for the tuning part only")
    ap.add_argument("--c-grid", type=float, nargs="+", default=list(fm.FIT_C), help="C values tried")
    args = ap.parse_args(argv)
    if not DEV.is_file():
        print(f"skipped: {DEV} not found (needs ../shared)")
        return
    if args.tuning_seeds:
        print_tuning(tuning_runs(read_dev(), tuple(args.tuning_seeds), tuple(args.c_grid)))
        return
    for name, table in evaluate().items():
        print(f"\n{name}\n{'frame':<16} {'P':>5} {'R':>5} {'F1':>5}")
        for f, (p, r, f1) in table.items():
            print(f"{f:<16} {p:5.2f} {r:5.2f} {f1:5.2f}")
        if name.startswith("model"):
            missed = missed_targets(table)
            print(f"issue 22 targets: {'NOT met: ' + ', '.join(missed) if missed else 'met'}")


MACRO_TARGET, FRAME_TARGET = 0.65, 0.45  # issue 22: macro F1 and every frame's F1, at least


def missed_targets(table: dict[str, tuple[float, float, float]]) -> list[str]:
    """The rows (frames or 'macro') of one setting whose F1 misses issue 22's targets."""
    return [f for f, (_p, _r, f1) in table.items() if f1 < (MACRO_TARGET if f == "macro" else FRAME_TARGET)]


if __name__ == "__main__":
    main()
