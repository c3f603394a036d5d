"""Actors of one event: one canonical name per actor across all of the event's articles.

``actors`` works on one text: "Trump" (one outlet), "Donald Trump" (another) and "Donald J. Trump" (a
third) come out as three actors, "Jim Mattis" and "James Mattis" as two. Here the names every article
writes are pooled first, then each mention is resolved against the whole event:

- a person's key is the first name (its usual form: ``lexicons/actor_first_names.csv``, Jim -> James,
  Sergey -> Sergei) and the surname, accents folded, middle names, initials and "Jr." ignored;
- a bare or titled surname ("Trump", "Mr. Trump") is the one full name of the event with that surname;
  with several, never one the event calls by the first name alone ("Mr. Obama" beside "Malia" and
  "Sasha" Obama is Barack Obama), "Mr." is the man and "Mrs." / "Ms." the woman (as the event's
  pronouns and honorifics after the full names tell), a bare surname none when its article names two
  of them in full, else the one the event names in full most often (none when tied);
- an acronym ("RNC", "F.B.I.") is the body of the event whose initials it is ("Republican National
  Committee"), or a body the word lists know ("FBI"); parties, chambers and groups named by an acronym
  that is no set of initials come from ``lexicons/actor_institutions.csv`` ("GOP", "ISIS");
- a lone capitalised word no article gives a first name or title ("Newsmax") is an actor when the event
  writes it two or more times, never at a sentence start only and never in lower case.

The alias list (the event's, or ``lexicons/actor_aliases.csv``) is matched first and wins, as in
``actors``; its actor names also serve as canonical names for the discovered variants.
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import re
from pathlib import Path

import pandas as pd

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS, check_str
from outlet_comparison.coverage.actors import (
    ACTOR_COLUMNS,
    alias_mentions,
    cited,
)
from outlet_comparison.coverage.discover import (
    Found,
    _epithets,
    _non_actors,
    _non_persons,
    discover,
    first_names,
    fold,
    one_sentence,
)
from outlet_comparison.coverage.event_names import _INITIAL, _Names, org_key
from outlet_comparison.instruments.attribution.rules import Rules, alias_at, load_rules
from outlet_comparison.text.names import BOUNDARY
from outlet_comparison.text.units import sentence_spans
from outlet_comparison.wordlists import read_lexicon

EVENT_ACTOR_COLUMNS = ("article", *ACTOR_COLUMNS)


def _event_texts(texts: list[str] | str) -> tuple[list[str], Path | None]:
    """The texts of an event given as a list, or by event id (then also its alias list)."""
    if isinstance(texts, str):
        from outlet_comparison.sources.events import load_articles, read_event

        event = read_event(texts)
        return load_articles(event)["text"].tolist(), event.aliases
    return list(texts), None


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does [a, b) overlap any of the sorted, non-overlapping spans?"""
    j = bisect.bisect_right(spans, (b, b)) - 1
    return any(s < b and a < e for s, e in spans[max(0, j - 1) : j + 2])


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'\-]{3,}")
# a line of more words is body text whatever its capitals (a list of titled names: "Its signatories
# include House Judiciary Committee Chairman Jerrold Nadler (D-N.Y.), ..."); headlines seen: 3 to 15 words
_HEADLINE_MAX_WORDS = 20


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines written as a title: no closing punctuation, at most 20 words, most words of four letters or more
    capitalised ("Kathy Griffin Apologizes For Controversial Images Of Bloodied Trump Head").

    >>> headline_spans("Trump Lashes Out at Kathy Griffin and Democrats\\n\\nTrump said so.")
    [(0, 47)]
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        long = _HEADLINE_WORD.findall(line)
        if (
            len(long) >= 3
            and len(line.split()) <= _HEADLINE_MAX_WORDS
            and line[-1] not in '.!?"”:;,'
            and sum(w[0].isupper() for w in long) >= 0.7 * len(long)
        ):
            out.append((m.start(), m.end()))
    return out


