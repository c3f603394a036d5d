"""Which of several people of one surname a bare surname is (issue 21): the title the mention repeats,
the honorific's gender, the most named; and a father and son of one name ("Donald Trump" and "Donald
Trump Jr."), where the writer gives the son his suffix each time, so a bare surname is the father."""

from __future__ import annotations

import bisect
import re

from outlet_comparison.instruments.attribution.names import Names, found_by_surname, surname_key, surname_of

_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_NOT_TITLE = frozenset("former ex the then late".split())
_GENERATION = frozenset(("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"))  # a generational suffix
_JUNIOR = frozenset(("Jr", "Jr.", "II"))  # the son's suffix: the father bears the name without it
_HONORIFICS = frozenset(("Mr", "Mrs", "Ms", "Miss", "Dr"))


def senior(people: list[str], found: tuple[tuple[int, int, str], ...], surname: str, text: str) -> str:
    """The father a bare surname is when the text writes the son's surname with his suffix ("Trump Jr.":
    the short form keeps it, so the bare surname is not the son) and names the father apart: by his full
    name ("President Donald Trump") or by his surname after a title that is no honorific ("President
    Trump's eldest son"; "Mr. Trump" may be the son).
    Then the father's name: the full name written, else the son's without the suffix. "" otherwise."""
    juniors = [f for f in people if len(f.split()) > 1 and f.split()[-1] in _JUNIOR]
    if not any(len(f.split()) == 2 for f in juniors):  # no "Trump Jr.": "Jackson" may be the son
        return ""
    son = max(juniors, key=len)
    fathers = [f for f in people if len(f.split()) > 1 and f.split()[-1] not in _GENERATION]
    same_first = [f for f in fathers if f.split()[0] == son.split()[0]]
    if same_first:
        return max(same_first, key=len)
    titled = False
    for start, end, name in found:
        if name == surname:  # the surname alone, as found with a title or an honorific before it
            lead = text[start : text.find(name, start, end)].split()
            titled |= bool(lead) and lead[-1].rstrip(".") not in _HONORIFICS and lead[-1][:1].isupper()
    father = " ".join(son.split()[:-1])
    return father if titled and not fathers and len(father.split()) > 1 else ""


def _titled_before(found: tuple[tuple[int, int, str], ...], surname: str, text: str, pos: int) -> bool:
    """Does the text write the bare surname after a title that is no honorific before ``pos``?"""
    for start, end, name in found:
        if name == surname and start < pos:
            lead = text[start : text.find(name, start, end)].split()
            if lead and lead[-1].rstrip(".") not in _HONORIFICS and lead[-1][:1].isupper():
                return True
    return False


def father_before_son(
    people: list[str], found: tuple[tuple[int, int, str], ...], surname: str, text: str, pos: int
) -> str:
    """The father a bare surname is when it is written before the text first names anyone of that surname
    in full and every such full name carries a son's suffix ("President Trump ... Mr. Trump tweeted ...
    a photo of Donald Trump Jr."): the son is introduced by his full name, so the earlier mention is
    the man the title names. The son's name without the suffix; "" otherwise."""
    if not people or not all(len(f.split()) > 1 and f.split()[-1] in _JUNIOR for f in people):
        return ""
    first_full = min((start for start, _, name in found if name in people), default=-1)
    son = max(people, key=len)
    father = " ".join(son.split()[:-1])
    if pos >= first_full or len(father.split()) < 2 or not _titled_before(found, surname, text, pos):
        return ""
    return father


def family_member(
    mention: str, name: str, pos: int, text: str, names: Names, first_names: dict[str, str]
) -> str:
    """Which of several people of one surname a bare surname is ("Jackson" when the text names Jesse
    Jackson Jr. and Sandra Jackson): the father of a son named with a suffix (``senior``), else the one
    whose title the mention repeats ("Former Vice President Cheney" after "former Vice President Dick
    Cheney"), else those of the honorific's gender ("Mr. Jackson"), then the one the text names most often
    before ``pos`` (the first named on a tie). "" when the name has a first name or the text names one
    person (or none) of that surname."""
    if len(name.split()) != 1:
        return ""
    key = surname_key(surname_of(name))
    people: dict[str, tuple[int, int, str]] = {}  # first-word-led full name -> (count, -first start, lead)
    for start, end, found in found_by_surname(names.found).get(key, ()):
        fp = found.split()
        first_at = text.find(fp[0], start, end)  # a found span holds its title ("Vice President Dick")
        lead = text[max(0, start - 40) : max(start, first_at)]
        n, first, leads = people.get(found, (0, -start, ""))
        people[found] = (n + (end <= pos), first, f"{leads} {lead}")
    father = father_before_son(list(people), names.found, name, text, pos) or senior(
        list(people), names.found, name, text
    )
    if father:
        return father
    firsts = {f.split()[0] for f in people}
    if len(firsts) < 2:
        return ""  # one person of that surname: the longest spelling (``full_name``) is theirs
    words = [w.rstrip(".") for w in mention[: mention.rfind(name)].split()]
    titles = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_TITLE]
    gender = _HONORIFIC_GENDER.get(titles[0].lower(), "") if len(titles) == 1 else ""
    if titles and not gender:
        rx = re.compile(r"\b" + r"\.?\s+".join(map(re.escape, titles)) + r"\b", re.IGNORECASE)
        holders = [f for f, (_, _, leads) in people.items() if rx.search(leads)]
        if len({h.split()[0] for h in holders}) == 1:
            return max(holders, key=len)
    pool = [f for f in people if not gender or first_names.get(f.split()[0], gender) == gender] or list(
        people
    )
    best = max(pool, key=lambda f: (people[f][0], people[f][1], len(f)))
    return max((f for f in pool if f.split()[0] == best.split()[0]), key=len)


