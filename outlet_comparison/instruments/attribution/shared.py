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

from outlet_comparison.instruments.attribution.classify import classify
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.names import Names
from outlet_comparison.instruments.attribution.rules import Rules, cue_forms
from outlet_comparison.instruments.attribution.tokens import BOUNDARY, DETERMINERS, inflection

# a comma, a closing quote mark if the statement was quoted ('..., it said," adding that'), a participle
# or 'going on to' and a verb (", going on to say that ..."), after an adverb or none (", even suggesting")
# or after "as well as" (", as well as contending that ...")
_PARTICIPLE = re.compile(
    r",[”\"’']?\s+(?:as\s+well\s+as\s+)?(?:(?:even|also|then|again|later|still|once\s+again|[a-z]+ly)\s+)?"
    r"(going\s+on\s+to\s+[a-z]+|[a-z]+ing)\b"
)
# setting participles frame the statement; ", adding that" continues it (the seed gold's convention)
_SETTING = frozenset(("speaking", "talking", "appearing", "testifying", "adding"))
# what a participle after an inverted source reports: a that-clause, a colon or a quotation
_CONTENT = re.compile(r"\s*(?:that\b|:|,?\s*[“\"])")
# a colon and an opening quote mark after the participle (and an adverb): a new quotation follows
_NEW_QUOTE = re.compile(r"(?:\s+(?:later|then|also|again|[a-z]+ly))?\s*:\s*[“\"]")


def shared_cue_hits(text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]]) -> list[Hit]:
    """The extra hits of participial cues sharing an earlier hit's source (at most one per hit)."""
    cues = {(h.cue_start, h.cue_end) for h in hits}
    out: list[Hit] = []
    for h in hits:
        if h.src is None or h.source_start < 0:
            continue
        end = spans[h.sentence][1]
        for m in _PARTICIPLE.finditer(text, h.cue_end, end):
            word = m.group(1).split()[-1]
            forms = _one_word_forms(rules, word)
            if not forms or (word in _SETTING and not _NEW_QUOTE.match(text, m.end())):
                continue  # but ", adding later: “...”" opens a new quotation, a statement of its own
            if any(a < m.end(1) and m.start(1) < b for a, b in cues) or m.start() < h.source_end:
                break
            if m.start() == h.source_end and not _CONTENT.match(text, m.end()):
                break  # after an inverted source ("said X, noting that"), only with content: not the
                # outlet's gloss on the quotation ("said Kevin Sheekey, underscoring the extent to which")
            if any(h.cue_end <= o.cue_start and o.cue_end <= m.start() and _main(text, h, o) for o in hits):
                break  # a later row's cue is nearer: "When X requested it, officials told ..., saying"
            hit = _with_cue(h, m.span(1), " ".join(m.group(1).split()), forms[0], "shared")
            out.append(_reported_subject(text, h, m.start(), hit, rules))
            cues.add(m.span(1))
            break
    out += opening_participle_hits(text, hits + out, rules, spans)
    return out + coordinated_cue_hits(text, hits + out, rules, spans)


OUTLET_SIDE = "news media"  # the side of news outlets (``speakers.OUTLET_SIDE``)
_REPORT_LEMMAS = frozenset(("report",))
# "reports Liz Cheney on Friday first articulated her position ...,": a reported clause's own subject
_CLAUSE_SUBJECT = re.compile(r"\s+(?:that\s+)?([A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){1,3})\s+[^,;:“”\"]*")


def _reported_subject(text: str, h: Hit, comma: int, hit: Hit, rules: Rules) -> Hit:
    """A participle after what a news outlet reports a person did ("The Times reports Liz Cheney on
    Friday first articulated her position ..., saying it should be ..."): the reported clause's subject
    says it, not the outlet (outlets report, people say); ``hit`` unchanged otherwise."""
    if h.src is None or h.src.side != OUTLET_SIDE or h.lemma not in _REPORT_LEMMAS:
        return hit
    m = _CLAUSE_SUBJECT.fullmatch(text, h.cue_end, comma)
    src = classify(m.group(1), rules) if m else None
    if m is None or src is None or src.source_type != "named_person":
        return hit
    return replace(hit, source_start=m.start(1), source_end=m.end(1), src=src)


