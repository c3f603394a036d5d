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

import bisect
import dataclasses
import re
from dataclasses import dataclass

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.coverage import name_joins as nj
from outlet_comparison.coverage.places import (
    CALL_SIGN,
    abbreviated,
    acting_places,
    dateline_spans,
    institution,
    institutions,
    located,
    place_nouns,
)
from outlet_comparison.instruments.attribution.rules import Rules, alias_at, load_rules, remember
from outlet_comparison.instruments.attribution.tokens import MONTHS, TIME_WORDS
from outlet_comparison.text.names import BOUNDARY, DETERMINERS, OPENERS, UPPER, fold, honorific_pattern
from outlet_comparison.text.units import POSSESSIVE
from outlet_comparison.wordlists import read_lexicon

_HON = honorific_pattern()
_INITIALS = rf"{UPPER}\.(?:{UPPER}\.)*"  # "H." and "H.W." (so "George H.W. Bush" is one run, not "George H")
# a capital that opens a dotted acronym ("F.B.I.,") is the acronym's, never a one-letter name
_WORD = rf"(?:{_HON}(?=[ \t])|{_INITIALS}(?=[ \t])|{UPPER}(?!\.{UPPER})[\w\u0300-\u036f’'\-]*)"
# a surname's Arabic article inside a name ("Bashar al-Assad", "Muammar al-Qaddafi"), never its first word
_PARTICLE = rf"(?:al|el)(?:-|[ \t](?={UPPER}[a-z]))[\w\u0300-\u036f’'\-]*"
_RUN_RE = re.compile(
    rf"(?<![\w.’'\-#])(?P<run>{_WORD}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?(?:{_WORD}|{_PARTICLE}))*)(?![\w’'])"
)
# an editor's bracket closing on a first name inside a quotation, the surname after it ("(Libyan strongman
# Muammar) al-Qaddafi", "[Sen. John] McCain"): the name runs on across the bracket
_EDITORIAL = re.compile(rf"(?<=[a-z])[)\]](?=[ \t]+(?:(?:al|el)-)?{UPPER}[a-z])")
_HON_RE = re.compile(rf"^{_HON}$")
# a body's name goes on after its head noun with 'for' or 'on' ("National Organization for Women",
# "Center for American Progress", "Committee on Foreign Relations")
_JOINS = ("for", "on")
# "Justice Dept.", "Acme Corp.", "Make America Awesome PAC" (a political action committee)
_BODY_ABBREVIATIONS = frozenset({"dept", "corp", "inc", "assn", "pac"})
# a party-state label after a legislator's name ("Rep. Stephen Fincher, R-Tenn."): no one
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")
# a numeral after a name ("Article II", "Title IX"; "Queen Elizabeth II" is titled)
_NUMERAL = re.compile(r"[IVXL]+")
# "Among Mrs. Clinton's disclosures", "Despite Trump's tweets": a preposition opening a sentence
_PREPOSITIONS = frozenset(
    "among amid amidst despite unlike like against without including following besides beyond toward "
    "towards through throughout within upon behind via per".split()
)
# "During Thursday", "Former FBI Director James Comey", a letter's "Dear Sasha": a word that opens a run
# without being a name
_OPENERS = OPENERS | {"during", "former", "dear"} | _PREPOSITIONS
# a month's abbreviation: written with its period ("Jan. 5"), so inside a run, before a name, it is a first
# name ("Jan Brewer")
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_TIME = TIME_WORDS | MONTHS | _MONTH_ABBREVIATIONS  # "Twitter Saturday", "During Thursday": when, never who
# an acronym: "RNC", "F.B.I." (a possessive 's allowed); an event may spell its full name elsewhere
_ACRONYM_RE = re.compile(r"(?<![\w.’'\-@#])(?:(?:[A-Z]\.){2,}|[A-Z]{2,6}(?![\w\-]))(?:[’']s)?(?!\w)")


