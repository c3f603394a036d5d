"""Descriptions of people the text names, read on the end-to-end gold's ``check5`` part (issue 21): a
party-state tag or an apposed lower-case title stands after its person's name ("Hutchison, R-Texas,";
"Max Richtman, executive vice president of ..."), and "the 43-year-old", "the presidential hopeful",
"the younger Cheney" are the person the article names ("his campaign" is resolved with the pronoun, in
``resolve``). Word lists: the ``main_person`` rows of ``lexicons/attribution_reader_types.csv``.
"""

from __future__ import annotations

import bisect
import re

from outlet_comparison.instruments.attribution.classify import Source, classify
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.filters import in_quotation
from outlet_comparison.instruments.attribution.kin import apposes_own_name
from outlet_comparison.instruments.attribution.names import Names, surname_key, surname_of
from outlet_comparison.instruments.attribution.rules import Rules
from outlet_comparison.instruments.attribution.speakers import (
    _BRACKET_COMMA,
    _DEFINITE,
    ReaderWords,
    _head_words,
    _head_words_text,
    _is_description,
    describe,
    full_name,
)

_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?")  # "R-Texas", "D-N.Y."
_NAME_COMMA = re.compile(r"\s*,\s+")


def name_before(text: str, h: Hit, names: Names, nouns: dict[str, str]) -> str:
    """The person a party-state tag or an apposed lower-case title stands after ("Sen. Kay Bailey
    Hutchison, R-Texas, said"; "Max Richtman, executive vice president of the National Committee ...,
    said"): the name the text writes right before the mention and a comma; "" when the mention is neither
    or no name ends there."""
    mention = text[h.source_start : h.source_end]
    head = _head_words(mention)
    tag = _PARTY_TAG.fullmatch(mention) is not None
    titled = len(head) > 1 and mention[:1].islower() and nouns.get(head[-1].lower()) == "title"
    if not (tag or titled) or h.src is None or (h.src.plural and not tag):
        return ""  # "R-Texas" reads as a plural ("-s")
    if apposes_own_name(mention, h.src.name):
        return ""  # "the lead attorney for the whistleblower, Andrew Bakaj": the mention names its person
    if titled and _OPEN_ARTICLE.match(mention) and "," not in text[h.source_end : h.cue_start]:
        return ""  # "Asked if Putin tried to help Mr. Trump, the president said": no comma closes it
    return names.ending_at(h.source_start, _NAME_COMMA, text)


_OPEN_ARTICLE = re.compile(r"(?:the|a|an)\s")  # an appositive with an article is closed by a comma


_AGE = re.compile(r"\d+-year-old")


def main_person(
    mention: str, rtype: str, pos: int, text: str, names: Names, words: ReaderWords, nouns: dict[str, str]
) -> str:
    """The person a definite description of the article's people stands for ("the 43-year-old", "the
    presidential hopeful", "the conservative senator vying for ...", "the younger Cheney"): a surname in it
    is the person of that surname the text has named most so far; else a title the text gives a named
    person (``describe``); else the person the text has named most so far. "" when the mention is no such
    description (only unnamed and body types are read: a named person keeps its speaker)."""
    if rtype not in ("anonymous", "named_organization") or not _DEFINITE.match(mention):
        return ""
    head = _head_words(mention)[1:]
    if not head:
        return ""
    caps = [w for w in head if w[0].isupper()]
    if caps and head[-1].lower() in words.main_person:  # "the GOP front-runner": a modifier, no name
        run = _title_run_person(caps, mention, pos, text, names)
        if run:
            return run
    if caps:  # "the younger Cheney": one capitalised word, a surname the text names, last or before kin
        k = head.index(caps[0])
        kin = k == len(head) - 1 or (k == len(head) - 2 and head[-1].lower() in words.kinship)
        mods = [w.lower() for w in head[:k]]  # "younger": no noun ("The lawyer representing Love")
        if any(nouns.get(w) or w.endswith("ing") for w in mods):
            return ""
        if len(caps) != 1 or not kin or surname_key(caps[0]) not in names.surnames:
            return ""  # "the Clinton campaign": a body
        return _most_named(pos, text, names, surname_key(caps[0]))
    lows = [w.lower() for w in head]
    word = next((w for w in lows if w in words.main_person or _AGE.fullmatch(w)), "")
    if not word:
        return ""
    if nouns.get(word) == "title":
        named = describe(f"the {word}", pos, text, names, [], nouns)
        if len(named.split()) >= 2:  # a full name ("Council on Foreign Relations" gave "Relations")
            return named
    return _most_named(pos, text, names)


