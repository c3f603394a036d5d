"""Mine PolNeAR **train** for cue heads our word lists lack (issue 21, round nine).

For every verb lemma (its -s, -ed and -ing forms; the bare form is left out, it is mostly a noun or an
infinitive) count how often a form of it occurs in the train texts and how often that occurrence lies
inside a gold cue span; the same for light verb + noun pairs ("issued a statement", "sent a letter",
"took to Twitter"). Lemmas whose cue rate reaches ``--rate`` with at least ``--min`` occurrences and
that neither ``lexicons/attribution_cues.csv`` nor ``lexicons/attribution_acts.csv`` holds are printed
as candidates. Reads ../shared at run time only (train is the split for fitting; dev and test are never
read here):

    .venv/bin/python scripts/mine_attribution_cues.py [--rate 0.5] [--min 5] [--all]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import helpers  # noqa: E402

TRAIN = helpers.SHARED / "benchmarks" / "attribution" / "polnear_train.jsonl"
WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?")
LIGHT = ("issue", "send", "release", "make", "take", "launch", "raise", "offer", "voice", "express", "give")
LIGHT_FORMS = {
    "issued": "issue", "issues": "issue", "issuing": "issue", "sent": "send", "sends": "send",
    "sending": "send", "released": "release", "releases": "release", "releasing": "release",
    "made": "make", "makes": "make", "making": "make", "took": "take", "takes": "take", "taking": "take",
    "taken": "take", "launched": "launch", "launches": "launch", "launching": "launch", "raised": "raise",
    "raises": "raise", "raising": "raise", "offered": "offer", "offers": "offer", "offering": "offer",
    "voiced": "voice", "voices": "voice", "voicing": "voice", "expressed": "express",
    "expresses": "express", "expressing": "express", "gave": "give", "gives": "give", "giving": "give",
    "given": "give",
}  # fmt: skip
LIGHT_NP = re.compile(
    r"\b(" + "|".join(LIGHT_FORMS) + r")\s+(?:to\s+)?(?:(?:a|an|the|his|her|its|their|several|two)\s+)?"
    r"([A-Za-z][a-z]+)\b"
)


def lemma(word: str, vocab: frozenset[str]) -> str | None:
    """A crude verb lemma of an inflected form (-s, -ed, -ing; an "e" restored when ``vocab`` holds the
    stem with it and not without), None for other words."""
    w = word.lower()
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
    elif w.endswith("es") and len(w) > 4 and w[-3] in "sxz":
        return w[:-2]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    else:
        return None
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # "slammed" -> "slam"
    return stem if stem in vocab or stem + "e" not in vocab else stem + "e"  # "quoted" -> "quote"


def listed_words() -> tuple[set[str], set[str]]:
    """The whole forms the cue, act and 'according' lists hold, and each word of their multi-word forms."""
    out: set[str] = set()
    parts: set[str] = set()
    for name in ("attribution_cues.csv", "attribution_acts.csv", "attribution_according.csv"):
        with open(ROOT / "lexicons" / name, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for form in (row.get("forms") or row["phrase"]).split("|"):
                    out.add(form.strip().lower())
                    parts.update(form.lower().split()[1:] and form.lower().split())
    return out, parts


def cue_spans(rec: dict) -> list[tuple[int, int]]:
    """The gold cue spans of one train article, sorted."""
    spans = []
    for a in rec["sources"] + rec["attributions_without_source"]:
        spans.extend((c["char_start"], c["char_end"]) for c in a.get("cue") or ())
    return sorted(spans)


def inside(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does [a, b) overlap one of the sorted spans?"""
    i = bisect.bisect_right(starts, a)
    return any(s < b and a < e for s, e in spans[max(0, i - 2) : i + 1])


def mine() -> tuple[Counter, Counter, Counter, Counter, dict[str, Counter]]:
    """Occurrences and in-cue counts of verb lemmas and of light-verb pairs (the light verb inside a gold
    cue), and each lemma's forms."""
    occ, cue, locc, lcue = Counter(), Counter(), Counter(), Counter()
    forms: dict[str, Counter] = {}
    with open(TRAIN, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    vocab = frozenset(m.group().lower() for rec in recs for m in WORD.finditer(rec["text"]))
    for rec in recs:
        text = rec["text"]
        spans = cue_spans(rec)
        starts = [s for s, _ in spans]
        for m in WORD.finditer(text):
            lem = lemma(m.group(), vocab)
            if lem is None:
                continue
            occ[lem] += 1
            forms.setdefault(lem, Counter())[m.group().lower()] += 1
            cue[lem] += inside(spans, starts, m.start(), m.end())
        for m in LIGHT_NP.finditer(text):
            key = f"{LIGHT_FORMS[m.group(1)]}+{m.group(2).lower()}"
            locc[key] += 1
            lcue[key] += inside(spans, starts, m.start(1), m.end(1))
    return occ, cue, locc, lcue, forms


def main(argv: list[str] | None = None) -> None:
    """Print the candidate table (or every lemma over the thresholds with ``--all``)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=0.5, help="least share of occurrences inside a gold cue")
    ap.add_argument("--min", type=int, default=5, help="least occurrences")
    ap.add_argument("--all", action="store_true", help="also print lemmas our lists hold")
    args = ap.parse_args(argv)
    if not TRAIN.is_file():
        sys.exit(f"{TRAIN} is missing (../shared is read at run time)")
    occ, cue, locc, lcue, forms = mine()
    listed, parts = listed_words()
    print(f"verb lemmas with cue rate >= {args.rate} and >= {args.min} occurrences (PolNeAR train):")
    print(f"{'lemma':<16}{'in cue':>7}{'occ':>6}{'rate':>6}  listed  forms")
    for lem in sorted(occ, key=lambda k: (-cue[k] / occ[k], -occ[k])):
        n, c = occ[lem], cue[lem]
        if n < args.min or c / n < args.rate:
            continue
        has = "yes" if any(f in listed for f in forms[lem]) else ""
        has = has or ("part" if any(f in parts for f in forms[lem]) else "NO")
        if has != "NO" and not args.all:
            continue
        top = ",".join(f for f, _ in forms[lem].most_common(3))
        print(f"{lem:<16}{c:>7}{n:>6}{c / n:>6.2f}  {has:<6}  {top}")
    print(f"\nlight verb + noun pairs with cue rate >= {args.rate} and >= {args.min} occurrences")
    print(
        "(the light verb inside a gold cue; yes: a cue or act form holds both words, verb: the verb is a cue)"
    )
    for key in sorted(locc, key=lambda k: (-lcue[k] / locc[k], -locc[k])):
        n, c = locc[key], lcue[key]
        if n >= args.min and c / n >= args.rate:
            verb, noun = key.split("+")
            verb_forms = [f for f in LIGHT_FORMS if LIGHT_FORMS[f] == verb]
            has = "yes" if noun in parts and any(f in parts for f in verb_forms) else "NO"
            has = "verb" if has == "NO" and any(f in listed for f in verb_forms) else has
            print(f"{key:<24}{c:>7}{n:>6}{c / n:>6.2f}  {has}")


if __name__ == "__main__":
    main()
