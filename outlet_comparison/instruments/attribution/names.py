"""People named in a text: full-name mentions with their offsets, and the surnames they give.

Used to type a bare surname ("King said" is a person when the text has "TJ King" earlier; a lone
"Anthropic" with no first name anywhere is an organisation) and to resolve "he"/"she" to the last
person named before the pronoun when no earlier source fits better. One regex pass: linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.cards import without_cards
from outlet_comparison.instruments.attribution.rules import Rules, alias_at, remember
from outlet_comparison.instruments.attribution.tokens import TIME_WORDS
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, OPENERS, UPPER, honorific_pattern, us_states
from outlet_comparison.text.units import POSSESSIVE
from outlet_comparison.wordlists import matches_at

_HONORIFIC = rf"(?:{honorific_pattern(('St',))}\s+)+"  # "St." too: "St. John" is read as a title here
_WORD = rf"(?:{UPPER}\.(?=[ \t])|{UPPER}[\w\u0300-\u036f’'\-]*)"  # "Betty X. Wang"; "Biden." ends a run
# an honorific and a name ("Mr. Altman"), or a capitalised run ("Superior Court Judge Michael Markman")
_NAME_RE = re.compile(
    rf"(?<![\w.’'])(?:(?P<hon>{_HONORIFIC})(?P<sur>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
    rf"|(?P<full>{_WORD}(?:[ \t]+{_WORD})*))(?![\w’'])"
)
# Where _NAME_RE can start: a capital with no word character, period or apostrophe before it (its
# look-behind). A pattern that opens with a look-behind is tried at every position; one that opens with
# a character class lets the regex engine skip to the next capital in C.
_NAME_START = re.compile(rf"{UPPER}(?<![\w.’'].)")


@dataclass(frozen=True)
class Names:
    """Person-like full names in a text: (start, end, name) sorted by start, and their last words."""

    starts: tuple[int, ...]
    found: tuple[tuple[int, int, str], ...]
    surnames: frozenset[str]
    bodies: frozenset[str] = (
        frozenset()
    )  # lone names written as a place of work: "at Anthropic", "from LAist"

    def last_before(self, pos: int, lo: int) -> str:
        """The last full name ending before ``pos`` and starting at or after ``lo`` ("" when none)."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self.found[k][0] >= lo:
            if self.found[k][1] <= pos:
                return self.found[k][2]
            k -= 1
        return ""

    def ending_at(self, pos: int, gap: re.Pattern[str], text: str) -> str:
        """The last full name ending before ``pos`` whose end is joined to ``pos`` by ``gap`` (a comma,
        a bracket and a comma: "Hutchison, R-Texas"); "" when none."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and self.found[k][1] > pos:
            k -= 1
        if k < 0 or not gap.fullmatch(text, self.found[k][1], pos):
            return ""
        return self.found[k][2]


NO_NAMES = Names((), (), frozenset())
# a lone capitalised word after 'at' or 'from' is a body people work at or speak from ("a lawyer at Gridwise")
_BODY_RE = re.compile(rf"\b(?:at|from)\s+({UPPER}[\w\u0300-\u036f\-]*)(?![\w’'\-]|\s+{UPPER})")
_BODY_START = re.compile(rf"(?:at|from)\s+{UPPER}")  # where _BODY_RE can start (a start no match overlaps)
# where the pattern of _apposed_bodies can start: its name, comma and article. A later start inside one
# of these is in the same name (a capital after a combining mark) and meets the same comma, so it
# matches exactly when this one does.
_APPOSED_START = re.compile(rf"{UPPER}(?<![\w’'\-].)[\w\u0300-\u036f\-]*,\s+an?\s")


def _finditer(text: str, rx: re.Pattern[str], start_rx: re.Pattern[str]) -> list[re.Match[str]]:
    """``list(rx.finditer(text))``, trying ``rx`` only where ``start_rx`` finds that it can start."""
    return matches_at(text, rx, [m.start() for m in start_rx.finditer(text)])


def _person_name(rules: Rules, words: tuple[str, ...]) -> tuple[str, ...]:
    """The name part of a capitalised run: after its last title or role word, if no other word is listed.

    "President Obama" gives ("Obama",), "Superior Court Judge Michael Markman" ("Michael", "Markman"),
    "TJ King" stays whole (a title word last is a surname); "Border Protection" gives () only when listed.
    """
    lows = [w.lower() for w in words]
    while lows and (lows[0] in BOUNDARY or lows[0] in DETERMINERS or lows[0] in OPENERS):
        if lows[0] == "the":
            return ()  # "The Economic Roundtable": a body
        words, lows = words[1:], lows[1:]  # "To Quinn Diaz", "But Harris"
    while len(lows) > 1 and lows[-1] in TIME_WORDS and lows[-2] not in TIME_WORDS:
        words, lows = words[:-1], lows[:-1]  # "President Obama Monday": the name before the day
    if not words or lows[0] in ("earlier", "later") or any(lo in TIME_WORDS for lo in lows):
        return ()  # "Earlier Friday", "Thursday afternoon": a time, not a person ("May" stays a name)
    cut = _title_cut(rules, words)
    if cut == len(words) - 1 and rules.type_nouns.get(lows[cut - 1]) == "org":
        return ()  # "Government Reform", "Civil Defense": the last word of a body's name
    words, lows = words[cut:], lows[cut:]
    if rules.type_nouns.get(lows[-1]) not in (None, "title") or (len(words) == 1 and not cut):
        return ()
    if any(lo in DETERMINERS or lo in BOUNDARY for lo in lows) or len(words) > 4:
        return ()
    if " ".join(words) in us_states():
        return ()  # "New Hampshire", "North Carolina": a place, not a person ("she" went to it)
    if alias_at(rules, " ".join(words)) is not None or any(
        (a := alias_at(rules, w)) is not None
        and not (a.kind == "organization" and k and words[k - 1] in rules.first_names)
        for k, w in enumerate(words)
    ):
        return ()  # a body's name; "Randy Forbes" is a person (a listed first name before the alias)
    return words


def _title_cut(rules: Rules, words: tuple[str, ...] | list[str]) -> int:
    """Where the name part of a capitalised run starts: after its last listed title or role word (not
    its last word). A listed first name before an unlisted capitalised word is the name's first word,
    not a noun ("White House spokesman Bill Burton": "Bill" is no bill)."""
    lows = [w.lower() for w in words]
    return max(
        (
            k + 1
            for k, lo in enumerate(lows[:-1])
            if _listed(rules, lo) and not first_name_at(rules, words, k)
        ),
        default=0,
    )


def first_name_at(rules: Rules, words: tuple[str, ...] | list[str], k: int) -> bool:
    """Is word k a listed first name written before a capitalised word no noun list holds ("Bill Burton")?"""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return (
        words[k] in rules.first_names
        and nxt[:1].isupper()
        and not rules.type_nouns.get(POSSESSIVE.sub("", nxt).lower())
    )


def _listed(rules: Rules, low: str) -> bool:
    """A listed noun or title, or the plural of a title ("Senators Kirsten Gillibrand and Kamala Harris")."""
    return (
        bool(rules.type_nouns.get(low))
        or (low.endswith("s") and rules.type_nouns.get(low[:-1]) == "title")
        or low.endswith(_PLURAL_ROLES)
    )  # "Justices Clarence Thomas": a plural role noun, never a first name


_PLURAL_ROLES = ("justices", "ators", "ernors", "atives", "idents")


def _run_name(rules: Rules, run: str) -> str:
    """The person name of a capitalised run (``_person_name`` of its words without a possessive 's); a
    possessive inside the run ends its owner: "CBS' Lesley Stahl" is Lesley Stahl (round twelve)."""
    words = run.split()
    owner = max((k + 1 for k, w in enumerate(words[:-1]) if w.endswith(_OWNER_ENDS)), default=0)
    if any(rules.type_nouns.get(w.lower()) for w in words[owner:]):
        owner = 0  # "America's Toughest Sheriff": a title, no name after the owner
    return " ".join(_person_name(rules, tuple(POSSESSIVE.sub("", w) for w in words[owner:])))


_OWNER_ENDS = ("’", "'", "’s", "'s")


def _apposed_rx(rules: Rules, _key: str) -> re.Pattern[str]:
    """The pattern of ``_apposed_bodies``: a capitalised name, a comma, 'a'/'an' and an org noun."""
    heads = "|".join(sorted(w for w, c in rules.type_nouns.items() if c == "org" and w.isalpha()))
    return re.compile(
        rf"(?<![\w’'\-])({UPPER}[\w\u0300-\u036f\-]*),\s+(?:a|an)\s+(?:[\w\-]+\s+){{0,3}}?(?:{heads})\b"
    )


def _apposed_bodies(text: str, rules: Rules) -> frozenset[str]:
    """Lone names the text describes as a body: "Anthropic, a company that ...", "Gridwise, an app"."""
    rx = remember(rules, "apposed_rx", "", _apposed_rx)  # built once per word lists
    return frozenset(m.group(1) for m in _finditer(text, rx, _APPOSED_START))


_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


def adds_suffix(found: str, parts: list[str]) -> bool:
    """Is ``found`` a mention's name plus "Jr."/"Sr." (another person: "Donald Trump" is not "Donald Trump
    Jr.")?"""
    return found.split()[-1].rstrip(".") in ("Jr", "Sr") and parts[-1].rstrip(".") not in ("Jr", "Sr")


def surname_of(name: str) -> str:
    """The last word of a name that is no suffix ("William Taylor III" -> "Taylor")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in _SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


_PARTICLE = re.compile(r"^[OD]’(?=[A-Z])")  # O’Rourke, D’Amato (after straight apostrophes are made curly)


def surname_key(word: str) -> str:
    """A surname as compared across spellings: straight and curly apostrophes alike, an O’/D’ particle
    optional ("O'Rourke", "O’Rourke" and a text's "Rourke" are one surname)."""
    if "'" not in word and "’" not in word:
        return word  # most surnames: nothing to fold (this runs for every name pair)
    return _PARTICLE.sub("", word.replace("'", "’"))


_LAST_KEYS: tuple[object, tuple[str, ...]] = (None, ())


def surname_keys(found: tuple[tuple[int, int, str], ...]) -> tuple[str, ...]:
    """``surname_key(surname_of(name))`` of every found name, in order; kept for the very same ``found``
    last asked about (one article's mentions ask about one set)."""
    global _LAST_KEYS
    last = _LAST_KEYS  # read once: another thread may replace the pair
    if last[0] is not found:
        last = _LAST_KEYS = (found, tuple(surname_key(surname_of(f[2])) for f in found))
    return last[1]


_LAST_BY_SURNAME: tuple[object, dict[str, list[tuple[int, int, str]]]] = (None, {})


def found_by_surname(found: tuple[tuple[int, int, str], ...]) -> dict[str, list[tuple[int, int, str]]]:
    """The found names of two or more words, not in capitals, by surname key in text order; kept for the
    very same ``found`` last asked about (one article's speakers ask about one set)."""
    global _LAST_BY_SURNAME
    last = _LAST_BY_SURNAME  # read once: another thread may replace the pair
    if last[0] is found:
        return last[1]
    index: dict[str, list[tuple[int, int, str]]] = {}
    for item in found:
        name = item[2]
        if len(name.split()) >= 2 and not name.isupper():
            index.setdefault(surname_key(surname_of(name)), []).append(item)
    _LAST_BY_SURNAME = (found, index)
    return index


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")  # a party-state tag ("D-New York", "R-Texas")


def find_names(text: str, rules: Rules) -> Names:
    """Every person-like name in the text (see ``_person_name``) with its offsets; a web page's hover card
    ("Jeff Sessions Jefferson (Jeff) Beauregard SessionsMedill ... MORE") is no part of one (``cards``)."""
    text = without_cards(text)
    found = []
    for m in _finditer(text, _NAME_RE, _NAME_START):
        start = m.start()
        sur = m.group("sur")
        if sur:
            words = [POSSESSIVE.sub("", w) for w in sur.split()]
            name = " ".join(words[_title_cut(rules, words) :])  # "Lt. Governor Tim Murray": Tim Murray
        elif text[max(0, start - 4) : start].lower().rstrip().endswith("the"):
            continue  # "the Stanford Guaranteed Income Lab": a body
        else:
            name = remember(rules, "person_name_of_run", m.group("full"), _run_name)
        if name and not _PARTY_TAG.match(name):  # "Nita Lowey, D-New York, the top Democrat": no name
            found.append((start, m.end(), name))
    surnames = frozenset(surname_of(f[2]) for f in found)
    surnames |= frozenset(surname_key(w) for w in surnames)  # "Rourke" when the text names "Beto O’Rourke"
    bodies = frozenset(m.group(1) for m in _finditer(text, _BODY_RE, _BODY_START))
    bodies |= _apposed_bodies(text, rules)
    return Names(tuple(f[0] for f in found), tuple(found), surnames, bodies)


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def may_follow_first_name(text: str, surname: str) -> bool:
    """Can ``surname`` be written after a capitalised word and any initials ("Michael Steele", "John Q.
    Doe"), as ``speakers._first_name_rx`` finds them? False only where no occurrence of it follows, after
    white space, an ASCII capital and lower-case letters with no word character before, or an initial:
    a necessary condition checked with str.find, so most surnames skip compiling that pattern."""
    if not surname:
        return True
    p = text.find(surname, 1)  # none at 0 has a word before it
    while p > 0:
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        r = q
        while r > 0 and text[r - 1] in _LOWER:
            r -= 1
        if (
            q < p
            and text[q - 1 : q] == "."
            and q >= 3
            and "A" <= text[q - 2] <= "Z"
            and text[q - 3].isspace()
        ):
            return True  # an initial ("John Q. Doe")
        if q < p and 0 < r < q and "A" <= text[r - 1] <= "Z":
            if r == 1 or not (text[r - 2].isalnum() or text[r - 2] == "_"):
                return True
        p = text.find(surname, p + 1)
    return False


_PREPOSITIONS = frozenset("in at on from to for by with of near after before during since".split())
# a person's name is followed by an appositive ("Rob Shapiro, a former official", "Leigh Corfman, now 53",
# "Philippe Gijsels, head of research", "Janey Godley, whose") or is a clause subject ("Jen Psaki offered")
_PERSON_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|who|whose)\s|(?:now\s+|aged?\s+)?\d{1,3}\b(?![,.]?\d)|[a-z]+\s+of\s)"
    r"|\s+(?!(?:and|or|of|in|at|on|for|to|with|from|by|as|is|was|has|its|this|his|hers)\b)[a-z]+(?:ed|s)\b"
)


