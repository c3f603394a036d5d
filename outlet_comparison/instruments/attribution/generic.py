"""Sources typed anonymous that name no withheld identity (issue 21, round ten): grammatical tests.

``anonymous`` is a specific unnamed individual, or officials of a specific body whose names are withheld.
Two kinds of mention the typing left anonymous are not that: a bare plural of people or bodies with no
determiner, number or post-modifier ("Drug manufacturers argue", "utilities say", "Demonstrators
voiced"): generic reference, a vague group; and a relative of a person through a possessive ("his
father", "the president's son", "Trump's wife"): one person the reader identifies through the named one,
never anonymous. Checks read the mention's own words and the word before it (no text scan).
"""

from __future__ import annotations

import re

from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.described import movement_group
from outlet_comparison.instruments.attribution.names import NO_NAMES, Names
from outlet_comparison.instruments.attribution.persons import is_person_head
from outlet_comparison.instruments.attribution.speakers import ReaderWords, full_name

_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
# words that end a head: a post-modifier or relative clause ("people familiar with", "officials who")
_POSTMOD = frozenset("of from for familiar close briefed with in at on to by who which that whose".split())
# no bare plural: a determiner, a numeral or a quantifier makes a counted or specific group
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your one two three four five six seven eight "
    "nine ten some many most several other both all few".split()
)
# plural roles of specific unnamed people the noun lists lack: officials at work ("Authorities said") and
# the participants of the reported event ("Witnesses said", "Jurors asked", "Passengers described",
# "according to attendees"): the people of this shooting, trial, flight or meeting, not people at large
_ROLE_PLURALS = frozenset("authorities witnesses eyewitnesses jurors passengers attendees survivors".split())
_POSSESSOR = re.compile(r"(?:\b(?:his|her|their|His|Her|Their)|[\w.\-][’']s?)\s+$")


def _head(mention: str) -> list[str]:
    """The words of a mention before its first comma or post-modifier word."""
    out = []
    for w in _WORD.findall(mention.split(",")[0]):
        if w.lower() in _POSTMOD and out:
            break
        out.append(w)
    return out


def bare_plural(mention: str, nouns: dict[str, str], words: ReaderWords, opens: bool = False) -> bool:
    """'Drug manufacturers argue', 'utilities say', 'American hog farmers': a plural head with no
    determiner, numeral or post-modifier, and no role noun of withheld identities ("officials",
    "aides", "sources", "prosecutors", "officers" of the noun lists stay anonymous). A capitalised
    modifier must be an adjective ("American", "Kurdish", "Democratic") unless the head is a vague noun
    ("Second Amendment supporters"); a party word only before a vague head ("Republican critics",
    "Republican lawmakers"; "Democratic leaders" stay as typed): "NAACP leaders" are officials of a named
    body. ``opens``: the mention opens its sentence (its first capital is the sentence's)."""
    if _AND_OTHERS.search(mention) and bare_plural(_AND_OTHERS.sub("", mention), nouns, words, opens):
        return True  # "First Amendment groups and others": the others add no name
    head = _head(mention)
    if not head or len(head) != len(_WORD.findall(mention)) or head[0].lower() in _DETERMINERS:
        return False
    if any(c.isdigit() for c in mention):  # "18 countries": a counted group
        return False
    last = head[-1].lower().rstrip("’'").split("-")[-1]  # "ex-employees" are employees
    if not last.endswith("s") or last.endswith(("ss", "is", "us")) or mention[-len(head[-1]) - 1 :][0] == ".":
        return False  # "emphasis", "poweroutage.us": no plural of people
    if head[-1][0].isupper() and not (opens and len(head) == 1):
        return False  # "IS", "U.S. Capitol Police": a name; "Demonstrators" opening a sentence is a plural
    if nouns.get(last) not in (None, "group") or last in _ROLE_PLURALS:
        return False  # "officials", "aides", "comments" (an act)
    if any(nouns.get(w) == "org" for w in head[:-1]):
        return False  # "district leaders said": people of a specific body, officials withheld
    opens = opens and not head[0].isupper()  # an acronym opening a sentence is a name ("NAACP leaders")
    caps = [w for w in head[int(opens) : -1] if w[0].isupper()]
    if (last not in words.vague or head[0].lower() in _RANKS) and any(
        w.lower().removesuffix("ic") in words.descriptions for w in caps
    ):
        return False  # "Democratic leaders", "Top Republican lawmakers": a party's role holders, as typed
    # "Republican critics", "Republican lawmakers": a party's people at large, a vague group (issue 21)
    return last in words.vague or all(_ADJECTIVE.search(w) for w in caps)


# a poll's split after the cue ("voters say 62 - 34 percent that", "say 55 to 39 percent")
_POLL = re.compile(r"\s+(?:that\s+)?\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*(?:percent\b|%)")
_AND_OTHERS = re.compile(r",?\s+and\s+others$")
# rank words that make a party's people its role holders ("Top Republican lawmakers", "senior Democrats")
_RANKS = frozenset("top senior leading".split())
_BEFORE = re.compile(r"(\w+)\s+$")
# a named person's team speaking as a body ("Mueller's team indicated", "Sanders’ team acknowledges"), named
# like a campaign ("Mueller team"); a legal or defense team is the person's lawyers, agents typed anonymous;
# the owner must be a person the text names ("President's team" is no name)
_TEAM = re.compile(r"((?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w.\-]*)(?:[’']s?)\s+(?:([a-z]+)\s+)?team")
_CAPITALISED = re.compile(r"[A-Z][a-z][\w’'\-]*")  # one capitalised word ("Camp", "May"), no acronym
_LAWYERS = frozenset("legal defense defence".split())
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|ern|i)$")