def _title_run_person(caps: list[str], mention: str, pos: int, text: str, names: Names) -> str:
    """The one person before ``pos`` whose title run holds the description's capitalised modifiers ("The GOP
    front-runner" after "GOP presidential hopeful Donald Trump"): the modifiers, then at most three words,
    right before the name; "" when the mention holds a name of its own or no single person fits."""
    if any(surname_key(w) in names.surnames for w in mention.split()):
        return ""  # "The former Ohio governor and candidate ... John Kasich": named in the mention
    run = re.compile(r"\b" + r"\s+".join(map(re.escape, caps)) + r"\s+(?:[\w’'-]+\s+){0,3}$")
    found = {
        full_name(name, names, text)
        for start, end, name in names.found
        if end <= pos and run.search(text, max(0, start - 80), start)
    }
    return found.pop() if len(found) == 1 else ""


def _most_named(pos: int, text: str, names: Names, surname: str = "") -> str:
    """Of the full names (two words or more) written before ``pos`` (with ``surname`` when given), the one
    the text writes most often before ``pos`` (its full name, or its surname when no other full name has
    that surname); the first named on a tie; "" when none."""
    counts: dict[str, list[int]] = {}
    by_surname: dict[str, set[str]] = {}
    for start, end, found in names.found:
        if end > pos:
            break
        key = surname_key(surname_of(found))
        if (surname and key != surname) or found.isupper():
            continue  # another surname; a dateline ("NEW YORK --")
        if len(found.split()) >= 2:
            counts.setdefault(found, [0, -start])[0] += 1
            by_surname.setdefault(key, set()).add(found)
    best = ("", 0, 0)
    for found, (n, first) in counts.items():
        key = surname_key(surname_of(found))
        if len(by_surname[key]) == 1:  # one person of that surname: every bare mention is them too
            n = len(re.findall(rf"\b{re.escape(surname_of(found))}\b", text[:pos]))
        if (n, first) > best[1:]:
            best = (found, n, first)
    return full_name(best[0], names, text) if best[0] else ""


def party_description(
    mention: str,
    pos: int,
    sentence_start: int,
    text: str,
    names: Names,
    earlier: list[tuple[str, str, str]],
    words: ReaderWords,
) -> tuple[str, str] | None:
    """Type and speaker of a party member described with a lower-case word ("the top Democrat on the
    committee", "the Senate's top Republican", "the billionaire ex-Republican"); None for any other
    mention ("the Arizona Republican" is read in ``speakers``). The holder of the role when the text gives
    it to a named person ("Sen. Mark Warner, D-Va., the top Democrat on the committee"; "..., Adam Schiff");
    else a position in a body (a post-modifier or a possessive) is a person the reader can look up, typed
    ``named_person`` with no speaker, never a guessed name (nor an anonymous source); else a plain
    description is the nearest person of no other party (``_continued``), and no one ("") when none fits."""
    head = _head_words(mention)
    if not _is_description(mention, words) or all(w[0].isupper() for w in head[1:]):
        return None
    holder = _role_holder(mention, pos, text, names)
    if holder:
        return "named_person", holder
    core = _head_words_text(mention).strip()
    if len(core) < len(mention.strip()) or any(w.endswith(("’s", "'s")) for w in head):
        return "named_person", ""  # "the top Democrat on the Senate intelligence panel", named nowhere
    party = "" if head[-1].lower().startswith("ex-") else head[-1].lower()
    return "named_person", _continued(party, pos, sentence_start, text, names, earlier)


_PARTY_WORDS = {"r": "republican", "gop": "republican", "d": "democrat", "i": "independent"}
# a party written right before a name ("Republican Sen.", "GOP Rep.", "Democrat") or right after it
# ("(R-Wyo.)", ", D-Calif.", ", a Republican", ", a freshman Democrat", ", Nevada Democrat")
_PARTY_BEFORE = re.compile(
    r"\b(Republican|GOP|Democratic|Democrat|[Ii]ndependent)\s+(?:[A-Z][\w.]*\s+){0,3}$"
)
_PARTY_AFTER = re.compile(
    r"(?:,\s+|\s*\()(?:([RDI])-[A-Z]|(?:an?\s+(?:[a-z][\w\-]*\s+){0,2}|[A-Z][\w\-]*\s+)"
    r"(Republican|Democrat|independent)\b)"
)
_NEAREST = 6  # the people named last before a description that it may continue


