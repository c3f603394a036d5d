"""What a source mention refers to: named person, named organisation or anonymous, with affiliation.

Our convention (issue 4): an unnamed person is ``anonymous`` even when the body is named (the
body goes in ``affiliation``); a named body speaking as such is ``named_organization``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from outlet_comparison.instruments.attribution.heads import (
    CLAUSE_OR_COMMA,
    PARENS,
    closing_name,
    cut_clause,
    head_span,
    name_prefixed,
    name_suffix,
    plural_title,
    qualifies_title,
)
from outlet_comparison.instruments.attribution.names import NO_NAMES, OPENERS, Names, first_name_at
from outlet_comparison.instruments.attribution.persons import unlisted_head
from outlet_comparison.instruments.attribution.rules import Alias, Rules, find_aliases
from outlet_comparison.instruments.attribution.tokens import GROUP_SUFFIX, LETTER, TIME_WORDS
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, us_states
from outlet_comparison.text.units import POSSESSIVE

_AGE = re.compile(r"\d+-year-old")
_CAMEL = re.compile(r"^[A-Z]+[a-z]+[A-Z]|^[A-Z]{2,}[a-z]")  # SoCalGas, LAist, OpenAI


# precompiled once (the hot paths called re.split/re.sub with pattern strings)
_CLAUSE = re.compile(r"\s+(?:who|which|that)\s+")
_WORD_RE = re.compile(rf"{LETTER}[\w\u0300-\u036f.’'\-]*")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_THE = re.compile(r"(?i)the\s")
_BEFORE_PREP = re.compile(
    r"\s+(?:behind|in|of|from|for|at|on|with|near|inside|outside|under|over|about|by|to)\s"
)
_TRAILING_TIME = re.compile(rf"(?i)\s+(?:on\s+|early\s+|late\s+)?(?:{'|'.join(sorted(TIME_WORDS))})$")


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
    head: str = ""  # the head noun when no list holds it (the rules' last resort): persons.unlisted_type


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
    nouns = rules.type_nouns
    core = CLAUSE_OR_COMMA.split(PARENS.sub("", mention))[0].strip()
    core = cut_clause(core, nouns, "ed")
    core = _TRAILING_TIME.sub("", core) or core  # "the official White House account early Friday"
    found: list[Alias] = []
    parts, last = [], 0
    for mt, a in find_aliases(rules, core):
        if _first_name(core, mt, nouns) or (
            a.kind == "organization" and _surname_of_body(core, mt, rules, names)
        ):
            continue  # "Chad Griffin": a first name, not the country; "(Randy) Forbes": a surname, no outlet
        if a not in found:
            found.append(a)
        parts += [core[last : mt.start()], "#" * (mt.end() - mt.start())]
        last = mt.end()
    masked = "".join(parts) + core[last:]
    persons = [a for a in found if a.kind == "person"]
    orgs = sorted((a for a in found if a.kind == "organization"), key=lambda a: -len(a.alias))  # longest
    toks = _WORD_RE.findall(masked)
    lows = [t.lower().rstrip("’'s") if t.endswith(("’s", "'s")) else t.lower() for t in toks]
    head_part = head_span(core, nouns)
    head_words = head_part.lower().split()
    head = head_words[-1] if head_words else ""
    head_cat = nouns.get(head.strip(",.")) or ""
    if head in rules.act_nouns:  # "the president's defense": his words; "the Syria Civil Defense": a body
        head_cat = "document" if _owned(head_part) else "org" if head_part.split()[-1][:1].isupper() else ""
    name_toks = [
        t
        for n, (t, lo) in enumerate(zip(toks, lows, strict=True))
        if t[0].isupper()
        and (
            lo not in nouns or (t in names.surnames and nouns[lo] == "title") or first_name_at(rules, toks, n)
        )  # "Bill Burton": a first name, not the noun "bill"
        and lo not in DETERMINERS
        and (lo not in BOUNDARY or (t == "May" and n > 0 and toks[n - 1][0].isupper()))  # "Theresa May"
        and not (
            n == 0
            and sentence_initial
            and lo in nouns
            and t not in names.surnames
            and not first_name_at(rules, toks, n)
        )  # "King said"
        and not (n == 0 and lo in OPENERS)  # "Still some opponents", "But McConnell"
        and lo not in TIME_WORDS  # "Clinton on Friday released ...": a day is no part of a name
        and not qualifies_title(lows, n, nouns)  # "Special" of "Special Counsel Robert Mueller"
        and not plural_title(lo, nouns)  # "Senators Amy Klobuchar"
        and not (n > 2 and lows[n - 2 : n] == ["of", "the"] and _title_word(toks[n - 3], nouns))
    ]  # "Secretary of the Interior Ryan Zinke": the department belongs to the capitalised title
    plural = (
        head.endswith("s")
        and not head.endswith("ss")
        and head not in ("news", "times", "us")
        or head in ("people", "police")
    ) and POSSESSIVE.sub("", head_part.split()[-1]) not in names.surnames  # "Sanders", "DeSantis": one person
    if not orgs:  # "Dmitry Peskov, the Kremlin spokesman": the body is named in the appositive
        rest = _CLAUSE.split(mention)[0]
        near = [
            a
            for mt, a in find_aliases(rules, rest)
            if a.kind != "organization" or not _surname_alias(rest, mt, rules.first_names)
        ]
        apposed = [a for a in near if a.kind == "organization"][:1]  # affiliation only, not the head
    else:
        apposed = orgs
    side = (persons[0].side if persons else apposed[0].side if apposed else "other") or "other"
    return _Mention(
        mention, core, persons, orgs, masked, toks, lows, head_part, head_cat,
        name_toks, plural, apposed[0].canonical if apposed else "", side, names,
    )  # fmt: skip


def _owned(head_part: str) -> bool:
    """Is the head word written lower case after a possessive and at most one lower-case modifier ("Reid's
    comments", "Bloomberg's scathing speech")? Unowned, "comments" are people's ("Multiple contemporaneous
    comments called him")."""
    words = head_part.split()
    mods = 1 if len(words) >= 3 and words[-2].islower() and words[-2].isalpha() else 0
    return (
        len(words) >= 2 + mods and words[-1].islower() and words[-2 - mods].endswith(("’s", "'s", "s’", "s'"))
    )


_SURNAME_END = re.compile(r" [A-Z][a-z’'\-]+")


def _first_name(core: str, mt: re.Match[str], nouns: dict[str, str]) -> bool:
    """Is a one-word alias the first name of a two-word name ending the core ("Chad Griffin")?"""
    if " " in mt.group(0) or (mt.start() and core[mt.start() - 1].isalpha()):
        return False
    last = _SURNAME_END.fullmatch(core, mt.end())
    return last is not None and last.group(0).strip().lower() not in nouns and mt.start() == 0


_BEFORE_ALIAS = re.compile(r"([A-Z][a-z]+)\s+$")


def _surname_of_body(core: str, mt: re.Match[str], rules: Rules, names: Names) -> bool:
    """Is a body's one-word alias a person's surname here: after a listed first name ("Randy Forbes"), or
    ending the mention when the text names a person with it ("Forbes said" after "Randy Forbes")?"""
    if _surname_alias(core, mt, rules.first_names):
        return True
    return " " not in mt.group(0) and mt.group(0) in names.surnames and not core[mt.end() :].strip()


def _surname_alias(core: str, mt: re.Match[str], first_names: dict[str, str]) -> bool:
    """Is a one-word alias a surname: written right after a listed first name ("Randy Forbes", not the
    outlet)?"""
    if " " in mt.group(0):
        return False
    before = _BEFORE_ALIAS.search(core, max(0, mt.start() - 30), mt.start())
    return before is not None and before.group(1) in first_names


def _by_alias(m: _Mention) -> Source | None:
    """A known person: named, or the unnamed people of a named person ("advisers to Mr. Obama")."""
    if not m.persons:
        return None
    if m.head_cat in ("official", "group") and not any(a.regex.search(m.head_part) for a in m.persons):
        kind = "group" if m.plural else "person"
        return Source(m.text, "anonymous", m.affil or m.persons[0].canonical, "", kind, m.side, m.plural)
    return Source(m.text, "named_person", m.affil, m.persons[0].canonical, "person", m.side)


# a description ("The Democrat", "A Hoboken city councilman"), which an appositive full name may follow
_DESCRIBED = re.compile(r"(?:the|The|a|an|A|An)\s+(?:[\w’'\-]+\s+){0,4}[\w’'\-]+")


def _by_appositive(m: _Mention, rules: Rules) -> Source | None:
    """A name in an appositive: "The bill's author, Democratic state Sen. Justin Wayne"; "Mr. Fox's successor,
    Felipe Calderón" (a core whose names are only an owner's describes the appositive's person)."""
    owner_only = m.core.split()[-1][:1].islower() and any(t.endswith(("’s", "'s")) for t in m.name_toks)
    named_core = bool(m.name_toks) and m.head_cat not in ("official", "title") and not owner_only
    # "The Democrat, Representative Adam Schiff": one person described, then named
    described = named_core and not m.plural and bool(_DESCRIBED.fullmatch(m.core))
    if (named_core and not described) or "," not in m.text:
        return None
    for part in m.text.split(",")[1:]:
        if not part.strip() or part.split()[0].lower() in BOUNDARY or _description_appositive(part):
            continue  # "X, from both parties" is no appositive; "X, a Republican" names nobody
        sub = classify(part.strip(), rules)
        if described and len(sub.name.split()) < 2:
            continue  # after a described core, a full name: "A Hoboken city councilman, David Mello"
        if sub is not None and sub.source_type == "named_person":
            return Source(m.text, "named_person", m.affil or sub.affiliation, sub.name, "person", sub.side)
    return None


def _by_apposed_body(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """A bare name whose appositive is headed by a body noun: "Gridwise, an app that helps drivers"."""
    if not m.name_toks or m.toks != m.name_toks or len(m.toks) > 4 or m.persons or "," not in m.text:
        return None
    apposed = _CLAUSE.split(m.text.split(",")[1])[0].strip()
    words = head_span(apposed, nouns).lower().split()
    if len(words) < 2 or words[0] not in ("a", "an", "the") or nouns.get(words[-1]) != "org":
        return None
    if nouns.get(apposed.split()[-1].lower()) in ("title", "official"):
        return None  # "Sam Kamin, a University of Denver law professor": a person of the body
    return Source(m.text, "named_organization", m.affil, " ".join(m.toks), "organization", m.side)


def _description_appositive(part: str) -> bool:
    """An appositive with an indefinite article describes its head and names nobody ("The governor, a
    Republican"; "Sen. X, a Democrat")."""
    return part.split()[0].lower() in ("a", "an")


_FULL_NAME = re.compile(r"\s*((?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'\-]+|[A-Z]\.)){1,3})\s*")


def _by_trailing_name(m: _Mention) -> Source | None:
    """A possessive description then a full name: "Alabama's state auditor, Jim Ziegler" is Ziegler."""
    if "," not in m.text or not any(t.endswith(("’s", "'s")) for t in m.toks[:2]):
        return None
    last = _FULL_NAME.fullmatch(m.text.rsplit(",", 1)[1])
    if last is None:
        return None
    return Source(m.text, "named_person", m.affil, last.group(1), "person", m.side)


def _by_closing_name(m: _Mention, rules: Rules) -> Source | None:
    """A role with its complement, then the person's full name (``heads.closing_name``): that person."""
    name = closing_name(m.core, rules.type_nouns, rules.first_names)
    return Source(m.text, "named_person", m.affil, name, "person", m.side) if name else None


_OWNED_NAME = re.compile(r"[’']s\s+((?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'\-]+|[A-Z]\.)){1,3})$")


def _by_owned_name(m: _Mention) -> Source | None:
    """A body's person: "Marijuana Industry Group's Mike Elliott" is Mike Elliott (of that body), when the
    words after the possessive are all name words (no title or role noun)."""
    owned = _OWNED_NAME.search(m.core)
    if owned is None or not all(w in m.name_toks for w in owned.group(1).split()):
        return None
    if not all(w[:1].isupper() for w in m.core[: owned.start()].split()):
        return None  # "The mayors of Minnesota's Twin Cities": the owner is no body's name
    body = POSSESSIVE.sub("", m.core[: owned.start()] + "'s").removeprefix("The ").removeprefix("the ")
    return Source(m.text, "named_person", m.affil or body, owned.group(1), "person", m.side)


def _by_names(m: _Mention, sentence_initial: bool) -> Source | None:
    """Possessive owners ("Love's lawyers"), sentence-initial groups, upper-case acronyms ("HUD")."""
    head_lower = m.core.split()[-1][:1].islower() if m.core.split() else False
    if m.name_toks and head_lower and all(t.endswith(("’s", "'s")) for t in m.name_toks):
        owner = " ".join(t[:-2] for t in m.name_toks)
        body = m.affil or owner
        if m.head_cat == "document":  # "Humboldt's letter": the owner's document
            return Source(m.text, "named_organization", body, body, "document", m.side)
        if m.head_cat == "org" and not m.plural:  # "Moore's campaign": the owner's body speaking
            name = f"{owner} {m.head_part.split()[-1]}"
            return Source(m.text, "named_organization", m.affil, name, "organization", m.side)
        kind = "group" if m.plural else "person"
        return Source(m.text, "anonymous", m.affil or owner, "", kind, m.side, m.plural)
    if (
        m.name_toks
        and m.name_toks == m.toks[:1]
        and sentence_initial
        and m.head_cat != "document"  # "Recent polls suggest": documents, not a group of people
        and (head_lower or GROUP_SUFFIX.search(m.toks[0]))
        and POSSESSIVE.sub("", m.toks[0]) not in m.names.surnames  # "Summers said" names a person
    ):
        return Source(m.text, "anonymous", m.affil, "", "group", m.side, True)  # "Community members said"
    if m.name_toks and len(m.toks[-1]) > 1 and m.toks[-1].isupper() and m.toks[-1] in m.name_toks:
        if len(m.toks) == 1 or (
            m.toks == m.name_toks and not all(t.isupper() for t in m.toks) and not name_suffix(m.toks[-1])
        ):
            name = " ".join(m.toks)  # "HUD", "Super UW": a person's name ends in an acronym only as a suffix
            return Source(m.text, "named_organization", m.affil, name, "organization", m.side)
    return None


def _by_head(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """The head noun decides: an official, a document or a group."""
    names = POSSESSIVE.sub("", " ".join(m.name_toks))  # "Robert Mueller's investigation": Robert Mueller
    anywhere = any(nouns.get(x) == "official" for x in m.lows) and m.head_cat not in ("org", "document")
    if m.head_cat == "official" or (anywhere and not m.name_toks):  # not "the official White House account"
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
    return (bool(_CAMEL.search(word)) and not name_prefixed(word)) or word in names.bodies


def _body_before_head(m: _Mention) -> str:
    """The capitalised words right before the head noun: the body of 'A United Airlines spokesperson'."""
    head = m.head_part.split()
    run = []
    for t in reversed(_WORD_RE.findall(" ".join(head[:-1]))):
        if not t[0].isupper() or t.lower() in DETERMINERS:
            break
        run.append(t)
    return " ".join(reversed(run))


def _by_plural_role(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """Holders of a role, unnamed, of a named place or body ("The mayors of Minnesota's Twin Cities",
    "Attorneys general in Utah"): a plural title or official noun heads the mention and every name is in
    its post-modifier, so the people are specific and unnamed (the place is their affiliation)."""
    heads = m.head_part.split()
    if not m.name_toks or not heads or not heads[-1].islower() or not m.plural and heads[-1] != "general":
        return None
    words = [w.lower() for w in heads]
    if not any(plural_title(w, nouns) or (w.endswith("s") and nouns.get(w) == "official") for w in words):
        return None
    if any(t in heads for t in m.name_toks):
        return None  # "Senators Amy Klobuchar and ...": the names are in the head
    body = m.affil or POSSESSIVE.sub("", " ".join(t for t in m.name_toks if t not in heads))
    return Source(m.text, "anonymous", body, "", "group", m.side, True)


def _by_capital_title(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """A capitalised title inside the mention, then a full name ending it ("The National Organization for
    Women President Terry O'Neill"): the person, whatever the head before a post-modifier is."""
    k = max(
        (i for i, lo in enumerate(m.lows) if nouns.get(lo) == "title" and m.toks[i][:1].isupper()), default=-1
    )
    rest = m.toks[k + 1 :]
    if k < 1 or not 2 <= len(rest) <= 4 or not all(t in m.name_toks for t in rest):
        return None
    if m.head_cat in ("official", "title", "group", "document"):
        return None  # "A spokesperson for Vice President Mike Pence": the head is someone else
    if not m.masked.rstrip(" .").endswith(rest[-1]):
        return None
    body = _ARTICLE.sub("", " ".join(m.toks[:k]))  # "National Organization for Women"
    return Source(m.text, "named_person", m.affil or body, " ".join(rest), "person", m.side)


def _by_title(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """Names after the last title or role noun are a person ('Superior Court Judge Michael Markman').

    Whatever is capitalised before the title is the affiliation ('Columbia University researcher X').
    """
    if not m.name_toks:
        return None
    n_head = len(_WORD_RE.findall(_mask_like(m, m.head_part)))
    lows = m.lows[:n_head]  # the title and the name sit before a post-modifier ('Chief X of the District')
    last = max(
        (k for k, lo in enumerate(lows) if nouns.get(lo) in ("official", "title") or plural_title(lo, nouns)),
        default=-1,
    )
    rest = m.toks[last + 1 : n_head]
    if last < 0 or not rest or len(rest) > 4 or any(t not in m.name_toks for t in rest):
        return _name_after_title(m)
    before = " ".join(
        t
        for k, t in enumerate(m.toks[:last])
        if t[0].isupper()
        and t.lower() not in DETERMINERS
        and nouns.get(m.lows[k]) not in ("title", "official")  # "Former Rep.", "Deputy Attorney General"
        and not qualifies_title(m.lows, k, nouns)  # "Special Envoy"
    )
    return Source(m.text, "named_person", m.affil or before, " ".join(rest), "person", m.side)


def _name_after_title(m: _Mention) -> Source | None:
    """A title, its body, then a name: 'Secretary of State John Kerry', 'U.S. Attorney for X Mike Hurst'."""
    k = len(m.toks)
    while k > 0 and m.toks[k - 1] in m.name_toks:
        k -= 1
    words, tail = m.toks[k:], m.masked.rstrip(" .")
    if m.head_cat != "title" or not 2 <= len(words) <= 4 or k == 0 or not tail.endswith(words[-1]):
        return None
    before = tail[: tail.rfind(words[0])].rstrip()
    if not (m.toks[k - 1][0].isupper() or before.endswith("#")):
        return None  # 'the president of Goldman Sachs': the name is the body's
    return Source(m.text, "named_person", m.affil, " ".join(words), "person", m.side)


def _role_then_name(m: _Mention) -> str:
    """The full name ending a head after a lower-case word ("the commentator Ann Coulter"), when the text
    names a person with its last word; "" otherwise."""
    words = _WORD_RE.findall(m.head_part)
    k = len(words)
    while k > 0 and words[k - 1] in m.name_toks:
        k -= 1
    tail = words[k:]
    if len(tail) < 2 or k == 0 or not words[k - 1][:1].islower() or tail[-1] not in m.names.surnames:
        return ""
    return " ".join(tail)


_VERB_LIKE = re.compile(r"[a-z]+(?:ed|s)|said|told|wrote|says")


def _last_name_run(m: _Mention) -> list[str]:
    """The name tokens, or their last unbroken run when a verb splits them ("Greene claimed Farenthold": a
    span over two names and a verb is Farenthold; "Mitt Romney and other Republicans" stays whole)."""
    runs: list[list[str]] = [[]]
    for t in m.toks:
        if t in m.name_toks:
            runs[-1].append(t)
        elif _VERB_LIKE.fullmatch(t) and t != "others" and runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    return runs[-1] if len(runs) > 1 else m.name_toks


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_LOWER_HEAD = re.compile(r"(?:(?:A|An|The|Some|One|Two|Three)\s+)?[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*)*")
_PLACE_AFTER = re.compile(rf"\s+(?:in|at|near|outside)\s+(?!(?:{_MONTHS})\b)[A-Z]")  # a place, not a month


def _by_org(m: _Mention, nouns: dict[str, str]) -> Source | None:
    """A named body, or a named person when nothing marks the name as an organisation."""
    if m.orgs and not m.name_toks and (m.masked.rstrip(" .").endswith("#") or m.head_cat == "org"):
        return Source(m.text, "named_organization", m.affil, m.orgs[0].canonical, "organization", m.side)
    if (
        m.name_toks
        and m.head_cat not in ("document", "title")
        and "," not in m.core
        and _LOWER_HEAD.fullmatch(m.head_part) is not None  # not "Penney in", "The U.S. attorney's office in"
        and _PLACE_AFTER.match(m.core, len(m.head_part))
    ):
        return None  # "A grand jury in San Diego": the name is where an unnamed source is, not the source
    if m.name_toks:
        org_like = m.head_cat == "org" or any(nouns.get(x) == "org" for x in m.lows) or m.orgs
        head_names = [t for t in m.head_part.split() if t[0].isupper()]
        if _AGE.search(m.text) or (
            len(head_names) == len(m.head_part.split()) >= 2 and all(t in m.name_toks for t in head_names)
        ):
            org_like = False  # "the 36-year-old Curry", "Daniel Yukelson with the Apartment Association"
        elif len(head_names) == len(m.head_part.split()) == 1 and head_names[0] in m.names.surnames:
            org_like = False  # "Reid on the Senate floor": a surname the text names, then a place
        elif len(m.name_toks) == 1 and _lone_body(POSSESSIVE.sub("", m.name_toks[0]), m.names):
            org_like = True  # "SoCalGas said", or a name seen as "at Anthropic" and never with a first name
        role_name = _role_then_name(m)
        if role_name:  # "the commentator Ann Coulter": a role noun, then a person the text names
            return Source(m.text, "named_person", m.affil, role_name, "person", m.side)
        if org_like or (m.core.lower().startswith("the ") and not m.plural and not _AGE.search(m.text)):
            name = _ARTICLE.sub("", m.core)
            return Source(m.text, "named_organization", m.affil, name, "organization", m.side)
        head = set(_WORD_RE.findall(m.head_part))
        in_head = [t for t in m.name_toks if t in head]  # "X of the Tax Policy Center": the name is X
        name = " ".join(in_head if in_head and len(in_head) < len(m.name_toks) else _last_name_run(m))
        return Source(m.text, "named_person", m.affil, name, "person", m.side, m.plural)
    if m.head_cat == "org":
        words = m.head_part.split()
        if len(words) >= 2 and words[-1][:1].isupper():  # "the Press Association": a capitalised body name
            name = _ARTICLE.sub("", m.head_part)
            return Source(m.text, "named_organization", m.affil, name, "organization", m.side)
        body = m.affil or _body_before_head(m)  # "House leadership": the House's
        st = "named_organization" if body else "anonymous"
        return Source(m.text, st, body, body, "organization", m.side)
    return None


def _by_definite_title(m: _Mention) -> Source | None:
    """'The DNC chair', 'the director of the CDC': one person, like 'the president' (a title, no name)."""
    head = m.head_part.split()[-1] if m.head_part.split() else ""
    if m.head_cat != "title" or m.plural or not head[:1].islower() or not _THE.match(m.core):
        return None
    if re.match(r"\s+[a-z]+(?:ing|ed)\b", m.core[len(m.head_part) :]):
        return None  # "the lawyer representing X": described by what they do, an unnamed person
    return Source(m.text, "named_person", m.affil or _body_before_head(m), "", "person", m.side)


_STATES_OF = re.compile(r"(?i)^(?:the\s+)?(?:(?:u\.?s\.?\s+)?states?\s+of\s+)?")
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _by_us_state(m: _Mention) -> Source | None:
    """A US state speaking, or several ("Oklahoma said", "Nebraska and Oklahoma asked", "the states of
    Nebraska and Oklahoma"): a government, so a named organisation, not a person (a lone capitalised word)."""
    core = _STATES_OF.sub("", m.core)
    parts = [p for p in _AND.split(core) if p]
    if not parts or not all(p in us_states() for p in parts):
        return None
    name = " and ".join(parts)
    return Source(m.text, "named_organization", m.affil or name, name, "organization", m.side, len(parts) > 1)


def _by_named_conjunct(m: _Mention, rules: Rules, sentence_initial: bool) -> Source | None:
    """Unnamed officials after a named body or person ("The European Union and former top executive branch
    officials have urged"): the named one is who the reader is told, not anonymous officials."""
    first, joined, rest = m.core.partition(" and ")
    if not joined or m.head_cat != "official" or not rest[:1].islower() or "," in first:
        return None
    src = classify(first, rules, sentence_initial, m.names)
    if not src.source_type.startswith("named_") or not src.name:
        return None
    return Source(m.text, src.source_type, src.affiliation, src.name, src.kind, src.side, True)


def _title_word(tok: str, nouns: dict[str, str]) -> bool:
    """Is the token a capitalised title ("Secretary", not "member")?"""
    return tok[:1].isupper() and nouns.get(tok.lower()) == "title"


# answers by mention, sentence start, and the word lists and names (immutable, kept: their ids are theirs)
_SOURCES: dict[tuple[str, bool, int, int], tuple[Rules, Names, Source]] = {}


def classify(mention: str, rules: Rules, sentence_initial: bool = False, names: Names = NO_NAMES) -> Source:
    """Type, canonical name, affiliation and side of a (non-pronoun) source mention.

    ``names`` (``names.find_names`` of the whole text) types a lone capitalised word: a person when the
    text names someone with it, a body when it is written in camel case or after 'at'/'from'. Each call gets
    a copy of the answer kept in ``_SOURCES`` (an article asks about a sixth of its mentions again).
    """
    key = (mention, sentence_initial, id(rules), id(names))
    got = _SOURCES.get(key)
    if got is None or got[0] is not rules or got[1] is not names:
        if len(_SOURCES) >= 4096:
            _SOURCES.clear()
        got = _SOURCES[key] = (rules, names, _classified(mention, rules, sentence_initial, names))
    new = object.__new__(Source)
    new.__dict__.update(got[2].__dict__)
    return new


def _classified(mention: str, rules: Rules, sentence_initial: bool, names: Names) -> Source:
    """``classify`` without the memo."""
    m = _parse(mention, rules, sentence_initial, names)
    found = (
        _by_named_conjunct(m, rules, sentence_initial)
        or _by_us_state(m)
        or _by_alias(m)
        or _by_appositive(m, rules)
        or _by_apposed_body(m, rules.type_nouns)
        or _by_trailing_name(m)
        or _by_owned_name(m)
        or _by_closing_name(m, rules)
        or _by_names(m, sentence_initial)
        or _by_plural_role(m, rules.type_nouns)
        or _by_title(m, rules.type_nouns)
        or _by_capital_title(m, rules.type_nouns)
        or _by_head(m, rules.type_nouns)
        or _by_definite_title(m)
        or _by_org(m, rules.type_nouns)
    )
    if found is not None:
        return found
    if m.head_cat == "title" and not m.plural and _THE.match(m.core):
        return Source(m.text, "named_person", m.affil, "", "person", m.side)  # "the president": one person
    head = "" if m.head_cat else unlisted_head(m.head_part, m.core)  # "the reporters behind it": reporters
    return Source(m.text, "anonymous", m.affil, "", "group" if m.plural else "person", m.side, m.plural, head)
