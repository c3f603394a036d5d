"""What looks like an attribution but is none: refusals to comment, future events, documents that 'call for'.

Patterns come from ``lexicons/attribution_nonstatements.csv``: a ``refusal`` pattern drops a cue it
overlaps or that it follows within a few words ('declined to comment', 'did not respond to a request
for comment', 'said it had no comment'); a ``future`` pattern drops a cue it ends right before ('the
firm would unveil', 'is expected to announce'); a ``label`` pattern drops a colon cue whose whole
source it matches ('The Latest: ...', 'CLARIFICATION: ...').
"""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.wordlists import categorised_patterns, joined_pattern

CATEGORIES = ("refusal", "future", "label")
_AFTER = 45  # characters after the cue a refusal may start in ('said it had no comment')
_BEFORE = 40  # characters before the cue a future marker may span
# documents that 'call for' something state a demand of their text, not a speaker's statement
_CALL_FOR = re.compile(r"\s+for\b", re.IGNORECASE)
# a source never opens with a subordinator or conjunction ("Though she called ...": the source is "she")
_OPENER = re.compile(
    r"(?:though|although|if|because|unless|whereas|while|when|whenever|as|since|and|but|yet)\s+(?=\S)",
    re.IGNORECASE,
)
# a span that is only one of these cannot be who speaks: an article, a subordinator, an adverb or a
# lower-case -ing form ("A passionate defender of", "which together vowed", "fueling worries")
_LONE = re.compile(r"(?i:a|an|the|if|though|although|because|whether)|together|almost|[a-z]+ing")


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
        elif cat == "future" and rx.search(text, max(0, c0 - _BEFORE), c0):
            return True
    return False


def is_label(text: str, h: Hit, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> bool:
    """Is the hit's source a column or editorial label before a colon ('The Latest: ...')?"""
    if h.s0 < 0 or text[h.c1 - 1 : h.c1] != ":":
        return False
    return any(cat == "label" and rx.fullmatch(text, h.s0, h.s1) for rx, cat in patterns)


def trim_source(text: str, h: Hit) -> bool:
    """Cut a leading subordinator or conjunction off the hit's source span; False if no source is left."""
    if h.s0 < 0:
        return True
    m = _OPENER.match(text, h.s0, h.s1)
    if m:
        h.s0 = m.end()
    return _LONE.fullmatch(text, h.s0, h.s1) is None


def document_calls_for(text: str, c1: int, lemma: str, src: Source) -> bool:
    """'The treaty calls for a ceasefire': a document's demand, not a statement."""
    return lemma == "call" and src.kind == "document" and bool(_CALL_FOR.match(text, c1))