# a sentence opening with a listed verb's participle clause: "Lamenting their luck, Mexicans often say"
_OPENING_SETTING = _SETTING | {"writing"}  # "Writing in the Times, X argued": where, not what
_OPENING = re.compile(r"[\"“'‘]*([A-Z][a-z]+ing)\b[^,]{0,200}?,")


_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|that|whom)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _main(text: str, h: Hit, o: Hit) -> bool:
    """Is row ``o``, after row ``h``, a clause of its own: a comma between them ("When X requested it,
    officials told"), and not a relative clause ("the allegations, which the Post reported,")?"""
    return (
        h.cue_end <= o.source_start
        and "," in text[h.cue_end : o.source_start]
        and _RELATIVE_BEFORE.search(text, max(0, o.source_start - 40), o.source_start) is None
    )


def opening_participle_hits(
    text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]]
) -> list[Hit]:
    """A sentence opening with a listed speech verb's participle clause ("Bemoaning the 'phony system,'
    Trump accused ...") is a cue of its own with the source of the sentence's first row after that
    clause (the main clause's subject). Setting participles ("Speaking on Fox", "Writing in the Times")
    are none."""
    cues = {(h.cue_start, h.cue_end) for h in hits}
    out: list[Hit] = []
    done: set[int] = set()
    for h in sorted(hits, key=lambda h: h.source_start):
        if h.src is None or h.source_start < 0 or h.sentence in done:
            continue
        m = _OPENING.match(text, spans[h.sentence][0], spans[h.sentence][1])
        if m is None or not m.end() <= h.source_start < h.cue_start:
            continue
        done.add(h.sentence)
        word = m.group(1).lower()
        forms = _one_word_forms(rules, word)
        if not forms or word in _OPENING_SETTING or any(a < m.end(1) and m.start(1) < b for a, b in cues):
            continue
        out.append(_with_cue(h, m.span(1), m.group(1), forms[0], "shared"))
    return out


def _one_word_forms(rules: Rules, word: str) -> list:
    """The one-word, non-belief forms of ``word`` in the cue or speech-act list (a cue that can share a
    row's source: "said ..., thanking his staff")."""
    return [f for f in cue_forms(rules, word) if f[0] == (word,) and f[2] in ("neutral", "loaded")]


def _with_cue(h: Hit, span: tuple[int, int], cue: str, form: tuple, how: str) -> Hit:
    """A copy of row ``h`` (its source) with another cue: its offsets, text, stance and lemma."""
    return replace(h, cue_start=span[0], cue_end=span[1], cue=cue, stance=form[2], how=how, lemma=form[1])


# "X said ... and warned against ...", "criticized Democrats, but argued that": 'and'/'but', adverbs, a cue
_AND_CUE = re.compile(r"\s+(?:and|but)\s+(?:(?:\w+ly|also|then|later|again|still)\s+)*([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_QUOTED_WORDS = re.compile(r"“[^”]*”|\"[^\"]*\"")  # quoted words are no verb of the reported clause


def _kind(word: str) -> str:
    """A verb form's inflection, with 'participle' for -ing forms ("calling ... and claiming")."""
    return inflection(word) or ("participle" if word.endswith("ing") and len(word) > 5 else "")


def coordinated_cue_hits(text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]]) -> list[Hit]:
    """A listed cue joined by 'and' or 'but' to a row's cue ("X said he would order a review and warned
    against", "criticized Democrats, but argued", "calling the article “misleading” and claiming"),
    with the same inflection and no verb of that inflection between them (which would make it the
    reported clause's verb: "said Clinton lied and attacked him"), shares that row's source (one per row)."""
    cues = {(h.cue_start, h.cue_end) for h in hits}
    out: list[Hit] = []
    for h in hits:
        if h.src is None or h.source_start < 0 or h.source_start > h.cue_start:
            continue
        words = h.cue.split()
        kind = _kind(words[-1].lower()) if words else ""
        if not kind:
            continue
        for m in _AND_CUE.finditer(text, h.cue_end, spans[h.sentence][1]):
            word = m.group(1)
            words = [w.group() for w in _WORD.finditer(text, h.cue_end, m.start())]
            unquoted = _QUOTED_WORDS.sub(" ", text[h.cue_end : m.start()])  # "calling it “misleading” and"
            between = [w.group().lower() for w in _WORD.finditer(unquoted) if w.group().islower()]
            if any(_kind(w) == kind for w in between) or not words:
                break
            forms = _one_word_forms(rules, word)
            if not forms or _kind(word) != kind or forms[0][1] == "add":
                continue  # "and adding" continues the statement, as ", adding" does
            if any(a < m.end(1) and m.start(1) < b for a, b in cues):
                break
            out.append(_with_cue(h, m.span(1), word, forms[0], "coordinated"))
            cues.add(m.span(1))
            break
    return out


