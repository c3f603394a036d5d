"""Published texts and prepared remarks read after the CRF (``Rules.late``; no feature of it): a participle
after "issued a statement" or "sent a letter to X ..." is the publisher's statement, and the subject of
"is expected to say" speaks the quoted words (issue 21, round nine)."""

from __future__ import annotations

from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import (
    CLAUSE_OPENERS,
    CLOSE_QUOTES,
    TIME_WORDS,
    Token,
    np_left,
    skip_left,
)
from outlet_comparison.text.names import DETERMINERS

# a content-less verb of publishing and its statement noun before a participle: the verb's subject speaks
_ISSUE_VERBS = frozenset("issued released sent posted published put launched wrote writing".split())
_STATEMENT_NOUNS = frozenset(
    "statement letter memo release tweet post video message subpoena campaign ad".split()
)
_LINKING_ADVERBS = frozenset("nevertheless nonetheless instead meanwhile subsequently".split())
_ISSUE_DETERMINERS = frozenset("a an the his her its their two several new".split())
_ISSUE_REACH = 20  # tokens between the participle and the published text's noun ("to X and all Y, seeking")
# words that end the published text's phrase: a clause of its own, a quotation or a colon lies between
_ISSUE_STOPS = frozenset(("that", "which", "who", "whom", "because", "after", "before", "while", ";", ":"))


def issued_statement(toks: list[Token], i: int) -> int:
    """The index of the publishing verb when "issued a statement", "sent a letter to X ...", "launched a
    national ad campaign Thursday" (its text noun, singular or plural, after at most a determiner and two
    modifiers) comes before the participle at token i with no clause, quotation or other cue word between;
    else -1. The verb's subject speaks through the text: a construction, whatever the verb and noun."""
    for k in range(i - 1, max(-1, i - _ISSUE_REACH), -1):
        t = toks[k]
        if t.low in _ISSUE_STOPS or t.text in CLOSE_QUOTES or t.text in ('"', "“"):
            return -1
        noun = t.low[:-1] if t.low.endswith("s") and t.low[:-1] in _STATEMENT_NOUNS else t.low
        if noun not in _STATEMENT_NOUNS:
            continue
        for v in range(k - 1, max(-1, k - 5), -1):
            if toks[v].low in _ISSUE_VERBS:
                mods = [toks[x] for x in range(v + 1, k)]
                if all(m.word and m.low not in _ISSUE_VERBS for m in mods) and (
                    len(mods) < 3 or mods[0].low in _ISSUE_DETERMINERS
                ):
                    return v
            if not toks[v].word:
                break
        return -1
    return -1


_TIME_OPENERS = TIME_WORDS | frozenset("late early earlier later this last".split())  # end the subject
_OF_PREPOSITIONS = frozenset("on of at for from in".split())  # "the top Democrat on the committee"


def publisher(toks: list[Token], v: int, rules: Rules) -> tuple[int, int, str] | None:
    """The subject right before the publishing verb at token v ("the panel also sent", "the campaign
    nevertheless put out", "The top Republican and Democrat on the Senate Intelligence Committee issued"),
    or None when the words before it are no clause's subject."""
    j = skip_left(toks, v - 1)
    while j > 0 and toks[j].low in _LINKING_ADVERBS:
        j = skip_left(toks, j - 1)
    if j < 0 or not toks[j].word or toks[j].low in rules.cue_words or toks[j].low in DETERMINERS:
        return None
    s = np_left(toks, j, 0)
    for _ in range(2):  # a head with a prepositional phrase: "Democrat | on | the committee"
        if s > 1 and s <= j and toks[s - 1].low in _OF_PREPOSITIONS and toks[s - 2].word:
            s = min(s, np_left(toks, s - 2, 0))
    if s <= j and (s == 0 or not toks[s - 1].word or toks[s - 1].low in CLAUSE_OPENERS):
        j = next(
            (k - 1 for k in range(s + 1, j + 1) if toks[k].low in _TIME_OPENERS), j
        )  # "The FBI late ..."
        return toks[s].start, toks[j].end, "late statement -ing"
    return None


def expected_to(toks: list[Token], i: int) -> bool:
    """Does "is/are expected to" after a word come right before the cue at token i?"""
    return (
        i >= 4
        and toks[i - 1].low == "to"
        and toks[i - 2].low == "expected"
        and toks[i - 3].low in ("is", "are")
        and toks[i - 4].word
    )
