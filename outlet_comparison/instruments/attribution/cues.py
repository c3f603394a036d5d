"""Finding attributions in a sentence: reporting cues, and the source span each cue points to.

Patterns: "X said", "said X", "according to X", "X, the spokesman, said", ", saying" (clause
subject), transcript speaker tags ("WALLACE:") and dash credits after a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.published import expected_to, issued_statement, publisher
from outlet_comparison.instruments.attribution.rules import Rules, remember
from outlet_comparison.instruments.attribution.series import series_verb
from outlet_comparison.instruments.attribution.tokens import (
    BE,
    BE_ING,
    CLAUSE_OPENERS,
    CLOSE_QUOTES,
    FIRST_SECOND,
    FORWARD_END,
    MONTHS,
    NAME_WORD,
    OPEN_QUOTES,
    POSTMODS,
    PRONOUNS,
    SKIP,
    TIME_WORDS,
    Token,
    leading_np,
    np_left,
    np_right,
    skip_left,
)
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, UPPER


@dataclass
class Hit:
    """One attribution before pronoun resolution."""

    sentence: int
    source_start: int  # character offsets of the source span (-1: no source yet)
    source_end: int
    cue_start: int  # character offsets of the cue
    cue_end: int
    cue: str
    stance: str
    how: str
    lemma: str = ""
    src: Source | None = None
    antecedent: str = ""


def _match_cue(
    toks: list[Token], i: int, cues: dict, according: tuple[tuple[str, ...], ...]
) -> tuple[int, str, str, bool, bool] | None:
    """(end index, lemma, stance, inverts, is_according) of a cue starting at token i, or None."""
    low = toks[i].low
    for phrase in according:  # compare the first word before building the phrase
        if phrase[0] == low and tuple(t.low for t in toks[i : i + len(phrase)]) == phrase:
            return i + len(phrase), " ".join(phrase), "neutral", False, True
    for form, lemma, stance, inverts in cues.get(low, ()):
        if tuple(t.low for t in toks[i : i + len(form)]) == form:
            return i + len(form), lemma, stance, inverts, False
    return None


_SPEAKER_TAG_RE = re.compile(
    rf"[\"“]?({UPPER}[{UPPER[1:-1]}.’'\-]+(?: {UPPER}[{UPPER[1:-1]}.’'\-]+){{0,2}})(:)\s"
)


_DASH_RE = re.compile(rf"(?:[”\"]\s*)?([―—])\s*({NAME_WORD}(?:[ \t\xa0]+{NAME_WORD}){{0,3}})")


# a word after the dash's name run: the dash opens a clause ("— Democratic presidential candidates")
_CREDIT_GOES_ON = re.compile(r"[ \t\xa0]+[a-z]")


def _tag_hits(text: str, n: int, start: int, end: int) -> list[Hit]:
    """Transcript speaker tags ('WALLACE: ...') and dash credits after a quote ('" ― Adriana Rodarte')."""
    out = []
    m = _SPEAKER_TAG_RE.match(text, start, end)
    if m:
        out.append(Hit(n, m.start(1), m.end(1), m.start(2), m.end(2), ":", "neutral", "speaker tag"))
    if text.find("—", start, end) < 0 and text.find("―", start, end) < 0:
        return out  # a dash credit needs one of these dashes
    for m in _DASH_RE.finditer(text, start, end):
        if m.start() != start and text[m.start()] not in '”"':
            continue
        if _CREDIT_GOES_ON.match(text, m.end(2), end):
            continue  # "— Democratic presidential candidates wasted ...": a clause after a dash, no credit
        out.append(Hit(n, m.start(2), m.end(2), m.start(1), m.end(1), m.group(1), "neutral", "quote dash NP"))
    return out


def context_start(text: str, spans: list[tuple[int, int]], n: int) -> int:
    """Where the source search for sentence n starts: the previous sentence if n was split mid-clause.

    The splitter ends a sentence after "(D-Mass.)", leaving "said the law ..." on its own; a sentence
    that starts in lower case in the same paragraph is such a fragment.
    """
    s = spans[n][0]
    if n and text[s].islower() and "\n\n" not in text[spans[n - 1][1] : s]:
        return spans[n - 1][0]
    return s


def _cue_starters(rules: Rules, _key: str) -> frozenset[str]:
    """Lower-case words that can start a cue: a listed cue's first word, or 'according'."""
    return frozenset(rules.cues) | rules.according_firsts


