"""Head nouns and titles of a source mention: the word a mention is typed by ("intensity" of "The
intensity of their attacks"), where a reduced relative clause or a post-modifier ends it, and titles'
qualifiers and plurals."""

from __future__ import annotations

import re
from collections.abc import Container

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.tokens import LETTER

PARENS = re.compile(r"\s*\([^)]*\)")
CLAUSE_OR_COMMA = re.compile(r"\s+(?:who|which|that)\s+|,")


def head_noun(mention: str, nouns: dict[str, str]) -> str:
    """The lower-case head word of a mention, before any post-modifier or clause ("intensity" of "The
    intensity of their attacks")."""
    core = CLAUSE_OR_COMMA.split(PARENS.sub("", mention))[0].strip()
    words = head_span(core, nouns).split()
    return words[-1].lower().strip(",.;:") if words else ""


def qualifies_title(lows: list[str], n: int, nouns: dict[str, str]) -> bool:
    """Is word n a title's qualifier ("Special Counsel", "Special Envoy"): a word nameparser lists among
    titles, right before a listed title or role? It is no part of the name after the title."""
    from nameparser.config import CONSTANTS

    return (
        n + 1 < len(lows) and nouns.get(lows[n + 1]) in ("title", "official") and lows[n] in CONSTANTS.titles
    )


def plural_title(low: str, nouns: dict[str, str]) -> bool:
    """The plural of a listed title ("senators", "representatives"): a title of the names after it."""
    return low.endswith("s") and nouns.get(low[:-1]) == "title"


_POSTMOD = re.compile(r"\s+(?:of|from|for|familiar|close|briefed|with|in|at|on|to|by)\s+")
_REFLEXIVE = frozenset("himself herself itself themselves myself ourselves".split())
_SUBJECTS = frozenset("he she they we it i".split())


@memoize(maxsize=16)
def _ending_rx(ending: str) -> re.Pattern[str]:
    """A lower-case word ending in ``ending`` (an alternation such as "ed|ing"), compiled once."""
    return re.compile(rf"[a-z]+(?:{ending})")


def cut_clause(core: str, nouns: dict[str, str], ending: str) -> str:
    """The core before a reduced relative clause: a listed noun, then a subject or a participle in ``ending``.

    "an analysis released in August", "the statement he read to X" end at the noun (ending "ed");
    for the head noun "the couples suing X" does too (ending "ed|ing"), but its core keeps whom they sue.
    """
    words = core.split()
    participle = _ending_rx(ending).fullmatch
    for k in range(1, len(words)):
        # the word before must be a listed noun: checked first, a dict lookup, before the pattern
        if words[k - 1].lower().strip(",.") not in nouns:
            continue
        low = words[k].lower()
        # a lower-case participle only: "Senator Ted Cruz", "spokesman Ahmed Ali" are names, not clauses
        if low not in nouns and (low in _SUBJECTS or participle(words[k])):
            return " ".join(words[:k])
    return core


# a part of a group is a group, headed by the group's noun ("Three of the witnesses with records")
_PARTITIVE = re.compile(
    r"(?i)^(?:two|three|four|five|six|seven|eight|nine|ten|\d+|some|many|several|most|few|all|both)"
    r"\s+of\s+(?=(?:the|his|her|their|its)\s)"
)
_LETTER = re.compile(LETTER)


def head_span(core: str, nouns: dict[str, str]) -> str:
    """The core before a post-modifier ("officials familiar with"), less trailing brackets and reflexives."""
    words = _POSTMOD.split(cut_clause(_PARTITIVE.sub("", core), nouns, "ed|ing"))[0].split()
    while words and (words[-1].lower() in _REFLEXIVE or not _LETTER.search(words[-1])):
        words = words[:-1]  # "the president himself", "the report ["
    return " ".join(words)


_ROLE_BEFORE = re.compile(r"\b([a-z]+)\s+$")  # "spokesman Chris Fleming"
_ROLE_AFTER = re.compile(r",\s+(?:(?:the|a|an)\s+)?((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)")  # ", director of"


def other_role(text: str, start: int, end: int, word: str, nouns: dict[str, str]) -> bool:
    """Does the text give the person named at ``start:end`` a role other than ``word``: a staff role right
    before the name ("spokesman Chris Fleming") or a role apposed after it ("Hilary Shelton, director of
    ...")? Such a person is not "the former Alaska governor" (a candidate's title before the name,
    "presidential candidate Mitt Romney", may still be "the presumptive nominee")."""
    before = _ROLE_BEFORE.search(text, max(0, start - 30), start)
    if before and nouns.get(before.group(1)) == "official" and before.group(1) != word:
        return True
    after = _ROLE_AFTER.match(text, end)
    return after is not None and any(
        nouns.get(w) in ("title", "official") and w != word for w in after.group(1).split()
    )


# a description with a complement, then a full name closing the mention ("Top aide to Donald Trump
# Kellyanne Conway", "White House chief of staff Mick Mulvaney")
_CLOSING_NAME = re.compile(
    r"^(.+?)\s(?:of|to|for)\s+(.*\S)\s+([A-Z][a-z’'\-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z’'\-]+)$"
)


def closing_name(core: str, nouns: dict[str, str], first_names: Container[str]) -> str:
    """The full name closing a role described with its complement ("Top aide to Donald Trump Kellyanne
    Conway": Kellyanne Conway); not the complement's own name ("an aide to Sen. Chuck Schumer", "an adviser
    to President Donald Trump"); "" when none."""
    found = _CLOSING_NAME.match(core)
    if found is None or found.group(3).split()[0] not in first_names:
        return ""
    role, before = found.group(1).lower().split(), found.group(2).split()[-1]
    if not any(nouns.get(w) in ("title", "official") for w in role):
        return ""
    if before.endswith((".", "’s", "'s")) or (before[:1].isupper() and nouns.get(before.lower())):
        return ""
    return found.group(3)


def name_suffix(word: str) -> bool:
    """A suffix of a person's name in nameparser's lists ("III", "MD", "Jr")."""
    from nameparser.config import CONSTANTS

    low = word.lower().rstrip(".")
    return low in CONSTANTS.suffix_acronyms or low in CONSTANTS.suffix_not_acronyms


def name_prefixed(word: str) -> bool:
    """A surname with a capitalised prefix in nameparser's list ("McConnell", "DeSantis"): no camel case."""
    from nameparser.config import CONSTANTS

    m = re.match(r"([A-Z][a-z]{1,2})([A-Z])", word)
    return bool(m) and m.group(1).lower() in CONSTANTS.prefixes
