"""Is an unlisted head noun a person? (issue 21, round eleven)

A source mention no rule recognises (no name, no listed role, document or body noun) was typed ``anonymous``
by default, so on text nobody tuned on the anonymous count filled with things and bodies: "A rapid field blood
test confirmed", "the Iraqi military said", "The gun lobby expressed", "the two sides announced". An unnamed
source is anonymous only when its head names a person or people: a listed person noun ("witness", "gunman"), a
kinship or party noun, a number or ordinal ("a second told"), or a person ending ("strategist", "historian",
"employee", "reporter") on a word not listed as a thing ("paper", "monitor", "committee"). Any other unlisted
head is a body or a thing put forward as a source (``generic.last_resort`` types it ``named_organization``).
Word lists: the ``person``, ``person_suffix`` and ``not_person`` rows of
``lexicons/attribution_reader_types.csv``.
"""

from __future__ import annotations

import re
from typing import Protocol

from outlet_comparison.text.units import POSSESSIVE


class PersonLists(Protocol):
    """The word lists the test reads (``speakers.ReaderWords`` has them)."""

    persons: frozenset[str]
    kinship: frozenset[str]
    descriptions: frozenset[str]
    not_persons: frozenset[str]
    person_suffixes: frozenset[str]


_NOUN = re.compile(r"[a-zé][a-zé\-]*")
# words no head noun is: a pronoun, an auxiliary or negation ("she hadn't revealed"): the span is broken, so
# the rules' type is kept for the steps after typing
_FUNCTION = frozenset(
    "he she they it we i you him her them us me his its their our my your who whom what that this these "
    "those is was were are be been has have had do did does can could will would should may might must "
    "not".split()
)
_BEFORE_PREP = re.compile(
    r"\s+(?:behind|in|of|from|for|at|on|with|near|inside|outside|under|over|about|by|to)\s"
)
# quantity nouns whose people follow "of" ("nearly half of the speakers", "a majority of voters")
_QUANTITY = frozenset("half majority minority share number percent plurality handful group dozens".split())
# numbers, ordinals and quantifiers standing for people ("a second told", "each said", "Two of them")
_COUNTING = frozenset(
    "one two three four five six seven eight nine ten first second third fourth last latter former other "
    "others another each both all none some many few several most majority minority half".split()
)


def unlisted_head(head_part: str, core: str) -> str:
    """The head noun of a mention's head part: its last word before a preposition, or the noun after "of"
    when that word is a quantity ("nearly half of the speakers": speakers; "A majority of voters": voters)."""
    words = _BEFORE_PREP.split(head_part)[0].split()
    if words and words[-1].lower() in _QUANTITY and f"{words[-1]} of " in core:
        words = _BEFORE_PREP.split(core.split(f"{words[-1]} of ", 1)[1])[0].split()
    return POSSESSIVE.sub("", words[-1]) if words else ""


def is_person_head(head: str, words: PersonLists) -> bool:
    """True when ``head`` names a person or people ("witness", "strategist", "a second"), or is no noun
    to judge (a pronoun, a number, a broken span's last word)."""
    if any(c.isupper() for c in head):
        return True  # a name's word ("al-Assad noted"): not the last resort's to judge
    w = head.strip(".,;:").lower().removeprefix("ex-")  # "His ex-wife"
    if not _NOUN.fullmatch(w) or w in _FUNCTION or w in _COUNTING:
        return True
    forms = {w, w.removesuffix("s"), w.removesuffix("es"), w.removesuffix("ies") + "y"}  # "signatories"
    if any(f in words.persons or f in words.kinship or f in words.descriptions for f in forms):
        return True
    if w in words.not_persons or w.rstrip("s") in words.not_persons:
        return False
    return any(w.endswith(s) and len(w) > len(s) + 2 for s in words.person_suffixes)