def _party(word: str) -> str:
    """The party a mark names ("GOP", "R", "Democratic" -> "republican", "republican", "democrat")."""
    low = word.lower()
    return _PARTY_WORDS.get(low, "democrat" if low.startswith("democrat") else low)


def _party_of(name: str, names: Names, text: str) -> str:
    """The party the text writes right beside a person's mentions ("Sen. John Barrasso (R-Wyo.)",
    "Democrat Joe Manchin"): "" when none or more than one."""
    key = surname_key(surname_of(name))
    marked = set()
    for start, end, found in names.found:
        if surname_key(surname_of(found)) == key:
            lead = _PARTY_BEFORE.search(text, max(0, start - 40), start)
            tail = _PARTY_AFTER.match(text, end)
            marked |= {_party(m.group(1)) for m in (lead,) if m}
            marked |= {_party(tail.group(1) or tail.group(2))} if tail else set()
    return next(iter(marked)) if len(marked) == 1 else ""


def _continued(
    party: str, pos: int, sentence_start: int, text: str, names: Names, earlier: list[tuple[str, str, str]]
) -> str:
    """The person a plain party description continues: a person named earlier in its sentence ("Sen.
    John Barrasso (R-Wyo.) voiced skepticism ..., and the third-ranking Senate Republican said") or the
    speaker of the row right before it, when the text gives them no other party ("The freshman Democrat"
    after "Meadows responded" is not the Republican Meadows); else the nearest person named outside
    quotations whom the text gives that party. "" when none."""
    k = bisect.bisect_left(names.starts, pos)
    before = [f for f in reversed(names.found[:k]) if not in_quotation(text, f[0])][:_NEAREST]
    same = [f[2] for f in before if f[0] >= sentence_start and len(f[2].split()) >= 2]
    last = [earlier[-1][1]] if earlier and earlier[-1][2] == "named_person" and earlier[-1][1] else []
    for name in [*same[:1], *last]:
        full = full_name(name, names, text)
        if full and (not party or _party_of(full, names, text) in ("", party)):
            return full
    for _, _, name in before if party else ():
        full = full_name(name, names, text)
        if _party_of(full, names, text) == party:
            return full
    return ""


_TITLED_GAP = re.compile(r"\s*,\s+(?:[A-Z][\w.’'\-]*\s+){0,3}")  # a comma, then titles before a name


def _role_holder(mention: str, pos: int, text: str, names: Names) -> str:
    """The named person the text gives a description to: a name apposed in the mention ("The top Democrat
    on the House Intelligence Committee, Adam Schiff of California"), or one the description is apposed
    to elsewhere in the text ("Mark Warner, D-Va., the top Democrat on the committee"); "" when none."""
    end = pos + len(mention)
    inner = [found for start, _, found in names.found if pos < start < end and len(found.split()) >= 2]
    if inner and "," in mention:
        return full_name(inner[0], names, text)
    k = bisect.bisect_left(names.starts, end)
    for start, stop, found in names.found[k : k + 2]:  # "..., Virginia Sen. Mark Warner, said"
        if (
            _TITLED_GAP.fullmatch(text, end, start)
            and len(found.split()) >= 2
            and text[stop : stop + 1] != "."
        ):
            return full_name(found, names, text)
    rest = _head_words_text(mention).split()[1:]  # the words after "the"
    phrase = r"\s+".join(map(re.escape, rest))
    for m in re.finditer(rf"\b[Tt]he\s+{phrase}(?![\w’'])", text):
        named = names.ending_at(m.start(), _BRACKET_COMMA, text)
        if named and len(named.split()) >= 2:
            return full_name(named, names, text)
    return ""


# "the representative", "the former Alaska governor", "Mr. Christie’s lieutenant governor": "the" or a
# possessive, modifiers, then lower-case role nouns
_ROLE = re.compile(
    r"(?:[Tt]he|(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w\-]*[’']s)\s+((?:[\w\-]+\s+){0,3}?)((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)"
)
_ROLE_KINDS = ("title", "official")
# the first word of a two-word role ("lieutenant governor", "deputy secretary"): one role, not a modifier
_COMPOUND_ROLES = frozenset("lieutenant vice deputy assistant attorney press chief".split())
_HOLDER_AFTER = re.compile(
    r"\s*,\s+(?:[A-Z][\w.]*\s+){0,2}"
)  # "the lieutenant governor, (Lt. Gov.) Kim Guadagno"


