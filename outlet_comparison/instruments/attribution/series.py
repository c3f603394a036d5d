"""Verb series and acts with content of their own: grammatical tests the cue rules share.

A listed cue right after a comma in a series of finite verbs closed by 'and' ("Rubio has also opposed A,
pressed for B and advocated C") has the series' subject, not an appositive; a one-word speech act with
its own object ("has challenged Obama's efforts ..., saying that ...") is a row of its own beside the
participle that follows it (content-less acts, "fired back, saying", stay one row).
"""

from __future__ import annotations

from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import Token, inflection

# words after a one-word act that make it content-less or a particle verb ("fired back", "lashed out at")
_NO_OBJECT = frozenset("back out at on to with about for off up down over against in".split())
_ADVERBS = frozenset("also then later again still even".split())


def series_verb(toks: list[Token], i: int, ce: int, j: int, rules: Rules) -> bool:
    """Is act cue ``toks[i:ce]``, right after the comma ``toks[j]``, a past verb in a series of past verbs
    that a later 'and' + past verb closes, with a past verb before the comma ("opposed A, pressed for B
    and advocated C")? Only the acts read after the CRF (``rules.rule_acts``): no feature of it."""
    if toks[j].text != "," or rules.cues is not rules.rule_acts:
        return False
    if inflection(toks[i].low) != "past" or not toks[i].low.isalpha():
        return False
    window = toks[max(0, j - 12) : j]
    if not any(t.low.isalpha() and not t.cap and inflection(t.low) == "past" for t in window):
        return False
    for k in range(ce, len(toks) - 1):
        t = toks[k]
        if t.text in (";", ":") or t.text in ("“", '"', "”"):
            return False
        if t.low == "and":
            m = k + 1
            while m < len(toks) - 1 and toks[m].low in _ADVERBS:
                m += 1
            return toks[m].low.isalpha() and not toks[m].cap and inflection(toks[m].low) == "past"
    return False


def own_object(text: str, cue_end: int, cue: str) -> bool:
    """Has a one-word act cue an object of its own right after it ("challenged Obama's efforts"), not a
    particle, preposition or punctuation ("fired back", "lashed out at", "pushed back, saying")?"""
    if " " in cue.strip():
        return False
    rest = text[cue_end : cue_end + 30].split(None, 1)
    return bool(rest) and rest[0][0].isalnum() and rest[0].lower() not in _NO_OBJECT