# a number after a name: a numbered thing ("Senate Bill 1062", "SB 1062"), unless it is a year
_NUMBER = re.compile(r"[ \t]+\d")
_YEAR = re.compile(r"[ \t]+(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Found:
    """One discovered mention: offsets, the canonical actor and whether it is a person.

    ``name`` is the name as written (after any title, possessive removed); ``kind`` one of 'person'
    (a name of two or more words), 'surname' (one word: a surname or a lone capitalised name),
    'org' or 'acronym'; ``sure``: the text alone makes it an actor (``actors`` keeps only these;
    ``event_actors`` also weighs the others against the event's other articles); ``titled``: a title
    or honorific precedes the name; ``name_start``: where the name itself starts; ``epithet``: a taunting
    nickname (``lexicons/actor_epithets.csv``) stood before the name and is left out of it.
    """

    start: int
    end: int
    actor: str
    person: bool
    name: str = ""
    kind: str = ""
    sure: bool = True
    titled: bool = False
    name_start: int = -1
    epithet: bool = False  # a taunt stood before the name ("Lyin' Ted"): resolve it to a known person only


@memoize(maxsize=4)
def _non_persons(path: str) -> frozenset[str]:
    """Last words of capitalised runs that name places or happenings, not people ('Arab Spring')."""
    return frozenset(t.strip().lower() for t in read_lexicon(path, ("term", "rationale"))["term"])


@memoize(maxsize=4)
def _actor_titles(path: str) -> frozenset[str]:
    """Titles discovery reads beside attribution's nouns ("Chairwoman", "AG"), lower case."""
    return frozenset(t.strip().lower() for t in read_lexicon(path, ("term", "rationale"))["term"])


def _with_actor_titles(rules: Rules) -> Rules:
    """The rules with the actor titles (``lexicons/actor_titles.csv``) among their nouns, kept per rules."""

    def build(r: Rules, path: str) -> Rules:
        titles = {t: "title" for t in _actor_titles(path) if t not in r.nouns}
        return dataclasses.replace(r, nouns={**r.nouns, **titles}, memo={}) if titles else r

    return remember(rules, "actor_titles", str(LEXICONS / "actor_titles.csv"), build)


def _titles_word(low: str, rules: Rules) -> bool:
    """Is a word a listed title ("President", "Senator")?"""
    return rules.nouns.get(low) == "title"


def _title_word(word: str, rules: Rules) -> bool:
    """Is a word a person's title or an honorific ("President", "Sen.", "Mr.")?"""
    return _titles_word(word.lower(), rules) or bool(_HON_RE.match(word))


def _titles(nouns: dict[str, str], low: str) -> bool:
    """Is a word the plural of a title ("Presidents Bush and Obama")?"""
    return low.endswith("s") and nouns.get(low[:-1]) == "title"


def _body_before_title(words: list[str], k: int, cut: int, rules: Rules) -> int:
    """How many words of a body stand before a person's title ("Republican National Committee Chairman
    Reince Priebus": 3), 0 when none: two or more words ending in a body noun, or a body noun, 'for' or
    'on', and what it is for ("National Organization for Women President Terry O'Neill": 4)."""
    ends = [p for p in range(k + 1, cut) if rules.nouns.get(words[p].lower()) == "org"]
    if not ends or words[ends[-1]].lower() in place_nouns():
        return 0  # "Scotts Bluff County Sheriff Mark Overman": the county locates the title
    end = ends[-1]
    if end + 2 < cut and words[end + 1].lower() in _JOINS:
        after = [p for p in range(end + 2, cut) if rules.nouns.get(words[p].lower()) == "title"]
        end = after[0] - 1 if after and after[0] > end + 2 else end
    return end + 1 - k


def _name_before_title(words: list[str], k: int, cut: int, rules: Rules) -> int:
    """How many capitalised words no list knows stand before a person's first title or honorific
    ("Weekly Standard Editor Bill Kristol": 2), 0 when fewer than two."""
    lows = [w.lower() for w in words]
    j = k
    while j < cut and not (rules.nouns.get(lows[j]) or _HON_RE.match(words[j]) or lows[j] in _TIME):
        j += 1
    if j - k < 2 or j == cut or lows[j - 1] == "of" or lows[j] in place_nouns():
        return 0  # "Scotts Bluff County Sheriff": a place with its kind locates the title
    non_persons = _non_persons(str(LEXICONS / "actor_non_persons.csv"))
    if " ".join(lows[k:j]) in _non_actors(str(LEXICONS / "actor_non_actors.csv")) or any(
        lo in non_persons or _ACRONYM_RE.fullmatch(w) for lo, w in zip(lows[k:j], words[k:j], strict=True)
    ):
        return 0  # "New Jersey Gov.", "South Carolina Republican Sen.", "RNC Political Director": no body
    return j - k


@memoize(maxsize=4)
def first_names(path: str) -> dict[str, str]:
    """Variant first name -> its usual form, lower case and accent-free ('jim' -> 'james')."""
    df = read_lexicon(path, ("form", "canonical", "rationale"))
    return {
        fold(str(f).strip()): fold(str(c).strip()) for f, c in zip(df["form"], df["canonical"], strict=True)
    }


def _role(nouns: dict[str, str], lows: list[str], j: int) -> str | None:
    """The kind of the listed noun at ``lows[j]``, none for a first name that is also a document word
    just before the run's last word ("Bill Clinton", "former President Bill Clinton": his first name)."""
    kind = nouns.get(lows[j])
    if kind == "document" and j == len(lows) - 2:
        names = first_names(str(LEXICONS / "actor_first_names.csv"))
        if fold(lows[j]) in names or fold(lows[j]) in names.values():
            return None
    return kind


@memoize(maxsize=4)
def _non_actors(path: str) -> frozenset[str]:
    """Title-case phrases that name nobody ("Fake News"), lower case."""
    return frozenset(t.strip().lower() for t in read_lexicon(path, ("phrase", "rationale"))["phrase"])


@memoize(maxsize=4)
def _epithets(path: str) -> frozenset[str]:
    """Taunting nicknames written before a name ("Lyin'", "Crooked"), folded."""
    return frozenset(fold(str(t).strip()) for t in read_lexicon(path, ("epithet", "rationale"))["epithet"])


def _words(run: str) -> list[str]:
    """The words of a capitalised run, a possessive 's (or the plural's apostrophe) removed."""
    return [re.sub(r"(?<=[sS])[’']$", "", POSSESSIVE.sub("", w)) for w in run.split()]


def _group_of(lows: list[str], rules: Rules) -> int:
    """How many words of a run name an unnamed group of a body before it ("Members of the House",
    "Leaders of Congress": 3 and 2), 0 when none: a group noun or a plural title, 'of', maybe 'the'."""
    if len(lows) < 3 or lows[1] != "of":
        return 0
    if rules.type_nouns.get(lows[0]) != "group" and not _titles(rules.nouns, lows[0]):
        return 0
    return 3 if lows[2] == "the" and len(lows) > 3 else 2


def _split(words: list[str], rules: Rules) -> tuple[int, int, str]:
    """(first word, first word of the name, kind) of a run; kind 'person', 'org', 'surname' or ''."""
    lows = [w.lower() for w in words]
    k = 0
    while k < len(lows) and (lows[k] in BOUNDARY or lows[k] in DETERMINERS or lows[k] in _OPENERS):
        k += 1
    k += _group_of(lows[k:], rules)  # "Members of the House": the House
    if (
        k + 1 < len(lows)
        and lows[k].endswith("ing")
        and (_HON_RE.match(words[k + 1]) or _titles_word(lows[k + 1], rules))
    ):
        k += 1  # "Calling Mr. Trump a liar", "Praising President Obama": a participle before a title
    if k == len(words):
        return k, k, ""
    nouns = rules.nouns
    org_end = nouns.get(lows[-1]) == "org" or lows[-1].rstrip(".") in _BODY_ABBREVIATIONS
    if org_end or alias_at(rules, " ".join(words[k:])) is not None:
        return k, k, "org"
    joins = nj.join_words(str(LEXICONS / "actor_name_joins.csv"))  # "Fix the Court"; "of the": below
    join = next((j for j in range(k + 1, len(lows) - 1) if lows[j] in joins and lows[j - 1] != "of"), None)
    if join is not None and not nj.thing_word(lows[-1]):  # joined by ``_runs``; not a law ("... Act")
        after = range(join + 1, len(lows))
        if not any(nouns.get(lows[j]) == "title" or _HON_RE.match(words[j]) for j in after):
            return k, k, "org"  # "National Organization for Women"
    if len(lows) - k > 1 and _titles(nouns, lows[-1]):
        return k, k, "org"  # a body of people named by a plural title: "Conference of Catholic Bishops"
    titled = [
        j
        for j in range(k, len(lows) - 1)
        if _role(nouns, lows, j) or _HON_RE.match(words[j]) or lows[j] == "of" or _titles(nouns, lows[j])
    ]
    cut = titled[-1] + 1 if titled else k
    rest = lows[cut:]
    if len(rest) < 2 and any(nouns.get(lo) == "org" for lo in lows[k:]):
        return k, k, "org"  # "Foreign Ministry of Russia"
    if cut - k >= 2 and lows[cut - 1] == "of" and nouns.get(lows[cut - 2]) == "org":
        # "Jewish Federation of Metropolitan Chicago", "University of Southern California": a body's
        # name goes on with the place it is of, no person (unless a title follows: then no run ends here)
        if not any(nouns.get(lo) == "title" or _HON_RE.match(w) for lo, w in zip(lows, words, strict=True)):
            return k, k, "org"
    if any(_role(nouns, lows, j) or lows[j] in ("of", "the") for j in range(cut, len(lows))) or len(rest) > 4:
        return k, cut, ""
    if len(rest) == 1:
        # "Queen of Rage", "Duchess of Cambridge", "Book of Mormon": what a title is of is no name
        return k, cut, "" if lows[cut - 1] == "of" else "surname"
    return k, cut, "person"


def _segments(text: str, rules: Rules) -> list[tuple[list[str], list[tuple[int, int]], int]]:
    """The capitalised runs of a text as (words, word spans, run start), a run cut after a possessive
    unless what follows it ends in a body noun ("Steele's RNC" is two, "Russia's Foreign Ministry" one)."""
    out = []
    for run, at in _runs(text, rules):
        spans = [(w.start(), w.end()) for w in re.finditer(r"\S+", run)]
        raw = run.split()
        words = _words(run)
        lo = 0
        for j in range(len(raw) - 1):
            if raw[j] != words[j] and (
                rules.nouns.get(words[-1].lower()) != "org"
                or (POSSESSIVE.search(raw[j]) and _titled_name(words[lo : j + 1], rules))
            ):
                out.append((words[lo : j + 1], spans[lo : j + 1], at))
                lo = j + 1
        out.append((words[lo:], spans[lo:], at))
    return out


def _titled_name(words: list[str], rules: Rules) -> bool:
    """Do the words before a possessive 's end in a titled name ("President Obama", "Mr. Grimm")? Then
    what follows is the person's, never one body with them ("President Obama's State of the Union"); a
    plural's apostrophe stays inside a body ("New York State Workers' Compensation Board")."""
    return (
        len(words) > 1
        and not _title_word(words[-1], rules)
        and any(_title_word(w, rules) for w in words[:-1])
    )


def _bracket_space(m: re.Match[str]) -> str:
    """A space for an editor's closing bracket after a capitalised word opened in the same line (the text
    keeps its length, so offsets hold), else the bracket."""
    s = m.string
    opened = max(s.rfind("(", 0, m.start()), s.rfind("[", 0, m.start()))
    word = re.search(rf"(?<![\w’'\-]){UPPER}[a-z’']+$", s[max(0, m.start() - 30) : m.start()])
    closed = max(s.rfind(")", 0, m.start()), s.rfind("]", 0, m.start()), s.rfind("\n", 0, m.start()))
    return " " if word and opened > closed and m.start() - opened < 80 else m.group(0)


def _runs(text: str, rules: Rules, known: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """The capitalised runs of a text (run, start), two joined by 'for' / 'on' after a body noun ("National
    Organization for Women", not "the State Department on Friday") or by ``name_joins``, cut at a quote."""
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    end = -1
    for m in _RUN_RE.finditer(_EDITORIAL.sub(_bracket_space, text)):
        run = m.group("run")
        close = re.search(r"(?<![sS])['’](?=[ \t])", run)
        if close and re.search(r"(?:^|\s)['‘][^'‘’\n]*$", text[max(0, m.start() - 40) : m.start()]):
            # "the 'Deep State' DOJ": the word closes a quote opened before the run; two runs
            rest = re.match(r"['’][ \t]+", run[close.start() :])
            out.append((run[: close.start()], m.start()))
            out.append((run[close.start() + rest.end() :], m.start() + close.start() + rest.end()))
            end = m.end("run")
            continue
        day = run.split()[0].lower().rstrip(".") in _TIME  # "the State Department on Friday": a date
        if out and not day and re.fullmatch(r"[ \t]+(?:for|on)[ \t]+", text[end : m.start()]):
            last = _words(out[-1][0])[-1].lower()
            # "the Museum for African Art": after 'the', a capitalised noun and 'for' name one body
            named = out[-1][0].startswith("The ") or re.search(
                r"(?<![\w’'\-])the[ \t]+$", text[max(0, out[-1][1] - 5) : out[-1][1]]
            )
            if rules.nouns.get(last) == "org" or (named and rules.nouns.get(last) is None):
                out[-1] = (text[out[-1][1] : m.end("run")], out[-1][1])
                end = m.end("run")
                continue
        gap = text[end : m.start()]
        whole = text[out[-1][1] : m.end("run")] if out and not day and nj.joining(gap) else ""
        if whole and (whole in known or nj.cued(text, out[-1], gap, m.end("run"), rules)):
            out[-1], end, _ = (whole, out[-1][1]), m.end("run"), seen.add(whole)  # name_joins.py
            continue
        out.append((run, m.start()))
        end = m.end("run")
    return _runs(text, rules, frozenset(seen | known)) if seen - known else out


def _two_word_place(tail: list[str], titled: bool, rules: Rules) -> bool:
    """Are two words after a person's 'of' the place that locates them: a listed place ("New York"), or
    after a titled name ("Sen. Cory Booker of New Jersey", "Mayor Pete Buttigieg of South Bend") words
    that open with no first name or title (not "a Picture of Michele Bachmann")?"""
    if " ".join(tail).lower() in _non_actors(str(LEXICONS / "actor_non_actors.csv")):
        return True
    names = first_names(str(LEXICONS / "actor_first_names.csv"))
    first = tail[0] in rules.first_names or fold(tail[0]) in names or fold(tail[0]) in names.values()
    listed = any(
        (rules.nouns.get(w.lower()) and w.lower() not in place_nouns()) or _titles(rules.nouns, w.lower())
        for w in tail
    )
    return titled and not first and not listed


def _trim(words: list[str], spans: list[tuple[int, int]], rules: Rules) -> tuple[list[str], list]:
    """A run without trailing day or month words ("Twitter Saturday") and without a place of one or two
    words after 'of' that only locates a person ("Mark Warner of Virginia", "Cory Booker of New Jersey")."""
    while words and (words[-1].lower() in _TIME or (words[-1] == "I" and len(words) > 1)):
        words, spans = words[:-1], spans[:-1]  # a day, or the pronoun: "Lyin' Ted Cruz I do not"
    while (
        words
        and words[0].lower() in _TIME
        and not (len(words) > 1 and words[0].lower() in _MONTH_ABBREVIATIONS)
    ):
        words, spans = words[1:], spans[1:]  # a day before a name: "Thursday's Fox News debate"
    lows = [w.lower() for w in words]
    # a place of one or two words ("of Virginia", "of New York"; not "of the Senate") after a person
    if "of" in lows[1:] and len(lows) - lows.index("of", 1) - 1 in (1, 2):
        j = lows.index("of", 1)
        titles = [i for i in range(j) if rules.nouns.get(lows[i]) or _HON_RE.match(words[i])]
        head = lows[titles[-1] + 1 if titles else 0 : j]
        listed = any(rules.nouns.get(lo) or lo in DETERMINERS or lo in BOUNDARY for lo in head)
        place = not any(
            (rules.nouns.get(lo) == "org" and lo not in place_nouns()) or lo in DETERMINERS
            for lo in lows[j + 1 :]
        )  # "of the Senate" is a body; "Sheriff Adam Hayward of Deuel County": a place
        if place and len(lows) - j == 3:
            place = _two_word_place(words[j + 1 :], bool(titles), rules)
        if head and not listed and (len(head) >= 2 or titles) and place:
            words, spans = words[:j], spans[:j]
    return words, spans


def discover(text: str, rules: Rules | None = None, every: bool = False) -> list[Found]:
    """Every person and organisation mention found without an alias list, with its canonical name.

    With ``every``, also the mentions the text alone does not settle (``sure`` False): lone capitalised
    words, acronyms, and bare surnames of no full name in the text, for ``event_actors`` to weigh.
    """
    rules = _with_actor_titles(rules or load_rules())
    runs = []
    full: dict[str, str] = {}  # folded surname -> first full name
    non_persons = _non_persons(str(LEXICONS / "actor_non_persons.csv"))
    phrases = _non_actors(str(LEXICONS / "actor_non_actors.csv"))
    acting = acting_places(text, _OPENERS)  # "Nebraska and Oklahoma asked the Supreme Court": places that act
    out_inst = [Found(a, b, POSSESSIVE.sub("", n), False, n, "org", True, False, a) for a, b, n in acting]
    for words, spans, at0 in _segments(text, rules):
        words, spans = _trim(words, spans, rules)
        if not words or any(a < at0 + spans[-1][1] and at0 + spans[0][0] < b for a, b, _ in acting):
            continue
        if _names_nobody(text, words, spans, at0, rules) or nj.quoted_label(text, at0, at0 + spans[-1][1]):
            continue
        epithet = len(words) > 1 and fold(words[0]) in _epithets(str(LEXICONS / "actor_epithets.csv"))
        lead = spans[0][0]
        if epithet:
            words, spans = words[1:], spans[1:]  # "Lyin' Ted Cruz", "Crooked Hillary": the name after it
        k, cut, kind = _split(words, rules)
        if kind in ("person", "surname") and cut > k + 1 and re.fullmatch(rf"{_INITIALS}", words[k]):
            k += 1  # "U.S. Secretary of State John Kerry", "F.B.I. Director James Comey": the body is apart
        if len(words) - k == 1 and _ACRONYM_RE.fullmatch(words[k]) and every:
            continue  # "RNC", "F.B.I.": the acronym pass below
        if kind == "person" and _acronym_ended(words[k:], non_persons):
            kind, cut = "org", k  # "the New York F.B.I. office", "British GQ": no surname is an acronym
        listed = institution(words, k, non_persons, phrases, rules)
        if listed == "":
            continue  # "the California Democrat": a person described, no actor
        if listed:
            at = at0 + spans[k][0]
            written = " ".join(words[k:])
            out_inst.append(Found(at, at0 + spans[-1][1], listed, False, written, "org", True, False, at))
            continue
        if kind == "org" and len(words) - k > 1 and words[-1].lower() in place_nouns():
            continue  # "New York City's congressional delegation", "Deuel County": a place that locates
        place_word = kind != "org" and _last_word(words, k).lower() in non_persons  # "World War II": War
        if place_word and kind == "surname" and cut > k and _title_word(words[cut - 1], rules):
            place_word = nj.after_article(text, at0)  # "Mr. Washington": a surname; "the Defense Ministerial"
        if not kind or place_word:
            continue
        name = words[cut:]
        if kind != "org" and (len(name) == 1 and _PARTY_STATE.fullmatch(name[0])):
            continue  # "R-Tenn": a party and a state
        if kind == "person" and cut == k and len(name) == 2 and _NUMERAL.fullmatch(name[1]):
            continue  # "Article II", "Title IX": a part of a law; a person so named has a title or first name
        if kind != "org" and (
            _thing(name) or (cut == k and located(text, at0 + spans[k][0], at0 + spans[-1][1]))
        ):
            continue  # "Vitamin B12"; "in Mount Kisco, New York"
        initial = k == 0 and cut == 0 and _sentence_initial(text, at0 + spans[0][0])
        honorific = cut > k and bool(_HON_RE.match(words[cut - 1]))
        end = at0 + spans[-1][1]
        org = _body_before_title(words, k, cut, rules) if kind == "person" and every else 0
        unsure = False
        if not org and kind == "person" and every:
            # "Weekly Standard Editor Bill Kristol": capitalised words before the title may name a body the
            # event names elsewhere ("the Weekly Standard"); ``event_actors`` keeps it only then
            org = _name_before_title(words, k, cut, rules)
            unsure = bool(org)
        if org:
            at = at0 + spans[k][0]
            body = "body?" if unsure else "org"
            runs.append(
                (at, at0 + spans[k + org - 1][1], words[k : k + org], body, False, False, False, at, False)
            )
        start = at0 + (lead if epithet and k + org == 0 else spans[k + org][0])  # the mention keeps it
        runs.append((start, end, name, kind, initial, cut > k, honorific, at0 + spans[cut][0], epithet))
        if kind == "person":
            full.setdefault(fold(name[-1]), " ".join(name))
    out = out_inst + _founds(runs, full, rules, every)
    if every:
        out.extend(_acronyms(text, rules, out))
    lines = dateline_spans(text)
    out = [f for f in out if not any(a <= f.start < b for a, b in lines)]
    return sorted(out, key=lambda f: f.start)


def _last_word(words: list[str], k: int) -> str:
    """A run's last word, or the one before a closing numeral ("World War II": "War"; from ``k``)."""
    return words[-2] if len(words) - k > 1 and _NUMERAL.fullmatch(words[-1]) else words[-1]


def _names_nobody(text: str, words: list[str], spans: list[tuple[int, int]], at0: int, rules: Rules) -> bool:
    """Does a run name nobody: a listed title-case phrase ("Fake News"), a numbered document ("Senate
    Bill 1062", "Resolution 242"), a state in AP style ("Ariz. Gov. Jan Brewer", "Glendale, Ariz.")?"""
    lows = [w.lower() for w in words]
    k = next((j for j, w in enumerate(lows) if w not in DETERMINERS and w not in _OPENERS), len(lows))
    if " ".join(lows[k:]) in _non_actors(str(LEXICONS / "actor_non_actors.csv")):
        return True  # "Fake News", also opening a sentence with its article ("The Fake News is making")
    end = at0 + spans[-1][1]
    if rules.nouns.get(words[-1].lower()) == "document" and _NUMBER.match(text, end):
        return True
    return len(words) == 1 and words[0] + text[end : end + 1] in abbreviated()


def _acronym_ended(words: list[str], non_persons: frozenset[str]) -> bool:
    """Does a person-like run end in an acronym, so it names a body ("New York F.B.I.", "British GQ"), not
    a numeral ("Article II"), a listed place or happening word, nor a line in capitals ("DISCLOSE ACT")?"""
    last = words[-1]
    return bool(
        _ACRONYM_RE.fullmatch(last)
        and not (_NUMERAL.fullmatch(last) or last.lower() in non_persons)
        and not all(w.isupper() for w in words)
    )


def _founds(runs: list[tuple], full: dict[str, str], rules: Rules, every: bool) -> list[Found]:
    """The mentions of the runs ``discover`` kept: bodies by the alias list, persons by the text's full
    names (a lone word the text never gives a first name or title is kept unsure, with ``every`` only)."""
    out = []
    for start, end, name, kind, initial, titled, honorific, nstart, epithet in runs:
        written = " ".join(name)
        if kind in ("org", "body?"):  # "body?": one the text alone does not settle (before a title)
            a = alias_at(rules, written)
            if (a is not None and a.canonical == a.side) or (a is None and len(name) < 2):
                continue  # a country or demonym is mostly a place ("in Syria"); a bare "Group" names nobody
            out.append(Found(start, end, a.canonical if a is not None else written, False, written, "org",
                             kind == "org" or a is not None, titled, nstart))  # fmt: skip
            continue
        canonical = full.get(fold(name[-1]))
        sure = not (canonical is None and (initial or (kind == "surname" and not titled)))
        sure = sure and not (epithet and len(name) == 1)  # "Crooked Hillary": the event must know her
        if not sure and not every:
            continue  # a lone capitalised word the text never gives a first name or title: not a person
        kind = "person" if len(name) > 1 else "surname"
        out.append(
            Found(start, end, canonical or written, True, written, kind, sure, titled or honorific, nstart,
                  epithet)
        )  # fmt: skip
    return out


def _acronyms(text: str, rules: Rules, found: list[Found]) -> list[Found]:
    """Acronyms outside the names found ("RNC", "F.B.I."), not a country ("U.S."), as unsure mentions."""
    taken = [(f.name_start if f.name_start >= 0 else f.start, f.end) for f in found]
    out = []
    for m in _ACRONYM_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if _NUMERAL.fullmatch(m.group(0)) and re.search(
            r"[A-Z][a-z]+[ \t]+$", text[max(0, m.start() - 20) : m.start()]
        ):
            continue  # the numeral of "Article II", "World War II": no body
        if re.match(r"[ \t]+of[ \t]+\$?\d", text[m.end() : m.end() + 8]):
            continue  # a measure with its value ("an LDL of 118", "GDP of 3 percent"), not a body
        if re.match(r"\s*(?:-|–|—|:)", text[m.end() : m.end() + 3]) and text[
            max(0, m.start() - 1) : m.start()
        ] in ("", "\n"):
            continue  # a label opening a line ("UPDATE - May 30"), not a body
        if (
            m.group(0).lower() in BOUNDARY
            or m.group(0).lower() in DETERMINERS
            or _shouted(text, m.start(), m.end())
        ):
            continue  # a line in capitals ("THE QUEEN OF RAGE"): words, not acronyms
        written = POSSESSIVE.sub("", m.group(0))
        if _titles_word(written.lower(), rules):
            continue  # "AG Barr's": a title written in capitals, no body
        a = alias_at(rules, written)
        if (a is not None and a.canonical == a.side) or nj.thing_acronym(text, written, m.end()):
            continue  # a country; a pact the text names in full ("Trans Pacific Partnership": TPP)
        if a is None and written not in institutions(str(LEXICONS / "actor_institutions.csv")):
            if _NUMBER.match(text, end := m.start() + len(written)) and not _YEAR.match(text, end):
                continue  # "SB 1062", "HB 2": a bill by its number, no body
        actor = institutions(str(LEXICONS / "actor_institutions.csv")).get(written)
        actor = actor or (a.canonical if a else written.replace(".", ""))
        end = m.start() + len(written)
        sure = written in institutions(str(LEXICONS / "actor_institutions.csv"))
        out.append(Found(m.start(), end, actor, False, written, "acronym", sure, False, m.start()))
    for m in CALL_SIGN.finditer(text):  # "NY1's Washington reporter", "told WPIX11": a station
        if not any(a < m.end("name") and m.start() < b for a, b in taken):
            name = m.group("name")
            out.append(
                Found(m.start("name"), m.end("name"), name, False, name, "acronym", False, False, m.start())
            )
    return out


def _thing(name: list[str]) -> bool:
    """Does a person-like name hold a digit ("Vitamin B12", "Boeing 737")? People's names do not."""
    return any(c.isdigit() for w in name for c in w)


def _shouted(text: str, start: int, end: int) -> bool:
    """Is a word in capitals next to a function word in capitals ("THE QUEEN OF RAGE")?"""
    before = re.search(r"(?<![\w.])([A-Z]+)[ \t]+$", text[max(0, start - 12) : start])
    after = re.match(r"[ \t]+([A-Z]+)(?![\w.])", text[end : end + 12])
    near = [g.group(1).lower() for g in (before, after) if g]
    return any(w in BOUNDARY or w in DETERMINERS for w in near)


def one_sentence(text: str, ends: list[int], f: Found) -> bool:
    """Does a mention lie in one sentence (``ends``: the sentences' end offsets)? A break after a first
    name's initials ("George H.W. | Bush") is the splitter's; "the F.B.I. | Nothing" is a real one."""
    inner = ends[bisect.bisect_left(ends, f.start + 1) : bisect.bisect_left(ends, f.end)]
    return all(
        f.kind == "person" and re.search(r"(?:^|\b[A-Z][a-z]+\s+)(?:[A-Z]\.){1,2}\s*$", text[f.start : e])
        for e in inner
    )


def _sentence_initial(text: str, pos: int) -> bool:
    """Does a run start a sentence or a paragraph (where any word is capitalised)?"""
    before = text[max(0, pos - 3) : pos].rstrip(' \t"“')
    return not before or before[-1] in ".!?:\n"
