"""Rules plus CRF: the CRF's source spans replace the rules' where they overlap, and add the ones they miss.

A rule attribution whose source the CRF does not mark is kept unless it is a belief or its cue is
inside quotation marks (PolNeAR-style: most such rule hits are statements nested inside another
statement's quotation), or the CRF marks its cue. A CRF source the rules missed gets the nearest cue
of its sentence after it (the CRF's own cue spans first, then the rules' unsourced cues); a CRF source
after its cue is dropped (in dev mostly objects and passive agents, not speakers). A CRF cue that
still has no source takes the rules' clause subject ("X mocked it, saying ...", "X met Y and urged ...")
unless an earlier attribution of the sentence continues in it (", adding that ...").
"""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.crf import (
    Model,
    article_values,
    candidate,
    emissions,
    rule_tags,
    spans,
    viterbi_many,
)
from outlet_comparison.instruments.attribution.cues import Hit, find_source
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import Token
from outlet_comparison.text.names import DETERMINERS

KEEP_RULES = True
CLAUSE_PATTERNS = ("subject, -ing", "subject, coordinated")  # rule sources a CRF cue may take
# a relative clause after the rules' source stays out of the span ("a US official, who was not authorized")
_RELATIVE = re.compile(r"\s*,?\s*(?:who|which|that|whose)\b", re.IGNORECASE)
# the rest of a name the CRF cut off before the cue ("Union president Maria | Okafor accused")
_NAME_TAIL = re.compile(r"(?:\s+[A-Z][\w’'.-]*)+")


def refine(text: str, toks: list[list[Token]], hits: list[Hit], rules: Rules, m: Model) -> list[Hit]:
    """The rules' hits corrected and completed by the CRF; unsourced rule cues are dropped."""
    by_sent: dict[int, list[Hit]] = {}
    for h in hits:
        by_sent.setdefault(h.sentence, []).append(h)
    todo = [n for n, ts in enumerate(toks) if ts and (n in by_sent or candidate(ts, rules, m.cue_words))]
    if todo:
        sents = [(toks[n], rule_tags(toks[n], by_sent.get(n, []))) for n in todo]
        lengths = [len(toks[n]) for n in todo]
        labels = viterbi_many(m, emissions(m, article_values(sents, m, rules)), lengths)
        k = 0
        for n, ln in zip(todo, lengths, strict=True):
            by_sent[n] = _merge(text, n, toks[n], labels[k : k + ln], by_sent.get(n, []), rules)
            k += ln
    out: list[Hit] = []
    for n in sorted(by_sent):
        out.extend(h for h in by_sent[n] if h.s0 >= 0)
    return out


def _merge(text: str, n: int, toks: list[Token], labels: list[int], hs: list[Hit], rules: Rules) -> list[Hit]:
    """One sentence: rule hits with CRF spans, plus CRF sources the rules missed."""
    src = [t for sp in spans(labels, toks, "S") if (t := _trim(toks, sp)) is not None]
    cue = spans(labels, toks, "C")
    used: set[int] = set()
    out = []
    for k, sp in enumerate(src):  # "Ash Carter and James Clapper said": the rules' one row per speaker stays
        if sum(1 for h in hs if h.s0 >= toks[0].start and sp[2] < h.s1 and h.s0 < sp[3]) > 1:
            used.add(k)
    for h in hs:
        if h.s0 < 0:
            continue
        if h.s0 < toks[0].start:  # the source sits in the previous sentence: outside the CRF's view
            out.append(h)
            continue
        best = max(
            (k for k, sp in enumerate(src) if sp[2] < h.s1 and h.s0 < sp[3] and k not in used),
            key=lambda k: min(h.s1, src[k][3]) - max(h.s0, src[k][2]),
            default=None,
        )
        if best is not None:
            used.add(best)
            tail, cut = text[h.s1 : src[best][3]], text[src[best][3] : h.s1]
            keep_end = _RELATIVE.match(tail) or _NAME_TAIL.fullmatch(cut)
            h.s0, h.s1 = src[best][2], h.s1 if keep_end else src[best][3]
            out.append(h)
        elif (KEEP_RULES and h.stance != "belief" and not _quoted(text, toks, h)) or any(
            c[2] < h.c1 and h.c0 < c[3] for c in cue
        ):
            out.append(h)  # the CRF agrees it is a cue but places no source: keep the rules' source
    for k, sp in enumerate(src):
        if k in used:
            continue
        new = _new_hit(text, n, toks, sp, cue, hs, rules)
        if new is not None:
            out.append(new)
    out.extend(_cue_sources(text, n, toks, cue, out, rules))
    return sorted(out, key=lambda h: (h.c0, h.s0))


