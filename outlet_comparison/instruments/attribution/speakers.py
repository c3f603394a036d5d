"""What a reader is told about each source: its type in the reader's scheme and who it is (issue 21).

Types: ``named_person``, ``named_organization``, ``document``, ``unnamed_group`` (a vague group:
"critics", "some", "many Republicans") and ``anonymous`` (a specific unnamed person, or officials of
a specific body whose names are withheld). ``speaker`` is the canonical name of the person or body
the article named (the fullest spelling of a surname the text gives: "Mr. Steele" -> "Michael
Steele"), with definite descriptions ("the president", "the Arizona Republican") resolved to the
person named before them; empty when the source is unidentified. Word lists:
``lexicons/attribution_reader_types.csv`` (quantifiers, vague heads, person descriptions).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from outlet_comparison.cache import memoize
from outlet_comparison.core import ArticleError
from outlet_comparison.instruments.attribution import names as nm
from outlet_comparison.instruments.attribution.classify import Source
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.demonyms import (
    adjective_body,
    qualified_elsewhere,
    qualified_title,
)
from outlet_comparison.instruments.attribution.fragments import clause_head, full_body_name, is_fragment
from outlet_comparison.instruments.attribution.heads import other_role
from outlet_comparison.instruments.attribution.kin import agent_holder, apposes_own_name, family_member
from outlet_comparison.instruments.attribution.names import Names, surname_key, surname_of
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, OPENERS
from outlet_comparison.wordlists import read_lexicon

READER_TYPES = ("named_person", "named_organization", "document", "unnamed_group", "anonymous")
_CATEGORIES = (
    "quantifier",
    "vague",
    "description",
    "large_body",
    "kinship",
    "main_person",
    "body_adjective",
    "movement_member",
    "person",
    "person_suffix",
    "not_person",
)
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_POSTMOD = re.compile(r"\s+(?:of|from|for|familiar|close|briefed|with|in|at|on|to|by|who|which|that)\s+|,")
_POSSESSIVE = re.compile(r"[’']s?$")
# specific people whose names are withheld: anonymous even after a quantifier ("some officials")
_WITHHELD = frozenset(
    "official officials source sources aide aides adviser advisers advisor advisors spokesman spokeswoman "
    "spokesperson spokespeople insider insiders staffer staffers diplomat diplomats negotiator "
    "negotiators".split()
)


@dataclass(frozen=True)
class ReaderWords:
    """The reader-type word lists: vague quantifiers, vague group heads, person-description heads,
    bodies too large for their members to be a specific source ("members of Congress"), and kinship
    nouns ("his son")."""

    quantifiers: frozenset[str]
    vague: frozenset[str]
    descriptions: frozenset[str]
    large_bodies: frozenset[str] = frozenset()
    kinship: frozenset[str] = frozenset()  # "his son": one relative, named when the text names the family
    main_person: frozenset[str] = frozenset()  # "the presidential hopeful": a person the article names
    body_adjectives: frozenset[str] = frozenset()  # "Congressional investigators": people of a large body
    movement_members: frozenset[str] = frozenset()  # "Tea Party members": a named movement's people at large
    persons: frozenset[str] = frozenset()  # head nouns of people no other list holds ("witness", "gunman")
    person_suffixes: frozenset[str] = frozenset()  # endings of person nouns ("-ist", "-er"): "strategist"
    not_persons: frozenset[str] = frozenset()  # words with such an ending that are no person ("paper")


@memoize(maxsize=8)
def load_reader_words(path: str) -> ReaderWords:
    """The word lists of ``lexicons/attribution_reader_types.csv`` (or another file of that shape)."""
    df = read_lexicon(path, ("term", "category", "rationale"))
    by: dict[str, set[str]] = {c: set() for c in _CATEGORIES}
    for n, row in df.iterrows():
        cat = str(row["category"]).strip()
        if cat not in by:
            raise ArticleError(f"{path}, row {n + 2}, field 'category': {cat!r} is not one of {_CATEGORIES}")
        by[cat].add(str(row["term"]).strip().lower())
    return ReaderWords(*(frozenset(by[c]) for c in _CATEGORIES))


def _head_words_text(mention: str) -> str:
    """The text of a mention before its first post-modifier or comma."""
    return _POSTMOD.split(mention)[0]


def _head_words(mention: str) -> list[str]:
    """The words of a mention before its first post-modifier or comma ("officials familiar with")."""
    return _WORD.findall(_POSTMOD.split(mention)[0])


_MEMBERS_OF = re.compile(
    r"(?i)(?:some\s+|many\s+|other\s+)?members\s+of\s+(?:the\s+)?([\w.\-]+(?:\s+[\w.\-]+)?)"
)


_MANY = frozenset("many numerous countless various".split())


def is_vague(mention: str, words: ReaderWords, lower_first: bool = False) -> bool:
    """Is the mention a vague group: a quantifier first ("some", "many Republicans", "several of whom"),
    a vague head ("critics", "civil rights groups") with nothing but vague words capitalised, or members
    of a large body ("Members of Congress"; members of "Mr. Trump's staff" are specific people)?
    ``lower_first``: the first word's capital is only the sentence's ("Legal scholars say")."""
    if lower_first:
        mention = mention[:1].lower() + mention[1:]
    first, joined, _ = mention.partition(" and ")
    if joined and first.strip() and is_vague(first, words):
        return True  # "state lawmakers and Republican Gov. Mike Pence": a vague group, a name added
    members = _MEMBERS_OF.match(mention)
    if members and members.group(1).lower().split()[-1] in words.large_bodies:
        return True
    head = _head_words(mention)
    if not head:
        return False
    lows = [_POSSESSIVE.sub("", w.lower()) for w in head]
    if lows[-1] in _WITHHELD or any(w in _WITHHELD for w in lows):
        return False  # "some officials", "two officials familiar with": withheld identities
    if len(lows) >= 2 and lows[-2] in words.body_adjectives and lows[-1].endswith("s"):
        return True  # "Congressional investigators, who insist": people of a large body at large
    if len(lows) >= 2 and " ".join(lows[-2:]) in words.vague:  # "Family members of the victims"
        if re.search(r"\bof\s+(?:the\s+)?[A-Z]", mention):
            return False  # "family members of Mr. Floyd": relatives of one named person, specific people
        head, lows = [*head[:-2], head[-1]], [*lows[:-2], " ".join(lows[-2:])]
    if lows[0] == "the" and len(lows) > 2 and lows[1] in _MANY:
        return True  # "the many people who called on Trump": a vague crowd, not the people of one event
    if lows[0] in ("the", "these", "those") and lows[-1] not in words.vague:
        return False
    if lows[0] in words.quantifiers:
        return True
    low = mention.lower()
    for q in (q for q in words.quantifiers if " " in q and low.startswith(f"{q} ")):
        rest = _head_words(mention[len(q) + 1 :])  # "a number of business leaders", not "... of officials"
        return not any(_POSSESSIVE.sub("", w.lower()) in _WITHHELD for w in rest)
    if lows[-1] not in words.vague:
        return False
    if len(head) >= 3 and head[1][0].islower():
        head, lows = head[1:], lows[1:]  # "Gay and civil rights groups": a sentence-initial capital
    caps = [_POSSESSIVE.sub("", w.lower()) for w in head if w[0].isupper()]
    party = words.descriptions if lows[0] in _DETERMINERS else frozenset()  # "his Republican opponents"
    vague = words.vague | words.quantifiers | _DETERMINERS
    return all(c in vague or c.removesuffix("ic") in party for c in caps)


def reader_type(src: Source, marker: str, words: ReaderWords, lower_first: bool = False) -> str:
    """The source's type in the reader's scheme (``READER_TYPES``); ``src.source`` is the resolved mention.
    ``lower_first``: the mention opens its sentence with a word the text never capitalises elsewhere."""
    if src.kind == "document":
        return "document"
    if marker:
        return "anonymous"  # granted anonymity ("people familiar with", "on condition of anonymity")
    if _is_description(src.source, words):
        return "named_person"  # "the Arizona Republican": a person named before, not a body
    if is_vague(src.source, words, lower_first):
        return "unnamed_group"
    return src.source_type


_FORMER = re.compile(r"^(?:ex-|former-)")
# determiners a capital may open a sentence with: no name ("His Republican opponents say" is vague)
_DETERMINERS = frozenset("the a an his her their its our".split())


def _is_description(mention: str, words: ReaderWords) -> bool:
    """'The Arizona Republican', 'the top Democrat', 'the billionaire ex-Republican': 'the', modifiers and a
    capitalised person-description head (one party member, singular; "ex-" for a former one)."""
    if "the" not in mention.lower():
        return False  # no word 'the' (no other letter lowers to t, h or e): most mentions skip the split
    head = _head_words(mention)
    return (
        len(head) >= 2
        and head[0].lower() == "the"
        and head[-1][0].isupper() | head[-1].lower().startswith("ex-")
        and _FORMER.sub("", head[-1].lower()) in words.descriptions
        and not any(w.lower().rstrip("s") in _DETERMINERS | words.descriptions for w in head[1:-1])
    )  # not a span across a clause: "the Democrats met Republican"


def full_name(name: str, names: Names, text: str = "", nouns: dict[str, str] | None = None) -> str:
    """The fullest spelling the text gives of a person's name ("Steele" -> "Michael Steele"): the longest
    found name with that surname, else a capitalised non-title word written before the surname."""
    index, done = _article_memo(names.found, text, nouns)
    got = done.get(name)
    if got is None:
        got = done[name] = _full_name(name, index, text, nouns)
    return got


def _full_name(
    name: str, index: dict[str, list[tuple[int, str, str]]], text: str, nouns: dict[str, str] | None
) -> str:
    """``full_name`` with the found names indexed by surname (``_article_memo``)."""
    parts = [_POSSESSIVE.sub("", w) for w in name.split()]
    if not parts:
        return ""
    best = " ".join(parts)
    size = len(best.split())
    # the found names with this surname ("Rourke" is "Beto O’Rourke"), in text order: the longest wins
    for n_words, first, found in index.get(surname_key(surname_of(" ".join(parts))), ()):
        if n_words > size and (len(parts) == 1 or first == parts[0] and not nm.adds_suffix(found, parts)):
            best, size = found, n_words
    lone = len(best.split()) == 1 and parts[-1][:1].isupper()  # a surname alone: a first name before it?
    if lone and text and nm.may_follow_first_name(text, parts[-1]):
        for m in _first_name_rx(parts[-1]).finditer(text):
            first = m.group(1)
            if first.lower() not in (nouns or {}) and first not in _NOT_FIRST and first not in _FUNCTION:
                return f"{first}{m.group(2)} {parts[-1]}"
    return best


_Index = dict[str, list[tuple[int, str, str]]]
_NUMERALS = frozenset(("II", "III", "IV"))
_LAST_ARTICLE: tuple[object, object, object, _Index, dict[str, str]] = (None, None, None, {}, {})


def _article_memo(
    found: tuple[tuple[int, int, str], ...], text: str, nouns: dict[str, str] | None
) -> tuple[_Index, dict[str, str]]:
    """For the last (found names, text, nouns) asked about, the very same objects (one article's speakers
    ask about one set): the found names by surname key as (word count, first word, name) in text order,
    and the full names given so far."""
    global _LAST_ARTICLE
    last = _LAST_ARTICLE
    if last[0] is found and last[1] is text and last[2] is nouns:
        return last[3], last[4]
    index: _Index = {}
    for _, _, name in found:
        fp = name.split()
        if len(fp) > 2 and fp[-1] in _NUMERALS:
            name, fp = " ".join(fp[:-1]), fp[:-1]  # "William Taylor III" is William Taylor; "Jr." stays
        index.setdefault(surname_key(surname_of(name)), []).append((len(fp), fp[0], name))
    _LAST_ARTICLE = (found, text, nouns, index, {})
    return index, _LAST_ARTICLE[4]


@memoize(maxsize=2048)
def _first_name_rx(surname: str) -> re.Pattern[str]:
    """A capitalised word, and any initials, written before ``surname`` ("Michael Steele", "John Q. Doe").

    ``\\b[A-Z]`` written as ``[A-Z](?<!\\w[A-Z])`` (no word character before the capital): a pattern that
    opens with a character class lets the regex engine skip to the next capital, so the text's scan is
    about a third cheaper; the same matches."""
    return re.compile(rf"([A-Z](?<!\w[A-Z])[a-z]+)((?:\s+[A-Z]\.)*)\s+{re.escape(surname)}\b")


OUTLET_SIDE = "news media"  # the side of news outlets in ``attribution_affiliations.csv``
_RUN_BEFORE = re.compile(r"((?:[A-Z](?:[\w.&\-]|[’'](?=\w))*[ \t]+){1,3})$")  # one line, no closing quote


def full_outlet_name(name: str, text: str, pos: int) -> str:
    """The fullest spelling of a news outlet the text gives before ``pos`` ("The Times" -> "New York
    Times" when the text wrote "The New York Times" first): the capitalised words written before the
    short name at its first such occurrence, less a leading article or sentence opener."""
    base = re.sub(r"^(?:the|The)\s+", "", name)
    if not base or len(base.split()) > 2:
        return name
    for m in re.finditer(rf"\b{re.escape(base)}\b", text[:pos]):
        run = _RUN_BEFORE.search(text, max(0, m.start() - 60), m.start())
        words = run.group(1).split() if run else []
        while words and words[0].rstrip(".") in _NOT_FIRST:
            words = words[1:]
        if words:
            return f"{' '.join(words)} {base}"
    return name


_NOT_FIRST = frozenset("The A An And But Mr Mrs Ms Dr Sen Rep Gov Said Says When While If".split())
# a function word opening a sentence is no first name: "For Abdullah", "Since Obama" ("Will Hurd" is one)
_FUNCTION = frozenset(w.capitalize() for w in BOUNDARY | OPENERS | DETERMINERS if w not in ("will", "may"))


# "Tom Frieden, the director of the CDC": the title before the appositive's first preposition
_APPOSED_TITLE = re.compile(r",\s+(?:the|a|an)\s+((?:(?!of\b|for\b|at\b|with\b|in\b)[\w\-]+\s+){0,3}[\w\-]+)")


def describe(
    mention: str, before: int, text: str, names: Names, earlier: list[tuple[str, str]], nouns: dict[str, str]
) -> str:
    """The person a definite description names: the last full name written after its head word and no
    other title ("the president" is "President Donald Trump", not "Vice President Mike Pence"), else the
    last earlier speaker whose mention has that word; "" when none."""
    head = _head_words(mention)
    if not head:
        return ""
    word = head[-1].lower()
    said, foreign = {w.lower() for w in head}, ""
    for start, end, found in reversed(names.found):
        if end > before:
            continue
        run = text[start:end]
        lead_words = run[: max(0, run.rfind(found.split()[0]))]
        if not _WORD.search(lead_words):  # "Maine Gov. Paul LePage": the title ends a run before the name
            lead = _TITLE_BEFORE.search(text, max(0, start - 40), start)
            lead_words = lead.group(1) if lead else ""
        titles = [w.lower() for w in _WORD.findall(lead_words)]
        if _titled(word, titles, nouns) and all(
            any(_titled(x, [w], nouns) for x in said) for w in titles if nouns.get(w) == "title"
        ):
            foreign_here = qualified_title(lead_words, said) or qualified_elsewhere(
                text, surname_of(found), said
            )
            if not foreign_here:  # not "Ukrainian President Volodymyr Zelensky"
                return full_name(found, names, text, nouns)
            foreign = foreign or full_name(found, names, text, nouns)
            continue
        after = _APPOSED_TITLE.match(text, end)
        if after and word in after.group(1).lower().split():  # "Tom Frieden, the director of the CDC"
            return full_name(found, names, text, nouns)
    if foreign:  # the text titles nobody else: the president it qualified is the one meant
        return foreign
    for mention_before, speaker in reversed(earlier):
        if speaker and re.search(rf"\b{re.escape(word)}\b", mention_before, re.IGNORECASE):
            return speaker
    return ""


_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w\-]*\.?[ \t]+){1,3})$")


def _titled(word: str, titles: list[str], nouns: dict[str, str]) -> bool:
    """Is ``word`` one of the title words, written out or abbreviated ("the governor" after "Gov. Mike
    Pence": an abbreviated title of the noun list that begins the word)?"""
    return any(t == word or (nouns.get(f"{t}.") == "title" and word.startswith(t)) for t in titles)


def _only_descriptions(name: str, words: ReaderWords) -> bool:
    """Is a 'name' only person-description words ("Democrat", "Republican"): a party, nobody's name?"""
    return all(w.lower() in words.descriptions for w in _WORD.findall(name))


def last_person(earlier: list[tuple[str, str, str]]) -> str:
    """The most recent earlier named person speaker ("" when none)."""
    return next((spk for _, spk, typ in reversed(earlier) if spk and typ == "named_person"), "")


def speaker_of(
    src: Source,
    rtype: str,
    pos: int,
    text: str,
    names: Names,
    earlier: list[tuple[str, str, str]],
    words: ReaderWords,
    nouns: dict[str, str] | None = None,
    first_names: dict[str, str] | None = None,
) -> str:
    """The canonical name of a named source (a description resolved to the person it names), else "".
    ``first_names``: first name -> 'm'/'f', for "Mr. Jackson" among people of one surname."""
    if is_fragment(src.source):  # "Corpus Christi, Tex.": a place in the clause of "Mr. Braley, speaking"
        return (
            full_name(clause_head(pos, text, names), names, text, nouns) if rtype.startswith("named") else ""
        )
    if rtype == "named_organization":
        body = adjective_body(src.source, src.name, text, pos) if src.name and src.side == src.name else None
        if body is not None:  # "a Palestinian organization", "the ... lobby group, AIPAC": not the country
            return body
        name = src.name or src.affiliation or re.sub(r"^(?:the|The)\s+", "", src.source)
        return (full_outlet_name if src.side == OUTLET_SIDE else full_body_name)(name, text, pos)
    if rtype != "named_person":
        return ""
    named = bool(src.name) and not _only_descriptions(src.name, words)  # "Democrat" names nobody
    if _is_description(src.source, words) and not (
        named and surname_key(src.name.split()[-1]) in names.surnames
    ):
        return last_person(earlier)  # "the Arizona Republican"; not "The Democrat, Rep. Adam Schiff"
    if named:
        agent = agent_holder(src.source, src.name, text, names, nouns or {})  # "a lawyer for Mrs. Clinton"
        if agent is not None:
            return full_name(agent, names, text, nouns) if agent else ""
        member = family_member(src.source, src.name, pos, text, names, first_names or {})
        return member or full_name(src.name, names, text, nouns)
    nouns = nouns or {}
    return describe(src.source, pos, text, names, [(m, s) for m, s, _ in earlier], nouns) or salient_person(
        src.source, pos, text, names, nouns
    )


# "the presumptive Republican presidential nominee": a title with a capitalised modifier, no post-modifier
_MODIFIED_TITLE = re.compile(
    r"(?:the|The)\s+(?:[\w\-]+\s+){0,3}?[A-Z][\w\-]*\s+(?:[a-z][\w\-]*\s+){0,2}([a-z]+)"
)


def salient_person(mention: str, pos: int, text: str, names: Names, nouns: dict[str, str]) -> str:
    """The person a modified title no name holds describes ("The presumptive Republican presidential
    nominee" when the text names Donald Trump with no title): of the people named before it with no title,
    the one whose surname the text has written most often so far (the first named on a tie); "" when the
    mention is no such description or nobody fits."""
    m = _MODIFIED_TITLE.fullmatch(mention)
    if m is None or nouns.get(m.group(1)) != "title":
        return ""
    counts: dict[str, tuple[int, int, str]] = {}
    for start, end, found in names.found:
        if end > pos or len(found.split()) < 2:
            continue
        key = surname_key(found.split()[-1])
        run = text[start:end]
        lead = _TITLE_BEFORE.search(text, max(0, start - 40), start)
        titles = _WORD.findall(run[: run.rfind(found.split()[0])] + (lead.group(1) if lead else ""))
        titles = [w for w in titles if not w.lower().endswith("-elect")]  # an office not held yet
        if other_role(text, start, end, m.group(1), nouns) or any(
            nouns.get(w.lower()) == "title" or nouns.get(f"{w.lower()}.") == "title" for w in titles
        ):
            counts[key] = (-1, 0, "")  # titled once: the description names someone else
        elif key not in counts:
            n = len(re.findall(rf"\b{re.escape(found.split()[-1])}\b", text[:pos]))
            counts[key] = (n, -start, found)
    best = max(counts.values(), default=(0, 0, ""))
    return best[2] if best[0] > 0 else ""


# "Brett McGurk, the U.S. envoy, said": a name, a comma, then the description that is the source
_APPOSED_BEFORE = re.compile(r"((?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]+),\s+$")


def apposed_name(text: str, h: Hit, rtype: str, names: Names | None = None) -> str:
    """The name a definite singular description stands in apposition to ("" when none). A description
    typed otherwise ("Rep. Adam Schiff (Calif.), the ranking Democrat on the committee, said", typed a
    body) takes a person the text names (``names``) ending right before it, a bracket and the comma."""
    if rtype not in ("anonymous", "named_organization", "named_person") or h.src is None or h.src.plural:
        return ""
    if h.source_start < 2 or h.src.kind == "document" or (rtype != "anonymous" and names is None):
        return ""
    if not re.match(r"(?:the|The)\s", text[h.source_start : h.source_end]) or not re.match(
        r"\s*,", text[h.source_end : h.source_end + 3]
    ):
        return ""  # an apposition is closed by a comma: "McGurk, the U.S. envoy, said" (not "On Syria, the")
    if apposes_own_name(text[h.source_start : h.source_end], h.src.name):
        return ""  # "the lead attorney for the whistleblower, Andrew Bakaj": its own name, not one before
    if rtype == "anonymous":
        m = _APPOSED_BEFORE.search(text, max(0, h.source_start - 60), h.source_start)
        return m.group(1) if m else ""
    assert names is not None
    return names.ending_at(h.source_start, _BRACKET_COMMA, text)


# a bracket or a party-state tag may stand between name and appositive ("Sen. Mark Warner, D-Va., the top")
_BRACKET_COMMA = re.compile(r"\s*(?:\([^()]{1,30}\)\s*|,\s+[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?,\s+")


_INDEFINITE = re.compile(r"(?:a|an|A|An)\s+(?:[\w’'\-]+\s+){0,5}[\w’'\-]+")
_CLAUSE_OPEN = re.compile(r"[,.!?]?[”\"],?\s+")  # "“...,” Elliott Maynard, a Republican ..., said"
_APPOSED_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")


def chain_subject(text: str, h: Hit, sentence_start: int, names: Names) -> str:
    """The person an indefinite appositive source describes ("“...,” Elliott Maynard, a Republican trying to
    unseat Representative Nick J. Rahall II, a Democrat, in West Virginia’s Third District, said": the
    source found is "a Democrat", the speaker is the name that opens the clause and the appositive chain
    after it); "" when the mention is no indefinite appositive or the clause opens with no found name."""
    if not _INDEFINITE.fullmatch(text, h.source_start, h.source_end) or h.cue_start < h.source_end:
        return ""
    if "," not in text[h.source_end : h.cue_start]:
        return ""  # no appositive closed before the cue: "Mr. Perry ..., an aide later made clear, but"
    if not re.search(r",\s*$", text[max(sentence_start, h.source_start - 3) : h.source_start]):
        return ""
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(text, sentence_start, h.source_start)]
    start = opens[-1] if opens else sentence_start
    k = bisect.bisect_left(names.starts, start)
    if k == len(names.found):
        return ""
    f_start, f_end, found = names.found[k]
    if f_start - start > 12 or f_end >= h.source_start or not _APPOSED_AFTER.match(text, f_end):
        return ""  # the clause opens with no name ("The governor, a Republican"), or no appositive
    return found


_KIN = re.compile(r"(?:his|her|His|Her)\s+([a-z]+)")


def relative_name(
    text: str, h: Hit, rtype: str, names: Names, earlier: list[tuple[str, str, str]], words: ReaderWords
) -> str:
    """The relative a possessive kinship noun stands for ("Seddique Mateen expressed ... His son had
    pledged": Omar Mateen): the person the text names with the surname of the last named speaker and
    another first name, the nearest before the mention (else after it); "" when the text names none."""
    m = _KIN.fullmatch(text, h.source_start, h.source_end)
    if rtype != "anonymous" or m is None or m.group(1) not in words.kinship:
        return ""
    owner = last_person(earlier).split()
    if len(owner) < 2:
        return ""
    family = [
        f
        for f in names.found
        if surname_key(f[2].split()[-1]) == surname_key(owner[-1])
        and f[2].split()[0] != owner[0]
        and len(f[2].split()) > 1
    ]
    before = [f for f in family if f[1] <= h.source_start]
    pick = before[-1] if before else next(iter(family), None)
    return pick[2] if pick else ""


def addressee(text: str, h: Hit, hits: list[Hit], earlier: list[tuple[str, str, str]]) -> str | None:
    """Whom a quoted 'you' is ("“You said I don't want to build a fence,” Romney said", after Perry spoke):
    the last named person who spoke before and is not the quotation's own speaker (a named source of the
    same sentence); "" when nobody fits; None when the source is no 'you'."""
    if text[h.source_start : h.source_end].lower() != "you":
        return None
    own = [x.src.name for x in hits if x.sentence == h.sentence and x is not h and x.src and x.src.name]
    skip = {surname_key(n.split()[-1]) for n in own}
    for _, spk, typ in reversed(earlier):
        if typ == "named_person" and spk and surname_key(spk.split()[-1]) not in skip:
            return spk
    return ""


# "Colorado's top law enforcement official": a place's (or body's) one holder of a role, described
_PLACE_ROLE = re.compile(
    r"(?:the\s+|The\s+)?((?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)[’']s\s+(?:[a-z][\w\-]*\s+){0,4}[a-z][\w\-]*"
)
DESCRIBED_REACH = 2000  # characters after (or before) a description its holder's name may be written in


def described_name(text: str, h: Hit, rtype: str, names: Names, marker: str) -> str:
    """The person a place's singular role description stands for ("Colorado's top law enforcement
    official" before "Colorado Attorney General John Suthers"): the first name the text writes after it
    (else the last before it) with the place in its title or appositive ("Colorado’s attorney general,
    John Suthers"); "" when none or when the source is anonymous by a grant."""
    if rtype != "anonymous" or marker or h.src is None or h.src.plural:
        return ""
    m = _PLACE_ROLE.fullmatch(text, h.source_start, h.source_end)
    if m is None:
        return ""
    place = re.escape(m.group(1))
    titled = re.compile(
        rf"\b{place}(?:[’']s)?\s+(?:(?:[A-Z][\w.\-]*|of|the)\s+){{1,5}}$|\b{place}[’']s\s+[a-z ]+,\s+$"
    )
    after = [f for f in names.found if h.source_end <= f[0] < h.source_end + DESCRIBED_REACH]
    before = [f for f in reversed(names.found) if h.source_start - DESCRIBED_REACH < f[1] <= h.source_start]
    for start, end, found in (*after, *before):
        first = text.rfind(found.split()[0], start, end)  # a found name's span holds its title
        if titled.search(text, max(0, start - 80), first if first >= 0 else start):
            return found
    return ""


_OWNER = re.compile(r"(?:(?:the|The)\s+)?((?:[A-Z][\w\-]*\.?\s+){0,2}[\w\-]+)[’']s\s")  # "Mr. Obama's"


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr)\.\s+")


