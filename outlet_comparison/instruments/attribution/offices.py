"""An office with a place is the person the text gives that place's title (issue 21, round twelve, audit D).

"The Ohio governor has seemingly pinned his hopes on New Hampshire and said" was resolved to the person the
article names most (Donald Trump): a modified title no name holds went to the salient untitled person. A
place (or any capitalised modifier that is no party word: "The former New York City mayor") narrows the
office to one holder. The speaker is the person whose title run holds the modifiers ("Ohio Gov. Kasich",
"former New York City Mayor Rudy Giuliani") or whose appositive does ("Kasich, the Ohio governor,"), when
exactly one person fits; when nobody fits, the row keeps no speaker rather than a wrong one (``cataphora``
may still give it the person named right after it).
"""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.instruments.attribution.names import Names, surname_key, surname_of
from outlet_comparison.instruments.attribution.speakers import full_name
from outlet_comparison.text.names import us_states
from outlet_comparison.wordlists import read_lexicon

# "The Ohio governor", "The former New York City mayor": the article, lower-case modifiers, capitalised
# words, then a lower-case title head (nothing after it: "the Ohio governor's office" is no person)
_OFFICE = re.compile(
    r"(?:the|The)\s+(?:[a-z][\w\-]*\s+){0,2}(?P<caps>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})\s+(?P<head>[a-z]+)"
)
REACH = 3  # words a title run may hold between the place and the name ("Ohio Gov. John Kasich")


@memoize(maxsize=1)
def offices() -> frozenset[str]:
    """The offices a place holds (``lexicons/attribution_offices.csv``: "governor", "mayor")."""
    df = read_lexicon(LEXICONS / "attribution_offices.csv", ("term", "rationale"))
    return frozenset(str(t).strip().lower() for t in df["term"])


def _place_words(source: str) -> list[str]:
    """The place words of an office description ("Ohio" of "The Ohio governor", "New York City" of "The
    former New York City mayor"); [] when it is no office of a US state or a city."""
    m = _OFFICE.fullmatch(source.strip())
    if m is None or m.group("head") not in offices():
        return []
    place = m.group("caps")
    return place.split() if place in us_states() or place.endswith(" City") else []


def _holders(caps: list[str], pos: int, text: str, names: Names, nouns: dict[str, str]) -> set[str]:
    """The surnames whose title run ("Ohio Gov. Kasich") or appositive ("Kasich, the Ohio governor")
    holds the place words, written before ``pos``."""
    place = r"\s+".join(map(re.escape, caps))
    run = re.compile(rf"\b{place}\s+((?:[\w.’'\-]+\s+){{0,{REACH}}}[\w’'\-]+)")
    apposed = re.compile(rf"\b([A-Z][\w’'\-]+),\s+(?:the\s+|a\s+)?(?:former\s+)?{place}(?:[’']s)?\s+[a-z]")
    found = set()
    for m in run.finditer(text, 0, pos):
        titled = False
        for word in m.group(1).split():
            if nouns.get(word.lower()) == "title" or nouns.get(f"{word.lower().rstrip('.')}.") == "title":
                titled = True
            elif titled and surname_key(word) in names.surnames:
                found.add(surname_key(word))  # "Ohio Gov. Kasich", "Ohio Gov. John Kasich"
                break
            elif not word[:1].isupper():
                break
    for m in apposed.finditer(text, 0, pos):
        if surname_key(m.group(1)) in names.surnames:
            found.add(surname_key(m.group(1)))
    return found


def placed_offices(text: str, rows: list[dict], names: Names, nouns: dict[str, str]) -> list[dict]:
    """``rows`` with an office-and-place description's speaker set to the one person the text gives
    that place's title; when nobody holds it, to the person who spoke in the row right before it, in its
    sentence or the one before ("Sarah Palin ... said ... The former Alaska governor said"), else none."""
    for k, row in enumerate(rows):
        if row["source_type"] != "named_person":
            continue
        caps = _place_words(row["source"])
        if not caps:
            continue
        holders = _holders(caps, row["start"], text, names, nouns)
        if len(holders) == 1:
            row["speaker"] = full_name(holders.pop(), names, text, nouns)
        elif row["speaker"] and surname_key(surname_of(row["speaker"])) not in holders:
            row["speaker"] = "" if holders else _last_speaker(rows[:k], row["sentence"])
    return rows


def _last_speaker(before: list[dict], sentence: int) -> str:
    """The named person of the last row before, when it is in ``sentence`` or the one before ("" if not)."""
    last = before[-1] if before else None
    if last is None or last["source_type"] != "named_person" or last["sentence"] < sentence - 1:
        return ""
    return last["speaker"]