# (?<=[a-z]) before " who", written after it: a pattern opening with the literal lets the engine skip to it
_WHO_CUE = re.compile(r" who(?<=[a-z] who)\s+(?:\w+ly\s+)?([a-z]+)\b")
_GRANT = re.compile(r"\s+(?:not\s+to\s+be|for\s+anonymity|that\s+\w+\s+name|to\s+remain)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"((?:[\w’'\-]+/)*[\w’'\-]+)\s*$")  # "9/11 families": one word with its slash


def _np_before(text: str, end: int, lo: int) -> int:
    """Start of the noun phrase ending at ``end`` ("three other women" of "found three other women"):
    words back to a determiner run, at most five, never across a boundary word or punctuation."""
    start, seen_det, n = end, False, 0
    while n < 5:
        m = _WORD_BEFORE.search(text, lo, start)
        if m is None or (m.end() < start and text[m.end() : start].strip()):
            break
        low = m.group(1).lower()
        if low in DETERMINERS:
            seen_det = True
        elif seen_det or low in BOUNDARY:
            break
        start, n = m.start(1), n + 1
    return start


def relative_cue_hits(
    text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]], names: Names
) -> list[Hit]:
    """'three other women who said ...': a restrictive relative clause with a listed cue is an attribution
    of the noun phrase before 'who' (a comma before 'who' is the rules' own pattern)."""
    cues = {(h.cue_start, h.cue_end) for h in hits}
    out: list[Hit] = []
    for n, (s, e) in enumerate(spans):
        for m in _WHO_CUE.finditer(text, s, e):
            word = m.group(1)
            # listed cues only: a speech act in such a clause names people by a past act ("the council
            # members who requested the report") more than it reports what they said
            forms = [f for f in rules.cues.get(word, ()) if f[0] == (word,) and f[2] in ("neutral", "loaded")]
            if not forms or any(a < m.end(1) and m.start(1) < b for a, b in cues):
                continue
            if _GRANT.match(text, m.end(1)):
                continue  # "an official who asked not to be identified": the grant, not a statement
            s0 = _np_before(text, m.start(), s)
            if s0 >= m.start() or text[s0 : m.start()].lower() in ("those", "people"):
                continue
            src = classify(text[s0 : m.start()], rules, s0 == s, names)
            c0, c1 = m.span(1)
            out.append(Hit(n, s0, m.start(), c0, c1, word, forms[0][2], "NP who cue", forms[0][1], src))
    return out


def carried_participles(
    text: str, dropped: list[Hit], kept: list[Hit], rules: Rules, spans: list[tuple[int, int]]
) -> list[Hit]:
    """A listed reporting participle after a comma whose clause's verb is no statement ("A grand jury
    indicted the Hunters ..., saying", "declined to comment further ..., saying", "feigned ignorance ...,
    saying"): a hit of its own with the source of that ``dropped`` hit, when no ``kept`` cue lies between."""
    cues = [(h.cue_start, h.cue_end) for h in kept]
    out: list[Hit] = []
    for h in dropped:
        if h.source_start < 0 or h.source_end > h.cue_start:
            continue  # no source, or an inverted one ("said X"): the participle's subject is unknown
        for m in _PARTICIPLE.finditer(text, h.cue_end, spans[h.sentence][1]):
            word = m.group(1).split()[-1]
            forms = _one_word_forms(rules, word)
            if not forms or word in _SETTING:
                continue
            if not any(h.cue_end <= a < m.end(1) for a, _ in cues):
                out.append(_with_cue(h, m.span(1), " ".join(m.group(1).split()), forms[0], "carried"))
            break
    return out