def sentence_hits(
    text: str, n: int, start: int, end: int, beliefs: bool, rules: Rules, toks: list[Token], unsourced: bool
) -> list[Hit]:
    """Attributions whose cue lies in text[start:end]; ``toks`` may start earlier (the source's context).

    With ``unsourced`` a cue whose source the rules cannot place is kept too, with ``s0 == -1``.
    """
    cues, according = rules.cues, rules.according
    hits = _tag_hits(text, n, start, end)
    i = next((k for k, t in enumerate(toks) if t.start >= start), len(toks))
    starters = remember(rules, "cue_starters", "", _cue_starters)
    # tokens from i on whose word may start a cue: the set lookups run in C, the few found are checked
    lows = map(attrgetter("low"), toks[i:])
    found = [k for k in compress(range(i, len(toks)), map(starters.__contains__, lows)) if toks[k].word]
    for k in found:  # tokens that may start a cue, left to right
        if k < i:
            continue  # inside the cue before
        m = _match_cue(toks, k, cues, according)
        if m is None:
            continue
        i = k
        ce, lemma, stance, inverts, is_acc = m
        prev = toks[i - 1] if i > 0 else None
        if (
            stance == "belief"
            and rules.late
            and toks[ce - 1].low.endswith("ing")
            and issued_statement(toks, i) >= 0
        ):
            stance = (
                "neutral"  # an intention in a published text is its request ("sent a letter ..., seeking")
            )
        if (
            stance == "belief"
            and not beliefs
            or (not is_acc and prev is not None and (nominal(toks, i) or prev.low == "to"))
            and not (rules.late and expected_to(toks, i))
        ):
            i = ce
            continue
        cue_text = text[toks[i].start : toks[ce - 1].end]
        hit = Hit(n, -1, -1, toks[i].start, toks[ce - 1].end, cue_text, stance, "", lemma)
        span = _find_source(toks, i, ce, is_acc, inverts, hits, rules)
        if span is not None:
            hit.source_start, hit.source_end, hit.how = span
            hits.extend(_split_and(text, hit))
        elif unsourced:
            hits.append(hit)
        i = ce
    return hits


# adjectives before a cue word make it a noun ("made similar demands", "Trump's own earlier call")
_NOUN_ADJECTIVES = frozenset(
    "own similar new latest recent repeated renewed previous initial frequent further additional fresh "
    "growing multiple numerous angry urgent".split()
)
_EITHER = frozenset("earlier first last".split())  # adjectives or adverbs ("Trump earlier said")


def nominal(toks: list[Token], i: int) -> bool:
    """Is the cue word at token i a noun: after a determiner, a possessive ("Trump's own earlier call") or
    one of ``_NOUN_ADJECTIVES`` ("made similar demands")? Issue 21 counts nominal cues out."""
    k = i - 1
    while k >= 0 and (toks[k].low in _NOUN_ADJECTIVES or toks[k].low in _EITHER):
        if toks[k].low in _NOUN_ADJECTIVES:
            return True
        k -= 1
    if (
        k == i - 1
        and toks[k].low in _PRONOUN_QUANTIFIERS
        and (k == 0 or toks[k - 1].low in _QUANTIFIER_OPENERS)
    ):
        return False  # "Some said ...", ", with several saying that ...": a quantifier standing for people
    return k >= 0 and (toks[k].low in DETERMINERS or (k < i - 1 and toks[k].low.endswith(("’s", "'s"))))


