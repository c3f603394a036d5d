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
from dataclasses import replace

from outlet_comparison.instruments.attribution.crf import (
    Model,
    TokenSpan,
    article_values,
    candidate,
    emissions,
    rule_tags,
    spans,
    viterbi_many,
)
from outlet_comparison.instruments.attribution.cues import Hit, find_source, nominal
from outlet_comparison.instruments.attribution.nested import named_third_party
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import BE, SKIP, Token
from outlet_comparison.text.names import DETERMINERS

KEEP_RULES = True
CLAUSE_PATTERNS = ("subject, -ing", "subject, coordinated")  # rule sources a CRF cue may take
# a relative clause after the rules' source stays out of the span ("a US official, who was not authorized")
_RELATIVE = re.compile(r"\s*,?\s*(?:who|which|that|whose)\b", re.IGNORECASE)
# a CRF span ending in an abbreviated title ("Mr. | Braley’s apology noted"): the rules' span runs on
_TITLE_END = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Capt)\.$")
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
            lab, hs = labels[k : k + ln], by_sent.get(n)
            if hs or any(lab):  # no rule hit and every label O: _merge would find nothing (most sentences)
                by_sent[n] = _merge(text, n, toks[n], lab, hs or [], rules)
            k += ln
    out: list[Hit] = []
    for n in sorted(by_sent):
        out.extend(part for h in by_sent[n] if h.source_start >= 0 for part in split_list(text, h))
    return out