@memoize(maxsize=4096)
def _count(text: str, word: str) -> int:
    """How often ``word`` occurs in ``text`` (kept: one article's pronouns ask about the same names)."""
    return text.count(word)


def written_alone(text: str, name: str, start: int = -1, end: int = -1) -> bool:
    """Is a name found at [start, end) written as a person's: after a title its span holds ("Kentucky
    Clerk Kay Schwartz"), with a word of it also written without the rest (a second reference: "Hahn
    said", "Ban said"), or with an appositive after it or as a clause subject (``_PERSON_APPOSITIVE``)?
    True for a one-word name. "In Phnom Penh, the sun", a place, "Advertisement Continue" and "Hide
    Caption 3 of 25", page debris, are none of these."""
    words = name.split()
    lead = text[start : text.find(words[0], start, end)].split() if start >= 0 else []
    if len(words) < 2 or lead and lead[-1].lower() not in _PREPOSITIONS:
        return True  # "In Phnom Penh": the span opens with a preposition, no title
    if any(_count(text, w) > _count(text, name) for w in words):
        return True
    return end >= 0 and _PERSON_APPOSITIVE.match(text, end) is not None


def full_name_of(name: str, names: Names | None) -> str:
    """The longest name the text gives with this surname ("Crowley" -> "Joseph Crowley")."""
    if not name or names is None or len(name.split()) > 1:
        return name  # a first name is there already
    last = surname_key(surname_of(name))
    pairs = zip(names.found, surname_keys(names.found), strict=True)
    return max((f for (_, _, f), k in pairs if k == last), key=len, default=name)


