"""What looks like an attribution but is none: refusals to comment, future events, documents that 'call for'.

Patterns come from ``lexicons/attribution_nonstatements.csv``: a ``refusal`` pattern drops a cue it
overlaps or that it follows within a few words ('declined to comment', 'did not respond to a request
for comment', 'said it had no comment'); a ``future`` pattern drops a cue it ends right before ('the
firm would unveil', 'is expected to announce'); a ``label`` pattern drops a colon cue whose whole
source it matches ('The Latest: ...', 'CLARIFICATION: ...'); an ``idiom`` pattern drops a cue it
covers ('rest assured', 'referred to as', 'media reports'), an ``intention`` pattern too unless beliefs
are counted ('agreed to extend'). A discovery ('the paper found', 'officials
found') is no statement unless a document finds ('the report found').
"""

from __future__ import annotations

import re

from outlet_comparison.cache import by_identity, memoize
from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.heads import head_noun
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.wordlists import categorised_patterns, covering, joined_pattern, opens_at_edges

CATEGORIES = ("refusal", "future", "label", "negated", "passive", "nobody", "idiom", "intention", "vote")
_IDIOM_REACH = 30  # characters around the cue an idiom pattern may span
_AFTER = 45  # characters after the cue a refusal may start in ('said it had no comment')
_BEFORE = 40  # characters before the cue a future marker may span
_VOTE_REACH = 60  # characters after the cue a vote's instrument may end in
# documents that 'call for' something state a demand of their text, not a speaker's statement
_CALL_FOR = re.compile(r"\s+(?:for|on)\b", re.IGNORECASE)  # "the plan calls on Congress to"
# a source never opens with a subordinator or conjunction ("Though she called ...": the source is "she")
_OPENER = re.compile(
    r"(?:though|although|if|because|unless|whereas|while|when|whenever|as|since|and|but|yet)\s+(?=\S)",
    re.IGNORECASE,
)
# a span that is only one of these cannot be who speaks: an article, a subordinator, an adverb or a
# lower-case -ing form ("A passionate defender of", "which together vowed", "fueling worries")
_LONE = re.compile(
    r"(?i:a|an|the|if|though|although|because|whether|amid|after|before|during|despite|in|on|at|with"
    r"|and|but|or|nor|yet|so|however|still|meanwhile|since|now|then|today|here|there|instead|when|while"
    r"|where|once|unless|until)"
    r"|together|almost|[a-z]+ing"
)


