"""Places, party groups and stations for actor discovery (``discover``): which places act, which
locate, which runs name a party by its members, and where a dateline or a station's call sign stands.

- a US state (``text.names.us_states``, less ``lexicons/actor_states_left_out.csv``) or a place named
  with its kind ("Deuel County", "New York City": ``lexicons/actor_place_nouns.csv``) is an actor only
  as the subject of a verb of acting or speaking (``lexicons/actor_act_verbs.csv``: "Nebraska and
  Oklahoma asked the Supreme Court");
- party members after a chamber or a place are the party ("House Democrats"), one member described by
  a place is no actor ("the California Democrat": ``lexicons/actor_party_groups.csv``);
- a dateline's place ("Denver (AP) –") locates the story; a call sign with a digit ("NY1's reporter")
  is a station.
"""

from __future__ import annotations

import re

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.instruments.attribution.rules import Rules, alias_at
from outlet_comparison.text.names import DETERMINERS, us_states
from outlet_comparison.wordlists import read_lexicon


@memoize(maxsize=4)
def _party_groups(path: str) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """From ``actor_party_groups.csv``, lower case: plural party-member words -> their party ("democrats"
    -> Democratic Party), the singular ones ("democrat") and the chamber words that may stand before them."""
    df = read_lexicon(path, ("word", "role", "party", "rationale"))
    rows = [(str(w).strip().lower(), str(r).strip(), str(p).strip()) for w, r, p in
            zip(df["word"], df["role"], df["party"], strict=True)]  # fmt: skip
    members = {w: p for w, r, p in rows if r == "members"}
    return (
        members,
        frozenset(w for w, r, _ in rows if r == "one"),
        frozenset(w for w, r, _ in rows if r == "modifier"),
    )


def party_group(words: list[str], places: frozenset[str], phrases: frozenset[str]) -> str | None:
    """The party a run names by its members after a chamber or a place ("House Democrats", "Senate GOP",
    "New York Republicans"); "" for one member described by a place ("the California Democrat", "a
    Midwestern Democrat": a description of a person, no actor); None for any other run ("Log Cabin
    Republicans", "Young Democrats" name groups of their own). ``places``: last words of places and
    regions (``actor_non_persons.csv``); ``phrases``: listed places of two words ("new york")."""
    members, one, modifiers = _party_groups(str(LEXICONS / "actor_party_groups.csv"))
    last = words[-1].lower() if len(words) > 1 else ""
    if last not in members and last not in one:
        return None
    before = [w.lower() for w in words[:-1]]
    places = places | state_names()
    if " ".join(before) in places | phrases or all(w in modifiers or w in places for w in before):
        return members.get(last, "")
    return None


@memoize(maxsize=1)
def state_names() -> frozenset[str]:
    """The US states that act where a verb follows them (``text.names.us_states`` without the names in
    ``actor_states_left_out.csv``), lower case."""
    path = LEXICONS / "actor_states_left_out.csv"
    left_out = {str(p).strip() for p in read_lexicon(path, ("place", "rationale"))["place"]}
    return frozenset(s.lower() for s in us_states() - left_out)


