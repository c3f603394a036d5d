"""Sources that are a place or a date, not a speaker (issue 21): "Washington, DC last year", "Corpus
Christi, Tex.", "Oct. 14, 2016": a fragment of the clause that interrupts the speaker's sentence ("Mary
Cheney, who ... married her partner ... in Washington, DC last year, took to Facebook"). The speaker is
the name that clause is attached to, else nobody. And a body's name split at its "and" ("The U.S. Fish | and
Wildlife Service said"), or a person's title run split there ("Health | and Human Services Secretary Kathleen
Sebelius said"): one source again (``joined_bodies``). A body's one-word short form is the fuller name written
earlier ("the Journal" after "The Wall Street Journal": ``full_body_name``)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import takewhile

from outlet_comparison.cache import memoize
from outlet_comparison.instruments.attribution.cues import Hit
from outlet_comparison.instruments.attribution.names import Names
from outlet_comparison.instruments.attribution.tokens import MONTHS
from outlet_comparison.text.names import us_states

# a city, a comma and a state's abbreviation (AP "Tex.", "Calif.", "D.C.", postal "DC"), then time words
_PLACE = re.compile(
    r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2},\s+(?!(?:Jr|Sr|Mr|Mrs|Ms|Dr|St|Inc|Co|Corp|Ltd|Bros)\.)"
    r"(?:DC|[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})(?:\s+(?:last|this|next|early|late)\s+[a-z]+)?"
)
# a city, a comma and a state written out ("Columbus, Ohio", "Des Moines, Iowa"; AP writes most states out)
_CITY_STATE = re.compile(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2},\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
_MONTH_WORDS = MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_DATE_WORDS = _MONTH_WORDS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday last this next year week month ago".split()
)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# the name a clause is attached to: a comma, then "who", a participle, an age or a prepositional aside
# ("Mr. Braley, speaking at", "Omar Mateen, 29, of Fort Pierce, Fla.,", "Mr. Santorum, at another appearance";
# not "in": "married her partner, Heather Poe, in Washington" is the place of the marriage)
_CLAUSE_AFTER = re.compile(r",\s+(?:who|whose|[a-z]+ing\b|\d{1,3},|(?:at|during|while)\s)")
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s+(?=[A-Z])")
_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[a-z])\.\s+$")  # "Mr. ", "Oct. ", "a.m. ": no sentence end
CLAUSE_REACH = 300  # characters before a fragment in which the name its clause is attached to is written


def is_fragment(mention: str) -> bool:
    """Is the source a place ("Corpus Christi, Tex.") or a date ("Oct. 14, 2016") rather than anyone?"""
    words = _TOKEN.findall(mention)
    if any(w.lower() in _MONTH_WORDS for w in words) and any(w.isdigit() for w in words):
        if all(w.isdigit() or w.lower() in _DATE_WORDS for w in words):
            return True
    city_state = _CITY_STATE.fullmatch(mention.strip())
    return _PLACE.fullmatch(mention.strip()) is not None or bool(city_state and city_state[1] in us_states())


def clause_head(pos: int, text: str, names: Names) -> str:
    """The person the clause holding a fragment at ``pos`` is attached to: the last found name before it
    in its sentence that a comma and "who" or a participle follow ("Mary Cheney, who"); "" when none."""
    k = bisect.bisect_left(names.starts, pos) - 1
    lo = max(0, pos - CLAUSE_REACH)
    while k >= 0 and names.found[k][0] >= lo:
        _, end, found = names.found[k]
        if end <= pos and _CLAUSE_AFTER.match(text, end):
            between = text[end:pos]
            ends = [
                m for m in _SENTENCE_END.finditer(between) if not _ABBREVIATION.search(between, 0, m.end())
            ]
            return "" if ends else found
        k -= 1
    return ""


_AND_GAP = re.compile(r"\s+and\s+")


def _body_head(word: str, nouns: dict[str, str]) -> bool:
    """Is the word a body's head noun ("Service", "Services", "Commission")?"""
    low = word.lower()
    return nouns.get(low) == "org" or (low.endswith("s") and nouns.get(low[:-1]) == "org")


def joined_bodies(text: str, hits: list[Hit], nouns: dict[str, str], names: Names) -> list[Hit]:
    """A body whose name holds "and" ("The U.S. Fish and Wildlife Service said", "Health and Human Services
    spokeswoman Joanne Peters said"), split by the rules into two speakers of one cue, is one source again:
    the right part opens with capitalised words ending in a body's head noun, the left part ends in a
    capitalised word that is no acronym, no body's head and no surname the text gives a person. A source
    cut at that "and" with no second part takes the rest of the name."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cue_start == h.cue_start
            and 0 <= prev.source_end < h.source_start
            and _AND_GAP.fullmatch(text, prev.source_end, h.source_start)
        ):
            left = text[prev.source_start : prev.source_end].split()[-1]
            right = text[h.source_start : h.source_end].split()
            if (
                _one_body(left, right, nouns, names)
                or _two_chambers(left, right)
                or (
                    _title_opening(text, prev.source_start, prev.source_end, names)
                    and _titled_name_end(text, h.source_start, h.cue_start, nouns, names)
                )
            ):  # "Health | and Human Services Secretary Kathleen Sebelius said": one person's title run
                prev.source_end = h.source_end
                continue
        out.append(h)
    alone = Counter(h.cue_start for h in out)
    for h in out:
        _with_head(text, h, nouns)  # "Its state | media kept up ..., reiterating"
        if alone[h.cue_start] == 1:  # "The United States Fish | and Wildlife Service had signaled"
            _extend_body(text, h, nouns, names)
    return out


def _one_body(left: str, right: list[str], nouns: dict[str, str], names: Names) -> bool:
    """Do the word before "and" and the capitalised words opening the part after it make one body's name?"""
    caps = list(takewhile(lambda w: w[:1].isupper(), right))
    return (
        bool(caps)
        and _body_head(caps[-1], nouns)
        and left[:1].isupper()
        and not left.isupper()
        and not _body_head(left, nouns)
        and left not in names.surnames
    )


