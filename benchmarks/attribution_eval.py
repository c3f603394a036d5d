"""Accuracy of helpers.attributions on the shared attribution benchmark (PolNeAR dev, SCU sourcing GT).

Writes predictions to output/benchmarks/, scores them with ../shared/benchmarks/attribution/score.py
(run by path, never copied) and prints the scores. Skips cleanly when ../shared is absent.

    .venv/bin/python benchmarks/attribution_eval.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import helpers  # noqa: E402

BENCH = helpers.SHARED / "benchmarks" / "attribution"
SCORER = BENCH / "score.py"
OUT = helpers.OUTPUT / "benchmarks"
POLNEAR_TYPES = {
    "named_person": "named_person",
    "named_organization": "named_org",
    "document": "named_org",
    "unnamed_group": "anonymous",
    "anonymous": "anonymous",
}


def available() -> bool:
    """True when the shared benchmark files and scorer exist."""
    return SCORER.is_file() and (BENCH / "polnear_dev.jsonl").is_file()


def predict(gold_path: Path, out_path: Path, beliefs: bool, continuations: bool = True) -> Path:
    """Run attributions() on every gold article and write the scorer's prediction JSONL.

    PolNeAR's conventions are applied to our rows: coordinated speakers of one cue become one span,
    and (with ``continuations``) ", adding that ..." becomes its own attribution (``_continuations``).
    """
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(gold_path, encoding="utf-8") as fh, open(out_path, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            art = json.loads(line)
            text = art["text"]
            df = helpers.attributions(text, beliefs=beliefs)
            spans = helpers.sentence_spans(text)
            types = helpers.scu_types(df)
            preds = []
            ends = _content_ends(text, spans, set(df.sentence))
            for (_, r), scu in zip(df.iterrows(), types, strict=True):
                s, e = spans[r.sentence][0], ends[r.sentence]
                preds.append(
                    {
                        "char_start": int(r.start),
                        "char_end": int(r.end),
                        "cue_char_start": int(r.cue_start),
                        "cue_char_end": int(r.cue_end),
                        "type": scu if art["id"].startswith("scu") else POLNEAR_TYPES[r.source_type],
                        "name": r["name"] if r.source_type not in ("anonymous", "unnamed_group") else None,
                        "text": r.source,
                        "content": [{"char_start": s, "char_end": e}],
                    }
                )
            if not art["id"].startswith("scu"):
                preds = _one_per_cue(preds, text)
                preds += _continuations(preds, text, spans) if continuations else []
            out.write(json.dumps({"id": art["id"], "sources": preds}) + "\n")
    return out_path


def _content_ends(text: str, spans: list[tuple[int, int]], attributed: set[int]) -> list[int]:
    """Where each sentence's statement ends: a quotation that runs on into following sentences with no
    cue of their own ('"We need an audit," Loebl said. "It is not enough ..."') belongs to it."""
    ends = [e for _, e in spans]
    for n in range(len(spans) - 2, -1, -1):
        s, _ = spans[n + 1]
        if n + 1 not in attributed and text[s : s + 1] in '“"':
            ends[n] = ends[n + 1]
    return ends


_COORD = re.compile(r"\s*(?:,\s*)?(?:and|&)?\s*")


def _one_per_cue(preds: list[dict], text: str) -> list[dict]:
    """PolNeAR's convention: one source span per cue. Our rows for coordinated speakers of one cue
    ("Ash Carter and James Clapper said": one row each) become one span from the first to the last."""
    out: list[dict] = []
    for p in sorted(preds, key=lambda p: p["char_start"]):
        q = next(
            (
                q
                for q in out
                if (q["cue_char_start"], q["cue_char_end"]) == (p["cue_char_start"], p["cue_char_end"])
            ),
            None,
        )
        if (
            q is not None
            and q["char_end"] <= p["char_start"]
            and _COORD.fullmatch(text[q["char_end"] : p["char_start"]])
        ):
            q["char_end"] = p["char_end"]
        else:
            out.append(dict(p))
    return out


# '...," adding that' and ', also adding' too
_PARTICIPLE = re.compile(r",[”\"’']?\s+(?:(?:even|also|then|again|later|still|[a-z]+ly)\s+)?([a-z]+ing)\b")


def _continuations(preds: list[dict], text: str, spans: list[tuple[int, int]]) -> list[dict]:
    """PolNeAR's convention: "X said ..., adding that ..." is two attributions with one source span.

    We give the statement one row (the participle continues it); for scoring, a listed reporting
    participle after a comma, later in the sentence of a row's cue and not a cue of any row, becomes
    its own attribution with that row's source span.
    """
    from outlet_comparison.instruments.attribution.rules import load_rules

    rules = load_rules()
    cues = {(p["cue_char_start"], p["cue_char_end"]) for p in preds}
    out = []
    for p in preds:
        n = next(k for k, (s, e) in enumerate(spans) if s <= p["cue_char_start"] < e)
        for m in _PARTICIPLE.finditer(text, p["cue_char_end"], spans[n][1]):
            forms = rules.cues.get(m.group(1), ())
            if not any(f[0] == (m.group(1),) and f[2] != "belief" for f in forms):
                continue
            if any(a < m.end(1) and m.start(1) < b for a, b in cues) or m.start() <= p["char_end"]:
                break
            out.append({**p, "cue_char_start": m.start(1), "cue_char_end": m.end(1)})
            cues.add((m.start(1), m.end(1)))
            break
    return out


def score(gold_path: Path, pred_path: Path) -> dict:
    """Run the shared score.py by path and return its JSON result."""
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(pred_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout)


def evaluate() -> dict:
    """Predict and score both benchmark files: {'polnear_dev': {...}, 'scu': {...}}."""
    pol = BENCH / "polnear_dev.jsonl"
    scu = BENCH / "scu_sourcing_gt.jsonl"
    return {
        "polnear_dev": score(pol, predict(pol, OUT / "attribution_polnear_dev_pred.jsonl", beliefs=True)),
        "scu": score(scu, predict(scu, OUT / "attribution_scu_pred.jsonl", beliefs=False)),
    }


def type_accuracy(scu_result: dict) -> float:
    """Overall SCU type accuracy on found statements from the scorer's per-type 'a/b' strings."""
    pairs = [tuple(map(int, v.split("/"))) for v in scu_result["type_accuracy_on_found"].values()]
    total = sum(b for _, b in pairs)
    return sum(a for a, _ in pairs) / total if total else 0.0