@memoize(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Kinds of place that end a place's name ("County", "City": ``actor_place_nouns.csv``), lower case."""
    path = LEXICONS / "actor_place_nouns.csv"
    return frozenset(str(p).strip().lower() for p in read_lexicon(path, ("noun", "rationale"))["noun"])


@memoize(maxsize=1)
def _act_verbs() -> frozenset[str]:
    """Verbs whose subject acts, so a place before them is an actor ("sued": ``actor_act_verbs.csv``)."""
    path = LEXICONS / "actor_act_verbs.csv"
    return frozenset(str(v).strip().lower() for v in read_lexicon(path, ("verb", "rationale"))["verb"])


@memoize(maxsize=1)
def _acting_regex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A coordinated group of places (listed states, names ending in a place noun), the auxiliaries, then
    a verb ("Nebraska and Oklahoma asked", "Colorado has undermined", "Colorado does not require")."""
    names = sorted(state_names(), key=len, reverse=True)
    states = "|".join(r"[ \t]+".join(map(re.escape, p.title().split())) for p in names)
    kinds = "|".join(re.escape(n.title()) for n in sorted(place_nouns()))
    place = rf"(?:[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){{0,2}}[ \t]+(?:{kinds})|(?:{states}))(?![\w’'\-])"
    return re.compile(
        rf"(?<![\w’'\-])(?P<group>{place}(?:(?:,?[ \t]+(?:and|or)[ \t]+|,[ \t]+){place})*)"
        r"(?:[ \t]+(?:has|have|had|will|would|could|can|may|might|did|does|do|is|are|was|were|also|not|"
        r"never|still|then|now|jointly|both|each|n[’']t))*[ \t]+(?P<verb>[a-z]+)\b"
    ), re.compile(place)


# a preposition before a place makes it where something is, not who acts ("Attorneys general in Utah and
# New Mexico said"); 'of' too, unless after 'state(s) of' ("The states of Nebraska and Oklahoma filed")
_WHERE = re.compile(
    r"(?:(?<![\w’'\-])(?:in|at|near|from|to|into|across|outside|inside|throughout|within|toward|towards|"
    r"between|against|for|with|by|like|including|beyond|over)|(?<![\w’'\-])(?<!states )(?<!state )of)[ \t]+$",
    re.IGNORECASE,
)


_WORD_BEFORE = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]*)[ \t]+$")
# conjunctions that open a clause before its subject ("If Nebraska and Oklahoma succeed", "While Colorado")
_CLAUSE_OPENERS = frozenset("if unless although though because since as so until once whether".split())


def acting_places(text: str, openers: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """The places a text names as the subject of an act (``actor_act_verbs.csv``): (start, end, name) of
    each listed state or place named with its kind in a group before the verb ("Nebraska and Oklahoma
    asked the U.S. Supreme Court", "Colorado has undermined"); a place after a preposition is where
    something is ("officials in Colorado said"), none; so is one after a capitalised word other than a
    sentence opener (``openers``: "During", "While") or a determiner ("University of Southern California").

    >>> acting_places("Nebraska and Oklahoma asked the court. Officials in Utah said no.")
    [(0, 8, 'Nebraska'), (13, 21, 'Oklahoma')]
    """
    verbs = _act_verbs()
    acting, place = _acting_regex()
    out = []
    for m in acting.finditer(text):
        if m.group("verb") not in verbs or _WHERE.search(text, max(0, m.start() - 16), m.start()):
            continue
        word = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if word and word.group(1).lower() not in openers | _CLAUSE_OPENERS | DETERMINERS:
            continue  # "The University of Southern California agreed": the place is part of a longer name
        at = m.start("group")
        out.extend((at + g.start(), at + g.end(), g.group(0)) for g in place.finditer(m.group("group")))
    return out


# a dateline opening a line: a place in capitals or title case, maybe its agency, then a dash ("DENVER —",
# "Denver (AP) –", "NEW YORK (Reuters) -")
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.’']*(?:,?[ \t]+[A-Z][A-Za-z.’']*){0,3})[ \t]*"
    r"(?:\([A-Za-z. ]{2,20}\)[ \t]*)?(?:—|–|--|-)[ \t]",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The place of each dateline ("Denver (AP) –", "WASHINGTON —"): where the story was filed, no actor
    (its agency, "AP", is outside the span).

    >>> dateline_spans("Denver (AP) – Colorado's top cop spoke.")
    [(0, 6)]
    """
    return [m.span("place") for m in _DATELINE.finditer(text)]


# a broadcaster's letters and channel number ("NY1", "WPIX11") where it owns something or is told: written
# with a possessive ("NY1's Washington reporter") or after "told" ("told NY1"); no other letters and digits
# (a thing: "CO2", "MH17") are read as a body
CALL_SIGN = re.compile(
    r"(?:(?<=\btold[ \t])|(?<![\w.’'\-@#])(?=[A-Z]{2,4}\d{1,2}[’']s(?!\w)))"
    r"(?P<name>[A-Z]{2,4}\d{1,2})(?![\w\-])"
)


@memoize(maxsize=1)
def abbreviated() -> frozenset[str]:
    """The US states' AP abbreviations with their period ("Ariz."; ``actor_state_abbreviations.csv``)."""
    path = LEXICONS / "actor_state_abbreviations.csv"
    return frozenset(
        str(a).strip() for a in read_lexicon(path, ("abbreviation", "rationale"))["abbreviation"]
    )


@memoize(maxsize=4)
def states_regex(path: str) -> re.Pattern[str]:
    """', ' and a US state's AP abbreviation (``lexicons/actor_state_abbreviations.csv``) ending a word."""
    abbreviations = read_lexicon(path, ("abbreviation", "rationale"))["abbreviation"]
    body = "|".join(re.escape(str(a).strip()) for a in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf",[ \t]+(?:{body})(?![\w.])")


def located(text: str, start: int, end: int) -> bool:
    """Is a run a place that only locates: after 'in', 'at', 'near', 'outside' or 'from' and before a
    comma and a capitalised word, a place and its state or country ("in Mount Kisco, New York"), or
    anywhere before a comma and a state's abbreviation ("South Bend, Ind., Mayor Pete Buttigieg")?"""
    before = re.search(r"(?<![\w’'\-])(?:in|at|near|outside|from)[ \t]+$", text[max(0, start - 8) : start])
    states = states_regex(str(LEXICONS / "actor_state_abbreviations.csv"))
    state = states.match(text, end, min(len(text), end + 12))
    return bool(before and re.match(r",[ \t]+[A-Z]", text[end : end + 3])) or state is not None


@memoize(maxsize=4)
def institutions(path: str) -> dict[str, str]:
    """Parties and legislative chambers as written ("GOP", "the Senate") -> the actor they name."""
    df = read_lexicon(path, ("name", "actor", "rationale"))
    return {str(n).strip(): str(a).strip() for n, a in zip(df["name"], df["actor"], strict=True)}


def institution(
    words: list[str], k: int, non_persons: frozenset[str], phrases: frozenset[str], rules: Rules
) -> str | None:
    """The party, chamber or group a run names from ``k`` (``actor_institutions.csv``; a party by its
    members: "House Democrats"), or a listed body with its article ("The Hill"); "" for one party member
    described by a place ("the California Democrat": no actor); None for any other run. ``non_persons``,
    ``phrases``: as ``party_group``'s ``places`` and ``phrases``."""
    listed = institutions(str(LEXICONS / "actor_institutions.csv")).get(" ".join(words[k:]))
    if not listed:
        listed = party_group(words[k:], non_persons, phrases)
        if listed == "":
            return ""
    titled_body = alias_at(rules, " ".join(words)) if k == 1 and words[0] == "The" else None
    if titled_body is not None and titled_body.canonical != titled_body.side:
        return titled_body.canonical  # "The Hill", "The Atlantic": the article is the name's
    return listed
