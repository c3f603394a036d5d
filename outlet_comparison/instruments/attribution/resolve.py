"""After the cues are found: classify each source, resolve pronouns and follow-ups, find anonymity."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.classify import Source, classify
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.names import NO_NAMES, Names, find_names
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import NAME_WORD, PRONOUNS
from outlet_comparison.wordlists import joined_pattern

LOOKBACK = 200  # antecedents are searched among this many earlier attributions
NAMED_REACH = 1500  # characters before 'he'/'she' in which a named person beats an unnamed source


_WHO_ANTECEDENT = re.compile(rf"({NAME_WORD}(?:\s+{NAME_WORD})*|the\s+\w+(?:\s+\w+)?)\s*,\s*$")
_SUBJECT = re.compile(rf"\s*((?:The\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)")
_CLAUSE_STOP = re.compile(r",\s(?!who\b|which\b|speaking\b)|\s(?:that|adding)\s")


def resolve(text: str, hits: list[Hit], rules: Rules, spans: list[tuple[int, int]]) -> None:
    """Classify each source; resolve pronouns and 'the official' follow-ups to the latest fitting source."""
    nouns = rules.type_nouns
    done: list[Hit] = []
    names = find_names(text, rules) if hits else None
    for h in hits:
        mention = text[h.s0 : h.s1]
        low = mention.lower()
        sent_initial = h.how.startswith("NP") and h.s0 == _start_of(spans, h)
        if low in PRONOUNS:
            h.src = _pronoun(text, h, low, done, rules, _start_of(spans, h), names)
        else:
            h.src = classify(mention, rules, sent_initial, names or NO_NAMES)
            h.src = _with_apposed_body(text, h, rules, names or NO_NAMES) or h.src
            if h.src.source_type == "anonymous" and not h.src.affiliation and h.src.kind != "document":
                h.src.affiliation = _body_named_before(text, h.s0, mention, nouns) or _owner(
                    text, h, low, done, rules, _start_of(spans, h), names
                )
            words = low.split()
            definite = bool(words) and words[0] in ("the", "these", "those", "that", "this")
            common = all(w[:1].islower() for w in mention.split()[1:])  # "the utility", not "The ACLU"
            body = h.src.kind == "organization" and not h.src.affiliation
            if definite and common and body and len(words) <= 3:
                ante = next(
                    (d for d in _recent(done) if d.src and d.src.source_type == "named_organization"), None
                )
                if ante is not None:  # "the utility said" refers back to the last named body
                    h.src = Source(**ante.src.__dict__)
                    h.antecedent = ante.src.source
            elif (definite and h.src.source_type == "anonymous") or (
                definite and len(words) <= 3 and nouns.get(words[-1]) == "title"
            ):
                ante = _follow_up(words[-1], done)
                if ante is not None and (ante.src.kind == "document") == (h.src.kind == "document"):
                    h.src = Source(**{**ante.src.__dict__, "source": ante.src.source})
                    h.antecedent = ante.src.source
        done.append(h)


BODY_REACH = 5000  # characters before a mention in which "the county" finds the county it refers to
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+[^,.;:()]{1,60}")


def _with_apposed_body(text: str, h: Hit, rules: Rules, names: Names) -> Source | None:
    """A bare name the text goes on to describe as a body: "according to Gridwise, an app that ..."."""
    src = h.src
    if src is None or src.source_type != "named_person" or src.name in names.surnames:
        return None
    m = _APPOSITIVE.match(text, h.s1)
    if m is None or len(src.name.split()) > 3:
        return None
    found = classify(text[h.s0 : m.end()], rules, False, names)
    if found.source_type != "named_organization":
        return None
    return Source(**{**found.__dict__, "source": text[h.s0 : h.s1]})


def _body_named_before(text: str, pos: int, mention: str, nouns: dict[str, str]) -> str:
    """The body a lower-case body noun names: "the county attorneys" after "Alameda County" ("" if none)."""
    word = next((w for w in re.findall(r"\b[a-z]+\b", mention) if nouns.get(w) == "org"), "")
    if not word:
        return ""
    rx = re.compile(rf"((?:{NAME_WORD}\s+){{1,4}}){word.capitalize()}\b")
    found = [m.group(0) for m in rx.finditer(text, max(0, pos - BODY_REACH), pos)]
    return re.sub(r"^The\s+", "", found[-1]) if found else ""


def _owner(
    text: str, h: Hit, low: str, done: list[Hit], rules: Rules, sent_start: int, names: Names | None
) -> str:
    """Whose aides 'his aides' or 'her lawyers' are: the person 'he' or 'she' resolves to ("" if none)."""
    words = low.split()
    if len(words) != 2 or words[0] not in ("his", "her") or rules.type_nouns.get(words[1]) != "official":
        return ""  # 'her neighbors', 'his mom': people of their own, not speaking for the person
    first = words[0]
    src = _pronoun(text, h, "he" if first == "his" else "she", done, rules, sent_start, names)
    return src.name if src.source_type == "named_person" else ""


def _start_of(spans: list[tuple[int, int]], h: Hit) -> int:
    """Start of the sentence holding the source (the cue's sentence, or the one before it)."""
    s = spans[h.sentence][0]
    return spans[h.sentence - 1][0] if h.s0 < s and h.sentence else s


def _recent(done: list[Hit]) -> Iterator[Hit]:
    """Earlier attributions, most recent first, at most LOOKBACK of them (keeps the cost linear)."""
    return islice(reversed(done), LOOKBACK)


def _follow_up(head: str, done: list[Hit]) -> Hit | None:
    """Most recent earlier attribution whose mention contains the head noun (for 'the official said')."""
    for d in _recent(done):
        if d.src is not None and re.search(rf"\b{re.escape(head)}", d.src.source, re.IGNORECASE):
            return d
    return None


def _pronoun(
    text: str, h: Hit, low: str, done: list[Hit], rules: Rules, sent_start: int, names: Names | None
) -> Source:
    """Resolve a pronoun (or relative 'who') to the most recent fitting source, or to a person named later."""
    if low == "who":
        m = _WHO_ANTECEDENT.search(text[: h.s0])
        if m:
            return classify(m.group(1), rules)
    want = PRONOUNS[low]
    candidates = (d for d in _recent(done) if d.src is not None and d.src.source.lower() not in PRONOUNS)
    subj = _SUBJECT.match(text[sent_start : h.s0])
    if want == "org" and subj:
        src = classify(subj.group(1), rules, True)
        if src.source_type == "named_organization":
            return src
    for d in candidates:
        s = d.src
        assert s is not None
        fits = (
            (want in ("m", "f", "sg") and s.kind == "person" and not s.plural)
            or (want == "pl" and (s.plural or s.kind == "group"))
            or (want == "org" and s.kind in ("organization", "document"))
        )
        if fits:
            if want in ("m", "f") and names is not None and s.source_type != "named_person":
                # 'he' after an unnamed source is more often the person named nearby than the unnamed one
                named = names.last_before(h.s0, h.s0 - NAMED_REACH)
                if named:
                    return classify(named, rules, False, names)
            return Source(**{**s.__dict__})
    mention = text[h.s0 : h.s1]
    named = names.last_before(h.s0, max(0, h.s0 - 3000)) if names is not None and want in ("m", "f") else ""
    if named:  # nobody has spoken yet: 'he' is the last person the text named
        return classify(named, rules, False, names or NO_NAMES)
    if want == "org":  # an unresolved 'it' is a body or a document, not a person
        return Source(mention, "named_organization", "", "", "organization", "other")
    if want == "pl":
        return Source(mention, "anonymous", "", "", "group", "other", True)
    return Source(mention, "named_person", "", "", "person", "other")


@memoize(maxsize=8)
def _any_anonymity(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> re.Pattern[str] | None:
    """All anonymity patterns as one alternation (``joined_pattern``), to rule a region out at once."""
    return joined_pattern(rx for rx, _ in patterns)


def anonymity_reason(text: str, h: Hit, sent_end: int, rules: Rules) -> tuple[str, str]:
    """(anonymity marker, stated reason) in the source mention and the clause attached to it."""
    after = max(h.s1, h.c1)
    stop = _CLAUSE_STOP.search(text[after:sent_end])
    region = text[
        min(h.s0, h.c0) if h.how.startswith("NP") else h.s0 : after
        + (stop.start() if stop else sent_end - after)
    ]
    marker = reason = ""
    any_rx = _any_anonymity(rules.anonymity)
    if any_rx is not None and any_rx.search(region) is None:
        return marker, reason  # no pattern matches (most mentions): one search, not one per pattern
    for rx, cat in rules.anonymity:
        m = rx.search(region)
        if m is None:
            continue
        if cat == "marker" and not marker:
            marker = m.group(0)
        elif cat == "reason" and not reason:
            reason = m.group(0).strip()
    return marker, reason
