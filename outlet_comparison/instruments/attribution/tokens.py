"""Tokens and noun-phrase chunking for the attribution rules (pure Python, no tagger).

A token keeps its character offsets, so every source and cue span maps back to the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from typing import NamedTuple

from outlet_comparison.text.names import BOUNDARY, DETERMINERS, UPPER

LETTER = r"[^\W\d_]"  # any letter of any script
ALNUM = r"(?:[^\W_][\u0300-\u036f]*)"  # a letter or digit with its combining marks ("Erdoğan" decomposed)
NAME_WORD = rf"{UPPER}[\w\u0300-\u036f.’'\-]*"  # a capitalised word, any script
# ALNUM+ written so the regex engine repeats character classes, not a group per character (same matches)
ALNUM_RUN = r"(?:[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*)"

# "U.S." is UPPER\.UPPER\. and more: written out, not (?:UPPER\.){2,}, so a token that does not open with
# a capital and a period fails at once instead of entering a counted repeat (same matches)
TOKEN_RE = re.compile(
    rf"{UPPER}\.{UPPER}\.(?:{UPPER}\.)*"
    r"|(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev|No(?=\.\s*\d))\."
    rf"|{ALNUM_RUN}(?:[’'.\-&]+{ALNUM_RUN})*(?:[’']s)?"
    r"|[^\w\s]"
)

PRONOUNS = {"he": "m", "she": "f", "they": "pl", "it": "org", "we": "pl", "i": "sg", "who": "rel"}


SKIP = frozenset(
    "also has have had having will would could should may might must can cannot did does do not n't never "
    "is was were are been be later then again repeatedly publicly privately reportedly previously "
    "earlier long often recently now still already just even once first further quickly explicitly "
    "clearly flatly both all himself herself itself themselves only frequently don't didn't doesn't won't "
    "wouldn't can't couldn't never".split()
)

FIRST_SECOND = frozenset("i we you me us".split())

# irregular past forms of verbs a coordinated cue may follow ("said ... and warned")
_PAST = frozenset("said told wrote thought knew saw felt found held sought made gave took spoke lied".split())


def inflection(word: str) -> str:
    """'past' ("warned", "said"), 'present' ("warns"), or '' for anything else (a lower-case word)."""
    if word.endswith("ed") or word in _PAST:
        return "past"
    return "present" if word.endswith("s") and not word.endswith(("ss", "'s", "’s")) else ""


BE = frozenset("be is was were are been being".split())

BE_ING = frozenset("is was were are been be".split())

CLAUSE_OPENERS = frozenset(
    "and but or because while when whenever if as although though since after before so where whether "
    "that yet also however meanwhile what which".split()
)

FORWARD_END = frozenset("who which adding in on at during after when while according".split())

GROUP_SUFFIX = re.compile(r"(?:ers|ors|ists|ies|ants|ents|ians)$")

# a day after an inverted cue is when, not who ("McConnell, R-Ky., said Tuesday")
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
POSTMODS = frozenset("familiar close briefed with knowledge involved".split())

POSTMOD = {"with": ("familiar", "knowledge"), "to": ("close",), "on": ("briefed",), "in": ("involved",)}

# quoted words: the first word character after the opening mark is matched as such (a run of non-word
# characters, then \w), so a mark never closed costs one pass, not one per backtracked character (the same
# matches and group as [^”"]*\w[^”"]*: the group runs to the first closing mark either way)
QUOTE_RE = re.compile(r"[“\"]([^”\"\w]*\w[^”\"]*)[”\"]")

OPEN_QUOTES = frozenset('“"')

CLOSE_QUOTES = frozenset("”\"’'")


class Token(NamedTuple):
    """A token with absolute character offsets; its lower-case form and flags are computed once."""

    text: str
    start: int
    end: int
    low: str  # lower-case text
    word: bool  # a word token (not punctuation)
    cap: bool  # starts with a capital letter


# (gap, token) pairs: every character either starts a token or is a gap character (white space, an
# underscore or a stray combining mark), so the gaps and tokens tile the text and give the offsets.
# (the gap is one character class, which the regex engine repeats without a group per character)
_GAP_TOKEN_RE = re.compile(rf"([\s_\u0300-\u036f]*)({TOKEN_RE.pattern})")


_FORMS: dict[str, tuple[str, bool, bool]] = {}  # token text -> (lower case, word, capitalised)
_FORMS_SIZE = 200_000
_new_tuple = tuple.__new__  # builds a Token without the generated Python __new__


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end] (as TOKEN_RE.finditer finds them) with absolute offsets."""
    out: list[Token] = []
    pos, forms, add, new = start, _FORMS, out.append, _new_tuple
    for gap, t in _GAP_TOKEN_RE.findall(text, start, end):
        s = pos + len(gap)
        pos = s + len(t)
        f = forms.get(t)
        if f is None:
            f = (t.lower(), t[0].isalnum(), t[0].isupper())
            if len(forms) < _FORMS_SIZE:
                forms[t] = f
        add(new(Token, (t, s, pos) + f))
    return out