# "a lawyer for Mrs. Clinton", "the spokesman of Sen. Ted Cruz": an agent's role noun, then its principal
_AGENT_FOR = re.compile(
    r"(?:(?:a|an|the|A|An|The)\s+)?(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*)\s+(?:for|of|to)\s+"
    r"((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)"
)
# "Mrs. Clinton's lawyer", "Clinton’s longtime spokesman": the principal's possessive, then the role noun
_AGENT_OF = re.compile(
    r"((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w\-]*)[’']s\s+(?:[a-z][\w\-]*\s+){0,2}([a-z][\w\-]*)"
)
_AGENT_KINDS = ("title", "official")
# after the role: its principal, a comma or none, titles, then the holder ("lawyer for Mrs. Clinton, David
# Kendall", "Clinton's lawyer David Kendall")
_HOLDER_AFTER = re.compile(
    r"(?:\s+(?:for|of|to)\s+(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)?,?\s+(?:[A-Z][\w.]*\s+){0,2}"
)
# before the role: the holder, a comma, a determiner or the principal's possessive and modifiers ("David
# Kendall, a lawyer for", "Ty Cobb, President Trump's attorney")
_HOLDER_BEFORE = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?,\s+(?:a|an|the|(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w\-]*[’']s)\s+"
    r"(?:[a-z][\w\-]*\s+){0,2}"
)


def agent_role(mention: str, name: str, nouns: dict[str, str]) -> tuple[str, str] | None:
    """(role noun, principal) when the mention is an agent of the person ``name`` stands for ("a lawyer
    for Mrs. Clinton", "Clinton's spokesman"): the agent speaks, not the principal. None otherwise."""
    m = _AGENT_FOR.fullmatch(mention.strip())
    role, owner = (m.group(1), m.group(2)) if m else ("", "")
    if m is None:
        p = _AGENT_OF.fullmatch(mention.strip())
        role, owner = (p.group(2), p.group(1)) if p else ("", "")
    if not role or nouns.get(role) not in _AGENT_KINDS or not name:
        return None
    if surname_key(owner.split()[-1].rstrip("’'")) != surname_key(surname_of(name)):
        return None
    return role, owner


def apposes_own_name(mention: str, name: str) -> bool:
    """Does the mention end with its own full name apposed ("the lead attorney for the whistleblower,
    Andrew Bakaj")? Then that name is the speaker, not a name written before the description."""
    return len(name.split()) > 1 and re.search(rf",\s+{re.escape(name)}$", mention) is not None


def agent_holder(mention: str, name: str, text: str, names: Names, nouns: dict[str, str]) -> str | None:
    """The person the text names as the agent a mention describes ("The lawyer for Mrs. Clinton, David
    Kendall", "Clinton's lawyer David Kendall", "David Kendall, a lawyer for Mrs. Clinton"): a found name
    apposed to that role with that principal near it anywhere in the text; "" when the text names none
    (never the principal); None when the mention is no agent's description (``agent_role``)."""
    got = agent_role(mention, name, nouns)
    if got is None:
        return None
    if apposes_own_name(mention, name):
        return name  # "the lead attorney for the whistleblower, Andrew Bakaj": the mention names the agent
    role, sur = got[0], surname_of(name)
    for r in re.finditer(rf"\b{re.escape(role)}\b", text):
        if sur not in text[max(0, r.start() - 40) : r.end() + 40]:
            continue  # the role of someone else
        k = bisect.bisect_left(names.starts, r.end())
        for start, _, found in names.found[k : k + 2]:
            gap = _HOLDER_AFTER.match(text, r.end(), start)
            if gap and gap.end() == start and len(found.split()) >= 2 and surname_of(found) != sur:
                return found
        j = bisect.bisect_left(names.starts, r.start()) - 1
        if j >= 0:
            _, end, found = names.found[j]
            gap = _HOLDER_BEFORE.match(text, end, r.start())
            if gap and gap.end() == r.start() and len(found.split()) >= 2 and surname_of(found) != sur:
                return found
    return ""


def agent_type(mention: str, name: str, rtype: str, speaker: str, nouns: dict[str, str]) -> str:
    """``anonymous`` for an agent the text does not name ("an attorney for Cruz", "Clinton's spokesman"): a
    specific unnamed individual (issue 21), not the principal; ``rtype`` otherwise."""
    if rtype != "named_person" or speaker or agent_role(mention, name, nouns) is None:
        return rtype
    return "anonymous"


# "the president's campaign", "the senator's office": a title's possessive, then the body it owns
_TITLE_BODY = re.compile(r"(?:the|The)\s+([a-z][\w\-]*)[’']s\s+([a-z][\w\-]*)")


def title_body(mention: str, nouns: dict[str, str]) -> tuple[str, str] | None:
    """("the president", "campaign") for the body of a person named by title ("the president's campaign",
    issue 21: the owner's body speaking, a named organisation, not an anonymous source); None otherwise."""
    m = _TITLE_BODY.fullmatch(mention.strip())
    if m is None or nouns.get(m.group(1)) != "title" or nouns.get(m.group(2)) != "org":
        return None
    return f"the {m.group(1)}", m.group(2)