@memoize(maxsize=8)
def load_nonstatements(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled non-statement patterns with their category."""
    return categorised_patterns(path, CATEGORIES)


@memoize(maxsize=8)
def _joined_patterns(
    patterns: tuple[tuple[re.Pattern[str], str], ...],
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns of each category as one alternation (``joined_pattern``) where they join safely.

    A window matches the alternation iff it matches one of them: one search per category instead of
    one per pattern.
    """
    out: list[tuple[re.Pattern[str], str]] = []
    for cat in CATEGORIES:
        rxs = [rx for rx, c in patterns if c == cat]
        joined = joined_pattern(rxs) if len(rxs) > 1 else None
        out.extend([(joined, cat)] if joined is not None else [(rx, cat) for rx in rxs])
    return tuple(out)


_joined = by_identity(_joined_patterns)  # asked per cue: the memo's hash of 40 patterns cost more than it


def not_a_statement(
    text: str,
    c0: int,
    c1: int,
    patterns: tuple[tuple[re.Pattern[str], str], ...],
    beliefs: bool = False,
    listed: bool = False,
    predicate: bool = False,
) -> bool:
    """Is the cue at text[c0:c1] a refusal to comment, a reported future event, an idiom, an agentless
    passive, or (unless ``beliefs``) a commitment to act ('agreed to extend')? ``listed``: the cue is a
    listed statement verb, so a cue span holding its own auxiliary ("was criticized for") is read as
    passive too. ``predicate``: a cue of the model opening with no listed cue word ("doubling down on",
    "critical of", "coy about", "determined to warn"): a predicate of its subject, never a passive (the
    model's cue loses its auxiliary, "is", "has been", before the filters see it)."""
    for rx, cat in _joined(patterns):
        if cat == "refusal":
            if any(
                not _named_refuser(text, c1, m.start())
                for m in rx.finditer(text, max(0, c0 - 25), c1 + _AFTER)
            ):
                return True
        elif cat == "future" and rx.search(text, max(0, c0 - _BEFORE), c0):
            return True
        elif cat == "passive" and not predicate and _passive(text, c0, c1, rx, listed):
            return True
        elif (
            cat in ("idiom", "intention")
            and (cat == "idiom" or not beliefs)
            and _cue_word_in(text, c0, c1, rx)
            and _covering(text, c0, c1, rx)
        ):
            return True
    return False


# the capitalised word right before a refusal in the cue's content: its subject is a name ("Gowdy said
# Clinton did not respond to the subpoenas"), so the refusal is that third party's, reported by the speaker
_NAME_BEFORE_REFUSAL = re.compile(r"(?<![\w’'.-])(?!I\s)[A-Z][\w’'.-]*\s+$")
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s+[\"“‘']*[A-Z]")  # a sentence closes between cue and refusal


def _named_refuser(text: str, c1: int, at: int) -> bool:
    """Is the refusal at ``at``, after the cue ending at ``c1``, somebody else's: in the next sentence ("...,
    the Navy said. It did not say why"), or with a name as its subject ("said Clinton did not respond": the
    speaker reports a third party's non-answer, a statement of its own)? A refusal after a pronoun or a
    common noun in the cue's own sentence ("said it had no comment", "said the company would not
    comment") is the speaker's own non-answer."""
    return at > c1 and (
        _SENTENCE_END.search(text, c1, at + 1) is not None
        or _NAME_BEFORE_REFUSAL.search(text, max(c1, at - 30), at) is not None
    )


def _cue_word_in(text: str, c0: int, c1: int, rx: re.Pattern[str]) -> bool:
    """Is the cue's first word written in the idiom pattern ("assured" in "rest\\s+assured")? An idiom
    covers its cue, so a pattern without the word cannot match: most cues skip the regex."""
    words = text[c0:c1].split()
    return bool(words) and words[0].lower() in rx.pattern


def _covering(text: str, c0: int, c1: int, rx: re.Pattern[str]) -> bool:
    """Does a match of the idiom pattern ``rx`` near the cue cover it? Tried at word edges only when every
    idiom opens at one (``covering``): a "said" cue meets the whole idiom alternation ("having said")."""
    lo, hi = max(0, c0 - _IDIOM_REACH), c1 + _IDIOM_REACH
    if _edged(rx):
        return covering(text, rx, lo, hi, c0, c1)
    return any(m.start() <= c0 and m.end() >= c1 for m in rx.finditer(text, lo, hi))


_edged = by_identity(opens_at_edges, 32)


# the agent of a passive cue, before the clause ends ("was first reported by The New York Times")
_AGENT = re.compile(
    r"(?:,?\s+(?:\w+ly|earlier|first|later|today|yesterday|including|even|on\s+\w+))*\s+by\b", re.IGNORECASE
)


# a listed cue span holding its auxiliary: a be-form, adverbs, one past participle, a preposition
_AUX_PASSIVE = re.compile(
    r"(?i:was|were|is|are|been|being|be)\s+(?:[a-z]+ly\s+|(?:often|never|not|also|still|once|always|even|first"
    r"|later|again)\s+){0,2}([a-z]+(?:ed|en)|told|said|sought|held|thought)(?:\s+(?:for|as|about|of|on|over))?"
)


def _passive(text: str, c0: int, c1: int, rx: re.Pattern[str], listed: bool = False) -> bool:
    """A cue in the passive with no agent ("was widely praised", "is often described as", "was never
    asked", or a listed cue whose span holds its auxiliary: "was criticized for"); "was saying" is active."""
    if text[c0:c1].lower().endswith("ing"):
        return False
    inner = listed and _AUX_PASSIVE.fullmatch(text, c0, c1) is not None
    if not inner and not rx.search(text, max(0, c0 - _BEFORE), c0):
        return False
    return not _AGENT.match(text, c1)


def negated(text: str, c0: int, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the cue negated ("officials have not commented", "never said")? Such a row is no unnamed
    source; a named one stays ("Clark could not recall ...": what a named person did not say is news)."""
    lo = max(0, c0 - _BEFORE)
    return any(cat == "negated" and rx.search(text, lo, c0) for rx, cat in _joined(patterns))


def nobody_speaks(text: str, h: Hit, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the hit's source a negative ('No senior official has defended ...', 'None of them said')?"""
    if h.source_start < 0:
        return False
    a, b = h.source_start, h.source_end
    return any(cat == "nobody" and rx.match(text, a, b) for rx, cat in _joined(patterns))


def vote(text: str, h: Hit, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the hit a vote or a ruling ("Congress ... rejected President Obama's veto", "the Judiciary
    Committee rejected his nomination")? A ``vote`` pattern reads the source, the cue and its object from
    the source's start; only a cue word the pattern spells is tried."""
    words = h.cue.split()
    if h.source_start < 0 or not words or h.source_start > h.cue_start:
        return False
    end = min(len(text), h.cue_end + _VOTE_REACH)
    first = words[0].lower()
    return any(first in rx.pattern and rx.match(text, h.source_start, end) for rx in _votes(patterns))


def _vote_patterns(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[re.Pattern[str], ...]:
    """The ``vote`` patterns of ``_joined(patterns)``, in their order."""
    return tuple(rx for rx, cat in _joined(patterns) if cat == "vote")


_votes = by_identity(_vote_patterns)  # asked per hit: the other categories are not walked each time


def is_label(text: str, h: Hit, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the hit's source a column or editorial label before a colon ('The Latest: ...')?"""
    if h.source_start < 0 or text[h.cue_end - 1 : h.cue_end] != ":":
        return False
    return any(cat == "label" and rx.fullmatch(text, h.source_start, h.source_end) for rx, cat in patterns)


_CAPITALS_WORD = re.compile(r"[^\W\d_]{2,}")


def heading_cue(text: str, h: Hit) -> bool:
    """Is the hit's cue word written in capitals ("EVEN OZ'S BOSS THINKS", "QUESTIONABLE MEDICAL CLAIMS")?
    A heading in capitals inside a text in normal case: its names cannot be told from other words, as in a
    text written in capitals (``written_in_capitals``), so it is no statement."""
    word = _CAPITALS_WORD.search(text, h.cue_start, h.cue_end)
    return word is not None and word.start() == h.cue_start and word.group().isupper()


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing")
_DEMONSTRATIVE_END = re.compile(r",\s+((?:these|those|the)\s+(?:people|officials|sources|aides))$")
_AGE_FIRST = re.compile(r"\d{1,3},\s")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+),\s+$")
# the subject after an opening participial phrase: a capitalised run after its comma
_SUBJECT_AFTER = re.compile(r",[\"”’]?\s+((?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][\w’'\-]*)")


# a time expression is no speaker: "Mr. Obama shifted ... and last year announced" (the subject speaks)
_TIME_SOURCE = re.compile(
    r"(?i:(?:last|this|next|that|earlier|later)\s+(?:year|week|month|night|spring|summer|fall|autumn|winter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on\s+)?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|today|yesterday|tonight)"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:day|week|month|year)s?"
    r"\s+ago)"
)
# a time expression closing a span ("An NBC News/Wall Street Journal poll last week found"): not the source
_NAMED_DAYS = frozenset(("Today", "Tonight", "Yesterday"))  # "USA Today reported": a name, not a time
_FUNCTION_WORDS = frozenset("the a an as in on at of for from by through since until who that which".split())
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:early|late|just|earlier|later)\s+)?(?:" + _TIME_SOURCE.pattern + r")\s*$"
)
# a span opening with a preposition ("on Glenn Beck's conservative radio | show") is no subject
_PREPOSITION_FIRST = re.compile(r"(?:on|in|at|from|into|onto|over|under|during|via)\s")
_SENTENCE_SUBJECT = re.compile(r"\s*((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)")


def time_source(text: str, h: Hit, sent_start: int) -> bool:
    """A time expression as source ("last year announced") becomes the sentence's capitalised subject;
    False when there is none (the hit has no source)."""
    if h.source_start < 0 or not _TIME_SOURCE.fullmatch(text, h.source_start, h.source_end):
        return True
    m = _SENTENCE_SUBJECT.match(text, sent_start, h.source_start)
    if m is None:
        return False
    h.source_start, h.source_end = m.span(1)
    return True


# a span opening with a prepositional cue is that cue's source, never the subject of another one
_ACCORDING_SPAN = re.compile(r"(?i:according\s+to|as\s+(?:reported|told)\s+(?:by|to))\b")
# adverbs the model's span can end with before the cue ("The president also calls"): not the source
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|too|then|again|still|now|just|even|once|already|later|reportedly|publicly|privately"
    r"|repeatedly|previously|recently|subsequently|initially|quickly|quietly|explicitly|emphatically))+\s*$"
)