_PRONOUN_QUANTIFIERS = frozenset("some many several most few others both all".split())
_QUANTIFIER_OPENERS = frozenset(
    ["with", "and", "but", ",", ";", "“", '"']
)  # what may stand before such a subject


def _source_word(t: Token, rules: Rules) -> bool:
    """Can this token sit in a source NP after an inverted cue ('said a senior US official')?"""
    low = t.low
    return (
        not t.word
        or t.cap
        or low in rules.nouns
        or low in DETERMINERS
        or low in rules.modifiers
        or low.endswith(("’s", "'s"))
        or low in ("of", "for", "from", "and")
    )


IT_THAT = ("it", "that", "this", "so", "there")  # not a source after an inverted cue ("said it", "said so")
_AND_NAME = re.compile(rf"\s+and\s+(?={UPPER})")
_UPPER_RE = re.compile(UPPER)


def _split_and(text: str, hit: Hit) -> list[Hit]:
    """Split 'Ash Carter and James Clapper said' into one attribution per named speaker."""
    mention = text[hit.source_start : hit.source_end]
    m = _AND_NAME.search(mention)
    if m is None or not _UPPER_RE.search(mention, 0, m.start()) or hit.how not in ("NP cue", "cue by NP"):
        return [hit]
    left = Hit(**{**hit.__dict__, "source_end": hit.source_start + m.start()})
    right = Hit(**{**hit.__dict__, "source_start": hit.source_start + m.end()})
    return [left, right]


def _find_source(
    toks: list[Token],
    i: int,
    ce: int,
    is_acc: bool,
    inverts: bool,
    hits: list[Hit],
    rules: Rules,
) -> tuple[int, int, str] | None:
    """(start, end, pattern) character span of the source of the cue at tokens [i, ce), or None."""
    n = len(toks)
    late = _late_source(toks, i, ce, rules) if rules.late else None
    if late is not None:
        return late
    if is_acc:
        e = np_right(toks, ce, n)
        return (toks[ce].start, toks[e - 1].end, "according to") if e > ce else None
    prev = toks[i - 1] if i > 0 else None
    if inverts and (prev is None or prev.text in (",", "—", "–") or prev.text in CLOSE_QUOTES):
        j = ce
        while j < n and toks[j].low in ("also", "then", "later"):
            j += 1
        e = np_right(toks, j, n)
        e = next((x for x in range(j, e) if not _source_word(toks[x], rules)), e)
        ok_end = e >= n or not toks[e].word or toks[e].low in FORWARD_END or toks[e].low in POSTMODS
        if e > j and ok_end and toks[j].low not in TIME_WORDS and not (e - j == 1 and toks[j].low in IT_THAT):
            return toks[j].start, toks[e - 1].end, "cue NP"
    form = toks[ce - 1].low
    if ce < n - 2 and [t.low for t in toks[ce : ce + 3]] == ["not", "to", "be"]:
        return None  # "who asked not to be identified" is the anonymity formula, not a statement
    if prev is not None and prev.text == "," and form.endswith("ing"):
        if any(h.source_start >= 0 for h in hits):
            return None  # ", adding that ..." continues a statement already attributed (a sourced one)
        return _clause_subject(toks, i, rules.nouns, "subject, -ing")
    lead, reach = (_AGENT_LEAD, 4) if rules.late else (_AGENT_ADVERBS, 3)
    b = next((k for k in range(ce, min(ce + reach, n - 1)) if toks[k].low not in lead), n)
    if b < n - 1 and toks[b].low == "by" and _participle(form) and _agent_start(toks[b + 1]):
        e = _agent_end(toks, b + 1, np_right(toks, b + 1, n))  # "was reported (earlier) by the Times"
        how = "late by NP" if any(toks[k].low not in _AGENT_ADVERBS for k in range(ce, b)) else "cue by NP"
        return (toks[b + 1].start, toks[e - 1].end, how) if e > b + 1 else None
    if prev is not None and prev.low in BE and not form.endswith("ing"):
        return None  # passive ("could be announced by"): the agent is not a speaker we can place
    if form.endswith("ing") and not (prev is not None and prev.low in BE_ING):
        return _with_subject(toks, i)  # bare participle modifying a noun ("protesters demanding"): None
    j = _skip_time(toks, _skip_bracket(toks, skip_left(toks, i - 1)))
    dash = _dash_at(toks, j)
    if dash is not None:  # "members of his staff — alarmed by ... — have urged"
        back = range(dash - 1, max(-1, dash - _ASIDE), -1)
        opened = next((d for d in (_dash_at(toks, k) for k in back) if d is not None), None)
        if opened is not None and toks[opened].text != toks[dash].text:
            opened = None
        if opened is not None and opened > 0 and toks[opened - 1].word:
            j = opened - 1
    if j < 0:
        return None
    if toks[j].low in ("and", "but") or series_verb(toks, i, ce, j, rules):  # "opposed A, urged B and ..."
        return _clause_subject(toks, j, rules.nouns, "subject, coordinated", rules.cue_words)
    if toks[j].text == ",":
        return _after_comma(toks, i, j, rules)
    if toks[j].low in FIRST_SECOND and not toks[j].text.isupper() or toks[j].text == "I":
        return None  # "I think", "we want": the quoted speaker's own words, attributed by the outer cue
    if toks[j].low == "it" and j >= 2 and toks[j - 1].low in _OBJECT_PREPOSITIONS:
        s = np_left(toks, j - 2, 0)  # "the reporters behind it described": 'it' is the object
        if s <= j - 2 and toks[j - 2].word:
            return toks[s].start, toks[j].end, "NP cue"
    if toks[j].low in PRONOUNS and toks[j].low != "who":
        return toks[j].start, toks[j].end, "NP cue"
    s = np_left(toks, j, 0, heads=remember(rules, "people_heads", "", _people_heads))
    if s > j or toks[j].text.endswith(("’s", "'s")) or toks[j].low in DETERMINERS:
        return None  # no subject, or a possessive ("Turkey's demands"): the cue word is a noun
    if (
        s > 0
        and toks[s - 1].word
        and toks[s - 1].low not in CLAUSE_OPENERS
        and toks[s - 1].low not in rules.cue_words
    ):
        # NP inside a prepositional or relative phrase ("in Syria called Nusra"), unless that phrase
        # modifies the clause's subject ("a lawsuit filed against the diocese alleged")
        return _relative_head(toks, s, rules) or (_pp_head(toks, s, j, rules) if rules.late else None)
    return toks[s].start, toks[j].end, "NP cue"