_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_AND_BODY = re.compile(r"\s+and\s+((?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*)")


def _extend_body(text: str, h: Hit, nouns: dict[str, str], names: Names) -> None:
    """A source cut at the "and" of its body's name takes the rest of the name (in place)."""
    if h.source_start < 0 or h.source_end >= h.cue_start:
        return
    m = _AND_BODY.match(text, h.source_end, h.cue_start)
    words = text[h.source_start : h.source_end].split()
    title = _CAPITAL_NEXT.match(text, m.end(1)) if m else None  # "Health and Human Services Secretary X"
    if m and words and title is None and _one_body(words[-1], m.group(1).split(), nouns, names):
        h.source_end = m.end(1)
    elif m and words and title is None and _two_chambers(words[-1], m.group(1).split()):
        h.source_end = m.end(1)  # "House | and Senate Republicans accused": one party group
    elif m and _title_opening(text, h.source_start, h.source_end, names):  # "Health | and Human Services ..."
        h.source_end = _titled_name_end(text, m.start(1), h.cue_start, nouns, names) or h.source_end


_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)\b")


def _with_head(text: str, h: Hit, nouns: dict[str, str]) -> None:
    """A source cut before its head, a body's lower-case head noun ("Its state | media", "the Chinese | press
    office"), takes it (in place): the span's last word is capitalised or a body's head itself."""
    if h.source_start < 0 or h.source_end >= h.cue_start:
        return
    words = text[h.source_start : h.source_end].split()
    if not words or not (words[-1][:1].isupper() or nouns.get(words[-1].lower()) == "org"):
        return
    while (m := _NEXT_LOWER.match(text, h.source_end, h.cue_start)) and (
        nouns.get(m.group(1)) == "org" or m.group(1) == "media"
    ):  # "media" is no typing noun: "The media writes" is no body named before
        h.source_end = m.end(1)


_CHAMBERS = ("House", "Senate")


def _two_chambers(left: str, right: list[str]) -> bool:
    """Are the word before "and" and the words after it Congress's two chambers and the group in both
    ("House | and Senate Republicans", "Senate | and House Democrats"), not one chamber's name?"""
    ok = left in _CHAMBERS and len(right) > 1 and right[0] in _CHAMBERS and right[0] != left
    return ok and all(w[:1].isupper() for w in right)  # not "House and Senate candidates": no party


_AFTER_NAME = re.compile(r"\s*,|\s+[a-z]")


def _title_opening(text: str, start: int, end: int, names: Names) -> bool:
    """Can the source ``text[start:end]`` open a title run cut at its "and": capitalised words only, no
    found name of two words in it and no surname of one (not "many Democrats", "Senate Minority Leader
    Chuck Schumer"; "Former Housing" may be a one-word 'name')?"""
    words = text[start:end].split()
    full = [f for f in names.found if len(f[2].split()) > 1]
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and not any(f[0] < end and f[1] > start or f[2].split()[-1] in words for f in full)
    )


def _titled_name_end(text: str, start: int, cue: int, nouns: dict[str, str], names: Names) -> int:
    """The end of a found name of two words or more whose run of capitalised words opens at ``start`` and
    holds a title ("Human Services Secretary Kathleen Sebelius"), ends before the cue and is followed by a
    comma or a lower-case word; 0 when none."""
    k = bisect.bisect_left(names.starts, start)
    if k == len(names.found) or names.found[k][0] != start:
        return 0
    f_start, f_end, found = names.found[k]
    title = text[f_start:f_end].split()[: -len(found.split())]
    if len(found.split()) < 2 or f_end > cue or not any(nouns.get(w.lower()) == "title" for w in title[1:]):
        return 0
    return f_end if _AFTER_NAME.match(text, f_end) else 0


def full_body_name(name: str, text: str, pos: int) -> str:
    """The fuller name a body's one-word short form had earlier ("the Journal" is "Wall Street Journal" after
    "The Wall Street Journal", "the Court" "Supreme Court"): the capitalised words written, on one line,
    between "the" and the short form at its first such occurrence before ``pos`` that ends the name; no
    country's abbreviation ("the U.S. House" leaves "House") and no possessive; ``name`` when none."""
    base = re.sub(r"^(?:the|The)\s+", "", name)
    if not base[:1].isupper() or len(base.split()) > 1:
        return name
    for m in _full_body_rx(base).finditer(text, 0, pos):
        if not _QUALIFIER.fullmatch(m.group(1).split()[0]):
            return f"{' '.join(m.group(1).split())} {base}"
    return name


_QUALIFIER = re.compile(r"[A-Z]{1,3}|(?:[A-Z]\.)+")  # "U.S.", "UK": a country's abbreviation


@memoize(maxsize=256)
def _full_body_rx(base: str) -> re.Pattern[str]:
    """``the`` and one to three capitalised words (no possessive) before ``base``, no capital after it."""
    return re.compile(
        rf"\b(?:the|The)[ \t]+((?:[A-Z][\w.&\-]*[ \t]+){{1,3}}){re.escape(base)}\b(?![ \t]+[A-Z])"
    )
