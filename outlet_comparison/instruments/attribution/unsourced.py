"""Rule cues the rules left without a source, given one after the CRF by source patterns that are no feature
of it (``Rules.late``: the model stays as fitted): the clause subject across "and, <aside>," ("Cheney has
backed the bill and, mirroring her stance, has reportedly said"), a listed head noun with its complement
("after an alleged poll in Wyoming said", "A 2012 study in the journal Pediatrics found") and a reduced
relative with a particle ("Emails and text messages turned over to legislators suggest").
"""

from __future__ import annotations

from dataclasses import replace

from outlet_comparison.instruments.attribution.cues import Hit, find_source
from outlet_comparison.instruments.attribution.rules import Rules, remember
from outlet_comparison.instruments.attribution.tokens import Token

# the patterns a late source may come from (what the rules before the CRF could not place)
LATE_PATTERNS = frozenset(("subject, coordinated", "NP of NP cue", "NP relative, cue"))


def _late_rules(rules: Rules, _key: str) -> Rules:
    """``rules`` with the source patterns read only after the CRF (the memo ``extract.late_hits`` shares)."""
    return replace(rules, late=True, memo={})


def late_sources(
    text: str, toks: list[list[Token]], before: list[Hit], hits: list[Hit], rules: Rules
) -> list[Hit]:
    """``hits`` (after the CRF) plus the unsourced rule hits of ``before`` that no hit's cue overlaps and
    that a late source pattern places."""
    todo = [h for h in before if h.source_start < 0]
    if not todo:
        return hits
    late = remember(rules, "late_rules", "", _late_rules)
    new = []
    for h in todo:
        if any(
            o.sentence == h.sentence and o.cue_start < h.cue_end and h.cue_start < o.cue_end for o in hits
        ):
            continue
        ts = toks[h.sentence]
        i = next((k for k, t in enumerate(ts) if t.start == h.cue_start), None)
        if i and h.cue[:1].isupper():
            continue  # a capitalised word inside the sentence is part of a name ("The Mike Douglas Show in")
        ce = next((k + 1 for k in range(i or 0, len(ts)) if ts[k].end == h.cue_end), None)
        span = find_source(ts, i, ce, late) if i is not None and ce is not None else None
        if span is not None and span[2] in LATE_PATTERNS:
            new.append(replace(h, source_start=span[0], source_end=span[1], how=span[2]))
    return sorted(hits + new, key=lambda h: (h.sentence, h.cue_start)) if new else hits