_AFTER_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def after_lower(text: str, word: str) -> bool:
    """Is ``word`` written after a lower-case letter, comma or semicolon and white space, and followed by a
    word boundary: ``re.search(rf"[a-z,;]\\s+{re.escape(word)}\\b", text)``, found by ``str.find`` (the
    regex tries its first character class at every position of the text; the same answers)."""
    if not word:
        return re.search(r"[a-z,;]\s+\b", text) is not None
    n, size = len(word), len(text)
    last = word[-1].isalnum() or word[-1] == "_"  # \w, as the regex engine reads it in a str pattern
    p = text.find(word, 2)
    while p != -1:
        q = p - 1
        while q >= 0 and text[q].isspace():
            q -= 1
        e = p + n
        if q < p - 1 and q >= 0 and text[q] in _AFTER_LOWER:
            if last != (e < size and (text[e].isalnum() or text[e] == "_")):
                return True
        p = text.find(word, p + 1)
    return False


def _joins(ch: str, extra: str) -> bool:
    """Is ``ch`` a word character as the regex engine reads \\w in a str pattern, or one of ``extra``?"""
    return ch.isalnum() or ch == "_" or ch in extra


def written_apart(text: str, word: str, before: str = "", after: str = "") -> bool:
    """Is ``word`` in ``text`` with no word character nor one of ``before`` right before it and none nor one
    of ``after`` right after it: ``re.search(rf"(?<![\\w{before}]){re.escape(word)}(?![\\w{after}])", text)``
    found by ``str.find`` (a pattern per word was compiled per call; the same answers)."""
    if not word:
        return re.search(rf"(?<![\w{re.escape(before)}])(?![\w{re.escape(after)}])", text) is not None
    n, size = len(word), len(text)
    p = text.find(word)
    while p != -1:
        e = p + n
        if not (p > 0 and _joins(text[p - 1], before)) and not (e < size and _joins(text[e], after)):
            return True
        p = text.find(word, p + 1)
    return False


def name_may(toks: list[Token], k: int) -> bool:
    """Is toks[k] the surname 'May' of a name ("Theresa May"), not the modal: capitalised after a
    capitalised word?"""
    return toks[k].text == "May" and k > 0 and toks[k - 1].cap and toks[k - 1].word


def skip_left(toks: list[Token], j: int) -> int:
    """Index of the first token left of j that is not an auxiliary or adverb ('has also', 'in turn')."""
    while j >= 0:
        low = toks[j].low
        if low == "may" and name_may(toks, j):
            break
        if low in SKIP and low not in ("both", "all") or low.endswith("ly") and low not in ("ally",):
            j -= 1
        elif low in ("both", "all") and j > 0 and toks[j - 1].word:
            j -= 1
        elif low == "turn" and j > 0 and toks[j - 1].low == "in":
            j -= 2
            if j >= 0 and toks[j].text == ",":
                j -= 1
        elif toks[j].text == "," and j > 1 and toks[j - 1].low == "turn" and toks[j - 2].low == "in":
            j -= 3
            if j >= 0 and toks[j].text == ",":
                j -= 1
        else:
            break
    return j