def relative_of(mention: str, words: ReaderWords) -> bool:
    """'his father', 'the president's son', 'Trump’s wife': a kinship noun after a possessor."""
    head = _head(mention)
    if not head or head[-1].lower() not in words.kinship:
        return False
    before = mention[: mention.rfind(head[-1])]
    return bool(_POSSESSOR.search(before))


def generic_type(
    mention: str,
    h: Hit,
    text: str,
    source: str,
    nouns: dict[str, str],
    words: ReaderWords,
    lower: bool = False,
) -> str:
    """The reader's type of a source typed anonymous with no grant: ``unnamed_group`` for a named
    movement's people or a bare plural, ``document`` for a poll's figures, else ``anonymous``."""
    pos = h.source_start
    last = (_head(source) or [""])[-1].lower()
    if _POLL.match(text, h.cue_end) and last.endswith("s") and nouns.get(last) in (None, "group"):
        return "document"  # "Iowa voters say 59 - 33 percent": the poll's figures, not people speaking
    opens = lower and source == mention
    before = _BEFORE.search(text, max(0, pos - 20), pos) if source == mention else None
    counted = before is not None and (before.group(1).lower() in _DETERMINERS or before.group(1)[0].isdigit())
    # "Both leaders said": the span left out the counting word before it
    if movement_group(mention, pos, text, words) or not counted and bare_plural(source, nouns, words, opens):
        return "unnamed_group"  # "Tea Party members", "Drug manufacturers argue": people at large
    return "anonymous"


def last_resort(
    src: Source,
    rtype: str,
    speaker: str,
    words: ReaderWords,
    names: Names = NO_NAMES,
    at: tuple[str, int] = ("", 0),
) -> tuple[str, str]:
    """The type and speaker of a row still ``anonymous`` after every other rule: a relative of a named person
    is ``named_person`` ("his father"); a source whose head no list holds and that names no person is a body
    or a thing, ``named_organization`` with the body its words name ("the Iraqi military": "Iraq"), else no
    speaker ("The gun lobby"). A plural description that lists named people, or a plural title after such a
    list ("Sens. Jeanne Shaheen ..., Angus King ... the senators said"; ``at``: the text and the source's
    start), is the first of them (the gold guide's convention: "Two other Republican senators, John McCain
    and Rand Paul" is John McCain)."""
    if rtype == "named_person" and not speaker and src.plural:
        return rtype, listed_first(src.source, names)
    if rtype == "anonymous" and (holder := listed_holder(src.source, at[1], at[0], names)):
        return "named_person", holder
    if rtype != "anonymous":
        return rtype, speaker
    if _CAPITALISED.fullmatch(src.source) and src.source in names.surnames:
        return "named_person", full_name(src.source, names)  # "Camp said" after "Rep. Dave Camp": a surname
    if relative_of(src.source, words):
        return "named_person", speaker  # "his father", "the president's son": a relative of a named person
    team = _TEAM.fullmatch(src.source.strip())
    if (
        team and team.group(2) not in _LAWYERS and team.group(1).split()[-1] in names.surnames
    ):  # "Mueller's team", "Trump’s transition team": a body
        return "named_organization", " ".join(w for w in (team.group(1), team.group(2), "team") if w)
    if not src.head or is_person_head(src.head, words):
        return rtype, speaker
    return "named_organization", src.affiliation


def listed_first(mention: str, names: Names) -> str:
    """The first found name of two words or more that opens the part after a plural description's comma
    ("Two other Republican senators, John McCain and Rand Paul": "John McCain"); "" when none."""
    _, comma, rest = mention.partition(", ")
    if not comma:
        return ""
    return next((f for _, _, f in names.found if len(f.split()) > 1 and rest.startswith(f)), "")


_PLURAL_TITLE = re.compile(r"(?:the|The)\s+([a-z]+)s")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_LIST_GAP = 120  # characters at most between two names of one list


def listed_holder(mention: str, pos: int, text: str, names: Names) -> str:
    """The first of the last list of named people titled with a plural title before ``pos`` ("the senators"
    after "Sens. Jeanne Shaheen of New Hampshire, Angus King of Maine, ...": a capitalised plural title, or
    its abbreviation, right before the first name); "" when none."""
    m = _PLURAL_TITLE.fullmatch(mention.strip())
    if m is None or not text:
        return ""
    found = [f for f in names.found if f[1] <= pos and len(f[2].split()) > 1]
    for k in range(len(found) - 2, -1, -1):
        start, end, name = found[k]
        first = text.rfind(name.split()[0], start, end)
        before = _WORD_BEFORE.search(text, max(0, first - 16), first)
        title = before.group(1) if before and before.group(1)[0].isupper() else ""
        if len(title) > 3 and title.endswith("s") and m.group(1).startswith(title[:-1].lower()):
            return name if found[k + 1][0] - end <= _LIST_GAP else ""
    return ""
