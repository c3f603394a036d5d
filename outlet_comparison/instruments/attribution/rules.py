"""The attribution word lists (cues, nouns, affiliations, anonymity formulas), loaded and validated.

Which files to read is configuration: pass an ``AttributionLexicons`` naming other files to
``attributions``; every field left as None reads the default list in ``lexicons/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, project_path, row_error
from outlet_comparison.text.names import (
    BOUNDARY,
    DETERMINERS,
    OPENERS,
    alias_key,
    alias_lookup,
    alias_pattern,
)
from outlet_comparison.text.units import POSSESSIVE
from outlet_comparison.wordlists import (
    categorised_patterns,
    check_choice,
    data_rows,
    matches_at,
    read_lexicon,
)

K = TypeVar("K")
V = TypeVar("V")

STANCES = ("neutral", "loaded", "belief")
NOUN_CATEGORIES = ("official", "group", "document", "title", "org")
# the typing-only list may also name outlet nouns: bodies ("org") that a description refers back to as
# the news outlet that spoke last ("the paper reports"), never as a body named with the word
# ("North Pacific Paper")
TYPE_NOUN_CATEGORIES = (*NOUN_CATEGORIES, "outlet", "act")
KINDS = ("person", "organization")
ANONYMITY_CATEGORIES = ("marker", "reason")
COUNTRY_KINDS = ("name", "demonym", "us_state")  # us_state: a country's name that is also a US state
_PHRASE_WORD = re.compile(r"[a-z’'\-]+")

CueForm = tuple[tuple[str, ...], str, str, bool]  # (form tokens, lemma, stance, inverts)


@dataclass(frozen=True)
class AttributionLexicons:
    """Which word list files the extractor reads; None means the default file in ``lexicons/``."""

    cues: Path | str | None = None
    according: Path | str | None = None
    nouns: Path | str | None = None
    affiliations: Path | str | None = None
    anonymity: Path | str | None = None
    modifiers: Path | str | None = None
    countries: Path | str | None = None  # short names and demonyms beside pycountry's ISO names
    nonstatements: Path | str | None = None  # refusals and future events that are no statement
    type_nouns: Path | str | None = None  # nouns read by typing only (the CRF's features stay as fitted)
    model: Path | str | None = None  # the CRF weights (``models/attribution_crf.json.gz`` when None)
    learned: bool = True  # False: the rules alone (prefer the ``learned`` argument of ``attributions``)
    reader_types: Path | str | None = None  # vague quantifiers/heads and person descriptions (issue 21)
    first_names: Path | str | None = None  # first names with the pronoun they take ('he'/'she' agreement)
    acts: Path | str | None = None  # speech acts read only where the model or a row places them (no refit)

    def paths(self) -> tuple[str, ...]:
        """The word list files as absolute path strings, resolved from the project root."""
        names = ("cues", "according", "nouns", "affiliations", "anonymity", "modifiers", "countries")
        return tuple(
            str(project_path(getattr(self, name), LEXICONS / f"attribution_{name}.csv"))
            for name in (*names, "type_nouns", "first_names", "acts")
        )

    def reader_types_path(self) -> str:
        """The reader-type word list (vague quantifiers and heads, person descriptions)."""
        path = self.reader_types
        return _READER_TYPES if path is None else str(project_path(path, LEXICONS))

    def nonstatements_path(self) -> str:
        """The non-statement pattern file, resolved from the project root."""
        path = self.nonstatements
        return _NONSTATEMENTS if path is None else str(project_path(path, LEXICONS))


# the defaults of the two paths above, joined once (every article asks for them)
_READER_TYPES = str(LEXICONS / "attribution_reader_types.csv")
_NONSTATEMENTS = str(LEXICONS / "attribution_nonstatements.csv")


@dataclass(frozen=True)
class Alias:
    """One affiliation alias: how it is written, what it means, and whose side it is on."""

    alias: str
    canonical: str
    kind: str
    side: str
    regex: re.Pattern[str] = field(compare=False)
    country_name: bool = field(default=False, compare=False)  # a country's name (not a demonym or a body)


@dataclass(frozen=True)
class Rules:
    """Everything the extractor reads from the word lists, parsed once per set of files."""

    cues: dict[str, list[CueForm]]  # keyed by the first word of the form, longest form first
    cue_words: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    according_firsts: frozenset[str]
    nouns: dict[str, str]  # what the extractor and the CRF read
    type_nouns: dict[str, str]  # ``nouns`` plus the typing-only list: what classification reads
    outlet_nouns: frozenset[str]  # typing-only nouns of news outlets ("paper"), typed "org" in type_nouns
    affiliations: tuple[Alias, ...]
    alias_rx: re.Pattern[str]  # every affiliation and country alias in one alternation, longest first
    alias_by_text: dict[str, Alias]  # exact text (case-sensitive aliases) or lower case -> alias
    alias_firsts: frozenset[str]  # lower-case first words of the aliases (a text without one has no alias)
    anonymity: tuple[tuple[re.Pattern[str], str], ...]
    modifiers: frozenset[str]
    first_names: dict[str, str] = field(default_factory=dict)  # first name -> 'm' or 'f'
    us_states: frozenset[str] = frozenset()  # country names that are also US states ("Georgia")
    # speech acts whose word is too often no speech for the rules to find alone ("challenged", "thanked"):
    # read only for a cue the CRF marks or one that shares a row's source, never as a rule cue or feature
    acts: dict[str, list[CueForm]] = field(default_factory=dict)
    rule_acts: dict[str, list[CueForm]] = field(default_factory=dict)  # those the rules read after the CRF
    # typing-only nouns of an act in words ("comments", "defense"): typed "document" in type_nouns (the
    # owner's words), a body when capitalised ("the Syria Civil Defense"); what an act "shows" is no statement
    act_nouns: frozenset[str] = frozenset()
    # source patterns read only after the CRF, never in its features or training inputs: a passive's agent
    # after ", including by", a participle right after "issued a statement" (``extract.late_hits``)
    late: bool = False
    # results by (function, text): mentions and names recur within and across articles; emptied when full
    memo: dict[tuple[str, object], object] = field(default_factory=dict, compare=False, repr=False)


def _cues(path: str) -> dict[str, list[CueForm]]:
    """Cue forms keyed by first word: (form tokens, lemma, stance, inverts), longest first."""
    df = read_lexicon(path, ("lemma", "forms", "stance", "inverts", "rationale"))
    out: dict[str, list[CueForm]] = {}
    for n, row in data_rows(df):
        check_choice(path, n, "stance", row["stance"].strip(), STANCES)
        check_choice(path, n, "inverts", row["inverts"].strip(), ("yes", "no"))
        for form in row["forms"].split("|"):
            toks = tuple(form.strip().lower().split())
            if not toks or not all(_PHRASE_WORD.fullmatch(t) for t in toks):
                raise row_error(path, n, f"invalid cue form {form!r} in column 'forms'")
            entry = (toks, row["lemma"].strip(), row["stance"].strip(), row["inverts"].strip() == "yes")
            out.setdefault(toks[0], []).append(entry)
    for v in out.values():
        v.sort(key=lambda e: -len(e[0]))
    return out


def _according(path: str) -> tuple[tuple[str, ...], ...]:
    """Prepositional cue phrases after which the source follows ("according to")."""
    df = read_lexicon(path, ("phrase", "rationale"))
    out = []
    for n, row in data_rows(df):
        toks = tuple(row["phrase"].strip().lower().split())
        if not all(_PHRASE_WORD.fullmatch(t) for t in toks):
            raise row_error(path, n, f"invalid phrase {row['phrase']!r}")
        out.append(toks)
    return tuple(sorted(out, key=len, reverse=True))


def _nouns(path: str) -> dict[str, str]:
    """Lower-case noun or title word -> category (official, group, document, title, org)."""
    df = read_lexicon(path, ("term", "category", "rationale"))
    out: dict[str, str] = {}
    for n, row in data_rows(df):
        term, cat = row["term"].strip().lower(), row["category"].strip()
        check_choice(path, n, "category", cat, NOUN_CATEGORIES)
        if term in out:
            raise row_error(path, n, f"duplicate term '{term}'")
        out[term] = cat
    return out


def _type_nouns(nouns: dict[str, str], path: str) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """The extractor's nouns plus the typing-only list (a term of the noun list file may not be repeated),
    the outlet nouns among them (category ``outlet``, typed as ``org``) and the act nouns (category
    ``act``, typed as ``document``: "the president's defense" is the president's words)."""
    df = read_lexicon(path, ("term", "category", "rationale"))
    out = dict(nouns)
    outlets, acts = set(), set()
    for n, row in data_rows(df):
        term, cat = row["term"].strip().lower(), row["category"].strip()
        check_choice(path, n, "category", cat, TYPE_NOUN_CATEGORIES)
        if term in out and (term not in nouns or nouns[term] != "title"):  # a nameparser title may be retyped
            raise row_error(path, n, f"duplicate term '{term}' (or already in the noun list)")
        if cat == "outlet":
            outlets.add(term)
        if cat == "act":
            acts.add(term)
        out[term] = {"outlet": "org", "act": "document"}.get(cat, cat)
    return out, frozenset(outlets), frozenset(acts)


def _with_titles(nouns: dict[str, str]) -> dict[str, str]:
    """The noun list plus nameparser's titles ('minister', 'ambassador', 'ceo') as 'title' if not listed."""
    from nameparser.config import CONSTANTS

    out = dict(nouns)
    for t in sorted(CONSTANTS.titles):
        if t.isalpha() and len(t) > 2 and t not in out and t not in _NOT_TITLES:
            out[t] = "title"
    return out


# nameparser's list also holds words that qualify a title or name a field ('united states', 'first lady',
# 'police chief', 'supreme court'); they are no role of a person on their own
_NOT_TITLES = frozenset(
    "the his her their our and of for to in on at by with from as former air analytics army advertising "
    "ballet baseball banner behavioral bench biblical blessed blues british burlesque business canon charge "
    "civil classical computer corporate count credit criminal customs designated discovery district division "
    "docket english excellent family federal field film financial first flag flying grand group hereditary "
    "high information judicial kingdom knowledge law legal literary marketing mathematics met metropolitan "
    "military model most municipal mystery national navy operating opera personality petty police political "
    "pro private radio rear revenue right risk rock royal security social soccer software special staff "
    "state states strategy superior supreme tax technical television theater theatre travel united voice "
    "wing warrant".split()
)


def _affiliations(path: str) -> tuple[Alias, ...]:
    """Affiliation aliases, longest first; multi-word ones match case-insensitively."""
    df = read_lexicon(path, ("alias", "canonical", "kind", "side", "rationale"))
    out = []
    for n, row in data_rows(df):
        kind, side, alias = row["kind"].strip(), row["side"].strip(), row["alias"].strip()
        check_choice(path, n, "kind", kind, KINDS)
        out.append(Alias(alias, row["canonical"].strip(), kind, side, _alias_rx(alias)))
    return tuple(sorted(out, key=lambda a: -len(a.alias)))


def _countries(path: str) -> tuple[Alias, ...]:
    """Country names from pycountry (ISO 3166) plus the file's short names and demonyms, as organisations."""
    import pycountry

    df = read_lexicon(path, ("alias", "country", "kind", "rationale"))
    out = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        canon = getattr(c, "common_name", c.name).split(",")[0]
        for name in names | {c.name.split(",")[0]}:
            out[name] = canon
    demonyms = set()
    for n, row in data_rows(df):
        check_choice(path, n, "kind", row["kind"].strip(), COUNTRY_KINDS)
        out[row["alias"].strip()] = row["country"].strip()
        if row["kind"].strip() == "demonym":
            demonyms.add(row["alias"].strip())
    return tuple(
        Alias(a, c, "organization", c, _alias_rx(a), a not in demonyms) for a, c in sorted(out.items())
    )


def _us_states(path: str) -> frozenset[str]:
    """The country names of the file that are also US states (kind ``us_state``: "Georgia")."""
    df = read_lexicon(path, ("alias", "country", "kind", "rationale"))
    return frozenset(row["alias"].strip() for _, row in data_rows(df) if row["kind"].strip() == "us_state")


def _alias_rx(alias: str) -> re.Pattern[str]:
    """One alias as a whole-word pattern (an optional possessive); multi-word aliases ignore case."""
    return re.compile(_alias_body(alias))


def _alias_body(alias: str) -> str:
    """The regex text of one alias (``text.names.alias_pattern``: its default case rule, a possessive)."""
    return alias_pattern(alias, possessive=True, after_dot=True)


def _alias_index(aliases: tuple[Alias, ...]) -> tuple[re.Pattern[str], dict[str, Alias]]:
    """One alternation of every alias (longest first) and a map from matched text to the alias."""
    ordered = sorted(aliases, key=lambda a: (-len(a.alias), a.alias))
    bodies = [_alias_body(a.alias) for a in ordered]
    if not all(b.startswith(_ALIAS_START.pattern) for b in bodies):
        raise ValueError(f"an alias pattern no longer opens with {_ALIAS_START.pattern}: see _alias_index")
    # the look-behind every alias opens with, once before the alternation (the same matches): each branch
    # then opens with its first character, which the regex engine compares before entering the branch
    size = len(_ALIAS_START.pattern)
    rx = re.compile(f"{_ALIAS_START.pattern}(?:{'|'.join(b[size:] for b in bodies)})")
    by: dict[str, Alias] = {}
    for a in reversed(ordered):  # the earlier (longer, file) alias wins a shared key
        by[alias_lookup(a.alias)] = a
    return rx, by


_WORD_SPLIT = re.compile(r"[\s\-/–—,;:()\"“”]+")


def _key_word(alias: str) -> str:
    """The word of an alias the prefilter looks for: its first word that is not 'the'."""
    words = [w for w in _WORD_SPLIT.split(alias.lower()) if w]
    return next((w for w in words if w != "the"), words[0])


def find_aliases(rules: Rules, text: str) -> list[tuple[re.Match[str], Alias]]:
    """Every alias match in ``text`` (longest first at each position) with the alias it stands for.

    The one big alternation is slow, so it runs only when a word of the text starts some alias, and
    its result is kept per text (``rules.memo``).
    """
    return list(remember(rules, "aliases", text, _find_aliases))


_MEMO_SIZE = 100_000


def remember(rules: Rules, name: str, key: K, fn: Callable[[Rules, K], V]) -> V:
    """``fn(rules, key)``, kept in ``rules.memo`` (for pure functions of the word lists and the key)."""
    memo = rules.memo
    got = memo.get((name, key), _MISSING)
    if got is _MISSING:
        got = fn(rules, key)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[(name, key)] = got
    return got  # type: ignore[return-value]


_MISSING = object()


def _find_aliases(rules: Rules, text: str) -> list[tuple[re.Match[str], Alias]]:
    """``find_aliases`` without the memo."""
    words = {w[:-2] if w.endswith(("'s", "’s")) else w for w in _WORD_SPLIT.split(text.lower())}
    if not any(w in rules.alias_firsts or w.rstrip(".") in rules.alias_firsts for w in words):
        return []
    matches = matches_at(text, rules.alias_rx, (m.start() for m in _ALIAS_START.finditer(text)))
    return [
        (mt, a)
        for mt in matches
        if (a := alias_at(rules, mt.group(0))) is not None
        and not (a.country_name and (place_tail(text, mt.start()) or us_state_at(rules, text, mt)))
    ]


# the capitalised word right before a country's name, on the same line ("New" of "New Jersey")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[^\w.’'\-]))([A-Z][a-z]+)[ \t]+$")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev)\.[ \t]+$")
# place names that hold a country's name as their last word ("New Mexico", "Papua New Guinea" is listed)
PLACE_HEADS = frozenset(
    "New North South East West Northern Southern Eastern Western Upper Lower Central Baja Nova".split()
)
# capitalised words that open a sentence before a country without being part of its name
_NOT_PLACE_WORDS = frozenset(
    "like unlike including even only neither either against without during until across between among "
    "amid toward towards per via plus unless whereas".split()
)


def place_tail(text: str, pos: int) -> bool:
    """Is the country name at ``pos`` the tail of a longer capitalised name ("New Jersey", "New Mexico",
    "Michael Jordan", "Mr. Jordan")? The word before counts when it is a place head ("New", "North") or a
    capitalised word inside the sentence; a sentence-initial word ("Neighboring Turkey") does not."""
    lo = max(0, pos - 40)
    if _HONORIFIC_BEFORE.search(text, lo, pos):
        return True
    m = _WORD_BEFORE.search(text, lo, pos)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if low in DETERMINERS or low in BOUNDARY or low in OPENERS or low in _NOT_PLACE_WORDS:
        return False
    return word in PLACE_HEADS or not _opens_sentence(text, m.start(1))


def _opens_sentence(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open the text, a line or a sentence (after . ! ? : ; or a quotation mark)?"""
    before = text[max(0, pos - 4) : pos].rstrip(" \t")
    return pos == 0 or not before or before[-1] in '.!?:;"“”‘’\n'


# "Georgia" is the US state after a US title's "of" ("Sen. David Perdue of Georgia"), after a city
# ("Atlanta, Georgia") and before US political words ("Georgia Republicans", "Georgia's secretary of state")
_US_OF = re.compile(
    r"\b(?:Sen|Rep|Gov|Senator|Representative|Congressman|Congresswoman|Governor|Mayor|Senators|Reps|Sens)"
    r"\.?[ \t][^,;()\n]{1,60}?[ \t]of[ \t]+$"
)
_CITY_BEFORE = re.compile(r"(?<![\w.’'\-])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?),[ \t]+$")
_US_AFTER = re.compile(
    r"(?:[’']s)?[ \t]+(?:Republicans?|Democrats?|Democratic|GOP|state|State[ \t]+(?:Senate|House|Capitol"
    r"|Legislature|University)|Gov\.|Governor|governor|Sen\.|Senator|Rep\.|voters|Senate|House|Legislature"
    r"|legislature|lawmakers|[Ss]ecretary[ \t]+of[ \t]+[Ss]tate|General[ \t]+Assembly|Supreme[ \t]+Court"
    r"|[Aa]ttorney[ \t]+[Gg]eneral|Tech|Power|Bulldogs)\b"
)


def us_state_at(rules: Rules, text: str, mt: re.Match[str]) -> bool:
    """Is this match of a country's name that is also a US state ("Georgia") written as the state?"""
    bare = POSSESSIVE.sub("", mt.group(0))
    if bare not in rules.us_states:
        return False
    lo = max(0, mt.start() - 80)
    if _US_OF.search(text, lo, mt.start()) or _US_AFTER.match(text, mt.start() + len(bare)):
        return True
    city = _CITY_BEFORE.search(text, lo, mt.start())
    return city is not None and alias_at(rules, city.group(1)) is None  # not "Armenia, Georgia"


_ALIAS_START = re.compile(r"(?<![\w.])")  # every alias pattern starts with this assertion (_alias_body)


def alias_at(rules: Rules, matched: str) -> Alias | None:
    """The alias a match of ``rules.alias_rx`` stands for (a possessive 's and spacing ignored)."""
    return rules.alias_by_text.get(POSSESSIVE.sub("", matched)) or rules.alias_by_text.get(alias_key(matched))


def _anonymity(path: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Compiled anonymity patterns with their category (marker or reason)."""
    return categorised_patterns(path, ANONYMITY_CATEGORIES)


def _modifiers(path: str) -> frozenset[str]:
    """Lower-case adjectives that may sit inside a source NP after an inverted cue."""
    df = read_lexicon(path, ("term", "rationale"))
    return frozenset(t.strip().lower() for t in df["term"])


@memoize(maxsize=8)
def _load(paths: tuple[str, ...]) -> Rules:
    """Parse the files once per combination of paths."""
    cues, according, nouns, affiliations, anonymity, modifiers, countries, type_nouns, names, acts = paths
    listed_nouns = _with_titles(_nouns(nouns))
    parsed = _cues(cues)
    known = _affiliations(affiliations)
    listed = {a.alias for a in known}
    every = known + tuple(a for a in _countries(countries) if a.alias not in listed)
    alias_rx, alias_by_text = _alias_index(every)
    return Rules(
        cues=parsed,
        cue_words=frozenset(w for v in parsed.values() for form, *_ in v for w in form),
        according=(acc := _according(according)),
        according_firsts=frozenset(p[0] for p in acc),
        nouns=listed_nouns,
        type_nouns=(typed := _type_nouns(listed_nouns, type_nouns))[0],
        outlet_nouns=typed[1],
        act_nouns=typed[2],
        affiliations=every,
        alias_rx=alias_rx,
        alias_firsts=frozenset(_key_word(a.alias) for a in every),
        alias_by_text=alias_by_text,
        anonymity=_anonymity(anonymity),
        modifiers=_modifiers(modifiers),
        first_names=_first_names(names),
        us_states=_us_states(countries),
        acts=(both := _acts(acts, parsed))[0],
        rule_acts=both[1],
    )


def _acts(
    path: str, cues: dict[str, list[CueForm]]
) -> tuple[dict[str, list[CueForm]], dict[str, list[CueForm]]]:
    """The speech-act list parsed as the cue list, and its forms the rules read on their own (``rules``
    yes); a form the cue list holds may not be repeated."""
    df = read_lexicon(path, ("lemma", "forms", "stance", "inverts", "rules", "rationale"))
    out: dict[str, list[CueForm]] = {}
    ruled: dict[str, list[CueForm]] = {}
    for n, row in data_rows(df):
        stance, inverts, alone = row["stance"].strip(), row["inverts"].strip(), row["rules"].strip()
        check_choice(path, n, "stance", stance, STANCES)
        for col, value in (("inverts", inverts), ("rules", alone)):
            check_choice(path, n, col, value, ("yes", "no"))
        for form in row["forms"].split("|"):
            toks = tuple(form.strip().lower().split())
            if not toks or not all(_PHRASE_WORD.fullmatch(t) for t in toks):
                raise row_error(path, n, f"invalid cue form {form!r} in column 'forms'")
            if any(f[0] == toks for f in cues.get(toks[0], ())):
                raise row_error(path, n, f"cue form {form.strip()!r} is already in the cue list")
            entry = (toks, row["lemma"].strip(), stance, inverts == "yes")
            for d in (out, ruled) if alone == "yes" else (out,):
                d.setdefault(toks[0], []).append(entry)
    for d in (out, ruled):
        for v in d.values():
            v.sort(key=lambda e: -len(e[0]))
    return out, ruled


def cue_forms(rules: Rules, low: str) -> list[CueForm]:
    """The forms starting with ``low``: the cue list's, then the speech-act list's."""
    listed, acts = rules.cues.get(low), rules.acts.get(low)
    return [*listed, *acts] if listed and acts else listed or acts or []


def _first_names(path: str) -> dict[str, str]:
    """First name -> the pronoun's gender it takes ('m' or 'f')."""
    df = read_lexicon(path, ("name", "gender", "rationale"))
    out = {}
    for n, row in data_rows(df):
        check_choice(path, n, "gender", row["gender"].strip(), ("m", "f"))
        out[row["name"].strip()] = row["gender"].strip()
    return out


_DEFAULTS = AttributionLexicons()


@memoize(maxsize=1)
def _default_paths() -> tuple[str, ...]:
    """``AttributionLexicons().paths()``, resolved once (corpus mode asks for them per article)."""
    return _DEFAULTS.paths()


def load_rules(lexicons: AttributionLexicons | None = None) -> Rules:
    """The parsed word lists named by ``lexicons`` (the defaults when None)."""
    lex = lexicons or _DEFAULTS
    return _load(_default_paths() if lex == _DEFAULTS else lex.paths())
