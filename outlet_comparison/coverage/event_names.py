"""The names of one event's people and bodies: the keys that say two written names are one actor, and
the event's inventory (``_Names``) that ``event_actors`` resolves each mention against.

- a person's key is the usual first name (``lexicons/actor_first_names.csv``) and the surname, accents
  folded, middle names, initials and "Jr." ignored; spellings that sound alike are one person
  (``sound_key``: "Muammar al-Qaddafi", "Moammar Gadhafi");
- a body's key drops case, dots, "the", a possessive and a last word naming the same body ("NBC News"
  = "NBC": ``lexicons/actor_body_suffixes.csv``); its acronym is its initials ("USCCB").
"""

from __future__ import annotations

import collections
import re

from outlet_comparison.cache import memoize
from outlet_comparison.core import LEXICONS
from outlet_comparison.coverage.discover import Found, fold
from outlet_comparison.wordlists import read_lexicon

_SUFFIX = frozenset("jr jr. sr sr. ii iii iv".split())
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}")
_SMALL = frozenset("of the and for on in & de".split())


def person_key(name: str, names: dict[str, str]) -> tuple[str, str]:
    """(usual first name, surname) of a written name, accents folded, initials and suffixes ignored.

    >>> names = {"jim": "james"}
    >>> person_key("Jim N. Mattis", names) == person_key("James Mattis", names) == ("james", "mattis")
    True
    >>> person_key("Robert S. Mueller III", names)
    ('robert', 'mueller')
    """
    words = [w for w in name.split() if w.lower() not in _SUFFIX]
    words = [w for k, w in enumerate(words) if k == 0 or k == len(words) - 1 or not _INITIAL.match(w)]
    first = fold(words[0].rstrip("."))
    return (names.get(first, first) if len(words) > 1 else "", fold(words[-1]))


def middle(name: str) -> str:
    """The middle initials of a written full name, "" when none ("George H.W. Bush" -> "H.W.").

    >>> middle("George H.W. Bush"), middle("George W. Bush"), middle("George Bush")
    ('H.W.', 'W.', '')
    """
    words = [w for w in name.split() if w.lower() not in _SUFFIX]
    return " ".join(w for w in words[1:-1] if _INITIAL.match(w))


def org_key(name: str) -> str:
    """A body's name compared without case, dots, 'the', a possessive or a last word naming the same body
    ('U.S.' = 'United States', 'NBC News' = 'NBC'), a department by its short name ('Department of
    Justice' = 'Justice Dept.' = 'Justice Department')."""
    s = re.sub(r"\bU\.?S\.?(?=\s|$)", "United States", name)
    s = re.sub(r"\bDept\b\.?", "Department", s)  # "Justice Dept."
    s = re.sub(r"^(?:[Tt]he\s+)?Department\s+of\s+(?:the\s+)?(\w+)$", r"\1 Department", s)
    s = re.sub(r"['’]s?$", "", s.replace(".", ""))
    words = [w for w in fold(s).split() if w != "the"]
    if len(words) > 1 and words[-1] in _body_suffixes(str(LEXICONS / "actor_body_suffixes.csv")):
        words = words[:-1]  # "NBC News" = "NBC", "Apple Inc." = "Apple" (``actor_body_suffixes.csv``)
    return " ".join(words)


@memoize(maxsize=4)
def _body_suffixes(path: str) -> frozenset[str]:
    """Last words that name the same body as the words before them ("News", "Inc."), lower case."""
    return frozenset(str(t).strip().lower() for t in read_lexicon(path, ("term", "rationale"))["term"])


def initials(name: str) -> str:
    """The acronym a body's name gives ('U.S. Conference of Catholic Bishops' -> 'USCCB'); a department
    by its short name gives its formal name's ('Justice Department' -> 'DOJ', 'Department of Justice').

    >>> initials("U.S. Conference of Catholic Bishops"), initials("Justice Department")
    ('USCCB', 'DOJ')
    """
    dept = re.fullmatch(r"(\w+) Department", name)
    if dept:
        return f"DO{dept.group(1)[0].upper()}"
    s = re.sub(r"\bU\.?S\.?(?=\s|$)", "U S", name)
    return "".join(w[0].upper() for w in s.split() if w.lower() not in _SMALL and w[0].isalpha())


_PARTICLE = re.compile(r"^(?:al|el)-")


def sound_key(name: str) -> str:
    """A name's sound as transliterations spell it apart: folded, no Arabic article, q/g/c as k, an h
    after a consonant and doubled letters dropped, each run of vowels one 'a'.

    >>> sound_key("al-Qaddafi") == sound_key("Gadhafi"), sound_key("Muammar") == sound_key("Moammar")
    (True, True)
    """
    s = _PARTICLE.sub("", fold(name))
    s = re.sub(r"[qgc]", "k", s)
    s = re.sub(r"(?<=[^aeiouy])h", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiouy]+", "a", s)