# a party-state tag and a comma opening a span before a definite appositive ("R-Maine, the top Republican on
# the panel"): the tag belongs to the name before the span, the appositive is the source
_TAG_FIRST = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s+(?=the\s)")


def trim_source(text: str, h: Hit) -> bool:
    """Cut a leading subordinator or conjunction, and trailing adverbs ("The president also"), off the
    hit's source span; False if no source is left."""
    if h.source_start < 0:
        return True
    if h.how.endswith("cue NP") and h.cue.split()[-1].lower().endswith("ing"):
        return False  # ", saying the businessman is ...": a participle is never inverted (its subject is)
    if _ACCORDING_SPAN.match(text, h.source_start, h.source_end):
        return False  # "according to White House pool reports": the noun 'reports' is no second cue
    m = _OPENER.match(text, h.source_start, h.source_end) or _OBJECT_FIRST.match(
        text, h.source_start, h.source_end
    )
    if m:
        h.source_start = m.end()
    tag = _TAG_FIRST.match(text, h.source_start, h.source_end)
    if tag:  # "Sen. Susan Collins, R-Maine, the top Republican on the panel, said": the appositive speaks
        h.source_start = tag.end()
    if (
        h.source_start < h.cue_start < h.source_end
    ):  # a source never holds its own cue ("The paper found three women" / found)
        h.source_end = len(text[h.source_start : h.cue_start].rstrip()) + h.source_start
    adverbs = _TRAILING_ADVERBS.search(text, h.source_start, h.source_end)
    if adverbs and adverbs.start() > h.source_start:
        h.source_end = adverbs.start()
    if _PREPOSITION_FIRST.match(text, h.source_start, h.source_end):
        return False
    brk = text.rfind("\n\n", h.source_start, h.source_end)
    if brk >= 0:  # a span never crosses a paragraph break ("Republicans.\n\nDeMint, who said ...")
        h.source_start = brk + 2
    last = _DEMONSTRATIVE_END.search(text, h.source_start, h.source_end)
    if last:  # "A.I. leaders like Microsoft and Meta, these people said": the people speak
        h.source_start = last.start(1)
    age = _AGE_FIRST.match(text, h.source_start, h.source_end)
    named = _NAME_BEFORE.search(text, max(0, h.source_start - 40), h.source_start) if age else None
    if named:  # "John Skipper, 66, a former chairman ...": the name before the age is the source
        h.source_start = named.start(1)
    # "Speaking on Fox, Sen. Jim DeMint ... said": the subject after the participial phrase speaks
    if (
        _OPENING_PARTICIPLE.fullmatch(text, h.source_start, h.source_end)
        and "," in text[h.source_end : h.cue_start]
    ):
        subject = _SUBJECT_AFTER.search(text, h.source_end, h.cue_start)
        if subject is None:
            return False
        h.source_start, h.source_end = subject.span(1)
    if _COMMA_ONLY.fullmatch(text, h.source_end, max(h.source_end, h.cue_start)):
        verb = _CLAUSE_VERB.search(text, h.source_start, h.source_end)
        if verb and verb.start() > h.source_start:  # "The states ... filed a lawsuit ..., claiming": subject
            h.source_end = verb.start()
    when = _TRAILING_TIME.search(text, h.source_start, h.source_end)  # not after "officials as recently as"
    if (
        when
        and when.start() > h.source_start
        and text[when.start() : when.end()].split()[-1].title() not in _NAMED_DAYS
        and text[h.source_start : when.start()].split()[-1] not in _FUNCTION_WORDS
    ):
        h.source_end = when.start()
    return _LONE.fullmatch(text, h.source_start, h.source_end) is None


