"""A body's name with a lower-case function word inside ("Smart Approaches to Marijuana", "Fix the Court",
"House Ways and Means Committee"): when two capitalised runs and the words between them are one name.

The words that may join are ``lexicons/actor_name_joins.csv``. They join only where the text marks the whole
as a body: a group noun right before it ("anti-legalization group Smart Approaches to Marijuana"), an
appositive group noun after it ("Fix the Court, a group that"), an acronym in brackets after it, or (for
'and') a chamber's committee ("House Ways and Means Committee"); a name so marked once is joined wherever the
text writes it again ("Fix the Court found").
"""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.wordlists import read_lexicon

_BEFORE = re.compile(r"(?<![\w’'\-])([a-z][a-z\-]*)[ \t]+$")
_APPOSED = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w\-]+[ \t]+){0,2}?([a-z]+)\b")
_BRACKETED = re.compile(r"[ \t]+\(([A-Z]{2,6})\)")
_CHAMBERS = frozenset({"house", "senate", "assembly"})


@memoize(maxsize=4)
def join_words(path: str) -> frozenset[str]:
    """The lower-case words that may stand inside a body's name, lower case."""
    return frozenset(w.strip().lower() for w in read_lexicon(path, ("word", "rationale"))["word"])


def joining(gap: str) -> bool:
    """Are the characters between two runs one or two listed joining words ("to", "for the")?"""
    words = join_words(str(LEXICONS / "actor_name_joins.csv"))
    parts = gap.split()
    return bool(re.fullmatch(r"[ \t]+(?:[a-z]+[ \t]+){1,2}", gap)) and all(p in words for p in parts)


def _group_noun(word: str, rules: Rules) -> bool:
    """Is a lower-case word a noun for a body ("group", "coalition", "watchdog")?"""
    return rules.type_nouns.get(word) == "org"


def cued(text: str, first: tuple[str, int], gap: str, second_end: int, rules: Rules) -> bool:
    """Does the text mark ``first`` + ``gap`` + the run ending at ``second_end`` as one body's name?"""
    run, at = first
    if "and" in gap.split():  # 'and' only inside a chamber's committee ("House Ways and Means Committee")
        last = re.findall(r"[A-Za-z]+", text[at:second_end])[-1].lower()
        first = run.split()  # "House Ways" + "Means Committee"; never "House and Senate" (two bodies)
        return (
            len(first) > 1
            and first[0].lower() in _CHAMBERS
            and rules.nouns.get(last) == "org"
            and (last not in _CHAMBERS)
        )
    before = _BEFORE.search(text, max(0, at - 40), at)
    if before and _group_noun(before.group(1), rules):
        return True  # "anti-legalization group Smart Approaches to Marijuana"
    after = _APPOSED.match(text, second_end)
    if after and _group_noun(after.group(1), rules):
        return True  # "Fix the Court, a group that pushes for reform"
    if _TITLE_BEFORE.search(text, max(0, at - 8), at) and _TITLE_AFTER.match(text, second_end):
        return True  # a show's title in quotes ("CBS’s “Face the Nation,”"): one, for ``quoted_label``
    bracket = _BRACKETED.match(text, second_end)
    return bool(bracket) and len(bracket.group(1)) >= 2  # "Smart Approaches to Marijuana (SAM)"


_LABEL_BEFORE = re.compile(r"(?<![\w’'\-])(?:the|a|an|its|their|his|her)[ \t]+[“\"‘']$", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"[”\"’'][ \t]+[a-z]")
# a show's title in quotes after its network's possessive or 'on' ("CBS’s “Face the Nation,”", "on “Meet
# the Press”")
_TITLE_BEFORE = re.compile(r"(?:\w[’']s?|(?<![\w’'\-])on)[ \t]+[“\"]$")
_TITLE_AFTER = re.compile(r"[,.]?[”\"]")


def quoted_label(text: str, start: int, end: int) -> bool:
    """Is the run a quoted label before a common noun ('the “Defeat ISIS” coalition', 'the "America First"
    policy') or a show's quoted title ('CBS’s “Face the Nation”'): the name of a thing, no actor?"""
    if _LABEL_BEFORE.search(text, max(0, start - 8), start) and _LABEL_AFTER.match(text, end):
        return True
    return bool(_TITLE_BEFORE.search(text, max(0, start - 8), start) and _TITLE_AFTER.match(text, end))


def after_article(text: str, at: int) -> bool:
    """Does an article stand right before ``at`` ("the NATO Defense Ministerial"): then a title word
    inside the run is part of a thing's name, not a person's title ("President Washington")?"""
    return bool(re.search(r"(?<![\w’'\-])(?:the|a|an)[ \t]+$", text[max(0, at - 6) : at], re.IGNORECASE))


_CAPS_RUN = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]*(?:[ \t]+(?:(?:of|and|the)[ \t]+)*[A-Z][\w’'\-]*)*")


@memoize(maxsize=4)
def _thing_words(path: str) -> frozenset[str]:
    """Last words of runs that name places or happenings (``actor_non_persons.csv``), lower case."""
    return frozenset(t.strip().lower() for t in read_lexicon(path, ("term", "rationale"))["term"])


@memoize(maxsize=64)
def _thing_initials(text: str) -> frozenset[str]:
    """The initials of the text's capitalised runs that end in a place or happening word ("Trans Pacific
    Partnership", "Trans-Pacific Partnership": "TPP")."""
    things = _thing_words(str(LEXICONS / "actor_non_persons.csv"))
    out = set()
    for m in _CAPS_RUN.finditer(text):
        words = re.split(r"[ \t\-]+", re.sub(r"^The[ \t]+", "", m.group(0)))  # "The": no initial
        if len(words) > 1 and words[-1].lower() in things:
            out.add("".join(w[0] for w in words if w[:1].isupper()))
    return frozenset(out)


def thing_word(low: str) -> bool:
    """Does a lower-case last word name a law, pact, place or happening ("act", "partnership")?"""
    return low in _thing_words(str(LEXICONS / "actor_non_persons.csv"))


def thing_acronym(text: str, acronym: str, end: int) -> bool:
    """Is an acronym the initials of a pact, place or happening the text names ("the Trans Pacific
    Partnership" ... "TPP"), or the first word of one ("R.F.K. Stadium"): no body then?"""
    things = _thing_words(str(LEXICONS / "actor_non_persons.csv"))
    after = re.match(r"[ \t]+([A-Z][\w’'\-]*)", text[end : end + 40])
    in_full = acronym.replace(".", "") in _thing_initials(text)
    return in_full or bool(after and after.group(1).lower() in things)
