"""A named person's appositive found as the source (issue 21, round twelve): the person it describes.

"Eastwood, a man who describes himself as ...", "Mark Walker, a North Carolina representative who noted":
an indefinite description after a name and its comma, whose relative "who" carries the cue, is the
person named before the comma. "Sen. John McCain, chairman of the Armed Services Committee, said",
"Staver, founder of Liberty Counsel, ... said": a description without an article between a clause's
opening name and the cue, closed by a comma, is that name's appositive (``speakers.chain_subject`` reads
the indefinite ones). A name ending a reported clause ("... contractor Boeing Co, a senior U.S. official
said") has no comma between the source and its cue, so it is never taken.
"""

from __future__ import annotations

import bisect
import re

from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.names import Names
from outlet_comparison.instruments.attribution.speakers import chain_subject

# "Eastwood, a man who describes": the name, a comma (or a party-state tag and a comma) before the source
_NAME_COMMA = re.compile(r"\s*(?:,\s+[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?,\s+")
_INDEFINITE = re.compile(r"(?:a|an)\s+(?:[\w’'\-]+\s+){0,5}[\w’'\-]+")
_COMMA_CUE = re.compile(r"\s*,\s+(?:also\s+|[a-z]+ly\s+)?")  # "..., chairman of X, also said"
_CLAUSE_OPEN = re.compile(r"[,.!?]?[”\"],?\s+")  # "“...,” Sen. John McCain, chairman of ..., said"
# the name, its comma, and a party-state tag or an age ("Sen. Jeff Sessions, R-Ala., one of her critics")
_NAME_GAP = re.compile(r",\s+(?:[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s+|\d{1,3},\s+)?")
_SURNAME_GAP = re.compile(
    r"(?<![\w’'\-])([A-Z][\w’'\-]+),\s+(?:[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,\s+|\d{1,3},\s+)?$"
)
# an opening phrase before the name: "In her speech on Thursday, Clinton, 68, ..."; titles may follow it
_OPENING = re.compile(r",\s+(?:[A-Z][\w.]*\s+){0,2}$")
_WHO = re.compile(r"\s+who\s+(?:[a-z]+ly\s+)?")  # "a man who describes", "who also noted"


def apposed_subject(text: str, h: Hit, sentence_start: int, names: Names) -> str:
    """The person the source stands in apposition to ("" when none): an indefinite chain
    (``chain_subject``), an indefinite description whose relative carries the cue, or a clause-opening
    name's description closed by a comma before the cue."""
    return (
        chain_subject(text, h, sentence_start, names)
        or _relative(text, h, names)
        or _bare(text, h, sentence_start, names)
    )


def _bare(text: str, h: Hit, sentence_start: int, names: Names) -> str:
    """ "Sen. John McCain, chairman of the Armed Services Committee, said": the name that opens the clause
    (after a quotation, or an opening phrase and its comma) right before the source, when a comma closes
    the source before its cue; "" otherwise."""
    if h.src is None or h.src.source_type != "anonymous" or h.cue_start < h.source_end:
        return ""
    if not _COMMA_CUE.fullmatch(text, h.source_end, h.cue_start):
        return ""  # "Boeing Co, a senior U.S. official said": no appositive closed before the cue
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(text, sentence_start, h.source_start)]
    start = opens[-1] if opens else sentence_start
    k = bisect.bisect_left(names.starts, start)
    while k < len(names.found) and names.found[k][1] <= h.source_start:
        f_start, f_end, found = names.found[k]
        if _NAME_GAP.fullmatch(text, f_end, h.source_start):
            prefix = text[start:f_start]
            return found if len(prefix) <= 12 or _OPENING.search(prefix) else ""
        k += 1
    m = _SURNAME_GAP.search(text, max(start, h.source_start - 60), h.source_start)  # "Clinton, 68, a former"
    if m is None or m.group(1) not in names.surnames:
        return ""
    prefix = text[start : m.start()]
    return m.group(1) if len(prefix) <= 12 or _OPENING.search(prefix) else ""


def _relative(text: str, h: Hit, names: Names) -> str:
    """ "Eastwood, a man who describes himself": the name before an indefinite source whose "who" is the
    cue's subject; "" otherwise."""
    if h.src is None or h.src.plural or h.src.source_type != "anonymous" or h.source_start < 3:
        return ""
    if not _INDEFINITE.fullmatch(text, h.source_start, h.source_end):
        return ""
    if not _WHO.fullmatch(text, h.source_end, h.cue_start):
        return ""
    found = names.ending_at(h.source_start, _NAME_COMMA, text)
    surname = _SURNAME_GAP.search(text, max(0, h.source_start - 40), h.source_start)
    return found or (surname.group(1) if surname and surname.group(1) in names.surnames else "")