def _late_source(toks: list[Token], i: int, ce: int, rules: Rules) -> tuple[int, int, str] | None:
    """The source of a cue read after the model (``published``): the subject of "is expected to say"
    (prepared words), the publisher of a text before a participle ("issued a statement calling", "sent a
    letter to X ..., seeking"); None for other cues."""
    if expected_to(toks, i):
        s = np_left(toks, i - 4, 0)
        return (toks[s].start, toks[i - 4].end, "late expected to") if s <= i - 4 else None
    issued = issued_statement(toks, i) if toks[ce - 1].low.endswith("ing") else -1
    if issued < 0:
        return None
    return publisher(toks, issued, rules) or _clause_subject(
        toks, issued + 1, rules.nouns, "late statement -ing"
    )


def _people_heads(rules: Rules, _key: str) -> frozenset[str]:
    """Listed nouns of people ('official', 'group'), which may take a place ("officials at the plant")."""
    return frozenset(w for w, cat in rules.nouns.items() if cat in ("official", "group"))


_TIME_NOUNS = frozenset(
    "week weekend month year night morning afternoon evening summer spring fall winter".split()
)
_TIME_DETERMINERS = frozenset("this last next that".split())
_YEAR = re.compile(r"(?:19|20)\d\d")


def _skip_time(toks: list[Token], j: int) -> int:
    """The index left of the time phrases ending at token j, between a subject and its cue ("Wells Fargo just
    this month announced", "a panel in 2001 found", "the company on Tuesday said"); j when there is none."""
    while j > 1:
        t, before = toks[j], toks[j - 1]
        if t.low in _TIME_NOUNS and before.low in _TIME_DETERMINERS:
            k = j - 2
        elif t.low in TIME_WORDS and before.low == "on":
            k = j - 2
        elif t.low in TIME_WORDS and not before.cap and (t.cap or t.low == "yesterday"):
            k = j - 1  # "the company Tuesday said" (not "USA Today", not "Trump Tuesday")
        elif (_YEAR.fullmatch(t.text) or t.low in MONTHS and t.cap) and before.low == "in":
            k = j - 2  # "in 2001", "in April"
        else:
            return j
        if not toks[k].word:
            return j
        j = skip_left(toks, k)
    return j