def _article_finds(text: str, alias_rows: pd.DataFrame, rules: Rules) -> tuple[list[Found], pd.DataFrame]:
    """The discovered mentions of one article that no alias match covers (titles cut where they do), and
    the alias rows left when a discovered body of two or more words contains an alias ("U.S." in "U.S.
    Conference of Catholic Bishops", "United States" in "United States Senate"), or a listed phrase that
    names nobody does, in any case ("America" in "we must make America great again"), or a quoted title
    does ("an “America’s Next Top Model” challenge")."""
    spans = sentence_spans(text)
    ends = [e for _, e in spans]
    finds = [f for f in discover(text, rules, every=True) if one_sentence(text, ends, f)]
    bodies = [(f.start, f.end) for f in finds if f.kind == "org" and f.sure and len(f.name.split()) > 1]
    bodies += [m.span() for m in _phrases_regex(str(LEXICONS / "actor_non_actors.csv")).finditer(text)]
    bodies += quoted_titles(text)
    inside = [
        any(a <= s and e <= b and (a, b) != (s, e) for a, b in bodies)
        for s, e in zip(alias_rows["start"], alias_rows["end"], strict=True)
    ]
    alias_rows = alias_rows.iloc[[i for i, x in enumerate(inside) if not x]]
    taken = sorted(zip(alias_rows["start"], alias_rows["end"], strict=True))
    acro = [(f.start, f.end) for f in finds if f.kind == "acronym"]
    out = []
    for f in finds:
        start = f.start
        if f.person and f.name_start > f.start and any(f.start <= a < f.name_start for a, _ in acro):
            start = f.name_start  # "GOP Rep. Paul Ryan": the party is its own mention
        if _overlaps(taken, start, f.end):
            if f.name_start > start and not _overlaps(taken, f.name_start, f.end):
                start = f.name_start  # "White House Counsel Don McGahn": the alias keeps its words
            else:
                continue
        out.append(dataclasses.replace(f, start=start))
    return out, alias_rows


# a quotation opening on a capital and closing on no space: “America’s Next Top Model”
_QUOTED = re.compile(r"[“\"](?=[A-Z])([^”\"\n]{5,120}?)(?<=\S)[”\"]")
_TITLE_SMALL = frozenset("a an the and or nor of for to in on at by with from as".split())


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """Quotations written as a title of a work (a show, a book, an article): three or more words, each
    capitalised or a small word, no digit, no closing punctuation inside ("“America’s Next Top Model”";
    not the persona "“Guccifer 2.0”").

    >>> quoted_titles('an “America’s Next Top Model” challenge. “Stop lying!” Fox wrote.')
    [(3, 29)]
    """
    out = []
    for m in _QUOTED.finditer(text):
        words = re.findall(r"[\w’'\-]+", m.group(1))
        if (
            len(words) >= 3
            and m.group(1)[-1] not in ".,!?;:"
            and all(w[0].isupper() or w in _TITLE_SMALL for w in words)
        ):
            out.append(m.span())
    return out


@memoize(maxsize=4)
def _phrases_regex(path: str) -> re.Pattern[str]:
    """The listed phrases of two or more words that name nobody (``actor_non_actors.csv``), any case."""
    phrases = sorted((p for p in _non_actors(path) if " " in p), key=len)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in reversed(phrases))
    return re.compile(rf"(?<![\w’'\-])(?:{body})(?![\w’'])", re.IGNORECASE)


def _split_headlines(text: str, finds: list[Found]) -> tuple[list[Found], list[Found]]:
    """The finds of the body and those of title-case headline lines and quoted titles ("“Tucker Carlson
    Tonight”", "“America’s Next Top Model”"): these name only people and bodies the event names elsewhere."""
    heads = headline_spans(text) + quoted_titles(text)
    inside = [any(a <= f.start and f.end <= b for a, b in heads) for f in finds]
    return [f for f, h in zip(finds, inside, strict=True) if not h], [
        f for f, h in zip(finds, inside, strict=True) if h
    ]


_WIFE = re.compile(r"\b(?:Mrs|Ms|Miss)\.?\s*$")
_MR = re.compile(r"\bMr\.?\s*$")
_HE = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s*$")
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z][a-z]")  # a brand or name written in camel case ("ForAmerica")
# "Bill and Hillary Clinton": a first name, 'and', then a full name (the couple's surname)
_COUPLE = re.compile(r"(?<![\w’'\-])([A-Z][a-z’'\-]+)[ \t]+(?:and|&)[ \t]+$")
_MISTER = re.compile(r"\bMr\.?\s+([A-Z][\w’'\-]+)")
_MISSUS = re.compile(r"\b(?:Mrs|Ms|Miss)\.?\s+([A-Z][\w’'\-]+)")
_LOCATIVE = frozenset("in at near outside inside around across into from to of".split())