def _fuller(short: str, long: str) -> bool:
    """Is ``long`` a fuller name of the body ``short`` names (org keys): three or more words of ``short``
    in order among its words, the same head noun last, more words not only before them ("Super Bowl
    Committee" in "Arizona Super Bowl Host Committee"; a name ending in ``short`` is the tails rule's)?

    >>> _fuller("super bowl committee", "arizona super bowl host committee")
    True
    >>> _fuller("super bowl committee", "arizona super bowl committee")  # the tails rule's
    False
    >>> _fuller("house committee", "house ethics committee")  # two words: too few to tell
    False
    """
    s, w = short.split(), long.split()
    if len(s) < 3 or len(w) <= len(s) or s[-1] != w[-1] or long.endswith(" " + short):
        return False
    it = iter(w)
    return all(x in it for x in s)


_BLEND = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")


def blend_of(blend: str, name: str) -> bool:
    """Is a camel-case word a blend of a body's words, each part opening its word in order and one part
    shorter than its word ("HuffPost" of "Huffington Post"; not "YouTube" of "You Tube")?

    >>> blend_of("HuffPost", "Huffington Post"), blend_of("HuffPost", "The Huffington Post Co")
    (True, False)
    """
    parts = re.findall(r"[A-Z][a-z]+", blend)
    words = [w for w in name.split() if w.lower() != "the"]
    return (
        len(words) == len(parts) > 1
        and all(w.lower().startswith(p.lower()) for p, w in zip(parts, words, strict=True))
        and any(len(w) > len(p) for p, w in zip(parts, words, strict=True))
    )


def _split_initials(forms: dict[tuple[str, str], collections.Counter]) -> set[tuple[str, str]]:
    """The person keys whose full names carry two different middle initials ("George H.W. Bush", "George
    W. Bush"), their forms moved (in place) to one key per initials (``_Names._apart_key``)."""
    apart = {k for k, c in forms.items() if len({middle(f) for f in c} - {""}) > 1}
    for key in apart:
        for f, n in forms.pop(key).items():
            forms[_Names._apart_key(key, f)][f] += n
    return apart


