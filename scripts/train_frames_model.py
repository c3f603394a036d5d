"""Fit the general-frame model on the Narrative Frames Corpus dev file; write models/frames_model.json.

Reads ``../shared/benchmarks/framing/narrative_frames_dev.jsonl`` only (the corpus's unseen part is
never read). Features are ``outlet_comparison.instruments.frames_model.frame_features`` (frame lexicon and cue
counts, quotes, numbers: no topic vocabulary); per frame, C and the decision threshold are chosen by
a fixed 5-fold split (seed 2023), then the model is refit on the whole file. lbfgs has no random
state and the weights are rounded, so a refit writes the same bytes (tests/test_frames_model.py).
The model holds feature names and numbers only, no article text.

    .venv/bin/python scripts/train_frames_model.py             # writes the shipped model
    .venv/bin/python scripts/train_frames_model.py --out /tmp/m.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import helpers  # noqa: E402
from outlet_comparison.instruments import frames_model as fm  # noqa: E402

DEV = helpers.SHARED / "benchmarks" / "framing" / "narrative_frames_dev.jsonl"


def read_dev(path: Path = DEV) -> list[dict]:
    """The dev articles (id, text, frames), in file order."""
    if not path.is_file():
        raise SystemExit(f"{path} not found (the shared benchmark folder is needed to refit)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labels_of(rows: list[dict]) -> dict[str, list[bool]]:
    """Our frame name -> the coders' yes/no per article."""
    return {ours: [bool(r["frames"][theirs]) for r in rows] for theirs, ours in fm.NFC_FRAMES.items()}


def model_data(rows: list[dict], values: list[dict] | None = None) -> bytes:
    """The model file's bytes, fitted on the dev ``rows`` (from their ``frame_features`` ``values`` when
    given, else computed here)."""
    values = [fm.frame_features(r["text"]) for r in rows] if values is None else values
    return fm.model_bytes(fm.fit_frames_model(values, labels_of(rows)))


def main(argv: list[str] | None = None) -> None:
    """Refit and write the model; print its sha256."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=fm.MODEL)
    args = ap.parse_args(argv)
    data = model_data(read_dev())
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