def role_holder(mention: str, pos: int, text: str, names: Names, nouns: dict[str, str]) -> str:
    """The named person an unnamed role stands for ("The representative" after "Rep. Bruce Braley", "Mr.
    Christie’s lieutenant governor" when the text writes "The lieutenant governor, Kim Guadagno"; the first
    of two people joined by "and"): the full name the text gives that role, apposed before or after it
    anywhere, or (one role word) written with its title before the name; "" when nobody has the role
    (never a guessed name)."""
    first = re.split(r"\s+and\s+", mention.strip(), maxsplit=1)[0]
    m = _ROLE.fullmatch(first)
    if m is None or nouns.get(m.group(2).split()[-1]) not in _ROLE_KINDS:
        return ""
    mods, words = m.group(1), m.group(2).split()
    if words[0] not in _COMPOUND_ROLES:  # "the former governor": a modifier, not "lieutenant governor"
        mods, words = f"{mods}{' '.join(words[:-1])} ".lstrip(), words[-1:]
    role = r"\s+".join(map(re.escape, words))
    for r in re.finditer(rf"\b[Tt]he\s+{role}(?![\w’'])", text):
        k = bisect.bisect_left(names.starts, r.end())
        for start, _, found in names.found[k : k + 1]:  # "The lieutenant governor, Kim Guadagno, denied"
            if _HOLDER_AFTER.fullmatch(text, r.end(), start) and len(found.split()) >= 2:
                return full_name(found, names, text)
        named = names.ending_at(r.start(), _BRACKET_COMMA, text)  # "Kim Guadagno, the lieutenant governor"
        if named and len(named.split()) >= 2:
            return full_name(named, names, text)
    if len(words) > 1:
        return ""  # "lieutenant governor": "Gov. Chris Christie" holds another role
    named = describe(f"the {mods}{words[0]}", pos, text, names, [], nouns)
    return named if len(named.split()) >= 2 else ""


def movement_group(mention: str, pos: int, text: str, words: ReaderWords) -> bool:
    """'Tea Party members have challenged claims', 'Tea party organizers disputed': the members of a movement
    or body the text names elsewhere, written as a group with no determiner: vague people at large, not an
    anonymous source."""
    m = re.fullmatch(r"([A-Z][\w.\-]*(?:\s+[A-Za-z][\w.\-]*){0,2})\s+([a-z]+)", mention.strip())
    if (
        m is None
        or m.group(2) not in words.movement_members
        or m.group(1).split()[0].lower() in _DETERMINER_WORDS
    ):
        return False
    body = r"\s+".join(map(re.escape, m.group(1).split()))
    elsewhere = [b for b in re.finditer(rf"\b{body}\b", text, re.IGNORECASE) if b.start() != pos]
    return bool(elsewhere) and not m.group(1).endswith(("’s", "'s"))


_DETERMINER_WORDS = frozenset("the a an his her their its our some many most several these those".split())


# "the Obama administration", "the George W. Bush administration": a president's surname before the noun
_NAMED_ADMINISTRATION = re.compile(r"(?<![\w’'-])([A-Z][a-z][\w’'\-]*)\s+administration\b")
_NOT_PRESIDENT = frozenset("The This That His Her Its Whose Former Current Previous Next New Last".split())


def presidents_administration(text: str, pos: int, mention: str, rules: Rules, names: Names) -> Source | None:
    """'The administration': the administration of the president the text titles ("Obama administration",
    never the last body named, "Congress"), else of the last president the text wrote before it as
    "the Obama administration"; None when the text does neither (issue 21: a named body's description)."""
    president = describe("the president", pos, text, names, [], rules.type_nouns)
    if president:
        person = classify(president, rules, False, names)
        name = f"{surname_of(president)} administration"
        return Source(mention, "named_organization", "", name, "organization", person.side)
    named = [m.group(1) for m in _NAMED_ADMINISTRATION.finditer(text, 0, pos)]
    named = [w for w in named if w not in _NOT_PRESIDENT]
    if not named:
        return None
    side = classify(named[-1], rules, False, names).side
    return Source(mention, "named_organization", "", f"{named[-1]} administration", "organization", side)