def _lone_words(texts: list[str]) -> tuple[collections.Counter, collections.Counter, set[str]]:
    """Capitalised words not at a sentence start, counted over the event; a place score (2 per mention
    after a locative preposition: "in Hangzhou", "the city of Aleppo"; 1 per mention before a lower-case
    noun: "the Northfield harbour"); every word written in lower case."""
    caps: collections.Counter = collections.Counter()
    places: collections.Counter = collections.Counter()
    lower: set[str] = set()
    for t in texts:
        found = list(re.finditer(r"(?<![\w’'\-])([\w’'\-]+)", t))
        for n, m in enumerate(found):
            w = m.group(1)
            if w[0].islower():
                lower.add(fold(w))
            elif w[0].isupper():
                before = t[max(0, m.start() - 3) : m.start()].rstrip(' \t"“')
                if before and before[-1] not in ".!?:\n":
                    key = re.sub(r"['’]s?$", "", w)
                    caps[key] += 1
                    prev = found[n - 1].group(1).lower() if n else ""
                    nxt = found[n + 1] if n + 1 < len(found) else None
                    modifier = (
                        nxt is not None
                        and not t[m.end() : nxt.start()].strip()
                        and nxt.group(1)[0].islower()
                        and nxt.group(1) not in BOUNDARY
                        and key == w
                    )
                    places[key] += 2 if prev in _LOCATIVE else 1 if modifier else 0
    return caps, places, lower


def _genders(texts: list[str], finds: list[list[Found]], inv: _Names) -> dict[tuple[str, str], str]:
    """Each person's gender as the event writes it, where it does: 'm' or 'f' by the honorifics before
    the full name ("Mr. Bill Clinton") and the first he/his/him or she/her after it in its sentence, no
    other name between ("Hillary Rodham Clinton on Friday released her returns"); a majority of these."""
    votes: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for text, fs in zip(texts, finds, strict=True):
        ends = [e for _, e in sentence_spans(text)]
        names = [f.start for f in fs if f.person]
        for f in fs:
            key = inv.key(f.name) if f.kind == "person" else None
            if key not in inv.person:
                continue
            before = text[f.start : f.name_start]
            if _MR.search(before) or _WIFE.search(before):
                votes[key][0 if _MR.search(before) else 1] += 1
            stop = min([ends[min(bisect.bisect_right(ends, f.start), len(ends) - 1)]]
                       + [s for s in names if s >= f.end])  # fmt: skip
            m = _HE.search(text, f.end, max(f.end, stop))
            if m:
                votes[key][0 if m.group(1) else 1] += 1
    return {k: "m" if m > w else "f" for k, (m, w) in votes.items() if m != w}


def _written_lower(name: str, texts: list[str]) -> bool:
    """Does any text write a name of two or more words all in lower case ("mainstream media")?"""
    pattern = r"(?<![\w’'\-])" + r"\s+".join(re.escape(w) for w in name.lower().split()) + r"(?![\w’'])"
    return any(re.search(pattern, t) for t in texts)


# a place's usual position: right after a locative preposition ("campaigning in San Francisco on Sunday")
_AT_PLACE = re.compile(r"(?<![\w’'\-])(?:in|at|near|outside)[ \t]+$")


def _place_names(texts: list[str], finds: list[list[Found]], names: dict[str, str]) -> set[str]:
    """Two-word names the event writes only right after 'in', 'at', 'near' or 'outside', never titled,
    whose first word is no first name (of either list) and whose last word it never writes alone ("a
    campaign stop in Las Vegas", "campaigning in San Francisco on Sunday"): places, no actors."""
    firsts = set(names) | set(names.values()) | {fold(n) for n in load_rules().first_names}
    lone = {fold(f.name) for fs in finds for f in fs if f.kind == "surname"}
    where: dict[str, list[bool]] = collections.defaultdict(list)
    for text, fs in zip(texts, finds, strict=True):
        for f in fs:
            if f.kind == "person" and len(f.name.split()) == 2:
                at = not f.titled and bool(_AT_PLACE.search(text[max(0, f.start - 8) : f.start]))
                where[f.name].append(at)
    return {
        n
        for n, at in where.items()
        if all(at) and fold(n.split()[0]) not in firsts and fold(n.split()[1]) not in lone
    }