class _Names:
    """The event's name inventory: persons by key and surname, bodies by key and initials."""

    def __init__(self, finds: list[list[Found]], alias_actors: set[str], names: dict[str, str]) -> None:
        self.names = names
        forms: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
        self.preferred: dict[tuple[str, str], str] = {}
        for a in alias_actors:
            if len(a.split()) > 1:
                self.preferred.setdefault(person_key(a, names), a)
        for fs in finds:
            for f in fs:
                if f.kind == "person":
                    forms[person_key(f.name, names)][f.name] += 1
        self.apart = _split_initials(forms)  # "George H.W. Bush" and "George W. Bush": two people
        self.merged: dict[tuple[str, str], tuple[str, str]] = {}
        for key, c in list(forms.items()):  # "Lyin' Ted Cruz", "Meet Melania Trump": a known name at the end
            tails = {person_key(" ".join(f.split()[-2:]), names) for f in c if len(f.split()) > 2}
            tail = next((t for t in tails if t != key and t in forms), None)
            if tail is not None:
                self.merged[key] = tail
                forms[tail][max(forms[tail], key=forms[tail].__getitem__)] += sum(c.values())
                del forms[key]
        sounds = collections.defaultdict(list)  # "Muammar al-Qaddafi", "Moammar Gadhafi": one person
        for key in forms:
            if key[0] and len(re.sub("[a*]", "", sound_key(key[1]))) >= 3:
                sounds[(sound_key(key[0]), sound_key(key[1]))].append(key)
        self.by_sound: dict[str, list[tuple[str, str]]] = {}  # a surname spelt several ways, by its sound
        for group in (g for g in sounds.values() if len(g) > 1):
            main = max(group, key=lambda k: (sum(forms[k].values()), k))
            self.by_sound[sound_key(main[1])] = [main]
            for key in group:
                if key != main:
                    self.merged[key] = main
                    forms[main].update(forms.pop(key))
        self.merged = {k: self.merged.get(v, v) for k, v in self.merged.items()}
        self.person: dict[tuple[str, str], str] = {}
        self.full_count: dict[tuple[str, str], int] = {}
        self.by_surname: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
        for key, c in forms.items():
            plain = [f for f in c if len(f.split()) == 2]  # "Donald Trump" before "Donald J. Trump"
            usual = key[0]  # on a tie, the usual first name ("James" before "Jim"), then the shorter form
            best = max(plain or c, key=lambda f: (c[f], fold(f.split()[0]) == usual, -len(f)))
            self.person[key] = self.preferred.get(key, best)
            self.full_count[key] = sum(c.values())
            self.by_surname[key[1].split("/")[0]].append(key)  # "bush/H.W." is a Bush
        for key, main in self.merged.items():  # "Gadhafi" and "Qaddafi" for Muammar al-Qaddafi
            for surname in {key[1], _PARTICLE.sub("", key[1]), _PARTICLE.sub("", main[1])}:
                if main in forms and main not in self.by_surname[surname]:
                    self.by_surname[surname].append(main)
        orgs: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for fs in finds:
            for f in fs:
                if f.kind == "org" and f.sure:
                    orgs[org_key(f.actor)][f.actor] += 1
        self.org = {k: c.most_common(1)[0][0] for k, c in orgs.items()}
        for k in list(self.org):  # "Deep State Justice Dept": a longer name ending in a body of the event
            tails = [t for t in orgs if len(t.split()) > 1 and k.endswith(" " + t)]
            if tails:
                self.org[k] = self.org[max(tails, key=len)]
        for k in list(self.org):  # "Super Bowl Committee": the one longer body holding its words in order
            longer = [t for t in orgs if _fuller(k, t)]
            if len(longer) == 1:
                self.org[k] = self.org[longer[0]]
        self._same_bodies(orgs, alias_actors)  # "HuffPost" / "Huffington Post", "NATO" / its full name
        bodies = set(self.org.values()) | {a for a in alias_actors if len(a.split()) > 1}
        by_initials = collections.defaultdict(set)
        for b in bodies:
            if len(b.split()) > 1:
                by_initials[initials(b)].add(b)
        self.by_initials = {k: next(iter(v)) for k, v in by_initials.items() if len(v) == 1}
        for k, body in self.org.items():  # "New York F.B.I.": a place before a body's acronym locates it
            *place, last = body.split()
            if place and _ACRONYM.fullmatch(last) and last.replace(".", "") in self.by_initials:
                self.org[k] = self.by_initials[last.replace(".", "")]
        firsts = collections.defaultdict(set)
        for b in self.org.values():
            if len(b.split()) == 2:
                firsts[fold(b.split()[0])].add(b)
        self.first_word = {k: next(iter(v)) for k, v in firsts.items() if len(v) == 1}
        self.gender: dict[tuple[str, str], str] = {}  # set by ``_genders``
        self.lower: set[str] = set()  # the words the event writes in lower case, set by ``event_actors``
        self.first_named: set[tuple[str, str]] = set()  # called by the first name alone (``event_actors``)

    def _same_bodies(self, orgs: dict[str, collections.Counter], alias_actors: set[str]) -> None:
        """Bodies written two ways that are one: a blend and its full name (``_blends``), a full name and
        its listed acronym (``_listed_acronyms``)."""
        self._blends(orgs)
        self._listed_acronyms({a for a in alias_actors if _ACRONYM.fullmatch(a)})

    def _blends(self, orgs: dict[str, collections.Counter]) -> None:
        """A body's name blended into one camel-case word and its full name are one body ("HuffPost" and
        "Huffington Post", "FedEx" and "Federal Express"): the name the event writes more often (the full
        name on a tie) for both."""
        bodies = set(self.org.values())
        count = collections.Counter()
        for k, c in orgs.items():
            count[self.org[k]] += sum(c.values())
        for blend in sorted(b for b in bodies if _BLEND.fullmatch(b)):
            full = [b for b in bodies if blend_of(blend, b)]
            if len(full) != 1:
                continue
            keep = max((full[0], blend), key=lambda b: (count[b], len(b)))
            self.org = {k: keep if v in (blend, full[0]) else v for k, v in self.org.items()}

    def _listed_acronyms(self, acronyms: set[str]) -> None:
        """A body the event names in full whose initials are an actor of the alias list ("North Atlantic
        Treaty Organization" beside the listed "NATO") is that actor: one name across the articles."""
        for k, body in list(self.org.items()):
            if len(body.split()) > 1 and initials(body) in acronyms:
                self.org[k] = initials(body)

    def key(self, name: str) -> tuple[str, str]:
        """The inventory key of a written full name (a name merged into a known one gives that one's)."""
        k = person_key(name, self.names)
        k = self._apart_key(k, name) if k in self.apart else k
        return self.merged.get(k, k)

    @staticmethod
    def _apart_key(key: tuple[str, str], name: str) -> tuple[str, str]:
        """The key of a name whose key the event gives two middle initials: the surname with the name's
        initials ("bush/H.W."), the plain key for the name written without any ("George Bush")."""
        return (key[0], f"{key[1]}/{middle(name)}") if middle(name) else key

    def first_key(self, word: str) -> tuple[str, str] | None:
        """The key of the one full name of the event with this first name, if no surname of the event is
        the word."""
        first = self.names.get(fold(word), fold(word))
        keys = [k for k in self.person if k[0] == first]
        return keys[0] if len(keys) == 1 and fold(word) not in self.by_surname else None

    def first_name(self, word: str) -> str | None:
        """The one full name of the event with this first name, if no surname of the event is the word."""
        key = self.first_key(word)
        return None if key is None else self.person[key]

    def grown(self, keys: list[tuple[str, str]], gender: str = "") -> list[tuple[str, str]]:
        """The candidates of a surname mention without those the event calls by their first name alone
        (children and family members: "Malia, 16", "Sasha"), where someone else is left: "Mr. Obama" and
        "President Obama" are not Sasha Obama. With an honorific's ``gender``, a first-named candidate
        the event gives that gender stays ("Mrs. Cruz" is Heidi Cruz, called "Heidi"), and the others are
        set aside only when one left may be of that gender."""
        left = [k for k in keys if k not in self.first_named or (gender and self.gender.get(k) == gender)]
        if not left or len(left) == len(keys):
            return keys
        if gender and not any(self.gender.get(k, gender) == gender for k in left):
            return keys
        return left

    def rivals(self, keys: list[tuple[str, str]], here: frozenset) -> bool:
        """Does an article name two or more of these people in full, each with a first name: a listed
        one, or a word the event never writes in lower case and names in full twice or more (not "News of
        Mattis", nor a nickname or a title the lists lack written once: "Mad Dog Mattis", "Congressman
        Ryan")?"""
        given = set(self.names) | set(self.names.values())
        named = [
            k
            for k in keys
            if k in here and (k[0] in given or (k[0] not in self.lower and self.full_count[k] >= 2))
        ]
        return len(named) > 1

    def surname(
        self,
        word: str,
        gender: str = "",
        here: frozenset = frozenset(),
        both: bool = False,
        wife_here: bool = False,
    ) -> str | None:
        """The full name of the event a surname mention is (None when the event leaves it open).

        First, a person the event calls by the first name alone (a child, a family member: "Malia",
        "Sasha") is set aside where another candidate is left (``grown``). ``gender``: 'm' after "Mr.",
        'f' after "Mrs./Ms./Miss": no candidate of the other gender (``self.gender``: the event's pronouns
        and honorifics for each full name; the one left is taken only when its own gender is told or
        ``both`` holds). ``both``: the event writes "Mr. X" and "Mrs./Ms. X", so of two candidates one
        is the man and one the woman: the one whose gender the event tells, or the other ("Mr. Clinton"
        is Bill Clinton beside Hillary Clinton, who is "her"); genders untold, "Mrs. X" is the one left
        when the most named is set aside.
        ``here``: the keys the mention's own article names in full; a bare or titled surname is none of
        several it names ("Hillary and Bill Clinton ... Clinton said"), unless ``wife_here``: the article
        writes "Mrs./Ms. X" and never "Mr. X", so its bare "X" is the other of the two ("Trump" beside
        "Mrs. Trump" and Melania Trump is Donald Trump). Otherwise, the event's most named in full (none
        on a tie).
        """
        keys = self.by_surname.get(fold(word)) or self.by_sound.get(sound_key(word), [])
        keys = self.grown(keys, gender)
        if len(keys) == 1:
            return self.person[keys[0]]
        top = max(keys, key=self.full_count.__getitem__, default=None)
        if gender:
            fit = [k for k in keys if self.gender.get(k, gender) == gender]
            if len(fit) == 1 and (fit[0] in self.gender or both):
                return self.person[fit[0]]  # told, or the one left where the event writes "Mr." and "Mrs."
            if both and len(keys) == 2:
                told = [k for k in keys if k in self.gender]
                pick = top if gender == "m" else next(k for k in keys if k != top)
                if told:
                    pick = (
                        told[0] if self.gender[told[0]] == gender else next(k for k in keys if k != told[0])
                    )
                return self.person[pick]
            keys = fit
        elif self.rivals(keys, here):
            named = [k for k in keys if k in here]
            wife = self.surname(word, "f", here, both) if wife_here and len(named) == 2 else None
            if wife in {self.person[k] for k in named}:
                return next(self.person[k] for k in named if self.person[k] != wife)
            return None
        counts = sorted((self.full_count[k] for k in keys), reverse=True)
        if len(counts) > 1 and counts[0] > counts[1]:
            return self.person[max(keys, key=self.full_count.__getitem__)]
        return None
