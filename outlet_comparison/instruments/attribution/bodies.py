"""Which named body a definite body noun refers back to (issue 21, round twelve, audit D).

"the group asked the retailer" took the body that spoke last ("The retailer said": Wal-Mart), though the
text calls another body "the union-backed group OUR Walmart" and named it since: a body noun the text
wrote right before a body's name ("group OUR Walmart") is that body, when the name is written again after
the last speaking body. And "The city declared three days of mourning" took Russia: a kind of place
(``lexicons/actor_place_nouns.csv``: "city", "county") refers only to a body named as that kind ("Kansas
City", "Cook County"), never a country or a committee; with none, the mention keeps its own reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.tokens import MONTHS
from outlet_comparison.wordlists import read_lexicon

# "the union-backed group OUR Walmart": a lower-case body noun, then a name of one to four capitalised
# words (an all-capital word may open it: "OUR Walmart")
_NAME_AFTER = r"\b{noun}\s+((?:[A-Z][\w&’'\-]*\s+){{0,3}}[A-Z][\w&’'\-]*)"


@memoize(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Kinds of place ("city", "county": ``lexicons/actor_place_nouns.csv``), lower case."""
    path = LEXICONS / "actor_place_nouns.csv"
    return frozenset(str(p).strip().lower() for p in read_lexicon(path, ("noun", "rationale"))["noun"])


_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | MONTHS
REACH = 5000  # characters before the mention in which the body's description is written


def body_described_as(text: str, pos: int, noun: str, ante: Hit | None) -> Source | None:
    """The body the text calls a ``noun`` right before its name ("group OUR Walmart"), when that name is
    written again after the last speaking body's mention ``ante`` and before ``pos``; None when none."""
    if noun in place_nouns():
        return None  # "the city": a place, read by ``kind_fits``
    lo = max(0, pos - REACH)
    found = [m.group(1) for m in re.finditer(_NAME_AFTER.format(noun=re.escape(noun)), text[lo:pos])]
    if not found:
        return None
    name = found[-1]
    if _DATE_WORDS & set(name.lower().split()):
        return None  # "the Senate intelligence committee Tuesday afternoon": a date, no name
    if ante is not None and text.rfind(name, lo, pos) < ante.source_start:
        return None  # the speaking body was named since: "the group" may be it
    return Source(name, "named_organization", "", name, "organization", "other")


def kind_fits(noun: str, src: Source | None) -> Source | None:
    """``src`` when a body noun may refer back to it, else None: a kind of place ("the city") only to a
    body named as that kind ("Kansas City"); any other body noun to any body."""
    if src is None or noun not in place_nouns():
        return src
    return src if re.search(rf"\b{re.escape(noun.capitalize())}\b", src.name) else None


def fitting_ante(noun: str, recent: Iterable[Hit]) -> Hit | None:
    """The last speaking named body of ``recent`` (most recent first) when a body noun may refer back to
    it (``kind_fits``: "The city declared" after "the Russian health ministry" is no city), else None."""
    ante = next((d for d in recent if d.src and d.src.source_type == "named_organization"), None)
    return ante if ante is not None and kind_fits(noun, ante.src) is not None else None