def _read_names(texts: list[str], finds: list[list[Found]], names: dict[str, str]) -> list[list[Found]]:
    """The finds with two event-level readings applied: a couple sharing a surname ("Bill and Hillary
    Clinton": "Bill" is Bill Clinton when Bill is a first name, of the event or the first-name list, and
    no surname of the event), and no person whose name the event also writes in lower case ("Mainstream
    Media" beside "the mainstream media"), nor one named once, untitled, whose surname the event writes
    as a common noun ("Armour Thyroid" beside "underactive thyroids"), nor a place (``_place_names``)."""
    persons = [f for fs in finds for f in fs if f.kind == "person"]
    surnames = {fold(f.name.split()[-1]) for f in persons}
    firsts = ({fold(f.name.split()[0]) for f in persons} | set(names) | set(names.values())) - surnames
    common = {f.name for f in persons if _written_lower(f.name, texts)}
    common |= _place_names(texts, finds, names)  # "in Las Vegas"
    # "Armour Thyroid" beside "underactive thyroids": a name given once, with no title, whose last word
    # the event writes as a common noun (or its plural) is a product or a term, no person
    words = {fold(w) for t in texts for w in re.findall(r"(?<![\w’'\-])[a-z][a-z’'\-]*", t)}
    once = collections.Counter(f.name for f in persons)
    common |= {
        f.name
        for f in persons
        if f.kind == "person" and not f.titled and once[f.name] == 1 and len(f.name.split()) == 2
        and {fold(f.name.split()[-1]), fold(f.name.split()[-1]) + "s"} & words
    }  # fmt: skip
    out = []
    for text, fs in zip(texts, finds, strict=True):
        keep = [f for f in fs if f.name not in common]
        for g in [f for f in keep if f.kind == "person" and len(f.name.split()) == 2]:
            m = _COUPLE.search(text[max(0, g.start - 40) : g.start])
            if m is None or fold(m.group(1)) not in firsts:
                continue
            start = g.start - len(m.group(0))
            name = f"{m.group(1)} {g.name.split()[1]}"
            keep = [f for f in keep if not (f.start < start + len(m.group(1)) and start < f.end)]
            keep.append(Found(start, start + len(m.group(1)), name, True, name, "person", True, False, start))
        out.append(sorted(keep, key=lambda f: f.start))
    return out


# a possessive determiner or "&" before a capitalised word: part of a name read without it ("Our
# Principles", "Standard & Poor's")
_OWNED = re.compile(r"(?:(?<![\w’'\-])(?:[Oo]ur|[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|&)[ \t]+$")
_OPEN_LIST = re.compile(r"[A-Z][\w’'\-]*,[ \t]+$")
# what joins the members of a list ("Marriott, Apple and American Airlines")
_LIST_JOIN = re.compile(r",?[ \t]+(?:and|or)[ \t]+|,[ \t]+")
# an appositive after a name, its head noun before punctuation or a relative or preposition ("Healthalicious,
# the restaurant that ...", "X, a conservative website in ...")
_APPOSITIVE = re.compile(
    r",[ \t]+(?:the|a|an)[ \t]+(?:[a-z\-]+[ \t]+){0,2}?(?P<noun>[a-z]+)"
    r"(?=[,.;:]|[ \t]+(?:that|which|whose|in|on|at|of|near|owned|run|based|founded)\b)"
)


@memoize(maxsize=4)
def _body_nouns(path: str) -> frozenset[str]:
    """Nouns that make the name an appositive follows a body ("restaurant", ``actor_body_nouns.csv``)."""
    return frozenset(str(t).strip().lower() for t in read_lexicon(path, ("noun", "rationale"))["noun"])


