"""Cue words read as nouns (issue 21, round eleven): "their asylum claims were rejected", "nasty tweets", "the
final call", "his fictitious claim", "the atomic bomb blast", "elicited praise". The 'source' found for such a
cue is the noun's own modifiers (or the verb it is the object of), nobody who speaks: no row.

The classes (``noun_read``), each read on a one-word cue whose form is also a noun (``NOUN_LEMMAS``, the
base or the -s form, never "said" or "saying"):
- a finite "is/was/were/has" right after the cue: a verb of saying never takes one, its noun does;
- a source ending in an adjective or a determiner right before the cue (no noun head: "the final | call");
- a base form after a lower-case singular noun ("the atomic bomb | blast": a singular subject takes -s);
- a cue after a past verb ("The testimony elicited | praise": the verb's object), an -s form after a
  plural or an -s verb ("which contradicts | claims").
A lone possessive determiner is no source (``lone_determiner``): "Her signed statement claimed" is the
statement's (the span grows to the words before the cue), "one heart-wrenching story describing" is nobody's.
"""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.tokens import POSTMODS, SKIP

# cue lemmas whose base or -s form is also a noun ("a claim", "calls", "tweets", "his pledge", "fears")
NOUN_LEMMAS = frozenset(
    "note tweet reply recall estimate call claim demand boast blast slam blame vow pledge promise praise "
    "lament counter report highlight outline retort stress hope fear doubt view plan support worry "
    "favor".split()
)
# what follows a noun subject and never a verb of saying: "their asylum claims were rejected"
_FINITE_AFTER = re.compile(r"\s+(?:is|are|was|were|has|have|had)\b")
# adjective endings ("final", "specific", "fictitious", "nasty"); nouns with them are excepted below
_ADJECTIVE = re.compile(r"[a-z][a-z\-]*(?:ous|ful|less|able|ible|ish|ic|al|ive|sty)")
_NOT_ADJECTIVES = frozenset(
    "official rival individual principal criminal professional general liberal radical local original "
    "tribunal journal hospital capital animal arrival approval proposal referral denial trial editorial "
    "critic cleric skeptic medic mechanic public republic clinic comic topic music logic traffic rhetoric "
    "epidemic pandemic academic representative relative executive detective operative conservative "
    "progressive native captive fugitive initiative objective directive narrative perspective motive "
    "archive alternative".split()
)
_NOUNLESS = frozenset("a an the his her its their our my your".split())  # articles, possessive determiners
_POSSESSIVE_DETERMINERS = frozenset("his her its their our my your".split())
# plurals and collectives without -s: "police claim", "the media call it", "people blame"
_PLURAL_NOUNS = frozenset(
    "people police media staff clergy public children men women folks youth press".split()
)
# adverbs and pronouns: no noun before the cue ("which they claim benefited", "Democrats too call")
_NOT_HEADS = frozenset(
    "too ever sometimes soon instead together rather also he she it they we i you who whom which that this "
    "these those what one".split()
)
_PREPOSITION = re.compile(r"\s(?:of|for|from|in|at|on|with|about|against|behind)\s")
# past participles that stand for people ("those involved claim", "the accused claims")
_PEOPLE_PARTICIPLES = POSTMODS | frozenset(
    "accused deceased wounded injured displaced concerned affected interviewed surveyed polled asked "
    "contacted reached".split()
)
_SINGULAR_S = ("ss", "us", "is", "ics")  # "the boss", "the census", "the analysis", "politics"
_SINGULAR_S_NOUNS = frozenset("news series species means headquarters".split())
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that)\s+(?:the\s+)?$", re.IGNORECASE)
# a word between a determiner and the cue that is no part of a noun phrase ("his having publicly criticized")
_NOT_NOUN = re.compile(r"[a-z]+(?:ing|ly)|also|not|never|still|just|even")
_GAP_WORDS = re.compile(r"(?:\s+[a-z][a-z\-]*){1,3}\s+")  # "Her | signed statement | claimed"


