"""What looks like an attribution but is none: refusals to comment, future events, documents that 'call for'.

Patterns come from ``lexicons/attribution_nonstatements.csv``: a ``refusal`` pattern drops a cue it
overlaps or that it follows within a few words ('declined to comment', 'did not respond to a request
for comment', 'said it had no comment'); a ``future`` pattern drops a cue it ends right before ('the
firm would unveil', 'is expected to announce').
"""

from __future__ import annotations

import re

from ..cache import memoize
from ..lexicons import categorised_patterns, joined_pattern
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
