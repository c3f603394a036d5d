"""'per' as 'according to' (", per the Washington Post", "(... per the Post.)"), read after the CRF: the word
is no cue of the word lists, so the model's features stay as fitted.

Only after a comma or an opening bracket and before a determiner or a capitalised word, so "$3 per
gallon", "per capita", "as per" and "per se" are none; a law or a rule after it is "in accordance with" ("up
to 10 years in prison, per the Veteran's Memorial Preservation Act"), no source. The source is the noun
phrase after it, read as the rules read "according to X" (its type and speaker follow that row's).
"""

from __future__ import annotations

from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.tokens import Token, np_right

_BEFORE = frozenset((",", "(", "—", "–"))
_DETERMINERS = frozenset(("the", "a", "an"))
# heads of a law, a rule or a plan: "per the ... Act", "per the McKinley plan" (PolNeAR dev) is "in accordance
# with", not "according to"
_RULES = frozenset(
    "act acts law laws statute statutes rule rules regulation regulations policy policies guidelines code "
    "constitution treaty agreement contract order orders terms protocol procedures plan plans formula".split()
)


def per_hits(text: str, spans: list[tuple[int, int]], toks: list[list[Token]], hits: list[Hit]) -> list[Hit]:
    """``hits`` plus a row for each ", per <source>" no hit's cue or source holds."""
    if " per " not in text:
        return hits
    taken = [(h.cue_start, h.cue_end) for h in hits] + [(h.source_start, h.source_end) for h in hits]
    out = list(hits)
    for n, (s, e) in enumerate(spans):
        if " per " not in text[s:e]:
            continue
        ts = toks[n]
        for k in range(1, len(ts) - 1):
            t, nxt = ts[k], ts[k + 1]
            if t.text != "per" or ts[k - 1].text not in _BEFORE or not (nxt.cap or nxt.low in _DETERMINERS):
                continue
            end = np_right(ts, k + 1, len(ts))
            if end <= k + 1 or (end == k + 2 and nxt.low in _DETERMINERS):
                continue
            if ts[end - 1].low in _RULES:
                continue
            s0, s1 = ts[k + 1].start, ts[end - 1].end
            if any(a < s1 and t.start < b for a, b in taken):
                continue
            out.append(Hit(n, s0, s1, t.start, t.end, "per", "neutral", "according to", "according to"))
    return sorted(out, key=lambda h: (h.sentence, h.cue_start)) if len(out) > len(hits) else hits