def _noun_form(h: Hit) -> bool:
    """Is the hit's cue one word whose form is also a noun ("claims", "call", "tweets", "praise")?"""
    words = h.cue.split()
    if len(words) != 1 or h.lemma not in NOUN_LEMMAS:
        return False
    form, lemma = words[0].lower(), h.lemma
    return form in (lemma, lemma + "s", lemma + "es") or (lemma.endswith("y") and form == lemma[:-1] + "ies")


def _listed(word: str, rules: Rules) -> bool:
    """Is the word (or its plural) a listed noun of people, bodies or texts ("official", "company")?"""
    return any(w in rules.nouns or w in rules.type_nouns for w in (word, word + "s")) or word in _PLURAL_NOUNS


def _adjective(word: str, rules: Rules) -> bool:
    """Does the lower-case word read as an adjective ("final", "nasty", a hyphenated "rapid-fire"), not a
    listed noun ("official", "co-workers")?"""
    if "-" in word.strip("-"):  # "two rapid-fire | tweets", "late-night | tweets": a compound modifier
        return not _listed(word.rsplit("-", 1)[-1], rules)
    return bool(_ADJECTIVE.fullmatch(word)) and word not in _NOT_ADJECTIVES and not _listed(word, rules)


def noun_read(text: str, h: Hit, rules: Rules) -> bool:
    """Is the hit's cue a noun, its 'source' the noun's modifiers or the verb it is the object of (the
    classes in the module docstring)? "The official claims that", "Critics call it", "Trump tweets" stay."""
    if h.source_start < 0 or h.source_end > h.cue_start or not _noun_form(h):
        return False
    if text[h.source_end : h.cue_start].strip():
        return False
    words = text[h.source_start : h.source_end].split()
    last = words[-1] if words else ""
    if not last.isalpha() and "-" not in last or not last.islower():
        return False
    if last in _NOUNLESS or _adjective(last, rules):
        return True  # "the final | call", "nasty | tweets", "his fictitious | claim"
    if _listed(last, rules) or last in SKIP or last in _NOT_HEADS or last.endswith("ly"):
        return False
    relative = _RELATIVE_BEFORE.search(text, max(0, h.source_start - 12), h.source_start)
    if _FINITE_AFTER.match(text, h.cue_end) and not relative:
        return True  # "their asylum claims were rejected", not "the man whom the guard claims was armed"
    if last.endswith("ed"):
        return last not in _PEOPLE_PARTICIPLES  # "The testimony elicited praise"; "those involved" speak
    head = _PREPOSITION.split(" ".join(words).lower(), maxsplit=1)[0].split()[-1:] or [last]
    if head[0] != last and (_listed(head[0], rules) or head[0].endswith("s")):
        return False  # "Critics of the minimum wage push claim": the head before the preposition speaks
    if h.cue.lower() != h.lemma:  # an -s form after a plural or an -s verb ("contradicts claims")
        return last.endswith("s") and not last.endswith(_SINGULAR_S) and last not in _SINGULAR_S_NOUNS
    return not last.endswith("s")  # "the atomic bomb blast": a singular subject would take "blasts"


def lone_determiner(text: str, h: Hit, rules: Rules) -> bool:
    """A source that is one possessive determiner ("Her", "His") or a lone "one" before a cue holding its
    noun: the determiner's noun phrase up to the cue is the source ("Her signed statement claimed"); False
    (no statement) when the cue follows it ("their claims", "one heart-wrenching story describing")."""
    if h.source_start < 0 or h.source_end > h.cue_start or h.how.startswith("according"):
        return True
    word = text[h.source_start : h.source_end].strip().lower()
    if word not in _POSSESSIVE_DETERMINERS and word != "one":
        return True
    first = h.cue.split()[0].lower() if h.cue.split() else ""
    if first not in rules.cues:
        return False  # the model's cue holds the determiner's noun: "her first | debate against"
    if text[h.source_end : h.cue_start].strip():
        gap = _GAP_WORDS.fullmatch(text, h.source_end, h.cue_start)
        if gap is not None and word != "one" and not any(_NOT_NOUN.fullmatch(w) for w in gap.group().split()):
            h.source_end += len(text[h.source_end : h.cue_start].rstrip())
        return True  # "his having publicly criticized": the gerund's subject, as before
    return word == "one"  # "One of them said" (never "their claims")
