"""Rows inside a web page's furniture are nobody's statement: a headline, standfirst or subhead line ("Hong
Kong Protesters and Activists Say ...", "'... and why,' PM says"), a related link ("SEE ALSO: ...", "...
Read more"), a gallery caption ("Photos: ... Hide Caption 6 of 8", "... REUTERS/Name"), a video box ("JUST
WATCHED Mayor: 'Clearly he was reckless' Replay More Videos", "CLOSE ..."), a hover card's headlines
("MuellerSpeier says impeachment inquiry shows ... MORE"), an embedded tweet ("... — Joe Biden (@JoeBiden)
December 28, 2019"). Read after resolution, so no rule or model input changes (issue 21, round twelve: 35
of 678 rows of 40 AllSides articles)."""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.cards import without_cards

_HEADLINE_WORDS = 20  # a paragraph without a closing stop and at most this many words is a heading
# a paragraph ends a sentence: a stop, a closing quote or bracket, a colon introducing what follows
_CLOSED = re.compile(r"[.!?:;…\"“”‘’')\]]\s*$")
# a photo credit closes a caption line ("... in this screen grab taken from video. Reuters TV via REUTERS")
_CREDIT = re.compile(r"(?:\bREUTERS(?:/[^\n]*)?|\(AP Photo/[^\n)]*\)|\bGetty Images|\bAFP(?:/[^\n]*)?)\s*$")
# a gallery caption runs from "Photos:" to its "Hide Caption"; a video box from "JUST WATCHED" or "MUST
# WATCH" to its running time ("03:18")
_CAPTION = re.compile(r"\bPhotos?:.*?(?:Hide Caption|$)", re.MULTILINE)
_VIDEO = re.compile(r"\b(?:JUST WATCHED|MUST WATCH)\b.*?(?:\b\d{1,2}:\d\d\b|$)", re.MULTILINE)
_TWEET_BYLINE = re.compile(r"\s*[^\n()—]{1,60}\(@\w+\)")  # after the dash: "Joe Biden (@JoeBiden)"
# a line that is an embedded tweet: its byline and date close it
_TWEET = re.compile(r"[—–-]\s*[^\n()—]{1,60}\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$")
# a related link or a video box: "SEE ALSO: ...", "Related: ...", "More:...", "... Read more", "CLOSE ..."
_LINK = re.compile(
    r"\s*(?:(?:SEE ALSO|Related(?: Coverage)?|RELATED|More|READ(?: MORE)?|Read more|STORY|WATCH)\s*:"
    r"|Related Coverage\b|CLOSE\b)|.*\bRead more\s*$"
)
_BREAK = re.compile(r"\n[ \t]*\n")  # a blank line ends a paragraph; a hard-wrapped line does not
# a field the caller labels ("Headline: ...", "Subtitle: ...") is the text's own content, kept
_FIELD = re.compile(r"\W*(?:Headline|Subtitle|Title|Subhead|Dek|Summary):")
_PRONOUN = frozenset({"he", "she", "they", "it", "i", "we", "you"})


def _line(text: str, at: int) -> tuple[int, int]:
    """The line (a paragraph of the page) holding offset ``at``."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """The paragraph holding offset ``at``: from the blank line before it to the blank line after it."""
    before = [m.end() for m in _BREAK.finditer(text, max(0, at - 3000), at)]
    after = _BREAK.search(text, at)
    return (before[-1] if before else 0), (len(text) if after is None else after.start())


def _reported(text: str, row: dict) -> bool:
    """Does the row read as a body sentence's report, not a headline's: a pronoun source ("he said") or a
    lower-case past-tense cue ("said", "wrote", "added"; a headline says "says", "Say", "Promised")?"""
    words = text[row["cue_start"] : row["cue_end"]].split()
    word = words[0] if words else ""
    past = word.islower() and (word.endswith("ed") or word in ("said", "told", "wrote", "spoke", "according"))
    return past or row["source"].strip().lower() in _PRONOUN


def is_heading(text: str, row: dict) -> bool:
    """Is the row's cue in a short paragraph of one line with no closing stop, followed by more text: a
    headline, a standfirst or a subhead ("Mayor calls engineer's driving 'reckless,' NTSB fires back")?"""
    start, end = _paragraph(text, row["cue_start"])
    line = text[start:end].strip()
    return (
        bool(line)
        and "\n" not in line
        and end < len(text.rstrip())
        and not _CLOSED.search(line)
        and not _FIELD.match(line)
        and len(line.split()) <= _HEADLINE_WORDS
        and not _reported(text, row)
    )


# what a caption or its credit (``_CAPTION``, ``_CREDIT``) or a video box (``_VIDEO``) cannot match without
_MARKS = {id(_CAPTION): ("Photo", "REUTERS", "Getty Images", "AFP"), id(_VIDEO): ("WATCH",)}


def _in_box(text: str, c0: int, rx: re.Pattern[str]) -> bool:
    """Is the cue at ``c0`` inside a caption or video box of its line? A line without the box's marks (most
    lines) is none, and its regexes are not run."""
    start, end = _line(text, c0)
    if all(text.find(mark, start, end) < 0 for mark in _MARKS[id(rx)]):
        return False
    if rx is _CAPTION and _CREDIT.search(text, start, end):
        return True
    return any(m.start() <= c0 < m.end() for m in rx.finditer(text, start, end))


def _in_card(text: str, carded: str, c0: int, c1: int) -> bool:
    """Is the cue blank in ``carded`` (a hover card's headlines), with no "MORE" between the card's start
    and the cue ("Sen. John Kennedy John Neely KennedyMORE (R-La.) questioned": the card ended at "MORE")?"""
    if carded[c0:c1].strip():
        return False
    start = c0
    while start > 0 and carded[start - 1].isspace():
        start -= 1
    return "MORE" not in text[start:c0]


def in_furniture(text: str, carded: str, row: dict) -> bool:
    """Is the row's cue page furniture: a hover card (blank in ``carded``), an embedded tweet or its byline
    dash, a related link, a heading line, a caption, a video box?"""
    c0, c1 = row["cue_start"], row["cue_end"]
    if _in_card(text, carded, c0, c1):
        return True
    if text[c0:c1].strip() in ("—", "–", "-") and _TWEET_BYLINE.match(text, c1):
        return True
    start, end = _line(text, c0)
    if _TWEET.search(text, start, end) or _LINK.match(text, start, end):
        return True
    return is_heading(text, row) or _in_box(text, c0, _CAPTION) or _in_box(text, c0, _VIDEO)


def without_page_rows(text: str, rows: list[dict]) -> list[dict]:
    """``rows`` without those whose cue is web page furniture (``in_furniture``)."""
    if not rows:
        return rows
    carded = without_cards(text)
    return [r for r in rows if not in_furniture(text, carded, r)]