# cues of a finding: the document finds ("Robert Mueller's investigation found"), its owner does not speak
FINDING_LEMMAS = frozenset(("find", "conclude", "show", "determine", "establish", "reveal"))


def possessive_person(src: Source, names: Names, nouns: dict[str, str], lemma: str = "") -> str:
    """The person whose document speaks ("the president's tweets", "Trump's letter" when the text names a
    Trump): the owner's name or description, "" when the owner is no person the text names or the cue
    is a finding (``FINDING_LEMMAS``: "Mueller's investigation found" is the document's finding)."""
    if src.kind != "document" or lemma in FINDING_LEMMAS:
        return ""
    m = _OWNER.match(src.source)
    if m is None:
        return ""
    owner = m.group(1)
    last = owner.split()[-1]
    if last in names.surnames:
        return _HONORIFIC.sub("", owner)  # "Mr. Obama's letter": Obama, as the text names him
    if owner.islower() and nouns.get(last) == "title":
        return f"the {owner}"
    return ""


_DEFINITE = re.compile(r"(?:the|The)\s")


def unnamed_role(
    src: Source,
    rtype: str,
    speaker: str,
    pos: int,
    text: str,
    names: Names,
    earlier: list[tuple[str, str, str]],
    nouns: dict[str, str],
) -> tuple[str, str]:
    """A definite role typed as a body ("the DNC Communications Director") is the person the text names
    with that title, else a specific unnamed individual: ``anonymous`` (issue 21). A role typed as a
    person ("the DNC chair", "the president") stays a person, as before."""
    if not _DEFINITE.match(src.source) or " and " in _head_words_text(src.source):
        return rtype, speaker  # "The European Union and former ... officials": the body, then others
    head = _head_words(src.source)
    role = bool(head) and nouns.get(head[-1].lower()) in ("title", "official")
    if rtype == "named_organization" and role:
        named = describe(src.source, pos, text, names, [(m, s) for m, s, _ in earlier], nouns)
        return ("named_person", named) if named else ("anonymous", "")
    return rtype, speaker