def _body_like(text: str, finds: list[Found], inv: _Names, rules: Rules) -> set[int]:
    """The starts of lone capitalised words a body's context names even once: a member of a list holding two
    or more bodies of the event and no word the event writes in lower case ("corporations like Marriott,
    Apple and American Airlines"), or a word an appositive calls a business or a body ("Healthalicious,
    the restaurant that ...", not "Our Principles, a group ...": the name is more than the word)."""
    nouns = _body_nouns(str(LEXICONS / "actor_body_nouns.csv"))
    out: set[int] = set()
    lists: list[list[Found]] = []
    for f in sorted(finds, key=lambda f: f.start):
        if lists and _LIST_JOIN.fullmatch(text, lists[-1][-1].end, f.start):
            lists[-1].append(f)
        else:
            lists.append([f])
        if f.kind == "surname" and not f.titled and not _OWNED.search(text, max(0, f.start - 8), f.start):
            # a word after "&" or a possessive determiner is part of a longer name ("Standard & Poor's")
            m = _APPOSITIVE.match(text, f.end)
            if m and (m.group("noun") in nouns or rules.nouns.get(m.group("noun")) == "org"):
                out.add(f.start)
    for members in (ms for ms in lists if len(ms) > 2):
        bodies = [
            f
            for f in members
            if (f.kind == "org" and f.sure) or (f.kind == "surname" and inv.first_word.get(fold(f.name)))
        ]
        common = any(f.kind == "surname" and fold(f.name) in inv.lower for f in members)
        # not "departments including History, Government, Philosophy, ...": a capitalised word before the
        # first member that is no mention opens the list, so it holds more than names
        common = common or bool(_OPEN_LIST.search(text, max(0, members[0].start - 40), members[0].start))
        if len(bodies) >= 2 and not common:
            out |= {
                f.start
                for f in members
                if f.kind == "surname"
                and not f.titled
                and not _OWNED.search(text, max(0, f.start - 8), f.start)
            }
    return out


def _acronym_actor(
    f: Found, inv: _Names, caps: collections.Counter, lower: set[str], rules: Rules, non: frozenset[str]
) -> str | None:
    """The actor of an acronym: a listed one, the event's body of those initials or of that name ("RNC"
    beside the Republican National Committee, "NBC" beside "NBC News"), an alias; none when listed as
    no actor or written in lower case ("TV"; "THE" of a headline in capitals), or short and once."""
    if f.sure:
        return f.actor
    body = inv.by_initials.get(f.actor.replace(".", "")) or inv.org.get(org_key(f.actor))
    if body:
        return body
    known = alias_at(rules, f.name)
    if known is not None:
        return known.canonical
    if f.actor.lower() in non or fold(f.actor) in lower:
        return None
    return f.actor if len(f.actor) >= 3 or caps[f.actor] >= 2 else None


def _resolve(
    f: Found,
    inv: _Names,
    caps: collections.Counter,
    places: collections.Counter,
    lower: set[str],
    rules: Rules,
    gender: str = "",
    honorific: bool = False,
    here: frozenset = frozenset(),
    both: bool = False,
    wife_here: bool = False,
    alone: collections.Counter | None = None,
    body_like: bool = False,
) -> str | None:
    """The event-level canonical actor of one discovered mention, or None when it names no actor.

    ``gender``, ``here``, ``both``, ``wife_here``: as in ``_Names.surname``; ``honorific``: "Mr.",
    "Mrs.", "Ms.", "Dr." stand before the name (then a lone word is a surname, never a first name:
    "President Barack" is Barack Obama, "Mr. James" no James of the event). ``alone``: how often the
    event writes each lone word on its own (not inside a longer name: "Congressional" in "the
    appropriate Congressional committees" once, and in "Democratic Congressional Campaign Committee").
    ``body_like``: a list or an appositive calls the lone word a body (``_body_like``): named once is enough.
    """
    if f.kind == "person":
        return inv.person[inv.key(f.name)]
    if f.kind == "org":
        if not f.sure and org_key(f.actor) not in inv.org:
            # "Weekly Standard Editor Bill Kristol": a body only where the event names it on its own
            return inv.person.get(inv.key(f.name)) if len(f.name.split()) > 1 else None
        return inv.org.get(org_key(f.actor), f.actor)
    non = _non_actors(str(LEXICONS / "actor_non_actors.csv")) | _non_persons(
        str(LEXICONS / "actor_non_persons.csv")
    )
    if f.kind == "acronym":
        return _acronym_actor(f, inv, caps, lower, rules, non)
    word = f.name
    if len(word) < 2 or _INITIAL.match(word):
        return None  # an initial ("[W]e have heard"): never a surname, nor "W. Douglas Parker" by his first
    if word[-1:] == "s" and fold(word[:-1]) in inv.by_surname and fold(word) not in inv.by_surname:
        return None  # "the Obamas", "the Clintons": a family, no one actor
    full = inv.surname(f.name, gender, here, both, wife_here) or (
        None if honorific else inv.first_name(f.name)
    )
    if full:
        return full  # "Trump" -> Donald Trump; "Kathy" -> Kathy Griffin when she is the event's one Kathy
    if inv.rivals(inv.by_surname.get(fold(word), []), here):
        return None  # "Clinton" where the article names Hillary and Bill Clinton: not clear which
    if f.epithet or fold(word) in _epithets(str(LEXICONS / "actor_epithets.csv")):
        return None  # "Little Rock", a quoted "Crooked": a taunt only before a name the event knows
    listed = word.lower() in non and not f.titled  # "President Washington": a title makes it a surname
    if fold(word) in lower or listed:
        return None  # a common word written with a capital ("Strategy"), a listed non-actor
    if any(c.isdigit() for c in word):
        return None  # "G20", "F-35": a meeting or a thing
    plural = alias_at(rules, word[:-1]) if word.endswith("s") else None
    if plural is not None and plural.canonical == plural.side:
        return None  # "Mexicans", "Americans": a people (a country's demonym in the plural), no actor
    body = inv.first_word.get(fold(word))
    if body:
        return body  # "Georgetown" where the event names "Georgetown University"
    if f.titled or f.sure:
        return word
    a = alias_at(rules, word)
    if a is not None:
        return None if a.canonical == a.side else a.canonical
    # named twice or more (or once, written in camel case: "ForAmerica", "YouTube"), and not mostly
    # where things happen (all mentions modifiers: a place too)
    # place and modifier mentions weighed against those on its own: "Congressional" once alone, before a
    # noun ("the appropriate Congressional committees"), is an adjective whatever longer names hold it
    own = caps[word] if alone is None else min(caps[word], alone[word])
    return word if (caps[word] >= 2 or _CAMEL.match(word) or body_like) and places[word] < own else None


