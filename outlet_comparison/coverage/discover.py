"""People and organisations of any story, found without an alias list, with their name variants merged.

A person is a run of capitalised words after its last title or role word ("Superior Court Judge
Michael Markman" gives Michael Markman), an honorific and a name ("Mr Obama"), or a bare surname
of a person the text names in full elsewhere ("Kerry" after "John Kerry"). An organisation is a
capitalised run ending in a body noun ("the Foreign Ministry", "Crime Research Group") or a known
body of the attribution affiliation list (countries are left out: mostly places, "in Syria").
Variants are merged by surname and by an accent-free key, so "Recep Tayyip Erdoğan", "Erdogan" and
"President Erdoğan" are one actor (the first full name written). One pass over the text: linear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.instruments.attribution.rules import Rules, alias_at, load_rules
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, OPENERS, UPPER, honorific_pattern
from outlet_comparison.text.units import POSSESSIVE
from outlet_comparison.wordlists import read_lexicon

_HON = honorific_pattern()
_WORD = rf"(?:{_HON}(?=[ \t])|{UPPER}\.(?=[ \t])|{UPPER}[\w\u0300-\u036f’'\-]*)"
_RUN_RE = re.compile(
    rf"(?<![\w.’'\-])(?P<run>{_WORD}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?{_WORD})*)(?![\w’'])"
)
_HON_RE = re.compile(rf"^{_HON}$")


@dataclass(frozen=True)
class Found:
    """One discovered mention: offsets, the canonical actor and whether it is a person."""

    start: int
    end: int
    actor: str
    person: bool


def fold(name: str) -> str:
    """An accent-free, lower-case key ('Erdoğan' and 'Erdogan' give 'erdogan')."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@memoize(maxsize=4)
def _non_persons(path: str) -> frozenset[str]:
    """Last words of capitalised runs that name places or happenings, not people ('Arab Spring')."""
    return frozenset(t.strip().lower() for t in read_lexicon(path, ("term", "rationale"))["term"])


def _words(run: str) -> list[str]:
    """The words of a capitalised run, possessive 's removed."""
    return [POSSESSIVE.sub("", w) for w in run.split()]


def _split(words: list[str], rules: Rules) -> tuple[int, int, str]:
    """(first word, first word of the name, kind) of a run; kind 'person', 'org', 'surname' or ''."""
    lows = [w.lower() for w in words]
    k = 0
    while k < len(lows) and (lows[k] in BOUNDARY or lows[k] in DETERMINERS or lows[k] in OPENERS):
        k += 1
    if k == len(words):
        return k, k, ""
    nouns = rules.nouns
    if nouns.get(lows[-1]) == "org" or alias_at(rules, " ".join(words[k:])) is not None:
        return k, k, "org"
    titled = [
        j for j in range(k, len(lows) - 1) if nouns.get(lows[j]) or _HON_RE.match(words[j]) or lows[j] == "of"
    ]
    cut = titled[-1] + 1 if titled else k
    rest = lows[cut:]
    if len(rest) < 2 and any(nouns.get(lo) == "org" for lo in lows[k:]):
        return k, k, "org"  # "Foreign Ministry of Russia"
    if any(nouns.get(lo) or lo in ("of", "the") for lo in rest) or len(rest) > 4:
        return k, cut, ""
    if len(rest) == 1:
        return k, cut, "surname"
    return k, cut, "person"


def discover(text: str, rules: Rules | None = None) -> list[Found]:
    """Every person and organisation mention found without an alias list, with its canonical name."""
    rules = rules or load_rules()
    runs = []
    full: dict[str, str] = {}  # folded surname -> first full name
    for m in _RUN_RE.finditer(text):
        spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.group("run"))]
        words = _words(m.group("run"))
        k, cut, kind = _split(words, rules)
        if not kind or (
            kind != "org" and words[-1].lower() in _non_persons(str(LEXICONS / "actor_non_persons.csv"))
        ):
            continue
        name = words[cut:]
        initial = k == 0 and cut == 0 and _sentence_initial(text, m.start())
        runs.append((m.start() + spans[k][0], m.end(), name, kind, initial, cut > k))
        if kind == "person":
            full.setdefault(fold(name[-1]), " ".join(name))
    out = []
    for start, end, name, kind, initial, titled in runs:
        if kind == "org":
            a = alias_at(rules, " ".join(name))
            if (a is not None and a.canonical == a.side) or (a is None and len(name) < 2):
                continue  # a country or demonym is mostly a place ("in Syria"); a bare "Group" names nobody
            out.append(Found(start, end, a.canonical if a is not None else " ".join(name), False))
            continue
        canonical = full.get(fold(name[-1]))
        if canonical is None and (initial or (kind == "surname" and not titled)):
            continue  # a lone capitalised word the text never gives a first name or title: not a person
        out.append(Found(start, end, canonical or " ".join(name), True))
    return out


def _sentence_initial(text: str, pos: int) -> bool:
    """Does a run start a sentence or a paragraph (where any word is capitalised)?"""
    before = text[max(0, pos - 3) : pos].rstrip(' \t"“')
    return not before or before[-1] in ".!?:\n"
