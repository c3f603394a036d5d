"""Who a pronoun can and cannot be (issue 21, round eleven), read on part B of the round-ten speaker gold:

- the person a sentence's subject run names, when the run is a long title ("Former Housing and Urban
  Development Secretary Julián Castro") or glued to a hover card: the name found in it, not its first words;
- a subject 'he'/'she' is nobody its own clause names after it ("He later added Obama to the mural": not
  Obama; binding, principle C);
- "“... Jewish Americans as a whole,” she said": a name inside the quotation the pronoun attributes is
  not its speaker;
- a subject 'it', or a sentence-initial "The organization", continues the named body that is the subject
  of the sentence before ("the U.S. Embassy in Jerusalem issued an advisory ... It called on them");
- (moved here from ``resolve``) a quoted-only sentence and the distance a speaker is far at.
"""

from __future__ import annotations

import bisect
import re

from outlet_comparison.instruments.attribution.cards import without_cards
from outlet_comparison.instruments.attribution.classify import Source, classify
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.names import NO_NAMES, Names, surname_of
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import NAME_WORD, PRONOUNS, written_apart

# a title run may join capitalised words with "and", "of", "for", "&" ("Housing and Urban Development")
_TITLE_GAP = re.compile(rf"(?:(?:{NAME_WORD}|and|of|for|the|&)\s+)*")


_AFTER_NAME = re.compile(r"\s*[,(]|\s+[a-z]")


def found_in_subject(text: str, start: int, end: int, names: Names, rules: Rules) -> str:
    """The name found in a subject run beginning at ``start`` (the run matched up to ``end``): the first
    found name of two words or more that starts in it (or right after it, across a title's "and"/"of"
    words, when its span holds a title: "Former Housing and Urban Development Secretary Julián Castro")
    and is followed by a verb or a comma once hover cards are blanked out; "" when none."""
    k = bisect.bisect_left(names.starts, start)
    for f_start, f_end, found in names.found[k : k + 3]:
        if f_start > end + 80:
            break
        gap = _TITLE_GAP.match(text, start, f_start)
        if gap is None or gap.end() != f_start or len(found.split()) < 2:
            continue
        title = [w.lower() for w in text[f_start:f_end].split()[: -len(found.split())]]
        if f_start >= end and not any(rules.type_nouns.get(w) == "title" for w in title):
            continue  # "Obama and Hillary Clinton": a coordination, no title run
        if _AFTER_NAME.match(without_cards(text), f_end):  # "Jeff Sessions Jefferson (Jeff) ...": a card
            return found
    return ""


def goes_on(text: str, end: int, name: str) -> bool:
    """Does a subject run read as a one-word name go on across "and"/"of" ("Former Housing and Urban
    Development Secretary Julián Castro": "Housing" is no person)?"""
    return len(name.split()) == 1 and re.match(r"\s+(?:and|of)\s+[A-Z]", text[end : end + 8]) is not None


def subject_person(text: str, subj: re.Match[str], rules: Rules, names: Names) -> Source | None:
    """The person of a sentence subject run whose words classify as no found person (``found_in_subject``),
    None when the run holds no found name."""
    found = found_in_subject(text, subj.start(1), subj.end(1), names, rules)
    if not found:
        return None
    src = classify(found, rules, True, names)
    return src if src.source_type == "named_person" and src.name else None


_QUOTE_MARKS = re.compile(r"[“”\"]")


def named_after_in_clause(text: str, name: str, pos: int, sent_end: int) -> bool:
    """Is the candidate ``name``'s surname written after a subject pronoun at ``pos`` in its own sentence,
    outside quotation marks ("He later added Obama to the mural")? Then the pronoun is not that person."""
    sur = surname_of(name)
    if not sur:
        return False
    rest = text[pos:sent_end]
    cut = _QUOTE_MARKS.search(rest)
    rest = rest[: cut.start()] if cut else rest
    return written_apart(rest, sur, "’'-", "-")  # no pattern compiled per surname


# a closing mark: a curly one, or a straight one after the quotation's last punctuation (not an opening)
_CLOSING = re.compile(r"(”)\s*$|[,.!?’'\-—](\")\s*$")


def quotation_before(text: str, pos: int, sent_start: int) -> int:
    """Where the quotation a pronoun attributes opens ("“...,” she said": its opening mark, right before
    which names may be the speaker), 0 when the pronoun follows no closing mark."""
    m = _CLOSING.search(text[max(sent_start, pos - 5) : pos])
    if m is None:
        return 0
    close = max(sent_start, pos - 5) + (m.start(1) if m.group(1) else m.start(2))
    mark = "“" if text[close] == "”" else '"'
    opening = text.rfind(mark, max(0, close - 1500), close)
    return max(opening, 0)


