"""Rule cues the rules left without a source, given one after the CRF by source patterns that are no feature
of it (``Rules.late``: the model stays as fitted): the clause subject across "and, <aside>," ("Cheney has
backed the bill and, mirroring her stance, has reportedly said"), a listed head noun with its complement
("after an alleged poll in Wyoming said", "A 2012 study in the journal Pediatrics found"), a reduced
relative with a particle ("Emails and text messages turned over to legislators suggest"), the subject a
participle after a subordinator shares ("Obama, while saying he supports it, also said") and the subject
before a relative clause or appositive whose quotation closes after its comma ("Mulvaney, who also appeared
on NBC's "Meet the Press," said"). Also read here: a coordinated cue whose clause subject the rules stopped
at the sentence's opening conjunction ("But more recently he has minimized it as a threat, and said") takes
the subject after it (he, not "But").
"""

from __future__ import annotations

from dataclasses import replace

from outlet_comparison.instruments.attribution.cues import Hit, find_source
from outlet_comparison.instruments.attribution.rules import Rules, remember
from outlet_comparison.instruments.attribution.tokens import (
    BE,
    CLOSE_QUOTES,
    MONTHS,
    TIME_WORDS,
    Token,
    leading_np,
    np_left,
)

# the patterns a late source may come from (what the rules before the CRF could not place)
LATE_PATTERNS = frozenset(("subject, coordinated", "NP of NP cue", "NP relative, cue", "subject, while -ing"))
LATE_PATTERNS |= {
    "NP, clause, quote, cue",
    "NP, which cue",
    "NP quoted as -ing",
}  # ``_before_quoted_comma``, ``_which_antecedent``, ``_quoted_as_subject``
_SUBORDINATORS = frozenset("while after before when since".split())


def _late_rules(rules: Rules, _key: str) -> Rules:
    """``rules`` with the source patterns read only after the CRF (the memo ``extract.late_hits`` shares)."""
    return replace(rules, late=True, memo={})


def late_sources(
    text: str, toks: list[list[Token]], before: list[Hit], hits: list[Hit], rules: Rules
) -> list[Hit]:
    """``hits`` (after the CRF) plus the unsourced rule hits of ``before`` that no hit's cue overlaps and
    that a late source pattern places."""
    for h in hits:
        if h.how == "subject, coordinated" and text[h.source_start : h.source_end] in _OPENERS:
            span = _subject_after_opener(toks[h.sentence], h, rules)
            if span is not None:
                h.source_start, h.source_end = span
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
        if i is not None and (span is None or span[2] not in LATE_PATTERNS):
            span = (
                _subordinate_subject(ts, i)
                or _before_quoted_comma(ts, i)
                or _which_antecedent(ts, i, rules)
                or _quoted_as_subject(ts, i)
            )
        if span is not None and span[2] in LATE_PATTERNS:
            new.append(replace(h, source_start=span[0], source_end=span[1], how=span[2]))
            for o in hits if span[2] == "subject, while -ing" else ():
                if o.source_start <= h.cue_start < o.source_end:  # "The president, while saying ..., said"
                    o.source_start, o.source_end = span[0], span[1]  # the main cue's subject is the same
    return sorted(hits + new, key=lambda h: (h.sentence, h.cue_start)) if new else hits


# a sentence's opening conjunction, which the rules' clause subject of a coordinated cue stops at (a lone
# conjunction is no source: ``filters`` drops it), and the adverbs that may follow it ("But more recently he")
_OPENERS = frozenset(("But", "And", "Yet", "So"))
_OPENER_ADVERBS = frozenset("more most then now still later also even again".split())


def _subject_after_opener(ts: list[Token], h: Hit, rules: Rules) -> tuple[int, int] | None:
    """The subject after the opening conjunction the coordinated cue ``h`` got as its source ("But more
    recently he has minimized it ..., and said": he), or None: a pronoun or a determiner phrase right after
    the conjunction and its adverbs, followed by a lower-case word (the clause's verb)."""
    i = next((k for k, t in enumerate(ts) if t.start == h.cue_start), None)
    s = next((k + 1 for k, t in enumerate(ts) if t.start == h.source_start), None)
    if i is None or s is None:
        return None
    while s < i and (ts[s].text == "," or ts[s].low in _OPENER_ADVERBS or ts[s].low.endswith("ly")):
        s += 1
    e = leading_np(ts, s, i, rules.nouns)
    if not s < e < i or not ts[e].word or ts[e].cap:
        return None
    return ts[s].start, ts[e - 1].end


_QUOTE_MARKS = frozenset('“”"')
# the first word of a relative clause or of a lower-case appositive ("a member of the "Gang of Eight,"")
_CLAUSE_OPENERS = frozenset("who whose which a an the another his her its their".split())


