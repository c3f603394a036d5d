"""What looks like an attribution but is none: refusals to comment, future events, documents that 'call for'.

Patterns come from ``lexicons/attribution_nonstatements.csv``: a ``refusal`` pattern drops a cue it
overlaps or that it follows within a few words ('declined to comment', 'did not respond to a request
for comment', 'said it had no comment'); a ``future`` pattern drops a cue it ends right before ('the
firm would unveil', 'is expected to announce').
"""

from __future__ import annotations

import re

from ..cache import memoize
from ..lexicons import categorised_patterns
from .classify import Source

CATEGORIES = ("refusal", "future")
_AFTER = 45  # characters after the cue a refusal may start in ('said it had no comment')
_BEFORE = 40  # characters before the cue a future marker may span
# documents that 'call for' something state a demand of their text, not a speaker's statement
_CALL_FOR = re.compile(r"\s+for\b", re.IGNORECASE)


@memoize(maxsize=8)
def load_nonstatements(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled non-statement patterns with their category."""
    return categorised_patterns(path, CATEGORIES)


@memoize(maxsize=8)
def _joined(patterns: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns of each category as one alternation: a window matches it iff it matches one of them.

    Patterns join only when they share their flags, have no groups (a back-reference keeps its number)
    and compile together (no inline global flag); otherwise they stay apart. One search per category
    instead of one per pattern.
    """
    out: list[tuple[re.Pattern[str], str]] = []
    for cat in CATEGORIES:
        rxs = [rx for rx, c in patterns if c == cat]
        flags = {rx.flags for rx in rxs}
        joined = None
        if len(rxs) > 1 and len(flags) == 1 and all(rx.groups == 0 for rx in rxs):
            try:
                joined = re.compile("|".join(f"(?:{rx.pattern})" for rx in rxs), flags.pop())
            except re.error:
                pass
        out.extend([(joined, cat)] if joined is not None else [(rx, cat) for rx in rxs])
    return tuple(out)


def not_a_statement(text: str, c0: int, c1: int, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the cue at text[c0:c1] a refusal to comment or a reported future event?"""
    for rx, cat in _joined(patterns):
        if cat == "refusal":
            if rx.search(text, max(0, c0 - 25), c1 + _AFTER):
                return True
        elif rx.search(text, max(0, c0 - _BEFORE), c0):
            return True
    return False


def document_calls_for(text: str, c1: int, lemma: str, src: Source) -> bool:
    """'The treaty calls for a ceasefire': a document's demand, not a statement."""
    return lemma == "call" and src.kind == "document" and bool(_CALL_FOR.match(text, c1))
