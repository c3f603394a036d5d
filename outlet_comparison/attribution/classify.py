"""What a source mention refers to: named person, named organisation or anonymous, with affiliation.

Our convention (issue 4): an unnamed person is ``anonymous`` even when the body is named (the
body goes in ``affiliation``); a named body speaking as such is ``named_organization``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import Alias, Rules, find_aliases
from .names import NO_NAMES, Names
from .tokens import BOUNDARY, DETERMINERS, GROUP_SUFFIX, LETTER

_AGE = re.compile(r"\d+-year-old")
_POSS = re.compile(r"[’']s$")
_CAMEL = re.compile(r"^[A-Z]+[a-z]+[A-Z]|^[A-Z]{2,}[a-z]")  # SoCalGas, LAist, OpenAI


# precompiled once (the hot paths called re.split/re.sub with pattern strings)
_PARENS = re.compile(r"\s*\([^)]*\)")
_CLAUSE = re.compile(r"\s+(?:who|which|that)\s+")
_CLAUSE_OR_COMMA = re.compile(r"\s+(?:who|which|that)\s+|,")
_POSTMOD_SPLIT = re.compile(r"\s+(?:of|from|for|familiar|close|briefed|with|in|at|to|by)\s+")
_WORD_RE = re.compile(rf"{LETTER}[\w\u0300-\u036f.’'\-]*")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_THE = re.compile(r"(?i)the\s")


@dataclass
class Source:
    """What a source mention refers to."""

    source: str
    source_type: str
    affiliation: str
    name: str
    kind: str
    side: str
    plural: bool = False


@dataclass
class _Mention:
    """The parts of a mention the type decision looks at."""

    text: str
    core: str  # the mention without parentheses, relative clauses and appositives
    persons: list[Alias]
    orgs: list[Alias]
    masked: str  # core with every alias replaced by '#'
    toks: list[str]
    lows: list[str]
    head_part: str  # core before a post-modifier ("officials" of "officials familiar with ...")
    head_cat: str  # category of the head noun in the noun list ("" when not listed)
    name_toks: list[str]  # capitalised tokens that are not nouns, determiners or boundary words
    plural: bool
    affil: str
    side: str
    names: Names  # the people (and bodies) the whole text names


def _parse(mention: str, rules: Rules, sentence_initial: bool, names: Names) -> _Mention:
    """Split a mention into core, aliases found, tokens, head noun and name tokens."""
    nouns = rules.nouns
    core = _CLAUSE_OR_COMMA.split(_PARENS.sub("", mention))[0].strip()
    found: list[Alias] = []
    parts, last = [], 0
    for mt, a in find_aliases(rules, core):
        if a not in found:
            found.append(a)
        parts += [core[last : mt.start()], "#" * (mt.end() - mt.start())]
        last = mt.end()
    masked = "".join(parts) + core[last:]
    persons = [a for a in found if a.kind == "person"]
    orgs = sorted((a for a in found if a.kind == "organization"), key=lambda a: -len(a.alias))  # longest
    toks = _WORD_RE.findall(masked)
    lows = [t.lower().rstrip("’'s") if t.endswith(("’s", "'s")) else t.lower() for t in toks]
    head_part = _POSTMOD_SPLIT.split(core)[0]
    head_words = head_part.lower().split()
    head = head_words[-1] if head_words else ""
    name_toks = [
        t
        for n, (t, lo) in enumerate(zip(toks, lows, strict=True))
        if t[0].isupper()
        and (lo not in nouns or (t in names.surnames and nouns[lo] == "title"))
        and lo not in DETERMINERS
        and lo not in BOUNDARY
        and not (n == 0 and sentence_initial and lo in nouns)
    ]
    plural = (
        head.endswith("s") and head not in ("news", "times", "press", "us") or head in ("people", "police")
    )
    if not orgs:  # "Dmitry Peskov, the Kremlin spokesman": the body is named in the appositive
        rest = _CLAUSE.split(mention)[0]
        near = [a for _, a in find_aliases(rules, rest)]
        apposed = [a for a in near if a.kind == "organization"][:1]  # affiliation only, not the head
    else:
        apposed = orgs
    side = (persons[0].side if persons else apposed[0].side if apposed else "other") or "other"
    return _Mention(
        mention, core, persons, orgs, masked, toks, lows, head_part, nouns.get(head.strip(",.")) or "",
        name_toks, plural, apposed[0].canonical if apposed else "", side, names,
    )  # fmt: skip


def _by_alias(m: _Mention) -> Source | None:
    """A known person: named, or the unnamed people of a named person ("advisers to Mr. Obama")."""
    if not m.persons:
        return None
    if m.head_cat in ("official", "group") and not any(a.regex.search(m.head_part) for a in m.persons):
        kind = "group" if m.plural else "person"
        return Source(m.text, "anonymous", m.affil or m.persons[0].canonical, "", kind, m.side, m.plural)
    return Source(m.text, "named_person", m.affil, m.persons[0].canonical, "person", m.side)


def _by_appositive(m: _Mention, rules: Rules) -> Source | None:
    """A name in an appositive: "The bill's author, Democratic state Sen. Justin Wayne"."""
    if (m.name_toks and m.head_cat not in ("official", "title")) or "," not in m.text:
        return None
    for part in m.text.split(",")[1:]:
        sub = classify(part.strip(), rules) if part.strip() else None
        if sub is not None and sub.source_type == "named_person":
            return Source(m.text, "named_person", m.affil or sub.affiliation, sub.name, "person", sub.side)
    return None


def _by_names(m: _Mention, sentence_initial: bool) -> Source | None:
    """Possessive owners ("Love's lawyers"), sentence-initial groups, upper-case acronyms ("HUD")."""
    head_lower = m.core.split()[-1][:1].islower() if m.core.split() else False
    if m.name_toks and head_lower and all(t.endswith(("’s", "'s")) for t in m.name_toks):
        owner = " ".join(t[:-2] for t in m.name_toks)
        kind = "group" if m.plural else "person"
        return Source(m.text, "anonymous", m.affil or owner, "", kind, m.side, m.plural)
    if (
        m.name_toks
        and m.name_toks == m.toks[:1]
        and sentence_initial
        and (head_lower or GROUP_SUFFIX.search(m.toks[0]))
    ):
        return Source(m.text, "anonymous", m.affil, "", "group", m.side, True)  # "Community members said"
    if len(m.toks) == 1 and m.name_toks and len(m.toks[0]) > 1 and m.toks[0].isupper():
        return Source(m.text, "named_organization", m.affil, m.toks[0], "organization", m.side)
    return None


def _by_head(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """The head noun decides: an official, a document or a group."""
    names = " ".join(m.name_toks)
    if m.head_cat == "official" or (any(nouns.get(x) == "official" for x in m.lows) and not m.name_toks):
        if m.name_toks and m.head_cat != "official":
            return Source(m.text, "named_person", m.affil, names, "person", m.side)
        kind = "group" if m.plural else "person"
        body = m.affil or names or _body_before_head(m)
        return Source(m.text, "anonymous", body, "", kind, m.side, m.plural)
    if m.head_cat == "document":
        st = "named_organization" if (m.affil or m.name_toks) else "anonymous"
        return Source(m.text, st, m.affil or names, m.affil or names, "document", m.side)
    if m.head_cat == "group":
        return Source(m.text, "anonymous", m.affil or names, "", "group", m.side, True)
    return None


def _mask_like(m: _Mention, part: str) -> str:
    """The masked text of a leading part of the core (aliases replaced as in ``m.masked``)."""
    return m.masked[: len(part)]


def _lone_body(word: str, names: Names) -> bool:
    """Is a lone name a body: never a surname in the text, and camel case or seen after 'at'/'from'?"""
    if word in names.surnames:
        return False
    return bool(_CAMEL.search(word)) or word in names.bodies


def _body_before_head(m: _Mention) -> str:
    """The capitalised words right before the head noun: the body of 'A United Airlines spokesperson'."""
    head = m.head_part.split()
    run = []
    for t in reversed(_WORD_RE.findall(" ".join(head[:-1]))):
        if not t[0].isupper() or t.lower() in DETERMINERS:
            break
        run.append(t)
    return " ".join(reversed(run))


def _by_title(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """Names after the last title or role noun are a person ('Superior Court Judge Michael Markman').

    Whatever is capitalised before the title is the affiliation ('Columbia University researcher X').
    """
    if not m.name_toks:
        return None
    n_head = len(_WORD_RE.findall(_mask_like(m, m.head_part)))
    lows = m.lows[:n_head]  # the title and the name sit before a post-modifier ('Chief X of the District')
    last = max((k for k, lo in enumerate(lows) if nouns.get(lo) in ("official", "title")), default=-1)
    rest = m.toks[last + 1 : n_head]
    if last < 0 or not rest or len(rest) > 4 or any(t not in m.name_toks for t in rest):
        return None
    before = " ".join(t for t in m.toks[:last] if t[0].isupper() and t.lower() not in DETERMINERS)
    return Source(m.text, "named_person", m.affil or before, " ".join(rest), "person", m.side)


def _by_org(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """A named body, or a named person when nothing marks the name as an organisation."""
    if m.orgs and not m.name_toks and (m.masked.rstrip(" .").endswith("#") or m.head_cat == "org"):
        return Source(m.text, "named_organization", m.affil, m.orgs[0].canonical, "organization", m.side)
    if m.name_toks:
        org_like = m.head_cat == "org" or any(nouns.get(x) == "org" for x in m.lows) or m.orgs
        head_names = [t for t in m.head_part.split() if t[0].isupper()]
        if _AGE.search(m.text) or (
            len(head_names) == len(m.head_part.split()) >= 2 and all(t in m.name_toks for t in head_names)
        ):
            org_like = False  # "the 36-year-old Curry", "Daniel Yukelson with the Apartment Association"
        elif len(m.name_toks) == 1 and _lone_body(_POSS.sub("", m.name_toks[0]), m.names):
            org_like = True  # "SoCalGas said", or a name seen as "at Anthropic" and never with a first name
        if org_like or (m.core.lower().startswith("the ") and not m.plural and not _AGE.search(m.text)):
            name = _ARTICLE.sub("", m.core)
            return Source(m.text, "named_organization", m.affil, name, "organization", m.side)
        return Source(m.text, "named_person", m.affil, " ".join(m.name_toks), "person", m.side, m.plural)
    if m.head_cat == "org":
        st = "named_organization" if m.affil else "anonymous"
        return Source(m.text, st, m.affil, m.affil, "organization", m.side)
    return None


def classify(mention: str, rules: Rules, sentence_initial: bool = False, names: Names = NO_NAMES) -> Source:
    """Type, canonical name, affiliation and side of a (non-pronoun) source mention.

    ``names`` (``names.find_names`` of the whole text) types a lone capitalised word: a person when the
    text names someone with it, a body when it is written in camel case or after 'at'/'from'.
    """
    m = _parse(mention, rules, sentence_initial, names)
    found = (
        _by_alias(m)
        or _by_appositive(m, rules)
        or _by_names(m, sentence_initial)
        or _by_title(m, rules.nouns)
        or _by_head(m, rules.nouns)
        or _by_org(m, rules.nouns)
    )
    if found is not None:
        return found
    if m.head_cat == "title" and not m.plural and _THE.match(m.core):
        return Source(m.text, "named_person", m.affil, "", "person", m.side)  # "the president": one person
    return Source(m.text, "anonymous", m.affil, "", "group" if m.plural else "person", m.side, m.plural)