# "The president's tweets announcing the withdrawal said": a lower-case participle right before the source
# makes the source its object; the noun phrase before the participle (from a clause boundary) speaks
_PARTICIPLE_BEFORE = re.compile(r"(?<![,;:])\s+([a-z]{2,}ing)\s+$")
_NOT_PARTICIPLES = frozenset(
    "during including regarding concerning following according considering notwithstanding pending "
    "excluding barring nothing something anything everything thing morning evening bring sing".split()
)
_CLAUSE_EDGE = re.compile(r".*(?:[,;:()\[\]“”\"—–]|\bthat\b|\bwhich\b|\bwho\b)\s*", re.DOTALL)
_NP_START = re.compile(
    r"(?:[A-Z][\w’'.\-]*|the|a|an|his|her|their|its|our|this|these|those|some|many|several|two|three|four)\s"
)
_CLAUSE_WORDS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|did|does|do"
    r"|not|and|or|but|if|when|as|after|before|while|because|since|to|[a-z]+ed)\b"
)


# a possessive source and one lower-case word before the cue: "Reid's | comments suggest"
_POSSESSED = re.compile(r"\s+([a-z][a-z\-]+)\s+$")


def possessed_noun(text: str, h: Hit) -> bool:
    """A source ending in a possessive takes the noun it owns ("Reid's comments suggest", "Trump's tweets
    said": the cue word read as a noun is no part of the cue); always True."""
    if h.source_start < 0 or not text[h.source_start : h.source_end].endswith(("'s", "’s")):
        return True
    m = _POSSESSED.fullmatch(text, h.source_end, h.cue_start)
    if m is not None:
        h.source_end = m.end(1)
    return True