_OF_NAME = re.compile(r"([A-Z][a-z]+) of ((?:(?:al|el)-)?[A-Z][\w’'\-]+)")


def _of_person(text: str, f: Found, inv: _Names) -> Found:
    """A body-like run of one word, 'of' and a surname of the event whose first word the event writes in
    lower case ("News of Mattis’ departure") is that surname's mention; any other find as it is."""
    m = _OF_NAME.fullmatch(f.name) if f.kind == "org" else None
    if m is None or fold(m.group(1)) not in inv.lower or fold(m.group(2)) not in inv.by_surname:
        return f
    start = f.start + text[f.start : f.end].rindex(m.group(2))
    return dataclasses.replace(f, start=start, name_start=start, actor=m.group(2), name=m.group(2),
                               kind="surname", sure=False, person=True)  # fmt: skip


def event_actors(
    texts: list[str] | str,
    aliases: Path | str | None = None,
) -> pd.DataFrame:
    """One row per actor mention of an event: article index, canonical actor, mention, sentence, offsets,
    side, quoted. Canonical names are resolved across all of the event's articles (module docstring).

    ``texts``: the articles' texts, or an event id (its articles and, unless ``aliases`` is given, its
    alias list).

    >>> texts = ["President Trump said Mr. Flynn lied.", "Donald Trump met Michael T. Flynn.",
    ...          "Donald J. Trump and Gen. Michael Flynn spoke."]
    >>> df = event_actors(texts)
    >>> sorted(set(df.actor))
    ['Donald Trump', 'Michael Flynn']
    >>> df.groupby("actor").article.nunique().tolist()
    [3, 3]
    """
    texts, event_aliases = _event_texts(texts)
    for t in texts:
        check_str(t)
    aliases = aliases if aliases is not None else event_aliases
    rules = load_rules()
    alias_rows = [pd.DataFrame(alias_mentions(t, aliases), columns=list(ACTOR_COLUMNS)) for t in texts]
    pairs = [_article_finds(t, a, rules) for t, a in zip(texts, alias_rows, strict=True)]
    finds, alias_rows = [p[0] for p in pairs], [p[1] for p in pairs]
    alias_actors = set().union(*(set(a["actor"]) for a in alias_rows)) if alias_rows else set()
    names = first_names(str(LEXICONS / "actor_first_names.csv"))
    finds = _read_names(texts, finds, names)
    split = [_split_headlines(t, fs) for t, fs in zip(texts, finds, strict=True)]
    inv = _Names([b for b, _ in split], alias_actors, names)
    caps, places, lower = _lone_words(texts)
    alone = collections.Counter(f.name for body, _ in split for f in body if f.kind == "surname")
    mister = {fold(m.group(1)) for t in texts for m in _MISTER.finditer(t)}
    missus = {fold(m.group(1)) for t in texts for m in _MISSUS.finditer(t)}
    inv.gender = _genders(texts, [b for b, _ in split], inv)
    inv.lower = lower
    inv.first_named = {
        k
        for body, _ in split
        for f in body
        if f.kind == "surname" and not f.titled and (k := inv.first_key(f.name)) is not None
    }
    rows = []
    for i, (text, arows, (body, heads)) in enumerate(zip(texts, alias_rows, split, strict=True)):
        rows.extend((i, *r) for r in arows.itertuples(index=False, name=None))
        spans = sentence_spans(text)
        starts = [s for s, _ in spans]
        here = frozenset(inv.key(f.name) for f in body if f.kind == "person")
        wives = {fold(m.group(1)) for m in _MISSUS.finditer(text)} - {
            fold(m.group(1)) for m in _MISTER.finditer(text)
        }
        body_like = _body_like(text, body, inv, rules)
        for f in sorted((_of_person(text, g, inv) for g in body + heads), key=lambda f: f.start):
            known = f.kind not in ("person", "org") or (
                inv.key(f.name) in inv.person if f.kind == "person" else org_key(f.actor) in inv.org
            )
            before = text[f.start : f.name_start]
            gender = "m" if _MR.search(before) else "f" if _WIFE.search(before) else ""
            hon = bool(_HONORIFIC.search(before))
            resolve = f in body or known
            both = fold(f.name) in mister and fold(f.name) in missus
            args = (gender, hon, here, both, fold(f.name) in wives and not f.titled)  # a bare "Trump"
            listed = f.start in body_like
            actor = _resolve(f, inv, caps, places, lower, rules, *args, alone, listed) if resolve else None
            k = bisect.bisect_right(starts, f.start) - 1
            if actor is None or k < 0:
                continue
            s0, s1 = spans[k]
            a = None if f.person else alias_at(rules, actor)
            side = a.side if a is not None and a.side else "other"
            rows.append((i, actor, text[f.start : f.end], k, f.start, f.end, side, False))
    out = pd.DataFrame(sorted(rows, key=lambda r: (r[0], r[4])), columns=list(EVENT_ACTOR_COLUMNS))
    flags = []  # cited as the sourcing instrument reads it (rows are in article, then text order)
    for i, text in enumerate(texts):
        here = out[out["article"] == i]
        flags += cited(text, here["start"].tolist(), here["end"].tolist())
    out["quoted"] = pd.Series(flags, index=out.index, dtype=bool)
    types = {"article": "int64", "sentence": "int64", "start": "int64", "end": "int64", "quoted": "bool"}
    return out.astype(types)