# a dash-enclosed apposition right before the cue: "Four other candidates — A; B; and C — also called"
_DASHED = re.compile(r"[—–]\s*([^—–]{3,300}?)\s*[—–]\s*(?:\w+ly\s+|also\s+|then\s+|later\s+)*$")
_LIST_SPLIT = re.compile(r"\s*;\s*(?:and\s+)?")
# "Senator Elizabeth Warren and the campaign arm of ...": a full name run, then 'and' and another speaker
_NAME_AND = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){1,4}[A-Z][\w’'\-]*)\s+and\s+(?=[A-Z]|the\s)")


def split_list(text: str, h: Hit) -> list[Hit]:
    """A source that is a list of speakers ("former Representative John Delaney; and Julián Castro") is
    one hit per listed speaker, never one glued name: items separated by semicolons (the whole list when
    it is a dash-enclosed apposition before the cue), or a full name joined by 'and' to another speaker."""
    a, b = h.source_start, h.source_end
    dashed = _DASHED.search(text, max(0, a - 300), h.cue_start)
    inside = dashed is not None and dashed.start(1) <= a and b <= dashed.end(1) + 1
    before = dashed is not None and b <= dashed.start() and not text[b : dashed.start()].strip()
    if dashed and (inside or before) and ";" in dashed.group(1):  # before: "Four other candidates — A; B —"
        a, b = dashed.span(1)
    parts: list[tuple[int, int]] = []
    if ";" in text[a:b]:
        pos = a
        for m in _LIST_SPLIT.finditer(text, a, b):
            parts.append((pos, m.start()))
            pos = m.end()
        parts.append((pos, b))
    else:
        m = _NAME_AND.match(text, a, b)
        if m is None:
            return [h]
        parts = [(a, m.end(1)), (m.end(), b)]
    parts = [(s, e) for s, e in parts if e > s and re.search(r"[A-Z]", text[s:e])]
    if len(parts) < 2:
        return [h]
    return [replace(h, source_start=s, source_end=e) for s, e in parts]


def _merge(text: str, n: int, toks: list[Token], labels: list[int], hs: list[Hit], rules: Rules) -> list[Hit]:
    """One sentence: rule hits with CRF spans, plus CRF sources the rules missed."""
    src = [t for sp in spans(labels, toks, "S") if (t := _trim(toks, sp)) is not None]
    cue = [c for sp in spans(labels, toks, "C") if (c := _trim_cue(toks, sp)) is not None]
    used: set[int] = set()
    out = []
    for k, sp in enumerate(src):  # "Ash Carter and James Clapper said": the rules' one row per speaker stays
        if (
            sum(
                1
                for h in hs
                if h.source_start >= toks[0].start and sp.start < h.source_end and h.source_start < sp.end
            )
            > 1
        ):
            used.add(k)
    for h in hs:
        if h.source_start < 0:
            continue
        if h.source_start < toks[0].start:  # the source sits in the previous sentence: outside the CRF's view
            out.append(h)
            continue
        best = max(
            (
                k
                for k, sp in enumerate(src)
                if sp.start < h.source_end and h.source_start < sp.end and k not in used
            ),
            key=lambda k: min(h.source_end, src[k].end) - max(h.source_start, src[k].start),
            default=None,
        )
        if best is not None:
            used.add(best)
            tail, cut = text[h.source_end : src[best].end], text[src[best].end : h.source_end]
            titled = _TITLE_END.search(text, max(0, src[best].end - 6), src[best].end)
            keep_end = _RELATIVE.match(tail) or _NAME_TAIL.fullmatch(cut) or titled
            start = h.source_start if _after_clause(text, src[best].start, h) else src[best].start
            h.source_start, h.source_end = start, h.source_end if keep_end else src[best].end
            out.append(h)
        elif (
            KEEP_RULES
            and h.stance != "belief"
            and (h.how == "speaker tag" or not _quoted(text, toks, h) or named_third_party(text, h, rules))
        ) or any(c.start < h.cue_end and h.cue_start < c.end for c in cue):
            out.append(h)  # the CRF agrees it is a cue but places no source: keep the rules' source
            # (a transcript's speaker tag after its paragraph's opening quote, '"WALLACE: ...', is no
            # statement nested in a quotation)
    for k, sp in enumerate(src):
        if k in used:
            continue
        new = _new_hit(text, n, toks, sp, cue, hs, rules)
        if new is not None:
            out.append(new)
    out.extend(_cue_sources(text, n, toks, cue, out, rules))
    return sorted(out, key=lambda h: (h.cue_start, h.source_start))


def _after_clause(text: str, crf_start: int, h: Hit) -> bool:
    """Does the CRF span add a clause before the rules' lower-case source and its comma, the source running
    straight into its cue ("The committee had access to the documents, a source told")? The rules' start
    stays; an appositive ("Jane Doe, a spokeswoman, said"; "Jane Doe, the agency's director said": no
    clause before the comma) takes the CRF's."""
    before = text[crf_start : h.source_start].rstrip()
    return (
        crf_start < h.source_start
        and before.endswith(",")
        and text[h.source_start : h.source_start + 1].islower()
        and not text[h.source_end : h.cue_start].strip()
        and any(w not in _FUNCTION_WORDS for w in _LOWER_WORD.findall(before))  # a clause, not "Jane Doe,"
    )


_LOWER_WORD = re.compile(r"(?<![\w.’'-])[a-z]{3,}\b")
_FUNCTION_WORDS = frozenset("the and for of on in at to from with by".split())


def _cue_sources(
    text: str, n: int, toks: list[Token], cue: list[TokenSpan], out: list[Hit], rules: Rules
) -> list[Hit]:
    """A CRF cue no attribution holds takes the clause subject the rules give it ('X ..., arguing ...').

    Only the clause patterns: an NP right before an unlisted CRF cue was right in under half the
    PolNeAR dev cases (22 of 65), the clause subject in 29 of 37.
    """
    new = []
    for a, b, c0, c1 in cue:
        if any(h.cue_start < c1 and c0 < h.cue_end for h in out) or any(
            h.source_start < c1 and c0 < h.source_end for h in out
        ):
            continue
        found = find_source(toks, a, b, rules)
        if found is None or found[1] > c0 or found[2] not in CLAUSE_PATTERNS:
            continue
        if found[2] == "subject, -ing" and any(h.cue_end <= c0 for h in out):
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
        if t.start >= h.cue_start:
            return inside
        if t.text == "“" or t.text == "”":
            inside = t.text == "“"
        elif t.text == '"':
            before = text[t.start - 1 : t.start] if t.start else " "
            after = text[t.end : t.end + 1]
            inside = (before.isspace() or t is toks[0]) and not after.isspace() and after != ""
    return inside


def _new_hit(
    text: str, n: int, toks: list[Token], sp: TokenSpan, cue: list[TokenSpan], hs: list[Hit], rules: Rules
) -> Hit | None:
    """An attribution for a CRF source span before its nearest cue (CRF first, then an unsourced rule cue)."""
    owned = [
        (h.cue_start, h.cue_end) for h in hs if h.source_start >= 0
    ]  # a cue has one source (its coordinated parts aside)
    cands = [(c.start, c.end) for c in cue] or [(h.cue_start, h.cue_end) for h in hs if h.source_start < 0]
    cands = [c for c in cands if not any(c[0] < b and a < c[1] for a, b in owned)]
    cands = [c for c in cands if not _continues(text, c, owned)]
    if not cands:
        return None
    c0, c1 = min(cands, key=lambda c: min(abs(c[0] - sp.end), abs(sp.start - c[1])))
    if c0 < sp.end and sp.start < c1 or c1 <= sp.start:
        return None  # overlapping the cue, or after it: a passive's agent, an object ("urging his voters")
    lemma, stance = _cue_sense(text, c0, c1, toks, rules)
    a, b = _subject_span(text, toks, sp, c0)
    if text[c0:c1].lower().startswith("to ") and sp.first and toks[sp.first - 1].low in _OBJECT_OF:
        return None  # "sent a letter to Texas Gov. Greg Abbott to tell him": an object, no subject
    return Hit(n, a, b, c0, c1, text[c0:c1], stance, "CRF NP cue", lemma)


# prepositions whose object a CRF source may start with ("condemnations from | some Democrats in Congress,
# the White House circulated"): the subject is the part after the span's last comma
_OBJECT_OF = frozenset("from of by in at with for to against about among between over under after".split())
# a capitalised name, then an aside between dashes, then the cue: "Bloomberg ― who rivals Trump ― compared"
_DASH_ASIDE = re.compile(
    r"([A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*){0,3})[ \t]*[―—–][^―—–]{1,200}?[―—–][ \t]*(?:[a-z]+ly[ \t]+)?$"
)


def _subject_span(text: str, toks: list[Token], sp: TokenSpan, c0: int) -> tuple[int, int]:
    """The CRF source span of a new hit, or the subject it sits beside: the name before a dash-enclosed
    aside that holds the span, or the part after the last comma of a span opening on a preposition's
    object."""
    aside = _DASH_ASIDE.search(text, max(toks[0].start, c0 - 300), c0)
    if aside is not None and aside.end(1) < sp.start:
        return aside.span(1)
    if sp.first and toks[sp.first - 1].low in _OBJECT_OF:
        comma = text.rfind(",", sp.start, sp.end)
        rest = text[comma + 1 : sp.end] if comma >= 0 else ""
        if rest.strip():
            return sp.end - len(rest.lstrip()), sp.end
    return sp.start, sp.end


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


def _trim(toks: list[Token], sp: TokenSpan) -> TokenSpan | None:
    """A CRF span without leading or trailing punctuation, relative pronouns and 'both'."""
    a, b = sp.first, sp.stop
    while a < b and (toks[a].low in _TRIM or toks[a].text in _TRIM):
        a += 1
    while b > a and (toks[b - 1].low in _TRIM or toks[b - 1].text in _TRIM):
        b -= 1
    return TokenSpan(a, b, toks[a].start, toks[b - 1].end) if b > a else None


def _trim_cue(toks: list[Token], sp: TokenSpan) -> TokenSpan | None:
    """A CRF cue without leading auxiliaries and adverbs ("were already placing", "was revealed"): an
    auxiliary is no cue, and a passive's "was" stays before the cue for the agentless-passive filter."""
    a = sp.first
    while (
        a < sp.stop - 1 and (toks[a].low in SKIP or toks[a].low in BE) and toks[a].low not in ("both", "all")
    ):
        a += 1
    return TokenSpan(a, sp.stop, toks[a].start, sp.end) if a < sp.stop else None


def _cue_sense(text: str, c0: int, c1: int, toks: list[Token], rules: Rules) -> tuple[str, str]:
    """(lemma, stance) of a cue span from the cue list, else the speech-act list; 'unlisted' when neither
    has any of its words.

    An unlisted cue (PolNeAR's "is against", "ended without agreement") counts only with ``beliefs=True``.
    """
    inside = [j for j, t in enumerate(toks) if t.start >= c0 and t.end <= c1]
    lows = [toks[j].low for j in inside]
    for lists in (rules.cues, rules.acts):  # a listed cue word first, then a speech act ("challenged")
        for k, low in enumerate(lows):
            if _noun(toks, inside[k], lows[k - 1] if k else ""):
                continue  # a noun ('scheduled a call with reporters', 'made similar demands'), as the rules
            for form, lemma, stance, _inv in lists.get(low, ()):
                if tuple(lows[k : k + len(form)]) == form:
                    return lemma, stance
    return " ".join(lows) or text[c0:c1], "unlisted"


# before a past tense these float off the subject ("have since both criticized")
_BOTH = frozenset(("both", "all", "each"))


def _noun(toks: list[Token], j: int, before: str) -> bool:
    """Is the cue word at token j a noun (after a determiner: 'made similar demands')? Not a past tense
    after a floating quantifier ("Republicans have since both criticized his position and pressured")."""
    if toks[j].low.endswith("ed") and j and toks[j - 1].low in _BOTH:
        return False
    return before in DETERMINERS or nominal(toks, j)