_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


# opens with the literal "M" (the engine skips to it; a leading \b made it try every position), the word
# start checked after it: the same matches and groups as \b(Mr|Mrs|Ms|Miss)...
_HONORIFIC_NAME = re.compile(r"(M(?<!\wM)(?:r|rs|s|iss))\.?\s+((?:[A-Z][\w’'\-]*\.?\s+){0,2}[A-Z][\w’'\-]+)")


@memoize(maxsize=64)
def _honorific_genders(text: str) -> dict[str, set[str]]:
    """Surname -> the genders its honorifics give in the text ("Ms. Lerner" -> {'f'}), one pass."""
    out: dict[str, set[str]] = {}
    for m in _HONORIFIC_NAME.finditer(text):
        out.setdefault(surname_of(m.group(2)), set()).add(_HONORIFIC_GENDER[m.group(1).lower()])
    return out


def person_gender(text: str, name: str, first_names: dict[str, str] | None = None) -> str:
    """'m' or 'f' from the person's first name in ``first_names``, else when the text writes the surname
    after Mr. or after Ms./Mrs. (only one of them); '' when unknown."""
    if not name:
        return ""
    by_first = (first_names or {}).get(name.split()[0], "") if len(name.split()) > 1 else ""
    if by_first:
        return by_first
    seen = _honorific_genders(text).get(surname_of(name), set())
    return next(iter(seen)) if len(seen) == 1 else ""  # never pop: the sets are memoized