def _event_mentions(texts: dict[str, str], aliases: Path | str | None) -> pd.DataFrame:
    """``event_actors`` of the outlets' texts with an ``outlet`` column."""
    outlets = list(texts)
    df = event_actors(list(texts.values()), aliases)
    return df.assign(outlet=[outlets[i] for i in df["article"]])


def actor_table(texts: dict[str, str], aliases: Path | str | None = None) -> pd.DataFrame:
    """Per outlet and actor: side, mentions, quoted mentions and sentences with a mention (actors named
    once for the whole event: ``event_actors``)."""
    cols = ["outlet", "actor", "side", "mentions", "quoted", "sentences"]
    df = _event_mentions(texts, aliases)
    if df.empty:
        return pd.DataFrame(columns=cols)
    g = df.groupby(["outlet", "actor", "side"], sort=True)
    out = g.agg(mentions=("mention", "size"), quoted=("quoted", "sum"), sentences=("sentence", "nunique"))
    return out.reset_index()[cols].astype({"mentions": "int64", "quoted": "int64", "sentences": "int64"})


def name_variants(texts: dict[str, str], aliases: Path | str | None = None) -> pd.DataFrame:
    """Per actor, the surface forms each outlet uses (actors named differently by the outlets; actors
    named once for the whole event: ``event_actors``)."""
    cols = ["actor", "side", "outlet", "forms", "mentions"]
    rows = []
    df = _event_mentions(texts, aliases)
    for outlet in texts:
        act = df[df["outlet"] == outlet]
        for (actor, side), g in act.groupby(["actor", "side"], sort=True):
            forms = g["mention"].str.replace(r"\s+", " ", regex=True).value_counts()
            rows.append((actor, side, outlet, "; ".join(f"{f} ({n})" for f, n in forms.items()), len(g)))
    return pd.DataFrame(rows, columns=cols)
