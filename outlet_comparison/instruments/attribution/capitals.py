"""A text written in capitals: its names cannot be told from other words, so no attribution is read."""

from __future__ import annotations

import warnings

CAPITALS_SHARE = 0.9  # a text whose cased letters are at least this share capitals is written in capitals


class AttributionWarning(UserWarning):
    """A text the attribution rules cannot read as written (it is named in the message)."""


def capitals_share(text: str) -> float:
    """The share of the text's cased letters that are capitals (0.0 for a text without any).

    >>> capitals_share("KERRY SAID NO."), round(capitals_share("Kerry said no."), 2)
    (1.0, 0.09)
    """
    upper, cased = _cased_counts(text)
    return upper / cased if cased else 0.0


def _cased_counts(text: str) -> tuple[int, int]:
    """(capitals, cased letters) of a text; ``map`` over the str methods keeps the loop in C."""
    upper = sum(map(str.isupper, text))
    return upper, upper + sum(map(str.islower, text))


def written_in_capitals(text: str) -> bool:
    """True, with a warning, for a text of 20+ cased letters written in capitals: its names cannot be
    told from other words ('KERRY SAID' would be a source), so attribution reads nothing from it."""
    third = len(text) // 3  # most texts have that many lower-case letters in their first third already
    lower = sum(map(str.islower, text[:third]))
    if lower * 5 > len(text) or (lower + sum(map(str.islower, text[third:]))) * 5 > len(text):
        return False  # over a fifth lower case: capitals are under 80% of the cased letters (most texts)
    upper, cased = _cased_counts(text)
    share = upper / cased if cased else 0.0
    if cased < 20 or share < CAPITALS_SHARE:
        return False
    warnings.warn(
        f"the text is written in capitals ({share:.0%} of its letters, starting {text[:40]!r}): names cannot "
        "be told from other words, so no attribution is read from it; give the article in normal case",
        AttributionWarning,
        stacklevel=3,
    )
    return True