def _cue_sources(
    text: str, n: int, toks: list[Token], cue: list[tuple], out: list[Hit], rules: Rules
) -> list[Hit]:
    """A CRF cue no attribution holds takes the clause subject the rules give it ('X ..., arguing ...').

    Only the clause patterns: an NP right before an unlisted CRF cue was right in under half the
    PolNeAR dev cases (22 of 65), the clause subject in 29 of 37.
    """
    new = []
    for a, b, c0, c1 in cue:
        if any(h.c0 < c1 and c0 < h.c1 for h in out) or any(h.s0 < c1 and c0 < h.s1 for h in out):
            continue
        found = find_source(toks, a, b, rules)
        if found is None or found[1] > c0 or found[2] not in CLAUSE_PATTERNS:
            continue
        if found[2] == "subject, -ing" and any(h.c1 <= c0 for h in out):
            continue  # ', adding that ...' continues a statement already attributed
        lemma, stance = _cue_sense(text, c0, c1, toks, rules)
        new.append(Hit(n, found[0], found[1], c0, c1, text[c0:c1], stance, "CRF cue, " + found[2], lemma))
    return new


def _quoted(text: str, toks: list[Token], h: Hit) -> bool:
    """Is the hit's cue inside quotation marks (a statement nested in another one's quoted words)?

    A straight quote opens when a space (or the sentence start) is before it and none after it, else
    it closes: a sentence may begin inside a quotation that opened in the sentence before.
    """
    inside = False
    for t in toks:
        if t.start >= h.c0:
            return inside
        if t.text == "“" or t.text == "”":
            inside = t.text == "“"
        elif t.text == '"':
            before = text[t.start - 1 : t.start] if t.start else " "
            after = text[t.end : t.end + 1]
            inside = (before.isspace() or t is toks[0]) and not after.isspace() and after != ""
    return inside


def _new_hit(
    text: str, n: int, toks: list[Token], sp: tuple, cue: list[tuple], hs: list[Hit], rules: Rules
) -> Hit | None:
    """An attribution for a CRF source span before its nearest cue (CRF first, then an unsourced rule cue)."""
    owned = [(h.c0, h.c1) for h in hs if h.s0 >= 0]  # a cue has one source (its coordinated parts aside)
    cands = [(c[2], c[3]) for c in cue] or [(h.c0, h.c1) for h in hs if h.s0 < 0]
    cands = [c for c in cands if not any(c[0] < b and a < c[1] for a, b in owned)]
    cands = [c for c in cands if not _continues(text, c, owned)]
    if not cands:
        return None
    c0, c1 = min(cands, key=lambda c: min(abs(c[0] - sp[3]), abs(sp[2] - c[1])))
    if c0 < sp[3] and sp[2] < c1 or c1 <= sp[2]:
        return None  # overlapping the cue, or after it: a passive's agent, an object ("urging his voters")
    lemma, stance = _cue_sense(text, c0, c1, toks, rules)
    return Hit(n, sp[2], sp[3], c0, c1, text[c0:c1], stance, "CRF NP cue", lemma)


def _continues(text: str, cue: tuple[int, int], owned: list[tuple[int, int]]) -> bool:
    """', adding that ...' after an attributed cue continues that statement: it takes no new source."""
    word = text[cue[0] : cue[1]].split()
    before = text[max(0, cue[0] - 3) : cue[0]].rstrip()
    return (
        bool(word)
        and word[0].lower().endswith("ing")
        and before.endswith(",")
        and any(b <= cue[0] for _, b in owned)
    )


_TRIM = frozenset(
    [",", ";", ":", "—", "–", "-", "(", '"', "“", "”", "'", "’", "who", "which", "that", "both", "all"]
)


def _trim(toks: list[Token], sp: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """A CRF span without leading or trailing punctuation, relative pronouns and 'both'."""
    a, b = sp[0], sp[1]
    while a < b and (toks[a].low in _TRIM or toks[a].text in _TRIM):
        a += 1
    while b > a and (toks[b - 1].low in _TRIM or toks[b - 1].text in _TRIM):
        b -= 1
    return (a, b, toks[a].start, toks[b - 1].end) if b > a else None


def _cue_sense(text: str, c0: int, c1: int, toks: list[Token], rules: Rules) -> tuple[str, str]:
    """(lemma, stance) of a cue span from the cue list; 'unlisted' when the list has none of its words.

    An unlisted cue (PolNeAR's "is against", "ended without agreement") counts only with ``beliefs=True``.
    """
    lows = [t.low for t in toks if t.start >= c0 and t.end <= c1]
    for k, low in enumerate(lows):
        if k and lows[k - 1] in DETERMINERS:
            continue  # a noun ('scheduled a call with reporters'), as the rules read it
        for form, lemma, stance, _inv in rules.cues.get(low, ()):
            if tuple(lows[k : k + len(form)]) == form:
                return lemma, stance
    return " ".join(lows) or text[c0:c1], "unlisted"