_FIRST_PERSON = frozenset(("i", "we"))


def self_report(text: str, h: Hit) -> bool:
    """ "I said this was going to happen" inside a speaker's quotation: their own report of their speech,
    part of the quoted statement, no row of its own (as the gold counts it). A third person's nested speech
    stays ("Mason said he asked to be reimbursed")."""
    if h.source_start < 0 or text[h.source_start : h.source_end].lower() not in _FIRST_PERSON:
        return False
    return in_quotation(text, h.cue_start)


def in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside quotation marks in its paragraph (curly or straight)? A paragraph that closes a
    quotation it never opened continues one from the paragraph before ("... we've reported," he said)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    before, after = text[start:pos], text[pos : end if end >= 0 else len(text)]
    if before.count("“") != before.count("”") or before.count('"') % 2 == 1:
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1
    if after.count("”") > after.count("“"):
        return True
    k = after.find('"')  # a straight quote closes after a word or a comma ('reported," he said')
    return not before.count('"') and k > 0 and not after[k - 1].isspace()


# "he's expressed openness": a pronoun with a contracted auxiliary, not a possessive
_CONTRACTED = re.compile(r"(?i)(i|you|he|she|it|we|they|who)[’'](?:s|ve|d|ll|re|m)")


def contracted_pronoun(text: str, h: Hit) -> bool:
    """A source written as a pronoun with a contracted auxiliary ("he's expressed") is the pronoun;
    always True."""
    m = _CONTRACTED.fullmatch(text, h.source_start, h.source_end) if h.source_start >= 0 else None
    if m is not None:
        h.source_end = m.end(1)
    return True


# a singular subject opener: "a false | claim", "a weekend | tweet", "a handwritten | note"
_SINGULAR = re.compile(r"(?i:a|an|one|another|each|every)(?:\s+[a-z][a-z\-]*){1,2}")
LISTED_STANCES = ("neutral", "loaded")  # a listed statement verb (an unlisted cue's lemma is its own text)
_SAME_AS_PAST = frozenset(("read",))  # base forms spelled like the past: "a spokesman read a statement"


def noun_cue(text: str, h: Hit) -> bool:
    """Is the cue word a noun after its modifiers ("a false claim", "a weekend tweet", "a handwritten note
    on the petition said")? A singular subject never takes a bare base form, so "a/an/one ... <base
    form>" is a noun phrase, not a source and its cue."""
    words = h.cue.split()
    if h.source_start < 0 or len(words) != 1 or h.source_end > h.cue_start or h.stance not in LISTED_STANCES:
        return False
    if text[h.source_end : h.cue_start].strip() or words[0].lower() != h.lemma or h.lemma in _SAME_AS_PAST:
        return False
    span = _SINGULAR.fullmatch(text, h.source_start, h.source_end)  # "a number of members echo": plural
    return span is not None and " of" not in span.group(0)