def _skip_bracket(toks: list[Token], j: int) -> int:
    """The index left of a lower-case aside in brackets ending at token j ("McGuire, a former Navy Seal,
    (once again) declared"), or j; a party tag ("Sen. Mark Warner (D-Va.) said") is part of the name."""
    if j < 1 or toks[j].text != ")":
        return j
    opened = next((k for k in range(j - 1, max(-1, j - 8), -1) if toks[k].text == "("), None)
    if (
        opened is None
        or opened == 0
        or opened == j - 1
        or any(t.cap or not t.word for t in toks[opened + 1 : j])
    ):
        return j
    return skip_left(toks, opened - 1)


def _dash_at(toks: list[Token], j: int) -> int | None:
    """The index of the first token of a dash ending at token j ("—", or "--" written as two hyphens)."""
    if j < 0:
        return None
    if toks[j].text in _DASHES:
        return j
    if toks[j].text == "-" and j > 0 and toks[j - 1].text == "-" and toks[j - 1].end == toks[j].start:
        return j - 1
    return None


_RELATIVE_PREPOSITIONS = frozenset("by in on at against for to from with during about into".split())
_HEAD_PREPOSITIONS = frozenset("of with in at from for".split())
_CONTACT_PRONOUNS = frozenset("he she they we i".split())  # open a relative clause without "that"
_RELATIVE_SPAN = 25  # tokens a relative clause between a subject and its cue may hold


def _relative_head(toks: list[Token], s: int, rules: Rules) -> tuple[int, int, str] | None:
    """The subject of a cue whose nearest NP sits in a relative clause on that subject: "Those who spoke
    said", "a federal lawsuit filed against the diocese alleged", "The group that organized ... is
    demanding"; the head NP before "who"/"that"/"which" or a past participle and a preposition, when it
    opens the clause (also a relative clause without "that": "The statement he read to Mr. Altman said").
    None when there is no such clause."""
    for k in range(s - 1, max(0, s - _RELATIVE_SPAN), -1):
        t = toks[k]
        if not t.word or t.low in rules.cue_words and toks[k - 1].low not in ("who", "that", "which"):
            return None  # a clause boundary or another cue: the NP is not inside a relative clause
        nxt = toks[k + 1]
        relative = t.low in ("who", "that", "which") and not nxt.cap and nxt.low not in DETERMINERS
        relative = relative and nxt.low not in PRONOUNS and nxt.word
        reduced = _participle(t.low) and (
            nxt.low in _RELATIVE_PREPOSITIONS or rules.late and nxt.low == "over"
        )
        contact = t.low in _CONTACT_PRONOUNS and nxt.word and not nxt.cap  # "The statement he read to"
        if not (relative or reduced or contact) or not toks[k - 1].word or toks[k - 1].low in BOUNDARY:
            continue
        q = np_left(toks, k - 1, 0)
        while q >= 2 and q <= k - 1 and toks[q - 1].low in _HEAD_PREPOSITIONS and toks[q - 2].word:
            q2 = np_left(toks, q - 2, 0)  # "Three of the witnesses with criminal records who spoke"
            if q2 > q - 2:
                break
            q = q2
        opens = q == 0 or not toks[q - 1].word or toks[q - 1].low in CLAUSE_OPENERS
        if q <= k - 1 and opens and toks[k - 1].low not in PRONOUNS:
            return toks[q].start, toks[k - 1].end, "NP relative, cue"
        return None
    return None