def naive_baseline() -> dict[str, float]:
    """The naive regex baseline's source-overlap P, R and F1 on PolNeAR dev, as the benchmark README says."""
    said = re.search(
        r"P (\d\.\d+), R (\d\.\d+), F1 (\d\.\d+)", (BENCH / "README.md").read_text(encoding="utf-8")
    )
    if said is None:
        raise ValueError(f"{BENCH / 'README.md'}: no 'P .., R .., F1 ..' line for the naive regex baseline")
    return dict(zip(("P", "R", "F1"), map(float, said.groups()), strict=True))


def anonymity_reasons() -> tuple[int, int, int]:
    """SCU anonymous statements: (reason agrees with the GT flag, found as anonymous, reasons we give).

    The GT's ``anonymity_reason_stated_heuristic`` says whether the article states why the source is
    anonymous (it states none of the 17); we agree when our anonymous rows on the statement carry a
    reason exactly when the flag is set.
    """
    agree = found = given = 0
    with open(BENCH / "scu_sourcing_gt.jsonl", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            gold = [
                g
                for g in art["sources"]
                if g["type"] == "anonymous" and g["statement_char_start"] is not None
            ]
            if not gold:
                continue
            df = helpers.attributions(art["text"])
            spans = helpers.sentence_spans(art["text"])
            anon = df[df.source_type == "anonymous"]
            for g in gold:
                lo, hi = g["statement_char_start"], g["statement_char_end"]
                hits = [
                    r
                    for r in anon.itertuples(index=False)
                    if min(r.start, spans[r.sentence][0]) < hi and lo < max(r.end, spans[r.sentence][1])
                ]
                if hits:
                    found += 1
                    ours = any(r.anonymity_reason for r in hits)
                    given += ours
                    agree += ours == bool(g.get("anonymity_reason_stated_heuristic"))
    return agree, found, given


def main() -> int:
    """Print the scores (or a skip message when ../shared is missing)."""
    if not available():
        print(f"../shared not found ({BENCH}): attribution benchmark skipped.")
        return 0
    res = evaluate()
    print(json.dumps(res, indent=1))
    pol, scu = res["polnear_dev"], res["scu"]
    ov = pol["source_overlap"]
    print(
        f"PolNeAR dev source overlap P/R/F1 = {ov['P']:.3f}/{ov['R']:.3f}/{ov['F1']:.3f}; "
        f"exact F1 = {pol['source_exact']['F1']:.3f}; "
        f"cue overlap F1 = {pol['cue_overlap']['F1']:.3f}"
    )
    pol_path = BENCH / "polnear_dev.jsonl"
    own = predict(pol_path, OUT / "attribution_polnear_dev_pred_rows.jsonl", True, continuations=False)
    ow = score(pol_path, own)["source_overlap"]
    print(
        f"  (scored without the ', adding' convention, our rows as they are: "
        f"P/R/F1 = {ow['P']:.3f}/{ow['R']:.3f}/{ow['F1']:.3f})"
    )
    print(f"SCU statement recall = {scu['statement_recall']:.3f}; type accuracy = {type_accuracy(scu):.3f}")
    agree, found, given = anonymity_reasons()
    print(
        f"SCU anonymous statements found as anonymous: {found}; stated reason agrees with the GT flag: "
        f"{agree}/{found} (reasons we give: {given}; the GT states none)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