_SUBJECT_PRONOUN = frozenset(("he", "she", "it"))


def object_noun_cue(text: str, h: Hit) -> bool:
    """Is an -s cue word the plural noun object of the verb before it ("He also rejected reports that",
    "This prompted calls to boycott", "He rejects calls for", "the mounting calls to remove")? A 3rd-person
    cue form never follows a past verb, a pronoun's -s verb or "the" and an -ing word."""
    words = h.cue.split()
    if len(words) != 1 or not words[0].endswith("s") or words[0].lower() == h.lemma:
        return False
    before = text[max(0, h.cue_start - 40) : h.cue_start].split()
    if not before or not before[-1].isalpha() or not before[-1].islower():
        return False
    prev = before[-1]
    two = before[-2].lower() if len(before) > 1 else ""
    return (
        prev.endswith("ed")
        or (prev.endswith("s") and two in _SUBJECT_PRONOUN)
        or (prev.endswith("ing") and two in ("the", "a", "an", "his", "her", "their", "its"))
    )


_IF_BEFORE = re.compile(r"(?i)\b(?:if|unless)\s+$")


def hypothetical(text: str, h: Hit) -> bool:
    """Is the hit's source the subject of an if-clause ("If Hillary Clinton ... still cannot say ...")? A
    condition states nothing: no row."""
    return (
        h.source_start >= 0
        and _IF_BEFORE.search(text, max(0, h.source_start - 10), h.source_start) is not None
    )


def participle_object(text: str, h: Hit, sent_start: int) -> bool:
    """The noun phrase before a reduced relative is the source, not the participle's object ("The
    president's tweets announcing the withdrawal said": the tweets, not "the withdrawal"); always True."""
    if h.source_start < 0 or h.source_end > h.cue_start:
        return True
    ing = _PARTICIPLE_BEFORE.search(text, max(sent_start, h.source_start - 40), h.source_start)
    if ing is None or ing.group(1) in _NOT_PARTICIPLES:
        return True
    edge = _CLAUSE_EDGE.match(text, sent_start, ing.start())
    start = edge.end() if edge else sent_start
    start += len(text[start : ing.start()]) - len(text[start : ing.start()].lstrip())
    phrase = text[start : ing.start()]
    if not 1 <= len(phrase.split()) <= 6 or _CLAUSE_WORDS.search(phrase):
        return True
    if len(phrase.split()) > 1 and not _NP_START.match(text, start):
        return True
    h.source_start = start
    return True


# the object of a relative clause before its subject ("— something Oklahoma and Nebraska says"): not said
_OBJECT_FIRST = re.compile(r"(?:something|anything|everything|nothing|what|which)\s+(?=[A-Z])")
_COMMA_ONLY = re.compile(r"\s*,\s*")
# a finite past verb and its object inside a span ("filed a federal lawsuit"), not in a relative clause
_CLAUSE_VERB = re.compile(
    r"(?<!\bwho)(?<!\bthat)(?<!\bwhich)\s+[a-z]+ed\s+(?:a|an|the|its|their|his|her|our)\s"
)


# what follows 'found' when a finding is stated: a clause, a measure, or nothing (", they found.")
_FINDING = re.compile(
    r"\s+(?:that|in|no|little|evidence|it|a\s+majority|most|more|fewer|less|higher|lower|\d)\b|\s*[,:.;]"
)


def discovery(text: str, c1: int, lemma: str, src: Source) -> bool:
    """'The paper found three other women': what someone found, not what they stated; a finding stated
    as a clause stays ('investigators found that ...'), and so does any document's ('the report found')."""
    if lemma == "read":
        return src.kind != "document"  # 'the letter reads' is its wording; 'he reads the paper' is reading
    return lemma == "find" and src.kind != "document" and not _FINDING.match(text, c1)