def _pp_head(toks: list[Token], s: int, j: int, rules: Rules) -> tuple[int, int, str] | None:
    """The subject whose listed head noun takes the NP at tokens [s, j] as its complement, when that head
    opens the clause ("after an alleged poll in Wyoming said", "The letter from Taylor says"), or None."""
    if s < 2 or toks[s - 1].low not in _HEAD_PREPOSITIONS or toks[s - 2].low not in rules.nouns:
        return None
    q = np_left(toks, s - 2, 0)
    if q > s - 2 or not (q == 0 or not toks[q - 1].word or toks[q - 1].low in CLAUSE_OPENERS):
        return None
    return toks[q].start, toks[j].end, "NP of NP cue"


_DASHES = frozenset(("—", "–", "--"))  # ("--" is two "-" tokens: _dash_at)
_ASIDE = 40  # tokens a dash-enclosed aside between a subject and its cue may hold


# prepositions after which 'it' is an object closing the subject NP ("the reporters behind it said")
_OBJECT_PREPOSITIONS = frozenset("behind about against with without toward towards inside outside".split())

_AGENT_ADVERBS = frozenset(["earlier", "first", "previously", "later", "also", "widely", "initially"])
# before the agent after the CRF (``Rules.late``), also ", including by" ("condemned, including by X")
_AGENT_LEAD = _AGENT_ADVERBS | frozenset([",", "including", "notably", "especially", "even"])
_IRREGULAR = frozenset("told said written thought brought sought held".split())


def _participle(form: str) -> bool:
    """Is this cue word a past participle ("reported", "told"), not a noun or a present ("calls by")?"""
    return form.endswith(("ed", "en")) or form in _IRREGULAR


def _agent_start(t: Token) -> bool:
    """Can this token open a passive's agent ("by the Times", "by officials")?

    Not a means ("by email") or a time ("by October", "by Friday").
    """
    if t.low in MONTHS or t.low in TIME_WORDS or t.text[:1].isdigit():
        return False
    return t.cap or t.low in DETERMINERS or (t.low.endswith("s") and t.word)


def _agent_end(toks: list[Token], s: int, e: int) -> int:
    """The agent ends before 'of' and a lower-case word ("accused by Ramos | of defamation")."""
    return next((k for k in range(s + 1, e - 1) if toks[k].low == "of" and not toks[k + 1].cap), e)


def find_source(toks: list[Token], i: int, ce: int, rules: Rules) -> tuple[int, int, str] | None:
    """The source the rules would give a cue at tokens [i, ce) that is not in the lists, or None."""
    return _find_source(toks, i, ce, False, False, [], rules)


def _clause_subject(
    toks: list[Token], i: int, nouns: dict, how: str, cue_words: frozenset[str] = frozenset()
) -> tuple[int, int, str] | None:
    """Subject NP of the clause holding token i: nearest comma-delimited clause, then the sentence start.

    A clause that is only an inverted attribution between commas ("..., an aide later made clear, but
    calling for ...") is skipped: its source speaks about the clause, it is not the clause's subject.
    A subject at the sentence start may be followed by a parenthetical between commas ("Mr. Perry, in his
    comments ..., was not suggesting ..., but calling for").
    """
    starts = [k + 1 for k in range(i - 1, -1, -1) if toks[k].text == ","] + [0]
    skipped = False
    for s in starts:
        while s < i and toks[s].text in OPEN_QUOTES:
            s += 1
        e = _past_tag(toks, leading_np(toks, s, i, nouns), i)
        if e > s and e < i and toks[e].word and not toks[e].cap:
            if _inverted_aside(toks, e, i, cue_words):
                skipped = True
                continue
            return toks[s].start, toks[e - 1].end, how
        if s == 0 and 0 < e < i and toks[e].text == "," and (skipped or _named(toks, s, e)):
            close = next((k for k in range(e + 1, i) if toks[k].text == ","), None)
            if close is not None and close + 1 < i and toks[close + 1].word and not toks[close + 1].cap:
                return toks[s].start, toks[e - 1].end, how
    return None