def np_left(toks: list[Token], j: int, lo: int, limit: int = 12, heads: Container[str] = ()) -> int:
    """Start index of the noun phrase ending at token j (j + 1 when there is none).

    ``heads`` are the nouns of people and bodies that may take a place after them ("officials at the plant").
    """
    k, n = j, 0
    while k >= lo and n < limit:
        t = toks[k]
        if t.text == ")":
            opened = next((x for x in range(k - 1, lo - 1, -1) if toks[x].text == "("), None)
            if opened is None or k - opened > 8:
                break
            k = opened - 1
            continue
        if not t.word:
            break
        if t.low in DETERMINERS:
            k -= 1
            while k >= lo and toks[k].low in DETERMINERS and toks[k].word:
                k -= 1  # stacked: "the other officials", "the most recent polls", "all the experts"
            break
        if t.low == "who" and k == j:
            return k
        if (t.low in BOUNDARY or t.low in ("who", "which")) and not name_may(toks, k):
            if t.low == "and" and k > lo and toks[k - 1].cap and k < j and toks[k + 1].cap:
                k -= 1
                n += 1
                continue
            break
        k -= 1
        n += 1
    start = k + 1
    if start > j:
        return start
    # extend over post-modifiers: "the head of the committee", "people familiar with the talks"
    if k > lo:
        prep = toks[k].low
        before = toks[k - 1].low
        # "people with knowledge of", "advisers to Mr. Obama", "supporters in Congress"
        knowledge = prep == "with" and toks[k + 1].low in ("knowledge", "direct")
        named = prep in ("in", "to", "on", "at") and toks[k + 1].cap
        # "officials at the plant", "Republicans in the House": a place after the head, written with "the"
        named = named or prep in ("in", "at") and toks[k + 1].low == "the" and toks[k - 1].low in heads
        # "Dan McLaughlin at the National Review": a name at a named body
        named = named or prep == "at" and toks[k + 1].low == "the" and k + 2 <= j and toks[k + 2].cap
        named = named and (toks[k - 1].cap or toks[k - 1].low in heads)
        if prep in ("of", "for", "from") or knowledge or named or before in POSTMOD.get(prep, ()):
            kk = k - 1 if prep in ("of", "for", "from") or knowledge or named else k - 2
            if kk >= lo and toks[kk].word and toks[kk].low not in BOUNDARY:
                s2 = np_left(toks, kk, lo, limit=5, heads=heads)
                if s2 <= kk:
                    return s2
    return start


def np_right(toks: list[Token], i: int, hi: int, limit: int = 10) -> int:
    """End index (exclusive) of the noun phrase starting at token i (i when there is none)."""
    k = i
    while k < hi and k - i < limit:
        t = toks[k]
        if not t.word:
            if t.text == "(":
                close = next((x for x in range(k + 1, min(hi, k + 8)) if toks[x].text == ")"), None)
                if close is not None:
                    k = close + 1
                    continue
            break
        if k > i and (t.low in BOUNDARY or t.low in FORWARD_END):
            if t.low in ("of", "for", "from") and k + 1 < hi and toks[k + 1].word:
                k += 1
                continue
            if t.low == "and" and k + 1 < hi and toks[k + 1].cap and toks[k - 1].cap:
                k += 1
                continue
            break
        if k == i and t.low in BOUNDARY and t.low not in DETERMINERS:
            break
        k += 1
    return k


def leading_np(toks: list[Token], i: int, hi: int, nouns: dict[str, str]) -> int:
    """End (exclusive) of a subject NP at the start of a clause: pronoun, or determiner + capitalised run."""
    if i >= hi or not toks[i].word:
        return i
    if toks[i].low in PRONOUNS and toks[i].low != "who":
        return i + 1
    k = i + 1 if toks[i].low in DETERMINERS else i
    start = k
    while k < hi and toks[k].word and (toks[k].cap or nouns.get(toks[k].low) in ("title", "official", "org")):
        k += 1
    return k if k > start else i


_ASCII_WORD = re.compile(r"[A-Za-z][\w’'\-]*")


def common_initial(text: str, start: int, sentence_start: int) -> bool:
    """Does the mention at ``start`` open its sentence with a word the text never writes capitalised
    after a lower-case word or comma ("Legal scholars say", not "Republican lawmakers" when the text has
    "and Republican Gov. Mike Pence")?"""
    if text[sentence_start:start].strip(" \n\t\"“‘'(") or not text[start : start + 1].isupper():
        return False
    word = _ASCII_WORD.match(text, start)
    if word is None:
        return False
    return not after_lower(text, word.group(0))


# the letters a regex ignoring case matches to an ASCII letter but str.lower() does not lower to it
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


def words_in_spans(text: str, spans: list[tuple[int, int]], words: tuple[str, ...]) -> list[bool]:
    """For each span, whether one of ``words`` (lower-case ASCII) lies wholly inside it ignoring case, as
    a regex ignoring case finds it (every span True when the text has a letter lowered apart from it)."""
    low = text.lower()
    if len(low) != len(text) or _FOLDS_APART.search(text) is not None:
        return [True] * len(spans)
    found = sorted((i, i + len(w)) for w in words for i in _starts(low, w))
    out = []
    for s, e in spans:
        j = bisect_left(found, (s, s))
        while j < len(found) and found[j][0] < e and found[j][1] > e:
            j += 1
        out.append(j < len(found) and found[j][0] < e)
    return out


def _starts(low: str, word: str) -> list[int]:
    """Every start of ``word`` in ``low`` (overlapping ones too)."""
    out, i = [], low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out