# cues of evidence: a text or its data shows ("polls show"); a quality or an act does not speak
EVIDENCE_LEMMAS = frozenset(("show", "demonstrate", "prove"))
# cues a person speaks with ("she suggested") but an act in words only seems to ("his remarks suggested")
SIGNAL_LEMMAS = frozenset(("suggest", "indicate", "underscore", "highlight"))
# a noun of a quality or a state ("intensity", "weakness", "tolerance"): nothing a reader counts as a source
_ABSTRACT = re.compile(r"(?:ity|ness|ism|ance|ence|ship|hood|tude)$")
_PRONOUNS = frozenset("i we you he she it they this that these those who which".split())


def inference(lemma: str, src: Source, rules: Rules) -> bool:
    """What a quality or an act in words "shows" is the writer's inference, no one's statement ("The
    intensity of their attacks showed", "Mr. Obama's defense of ... showed", "Reid's comments suggest"):
    an evidence or signal cue whose source head is an act noun, or an evidence cue whose source head is
    an unlisted lower-case noun of a quality ("intensity", "weakness"). A document shows ("polls show",
    "another slide shows", "a batch of public records ... shows")."""
    if lemma not in EVIDENCE_LEMMAS and lemma not in SIGNAL_LEMMAS:
        return False
    head = head_noun(src.source, rules.type_nouns)
    if head in rules.act_nouns:
        return lemma in EVIDENCE_LEMMAS or lemma in SIGNAL_LEMMAS
    return (
        lemma in EVIDENCE_LEMMAS
        and src.kind != "document"
        and not src.name
        and not src.affiliation
        and head.isalpha()
        and head not in rules.type_nouns
        and head not in _PRONOUNS
        and re.search(rf"\b{head}\b", src.source) is not None  # written lower case: no name
        and _ABSTRACT.search(head) is not None
    )


# people a quality noun may stand for ("the majority agreed,"): a group that speaks, not a quality
_PEOPLE_ABSTRACT = frozenset("majority minority community audience leadership membership".split())
# "the information queried, and", "... queried and the public’s interest": no object, no clause
_BARE_PARTICIPLE = re.compile(r"ed(?:\s*[,;)]|\s+(?:and|or)\s)")


def quality_participle(text: str, c0: int, c1: int, src: Source, rules: Rules) -> bool:
    """ "the security of the information queried, and the public’s interest": a past participle with no
    object after an unlisted lower-case noun of a quality modifies it (a reduced relative clause), and a
    quality is no person: no statement (issue 21, check7)."""
    head = head_noun(src.source, rules.type_nouns)
    return (
        _BARE_PARTICIPLE.match(text, c1 - 2) is not None
        and " " not in text[c0:c1].strip()
        and src.kind != "document"
        and not src.name
        and head.isalpha()
        and head not in rules.type_nouns
        and head not in _PEOPLE_ABSTRACT
        and re.search(rf"\b{head}\b", src.source) is not None
        and _ABSTRACT.search(head) is not None
    )


_QUOTES_ON = re.compile(r"[^.!?\n“\"]{0,200}[“\"]")  # the clause goes on to quote the document's words


def document_calls_for(text: str, c1: int, lemma: str, src: Source) -> bool:
    """'The treaty calls for a ceasefire': a document's demand, not a statement; unless it quotes the
    document's words ("the original called for the NAACP to “educate its membership ...”")."""
    return (
        lemma == "call"
        and src.kind == "document"
        and bool(_CALL_FOR.match(text, c1))
        and not _QUOTES_ON.match(text, c1)
    )


# a future form whose words are given: "is expected to say", "will promise" (excerpts released in advance)
_PREPARED = re.compile(r"\b(?:will|(?:is|are)\s+expected\s+to)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_QUOTATION = re.compile(r"[“\"][^”\"]*\w[^”\"]*[”\"]")


def prepared_remarks(text: str, h: Hit, sentence: tuple[int, int]) -> bool:
    """Is the listed cue a future form whose words its sentence quotes ("“...,” Mr. Rubio is expected to
    say", "he will promise to use American power “to oppose ...”")? Prepared remarks released in
    advance are a statement, though a future event without its words is none ("is expected to
    announce"); "would" and "should" stay hypotheses and demands."""
    return (
        h.stance in ("neutral", "loaded")
        and _PREPARED.search(text, max(sentence[0], h.cue_start - _BEFORE), h.cue_start) is not None
        and _QUOTATION.search(text, *sentence) is not None
    )
