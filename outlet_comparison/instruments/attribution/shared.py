"""Cues that share a source with another cue of their sentence (issue 21, item 4).

"X said ..., calling it ...", "X denied ..., telling the paper ...", "..., noting that ...": a listed
reporting participle after a comma, later in the sentence than a row's cue and its source, that is no
row's cue itself, is an attribution of its own with that row's source. Setting participles ("speaking
to reporters", "talking on Fox") frame the statement and ", adding that ..." continues it: neither is
a second cue. The same step scored
PolNeAR's ", adding" convention before (26 added on dev, 23 right).
"""

from __future__ import annotations

import re
from dataclasses import replace

from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.rules import Rules

_PARTICIPLE = re.compile(r",\s+([a-z]+ing)\b")
# setting participles frame the statement; ", adding that" continues it (the seed gold's convention)
_SETTING = frozenset(("speaking", "talking", "appearing", "testifying", "adding"))


def shared_cue_hits(text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]]) -> list[Hit]:
    """The extra hits of participial cues sharing an earlier hit's source (at most one per hit)."""
    cues = {(h.c0, h.c1) for h in hits}
    out: list[Hit] = []
    for h in hits:
        if h.src is None or h.s0 < 0:
            continue
        end = spans[h.sentence][1]
        for m in _PARTICIPLE.finditer(text, h.c1, end):
            word = m.group(1)
            forms = [f for f in rules.cues.get(word, ()) if f[0] == (word,) and f[2] in ("neutral", "loaded")]
            if not forms or word in _SETTING:
                continue
            if any(a < m.end(1) and m.start(1) < b for a, b in cues) or m.start() <= h.s1:
                break
            lemma, stance = forms[0][1], forms[0][2]
            c0, c1 = m.span(1)
            out.append(replace(h, c0=c0, c1=c1, cue=word, stance=stance, how="shared", lemma=lemma))
            cues.add((m.start(1), m.end(1)))
            break
    return out