def _named(toks: list[Token], s: int, e: int) -> bool:
    """Is tokens[s:e] a name of two or more capitalised words ("Mr. Steele", "Sen. Jim DeMint")?"""
    words = [t for t in toks[s:e] if t.word]
    return len(words) >= 2 and all(t.cap for t in words)


def _inverted_aside(toks: list[Token], e: int, i: int, cue_words: frozenset[str]) -> bool:
    """Are the tokens from ``e`` to the next comma before ``i`` only adverbs and cue words, with at least
    one cue word ("an aide | later made clear ,")?"""
    seen = False
    for k in range(e, i):
        t = toks[k]
        if t.text == ",":
            return seen
        if t.low in cue_words:
            seen = True
        elif not (t.low in SKIP or t.low.endswith("ly")):
            return False
    return False


def _with_subject(toks: list[Token], i: int) -> tuple[int, int, str] | None:
    """The subject of an absolute clause ", with several saying that ...": the words between 'with' and
    the participle (at most four, no punctuation), or None."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if not toks[k].word:
            return None
        if toks[k].low == "with":
            ok = k < i - 1 and k > 0 and toks[k - 1].text == ","
            return (toks[k + 1].start, toks[i - 1].end, "with NP -ing") if ok else None
    return None


def _past_tag(toks: list[Token], e: int, hi: int) -> int:
    """The end of a subject NP with its bracketed party-state tag ("Sen. Mark Warner (D-Va.) released")."""
    if e < hi and toks[e].text == "(":
        close = next((k for k in range(e + 1, min(hi, e + 8)) if toks[k].text == ")"), None)
        if close is not None:
            return close + 1
    return e


def _after_comma(toks: list[Token], i: int, j: int, rules: Rules) -> tuple[int, int, str] | None:
    """The source of a cue at token ``i`` right after the comma ``j``: after the CRF (``unsourced``) the
    clause subject across "and, <aside>," ("X voiced support and, mirroring her stance, has said": X's
    second cue; "not respond" is none), else the NP before an appositive ("X, the spokesman, said")."""
    k = _aside_after_and(toks, j) if rules.late else None
    if k is not None and not any(toks[x].low in _NEGATIONS for x in range(j + 1, i)):
        return _clause_subject(toks, k, rules.nouns, "subject, coordinated", rules.cue_words)
    return _appositive(toks, j)


_NEGATIONS = frozenset(("not", "never", "n't"))


def _aside_after_and(toks: list[Token], j: int) -> int | None:
    """The index of 'and'/'but' right before an aside between commas that ends at comma ``j`` ("... and,
    mirroring her stance, has said"), or None: the cue after the aside is the clause's second verb."""
    p = next((k for k in range(j - 1, max(-1, j - 30), -1) if toks[k].text == ","), None)
    if p is None or p < 2 or j - p < 2 or toks[p - 1].low not in ("and", "but"):
        return None
    return p - 1


def _appositive(toks: list[Token], j: int) -> tuple[int, int, str] | None:
    """Source before an appositive or participle between commas: 'X, the Kremlin spokesman, said'."""
    p = next((k for k in range(j - 1, -1, -1) if toks[k].text == ","), None)
    if p is None or j - p > 30 or p == 0 or j - p < 2:
        return None
    first = toks[p + 1].low
    if first in ("he", "she", "they", "it", "but", "and", "however"):
        return None
    s = np_left(toks, p - 1, 0)
    if s > p - 1:
        return None
    if (
        first in ("who", "which", "speaking")
        or first.endswith("ing")
        or first in ("in", "on", "at", "during")
    ):
        return toks[s].start, toks[p - 1].end, "NP, clause, cue"
    return toks[s].start, toks[j - 1].end, "NP, appositive, cue"