def _before_quoted_comma(ts: list[Token], i: int) -> tuple[int, int, str] | None:
    """The subject before a relative clause or lower-case appositive that ends in a quotation closed after
    its comma ("The GOP front-runner, who has ... called Mexican immigrants "criminals" and "rapists,"
    insists": the front-runner), for a finite cue (a participle there continues a statement: ""...," adding")
    and a subject outside quotation marks; or None."""
    if i < 3 or ts[i - 1].text not in CLOSE_QUOTES or ts[i - 2].text != "," or ts[i].low.endswith("ing"):
        return None
    p = next((k for k in range(i - 3, max(0, i - 32), -1) if ts[k].text == ","), None)
    if p is None or p < 1 or ts[p + 1].text not in _CLAUSE_OPENERS:  # lower case only: not "The Gatekeepers"
        return None
    if not any(t.text in _QUOTE_MARKS for t in ts[p + 1 : i - 2]):
        return None  # no quotation opened inside the clause
    s = np_left(ts, p - 1, 0)
    if s > p - 1 or not ts[p - 1].word or sum(t.text in _QUOTE_MARKS for t in ts[:s]) % 2:
        return None  # no subject, or one inside a quotation ("“From what I understand ..., it's rare,” said")
    return ts[s].start, ts[p - 1].end, "NP, clause, quote, cue"


_WHICH_SKIP = frozenset("has had have also later then previously".split())
_PLACE_PREPOSITIONS = frozenset(("in", "near"))  # "the shooting in El Paso, which claimed 20 lives"
_AFFILIATIONS = frozenset("at for with from to by".split())  # "an editor at the Boston Globe, which argued"


def _which_antecedent(ts: list[Token], i: int, rules: Rules) -> tuple[int, int, str] | None:
    """The body or text a non-restrictive ", which" clause opening with the cue at token ``i`` is about
    ("the Justice Department, which said", "a letter signed by all 42 Senate Republicans, which stated"): the
    noun phrase before the comma (after a preposition in it: "an editor at the Boston Globe": the Globe; with
    a name the phrase is apposed to: "Human Rights Watch, a rights group, which warned"), when it ends in a
    capitalised word or a listed body or document noun and is no place ("the shooting in El Paso, which
    claimed 20 lives"); else None."""
    k = i - 1
    while k > 2 and ts[k].low in _WHICH_SKIP:
        k -= 1
    if k < 2 or ts[k].low != "which" or ts[k - 1].text != ",":
        return None
    j = k - 2
    s = np_left(ts, j, 0)
    head = ts[j]
    if s > j or not head.word or (s > 0 and ts[s - 1].low in _PLACE_PREPOSITIONS):
        return None
    if head.low in TIME_WORDS or head.low in MONTHS:
        return None  # "new data released Friday, which show": a date, not the text
    if not head.cap and rules.type_nouns.get(head.low) not in ("org", "document", "outlet"):
        return None
    cut = max((x + 1 for x in range(s, j) if ts[x].low in _AFFILIATIONS | _PLACE_PREPOSITIONS), default=s)
    if any(ts[x].low in _PLACE_PREPOSITIONS for x in range(s, cut)):
        return None
    if cut == s and not head.cap and s > 1 and ts[s - 1].text == ",":  # "X, a rights group, which"
        q = np_left(ts, s - 2, 0)
        if q <= s - 2 and ts[s - 2].cap:
            return ts[q].start, head.end, "NP, which cue"
    return ts[cut].start, head.end, "NP, which cue"


def _quoted_as_subject(ts: list[Token], i: int) -> tuple[int, int, str] | None:
    """The subject of "was quoted as saying" ("In 2007 Mr. Huckabee was quoted as saying, ..."), a passive
    whose subject is the speaker, for the participle at token ``i``; else None."""
    if i < 4 or ts[i - 1].low != "as" or ts[i - 2].low != "quoted" or ts[i - 3].low not in BE:
        return None
    q = np_left(ts, i - 4, 0)
    while q < i - 4 and (ts[q].text.isdigit() or ts[q].low in TIME_WORDS):
        q += 1  # "In 2007 Mr. Huckabee": the year is no part of the subject
    if q > i - 4 or not ts[i - 4].word:
        return None
    return ts[q].start, ts[i - 4].end, "NP quoted as -ing"


def _subordinate_subject(ts: list[Token], i: int) -> tuple[int, int, str] | None:
    """The sentence's opening subject before ", while/after/before/when/since" and the participle at token
    ``i`` ("Obama, while saying he supports it, also said": Obama says it), or None."""
    if i < 3 or ts[i - 1].low not in _SUBORDINATORS or ts[i - 2].text != "," or not ts[i].low.endswith("ing"):
        return None
    q = np_left(ts, i - 3, 0)
    return (ts[q].start, ts[i - 3].end, "subject, while -ing") if q == 0 and ts[i - 3].word else None