# "Shortly after Pompeo’s announcement, the U.S. Embassy in Jerusalem issued": a framing phrase, a comma
_FRAME = re.compile(
    r"(?:After|Before|Shortly|In|On|At|During|Earlier|Later|Meanwhile|Since|Following|Last|However)\b"
    r"(?:\s+[\w’'\-]+){0,5}?,\s+"
)
_BODY_SUBJECT = re.compile(
    rf"(?:One\s+of\s+[^,]{{1,40}},\s+)?((?:the\s+|The\s+)?{NAME_WORD}(?:\s+(?:(?:and|of|for|&)\s+)?{NAME_WORD})*"
    rf"(?:\s+(?:in|of|for)\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)?)"
    r"(?:\s+[–—]\s[^–—;]{1,200}?\s[–—])?,?\s+(?:has\s+|have\s+|had\s+)?[a-z]"
)


def body_subject(
    text: str, spans: list[tuple[int, int]], sentence: int, rules: Rules, names: Names
) -> Source | None:
    """The named body a sentence-initial 'it' continues: the subject of the sentence before (after a
    framing phrase), when it classifies as a named organisation; None otherwise."""
    if sentence == 0:
        return None
    s, e = spans[sentence - 1]
    if text[s:e].lstrip()[:1] in '“"':
        return None  # quoted words: no subject of the narration
    for pos in (s, *(m.end() for m in [_FRAME.match(text, s, e)] if m)):
        m = _BODY_SUBJECT.match(text, pos, e)
        if m is None:
            continue
        src = classify(m.group(1), rules, True, names)
        if src.source_type == "named_organization" and src.name:
            return src
    return None


FAR_SENTENCES = 3  # a speaker more sentences back than this loses 'he'/'she' to a person named since


def quoted_sentence(sentence: str) -> bool:
    """Is the sentence quoted words only: it ends with a closing quotation mark that closes one opened at
    its start or one begun in an earlier sentence (no other opening mark in it)?"""
    body = sentence.strip()
    if body.endswith("”"):
        opens = body.count("“")
        return opens == 0 or (opens == 1 and body.startswith("“"))
    if body.endswith('"'):  # straight marks: one (a tail), or two with the first opening the sentence
        marks = body.count('"')
        return marks == 1 or (marks == 2 and body.startswith('"'))
    return False


def far(text: str, spans: list[tuple[int, int]] | None, said: int, now: int) -> bool:
    """Did the candidate speak more than FAR_SENTENCES sentences back, not counting sentences of quoted
    words only (“He is not welcome,” Fox told CNN. “We don’t like him. ... We reject his visit.” "...,"
    he said: Fox spoke one sentence back)?"""
    if now - said <= FAR_SENTENCES:
        return False
    if spans is None:
        return True
    between = sum(1 for k in range(said + 1, now) if not quoted_sentence(text[spans[k][0] : spans[k][1]]))
    return between >= FAR_SENTENCES


def it_body(
    text: str,
    h: Hit,
    subj: re.Match[str] | None,
    rules: Rules,
    spans: list[tuple[int, int]] | None,
    names: Names | None,
) -> Source | None:
    """The named body an 'it' is: its own sentence's subject before it, else (a sentence-initial 'it') the
    subject of the sentence before ("the U.S. Embassy in Jerusalem issued ... It called on them")."""
    if subj:
        src = classify(subj.group(1), rules, True)
        if src.source_type == "named_organization":
            return src
    if spans is None or text[spans[h.sentence][0] : h.source_start].strip():
        return None
    return body_subject(text, spans, h.sentence, rules, names or NO_NAMES)


def told_other_gender(text: str, done: list[Hit], name: str, want: str) -> bool:
    """Was ``name`` already the speaker of a pronoun of the other gender ("“...,” he said" gave Obama, so a
    later "she said" is not Obama though no first name tells his gender: round twelve)?"""
    other = {"m": "f", "f": "m"}.get(want, "")
    return bool(other) and any(
        d.src is not None
        and d.src.name == name
        and PRONOUNS.get(text[d.source_start : d.source_end].lower()) == other
        for d in done
    )


# a company named with its legal form ("Amazon.com Inc.", "Walt Disney Co."): a body "the company" can be
_COMPANY = re.compile(
    r"\b((?:The\s+)?[A-Z][\w&’'\-]*(?:\s+[A-Z][\w&’'\-]*){0,3})(?:\.com)?,?\s+(?:Inc|Corp|Ltd|LLC|Co|Plc)\b"
)


def companies_before(text: str, lo: int, pos: int) -> list[tuple[int, str]]:
    """(end, name) of each company named with its legal form between ``lo`` and ``pos``: "Amazon.com Inc."
    is Amazon (round twelve: "the company" had no body to refer to once a share bar was blanked)."""
    return [(m.end(), re.sub(r"^The\s+", "", m.group(1))) for m in _COMPANY.finditer(text, lo, pos)]
