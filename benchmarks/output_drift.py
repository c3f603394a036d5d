"""Did a change move any result? Every public text helper on the seeds and 300 AllSides articles.

Run it once before a change (``--save``) and once after (``--compare``): it prints, per helper,
how many texts give a different result and the first differences. The AllSides sample is a
seeded draw (seed 2016) from ``../shared/corpora/allsides_baly2020/articles.jsonl``; its texts are
fed to every helper, and to ``segment``/``clean_body`` as raw files.

    .venv/bin/python benchmarks/output_drift.py --save /tmp/before.pkl
    .venv/bin/python benchmarks/output_drift.py --compare /tmp/before.pkl
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import helpers  # noqa: E402

ALLSIDES = helpers.SHARED / "corpora" / "allsides_baly2020" / "articles.jsonl"


def texts(n: int = 300, seed: int = 2016) -> dict[str, tuple[str, str]]:
    """{label: (raw, clean text)}: the study's two seeds, then a seeded AllSides sample."""
    out = {}
    for row in helpers.load_articles().head(2).itertuples():
        out[row.article_id] = (row.raw, row.text)
    if not ALLSIDES.is_file():
        print(f"../shared not found ({ALLSIDES}): seeds only")
        return out
    lines = ALLSIDES.read_text(encoding="utf-8").splitlines()
    for i in sorted(random.Random(seed).sample(range(len(lines)), n)):
        rec = json.loads(lines[i])
        out[f"allsides:{rec['id']}"] = (rec["text"], rec["text"])
    return out


def outputs(raw: str, text: str, headline: str = "") -> dict[str, object]:
    """The result of every public helper that takes a text (clean body, or the raw file)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            seg = {
                "segment": helpers.segment(raw)[["line", "text", "role"]],
                "clean_body": helpers.clean_body(raw),
                "role_summary": helpers.role_summary(raw),
            }
        except helpers.ArticleError as exc:  # e.g. HTML refused: the message is the result
            seg = dict.fromkeys(("segment", "clean_body", "role_summary"), f"ArticleError: {exc}")
        out = {
            "words": helpers.words(text),
            "sentence_spans": helpers.sentence_spans(text),
            "paragraph_spans": helpers.paragraph_spans(text),
            "text_stats": helpers.text_stats(text),
            **seg,
            "frame_hits": helpers.frame_hits(text, include_negated=True),
            "frame_hits_generic": helpers.frame_hits(text, lexicon="lexicons/frames_generic.csv"),
            "frame_by_sentence": helpers.frame_by_sentence(text),
            "frame_section_rates": helpers.frame_section_rates(headline, text),
            "sentiment": helpers.sentiment(text),
            "sentiment_masked": helpers.sentiment(text, masked=True),
            "mask_entities": helpers.mask_entities(text),
            "readability": helpers.readability(text),
            "readability_textstat": helpers.readability(text, splitter="textstat"),
            "readability_sentences": helpers.readability_sentences(text),
            "readability_paragraphs": helpers.readability_paragraphs(text),
            "readability_words": helpers.readability_words(text),
            "attributions": helpers.attributions(text),
            "actors": helpers.actors(text),
            "features": helpers.article_features(text),
        }
    return out


def same(a: object, b: object) -> bool:
    """Exact equality for frames, series and plain values (NaN equal to NaN)."""
    if isinstance(a, pd.DataFrame | pd.Series) != isinstance(b, pd.DataFrame | pd.Series):
        return False
    if isinstance(a, pd.DataFrame | pd.Series):
        frame = isinstance(a, pd.DataFrame)
        check = pd.testing.assert_frame_equal if frame else pd.testing.assert_series_equal
        try:
            check(a, b, check_exact=True)
        except AssertionError:
            return False
        return True
    return a == b


def main() -> int:
    """Save or compare the outputs."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("-n", type=int, default=300)
    args = ap.parse_args()
    corpus = texts(args.n)
    result = {label: outputs(raw, text) for label, (raw, text) in corpus.items()}
    if args.save:
        args.save.write_bytes(pickle.dumps(result))
        print(f"saved the outputs of {len(result)} texts to {args.save}")
    if args.compare:
        before = pickle.loads(args.compare.read_bytes())
        diffs: dict[str, list[str]] = {}
        for label, outs in result.items():
            for name, value in outs.items():
                if name in before.get(label, {}) and not same(before[label][name], value):
                    diffs.setdefault(name, []).append(label)
        print(f"{len(result)} texts compared; helpers with differences: {len(diffs)}")
        for name, labels in sorted(diffs.items()):
            print(f"  {name:<24} {len(labels):>4} text(s): {', '.join(labels[:6])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
